#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""What each program and module links (its ELF NEEDED entries, read by readelf; for
hallway-gui also everything those link in turn, as ldd lists it).

Start-up pays for every library it links: loading, relocating and symbol lookups (issue
13). The big ones the first frame does not need live in modules loaded later: WebKit
(libhallway-web), GStreamer (libhallway-player), libical with ICU (libhallway-ical),
libsoup (libhallway-http), libportal (libhallway-portal). So
hallway-gui must not link them, each module must link its own (else this check could not
tell a module that lost its library from one that never had it), hallway-cli (--dump)
links no GTK, and the launcher `hallway` links the C library alone. For hallway-gui the
rule holds for the whole chain: a library it links must not bring one of those in either
(Debian 12's libxml2 brought ICU; Debian 13's and sid's do not), unless an empty libadwaita
window loads it as well: sid's GTK links GStreamer itself, which no application can avoid."""
import os
import subprocess
import sys

BUILD = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "src")

# file → (prefixes of libraries it must link, of libraries it must not link): prefixes, as
# sonames differ between Debian 13, sid and the runtime
RULES = {
    "hallway-gui": (["libgtk-4.so", "libadwaita-1.so"],
                    ["libwebkitgtk", "libjavascriptcoregtk", "libgstreamer", "libical",
                     "libicu", "libsoup", "libportal"]),
    "libhallway-web.so": (["libwebkitgtk-6.0.so"], []),
    "libhallway-player.so": (["libgstreamer-1.0.so"], ["libwebkitgtk", "libical"]),
    "libhallway-ical.so": (["libical.so"], ["libgtk-4", "libwebkitgtk", "libgstreamer"]),
    "libhallway-portal.so": (["libportal-gtk4.so", "libportal.so"], ["libwebkitgtk",
                                                                      "libgstreamer"]),
    "libhallway-http.so": (["libsoup-3.0.so"], ["libgtk-4", "libwebkitgtk", "libgstreamer",
                                               "libical"]),
    "hallway-cli": (["libglib-2.0.so"], ["libgtk-4", "libadwaita", "libwebkitgtk",
                                           "libgstreamer", "libportal"]),
    "hallway": (["libc.so"], ["libglib", "libgtk-4"]),
}


def loaded(path):
    """Every library the dynamic linker loads for path: name → file, as ldd lists them."""
    output = subprocess.run(["ldd", path], check=True, capture_output=True, text=True).stdout
    return {line.split()[0]: line.split()[2] for line in output.splitlines() if "=>" in line}


def empty_window_chain(gui_chain):
    """What an empty libadwaita window loads: libadwaita and everything it links."""
    adwaita = next(name for name in gui_chain if name.startswith("libadwaita-1.so"))
    return {adwaita, *loaded(gui_chain[adwaita])}


def needed(path):
    output = subprocess.run(["readelf", "--dynamic", "--wide", path], check=True,
                            capture_output=True, text=True).stdout
    return [line.split("[", 1)[1].split("]", 1)[0]
            for line in output.splitlines() if "(NEEDED)" in line]


def checked_for_gui(libraries):
    """hallway-gui's libraries to hold to its rules: what it links itself, and what those
    load in turn unless an empty libadwaita window loads it too."""
    chain = loaded(os.path.join(BUILD, "hallway-gui"))
    platform = empty_window_chain(chain)
    forbidden = RULES["hallway-gui"][1]
    for library in sorted(platform):
        if any(library.startswith(prefix) for prefix in forbidden):
            print(f"note: libadwaita or GTK loads {library} itself on this system, "
                  "so an empty libadwaita window loads it too")
    print(f"hallway-gui loads {len(chain)} libraries in all, an empty libadwaita window "
          f"{len(platform)}")
    return set(libraries) | (set(chain) - platform)


failures = []
for name, (required, forbidden) in RULES.items():
    libraries = needed(os.path.join(BUILD, name))
    for prefix in required:
        if not any(library.startswith(prefix) for library in libraries):
            failures.append(f"{name} does not link {prefix}*: {libraries}")
    checked = checked_for_gui(libraries) if name == "hallway-gui" else libraries
    for prefix in forbidden:
        failures += [f"{name} loads {library}, which start-up must not load"
                     for library in sorted(checked) if library.startswith(prefix)]
    print(f"{name}: {len(libraries)} libraries: {' '.join(libraries)}")
if failures:
    sys.exit("\n".join(failures))
print("ok: start-up links none of the modules' libraries")
