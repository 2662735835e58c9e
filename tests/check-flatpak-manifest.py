#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The Flatpak manifests cannot be built here (no Flathub, no GNOME runtime), so check what
they promise against the meson project, the GNOME runtime's contents and Flathub's rules:

- flatpak/<app id>.json, the manifest submitted to Flathub: the app built from a `git`
  source with tag and commit; flatpak/<app id>.Devel.json, the local build (`dir` source,
  the development profile), with the same runtime, permissions and dependency modules.
- the newest GNOME runtime; finish-args no wider than the app needs: no talk-, own- or
  system-names (the portals need none), nothing on the file system (files go through the
  portals);
- every source pinned: archives and files by https URL and sha256, git by tag and commit,
  each with x-checker-data so Flathub's external data checker proposes updates;
- every dependency('…') of every meson.build is either in the runtime (RUNTIME below) at a
  version meson accepts, or built by a module of the manifest; no module rebuilds what the
  runtime has, and none is left over;
- 4-space indentation, as Flathub's manifests are written.

`--self-test` feeds mutated copies of the manifests (a talk-name, a filesystem permission,
a `dir` source, a source without sha256 or commit, a dependency nobody provides, …) to the
same checks and fails unless each one is rejected with a message that names the problem."""
import json
import os
import re
import subprocess
import sys

NEWEST_GNOME = "51"

# What org.gnome.Platform//51 provides, by pkg-config name, with the lowest version it can
# have: the check fails when meson asks for more.
#
# Where this comes from. Membership: GNOME/gnome-build-meta, elements/sdk-platform.bst at
# commit 70a88041039ea165729500b1db0f270e8944657d (main), the stack that makes the
# Platform: sdk/glib.bst, sdk/gtk.bst, sdk/json-glib.bst, sdk/libadwaita.bst,
# sdk/libsoup.bst, sdk/webkitgtk-6.0.bst and freedesktop-sdk.bst:platform.bst, whose
# elements/platform.bst (read in the mirror castrojo/freedesktop-sdk at commits
# 2782cc5555a7004faf756cc21fcaea600f8c3eae and 02912e4e61cd6ad13f77870c99933fecdff2127e)
# brings components/libxml2.bst. Neither list has libical (freedesktop-sdk builds
# components/libical.bst, but neither platform.bst nor sdk.bst ships it), md4c, or libportal
# (gnome-build-meta has elements/sdk/libportal.bst, 0.9.1 at commit
# cbb7e25a2a675ac1f3eb146e7280de936af623c6, for GNOME OS; sdk-platform.bst does not list
# it). Versions: the refs of those elements on gnome-build-meta's main during the GNOME 50
# cycle, which GNOME 51 cannot be below: glib elements/sdk/glib.inc @e502244a (2.86.0-182),
# gtk elements/sdk/gtk.bst @feac8713 (4.21.0-86), libadwaita elements/sdk/libadwaita.bst
# @feac8713 (1.8.0-61), libsoup elements/sdk/libsoup.bst @feac8713 (3.6.4-73), json-glib
# elements/sdk/json-glib.bst @9f5a7633 (1.10.8-6), WebKitGTK elements/sdk/webkitgtk.inc
# @b6ae853f (2.50.1), libxml2 castrojo/freedesktop-sdk elements/components/libxml2.bst
# @0da61de6 (v2.11.5). The player's GStreamer: freedesktop-sdk's components/gstreamer.bst
# in platform.bst (elements/include/gstreamer-source.yml @09b54e76: 1.24.4), and the GTK 4
# video sink gtk4paintablesink from sdk/gst-plugin-gtk4.bst, which sdk-platform.bst lists at
# the commit above (a plugin, no pkg-config file). The gnome-51 branch itself could not be read from here; issue 11
# says GNOME 51 brings GTK 4.24, libadwaita 1.10 and libxml2 2.14 or newer. Re-read
# gnome-51's elements when a new runtime comes, and update NEWEST_GNOME with it.
RUNTIME = {
    "glib-2.0": "2.86",
    "gio-2.0": "2.86",
    "gmodule-2.0": "2.86",
    # GLib installs it beside gmodule-2.0 (gmodule/meson.build): the same without
    # --export-dynamic.
    "gmodule-no-export-2.0": "2.86",
    "json-glib-1.0": "1.10",
    "libsoup-3.0": "3.6",
    "libxml-2.0": "2.11",
    "gtk4": "4.21",
    "libadwaita-1": "1.8",
    "webkitgtk-6.0": "2.50",
    "gstreamer-1.0": "1.24",
}

# The pkg-config files each of our modules installs, as seen by building each one with the
# manifest's config-opts (libical 3.0.20, md4c 0.5.3, libportal 0.9.1).
MODULE_PROVIDES = {
    "libical": {"libical"},
    "md4c": {"md4c", "md4c-html"},
    "libportal": {"libportal", "libportal-gtk4"},
}

# pulseaudio: the sound of the player's streams and recordings (issue 16), through
# PipeWire's PulseAudio server on current desktops.
FINISH_ARGS = ["--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11",
               "--socket=pulseaudio", "--device=dri"]
APP_GIT_URLS = ("https://github.com/hallway-app/hallway.git",
                "https://github.com/hallway-app/hallway")
NAME_ARGS = ("--talk-name", "--own-name", "--system-talk-name", "--system-own-name",
             "--socket=session-bus", "--socket=system-bus")


def version_tuple(text):
    return tuple(int(part) for part in re.findall(r"\d+", text))


def strip_comment(line):
    """A meson line without its comment ('#' outside a string)."""
    quoted = False
    for index, char in enumerate(line):
        if char == "'":
            quoted = not quoted
        elif char == "#" and not quoted:
            return line[:index]
    return line


def meson_files(root):
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders
                               if not name.startswith(("_build", ".", "subprojects")))
        if "meson.build" in files:
            yield os.path.join(folder, "meson.build")


def meson_dependencies(root):
    """{pkg-config name: (minimum version or None, file)} of every dependency('…') in the
    project's meson files, with string variables (glib_req) resolved."""
    texts = {}
    for path in meson_files(root):
        with open(path, encoding="utf-8") as source:
            texts[path] = "\n".join(strip_comment(line) for line in source.read().splitlines())
    variables = {}
    for text in texts.values():
        for name, value in re.findall(r"^\s*(\w+)\s*=\s*'([^']*)'\s*$", text, re.M):
            variables[name] = value
    found = {}
    for path, text in texts.items():
        relative = os.path.relpath(path, root)
        for match in re.finditer(r"(?<![\w.])dependency\(\s*'([^']+)'([^)]*)\)", text):
            name, args = match.group(1), match.group(2)
            minimum = None
            version = re.search(r"version\s*:\s*([^,]+)", args)
            if version:
                parts = [part.strip() for part in version.group(1).split("+")]
                value = ""
                for part in parts:
                    if re.fullmatch(r"'[^']*'", part):
                        value += part[1:-1]
                    elif part in variables:
                        value += variables[part]
                    else:
                        value = None
                        break
                minimum = value if value is not None else "?" + version.group(1).strip()
            found[name] = (minimum, relative)
    return found


def module_version(module):
    """The version of a dependency module, from its first source's tag or URL."""
    for source in module.get("sources", []):
        text = source.get("tag") or source.get("url") or ""
        versions = re.findall(r"\d+(?:\.\d+)+", text)
        if versions:
            return versions[-1]
    return None


def git(root, *args):
    try:
        result = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True,
                                check=False)
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def check_indentation(text):
    problems = []
    first = True
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if not indent:
            continue
        if "\t" in indent:
            problems.append(f"line {number} is indented with a tab; Flathub's manifests use "
                            "4 spaces")
        elif len(indent) % 4 or (first and len(indent) != 4):
            problems.append(f"line {number} is indented by {len(indent)} spaces; Flathub's "
                            "manifests use 4 spaces a level")
        first = False
        if len(problems) >= 3:
            break
    return problems


def all_modules(modules):
    for module in modules:
        if isinstance(module, dict):
            yield module
            yield from all_modules(module.get("modules", []))


def check_source(problems, manifest_dir, module, source, flathub, is_app):
    name = module.get("name")
    kind = source.get("type")
    url = source.get("url", "")
    if kind == "dir":
        if flathub:
            problems.append(f"module {name}: a `dir` source; Flathub builds only from pinned "
                            "sources (the app from `git` with tag and commit)")
        elif not is_app:
            problems.append(f"module {name}: a `dir` source; only the app is built from the "
                            "working tree")
        return
    if kind in ("archive", "file"):
        if not url.startswith("https://"):
            problems.append(f"module {name}: {kind} source {url!r} is not fetched over https")
        if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            problems.append(f"module {name}: {kind} source without a sha256")
    elif kind == "git":
        if not url.startswith("https://"):
            problems.append(f"module {name}: git source {url!r} is not fetched over https")
        if "branch" in source:
            problems.append(f"module {name}: git source follows a branch; pin a tag and "
                            "its commit")
        if not source.get("tag"):
            problems.append(f"module {name}: git source without a tag")
        if not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
            problems.append(f"module {name}: git source without a commit (40 hex digits)")
    elif kind == "patch":
        path = os.path.join(manifest_dir, source.get("path", ""))
        if not os.path.isfile(path):
            problems.append(f"module {name}: patch {source.get('path')!r} is not in the tree")
        return
    else:
        problems.append(f"module {name}: a source of type {kind!r}, which this check does "
                        "not know how to pin")
        return
    if not isinstance(source.get("x-checker-data"), dict) or \
            not source["x-checker-data"].get("type"):
        problems.append(f"module {name}: {kind} source without x-checker-data for Flathub's "
                        "external data checker")


def check_app_git(problems, root, source, project_version):
    if source.get("url") not in APP_GIT_URLS:
        problems.append(f"the app's git source is {source.get('url')!r}, not "
                        f"{APP_GIT_URLS[0]}")
    tag = source.get("tag", "")
    commit = source.get("commit", "")
    if not re.fullmatch(r"v\d+\.\d+\.\d+", tag):
        problems.append(f"the app's tag {tag!r} is not a release tag vX.Y.Z")
    elif version_tuple(tag) > version_tuple(project_version):
        problems.append(f"the app's tag {tag} is newer than meson's version {project_version}")
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        return
    if git(root, "rev-parse", "--is-shallow-repository") != "false":
        return  # not a git checkout, or a shallow one: the commit cannot be looked up
    if git(root, "cat-file", "-e", commit + "^{commit}") is None:
        problems.append(f"the app's commit {commit} is not a commit of this repository")
        return
    tagged = git(root, "rev-parse", "-q", "--verify", f"refs/tags/{tag}^{{commit}}")
    if tagged is not None and tagged != commit:
        problems.append(f"the app's tag {tag} names commit {tagged} here, not {commit}")


def check_manifest(text, path, root, meson, flathub):
    """The problems of one manifest (its text), as messages a person can act on."""
    problems = check_indentation(text)
    try:
        manifest = json.loads(text)
    except ValueError as error:
        return problems + [f"not JSON: {error}"]

    base_id = meson["base_id"]
    want_id = base_id if flathub else base_id + ".Devel"
    if manifest.get("id") != want_id:
        problems.append(f"id is {manifest.get('id')}, not {want_id}")
    if manifest.get("command") != meson["project"]:
        problems.append(f"command is {manifest.get('command')}, not {meson['project']}")
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append(f"runtime is {manifest.get('runtime')}, not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problems.append(f"sdk is {manifest.get('sdk')}, not org.gnome.Sdk")
    if str(manifest.get("runtime-version")) != NEWEST_GNOME:
        problems.append(f"runtime-version is {manifest.get('runtime-version')}, not "
                        f"{NEWEST_GNOME}: Flathub asks for the newest GNOME runtime")

    args = manifest.get("finish-args", [])
    for arg in args:
        if arg.startswith(NAME_ARGS):
            problems.append(f"finish-arg {arg}: no D-Bus names; the portals need none and "
                            "Flathub's linter rejects portal talk-names")
        elif arg.startswith(("--filesystem", "--persist")):
            problems.append(f"finish-arg {arg}: nothing on the file system; files go "
                            "through the portals")
        elif arg not in FINISH_ARGS:
            problems.append(f"finish-arg {arg} is wider than the app needs")
    for needed in FINISH_ARGS:
        if needed not in args:
            problems.append(f"finish-args lack {needed}")

    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict) or \
            modules[-1].get("name") != meson["project"]:
        problems.append(f"the last module is not the app ({meson['project']})")
        return problems
    app = modules[-1]
    if app.get("buildsystem") != "meson":
        problems.append("the app is not built with meson")
    profile = "-Dprofile=development" in app.get("config-opts", [])
    if profile == flathub:
        problems.append("the Flathub manifest builds the development profile" if flathub else
                        "the Devel manifest does not build -Dprofile=development")

    manifest_dir = os.path.dirname(path)
    for module in all_modules(modules):
        for source in module.get("sources", []):
            check_source(problems, manifest_dir, module, source, flathub, module is app)
    app_sources = app.get("sources", [])
    if flathub:
        gits = [source for source in app_sources if source.get("type") == "git"]
        if len(gits) != 1:
            problems.append("the app is not built from exactly one git source")
        else:
            check_app_git(problems, root, gits[0], meson["version"])
    elif [source.get("type") for source in app_sources] != ["dir"]:
        problems.append("the Devel manifest does not build the app from the working tree "
                        "(one `dir` source)")

    # Dependencies: in the runtime, or built by a module.
    provided = {}
    for module in all_modules(modules[:-1]):
        name = module.get("name")
        if name not in MODULE_PROVIDES:
            problems.append(f"module {name}: this check does not know which pkg-config "
                            "modules it installs (MODULE_PROVIDES)")
            continue
        for pkg in MODULE_PROVIDES[name]:
            provided[pkg] = module
            if pkg in RUNTIME:
                problems.append(f"module {name} builds {pkg}, which the GNOME "
                                f"{NEWEST_GNOME} runtime already has")
    used = set()
    for dep, (minimum, where) in sorted(meson["dependencies"].items()):
        if minimum is not None and minimum.startswith("?"):
            problems.append(f"{where}: cannot read the version meson asks of {dep} "
                            f"({minimum[1:]})")
            minimum = None
        if dep in RUNTIME:
            have, origin = RUNTIME[dep], f"the GNOME {NEWEST_GNOME} runtime"
        elif dep in provided:
            used.add(provided[dep].get("name"))
            have, origin = module_version(provided[dep]), f"module {provided[dep].get('name')}"
        else:
            problems.append(f"{where}: dependency {dep} is neither in the GNOME "
                            f"{NEWEST_GNOME} runtime nor built by a module")
            continue
        wanted = re.fullmatch(r"\s*>=?\s*([\d.]+)\s*", minimum or "")
        if minimum and not wanted:
            problems.append(f"{where}: {dep} asks for {minimum!r}, which this check cannot "
                            "compare")
        elif wanted and (have is None or version_tuple(have) < version_tuple(wanted.group(1))):
            problems.append(f"{where}: {dep} must be {minimum}, {origin} has {have}")
    for module in all_modules(modules[:-1]):
        name = module.get("name")
        if name in MODULE_PROVIDES and name not in used:
            problems.append(f"module {name} builds nothing that a meson.build asks for")
    return problems


def check_pair(flathub_text, devel_text):
    """The local build must differ from the Flathub one only where it has to."""
    try:
        flathub, devel = json.loads(flathub_text), json.loads(devel_text)
    except ValueError:
        return []  # reported by check_manifest
    problems = []
    for key in ("runtime", "runtime-version", "sdk", "command", "finish-args", "cleanup"):
        if flathub.get(key) != devel.get(key):
            problems.append(f"the Devel manifest's {key} differs from the Flathub manifest's")
    if flathub.get("modules", [])[:-1] != devel.get("modules", [])[:-1]:
        problems.append("the Devel manifest's dependency modules differ from the Flathub "
                        "manifest's")
    return problems


def read_meson(root):
    with open(os.path.join(root, "meson.build"), encoding="utf-8") as build:
        text = build.read()
    return {
        "base_id": re.search(r"base_id = '([^']+)'", text).group(1),
        "project": re.search(r"project\('([^']+)'", text).group(1),
        "version": re.search(r"^\s*version:\s*'([^']+)'", text, re.M).group(1),
        "dependencies": meson_dependencies(root),
    }


def manifest_paths(root, meson):
    folder = os.path.join(root, "flatpak")
    return (os.path.join(folder, meson["base_id"] + ".json"),
            os.path.join(folder, meson["base_id"] + ".Devel.json"))


def check_all(root, meson, flathub_text, devel_text, paths):
    problems = [(paths[0], p) for p in check_manifest(flathub_text, paths[0], root, meson, True)]
    problems += [(paths[1], p) for p in check_manifest(devel_text, paths[1], root, meson, False)]
    problems += [(paths[1], p) for p in check_pair(flathub_text, devel_text)]
    return problems


def self_test(root, meson, flathub_text, devel_text, paths):
    """Every rule must reject a manifest that breaks it, naming the problem."""
    base = check_all(root, meson, flathub_text, devel_text, paths)
    if base:
        for path, problem in base:
            print(f"{path}: {problem}")
        print("self-test: the real manifests must pass before they are mutated")
        return 1

    def edit(change):
        def mutate(flathub, devel):
            manifest = json.loads(flathub)
            change(manifest)
            return json.dumps(manifest, indent=4) + "\n", devel
        return mutate

    def edit_devel(change):
        def mutate(flathub, devel):
            manifest = json.loads(devel)
            change(manifest)
            return flathub, json.dumps(manifest, indent=4) + "\n"
        return mutate

    def module(manifest, name):
        return next(m for m in manifest["modules"] if m.get("name") == name)

    def source(manifest, name):
        return module(manifest, name)["sources"][0]

    cases = [
        ("a portal talk-name", edit(lambda m: m["finish-args"].append(
            "--talk-name=org.freedesktop.portal.Background")), "--talk-name"),
        ("an own-name", edit(lambda m: m["finish-args"].append(
            "--own-name=org.example.Other")), "--own-name"),
        ("a system talk-name", edit(lambda m: m["finish-args"].append(
            "--system-talk-name=org.freedesktop.login1")), "--system-talk-name"),
        ("a home filesystem permission", edit(lambda m: m["finish-args"].append(
            "--filesystem=home")), "--filesystem=home"),
        ("a read-only host filesystem permission", edit(lambda m: m["finish-args"].append(
            "--filesystem=host:ro")), "--filesystem=host:ro"),
        ("a session bus socket", edit(lambda m: m["finish-args"].append(
            "--socket=session-bus")), "--socket=session-bus"),
        ("a wider permission", edit(lambda m: m["finish-args"].append("--device=all")),
         "--device=all"),
        ("no network", edit(lambda m: m["finish-args"].remove("--share=network")),
         "lack --share=network"),
        ("the GNOME 50 runtime", edit(lambda m: m.update({"runtime-version": "50"})),
         "runtime-version is 50"),
        ("a dir source for the app", edit(lambda m: module(m, "hallway").update(
            {"sources": [{"type": "dir", "path": ".."}]})), "`dir` source"),
        ("a dir source for a dependency in the Devel manifest", edit_devel(
            lambda m: module(m, "md4c").update({"sources": [{"type": "dir", "path": "md4c"}]})),
         "module md4c: a `dir` source"),
        ("an archive without sha256", edit(lambda m: source(m, "libical").pop("sha256")),
         "module libical: archive source without a sha256"),
        ("an archive over http", edit(lambda m: source(m, "libportal").update(
            {"url": "http://example.org/libportal-0.9.1.tar.xz"})), "not fetched over https"),
        ("an archive without x-checker-data", edit(
            lambda m: source(m, "md4c").pop("x-checker-data")), "module md4c: archive source "
         "without x-checker-data"),
        ("the app's git source without commit", edit(
            lambda m: source(m, "hallway").pop("commit")), "git source without a commit"),
        ("the app's git source without tag", edit(lambda m: source(m, "hallway").pop("tag")),
         "git source without a tag"),
        ("the app's git source on a branch", edit(lambda m: source(m, "hallway").update(
            {"branch": "main"})), "follows a branch"),
        ("the app's tag newer than meson's version", edit(lambda m: source(m, "hallway").update(
            {"tag": "v99.0.0"})), "newer than meson's version"),
        ("the app from another repository", edit(lambda m: source(m, "hallway").update(
            {"url": "https://github.com/example/hallway.git"})), "not https://github.com"),
        ("libportal not built", edit(lambda m: m["modules"].remove(module(m, "libportal"))),
         "dependency libportal-gtk4 is neither in the GNOME"),
        ("md4c not built", edit(lambda m: m["modules"].remove(module(m, "md4c"))),
         "dependency md4c-html is neither in the GNOME"),
        ("a module the check cannot account for", edit(lambda m: m["modules"].insert(
            0, dict(module(m, "md4c"), name="json-glib"))),
         "module json-glib: this check does not know"),
        ("a dependency module too old for meson", edit(lambda m: source(m, "libical").update(
            {"url": "https://github.com/libical/libical/releases/download/v2.0.0/"
                    "libical-2.0.0.tar.gz"})), "libical must be >= 3.0"),
        ("a Devel manifest with other modules", edit_devel(lambda m: m["modules"].remove(
            module(m, "libportal"))), "dependency modules differ"),
        ("a Devel manifest with other permissions", edit_devel(lambda m: m["finish-args"].append(
            "--talk-name=org.freedesktop.Notifications")), "--talk-name"),
        ("a Devel manifest without the development profile", edit_devel(
            lambda m: module(m, "hallway").pop("config-opts")), "-Dprofile=development"),
        ("2-space indentation", lambda f, d: (json.dumps(json.loads(f), indent=2) + "\n", d),
         "indented by 2 spaces"),
        ("tab indentation", lambda f, d: (json.dumps(json.loads(f), indent="\t") + "\n", d),
         "indented with a tab"),
    ]
    if git(root, "rev-parse", "--is-shallow-repository") == "false":
        cases.append(("a commit this repository does not have", edit(
            lambda m: source(m, "hallway").update({"commit": "0" * 40})),
            "is not a commit of this repository"))
    else:
        print("# skip: no full git history here, the app's commit is not looked up")

    failures = 0
    number = 0
    for description, mutate, expected in cases:
        number += 1
        flathub, devel = mutate(flathub_text, devel_text)
        problems = [p for _, p in check_all(root, meson, flathub, devel, paths)]
        if any(expected in problem for problem in problems):
            print(f"ok {number} - rejects {description}")
        else:
            failures += 1
            print(f"not ok {number} - {description}: expected a problem naming {expected!r}, "
                  f"got {problems or 'none'}")

    # An unknown dependency in a meson.build.
    number += 1
    unknown = dict(meson, dependencies=dict(meson["dependencies"],
                                            **{"libfoo-9": (None, "src/meson.build")}))
    problems = [p for _, p in check_all(root, unknown, flathub_text, devel_text, paths)]
    if any("dependency libfoo-9 is neither" in problem for problem in problems):
        print(f"ok {number} - rejects a meson dependency nobody provides")
    else:
        failures += 1
        print(f"not ok {number} - a meson dependency nobody provides: got {problems}")
    number += 1
    MODULE_PROVIDES["json-glib"] = {"json-glib-1.0"}
    flathub = json.loads(flathub_text)
    flathub["modules"].insert(0, dict(flathub["modules"][0], name="json-glib"))
    problems = [p for _, p in check_all(root, meson, json.dumps(flathub, indent=4) + "\n",
                                        devel_text, paths)]
    del MODULE_PROVIDES["json-glib"]
    if any("builds json-glib-1.0, which the GNOME" in problem for problem in problems):
        print(f"ok {number} - rejects a module that rebuilds what the runtime has")
    else:
        failures += 1
        print(f"not ok {number} - a module that rebuilds the runtime: got {problems}")
    number += 1
    greedy = dict(meson, dependencies=dict(meson["dependencies"],
                                           **{"gtk4": (">= 9.0", "meson.build")}))
    problems = [p for _, p in check_all(root, greedy, flathub_text, devel_text, paths)]
    if any("gtk4 must be >= 9.0" in problem for problem in problems):
        print(f"ok {number} - rejects a meson minimum above the runtime's")
    else:
        failures += 1
        print(f"not ok {number} - a meson minimum above the runtime's: got {problems}")
    # The meson reader must see the project's real dependencies, or the check above is void.
    number += 1
    expected = {"glib-2.0", "gtk4", "libadwaita-1", "libical", "md4c-html", "libportal-gtk4",
                "webkitgtk-6.0"}
    if expected <= set(meson["dependencies"]) and \
            meson["dependencies"]["glib-2.0"][0] not in (None, ""):
        print(f"ok {number} - reads meson's dependencies and resolves their versions")
    else:
        failures += 1
        print(f"not ok {number} - meson's dependencies read as {meson['dependencies']}")
    print(f"1..{number}")
    return 1 if failures else 0


def main():
    root = os.environ["HALLWAY_SOURCE_ROOT"]
    meson = read_meson(root)
    paths = manifest_paths(root, meson)
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as source:
            texts.append(source.read())
    if "--self-test" in sys.argv[1:]:
        return self_test(root, meson, texts[0], texts[1], paths)
    problems = check_all(root, meson, texts[0], texts[1], paths)
    for path, problem in problems:
        print(f"{path}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
