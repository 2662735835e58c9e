#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The desktop's search over D-Bus (issue 15), as GNOME Shell and KRunner call it.

Hallway follows a conference at a loopback URL once (with a window), and quits. From then
on the server fails the test if anything asks it: results come from the cache. Hallway is
started as D-Bus activation starts it (--gapplication-service), at the bus name and object
paths its installed .search-provider.ini and KRunner .desktop file give, and asked:
results by a speaker's accented name, a room, a track, none by a word of an abstract; a subsearch; the metas' exact
title and "day time–time · room"; KRunner's matches. Started only for search, it quits on
its own after its inactivity timeout. Started again with Show Local Time on in Tokyo, the
times are Tokyo's; ActivateResult opens the talk's page in a window, LaunchSearch opens the schedule's search with the terms, and KRunner's Run
opens another talk."""
import configparser
import http.server
import json
import os
import subprocess
import sys
import threading
import time

import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import APP_ID, HeadlessSession  # noqa: E402

HALLWAY = os.environ["HALLWAY_BINARY"]
SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
FIXTURE = os.path.join(os.environ["HALLWAY_SOURCE_ROOT"], "tests", "data", "desktop-search.xml")
SHELL = "org.gnome.Shell.SearchProvider2"
KRUNNER = "org.kde.krunner1"
CONFERENCE = "Desktop Search Test Conference"
ALLOCATORS = "c0ffee00-desktop-search-0101"
INDEXES = "c0ffee00-desktop-search-0102"
GARDENING = "c0ffee00-desktop-search-0201"
# The service stays this long after its last call (SERVICE_INACTIVITY_TIMEOUT_MS).
INACTIVITY_SECONDS = 10


class Schedule(http.server.BaseHTTPRequestHandler):
    """Serves the fixture until closed; any request after that is a failure of the test."""
    closed = False
    late_requests = []

    def do_GET(self):
        if Schedule.closed:
            Schedule.late_requests.append(self.path)
        with open(FIXTURE, "rb") as schedule:
            body = schedule.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def installed_files():
    """Bus name and paths as the desktops read them from the files meson installs."""
    ini = configparser.ConfigParser(interpolation=None)
    ini.optionxform = str
    ini.read(os.environ["HALLWAY_SEARCH_PROVIDER_INI"], encoding="utf-8")
    shell = ini["Shell Search Provider"]
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(os.environ["HALLWAY_KRUNNER_DESKTOP"], encoding="utf-8")
    runner = desktop["Desktop Entry"]
    assert shell["Version"] == "2" and shell["DesktopId"] == APP_ID + ".desktop", dict(shell)
    assert runner["X-Plasma-API"] == "DBus", dict(runner)
    # Off until the person switches them on (the build's default, as Flathub wants).
    assert shell["DefaultDisabled"] == "true", dict(shell)
    assert runner["X-KDE-PluginInfo-EnabledByDefault"] == "false", dict(runner)
    return (shell["BusName"], shell["ObjectPath"],
            runner["X-Plasma-DBusRunner-Service"], runner["X-Plasma-DBusRunner-Path"])


class Desktop:
    """Calls the app as GNOME Shell and KRunner do."""

    def __init__(self, session):
        self.bus = Gio.DBusConnection.new_for_address_sync(
            session.bus_address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
            | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
        self.name, self.shell_path, krunner_name, self.krunner_path = installed_files()
        assert krunner_name == self.name, (krunner_name, self.name)

    def wait_for_service(self, process, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert process.poll() is None, f"hallway exited with {process.returncode}"
            owned = self.bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       GLib.Variant("(s)", (self.name,)), None,
                                       Gio.DBusCallFlags.NONE, -1, None).unpack()[0]
            if owned:
                return
            time.sleep(0.1)
        raise AssertionError(f"{self.name} did not appear on the bus")

    def call(self, path, interface, method, signature=None, *args):
        parameters = GLib.Variant(signature, args) if signature else None
        reply = self.bus.call_sync(self.name, path, interface, method, parameters, None,
                                   Gio.DBusCallFlags.NONE, 20000, None)
        return reply.unpack() if reply is not None else ()

    def shell(self, method, signature=None, *args):
        return self.call(self.shell_path, SHELL, method, signature, *args)

    def krunner(self, method, signature=None, *args):
        return self.call(self.krunner_path, KRUNNER, method, signature, *args)


def conference_id(session):
    library = os.path.join(session.env["XDG_DATA_HOME"], APP_ID, "library.json")
    with open(library, encoding="utf-8") as stored:
        conferences = json.load(stored)["conferences"]
    assert len(conferences) == 1, conferences
    return conferences[0]["id"]


def follow(session, url):
    """Hallway follows the URL once, with a window, and quits: the schedule is cached."""
    session.launch(HALLWAY, url)
    window = session.find_window()
    session.find(window, "label", CONFERENCE, timeout=60)
    assert session.quit_app() == 0


def check_results(desktop, ids):
    allocators, indexes, gardening = ids
    # A speaker typed without the accent; a room; a track; two words, both needed.
    assert desktop.shell("GetInitialResultSet", "(as)", ["timothee"]) == ([allocators],)
    assert desktop.shell("GetInitialResultSet", "(as)", ["JANSON"]) == ([allocators, gardening],)
    assert desktop.shell("GetInitialResultSet", "(as)", ["databases"]) == ([indexes],)
    assert desktop.shell("GetInitialResultSet", "(as)", ["strasse"]) == ([indexes],)
    assert desktop.shell("GetInitialResultSet", "(as)", ["janson", "nothing"]) == ([],)
    # Names, not abstracts: "planner" is only in the abstract of Indexes on the Straße.
    assert desktop.shell("GetInitialResultSet", "(as)", ["planner"]) == ([],)
    assert desktop.shell("GetSubsearchResultSet", "(asas)", [allocators, gardening],
                         ["janson", "gtk"]) == ([gardening],)

    metas = desktop.shell("GetResultMetas", "(as)", [allocators, gardening])[0]
    assert [(meta["id"], meta["name"], meta["description"]) for meta in metas] == [
        (allocators, "Allocators Without Tears", "Sat 1 Feb, 10:30–10:55 · Janson"),
        (gardening, "Gardening with GTK", "Sun 2 Feb, 14:00–14:40 · Janson"),
    ], metas

    matches = desktop.krunner("Match", "(s)", "timothée")[0]
    assert [(m[0], m[1], m[5]["subtext"]) for m in matches] == [
        (allocators, "Allocators Without Tears", "Sat 1 Feb, 10:30–10:55 · Janson")], matches
    assert desktop.krunner("Actions") == ([],)


def check_exits_when_idle(session, desktop, ids):
    """Started only for search, it answers and then goes after its inactivity timeout."""
    process = session.launch(HALLWAY, "--gapplication-service")
    desktop.wait_for_service(process)
    check_results(desktop, ids)
    time.sleep(3)
    assert process.poll() is None, "hallway quit before its inactivity timeout"
    try:
        status = process.wait(INACTIVITY_SECONDS + 30)
    except subprocess.TimeoutExpired:
        raise AssertionError("hallway, started only for search, did not quit when idle")
    assert status == 0, status


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def check_opens(session, desktop, ids):
    """With Show Local Time on, in Tokyo: the times in results are Tokyo's too. Then
    opening a result, "more results" and KRunner's Run."""
    allocators, indexes, gardening = ids
    session.preset_settings(show_local_time="true")
    process = session.launch(HALLWAY, "--gapplication-service", env={"TZ": "Asia/Tokyo"})
    desktop.wait_for_service(process)
    metas = desktop.shell("GetResultMetas", "(as)", [allocators])[0]
    assert metas[0]["description"] == "Sat 1 Feb, 18:30–18:55 · Janson", metas
    desktop.shell("ActivateResult", "(sasu)", allocators, ["timothee"], 0)
    window = session.find_window()
    session.page(window, "Allocators Without Tears", timeout=30)
    session.find(window, "label", "Timothée Ravier")
    session.screenshot(os.path.join(SCREENSHOTS, "desktop-search-activated.png"), window=window)

    desktop.shell("LaunchSearch", "(asu)", ["gtk", "garden"], 0)
    schedule = session.page(window, "Schedule")
    entry = session.find(schedule, "entry", "Search talks")
    assert text_of(entry) == "gtk garden", text_of(entry)
    session.find(schedule, "label", "Gardening with GTK")
    session.screenshot(os.path.join(SCREENSHOTS, "desktop-search-launched.png"), window=window)

    desktop.krunner("Run", "(ss)", indexes, "")
    session.page(window, "Indexes on the Straße", timeout=30)
    assert session.quit_app() == 0


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Schedule)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/desktop-search.xml"
    try:
        with HeadlessSession() as session:
            session.env["LANG"] = session.env["LC_ALL"] = "C.UTF-8"
            desktop = Desktop(session)
            try:
                follow(session, url)
                Schedule.closed = True
                ids = [f"{conference_id(session)}/{key}" for key in (ALLOCATORS, INDEXES, GARDENING)]
                check_exits_when_idle(session, desktop, ids)
                check_opens(session, desktop, ids)
            except Exception:
                print("failed; the screen is in",
                      session.screenshot(os.path.join(SCREENSHOTS, "desktop-search-failure.png")))
                raise
        assert Schedule.late_requests == [], f"asked the network: {Schedule.late_requests}"
    finally:
        server.shutdown()
    print("ok")


main()
