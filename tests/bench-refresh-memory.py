#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Memory across schedule updates as a row of issue 13's table: runs the test
refresh-memory (test-refresh-memory.c: 20 refreshes through the real window, each bringing a
changed schedule of about 1000 talks from a loopback server) several times and reads the RSS
it reports after the 5th refresh (the anchor) and after the 20th. Prints the growth in MiB
(min and median) and the ratio of the two, then the row for bench-summary.py. The test's own
assertions still apply: a failed run stops the benchmark. Runs under xvfb-run
(tests/meson.build); HALLWAY_BENCH_RUNS sets the runs (at least 7)."""
import os
import re
import statistics
import subprocess
import sys

import bench_rows

RUNS = max(7, int(os.environ.get("HALLWAY_BENCH_RUNS", "7")))
TEST = os.environ["HALLWAY_REFRESH_MEMORY_TEST"]
REPORT = re.compile(r"RSS after refresh (\d+): (\d+) KiB, after refresh (\d+): (\d+) KiB")

anchors, lasts = [], []
for run in range(RUNS):
    done = subprocess.run([TEST, "--tap"], capture_output=True, text=True)
    found = REPORT.search(done.stdout)
    if done.returncode != 0 or found is None:
        sys.exit(f"refresh-memory failed (status {done.returncode}):\n{done.stdout}{done.stderr}")
    anchors.append(int(found.group(2)) / 1024)
    lasts.append(int(found.group(4)) / 1024)
    first, last = found.group(1), found.group(3)

growth = [after - before for before, after in zip(anchors, lasts)]
print(f"RSS after refresh {last} against after refresh {first}, {RUNS} runs (MiB, min / median):")
print(f"  after refresh {first:2s} {min(anchors):7.1f} / {statistics.median(anchors):7.1f}")
print(f"  after refresh {last:2s} {min(lasts):7.1f} / {statistics.median(lasts):7.1f}")
print(f"  growth           {min(growth):+7.1f} / {statistics.median(growth):+7.1f}")
print("goal: flat (± 5 MiB)")
bench_rows.emit("refresh-rss", f"RSS after refresh {first}", growth,
                ratios=[after / before for before, after in zip(anchors, lasts)], unit="MiB")
