#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Import Bookmarks From a Calendar, through the real app, its file chooser and AT-SPI on the
bundled demo: a calendar with one talk of the demo and one event that is not in it. The
report names the event not found once (the dialog listed it twice: in its summary and again
in a label below)."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
MISSING = "A Talk Nobody Scheduled"
CALENDAR = f"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Hallway tests//EN\r
BEGIN:VEVENT\r
UID:import-report-1@example.org\r
DTSTAMP:20270101T000000Z\r
DTSTART:20270206T223000Z\r
DTEND:20270206T233000Z\r
SUMMARY:Late Night Hacking Session\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:import-report-2@example.org\r
DTSTAMP:20270101T000000Z\r
DTSTART:20270207T120000Z\r
DTEND:20270207T123000Z\r
SUMMARY:{MISSING}\r
END:VEVENT\r
END:VCALENDAR\r
"""


def texts_under(session, node):
    return [child.name or "" for child in session.atspi.findAllDescendants(
        node, lambda n: n is not None and n.getRoleName() == "label")]


folder = tempfile.mkdtemp(prefix="hallway-import-")
path = os.path.join(folder, "picks.ics")
with open(path, "w", encoding="utf-8") as output:
    output.write(CALENDAR)

with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.find(window, "label", "Welcome: Why Conferences Still Matter", timeout=30)
    session.window_action(window, "win.import")
    chooser = session.find_window("Import Bookmarks From a Calendar", timeout=15)
    session.key("slash")  # the chooser's location entry, as typing a path opens it
    location = session.find(chooser, "text", lambda name: True)
    session.set_text(location, path)
    time.sleep(0.5)
    session.key("Return")
    dialog = session.find(window, ("alert", "dialog"), lambda name: True, timeout=15)
    session.find(dialog, "label", "Bookmarks Imported")
    session.screenshot(os.path.join(SCREENSHOTS, "import-report.png"), window=window)
    mentions = sum(text.count(MISSING) for text in texts_under(session, dialog))
    assert mentions == 1, (
        f"the report names {MISSING!r} {mentions} times: {texts_under(session, dialog)}")
    session.key("Escape")
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print("ok: the import report names an event not found once")
