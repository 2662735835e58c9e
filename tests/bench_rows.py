# SPDX-License-Identifier: EUPL-1.2
"""One machine-readable line per row of issue 13's table, printed by the benchmark that
measured it, for bench-summary.py (run by `build-aux/dev bench`) to gather into one table.

A line is `bench-row ` and a JSON object: the row's id (bench-summary.py's ROWS), the anchor
measured in the same runs, the number of runs, the ratio to the anchor and the measured value
each as min and median, and the value's unit. The C benchmarks print the same line
themselves (bench-search.c)."""
import json
import statistics

PREFIX = "bench-row "


def emit(row, anchor, values, anchor_values=None, ratios=None, unit="ms"):
    """Prints the row. Ratios are taken run by run (each value against the anchor of its own
    run) unless given."""
    if ratios is None:
        ratios = [value / base for value, base in zip(values, anchor_values)]
    record = {
        "row": row,
        "anchor": anchor,
        "runs": len(values),
        "ratio": [min(ratios), statistics.median(ratios)],
        "value": [min(values), statistics.median(values)],
        "unit": unit,
    }
    if anchor_values is not None:
        record["anchor_value"] = [min(anchor_values), statistics.median(anchor_values)]
    print(PREFIX + json.dumps(record), flush=True)
