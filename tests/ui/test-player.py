#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Watch in Hallway (issue 16): a FOSDEM-like conference with a talk running now in Janson
and a recorded talk that ended; the catalogue's "room-stream" points at a loopback server
that serves an HLS stream made now with GStreamer (H.264 in MPEG-TS, as FOSDEM's) and the
recording (MP4). Through the accessibility tree: the running talk's page has Watch Live,
which opens a player window titled after the talk, whose picture changes from second to
second (two screenshots differ); Space pauses it (the picture stays) and plays it again;
Watch Live once more presents the same window, not a second one; Escape closes it. The
ended talk has Play Recording, which plays the MP4 in the same way; Ctrl+W closes that one.
Every control of the player has a name. Screenshots: screenshots/player-live.png,
screenshots/player-recording.png."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import playerfixtures  # noqa: E402
from hallwaysession import HeadlessSession, serve_folder, unnamed_controls  # noqa: E402
from PIL import Image, ImageChops, ImageStat  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
LIVE = "A Talk Streamed Live"
RECORDED = "A Talk Recorded Earlier"


def player_windows(session, title):
    """The app's windows named title that are on screen."""
    found = []
    desktop = session.atspi.Registry.getDesktop(0)
    for application in desktop:
        for window in application or []:
            if window is not None and window.name == title and \
                    window.getState().contains(session.atspi.STATE_SHOWING):
                found.append(window)
    return found


def picture(session, window, name):
    """The player's picture: the window's screenshot less its header bar."""
    path = session.screenshot(os.path.join(SCREENSHOTS, name), settle=0, window=window)
    image = Image.open(path).convert("RGB")
    return image.crop((0, 60, image.width, image.height - 10))


def changes(session, window, name):
    """Whether the picture changes within two seconds (and is not one colour)."""
    first = picture(session, window, name)
    time.sleep(2)
    second = picture(session, window, name)
    colours = ImageStat.Stat(second).stddev
    assert max(colours) > 20, f"the player shows one flat colour: {colours}"
    return ImageChops.difference(first, second).getbbox() is not None


def wait_playing(session, window, name, timeout=45):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if changes(session, window, name):
                return
        except AssertionError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"the picture of {window.name} did not change in {timeout} s")


def open_row(session, window, talk, row):
    page = playerfixtures.open_talk(session, window, talk)
    session.find(page, "list item", row, timeout=20)
    return page, playerfixtures.activate(session, window, row)


def check_live(session, window):
    open_row(session, window, LIVE, "Watch Live")
    player = session.find_window(LIVE, timeout=20)
    wait_playing(session, player, "player-live.png")
    assert unnamed_controls(session, player) == [], unnamed_controls(session, player)

    # Space pauses: the picture stays; Space again plays on.
    session.key("space")
    time.sleep(1)
    assert not changes(session, player, "player-paused.png"), "Space did not pause the video"
    session.key("space")
    wait_playing(session, player, "player-live.png", timeout=15)

    # Watch Live again: the same window comes forward, no second one.
    open_row(session, window, LIVE, "Watch Live")
    time.sleep(2)
    assert len(player_windows(session, LIVE)) == 1, player_windows(session, LIVE)

    session.key("Escape")
    deadline = time.monotonic() + 10
    while player_windows(session, LIVE) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert player_windows(session, LIVE) == [], "Escape did not close the player"


def ctrl_w(session):
    """Ctrl+W: Control held through X's modifier lock while W is pressed."""
    control_mask = 1 << 2
    registry = session.atspi.Registry
    registry.generateKeyboardEvent(control_mask, None, session.atspi.KEY_LOCKMODIFIERS)
    try:
        session.key("w")
    finally:
        registry.generateKeyboardEvent(control_mask, None, session.atspi.KEY_UNLOCKMODIFIERS)


def check_recording(session, window):
    open_row(session, window, RECORDED, "Play Recording")
    player = session.find_window(RECORDED, timeout=20)
    wait_playing(session, player, "player-recording.png")
    ctrl_w(session)
    deadline = time.monotonic() + 10
    while player_windows(session, RECORDED) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert player_windows(session, RECORDED) == [], "Ctrl+W did not close the player"


with tempfile.TemporaryDirectory(prefix="hallway-player-") as folder, \
        HeadlessSession(width=1400, height=900) as session:
    streams = os.path.join(folder, "streams")
    os.makedirs(streams)
    playerfixtures.make_hls(streams, "janson", seconds=40)
    playerfixtures.make_mp4(os.path.join(streams, "recording.mp4"), seconds=30)
    server = serve_folder(streams)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    schedule = os.path.join(folder, "schedule.xml")
    recording = f'<link href="{base}/recording.mp4">Video recording (MP4)</link>'
    playerfixtures.write_schedule(schedule, [("Janson", LIVE, -10, ""),
                                             ("K.3.201", RECORDED, -120, recording)])
    catalogue = os.path.join(folder, "catalogue")
    playerfixtures.write_catalogue(catalogue, schedule, base)
    session.preset_settings(window_width=1000, window_height=760)
    session.launch(os.environ["HALLWAY_BINARY"], schedule,
                   env={"HALLWAY_CATALOGUE_DIR": catalogue})
    window = session.find_window()
    with session.screenshot_on_failure("player-failure.png"):
        session.find(window, "label", "Player Test", timeout=60)
        check_live(session, window)
        check_recording(session, window)
    assert session.quit_app() == 0
    server.shutdown()
print("ok: Watch Live and Play Recording play in the player window; Space, Escape, Ctrl+W")
