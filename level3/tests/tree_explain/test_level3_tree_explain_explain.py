"""The English path agrees with decision_path; rules, importances and the sentence."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def fitted(solution):
    mod = solution("level3.tree_explain")
    return mod.fit_tree(mod.load_table("breast_cancer"), {"max_depth": 4}, seed=0)


def test_path_matches_decision_path_for_random_rows(solution, fitted):
    mod = solution("level3.tree_explain")
    rows = np.random.default_rng(0).choice(len(fitted.X_test), 25, replace=False)
    encoded_train = fitted.encode(fitted.X_train)
    leaves_train = fitted.tree.apply(encoded_train)
    for row in rows:
        sample = fitted.X_test.iloc[[row]]
        why = mod.explain(fitted, sample)
        path = fitted.tree.decision_path(fitted.encode(sample)).indices.tolist()
        assert why.nodes == path
        assert why.leaf == fitted.tree.apply(fitted.encode(sample))[0]
        assert all(c.holds(c.value) for c in why.conditions)
        # a leaf is exactly the region where every test on its path holds
        np.testing.assert_array_equal(
            mod.conditions_hold(why, encoded_train), leaves_train == why.leaf
        )
        assert why.leaf_samples == int((leaves_train == why.leaf).sum())
        assert why.predicted == fitted.table.class_names[fitted.pipeline.predict(sample)[0]]
        assert why.text.startswith(f"predicted {why.predicted} ")
        for c in why.conditions:
            assert c.feature in why.text


@settings(max_examples=15)
@given(st.integers(0, 2**32 - 1))
def test_sentence_is_consistent_with_the_row(seed):
    from level3.tree_explain import explain, fit_tree, load_table

    table = load_table("breast_cancer")
    fitted = fit_tree(table, {"max_depth": 3}, seed=seed % 5)
    row = np.random.default_rng(seed).integers(len(fitted.X_test))
    why = explain(fitted, fitted.X_test.iloc[[row]])
    assert len(why.conditions) <= 3
    assert 0.5 <= why.probability <= 1.0
    for c in why.conditions:  # merged ranges: the row's value sits inside each
        value = fitted.X_test.iloc[row][c.feature]
        assert c.holds(value)


def test_merged_range_and_one_hot_phrases():
    from level3.tree_explain.explain import Condition, _sentence

    path = [
        Condition(0, "Sex_female", 0.5, False, 1.0),
        Condition(1, "Age", 6.5, False, 30.0),
        Condition(2, "Age", 40.0, True, 30.0),
        Condition(3, "Title_Mr", 0.5, True, 0.0),
    ]
    text = _sentence(path, ("Sex", "Title"))
    assert text == "Sex is female and 6.5 < Age <= 40 and Title is not Mr"


def test_rules_and_importances(solution, fitted):
    mod = solution("level3.tree_explain")
    text = mod.rules(fitted)
    assert "class: benign" in text
    assert text.count("class:") == fitted.tree.get_n_leaves()
    rows = mod.importances(fitted, repeats=3)
    assert {r.feature for r in rows} == set(fitted.feature_names)
    assert sum(r.impurity for r in rows) == pytest.approx(1.0)
    used = set(
        np.array(fitted.feature_names)[fitted.tree.tree_.feature[fitted.tree.tree_.feature >= 0]]
    )
    for r in rows:  # a feature the tree never splits on: zero impurity and no permutation effect
        if r.feature not in used:
            assert r.impurity == 0.0
            assert r.permutation == 0.0


def test_explain_refuses_many_rows(solution, fitted):
    with pytest.raises(ValueError, match="one row"):
        solution("level3.tree_explain").explain(fitted, fitted.X_test.iloc[:2])


def test_plots_are_png(solution, fitted, tmp_path):
    mod = solution("level3.tree_explain")
    tree = mod.plot_tree_png(fitted, tmp_path / "tree.png")
    bars = mod.plot_importances(mod.importances(fitted, repeats=2), tmp_path / "i.png", "bc")
    for path in (tree, bars):
        assert path.read_bytes()[:4] == b"\x89PNG"


def test_titanic_phrases_use_categories(solution, realdata):
    realdata("titanic")
    mod = solution("level3.tree_explain")
    table = mod.load_table("titanic")
    fitted = mod.fit_tree(table, {"max_depth": 3})
    assert "Sex_female" in fitted.feature_names or "Sex_male" in fitted.feature_names
    assert "Age" in fitted.feature_names  # unscaled numbers passed through
    texts = [mod.explain(fitted, fitted.X_test.iloc[[i]]).text for i in range(20)]
    assert any("Sex is" in text for text in texts)
    assert fitted.test_accuracy() > 0.75
