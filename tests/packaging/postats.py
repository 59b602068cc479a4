# postats.py — what check-po.py and check-po-current.py share: the language
# list and msgfmt's verdict on one catalogue.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess

STATS_RE = re.compile(
    r"(?P<translated>\d+) translated messages?"
    r"(?:, (?P<fuzzy>\d+) fuzzy translations?)?"
    r"(?:, (?P<untranslated>\d+) untranslated messages?)?"
)

# msgfmt prints its statistics in the user's language unless told otherwise.
C_LOCALE = dict(os.environ, LC_ALL="C", LANGUAGE="")


def read_linguas(po_dir):
    languages = []
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            languages.extend(line.split("#", 1)[0].split())
    return languages


def complete(msgfmt, po_file, label):
    """Runs msgfmt --check on po_file; prints its statistics after label.
    Returns True when the catalogue is valid and fully translated."""
    proc = subprocess.run(
        [msgfmt, "--check", "--statistics", "--output-file=" + os.devnull, po_file],
        env=C_LOCALE, capture_output=True, text=True,
    )
    output = (proc.stdout + proc.stderr).strip()
    print(f"{label}: {output}")
    if proc.returncode != 0:
        return False
    match = STATS_RE.search(output)
    if match is None:
        print(f"{label}: could not read the statistics printed by msgfmt")
        return False
    fuzzy = int(match.group("fuzzy") or 0)
    untranslated = int(match.group("untranslated") or 0)
    if fuzzy or untranslated:
        print(f"{label}: {fuzzy} fuzzy and {untranslated} untranslated messages")
        return False
    return True
