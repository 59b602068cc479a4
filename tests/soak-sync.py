#!/usr/bin/env python3
# soak-sync.py — four desks on one remote, under load and faults; nothing lost.
#
# Usage: soak-sync.py VERDICT_DESK [SECONDS] [SEED]
#
# Four desks (four databases, each synced by its own `verdict-desk --sync`
# process) share one bare remote. Until SECONDS have passed, at random, a
# desk edits its SQLite file as its window would: it appends a journaled
# token to one of a scorecard's sections, to a comparison's title or to a
# tool's name; changes a verdict; creates a tool or a draft comparison (its
# name or title a token); or deletes one of those it can see that the soak
# created (the demo's records are never deleted, and nothing refers to a
# created one). Meanwhile some desks sync at once (racing each other's
# pushes), sometimes while edits land in their own file; a running sync is
# killed with SIGKILL; the remote is moved away (unreachable) for a while
# and brought back.
#
# At the end, with the remote back, every desk syncs until nothing moves;
# then every desk's state (the export of each of its comparisons, and its
# tools) must be byte-identical, and nothing may be lost (lost = 0): every
# journaled token must be in the final state, or in some desk's recorded
# conflicts, or on a record whose delete saw that token (superseded by
# the delete: an edit the deleting desk had not seen wins over the delete
# and brings the record back as that edit had it); every
# created record must be in the final state or have been deleted. Prints
# one line of counts; exit status 0 only when both hold.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

SLUG = "claude-haiku-open-weights-vs-mistral-medium-3"
DESKS = 4


def main():
    binary = os.path.abspath(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else int(time.time())
    rng = random.Random(seed)
    tmp = tempfile.TemporaryDirectory(prefix="verdict-desk-soak-")
    d = tmp.name
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY") and not k.startswith("GIT_")}
    env.update(HOME=d, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    remote = os.path.join(d, "remote.git")
    away = os.path.join(d, "remote-away.git")
    subprocess.run(["git", "init", "--quiet", "--bare", "-b", "main", remote], check=True, env=env)
    dbs = [os.path.join(d, f"desk{i}.db") for i in range(DESKS)]

    def desk(i, *args):
        return [binary, "--database", dbs[i], *args]

    def sync_cmd(i):
        return desk(i, "--sync", remote, "--author-name", f"Desk {i}",
                    "--author-email", f"desk{i}@example.org")

    counts = dict(edits=0, titles=0, creates=0, deletes=0, syncs=0, synced=0, offline=0,
                  kills=0, outages=0, conflicts=0, lost=0)

    subprocess.run(desk(0, "--create-demo"), check=True, env=env, capture_output=True)
    subprocess.run(sync_cmd(0), check=True, env=env, capture_output=True)
    for i in range(1, DESKS):
        subprocess.run(sync_cmd(i), check=True, env=env, capture_output=True)

    with sqlite3.connect(dbs[0]) as c:
        sections = c.execute("SELECT record, position FROM scorecards_sections").fetchall()
        cards = [r[0] for r in c.execute("SELECT uuid FROM scorecards").fetchall()]
        demo_tools = [r[0] for r in c.execute("SELECT uuid FROM tools ORDER BY uuid").fetchall()]
    c.close()

    # The records with a journaled title: the table and its title column.
    titled = {"comparisons": "title", "tools": "name"}
    journal = []     # (desk, token, record uuid)
    created = []     # uuids of the records the soak created
    deletes = {}     # uuid → the tokens its deleting desks saw in it
    failures = {}    # why a sync failed → how often
    running = {}     # desk → Popen
    outage_until = 0.0
    deadline = time.monotonic() + seconds
    n = 0

    def token(i):
        nonlocal n
        n += 1
        return f"[d{i}e{n}]"

    def now_us():
        return int(time.time() * 1_000_000)

    def edit(i):
        with sqlite3.connect(dbs[i], timeout=30) as c:
            c.execute("PRAGMA foreign_keys = ON")
            kind = rng.random()
            if kind < 0.6:
                record, position = rng.choice(sections)
                t = token(i)
                c.execute("UPDATE scorecards_sections SET value = value || ? WHERE record = ? "
                          "AND position = ?", (" " + t, record, position))
                journal.append((i, t, record))
            elif kind < 0.75:
                c.execute("UPDATE scorecards SET verdict = ? WHERE uuid = ?",
                          (rng.choice(["ship", "skip", "undecided"]), rng.choice(cards)))
            elif kind < 0.9:
                # A title: a comparison's or a tool's, the demo's or a created one.
                table = rng.choice(list(titled))
                rows = [r[0] for r in c.execute(f"SELECT uuid FROM {table}").fetchall()]
                record = rng.choice(rows)
                t = token(i)
                c.execute(f"UPDATE {table} SET {titled[table]} = {titled[table]} || ?, "
                          "updated = ? WHERE uuid = ?", (" " + t, now_us(), record))
                journal.append((i, t, record))
                counts["titles"] += 1
            elif kind < 0.96:
                record = str(uuid.uuid4())
                t = token(i)
                if rng.random() < 0.5:
                    c.execute("INSERT INTO tools (uuid, created, updated, name, pricing) "
                              "VALUES (?, ?, ?, ?, 'free')",
                              (record, now_us(), now_us(), "Soak tool " + t))
                else:
                    slug = "soak-" + t.strip("[]")
                    c.execute("INSERT INTO comparisons (uuid, created, updated, slug, title, "
                              "tool_a, tool_b, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'draft')",
                              (record, now_us(), now_us(), slug, "Soak comparison " + t,
                               demo_tools[0], demo_tools[1]))
                journal.append((i, t, record))
                created.append(record)
                counts["creates"] += 1
            else:
                # A delete: of a record the soak created that this desk has.
                mine = []
                for table, column in titled.items():
                    mine += [(table, r[0], r[1]) for r in c.execute(
                        f"SELECT uuid, {column} FROM {table}").fetchall() if r[0] in created]
                if not mine:
                    return
                table, record, title = rng.choice(mine)
                c.execute(f"DELETE FROM {table} WHERE uuid = ?", (record,))
                deletes.setdefault(record, set()).update(re.findall(r"\[d\d+e\d+\]", title))
                counts["deletes"] += 1
        c.close()
        counts["edits"] += 1

    def reap(i, p):
        rc = p.wait()
        counts["syncs"] += 1
        if rc in (0, 3):
            counts["synced"] += 1
        elif rc == 1:
            counts["offline"] += 1
            why = p.stderr.read().decode().strip().splitlines()
            failures[why[-1][:90] if why else "?"] = failures.get(why[-1][:90] if why else "?", 0) + 1
        elif rc < 0:
            counts["kills"] += 1
        else:
            raise SystemExit(f"desk {i}: sync exited {rc}: {p.stderr.read().decode()}")

    while time.monotonic() < deadline:
        now = time.monotonic()
        if outage_until and now >= outage_until:
            os.rename(away, remote)
            outage_until = 0.0
        elif not outage_until and rng.random() < 0.003:
            os.rename(remote, away)
            outage_until = now + rng.uniform(1.0, 4.0)
            counts["outages"] += 1

        for i, p in list(running.items()):
            if p.poll() is not None:
                reap(i, running.pop(i))

        i = rng.randrange(DESKS)
        action = rng.random()
        if action < 0.55:
            edit(i)
        elif action < 0.9 and i not in running:
            running[i] = subprocess.Popen(sync_cmd(i), env=env, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE)
        elif action > 0.97 and i in running:
            time.sleep(rng.uniform(0, 0.05))
            running[i].send_signal(signal.SIGKILL)
        time.sleep(rng.uniform(0, 0.02))

    for i, p in list(running.items()):
        reap(i, p)
    if outage_until:
        os.rename(away, remote)

    # The last rounds: every desk syncs until no sync sends anything.
    for _ in range(10):
        sent = 0
        for i in range(DESKS):
            r = subprocess.run(sync_cmd(i), env=env, capture_output=True)
            # A killed desk's git may still hold the remote's lock on a
            # loaded machine (its push outlives it): the desk says so and
            # changes nothing; wait for it, as a user would.
            for _ in range(30):
                if r.returncode != 1 or b"locked" not in r.stderr:
                    break
                time.sleep(1)
                r = subprocess.run(sync_cmd(i), env=env, capture_output=True)
            if r.returncode not in (0, 3):
                raise SystemExit(f"desk {i}: final sync exited {r.returncode}: "
                                 f"{r.stderr.decode()}")
            counts["syncs"] += 1
            out = r.stdout.decode()
            sent += int(out.split(" received, ")[1].split(" sent")[0])
        if sent == 0:
            break

    def state(i):
        """Everything desk i has: each comparison's export, then its tools."""
        with sqlite3.connect(dbs[i]) as c:
            slugs = [r[0] for r in c.execute("SELECT slug FROM comparisons ORDER BY slug")]
            tools = c.execute("SELECT * FROM tools ORDER BY uuid").fetchall()
        c.close()
        out = b""
        for slug in slugs:
            out += subprocess.run(desk(i, "--export-json", "-", "--comparison", slug), env=env,
                                  capture_output=True, check=True).stdout
        return out + "\n".join(repr(t) for t in tools).encode() + b"\n"

    exports = [state(i) for i in range(DESKS)]
    identical = all(e == exports[0] for e in exports)

    final = exports[0].decode()
    recorded = ""
    for i in range(DESKS):
        r = subprocess.run(desk(i, "--conflicts"), env=env, capture_output=True, check=True)
        lines = r.stdout.decode().splitlines()
        counts["conflicts"] += len(lines)
        recorded += r.stdout.decode()

    def kept(t, record):
        if t in final or t in recorded:
            return True
        # Superseded by a delete of its record by a desk that had it: gone
        # with the record, or not in the version another desk's concurrent
        # edit brought back (the edit wins, and it never had the token:
        # the deleting desk's own unsynced edit).
        return t in deletes.get(record, ())

    kinds = {record: "created" for record in created}
    lost = [t for _, t, record in journal if not kept(t, record)]
    lost_why = [f"{t} (desk {i}, {kinds.get(record, 'demo')} record {record}"
           f"{', gone' if record not in final else ''}"
           f"{', deleted' if record in deletes else ''}"
           f"{', seen by the delete' if t in deletes.get(record, ()) else ''})"
           for i, t, record in journal if not kept(t, record)]
    lost += [f"record {u}" for u in created if u not in final and u not in deletes]
    counts["lost"] = len(lost)

    print(f"seed {seed}, {seconds:g} s: " + ", ".join(f"{k} {v}" for k, v in counts.items()) +
          f"; exports identical: {'yes' if identical else 'NO'}")
    for why, k in sorted(failures.items(), key=lambda x: -x[1]):
        print(f"  {k} failed: {why}")
    if lost:
        print("lost:", "; ".join((lost_why + lost[len(lost_why):])[:20]))
    tmp.cleanup()
    return 0 if identical and not lost else 1


if __name__ == "__main__":
    sys.exit(main())
