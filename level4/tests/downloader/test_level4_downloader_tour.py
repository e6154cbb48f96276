"""The tour step downloads through faults from the local server and says so."""

from __future__ import annotations

from level4.downloader import tour


def test_the_tour_reports_a_verified_download_through_faults(tmp_path):
    result = tour.run(tmp_path)
    assert result.data == "local server"
    assert "sha256 verified" in result.key_result
    assert "faults 503/drop/reset/short" in result.key_result
    assert all(path.exists() for path in result.files)
    assert (tmp_path / "timeline.png").read_bytes().startswith(b"\x89PNG")
