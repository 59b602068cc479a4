#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check po/POTFILES.in against the source tree.

Usage: check-potfiles.py SOURCE_ROOT

Fails if a file listed in POTFILES.in does not exist, if the list is not sorted,
or if a file under src/ or data/ui/ marks a string for translation but is neither
listed in POTFILES.in nor in po/POTFILES.skip.
"""

import os
import re
import sys

# What xgettext would extract: a marker whose message argument is a string literal,
# as in _("…"), N_ ("…"), C_("context", "…") or g_dngettext (GETTEXT_PACKAGE, "…", "…", n).
C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|gettext|ngettext)\s*\(\s*"')
C_DOMAIN_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:g_dgettext|g_dngettext|g_dpgettext2?|'
                             r'g_dcgettext|dgettext|dngettext|dcgettext)\s*\(\s*'
                             r'[A-Za-z_][A-Za-z0-9_]*\s*,\s*"')
C_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')

SCANNED = {
    "src": (".c", ".h"),
    os.path.join("data", "ui"): (".ui",),
}


def read_list(path):
    if not os.path.exists(path):
        return []
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                entries.append(line)
    return entries


def marks_strings(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".ui"):
        return UI_MARKER.search(text) is not None
    # A comment that mentions _() is not a translatable string.
    code = C_COMMENT.sub(" ", text)
    return C_MARKER.search(code) is not None or C_DOMAIN_MARKER.search(code) is not None


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    listed = read_list(os.path.join(root, "po", "POTFILES.in"))
    skipped = read_list(os.path.join(root, "po", "POTFILES.skip"))
    failed = False

    if not listed:
        print("po/POTFILES.in lists no files")
        return 1

    for entry in listed:
        if not os.path.isfile(os.path.join(root, entry)):
            print(f"po/POTFILES.in lists {entry}, which does not exist")
            failed = True

    if listed != sorted(listed):
        print("po/POTFILES.in is not sorted")
        failed = True

    if len(set(listed)) != len(listed):
        print("po/POTFILES.in lists a file more than once")
        failed = True

    known = set(listed) | set(skipped)
    for top, suffixes in SCANNED.items():
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(suffixes):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                if rel not in known and marks_strings(path):
                    print(f"{rel} has translatable strings but is missing from po/POTFILES.in")
                    failed = True

    if not failed:
        print(f"po/POTFILES.in: {len(listed)} files, all present; "
              "no file with translatable strings is missing")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
