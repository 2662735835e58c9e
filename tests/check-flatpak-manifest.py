#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The Flatpak manifest cannot be built here (no Flathub), so check what it promises
against the meson project: app id, command, runtime, and finish-args no wider than the app
needs (no filesystem access: files go through the portals)."""
import json
import os
import re
import sys

root = os.environ["HALLWAY_SOURCE_ROOT"]
with open(os.path.join(root, "meson.build"), encoding="utf-8") as build:
    meson = build.read()
base_id = re.search(r"base_id = '([^']+)'", meson).group(1)
project = re.search(r"project\('([^']+)'", meson).group(1)

path = os.path.join(root, "flatpak", base_id + ".json")
with open(path, encoding="utf-8") as source:
    manifest = json.load(source)

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


expect(manifest.get("id") == base_id, f"id is {manifest.get('id')}, meson says {base_id}")
expect(manifest.get("command") == project, f"command is {manifest.get('command')}, not {project}")
expect(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
expect(manifest.get("runtime-version") == "50", "runtime-version is not 50 (GNOME 50)")
expect(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")

allowed = {"--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11",
           "--device=dri"}
args = manifest.get("finish-args", [])
for arg in args:
    expect(arg in allowed or arg.startswith("--talk-name=org.freedesktop.portal."),
           f"finish-arg {arg} is wider than the app needs")
    expect(not arg.startswith("--filesystem"), f"{arg}: files go through the portals")
for needed in ("--share=network", "--socket=wayland", "--socket=fallback-x11"):
    expect(needed in args, f"finish-args lack {needed}")

modules = manifest.get("modules", [])
expect(modules and modules[-1].get("name") == project, "the last module is not the app")
expect(modules and modules[-1].get("buildsystem") == "meson", "the app is not built with meson")
for module in modules[:-1]:
    for source in module.get("sources", []):
        if source.get("type") == "archive":
            expect(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")),
                   f"{module['name']}: archive without a sha256")
        expect(source.get("url", "").startswith("https://") or source.get("type") == "dir",
               f"{module['name']}: source not fetched over https")

for problem in problems:
    print(f"{path}: {problem}")
sys.exit(1 if problems else 0)
