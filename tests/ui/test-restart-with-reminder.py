#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""A bookmarked talk with its reminder still to come, then a restart: the window opens.

The reminder service asks the background portal for permission as soon as the library is
loaded; with the window not yet on screen, libportal was handed a window without a surface
and the app died with SIGSEGV on X11 at every start (found by hand in a translation test).
The demo conference is in 2027, so its reminders are always to come.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

TITLE = "A Free Desktop for Ministries: Three Years In"


def assert_in_agenda(session, window):
    session.window_action(window, "win.show-agenda")
    agenda = session.page(window, "My Agenda")
    session.find(agenda, "label", TITLE, timeout=20)


def bookmark(session):
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    schedule = session.page(window, "Schedule")
    session.search_and_open(schedule, "Free Desktop for Ministries")
    session.page(window, TITLE)
    session.window_action(window, "win.bookmark")  # Ctrl+D
    assert_in_agenda(session, window)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status} after bookmarking"


with HeadlessSession() as session:
    with session.screenshot_on_failure("restart-with-reminder-failure.png"):
        bookmark(session)
        for start in range(2):
            session.launch(os.environ["HALLWAY_BINARY"])
            window = session.find_window("Hallway")
            assert_in_agenda(session, window)
            assert session.app.poll() is None, f"hallway died on start {start + 1}"
            status = session.quit_app()
            assert status == 0, f"hallway exited with {status} on start {start + 1}"
print("ok: with a reminder to come, the app starts again, twice, and shows the bookmark")
