"""The tour step without the SMS data: synthetic emails, labelled so the perfect score misleads no one."""

from __future__ import annotations

from level1.spam import tour
from level1.spam.corpus import synthetic_corpus


def test_synthetic_tour_says_its_score_means_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path / "no-data"))
    monkeypatch.setattr(tour, "synthetic_corpus", lambda: synthetic_corpus(rows=300))
    out = tmp_path / "out"
    out.mkdir()  # the tour runner makes each step's folder
    result = tour.run(out)
    assert result.data == "synthetic"
    assert result.key_result.startswith(tour.SYNTHETIC_CAVEAT + ": held-out (")
    assert "scores mean nothing" in result.key_result
    assert all(path.exists() for path in result.files)
