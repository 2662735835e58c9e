#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Two followed conferences whose talks share a key, end to end through the real app and a
fake notification server: two local schedules each have a talk with the same guid (so the
same key), starting just after the reminder lead time, the second one 20 seconds after
the first, so its reminder comes once the first is on the screen (sent in the same
instant, GLib would not know the first's notification yet). The person bookmarks the talk in
the first conference, opens the second schedule (as `hallway FILE` does with Hallway
running) and bookmarks its talk too. Both reminders arrive, and neither replaces the
other: notification ids name the conference. (Before, the id was the talk's key alone, and
the second reminder replaced the first on the screen.)"""
import datetime
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fakenotifications  # noqa: E402
from hallwaysession import HeadlessSession, SessionError  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
LEAD = datetime.timedelta(minutes=15)
GUID = "7d0c2b8e-same-key-in-two-conferences"
CONFERENCES = [("alphatest", "Alpha Test Conference", "Alpha Opening Talk", "A.101", 0),
               ("betatest", "Beta Test Conference", "Beta Opening Talk", "B.202", 20)]
# One Notify call as gdbus prints the fake server's GetCalls: app name, replaces id, icon,
# summary (the talk's title), body.
NOTIFY = re.compile(r"'Notify', \[<'[^']*'>, <uint32 (\d+)>, <'[^']*'>, <'([^']*)'>, <'([^']*)'>")


def schedule(acronym, title, talk, room, start):
    local = start.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>{acronym}</acronym><title>{title}</title>
    <time_zone_name>Europe/Brussels</time_zone_name></conference>
  <day index="1" date="{local:%Y-%m-%d}">
    <room name="{room}">
      <event id="1" guid="{GUID}">
        <date>{local.isoformat()}</date><start>{local:%H:%M}</start><duration>00:30</duration>
        <room>{room}</room><title>{talk}</title><track>Testing</track>
      </event>
    </room>
  </day>
</schedule>
"""


def reminders(calls):
    """(replaces id, title) of each reminder (body "In 15 minutes · room") sent."""
    return [(int(replaces), title) for replaces, title, body in NOTIFY.findall(calls)
            if re.search(r"In \d+ minutes?", body)]


def bookmark(session, window, conference, talk):
    session.find(window, "label", conference, timeout=60)
    session.window_action(window, "win.show-schedule")
    session.search_and_open(session.page(window, "Schedule"), talk.split()[0])
    session.page(window, talk)
    session.window_action(window, "win.bookmark")


def run(session, paths, due):
    window = session.find_window()
    bookmark(session, window, CONFERENCES[0][1], CONFERENCES[0][2])
    # With Hallway running, `hallway FILE` opens the file in it: a second conference.
    subprocess.run([os.environ["HALLWAY_BINARY"], paths[1]], env=session.env, check=True,
                   timeout=30)
    bookmark(session, window, CONFERENCES[1][1], CONFERENCES[1][2])
    now = datetime.datetime.now(datetime.timezone.utc)
    if now > due - datetime.timedelta(seconds=10):
        raise SessionError(f"setting up took until {now}, too close to the reminders at {due}")

    talks = {talk for _, _, talk, _, _ in CONFERENCES}
    calls = fakenotifications.wait_for(
        session, lambda calls: talks <= {title for _, title in reminders(calls)}, 120,
        "a reminder for the talk of each conference")
    sent = reminders(calls)
    assert len(sent) == 2, f"expected one reminder per conference: {sent}"
    # 0: a new notification. Anything else is the one that the other conference's
    # reminder put on the screen, replaced.
    assert all(replaces == 0 for replaces, _ in sent), f"a reminder replaced another: {sent}"
    assert session.app.poll() is None, "hallway exited"
    session.screenshot(os.path.join(SCREENSHOTS, "reminders-two-conferences.png"), window=window)
    assert session.quit_app() == 0


with HeadlessSession() as session:
    folder = tempfile.mkdtemp(prefix="hallway-two-conferences-")
    start = (datetime.datetime.now(datetime.timezone.utc) + LEAD
             + datetime.timedelta(seconds=90)).replace(microsecond=0)
    paths = []
    for acronym, title, talk, room, later in CONFERENCES:
        paths.append(os.path.join(folder, f"{acronym}.xml"))
        with open(paths[-1], "w", encoding="utf-8") as output:
            output.write(schedule(acronym, title, talk, room,
                                  start + datetime.timedelta(seconds=later)))
    fakenotifications.start(session)
    session.preset_settings(reminder_lead_minutes=15, window_width=1000, window_height=700)
    session.launch(os.environ["HALLWAY_BINARY"], paths[0])
    with session.screenshot_on_failure("reminders-two-conferences-failure.png"):
        run(session, paths, start - LEAD)
print("ok")
