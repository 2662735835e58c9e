#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The same conference followed twice (issue 14): through the real app and AT-SPI, a
schedule followed from a file and then by URL (a loopback server) brings the offer to
replace the one from the file; Replace leaves one conference, from the URL, with the
bookmark made on the file's, and the switcher says where each conference comes from and
checks the one shown. Before, the switcher listed two identical entries."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, serve_folder  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
DEMO = os.environ["HALLWAY_DEMO_CONFERENCE"]
TITLE = "Twice Conference"
TALK = "A Free Desktop for Ministries: Three Years In"
BUTTON = ("push button", "button")  # the role's name differs between AT-SPI versions
MENU_ITEM = ("menu item", "radio menu item", "check menu item")


def write_schedule(path):
    """The demo conference under another title and acronym."""
    with open(DEMO, encoding="utf-8") as demo:
        text = demo.read()
    for old, new in (("<acronym>hallwaydemo</acronym>", "<acronym>twice</acronym>"),
                     ("<title>Hallway Demo Conference</title>", f"<title>{TITLE}</title>")):
        assert old in text, old
        text = text.replace(old, new)
    with open(path, "w", encoding="utf-8") as schedule:
        schedule.write(text)


def add_conference(session, window, location):
    session.window_action(window, "win.add-conference")
    session.set_text(session.find(window, "text", "Schedule Address"), location)
    session.press(session.find(window, BUTTON, "Add"))


def switcher_items(session, window):
    """The switcher's conferences as (name, checked), then closes it."""
    session.press(session.find(window, "toggle button", "Conference"))
    menu = session.find(window, ("menu", "popup menu"), lambda name: True)
    session.find(menu, MENU_ITEM, lambda name: name.startswith(TITLE))
    items = [(item.name, item.getState().contains(session.atspi.STATE_CHECKED))
             for item in session.atspi.findAllDescendants(
                 menu, lambda node: node is not None and node.getRoleName() in MENU_ITEM
                 and (node.name or "").startswith(TITLE))]
    session.key("Escape")
    return items


def run(session, folder, url, host):
    window = session.find_window("Hallway")
    session.find(window, "label", "Hallway Demo Conference", timeout=60)

    add_conference(session, window, os.path.join(folder, "twice.xml"))
    session.find(window, "label", f"“{TITLE}” added", timeout=30)
    assert switcher_items(session, window) == [(f"{TITLE} · File: twice.xml", True)], (
        switcher_items(session, window))
    session.search_and_open(session.page(window, "Schedule"), "Ministries")
    session.page(window, TALK)
    session.window_action(window, "win.bookmark")

    add_conference(session, window, url)
    session.find(window, "label", "Replace the Conference From a File?", timeout=30)
    session.screenshot(os.path.join(SCREENSHOTS, "same-conference-offer.png"), window=window)
    session.press(session.find(window, BUTTON, "Replace"))
    session.find(window, "label", f"“{TITLE}” now follows its address; bookmarks moved",
                 timeout=15)

    items = switcher_items(session, window)
    assert items == [(f"{TITLE} · {host}", True)], f"the switcher lists {items}"
    session.window_action(window, "win.show-agenda")
    session.find(window, "label", TALK, timeout=15)
    session.screenshot(os.path.join(SCREENSHOTS, "same-conference-replaced.png"), window=window)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"


with HeadlessSession() as session:
    folder = os.path.join(session.home, "schedules")
    os.makedirs(folder)
    write_schedule(os.path.join(folder, "twice.xml"))
    server = serve_folder(folder)
    host = f"127.0.0.1:{server.server_address[1]}"
    try:
        session.launch(os.environ["HALLWAY_BINARY"])
        try:
            run(session, folder, f"http://{host}/twice.xml", host)
        except Exception:
            print("failed; the screen is in",
                  session.screenshot(os.path.join(SCREENSHOTS, "same-conference-failure.png")))
            raise
    finally:
        server.shutdown()
print("ok: the same conference from a file and a URL: replaced, bookmarks moved, sources shown")
