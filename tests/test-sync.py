#!/usr/bin/env python3
# test-sync.py — the shared desk over git, run as a cron job would run it.
#
# Usage: test-sync.py VERDICT_DESK
# Hermetic: every remote is a bare repository made with "git init --bare" in
# a temporary directory; two desks are two databases (and their clones).
# Edits are made straight in a desk's SQLite file, as another writer would.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import unittest

BINARY = None
SLUG = "claude-haiku-open-weights-vs-mistral-medium-3"
CARD = "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c20"
OTHER_CARD = "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c21"
UNKNOWN = "00000000-0000-4000-8000-000000000001"

# Stands in for git on PATH: runs HOOK_COMMAND once, just before the first
# "git push" (HOOK_WHEN=before) or just after it (HOOK_WHEN=after), then
# carries on as git. HOOK_COMMAND may kill the desk running the sync, whose
# process id is DESK_PID.
GIT_WRAPPER = """#!/bin/sh
real_git={git}
export DESK_PID=$PPID
case " $* " in
  *" push "*)
    if [ ! -e "$HOOK_DONE" ]; then
      : > "$HOOK_DONE"
      if [ "$HOOK_WHEN" = before ]; then
        sh -c "$HOOK_COMMAND"
      else
        "$real_git" "$@"
        status=$?
        sh -c "$HOOK_COMMAND"
        exit $status
      fi
    fi
    ;;
esac
exec "$real_git" "$@"
"""


class Sync(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="verdict-desk-sync-")
        self.dir = self.tmp.name
        # No user's or system's git configuration reaches the test.
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("DISPLAY", "WAYLAND_DISPLAY") and not k.startswith("GIT_")}
        self.env.update(HOME=self.dir, GIT_CONFIG_NOSYSTEM="1",
                        GIT_CONFIG_GLOBAL=os.devnull)
        self.remote = self.path("remote.git")
        self.git("init", "--quiet", "--bare", "-b", "main", self.remote)
        self.a = self.path("a.db")
        self.b = self.path("b.db")
        self.ok(self.run_desk("--database", self.a, "--create-demo"))

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def git(self, *args, cwd=None):
        r = subprocess.run(["git", *args], capture_output=True, env=self.env, cwd=cwd,
                           timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        return r.stdout.decode().strip()

    def run_desk(self, *args, env=None):
        return subprocess.run([BINARY, *args], capture_output=True, env=env or self.env,
                              timeout=120)

    def ok(self, r, code=0):
        self.assertEqual(r.returncode, code, r.stderr.decode() + r.stdout.decode())
        return r

    def sync(self, db, code=0, name="Desk", env=None):
        email = os.path.basename(db) + "@example.org"
        r = self.run_desk("--database", db, "--sync", self.remote, "--author-name", name,
                          "--author-email", email, env=env)
        self.ok(r, code)
        self.assertEqual(len(r.stdout.decode().splitlines()), 1 if code != 1 else 0)
        return r

    def export(self, db):
        r = self.ok(self.run_desk("--database", db, "--export-json", "-", "--comparison", SLUG))
        return r.stdout

    def head(self):
        return self.git("--git-dir", self.remote, "rev-parse", "refs/heads/main")

    def commits(self):
        return int(self.git("--git-dir", self.remote, "rev-list", "--count", "refs/heads/main"))

    def sql(self, db, query, *args):
        with sqlite3.connect(db) as c:
            c.execute("PRAGMA foreign_keys = ON")
            rows = c.execute(query, args).fetchall()
        c.close()
        return rows

    def section(self, db, card, position):
        rows = self.sql(db, "SELECT value FROM scorecards_sections WHERE record = ? AND "
                        "position = ?", card, position)
        return rows[0][0] if rows else None

    def set_section(self, db, card, position, text):
        self.sql(db, "UPDATE scorecards_sections SET value = ? WHERE record = ? AND "
                 "position = ?", text, card, position)

    def both_synced(self):
        """Desk a into the empty remote, then the empty desk b from it."""
        self.sync(self.a, name="Priya Raman")
        self.sync(self.b, name="Jonas Berg")

    def wrapper_env(self, when, command):
        bindir = self.path("bin")
        os.makedirs(bindir, exist_ok=True)
        wrapper = os.path.join(bindir, "git")
        with open(wrapper, "w", encoding="utf-8") as f:
            f.write(GIT_WRAPPER.format(git=shutil.which("git")))
        os.chmod(wrapper, 0o755)
        env = dict(self.env, PATH=bindir + os.pathsep + self.env["PATH"],
                   HOOK_DONE=self.path("hook-done"), HOOK_WHEN=when, HOOK_COMMAND=command)
        return env

    # --- the tests ----------------------------------------------------------

    def test_first_sync_then_second_desk(self):
        r = self.sync(self.a, name="Priya Raman")
        self.assertIn("15 sent", r.stdout.decode())
        files = self.git("--git-dir", self.remote, "ls-tree", "-r", "--name-only", "main")
        self.assertIn("format.json", files.split())
        self.assertIn(f"scorecards/{CARD}.json", files.split())
        log = self.git("--git-dir", self.remote, "log", "--format=%an <%ae>|%s", "main")
        self.assertEqual(log, "Priya Raman <a.db@example.org>|Priya Raman: 2 tools, "
                              "4 reviewers, 1 comparison, 8 scorecards")
        card = self.git("--git-dir", self.remote, "show", f"main:scorecards/{CARD}.json")
        self.assertTrue(card.startswith('{\n  "uuid" : "' + CARD + '",\n'))

        r = self.sync(self.b, name="Jonas Berg")
        self.assertIn("15 received, 0 sent", r.stdout.decode())
        self.assertEqual(self.export(self.a), self.export(self.b))

        # Nothing changed: no commit, on either desk.
        head = self.head()
        self.sync(self.a)
        self.sync(self.b)
        self.assertEqual(self.head(), head)
        self.assertEqual(self.commits(), 1)

    def test_empty_desk_and_empty_remote(self):
        r = self.sync(self.b)
        self.assertIn("both empty", r.stdout.decode())
        self.assertEqual(self.git("--git-dir", self.remote, "for-each-ref"), "")
        # Linked all the same: the first desk with something to send makes main.
        self.sync(self.a)
        self.ok(self.run_desk("--database", self.b, "--sync"))
        self.assertEqual(self.export(self.a), self.export(self.b))

    def test_same_uuids_created_on_both(self):
        # Both desks start from the demo, so every record exists on both
        # with no common base; only what differs is a conflict.
        self.ok(self.run_desk("--database", self.b, "--create-demo"))
        self.set_section(self.b, CARD, 2, "Written before the first sync.")
        self.sync(self.a)
        r = self.sync(self.b, code=3)
        self.assertIn("1 new conflicts", r.stdout.decode())
        r = self.ok(self.run_desk("--database", self.b, "--conflicts"))
        self.assertEqual(r.stdout.decode().splitlines(),
                         [f'scorecards/{CARD} sections[2]: mine "Written before the first '
                          f'sync." theirs "{self.section(self.a, CARD, 2)}"'])
        self.assertEqual(self.commits(), 1)

    def test_different_sections_merge(self):
        self.both_synced()
        self.set_section(self.a, CARD, 0, "Priya's first section.")
        self.set_section(self.b, CARD, 2, "Jonas's last section.")
        self.sync(self.a)
        self.sync(self.b)
        self.sync(self.a)
        for db in (self.a, self.b):
            self.assertEqual(self.section(db, CARD, 0), "Priya's first section.")
            self.assertEqual(self.section(db, CARD, 2), "Jonas's last section.")
        self.assertEqual(self.export(self.a), self.export(self.b))
        self.assertEqual(self.commits(), 3)

    def test_same_section_conflicts(self):
        self.both_synced()
        self.set_section(self.a, CARD, 1, "Priya's take.")
        self.set_section(self.b, CARD, 1, "Jonas's take.")
        self.sync(self.a)
        r = self.sync(self.b, code=3)
        self.assertIn("1 new conflicts, 1 unresolved", r.stdout.decode())
        # Theirs in place, mine kept in the conflicts list.
        self.assertEqual(self.section(self.b, CARD, 1), "Priya's take.")
        r = self.ok(self.run_desk("--database", self.b, "--conflicts"))
        lines = r.stdout.decode().splitlines()
        self.assertEqual(lines, [f'scorecards/{CARD} sections[1]: mine "Jonas\'s take." '
                                 f'theirs "Priya\'s take."'])
        # Desk a has nothing to fight over.
        self.sync(self.a)
        r = self.ok(self.run_desk("--database", self.a, "--conflicts"))
        self.assertEqual(r.stdout, b"")
        self.assertEqual(self.export(self.a), self.export(self.b))

    def test_delete_against_edit(self):
        self.both_synced()
        self.sql(self.a, "DELETE FROM scorecards WHERE uuid = ?", CARD)
        self.set_section(self.b, CARD, 0, "Still here.")
        self.sync(self.a)
        tombstone = self.git("--git-dir", self.remote, "show", f"main:scorecards/{CARD}.json")
        self.assertTrue(tombstone.endswith('"deleted" : true\n}'), tombstone)
        self.sync(self.b)
        self.sync(self.a)
        for db in (self.a, self.b):
            self.assertEqual(self.section(db, CARD, 0), "Still here.")
        self.assertEqual(self.export(self.a), self.export(self.b))

        # A delete nobody contests goes through.
        self.sql(self.a, "DELETE FROM scorecards WHERE uuid = ?", OTHER_CARD)
        self.sync(self.a)
        self.sync(self.b)
        self.assertEqual(self.sql(self.b, "SELECT uuid FROM scorecards WHERE uuid = ?",
                                  OTHER_CARD), [])

    def test_push_race_retries(self):
        self.both_synced()
        self.set_section(self.a, CARD, 0, "Priya got in second.")
        self.set_section(self.b, OTHER_CARD, 0, "Jonas got in first.")
        # Desk b pushes between desk a's fetch and desk a's push.
        other = f"PATH='{self.env['PATH']}' '{BINARY}' --database '{self.b}' --sync"
        r = self.sync(self.a, env=self.wrapper_env("before", other))
        self.assertIn("1 retries", r.stdout.decode())
        self.assertTrue(os.path.exists(self.path("hook-done")))
        self.assertEqual(self.commits(), 3)
        self.sync(self.b)
        for db in (self.a, self.b):
            self.assertEqual(self.section(db, CARD, 0), "Priya got in second.")
            self.assertEqual(self.section(db, OTHER_CARD, 0), "Jonas got in first.")

    def test_refused_by_hook(self):
        self.both_synced()
        hook = os.path.join(self.remote, "hooks", "pre-receive")
        with open(hook, "w", encoding="utf-8") as f:
            f.write("#!/bin/sh\necho 'pushes are closed for the night' >&2\nexit 1\n")
        os.chmod(hook, 0o755)
        head = self.head()
        self.set_section(self.a, CARD, 0, "Kept through a refusal.")
        r = self.sync(self.a, code=1)
        self.assertIn("refused", r.stderr.decode())
        self.assertIn("pushes are closed for the night", r.stderr.decode())
        self.assertEqual(self.head(), head)
        self.assertEqual(self.section(self.a, CARD, 0), "Kept through a refusal.")
        os.unlink(hook)
        self.sync(self.a)
        self.sync(self.b)
        self.assertEqual(self.section(self.b, CARD, 0), "Kept through a refusal.")

    def test_remote_locked(self):
        """A desk killed during a push leaves its git running on the remote
        for a moment: a sync waits for that lock instead of failing, and a
        lock nobody lets go of is said as such, with nothing changed."""
        self.both_synced()
        lock = os.path.join(self.remote, "refs", "heads", "main.lock")
        self.set_section(self.a, CARD, 0, "Sent once the lock is gone.")
        with open(lock, "w", encoding="utf-8"):
            pass
        threading.Timer(0.8, os.unlink, (lock,)).start()
        self.sync(self.a)
        self.assertFalse(os.path.exists(lock))
        self.sync(self.b)
        self.assertEqual(self.section(self.b, CARD, 0), "Sent once the lock is gone.")

        head = self.head()
        self.set_section(self.a, CARD, 0, "Kept while the remote stays locked.")
        with open(lock, "w", encoding="utf-8"):
            pass
        r = self.sync(self.a, code=1)
        self.assertIn("main.lock", r.stderr.decode())
        self.assertNotIn("refused", r.stderr.decode())
        self.assertEqual(self.head(), head)
        self.assertEqual(self.section(self.a, CARD, 0), "Kept while the remote stays locked.")
        os.unlink(lock)
        self.sync(self.a)
        self.sync(self.b)
        self.assertEqual(self.section(self.b, CARD, 0), "Kept while the remote stays locked.")

    def test_unreachable_remote(self):
        self.both_synced()
        self.set_section(self.a, CARD, 0, "Written offline.")
        os.rename(self.remote, self.remote + ".away")
        r = self.run_desk("--database", self.a, "--sync")
        self.ok(r, 1)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(len(r.stderr.decode().splitlines()), 1)
        self.assertIn("offline", r.stderr.decode())
        self.assertEqual(self.section(self.a, CARD, 0), "Written offline.")
        os.rename(self.remote + ".away", self.remote)
        self.ok(self.run_desk("--database", self.a, "--sync"))
        self.sync(self.b)
        self.assertEqual(self.section(self.b, CARD, 0), "Written offline.")

    def test_not_linked(self):
        r = self.run_desk("--database", self.a, "--sync")
        self.ok(r, 1)
        self.assertIn("not linked", r.stderr.decode())
        # Two remotes, or a remote without --sync, are usage errors.
        r = self.run_desk("--database", self.a, "--sync", self.remote, "other")
        self.ok(r, 2)
        r = self.run_desk("--database", self.a, "--author-name", "X")
        self.ok(r, 2)
        self.assertIn("go with --sync", r.stderr.decode())
        # A remote git would read as an option is refused before git sees it.
        planted = self.path("planted")
        self.sql(self.a, "INSERT INTO sync_state (key, value) VALUES ('remote', ?)",
                 f"--upload-pack=touch {planted}")
        r = self.run_desk("--database", self.a, "--sync")
        self.ok(r, 1)
        self.assertIn("is not a repository's URL or path", r.stderr.decode())
        self.assertFalse(os.path.exists(planted))

    def test_hostile_files_set_aside(self):
        self.both_synced()
        work = self.path("work")
        self.git("clone", "--quiet", self.remote, work)
        self.git("config", "user.name", "Mallory", cwd=work)
        self.git("config", "user.email", "m@example.org", cwd=work)
        card = os.path.join(work, "scorecards", f"{CARD}.json")
        with open(card, encoding="utf-8") as f:
            good = f.read()
        # A good edit, which must still arrive...
        with open(card, "w", encoding="utf-8") as f:
            f.write(good.replace('"verdict" : "ship"', '"verdict" : "skip"'))
        # ...beside a corrupt file, a misnamed one, one too large, one too
        # deep, a symlink and a file at a path no desk writes.
        with open(os.path.join(work, "scorecards", f"{OTHER_CARD}.json"), "w") as f:
            f.write('{ "uuid" : ')
        with open(os.path.join(work, "scorecards", f"{UNKNOWN}.json"), "w") as f:
            f.write(good)
        with open(os.path.join(work, "tools", "00000000-0000-4000-8000-000000000002.json"),
                  "w") as f:
            f.write('{"name": "' + "x" * (9 * 1024 * 1024) + '"}\n')
        with open(os.path.join(work, "tools", "00000000-0000-4000-8000-000000000003.json"),
                  "w") as f:
            f.write('{"name": [[[[["deep"]]]]]}\n')
        os.symlink("/etc/passwd",
                   os.path.join(work, "reviewers", "00000000-0000-4000-8000-000000000004.json"))
        with open(os.path.join(work, "notes.txt"), "w") as f:
            f.write("hello\n")
        self.git("add", "-A", cwd=work)
        self.git("commit", "--quiet", "-m", "hostile", cwd=work)
        self.git("push", "--quiet", "origin", "main", cwd=work)
        bad = self.git("rev-parse", "--short=7", "HEAD", cwd=work)

        r = self.sync(self.b)
        err = r.stderr.decode()
        for name in (f"scorecards/{OTHER_CARD}.json", f"scorecards/{UNKNOWN}.json",
                     "tools/00000000-0000-4000-8000-000000000002.json",
                     "tools/00000000-0000-4000-8000-000000000003.json",
                     "reviewers/00000000-0000-4000-8000-000000000004.json", "notes.txt"):
            line = [l for l in err.splitlines() if name in l]
            self.assertEqual(len(line), 1, (name, err))
            self.assertIn(f"commit {bad}", line[0])
        self.assertIn("is not the file's name", err)
        self.assertIn("larger than", err)
        self.assertIn("nests deeper", err)
        self.assertIn("6 set aside", r.stdout.decode())
        self.assertEqual(self.sql(self.b, "SELECT verdict FROM scorecards WHERE uuid = ?", CARD),
                         [("skip",)])
        self.assertEqual(self.sql(self.b, "SELECT count(*) FROM scorecards WHERE uuid = ?",
                                  UNKNOWN), [(0,)])
        self.assertEqual(self.sql(self.b, "SELECT count(*) FROM tools"), [(2,)])
        # The bad file's record keeps this desk's copy.
        self.assertEqual(self.sql(self.b, "SELECT count(*) FROM scorecards WHERE uuid = ?",
                                  OTHER_CARD), [(1,)])

    def test_history(self):
        """--history: one line per version of a record, newest first, with
        who changed its verdict and sections."""
        self.both_synced()
        self.sql(self.b, "UPDATE scorecards SET verdict = 'undecided' WHERE uuid = ?", CARD)
        self.set_section(self.b, CARD, 1, "Second thoughts.")
        self.sync(self.b, name="Tomás Ortega")
        self.sync(self.a, name="Priya Raman")
        r = self.ok(self.run_desk("--database", self.a, "--history", CARD))
        lines = r.stdout.decode().splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertRegex(lines[0], r"^[0-9a-f]{7} \d{4}-\d\d-\d\d \d\d:\d\d Tomás Ortega: ")
        self.assertIn("verdict Undecided (was Ship)", lines[0])
        self.assertIn("sections 2", lines[0])
        self.assertTrue(lines[1].endswith("Priya Raman: created"), lines[1])
        self.assertIn("2 versions", r.stderr.decode())

        # A record never synced has no history; an unsynced desk neither.
        r = self.ok(self.run_desk("--database", self.a, "--history", UNKNOWN))
        self.assertEqual(r.stdout, b"")
        c = self.path("c.db")
        self.ok(self.run_desk("--database", c, "--create-demo"))
        self.assertEqual(self.ok(self.run_desk("--database", c, "--history", CARD)).stdout, b"")
        help_text = self.ok(self.run_desk("--help")).stdout.decode()
        self.assertIn("--history=UUID", help_text)

    def killed_around_push(self, when, commits_after_kill):
        """kill -9 of desk a just before or just after its push; the next
        sync completes with exactly one commit of desk a's in the remote."""
        self.both_synced()
        self.set_section(self.a, CARD, 0, f"Survives a kill {when} the push.")
        r = self.run_desk("--database", self.a, "--sync",
                          env=self.wrapper_env(when, "kill -9 $DESK_PID"))
        self.assertEqual(r.returncode, -9)
        self.assertEqual(self.commits(), commits_after_kill)
        self.sync(self.a)
        self.assertEqual(self.commits(), 2)
        self.sync(self.b)
        self.assertEqual(self.section(self.b, CARD, 0), f"Survives a kill {when} the push.")
        self.assertEqual(self.export(self.a), self.export(self.b))

    def test_killed_before_push(self):
        self.killed_around_push("before", 1)

    def test_killed_after_push(self):
        # The pushed commit is found in the remote: none doubled.
        self.killed_around_push("after", 2)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
