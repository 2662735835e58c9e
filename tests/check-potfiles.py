#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""po/POTFILES.in lists exactly the source files that have translatable strings."""
import os
import re
import sys

root = os.environ["HALLWAY_SOURCE_ROOT"]
translatable = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*"|translatable="yes"')
sources = []
for folder in ("src", "data"):
    for directory, _, files in os.walk(os.path.join(root, folder)):
        for name in files:
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, root)
            if name.endswith((".c", ".ui")):
                with open(path, encoding="utf-8") as source:
                    if translatable.search(source.read()):
                        sources.append(relative)
            elif name.endswith((".desktop.in.in", ".metainfo.xml.in.in", ".gschema.xml.in")):
                sources.append(relative)

with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as listing:
    listed = [line.strip() for line in listing if line.strip() and not line.startswith("#")]

missing = sorted(set(sources) - set(listed))
stale = sorted(set(listed) - set(sources))
for path in missing:
    print(f"po/POTFILES.in lacks {path}, which has translatable strings")
for path in stale:
    print(f"po/POTFILES.in lists {path}, which has no translatable strings or does not exist")
if missing or stale:
    sys.exit(1)
print(f"ok: {len(listed)} files listed, all with translatable strings")
