"""Tour step: check which registry datasets are cached and verify their bytes."""

from __future__ import annotations

import json
from pathlib import Path

from level0.atomic import atomic_write_text
from level0.datasets.registry import REGISTRY
from level0.datasets.store import check, data_home, get
from level0.tour import TourResult


def run(out: Path) -> TourResult:
    get("titanic")  # loads the catalogue
    home = data_home()
    report = {}
    for name, dataset in sorted(REGISTRY.items()):
        states = [check(item, home).state for item in dataset.items]
        report[name] = (
            "verified" if all(s == "ok" for s in states) else "/".join(sorted(set(states)))
        )
    path = out / "datasets.json"
    atomic_write_text(
        path, json.dumps({"data_home": str(home), "datasets": report}, indent=2) + "\n"
    )
    verified = sum(state == "verified" for state in report.values())
    hint = "" if verified == len(report) else "; fetch with: python -m level0.datasets fetch --all"
    return TourResult(
        data="real",
        key_result=f"{verified}/{len(report)} datasets cached and verified{hint}",
        files=[path],
    )
