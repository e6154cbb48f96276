"""The tour step: a notes database under ``out``, built and searched without a display."""

from __future__ import annotations


def test_tour_writes_only_under_out(tmp_path):
    from level0.note_manager import NoteStore, tour

    result = tour.run(tmp_path)
    assert result.data == "synthetic"
    assert result.files == [tmp_path / "notes.sqlite3"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]
    with NoteStore(result.files[0]) as store:
        assert len(store) == len(tour.NOTES)
        assert f"{len(store.search(tour.QUERY))} hits" in result.key_result
    assert tour.run(tmp_path).key_result == result.key_result  # runs again from scratch
