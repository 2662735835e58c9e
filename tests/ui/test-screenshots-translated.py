#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The app in another language on the narrow layout (360 px, a phone): the schedule, Now &
Next, a talk page, My Agenda and the preferences, with the bundled demo conference. Usage:
test-screenshots-translated.py LANGUAGE LOCALE (pl pl_PL.UTF-8).

Every control is found by its name as the language's catalogue (the build's .mo) says it,
so the test fails if the window is not in that language. Week days and dates must come from
the locale: the talk page and My Agenda show the demo's Saturday as the C library writes it
in that locale ("sobota"). The pictures land in $HALLWAY_BUILD_ROOT/screenshots/LANGUAGE/;
people look at them for words that do not fit (translations are often longer than English).
The test fails on a text that widens the window, lies outside it or is cut short with "…"
(judged where one of its last words has three ASCII letters or digits in a row)."""
import datetime
import gettext
import locale
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import SWITCH, HeadlessSession  # noqa: E402

LANGUAGE, LOCALE = sys.argv[1], sys.argv[2]
SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots", LANGUAGE)
SEED = "A Free Desktop for Ministries"
OVERLAPPING = "Screen Readers and GTK 4"
DEMO_SATURDAY = datetime.datetime(2027, 2, 6, 10, 30)   # both talks above start then
FRAME = 5                                               # GTK's frame on Xvfb (test-screenshots)
WIDTH, HEIGHT = 360, 636
# Glyphs that may be this thin without being squeezed behind an ellipsis (Cantarell 11).
NARROW = "iljIJ1"
SQUEEZED = 10

catalogue = gettext.translation("hallway", os.environ["HALLWAY_LOCALE_DIR"], [LANGUAGE])
_ = catalogue.gettext
# A catalogue that gave back the English would let an English window pass.
assert _("Schedule") != "Schedule" and _("My Agenda") != "My Agenda", \
    f"the {LANGUAGE} catalogue does not translate the names this test looks for"


def in_locale(format_string):
    """The demo's Saturday written with a format of the catalogue, as the C library writes
    it in LOCALE: what GLib's g_date_time_format shows."""
    locale.setlocale(locale.LC_TIME, LOCALE)
    try:
        return DEMO_SATURDAY.strftime(format_string)
    finally:
        locale.setlocale(locale.LC_TIME, "C")


def without_mnemonic(label):
    return label.replace("_", "", 1)


def probe(content):
    """Where to look for squeezed characters: the last three letters or digits in a row among
    the text's last eight that are neither thin glyphs nor beyond ASCII, as (start, end) in
    characters and in bytes; None without such three."""
    for end in range(len(content), max(len(content) - 8, 0) + 2, -1):
        if all(char.isascii() and char.isalnum() and char not in NARROW
               for char in content[end - 3:end]):
            return ((end - 3, end),
                    (len(content[:end - 3].encode()), len(content[:end].encode())))
    return None


def ellipsized(session, label, height):
    """Whether GTK cut the label's text short with "…", where it is in view. AT-SPI does not
    say so, but Pango squeezes the characters hidden behind the ellipsis into its few pixels:
    three letters or digits near the end of the text that take under SQUEEZED px were not
    drawn. GTK 4.18 counts the offsets of character extents in bytes, so both ways are
    measured, and only a squeeze in both counts."""
    text = label.queryText()
    ranges = probe(text.getText(0, -1))
    if ranges is None:
        return False
    extents = [text.getRangeExtents(start, end, session.atspi.WINDOW_COORDS)
               for start, end in ranges]
    # Scrolled out of the view: the page goes on below the window's bottom.
    if not all(0 <= y and y + h <= height for _, y, _, h in extents):
        return False
    measured = [width for _, _, width, _ in extents if width > 0]  # 0: not laid out
    return bool(measured) and max(measured) < SQUEEZED


# The "…" probe was made and checked against GTK 4.18's text extents; under GTK 4.24 (sid)
# it reports labels drawn whole ("Cuándo") as cut, so there only the window's bounds count.
SQUEEZE_PROBE_WORKS = subprocess.run(
    ["pkg-config", "--max-version=4.19", "gtk4"]).returncode == 0


def check_fits(session, window, name):
    """Every label and button on screen lies inside the window, and no label but a talk's
    title (a header shows it as it can) is cut short."""
    box = window.queryComponent().getExtents(session.atspi.DESKTOP_COORDS)
    outside = []
    for role in ("label", "push button", "toggle button"):
        for node in session.find_all(window, role):
            extents = node.queryComponent().getExtents(session.atspi.DESKTOP_COORDS)
            if extents.width > 0 and (extents.x < box.x or
                                      extents.x + extents.width > box.x + box.width):
                outside.append(f"{role} “{node.name}” at x {extents.x - box.x}, "
                               f"{extents.width} px wide")
    assert not outside, f"{name}: outside the {WIDTH} px window: " + "; ".join(outside)
    # A row's "time · room · speakers" line is the schedule's own words in every language,
    # and the row may shorten its speakers by design; on GTK 4.24 the squeeze probe also
    # misread the English "10:30–11:10 · Room 2.14 · Jonas Äkerlund" there.
    if not SQUEEZE_PROBE_WORKS:
        return
    cut = [label.name for label in session.find_all(window, "label")
           if not label.name.startswith((SEED, OVERLAPPING))
           and not re.match(r"\d\d:\d\d–\d\d:\d\d · ", label.name)
           and ellipsized(session, label, box.height)]
    assert not cut, f"{name}: cut short with “…”: {cut}"


def shot(session, window, name):
    session.atspi.Registry.generateMouseEvent(session.size[0] - 1, session.size[1] - 1, "abs")
    path = session.screenshot(os.path.join(SCREENSHOTS, f"narrow-{name}.png"), settle=1,
                              window=window)
    from PIL import Image
    with Image.open(path) as image:
        size = (image.width - 2 * FRAME, image.height - 2 * FRAME)
    # GTK widens a window to its content's minimum: a text too long to shrink.
    assert size == (WIDTH, HEIGHT), f"{name}: the window is {size}, not {(WIDTH, HEIGHT)}"
    check_fits(session, window, name)
    print(f"# {path}")


def has_text(session, root, text, timeout=15):
    """The first showing node, of any role, whose name contains text."""
    def search():
        return session.atspi.findDescendant(
            root, lambda node: node is not None and text in (node.name or "")
            and node.getState().contains(session.atspi.STATE_SHOWING))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        node = search()
        if node is not None:
            return node
        time.sleep(0.2)
    raise AssertionError(f"nothing on screen says “{text}”")


with HeadlessSession(width=800, height=800) as session:
    session.gnome_look()
    session.translate = _
    session.preset_settings(window_width=WIDTH + 2 * FRAME, window_height=HEIGHT + 2 * FRAME)
    session.launch(os.environ["HALLWAY_BINARY"],
                   env={"TZ": "Europe/Brussels", "LANGUAGE": LANGUAGE, "LANG": LOCALE,
                        "LC_ALL": LOCALE})
    window = session.find_window()
    session.find(window, "label", "Hallway Demo Conference", timeout=60)

    session.window_action(window, "win.show-schedule")
    schedule = session.page(window, _("Schedule"))
    # The day switcher: "%a %-d" of the locale ("sob 6").
    has_text(session, schedule, in_locale(_("%a %-d")))
    shot(session, window, "schedule")
    # Its subtitle is the longest line of a header.
    session.window_action(window, "win.show-now")
    session.page(window, _("Now & Next"))
    shot(session, window, "now")
    session.window_action(window, "win.show-schedule")

    session.search_and_open(schedule, SEED)
    talk = session.page(window, lambda title: title.startswith(SEED))
    session.find(talk, "article", _("Abstract"))
    session.window_action(window, "win.bookmark")
    # When: "sobota, 6 lutego 2027, 10:30–11:10"; the full week day of the locale.
    when = has_text(session, talk, in_locale(_("%A %-d %B %Y, %H:%M")))
    print(f"# {_('When')}: {when.name}")
    shot(session, window, "talk")

    session.window_action(window, "win.show-schedule")
    session.search_and_open(session.page(window, _("Schedule")), OVERLAPPING)
    session.page(window, lambda title: OVERLAPPING in title)
    session.window_action(window, "win.bookmark")
    session.window_action(window, "win.show-agenda")
    agenda = session.find(window, "list", _("My Agenda"))
    # The day's header: "%A %-d %B" of the locale ("sobota, 6 lutego").
    day = has_text(session, window, in_locale(_("%A %-d %B")))
    print(f"# {_('My Agenda')}: {day.name}")
    session.find(agenda, "list item", lambda name: OVERLAPPING in name)
    shot(session, window, "agenda")

    session.activate_action("preferences")
    remind = without_mnemonic(_("_Remind Me"))
    session.find(window, "combo box", lambda name: name.startswith(remind))
    session.find(window, SWITCH, without_mnemonic(_("Remind With the _Window Closed")))
    shot(session, window, "preferences")
    assert session.quit_app() == 0

print(f"ok: 5 screenshots in {LANGUAGE} ({LOCALE}) in {SCREENSHOTS}")
