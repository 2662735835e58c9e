#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The player when a stream cannot be played (issue 16), never a black window: Hallway runs
with GStreamer's H.264 decoders turned off (GST_PLUGIN_FEATURE_RANK, as a GNOME runtime
without the codecs extension has none), a talk runs now in Janson, whose stream (H.264, made
now with GStreamer) is served on loopback, and one in K.3.201, whose stream the server does
not have (404). Through the accessibility tree: each Watch Live opens a player window that
says "Cannot Play the Video", why (a codec is missing; the address that failed) and offers
Open in Browser, which opens the room's web page (https://live.fosdem.org/watch/<room>) in
the default browser (a fake one that writes down what it is given). Screenshots:
screenshots/player-missing-codec.png, screenshots/player-not-found.png. Then once more with
GStreamer's GTK 4 video sink (gtk4paintablesink) out of GStreamer's reach: the player says it
is not installed, and offers the browser (screenshots/player-no-backend.png). Last, with the
player module (libhallway-player, which alone links GStreamer) missing from Hallway's module
folder: the player names the missing file and offers the browser
(screenshots/player-no-module.png)."""
import glob
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import playerfixtures  # noqa: E402
from hallwaysession import HeadlessSession, serve_folder, unnamed_controls  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
NO_CODEC = "A Talk Without a Codec"
NOT_FOUND = "A Talk Without a Stream"
NO_H264 = ",".join(f"{decoder}:NONE" for decoder in
                   ("avdec_h264", "openh264dec", "vah264dec", "vah264lpdec", "v4l2h264dec"))


def check(session, window, opened, talk, expected, web, picture):
    page = playerfixtures.open_talk(session, window, talk)
    session.find(page, "list item", "Watch Live", timeout=20)
    playerfixtures.activate(session, window, "Watch Live")
    player = session.find_window(talk, timeout=20)
    session.find(player, "label", "Cannot Play the Video", timeout=45)
    description = session.find(player, "label", lambda text: expected[0] in text)
    for words in expected:
        assert words in description.name, (words, description.name)
    # GStreamer's words, not its debugging lines ("../gst/…c(1070): …", element paths).
    assert ".c(" not in description.name and "GstPlayBin" not in description.name, \
        description.name
    assert unnamed_controls(session, player) == [], unnamed_controls(session, player)
    session.screenshot(os.path.join(SCREENSHOTS, picture), window=player)
    buttons = [button for role in ("push button", "button")
               for button in session.find_all(player, role, lambda name: name == "Open in Browser")]
    assert len(buttons) == 2, [button.name for button in buttons]  # header bar, status page
    session.press(buttons[-1])
    session.wait_for_browser(opened, web)
    session.key("Escape")
    deadline = time.monotonic() + 10
    while player.getState().contains(session.atspi.STATE_SHOWING) and \
            time.monotonic() < deadline:
        time.sleep(0.2)


with tempfile.TemporaryDirectory(prefix="hallway-player-errors-") as folder, \
        HeadlessSession(width=1400, height=900) as session:
    streams = os.path.join(folder, "streams")
    os.makedirs(streams)
    playerfixtures.make_hls(streams, "janson", seconds=6)
    server = serve_folder(streams)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    schedule = os.path.join(folder, "schedule.xml")
    playerfixtures.write_schedule(schedule, [("Janson", NO_CODEC, -10, ""),
                                             ("K.3.201", NOT_FOUND, -5, "")])
    catalogue = os.path.join(folder, "catalogue")
    playerfixtures.write_catalogue(catalogue, schedule, base)
    opened = session.install_fake_browser()
    session.preset_settings(window_width=1000, window_height=760)
    session.launch(os.environ["HALLWAY_BINARY"], schedule,
                   env={"HALLWAY_CATALOGUE_DIR": catalogue, "GST_PLUGIN_FEATURE_RANK": NO_H264})
    window = session.find_window()
    with session.screenshot_on_failure("player-errors-failure.png"):
        session.find(window, "label", "Player Test", timeout=60)
        check(session, window, opened, NO_CODEC, ["No codec for H.264", f"{base}/janson.m3u8"],
              "https://live.fosdem.org/watch/janson", "player-missing-codec.png")
        check(session, window, opened, NOT_FOUND, [f"{base}/k3201.m3u8", "not found"],
              "https://live.fosdem.org/watch/k3201", "player-not-found.png")
        assert opened() == ["https://live.fosdem.org/watch/janson",
                            "https://live.fosdem.org/watch/k3201"], opened()
    assert session.quit_app() == 0

    # GStreamer without gtk4paintablesink: its own registry of every system plugin but gtk4.
    plugins_dir = subprocess.run(["pkg-config", "--variable=pluginsdir", "gstreamer-1.0"],
                                 check=True, capture_output=True, text=True).stdout.strip()
    plugins = os.path.join(folder, "plugins")
    os.makedirs(plugins)
    for plugin in glob.glob(os.path.join(plugins_dir, "libgst*.so")):
        if os.path.basename(plugin) != "libgstgtk4.so":
            os.symlink(plugin, os.path.join(plugins, os.path.basename(plugin)))
    assert os.path.exists(os.path.join(plugins_dir, "libgstgtk4.so")), plugins_dir
    session.launch(os.environ["HALLWAY_BINARY"], schedule,
                   env={"HALLWAY_CATALOGUE_DIR": catalogue, "GST_PLUGIN_SYSTEM_PATH_1_0": plugins,
                        "GST_PLUGIN_PATH_1_0": "", "GST_PLUGIN_PATH": "",
                        "GST_REGISTRY_1_0": os.path.join(folder, "registry.bin")})
    window = session.find_window()
    with session.screenshot_on_failure("player-errors-failure.png"):
        session.find(window, "label", "Player Test", timeout=60)
        check(session, window, opened, NO_CODEC, ["GTK 4 video sink (gtk4paintablesink)"],
              "https://live.fosdem.org/watch/janson", "player-no-backend.png")
    assert session.quit_app() == 0

    # A broken installation: the other modules are there, the player module is not.
    modules = session.modules_without("libhallway-player.so")
    session.launch(os.environ["HALLWAY_BINARY"], schedule,
                   env={"HALLWAY_CATALOGUE_DIR": catalogue, "HALLWAY_MODULE_DIR": modules})
    window = session.find_window()
    with session.screenshot_on_failure("player-errors-failure.png"):
        session.find(window, "label", "Player Test", timeout=60)
        check(session, window, opened, NO_CODEC,
              ["video player is missing or broken", f"{base}/janson.m3u8",
               os.path.join(modules, "libhallway-player.so")],
              "https://live.fosdem.org/watch/janson", "player-no-module.png")
    assert session.quit_app() == 0
    server.shutdown()
print("ok: a missing codec, stream, video sink or player module says so and offers the browser")
