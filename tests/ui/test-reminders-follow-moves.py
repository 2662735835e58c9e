#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Reminders follow a moved talk, end to end through the real app and its reminder
service: the person bookmarks two talks of a local schedule; the schedule is then
rewritten (one talk moves earlier, the other later) and refreshed with app.refresh, as
Ctrl+R does. The reminder of the talk that moved earlier comes at its new time; the one
that moved later says nothing at its old time. (Hallway kept the old schedule in its
scheduler until this test's defect was fixed, with a CRITICAL on every refresh.) The
reminder service hears of the new version once (its debug line is counted: it was told
twice, once for every new version and once more for the bookmarked talks that moved)."""
import datetime
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fakenotifications  # noqa: E402
from hallwaysession import HeadlessSession, SessionError  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
LEAD = datetime.timedelta(minutes=15)
EARLIER = "Keynote That Moves Earlier"
LATER = "Workshop That Moves Later"
ROOM = "K.1.105"
UPDATE_LINE = "Reminders of "
UPDATE_SUFFIX = " follow a new version"


def event(number, title, start):
    local = start.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    return f"""
      <event id="{number}" guid="0c7b7d1e-follow-moves-000{number}">
        <date>{local.isoformat()}</date><start>{local:%H:%M}</start><duration>00:30</duration>
        <room>{ROOM}</room><title>{title}</title><track>Testing</track>
      </event>"""


def write_schedule(path, earlier_start, later_start):
    """Both talks on one day element; each carries its own <date>, which Hallway trusts."""
    day = earlier_start.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    with open(path + ".new", "w", encoding="utf-8") as output:
        output.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>followmoves</acronym><title>Moving Talks Conference</title>
    <time_zone_name>Europe/Brussels</time_zone_name></conference>
  <day index="1" date="{day:%Y-%m-%d}">
    <room name="{ROOM}">{event(1, EARLIER, earlier_start)}{event(2, LATER, later_start)}
    </room>
  </day>
</schedule>
""")
    os.replace(path + ".new", path)


def reminders_of(calls, title):
    """The Notify calls that remind of this talk (the title, then "In 15 minutes · room")."""
    return [call for call in calls.split("'Notify'")[1:]
            if title in call and re.search(r"In \d+ minutes?", call)]


def bookmark(session, window, title):
    session.window_action(window, "win.show-schedule")
    session.search_and_open(session.page(window, "Schedule"), title.split()[0])
    session.page(window, title)
    session.window_action(window, "win.bookmark")


def reminder_updates(log_path):
    """The reminder service's updates so far, from the app's debug output."""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        return [line for line in log if UPDATE_LINE in line and UPDATE_SUFFIX in line]


def run(session, schedule, started, log_path):
    old_later_due = started + datetime.timedelta(seconds=120)
    window = session.find_window()
    session.find(window, "label", "Moving Talks Conference", timeout=60)
    bookmark(session, window, EARLIER)
    bookmark(session, window, LATER)

    now = datetime.datetime.now(datetime.timezone.utc)
    if now > old_later_due - datetime.timedelta(seconds=20):
        raise SessionError(f"setting up took {now - started}: too long to see the old time pass")
    new_earlier_start = (now + LEAD + datetime.timedelta(seconds=30)).replace(microsecond=0)
    assert not reminder_updates(log_path), reminder_updates(log_path)
    write_schedule(schedule, new_earlier_start, started + datetime.timedelta(hours=4))
    session.activate_action("refresh")

    # The talk that moved earlier: its reminder comes at the new time.
    calls = fakenotifications.wait_for(session, lambda calls: reminders_of(calls, EARLIER), 75,
                                       f"reminder of '{EARLIER}' at its new time")
    reminded = datetime.datetime.now(datetime.timezone.utc)
    assert reminded >= new_earlier_start - LEAD - datetime.timedelta(seconds=2), reminded
    assert "A bookmarked talk moved" in calls, calls

    # The talk that moved later: nothing at its old time.
    while datetime.datetime.now(datetime.timezone.utc) < old_later_due + datetime.timedelta(seconds=10):
        time.sleep(1)
    calls = fakenotifications.calls(session)
    assert not reminders_of(calls, LATER), f"'{LATER}' was reminded at its old time: {calls}"
    assert session.app.poll() is None, "hallway exited"
    # One new version, one update of the reminder service.
    updates = reminder_updates(log_path)
    assert len(updates) == 1, f"the reminder service was updated {len(updates)} times: {updates}"
    session.screenshot(os.path.join(SCREENSHOTS, "reminders-follow-moves.png"), window=window)
    assert session.quit_app() == 0


with HeadlessSession() as session:
    folder = tempfile.mkdtemp(prefix="hallway-follow-moves-")
    started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    schedule_path = os.path.join(folder, "moving-talks.xml")
    write_schedule(schedule_path, started + datetime.timedelta(hours=3),
                   started + LEAD + datetime.timedelta(seconds=120))
    fakenotifications.start(session)
    session.preset_settings(reminder_lead_minutes=15, window_width=1000, window_height=700)
    # GLib prints debug messages on stdout.
    log_path = os.path.join(folder, "hallway.log")
    log = open(log_path, "w", encoding="utf-8")
    session.launch(os.environ["HALLWAY_BINARY"], schedule_path, stdout=log,
                   env={"G_MESSAGES_DEBUG": "hallway-reminder-service"})
    with session.screenshot_on_failure("reminders-follow-moves-failure.png"):
        run(session, schedule_path, started, log_path)
print("ok")
