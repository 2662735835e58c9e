#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Adding and removing a conference say so (issue 14): through the real app and AT-SPI, the
first start says the bundled conference is a demo, with a button that opens Add Conference;
a conference added there brings the toast "“…” added" (and the demo banner goes), and
removing it (its bookmarks kept) the toast "“…” removed; its bookmarks were kept" (and
the demo is back, with its banner). Before, all of it happened without a word."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
DEMO = os.environ["HALLWAY_DEMO_CONFERENCE"]
DEMO_BANNER = "This is a demo conference for trying out Hallway"
TITLE = "Toast Test Conference"
BUTTON = ("push button", "button")  # the role's name differs between AT-SPI versions


def write_schedule(path):
    """The demo conference under another title and acronym."""
    with open(DEMO, encoding="utf-8") as demo:
        text = demo.read()
    for old, new in (("<acronym>hallwaydemo</acronym>", "<acronym>toasttest</acronym>"),
                     ("<title>Hallway Demo Conference</title>", f"<title>{TITLE}</title>")):
        assert old in text, old
        text = text.replace(old, new)
    with open(path, "w", encoding="utf-8") as schedule:
        schedule.write(text)


with tempfile.TemporaryDirectory(prefix="hallway-toasts-") as folder, \
        HeadlessSession() as session:
    path = os.path.join(folder, "toast-test.xml")
    write_schedule(path)
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.find(window, "label", "Hallway Demo Conference", timeout=60)

    session.find(window, "label", DEMO_BANNER)
    session.press(session.find(window, BUTTON, "Add Conference…"))
    session.set_text(session.find(window, "text", "Schedule Address"), path)
    session.press(session.find(window, BUTTON, "Add"))
    session.find(window, "label", f"“{TITLE}” added", timeout=30)
    session.screenshot(os.path.join(SCREENSHOTS, "conference-added.png"), window=window)
    assert not session.find_all(window, "label", lambda name: name == DEMO_BANNER), (
        "the demo banner stayed over a real conference")

    session.activate_action("remove-conference")
    session.press(session.find(window, BUTTON, "Keep Bookmarks", timeout=15))
    session.find(window, "label", f"“{TITLE}” removed; its bookmarks were kept", timeout=15)
    session.find(window, "label", "Hallway Demo Conference", timeout=15)
    session.find(window, "label", DEMO_BANNER, timeout=15)
    session.screenshot(os.path.join(SCREENSHOTS, "conference-removed.png"), window=window)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print("ok: adding and removing a conference each say so in a toast")
