#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Talk-opening benchmark: from choosing a talk (Enter on a search result) to its abstract
laid out in the web view, measured inside hallway (HALLWAY_REPORT_TALK_TIMING), for the
first talk and the later ones (the view is reused). Launches with the web view warmed up
after the first content frame alternate with launches without (HALLWAY_NO_WEB_WARM_UP=1);
the first talk without warm-up is the anchor of the ratios. Prints min and median, then the
first and later talks as the app opens them (warmed up) as rows for bench-summary.py; stops
when Enter opened another talk than the query's (a timing of the wrong talk measures
nothing) or a talk never reported its timing."""
import os
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ui"))
from hallwaysession import HeadlessSession, SessionError  # noqa: E402
import bench_rows  # noqa: E402

FOSDEM = os.path.join(os.environ.get("HALLWAY_SCHEDULES", ""), "fosdem-2026.xml")
QUERIES = ["Flurfunk", "Scaling national", "Welcome to FOSDEM", "systemd", "eBPF Hookpoint",
           "Geospatial devroom welcome", "The Web Platform on Linux"]
RUNS = int(os.environ.get("HALLWAY_BENCH_RUNS", "7"))
# Time for the warm-up to finish after the first content frame, as a person would take
# to type a search; the same wait in launches without it.
SETTLE_SECONDS = 2

if not os.path.isfile(FOSDEM):
    print("the shared schedules folder is absent: skipped")
    sys.exit(77)


def open_talks(session, warm_up):
    """One launch: every query's talk opened in turn; their timings in ms."""
    env = {"HALLWAY_REPORT_TALK_TIMING": "1"}
    if not warm_up:
        env["HALLWAY_NO_WEB_WARM_UP"] = "1"
    session.launch(os.environ["HALLWAY_BINARY"], FOSDEM, env=env, stdout=subprocess.PIPE)
    timings = []
    arrived = threading.Condition()

    def read_timings():
        for line in session.app.stdout:
            if line.startswith("abstract-rendered-ms:"):
                with arrived:
                    timings.append(float(line.split(":")[1]))
                    arrived.notify_all()

    threading.Thread(target=read_timings, daemon=True).start()
    window = session.find_window()
    session.find(window, "label", "FOSDEM 2026", timeout=60)
    time.sleep(SETTLE_SECONDS)
    for query in QUERIES:
        expected = len(timings) + 1
        session.window_action(window, "win.search")
        entry = session.find(window, "entry", "Search talks")
        session.set_text(entry, query)
        session.key("Return")
        with arrived:
            reported = arrived.wait_for(lambda: len(timings) >= expected, timeout=30)
        # The accessible tree follows the page a moment later than the timing.
        try:
            session.find(window, "grouping", lambda name: query.lower() in name.lower(),
                         timeout=10)
        except SessionError:
            session.quit_app()
            sys.exit(f"Enter after {query!r} opened another talk: the timing would be wrong")
        if not reported:
            session.quit_app()
            sys.exit(f"{query!r} opened, but its abstract never reported being laid out "
                     f"({'with' if warm_up else 'without'} warm-up)")
    session.quit_app()
    return timings


firsts = {True: [], False: []}
laters = {True: [], False: []}
with HeadlessSession() as desktop:
    for run in range(RUNS):
        for warm_up in (True, False):
            timings = open_talks(desktop, warm_up)
            firsts[warm_up].append(timings[0])
            laters[warm_up].append(statistics.median(timings[1:]))

anchor = firsts[False]
print(f"from choosing a talk to its abstract laid out, {len(QUERIES)} talks a launch, "
      f"{RUNS} launches each way, interleaved;")
print("ratio to the first talk without warm-up of the same run (min / median), ms (min / median):")
for label, values in (("first talk, without warm-up (anchor)", firsts[False]),
                      ("first talk, web view warmed after the first frame", firsts[True]),
                      ("later talks (median of a launch), without warm-up", laters[False]),
                      ("later talks (median of a launch), warmed up", laters[True])):
    ratios = [value / base for value, base in zip(values, anchor)]
    print(f"  {label:52} {min(ratios):5.2f}× / {statistics.median(ratios):5.2f}×  "
          f"{min(values):6.0f} / {statistics.median(values):6.0f} ms")
print("goals: the first talk under 300 ms, later ones under 50 ms")
# issue 13's table (bench-summary.py): the app as it runs, with the warm-up; goals in ms.
bench_rows.emit("talk-first", "first talk without warm-up", firsts[True], anchor)
bench_rows.emit("talk-later", "first talk without warm-up", laters[True], anchor)
