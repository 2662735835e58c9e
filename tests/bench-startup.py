#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Start-up benchmark: process start to the first painted frame with the conference in the
window, and the peak RSS then, against the emptiest libadwaita window (a header bar),
each started the same number of times, interleaved, on one private desktop:

  - empty libadwaita window: its first frame (the baseline)
  - hallway's window alone, no content: a followed conference whose cache is gone and
    whose server has not answered yet, so the window shows "Downloading the Schedule"
    (issue 13's "window alone"; a first run's first frame already holds the demo)
  - hallway, first run: the first frame with the bundled demo conference (the first
    frame there is)
  - hallway with FOSDEM 2026 followed: the first frame with it, read from its cache
    (1079 talks)
  - the same after an update: the cache also holds the version it replaced (the
    preliminary schedule), read after the schedule to show Changes (1097 changes)

Prints minimums and medians, and their ratios to the baseline's (issue 13's goals: content
in the first frame at most 1.3x, the window alone at most 1.1x), then those as rows for
bench-summary.py (ratios run by run); asserts nothing (machines are noisy)."""
import glob
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ui"))
from hallwaysession import APP_ID, HeadlessSession  # noqa: E402
import bench_rows  # noqa: E402

# Homes and files of this run: removed when the script ends.
SCRATCH = tempfile.TemporaryDirectory(prefix="hallway-bench-startup-")
RUNS = int(os.environ.get("HALLWAY_BENCH_RUNS", "15"))
HALLWAY = os.environ["HALLWAY_BINARY"]
EMPTY = os.environ["HALLWAY_BENCH_EMPTY_WINDOW"]
FOSDEM = os.path.join(os.environ.get("HALLWAY_SCHEDULES", ""), "fosdem-2026.xml")
PRELIMINARY = os.path.join(os.environ.get("HALLWAY_SCHEDULES", ""),
                           "fosdem-2026-preliminary-20260115.xml")


def home_env(folder):
    return {name: os.path.join(folder, name.lower()) for name in
            ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")}


def start_once(session, argv, extra_env, marker):
    """Milliseconds from spawning to the line `marker`, and the peak RSS in MiB then."""
    env = dict(session.env, HALLWAY_REPORT_FIRST_FRAME="1", NO_AT_BRIDGE="1", **extra_env)
    spawned = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, text=True)
    frame_us = None
    for line in process.stdout:
        if line.startswith(marker):
            frame_us = int(line.split(":")[1])
        elif frame_us is not None and line.startswith("VmHWM:"):
            peak_kb = int(line.split()[1])
            break
    process.terminate()
    process.wait(10)
    if frame_us is None:
        raise RuntimeError(f"{argv[0]} never reported {marker}")
    return frame_us / 1000 - spawned * 1000, peak_kb / 1024


def follow_fosdem(session, env):
    """Runs hallway once on the file, so later starts read FOSDEM 2026 from the cache."""
    start_once(session, [HALLWAY, FOSDEM], env, "content-frame-monotonic-us:")
    time.sleep(1)  # the library and the cache are written in the background


def updated_copy(fosdem_home, folder):
    """A copy of the followed home whose cache also keeps the preliminary schedule as the
    version the final one replaced, as an update leaves it."""
    updated_home = home_env(folder)
    for name, path in fosdem_home.items():
        if os.path.isdir(path):
            shutil.copytree(path, updated_home[name], symlinks=True, dirs_exist_ok=True)
    payloads = glob.glob(os.path.join(updated_home["XDG_CACHE_HOME"], "*", "schedules", "*",
                                      "payload"))
    assert len(payloads) == 1, payloads
    shutil.copyfile(PRELIMINARY, os.path.join(os.path.dirname(payloads[0]), "previous"))
    return updated_home


class SilentServer(http.server.ThreadingHTTPServer):
    """Takes requests and never answers them (while the benchmark runs): a download that
    has not finished yet."""
    daemon_threads = True
    block_on_close = False

    def __init__(self):
        self.release = threading.Event()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(handler):
                self.release.wait()

            def log_message(handler, *args):
                pass
        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()


def downloading_home(folder, url):
    """A home whose library follows url with nothing cached: the window has no schedule."""
    home = home_env(folder)
    library = os.path.join(home["XDG_DATA_HOME"], APP_ID, "library.json")
    os.makedirs(os.path.dirname(library))
    with open(library, "w", encoding="utf-8") as stored:
        json.dump({"version": 1, "current": "bench", "conferences": [
            {"id": "bench", "location": url, "title": "Benchmark Conference",
             "added": "2026-01-01T00:00:00Z"}]}, stored)
    return home


server = SilentServer()
with HeadlessSession() as session:
    first_run_home = home_env(tempfile.mkdtemp(prefix="first-", dir=SCRATCH.name))
    fosdem_home = home_env(tempfile.mkdtemp(prefix="fosdem-", dir=SCRATCH.name))
    cases = {
        "empty libadwaita window": ([EMPTY], {}, "first-frame-monotonic-us:"),
        "hallway's window alone": ([HALLWAY], downloading_home(
            tempfile.mkdtemp(prefix="downloading-", dir=SCRATCH.name),
            f"http://127.0.0.1:{server.server_address[1]}/schedule.xml"),
            "first-frame-monotonic-us:"),
        "hallway, first run (demo)": ([HALLWAY], first_run_home, "content-frame-monotonic-us:"),
    }
    if os.path.isfile(FOSDEM):
        follow_fosdem(session, fosdem_home)
        cases["hallway, FOSDEM 2026 from cache"] = ([HALLWAY], fosdem_home, "content-frame-monotonic-us:")
        if os.path.isfile(PRELIMINARY):
            updated_home = updated_copy(fosdem_home,
                                        tempfile.mkdtemp(prefix="updated-", dir=SCRATCH.name))
            cases["  … after an update (Changes)"] = ([HALLWAY], updated_home,
                                                     "content-frame-monotonic-us:")
    results = {name: [] for name in cases}
    for _ in range(RUNS):
        for name, (argv, env, marker) in cases.items():
            results[name].append(start_once(session, argv, env, marker))

baseline = "empty libadwaita window"
base_min = min(ms for ms, _ in results[baseline])
base_median = statistics.median(ms for ms, _ in results[baseline])
base_mb = statistics.median(mb for _, mb in results[baseline])
print(f"start-up to the first frame (with content), {RUNS} interleaved runs each:")
for name, samples in results.items():
    fastest = min(s for s, _ in samples)
    median = statistics.median(s for s, _ in samples)
    mb = statistics.median(m for _, m in samples)
    print(f"  {name:34s} min {fastest:7.1f} ms ({fastest / base_min:4.2f}x)  "
          f"median {median:7.1f} ms ({median / base_median:4.2f}x)   "
          f"peak RSS {mb:6.1f} MiB ({mb - base_mb:+.1f} MiB)")

# issue 13's table (bench-summary.py): each start against the empty window of its own round.
ROWS = {"hallway's window alone": "window-alone",
        "hallway, first run (demo)": "first-frame-demo",
        "hallway, FOSDEM 2026 from cache": "first-frame-fosdem"}
for name, row in ROWS.items():
    if name in results:
        bench_rows.emit(row, baseline, [ms for ms, _ in results[name]],
                        [ms for ms, _ in results[baseline]])
server.release.set()
