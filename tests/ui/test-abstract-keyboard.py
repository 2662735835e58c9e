#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The abstract is a stop on the talk page's Tab chain, not a trap (issue 14): Tab reaches it
after the details with a visible focus ring, goes through its link, leaves it for the Links
below; Shift+Tab comes back and leaves it upwards. Nothing focused on the way is editable
(WebKit's hidden key-binding text view took the focus and every further Tab was typed into
it). Through the real app on the bundled demo, with AT-SPI and the keyboard."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, describe, inside  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
TITLE = "A Free Desktop for Ministries: Three Years In"  # its abstract has one link
MAX_PRESSES = 40


def inside_named(node, ancestor_role, ancestor_name):
    return inside(node, lambda ancestor: (ancestor.getRoleName(), ancestor.name)
                  == (ancestor_role, ancestor_name))


def in_abstract(node):
    return inside_named(node, "article", "Abstract")


def press_until(session, window, key, wanted, what):
    """Presses key until the focus is on a node for which wanted() holds; every node focused
    on the way must be something a keyboard user can leave."""
    path = []
    for _ in range(MAX_PRESSES):
        session.key(key)
        node = session.focused(window)
        path.append(describe(node))
        assert node is not None, f"{key} left nothing focused; path: {path}"
        state = node.getState()
        assert not state.contains(session.atspi.STATE_EDITABLE), \
            f"{key} put the focus in an editable {describe(node)}; path: {path}"
        if wanted(node):
            return node
    raise AssertionError(f"{key} pressed {MAX_PRESSES} times never reached {what}; path: {path}")


def bluish_pixels(image, box):
    """Pixels of the accent-coloured focus ring (libadwaita's blue) in box of image."""
    count = 0
    for x in range(box[0], box[2]):
        for y in range(box[1], box[3]):
            red, green, blue = image.getpixel((x, y))[:3]
            count += blue - red > 40
    return count


def ring_band(session, article):
    """A band across the abstract's left edge, where its focus ring is drawn, in the window's
    screenshot. Wide: AT-SPI's window coordinates and the screenshot's crop differ by the
    window's shadow, some pixels; the abstract's text is not blue there."""
    box = article.queryComponent().getExtents(session.atspi.WINDOW_COORDS)
    return (max(box.x - 16, 0), box.y, box.x + 16, box.y + box.height)


def run(session):
    from PIL import Image
    window = session.find_window("Hallway")
    session.find(window, "label", "Welcome: Why Conferences Still Matter", timeout=30)
    session.window_action(window, "win.search")
    session.set_text(session.find(window, "entry", "Search talks"), "Ministries")
    session.key("Return")
    page = session.page(window, TITLE)
    article = session.find(page, "article", "Abstract")
    session.find(page, "list item", "Talk Web Page")

    # Down the page: the details, then the abstract, named, with a focus ring.
    press_until(session, window, "Tab", lambda node: inside_named(node, "list", "Details"),
                "the details")
    before = Image.open(session.screenshot(os.path.join(SCREENSHOTS, "abstract-unfocused.png"),
                                           settle=1, window=window))
    node = press_until(session, window, "Tab", in_abstract, "the abstract")
    # An article: Orca 48 says a focused grouping's role without its name ("grouping") when
    # it also says the focus left the details list.
    assert (node.getRoleName(), node.name) == ("article", "Abstract"), \
        f"the abstract took the focus as {describe(node)}, not as the article 'Abstract'"
    after = Image.open(session.screenshot(os.path.join(SCREENSHOTS, "abstract-focused.png"),
                                          settle=1, window=window))
    band = ring_band(session, article)
    assert bluish_pixels(before, band) == 0, "a ring beside the abstract before it had the focus"
    ring = bluish_pixels(after, band)
    assert ring >= (band[3] - band[1]) // 2, \
        f"no focus ring beside the focused abstract ({ring} accent pixels in {band})"

    # On through its link and out to the Links below.
    node = press_until(session, window, "Tab", lambda node: not in_abstract(node),
                       "anything after the abstract")
    assert node.getRoleName() == "list item" and node.name == "Talk Web Page", \
        f"Tab out of the abstract went to {describe(node)}, not the Links"

    # Back up: into the abstract, and out of it to the details above.
    press_until(session, window, "ISO_Left_Tab", in_abstract, "the abstract, backwards")
    node = press_until(session, window, "ISO_Left_Tab", lambda node: not in_abstract(node),
                       "anything before the abstract")
    assert inside_named(node, "list", "Details"), \
        f"Shift+Tab out of the abstract went to {describe(node)}, not the details"

    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"


with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    with session.screenshot_on_failure("abstract-keyboard-failure.png"):
        run(session)
print("ok: Tab and Shift+Tab go into the abstract, through it and out, with a focus ring")
