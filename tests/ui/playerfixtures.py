# SPDX-License-Identifier: EUPL-1.2
"""What the player tests share (issue 16): an HLS stream made at test time with GStreamer,
a FOSDEM-like schedule with talks running now, and a catalogue whose "room-stream" points at
a loopback server."""
import datetime
import json
import os
import subprocess
import time


def make_hls(folder, name, seconds=12):
    """An HLS playlist folder/name.m3u8 of H.264 segments of one second each (as FOSDEM's
    streams are, without sound): colour bars that scroll sideways, so frames differ.
    GStreamer 1.26's hlssink2 sometimes hangs after the last segment and the playlist's end
    are written (one run in three here): the playlist's #EXT-X-ENDLIST is the sign that the
    stream is whole, and gst-launch is then stopped if it has not exited."""
    playlist = os.path.join(folder, name) + ".m3u8"
    frames = seconds * 25
    encoder = subprocess.Popen(
        ["gst-launch-1.0", "-q", "videotestsrc", "pattern=smpte", "horizontal-speed=6",
         f"num-buffers={frames}", "!",
         "video/x-raw,format=I420,width=480,height=270,framerate=25/1", "!",
         "x264enc", "tune=zerolatency", "key-int-max=25", "!", "h264parse", "!",
         "hlssink2", "target-duration=1", "playlist-length=0", "max-files=0",
         f"location={os.path.join(folder, name)}%05d.ts", f"playlist-location={playlist}"],
        stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if os.path.exists(playlist):
            with open(playlist, encoding="utf-8") as text:
                if "#EXT-X-ENDLIST" in text.read():
                    break
        if encoder.poll() is not None:
            break
        time.sleep(0.2)
    else:
        encoder.kill()
        raise RuntimeError(f"gst-launch-1.0 made no whole HLS stream {playlist} in 120 s")
    if encoder.poll() is None:
        time.sleep(1)
        encoder.kill()
    encoder.wait()
    with open(playlist, encoding="utf-8") as text:
        assert "#EXT-X-ENDLIST" in text.read(), f"{playlist} is not whole"
    return playlist


def make_mp4(path, seconds=10):
    """A recording as FOSDEM publishes them besides WebM: MP4 with H.264, its index first
    (Python's loopback server answers no range requests, so the player cannot seek to an
    index at the end as it does on video.fosdem.org)."""
    subprocess.run(
        ["gst-launch-1.0", "-q", "videotestsrc", "pattern=smpte", "horizontal-speed=6",
         f"num-buffers={seconds * 25}", "!",
         "video/x-raw,format=I420,width=480,height=270,framerate=25/1", "!",
         "x264enc", "key-int-max=25", "!", "h264parse", "!", "mp4mux", "faststart=true", "!",
         f"filesink", f"location={path}"],
        check=True, timeout=120, stdin=subprocess.DEVNULL)
    return path


def event(number, start, minutes, room, title, links=""):
    return f"""
    <room name="{room}">
      <event id="{number}" guid="player-{number}">
        <date>{start.isoformat()}</date><start>{start:%H:%M}</start>
        <duration>{minutes // 60:02d}:{minutes % 60:02d}</duration>
        <room>{room}</room><title>{title}</title><track>Testing</track>
        <links>{links}</links>
      </event>
    </room>"""


def write_schedule(path, talks):
    """talks: (room, title, minutes from now to its start, links XML) a talk, each 40 minutes
    long, in a conference whose acronym makes it FOSDEM's (the web page of a room's stream:
    https://live.fosdem.org/watch/<room slug>)."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
    events = [event(number, now + datetime.timedelta(minutes=offset), 40, room, title, links)
              for number, (room, title, offset, links) in enumerate(talks, 1)]
    first = min(now + datetime.timedelta(minutes=offset) for _, _, offset, _ in talks)
    with open(path, "w", encoding="utf-8") as output:
        output.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>fosdem-test</acronym><title>Player Test</title>
    <time_zone_name>UTC</time_zone_name></conference>
  <day index="1" date="{first:%Y-%m-%d}">{''.join(events)}
  </day>
</schedule>
""")


def write_catalogue(folder, schedule, stream_base):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "catalogue.json"), "w", encoding="utf-8") as output:
        json.dump({"version": 1, "include-builtin": False,
                   "conferences": [{"title": "Player Test", "location": schedule,
                                    "room-stream": stream_base + "/{room}.m3u8"}]}, output)


def activate(session, window, name):
    """Tabs to the row named name in window, as a keyboard user would, and presses Enter."""
    path = []
    for _ in range(40):
        session.key("Tab")
        node = session.focused(window)
        path.append(f"{node.getRoleName()} '{node.name}'" if node is not None else "nothing")
        if node is not None and node.name == name:
            session.key("Return")
            return node
    raise AssertionError(f"Tab never reached {name}; path: {path}")


def open_talk(session, window, title):
    """The talk's page in the main window, brought forward: through app.search-talks (as
    the desktop's search does), since Xvfb has no window manager to give the main window
    the keyboard back when a player window closes; then Enter opens the first match."""
    session.activate_action("search-talks", f"<('', '{title}')>")
    time.sleep(1)
    session.key("Return")
    return session.page(window, title)
