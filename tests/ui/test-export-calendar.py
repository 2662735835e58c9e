#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Export to Calendar through the real app, its file chooser and AT-SPI, on the bundled
demo. The app does not link libical: its iCalendar writer is the module libhallway-ical,
loaded at the first export (issue 13). A talk's Export to Calendar writes the file the
chooser names, which an independent parser (python3-icalendar) reads back with the talk's
title and times. Then, with the module missing from Hallway's module folder (a broken
installation), the same export says why, naming the missing file, instead of a chooser."""
import os
import sys
import tempfile
import time

import icalendar

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
TALK = "Welcome: Why Conferences Still Matter"


def export_talk(session, window):
    session.search_and_open(session.page(window, "Schedule"), "Welcome")
    session.page(window, TALK)
    session.window_action(window, "win.export-talk")


def wait_for_file(path, timeout=15):
    deadline = time.monotonic() + timeout
    while not os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert os.path.exists(path), f"{path} was not written"
    time.sleep(0.5)  # written by replacing: whole once it is there, but let it settle


with tempfile.TemporaryDirectory(prefix="hallway-export-calendar-") as folder, \
        HeadlessSession() as session:
    exported = os.path.join(folder, "welcome.ics")
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    with session.screenshot_on_failure("export-calendar-failure.png"):
        session.find(window, "label", TALK, timeout=30)
        export_talk(session, window)
        chooser = session.find_window("Export to Calendar", timeout=15)
        name = session.find(chooser, "text", lambda text: True)
        session.set_text(name, exported)
        time.sleep(0.5)
        session.key("Return")
        wait_for_file(exported)
    with open(exported, "rb") as calendar_file:
        events = icalendar.Calendar.from_ical(calendar_file.read()).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [TALK], events
    start, end = events[0]["DTSTART"].dt, events[0]["DTEND"].dt
    assert start < end, (start, end)
    assert str(events[0]["UID"]).endswith(".hallway"), events[0]["UID"]
    assert session.quit_app() == 0

    # A broken installation: the other modules are there, the iCalendar one is not.
    modules = session.modules_without("libhallway-ical.so")
    os.remove(exported)
    session.launch(os.environ["HALLWAY_BINARY"], env={"HALLWAY_MODULE_DIR": modules})
    window = session.find_window("Hallway")
    with session.screenshot_on_failure("export-calendar-failure.png"):
        session.find(window, "label", TALK, timeout=30)
        export_talk(session, window)
        message = session.find(window, "label",
                               lambda text: "iCalendar support is missing" in text)
        assert os.path.join(modules, "libhallway-ical.so") in message.name, message.name
        session.screenshot(os.path.join(SCREENSHOTS, "export-calendar-no-module.png"),
                           window=window)
    assert session.quit_app() == 0
print("ok: Export to Calendar writes the talk through the iCalendar module, and says so "
      "when the module is missing")
