#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail unless every screenshot the metainfo names is a PNG in data/screenshots/.

Usage: check-screenshots.py METAINFO_IN SOURCE_ROOT

The metainfo names them by the URL they will have on the project's hosting,
which ends in their path in the repository; build-aux/screenshots takes them
from the real app. Each must be there, be a PNG, and stay small.
"""

import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PREFIX = "https://raw.githubusercontent.com/verdictdesk/verdict-desk/main/"
MAX_BYTES = 300_000


def main() -> int:
    metainfo, root = Path(sys.argv[1]), Path(sys.argv[2])
    images = [image.text.strip() for image in ET.parse(metainfo).getroot().iter("image")]
    problems = []

    if not images:
        problems.append("the metainfo names no screenshot")
    for url in images:
        if not url.startswith(PREFIX + "data/screenshots/"):
            problems.append(f"{url}: not a file of data/screenshots/ in the repository")
            continue
        path = root / url[len(PREFIX):]
        if not path.is_file():
            problems.append(f"{url}: {path.relative_to(root)} is missing")
            continue
        data = path.read_bytes()
        if data[:8] != b"\x89PNG\r\n\x1a\n":
            problems.append(f"{path.name}: not a PNG")
            continue
        width, height = struct.unpack(">II", data[16:24])
        if len(data) > MAX_BYTES:
            problems.append(f"{path.name}: {len(data)} bytes, more than {MAX_BYTES}")
        print(f"{path.name}: {width}×{height}, {len(data)} bytes")

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
