#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""`hallway --dump FILE`: JSON on stdout with no display at all; on bad input nothing on
stdout, one line on stderr naming the file, exit status 1. `hallway --version`: the version
and the git revision of the build."""
import json
import os
import subprocess
import tempfile
import unittest

HALLWAY = os.environ["HALLWAY_BINARY"]
DEMO = os.path.join(os.environ["HALLWAY_SOURCE_ROOT"], "data", "hallway-demo-conference.xml")


def dump(path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    return subprocess.run([HALLWAY, "--dump", path], capture_output=True, text=True, env=env,
                          timeout=60)


class DumpTest(unittest.TestCase):
    def test_demo_without_display(self):
        result = dump(DEMO)
        self.assertEqual(result.returncode, 0, result.stderr)
        document = json.loads(result.stdout)
        conference = document["conference"]
        self.assertEqual(conference["title"], "Hallway Demo Conference")
        self.assertEqual(conference["acronym"], "hallwaydemo")
        self.assertEqual(conference["time_zone"], "Europe/Brussels")
        events = document["events"]
        self.assertEqual(len(events), 7)
        keys = ("key", "id", "guid", "title", "start", "end", "room", "track", "type",
                "language", "persons")
        for event in events:
            self.assertEqual(sorted(event), sorted(keys))
        starts = [(event["start"], event["room"]) for event in events]
        self.assertEqual(starts, sorted(starts), "events sorted by start, then room")
        late = next(event for event in events if event["title"] == "Late Night Hacking Session")
        self.assertEqual(late["start"], "2027-02-06T23:30:00+01:00")
        self.assertEqual(late["end"], "2027-02-07T00:30:00+01:00", "crosses midnight")
        self.assertEqual(late["persons"], ["Jonas Äkerlund", "Timothée Lambert"])
        self.assertEqual(late["key"], "7d0d6a3e-0b0e-4d27-9a59-0d6f1f3c0004")

    def assert_refused(self, path, words):
        result = dump(path)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith(f"hallway: {path}: "), lines[0])
        self.assertIn(words, lines[0].lower())

    def test_missing_file(self):
        self.assert_refused("/nonexistent/schedule.xml", "no such file")

    def test_empty_file(self):
        with tempfile.NamedTemporaryFile(suffix=".xml") as empty:
            self.assert_refused(empty.name, "empty")

    def test_several_json_values(self):
        # json-glib reads "{}{}" as one array; json_parser_get_root() then aborted (134).
        for name in ("json-two-values.json", "json-array-then-object.json"):
            path = os.path.join(os.environ["HALLWAY_SOURCE_ROOT"], "tests", "data", name)
            self.assert_refused(path, "broken json")

    def test_html_page(self):
        # A server's 404 page where a schedule was expected (ours: tests/data).
        path = os.path.join(os.environ["HALLWAY_SOURCE_ROOT"], "tests", "data",
                            "hostile-web-page.html")
        self.assert_refused(path, "web page")


class LauncherTest(unittest.TestCase):
    """`hallway` starts hallway-cli, the model alone, for --dump and --export-agenda: a
    command-line run never loads GTK or libadwaita (it did: more than a quarter of a dump's
    time, issue 13); everything else reaches the app."""

    def loaded_libraries(self, *args, home=None):
        env = {key: value for key, value in os.environ.items()
               if key not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
        env["LD_DEBUG"] = "libs"
        if home is not None:
            for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
                env[name] = os.path.join(home, name.lower())
        result = subprocess.run([HALLWAY, *args], capture_output=True, text=True, env=env,
                                timeout=60)
        loaded = [line.split("calling init: ", 1)[1].strip()
                  for line in result.stderr.splitlines() if "calling init: " in line]
        self.assertTrue(any("libglib-2.0" in path for path in loaded), result.stderr[-2000:])
        return result, [os.path.basename(path) for path in loaded]

    def assert_no_gtk(self, libraries):
        for library in libraries:
            self.assertFalse(library.startswith(("libgtk-4", "libadwaita-1", "libportal")),
                             library)

    def test_dump_without_gtk(self):
        result, libraries = self.loaded_libraries("--dump", DEMO)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(json.loads(result.stdout)["conference"]["acronym"], "hallwaydemo")
        self.assert_no_gtk(libraries)

    def test_export_agenda_without_gtk(self):
        with tempfile.TemporaryDirectory() as home:
            export = os.path.join(home, "agenda.ics")
            result, libraries = self.loaded_libraries(f"--export-agenda={export}", home=home)
        self.assertEqual(result.returncode, 1)
        self.assertIn("no conference is followed yet", result.stderr)
        self.assert_no_gtk(libraries)

    def test_both_spellings(self):
        spaced = dump(DEMO)
        joined = subprocess.run([HALLWAY, f"--dump={DEMO}"], capture_output=True, text=True,
                                timeout=60)
        self.assertEqual(joined.returncode, 0, joined.stderr)
        self.assertEqual(joined.stdout, spaced.stdout)

    def test_help_is_the_apps(self):
        result = subprocess.run([HALLWAY, "--dump", DEMO, "--help"], capture_output=True,
                                text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        for option in ("--dump=", "--export-agenda=", "--conference=", "--version"):
            self.assertIn(option, result.stdout)


class TranslationTest(unittest.TestCase):
    """Uninstalled, as build-aux/dev runs it, the app speaks the language asked for."""

    def help_text(self, locale):
        env = dict(os.environ, LC_ALL=locale)
        env.pop("LANGUAGE", None)
        result = subprocess.run([HALLWAY, "--help"], capture_output=True, text=True, env=env,
                                timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_help_in_french_and_german(self):
        self.assertIn("Print the version and exit", self.help_text("C.UTF-8"))
        self.assertIn("Afficher la version et quitter", self.help_text("fr_FR.UTF-8"))
        self.assertIn("Die Version ausgeben und beenden", self.help_text("de_DE.UTF-8"))


class VersionTest(unittest.TestCase):
    def test_version_and_revision(self):
        env = {key: value for key, value in os.environ.items()
               if key not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
        result = subprocess.run([HALLWAY, "--version"], capture_output=True, text=True,
                                env=env, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        line = result.stdout.strip()
        self.assertTrue(line.startswith(f"hallway {os.environ['HALLWAY_VERSION']}"), line)
        try:
            revision = subprocess.run(
                ["git", "-C", os.environ["HALLWAY_SOURCE_ROOT"], "rev-parse", "--short", "HEAD"],
                capture_output=True, text=True, timeout=60)
        except FileNotFoundError:
            self.skipTest("no git: the revision is not checked")
        if revision.returncode != 0:
            # A tarball: vcs_tag () falls back to the version, and nothing follows it.
            self.assertEqual(line, f"hallway {os.environ['HALLWAY_VERSION']}")
            return
        self.assertRegex(line, r"^hallway \S+ \(git [0-9a-f]+(-dirty)?\)$")
        self.assertIn(f"(git {revision.stdout.strip()}", line)


class LauncherTest(unittest.TestCase):
    """`hallway` asks glibc's malloc for huge pages for the command line's programs (a third
    of a dump's time was page faults, issue 13) and for nothing else; a user's own
    GLIBC_TUNABLES is kept. Stand-in programs in a folder of their own print what they got."""

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        for program in ("hallway-cli", "hallway-gui"):
            path = os.path.join(self.folder.name, program)
            with open(path, "w") as script:
                script.write(f"#!/bin/sh\necho \"{program} $GLIBC_TUNABLES\"\n")
            os.chmod(path, 0o755)

    def tearDown(self):
        self.folder.cleanup()

    def started(self, args, tunables=None):
        env = {key: value for key, value in os.environ.items() if key != "GLIBC_TUNABLES"}
        env["HALLWAY_LIBEXEC_DIR"] = self.folder.name
        if tunables is not None:
            env["GLIBC_TUNABLES"] = tunables
        result = subprocess.run([HALLWAY, *args], capture_output=True, text=True, env=env,
                                timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip()

    def test_command_line_gets_huge_pages(self):
        self.assertEqual(self.started(["--dump", DEMO]), "hallway-cli glibc.malloc.hugetlb=1")
        self.assertEqual(self.started(["--export-agenda=agenda.ics"]),
                         "hallway-cli glibc.malloc.hugetlb=1")

    def test_users_tunables_kept(self):
        self.assertEqual(self.started(["--dump", DEMO], "glibc.malloc.arena_max=2"),
                         "hallway-cli glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1")
        self.assertEqual(self.started(["--dump", DEMO], "glibc.malloc.hugetlb=0"),
                         "hallway-cli glibc.malloc.hugetlb=0")

    def test_window_unchanged(self):
        self.assertEqual(self.started([]), "hallway-gui")
        self.assertEqual(self.started(["--dump", DEMO, "--help"]), "hallway-gui")
        self.assertEqual(self.started([], "glibc.malloc.arena_max=2"),
                         "hallway-gui glibc.malloc.arena_max=2")


class WebDumpTest(unittest.TestCase):
    """`hallway --dump URL` fetches with the app's fetcher (no cache), from a loopback
    server: the same JSON as for the file; one line naming the URL on failure."""

    @classmethod
    def setUpClass(cls):
        import functools
        import http.server
        import threading

        with open(DEMO, "rb") as demo:
            pages = {"/schedule.xml": (200, "application/xml", demo.read()),
                     "/error.html": (200, "text/html",
                                     b"<!DOCTYPE html><html><body>Maintenance</body></html>")}

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path not in pages:
                    self.send_error(404, "Not Found")
                    return
                status, content_type, body = pages[self.path]
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.thread = threading.Thread(target=functools.partial(cls.server.serve_forever, 0.1),
                                      daemon=True)
        cls.thread.start()
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls.thread.join()

    def test_same_json_as_the_file(self):
        from_file = dump(DEMO)
        from_web = dump(self.base + "/schedule.xml")
        self.assertEqual(from_web.returncode, 0, from_web.stderr)
        self.assertEqual(from_web.stderr, "")
        self.assertEqual(json.loads(from_web.stdout), json.loads(from_file.stdout))

    def assert_refused_url(self, url, words):
        result = dump(url)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertTrue(lines[0].startswith(f"hallway: {url}: "), lines[0])
        self.assertIn(words, lines[0].lower())

    def test_not_found(self):
        self.assert_refused_url(self.base + "/missing.xml", "the server answered 404 not found")

    def test_web_page(self):
        self.assert_refused_url(self.base + "/error.html", "web page")

    def test_nobody_listening(self):
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.assert_refused_url(f"http://127.0.0.1:{port}/schedule.xml", "refused")


if __name__ == "__main__":
    unittest.main(verbosity=2)
