#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""What a software store shows of Hallway, checked on the built metainfo.

  check-metainfo.py pedantic APPSTREAMCLI METAINFO
      `appstreamcli validate --pedantic` reports nothing but the app id's uppercase letter
      (io.github.hallway_app.Hallway: the id follows the GitHub organisation's name).
  check-metainfo.py screenshots METAINFO
      every screenshot is linked by a release tag or a commit, never a branch; the picture
      is in data/screenshots/, a PNG with transparency of at most 1000×700, and the README
      shows it; captions are there and distinct; branding has a light and a dark colour.
  check-metainfo.py self-test APPSTREAMCLI METAINFO
      both checks above reject metainfo files with problems injected into them.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.environ.get("HALLWAY_SOURCE_ROOT",
                      os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REPOSITORY = "https://raw.githubusercontent.com/hallway-app/hallway/"
ALLOWED_TAG = "cid-contains-uppercase-letter"
MAX_SIZE = (1000, 700)
# One issue line of appstreamcli's text report: "P: io.github.…:4: tag hint…".
ISSUE = re.compile(r"^([EWIP]): ([^:\s]+)(?::(\d+))?: (\S+)(?: (.*))?$")


def pedantic_problems(appstreamcli, metainfo):
    """Runs the validator and returns what is wrong, allowing one issue."""
    component = ET.parse(metainfo).getroot().findtext("id")
    result = subprocess.run([appstreamcli, "validate", "--pedantic", "--no-net", metainfo],
                            capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1"))
    output = result.stdout + result.stderr
    problems = []
    issues = 0
    for line in output.splitlines():
        line = line.strip()
        match = ISSUE.match(line)
        if match is None:
            if re.match(r"^[EWIP]: ", line):
                problems.append(f"an issue line not understood: {line}")
            continue
        issues += 1
        severity, _, _, tag, hint = match.groups()
        if not (severity == "P" and tag == ALLOWED_TAG and (hint or "").strip() == component):
            problems.append(f"appstreamcli: {line}")
    summary = re.search(r"Validation (was successful|failed)", output)
    if summary is None:
        problems.append(f"appstreamcli printed no verdict:\n{output}")
    elif summary.group(1) == "failed" or result.returncode != 0:
        problems.append(f"appstreamcli failed (exit status {result.returncode})")
    if issues == 0 and component.lower() != component:
        # The uppercase letter is always reported: its absence means the output changed.
        problems.append(f"appstreamcli did not report {ALLOWED_TAG}; its output changed:\n"
                        f"{output}")
    return problems


def png_header(path):
    """(width, height, colour type) from a PNG's IHDR chunk, or None."""
    with open(path, "rb") as picture:
        head = picture.read(26)
    if len(head) < 26 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return width, height, head[25]


def screenshot_problems(metainfo, root=ROOT):
    component = ET.parse(metainfo).getroot()
    problems = []
    versions = [release.get("version") for release in component.iter("release")]
    tags = {f"v{version}" for version in versions if version}
    with open(os.path.join(root, "README.md"), encoding="utf-8") as readme:
        readme_text = readme.read()

    shots = component.findall("screenshots/screenshot")
    if not shots:
        problems.append("no screenshots")
    defaults = [shot for shot in shots if shot.get("type") == "default"]
    if len(defaults) != 1:
        problems.append(f"{len(defaults)} default screenshots, not one")
    captions = []
    for shot in shots:
        caption = (shot.findtext("caption") or "").strip()
        if not caption:
            problems.append("a screenshot without a caption")
        captions.append(caption)
        for image in shot.findall("image"):
            url = (image.text or "").strip()
            if not url.startswith(REPOSITORY):
                problems.append(f"{url}: not in {REPOSITORY}")
                continue
            ref, _, path = url[len(REPOSITORY):].partition("/")
            # A tag of a release listed here, or a commit; a branch moves under the store.
            if ref not in tags and not re.fullmatch(r"[0-9a-f]{40}", ref):
                problems.append(f"{url}: points at '{ref}', neither a release tag "
                                f"({', '.join(sorted(tags)) or 'no releases'}) nor a commit")
            if not re.fullmatch(r"data/screenshots/[a-z0-9-]+\.png", path):
                problems.append(f"{url}: not a PNG in data/screenshots/")
                continue
            local = os.path.join(root, path)
            header = png_header(local) if os.path.exists(local) else None
            if header is None:
                problems.append(f"{path}: missing or not a PNG")
                continue
            width, height, colour = header
            if width > MAX_SIZE[0] or height > MAX_SIZE[1]:
                problems.append(f"{path}: {width}×{height}, larger than 1000×700")
            if colour != 6:
                problems.append(f"{path}: no alpha channel (the window's corners and shadow "
                                "need a transparent background)")
            if f"({path})" not in readme_text:
                problems.append(f"{path}: the README does not show it")
    if len(set(captions)) != len(captions):
        problems.append("two screenshots share a caption")

    colours = {color.get("scheme_preference"): (color.text or "").strip()
               for color in component.findall("branding/color")
               if color.get("type") == "primary"}
    for scheme in ("light", "dark"):
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", colours.get(scheme, "")):
            problems.append(f"branding: no primary colour for the {scheme} scheme")
    for kind in ("translate", "contribute", "homepage", "bugtracker", "vcs-browser"):
        if not component.findall(f"url[@type='{kind}']"):
            problems.append(f"no <url type=\"{kind}\">")
    if component.find("content_rating") is None:
        problems.append("no content rating")
    for release in component.iter("release"):
        description = release.find("description")
        if description is None or not "".join(description.itertext()).strip():
            problems.append(f"release {release.get('version')} has no description")
    return problems


def injected(metainfo, old, new):
    with open(metainfo, encoding="utf-8") as source:
        text = source.read()
    if old not in text:
        raise SystemExit(f"self-test: '{old}' is not in {metainfo}; update the self-test")
    handle, path = tempfile.mkstemp(suffix=".metainfo.xml")
    with os.fdopen(handle, "w", encoding="utf-8") as target:
        target.write(text.replace(old, new, 1))
    return path


def self_test(appstreamcli, metainfo):
    """Each injected problem must be found; the untouched file must pass."""
    failures = []
    if pedantic_problems(appstreamcli, metainfo):
        failures.append("the untouched metainfo does not pass the pedantic check")
    if screenshot_problems(metainfo):
        failures.append("the untouched metainfo does not pass the screenshot check")
    pedantic_cases = {
        "a summary ending in a full stop": ("<summary>Plan your conference day</summary>",
                                            "<summary>Plan your conference day.</summary>"),
        "a homepage over http": ('<url type="homepage">https://',
                                 '<url type="homepage">http://'),
        "a release without a date": ('date="', 'data-date="'),
    }
    screenshot_cases = {
        "a screenshot on the main branch": ("/hallway/v", "/hallway/main/v"),
        "a screenshot on master": ("hallway-app/hallway/v0.1.0/", "hallway-app/hallway/master/"),
        "a screenshot that is not in data/screenshots": ("/schedule.png", "/schedule-old.png"),
        "an opaque, oversized screenshot": ("/schedule.png", "/oversized.png"),
        "no dark branding colour": ('scheme_preference="dark"', 'scheme_preference="light"'),
        "a caption left empty": ("<caption>A talk with its abstract, in the dark style"
                                 "</caption>", "<caption></caption>"),
    }
    for name, (old, new) in pedantic_cases.items():
        path = injected(metainfo, old, new)
        try:
            if not pedantic_problems(appstreamcli, path):
                failures.append(f"pedantic check missed {name}")
        finally:
            os.unlink(path)
    with tempfile.TemporaryDirectory() as root:
        # A copy of the pictures and README, and one picture too big and opaque.
        os.makedirs(os.path.join(root, "data", "screenshots"))
        for name in os.listdir(os.path.join(ROOT, "data", "screenshots")):
            shutil.copy(os.path.join(ROOT, "data", "screenshots", name),
                        os.path.join(root, "data", "screenshots", name))
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as readme:
            text = readme.read()
        with open(os.path.join(root, "README.md"), "w", encoding="utf-8") as readme:
            readme.write(text + "\n![](data/screenshots/oversized.png)\n")
        with open(os.path.join(root, "data", "screenshots", "oversized.png"), "wb") as big:
            big.write(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
                      + struct.pack(">IIBBBBB", 1280, 800, 8, 2, 0, 0, 0))
        for name, (old, new) in screenshot_cases.items():
            path = injected(metainfo, old, new)
            try:
                found = screenshot_problems(path, root)
                if not found:
                    failures.append(f"screenshot check missed {name}")
                elif name == "an opaque, oversized screenshot" and len(found) < 2:
                    # its size and its missing alpha
                    failures.append(f"screenshot check found only {found} in {name}")
            finally:
                os.unlink(path)
    return failures


def main(argv):
    mode = argv[1] if len(argv) > 1 else ""
    if mode == "pedantic" and len(argv) == 4:
        problems = pedantic_problems(argv[2], argv[3])
    elif mode == "screenshots" and len(argv) == 3:
        problems = screenshot_problems(argv[2])
    elif mode == "self-test" and len(argv) == 4:
        problems = self_test(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"ok: {mode}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
