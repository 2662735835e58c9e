#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Talk-opening benchmark: from choosing a talk (Enter on a search result) to its abstract
laid out in the web view, measured inside hallway (HALLWAY_REPORT_TALK_TIMING), for the
first talk (the web process starts) and the later ones (the view is reused). Prints the
times, and stops when Enter opened another talk than the query's (a timing of the wrong
talk measures nothing)."""
import os
import statistics
import subprocess
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ui"))
from hallwaysession import HeadlessSession  # noqa: E402

FOSDEM = os.path.join(os.environ.get("HALLWAY_SCHEDULES", ""), "fosdem-2026.xml")
QUERIES = ["Flurfunk", "Scaling national", "Welcome to FOSDEM", "systemd", "eBPF Hookpoint",
           "Geospatial devroom welcome", "The Web Platform on Linux"]

if not os.path.isfile(FOSDEM):
    print("the shared schedules folder is absent: skipped")
    sys.exit(77)

with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"], FOSDEM,
                   env={"HALLWAY_REPORT_TALK_TIMING": "1"}, stdout=subprocess.PIPE)
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
    for query in QUERIES:
        expected = len(timings) + 1
        session.window_action(window, "win.search")
        entry = session.find(window, "entry", "Search talks")
        session.set_text(entry, query)
        session.key("Return")
        with arrived:
            arrived.wait_for(lambda: len(timings) >= expected, timeout=30)
        opened = [page.name for page in session.find_all(window, "grouping")
                  if query.lower() in (page.name or "").lower()]
        if not opened:
            session.quit_app()
            sys.exit(f"Enter after {query!r} opened another talk: the timing would be wrong")
    session.quit_app()

print(f"from choosing a talk to its abstract laid out, {len(timings)} talks:")
print(f"  first talk (starts the web process): {timings[0]:.0f} ms (goal: under 300 ms)")
print(f"  later talks: median {statistics.median(timings[1:]):.0f} ms, slowest {max(timings[1:]):.0f} ms "
      f"(goal: under 50 ms)")
