#!/usr/bin/env python3
# test-render.py — --render-preview, the editors' share image, from the command line.
#
# Usage: test-render.py VERDICT_DESK   (needs a display: the suite runs under xvfb-run)
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

BINARY = None
SLUG = "claude-haiku-open-weights-vs-mistral-medium-3"


def run(*args, env=None):
    return subprocess.run([BINARY, *args], capture_output=True, timeout=120,
                          env=env if env is not None else os.environ)


def read_png(path):
    """Width, height and the distinct colours of an 8-bit RGBA PNG, with zlib only."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour == 6, "expected 8-bit RGBA"
    raw = zlib.decompress(idat)
    stride = width * 4
    colours, prev = set(), bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - 4] if x >= 4 else 0
            b = prev[x]
            c = prev[x - 4] if x >= 4 else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        if y % 16 == 0:
            colours.update(bytes(line[i:i + 4]) for i in range(0, stride, 4 * 7))
        prev = line
    return width, height, colours


class RenderPreview(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.db = os.path.join(self.dir.name, "demo.db")
        self.assertEqual(run("--database", self.db, "--create-demo").returncode, 0)

    def test_renders_the_page(self):
        out = os.path.join(self.dir.name, "share.png")
        r = run("--database", self.db, "--render-preview", out, "--comparison", SLUG)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("share.png", r.stdout.decode())
        width, height, colours = read_png(out)
        # The whole page, not the visible part: taller than it is wide.
        self.assertGreaterEqual(width, 800)
        self.assertGreater(height, width)
        # Text on a background, not a blank image.
        self.assertGreater(len(colours), 20)

    def test_errors(self):
        out = os.path.join(self.dir.name, "none.png")
        r = run("--database", self.db, "--render-preview", out, "--comparison", "no-such-page")
        self.assertEqual(r.returncode, 1)
        self.assertIn("no-such-page", r.stderr.decode())
        self.assertFalse(os.path.exists(out))

        r = run("--database", self.db, "--render-preview", out)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--comparison", r.stderr.decode())

        r = run("--database", self.db, "--render-preview",
                os.path.join(self.dir.name, "no", "such", "dir.png"), "--comparison", SLUG)
        self.assertEqual(r.returncode, 1)
        self.assertIn("dir.png", r.stderr.decode())

        headless = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        r = run("--database", self.db, "--render-preview", out, "--comparison", SLUG, env=headless)
        self.assertEqual(r.returncode, 1)
        self.assertIn("display", r.stderr.decode())


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
