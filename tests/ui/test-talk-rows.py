#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The talk page reuses its rows from one talk to the next: after each switch it shows
exactly the details, speakers, links and talks of the same track of the talk it shows,
none left over from the one before. Through the real app on the bundled demo conference,
over AT-SPI, between talks with one and two speakers, one and two links, one and two
other talks in their track, and back."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

WELCOME = "Welcome: Why Conferences Still Matter"
MINISTRIES = "A Free Desktop for Ministries: Three Years In"
SCREEN_READERS = "Screen Readers and GTK 4: A Practical Tour"
# What each page must show: (label, value) of the details, link titles, other talks.
EXPECTED = {
    WELCOME: {
        "speakers": ["Amara Okafor"],
        "type": "Keynote",
        "links": ["Slides", "Talk Web Page"],
        "more": ["Closing Roundtable"],
    },
    MINISTRIES: {
        "speakers": ["Ines Marchetti", "Timothée Lambert"],
        "type": "Talk",
        "links": ["Talk Web Page"],
        "more": ["Buying Open Source, Together"],
    },
    SCREEN_READERS: {
        "speakers": ["Jonas Äkerlund"],
        "type": "Talk",
        "links": ["Talk Web Page"],
        "more": ["Late Night Hacking Session", "Adaptive Apps with libadwaita Breakpoints"],
    },
}
ORDER = [WELCOME, MINISTRIES, SCREEN_READERS, MINISTRIES, WELCOME]


def row_texts(session, page, list_name):
    """The label texts of each row shown in a list of the page."""
    rows = session.find_all(session.group(page, list_name), "list item")
    return [[label.name for label in session.find_all(row, "label")] for row in rows]


def first_texts(rows):
    return [texts[0] if texts else "" for texts in rows]


def check_page(session, page, title):
    expected = EXPECTED[title]
    details = session.find_all(session.find(page, "list", "Details"), "list item")
    pairs = [tuple(label.name for label in session.find_all(row, "label")) for row in details]
    labels = [pair[0] for pair in pairs]
    speakers = [pair[1] for pair in pairs if pair[0] == "Speaker"]
    assert labels == ["When", "Duration", "Room", "Track", "Type", "Language"] + \
        ["Speaker"] * len(expected["speakers"]), f"{title}: details {pairs}"
    assert speakers == expected["speakers"], f"{title}: speakers {speakers}"
    assert ("Type", expected["type"]) in pairs, f"{title}: details {pairs}"
    links = first_texts(row_texts(session, page, "Links"))
    assert links == expected["links"], f"{title}: links {links}"
    more = first_texts(row_texts(session, page, "More in This Track"))
    assert more == expected["more"], f"{title}: more in this track {more}"


with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.find(window, "label", WELCOME, timeout=30)
    for title in ORDER:
        session.window_action(window, "win.show-schedule")
        session.search_and_open(session.page(window, "Schedule"), title.split(":")[0])
        check_page(session, session.page(window, title), title)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print(f"ok: {len(ORDER)} talk pages in a row showed their own rows only")
