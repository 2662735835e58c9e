#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Hallway's calendar exports read by an independent parser, python3-icalendar.

test-export (given as the first argument) writes three exports with --write DIR:
tests/data/export-nasty.xml, the bundled demo conference and, when ../shared/schedules is
there, the seed devroom of FOSDEM 2026; each with a JSON file of what every VEVENT must
say, taken from Hallway's model. This reads the .ics files byte by byte
(CRLF, 75 octets a line, no UTF-8 sequence cut by a fold), then with icalendar, and
compares title, start and end (instant, zone and offset), location, track, URL and UID.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

import icalendar

SKIP = 77
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"not ok: {message}")


def check_lines(name, data):
    lines = data.split(b"\r\n")
    check(lines[-1] == b"", f"{name}: the file ends with CRLF")
    folded = 0
    for number, line in enumerate(lines[:-1], start=1):
        check(b"\n" not in line and b"\r" not in line, f"{name}:{number}: a bare CR or LF")
        check(len(line) <= 75, f"{name}:{number}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failures.append(f"{name}:{number}: a fold cuts a UTF-8 sequence")
        folded += line.startswith(b" ")
    return folded


def check_no_parse_errors(name, calendar):
    for component in calendar.walk():
        check(not component.errors, f"{name}: {component.name} has errors {component.errors}")


def zone_name(moment):
    tzinfo = moment.tzinfo
    return getattr(tzinfo, "key", None) or getattr(tzinfo, "zone", None) or str(tzinfo)


def check_time(name, event, prop, expected_iso, zone):
    value = event.decoded(prop)
    expected = datetime.datetime.fromisoformat(expected_iso)
    check(isinstance(value, datetime.datetime) and value.tzinfo is not None,
          f"{name}: {prop} is an aware date-time")
    check(value == expected, f"{name}: {prop} {value} != {expected}")
    check(value.utcoffset() == expected.utcoffset(),
          f"{name}: {prop} offset {value.utcoffset()} != {expected.utcoffset()}")
    check(zone_name(value) == zone, f"{name}: {prop} zone {zone_name(value)} != {zone}")
    check(event[prop].params.get("TZID") == zone, f"{name}: {prop} TZID parameter")


def unescape_text(value):
    return re.sub(r"\\([\\,;nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def raw_categories(data):
    """UID → the categories of each VEVENT, split on unescaped commas only.

    python3-icalendar 6.0.1 unescapes CATEGORIES before splitting it, so "Audio\\, Video"
    (one category, as RFC 5545 escapes it) comes out as two (collective/icalendar#127,
    fixed by pull request #1058 in a later release). Its parser still unfolds the content
    lines; the raw value (none of ours has a colon in a parameter) is split here.
    """
    categories = {}
    uid = None
    for line in icalendar.parser.Contentlines.from_ical(data):
        head, _colon, value = str(line).partition(":")
        name = head.split(";")[0].upper()
        if name == "UID":
            uid = unescape_text(value)
        elif name == "CATEGORIES":
            categories[uid] = [unescape_text(c) for c in re.findall(r"(?:\\.|[^,\\])+", value)]
    return categories


def check_event(name, event, expected, zone, categories):
    uid = expected["uid"]
    label = f"{name} {uid}"
    check(str(event["SUMMARY"]) == expected["summary"],
          f"{label}: SUMMARY {str(event['SUMMARY'])!r} != {expected['summary']!r}")
    check(str(event["LOCATION"]) == expected["location"],
          f"{label}: LOCATION {str(event['LOCATION'])!r} != {expected['location']!r}")
    check_time(label, event, "DTSTART", expected["start"], zone)
    check_time(label, event, "DTEND", expected["end"], zone)
    check(categories == [expected["categories"]],
          f"{label}: CATEGORIES {categories!r} != {[expected['categories']]!r}")
    if expected["url"] is not None:
        check(str(event["URL"]) == expected["url"], f"{label}: URL {event.get('URL')!r}")
    check(int(event["SEQUENCE"]) == 0, f"{label}: SEQUENCE")
    check(str(event["STATUS"]) == "CONFIRMED", f"{label}: STATUS")
    check("DTSTAMP" in event, f"{label}: DTSTAMP")
    alarms = [c for c in event.subcomponents if c.name == "VALARM"]
    check(len(alarms) == 1, f"{label}: one VALARM")
    if alarms:
        check(str(alarms[0]["ACTION"]) == "DISPLAY", f"{label}: VALARM ACTION")
        check(alarms[0].decoded("TRIGGER") == datetime.timedelta(minutes=-10),
              f"{label}: VALARM TRIGGER {alarms[0].decoded('TRIGGER')}")


def check_export(directory, name):
    with open(os.path.join(directory, name + ".ics"), "rb") as ics:
        data = ics.read()
    with open(os.path.join(directory, name + ".json"), encoding="utf-8") as listing:
        expected = json.load(listing)
    zone = expected["zone"]

    folded = check_lines(name, data)
    calendar = icalendar.Calendar.from_ical(data)
    check_no_parse_errors(name, calendar)
    check(str(calendar["VERSION"]) == "2.0", f"{name}: VERSION")
    check(str(calendar["PRODID"]).startswith("-//Hallway//Hallway "), f"{name}: PRODID")
    zones = [str(c["TZID"]) for c in calendar.walk("VTIMEZONE")]
    check(zones == [zone], f"{name}: VTIMEZONE {zones}")

    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    categories = raw_categories(data)
    check(len(events) == len(expected["events"]), f"{name}: {len(events)} VEVENTs")
    for wanted in expected["events"]:
        event = events.get(wanted["uid"])
        check(event is not None, f"{name}: no VEVENT {wanted['uid']}")
        if event is not None:
            check_event(name, event, wanted, zone, categories.get(wanted["uid"]))
    print(f"ok: {name}: {len(events)} events, {folded} folded lines, zone {zone}")
    return calendar


def check_nasty(calendar):
    first = next(e for e in calendar.walk("VEVENT")
                 if str(e["UID"]) == "7a1c0f9e-2b44-4c55-9d1e-000000000001@nasty-2027.hallway")
    description = str(first["DESCRIPTION"])
    check(description.startswith("Sub: title, with; punctuation\n\nFirst paragraph, with commas; "
                                 "semicolons; and a back\\slash.\n"),
          f"nasty: DESCRIPTION starts {description[:80]!r}")
    for piece in ("“ünïcödé” 🎉 and 日本語.", "Speakers: Zoë Ünïcode, Jean-Pierre, Jr.",
                  "Slides; PDF, v2: https://example.org/slides,v2;final.pdf"):
        check(piece in description, f"nasty: DESCRIPTION lacks {piece!r}")
    check("<" not in description and "alert" not in description, "nasty: markup left")
    check(str(calendar["X-WR-CALNAME"]) == "Nasty, values; conference \\ 2027",
          f"nasty: X-WR-CALNAME {str(calendar['X-WR-CALNAME'])!r}")


def main():
    writer = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="hallway-export-") as directory:
        result = subprocess.run([writer, "--write", directory], check=False)
        if result.returncode not in (0, SKIP):
            print(f"{writer} --write failed: {result.returncode}")
            return 1
        nasty = check_export(directory, "nasty")
        check_nasty(nasty)
        demo = check_export(directory, "demo")
        check(len(list(demo.walk("VEVENT"))) == 7, "demo: 7 talks")
        if result.returncode == SKIP:
            print("the shared schedules are absent: the seed devroom is not checked")
        else:
            seed = check_export(directory, "seed")
            check(len(list(seed.walk("VEVENT"))) == 14, "seed: 14 talks")
    if failures:
        print(f"{len(failures)} failures")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
