#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Hallway must never become the default app for .ics files by accident.

The desktop file lists no calendar MIME type. With none set as default, GIO (Files, GNOME
Shell, xdg-open) picks the first handler in XDG_DATA_DIRS order, and a Flatpak session puts
the Flatpak exports before /usr/share: a Hallway that listed text/calendar would take .ics
files away from the calendar the system came with. Schedules in iCalendar open through
Open Schedule File…, drag and drop and `hallway FILE`.

The check reads the built desktop file, then builds that situation (Hallway in a Flatpak
exports folder, a calendar in /usr/share) and asks GIO for the default: the calendar must
win, and must lose when MimeType=text/calendar is put back, which shows the check can fail.

  check-calendar-handler.py DESKTOP-FILE
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CALENDAR_TYPES = {"text/calendar", "text/x-vcalendar", "application/ics"}
ASK_GIO = """
import json, sys
import gi
gi.require_version("Gio", "2.0")
from gi.repository import Gio
default = Gio.AppInfo.get_default_for_type("text/calendar", False)
print(json.dumps({"default": default.get_id() if default else None,
                  "all": [app.get_id() for app in Gio.AppInfo.get_all_for_type("text/calendar")]}))
"""


def entries(text):
    group, values = None, {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            group = line
        elif group == "[Desktop Entry]" and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def gio_choice(hallway_entry, desktop_id):
    """What GIO picks for text/calendar with Hallway exported by Flatpak before a
    calendar in /usr/share, and no default set anywhere."""
    with tempfile.TemporaryDirectory() as home:
        exports = os.path.join(home, "flatpak", "exports", "share")
        system = os.path.join(home, "usr", "share")
        for folder in (exports, system):
            os.makedirs(os.path.join(folder, "applications"))
        # GIO hides an app whose program is missing, and `hallway` is not installed here;
        # a Flatpak's exported entry runs `flatpak run`, which is. So: `true`, same arguments.
        entry = re.sub(r"(?m)^TryExec=.*\n", "", hallway_entry)
        entry = re.sub(r"(?m)^Exec=\S+", "Exec=true", entry)
        with open(os.path.join(exports, "applications", desktop_id), "w") as target:
            target.write(entry)
        with open(os.path.join(system, "applications", "org.gnome.Calendar.desktop"), "w") as target:
            target.write("[Desktop Entry]\nType=Application\nName=Calendar\nExec=true %U\n"
                         "MimeType=text/calendar;\n")
        for folder in (exports, system):
            subprocess.run(["update-desktop-database", os.path.join(folder, "applications")],
                           check=True)
        env = dict(os.environ,
                   HOME=home,
                   XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"),
                   XDG_CONFIG_DIRS=os.path.join(home, "etc", "xdg"),
                   XDG_DATA_DIRS=f"{exports}:{system}",
                   XDG_CURRENT_DESKTOP="GNOME")
        result = subprocess.run([sys.executable, "-c", ASK_GIO], env=env, check=True,
                                capture_output=True, text=True)
        return json.loads(result.stdout)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[1]
    desktop_id = os.path.basename(path)
    with open(path, encoding="utf-8") as source:
        text = source.read()
    values = entries(text)
    problems = []

    listed = {kind for kind in values.get("MimeType", "").split(";") if kind}
    if listed & CALENDAR_TYPES:
        problems.append(f"MimeType lists {', '.join(sorted(listed & CALENDAR_TYPES))}: "
                        "Hallway would handle every .ics file beside the user's calendar")
    if not re.search(r"%[UF]", values.get("Exec", "")):
        problems.append(f"Exec={values.get('Exec')} takes no files: 'Open With' and "
                        "`hallway FILE` need %U or %F")
    if not shutil.which("update-desktop-database"):
        problems.append("update-desktop-database (desktop-file-utils) is not installed")
    else:
        shipped = gio_choice(text, desktop_id)
        if shipped["default"] != "org.gnome.Calendar.desktop" or desktop_id in shipped["all"]:
            problems.append(f"with Hallway installed, GIO's .ics handlers are {shipped}")
        # The same situation with the MimeType put back must hand .ics files to Hallway:
        # otherwise this check proves nothing.
        with_type = re.sub(r"(?m)^MimeType=.*\n", "", text).rstrip("\n") + \
            "\nMimeType=text/calendar;\n"
        control = gio_choice(with_type, desktop_id)
        if control["default"] != desktop_id:
            problems.append(f"control case: with MimeType=text/calendar GIO chose "
                            f"{control['default']}, not Hallway; the check cannot fail")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"ok: {desktop_id} handles no calendar type; GIO keeps .ics files with the calendar "
          f"({shipped['all']}), and would give them to Hallway if it listed text/calendar")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
