#!/usr/bin/env python3
# test-cli.py — the headless command line, run as a user would run it.
#
# Usage: test-cli.py VERDICT_DESK SCHEMA.json INDEX_SCHEMA.json
# Every export is validated against the JSON Schema, every folder's index
# against its own.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

import jsonschema

BINARY = None
SCHEMA = None
INDEX_SCHEMA = None
SLUG = "claude-haiku-open-weights-vs-mistral-medium-3"


def run(*args, stdin=None, **extra_env):
    # No display at all: the data switches must not need one.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(extra_env)
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, env=env, timeout=120)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# Run inside a private mount namespace (unshare -rm): mounts a small tmpfs,
# fills it to leave FREE bytes, and exports onto a file already there. The
# mount dies with the namespace, whatever happens.
FULL_DISK = r"""
import hashlib, json, os, subprocess, sys
binary, db, mount, free = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount], check=True)
out = os.path.join(mount, "out.json")
with open(out, "wb") as f:
    f.write(b"previous export\n" * 256)
with open(out, "rb") as f:
    before = hashlib.sha256(f.read()).hexdigest()
filler = os.path.join(mount, "filler")
fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
try:
    while os.write(fd, b"x" * 512) > 0:
        pass
except OSError:
    pass
os.close(fd)
os.truncate(filler, max(0, os.path.getsize(filler) - free))
r = subprocess.run([binary, "--database", db, "--export-json", out], capture_output=True)
with open(out, "rb") as f:
    after = hashlib.sha256(f.read()).hexdigest()
print(json.dumps(dict(code=r.returncode, stderr=r.stderr.decode(), same=before == after,
                      files=sorted(os.listdir(mount)))))
"""


class Cli(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.demo = self.path("demo.db")
        r = run("--database", self.demo, "--create-demo")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(r.stdout.decode().strip().splitlines()), 1)

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def export(self, db, *extra):
        r = run("--database", db, "--export-json", "-", *extra)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
        doc = json.loads(r.stdout)
        jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)
        return r.stdout

    def assertFails(self, result, code, says):
        self.assertEqual(result.returncode, code, result.stderr)
        message = result.stderr.decode()
        self.assertIn(says, message)
        self.assertNotIn("CRITICAL", message)
        self.assertNotIn("Traceback", message)

    def test_version_and_help(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"^verdict-desk \d+\.\d+\.\d+\n$")
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        for switch in ("--database", "--create-demo", "--export-json", "--import-json",
                       "--comparison", "--render-preview", "--version",
                       "--quit-after-first-frame", "--sync", "--conflicts", "--author-name",
                       "--author-email", "DIR/", "index.json"):
            self.assertIn(switch, r.stdout.decode())

    def test_usage_errors(self):
        self.assertFails(run("--no-such-switch"), 2, "no-such-switch")
        self.assertFails(run("--database", self.demo, "--create-demo", "--version"), 2,
                         "one of")
        self.assertFails(run("--database", self.demo, "--comparison", SLUG), 2,
                         "--export-json")
        self.assertFails(run("--create-demo"), 2, "--database")
        self.assertFails(run("stray"), 2, "stray")

    def test_import_version_1(self):
        # A version 1 document: no decided counts, and "undecided" for what
        # was really no verdict yet. It reads as no verdict, not abstaining.
        doc = json.loads(self.export(self.demo))
        doc["schema_version"] = 1
        (comparison,) = doc["comparisons"]
        for tool in comparison["tools"]:
            for key in ("no_verdict", "decided", "decided_label"):
                del tool["panel"][key]
        comparison["scorecards"][0]["verdict"] = "undecided"
        comparison["split"][0]["verdicts"][0] = "undecided"
        old = self.path("v1.json")
        with open(old, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        fresh = self.path("from-v1.db")
        r = run("--database", fresh, "--import-json", old)
        self.assertEqual(r.returncode, 0, r.stderr)
        (page,) = json.loads(self.export(fresh, "--comparison", SLUG))["comparisons"]
        self.assertEqual(page["scorecards"][0]["verdict"], "none")
        self.assertEqual(page["split"][0]["verdicts"][0], "none")
        self.assertEqual(page["tools"][0]["panel"]["decided_label"], "3 of 4 decided")
        self.assertEqual(page["tools"][0]["panel"]["no_verdict"], 1)
        self.assertEqual(page["tools"][0]["panel"]["undecided"], 0)

        # "none" is a version 2 word: a version 1 document with it is refused whole.
        comparison["scorecards"][0]["verdict"] = "none"
        with open(old, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        before = self.export(self.demo)
        self.assertFails(run("--database", self.demo, "--import-json", old), 1,
                         "scorecards[0].verdict: expected undecided, ship or skip")
        self.assertEqual(self.export(self.demo), before)

    def test_export_refuses_incomplete(self):
        # An import of a published page without a tagline is accepted (it
        # is someone's work), but the website's export refuses to write it.
        doc = json.loads(self.export(self.demo))
        doc["comparisons"][0]["tools"][1]["tagline"] = ""
        bundle = self.path("incomplete.json")
        with open(bundle, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        db = self.path("incomplete.db")
        r = run("--database", db, "--import-json", bundle)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("--database", db, "--export-json", "-")
        self.assertFails(r, 1, f"“{SLUG}” (Published): “Mistral Medium 3” has no tagline")
        self.assertEqual(r.stdout, b"")
        out = self.path("site.json")
        with open(out, "wb") as f:
            f.write(b"previous")
        self.assertFails(run("--database", db, "--export-json", out), 1, "has no tagline")
        with open(out, "rb") as f:
            self.assertEqual(f.read(), b"previous")
        # Named, it still exports, for previews.
        (page,) = json.loads(self.export(db, "--comparison", SLUG))["comparisons"]
        self.assertEqual(page["tools"][1]["tagline"], "")

    def test_create_demo_refuses_existing(self):
        before = digest(self.demo)
        self.assertFails(run("--database", self.demo, "--create-demo"), 1, "already exists")
        self.assertEqual(digest(self.demo), before)

    def test_export_demo_figures(self):
        doc = json.loads(self.export(self.demo))
        (comparison,) = doc["comparisons"]
        haiku, mistral = comparison["tools"]
        self.assertEqual(comparison["slug"], SLUG)
        self.assertEqual(haiku["panel"]["ship_label"], "50%")
        self.assertEqual(mistral["panel"]["ship_label"], "100%")
        # The seed's 50% is 2 ship of 4 decided.
        self.assertEqual(doc["schema_version"], 2)
        self.assertEqual((haiku["panel"]["decided"], haiku["panel"]["decided_label"]),
                         (4, "4 of 4 decided"))
        self.assertEqual(mistral["panel"]["decided_label"], "4 of 4 decided")
        self.assertEqual(haiku["community"]["label"], "—")
        self.assertEqual(mistral["community"]["label"], "—")
        self.assertEqual((haiku["pricing_label"], mistral["pricing_label"]), ("Free", "Paid"))
        self.assertEqual(len(comparison["scorecards"]), 8)

    def test_export_to_file_matches_stdout(self):
        out = self.path("out.json")
        r = run("--database", self.demo, "--export-json", out, "--comparison", SLUG)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(out, r.stderr.decode())
        with open(out, "rb") as f:
            self.assertEqual(f.read(), self.export(self.demo))

    def test_export_errors(self):
        self.assertFails(run("--database", self.demo, "--export-json", "-", "--comparison",
                             "no-such-page"), 1, "no-such-page")
        missing = self.path("missing.db")
        self.assertFails(run("--database", missing, "--export-json", "-"), 1, "missing.db")
        self.assertFalse(os.path.exists(missing))
        notes = self.path("notes.txt")
        with open(notes, "w") as f:
            f.write("not a database\n")
        self.assertFails(run("--database", notes, "--export-json", "-"), 1,
                         "not a Verdict Desk database")
        with open(notes) as f:
            self.assertEqual(f.read(), "not a database\n")
        self.assertFails(run("--database", self.demo, "--export-json",
                             self.path("no/such/dir/out.json")), 1, "out.json")

    def test_export_full_disk_keeps_previous_file(self):
        # The demo page is about 20 KiB: the disk fills at its start, inside
        # it and just short of its end.
        mount = self.path("mnt")
        os.mkdir(mount)
        for free in (0, 4096, 8192, 16384):
            r = subprocess.run(["unshare", "--mount", "--map-root-user", sys.executable,
                                "-c", FULL_DISK, BINARY, self.demo, mount, str(free)],
                               capture_output=True, timeout=120)
            if r.returncode != 0 and b"Operation not permitted" in r.stderr:
                # No mount namespace here (a container, a chroot): the same
                # write error at the same bytes, by the file-size limit.
                self.export_fails_at(free)
                continue
            self.assertEqual(r.returncode, 0, r.stderr)
            result = json.loads(r.stdout)
            self.assertEqual(result["code"], 1, result)
            self.assertIn("No space left on device", result["stderr"])
            self.assertIn("is unchanged", result["stderr"])
            self.assertEqual(len(result["stderr"].strip().splitlines()), 1, result)
            self.assertTrue(result["same"], result)
            self.assertEqual(result["files"], ["filler", "out.json"])

    def export_fails_at(self, limit):
        import resource
        import signal

        folder = self.path(f"limit-{limit}")
        os.mkdir(folder)
        out = os.path.join(folder, "out.json")
        with open(out, "wb") as f:
            f.write(b"previous export\n" * 2048)
        before = digest(out)

        def cut_writes():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        # The limit is for every file the export writes: a connection held
        # open here keeps the database's WAL index grown already, so that
        # only the output meets it.
        import sqlite3
        held = sqlite3.connect(self.demo)
        self.addCleanup(held.close)
        held.execute("SELECT count(*) FROM tools").fetchall()
        r = subprocess.run([BINARY, "--database", self.demo, "--export-json", out],
                           capture_output=True, preexec_fn=cut_writes, timeout=120)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("is unchanged", r.stderr.decode())
        self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
        self.assertEqual(digest(out), before)
        self.assertEqual(os.listdir(folder), ["out.json"])

    # The folder export ------------------------------------------------------

    def folder(self, name="site"):
        folder = self.path(name)
        os.mkdir(folder)
        return folder

    def export_folder(self, db, folder, *extra, written=None):
        r = run("--database", db, "--export-json", folder + os.sep, *extra)
        self.assertEqual(r.returncode, 0, r.stderr)
        line = r.stdout.decode()
        self.assertEqual(len(line.strip().splitlines()), 1, line)
        if written is not None:
            self.assertIn(f": {written} files written", line)
        return line

    def snapshot(self, folder):
        # Every file's bytes and modification time, hidden ones included.
        files = {}
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[name] = (f.read(), os.stat(path).st_mtime_ns)
        return files

    def read_index(self, folder):
        # Valid against its schema, and every page it lists against the export's.
        with open(os.path.join(folder, "index.json"), "rb") as f:
            index = json.loads(f.read())
        jsonschema.validate(index, INDEX_SCHEMA, cls=jsonschema.Draft202012Validator)
        for entry in index["comparisons"]:
            self.assertEqual(entry["file"], entry["slug"] + ".json")
            with open(os.path.join(folder, entry["file"]), "rb") as f:
                jsonschema.validate(json.loads(f.read()), SCHEMA,
                                    cls=jsonschema.Draft202012Validator)
        return index

    def add_page(self, db, slug, title, status="published", section_suffix=""):
        # A second page beside the demo's: the same tools and panel, its own
        # uuids; an import adds it.
        doc = json.loads(self.export(self.demo))
        (page,) = doc["comparisons"]
        n = sum(1 for _ in slug) % 10
        uuid = page["uuid"][:-2] + f"{n}{len(slug) % 10}"
        page.update(uuid=uuid, slug=slug, title=title, status=status)
        for i, card in enumerate(page["scorecards"]):
            card["uuid"] = card["uuid"][:-4] + f"{n}{len(slug) % 10}{i:02d}"
            card["comparison"] = uuid
            card["sections"][0] += section_suffix
            card["quote"] = " ".join(s.strip() for s in card["sections"] if s.strip())
        bundle = self.path(f"{slug}.bundle.json")
        with open(bundle, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        r = run("--database", db, "--import-json", bundle)
        self.assertEqual(r.returncode, 0, r.stderr)

    def edit_page(self, db, slug, **fields):
        # Changes a page's own fields through an import, one second newer.
        doc = json.loads(self.export(db, "--comparison", slug))
        (page,) = doc["comparisons"]
        page.update(fields)
        page["updated"] = page["updated"].replace(":00.000000Z", ":01.000000Z")
        r = run("--database", db, "--import-json", "-",
                stdin=json.dumps(doc, ensure_ascii=False).encode())
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 updated", r.stdout.decode())

    def test_export_folder_layout(self):
        folder = self.folder()
        line = self.export_folder(self.demo, folder, written=2)
        self.assertIn("Exported 1 comparison to", line)
        self.assertEqual(sorted(os.listdir(folder)), [f"{SLUG}.json", "index.json"])
        # Each page is the one-page document, byte for byte, valid against the schema.
        with open(os.path.join(folder, f"{SLUG}.json"), "rb") as f:
            self.assertEqual(f.read(), self.export(self.demo, "--comparison", SLUG))
        index = self.read_index(folder)
        self.assertEqual((index["format"], index["schema_version"]), ("verdict-desk/index", 2))
        self.assertEqual(index["comparisons"], [{
            "slug": SLUG, "file": f"{SLUG}.json",
            "title": "Claude Haiku Open Weights vs Mistral Medium 3",
            "status": "published", "publish_date": "2026-11-20",
            "updated": "2026-11-20T09:00:00.000000Z"}])
        # The same layout as the document: two-space indent, " : ".
        with open(os.path.join(folder, "index.json"), "rb") as f:
            self.assertIn(b'\n      "slug" : "' + SLUG.encode() + b'",\n', f.read())

        # A second run changes nothing: same bytes, same time stamps.
        before = self.snapshot(folder)
        self.export_folder(self.demo, folder, written=0)
        self.assertEqual(self.snapshot(folder), before)
        # Without the slash, an existing folder is a folder too.
        r = run("--database", self.demo, "--export-json", folder)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("0 files written, 2 unchanged", r.stdout.decode())
        self.assertEqual(self.snapshot(folder), before)

    def test_export_folder_edit_changes_only_its_page(self):
        self.add_page(self.demo, "second-page", "A second page")
        folder = self.folder()
        self.export_folder(self.demo, folder, written=3)
        self.assertEqual([e["slug"] for e in self.read_index(folder)["comparisons"]],
                         ["claude-haiku-open-weights-vs-mistral-medium-3", "second-page"])
        before = self.snapshot(folder)
        time.sleep(0.01)

        self.edit_page(self.demo, "second-page", title="A second page, retitled")
        line = self.export_folder(self.demo, folder, written=2)
        self.assertIn("1 unchanged", line)
        after = self.snapshot(folder)
        self.assertEqual(after[f"{SLUG}.json"], before[f"{SLUG}.json"])
        for name in ("second-page.json", "index.json"):
            self.assertNotEqual(after[name][0], before[name][0], name)
            self.assertGreater(after[name][1], before[name][1], name)
        (entry,) = [e for e in self.read_index(folder)["comparisons"] if e["slug"] == "second-page"]
        self.assertEqual((entry["title"], entry["updated"]),
                         ("A second page, retitled", "2026-11-20T09:00:01.000000Z"))
        # Two runs of the same content: byte-identical folders.
        other = self.folder("again")
        self.export_folder(self.demo, other)
        self.assertEqual({k: v[0] for k, v in self.snapshot(other).items()},
                         {k: v[0] for k, v in after.items()})

    def test_export_folder_removes_only_its_own_stale_pages(self):
        self.add_page(self.demo, "second-page", "A second page")
        folder = self.folder()
        for name, data in (("notes.txt", b"mine\n"), ("other.json", b"{}\n")):
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
        self.export_folder(self.demo, folder, written=3)
        # Back to draft: the website no longer gets it, and the file goes;
        # what the desk did not write stays.
        self.edit_page(self.demo, "second-page", status="draft")
        line = self.export_folder(self.demo, folder, written=1)
        self.assertIn("1 removed", line)
        self.assertEqual(sorted(os.listdir(folder)),
                         [f"{SLUG}.json", "index.json", "notes.txt", "other.json"])
        self.assertEqual(len(self.read_index(folder)["comparisons"]), 1)

        # --comparison writes one page, of any status, and adds it to the index
        # beside the others, for a preview of the site ...
        self.export_folder(self.demo, folder, "--comparison", "second-page", written=2)
        index = self.read_index(folder)["comparisons"]
        self.assertEqual([(e["slug"], e["status"]) for e in index],
                         [(SLUG, "published"), ("second-page", "draft")])
        with open(os.path.join(folder, "second-page.json"), "rb") as f:
            self.assertEqual(f.read(), self.export(self.demo, "--comparison", "second-page"))
        # ... until the next full export, which removes it again.
        self.export_folder(self.demo, folder, written=1)
        self.assertFalse(os.path.exists(os.path.join(folder, "second-page.json")))

        # A listed page that someone replaced with a file of their own stays.
        self.export_folder(self.demo, folder, "--comparison", "second-page", written=2)
        with open(os.path.join(folder, "second-page.json"), "wb") as f:
            f.write(b"my own notes\n")
        line = self.export_folder(self.demo, folder, written=1)
        self.assertIn("0 removed", line)
        with open(os.path.join(folder, "second-page.json"), "rb") as f:
            self.assertEqual(f.read(), b"my own notes\n")
        self.assertEqual(len(self.read_index(folder)["comparisons"]), 1)

    def test_export_folder_never_overwrites_what_is_not_ours(self):
        folder = self.folder()
        for name, data in (("index.json", b'{"pages": []}\n'),
                           (f"{SLUG}.json", b"<html>a page of my own</html>\n")):
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            before = self.snapshot(folder)
            self.assertFails(run("--database", self.demo, "--export-json", folder + "/"), 1,
                             name)
            self.assertEqual(self.snapshot(folder), before)
            os.unlink(os.path.join(folder, name))

    def test_export_folder_refusal_writes_nothing(self):
        doc = json.loads(self.export(self.demo))
        folder = self.folder()
        self.export_folder(self.demo, folder)
        before = self.snapshot(folder)
        doc["comparisons"][0]["tools"][0]["category"] = ""
        doc["comparisons"][0]["tools"][0]["updated"] = "2026-11-21T09:00:00.000000Z"
        r = run("--database", self.demo, "--import-json", "-",
                stdin=json.dumps(doc, ensure_ascii=False).encode())
        self.assertEqual(r.returncode, 0, r.stderr)
        empty = self.folder("empty")
        for target, expected in ((folder, before), (empty, {})):
            r = run("--database", self.demo, "--export-json", target + "/")
            self.assertFails(r, 1, f"“{SLUG}” (Published): “Claude Haiku Open Weights” has no "
                                   "category")
            self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
            self.assertEqual(self.snapshot(target), expected)
        # Named, it still goes, for a preview.
        self.export_folder(self.demo, empty, "--comparison", SLUG, written=2)

    def test_export_folder_missing_is_an_error(self):
        missing = self.path("no-such-folder")
        r = run("--database", self.demo, "--export-json", missing + "/")
        self.assertFails(r, 1, "There is no folder")
        self.assertIn("no-such-folder", r.stderr.decode())
        self.assertFalse(os.path.exists(missing))

    def test_export_folder_failure_keeps_previous_files(self):
        # Two pages, the second three times the size: a file-size limit
        # between the two lets the first be written and stops the second.
        self.add_page(self.demo, "second-page", "A second page", section_suffix=" More." * 8000)
        folder = self.folder()
        self.export_folder(self.demo, folder, written=3)
        self.edit_page(self.demo, SLUG, dek="A new dek for the first page.")
        self.edit_page(self.demo, "second-page", dek="A new dek for the second page.")
        before = self.snapshot(folder)
        first = len(self.export(self.demo, "--comparison", SLUG))
        second = len(self.export(self.demo, "--comparison", "second-page"))
        self.assertGreater(second, 2 * first)

        import resource
        import signal
        import sqlite3
        held = sqlite3.connect(self.demo)
        self.addCleanup(held.close)
        held.execute("SELECT count(*) FROM tools").fetchall()
        for limit in (0, first + 64, second - 1):
            def cut_writes():
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

            r = subprocess.run([BINARY, "--database", self.demo, "--export-json", folder + "/"],
                               capture_output=True, preexec_fn=cut_writes, timeout=120)
            self.assertFails(r, 1, "was changed")
            self.assertIn("File too large", r.stderr.decode())
            self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
            # Every file as it was, and no temporary file left behind.
            self.assertEqual(self.snapshot(folder), before, limit)
        self.export_folder(self.demo, folder, written=3)

    def test_refused_commands_leave_database_bytes(self):
        good = self.path("good.json")
        with open(good, "wb") as f:
            f.write(self.export(self.demo).replace(b"2026-11-20T09:00:00.000000Z",
                                                   b"2026-11-29T09:00:00.000000Z"))
        # Refused only once its page is merged, inside the bulk transaction.
        late = self.path("late.json")
        with open(late, "wb") as f:
            f.write(self.export(self.demo).replace(
                b'"pricing" : "paid"', b'"pricing" : "priceless"'))
        commands = (("--import-json", good), ("--import-json", late),
                    ("--export-json", self.path("out.json")), ("--export-json", "-"))

        def refused_keeps_bytes(db, must_refuse):
            before = digest(db)
            for command in commands:
                r = run("--database", db, *command)
                if r.returncode != 0:
                    self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
                    self.assertNotIn("CRITICAL", r.stderr.decode())
                    self.assertEqual(digest(db), before, (db, command, r.stderr))
                elif command[1] == good:
                    self.assertFalse(must_refuse, (db, command, r.stdout))
                    before = digest(db)
            return before

        # A healthy file: the late refusal still changes no byte.
        refused_keeps_bytes(self.demo, False)

        with open(self.demo, "rb") as f:
            healthy = f.read()
        page = int.from_bytes(healthy[16:18], "big") or 65536
        n_pages = len(healthy) // page
        self.assertGreater(n_pages, 4)
        noise = bytes((i * 151 + 7) % 256 for i in range(page))

        def damaged(name, data):
            db = self.path(name)
            with open(db, "wb") as f:
                f.write(data)
            return db

        variants = []
        for k in sorted({1, 2, n_pages // 2, n_pages - 1}):
            data = bytearray(healthy)
            data[k * page:(k + 1) * page] = noise
            variants.append(damaged(f"page-{k}.db", bytes(data)))
        variants.append(damaged("all-but-first.db", healthy[:page] + noise * (n_pages - 1)))
        variants.append(damaged("truncated.db", healthy[:len(healthy) // 2]))
        for db in variants:
            with self.subTest(db=os.path.basename(db)):
                refused_keeps_bytes(db, True)
                r = run("--database", db, "--import-json", good)
                self.assertFails(r, 1, "damaged")

    def test_import_round_trip(self):
        first = self.export(self.demo)
        exported = self.path("export.json")
        with open(exported, "wb") as f:
            f.write(first)
        fresh = self.path("fresh.db")
        r = run("--database", fresh, "--import-json", exported)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("15 records added", r.stdout.decode())
        self.assertEqual(self.export(fresh), first)

        # From standard input, into a third database.
        third = self.path("third.db")
        r = run("--database", third, "--import-json", "-", stdin=first)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.export(third), first)

    def test_import_bad_changes_nothing(self):
        before = self.export(self.demo)
        bad = self.path("bad.json")
        for content, says in ((b"{ not json", "not valid JSON"),
                              (before.replace(b'"schema_version" : 2', b'"schema_version" : 7'),
                               "schema version 7"),
                              (before.replace(b'"verdict" : "skip"', b'"verdict" : "maybe"', 1),
                               "verdict")):
            with open(bad, "wb") as f:
                f.write(content)
            self.assertFails(run("--database", self.demo, "--import-json", bad), 1, says)
            self.assertEqual(self.export(self.demo), before)
        self.assertFails(run("--database", self.demo, "--import-json", self.path("nope.json")),
                         1, "nope.json")

    def test_user_text_survives(self):
        # Markup, entities, emoji and right-to-left text are data, not markup.
        tricky = "<b>Bold</b> & “quoted” 🚀 مرحبا بالعالم \\\"escaped\\\""
        doc = self.export(self.demo).decode()
        doc = doc.replace('"tagline" : "', '"tagline" : "' + tricky, 1)
        doc = doc.replace('"updated" : "2026-11-20T09:00:00.000000Z",\n          "name" : "Claude',
                          '"updated" : "2026-11-22T09:00:00.000000Z",\n          "name" : "Claude', 1)
        r = run("--database", self.demo, "--import-json", "-", stdin=doc.encode())
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 updated", r.stdout.decode())
        out = json.loads(self.export(self.demo))
        self.assertTrue(out["comparisons"][0]["tools"][0]["tagline"].startswith(
            tricky.replace('\\"', '"')))

    def test_german(self):
        # The app's own strings, through the German catalogue built by meson.
        german = dict(LANGUAGE="de", LC_ALL="C.UTF-8",
                      VERDICT_DESK_LOCALEDIR=os.environ["VERDICT_DESK_TEST_LOCALEDIR"])
        r = run("--help", **german)
        self.assertEqual(r.returncode, 0)
        self.assertIn("--database=DATEI", r.stdout.decode())
        missing = self.path("fehlt.db")
        r = run("--database", missing, "--export-json", "-", **german)
        self.assertFails(r, 1, "gibt es keine Datenbank")
        # The exported page stays in the page's language whatever the locale.
        doc = json.loads(run("--database", self.demo, "--export-json", "-", **german).stdout)
        self.assertEqual(doc["comparisons"][0]["tools"][1]["pricing_label"], "Paid")


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    with open(sys.argv.pop(1), encoding="utf-8") as f:
        SCHEMA = json.load(f)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    with open(sys.argv.pop(1), encoding="utf-8") as f:
        INDEX_SCHEMA = json.load(f)
    jsonschema.Draft202012Validator.check_schema(INDEX_SCHEMA)
    unittest.main(verbosity=2)
