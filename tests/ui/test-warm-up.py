#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The web view warmed up after the first content frame is the one the first talk shows,
and it shows that talk's abstract: laid out, as tall as its text, and then the next talk's.
Through the real app on the bundled demo conference, over AT-SPI; the app's debug messages
say which view it used, HALLWAY_REPORT_TALK_TIMING when an abstract was laid out."""
import os
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
WARMING = "warming up a web view for the first abstract"
TAKEN = "the first abstract shown takes the warmed-up web view"
# Two demo talks, each with an abstract.
TALKS = {
    "Screen Readers": "Screen Readers and GTK 4: A Practical Tour",
    "Ministries": "A Free Desktop for Ministries: Three Years In",
}

lines = []
changed = threading.Condition()


def read_output(stream):
    for line in stream:
        with changed:
            lines.append(line.strip())
            changed.notify_all()


def wait_for_lines(predicate, what, count=1, timeout=30):
    with changed:
        if not changed.wait_for(lambda: sum(map(predicate, lines)) >= count, timeout):
            raise AssertionError(f"hallway never said {what}; it said: {lines}")


def abstract_height(session, page):
    article = session.find(page, "article", "Abstract", timeout=15)
    return article.queryComponent().getExtents(session.atspi.WINDOW_COORDS).height


with HeadlessSession() as session:
    session.launch(os.environ["HALLWAY_BINARY"],
                   env={"G_MESSAGES_DEBUG": "hallway-web-loader",
                        "HALLWAY_REPORT_TALK_TIMING": "1"},
                   stdout=subprocess.PIPE)
    threading.Thread(target=read_output, args=(session.app.stdout,), daemon=True).start()
    window = session.find_window("Hallway")
    session.find(window, "label", "Welcome: Why Conferences Still Matter", timeout=30)
    # After the first content frame, before any talk is opened.
    wait_for_lines(lambda line: WARMING in line, f"“{WARMING}”")

    for number, (query, title) in enumerate(TALKS.items(), start=1):
        session.window_action(window, "win.show-schedule")
        session.window_action(window, "win.search")
        session.set_text(session.find(window, "entry", "Search talks"), query)
        session.key("Return")
        page = session.page(window, title, timeout=15)
        wait_for_lines(lambda line: line.startswith("abstract-rendered-ms:"),
                       f"that the abstract of {title!r} was laid out", count=number)
        if number == 1:
            assert any(TAKEN in line for line in lines), \
                f"the first talk made a web view of its own: {lines}"
        height = abstract_height(session, page)
        # A line of text at least: an empty or unmeasured abstract is 0 pixels tall.
        assert height >= 15, f"the abstract of {title!r} is {height} pixels tall"
        session.screenshot(os.path.join(SCREENSHOTS, f"warm-up-talk-{number}.png"),
                           settle=1, window=window)

    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print("ok: the warmed-up web view showed the first talk's abstract, then the next one's")
