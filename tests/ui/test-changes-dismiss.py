#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Changes, dismissed, stay dismissed; a new update brings changes again. Through the real
app over AT-SPI, a small conference of our own followed from a loopback server: version 1,
then version 2 (a talk moved, one cancelled, one retitled, one new). In Changes each badge
says the kind in words (Moved, Cancelled, Changed, New). Bookmarked Only ("my agenda only")
leaves the one bookmarked changed talk. Dismiss Changes: the Changes section and the badges
go; the app quits and starts again with the server gone: still no Changes (the cache kept
the replaced version for them until dismissed). Then version 3 moves another talk: Changes
is back with that talk only."""
import functools
import http.server
import os
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
CONFERENCE = "Dismiss Test Conference"
BUTTON = ("push button", "button")  # the role's name differs between AT-SPI versions

# id: (title, start, track); a version is the talks it has.
VERSION_1 = {1: ("Moving Talk", "10:00", "Alpha"), 2: ("Cancelled Talk", "11:00", "Alpha"),
             3: ("Retitled Talk", "12:00", "Beta"), 4: ("Steady Talk", "13:00", "Beta")}
VERSION_2 = {1: ("Moving Talk", "14:00", "Alpha"), 3: ("Renamed Talk", "12:00", "Beta"),
             4: ("Steady Talk", "13:00", "Beta"), 5: ("Fresh Talk", "15:00", "Beta")}
VERSION_3 = {**VERSION_2, 4: ("Steady Talk", "16:00", "Beta")}
# The badge each changed talk of version 2 shows.
BADGES = {"Moving Talk": "Moved", "Cancelled Talk": "Cancelled", "Renamed Talk": "Changed",
          "Fresh Talk": "New"}


def schedule_xml(version, talks):
    events = "".join(f"""
      <event id="{key}" guid="00000000-0000-4000-8000-{key:012d}">
        <date>2027-03-06T{start}:00+01:00</date><start>{start}</start>
        <duration>00:30</duration><room>Room A</room><slug>talk-{key}</slug>
        <title>{title}</title><track>{track}</track><type>talk</type><language>en</language>
        <abstract>About {title}.</abstract><persons><person id="1">Ada Example</person></persons>
      </event>""" for key, (title, start, track) in sorted(talks.items()))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <version>{version}</version>
  <conference><acronym>dismisstest</acronym><title>{CONFERENCE}</title>
    <start>2027-03-06</start><end>2027-03-06</end><days>1</days>
    <time_zone_name>Europe/Brussels</time_zone_name></conference>
  <day index="1" date="2027-03-06" start="2027-03-06T09:00:00+01:00"
       end="2027-03-06T20:00:00+01:00">
    <room name="Room A">{events}
    </room>
  </day>
</schedule>
"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Never a 304: each version is written within the same second."""
    def send_head(self):
        del self.headers["If-Modified-Since"]
        return super().send_head()

    def log_message(self, *args):
        pass


def serve_folder(folder, port=0):
    handler = functools.partial(_Handler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server):
    server.shutdown()
    server.server_close()


def publish(folder, version, talks):
    path = os.path.join(folder, "schedule.xml")
    with open(path + ".new", "w", encoding="utf-8") as out:
        out.write(schedule_xml(version, talks))
    os.replace(path + ".new", path)


def changes_row(session, window):
    return session.find_all(window, "list item", lambda name: name == "Changes")


def row_labels(session, page, title):
    """The labels of the talk's row, found by a search (Escape closes the search)."""
    session.search(page, title)
    item = session.find(session.find(page, "list", "Talks"), "list item", title, timeout=15)
    labels = [node.name for node in session.find_all(item, "label")]
    session.key("Escape")
    time.sleep(0.5)
    return labels


def shown_titles(session, page):
    talks = session.find(page, "list", "Talks")
    return sorted(item.name for item in session.find_all(talks, "list item"))


def open_changes(session, window):
    session.window_action(window, "win.show-changes")
    return session.page(window, "Changes", timeout=30)


def check_badges(session, window):
    page = open_changes(session, window)
    assert shown_titles(session, page) == sorted(BADGES), shown_titles(session, page)
    for title, badge in BADGES.items():
        labels = row_labels(session, page, title)
        assert badge in labels, f"{title}: no badge {badge!r} in {labels}"
        others = set(BADGES.values()) - {badge}
        assert not others & set(labels), f"{title}: {labels}"
    session.screenshot(os.path.join(SCREENSHOTS, "changes-dismiss-badges.png"), window=window)


def check_bookmarked_only(session, window):
    """My agenda only: the one bookmarked changed talk is all that is left."""
    page = open_changes(session, window)
    session.search_and_open(page, "Moving Talk")
    session.page(window, "Moving Talk")
    session.window_action(window, "win.bookmark")
    page = open_changes(session, window)
    assert len(shown_titles(session, page)) == 4, shown_titles(session, page)
    session.press(session.find(page, "toggle button", lambda name: name.startswith("Filter")))
    session.press(session.find(window, ("check menu item", "menu item"), "Bookmarked Only"))
    session.key("Escape")
    time.sleep(0.5)
    session.find(page, BUTTON, "Remove Filter “Bookmarked only”", timeout=10)
    assert shown_titles(session, page) == ["Moving Talk"], shown_titles(session, page)
    session.screenshot(os.path.join(SCREENSHOTS, "changes-dismiss-bookmarked.png"), window=window)
    return page


def check_no_changes(session, window, moment):
    assert not changes_row(session, window), f"{moment}: the Changes section is still there"
    session.window_action(window, "win.show-schedule")
    page = session.page(window, "Schedule")
    labels = row_labels(session, page, "Moving Talk")
    assert not {"Moved", "Changed", "New", "Cancelled"} & set(labels), f"{moment}: {labels}"


def launch(session, url):
    session.launch(os.environ["HALLWAY_BINARY"], url)
    window = session.find_window()
    session.find(window, "label", CONFERENCE, timeout=60)
    return window


with tempfile.TemporaryDirectory(prefix="hallway-dismiss-") as folder, \
        HeadlessSession(width=1400, height=900) as session:
    publish(folder, "1", VERSION_1)
    server = serve_folder(folder)
    port = server.server_address[1]
    url = f"http://127.0.0.1:{port}/schedule.xml"
    try:
        window = launch(session, url)
        publish(folder, "2", VERSION_2)
        session.activate_action("refresh")
        session.find(window, "list item", "Changes", timeout=60)
        check_badges(session, window)
        page = check_bookmarked_only(session, window)

        session.press(session.find(page, BUTTON, "Dismiss Changes"))
        session.page(window, "Schedule", timeout=10)
        time.sleep(1)
        check_no_changes(session, window, "after Dismiss")
        assert session.quit_app() == 0
        stop(server)

        # Offline: only the cache speaks. Its changes are read in a thread after the
        # schedule shows; give them time to come back, as they would without Dismiss.
        window = launch(session, url)
        time.sleep(5)
        check_no_changes(session, window, "after a restart")
        session.screenshot(os.path.join(SCREENSHOTS, "changes-dismiss-restarted.png"),
                           window=window)

        publish(folder, "3", VERSION_3)
        server = serve_folder(folder, port)
        session.activate_action("refresh")
        session.find(window, "list item", "Changes", timeout=60)
        page = open_changes(session, window)
        assert shown_titles(session, page) == ["Steady Talk"], shown_titles(session, page)
        assert "Moved" in row_labels(session, page, "Steady Talk")
        assert session.quit_app() == 0
        stop(server)
    except Exception:
        print("failed; the screen is in",
              session.screenshot(os.path.join(SCREENSHOTS, "changes-dismiss-failure.png")))
        raise
print("ok: badges say Moved, Cancelled, Changed, New; Bookmarked Only on Changes; dismissed "
      "changes stay gone after a restart; the next update brings its own")
