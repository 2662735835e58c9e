#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Following a conference by URL in the real app, through the accessibility tree: add a
conference (the demo's talks under another name, written by the test) from a loopback server
in the Add Conference dialog; its talks appear and the sidebar says when it was updated. Then the server goes away: a refresh keeps every talk and
bookmark and says, without blocking anything, why it could not update. A wrong address
is refused in the dialog with the server's answer, and nothing is added."""
import glob
import hashlib
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, serve_folder  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
DEMO = os.environ["HALLWAY_DEMO_CONFERENCE"]
TITLE = "Sync Test Conference"
ACRONYM = "synctest"
TALK = "Late Night Hacking Session"
APP_FOLDER = "io.github.hallway_app.Hallway"
DAMAGED_STATE = '{"version": 1, "shown": ['


def write_schedule(folder):
    """The demo conference as another one: its own title and acronym."""
    with open(DEMO, encoding="utf-8") as demo:
        text = demo.read()
    for old, new in (("<acronym>hallwaydemo</acronym>", f"<acronym>{ACRONYM}</acronym>"),
                     ("<title>Hallway Demo Conference</title>", f"<title>{TITLE}</title>")):
        assert old in text, old
        text = text.replace(old, new)
    with open(os.path.join(folder, "conference.xml"), "w", encoding="utf-8") as schedule:
        schedule.write(text)


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

    # The right one replaces the demo, with its freshness in the sidebar.
    session.set_text(entry, f"{url}/conference.xml")
    session.press(session.find(by_address, "button", "Add"))
    session.find(window, "label", TITLE, timeout=60)
    session.find(window, "label", "Updated just now")
    schedule = session.page(window, "Schedule")
    session.search_and_open(schedule, "Late Night")
    session.page(window, lambda title: title.startswith(TALK))
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
    assert any(title.startswith(TALK) for title in titles), titles
    assert session.quit_app() == 0

    # Headless, from the same home: the bookmarked talk as a calendar, from the cache. The
    # command line wants no reminders: the app's reminder state, even a damaged one, is not
    # its to read or set aside (the app says so when it next starts).
    conference_id = hashlib.sha256(f"{url}/conference.xml".encode()).hexdigest()[:12]
    reminders = os.path.join(session.env["XDG_STATE_HOME"], APP_FOLDER,
                             f"reminders-{conference_id}.json")
    os.makedirs(os.path.dirname(reminders), exist_ok=True)
    with open(reminders, "w", encoding="utf-8") as state:
        state.write(DAMAGED_STATE)
    export = os.path.join(session.home, "agenda.ics")
    result = subprocess.run([os.environ["HALLWAY_BINARY"], f"--export-agenda={export}",
                             f"--conference={ACRONYM}"], env=session.env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    import icalendar
    with open(export, "rb") as exported:
        events = icalendar.Calendar.from_ical(exported.read()).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [TALK]
    assert str(events[0]["LOCATION"]).startswith("Room 2.14"), events[0]["LOCATION"]
    assert str(events[0]["UID"]).endswith(".hallway"), events[0]["UID"]
    assert os.path.exists(reminders) and not glob.glob(reminders + ".corrupt-*"), \
        "the command line set the app's reminder state aside"
    with open(reminders, encoding="utf-8") as state:
        assert state.read() == DAMAGED_STATE, "the command line rewrote the reminder state"
    missing = subprocess.run([os.environ["HALLWAY_BINARY"], f"--export-agenda={export}",
                              "--conference=NOSUCHCON"], env=session.env, capture_output=True,
                             text=True, timeout=60)
    assert missing.returncode == 1 and "NOSUCHCON" in missing.stderr, missing


with tempfile.TemporaryDirectory(prefix="hallway-sync-") as folder, HeadlessSession() as session:
    write_schedule(folder)
    server = serve_folder(folder)
    session.launch(os.environ["HALLWAY_BINARY"])
    with session.screenshot_on_failure("sync-failure.png"):
        run(session, server)
print("ok: added by URL, refused a wrong one, kept everything when the server went away")
