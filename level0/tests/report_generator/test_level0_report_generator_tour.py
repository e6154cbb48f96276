"""The tour step: datagen's sales table and its default report, written under ``out``."""

from __future__ import annotations

import importlib.util

import pypdf
import pytest


def test_tour_reports_on_synthetic_sales(tmp_path):
    from level0.report_generator import tour

    if importlib.util.find_spec("level0.datagen") is None:
        with pytest.raises(RuntimeError, match=r"needs level0\.datagen"):
            tour.run(tmp_path)
        return
    result = tour.run(tmp_path)
    assert result.data == "synthetic"
    assert all(p.is_relative_to(tmp_path) and p.exists() for p in result.files)
    pdf = next(p for p in result.files if p.name == "report.pdf")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Sales report" in text
    assert "By region" in text
    revenue = result.key_result.split()[1]
    assert revenue.startswith("$")
    assert f"All {revenue}" in text
