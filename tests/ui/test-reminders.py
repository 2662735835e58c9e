#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Reminders with the window closed, end to end: the real hallway on a private desktop with
a fake notification server (python-dbusmock). A schedule written now has a talk starting
just after the reminder lead time; the person bookmarks it (Ctrl+D) and closes the window.
Hallway stays alive, and the notification arrives on the bus with the talk's title as its
summary, "In 15 minutes · room" as its body (the title not repeated) and the buttons Open
and Snooze 5 Minutes. Invoking Open brings a
window back with the talk's page."""
import datetime
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fakenotifications  # noqa: E402
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
TITLE = "Reminders That Arrive With the Window Closed"
ROOM = "AW1.120"
LEAD_MINUTES = 15
# One Notify call as gdbus prints the fake server's GetCalls: summary and body.
NOTIFY = re.compile(r"'Notify', \[<'[^']*'>, <uint32 \d+>, <'[^']*'>, <'([^']*)'>, <'([^']*)'>")


def schedule_starting(start):
    """A one-talk Pentabarf schedule in Brussels time, its talk at `start` (aware)."""
    local = start.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>remindertest</acronym><title>Reminder Test Conference</title>
    <time_zone_name>Europe/Brussels</time_zone_name></conference>
  <day index="1" date="{local:%Y-%m-%d}">
    <room name="{ROOM}">
      <event id="1" guid="5f1d9a34-reminder-test-0001">
        <date>{local.isoformat()}</date><start>{local:%H:%M}</start><duration>00:30</duration>
        <room>{ROOM}</room><title>{TITLE}</title><track>Testing</track>
        <persons><person id="9">Ada Lovelace</person></persons>
      </event>
    </room>
  </day>
</schedule>
"""


def wait_for_notification(session, timeout):
    return fakenotifications.wait_for(session, lambda calls: "'Notify'" in calls and TITLE in calls,
                                      timeout, "notification")


def run(session, schedule_path):
    window = session.find_window()
    session.find(window, "label", "Reminder Test Conference", timeout=60)
    session.search_and_open(session.page(window, "Schedule"), "Reminders That Arrive")
    session.page(window, TITLE)
    session.window_action(window, "win.bookmark")
    session.window_action(window, "window.close")
    time.sleep(2)
    assert session.app.poll() is None, "hallway quit with a reminder pending"

    calls = wait_for_notification(session, timeout=90)
    notify = NOTIFY.search(calls)
    assert notify is not None, calls
    assert notify.groups() == (TITLE, f"In {LEAD_MINUTES} minutes · {ROOM}"), notify.groups()
    assert "'Open'" in calls and "'Snooze 5 Minutes'" in calls, calls
    assert session.app.poll() is None

    # Open, as the notification's button sends it: the talk's page in a new window.
    open_action = re.search(r'"(app\.open-talk\(.*?\))", .Open.', calls).group(1)
    fakenotifications.invoke_action(session, 1, open_action)
    window = session.find_window()
    session.page(window, TITLE, timeout=30)
    session.find(window, "label", ROOM)
    session.screenshot(os.path.join(SCREENSHOTS, "reminders-opened-talk.png"), window=window)
    assert session.quit_app() == 0


with HeadlessSession() as session:
    folder = tempfile.mkdtemp(prefix="hallway-reminders-")
    start = (datetime.datetime.now(datetime.timezone.utc)
             + datetime.timedelta(minutes=LEAD_MINUTES, seconds=25)).replace(microsecond=0)
    schedule = os.path.join(folder, "reminder-test.xml")
    with open(schedule, "w", encoding="utf-8") as output:
        output.write(schedule_starting(start))
    fakenotifications.start(session)
    session.preset_settings(reminder_lead_minutes=LEAD_MINUTES, window_width=1000,
                            window_height=700)
    session.launch(os.environ["HALLWAY_BINARY"], schedule)
    with session.screenshot_on_failure("reminders-failure.png"):
        run(session, schedule)
print("ok")
