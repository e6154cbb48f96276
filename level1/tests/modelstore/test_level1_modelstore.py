"""Model files: round trip, and every refusal."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from level1 import modelstore


@pytest.fixture
def fitted():
    rng = np.random.default_rng(0)
    features = rng.normal(size=(60, 3))
    labels = (features[:, 0] > 0).astype(int)
    return make_pipeline(StandardScaler(), LogisticRegression()).fit(features, labels), features


def test_round_trip_predicts_the_same(tmp_path, fitted):
    model, features = fitted
    modelstore.save(
        model, tmp_path / "m", tool="level1.test", metrics={"accuracy": 0.9}, data_sha256="ab"
    )
    loaded = modelstore.load(tmp_path / "m", tool="level1.test")
    np.testing.assert_array_equal(
        loaded.model.predict_proba(features), model.predict_proba(features)
    )
    assert loaded.metadata["metrics"] == {"accuracy": 0.9}
    assert (
        loaded.metadata["libraries"]["scikit-learn"]
        == modelstore.library_versions()["scikit-learn"]
    )


def test_saving_again_replaces_the_model(tmp_path, fitted):
    model, _ = fitted
    modelstore.save(model, tmp_path / "m", tool="level1.test", metrics={"run": 1})
    modelstore.save(model, tmp_path / "m", tool="level1.test", metrics={"run": 2})
    assert modelstore.load(tmp_path / "m", tool="level1.test").metadata["metrics"] == {"run": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]


def test_check_writable_refuses_a_file_before_any_work(tmp_path):
    (tmp_path / "model").write_text("not a folder")
    with pytest.raises(modelstore.ModelError, match="is a file"):
        modelstore.check_writable(tmp_path / "model")
    assert modelstore.check_writable(tmp_path / "new") == tmp_path / "new"


def test_refuses_to_overwrite_a_folder_that_is_not_a_model(tmp_path, fitted):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me")
    with pytest.raises(modelstore.ModelError, match="not a model directory"):
        modelstore.save(fitted[0], tmp_path / "notes", tool="level1.test")
    assert (tmp_path / "notes" / "todo.txt").read_text() == "keep me"


def test_refuses_another_tools_model(tmp_path, fitted):
    modelstore.save(fitted[0], tmp_path / "m", tool="level1.titanic")
    with pytest.raises(modelstore.ModelError, match=r"made by level1\.titanic, not level1\.spam"):
        modelstore.load(tmp_path / "m", tool="level1.spam")


def test_refuses_another_scikit_learn_version(tmp_path, fitted):
    modelstore.save(fitted[0], tmp_path / "m", tool="level1.test")
    meta_path = tmp_path / "m" / "metadata.json"
    meta = json.loads(meta_path.read_text())
    meta["libraries"]["scikit-learn"] = "0.24.2"
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(modelstore.ModelError, match=r"scikit-learn 0\.24\.2"):
        modelstore.load(tmp_path / "m", tool="level1.test")


def test_refuses_a_tampered_model_file(tmp_path, fitted):
    modelstore.save(fitted[0], tmp_path / "m", tool="level1.test")
    with (tmp_path / "m" / "model.skops").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(modelstore.ModelError, match="changed after it was saved"):
        modelstore.load(tmp_path / "m", tool="level1.test")


def test_refuses_untrusted_types(tmp_path):
    from collections import Counter

    modelstore.save(Counter("abracadabra"), tmp_path / "m", tool="level1.test")
    with pytest.raises(modelstore.ModelError, match="does not trust"):
        modelstore.load(tmp_path / "m", tool="level1.test")
    loaded = modelstore.load(tmp_path / "m", tool="level1.test", trusted=["collections.Counter"])
    assert loaded.model["a"] == 5


def test_refuses_a_folder_without_metadata(tmp_path):
    with pytest.raises(modelstore.ModelError, match="not a model directory"):
        modelstore.load(tmp_path, tool="level1.test")


@pytest.mark.parametrize(
    "kind", ["pickle", "corrupt zip", "truncated", "empty", "zip without schema"]
)
def test_a_model_file_that_is_not_skops_is_refused_in_one_line(
    tmp_path, fitted, unreadable_model, kind
):
    saved = modelstore.save(fitted[0], tmp_path / "m", tool="level1.test")
    folder = unreadable_model(saved, kind)
    with pytest.raises(modelstore.ModelError, match="not a readable skops model") as refused:
        modelstore.load(folder, tool="level1.test")
    assert "\n" not in str(refused.value)
