"""The tour step runs offline end to end and reports the model's figures and a sample exchange."""

from __future__ import annotations

import shutil


def test_the_tour_step(solution, model_dir, tmp_path, monkeypatch):
    tour = solution("level5.chatbot.tour")
    # the session's small model instead of the full training (tested elsewhere): 2 s, not 30
    monkeypatch.setattr(tour, "train", lambda folder, data: shutil.copytree(model_dir, folder))
    result = tour.run(tmp_path)
    assert result.data == "real"
    assert "in-scope accuracy" in result.key_result
    assert "'Lisbon' -> 'Lisbon, Portugal today" in result.key_result
    assert all(path.exists() for path in result.files)
    transcript = (tmp_path / "chat.txt").read_text()
    assert "bot> Added to your to-do list: buy milk (#1)." in transcript
    assert "too big for me" in transcript
