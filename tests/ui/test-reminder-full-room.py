#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""A reminder for a talk whose room is full says so and offers the stream (issue 16): a
FOSDEM-like conference already live (a talk runs now in Janson) has a bookmarked talk in
"H.1301 (Cornil)" starting just after the reminder lead time; the catalogue gives it a room
status URL on a loopback server that says the room is full. With the window closed, the
notification (python-dbusmock) reads "In 15 minutes · H.1301 (Cornil) · Room is full" and
has a Watch Stream button; invoking it opens https://live.fosdem.org/watch/h1301 in the
default browser (a fake one that writes down what it is given).

With the argument "player", the catalogue also gives the rooms' streams ("room-stream", an
HLS stream made now with GStreamer on the loopback server): Watch Stream then opens the
player window, titled after the talk, which plays it (no error, loaded), and the browser is
not opened."""
import datetime
import json
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fakenotifications  # noqa: E402
import playerfixtures  # noqa: E402
from hallwaysession import HeadlessSession, serve_folder  # noqa: E402

PLAYER = sys.argv[1:] == ["player"]

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
TITLE = "A Talk in a Full Room"
ROOM = "H.1301 (Cornil)"
LEAD_MINUTES = 15
STREAM = "https://live.fosdem.org/watch/h1301"
NOTIFY = re.compile(r"'Notify', \[<'[^']*'>, <uint32 \d+>, <'[^']*'>, <'([^']*)'>, <'([^']*)'>")


def event(number, start, minutes, room, title):
    return f"""
    <room name="{room}">
      <event id="{number}" guid="full-room-{number}">
        <date>{start.isoformat()}</date><start>{start:%H:%M}</start>
        <duration>{minutes // 60:02d}:{minutes % 60:02d}</duration>
        <room>{room}</room><title>{title}</title><track>Testing</track>
      </event>
    </room>"""


def write_schedule(path, now):
    running = (now - datetime.timedelta(minutes=10)).replace(second=0, microsecond=0)
    coming = (now + datetime.timedelta(minutes=LEAD_MINUTES, seconds=25)).replace(microsecond=0)
    with open(path, "w", encoding="utf-8") as output:
        output.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>fosdem-test</acronym><title>Full Room Test</title>
    <time_zone_name>UTC</time_zone_name></conference>
  <day index="1" date="{running:%Y-%m-%d}">{event(1, running, 60, "Janson", "Already Running")}
{event(2, coming, 30, ROOM, TITLE)}
  </day>
</schedule>
""")


def shows_video(session, player, path):
    """Whether the player window, less its header bar, shows more than one flat colour."""
    from PIL import Image, ImageStat
    image = Image.open(session.screenshot(path, settle=0, window=player)).convert("RGB")
    picture = image.crop((0, 60, image.width, image.height - 10))
    return max(ImageStat.Stat(picture).stddev) > 20


def run(session, opened):
    window = session.find_window()
    session.find(window, "label", "Full Room Test", timeout=60)
    session.search_and_open(session.page(window, "Schedule"), "A Talk in a Full")
    session.page(window, TITLE)
    session.find(window, "label", "Full", timeout=30)
    session.window_action(window, "win.bookmark")
    session.window_action(window, "window.close")

    calls = fakenotifications.wait_for(
        session, lambda seen: "'Notify'" in seen and TITLE in seen, 90, "notification")
    notify = NOTIFY.search(calls)
    assert notify is not None, calls
    assert notify.groups() == (TITLE, f"In {LEAD_MINUTES} minutes · {ROOM} · Room is full"), \
        notify.groups()
    assert "'Watch Stream'" in calls and "'Snooze 5 Minutes'" in calls, calls

    watch = re.search(r'"(app\.watch-stream\(.*?\))", .Watch Stream.', calls)
    assert watch is not None, calls
    fakenotifications.invoke_action(session, 1, watch.group(1))
    if PLAYER:
        player = session.find_window(TITLE, timeout=30)
        picture = os.path.join(SCREENSHOTS, "reminder-full-room-player.png")
        deadline = time.monotonic() + 30
        while not shows_video(session, player, picture):  # the stream's colour bars
            assert time.monotonic() < deadline, "the player shows no picture"
            assert not session.find_all(player, "label",
                                        lambda text: text == "Cannot Play the Video"), "error"
            time.sleep(0.5)
        # The error page is not flat either: the picture must be the stream's.
        assert not session.find_all(player, "label",
                                    lambda text: text == "Cannot Play the Video"), "error"
        assert opened() == [], opened()
    else:
        assert session.wait_for_browser(opened, STREAM) == [STREAM], opened()
    assert session.quit_app() == 0


with tempfile.TemporaryDirectory(prefix="hallway-full-room-") as folder, \
        HeadlessSession() as session:
    status_folder = os.path.join(folder, "api")
    catalogue_folder = os.path.join(folder, "catalogue")
    os.makedirs(status_folder)
    os.makedirs(catalogue_folder)
    schedule = os.path.join(folder, "schedule.xml")
    write_schedule(schedule, datetime.datetime.now(datetime.timezone.utc))
    with open(os.path.join(status_folder, "listrooms"), "w", encoding="utf-8") as output:
        json.dump([{"roomname": ROOM, "state": "1"}, {"roomname": "Janson", "state": "0"}],
                  output)
    if PLAYER:
        playerfixtures.make_hls(status_folder, "h1301", seconds=20)
    server = serve_folder(status_folder)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with open(os.path.join(catalogue_folder, "catalogue.json"), "w", encoding="utf-8") as output:
        json.dump({"version": 1, "include-builtin": False,
                   "conferences": [{
                       "title": "Full Room Test", "location": schedule,
                       "room-status": f"{base}/listrooms",
                       **({"room-stream": base + "/{room}.m3u8"} if PLAYER else {})}]},
                  output)
    opened = session.install_fake_browser()
    fakenotifications.start(session)
    session.preset_settings(reminder_lead_minutes=LEAD_MINUTES, window_width=1000,
                            window_height=700)
    session.launch(os.environ["HALLWAY_BINARY"], schedule,
                   env={"HALLWAY_CATALOGUE_DIR": catalogue_folder})
    try:
        run(session, opened)
    except Exception:
        print("failed; the screen is in",
              session.screenshot(os.path.join(SCREENSHOTS, "reminder-full-room-failure.png")))
        raise
    server.shutdown()
print("ok: the reminder says the room is full and Watch Stream opens the stream")
