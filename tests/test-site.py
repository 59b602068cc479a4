#!/usr/bin/env python3
# test-site.py — the reference site (examples/site) built from the demo's folder export.
#
# Usage: test-site.py VERDICT_DESK SITE_DIR
#
# Exports the demo database with --export-json DIR/, installs the site's
# locked dependencies with `npm ci` (once per build tree: node_modules is kept
# in the build directory and reused while package-lock.json is unchanged; a
# node_modules already in examples/site with the pinned Eleventy is used
# instead of the network),
# builds the site with Eleventy and reads the seed page's facts back out of
# the HTML. npm missing is a failure, not a skip: the README's test command
# installs it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import html
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = None
SITE = None
SLUG = "claude-haiku-open-weights-vs-mistral-medium-3"
# A datum that is markup and an entity as text: the page must show it as
# written, so it is escaped once (not zero times, not twice).
TRICKY = ' <script>alert("owned")</script> &amp; Co'


def run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, timeout=600, **kwargs)


class Text(html.parser.HTMLParser):
    """The text of a page, and the text of each element by class."""

    VOID = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.by_class = {}
        self.text = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in self.VOID:
            return
        classes = dict(attrs).get("class", "") or ""
        self.stack.append((tag, classes.split(), len(self.text)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            name, classes, start = self.stack.pop()
            for c in classes:
                self.by_class.setdefault(c, []).append("".join(self.text[start:]).strip())
            if name == tag:
                break

    def handle_data(self, data):
        self.text.append(data)

    def all_text(self):
        return " ".join(" ".join(self.text).split())


def parse(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    page = Text()
    page.feed(raw)
    page.close()
    return raw, page


def node_modules():
    """The site's locked dependencies, installed once per build tree."""
    npm = shutil.which("npm")
    node = shutil.which("node")
    if npm is None or node is None:
        raise AssertionError("npm and node are needed to build examples/site: install Debian's "
                             "nodejs and npm packages (./build-aux/quickstart test does)")
    cache = os.path.join(os.environ.get("G_TEST_BUILDDIR", tempfile.gettempdir()), "site-npm")
    os.makedirs(cache, exist_ok=True)
    with open(os.path.join(SITE, "package-lock.json"), "rb") as f:
        lock = f.read()
    stamp = os.path.join(cache, "installed-lock.sha256")
    wanted = hashlib.sha256(lock).hexdigest()
    eleventy = os.path.join(cache, "node_modules", "@11ty", "eleventy", "cmd.js")
    if os.path.exists(eleventy) and os.path.exists(stamp):
        with open(stamp) as f:
            if f.read().strip() == wanted:
                return node, eleventy
    # Offline, a node_modules that `npm ci` made in the site itself will do,
    # if it holds the pinned Eleventy.
    with open(os.path.join(SITE, "package.json"), encoding="utf-8") as f:
        pinned = json.load(f)["devDependencies"]["@11ty/eleventy"]
    own = os.path.join(SITE, "node_modules", "@11ty", "eleventy")
    if os.path.exists(os.path.join(own, "package.json")):
        with open(os.path.join(own, "package.json"), encoding="utf-8") as f:
            if json.load(f)["version"] == pinned:
                return node, os.path.join(own, "cmd.js")
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(os.path.join(SITE, name), os.path.join(cache, name))
    r = run(npm, "ci", "--no-audit", "--no-fund", "--prefer-offline", cwd=cache)
    if r.returncode != 0:
        raise AssertionError(f"npm ci failed in {cache}:\n{r.stdout.decode()}{r.stderr.decode()}")
    with open(stamp, "w") as f:
        f.write(wanted + "\n")
    return node, eleventy


class Site(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.node, cls.eleventy = node_modules()
        cls.tmp = tempfile.TemporaryDirectory()
        db = os.path.join(cls.tmp.name, "demo.db")
        r = run(BINARY, "--database", db, "--create-demo")
        assert r.returncode == 0, r.stderr

        # The tricky datum goes into the dek, through an import.
        r = run(BINARY, "--database", db, "--export-json", "-", "--comparison", SLUG)
        assert r.returncode == 0, r.stderr
        doc = json.loads(r.stdout)
        page = doc["comparisons"][0]
        cls.dek = page["dek"] + TRICKY
        page["dek"] = cls.dek
        page["updated"] = "2026-11-21T09:00:00.000000Z"
        r = run(BINARY, "--database", db, "--import-json", "-",
                input=json.dumps(doc, ensure_ascii=False).encode())
        assert r.returncode == 0, r.stderr

        cls.export = os.path.join(cls.tmp.name, "export")
        os.mkdir(cls.export)
        r = run(BINARY, "--database", db, "--export-json", cls.export + os.sep)
        assert r.returncode == 0, r.stderr
        with open(os.path.join(cls.export, f"{SLUG}.json"), encoding="utf-8") as f:
            cls.page = json.load(f)["comparisons"][0]

        cls.out = os.path.join(cls.tmp.name, "_site")
        env = dict(os.environ, VERDICT_DESK_EXPORT=cls.export)
        cls.build = run(cls.node, cls.eleventy, f"--output={cls.out}", cwd=SITE, env=env)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.assertEqual(self.build.returncode, 0,
                         self.build.stdout.decode() + self.build.stderr.decode())

    def test_page_has_the_seed_facts(self):
        raw, page = parse(os.path.join(self.out, SLUG, "index.html"))
        classes = page.by_class
        self.assertIn("<h1>Claude Haiku Open Weights vs Mistral Medium 3</h1>", raw)
        # The two tools side by side, in page order, each card naming its own.
        self.assertEqual(len(classes["tool"]), 2)
        for card, name in zip(classes["tool"], ("Claude Haiku Open Weights", "Mistral Medium 3")):
            self.assertIn(name, card)
        self.assertEqual(classes["ship"], ["50%", "100%"])
        self.assertEqual(classes["community"], ["—", "—"])
        self.assertEqual(classes["entry"], ["Free", "Paid"])
        self.assertEqual(classes["decided"], ["4 of 4 decided", "4 of 4 decided"])
        self.assertEqual(classes["category"], ["Developer Tools", "Developer Tools"])
        self.assertEqual(classes["tagline"], [t["tagline"] for t in self.page["tools"]])
        self.assertEqual(classes["description"], [t["description"] for t in self.page["tools"]])
        self.assertIn(self.page["pricing_read"], classes["pricing-read"][0])

        # Every quote of the page (four reviewers, two tools each), in
        # reviewer order, tool A before tool B, each with its verdict.
        quotes = [" ".join(q.split()) for q in classes.get("card", [])]
        self.assertEqual(len(quotes), 8)
        for i, reviewer in enumerate(self.page["reviewers"]):
            self.assertIn(reviewer["name"], classes["reviewer"][i])
            for t, tool in enumerate(self.page["tools"]):
                (card,) = [c for c in self.page["scorecards"]
                           if c["reviewer"] == reviewer["uuid"] and c["tool"] == tool["uuid"]]
                verdict = {"ship": "Ship", "skip": "Skip"}[card["verdict"]]
                self.assertEqual(quotes[2 * i + t],
                                 f"{verdict} {tool['name']} “{' '.join(card['quote'].split())}”")

    def test_text_is_escaped_once(self):
        raw, page = parse(os.path.join(self.out, SLUG, "index.html"))
        # Shown as written: markup as text, the entity as its five characters.
        self.assertEqual(page.by_class["dek"], [self.dek])
        self.assertIn("&lt;script&gt;", raw)
        self.assertIn("&amp;amp; Co", raw)
        self.assertNotIn("<script", raw)
        self.assertNotIn("script", page.tags)
        self.assertNotIn("&amp;lt;", raw)

    def test_index_lists_every_page(self):
        with open(os.path.join(self.export, "index.json"), encoding="utf-8") as f:
            index = json.load(f)["comparisons"]
        raw, page = parse(os.path.join(self.out, "index.html"))
        self.assertEqual(len(index), 1)
        for entry in index:
            self.assertIn(f'href="/{entry["slug"]}/"', raw)
            self.assertIn(entry["title"], page.all_text())
            self.assertTrue(os.path.exists(os.path.join(self.out, entry["slug"], "index.html")))
        self.assertTrue(os.path.exists(os.path.join(self.out, "style.css")))


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    SITE = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
