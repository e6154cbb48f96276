"""Contract tests of level1.titanic: reading, fitting, CV, model choice, submission, persistence."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold, cross_val_score

from level0 import datagen
from level1 import modelstore


@pytest.fixture(scope="module")
def titanic(solution):
    return solution("level1.titanic")


def synthetic(rows: int, seed: int, first_id: int = 1, labelled: bool = True) -> pd.DataFrame:
    frame = datagen.generate("titanic", rows=rows, seed=seed)
    frame["PassengerId"] = range(first_id, first_id + rows)
    return frame if labelled else frame.drop(columns=["Survived"])


@pytest.fixture(scope="module")
def train():
    return synthetic(400, 11)


@pytest.fixture(scope="module")
def test_rows():
    return synthetic(418, 12, first_id=892, labelled=False)


@pytest.fixture(scope="module")
def fitted(titanic, train):
    return titanic.fit(train)


def write_csv(frame: pd.DataFrame, path) -> str:
    frame.to_csv(path, index=False)
    return str(path)


# --- reading -------------------------------------------------------------------------------


def test_read_passengers_checks_labels_and_columns(titanic, tmp_path, train, test_rows):
    assert (
        len(titanic.read_passengers(write_csv(train, tmp_path / "train.csv"), labelled=True)) == 400
    )
    test_csv = write_csv(test_rows, tmp_path / "test.csv")
    assert len(titanic.read_passengers(test_csv, labelled=False)) == 418
    with pytest.raises(
        titanic.DataError, match=r"lacks the column\(s\) Survived \(test rows have no labels"
    ):
        titanic.read_passengers(test_csv, labelled=True)
    with pytest.raises(titanic.DataError, match="Fare"):
        titanic.read_passengers(
            write_csv(train.drop(columns=["Fare"]), tmp_path / "x.csv"), labelled=True
        )
    bad = train.head(3).assign(Survived=[0, 2, 1])
    with pytest.raises(titanic.DataError, match="must be 0 or 1"):
        titanic.read_passengers(write_csv(bad, tmp_path / "bad.csv"), labelled=True)
    twice = pd.concat([train.head(2), train.head(1)])
    with pytest.raises(titanic.DataError, match="PassengerId 1 appears twice"):
        titanic.read_passengers(write_csv(twice, tmp_path / "twice.csv"), labelled=True)
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(titanic.DataError, match="is empty"):
        titanic.read_passengers(tmp_path / "empty.csv", labelled=False)


# --- fitting refuses test rows ----------------------------------------------------------------


def test_fit_refuses_rows_without_survived(titanic, test_rows):
    with pytest.raises(titanic.LeakageError, match="without a Survived column"):
        titanic.fit(test_rows)
    assert issubclass(titanic.LeakageError, ValueError)


def test_fit_refuses_kaggle_test_passenger_ids(titanic, train):
    with pytest.raises(titanic.LeakageError, match="PassengerId 892–1309"):
        titanic.fit(train.assign(PassengerId=range(892, 892 + len(train))))
    one_sneaked_in = train.copy()
    one_sneaked_in.loc[5, "PassengerId"] = 1309
    with pytest.raises(titanic.LeakageError, match=r"found 1, e\.g\. 1309"):
        titanic.fit(one_sneaked_in, "random_forest")


def test_make_model_names_and_unknown(titanic):
    assert set(titanic.MODELS) == {"logistic_regression", "random_forest", "gradient_boosting"}
    assert titanic.DEFAULT_MODEL in titanic.MODELS
    steps = [name for name, _ in titanic.make_model().steps]
    assert steps[0] == "guard"
    assert steps[-1] == "model"
    with pytest.raises(ValueError, match="unknown model 'svm'"):
        titanic.make_model("svm")


# --- cross-validation and the choice -------------------------------------------------------------


def test_cv_agrees_with_scikit_learn_on_the_same_splits(titanic, train):
    (ours,) = titanic.cross_validate(train, folds=3, seed=5, names=("logistic_regression",))
    splitter = StratifiedKFold(n_splits=3, shuffle=True, random_state=5)
    oracle = cross_val_score(
        titanic.make_model("logistic_regression", 5),
        train.drop(columns=["Survived"]),
        train["Survived"],
        cv=splitter,
    )
    assert ours.folds == pytest.approx(tuple(oracle))
    assert ours.mean == pytest.approx(np.mean(oracle))
    assert ours.sem == pytest.approx(np.std(oracle) / np.sqrt(3))
    assert 0.6 < ours.mean <= 1.0  # synthetic survival follows sex and class: learnable


def test_repeated_cv_averages_every_fold_of_every_shuffle(titanic, train):
    (ours,) = titanic.cross_validate(
        train, folds=3, seed=2, names=("logistic_regression",), repeats=2
    )
    splitter = RepeatedStratifiedKFold(n_splits=3, n_repeats=2, random_state=2)
    oracle = cross_val_score(
        titanic.make_model("logistic_regression", 2),
        train.drop(columns=["Survived"]),
        train["Survived"],
        cv=splitter,
    )
    assert ours.folds == pytest.approx(tuple(oracle))
    assert ours.repeats == 2
    assert ours.mean == pytest.approx(np.mean(oracle))
    # the standard error counts one split's 3 folds: repeats reuse the same passengers
    assert ours.sem == pytest.approx(np.std(oracle) / np.sqrt(3))
    assert ours.as_dict()["repeats"] == 2
    with pytest.raises(ValueError, match="repeats must be at least 1"):
        titanic.cross_validate(train, names=("logistic_regression",), repeats=0)


def test_score_spread_is_the_binomial_standard_deviation():
    from level1.titanic.models import score_spread

    assert score_spread(0.8, 400) == pytest.approx(0.02)
    assert score_spread(1.0) == 0.0
    with pytest.raises(ValueError, match=r"accuracy must be in \[0, 1\]"):
        score_spread(1.5)


def test_choose_takes_the_simplest_model_within_one_standard_error(titanic):
    def result(model, mean, std=0.02):
        return titanic.CVResult(model, mean, std, (mean,) * 4)

    close = [
        result("logistic_regression", 0.835),
        result("random_forest", 0.84),
        result("gradient_boosting", 0.845),
    ]
    assert titanic.choose(close).model == "logistic_regression"  # 0.835 >= 0.845 - 0.01
    apart = [
        result("logistic_regression", 0.80),
        result("random_forest", 0.84),
        result("gradient_boosting", 0.845),
    ]
    assert titanic.choose(apart).model == "random_forest"
    table = titanic.format_cv_table(apart)
    assert "random_forest" in table
    assert "0.845 ± 0.020" in table


# --- submission ----------------------------------------------------------------------------------


def test_submission_format(titanic, fitted, test_rows, tmp_path):
    submission = titanic.make_submission(fitted, test_rows)
    titanic.check_submission(submission, test_rows)
    path = titanic.write_submission(submission, tmp_path / "submission.csv")
    text = path.read_text()
    lines = text.splitlines()
    assert lines[0] == "PassengerId,Survived"
    assert len(lines) == 419
    assert "\r" not in text
    assert text.endswith("\n")
    back = pd.read_csv(path)
    assert back["PassengerId"].tolist() == list(range(892, 1310))
    assert set(back["Survived"]) <= {0, 1}
    assert back["Survived"].dtype.kind == "i"


def test_check_submission_rejects_bad_files(titanic, test_rows):
    good = pd.DataFrame({"PassengerId": test_rows["PassengerId"], "Survived": 0})
    with pytest.raises(titanic.DataError, match="exactly the columns"):
        titanic.check_submission(good.rename(columns={"Survived": "survived"}), test_rows)
    with pytest.raises(titanic.DataError, match="every test PassengerId once"):
        titanic.check_submission(good.iloc[1:], test_rows)
    with pytest.raises(titanic.DataError, match="0 or 1"):
        titanic.check_submission(good.assign(Survived=0.5), test_rows)


# --- persistence ---------------------------------------------------------------------------------


def test_save_and_load_round_trip(titanic, fitted, test_rows, tmp_path):
    folder = titanic.save_model(
        fitted, tmp_path / "model", metrics={"cv": 0.8}, data_sha256="0" * 64
    )
    loaded = titanic.load_model(folder)
    assert loaded.metadata["tool"] == "level1.titanic"
    assert (loaded.model.predict(test_rows) == fitted.predict(test_rows)).all()
    assert "model.skops" in {p.name for p in folder.iterdir()}
    assert not list(folder.glob("*.pkl"))


def test_load_refuses_a_model_of_another_tool(titanic, fitted, tmp_path):
    folder = titanic.save_model(fitted, tmp_path / "model", metrics={}, data_sha256="0" * 64)
    meta = json.loads((folder / "metadata.json").read_text())
    (folder / "metadata.json").write_text(json.dumps(meta | {"tool": "level1.spam"}))
    with pytest.raises(modelstore.ModelError, match=r"made by level1\.spam"):
        titanic.load_model(folder)


def test_only_the_projects_own_classes_need_trusting(fitted, tmp_path):
    import skops.io

    from level1.titanic.store import TRUSTED

    skops.io.dump(fitted, tmp_path / "m.skops")
    assert sorted(skops.io.get_untrusted_types(file=tmp_path / "m.skops")) == sorted(TRUSTED)


# --- real data ------------------------------------------------------------------------------------


def test_realdata_chosen_model_reaches_083_in_5_fold_cv(titanic, realdata):
    folder = realdata("titanic")
    train = titanic.read_passengers(folder / "train.csv", labelled=True)
    (result,) = titanic.cross_validate(train, folds=5, seed=0, names=(titanic.DEFAULT_MODEL,))
    assert result.mean >= 0.83, titanic.format_cv_table([result])


def test_realdata_submission_has_the_418_test_passengers(titanic, realdata):
    folder = realdata("titanic")
    train = titanic.read_passengers(folder / "train.csv", labelled=True)
    test = titanic.read_passengers(folder / "test.csv", labelled=False)
    submission = titanic.make_submission(titanic.fit(train), test)
    titanic.check_submission(submission, test)
    assert len(submission) == 418
    assert 0.25 < submission["Survived"].mean() < 0.5  # about 38% survived in train.csv
