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
        counts = report.splitlines()[-1] if report else ""   # after any --check errors
        translated = re.search(r"(\d+) translated", counts)
        total = sum(int(count) for count in re.findall(r"\d+", counts))
        # Rounded down: one message missing of hundreds is 99%, not 100%.
        share = 100 * int(translated.group(1)) // total if translated and total else 0
        print(f"{language}: {share}% ({report})")
        if stats.returncode != 0 or "untranslated" in report or "fuzzy" in report:
            failures += 1
    sys.exit(1 if failures else 0)
