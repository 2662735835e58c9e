#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Administrator presets as they reach the Flatpak sandbox, in the real app.

Flatpak writes the host's dconf defaults and locks for the app's path into the sandbox as
/etc/glib-2.0/settings/defaults (a keyfile) and /etc/glib-2.0/settings/locks (one key path a
line), where GLib's keyfile backend reads them. This test writes the same two files and lays
them over /etc in a private mount namespace (GLib's path is fixed), then starts Hallway with
the keyfile backend on a fresh home: the preset reminder time is used on the first start,
the locked switches are greyed out and say why to screen readers, and the conferences of
the preset catalogue URL are offered in Add Conference."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import SWITCH, HeadlessSession, serve_folder  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
SCHEMA_PATH = "/io/github/hallway_app/Hallway/"
LOCKED_SUBTITLE = "Set by your administrator"


def write_presets(folder, catalogue_url):
    """The two files as flatpak-run writes them: the defaults as g_key_file_to_data() of
    g_variant_print (…, TRUE) values under the path without its leading slash, the locks as
    `dconf list-locks` prints them."""
    settings = os.path.join(folder, "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "defaults"), "w", encoding="utf-8") as defaults:
        defaults.write(f"[{SCHEMA_PATH.strip('/')}]\n"
                       "reminder-lead-minutes=30\n"
                       "run-in-background=false\n"
                       f"catalogue-url='{catalogue_url}'\n")
    with open(os.path.join(settings, "locks"), "w", encoding="utf-8") as locks:
        locks.write(f"{SCHEMA_PATH}run-in-background\n{SCHEMA_PATH}start-at-login\n")


def private_etc_works(layer):
    """Whether this machine lets us lay a folder over /etc in a private mount namespace."""
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c",
         f"mount -t overlay overlay -o 'lowerdir={layer}:/etc' /etc && "
         "test -f /etc/glib-2.0/settings/locks"],
        capture_output=True, text=True)
    return probe.returncode == 0, probe.stderr.strip()


def described_by(session, node):
    """The texts a screen reader reads as the node's description: its description and the
    labels it is described by (a row's subtitle)."""
    texts = [node.description] if node.description else []
    for relation in node.getRelationSet():
        if relation.getRelationType() == session.atspi.RELATION_DESCRIBED_BY:
            texts += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    return texts


def state_names(node):
    return sorted(str(state) for state in node.getState().getStates())


def is_sensitive(session, node):
    """GTK says "sensitive" for every control one can use; "enabled" only for some."""
    return node.getState().contains(session.atspi.STATE_SENSITIVE)


def dump(node, depth=0):
    """The accessibility tree under node, for the log of a failed run."""
    if node is None or depth > 40:
        return
    print("  " * depth + f"{node.getRoleName()} '{node.name}' ({node.description})")
    for child in node:
        dump(child, depth + 1)


def run(session, layer):
    window = session.find_window()
    session.find(window, "label", "Hallway Demo Conference", timeout=60)

    # The catalogue at the preset URL, downloaded on this first start.
    session.window_action(window, "win.add-conference")
    known = session.group(window, "Known Conferences")
    session.find(known, "list item", "OpenGov Days 2026")
    session.screenshot(os.path.join(SCREENSHOTS, "admin-presets-catalogue.png"), window=window)
    session.key("Escape")

    session.activate_action("preferences")
    remind = session.find(window, "combo box", lambda name: name.startswith("Remind Me"))
    background = session.find(window, SWITCH, "Remind With the Window Closed")
    login = session.find(window, SWITCH, "Start at Login")
    changes = session.find(window, SWITCH, "Notify About Changes")
    path = session.screenshot(os.path.join(SCREENSHOTS, "admin-presets-preferences.png"),
                              window=window)

    # The preset default, on a first start.
    session.find(remind, "label", "30 minutes before")
    assert is_sensitive(session, remind), ("the reminder time is locked", state_names(remind))
    # Locked: greyed out, and the reason where a screen reader finds it.
    for switch in (background, login):
        assert not is_sensitive(session, switch), (switch.name, state_names(switch))
        assert not switch.getState().contains(session.atspi.STATE_ENABLED), switch.name
        assert described_by(session, switch) == [LOCKED_SUBTITLE], \
            (switch.name, described_by(session, switch))
    assert not background.getState().contains(session.atspi.STATE_CHECKED), \
        "the preset value of a locked key is not shown"
    # Not locked: as before.
    assert is_sensitive(session, changes), state_names(changes)
    assert described_by(session, changes) == ["When a bookmarked talk moves or is cancelled"], \
        described_by(session, changes)
    assert session.quit_app() == 0
    return path


def main():
    if shutil.which("unshare") is None:
        print("skipped: unshare (util-linux) is absent")
        return 77
    scratch = tempfile.mkdtemp(prefix="hallway-presets-")
    try:
        served = os.path.join(scratch, "www")
        os.makedirs(served)
        with open(os.path.join(served, "catalogue.json"), "w", encoding="utf-8") as catalogue:
            json.dump({"version": 1, "include-builtin": False, "conferences": [
                {"title": "OpenGov Days 2026", "subtitle": "Berlin · 12–13 May 2026",
                 "location": "https://example.org/opengov/schedule.xml"}]}, catalogue)
        server = serve_folder(served)
        url = f"http://127.0.0.1:{server.server_address[1]}/catalogue.json"
        layer = os.path.join(scratch, "etc")
        write_presets(layer, url)
        works, why = private_etc_works(layer)
        if not works:
            print(f"skipped: cannot lay a folder over /etc in a private mount namespace "
                  f"(needs root or CAP_SYS_ADMIN and overlayfs): {why}")
            return 77
        with HeadlessSession() as session:
            session.env["GSETTINGS_BACKEND"] = "keyfile"
            session.launch("unshare", "--mount", "--propagation", "private", "sh", "-c",
                           f"mount -t overlay overlay -o 'lowerdir={layer}:/etc' /etc && "
                           'exec "$0" "$@"', os.environ["HALLWAY_BINARY"])
            try:
                path = run(session, layer)
            except BaseException:
                dump(session.find_window())
                raise
        server.shutdown()
        print(f"ok: preset default and locks honoured, catalogue URL offered, screenshot {path}")
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


sys.exit(main())
