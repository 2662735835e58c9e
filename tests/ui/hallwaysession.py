# SPDX-License-Identifier: EUPL-1.2
"""A private desktop for driving the real Hallway as a person would.

HeadlessSession starts Xvfb, a private D-Bus session bus and the accessibility bus, gives
the app a throwaway home, and talks to it through AT-SPI: find widgets by accessible
role and name, press buttons, take screenshots, and quit the app through its own
app.quit action. Used by the UI tests and by `build-aux/dev run` on a machine with no
display.
"""
import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
import time

APP_ID = os.environ.get("HALLWAY_APP_ID", "io.github.hallway_app.Hallway")
# The role of a switch (AdwSwitchRow's): "check box" up to GTK 4.18, "switch" in GTK 4.24.
SWITCH = ("check box", "switch")

# GNOME's defaults (org.gnome.desktop.interface, .wm.preferences) for a session with no
# settings daemon: GTK reads them from its settings.ini.
GNOME_SETTINGS = """[Settings]
gtk-decoration-layout=appmenu:close
gtk-font-name=Cantarell 11
gtk-icon-theme-name=Adwaita
gtk-xft-antialias=1
gtk-xft-hinting=1
gtk-xft-hintstyle=hintslight
gtk-xft-rgba=none
"""


# The tests drive the app with the keyboard, so GTK rings the focused widget; a person
# using the mouse sees no ring. The user style sheet hides them, and nothing else.
NO_FOCUS_RING = "*:focus-visible { outline-color: transparent; }\n"


# What a person can press, type into, move to or pick: each needs a name and a role.
CONTROLS = {"push button", "button", "toggle button", "check box", "radio button",
            "menu item", "check menu item", "radio menu item", "entry", "password text",
            "link", "combo box", "spin button", "slider", "page tab", *SWITCH}


def is_control(session, node):
    role = node.getRoleName()
    state = node.getState()
    if role in CONTROLS:
        return True
    # Text one can type into, and rows one can move to and activate.
    if role == "text":
        return state.contains(session.atspi.STATE_EDITABLE) \
            and state.contains(session.atspi.STATE_FOCUSABLE)
    return role == "list item" and state.contains(session.atspi.STATE_FOCUSABLE)


def path_of(node):
    parts = []
    while node is not None and node.getRoleName() != "frame":
        parts.append(f"{node.getRoleName()} '{node.name}'")
        node = node.parent
    return " < ".join(parts)


def unnamed_controls(session, root):
    atspi = session.atspi

    def unnamed(node):
        return (node is not None and node.getState().contains(atspi.STATE_SHOWING)
                and is_control(session, node) and not (node.name or "").strip())
    return [path_of(node) for node in atspi.findAllDescendants(root, unnamed)]


def count_controls(session, root):
    atspi = session.atspi
    return len(atspi.findAllDescendants(
        root, lambda node: node is not None and node.getState().contains(atspi.STATE_SHOWING)
        and is_control(session, node)))




def roleless_controls(session, root):
    """Showing, focusable nodes whose role says nothing (GTK's "unknown")."""
    atspi = session.atspi

    def roleless(node):
        if node is None:
            return False
        state = node.getState()
        return (state.contains(atspi.STATE_SHOWING) and state.contains(atspi.STATE_FOCUSABLE)
                and node.getRoleName() in ("unknown", "invalid", ""))
    return [path_of(node) for node in atspi.findAllDescendants(root, roleless)]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_folder(folder):
    """A loopback HTTP server for the files in folder, in a thread; shutdown() stops it."""
    handler = functools.partial(_QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class SessionError(Exception):
    pass


def describe(node):
    """A node as a failure message names it: its role and name."""
    return "nothing" if node is None else f"{node.getRoleName()} '{node.name}'"


def inside(node, is_ancestor):
    """Whether node or one of its ancestors satisfies is_ancestor(ancestor)."""
    while node is not None:
        if is_ancestor(node):
            return True
        node = node.parent
    return False


def _wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.1)
    raise SessionError(f"timed out after {timeout} s waiting for {what}")


class HeadlessSession:
    def __init__(self, width=1280, height=800):
        self.size = (width, height)
        self.processes = []
        self.home = tempfile.mkdtemp(prefix="hallway-session-")
        self.app = None
        self.env = None
        # The helpers below find controls by their English names; a test of the app in
        # another language sets this to its catalogue's gettext.
        self.translate = lambda text: text

    # ---- the desktop -------------------------------------------------------------

    def __enter__(self):
        try:
            self._start_xvfb()
            self._start_session_bus()
            self._start_accessibility_bus()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def _spawn(self, argv, **kwargs):
        process = subprocess.Popen(argv, **kwargs)
        self.processes.append(process)
        return process

    def _start_xvfb(self):
        read_end, write_end = os.pipe()
        width, height = self.size
        self._spawn(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                     f"{width}x{height}x24", "-nolisten", "tcp"],
                    pass_fds=(write_end,), stderr=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise SessionError("Xvfb did not start")
        self.display = f":{number}"

    def _start_session_bus(self):
        bus = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address"],
                          stdout=subprocess.PIPE, text=True)
        self.bus_address = bus.stdout.readline().strip()
        if not self.bus_address:
            raise SessionError("the private D-Bus session did not start")
        env = dict(os.environ)
        for name in ("WAYLAND_DISPLAY", "NO_AT_BRIDGE", "GTK_A11Y"):
            env.pop(name, None)
        env.update({
            "DISPLAY": self.display,
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "LIBGL_ALWAYS_SOFTWARE": "1",
            # WebKit's DMA-BUF renderer paints nothing on Xvfb.
            "WEBKIT_DISABLE_DMABUF_RENDERER": "1",
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "XDG_STATE_HOME": os.path.join(self.home, "state"),
            "XDG_RUNTIME_DIR": os.path.join(self.home, "runtime"),
        })
        env.setdefault("GSETTINGS_BACKEND", "memory")
        os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
        self.env = env

    def _start_accessibility_bus(self):
        launcher = shutil.which("at-spi-bus-launcher") or "/usr/libexec/at-spi-bus-launcher"
        self._spawn([launcher, "--launch-immediately"], env=self.env,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # pyatspi reads the session bus from the environment when first imported.
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = self.bus_address
        os.environ["DISPLAY"] = self.display
        os.environ.pop("NO_AT_BRIDGE", None)
        import pyatspi  # noqa: E402 (needs the environment above)
        self.atspi = pyatspi
        _wait_for(self._registry_answers, 20, "the accessibility bus")

    def _registry_answers(self):
        try:
            self.atspi.Registry.getDesktop(0).childCount
            return True
        except Exception:
            return False

    def close(self):
        if self.app is not None and self.app.poll() is None:
            self.app.terminate()
            try:
                self.app.wait(5)
            except subprocess.TimeoutExpired:
                self.app.kill()
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(self.home, ignore_errors=True)

    # ---- the app -----------------------------------------------------------------

    def gnome_look(self):
        """Cantarell, Adwaita, GNOME's button layout and no focus rings, as a default GNOME
        session looks: for screenshots people look at."""
        folder = os.path.join(self.env["XDG_CONFIG_HOME"], "gtk-4.0")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "settings.ini"), "w", encoding="utf-8") as settings:
            settings.write(GNOME_SETTINGS)
        with open(os.path.join(folder, "gtk.css"), "w", encoding="utf-8") as css:
            css.write(NO_FOCUS_RING)

    def preset_settings(self, **values):
        """Starts the app with these GSettings values (window-width=360…), through the
        keyfile backend in the throwaway home."""
        folder = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
        os.makedirs(folder, exist_ok=True)
        lines = ["[io/github/hallway_app/Hallway]"]
        lines += [f"{key.replace('_', '-')}={value}" for key, value in values.items()]
        with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as keyfile:
            keyfile.write("\n".join(lines) + "\n")
        self.env["GSETTINGS_BACKEND"] = "keyfile"

    def install_fake_browser(self):
        """Makes the session's default https handler a script that appends each URL it is
        given to a file; returns a function that reads them back, in order."""
        opened = os.path.join(self.home, "opened-urls.txt")
        script = os.path.join(self.home, "fake-browser")
        with open(script, "w", encoding="utf-8") as output:
            output.write(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{opened}"\n')
        os.chmod(script, 0o755)
        applications = os.path.join(self.env["XDG_DATA_HOME"], "applications")
        os.makedirs(applications, exist_ok=True)
        with open(os.path.join(applications, "fake-browser.desktop"), "w",
                  encoding="utf-8") as output:
            output.write("[Desktop Entry]\nType=Application\nName=Fake Browser\n"
                         f"Exec={script} %u\nMimeType=x-scheme-handler/https;\n")
        os.makedirs(self.env["XDG_CONFIG_HOME"], exist_ok=True)
        with open(os.path.join(self.env["XDG_CONFIG_HOME"], "mimeapps.list"), "w",
                  encoding="utf-8") as output:
            output.write("[Default Applications]\nx-scheme-handler/https=fake-browser.desktop\n")

        def opened_urls():
            if not os.path.exists(opened):
                return []
            with open(opened, encoding="utf-8") as lines:
                return lines.read().split()
        return opened_urls

    def wait_for_browser(self, opened_urls, url, timeout=20):
        """The URLs the fake browser was given, once url is among them."""
        return _wait_for(lambda: url in opened_urls() and opened_urls(), timeout,
                         f"the browser to open {url}")

    def launch(self, binary, *args, env=None, stdout=None, stderr=None):
        app_env = dict(self.env)
        app_env.update(env or {})
        self.app = subprocess.Popen([binary, *args], env=app_env, stdout=stdout, stderr=stderr,
                                    text=True)
        return self.app

    def modules_without(self, missing):
        """A module folder with every module of the build but `missing` (a broken
        installation), for HALLWAY_MODULE_DIR."""
        built = os.environ["HALLWAY_MODULE_DIR"]
        modules = tempfile.mkdtemp(prefix="modules-", dir=self.home)
        for module in os.listdir(built):
            if module.startswith("libhallway-") and module.endswith(".so") and module != missing:
                os.symlink(os.path.join(built, module), os.path.join(modules, module))
        return modules

    def find_window(self, title_prefix="Hallway", timeout=30):
        def search():
            if self.app is not None and self.app.poll() is not None:
                raise SessionError(f"hallway exited with status {self.app.returncode}")
            desktop = self.atspi.Registry.getDesktop(0)
            for application in desktop:
                if application is None:
                    continue
                for window in application:
                    if window is not None and (window.name or "").startswith(title_prefix):
                        return window
            return None
        return _wait_for(search, timeout, f"a window named {title_prefix}…")

    def find(self, root, role, name, timeout=15, showing=True):
        """The first descendant of root with this role name ('push button', or a tuple of
        role names such as SWITCH) and name (a string, or a predicate on the name) that is
        on screen."""
        matches = name if callable(name) else (lambda text: text == name)
        roles = role if isinstance(role, tuple) else (role,)

        def wanted(node):
            if node is None or node.getRoleName() not in roles or not matches(node.name or ""):
                return False
            return not showing or node.getState().contains(self.atspi.STATE_SHOWING)

        def search():
            return self.atspi.findDescendant(root, wanted)
        return _wait_for(search, timeout, f"{role} '{getattr(name, '__name__', name)}'")

    def group(self, root, title, timeout=15):
        """The list of rows of the preferences group with this title. libadwaita 1.7 names
        that list after the title; 1.10 names the group (a 'grouping') and not its list."""
        def titled(node):
            return (node is not None and node.getRoleName() in ("list", "grouping")
                    and (node.name or "") == title
                    and node.getState().contains(self.atspi.STATE_SHOWING))

        def search():
            node = self.atspi.findDescendant(root, titled)
            if node is None or node.getRoleName() == "list":
                return node
            return self.atspi.findDescendant(
                node, lambda child: child is not None and child.getRoleName() == "list")
        return _wait_for(search, timeout, f"the group '{title}'")

    def find_all(self, root, role, name=None):
        """Every showing descendant with this role (and name predicate), in tree order."""
        return self.atspi.findAllDescendants(
            root, lambda node: node is not None and node.getRoleName() == role
            and (name is None or name(node.name or ""))
            and node.getState().contains(self.atspi.STATE_SHOWING))

    def set_text(self, entry, text):
        entry.queryEditableText().setTextContents(text)

    def key(self, name):
        """Presses and releases one key (an X keysym name: 'Return', 'Tab', 'space')."""
        import gi
        gi.require_version("Gdk", "4.0")
        from gi.repository import Gdk
        keyval = Gdk.keyval_from_name(name)
        self.atspi.Registry.generateKeyboardEvent(keyval, None, self.atspi.KEY_SYM)
        time.sleep(0.2)

    def focus(self, node):
        node.queryComponent().grabFocus()
        time.sleep(0.2)

    def activate(self, node):
        """Activates a list item or row as a keyboard user would: focus, then Enter."""
        self.focus(node)
        self.key("Return")

    def press(self, node):
        action = node.queryAction()
        for index in range(action.nActions):
            if action.getName(index) in ("click", "press", "activate"):
                action.doAction(index)
                return
        raise SessionError(f"{node.getRoleName()} '{node.name}' has no press action")

    # ---- what a person does, in Hallway's terms -------------------------------------

    def page(self, window, title, timeout=20):
        """The navigation page on screen with this title (an AdwNavigationPage is a
        'grouping' named after its title)."""
        return self.find(window, "grouping", title, timeout=timeout)

    def window_action(self, window, name):
        """Runs one of the window's actions (win.search, win.bookmark, win.show-agenda…),
        as its keyboard shortcut would."""
        action = window.queryAction()
        for index in range(action.nActions):
            if action.getName(index) == name:
                action.doAction(index)
                time.sleep(0.5)
                return
        raise SessionError(f"the window has no action {name}")

    def search(self, page, text):
        """Opens the page's search bar and types text; returns the entry."""
        _ = self.translate
        self.press(self.find(page, "toggle button", _("Search")))
        names = (_("Search talks"), _("Filter names"))
        entry = self.find(page, "entry", lambda name: name in names)
        self.set_text(entry, text)
        time.sleep(0.5)
        return entry

    def search_and_open(self, page, text):
        """Searches, then Enter: the first match opens."""
        self.search(page, text)
        self.key("Return")

    def activate_action(self, name, parameter=None):
        """Calls the app's own GAction (app.quit, app.preferences…) over D-Bus."""
        args = ["gdbus", "call", "--session", "--dest", APP_ID,
                "--object-path", "/" + APP_ID.replace(".", "/"),
                "--method", "org.gtk.Actions.Activate", name,
                "[]" if parameter is None else f"[{parameter}]", "{}"]
        subprocess.run(args, env=self.env, check=True, stdout=subprocess.DEVNULL)

    def screenshot(self, path, settle=0.5, window=None):
        """Saves the screen, or only the window's area when given one."""
        from PIL import ImageGrab
        time.sleep(settle)
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        image = ImageGrab.grab(xdisplay=self.display)
        if window is not None:
            box = window.queryComponent().getExtents(self.atspi.DESKTOP_COORDS)
            image = image.crop((max(box.x, 0), max(box.y, 0), box.x + box.width, box.y + box.height))
        image.save(path)
        return path

    @contextlib.contextmanager
    def screenshot_on_failure(self, name):
        """Saves the screen as screenshots/name when the block fails, and lets it fail."""
        try:
            yield
        except Exception:
            folder = os.path.join(os.environ["HALLWAY_BUILD_ROOT"], "screenshots")
            print("failed; the screen is in", self.screenshot(os.path.join(folder, name)))
            raise

    def focused(self, window):
        """The node in window that has the keyboard focus, or None."""
        return self.atspi.findDescendant(
            window,
            lambda node: node is not None and node.getState().contains(self.atspi.STATE_FOCUSED))

    def quit_app(self, timeout=15):
        self.activate_action("quit")
        try:
            return self.app.wait(timeout)
        except subprocess.TimeoutExpired:
            raise SessionError("hallway did not quit after app.quit")
