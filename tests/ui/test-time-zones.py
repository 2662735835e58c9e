#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Times in another zone, through the real app over AT-SPI: the computer in Tokyo, the
bundled demo conference in Brussels.

  - "Show Local Time" switched on while the schedule is shown: the time-slot headers switch
    with the rows (a header kept "Sat 6 Feb, 09:30" until the list was rebuilt) and say
    which zone they are in;
  - with conference times, a talk page gives the local time beside them with its week day
    when that is another day ("(07:30–08:30 JST here)" did not say it is Sunday)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")


def switch_local_time(session, on):
    """As the Preferences switch does, through the keyfile the app's settings live in (the
    backend watches it)."""
    folder = os.path.join(session.env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as keyfile:
        keyfile.write(f"[io/github/hallway_app/Hallway]\nshow-local-time={str(on).lower()}\n")


with HeadlessSession() as session:
    session.env["TZ"] = "Asia/Tokyo"
    session.preset_settings(show_local_time="false")
    session.launch(os.environ["HALLWAY_BINARY"])
    window = session.find_window("Hallway")
    session.find(window, "label", "Sat 6 Feb, 09:30", timeout=30)

    switch_local_time(session, True)
    session.find(window, "label", "Sat 6 Feb, 17:30 JST", timeout=10)
    session.screenshot(os.path.join(SCREENSHOTS, "time-zones-local.png"), window=window)
    session.find(window, "label", lambda text: text.startswith("17:30–18:20"), timeout=10)

    switch_local_time(session, False)
    session.find(window, "label", "Sat 6 Feb, 09:30", timeout=10)
    session.search_and_open(session.page(window, "Schedule"), "Late Night Hacking")
    page = session.page(window, "Late Night Hacking Session")
    when = session.find(page, "label", lambda text: "here)" in text, timeout=10)
    assert when.name == "Saturday 6 February 2027, 23:30–00:30 CET (Sunday 07:30–08:30 JST here)", (
        f"the talk page says {when.name!r}")
    session.screenshot(os.path.join(SCREENSHOTS, "time-zones-talk.png"), window=window)
    status = session.quit_app()
    assert status == 0, f"hallway exited with {status}"
print("ok: headers follow Show Local Time with their zone; the talk page names the local day")
