#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Every language in po/LINGUAS is complete: no untranslated or fuzzy message against the
strings the sources have now (msgmerge against a fresh template)."""
import os
import re
import subprocess
import sys
import tempfile

root = os.environ["HALLWAY_SOURCE_ROOT"]
po = os.path.join(root, "po")
with tempfile.TemporaryDirectory() as scratch:
    template = os.path.join(scratch, "hallway.pot")
    subprocess.run(["xgettext", "--files-from=" + os.path.join(po, "POTFILES.in"),
                    "--directory=" + root, "--from-code=UTF-8", "--keyword=_", "--keyword=N_",
                    "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
                    "--keyword=ngettext:1,2", "--add-comments=Translators",
                    "--output=" + template], check=True)
    # The template's messages, less its header.
    total = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", template],
                           capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"})
    total = int(re.search(r"(\d+) untranslated", total.stderr).group(1))
    failures = 0
    with open(os.path.join(po, "LINGUAS"), encoding="utf-8") as linguas:
        languages = [line.strip() for line in linguas if line.strip() and not line.startswith("#")]
    for language in languages:
        merged = os.path.join(scratch, language + ".po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file=" + merged,
                        os.path.join(po, language + ".po"), template], check=True)
        stats = subprocess.run(["msgfmt", "--statistics", "--check", "-o", "/dev/null", merged],
                               capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"})
        report = stats.stderr.strip()
        translated = re.match(r"(\d+) translated", report)
        translated = int(translated.group(1)) if translated else 0
        print(f"{language}: {100 * translated // total}% ({report})")
        if stats.returncode != 0 or "untranslated" in report or "fuzzy" in report:
            failures += 1
    sys.exit(1 if failures else 0)
