#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Nothing is said by colour alone (issue 15): a talk list item's accessible description
says in words what its row shows by colour, or by a badge that hides another: the track
(the colour bar), live now, overlapping a bookmark, cancelled and moved. Through the real
app and AT-SPI on a local schedule written relative to now; the schedule is then rewritten
(one talk cancelled, one moved) and refreshed with app.refresh, as Ctrl+R does. Changes is
also walked as accessible-names walks the other views: every control has a name and a
role."""
import datetime
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import (HeadlessSession, count_controls, roleless_controls,  # noqa: E402
                            unnamed_controls)

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
ZONE = datetime.timezone(datetime.timedelta(hours=1))
LIVE = "Live Keynote"
BOOKMARKED = "Bookmarked Workshop"
OVERLAPPING = "Overlapping Panel"
CANCELLED = "Cancelled Lightning Talk"
MOVED = "Moved Tutorial"


def event(number, title, start, room, track, minutes=60):
    local = start.astimezone(ZONE)
    return f"""
      <event id="{number}" guid="3a0e51c2-colour-cues-000{number}">
        <date>{local.isoformat()}</date><start>{local:%H:%M}</start>
        <duration>{minutes // 60:02}:{minutes % 60:02}</duration>
        <room>{room}</room><title>{title}</title><track>{track}</track>
      </event>"""


def write_schedule(path, now, updated):
    """Today's talks: one running now, two overlapping in three hours (both bookmarked: an
    overlap is between bookmarks), one to be cancelled
    and one to be moved by the update."""
    later = now + datetime.timedelta(hours=3)
    events = [event(1, LIVE, now - datetime.timedelta(minutes=10), "Hall A", "Desktop"),
              event(2, BOOKMARKED, later, "Hall A", "Desktop"),
              event(3, OVERLAPPING, later + datetime.timedelta(minutes=15), "Hall B", "Kernel")]
    if not updated:
        events.append(event(4, CANCELLED, later + datetime.timedelta(hours=2), "Hall B",
                            "Kernel", minutes=15))
    moved_start = later + datetime.timedelta(hours=3 if updated else 2)
    events.append(event(5, MOVED, moved_start, "Hall A", "Kernel"))
    day = now.astimezone(ZONE)
    with open(path + ".new", "w", encoding="utf-8") as output:
        output.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>colourcues</acronym><title>Colour Cues Conference</title>
    <time_zone_name>Europe/Brussels</time_zone_name>
    <track name="Desktop" slug="desktop" color="#3584e4"/>
    <track name="Kernel" slug="kernel" color="#e66100"/>
  </conference>
  <day index="1" date="{day:%Y-%m-%d}">
    <room name="Hall A">{"".join(events)}
    </room>
  </day>
</schedule>
""")
    os.replace(path + ".new", path)


def description(session, page, title):
    """The accessible description of the talk's list item, found by searching."""
    session.search(page, title)
    item = session.find(session.find(page, "list", "Talks"), "list item", title)
    text = item.description or ""
    session.key("Escape")
    return text


def expect(session, page, title, present, absent=()):
    text = description(session, page, title)
    for words in present:
        assert words in text, f"{title}: {words!r} not in its description {text!r}"
    for words in absent:
        assert words not in text, f"{title}: {words!r} in its description {text!r}"
    print(f"{title}: {text}")


def run(session, schedule, now):
    window = session.find_window()
    session.find(window, "label", "Colour Cues Conference", timeout=60)
    session.window_action(window, "win.show-schedule")
    page = session.page(window, "Schedule")
    for title in (BOOKMARKED, OVERLAPPING):  # two bookmarks at the same time
        session.search_and_open(page, title)
        session.page(window, title)
        session.window_action(window, "win.bookmark")
        session.window_action(window, "win.show-schedule")
        page = session.page(window, "Schedule")

    expect(session, page, LIVE, ["Live now", "Track: Desktop", "Hall A"],
           ["Overlaps a bookmark"])
    expect(session, page, BOOKMARKED, ["Overlaps a bookmark", "Track: Desktop"], ["Live now"])
    expect(session, page, OVERLAPPING, ["Overlaps a bookmark", "Track: Kernel"], ["Live now"])
    session.screenshot(os.path.join(SCREENSHOTS, "colour-cues-schedule.png"), window=window)

    write_schedule(schedule, now, updated=True)
    session.activate_action("refresh")
    session.find(window, "list item", "Changes", timeout=60)
    session.window_action(window, "win.show-changes")
    changes = session.page(window, "Changes")
    expect(session, changes, CANCELLED, ["Cancelled", "Track: Kernel"], ["Moved"])
    expect(session, changes, MOVED, ["Moved", "Track: Kernel"], ["Cancelled"])
    session.screenshot(os.path.join(SCREENSHOTS, "colour-cues-changes.png"), window=window)
    # The whole tree of Changes, as accessible-names walks the other views (the demo it
    # walks has no changes).
    assert count_controls(session, window) > 0, "no control showing in Changes"
    problems = unnamed_controls(session, window) + roleless_controls(session, window)
    assert not problems, "controls in Changes without a name or a role:\n" + "\n".join(problems)
    assert session.quit_app() == 0


with HeadlessSession() as session, \
        tempfile.TemporaryDirectory(prefix="hallway-colour-cues-") as folder:
    now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
    schedule_path = os.path.join(folder, "colour-cues.xml")
    write_schedule(schedule_path, now, updated=False)
    session.preset_settings(window_width=1000, window_height=700)
    session.launch(os.environ["HALLWAY_BINARY"], schedule_path)
    try:
        run(session, schedule_path, now)
    except Exception:
        print("failed; the screen is in",
              session.screenshot(os.path.join(SCREENSHOTS, "colour-cues-failure.png")))
        raise
print("ok: track, live, overlap, cancelled and moved are said in words over AT-SPI")
