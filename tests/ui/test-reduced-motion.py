#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Reduced motion is respected (issue 15): with gtk-enable-animations false (GNOME's
Settings › Accessibility › Reduce Animation), a talk opened from the schedule is shown in
the frame it was asked for: no slide. The app reports each navigation page's transition
with HALLWAY_REPORT_TRANSITIONS (frames painted between its start and its end). The same
steps with animations on must take frames, or the check could not fail. Wide and narrow
(360 px)."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, SessionError  # noqa: E402

TALK = "A Free Desktop for Ministries: Three Years In"


def transitions(log_path):
    """(frames, title) of each page shown so far."""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        return [(int(line.split()[1]), line.split(maxsplit=2)[2].strip())
                for line in log if line.startswith("page-shown: ")]


def wait_for_shown(log_path, title, count, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = [frames for frames, shown_title in transitions(log_path) if shown_title == title]
        if len(shown) >= count:
            return shown[count - 1]
        time.sleep(0.1)
    raise SessionError(f"'{title}' was not shown {count} times: {transitions(log_path)}")


def navigate(session, log_path):
    """Opens a talk, goes back to the schedule, opens it again. Returns the frames each
    opening took."""
    window = session.find_window()
    session.find(window, "label", "Hallway Demo Conference", timeout=60)
    frames = []
    for attempt in (1, 2):
        session.window_action(window, "win.show-schedule")
        session.search_and_open(session.page(window, "Schedule"), "Ministries")
        frames.append(wait_for_shown(log_path, TALK, attempt))
        session.page(window, TALK)
        time.sleep(1)
    return frames


def run_with(session, animations, narrow):
    folder = os.path.join(session.env["XDG_CONFIG_HOME"], "gtk-4.0")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "settings.ini"), "w", encoding="utf-8") as settings:
        settings.write(f"[Settings]\ngtk-enable-animations={'true' if animations else 'false'}\n")
    width, height = (360, 700) if narrow else (1000, 700)
    session.preset_settings(window_width=width, window_height=height)
    with tempfile.NamedTemporaryFile("w+", prefix="hallway-motion-", suffix=".log") as log:
        session.launch(os.environ["HALLWAY_BINARY"], env={"HALLWAY_REPORT_TRANSITIONS": "1"},
                       stdout=log)
        try:
            frames = navigate(session, log.name)
        finally:
            assert session.quit_app() == 0
    return frames


with HeadlessSession() as session:
    for narrow in (False, True):
        layout = "narrow" if narrow else "wide"
        still = run_with(session, animations=False, narrow=narrow)
        moving = run_with(session, animations=True, narrow=narrow)
        print(f"{layout}: frames per transition, reduced motion {still}, animated {moving}")
        assert all(frames == 0 for frames in still), \
            f"{layout}: pages slid with animations off: {still} frames"
        assert all(frames > 1 for frames in moving), \
            f"{layout}: with animations on the pages did not slide ({moving} frames): " \
            "the check cannot tell"
print("ok: with animations off every page is shown in the frame it was opened in")
