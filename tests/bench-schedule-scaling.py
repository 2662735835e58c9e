#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Scaling benchmark: FOSDEM 2026 grown to 1x, 4x and 16x its talks (about 1,079, 4,300 and
17,000), generated at bench time: every copy of a room is a new room with fresh talk ids
and guids, on the same days. For each size, interleaved:

  - `hallway --dump` of the file: wall time and peak RSS of the process
  - the first frame with the conference in the window, read from the cache, and the peak
    RSS then (the app reports it with HALLWAY_REPORT_FIRST_FRAME)

Prints medians and minimums and the ratios to the 1x size: linear growth is about 4 and 16
for the dump; the first content frame should stay well under 2x at 16x, since the window
shows only what fits. Asserts nothing (machines are noisy)."""
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ui"))
from hallwaysession import HeadlessSession  # noqa: E402

# Homes and files of this run: removed when the script ends.
SCRATCH = tempfile.TemporaryDirectory(prefix="hallway-bench-scaling-")
RUNS = int(os.environ.get("HALLWAY_BENCH_RUNS", "7"))
SCALES = (1, 4, 16)
HALLWAY = os.environ["HALLWAY_BINARY"]
FOSDEM = os.path.join(os.environ.get("HALLWAY_SCHEDULES", ""), "fosdem-2026.xml")
FRAME_MARKER = "content-frame-monotonic-us:"


def grown_schedule(source, scale, path):
    """Writes `source` with each room repeated `scale` times; copies get new names and
    slugs, and their talks new ids, guids and slugs, so no key repeats."""
    tree = ElementTree.parse(source)
    next_id = 10_000_000
    for day in tree.getroot().iter("day"):
        rooms = list(day.findall("room"))
        for copy_number in range(1, scale):
            for room in rooms:
                twin = copy.deepcopy(room)
                twin.set("name", f"{room.get('name')} · {copy_number + 1}")
                twin.set("slug", f"{room.get('slug')}-{copy_number + 1}")
                for event in twin.iter("event"):
                    next_id += 1
                    event.set("id", str(next_id))
                    event.set("guid", str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench/{next_id}")))
                    slug = event.find("slug")
                    if slug is not None:
                        slug.text = f"{slug.text}-{next_id}"
                    event_room = event.find("room")
                    if event_room is not None:
                        event_room.text = twin.get("name")
                day.append(twin)
    tree.write(path, encoding="UTF-8", xml_declaration=True)
    return sum(1 for _ in tree.getroot().iter("event"))


def grow_in_child(scale, path):
    """grown_schedule in a child process: a child forked from a Python that held the big
    tree would report the parent's memory as its own peak RSS."""
    grown = subprocess.run([sys.executable, __file__, "--grow", str(scale), path],
                           check=True, stdout=subprocess.PIPE, text=True)
    return int(grown.stdout)


def home_env(folder):
    return {name: os.path.join(folder, name.lower()) for name in
            ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")}


def dump_once(path):
    """Milliseconds and peak RSS in MiB of one `hallway --dump path` process."""
    started = time.monotonic()
    process = subprocess.Popen([HALLWAY, "--dump", path], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = (time.monotonic() - started) * 1000
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"hallway --dump {path} exited with {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def first_content_frame(session, argv, home):
    """Milliseconds from spawning to the first frame with content, and peak RSS in MiB."""
    env = dict(session.env, HALLWAY_REPORT_FIRST_FRAME="1", NO_AT_BRIDGE="1", **home)
    spawned = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, text=True)
    frame_us = peak_kb = None
    for line in process.stdout:
        if line.startswith(FRAME_MARKER):
            frame_us = int(line.split(":")[1])
        elif frame_us is not None and line.startswith("VmHWM:"):
            peak_kb = int(line.split()[1])
            break
    process.terminate()
    process.wait(10)
    if frame_us is None or peak_kb is None:
        raise RuntimeError(f"{' '.join(argv)} never reported its first content frame")
    return frame_us / 1000 - spawned * 1000, peak_kb / 1024


def summary(samples):
    times = [ms for ms, _ in samples]
    return min(times), statistics.median(times), statistics.median(mb for _, mb in samples)


def print_table(title, results, talks):
    print(title)
    _, base_median, _ = summary(results[1])
    for scale in SCALES:
        fastest, median, peak = summary(results[scale])
        print(f"  {scale:2d}x ({talks[scale]:6d} talks)  min {fastest:8.1f} ms  "
              f"median {median:8.1f} ms ({median / base_median:5.2f}x)  peak RSS {peak:6.1f} MiB")


def main():
    if not os.path.isfile(FOSDEM):
        print(f"skipped: {FOSDEM} is absent (HALLWAY_SCHEDULES)")
        return
    folder = SCRATCH.name
    files, talks, homes = {}, {}, {}
    for scale in SCALES:
        files[scale] = os.path.join(folder, f"fosdem-2026-{scale}x.xml")
        talks[scale] = grow_in_child(scale, files[scale])
    dumps = {scale: [] for scale in SCALES}
    frames = {scale: [] for scale in SCALES}
    with HeadlessSession() as session:
        for scale in SCALES:
            # The first start follows the file; later ones read it from the cache.
            homes[scale] = home_env(os.path.join(folder, f"home-{scale}x"))
            first_content_frame(session, [HALLWAY, files[scale]], homes[scale])
            time.sleep(1)  # the library and the cache are written in the background
        for _ in range(RUNS):
            for scale in SCALES:
                dumps[scale].append(dump_once(files[scale]))
                frames[scale].append(first_content_frame(session, [HALLWAY], homes[scale]))
    print(f"FOSDEM 2026 grown to {', '.join(f'{s}x' for s in SCALES)}; "
          f"{RUNS} interleaved runs each, ratios of medians to 1x:")
    print_table("hallway --dump (whole process):", dumps, talks)
    print_table("first frame with content, from the cache:", frames, talks)


if len(sys.argv) == 4 and sys.argv[1] == "--grow":
    print(grown_schedule(FOSDEM, int(sys.argv[2]), sys.argv[3]))
else:
    main()
