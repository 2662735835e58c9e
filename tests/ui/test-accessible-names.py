#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Every control a person can use has a name a screen reader says and a role (issues 14 and
15): walks the accessibility tree of each main view, a talk page, the popover menus (main
menu, conference switcher, filter and its submenus) and every dialog (Add Conference,
Preferences, Keyboard Shortcuts, About, the Export and Import file choosers, the Remove
Conference confirmation), and fails on any showing button, toggle, check box, menu item,
entry, link or activatable list item without a name, or focusable node of unknown role.
Through the real app on the bundled demo, then a copy of it followed as a file (the demo
cannot be removed). Changes is walked by colour-cues, which has a schedule that changed."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import (HeadlessSession, SessionError, count_controls,  # noqa: E402
                            roleless_controls, unnamed_controls)

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
SECTIONS = ["schedule", "now", "agenda", "tracks", "rooms", "speakers"]
BUTTON = ("push button", "button")  # the role's name differs between AT-SPI versions
FOLLOWED = "Followed Copy of the Demo"


class Walk:
    def __init__(self, session, window):
        self.session = session
        self.window = window
        self.problems = {}
        self.walked = []

    def check(self, what, settle=0.5, root=None):
        """Checks what shows in the window, or in root (a window of its own)."""
        time.sleep(settle)
        root = root or self.window
        found = unnamed_controls(self.session, root) + [
            f"{path} (no role)" for path in roleless_controls(self.session, root)]
        controls = count_controls(self.session, root)
        assert controls > 0, f"no control showing in {what}: the walk saw nothing"
        self.walked.append(f"{what} ({controls} controls)")
        print(f"walked {what}: {controls} controls", flush=True)
        if found:
            self.problems[what] = found

    def dialog(self, what, open_dialog, heading):
        """Opens a dialog of the window, checks it, closes it with Escape."""
        open_dialog()
        self.session.find(self.window, ("dialog", "alert"), lambda name: True)
        self.session.find(self.window, "label", heading)
        self.check(what, settle=1)
        name = what.lower().replace(" ", "-")
        self.session.screenshot(os.path.join(SCREENSHOTS, f"accessible-names-{name}.png"),
                                window=self.window)
        self.session.key("Escape")
        time.sleep(0.5)

    def own_window(self, what, open_window, title):
        """Opens a window of its own (the shortcuts, a file chooser), checks it, closes it."""
        open_window()
        window = self.session.find_window(title, timeout=20)
        role = window.getRoleName()
        if role not in ("frame", "dialog", "window", "file chooser"):
            self.problems.setdefault(what, []).append(f"the window's role is {role}")
        self.check(what, settle=1, root=window)
        self.session.key("Escape")
        time.sleep(0.5)

    def popover(self, what, button_role, button_name, settle=0.5):
        """Opens a menu button's popover through its action and checks it."""
        button = self.session.find(self.window, button_role, button_name)
        self.session.press(button)
        menu = self.session.find(self.window, ("menu", "popup menu"), lambda name: True)
        self.check(what, settle)
        return menu

    def close_popover(self):
        self.session.key("Escape")
        time.sleep(0.3)
        self.session.key("Escape")  # a submenu goes back first
        time.sleep(0.3)


def open_shortcuts(session, window):
    """GtkApplicationWindow's win.show-help-overlay, or Ctrl+? if AT-SPI does not list it."""
    try:
        session.window_action(window, "win.show-help-overlay")
    except SessionError:
        import gi
        gi.require_version("Gdk", "4.0")
        from gi.repository import Gdk
        control = Gdk.keyval_from_name("Control_L")
        registry = session.atspi.Registry
        registry.generateKeyboardEvent(control, None, session.atspi.KEY_PRESS)
        registry.generateKeyboardEvent(Gdk.keyval_from_name("question"), None,
                                       session.atspi.KEY_SYM)
        registry.generateKeyboardEvent(control, None, session.atspi.KEY_RELEASE)


def write_followed_copy(path):
    """The demo conference under another title and acronym."""
    with open(os.environ["HALLWAY_DEMO_CONFERENCE"], encoding="utf-8") as demo:
        text = demo.read()
    for old, new in (("<acronym>hallwaydemo</acronym>", "<acronym>followedcopy</acronym>"),
                     ("<title>Hallway Demo Conference</title>", f"<title>{FOLLOWED}</title>")):
        assert old in text, old
        text = text.replace(old, new)
    with open(path, "w", encoding="utf-8") as schedule:
        schedule.write(text)


def run(session, followed_path):
    window = session.find_window("Hallway")
    session.find(window, "label", "Welcome: Why Conferences Still Matter", timeout=30)
    walk = Walk(session, window)

    session.window_action(window, "win.search")
    session.set_text(session.find(window, "entry", "Search talks"), "Ministries")
    session.key("Return")
    session.page(window, "A Free Desktop for Ministries: Three Years In")
    walk.check("a talk page", settle=1)
    # Bookmarked: My Agenda has a row to walk, and Export a talk to export.
    session.window_action(window, "win.bookmark")

    for section in SECTIONS:
        session.window_action(window, f"win.show-{section}")
        walk.check(f"the section {section}", settle=1)

    walk.popover("the main menu", "toggle button", "Main Menu")
    walk.close_popover()
    walk.popover("the conference switcher", "toggle button", "Conference")
    walk.close_popover()
    session.window_action(window, "win.show-schedule")
    menu = walk.popover("the filter menu", "toggle button", "Filter")
    # The tracks are a searchable list in a dialog of their own.
    track = session.atspi.findDescendant(
        menu, lambda node: node is not None and node.getRoleName() == "menu item"
        and node.name == "Track…")
    if track is None:
        walk.problems.setdefault("the filter menu", []).append("no item 'Track…' to open")
        walk.close_popover()
    else:
        session.press(track)
        session.find(window, "list", "Track")
        walk.check("the track chooser", settle=1)
        session.key("Escape")
        time.sleep(0.5)

    session.window_action(window, "win.add-conference")
    session.find(window, "text", "Schedule Address")
    walk.check("the Add Conference dialog")
    session.key("Escape")

    walk.dialog("Preferences", lambda: session.activate_action("preferences"), "Reminders")
    walk.dialog("About", lambda: session.activate_action("about"), "Hallway")
    walk.own_window("Keyboard Shortcuts", lambda: open_shortcuts(session, window),
                    "Keyboard Shortcuts")
    walk.own_window("the Export file chooser", lambda: session.window_action(window, "win.export"),
                    "Export to Calendar")
    walk.own_window("the Import file chooser", lambda: session.window_action(window, "win.import"),
                    "Import Bookmarks From a Calendar")

    # Only a followed conference can be removed: a copy of the demo, added as a file.
    session.window_action(window, "win.add-conference")
    session.set_text(session.find(window, "text", "Schedule Address"), followed_path)
    session.press(session.find(window, BUTTON, "Add"))
    session.find(window, "label", f"“{FOLLOWED}” added", timeout=30)
    walk.dialog("the Remove Conference confirmation",
                lambda: session.activate_action("remove-conference"), f"Remove {FOLLOWED}?")

    print("walked:", "; ".join(walk.walked))
    if walk.problems:
        session.screenshot(os.path.join(SCREENSHOTS, "accessible-names-failure.png"))
        report = "\n".join(f"{what}:\n  " + "\n  ".join(paths)
                           for what, paths in walk.problems.items())
        raise AssertionError(f"controls without an accessible name\n{report}")

    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"


with tempfile.TemporaryDirectory(prefix="hallway-names-") as folder, \
        HeadlessSession() as session:
    followed_path = os.path.join(folder, "followed-copy.xml")
    write_followed_copy(followed_path)
    session.launch(os.environ["HALLWAY_BINARY"])
    run(session, followed_path)
print("ok: every control of the main views, popover menus and dialogs has a name and a role")
