#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""After a failed Add Conference the focus is back in the address entry, which carries the
error as its description (issue 14): F10 then opens no menu over the dialog and Escape closes
the dialog. Before, the entry was made insensitive under the focus while the address was
checked, and the focus fell out of the dialog. "Open a Schedule File…" is a button with an
AT-SPI action that opens the file chooser (as a list row it had none). Through the real app,
AT-SPI and the keyboard."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, describe  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
ERROR = "“not a url” is neither a web address (https://…) nor a file"


def showing_menus(session, window):
    atspi = session.atspi
    return atspi.findAllDescendants(
        window, lambda node: node is not None and node.getRoleName() in ("menu", "popup menu")
        and node.getState().contains(atspi.STATE_SHOWING))


def run(session):
    window = session.find_window("Hallway")
    session.find(window, "label", "Welcome: Why Conferences Still Matter", timeout=30)
    session.window_action(window, "win.add-conference")
    entry = session.find(window, "text", "Schedule Address")
    time.sleep(0.5)
    assert session.focused(window) == entry, \
        f"the dialog opened with the focus on {describe(session.focused(window))}"

    session.set_text(entry, "not a url")
    session.key("Return")
    session.find(window, "label", ERROR)
    time.sleep(0.5)
    node = session.focused(window)
    assert node == entry, f"after the error the focus is on {describe(node)}, not the address"
    assert entry.description == ERROR, f"the address entry describes itself as {entry.description!r}"
    session.screenshot(os.path.join(SCREENSHOTS, "add-conference-error.png"), window=window)

    session.key("F10")
    menus = [menu.name for menu in showing_menus(session, window)]
    assert not menus, f"F10 opened {menus} over the Add Conference dialog"

    session.key("Escape")
    deadline = time.monotonic() + 5
    while entry.getState().contains(session.atspi.STATE_SHOWING):
        assert time.monotonic() < deadline, "Escape did not close the Add Conference dialog"
        time.sleep(0.1)

    session.window_action(window, "win.add-conference")
    open_file = session.find(window, ("push button", "button"), "Open a Schedule File…")
    session.press(open_file)  # fails when it exposes no action
    chooser = session.find_window("Open Schedule File", timeout=15)
    session.screenshot(os.path.join(SCREENSHOTS, "add-conference-open-file.png"))
    session.key("Escape")
    deadline = time.monotonic() + 5
    while chooser.getState().contains(session.atspi.STATE_SHOWING):
        assert time.monotonic() < deadline, "Escape did not close the file chooser"
        time.sleep(0.1)

    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"


with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    with session.screenshot_on_failure("add-conference-failure.png"):
        run(session)
print("ok: a failed Add Conference leaves the focus in the address, F10 and Escape stay in it; "
      "Open a Schedule File… opens the file chooser through its action")
