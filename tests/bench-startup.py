#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Start-up benchmark: process start to first painted frame, and peak RSS at that frame,
of hallway (with the bundled demo conference) against an empty libadwaita window, both
started the same number of times, interleaved, on the same private desktop. Prints
medians and ratios; asserts nothing (machines are noisy)."""
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ui"))
from hallwaysession import HeadlessSession  # noqa: E402

RUNS = int(os.environ.get("HALLWAY_BENCH_RUNS", "7"))
PROGRAMS = {
    "empty libadwaita window": os.environ["HALLWAY_BENCH_EMPTY_WINDOW"],
    "hallway (demo conference)": os.environ["HALLWAY_BINARY"],
}


def start_once(session, binary, extra_env):
    env = dict(session.env, HALLWAY_REPORT_FIRST_FRAME="1", **extra_env)
    spawned = time.monotonic()
    process = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE, text=True)
    frame_us = peak_kb = None
    for line in process.stdout:
        if line.startswith("first-frame-monotonic-us:"):
            frame_us = int(line.split(":")[1])
        elif line.startswith("VmHWM:"):
            peak_kb = int(line.split()[1])
            break
    process.terminate()
    process.wait(10)
    if frame_us is None or peak_kb is None:
        raise RuntimeError(f"{binary} reported no first frame")
    return frame_us / 1000 - spawned * 1000, peak_kb / 1024


with HeadlessSession() as session:
    results = {name: [] for name in PROGRAMS}
    for _ in range(RUNS):
        for name, binary in PROGRAMS.items():
            results[name].append(start_once(session, binary, {"NO_AT_BRIDGE": "1"}))

baseline = PROGRAMS and list(results)[0]
base_ms = statistics.median(ms for ms, _ in results[baseline])
base_mb = statistics.median(mb for _, mb in results[baseline])
print(f"start-up to first frame, median of {RUNS} runs each, interleaved:")
for name, samples in results.items():
    ms = statistics.median(s for s, _ in samples)
    mb = statistics.median(m for _, m in samples)
    print(f"  {name:28s} {ms:7.1f} ms ({ms / base_ms:4.2f}x)   peak RSS {mb:6.1f} MiB "
          f"({mb - base_mb:+.1f} MiB)")
