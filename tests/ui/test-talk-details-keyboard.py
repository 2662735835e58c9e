#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""A talk page's details cost one Tab stop each (issue 14): the row, named by its label and
described by its value, not the row and then its value as a selectable text (14 stops for 7
details).
Through the real app on the bundled demo, with AT-SPI and the keyboard."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, inside  # noqa: E402

TITLE = "A Free Desktop for Ministries: Three Years In"  # eight details, two speakers
MAX_PRESSES = 40


def described_by(session, node):
    """The texts a screen reader reads after a node's name (libadwaita's rows give their
    subtitle as a described-by relation, not as the description)."""
    texts = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == session.atspi.RELATION_DESCRIBED_BY:
            texts += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    return " ".join(texts)


def run(session):
    window = session.find_window("Hallway")
    session.find(window, "label", "Welcome: Why Conferences Still Matter", timeout=30)
    session.window_action(window, "win.search")
    session.set_text(session.find(window, "entry", "Search talks"), "Ministries")
    session.key("Return")
    page = session.page(window, TITLE)
    details = session.find(page, "list", "Details")
    rows = session.find_all(details, "list item")
    assert len(rows) == 8, [row.name for row in rows]

    # The page opens with the focus on its first row, or before it.
    node = session.focused(window)
    stops = [node] if inside(node, lambda ancestor: ancestor == details) else []
    for _ in range(MAX_PRESSES):
        session.key("Tab")
        node = session.focused(window)
        if inside(node, lambda ancestor: ancestor == details):
            stops.append(node)
        elif stops:
            break
    names = [f"{node.getRoleName()} '{node.name}'" for node in stops]
    assert stops == rows, f"Tab through {len(rows)} details stopped {len(stops)} times: {names}"
    values = {row.name: described_by(session, row) for row in rows}
    assert values.get("Room") == "Hall A" and values.get("Track") == "Public Sector", values
    assert values.get("Type") == "Talk", f"the type reads {values.get('Type')!r}, not a word"

    # The room leads to its talks, as the track does (it led nowhere).
    room = next(row for row in rows if row.name == "Room")
    for _ in range(MAX_PRESSES):
        if session.focused(window) == room:
            break
        session.key("ISO_Left_Tab")
    assert session.focused(window) == room, "Shift+Tab never reached the Room row"
    session.key("Return")
    session.page(window, "Hall A", timeout=10)
    session.find(window, "label", "Welcome: Why Conferences Still Matter")

    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"


with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    with session.screenshot_on_failure("talk-details-failure.png"):
        run(session)
print("ok: one Tab stop per detail of a talk, each saying its value; the room leads to its talks")
