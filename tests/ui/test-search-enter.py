#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Typing a search and pressing Enter at once opens the first match of what was typed, not
the first row of the list from before the search entry's delay ran out. Through the real
app on the bundled demo conference, over AT-SPI: each query is typed and Enter follows
without a pause, as a fast typist does."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

# The demo's first talk is "Welcome: Why Conferences Still Matter": what a stale list opens.
QUERIES = {
    "Screen Readers": "Screen Readers and GTK 4: A Practical Tour",
    "Late Night": "Late Night Hacking Session",
    "Ministries": "A Free Desktop for Ministries: Three Years In",
}

with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.find(window, "label", "Welcome: Why Conferences Still Matter", timeout=30)
    for query, title in QUERIES.items():
        session.window_action(window, "win.show-schedule")
        session.window_action(window, "win.search")
        entry = session.find(window, "entry", "Search talks")
        session.set_text(entry, query)
        session.key("Return")
        try:
            session.page(window, title, timeout=10)
        except Exception:
            shown = [page.name for page in session.find_all(window, "grouping")]
            raise AssertionError(f"Enter after typing {query!r} did not open {title!r}; "
                                 f"pages: {shown}")
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print(f"ok: Enter right after typing opened the match of each of {len(QUERIES)} queries")
