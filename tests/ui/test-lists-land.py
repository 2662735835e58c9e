#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Lists land where the person looks, through the real app over AT-SPI, on two schedules
written here, dated from today so the test never ages:

  - a schedule opened for the first time starts at its first time-slot header (GtkListView
    anchored at the first row and hid the header above it, about 58 px);
  - a search typed while scrolled far down shows its first match at the top of the list
    (the list stayed where it was, with matches above the view);
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


def write_schedule(path, title, day):
    """TALKS talks of 15 minutes one after the other from 09:00 UTC, two rooms in turn."""
    events = []
    for number in range(1, TALKS + 1):
        start = day + datetime.timedelta(hours=9, minutes=15 * (number - 1))
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
    <time_zone_name>UTC</time_zone_name></conference>
  <day index="1" date="{day:%Y-%m-%d}"><room name="Hall A">{''.join(events)}
  </room></day>
</schedule>
""")


def top(node):
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS).y


def talk_list(session, window):
    return session.find(window, "list", "Talks")


def assert_shown_at_top(session, window, label_text, what):
    """The label is inside the list's viewport, not above it."""
    listed = talk_list(session, window)
    label = session.find(listed, "label", label_text)
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
write_schedule(future_file, "Coming Conference", future_day)
write_schedule(past_file, "Gone Conference", past_day)

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
    assert_shown_at_top(session, window, "Talk 1", "the first match of a search")
    session.screenshot(os.path.join(SCREENSHOTS, "lists-land-search.png"), window=window)

    session.window_action(window, "win.show-now")
    coming = f"Coming Conference starts on {future_day:%A} {future_day.day} {future_day:%B}"
    session.find(window, "label", coming, timeout=10)
    session.screenshot(os.path.join(SCREENSHOTS, "lists-land-now-before.png"), window=window)

    # A second start hands the file to the running app, as opening it from Files does.
    subprocess.run([os.environ["HALLWAY_BINARY"], past_file], env=session.env, check=True,
                   timeout=60)
    session.find(window, "label", "Gone Conference", timeout=30)
    session.window_action(window, "win.show-now")
    session.find(window, "label", "Gone Conference has ended", timeout=10)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print("ok: first header shown, search from the top, Now & Next before and after")
