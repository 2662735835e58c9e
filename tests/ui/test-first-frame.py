#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The window's first frame shows the conference when it is cached (issue 13): the library
reads the current conference while GTK starts, and the window waits for it. Hallway follows
the bundled demo's file once (which caches it), then starts again and reports its frames
(HALLWAY_REPORT_FIRST_FRAME): the first frame painted must be the one with the conference.
Before, the window showed an empty frame first and the conference a frame or more later."""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

HALLWAY = os.environ["HALLWAY_BINARY"]
SCHEDULE = os.environ["HALLWAY_DEMO_CONFERENCE"]


def home_env(folder):
    return {name: os.path.join(folder, name.lower()) for name in
            ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME")}


def frames(session, argv, home):
    """The frame counters hallway reports: {"first-frame": n, "content-frame": m}."""
    env = dict(session.env, HALLWAY_REPORT_FIRST_FRAME="1", NO_AT_BRIDGE="1", **home)
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, text=True)
    counters = {}
    try:
        for line in process.stdout:
            what, _, value = line.partition("-counter:")
            if value:
                counters[what] = int(value)
            if "content-frame" in counters and "first-frame" in counters:
                break
    finally:
        process.terminate()
        process.wait(10)
    assert "content-frame" in counters, f"{argv} never painted the conference: {counters}"
    return counters


with HeadlessSession() as session:
    home = home_env(tempfile.mkdtemp(prefix="hallway-first-frame-"))
    # Follows the file: its schedule is cached, and it is the current conference.
    frames(session, [HALLWAY, SCHEDULE], home)
    time.sleep(1)  # the library and the cache are written in the background
    counters = frames(session, [HALLWAY], home)
    assert counters["content-frame"] == counters["first-frame"], (
        f"the conference came in frame {counters['content-frame']}, "
        f"after an empty first frame ({counters['first-frame']})")
print(f"ok: the cached conference is in the first frame ({counters})")
