#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The Keyboard Shortcuts window, which the window builds the first time it is asked for
(not before the first frame, as GTK's automatic help overlay did: issue 13): the main menu's
action win.show-help-overlay opens it with its shortcuts, and again after Escape closed it."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import APP_ID, HeadlessSession, SessionError  # noqa: E402

WINDOW_PATH = "/" + APP_ID.replace(".", "/") + "/window/1"


def show_shortcuts(session):
    """win.show-help-overlay, as the main menu's Keyboard Shortcuts item activates it."""
    subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID, "--object-path",
                    WINDOW_PATH, "--method", "org.gtk.Actions.Activate", "show-help-overlay",
                    "[]", "{}"], env=session.env, check=True, stdout=subprocess.DEVNULL)


def find_shortcuts_window(session):
    """GtkShortcutsWindow has no title: the top-level window other than the main one that
    lists a shortcut of ours."""
    for attempt in range(50):
        for application in session.atspi.Registry.getDesktop(0):
            for window in application or []:
                if window is None or (window.name or "").startswith("Hallway"):
                    continue
                try:
                    return session.find(window, "label", "Refresh Schedule", timeout=0.5)
                except SessionError:
                    pass
        time.sleep(0.2)
    raise SessionError("no shortcuts window listing Refresh Schedule")


with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.find(window, "list", "Talks")
    for attempt in (1, 2):
        show_shortcuts(session)
        find_shortcuts_window(session)
        session.key("Escape")
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print("ok: the shortcuts window opens from win.show-help-overlay, twice")
