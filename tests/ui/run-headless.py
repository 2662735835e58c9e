#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""`build-aux/dev run` on a machine with no display: start Hallway on a virtual X display,
save a screenshot of its window, say where, and quit."""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--screenshot", required=True)
parser.add_argument("args", nargs="*")
options = parser.parse_args()

with HeadlessSession() as session:
    session.launch("hallway", *options.args)
    session.find_window()
    path = session.screenshot(options.screenshot, settle=2)
    session.quit_app()
print(f"Hallway ran on a virtual display; its window is in {path}")
