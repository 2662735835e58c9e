#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Following a conference by URL in the real app, through the accessibility tree: add FOSDEM
2026 from a loopback server in the Add Conference dialog; its talks appear and the sidebar
says when it was updated. Then the server goes away: a refresh keeps every talk and
bookmark and says, without blocking anything, why it could not update. A wrong address
is refused in the dialog with the server's answer, and nothing is added."""
import functools
import http.server
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCHEDULES = os.environ.get("HALLWAY_SCHEDULES", "")
SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")

if not os.path.isfile(os.path.join(SCHEDULES, "fosdem-2026.xml")):
    print("skipped: the shared schedules folder is absent")
    sys.exit(77)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve():
    handler = functools.partial(QuietHandler, directory=SCHEDULES)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(session, server):
    url = f"http://127.0.0.1:{server.server_address[1]}"
    window = session.find_window()
    session.find(window, "label", "Hallway Demo Conference", timeout=60)

    # A wrong address: the dialog says what the server answered, nothing is added.
    session.window_action(window, "win.add-conference")
    entry = session.find(window, "text", "Schedule Address")
    by_address = session.group(window, "By Address")
    session.set_text(entry, f"{url}/no-such-schedule.xml")
    session.press(session.find(by_address, "button", "Add"))
    session.find(window, "label", lambda text: "404" in text and "no-such-schedule.xml" in text)
    session.screenshot(os.path.join(SCREENSHOTS, "sync-add-refused.png"), window=window)

    # The right one: FOSDEM 2026 replaces the demo, with its freshness in the sidebar.
    session.set_text(entry, f"{url}/fosdem-2026.xml")
    session.press(session.find(by_address, "button", "Add"))
    session.find(window, "label", "FOSDEM 2026", timeout=60)
    session.find(window, "label", "Updated just now")
    schedule = session.page(window, "Schedule")
    session.search_and_open(schedule, "Flurfunk")
    session.page(window, lambda title: title.startswith("Flurfunk"))
    session.window_action(window, "win.bookmark")

    # The server goes away; a refresh fails without losing anything, and says why.
    server.shutdown()
    server.server_close()
    session.press(session.find(window, "button", "Refresh Schedule"))
    status = session.find(window, "label", lambda text: text.startswith("Could not update:"), timeout=60)
    assert "127.0.0.1" in status.name, status.name
    session.screenshot(os.path.join(SCREENSHOTS, "sync-refresh-failed.png"), window=window)
    session.window_action(window, "win.show-agenda")
    agenda = session.find(window, "list", "My Agenda")
    titles = [item.name for item in session.find_all(agenda, "list item")]
    assert any(title.startswith("Flurfunk") for title in titles), titles
    assert session.quit_app() == 0

    # Headless, from the same home: the bookmarked talk as a calendar, from the cache.
    export = os.path.join(session.home, "agenda.ics")
    result = subprocess.run([os.environ["HALLWAY_BINARY"], f"--export-agenda={export}",
                             "--conference=fosdem-2026"], env=session.env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    import icalendar
    with open(export, "rb") as exported:
        events = icalendar.Calendar.from_ical(exported.read()).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [
        "Flurfunk: Building sovereign network infrastructure in a real-world government agency"]
    assert str(events[0]["LOCATION"]).startswith("AW1.120"), events[0]["LOCATION"]
    assert str(events[0]["UID"]).endswith(".hallway"), events[0]["UID"]
    missing = subprocess.run([os.environ["HALLWAY_BINARY"], f"--export-agenda={export}",
                              "--conference=NOSUCHCON"], env=session.env, capture_output=True,
                             text=True, timeout=60)
    assert missing.returncode == 1 and "NOSUCHCON" in missing.stderr, missing


with HeadlessSession() as session:
    server = serve()
    session.launch(os.environ["HALLWAY_BINARY"])
    try:
        run(session, server)
    except Exception:
        print("failed; the screen is in",
              session.screenshot(os.path.join(SCREENSHOTS, "sync-failure.png")))
        raise
print("ok: added by URL, refused a wrong one, kept everything when the server went away")
