#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The layers are enforced by the build: src/model (no GTK) ← src/ui ← the application.

Each layer's library is compiled with its own include path and dependencies. This check
takes the very command the build compiles one of that library's files with (from
compile_commands.json) and compiles a one-line file with it instead:

- including a higher layer's header must fail, because the header is not found;
- including the layer's own headers and those below must compile, so that a failure above
  means "out of reach", not "this command does not work".

No source file may reach around the include path with a folder in a quoted #include
("../hallway-application.h", "src/…": the source root is on every path for config.h).

--self-test breaks each rule the way someone might (src/ added to the UI's include path,
GTK's flags to the model's, the UI's to the command line's, GStreamer's to the UI's and
libsoup's to the model's, which start-up must not link: their modules do) and expects the forbidden
probe to compile then: otherwise this check could never fail.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

SOURCE_ROOT = os.environ["HALLWAY_SOURCE_ROOT"]
BUILD_ROOT = os.environ["HALLWAY_BUILD_ROOT"]

# name → (the target folder in the build, headers out of reach, headers within reach)
LAYERS = {
    "model": ("libhallway-model.a.p/",
              ["<gtk/gtk.h>", "<adwaita.h>", '"hallway-window.h"', '"hallway-agenda-exporter.h"',
               '"hallway-application.h"', '"hallway-cli.h"', "<libsoup/soup.h>"],
              ["<gio/gio.h>", '"hallway-library.h"', '"hallway-agenda-export.h"']),
    "ui": ("libhallway-ui.a.p/",
           ['"hallway-application.h"', '"hallway-cli.h"', '"hallway-reminder-service.h"',
            "<gst/gst.h>", "<webkit/webkit.h>", "<libsoup/soup.h>"],
           ["<adwaita.h>", '"hallway-window.h"', '"hallway-add-conference-dialog.h"',
            '"hallway-library.h"']),
    "web module": ("libhallway-web.so.p/",
                   ['"hallway-application.h"', '"hallway-library.h"'],
                   ['"hallway-abstract-view.h"']),
    "player module": ("libhallway-player.so.p/",
                      ['"hallway-application.h"', '"hallway-library.h"', "<adwaita.h>"],
                      ['"hallway-gst-stream.h"', "<gst/gst.h>"]),
    "portal module": ("libhallway-portal.so.p/",
                      ['"hallway-library.h"', '"hallway-window.h"'],
                      ['"hallway-background-portal.h"', "<libportal-gtk4/portal-gtk4.h>"]),
    "http module": ("libhallway-http.so.p/",
                    ["<gtk/gtk.h>", '"hallway-window.h"'],
                    ['"hallway-http-private.h"', "<libsoup/soup.h>"]),
    "command line": ("libhallway-cli.a.p/",
                     ["<gtk/gtk.h>", '"hallway-window.h"', '"hallway-agenda-exporter.h"',
                      '"hallway-application.h"'],
                     ['"hallway-cli.h"', '"hallway-library.h"', '"hallway-agenda-export.h"']),
}

# --self-test: (layer, arguments that break its rule, the probe that must then compile);
# "pkg-config:NAME" stands for that package's compiler flags.
BREAKS = [
    ("ui", ["-I" + os.path.join(SOURCE_ROOT, "src")], '"hallway-application.h"'),
    ("model", ["pkg-config:gtk4"], "<gtk/gtk.h>"),
    ("command line", ["-I" + os.path.join(SOURCE_ROOT, "src", "ui"), "pkg-config:libadwaita-1"],
     '"hallway-window.h"'),
    ("command line", ["pkg-config:gtk4"], "<gtk/gtk.h>"),
    ("ui", ["pkg-config:gstreamer-1.0"], "<gst/gst.h>"),
    ("model", ["pkg-config:libsoup-3.0"], "<libsoup/soup.h>"),
]

# What the compilers say about a header they cannot find (GCC, clang).
NOT_FOUND = re.compile(r"No such file or directory|file not found")

# Arguments of the library's own command that name its source, output or dependency file.
DROP_WITH_VALUE = {"-o", "-c", "-MQ", "-MF", "-MT"}
DROP = {"-MD", "-MMD"}


def load_commands():
    path = os.path.join(BUILD_ROOT, "compile_commands.json")
    with open(path, encoding="utf-8") as listing:
        entries = json.load(listing)
    commands = {}
    for name, (folder, _, _) in LAYERS.items():
        found = [entry for entry in entries if folder in entry["output"]]
        if not found:
            sys.exit(f"{path} compiles nothing into {folder}: the {name} layer's library "
                     "was renamed or removed; update tests/check-layers.py")
        entry = found[0]
        arguments = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
        kept = []
        skip = False
        for argument in arguments:
            if skip:
                skip = False
            elif argument in DROP_WITH_VALUE:
                skip = True
            elif argument not in DROP and argument != entry["file"]:
                kept.append(argument)
        commands[name] = (entry["directory"], kept)
    return commands


def compile_probe(directory, command, include, scratch):
    probe = os.path.join(scratch, "probe.c")
    with open(probe, "w", encoding="utf-8") as source:
        source.write(f"#include {include}\n")
    result = subprocess.run(command + ["-fdiagnostics-color=never", "-fsyntax-only", probe],
                            cwd=directory, capture_output=True, text=True, check=False)
    return result.returncode == 0, result.stderr


def extra_arguments(arguments):
    extra = []
    for argument in arguments:
        if argument.startswith("pkg-config:"):
            flags = subprocess.run(["pkg-config", "--cflags", argument.split(":", 1)[1]],
                                   capture_output=True, text=True, check=True).stdout
            extra += shlex.split(flags)
        else:
            extra.append(argument)
    return extra


def check_sources():
    problems = []
    quoted_path = re.compile(r'^\s*#\s*include\s+"([^"]*/[^"]*)"', re.MULTILINE)
    for directory, _, files in os.walk(os.path.join(SOURCE_ROOT, "src")):
        for name in sorted(files):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as source:
                for match in quoted_path.finditer(source.read()):
                    problems.append(f"{os.path.relpath(path, SOURCE_ROOT)} includes "
                                    f"\"{match.group(1)}\": a folder in an #include reaches "
                                    "around the layers' include paths")
    return problems


def check(commands, scratch):
    problems = check_sources()
    probes = 0
    for name, (_, forbidden, allowed) in LAYERS.items():
        directory, command = commands[name]
        for include in allowed:
            ok, errors = compile_probe(directory, command, include, scratch)
            probes += 1
            if not ok:
                problems.append(f"the {name} layer cannot include {include}, which it may use; "
                                f"the probe's errors:\n{errors}")
        for include in forbidden:
            ok, errors = compile_probe(directory, command, include, scratch)
            probes += 1
            if ok:
                problems.append(f"the {name} layer can include {include}: its library's "
                                "include path or dependencies reach a higher layer")
            elif not NOT_FOUND.search(errors):
                problems.append(f"the {name} layer's probe of {include} failed, but not for a "
                                f"missing header:\n{errors}")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print(f"ok: {probes} probes, {len(LAYERS)} layers, no folder in a quoted #include under src/")


def self_test(commands, scratch):
    failures = 0
    for number, (name, arguments, include) in enumerate(BREAKS, 1):
        directory, command = commands[name]
        extra = extra_arguments(arguments)
        ok, errors = compile_probe(directory, command + extra, include, scratch)
        broken = " ".join(arguments)
        if ok:
            print(f"ok {number} - the {name} layer with {broken} includes {include}: the check "
                  "would fail")
        else:
            failures += 1
            print(f"not ok {number} - the {name} layer with {broken} still cannot include "
                  f"{include}, so the check cannot see this break")
            print("# " + errors.replace("\n", "\n# "))
    print(f"1..{len(BREAKS)}")
    sys.exit(1 if failures else 0)


def main():
    commands = load_commands()
    with tempfile.TemporaryDirectory(prefix="hallway-layers-") as scratch:
        if sys.argv[1:] == ["--self-test"]:
            self_test(commands, scratch)
        else:
            check(commands, scratch)


if __name__ == "__main__":
    main()
