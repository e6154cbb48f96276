"""Training, evaluating, saving and loading; every refusal of a model directory."""

from __future__ import annotations

import json

import numpy as np
import pytest
import skops.io
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.pipeline import Pipeline

from level1 import modelstore

TOPICS = {
    "sport": "goal match team score win league coach referee season",
    "food": "recipe dinner cake bake pasta sauce lunch taste oven",
    "tech": "laptop phone battery screen software update charger app",
}


def topic_rows(per_topic: int = 30, seed: int = 0) -> list[tuple[str, str]]:
    rng = np.random.default_rng(seed)
    words = {topic: text.split() for topic, text in TOPICS.items()}
    rows = []
    for topic in TOPICS:
        for _ in range(per_topic):
            mixed = [
                rng.choice(words[topic])
                if rng.random() < 0.75
                else rng.choice(words[rng.choice(list(TOPICS))])
                for _ in range(7)
            ]
            rows.append((" ".join(mixed), topic))
    return rows


@pytest.fixture(scope="module")
def topics_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "topics.csv"
    lines = ["text,label", *(f"{text},{label}" for text, label in topic_rows())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def run(solution, topics_csv):
    mod = solution("level1.textclf")
    fmt = mod.table_format(topics_csv)
    data = mod.read_labelled(topics_csv, fmt)
    candidates = [c for c in mod.CANDIDATES if c.strength in (0.3, 10.0)]
    return mod.train(data, fmt, candidates=candidates, folds=3)


def test_training_chooses_by_cv_accuracy_and_holds_out_a_fifth(run):
    assert run.chosen == max(run.cv_accuracy, key=run.cv_accuracy.get)
    assert run.heldout is not None
    assert run.heldout.rows == round(0.2 * len(run.data))
    assert run.heldout.labels == ["food", "sport", "tech"]
    assert run.heldout.accuracy > 0.6


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_class_report_agrees_with_sklearn(solution, seed):
    rng = np.random.default_rng(seed)
    truth = rng.choice(["a", "b", "c"], size=50)
    predicted = np.where(rng.random(50) < 0.7, truth, rng.choice(["a", "b", "d"], size=50))
    report = solution("level1.textclf").class_report(truth, predicted)
    labels = ["a", "b", "c", "d"]
    assert report.labels == labels
    assert report.accuracy == pytest.approx(accuracy_score(truth, predicted))
    assert report.macro_f1 == pytest.approx(
        f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)
    )
    assert report.confusion == confusion_matrix(truth, predicted, labels=labels).tolist()


def test_predictions_carry_a_probability_when_the_model_has_one(solution, run):
    mod = solution("level1.textclf")
    (prediction,) = mod.predict(run.model, ["pasta sauce recipe for dinner"])
    assert prediction.label == "food"
    has_proba = hasattr(run.model, "predict_proba")
    assert (prediction.probability is not None) == has_proba
    if has_proba:
        assert 1 / 3 < prediction.probability <= 1


def test_round_trip_and_evaluate_scopes(solution, run, topics_csv, tmp_path):
    mod = solution("level1.textclf")
    mod.save_classifier(run, tmp_path / "m")
    saved = mod.load_classifier(tmp_path / "m")
    np.testing.assert_array_equal(
        saved.model.predict(run.data.texts), run.model.predict(run.data.texts)
    )
    report, scope = mod.evaluate(saved, run.data)
    assert "held-out rows" in scope
    assert report == run.heldout
    other = mod.read_labelled(topics_csv, run.table_format)  # same rows, one label changed
    changed = type(other)(
        other.source, other.texts, np.where(np.arange(len(other)) == 0, "food", other.labels)
    )
    report, scope = mod.evaluate(saved, changed)
    assert scope.startswith(f"all {len(other)} rows")


def test_a_model_trained_on_everything_cannot_be_evaluated_on_its_own_data(solution, run, tmp_path):
    mod = solution("level1.textclf")
    everything = mod.train(
        run.data, run.table_format, candidates=[run.chosen], folds=3, test_size=0
    )
    assert everything.heldout is None
    mod.save_classifier(everything, tmp_path / "m")
    with pytest.raises(mod.TableError, match="nothing left to evaluate"):
        mod.evaluate(mod.load_classifier(tmp_path / "m"), run.data)


# --- refusals of a model directory ---------------------------------------------------------


@pytest.fixture
def saved_dir(solution, run, tmp_path):
    return solution("level1.textclf").save_classifier(run, tmp_path / "model")


def edit_metadata(folder, change):
    path = folder / "metadata.json"
    metadata = json.loads(path.read_text())
    change(metadata)
    path.write_text(json.dumps(metadata))


def test_refuses_another_tools_model(solution, saved_dir):
    edit_metadata(saved_dir, lambda m: m.update(tool="level1.spam"))
    with pytest.raises(modelstore.ModelError, match=r"made by level1\.spam, not level1\.textclf"):
        solution("level1.textclf").load_classifier(saved_dir)


def test_refuses_another_textclf_format(solution, saved_dir):
    edit_metadata(saved_dir, lambda m: m["extra"].update(format_version=2))
    with pytest.raises(modelstore.ModelError, match="textclf model format 2"):
        solution("level1.textclf").load_classifier(saved_dir)


def test_refuses_another_scikit_learn_version(solution, saved_dir):
    edit_metadata(saved_dir, lambda m: m["libraries"].update({"scikit-learn": "0.24.2"}))
    with pytest.raises(modelstore.ModelError, match=r"scikit-learn 0\.24\.2"):
        solution("level1.textclf").load_classifier(saved_dir)


def test_refuses_a_model_file_changed_after_saving(solution, saved_dir):
    with open(saved_dir / "model.skops", "ab") as handle:
        handle.write(b"\0")
    with pytest.raises(modelstore.ModelError, match="changed after it was saved"):
        solution("level1.textclf").load_classifier(saved_dir)


class Backdoor(ClassifierMixin, BaseEstimator):
    """Stands for any class an attacker could name in a model file."""

    def fit(self, features, labels):
        self.classes_ = np.unique(labels)
        return self


def test_skops_refuses_unknown_types_even_with_a_matching_hash(solution, saved_dir):
    """Someone replaced model.skops and updated its sha256: skops still will not build the type."""
    features = np.zeros((2, 1))
    skops.io.dump(
        Pipeline([("classifier", Backdoor().fit(features, [0, 1]))]), saved_dir / "model.skops"
    )
    digest = modelstore._sha256(saved_dir / "model.skops")
    edit_metadata(saved_dir, lambda m: m.update(model_sha256=digest))
    with pytest.raises(modelstore.ModelError, match=r"types skops does not trust \(.*Backdoor"):
        solution("level1.textclf").load_classifier(saved_dir)


def test_real_sentiment_sources_reach_080(solution, realdata):
    """The README's held-out figures, with the model cross-validation chose for each source."""
    mod, candidate = solution("level1.textclf"), solution("level1.spam").Candidate
    chosen = {
        "amazon_cells": candidate("logreg", 10.0),
        "yelp": candidate("svm", 0.3),
        "imdb": candidate("nb", 0.1),
    }
    for source, candidate in chosen.items():
        path = realdata("sentiment") / f"{source}_labelled.txt"
        fmt = mod.table_format(path, header=False)
        run = mod.train(mod.read_labelled(path, fmt), fmt, candidates=[candidate])
        assert run.heldout.accuracy >= 0.80, source
