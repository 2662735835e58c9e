# SPDX-License-Identifier: EUPL-1.2
"""A fake notification server (python-dbusmock) on a HeadlessSession's bus, and what the
tests ask of it."""
import json
import subprocess
import sys
import time

from hallwaysession import SessionError

_MOCK = ["gdbus", "call", "--session", "--dest", "org.freedesktop.Notifications",
         "--object-path", "/org/freedesktop/Notifications"]


def start(session):
    """Starts the server with body and actions, as GNOME Shell's."""
    mock = subprocess.Popen([sys.executable, "-m", "dbusmock", "--template", "notification_daemon",
                             "--parameters", json.dumps({"capabilities": "body actions"})],
                            env=session.env, stdout=subprocess.DEVNULL)
    session.processes.append(mock)
    time.sleep(1)
    return mock


def calls(session):
    """Every call the server saw, as gdbus prints them: [(id, 'Notify', args)…]."""
    return subprocess.run(_MOCK + ["--method", "org.freedesktop.DBus.Mock.GetCalls"],
                          env=session.env, capture_output=True, text=True, check=True).stdout


def wait_for(session, predicate, timeout, what):
    """The calls once predicate(calls) holds; SessionError after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if session.app is not None and session.app.poll() is not None:
            raise SessionError(f"hallway exited with status {session.app.returncode} while "
                               f"waiting for {what}")
        seen = calls(session)
        if predicate(seen):
            return seen
        time.sleep(1)
    raise SessionError(f"no {what} within {timeout} s; the server saw: {calls(session)}")


def invoke_action(session, notification_id, action):
    """What the shell sends when the person clicks a notification's button."""
    subprocess.run(_MOCK + ["--method", "org.freedesktop.DBus.Mock.EmitSignal",
                            "org.freedesktop.Notifications", "ActionInvoked", "us",
                            f'[<uint32 {notification_id}>, <"{action}">]'],
                   env=session.env, check=True, stdout=subprocess.DEVNULL)
