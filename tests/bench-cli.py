#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Command-line benchmark: `hallway --dump` as a whole process against a tool that reads the
same file, each started the same number of times, interleaved (the order turns each round),
output thrown away:

  - FOSDEM 2026 (XML): `hallway --dump` against `xmllint --noout`
  - 39C3 (JSON): `hallway --dump` against `jq .`

Prints, for wall-clock time and for CPU time (user + system, less sensitive to a busy
machine), the min and the median of each and their ratios to the anchor; asserts nothing
(machines are noisy), then the wall-clock ratios as rows for bench-summary.py.
HALLWAY_BENCH_RUNS sets the runs (at least 7)."""
import os
import shutil
import statistics
import subprocess
import sys
import time

import bench_rows

RUNS = max(7, int(os.environ.get("HALLWAY_BENCH_RUNS", "11")))
HALLWAY = os.environ["HALLWAY_BINARY"]
SCHEDULES = os.environ.get("HALLWAY_SCHEDULES", "")

PAIRS = [
    ("FOSDEM 2026 XML", "fosdem-2026.xml", ["xmllint", "--noout"], "dump-xml"),
    ("39C3 JSON", "39c3-everything.schedule.json", ["jq", "."], "dump-json"),
]


def user_env():
    """No display, and none of the tests' debugging (G_DEBUG=gc-friendly clears each block
    GLib frees, MALLOC_CHECK_): the command as a user or a script runs it."""
    dropped = ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "G_DEBUG",
               "MALLOC_CHECK_")
    return {key: value for key, value in os.environ.items() if key not in dropped}


def run_once(argv, env):
    """Wall-clock and CPU milliseconds of one whole process."""
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.monotonic() - start) * 1000
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited with {process.returncode}: {stderr}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def cases():
    for name, file_name, anchor, row in PAIRS:
        path = os.path.join(SCHEDULES, file_name)
        if not os.path.isfile(path):
            print(f"{name}: {path} is missing, skipped")
            continue
        if shutil.which(anchor[0]) is None:
            print(f"{name}: no {anchor[0]} (build-aux/packages.txt), skipped")
            continue
        yield name, row, [(" ".join(anchor), anchor + [path]),
                          ("hallway --dump", [HALLWAY, "--dump", path])]


def measure(commands, env):
    samples = {label: [] for label, _ in commands}
    for round_ in range(RUNS):
        shift = round_ % len(commands)
        for label, argv in commands[shift:] + commands[:shift]:
            samples[label].append(run_once(argv, env))
    return samples


def report(name, commands, samples):
    anchor = commands[0][0]
    print(f"{name}, {RUNS} interleaved runs each (ms; ratio to {anchor}):")
    for which, index in (("wall", 0), ("cpu", 1)):
        base = [s[index] for s in samples[anchor]]
        for label, _ in commands:
            values = [s[index] for s in samples[label]]
            low, mid = min(values), statistics.median(values)
            print(f"  {which:4s} {label:16s} min {low:7.1f} ({low / min(base):4.2f}x)"
                  f"   median {mid:7.1f} ({mid / statistics.median(base):4.2f}x)")


def huge_pages_setting():
    """The kernel's transparent huge pages setting: `hallway` asks malloc for them in the
    command line's programs, which only takes with "madvise" or "always"."""
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as setting:
            return setting.read().strip()
    except OSError:
        return "unknown"


def main():
    env = user_env()
    print(f"transparent huge pages: {huge_pages_setting()}")
    for name, row, commands in cases():
        for _, argv in commands:
            run_once(argv, env)  # warm the page cache
        samples = measure(commands, env)
        report(name, commands, samples)
        # issue 13's table (bench-summary.py): wall-clock time, each run against its anchor.
        anchor = commands[0][0]
        bench_rows.emit(row, anchor, [wall for wall, _ in samples["hallway --dump"]],
                        [wall for wall, _ in samples[anchor]])
    sys.stdout.flush()


main()
