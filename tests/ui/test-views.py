#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""End to end, only through the accessibility tree and the keyboard, as a person would:
FOSDEM 2026 open, search "Flurfunk" and open it; open the track "Building Europe's Public
Digital Infrastructure" from Tracks, see its 14 talks in time order; open the 13:30 talk,
check its abstract and room; bookmark it and an overlapping talk in another room; find both
in My Agenda flagged as overlapping. Screenshots of each step are kept."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCHEDULES = os.environ.get("HALLWAY_SCHEDULES", "")
FOSDEM = os.path.join(SCHEDULES, "fosdem-2026.xml")
SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
TRACK = "Building Europe’s Public Digital Infrastructure"
SEED = ("Scaling national open-source products across Europe: lessons learned from two "
        "years of cross-border state collaboration")
OVERLAPPING = "The Web Platform on Linux devices with WebKit: where are we now?"
OVERLAP_NOTE = "Overlaps another bookmarked talk"

if not os.path.isfile(FOSDEM):
    print("skipped: the shared schedules folder is absent")
    sys.exit(77)


def shot(session, window, name):
    return session.screenshot(os.path.join(SCREENSHOTS, f"views-{name}.png"), window=window)


def run(session):
    window = session.find_window()
    session.find(window, "label", "FOSDEM 2026", timeout=60)

    # 1. Search "Flurfunk" and open the talk found.
    schedule = session.page(window, "Schedule")
    session.search(schedule, "Flurfunk")
    talks = session.find(schedule, "list", "Talks")
    found = session.find_all(talks, "list item")
    assert [item.name for item in found] == [
        "Flurfunk: Building sovereign network infrastructure in a real-world government agency"
    ], [item.name for item in found]
    session.key("Return")  # Enter in the search entry opens the first match
    talk = session.page(window, found[0].name)
    session.find(talk, "label", lambda text: text.startswith("Carl-Daniel Hailfinger"))
    shot(session, window, "flurfunk")

    # 2. Tracks → the track: 14 talks in time order.
    session.window_action(window, "win.show-tracks")
    tracks = session.page(window, "Tracks")
    session.search_and_open(tracks, "Building Europe")
    track_page = session.page(window, TRACK)
    session.find(track_page, "label", "14 talks")
    track_talks = session.find(track_page, "list", "Talks")
    rows = session.find_all(track_talks, "list item")
    assert len(rows) == 14, [row.name for row in rows]
    times = [session.find(row, "label", lambda text: "–" in text and text[:2].isdigit()).name
             for row in rows]
    assert times == sorted(times), times
    assert times[0].startswith("10:30") and times[-1].startswith("17:30"), times
    shot(session, window, "track")

    # 3. The 13:30 talk: abstract and room.
    session.search_and_open(track_page, "Scaling national")
    seed = session.page(window, SEED)
    session.find(seed, "label", "AW1.120")
    session.find(seed, "article", "Abstract")
    time.sleep(2)  # let WebKit draw the abstract for the screenshot
    shot(session, window, "seed-talk")

    # 4. Bookmark it, and an overlapping talk in another room, with Ctrl+D.
    session.window_action(window, "win.bookmark")  # Ctrl+D
    session.window_action(window, "win.show-schedule")
    schedule = session.page(window, "Schedule")
    session.search_and_open(schedule, "Web Platform on Linux devices")
    other = session.page(window, OVERLAPPING)
    session.find(other, "label", lambda text: text.startswith("H.1309"))
    session.window_action(window, "win.bookmark")

    # 5. My Agenda: both, flagged as overlapping.
    session.window_action(window, "win.show-agenda")
    agenda_list = session.find(window, "list", "My Agenda")
    entries = {item.name: item.description for item in session.find_all(agenda_list, "list item")}
    assert set(entries) == {SEED, OVERLAPPING}, entries
    for title, description in entries.items():
        assert OVERLAP_NOTE in description, (title, description)
    shot(session, window, "agenda")

    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"


# Tall enough that a track's 14 talks are all laid out at once.
with HeadlessSession(width=1280, height=2400) as session:
    session.preset_settings(window_width=1280, window_height=2300)
    session.launch(os.environ["HALLWAY_BINARY"], FOSDEM)
    with session.screenshot_on_failure("views-failure.png"):
        run(session)
print("ok: search, track, talk page, bookmarks and My Agenda work through the accessibility tree")
