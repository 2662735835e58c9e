#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Filters that show themselves, through the real app over AT-SPI on the bundled demo:
a track chosen in the filter menu leaves a trace once the menu is closed (the button used
to look the same and nothing said a filter was on): the filter button is named with the
count, a chip names the filter and removes it, and Clear Filters removes them all.
The track is chosen in a searchable list (FOSDEM has about 70 tracks; a radio submenu of
them was a long scroll), from the keyboard: "All Tracks" first, each track with its number
of talks, the current choice marked; typing filters, Down moves, Enter chooses, Escape
closes without a change. Also at 360 px wide."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
KEYNOTE = "Welcome: Why Conferences Still Matter"  # track Keynotes
DESKTOP = "Late Night Hacking Session"  # track Desktop, Saturday
BUTTON = ("push button", "button")  # the role's name differs between AT-SPI versions


def choose(session, window, *path):
    """Opens the filter menu and presses each item of path in turn (a submenu, then its
    item)."""
    session.press(session.find(window, "toggle button", lambda name: name.startswith("Filter")))
    for name in path:
        item = session.find(window, ("menu item", "check menu item", "radio menu item"), name)
        session.press(item)
        time.sleep(0.5)
    session.key("Escape")
    time.sleep(0.5)


def open_tracks(session, window):
    """The track chooser from the filter menu: its search entry and its list."""
    session.press(session.find(window, "toggle button", lambda name: name.startswith("Filter")))
    session.press(session.find(window, "menu item", "Track…"))
    entry = session.find(window, ("entry", "text"), "Search Tracks", timeout=10)
    return entry, session.find(window, "list", "Track")


def track_rows(session, tracks):
    """The rows shown: (name, description)."""
    return [(row.name, row.description) for row in session.find_all(tracks, "list item")]


def type_text(session, text):
    for character in text:
        session.key("space" if character == " " else character)
    time.sleep(0.5)


def choose_track(session, window, typed, downs=0):
    """Opens the chooser, types part of a track's name, moves down, presses Enter."""
    open_tracks(session, window)
    type_text(session, typed)
    for _ in range(downs):
        session.key("Down")
    session.key("Return")
    time.sleep(0.5)


def showing(session, window, title):
    return bool(session.find_all(window, "label", lambda name: name == title))


with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.find(window, "label", KEYNOTE, timeout=30)
    session.find(window, "toggle button", "Filter")

    entry, tracks = open_tracks(session, window)
    rows = track_rows(session, tracks)
    assert rows == [("All Tracks", "Current choice"), ("Desktop, 3 talks", ""),
                    ("Keynotes, 2 talks", ""), ("Public Sector, 2 talks", "")], rows
    session.screenshot(os.path.join(SCREENSHOTS, "filters-tracks.png"), window=window)
    type_text(session, "pub")
    rows = track_rows(session, tracks)
    assert rows == [("Public Sector, 2 talks", "")], f"'pub' left {rows}"
    session.key("Escape")
    session.find(window, "toggle button", "Filter", timeout=10)
    assert not session.find_all(window, "list", lambda name: name == "Track"), "Escape left it"

    # "s" is in all three; Down goes from the first to the second.
    choose_track(session, window, "s", downs=1)
    session.find(window, BUTTON, "Remove Filter “Track: Keynotes”", timeout=10)
    entry, tracks = open_tracks(session, window)
    rows = track_rows(session, tracks)
    assert rows[0] == ("All Tracks", "") and rows[2] == ("Keynotes, 2 talks", "Current choice"), (
        rows)
    session.key("Escape")

    choose_track(session, window, "desk")
    session.find(window, "toggle button", "Filter, 1 active", timeout=10)
    chip = session.find(window, BUTTON, "Remove Filter “Track: Desktop”")
    session.find(window, "label", DESKTOP)
    assert not showing(session, window, KEYNOTE), "the track filter let a keynote through"
    session.screenshot(os.path.join(SCREENSHOTS, "filters-track.png"), window=window)

    session.press(chip)
    session.find(window, "toggle button", "Filter", timeout=10)
    session.find(window, "label", KEYNOTE)
    assert not session.atspi.findAllDescendants(
        window, lambda node: node is not None and (node.name or "").startswith("Remove Filter")), (
        "a chip stayed")

    choose_track(session, window, "Desktop")
    choose(session, window, "Bookmarked Only")
    session.find(window, "toggle button", "Filter, 2 active", timeout=10)
    session.find(window, BUTTON, "Remove Filter “Bookmarked only”")
    session.screenshot(os.path.join(SCREENSHOTS, "filters-two.png"), window=window)
    session.press(session.find(window, BUTTON, "Clear Filters"))
    session.find(window, "toggle button", "Filter", timeout=10)
    session.find(window, "label", KEYNOTE)

    # Types and languages read as words in the menu and on the chips, not codes ("fr").
    choose(session, window, "Language", "French")
    session.find(window, BUTTON, "Remove Filter “Language: French”", timeout=10)
    assert not showing(session, window, KEYNOTE), "the language filter let an English talk through"
    choose(session, window, "Type", "Workshop")
    session.find(window, BUTTON, "Remove Filter “Type: Workshop”", timeout=10)
    session.screenshot(os.path.join(SCREENSHOTS, "filters-words.png"), window=window)
    session.press(session.find(window, BUTTON, "Clear Filters"))
    session.find(window, "toggle button", "Filter", timeout=10)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"

    # A phone: the chooser fits 360 px, and still chooses.
    session.preset_settings(window_width=360, window_height=720)
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.window_action(window, "win.show-schedule")  # narrow, the sidebar comes first
    session.find(window, "label", KEYNOTE, timeout=30)
    open_tracks(session, window)
    type_text(session, "pub")
    session.screenshot(os.path.join(SCREENSHOTS, "filters-tracks-narrow.png"), window=window)
    session.key("Return")
    session.find(window, BUTTON, "Remove Filter “Track: Public Sector”", timeout=10)
    assert not showing(session, window, KEYNOTE), "the track filter let a keynote through"
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print("ok: tracks chosen by typing in a list; an active filter shows on the button and as a "
      "chip; chips and Clear Filters remove")
