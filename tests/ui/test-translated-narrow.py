#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Hallway in Spanish, Italian and Portuguese on a phone-sized window (360 px), through the
real app and the bundled demo conference:

  - the schedule, Now & Next, a talk page and Preferences speak the language (their
    accessible names);
  - week days and months come from the locale: the day switcher says "sáb 6", a talk on
    Saturday 6 February says "sábado 6 de febrero de 2027" ("sabato 6 febbraio 2027");
  - no translation makes the window wider than 360 px (GTK widens a window to its content's
    minimum), puts a label or a button outside it, or is cut short with "…".

Screenshots land in screenshots/translated/ (<language>-schedule, -now, -talk,
-preferences): look at them too, the ellipsis check judges only endings in ASCII."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hallwaysession import SWITCH, HeadlessSession  # noqa: E402

SCREENSHOTS = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots", "translated")
TALK = "A Free Desktop for Ministries: Three Years In"    # Saturday 6 February 2027, 10:30
WIDTH, HEIGHT = 360, 640
# Xvfb's windows have no compositor: GTK draws a 5 px frame inside the extents AT-SPI gives.
FRAME = 5
# The accessible names each language gives, and the dates its locale writes.
LANGUAGES = {
    "es": {"locale": "es_ES.UTF-8", "schedule": "Programa", "search": "Buscar charlas",
           "day": "sáb 6", "when": "sábado 6 de febrero de 2027, 10:30–",
           "details": "Detalles", "local_time": "Mostrar la hora local", "now": "Ahora y próximas",
           "reminders": "Recordatorios"},
    "it": {"locale": "it_IT.UTF-8", "schedule": "Programma", "search": "Cerca interventi",
           "day": "sab 6", "when": "sabato 6 febbraio 2027, 10:30–",
           "details": "Dettagli", "local_time": "Mostra l'ora locale", "now": "Ora e a seguire",
           "reminders": "Promemoria"},
    "pt": {"locale": "pt_PT.UTF-8", "schedule": "Programa", "search": "Pesquisar palestras",
           "day": "sáb 6", "when": "sábado, 6 de fevereiro de 2027, 10:30–",
           "details": "Detalhes", "local_time": "Mostrar a hora local", "now": "Agora e a seguir",
           "reminders": "Lembretes"},
}
# Glyphs that may be this thin without being squeezed behind an ellipsis.
NARROW = "iljIJ1"
SQUEEZED = 10
# Text is as wide as in a GNOME session: Cantarell 11 (GTK reads it from settings.ini).
GNOME_FONT = "[Settings]\ngtk-font-name=Cantarell 11\ngtk-decoration-layout=appmenu:close\n"


def gnome_font(session):
    folder = os.path.join(session.env["XDG_CONFIG_HOME"], "gtk-4.0")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "settings.ini"), "w", encoding="utf-8") as settings:
        settings.write(GNOME_FONT)


def ellipsized(session, label, height):
    """Whether GTK cut the label's text short with "…", where it is in view. AT-SPI does not
    say so, but Pango squeezes the characters hidden behind the ellipsis into its few pixels:
    three letters or digits at the end of the text that take under SQUEEZED px were not
    drawn. GTK 4.18 counts the offsets of character extents in bytes, so both ways are
    measured (only a squeeze in both counts), and only an ASCII ending is judged, where the
    two agree."""
    text = label.queryText()
    content = text.getText(0, -1)
    tail = content[-3:]
    if len(tail) < 3 or not all(char.isascii() and char.isalnum() and char not in NARROW
                                for char in tail):
        return False
    end_chars, end_bytes = len(content), len(content.encode())
    extents = [text.getRangeExtents(start, end, session.atspi.WINDOW_COORDS)
               for start, end in ((end_chars - 3, end_chars), (end_bytes - 3, end_bytes))]
    # Scrolled out of the view: the page goes on below the window's bottom.
    if not all(0 <= y and y + h <= height for _, y, _, h in extents):
        return False
    measured = [width for _, _, width, _ in extents if width > 0]  # 0: not laid out
    return bool(measured) and max(measured) < SQUEEZED


def check_fits(session, window, view):
    """The window kept its 360 px, every label and button on screen lies inside it, and no
    label but a talk's title is cut short."""
    box = window.queryComponent().getExtents(session.atspi.DESKTOP_COORDS)
    assert box.width == WIDTH + 2 * FRAME, \
        f"{view}: the window is {box.width - 2 * FRAME} px wide, not {WIDTH}: a text is too long"
    outside = []
    for role in ("label", "push button", "toggle button"):
        for node in session.find_all(window, role):
            extents = node.queryComponent().getExtents(session.atspi.DESKTOP_COORDS)
            if extents.width > 0 and (extents.x < box.x or
                                      extents.x + extents.width > box.x + box.width):
                outside.append(f"{role} {node.name!r} at x {extents.x - box.x}, "
                               f"{extents.width} px wide")
    assert not outside, f"{view}: outside the {WIDTH} px window: " + "; ".join(outside)
    cut = [label.name for label in session.find_all(window, "label")
           if label.name != TALK and ellipsized(session, label, box.height)]
    assert not cut, f"{view}: cut short with “…”: {cut}"


def shoot(session, window, language, view):
    session.atspi.Registry.generateMouseEvent(session.size[0] - 1, session.size[1] - 1, "abs")
    session.screenshot(os.path.join(SCREENSHOTS, f"{language}-{view}.png"), settle=1,
                       window=window)
    check_fits(session, window, f"{language} {view}")


def run(session, language, names):
    session.preset_settings(window_width=WIDTH + 2 * FRAME, window_height=HEIGHT + 2 * FRAME)
    session.launch(os.environ["HALLWAY_BINARY"],
                   env={"LANGUAGE": language, "LANG": names["locale"], "LC_ALL": names["locale"],
                        "TZ": "Europe/Brussels"})
    window = session.find_window()
    session.find(window, "label", "Hallway Demo Conference", timeout=60)
    session.window_action(window, "win.show-schedule")
    schedule = session.page(window, names["schedule"])
    session.find(schedule, "label", names["day"])
    shoot(session, window, language, "schedule")
    # Its subtitle is the longest line of a header.
    session.window_action(window, "win.show-now")
    session.page(window, names["now"])
    shoot(session, window, language, "now")
    session.window_action(window, "win.show-schedule")

    session.window_action(window, "win.search")
    session.set_text(session.find(schedule, "entry", names["search"]), TALK)
    session.key("Return")
    talk = session.page(window, TALK)
    details = session.find(talk, "list", names["details"])
    when = session.find(details, "label", lambda text: text.startswith(names["when"]))
    assert when.name.endswith(" CET"), f"{language}: the talk's time is {when.name!r}"
    shoot(session, window, language, "talk")

    session.activate_action("preferences")
    session.find(window, SWITCH, names["local_time"])
    session.group(window, names["reminders"])
    shoot(session, window, language, "preferences")
    assert session.quit_app() == 0


# One private desktop for all: the accessibility registry binds to the first bus it sees.
with HeadlessSession(width=800, height=800) as desktop:
    gnome_font(desktop)
    for language, names in LANGUAGES.items():
        run(desktop, language, names)
print(f"ok: {', '.join(LANGUAGES)} at {WIDTH} px; screenshots in {SCREENSHOTS}")
