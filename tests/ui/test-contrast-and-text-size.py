#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""High contrast and large text (issue 15): screenshots of the schedule, a talk page with
its abstract, My Agenda and Changes in high contrast (light and dark, ADW_DEBUG_HIGH_CONTRAST
as the settings portal would set it) and with text scaled 1.5 (the X resource Xft.dpi 144,
which GTK reads when no settings daemon gives it GNOME's text-scaling-factor × 96), wide
and narrow. People look at them (_build/screenshots/contrast-*.png, text-size-*.png): nothing
cut off, everything readable. The test checks each page is there, each picture is not
blank and the text was larger (a title label's height); /abstract-view/follows-high-contrast and …/follows-text-scale check the abstract's
own styles.

The conference is a copy of the demo followed as a file, rewritten once (a talk cancelled,
one moved) so that Changes has something to show."""
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, SessionError  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
TITLE = "Hallway Demo Conference"
SEED = "A Free Desktop for Ministries: Three Years In"
OVERLAPPING = "Screen Readers and GTK 4: A Practical Tour"
CANCELLED = "Late Night Hacking Session"
# (name, environment, Xft DPI or None for the default 96, window size)
STYLES = [
    ("contrast-wide", {"ADW_DEBUG_HIGH_CONTRAST": "1",
                       "ADW_DEBUG_COLOR_SCHEME": "prefer-light"}, None, (1000, 700)),
    ("contrast-dark-wide", {"ADW_DEBUG_HIGH_CONTRAST": "1",
                            "ADW_DEBUG_COLOR_SCHEME": "prefer-dark"}, None, (1000, 700)),
    ("contrast-narrow", {"ADW_DEBUG_HIGH_CONTRAST": "1"}, None, (360, 700)),
    ("text-size-wide", {}, 144, (1000, 700)),
    ("text-size-narrow", {}, 144, (360, 700)),
]


def set_xft_dpi(display, dpi):
    """The X resource Xft.dpi, which GTK reads for gtk-xft-dpi when no XSETTINGS daemon
    runs (as GNOME's settings daemon passes text-scaling-factor × 96); None removes it."""
    import ctypes
    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XChangeProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong,
                                    ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                    ctypes.c_char_p, ctypes.c_int]
    x11.XDeleteProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(display.encode())
    assert connection, f"cannot open the display {display}"
    root = x11.XDefaultRootWindow(connection)
    resources = x11.XInternAtom(connection, b"RESOURCE_MANAGER", 0)
    if dpi is None:
        x11.XDeleteProperty(connection, root, resources)
    else:
        data = f"Xft.dpi:\t{dpi}\n".encode()
        x11.XChangeProperty(connection, root, resources, 31, 8, 0, data, len(data))  # STRING
    x11.XCloseDisplay(connection)  # flushes


def write_conference(path, updated):
    """The demo; updated, without its late-night talk and with the closing an hour later."""
    with open(os.environ["HALLWAY_DEMO_CONFERENCE"], encoding="utf-8") as demo:
        text = demo.read()
    if updated:
        start = text.index('<event id="4"')
        text = text[:start] + text[text.index("</event>", start) + len("</event>"):]
        for old, new in (("2027-02-07T16:00:00+01:00", "2027-02-07T17:00:00+01:00"),
                         ("<start>16:00</start>", "<start>17:00</start>")):
            assert old in text, old
            text = text.replace(old, new)
    with open(path + ".new", "w", encoding="utf-8") as schedule:
        schedule.write(text)
    os.replace(path + ".new", path)


def shot(session, window, style, page):
    from PIL import Image, ImageStat
    path = session.screenshot(os.path.join(SCREENSHOTS, f"{style}-{page}.png"), settle=1,
                              window=window)
    with Image.open(path) as image:
        spread = ImageStat.Stat(image.convert("L")).stddev[0]
    assert spread > 10, f"{path} looks blank (grey spread {spread:.1f})"


def scroll_down(session, window):
    """Wheels the talk page to its abstract, over the content, right of any sidebar."""
    box = window.queryComponent().getExtents(session.atspi.DESKTOP_COORDS)
    for _ in range(25):
        session.atspi.Registry.generateMouseEvent(box.x + box.width * 2 // 3,
                                                  box.y + box.height // 2, "b5c")
        time.sleep(0.1)


def open_changes(session, window, timeout=60):
    """Changes, once the refresh has found some (narrow, the sidebar that lists it is off
    screen: its action is asked until the page comes)."""
    deadline = time.monotonic() + timeout
    while True:
        session.window_action(window, "win.show-changes")
        try:
            return session.page(window, "Changes", timeout=2)
        except SessionError:
            if time.monotonic() > deadline:
                raise


def bookmark(session, window, title):
    session.window_action(window, "win.show-schedule")
    session.search_and_open(session.page(window, "Schedule"), title)
    session.page(window, title)
    session.window_action(window, "win.bookmark")


def shoot(session, folder, style, env, dpi, size):
    config = os.path.join(session.env["XDG_CONFIG_HOME"], "gtk-4.0")
    os.makedirs(config, exist_ok=True)
    with open(os.path.join(config, "settings.ini"), "w", encoding="utf-8") as settings:
        # GNOME's font and buttons: only the close button, as test-screenshots.py does.
        settings.write("[Settings]\ngtk-font-name=Cantarell 11\n"
                       "gtk-decoration-layout=appmenu:close\n")
    set_xft_dpi(session.display, dpi)
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        shutil.rmtree(session.env[name], ignore_errors=True)
    path = os.path.join(folder, "conference.xml")
    write_conference(path, updated=False)
    session.preset_settings(window_width=size[0], window_height=size[1])
    session.launch(os.environ["HALLWAY_BINARY"], path,
                   env={"TZ": "Europe/Brussels", "LANGUAGE": "en", **env})
    window = session.find_window()
    title = session.find(window, "label", TITLE, timeout=60)
    title_height = title.queryComponent().getExtents(session.atspi.DESKTOP_COORDS).height
    bookmark(session, window, OVERLAPPING)
    bookmark(session, window, SEED)
    session.find(session.page(window, SEED), "article", "Abstract")
    scroll_down(session, window)
    shot(session, window, style, "talk")

    session.window_action(window, "win.show-schedule")
    session.page(window, "Schedule")
    shot(session, window, style, "schedule")
    session.window_action(window, "win.show-agenda")
    session.find(window, "list", "My Agenda")
    shot(session, window, style, "agenda")

    write_conference(path, updated=True)
    session.activate_action("refresh")
    changes = open_changes(session, window)
    session.find(changes, "list item", CANCELLED)
    shot(session, window, style, "changes")
    assert session.quit_app() == 0
    return title_height


with tempfile.TemporaryDirectory(prefix="hallway-contrast-") as folder, \
        HeadlessSession(width=1100, height=800) as session:
    heights = {}
    for style, env, dpi, size in STYLES:
        try:
            heights[style] = shoot(session, folder, style, env, dpi, size)
        except Exception:
            print("failed; the screen is in",
                  session.screenshot(os.path.join(SCREENSHOTS, f"{style}-failure.png")))
            raise
    # The text really was larger: the conference's title label, one line, at 96 and 144 DPI.
    print("height of the title label:", heights)
    for layout in ("wide", "narrow"):
        ratio = heights[f"text-size-{layout}"] / heights[f"contrast-{layout}"]
        assert ratio > 1.3, f"{layout}: text scaled 1.5 made the title {ratio:.2f} times as high"
print("ok: schedule, talk, My Agenda and Changes shot in high contrast and large text;"
      " look at them")
