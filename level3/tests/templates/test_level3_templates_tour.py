"""The tour step compares every generated case with Jinja2, a runtime dependency of level 3."""

from __future__ import annotations

import pytest

from level3.templates import tour


def test_tour_reports_the_differential_result(tmp_path, monkeypatch):
    monkeypatch.setattr(tour, "LIMIT", 200)  # the full 2000 cases take about a second more
    result = tour.run(tmp_path)
    assert "jinja2 not installed" not in result.key_result
    assert result.key_result.endswith(
        "200 generated cases (height ≤ 3); Jinja2: 200 agree, 0 disagree"
    )


def test_tour_fails_loudly_without_jinja2(tmp_path, monkeypatch):
    monkeypatch.setattr(tour, "jinja_available", lambda: False)
    with pytest.raises(RuntimeError, match="jinja2 is not installed, though level3 depends on it"):
        tour.run(tmp_path)
