#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the newsroom-scale benchmarks and merges their figures.

Each benchmark program prints one line per figure:

    RESULT {"id": 3, "name": "...", "subject_s": ..., "floor_s": ..., "ratio": ...,
            "target": "<= 1.5", "met": true, ...}

This runner starts the data benchmarks (tests/bench/data), the shared
desk's (tests/bench/sync, figures 10 to 13) and, when given --gui, the GUI
benchmarks (tests/bench/gui), prints one table of every
figure and writes them all as one JSON document to --output. It exits
non-zero when a program fails or prints no figure; a missed target is
reported in the table and the JSON, not as a failure, so a slow machine
still gets its numbers.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys


def run_program(label, argv, env=None):
    """Runs one benchmark program; returns its figures and whether it worked."""
    print(f"# {label}: {' '.join(argv)}", file=sys.stderr, flush=True)
    figures = []
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=env)
    for line in proc.stdout:
        line = line.rstrip("\n")
        if line.startswith("RESULT "):
            try:
                figure = json.loads(line[len("RESULT "):])
            except json.JSONDecodeError as e:
                print(f"# {label}: unreadable RESULT line ({e}): {line}", file=sys.stderr)
                continue
            figure.setdefault("source", label)
            figures.append(figure)
            print(f"# {label}: figure {figure.get('id')}: ratio {figure.get('ratio')}",
                  file=sys.stderr, flush=True)
        else:
            print(line, flush=True)
    status = proc.wait()
    if status != 0:
        print(f"# {label}: exited with status {status}", file=sys.stderr)
    return figures, status == 0 and len(figures) > 0


def fmt(value, unit=""):
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, (int, float)):
        if abs(value) >= 100:
            return f"{value:.1f}{unit}"
        if abs(value) >= 1:
            return f"{value:.3f}{unit}"
        if value == 0:
            return f"0{unit}"
        if abs(value) >= 0.001:
            return f"{value * 1000:.3f} ms" if unit == " s" else f"{value:.4f}{unit}"
        return f"{value * 1e6:.1f} µs" if unit == " s" else f"{value:.3g}{unit}"
    return str(value)


def sort_key(figure):
    ident = figure.get("id")
    try:
        return (float(ident), str(figure.get("name", "")))
    except (TypeError, ValueError):
        return (float("inf"), str(ident))


def print_table(figures):
    headers = ["id", "what", "subject", "floor", "ratio", "target", "met"]
    rows = []
    for f in sorted(figures, key=sort_key):
        rows.append([
            str(f.get("id", "")),
            str(f.get("name", "")),
            fmt(f.get("subject_s"), " s"),
            fmt(f.get("floor_s"), " s"),
            fmt(f.get("ratio")),
            str(f.get("target", "")),
            "yes" if f.get("met") else "NO",
        ])
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line)
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="the vd-bench-data program")
    parser.add_argument("--generator", required=True, help="the vd-bench-generate program")
    parser.add_argument("--verdict-desk", required=True, help="the app")
    parser.add_argument("--scratch", required=True,
                        help="where the generated data sets live (kept between runs)")
    parser.add_argument("--sqlite3", help="the sqlite3 shell (default: from PATH)")
    parser.add_argument("--gui", help="the GUI benchmark program; skipped when not given")
    parser.add_argument("--gui-arg", action="append", default=[],
                        help="an argument for the GUI program (repeatable; write "
                             "--gui-arg=--option for one that starts with a dash)")
    parser.add_argument("--gui-wrapper", action="append", default=[],
                        help="a command the GUI program runs under, e.g. xvfb-run, then "
                             "its own arguments (repeatable, in order)")
    parser.add_argument("--output", required=True, help="where to write the merged JSON")
    parser.add_argument("--runs", type=int, default=7,
                        help="runs of each side, floor and subject alternating (default 7)")
    parser.add_argument("--only", action="append", default=[],
                        help="run only this data or sync figure (3, 4, 5, 8, 9, 10-13); "
                             "repeatable")
    parser.add_argument("--no-growth", action="store_true",
                        help="skip scale 4 (no growth figure, RSS checked at scale 1)")
    args = parser.parse_args()

    if args.runs < 7:
        print(f"# note: --runs {args.runs} is below the 7 the figures are defined with",
              file=sys.stderr)

    data_argv = [args.data,
                 "--generator", args.generator,
                 "--verdict-desk", args.verdict_desk,
                 "--scratch", args.scratch,
                 "--runs", str(args.runs)]
    if args.sqlite3:
        data_argv += ["--sqlite3", args.sqlite3]
    sync_argv = [sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "sync", "bench-sync.py"),
                 "--generator", args.generator,
                 "--verdict-desk", args.verdict_desk,
                 "--scratch", args.scratch,
                 "--runs", str(args.runs)]
    sync_ids = {"10", "11", "12", "13"}
    data_only = [o for o in args.only if o not in sync_ids]
    sync_only = [o for o in args.only if o in sync_ids]
    for only in data_only:
        data_argv += ["--only", only]
    for only in sync_only:
        sync_argv += ["--only", only]
    if args.no_growth:
        data_argv.append("--no-growth")
        sync_argv.append("--no-growth")

    figures = []
    ok = True
    programs = []
    if not args.only or data_only:
        programs.append(("data", data_argv))
    if not args.only or sync_only:
        programs.append(("sync", sync_argv))
    if args.gui:
        programs.append(("gui", args.gui_wrapper + [args.gui] + args.gui_arg))
    else:
        print("# gui: no --gui program given; its figures are skipped", file=sys.stderr)

    for label, argv in programs:
        if label == "gui" and not os.path.exists(args.gui):
            print(f"# gui: {args.gui} does not exist (not built?); its figures are skipped",
                  file=sys.stderr)
            continue
        if label == "data" and not os.path.exists(argv[0]):
            print(f"# {label}: {argv[0]} does not exist; skipped", file=sys.stderr)
            ok = False
            continue
        got, worked = run_program(label, argv)
        figures += got
        ok = ok and worked

    print()
    print_table(figures)

    document = {
        "suite": "newsroom-scale",
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {
            "node": platform.node(),
            "system": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "runs": args.runs,
        "all_met": ok and all(f.get("met") for f in figures),
        "figures": sorted(figures, key=sort_key),
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=2, ensure_ascii=False)
        out.write("\n")
    print(f"\n# figures written to {args.output}", file=sys.stderr)

    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
