"""The tour step without real data: synthetic emails from datagen, digested with the rules."""

from __future__ import annotations

from level0.datasets import DatasetMissing
from level1.email_digest import tour


def _missing(name):
    raise DatasetMissing(f"{name} is not cached")


def test_synthetic_tour(tmp_path, monkeypatch):
    monkeypatch.setattr(tour, "locate", _missing)
    result = tour.run(tmp_path)
    assert result.data == "synthetic"
    assert result.key_result.startswith(f"{tour.SYNTHETIC_ROWS} synthetic emails digested")
    digest = tmp_path / "digest.md"
    assert digest in result.files
    text = digest.read_text()
    assert text.count("### [") == tour.SYNTHETIC_ROWS
    assert "(synthetic)" in text
    assert "synthetic emails from datagen" in text
    assert len(list((tmp_path / "synthetic_emails").glob("*.eml"))) == tour.SYNTHETIC_ROWS


def test_synthetic_emails_parse_with_headers(tmp_path):
    from level1.email_digest.message import read_source

    tour._write_synthetic(tmp_path)
    emails = read_source(tmp_path).emails
    assert len(emails) == tour.SYNTHETIC_ROWS
    assert all(e.sender_source == "header" and e.date is not None for e in emails)
