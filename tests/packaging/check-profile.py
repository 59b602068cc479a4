#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Configure a development build and check what it would install says .Devel.

Usage: check-profile.py MESON SOURCE_ROOT DESKTOP_FILE_VALIDATE APPSTREAMCLI

GNOME apps install a development build beside the release: its own app id
(…VerdictDesk.Devel), desktop file, metainfo and icon, while the settings
schema stays the release's. This sets up a scratch build with
-Dprofile=development, builds only the desktop file and the metainfo, and
checks their names, ids, icon and validity.
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

BASE_ID = "io.github.verdictdesk.VerdictDesk"
APP_ID = BASE_ID + ".Devel"


def main() -> int:
    meson, source_root, desktop_file_validate, appstreamcli = sys.argv[1:]
    problems = []

    with tempfile.TemporaryDirectory() as build:
        subprocess.run([meson, "setup", build, source_root, "-Dprofile=development",
                        "-Dtests=false"], check=True, stdout=subprocess.DEVNULL)
        desktop = f"data/{APP_ID}.desktop"
        metainfo = f"data/{APP_ID}.metainfo.xml"
        subprocess.run(["ninja", "-C", build, desktop, metainfo], check=True,
                       stdout=subprocess.DEVNULL)

        with open(os.path.join(build, "config.h"), encoding="utf-8") as config:
            text = config.read()
        if f'#define APPLICATION_ID "{APP_ID}"' not in text:
            problems.append("config.h: the application id is not the development one")
        if f'#define APP_ID "{BASE_ID}"' not in text:
            problems.append("config.h: the settings schema id changed with the profile")
        if '#define PROFILE "development"' not in text:
            problems.append("config.h: PROFILE is not development")

        with open(os.path.join(build, desktop), encoding="utf-8") as entry:
            lines = entry.read().splitlines()
        if f"Icon={APP_ID}" not in lines:
            problems.append(f"{desktop}: the icon is not {APP_ID}")
        if subprocess.run([desktop_file_validate, os.path.join(build, desktop)]).returncode:
            problems.append(f"{desktop}: desktop-file-validate failed")

        root = ET.parse(os.path.join(build, metainfo)).getroot()
        if root.findtext("id") != APP_ID:
            problems.append(f"{metainfo}: <id> is {root.findtext('id')}")
        if root.findtext("launchable") != APP_ID + ".desktop":
            problems.append(f"{metainfo}: launches {root.findtext('launchable')}")
        if subprocess.run([appstreamcli, "validate", "--no-net",
                           os.path.join(build, metainfo)]).returncode:
            problems.append(f"{metainfo}: appstreamcli validate failed")

        icon = os.path.join(source_root, "data", "icons", "hicolor", "scalable", "apps",
                            APP_ID + ".svg")
        if not os.path.isfile(icon):
            problems.append(f"no {APP_ID}.svg icon")

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"development profile: {APP_ID}, " + ("ok" if not problems else "failed"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
