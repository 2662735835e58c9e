#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The C sources keep the layout .clang-format describes where a reader notices it: no line
longer than its ColumnLimit, indentation with spaces, no trailing white space, a final
newline.

clang-format itself is not run over whole files: its GNU style rewrites thousands of lines
against the GNOME way this code is written (aligned header declarations, property pairs of
g_object_set on their own lines), and its output differs between clang-format versions
(Debian 13 has 19, sid 21). A line this check refuses is best fixed with
`clang-format -i --lines=N:N FILE`, which reflows that statement alone.

--self-test feeds it one file per rule and checks that each is refused."""
import os
import re
import subprocess
import sys
import tempfile


def column_limit(root):
    with open(os.path.join(root, ".clang-format"), encoding="utf-8") as config:
        for line in config:
            match = re.match(r"\s*ColumnLimit:\s*(\d+)", line)
            if match:
                return int(match.group(1))
    raise SystemExit(".clang-format has no ColumnLimit")


def sources(root):
    """The C sources git tracks under src/ and tests/ (fixtures in tests/data excluded)."""
    listed = subprocess.run(["git", "-C", root, "ls-files", "src", "tests"], capture_output=True,
                            text=True)
    if listed.returncode == 0 and listed.stdout:
        names = listed.stdout.split()
    else:  # a tarball: every file below
        names = [os.path.relpath(os.path.join(d, n), root)
                 for folder in ("src", "tests") for d, _, files in os.walk(os.path.join(root, folder))
                 for n in files]
    return sorted(n for n in names
                  if n.endswith((".c", ".h")) and not n.startswith("tests/data/"))


def problems(path, name, limit):
    """(line number, what is wrong) for each rule a file breaks."""
    found = []
    with open(path, encoding="utf-8") as source:
        text = source.read()
    if text and not text.endswith("\n"):
        found.append((text.count("\n") + 1, "no newline at the end of the file"))
    for number, line in enumerate(text.split("\n"), start=1):
        # Columns as an editor shows them: one per character, “…” included.
        if len(line) > limit:
            found.append((number, f"{len(line)} columns, more than {limit}"))
        if "\t" in line:
            found.append((number, "a tab (indent with spaces)"))
        if line != line.rstrip():
            found.append((number, "white space at the end of the line"))
    return [(name, number, what) for number, what in found]


def check(root):
    limit = column_limit(root)
    files = sources(root)
    found = []
    for name in files:
        found += problems(os.path.join(root, name), name, limit)
    for name, number, what in found:
        print(f"{name}:{number}: {what}")
    if found:
        print(f"{len(found)} problems; reflow a long line with clang-format -i --lines=N:N FILE")
        return 1
    print(f"ok: {len(files)} C files within {limit} columns, spaces only, no trailing white space")
    return 0


def self_test(root):
    limit = column_limit(root)
    cases = {
        "long line": "int x;\n" + "/* " + "x" * limit + " */\n",
        "tab": "int\n\tx;\n",
        "trailing white space": "int x; \n",
        "no final newline": "int x;",
    }
    failures = 0
    print(f"1..{len(cases) + 1}")
    for number, (rule, text) in enumerate(cases.items(), start=1):
        with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False, encoding="utf-8") as probe:
            probe.write(text)
        caught = problems(probe.name, "probe.c", limit)
        os.unlink(probe.name)
        print(f"{'ok' if caught else 'not ok'} {number} {rule} is refused")
        failures += not caught
    # A line of exactly the limit, with characters beyond ASCII, is fine.
    with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False, encoding="utf-8") as probe:
        probe.write("/* “" + "x" * (limit - 8) + "” */\n")
    clean = not problems(probe.name, "probe.c", limit)
    os.unlink(probe.name)
    print(f"{'ok' if clean else 'not ok'} {len(cases) + 1} a line of {limit} columns passes")
    failures += not clean
    return 1 if failures else 0


if __name__ == "__main__":
    source_root = os.environ["HALLWAY_SOURCE_ROOT"]
    sys.exit(self_test(source_root) if "--self-test" in sys.argv[1:] else check(source_root))
