#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail unless every language in po/LINGUAS has a valid, fully translated .po file.

Usage: check-po.py MSGFMT PO_DIR

Runs `msgfmt --check --statistics` on each file; a syntax or format-string error,
a fuzzy message or an untranslated message fails the test.
"""

import os
import sys

from postats import complete, read_linguas

def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    msgfmt, po_dir = sys.argv[1:]

    languages = read_linguas(po_dir)
    if not languages:
        print("po/LINGUAS lists no languages", file=sys.stderr)
        return 1

    failed = False
    for lang in languages:
        po_file = os.path.join(po_dir, lang + ".po")
        if not os.path.isfile(po_file):
            print(f"{lang}: listed in LINGUAS but {po_file} does not exist")
            failed = True
        elif not complete(msgfmt, po_file, lang):
            failed = True

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
