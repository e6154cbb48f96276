"""Tour step: run the behavioural suite under pipetest and count passes and failures per test type.

With the SMS and sentiment data cached, both of level 1's models are checked on real
data. Without them the spam filter is trained on level 0's synthetic emails (labelled so:
its templates are SMS-like, so failures there say nothing about a real filter) and the
sentiment tests are skipped.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from level0.atomic import atomic_write_text
from level0.tour import TourResult
from level4.pipetest.behaviour import KINDS
from level4.pipetest.junit import write_junit
from level4.pipetest.runner import Report, run_tests
from level4.pipetest.terminal import format_result, to_json

SUITE = Path(__file__).parent / "behavioural"


def per_kind(reports: list[Report]) -> dict[str, dict[str, Any]]:
    """Tests passed/run and cases failed/run for each CheckList test type (MFT, INV, DIR)."""
    table: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"tests": 0, "passed": 0, "cases": 0, "failures": 0}
    )
    for report in reports:
        properties = dict(report.properties)
        if "kind" not in properties:
            continue
        row = table[str(properties["kind"])]
        row["tests"] += 1
        row["passed"] += report.outcome == "passed"
        row["cases"] += int(str(properties["cases"]))
        row["failures"] += int(str(properties["failures"]))
    for row in table.values():
        row["failure_rate"] = row["failures"] / row["cases"] if row["cases"] else 0.0
    return {kind: table[kind] for kind in KINDS if kind in table}


def run(out: Path) -> TourResult:
    result = run_tests([SUITE])
    junit = write_junit(result, out / "behaviour.xml")
    kinds = per_kind(result.reports)
    data_kinds = {str(dict(r.properties).get("data")) for r in result.reports if r.properties}
    synthetic = "synthetic" in data_kinds
    summary = out / "behaviour.json"
    atomic_write_text(
        summary, json.dumps({"per_kind": kinds, "run": to_json(result)}, indent=2) + "\n"
    )
    report_txt = out / "behaviour.txt"
    atomic_write_text(report_txt, format_result(result) + "\n")
    parts = [
        f"{kind} {row['passed']}/{row['tests']} tests passed, {row['failures']}/{row['cases']} cases failed"
        for kind, row in kinds.items()
    ]
    key = f"behavioural suite exit {result.exit_code}: " + "; ".join(parts)
    if synthetic:
        key = "SYNTHETIC emails for the spam filter (SMS not cached; sentiment skipped): " + key
    return TourResult(
        data="synthetic" if synthetic else "real",
        key_result=key,
        files=[junit, summary, report_txt],
    )
