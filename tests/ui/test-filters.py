#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Filters that show themselves, through the real app over AT-SPI on the bundled demo:
a track chosen in the filter menu leaves a trace once the menu is closed (the button used
to look the same and nothing said a filter was on): the filter button is named with the
count, a chip names the filter and removes it, and Clear Filters removes them all."""
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


def showing(session, window, title):
    return bool(session.find_all(window, "label", lambda name: name == title))


with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.find(window, "label", KEYNOTE, timeout=30)
    session.find(window, "toggle button", "Filter")

    choose(session, window, "Track", "Desktop")
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

    choose(session, window, "Track", "Desktop")
    choose(session, window, "Bookmarked Only")
    session.find(window, "toggle button", "Filter, 2 active", timeout=10)
    session.find(window, BUTTON, "Remove Filter “Bookmarked only”")
    session.screenshot(os.path.join(SCREENSHOTS, "filters-two.png"), window=window)
    session.press(session.find(window, BUTTON, "Clear Filters"))
    session.find(window, "toggle button", "Filter", timeout=10)
    session.find(window, "label", KEYNOTE)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print("ok: an active filter shows on the button and as a chip; chips and Clear Filters remove")
