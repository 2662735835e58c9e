#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Reminders with the window closed, end to end: the real hallway on a private desktop with
a fake notification server (python-dbusmock). A schedule written now has a talk starting
just after the reminder lead time; the person bookmarks it (Ctrl+D) and closes the window.
Hallway stays alive, and the notification arrives on the bus with the talk's title, "In 15
minutes · room · title" and the buttons Open and Snooze 5 Minutes. Invoking Open brings a
window back with the talk's page."""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, SessionError  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
TITLE = "Reminders That Arrive With the Window Closed"
ROOM = "AW1.120"
LEAD_MINUTES = 15


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


def mock_calls(session):
    """The fake notification server's Notify calls: [(id, summary, body, actions)]."""
    output = subprocess.run(
        ["gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
         "--object-path", "/org/freedesktop/Notifications",
         "--method", "org.freedesktop.DBus.Mock.GetCalls"],
        env=session.env, capture_output=True, text=True, check=True).stdout
    return output


def wait_for_notification(session, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        calls = mock_calls(session)
        if "'Notify'" in calls and TITLE in calls:
            return calls
        time.sleep(1)
    raise SessionError(f"no notification within {timeout} s; the server saw: {mock_calls(session)}")


def invoke_action(session, notification_id, action):
    subprocess.run(
        ["gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
         "--object-path", "/org/freedesktop/Notifications",
         "--method", "org.freedesktop.DBus.Mock.EmitSignal", "org.freedesktop.Notifications",
         "ActionInvoked", "us", f'[<uint32 {notification_id}>, <"{action}">]'],
        env=session.env, check=True, stdout=subprocess.DEVNULL)


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
    assert f"In {LEAD_MINUTES} minutes" in calls and ROOM in calls, calls
    assert "'Open'" in calls and "'Snooze 5 Minutes'" in calls, calls
    assert session.app.poll() is None

    # Open, as the notification's button sends it: the talk's page in a new window.
    open_action = re.search(r'"(app\.open-talk\(.*?\))", .Open.', calls).group(1)
    invoke_action(session, 1, open_action)
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
    mock = subprocess.Popen([sys.executable, "-m", "dbusmock", "--template", "notification_daemon",
                             "--parameters", json.dumps({"capabilities": "body actions"})],
                            env=session.env, stdout=subprocess.DEVNULL)
    session.processes.append(mock)
    time.sleep(1)
    session.preset_settings(reminder_lead_minutes=LEAD_MINUTES, window_width=1000,
                            window_height=700)
    session.launch(os.environ["HALLWAY_BINARY"], schedule)
    try:
        run(session, schedule)
    except Exception:
        print("failed; the screen is in",
              session.screenshot(os.path.join(SCREENSHOTS, "reminders-failure.png")))
        raise
print("ok")
