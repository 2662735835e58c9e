#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Issue 13's table from one `meson test --benchmark` run: reads the JSON log meson wrote
(`build-aux/dev bench` passes it) and gathers the `bench-row` lines the benchmarks printed
(tests/bench_rows.py) into one Markdown table: each row as a ratio to the anchor measured in
the same runs (min / median), the measured value, the goal and whether the median meets it.
A row no benchmark printed (skipped, failed, not run) says so. Measures nothing itself.

  bench-summary.py BUILD/meson-logs/benchlog.json"""
import json
import sys

from bench_rows import PREFIX

# id, measure, what the goal is on ("ratio", or "value" in the row's unit), bound, goal text.
# A bound (low, high) is met when low <= median <= high; None is unbounded.
ROWS = [
    ("first-frame-fosdem", "first frame with FOSDEM 2026 content, from cache (bench-startup.py)",
     "ratio", (None, 1.3), "≤ 1.3×"),
    ("window-alone", "Hallway's window alone, no content: a followed conference whose "
     "schedule is still downloading (bench-startup.py)", "ratio", (None, 1.1), "≤ 1.1×"),
    ("first-frame-demo", "first frame of a first run, with the demo conference "
     "(bench-startup.py)", "ratio", (None, 1.3), "≤ 1.3×"),
    ("talk-later", "opening a later talk until its abstract is laid out, warmed up "
     "(bench-talk.py)", "value", (None, 50), "< 50 ms"),
    ("talk-first", "opening the first talk, warmed up (bench-talk.py)",
     "value", (None, 300), "< 300 ms"),
    ("search-first", "first search keystroke over FOSDEM 2026, after the search worker "
     "(bench-search)", "value", (None, 16), "< 16 ms"),
    ("search-later", "later search keystrokes (median of 16 a run) (bench-search)",
     "value", (None, 1), "< 1 ms"),
    ("dump-xml", "`hallway --dump fosdem-2026.xml`, wall clock (bench-cli.py)",
     "ratio", (None, 1.5), "≤ 1.5×"),
    ("dump-json", "`hallway --dump` of the 39C3 JSON, wall clock (bench-cli.py)",
     "ratio", (None, 1.0), "≤ 1.0×"),
    ("refresh-rss", "RSS growth after 20 refreshes, each a changed schedule "
     "(bench-refresh-memory.py)", "value", (-5, 5), "flat (± 5 MiB)"),
]


def read_rows(log_path):
    rows = {}
    with open(log_path, encoding="utf-8") as log:
        for line in log:
            try:
                result = json.loads(line)
            except json.JSONDecodeError:
                continue
            for out in (result.get("stdout") or "").splitlines():
                if out.startswith(PREFIX):
                    record = json.loads(out[len(PREFIX):])
                    rows[record["row"]] = record
    return rows


def number(value):
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[-1])
    rows = read_rows(sys.argv[1])
    print("| measure | anchor (same runs) | runs | ratio min / median | value min / median "
          "| goal | median meets it |")
    print("|---|---|---|---|---|---|---|")
    for row, measure, on, (low, high), goal in ROWS:
        record = rows.get(row)
        if record is None:
            print(f"| {measure} | – | – | not measured | – | {goal} | – |")
            continue
        ratio, value, unit = record["ratio"], record["value"], record["unit"]
        median = ratio[1] if on == "ratio" else value[1]
        met = (low is None or median >= low) and (high is None or median <= high)
        if goal.startswith("<"):
            met = met and median < high
        shown = [("+" if unit == "MiB" and v >= 0 else "") + number(v) for v in value]
        print(f"| {measure} | {record['anchor']} | {record['runs']} "
              f"| {number(ratio[0])}× / {number(ratio[1])}× "
              f"| {shown[0]} / {shown[1]} {unit} "
              f"| {goal} | {'pass' if met else 'FAIL'} |")


main()
