#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Every control a person can use has a name a screen reader says (issue 14): walks the
accessibility tree of each main view, a talk page, the popover menus (main menu, conference
switcher, filter and its submenus) and the Add Conference dialog, and fails on any showing
button, toggle, check box, menu item, entry, link or activatable list item without a name.
Through the real app on the bundled demo."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import SWITCH, HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
SECTIONS = ["schedule", "now", "agenda", "tracks", "rooms", "speakers"]
CONTROLS = {"push button", "button", "toggle button", "check box", "radio button",
            "menu item", "check menu item", "radio menu item", "entry", "password text",
            "link", "combo box", "spin button", "slider", "page tab", *SWITCH}


def is_control(session, node):
    role = node.getRoleName()
    state = node.getState()
    if role in CONTROLS:
        return True
    # Text one can type into, and rows one can move to and activate.
    if role == "text":
        return state.contains(session.atspi.STATE_EDITABLE) \
            and state.contains(session.atspi.STATE_FOCUSABLE)
    return role == "list item" and state.contains(session.atspi.STATE_FOCUSABLE)


def path_of(node):
    parts = []
    while node is not None and node.getRoleName() != "frame":
        parts.append(f"{node.getRoleName()} '{node.name}'")
        node = node.parent
    return " < ".join(parts)


def unnamed_controls(session, root):
    atspi = session.atspi

    def unnamed(node):
        return (node is not None and node.getState().contains(atspi.STATE_SHOWING)
                and is_control(session, node) and not (node.name or "").strip())
    return [path_of(node) for node in atspi.findAllDescendants(root, unnamed)]


def count_controls(session, root):
    atspi = session.atspi
    return len(atspi.findAllDescendants(
        root, lambda node: node is not None and node.getState().contains(atspi.STATE_SHOWING)
        and is_control(session, node)))


class Walk:
    def __init__(self, session, window):
        self.session = session
        self.window = window
        self.problems = {}
        self.walked = []

    def check(self, what, settle=0.5):
        time.sleep(settle)
        found = unnamed_controls(self.session, self.window)
        controls = count_controls(self.session, self.window)
        assert controls > 0, f"no control showing in {what}: the walk saw nothing"
        self.walked.append(f"{what} ({controls} controls)")
        if found:
            self.problems[what] = found

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


def run(session):
    window = session.find_window("Hallway")
    session.find(window, "label", "Welcome: Why Conferences Still Matter", timeout=30)
    walk = Walk(session, window)

    session.window_action(window, "win.search")
    session.set_text(session.find(window, "entry", "Search talks"), "Ministries")
    session.key("Return")
    session.page(window, "A Free Desktop for Ministries: Three Years In")
    walk.check("a talk page", settle=1)

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

    print("walked:", "; ".join(walk.walked))
    if walk.problems:
        session.screenshot(os.path.join(SCREENSHOTS, "accessible-names-failure.png"))
        report = "\n".join(f"{what}:\n  " + "\n  ".join(paths)
                           for what, paths in walk.problems.items())
        raise AssertionError(f"controls without an accessible name\n{report}")

    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"


with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    run(session)
print("ok: every control of the main views, popover menus and Add Conference has a name")
