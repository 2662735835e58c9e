#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Seed corpora for the fuzz targets, made at run time from the real schedules
(../shared/schedules, never copied into the tree) into a folder of the build:

    make-seeds.py SCHEDULES_DIR TARGET OUT_DIR

Schedules go in whole when small, as slices, and shrunk (every list cut to its first
two items) so the fuzzer starts from small, valid documents; abstracts become seeds of
the sanitizer and Markdown targets; the state files and the ICS writer get inputs in
their formats built from the schedules' titles and rooms."""

import hashlib
import json
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

MAX_WHOLE = 64 * 1024
SLICES = (1024, 4096, 16384, 65536)
MAX_TEXTS = 400


def schedules(folder, suffixes):
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and any(name.endswith(s) for s in suffixes):
            with open(path, 'rb') as f:
                yield name, f.read()


def whole_and_slices(data):
    if len(data) <= MAX_WHOLE:
        yield data
    for size in SLICES:
        if size < len(data):
            yield data[:size]


def shrink_json(value):
    if isinstance(value, list):
        return [shrink_json(v) for v in value[:2]]
    if isinstance(value, dict):
        return {k: shrink_json(v) for k, v in value.items()}
    return value


def shrink_xml(element):
    seen = {}
    for child in list(element):
        seen[child.tag] = seen.get(child.tag, 0) + 1
        if seen[child.tag] > 2:
            element.remove(child)
        else:
            shrink_xml(child)


def shrink_ics(text):
    out, events = [], 0
    for line in text.splitlines(keepends=True):
        if line.startswith('BEGIN:VEVENT'):
            events += 1
        if events > 3:
            if line.startswith('END:VCALENDAR'):
                out.append(line)
            continue
        out.append(line)
    if not any(l.startswith('END:VCALENDAR') for l in out):
        out.append('END:VCALENDAR\r\n')
    return ''.join(out).encode()


def seeds_xml(folder):
    for name, data in schedules(folder, ('.xml',)):
        yield from whole_and_slices(data)
        try:
            root = ET.fromstring(data)
        except ET.ParseError:
            continue
        shrink_xml(root)
        yield b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding='utf-8')


def seeds_json(folder):
    for name, data in schedules(folder, ('.json', '.json-is-404-html')):
        yield from whole_and_slices(data)
        try:
            value = json.loads(data)
        except ValueError:
            continue
        yield json.dumps(shrink_json(value), ensure_ascii=False, indent=1).encode()


def seeds_ical(folder):
    for name, data in schedules(folder, ('.ics',)):
        yield from whole_and_slices(data)
        yield shrink_ics(data.decode('utf-8', 'replace'))


def walk_texts(value, keys):
    if isinstance(value, dict):
        for k, v in value.items():
            if k in keys and isinstance(v, str) and v.strip():
                yield v
            else:
                yield from walk_texts(v, keys)
    elif isinstance(value, list):
        for v in value:
            yield from walk_texts(v, keys)


def abstracts(folder):
    texts = []
    keys = {'abstract', 'description', 'biography', 'long_description', 'subtitle'}
    for name, data in schedules(folder, ('.json',)):
        try:
            texts.extend(walk_texts(json.loads(data), keys))
        except ValueError:
            pass
    for name, data in schedules(folder, ('.xml',)):
        try:
            root = ET.fromstring(data)
        except ET.ParseError:
            continue
        for element in root.iter():
            if element.tag in ('abstract', 'description') and element.text and element.text.strip():
                texts.append(element.text)
    for name, data in schedules(folder, ('.ics',)):
        unfolded = re.sub(r'\r?\n[ \t]', '', data.decode('utf-8', 'replace'))
        for match in re.finditer(r'^DESCRIPTION[^:]*:(.*)$', unfolded, re.M):
            texts.append(match.group(1).replace('\\n', '\n').replace('\\,', ',').replace('\\;', ';'))
    return list(dict.fromkeys(texts))


def pick(texts, wanted):
    chosen = [t for t in texts if wanted(t)]
    step = max(1, len(chosen) // MAX_TEXTS)
    return [t.encode() for t in chosen[::step][:MAX_TEXTS]]


def seeds_sanitizer(folder):
    texts = abstracts(folder)
    return pick(texts, lambda t: '<' in t) + pick(texts, lambda t: '<' not in t)[:50]


def seeds_markdown(folder):
    texts = abstracts(folder)
    markdown = re.compile(r'(^#|\*\*|^\s*[-*] |\[[^]]*\]\(|`|^>)', re.M)
    return pick(texts, lambda t: markdown.search(t) is not None) + \
        pick(texts, lambda t: '<' in t)[:50]


def talks(folder, limit=40):
    """(guid, title, room, track, abstract) of some talks of the JSON schedules."""
    found = []
    for name, data in schedules(folder, ('.json',)):
        try:
            value = json.loads(data)
        except ValueError:
            continue
        stack = [value]
        while stack and len(found) < limit * 4:
            v = stack.pop()
            if isinstance(v, dict):
                if 'title' in v and ('guid' in v or 'code' in v) and isinstance(v['title'], str):
                    found.append((str(v.get('guid') or v.get('code')), v['title'],
                                  str(v.get('room') or ''), str(v.get('track') or ''),
                                  str(v.get('abstract') or '')))
                stack.extend(v.values())
            elif isinstance(v, list):
                stack.extend(v)
    return found[::max(1, len(found) // limit)][:limit]


def seeds_state(folder):
    items = talks(folder, 12)
    bookmarks = {'version': 1, 'bookmarks': [
        {'key': guid, 'title': title, 'start': '2026-01-31T10:%02d:00+01:00' % i,
         'end': '2026-01-31T11:%02d:00+01:00' % i, 'room': room, 'cancelled': i == 1,
         'backup': i == 2, 'added': '2026-01-20T09:00:00Z'}
        for i, (guid, title, room, _, _) in enumerate(items[:6])],
        'hidden_tracks': sorted({t for _, _, _, t, _ in items if t})[:2]}
    library = {'version': 1, 'current': 'a1b2c3d4e5f6', 'conferences': [
        {'id': 'a1b2c3d4e5f6', 'location': 'https://fosdem.org/2026/schedule/xml',
         'title': 'FOSDEM 2026', 'added': '2026-01-10T08:00:00Z'},
        {'id': 'f00dfeedbeef', 'location': 'file:///tmp/democon.json', 'title': 'DemoCon',
         'added': '2026-01-11T08:00:00Z'}]}
    catalogue = {'version': 1, 'include-builtin': False, 'conferences': [
        {'title': 'OpenGov Days 2026', 'location': 'https://example.org/schedule.xml',
         'subtitle': 'Berlin · 12–13 May 2026', 'follow': True},
        {'title': 'Local', 'location': '/srv/schedule.json'}]}
    reminders = {'version': 1, 'shown': [
        {'key': guid, 'start': '2026-01-31T10:00:00+01:00'} for guid, *_ in items[:3]] +
        [{'key': 'snoozed', 'start': '2026-01-31T10:00:00Z',
          'snoozed-until': '2026-01-31T10:05:00Z'}]}
    sequences = {'version': 1, 'uids': {
        '%s@fosdem-2026.hallway' % guid: {'sequence': i, 'start': '2026-01-31T09:00:00Z',
                                          'end': '2026-01-31T09:30:00Z',
                                          'room': room or None, 'cancelled': i == 2}
        for i, (guid, _, room, _, _) in enumerate(items[:4])}}
    payload = b'<schedule/>\n'  # CACHE_PAYLOAD in hallway-fuzz-state.c
    meta = {'version': 1, 'url': 'https://fuzz.invalid/schedule.xml', 'etag': '"abc"',
            'last_modified': 'Sat, 31 Jan 2026 09:00:00 GMT', 'fetched': '2026-01-31T09:00:00Z',
            'checked': '2026-01-31T09:30:00Z', 'sha256': hashlib.sha256(payload).hexdigest()}
    for selector, document in enumerate((bookmarks, library, catalogue, reminders, sequences, meta)):
        text = json.dumps(document, ensure_ascii=False, indent=2).encode()
        yield bytes([selector]) + text
        yield bytes([selector]) + json.dumps(shrink_json(document)).encode()


def ics_string(text):
    data = text.encode()[:255] if text else b''
    return bytes([len(data)]) + data


def seeds_ics_writer(folder):
    items = talks(folder, 30)
    zones = ('Europe/Brussels', '', 'America/New_York', 'Pacific/Chatham')
    for n, chunk in enumerate(range(0, len(items), 3)):
        group = items[chunk:chunk + 3]
        out = ics_string('FOSDEM%d' % n) + ics_string('Conference %d' % n) + \
            ics_string('ULB, Brussels') + ics_string(zones[n % len(zones)]) + \
            bytes([n, 10 if n % 2 else 250, len(group)])
        for i, (guid, title, room, track, abstract) in enumerate(group):
            out += ics_string(guid) + ics_string(str(i) if n % 3 == 1 else '') + \
                ics_string('slug-%d' % i) + ics_string(title) + ics_string('') + \
                ics_string(room) + ics_string(track) + ics_string(abstract[:200]) + \
                ics_string('https://example.org/talk/%d' % i) + ics_string('Ada Lovelace') + \
                ics_string('https://video.example.org/%d.webm' % i) + \
                struct.pack('>IH', 1138752000 + 3600 * (i + 24 * n), 25 + 5 * i)
        yield out


def seeds_snapshot(folder):
    """Damage for the snapshot target: no damage, one flipped byte at a few places, and
    cuts (hallway_fuzz_snapshot reads 4 bytes a change, a remainder as the length)."""
    yield b''
    for at in (0, 4, 9, 40, 200, 1000, 3000):
        yield struct.pack('>I', at << 8 | 0x01)
    for cut in (1, 100, 2000):
        yield struct.pack('>H', cut)


GENERATORS = {
    'xml': seeds_xml, 'json': seeds_json, 'ical': seeds_ical,
    'sanitizer': seeds_sanitizer, 'markdown': seeds_markdown,
    'state': seeds_state, 'ics-writer': seeds_ics_writer, 'snapshot': seeds_snapshot,
}


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in GENERATORS:
        sys.exit('usage: make-seeds.py SCHEDULES_DIR {%s} OUT_DIR' % ','.join(GENERATORS))
    folder, target, out = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    count = 0
    for seed in GENERATORS[target](folder):
        name = hashlib.sha1(seed).hexdigest()
        with open(os.path.join(out, name), 'wb') as f:
            f.write(seed)
        count += 1
    print('%s: %d seeds in %s' % (target, count, out), file=sys.stderr)


if __name__ == '__main__':
    main()
