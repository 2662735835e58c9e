#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Prints the closing line of a test run, 'N passed, N failed, N skipped', from meson's
testlog.json: one count per registered test, whatever protocol it speaks. Given several
logs (the normal build's and the sanitizer build's), it sums them; a missing log counts as
one failed test."""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                result = json.loads(line)["result"]
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1
    except FileNotFoundError:
        failed += 1
        print(f"test-summary: no test log at {path}", file=sys.stderr)
if len(sys.argv) < 2:
    failed += 1
    print("test-summary: no test log given", file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
