#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Which rooms are full, in the real app (issue 16): a conference whose talks run now, in
three rooms; the catalogue gives it a room status URL on a loopback server, which says
"H.1301 (Cornil)" is full, "Janson" available, and nothing of "K.3.201". Through the
accessibility tree: Now & Next says "Full" beside H.1301 (Cornil) and "Available" beside
Janson, nothing beside K.3.201; so do the Rooms list and the talk page's Room row. The
catalogue also gives FOSDEM's campus navigation and room pages: the room's page has Find
the Room, which opens https://nav.fosdem.org/d/h1301_cornil/ in the browser (c3nav's
location, as FOSDEM Companion links it), and Room Page, which opens
https://fosdem.org/2026/schedule/room/h1301/. The schedule's venue and city are in the
sidebar's foot, a button that opens OpenStreetMap's search for them. Screenshots of Now &
Next, Rooms, the talk page and the room's page."""
import datetime
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, serve_folder  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
NAVIGATION = "https://nav.fosdem.org/d/h1301_cornil/"
ROOM_PAGE = "https://fosdem.org/2026/schedule/room/h1301/"
VENUE = "ULB (Université Libre de Bruxelles), Brussels"
VENUE_MAP = ("https://www.openstreetmap.org/search?query="
             "ULB%20%28Universit%C3%A9%20Libre%20de%20Bruxelles%29%2C%20Brussels")
ROOMS = [("H.1301 (Cornil)", "Full"), ("Janson", "Available"), ("K.3.201", None)]


def write_schedule(path):
    """One talk running now in each room, from ten minutes ago for 40 minutes (UTC)."""
    start = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10)
             ).replace(second=0, microsecond=0)
    rooms = []
    for number, (room, _) in enumerate(ROOMS, 1):
        rooms.append(f"""
    <room name="{room}">
      <event id="{number}" guid="room-status-{number}">
        <date>{start.isoformat()}</date><start>{start:%H:%M}</start><duration>00:40</duration>
        <room>{room}</room><title>Talk in {room}</title><track>Testing</track>
      </event>
    </room>""")
    with open(path, "w", encoding="utf-8") as output:
        output.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>fosdem-test</acronym><title>Venue Test</title>
    <venue>ULB (Université Libre de Bruxelles)</venue><city>Brussels</city>
    <time_zone_name>UTC</time_zone_name></conference>
  <day index="1" date="{start:%Y-%m-%d}">{''.join(rooms)}
  </day>
</schedule>
""")




def badges(session, root):
    return [node.name for node in session.find_all(root, "label", lambda text: text in
                                                   ("Full", "Available", "Evacuated"))]


def header_with(session, talks, room):
    """The Now & Next section header of room."""
    return session.find(talks, "row header", lambda text: room in text)


def check_now_and_next(session, window):
    session.window_action(window, "win.show-now")
    page = session.page(window, "Now & Next")
    session.find(page, "label", "Full", timeout=30)
    talks = session.find(page, "list", "Talks")
    for room, expected in ROOMS:
        header = header_with(session, talks, room)
        found = badges(session, header)
        assert found == ([expected] if expected else []), \
            f"Now & Next: {room}: {found}, expected {expected}"
    session.screenshot(os.path.join(SCREENSHOTS, "room-status-now-and-next.png"), window=window)


def check_rooms(session, window):
    session.window_action(window, "win.show-rooms")
    page = session.page(window, "Rooms")
    for room, expected in ROOMS:
        item = session.find(page, "list item", room)
        found = badges(session, item)
        assert found == ([expected] if expected else []), \
            f"Rooms: {room}: {found}, expected {expected}"
    session.screenshot(os.path.join(SCREENSHOTS, "room-status-rooms.png"), window=window)


def check_talk_page(session, window):
    session.window_action(window, "win.show-schedule")
    page = session.page(window, "Schedule")
    session.search_and_open(page, "Talk in H.1301")
    talk = session.page(window, "Talk in H.1301 (Cornil)")
    found = badges(session, talk)
    assert found == ["Full"], f"talk page: {found}"
    session.screenshot(os.path.join(SCREENSHOTS, "room-status-talk.png"), window=window)


def check_find_the_room(session, window, opened):
    session.window_action(window, "win.show-rooms")
    session.search_and_open(session.page(window, "Rooms"), "H.1301")
    room_page = session.page(window, "H.1301 (Cornil)")
    button = session.find(room_page, ("button", "push button"), "Find the Room")
    assert button.description == NAVIGATION, button.description
    session.screenshot(os.path.join(SCREENSHOTS, "room-status-room-page.png"), window=window)
    session.press(button)
    assert session.wait_for_browser(opened, NAVIGATION) == [NAVIGATION], opened()
    button = session.find(room_page, ("button", "push button"), "Room Page")
    assert button.description == ROOM_PAGE, button.description
    session.press(button)
    assert session.wait_for_browser(opened, ROOM_PAGE) == [NAVIGATION, ROOM_PAGE], opened()


def check_venue(session, window, opened):
    button = session.find(window, ("button", "push button"), f"Venue: {VENUE}")
    assert button.description == VENUE_MAP, button.description
    session.find(button, "label", VENUE)
    before = opened()
    session.press(button)
    assert session.wait_for_browser(opened, VENUE_MAP) == before + [VENUE_MAP], opened()


with tempfile.TemporaryDirectory(prefix="hallway-room-status-") as folder, \
        HeadlessSession(width=1400, height=900) as session:
    status_folder = os.path.join(folder, "api")
    catalogue_folder = os.path.join(folder, "catalogue")
    os.makedirs(status_folder)
    os.makedirs(catalogue_folder)
    schedule = os.path.join(folder, "schedule.xml")
    write_schedule(schedule)
    with open(os.path.join(status_folder, "listrooms"), "w", encoding="utf-8") as output:
        json.dump([{"roomname": "H.1301 (Cornil)", "state": "1"},
                   {"roomname": "Janson", "state": "0"}], output)
    server = serve_folder(status_folder)
    status_url = f"http://127.0.0.1:{server.server_address[1]}/listrooms"
    with open(os.path.join(catalogue_folder, "catalogue.json"), "w", encoding="utf-8") as output:
        json.dump({"version": 1, "include-builtin": False,
                   "conferences": [{"title": "Venue Test", "location": schedule,
                                    "room-status": status_url,
                                    "room-navigation": "https://nav.fosdem.org/d/{room}/",
                                    "room-page":
                                        "https://fosdem.org/2026/schedule/room/{room}/"}]},
                  output)
    opened = session.install_fake_browser()
    session.preset_settings(window_width=1280, window_height=800)
    session.launch(os.environ["HALLWAY_BINARY"], schedule,
                   env={"HALLWAY_CATALOGUE_DIR": catalogue_folder})
    window = session.find_window()
    try:
        session.find(window, "label", "Venue Test", timeout=60)
        check_now_and_next(session, window)
        check_rooms(session, window)
        check_talk_page(session, window)
        check_find_the_room(session, window, opened)
        check_venue(session, window, opened)
    except Exception:
        print("failed; the screen is in",
              session.screenshot(os.path.join(SCREENSHOTS, "room-status-failure.png")))
        raise
    assert session.quit_app() == 0
    server.shutdown()
print("ok: Full and Available in Now & Next, in Rooms and on the talk page; Find the Room, "
      "Room Page and the venue's map")
