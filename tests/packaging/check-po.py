#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail unless every language in po/LINGUAS has a valid, fully translated .po file.

Usage: check-po.py MSGFMT PO_DIR

Runs `msgfmt --check --statistics` on each file; a syntax or format-string error,
a fuzzy message or an untranslated message fails the test.
"""

import os
import re
import subprocess
import sys

STATS_RE = re.compile(
    r"(?P<translated>\d+) translated messages?"
    r"(?:, (?P<fuzzy>\d+) fuzzy translations?)?"
    r"(?:, (?P<untranslated>\d+) untranslated messages?)?"
)


def read_linguas(po_dir):
    languages = []
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            languages.extend(line.split())
    return languages


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    msgfmt, po_dir = sys.argv[1:]

    languages = read_linguas(po_dir)
    if not languages:
        print("po/LINGUAS lists no languages", file=sys.stderr)
        return 1

    # msgfmt prints its statistics in the user's language unless told otherwise.
    env = dict(os.environ, LC_ALL="C", LANGUAGE="")
    failed = False
    for lang in languages:
        po_file = os.path.join(po_dir, lang + ".po")
        if not os.path.isfile(po_file):
            print(f"{lang}: listed in LINGUAS but {po_file} does not exist")
            failed = True
            continue

        proc = subprocess.run(
            [msgfmt, "--check", "--statistics", "--output-file=" + os.devnull, po_file],
            env=env, capture_output=True, text=True,
        )
        output = (proc.stdout + proc.stderr).strip()
        print(f"{lang}: {output}")
        if proc.returncode != 0:
            failed = True
            continue

        match = STATS_RE.search(output)
        if match is None:
            print(f"{lang}: could not read the statistics printed by msgfmt")
            failed = True
            continue
        fuzzy = int(match.group("fuzzy") or 0)
        untranslated = int(match.group("untranslated") or 0)
        if fuzzy or untranslated:
            print(f"{lang}: {fuzzy} fuzzy and {untranslated} untranslated messages")
            failed = True

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
