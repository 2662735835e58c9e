#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Starts the real hallway with a damaged bookmarks file for the demo conference: the file is
set aside, and the window says so, naming the file and where the old copy now is, until the
person closes the message. Checked through AT-SPI, with a screenshot."""
import glob
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
APP_FOLDER = "io.github.hallway_app.Hallway"
DAMAGED = '{"version":1,"bookmarks":['
BUTTON = ("push button", "button")  # the role's name differs between AT-SPI versions


def close_button(session, message):
    """The message's own Close button (the window has one too): the nearest one above it."""
    node = message.parent
    while node is not None:
        found = session.atspi.findDescendant(
            node, lambda n: n is not None and n.getRoleName() in BUTTON and n.name == "Close")
        if found is not None:
            return found
        node = node.parent
    raise AssertionError("the message has no Close button")


with HeadlessSession() as session:
    folder = os.path.join(session.env["XDG_DATA_HOME"], APP_FOLDER, "bookmarks")
    os.makedirs(folder)
    damaged = os.path.join(folder, "demo.json")
    with open(damaged, "w", encoding="utf-8") as file:
        file.write(DAMAGED)

    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    def names_damaged_file(name):
        return damaged in name and "corrupt" in name

    message = session.find(window, "label", names_damaged_file, timeout=30)
    asides = glob.glob(damaged + ".corrupt-*")
    assert len(asides) == 1, f"one copy set aside, found {asides}"
    with open(asides[0], encoding="utf-8") as file:
        assert file.read() == DAMAGED, "the copy set aside is the damaged file as it was"
    assert asides[0] in message.name, f"the message names the copy: {message.name!r}"
    path = session.screenshot(os.path.join(SCREENSHOTS, "damaged-bookmarks.png"), window=window)

    # It stays until closed: still there after a toast would have gone.
    time.sleep(6)
    assert message.getState().contains(session.atspi.STATE_SHOWING), "the message went away"
    session.press(close_button(session, message))
    deadline = time.monotonic() + 10
    while session.find_all(window, "label", names_damaged_file):
        if time.monotonic() > deadline:
            session.screenshot(os.path.join(SCREENSHOTS, "damaged-bookmarks-closed.png"), window=window)
            raise AssertionError("the message is still shown after Close")
        time.sleep(0.2)

    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print(f"ok: damaged bookmarks set aside as {asides[0]}, the window said so; screenshot {path}")
