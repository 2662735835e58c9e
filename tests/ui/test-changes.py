#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Changes say what changed, and survive a restart: the app follows FOSDEM 2026's
preliminary schedule (15 January) from a loopback server; the server then serves the final
one and the app refreshes. In Changes, through the accessibility tree, one talk of each kind
says exactly what changed (new, cancelled, moved in time, shorter, speakers, title, track;
this pair has no talk that changed room), under its group's header. The app quits and
starts again on the same folders, offline: the same descriptions. Screenshots of Changes,
wide, narrow and dark."""
import functools
import http.server
import os
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCHEDULES = os.environ.get("HALLWAY_SCHEDULES", "")
PRELIMINARY = os.path.join(SCHEDULES, "fosdem-2026-preliminary-20260115.xml")
FINAL = os.path.join(SCHEDULES, "fosdem-2026.xml")
SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")

# (what to search, the talk's title, its badge or None, the lines under its title or None),
# from a Python script over the two XML files (tests/test-schedule-change.c has the same).
EXPECTED = [
    ("Awesome NAPCORE",
     "Awesome NAPCORE Tools: A Community Registry for European Mobility Data Tools",
     "New", None),
    ("Lighthouse FPGA",
     "Building my own Lighthouse FPGA tracker for Virtual Reality", "Cancelled", None),
    ("Gatling IMAP", "Performances tests with Gatling IMAP", "Changed",
     "Moved: Sat 18:10 → Sat 17:30\nDetails updated"),
    ("Effective standard-setting", "Effective standard-setting", "Changed",
     "Duration: 30 min → 25 min"),
    ("raylib", "raylib: a 12-year adventure as a solo-maintainer", "Changed",
     "Speaker left: Ray\nSpeaker joined: Ramon (Ray) Santamaria\nDetails updated"),
    ("Cristal everywhere",
     "Let's put Cristal everywhere - How to embed wikis in heterogeneous web platforms",
     "Changed",
     "Title: “Let's put Cristal everywhere - How to embded wikis in etherogenous web "
     "platforms” → “Let's put Cristal everywhere - How to embed wikis in heterogeneous web "
     "platforms”\nDetails updated"),
    ("Wayland compositors", "Wayland compositors for fun and profit", "Changed",
     "Track: Main Track → Main Track (K-building)\nDetails updated"),
]

if not (os.path.isfile(PRELIMINARY) and os.path.isfile(FINAL)):
    print("skipped: the shared schedules folder is absent")
    sys.exit(77)


class _VersionsHandler(http.server.SimpleHTTPRequestHandler):
    """Both shared files have the same mtime, so a Last-Modified check would answer 304 to
    the new version: this server never answers 304."""
    def send_head(self):
        del self.headers["If-Modified-Since"]
        return super().send_head()

    def log_message(self, *args):
        pass


def serve_folder(folder):
    handler = functools.partial(_VersionsHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(folder, path):
    """The server's schedule.xml is a link to one of the shared files (never a copy)."""
    link = os.path.join(folder, "schedule.xml")
    temporary = link + ".new"
    os.symlink(path, temporary)
    os.replace(temporary, link)


def open_changes(session, window):
    session.window_action(window, "win.show-changes")
    return session.page(window, "Changes", timeout=30)


def read_row(session, page, search, title):
    """The row of the talk found by search: its badge and its description lines."""
    session.search(page, search)
    talks = session.find(page, "list", "Talks")
    item = session.find(talks, "list item", title, timeout=15)
    labels = [node.name for node in session.find_all(item, "label")]
    session.key("Escape")  # closes the search: the whole list again
    return labels


def check_descriptions(session, window, moment, shot_name):
    page = open_changes(session, window)
    session.find(page, "label", lambda text: text.startswith("Since the update of "))
    # The groups as section headers; nothing bookmarked, so Cancelled comes first.
    talks = session.find(page, "list", "Talks")
    first = session.find(talks, "row header", lambda text: text != "")
    assert first.name == "Cancelled", f"{moment}: first header {first.name}"
    shot(session, window, shot_name)
    for search, title, badge, description in EXPECTED:
        labels = read_row(session, page, search, title)
        if badge is not None:
            assert badge in labels, f"{moment}: {title}: no badge {badge!r} in {labels}"
        if description is None:
            assert not any("→" in label or "updated" in label for label in labels), \
                f"{moment}: {title}: {labels}"
        else:
            assert description in labels, f"{moment}: {title}: {description!r} not in {labels}"
    # Talks of several kinds, for the eye: "Europe" finds new, moved and changed ones.
    session.search(page, "Europe")
    session.find(session.find(page, "list", "Talks"), "row header", "Moved")
    shot(session, window, shot_name + "-search")
    session.key("Escape")
    # Searching shows the group of what is found: a moved talk under Moved. Enter opens
    # it; its page says the same, with the old time.
    session.search(page, "Gatling IMAP")
    session.find(session.find(page, "list", "Talks"), "row header", "Moved")
    session.key("Return")
    talk = session.page(window, "Performances tests with Gatling IMAP")
    session.find(talk, "label", "Moved: Sat 18:10 → Sat 17:30\nDetails updated")
    session.find(talk, "label", "Changed")
    shot(session, window, shot_name + "-talk")


def shot(session, window, name):
    return session.screenshot(os.path.join(SCREENSHOTS, f"changes-{name}.png"), window=window)


def run(session, folder, url):
    window = session.find_window()
    session.find(window, "label", "FOSDEM 2026", timeout=90)
    serve(folder, FINAL)
    session.activate_action("refresh")
    session.find(window, "list item", "Changes", timeout=90)
    check_descriptions(session, window, "after the update", "wide")
    assert session.quit_app() == 0


def restart(session, url, name, env=None, width=1280, height=800):
    """The app again on the same folders; the server is gone, so nothing new comes."""
    session.preset_settings(window_width=width, window_height=height)
    session.launch(os.environ["HALLWAY_BINARY"], url, env=env)
    window = session.find_window()
    session.find(window, "label", "FOSDEM 2026", timeout=90)
    check_descriptions(session, window, f"after a restart ({name})", name)
    assert session.quit_app() == 0


with tempfile.TemporaryDirectory(prefix="hallway-changes-") as folder, \
        HeadlessSession(width=1400, height=900) as session:
    serve(folder, PRELIMINARY)
    server = serve_folder(folder)
    url = f"http://127.0.0.1:{server.server_address[1]}/schedule.xml"
    session.preset_settings(window_width=1280, window_height=800)
    session.launch(os.environ["HALLWAY_BINARY"], url)
    with session.screenshot_on_failure("changes-failure.png"):
        run(session, folder, url)
        server.shutdown()
        server.server_close()
        restart(session, url, "restarted")
        restart(session, url, "narrow", width=360, height=720)
        restart(session, url, "dark", env={"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"})
print("ok: each kind of change described after the update and after three restarts")
