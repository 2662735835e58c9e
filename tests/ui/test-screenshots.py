#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The screenshots of the README and the metainfo: the schedule, a talk page with its
abstract and My Agenda, wide and narrow, light and dark, with the bundled demo conference
(our own text, so the pictures can ship and the test makes the same ones anywhere).

They look like a default GNOME session: Cantarell, Adwaita, only the close button
(GNOME's button layout "appmenu:close"), no focus rings, the window with rounded corners, a thin outline
and a soft shadow on a transparent canvas of at most 1000×700 (Xvfb has no compositor,
so the corners and the shadow are drawn here with PIL). Each is checked for its size, its
transparent corners and not being blank; people look at them.

They land in $HALLWAY_BUILD_ROOT/screenshots/; the three the metainfo and the README show
also in screenshots/store/. HALLWAY_UPDATE_SCREENSHOTS=1 copies those into data/screenshots/
(HACKING.md, "Screenshots")."""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
SOURCE_SHOTS = os.path.join(os.environ["HALLWAY_SOURCE_ROOT"], "data", "screenshots")
SEED = "A Free Desktop for Ministries"
OVERLAPPING = "Screen Readers and GTK 4"
CANVAS_HEIGHT = 700          # Flathub: at most 1000×700
MARGIN = 32                  # room for the shadow around the window
SIZES = {"wide": (1000 - 2 * MARGIN, CANVAS_HEIGHT - 2 * MARGIN),
         "narrow": (360, CANVAS_HEIGHT - 2 * MARGIN)}
SCHEMES = {"light": "prefer-light", "dark": "prefer-dark"}
# What data/screenshots/ ships (the metainfo's captions describe these) ← what the test takes.
STORE = {"schedule": "wide-light-schedule", "talk-dark": "wide-dark-talk",
         "agenda-narrow": "narrow-light-agenda"}
# Xvfb's windows have no compositor: GTK draws them "solid-csd", with a 4 px resize frame
# and a 1 px border inside the extents AT-SPI reports; the content starts inside those.
FRAME = 5
SCROLL_STEPS = 25           # wheel clicks that reach the end of a talk page
RADIUS = 12                  # libadwaita's window corners
def rounded_mask(size, radius, scale=4):
    """An antialiased rounded rectangle: drawn four times larger, then scaled down."""
    from PIL import Image, ImageDraw
    big = Image.new("L", (size[0] * scale, size[1] * scale), 0)
    ImageDraw.Draw(big).rounded_rectangle((0, 0, big.width - 1, big.height - 1),
                                          radius * scale, fill=255)
    return big.resize(size, Image.LANCZOS)


def frame(window_shot, dark):
    """The window's content with rounded corners, an outline and a soft shadow, on a
    transparent canvas MARGIN wider on each side."""
    from PIL import Image, ImageChops, ImageFilter
    content = window_shot.convert("RGBA")
    size = content.size
    mask = rounded_mask(size, RADIUS)
    canvas = Image.new("RGBA", (size[0] + 2 * MARGIN, size[1] + 2 * MARGIN), (0, 0, 0, 0))
    # Two shadows, as Adwaita's focused window: a close one and a wide, faint one.
    for offset, blur, alpha in ((2, 4, 70), (6, 14, 60)):
        shadow = Image.new("L", canvas.size, 0)
        shadow.paste(Image.new("L", size, alpha), (MARGIN, MARGIN + offset), mask)
        shadow = shadow.filter(ImageFilter.GaussianBlur(blur))
        layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
        layer.putalpha(shadow)
        canvas = Image.alpha_composite(canvas, layer)
    window = Image.new("RGBA", size, (0, 0, 0, 0))
    window.paste(content, (0, 0), mask)
    # A 1 px outline just inside the edge: dark on light windows, light on dark ones.
    inner = Image.new("L", size, 0)
    inner.paste(rounded_mask((size[0] - 2, size[1] - 2), RADIUS - 1), (1, 1))
    ring = ImageChops.subtract(mask, inner)
    colour, alpha = ((255, 255, 255), 30) if dark else ((0, 0, 0), 40)
    outline = Image.new("RGBA", size, colour + (0,))
    outline.putalpha(ring.point(lambda value: value * alpha // 255))
    window = Image.alpha_composite(window, outline)
    canvas.alpha_composite(window, (MARGIN, MARGIN))
    return canvas


def check(path, size):
    from PIL import Image, ImageStat
    with Image.open(path) as image:
        expected = (size[0] + 2 * MARGIN, size[1] + 2 * MARGIN)
        assert image.size == expected, (path, image.size, expected)
        assert image.width <= 1000 and image.height <= 700, (path, image.size)
        assert image.mode == "RGBA", (path, image.mode)
        # Transparent where the rounded corner leaves the canvas, opaque in the window.
        assert image.getpixel((0, 0))[3] == 0, f"{path}: the canvas is not transparent"
        corner = image.getpixel((MARGIN, MARGIN))[3]
        assert corner < 128, f"{path}: the window's corner is not rounded (alpha {corner})"
        middle = image.getpixel((image.width // 2, image.height // 2))[3]
        assert middle == 255, f"{path}: the window is not opaque (alpha {middle})"
        spread = ImageStat.Stat(image.convert("L")).stddev[0]
        assert spread > 10, f"{path} looks blank (grey spread {spread:.1f})"


def scroll_to_abstract(session, window, talk):
    """Wheels the talk page to its end, where the abstract is (the caption promises it),
    as a reader would. GTK 4 gives AT-SPI no useful place for the abstract, so the wheel
    turns over the content pane, right of the sidebar, more often than the page needs."""
    import time
    box = window.queryComponent().getExtents(session.atspi.DESKTOP_COORDS)
    for _ in range(SCROLL_STEPS):
        session.atspi.Registry.generateMouseEvent(box.x + box.width * 2 // 3,
                                                  box.y + box.height // 2, "b5c")
        time.sleep(0.1)
    time.sleep(0.5)


def take(session, window, name, size, dark):
    # The pointer rests outside the window: no row lit up under it.
    session.atspi.Registry.generateMouseEvent(session.size[0] - 1, session.size[1] - 1, "abs")
    raw = os.path.join(SCREENSHOTS, "raw", f"{name}.png")
    session.screenshot(raw, settle=1, window=window)
    from PIL import Image
    with Image.open(raw) as shot:
        content = shot.crop((FRAME, FRAME, shot.width - FRAME, shot.height - FRAME))
        assert content.size == size, f"{name}: the window is {content.size}, not {size}"
        path = os.path.join(SCREENSHOTS, f"{name}.png")
        frame(content, dark).save(path, optimize=True)
    check(path, size)
    return path


def shoot(session, size_name, scheme_name):
    width, height = SIZES[size_name]
    dark = scheme_name == "dark"
    prefix = f"{size_name}-{scheme_name}"
    shutil.rmtree(session.env["XDG_DATA_HOME"], ignore_errors=True)  # no bookmarks yet
    # The window's default size counts GTK's frame around the content.
    session.preset_settings(window_width=width + 2 * FRAME, window_height=height + 2 * FRAME)
    # The conference's own time zone: the talk page shows its times without a "here" part.
    session.launch(os.environ["HALLWAY_BINARY"],
                   env={"ADW_DEBUG_COLOR_SCHEME": SCHEMES[scheme_name],
                        "TZ": "Europe/Brussels", "LANGUAGE": "en", "LC_ALL": "C.UTF-8"})
    window = session.find_window()
    session.find(window, "label", "Hallway Demo Conference", timeout=60)
    session.window_action(window, "win.show-schedule")
    schedule = session.page(window, "Schedule")
    take(session, window, f"{prefix}-schedule", (width, height), dark)

    session.search_and_open(schedule, SEED)
    talk = session.page(window, lambda title: title.startswith(SEED))
    session.find(talk, "article", "Abstract")
    session.window_action(window, "win.bookmark")
    scroll_to_abstract(session, window, talk)
    take(session, window, f"{prefix}-talk", (width, height), dark)

    session.window_action(window, "win.show-schedule")
    session.search_and_open(session.page(window, "Schedule"), OVERLAPPING)
    session.page(window, lambda title: OVERLAPPING in title)
    session.window_action(window, "win.bookmark")
    session.window_action(window, "win.show-agenda")
    session.find(window, "list", "My Agenda")
    take(session, window, f"{prefix}-agenda", (width, height), dark)
    assert session.quit_app() == 0


def publish():
    """screenshots/store/ gets the shipped names; the committed pictures must have the
    sizes the test makes now, and HALLWAY_UPDATE_SCREENSHOTS=1 replaces them."""
    from PIL import Image
    store = os.path.join(SCREENSHOTS, "store")
    os.makedirs(store, exist_ok=True)
    update = os.environ.get("HALLWAY_UPDATE_SCREENSHOTS") == "1"
    stale = []
    for shipped, taken in STORE.items():
        fresh = os.path.join(store, f"{shipped}.png")
        shutil.copyfile(os.path.join(SCREENSHOTS, f"{taken}.png"), fresh)
        committed = os.path.join(SOURCE_SHOTS, f"{shipped}.png")
        if update:
            shutil.copyfile(fresh, committed)
            print(f"updated {committed}")
        with Image.open(fresh) as new, Image.open(committed) as old:
            if (new.size, new.mode) != (old.size, old.mode):
                stale.append(f"{committed} is {old.size[0]}×{old.size[1]} {old.mode}, the test "
                             f"makes {new.size[0]}×{new.size[1]} {new.mode}")
    assert not stale, "regenerate with HALLWAY_UPDATE_SCREENSHOTS=1:\n" + "\n".join(stale)


# One private desktop for all: the accessibility registry binds to the first bus it sees.
with HeadlessSession(width=1400, height=900) as desktop:
    desktop.gnome_look()
    for size in SIZES:
        for scheme in SCHEMES:
            shoot(desktop, size, scheme)
publish()
print(f"ok: 12 screenshots in {SCREENSHOTS}, the shipped three in {SCREENSHOTS}/store")
