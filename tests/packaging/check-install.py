#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Install the build into a temporary DESTDIR and check that everything lands.

Usage: check-install.py MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID GETTEXT_PACKAGE

The UI definitions are not in the list: they are compiled into the binary as a
GResource, so there is nothing to install for them.
"""

import os
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 9:
        print(__doc__, file=sys.stderr)
        return 2
    meson, build_root, prefix, bindir, datadir, localedir, app_id, gettext_package = sys.argv[1:]

    def under_prefix(path):
        # Meson's rule: a relative directory option is relative to the prefix.
        return os.path.join(prefix, path)

    bindir, datadir, localedir = map(under_prefix, (bindir, datadir, localedir))
    expected = [
        (os.path.join(bindir, "verdict-desk"), True),
        (os.path.join(datadir, "applications", app_id + ".desktop"), False),
        (os.path.join(datadir, "metainfo", app_id + ".metainfo.xml"), False),
        (os.path.join(datadir, "icons", "hicolor", "scalable", "apps", app_id + ".svg"), False),
        (os.path.join(datadir, "icons", "hicolor", "symbolic", "apps",
                      app_id + "-symbolic.svg"), False),
        (os.path.join(datadir, "glib-2.0", "schemas", app_id + ".gschema.xml"), False),
        (os.path.join(localedir, "de", "LC_MESSAGES", gettext_package + ".mo"), False),
    ]

    with tempfile.TemporaryDirectory(prefix="vd-install-") as destdir:
        # --no-rebuild: `meson test` has already built everything, and a rebuild from
        # inside a test would race the build that started it.
        proc = subprocess.run(
            [meson, "install", "--no-rebuild", "--destdir", destdir, "-C", build_root],
            capture_output=True, text=True,
        )
        if proc.returncode != 0:
            print(proc.stdout + proc.stderr)
            print(f"meson install failed with exit status {proc.returncode}")
            if "could not be found" in proc.stdout + proc.stderr:
                print("An installable target was not built. Add it to the install-tree "
                      "test's depends in tests/packaging/meson.build, or build first.")
            return 1

        missing = []
        for path, executable in expected:
            staged = os.path.join(destdir, os.path.relpath(path, os.path.sep))
            if not os.path.isfile(staged):
                missing.append(f"{path} was not installed")
            elif executable and not os.access(staged, os.X_OK):
                missing.append(f"{path} is not executable")
            elif os.path.getsize(staged) == 0:
                missing.append(f"{path} is empty")
            else:
                print(f"installed {path}")

        # gnome.post_install() must not have touched a staged tree: packagers run the
        # cache updates on the target system.
        for cache in (os.path.join(datadir, "glib-2.0", "schemas", "gschemas.compiled"),
                      os.path.join(datadir, "icons", "hicolor", "icon-theme.cache")):
            if os.path.exists(os.path.join(destdir, os.path.relpath(cache, os.path.sep))):
                missing.append(f"{cache} was generated inside DESTDIR")

    for line in missing:
        print(line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
