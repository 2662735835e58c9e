#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Prints the closing line of a test run, 'N passed, N failed, N skipped', from meson's
testlog.json: one count per registered test, whatever protocol it speaks."""
import json
import sys

passed = failed = skipped = 0
try:
    with open(sys.argv[1], encoding="utf-8") as log:
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
    print(f"test-summary: no test log at {sys.argv[1]}", file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
