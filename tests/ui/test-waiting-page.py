#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""A followed conference with no schedule in the window yet (its cache was cleared, or it was
just added) says so, through the real app and AT-SPI. Before, the content side stayed blank,
without even a close button. Over a loopback server:

  - the cache is cleared and the server answers 404: the window says "Schedule Not
    Available" with the URL and what is wrong, and offers Try Again;
  - the schedule is back but the server holds its answer: Try Again shows "Downloading the
    Schedule" (it must not look failed or blank while it waits);
  - the server answers: the schedule's talks replace the page;
  - the cache cleared again and the download module missing (a broken installation): the
    page says so, naming the URL and the missing file, and nothing is asked of the
    server."""
import functools
import glob
import http.server
import os
import shutil
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
DEMO = os.environ["HALLWAY_DEMO_CONFERENCE"]
TITLE = "Waiting Test Conference"
TALK = "Welcome: Why Conferences Still Matter"
BUTTON = ("push button", "button")  # the role's name differs between AT-SPI versions
TEXT = ("label", "heading")  # a status page's title is a heading in newer libadwaita


class Server:
    """Serves schedule.xml from a folder; `missing` makes it 404, `held` makes it wait."""

    def __init__(self, folder):
        self.missing = False
        self.held = threading.Event()
        self.held.set()
        self.requests = 0
        handler = functools.partial(self.Handler, self, directory=folder)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/schedule.xml"

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, server, *args, **kwargs):
            self.owner = server
            super().__init__(*args, **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            self.owner.requests += 1
            if self.owner.missing:
                self.send_error(404)
                return
            self.owner.held.wait(60)
            super().do_GET()


def write_schedule(path):
    with open(DEMO, encoding="utf-8") as demo:
        text = demo.read()
    old = "<title>Hallway Demo Conference</title>"
    assert old in text
    with open(path, "w", encoding="utf-8") as schedule:
        schedule.write(text.replace(old, f"<title>{TITLE}</title>"))


with tempfile.TemporaryDirectory(prefix="hallway-waiting-") as folder, \
        HeadlessSession() as session:
    write_schedule(os.path.join(folder, "schedule.xml"))
    server = Server(folder)

    # Followed once, so the library knows it; then its cache is cleared.
    session.launch(os.environ["HALLWAY_BINARY"], server.url)
    window = session.find_window("Hallway")
    session.find(window, "label", TALK, timeout=60)
    assert session.quit_app() == 0
    caches = glob.glob(os.path.join(session.env["XDG_CACHE_HOME"], "*", "schedules"))
    assert len(caches) == 1, caches
    shutil.rmtree(caches[0])

    server.missing = True
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    with session.screenshot_on_failure("waiting-page.png"):
        session.find(window, TEXT, "Schedule Not Available", timeout=60)
        session.find(window, TEXT, lambda name: server.url in name and "404" in name)
        try_again = session.find(window, BUTTON, "Try Again")
        session.screenshot(os.path.join(SCREENSHOTS, "waiting-not-available.png"), window=window)

        server.missing = False
        server.held.clear()
        asked = server.requests
        session.press(try_again)
        session.find(window, TEXT, "Downloading the Schedule", timeout=30)
        assert server.requests > asked, "Try Again did not ask the server again"
        session.screenshot(os.path.join(SCREENSHOTS, "waiting-downloading.png"), window=window)

        server.held.set()
        session.find(window, "label", TALK, timeout=60)
        for role in TEXT:
            assert not session.find_all(window, role, lambda name: name in (
                "Downloading the Schedule", "Schedule Not Available")), (
                "the waiting page stayed after the schedule came")
    assert session.quit_app() == 0

    shutil.rmtree(caches[0])
    modules = session.modules_without("libhallway-http.so")
    asked = server.requests
    session.launch(os.environ["HALLWAY_BINARY"], env={"HALLWAY_MODULE_DIR": modules})
    window = session.find_window("Hallway")
    with session.screenshot_on_failure("waiting-page-no-module.png"):
        session.find(window, TEXT, "Schedule Not Available", timeout=60)
        # The page's own text, not the sidebar's "Could not update: …"
        message = session.find(window, TEXT, lambda name: name.startswith(server.url + ": ") and
                               "download support is missing" in name)
        assert os.path.join(modules, "libhallway-http.so") in message.name, message.name
        assert server.requests == asked, "a download went out without the download module"
        session.screenshot(os.path.join(SCREENSHOTS, "waiting-no-http-module.png"),
                           window=window)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
    server.httpd.shutdown()
print("ok: a conference with no schedule yet says it is downloading, or why it is not there")
