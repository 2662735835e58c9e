#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Starts the real hallway on a private desktop, finds its window and the demo
conference's talks through AT-SPI, saves a screenshot and quits through app.quit."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")

with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.find(window, "list", "Sections")
    talks = session.find(window, "list", "Talks")
    # The bundled demo conference fills the first run.
    first_talk = session.find(talks, "list item", "Welcome: Why Conferences Still Matter")
    assert first_talk is not None
    path = session.screenshot(os.path.join(SCREENSHOTS, "smoke-window.png"))
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print(f"ok: window found, demo talks listed, screenshot {path}, clean quit")
