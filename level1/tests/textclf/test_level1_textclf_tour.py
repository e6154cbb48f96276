"""The tour step without the sentiment data: synthetic emails, labelled as meaningless."""

from __future__ import annotations

from level1.textclf import tour


def test_synthetic_tour_says_its_score_means_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path / "no-data"))
    monkeypatch.setattr(tour, "SYNTHETIC_ROWS", 200)
    out = tmp_path / "out"
    out.mkdir()  # the tour runner makes each step's folder
    result = tour.run(out)
    assert result.data == "synthetic"
    assert result.key_result.startswith("SYNTHETIC emails (no sentiment data cached;")
    assert "score means nothing" in result.key_result
    assert all(path.exists() for path in result.files)
