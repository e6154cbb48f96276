"""The tour step trains both models briefly and writes their plots."""

from level6.digits import tour


def test_tour_reports_short_runs_of_both_models(tmp_path, realdata):
    realdata("mnist")
    result = tour.run(tmp_path)
    assert result.key_result.startswith("short runs:")
    assert len(result.files) == 6
    assert all(path.read_bytes()[:4] == b"\x89PNG" for path in result.files)
