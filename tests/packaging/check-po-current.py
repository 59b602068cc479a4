#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail if a .po file in po/LINGUAS lacks a translation for a string in the sources.

Usage: check-po-current.py XGETTEXT MSGMERGE MSGATTRIB MSGFMT SOURCE_ROOT

check-po.py only looks at the .po files as committed; this extracts the strings
from po/POTFILES.in the way the `verdict-desk-pot` target does (meson's 'glib'
preset), merges each .po file with them and fails if anything is left fuzzy or
untranslated. Fix a failure with `meson compile verdict-desk-update-po` and
translate the new strings.
"""

import os
import re
import subprocess
import sys
import tempfile

from postats import C_LOCALE, complete, read_linguas

# The keywords and flags of meson's i18n 'glib' preset (mesonbuild/modules/i18n.py).
GLIB_PRESET = [
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]

def run(cmd, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        print(" ".join(cmd))
        print(proc.stdout + proc.stderr)
        raise SystemExit(1)
    return proc


def print_entries_needing_work(msgattrib, po_file, lang, env):
    """Print the fuzzy and untranslated entries, so the log says which strings need work."""
    for selector in ("--untranslated", "--only-fuzzy"):
        proc = run([msgattrib, selector, "--no-obsolete", "--no-wrap", po_file], env=env)
        for line in proc.stdout.splitlines():
            if line.startswith("msgid ") and line != 'msgid ""':
                print(f"{lang}: {selector[2:]}: {line[6:]}")


def main():
    if len(sys.argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    xgettext, msgmerge, msgattrib, msgfmt, source_root = sys.argv[1:]
    po_dir = os.path.join(source_root, "po")
    env = C_LOCALE

    with tempfile.TemporaryDirectory(prefix="vd-po-") as tmp:
        pot = os.path.join(tmp, "verdict-desk.pot")
        run([xgettext, "--package-name=verdict-desk", "--directory=" + source_root,
             "--files-from=" + os.path.join(po_dir, "POTFILES.in"),
             "--output=" + pot, *GLIB_PRESET], env=env)

        failed = False
        for lang in read_linguas(po_dir):
            merged = os.path.join(tmp, lang + ".po")
            run([msgmerge, "--quiet", "--no-fuzzy-matching", "--output-file=" + merged,
                 os.path.join(po_dir, lang + ".po"), pot], env=env)
            if not complete(msgfmt, merged, f"{lang} against the current sources"):
                failed = True
                print_entries_needing_work(msgattrib, merged, lang, env)

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
