#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The screenshots of the README and the metainfo: the schedule, a talk page with its
abstract and My Agenda, wide (1280×800) and narrow (360×720), light and dark, with the
bundled demo conference (our own text, so the pictures can ship). Each is checked to be
the window's size and not blank; people look at them."""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
SEED = "A Free Desktop for Ministries"
OVERLAPPING = "Screen Readers and GTK 4"
SIZES = {"wide": (1280, 800), "narrow": (360, 720)}
SCHEMES = {"light": "prefer-light", "dark": "prefer-dark"}


def check(path, size):
    from PIL import Image, ImageStat
    with Image.open(path) as image:
        assert image.size[0] >= size[0] - 2 and image.size[1] >= size[1] - 2, (path, image.size)
        spread = ImageStat.Stat(image.convert("L")).stddev[0]
        assert spread > 10, f"{path} looks blank (grey spread {spread:.1f})"


def take(session, window, name, size):
    path = session.screenshot(os.path.join(SCREENSHOTS, f"{name}.png"), settle=1, window=window)
    check(path, size)
    return path


def shoot(session, size_name, scheme_name):
    width, height = SIZES[size_name]
    prefix = f"{size_name}-{scheme_name}"
    shutil.rmtree(session.env["XDG_DATA_HOME"], ignore_errors=True)  # no bookmarks yet
    session.preset_settings(window_width=width, window_height=height)
    session.launch(os.environ["HALLWAY_BINARY"],
                   env={"ADW_DEBUG_COLOR_SCHEME": SCHEMES[scheme_name]})
    window = session.find_window()
    session.find(window, "label", "Hallway Demo Conference", timeout=60)
    session.window_action(window, "win.show-schedule")
    schedule = session.page(window, "Schedule")
    take(session, window, f"{prefix}-schedule", (width, height))

    session.search_and_open(schedule, SEED)
    talk = session.page(window, lambda title: title.startswith(SEED))
    session.find(talk, "article", "Abstract")
    session.window_action(window, "win.bookmark")
    take(session, window, f"{prefix}-talk", (width, height))

    session.window_action(window, "win.show-schedule")
    session.search_and_open(session.page(window, "Schedule"), OVERLAPPING)
    session.page(window, lambda title: OVERLAPPING in title)
    session.window_action(window, "win.bookmark")
    session.window_action(window, "win.show-agenda")
    session.find(window, "list", "My Agenda")
    take(session, window, f"{prefix}-agenda", (width, height))
    assert session.quit_app() == 0


# One private desktop for all: the accessibility registry binds to the first bus it sees.
with HeadlessSession(width=1400, height=900) as desktop:
    for size in SIZES:
        for scheme in SCHEMES:
            shoot(desktop, size, scheme)
print(f"ok: 12 screenshots in {SCREENSHOTS}")
