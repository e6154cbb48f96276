"""Tuning: CV candidates match scikit-learn, the 1-SE choice, the pruning path."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.tree import DecisionTreeClassifier


@pytest.fixture(scope="module")
def tuning(solution):
    mod = solution("level3.tree_explain")
    return mod.tune(
        mod.load_table("breast_cancer"), folds=3, depths=(1, 3, None), leaf_sizes=(1, 10), alphas=6
    )


def test_candidates_and_choice(tuning):
    grid = [c for c in tuning.candidates if c.source == "grid"]
    pruning = [c for c in tuning.candidates if c.source == "pruning"]
    assert len(grid) == 6
    assert 2 <= len(pruning) <= 6
    assert tuning.best.mean == max(c.mean for c in tuning.candidates)
    assert tuning.chosen.mean >= tuning.best.mean - tuning.best.sem
    close = [c for c in tuning.candidates if c.mean >= tuning.best.mean - tuning.best.sem]
    assert tuning.chosen.leaves == min(c.leaves for c in close)
    stump = next(c for c in grid if c.params == {"max_depth": 1, "min_samples_leaf": 1})
    assert stump.leaves == 2


def test_grid_scores_match_sklearn(solution, tuning):
    table = solution("level3.tree_explain").load_table("breast_cancer")
    candidate = next(
        c
        for c in tuning.candidates
        if c.params.get("max_depth") == 3 and c.params.get("min_samples_leaf") == 10
    )
    oracle = cross_val_score(
        DecisionTreeClassifier(max_depth=3, min_samples_leaf=10, random_state=0),
        table.X,
        table.y,
        cv=StratifiedKFold(3, shuffle=True, random_state=0),
    )
    assert candidate.mean == pytest.approx(oracle.mean())


def test_pruning_alphas_come_from_the_path(solution):
    mod = solution("level3.tree_explain")
    table = mod.load_table("breast_cancer")
    alphas = mod.pruning_alphas(table, most=5)
    path = DecisionTreeClassifier(random_state=0).cost_complexity_pruning_path(table.X, table.y)
    assert alphas == sorted(alphas)
    assert len(alphas) == 5
    assert alphas[0] == 0.0
    assert all(np.isclose(path.ccp_alphas, alpha).any() for alpha in alphas[1:])


def test_one_standard_error_rule(solution):
    mod = solution("level3.tree_explain")
    make = lambda mean, std, leaves: mod.Candidate("grid", {}, mean, std, 1.0, leaves, 4)  # noqa: E731
    best = make(0.90, 0.04, 40)  # sem 0.02
    small = make(0.885, 0.01, 5)
    tiny_but_bad = make(0.86, 0.01, 2)
    assert mod.one_standard_error_choice([best, small, tiny_but_bad]) == (best, small)


def test_tuning_plot_and_json(solution, tuning, tmp_path):
    mod = solution("level3.tree_explain")
    path = mod.plot_tuning(tuning, tmp_path / "t.png")
    assert path.read_bytes()[:4] == b"\x89PNG"
    summary = tuning.as_dict()
    assert summary["chosen"]["leaves"] == tuning.chosen.leaves
    assert len(summary["candidates"]) == len(tuning.candidates)


def test_bad_requests(solution):
    mod = solution("level3.tree_explain")
    with pytest.raises(ValueError, match="unknown dataset"):
        mod.load_table("iris")
    with pytest.raises(ValueError, match="folds"):
        mod.tune(mod.load_table("breast_cancer"), folds=1)
