#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shared desk's benchmarks (issue 16), each against a floor timed in the same run.

    10  the first sync of a scale-1 desk into an empty bare remote, against a
        plain script that writes the same files and runs
        `git add -A && git commit && git push` into another empty remote
    11  a sync carrying one changed scorecard, against writing that one file
        and `git add -A && git commit && git push`
    12  the peak RSS of that first sync (the desk's own, VmHWM; with the git
        it runs, wait4's ru_maxrss, reported beside it), against the desk's
        own baseline: `--conflicts` on the same database
    13  growth: the first sync at scale 4 / at scale 1

Every sync is the real command line (`verdict-desk --sync`) as a child
process. Floor and subject alternate; each side's median of --runs runs is
compared. Prints one line per figure, RESULT {json}, for tests/bench/run.py.
"""

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time

AUTHOR = ["--author-name", "Bench Desk", "--author-email", "bench@example.org"]


def git_env(scratch):
    """git with no one's configuration but the bench's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=scratch, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
               GIT_AUTHOR_NAME="Bench Floor", GIT_AUTHOR_EMAIL="floor@example.org",
               GIT_COMMITTER_NAME="Bench Floor", GIT_COMMITTER_EMAIL="floor@example.org",
               # No gc in the background, racing the next run's clean-up.
               GIT_CONFIG_COUNT="2", GIT_CONFIG_KEY_0="gc.auto", GIT_CONFIG_VALUE_0="0",
               GIT_CONFIG_KEY_1="receive.autogc", GIT_CONFIG_VALUE_1="false")
    return env


def own_peak(pid, name, peaks, done):
    """Polls the process's own high-water mark (VmHWM), which wait4 cannot
    tell apart from its children's; only once it runs @name (not the fork
    it started as)."""
    while not done.is_set():
        try:
            with open(f"/proc/{pid}/status", encoding="utf-8") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
            if fields["Name"].strip() == name:
                peaks.append(int(fields["VmHWM"].split()[0]) / 1024.0)
        except (OSError, ValueError, KeyError):
            pass
        done.wait(0.005)


# GNU time forks the child from a process of a few MiB: a child forked by
# this one starts with this process's resident pages (the data set's files,
# hundreds of MiB) counted in its ru_maxrss.
GNU_TIME = shutil.which("time", path="/usr/bin:/bin")


def timed(argv, env, stdout=subprocess.DEVNULL, own=None, tree=None):
    """Runs argv; returns its seconds. With @own (a list), appends the
    process's own peak RSS in MiB (VmHWM); with @tree, the peak of it and
    the git it ran (GNU time's %M), when GNU time is installed."""
    report = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"bench-sync-{os.getpid()}.rss")
    wrapped = [GNU_TIME, "-f", "%M", "-o", report, *argv] if GNU_TIME else argv
    start = time.monotonic()
    proc = subprocess.Popen(wrapped, env=env, stdout=stdout, stderr=subprocess.PIPE)
    pid = proc.pid
    if GNU_TIME:
        # The child of time: the desk itself.
        for _ in range(2000):
            try:
                with open(f"/proc/{proc.pid}/task/{proc.pid}/children", encoding="ascii") as c:
                    kids = c.read().split()
                if kids:
                    pid = int(kids[0])
                    break
            except OSError:
                break
            time.sleep(0.001)
    peaks, done = [], threading.Event()
    poller = threading.Thread(target=own_peak,
                              args=(pid, os.path.basename(argv[0])[:15], peaks, done),
                              daemon=True)
    poller.start()
    err = proc.stderr.read().decode(errors="replace")
    proc.wait()
    seconds = time.monotonic() - start
    done.set()
    poller.join()
    if proc.returncode != 0:
        raise SystemExit(f"bench-sync: {' '.join(argv)} exited {proc.returncode}: {err}")
    if own is not None:
        own.append(max(peaks, default=0.0))
    if tree is not None and GNU_TIME:
        with open(report, encoding="ascii") as f:
            tree.append(int(f.read().split()[-1]) / 1024.0)
    if GNU_TIME:
        os.unlink(report)
    return seconds


def remove(path):
    for _ in range(5):
        if not os.path.isdir(path):
            break
        shutil.rmtree(path, ignore_errors=True)
        time.sleep(0.2)
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix) and not os.path.isdir(path + suffix):
            os.unlink(path + suffix)


def ensure_database(args, scale):
    path = os.path.join(args.scratch, f"scale-{scale}.db")
    if not os.path.exists(path):
        partial = path + ".partial"
        remove(partial)
        subprocess.run([args.generator, "--scale", scale, "--database", partial], check=True,
                       stdout=subprocess.DEVNULL)
        os.rename(partial, path)
    return path


class Scale:
    """One scale's desk, remote and floor work tree, under DIR."""

    def __init__(self, args, scale, env):
        self.args, self.scale, self.env = args, scale, env
        self.source = ensure_database(args, scale)
        self.dir = os.path.join(args.scratch, f"sync-{scale}")
        os.makedirs(self.dir, exist_ok=True)
        self.db = os.path.join(self.dir, "desk.db")
        self.remote = os.path.join(self.dir, "remote.git")
        self.tree = os.path.join(self.dir, "floor")
        self.floor_remote = os.path.join(self.dir, "floor.git")
        self.files = None

    def git(self, *argv, cwd=None):
        subprocess.run(["git", *argv], cwd=cwd, env=self.env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def fresh_desk(self):
        """A copy of the data set, never synced, and an empty bare remote (not timed)."""
        remove(self.db)
        remove(self.db + ".sync")
        remove(self.remote)
        shutil.copyfile(self.source, self.db)
        self.git("init", "--quiet", "--bare", "-b", "main", self.remote)
        # The copy's gigabyte of dirty pages is written out now, not during
        # the timed sync.
        os.sync()

    def sync(self, own=None, tree=None):
        return timed([self.args.verdict_desk, "--database", self.db, "--sync", self.remote,
                      *AUTHOR], self.env, own=own, tree=tree)

    def first_sync(self, own=None, tree=None):
        self.fresh_desk()
        seconds = self.sync(own, tree)
        if self.files is None:
            self.files = self.read_remote()
        return seconds

    def read_remote(self):
        """Every file the first sync pushed, path → bytes, for the floor to write."""
        listing = subprocess.run(["git", "-C", self.remote, "ls-tree", "-r", "-z", "main"],
                                 env=self.env, check=True, capture_output=True).stdout
        entries = []
        for line in listing.split(b"\0"):
            if line:
                meta, name = line.split(b"\t", 1)
                entries.append((name.decode(), meta.split()[2].decode()))
        batch = subprocess.run(["git", "-C", self.remote, "cat-file", "--batch"],
                               input="".join(f"{blob}\n" for _, blob in entries).encode(),
                               env=self.env, check=True, capture_output=True).stdout
        files, at = {}, 0
        for name, _ in entries:
            header_end = batch.index(b"\n", at)
            size = int(batch[at:header_end].split()[2])
            files[name] = batch[header_end + 1:header_end + 1 + size]
            at = header_end + 1 + size + 1
        return files

    def floor_first(self):
        """The floor: a plain script writes the files, then add, commit, push."""
        remove(self.tree)
        remove(self.floor_remote)
        self.git("init", "--quiet", "--bare", "-b", "main", self.floor_remote)
        os.sync()
        start = time.monotonic()
        self.git("init", "--quiet", "-b", "main", self.tree)
        self.git("remote", "add", "origin", self.floor_remote, cwd=self.tree)
        made = set()
        for name, data in self.files.items():
            folder = os.path.dirname(name)
            if folder and folder not in made:
                os.makedirs(os.path.join(self.tree, folder), exist_ok=True)
                made.add(folder)
            with open(os.path.join(self.tree, name), "wb") as out:
                out.write(data)
        self.add_commit_push()
        return time.monotonic() - start

    def add_commit_push(self):
        self.git("add", "-A", cwd=self.tree)
        self.git("commit", "--quiet", "-m", "Bench Floor: records", cwd=self.tree)
        self.git("push", "--quiet", "origin", "main", cwd=self.tree)

    def one_card(self):
        """The scorecard the one-change figures edit, and its file."""
        with sqlite3.connect(self.db) as c:
            uuid = c.execute("SELECT uuid FROM scorecards ORDER BY uuid LIMIT 1 OFFSET 20000"
                             ).fetchone()
            if uuid is None:
                uuid = c.execute("SELECT uuid FROM scorecards ORDER BY uuid LIMIT 1").fetchone()
        c.close()
        return uuid[0], f"scorecards/{uuid[0]}.json"

    def edit_desk(self, uuid, run):
        """One section of one scorecard changed, as the desk's autosave writes it."""
        with sqlite3.connect(self.db) as c:
            c.execute("UPDATE scorecards_sections SET value = value || ?, updated = ? "
                      "WHERE record = ? AND position = 0",
                      (f" Edit {run}.", int(time.time() * 1_000_000), uuid))
        c.close()

    def floor_one(self, path, run):
        start = time.monotonic()
        full = os.path.join(self.tree, path)
        with open(full, "rb") as f:
            data = f.read()
        # The same change, made to the file's first section line.
        data = data.replace(b'"sections" : [\n    "', f'"sections" : [\n    "Edit {run}. '
                            .encode(), 1)
        with open(full, "wb") as out:
            out.write(data)
        self.add_commit_push()
        return time.monotonic() - start


def median(values):
    return statistics.median(values)


def result(ident, name, subject, floor, ratio, target, met, runs, **extra):
    figure = dict(id=ident, name=name, subject_s=subject, floor_s=floor,
                  ratio=round(ratio, 3), target=f"<= {target:g}", met=met, runs=runs)
    figure.update(extra)
    print("RESULT " + json.dumps(figure), flush=True)


def measure_first(scale, runs):
    subject, floor, rss, own = [], [], [], []
    # One of each first, not counted: the page cache warms up (and the
    # subject's gives the floor its files).
    scale.first_sync()
    scale.floor_first()
    for _ in range(runs):
        floor.append(scale.floor_first())
        subject.append(scale.first_sync(own, rss))
    print(f"# scale {scale.scale}: first sync {median(subject):.2f} s "
          f"(floor {median(floor):.2f} s), {max(own):.0f} MiB peak "
          f"({max(rss, default=0):.0f} MiB with git), {len(scale.files)} files",
          file=sys.stderr, flush=True)
    return median(subject), median(floor), max(own), max(rss, default=None)


def measure_one(scale, runs):
    """After measure_first: the desk and the floor's tree both hold the data set."""
    uuid, path = scale.one_card()
    subject, floor = [], []
    scale.edit_desk(uuid, 0)
    scale.sync()
    scale.floor_one(path, 0)
    for run in range(1, runs + 1):
        floor.append(scale.floor_one(path, run))
        scale.edit_desk(uuid, run)
        subject.append(scale.sync())
    sent = subprocess.run(["git", "-C", scale.remote, "show", "--stat", "--format=%s", "main"],
                          env=scale.env, check=True, capture_output=True).stdout.decode()
    print(f"# scale {scale.scale}: one scorecard {median(subject):.3f} s "
          f"(floor {median(floor):.3f} s); last commit: {sent.strip()}",
          file=sys.stderr, flush=True)
    return median(subject), median(floor)


def baseline_rss(scale, runs):
    """The desk's own peak: opening the same database and listing its conflicts."""
    own, tree = [], []
    for _ in range(max(1, min(runs, 3))):
        timed([scale.args.verdict_desk, "--database", scale.db, "--conflicts"], scale.env,
              own=own, tree=tree)
    # No child here: GNU time's figure is the desk's own, and never misses
    # the end of a short run as polling can.
    return max(tree) if tree else max(own)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generator", required=True)
    parser.add_argument("--verdict-desk", required=True)
    parser.add_argument("--scratch", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--no-growth", action="store_true")
    args = parser.parse_args()
    args.verdict_desk = os.path.abspath(args.verdict_desk)
    args.scratch = os.path.abspath(args.scratch)
    os.makedirs(args.scratch, exist_ok=True)
    env = git_env(args.scratch)
    runs = max(1, args.runs)

    def want(ident):
        return not args.only or str(ident) in args.only

    one = Scale(args, "1", env)
    first_s, first_floor_s, peak, peak_with_git = measure_first(one, runs)
    if want(10):
        ratio = first_s / first_floor_s
        result(10, "first sync, scale 1, vs write files + git add/commit/push", first_s,
               first_floor_s, ratio, 2, ratio <= 2, runs, files=len(one.files))
    if want(12):
        base = baseline_rss(one, runs)
        above = peak - base
        result(12, "peak RSS of the first sync, scale 1: MiB above the desk's own", None,
               None, above, 64, above <= 64, runs, peak_rss_mib=peak, baseline_rss_mib=base,
               peak_rss_with_git_mib=peak_with_git)
    if want(11):
        subject_s, floor_s = measure_one(one, runs)
        ratio = subject_s / floor_s
        result(11, "sync of one changed scorecard vs one-file add/commit/push", subject_s,
               floor_s, ratio, 3, ratio <= 3, runs)
    if want(13) and not args.no_growth:
        four = Scale(args, "4", env)
        four_runs = max(1, runs // 3)
        four_s, four_floor_s, four_peak, four_peak_git = measure_first(four, four_runs)
        ratio = four_s / first_s
        result(13, "growth of the first sync, scale 4 / scale 1", four_s, first_s, ratio, 4.4,
               ratio <= 4.4, four_runs, floor_growth=four_floor_s / first_floor_s,
               peak_rss_mib_scale4=four_peak, peak_rss_with_git_mib_scale4=four_peak_git)
    return 0


if __name__ == "__main__":
    sys.exit(main())
