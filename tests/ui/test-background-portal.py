#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Reminders with the window closed need the background portal's permission inside Flatpak.
Through the real app and a fake portal (python-dbusmock) on the session bus:

  - bookmarking a talk whose reminder is to come asks the portal: the window as the dialog's
    parent (x11:…), the reason a person reads, no autostart (the "start-at-login" default),
    and `hallway --gapplication-service` as what would start at login;
  - a start with that reminder pending asks again, after the window's first frame (the
    request and libportal's module wait for it, issue 13), so again with the window as
    parent; with "start-at-login" on, with autostart;
  - without the portal module (a broken installation), a start with that reminder pending
    shows its window, asks nothing and says which file is missing.
"""
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession, SessionError, _wait_for  # noqa: E402

TITLE = "A Free Desktop for Ministries: Three Years In"
REASON = "Hallway reminds you of your bookmarked talks with its window closed"
PORTAL = ["gdbus", "call", "--session", "--dest", "org.freedesktop.portal.Desktop",
          "--object-path", "/org/freedesktop/portal/desktop"]


def start_fake_portal(session):
    """The portal's Background interface; RequestBackground answers with a request handle
    (and never with a Response: the app does not wait for one)."""
    mock = subprocess.Popen([sys.executable, "-m", "dbusmock", "org.freedesktop.portal.Desktop",
                             "/org/freedesktop/portal/desktop",
                             "org.freedesktop.portal.Background"],
                            env=session.env, stdout=subprocess.DEVNULL)
    session.processes.append(mock)
    time.sleep(1)
    subprocess.run(PORTAL + ["--method", "org.freedesktop.DBus.Mock.AddMethod",
                             "org.freedesktop.portal.Background", "RequestBackground", "sa{sv}",
                             "o", 'ret = dbus.ObjectPath("/org/freedesktop/portal/desktop/'
                             'request/1/hallway")'],
                   env=session.env, check=True, stdout=subprocess.DEVNULL)


def requests(session):
    """The RequestBackground calls the portal saw, as gdbus prints each one's arguments."""
    calls = subprocess.run(PORTAL + ["--method", "org.freedesktop.DBus.Mock.GetCalls"],
                           env=session.env, capture_output=True, text=True, check=True).stdout
    return re.findall(r"'RequestBackground', \[(.*?)\]\)", calls)


def wait_for_requests(session, count, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen = requests(session)
        if len(seen) >= count:
            return seen
        time.sleep(0.5)
    raise SessionError(f"the portal saw {len(requests(session))} background requests, "
                       f"not {count}")


def logged_line(path, text):
    """The first line of the log at path that holds text, or None."""
    with open(path, encoding="utf-8") as log:
        return next((line for line in log if text in line), None)


def assert_request(request, autostart):
    assert re.match(r"<'x11:[0-9a-fx]+'>", request), f"no window as parent: {request}"
    assert f"'reason': <'{REASON}'>" in request, request
    assert f"'autostart': <{'true' if autostart else 'false'}>" in request, request
    assert "'commandline': <['hallway', '--gapplication-service']>" in request, request


with HeadlessSession() as session:
    start_fake_portal(session)
    with session.screenshot_on_failure("background-portal-failure.png"):
        session.launch(os.environ["HALLWAY_BINARY"])
        window = session.find_window("Hallway")
        schedule = session.page(window, "Schedule")
        session.search_and_open(schedule, "Free Desktop for Ministries")
        session.page(window, TITLE)
        assert requests(session) == [], "asked before a reminder was to come"
        session.window_action(window, "win.bookmark")  # Ctrl+D
        first = wait_for_requests(session, 1)
        assert_request(first[0], autostart=False)
        assert session.quit_app() == 0

        session.preset_settings(start_at_login="true")
        session.launch(os.environ["HALLWAY_BINARY"])
        session.find_window("Hallway")
        again = wait_for_requests(session, 2)
        assert_request(again[1], autostart=True)
        assert session.quit_app() == 0

        modules = session.modules_without("libhallway-portal.so")
        log = os.path.join(modules, "stderr.txt")
        with open(log, "w", encoding="utf-8") as stderr:
            session.launch(os.environ["HALLWAY_BINARY"], env={"HALLWAY_MODULE_DIR": modules},
                           stderr=stderr)
        session.find_window("Hallway")
        warning = _wait_for(lambda: logged_line(log, "Cannot ask the background portal"), 30,
                            "hallway to log that it cannot ask the background portal")
        assert os.path.join(modules, "libhallway-portal.so") in warning, warning
        assert len(requests(session)) == 2, "asked the portal without its module"
        assert session.quit_app() == 0
print("ok: a reminder to come asks the background portal, with the window as parent, at "
      "bookmarking and after the first frame of a start; without the portal module, a start "
      "says which file is missing")
