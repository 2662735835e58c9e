#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Lists land where the person looks, through the real app over AT-SPI, on two schedules
written here, dated from today so the test never ages:

  - a schedule opened for the first time starts at its first time-slot header (GtkListView
    anchored at the first row and hid the header above it, about 58 px);
  - a search typed while scrolled far down shows its first match at the top of the list
    (the list stayed where it was, with matches above the view);
  - during the conference the Schedule opens at the talk running now, not at 00:00;
  - Now & Next before the conference says when it starts, and after it that it has ended,
    instead of "No Talks Found — Try another search or fewer filters"."""
import datetime
import os
import subprocess
import sys
import tempfile
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
TALKS = 40


def write_schedule(path, title, first_start, count, zone_name="UTC"):
    """count talks of 15 minutes one after the other from first_start, two rooms in turn,
    all on first_start's day."""
    events = []
    for number in range(1, count + 1):
        start = first_start + datetime.timedelta(minutes=15 * (number - 1))
        room = "Hall A" if number % 2 else "Hall B"
        events.append(f"""
      <event id="{number}" guid="lists-land-{title.split()[0]}-{number}">
        <date>{start.isoformat()}</date><start>{start:%H:%M}</start><duration>00:15</duration>
        <room>{room}</room><title>Talk {number}</title><track>Testing</track>
      </event>""")
    with open(path, "w", encoding="utf-8") as output:
        output.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>{title.split()[0].lower()}</acronym><title>{title}</title>
    <time_zone_name>{zone_name}</time_zone_name></conference>
  <day index="1" date="{first_start:%Y-%m-%d}"><room name="Hall A">{''.join(events)}
  </room></day>
</schedule>
""")


def write_running_schedule(path):
    """A day of talks, 00:00 to 24:00, in a zone where it is about noon now, so the talk
    running now is far down the list whatever the hour. Returns that talk's title."""
    utc_now = datetime.datetime.now(datetime.timezone.utc)
    offset = 12 - utc_now.hour  # Etc/GMT zones name the offset with the sign reversed
    zone_name = "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"
    local_now = utc_now.astimezone(datetime.timezone(datetime.timedelta(hours=offset)))
    midnight = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    write_schedule(path, "Running Conference", midnight, 96, zone_name)
    return f"Talk {local_now.hour * 4 + local_now.minute // 15 + 1}"


def top(node):
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS).y


def talk_list(session, window):
    return session.find(window, "list", "Talks")


def assert_shown_at_top(session, window, label_text, what):
    """The label is inside the list's viewport, not above it."""
    listed = talk_list(session, window)
    label = session.find(window, "label", label_text)
    assert top(label) >= top(listed), (
        f"{what}: {label_text!r} is at y={top(label)}, above the list's top y={top(listed)}")


def header(day, hour, minute):
    return f"{day:%a} {day.day} {day:%b}, {hour:02d}:{minute:02d}"


today = datetime.datetime.now(datetime.timezone.utc).replace(hour=0, minute=0, second=0,
                                                             microsecond=0)
future_day = today + datetime.timedelta(days=30)
past_day = today - datetime.timedelta(days=30)
folder = tempfile.mkdtemp(prefix="hallway-lists-land-")
future_file = os.path.join(folder, "coming.xml")
past_file = os.path.join(folder, "gone.xml")
running_file = os.path.join(folder, "running.xml")
write_schedule(future_file, "Coming Conference", future_day + datetime.timedelta(hours=9), TALKS)
write_schedule(past_file, "Gone Conference", past_day + datetime.timedelta(hours=9), TALKS)
running_talk = write_running_schedule(running_file)

with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"], future_file)
    window = session.find_window("Hallway")
    session.find(window, "label", "Talk 1", timeout=30)
    time.sleep(1)
    assert_shown_at_top(session, window, header(future_day, 9, 0), "a schedule opened first")

    # Down the list with the wheel, as a reader does, then search from there.
    # GTK gives AT-SPI window coordinates only; the window's own are the desktop's.
    origin = window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    box = talk_list(session, window).queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    for _ in range(60):
        session.atspi.Registry.generateMouseEvent(origin.x + box.x + box.width // 2,
                                                  origin.y + box.y + box.height // 2, "b5c")
        time.sleep(0.05)
    time.sleep(1)
    session.screenshot(os.path.join(SCREENSHOTS, "lists-land-scrolled.png"), window=window)
    first_header = session.find_all(talk_list(session, window), "label",
                                    header(future_day, 9, 0))
    assert not first_header or top(first_header[0]) < top(talk_list(session, window)), (
        "the wheel did not scroll the list: the test would prove nothing")
    session.window_action(window, "win.search")
    session.set_text(session.find(window, "entry", "Search talks"), "Talk 1")
    time.sleep(1.5)  # past the search entry's delay
    session.screenshot(os.path.join(SCREENSHOTS, "lists-land-search.png"), window=window,
                       settle=1)
    assert_shown_at_top(session, window, "Talk 1", "the first match of a search")

    session.window_action(window, "win.show-now")
    coming = f"Coming Conference starts on {future_day:%A} {future_day.day} {future_day:%B}"
    session.find(window, "label", coming, timeout=10)
    session.screenshot(os.path.join(SCREENSHOTS, "lists-land-now-before.png"), window=window)

    # A second start hands the file to the running app, as opening it from Files does.
    subprocess.run([os.environ["HALLWAY_BINARY"], running_file], env=session.env, check=True,
                   timeout=60)
    session.find(window, "label", "Running Conference", timeout=30)
    session.window_action(window, "win.show-schedule")
    listed = talk_list(session, window)
    session.screenshot(os.path.join(SCREENSHOTS, "lists-land-now.png"), window=window)
    running = session.find(window, "label", running_talk, timeout=10)
    box = listed.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    assert box.y <= top(running) < box.y + box.height // 2, (
        f"the Schedule during the conference: {running_talk!r} (running now) is at "
        f"y={top(running)}, not in the upper half of the list ({box.y} to {box.y + box.height})")

    subprocess.run([os.environ["HALLWAY_BINARY"], past_file], env=session.env, check=True,
                   timeout=60)
    session.find(window, "label", "Gone Conference", timeout=30)
    session.window_action(window, "win.show-now")
    session.find(window, "label", "Gone Conference has ended", timeout=10)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print("ok: first header shown, search from the top, Now & Next before and after")
