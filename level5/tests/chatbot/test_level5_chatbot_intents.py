"""The intent model: CLINC150 splits, the metrics, the threshold rule, the model folder."""

from __future__ import annotations

import json
import shutil
from datetime import datetime

import numpy as np
import pytest

from level5.chatbot.dialogue import Understanding
from level5.chatbot.intents import MIN_OOS_RECALL, Scores, choose_threshold, metrics


def test_clinc_has_the_documented_shape(clinc):
    sizes = {name: len(split) for name, split in clinc.splits.items()}
    assert sizes == {
        "train": 15_000, "val": 3_000, "test": 4_500,
        "oos_train": 100, "oos_val": 100, "oos_test": 1_000,
    }  # fmt: skip
    assert len(set(clinc.splits["train"].intents)) == 150
    assert len(clinc.domains) == 150
    assert len(set(clinc.domains.values())) == 10
    assert clinc.domains["weather"] == "utility"


def test_metrics_on_a_hand_made_case():
    truth = ["a", "a", "b", "oos", "oos", "oos", "oos"]
    predicted = ["a", "b", "b", "oos", "oos", "a", "b"]
    assert metrics(predicted, truth) == {
        "in_scope_accuracy": pytest.approx(2 / 3),
        "oos_recall": 0.5,
        "oos_precision": 1.0,
    }


def test_the_threshold_reaches_the_recall_with_the_best_accuracy():
    # three in-scope queries answered right (scores 0.9, 0.5, 0.3), two out-of-scope (0.4, 0.1)
    truth = ["a", "b", "c", "oos", "oos"]
    scored = Scores(
        best=np.array(["a", "b", "c", "a", "b"]),
        top=np.array([0.9, 0.5, 0.3, 0.4, 0.1]),
        oos_class=np.zeros(5, dtype=bool),
    )
    threshold = choose_threshold(scored, truth)
    decided = scored.decide(threshold)
    assert metrics(decided, truth)["oos_recall"] >= MIN_OOS_RECALL
    assert list(decided) == ["a", "b", "c", "a", "oos"]  # catching one costs nothing here


def test_a_won_oos_class_counts_as_caught():
    scored = Scores(np.array(["a", "a"]), np.array([0.9, 0.9]), np.array([False, True]))
    assert list(scored.decide(None)) == ["a", "oos"]
    assert list(scored.decide(1.0)) == ["oos", "oos"]


def test_the_small_model_is_a_real_classifier(intent_model, clinc):
    val = clinc.split("val")
    figures = metrics(intent_model.classify(val.texts), val.intents)
    assert figures["in_scope_accuracy"] > 0.8  # 30 queries per intent; the full data gives 93%
    assert figures["oos_recall"] >= MIN_OOS_RECALL  # chosen on this split, so reached on it


def test_the_metadata_records_data_choices_and_figures(model_dir, clinc):
    metadata = json.loads((model_dir / "metadata.json").read_text())
    assert metadata["tool"] == "level5.chatbot"
    assert metadata["data_sha256"] == clinc.sha256
    assert set(metadata["metrics"]["validation"]) == {"oos_class", "threshold", "combined"}
    assert metadata["extra"]["C"] == 1.0
    assert metadata["extra"]["train_size"] == 30 * 151


def test_modes_agree_with_the_understanding(intent_model):
    texts = ["what's the weather in lisbon", "how do i get a pet dragon", "what is 2 plus 2"]
    combined = intent_model.classify(texts)
    for text, intent in zip(texts, combined, strict=True):
        understood = intent_model.understand(text, datetime(2025, 6, 2))
        assert isinstance(understood, Understanding)
        assert understood.intent == intent
        assert 0.0 <= understood.confidence <= 1.0


def test_evaluate_gives_every_mode_on_the_test_split(chatbot, intent_model, clinc):
    figures = chatbot.evaluate(intent_model, clinc)
    assert set(figures) == {"oos_class", "threshold", "combined"}
    for row in figures.values():
        assert all(0.0 <= value <= 1.0 for value in row.values())
    # the threshold adds out-of-scope answers to the oos-class model's: recall cannot drop
    assert figures["combined"]["oos_recall"] >= figures["oos_class"]["oos_recall"]


def test_a_changed_model_file_is_refused(chatbot, model_dir, tmp_path):
    copy = shutil.copytree(model_dir, tmp_path / "model")
    with (copy / "model.skops").open("ab") as file:
        file.write(b"tampered")
    with pytest.raises(ValueError, match="changed after it was saved"):
        chatbot.IntentModel(copy)


def test_a_model_of_another_tool_is_refused(chatbot, model_dir, tmp_path):
    copy = shutil.copytree(model_dir, tmp_path / "model")
    metadata = json.loads((copy / "metadata.json").read_text())
    metadata["tool"] = "level1.spam"
    (copy / "metadata.json").write_text(json.dumps(metadata))
    with pytest.raises(ValueError, match=r"made by level1\.spam"):
        chatbot.IntentModel(copy)


def test_evaluate_refuses_a_model_trained_on_other_data(chatbot, intent_model, clinc):
    other = type(clinc)(clinc.splits, clinc.domains, "0" * 64)
    with pytest.raises(ValueError, match="trained on other data"):
        chatbot.evaluate(intent_model, other)
