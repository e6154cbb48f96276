"""The tour step runs the three uses and reports the forecast against persistence."""

from __future__ import annotations

from level4.windows import tour


def test_tour_reports_the_key_figure(tmp_path):
    result = tour.run(tmp_path)
    assert "vs persistence" in result.key_result
    assert "DuckDB agrees on 19/19 queries" in result.key_result
    assert all(path.is_file() for path in result.files)
    if result.data == "synthetic":
        assert result.key_result.startswith("SYNTHETIC")
