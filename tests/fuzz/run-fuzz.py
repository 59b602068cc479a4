#!/usr/bin/env python3
# run-fuzz.py — the import's libFuzzer target, for a bounded time
#
# Usage: run-fuzz.py FUZZ_IMPORT VERDICT_DESK SECONDS [CORPUS_DIR]
#
# Seeds a corpus with the demo export and a few small documents, runs the
# fuzzer for SECONDS and fails on anything it reports: a crash, a leak, a
# sanitizer report, a broken round trip (see fuzz-import.c). Without
# CORPUS_DIR the corpus is temporary; give one to keep it. An input that
# fails is saved as fuzz-import-crash-… (or leak-, timeout-) in the
# current directory.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import tempfile

SMALL = [
    b'{"format" : "verdict-desk/comparisons", "schema_version" : 1, "comparisons" : []}',
    b'{"format":"verdict-desk/comparisons","schema_version":1,"comparisons":[{}]}',
    b'["\\u0000", "\\ud83d\\ude80", 1e999, -0, {"a" : {"a" : [[[]]]}}]',
]


def main():
    fuzzer, binary, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    # The target's scratch databases go in here too: in memory where the
    # machine has a tmpfs for it.
    scratch = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(dir=scratch) as tmp:
        corpus = sys.argv[4] if len(sys.argv) > 4 else os.path.join(tmp, "corpus")
        os.makedirs(corpus, exist_ok=True)
        db = os.path.join(tmp, "demo.db")
        subprocess.run([binary, "--database", db, "--create-demo"], check=True,
                       capture_output=True)
        demo = subprocess.run([binary, "--database", db, "--export-json", "-"], check=True,
                              capture_output=True).stdout
        for i, seed in enumerate([demo] + SMALL):
            with open(os.path.join(corpus, f"seed-{i}.json"), "wb") as f:
                f.write(seed)

        # What it finds is kept where it runs (the build directory under
        # meson test), to be replayed: fuzz-import FILE.
        artifacts = os.path.join(os.getcwd(), "fuzz-import-")
        env = dict(os.environ, TMPDIR=tmp, G_DEBUG="fatal-warnings", G_SLICE="always-malloc",
                   ASAN_OPTIONS="detect_leaks=1:abort_on_error=1",
                   UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1")
        # A fixed seed and count under meson test, so that a run is the same
        # run on every machine (CI must not fail on the luck of the draw);
        # FUZZ_SEED picks another path, FUZZ_RUNS=0 runs for the time alone.
        seed = os.environ.get("FUZZ_SEED", "1")
        count = int(os.environ.get("FUZZ_RUNS", str(seconds * 600)))
        limits = [f"-seed={seed}"] + ([f"-runs={count}"] if count > 0 else [])
        run = subprocess.run([fuzzer, f"-max_total_time={seconds * 2 if count else seconds}",
                              "-timeout=20"] + limits + [
                              "-rss_limit_mb=2048", "-max_len=65536", "-print_final_stats=1",
                              f"-artifact_prefix={artifacts}", corpus],
                             capture_output=True, env=env, timeout=seconds * 2 + 300)
        log = run.stderr.decode(errors="replace")
        done = re.findall(r"^#(\d+)\s+DONE\s+(.*)$", log, re.M)
        runs = re.search(r"stat::number_of_executed_units:\s*(\d+)", log)
        took = re.search(r"Done (\d+) runs in (\d+) second", log)
        if done:
            print(f"# {done[-1][0]} runs: {done[-1][1]}")
        if runs and took:
            print(f"# {runs.group(1)} inputs in {took.group(2)} s: "
                  f"{int(runs.group(1)) // max(1, int(took.group(2)))} per second")
        ok = run.returncode == 0 and "ERROR:" not in log and "runtime error" not in log
        if not ok:
            print(log[-6000:])
            for line in re.findall(r"Test unit written to (\S+)", log):
                print(f"# found: {line}")
        print(f"{'ok' if ok else 'not ok'} 1 the fuzzer ran {seconds} s and found nothing")
        print("1..1")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
