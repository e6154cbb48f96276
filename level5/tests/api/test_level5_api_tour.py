"""The tour step runs the whole service and stops everything it started."""

from __future__ import annotations

import json
import shutil

from level5.api import tour


def test_tour_serves_queues_and_counts(model_folder, tmp_path):
    shutil.copytree(model_folder, tmp_path / "models")  # reused: no second training
    result = tour.run(tmp_path)
    assert "3 ham / 1 spam" in result.key_result
    assert "job finished" in result.key_result
    assert "over 2 workers" in result.key_result
    assert all(path.is_file() for path in result.files)
    report = json.loads((tmp_path / "predictions.json").read_text())
    assert len(report["batch_of_32"]) == 32
    assert "Shutting down" in (tmp_path / "logs" / "api.log").read_text()
