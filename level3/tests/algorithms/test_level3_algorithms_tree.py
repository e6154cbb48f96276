"""The CART tree against scikit-learn's: node for node, up to ties between features.

scikit-learn visits the features in a random order and keeps the first best
split it meets; our tree keeps the lowest feature index. So the two trees are
walked together: where they split the same way they must agree exactly
(feature, threshold, class proportions); where they differ, the two splits must
be a genuine tie (equal impurity proxy) and the walk stops there. With a
single feature there are no such ties and the trees must be identical.

Features are float32 values (scikit-learn stores X as float32), so both trees
see the same numbers.
"""

from __future__ import annotations

import numpy as np
import pytest
import sklearn.tree
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.datasets import load_breast_cancer, load_digits, load_iris

from level3.algorithms.tree import LEAF, impurity


def as_float32(X):
    return np.asarray(X, dtype=np.float32).astype(np.float64)


def proxy(X, codes, n_classes, feature, threshold, criterion):
    """-n_L·I(left) - n_R·I(right) of one split of these samples."""
    left = X[:, feature] <= threshold
    counts = [np.bincount(codes[side], minlength=n_classes).astype(float) for side in (left, ~left)]
    return sum(-c.sum() * impurity(c, criterion) for c in counts)


def walk_both(ours, theirs, X, y, criterion):
    """Walk both trees from the root; return (nodes that agree, ties that ended a branch)."""
    codes = np.unique(y, return_inverse=True)[1]
    mine, sk = ours.tree_, theirs.tree_
    stack, same, ties = [(0, 0, np.arange(len(X)))], 0, 0
    while stack:
        a, b, rows = stack.pop()
        assert mine.n_samples[a] == sk.n_node_samples[b] == len(rows)
        np.testing.assert_allclose(mine.value[a], sk.value[b][0], rtol=1e-12)
        if mine.left[a] == LEAF or sk.children_left[b] == -1:
            assert (mine.left[a] == LEAF) == (sk.children_left[b] == -1), "one leaf, one split"
            same += 1
            continue
        f, t = mine.feature[a], mine.threshold[a]
        if f == sk.feature[b] and t == sk.threshold[b]:
            same += 1
            left = X[rows, f] <= t
            stack.append((mine.left[a], sk.children_left[b], rows[left]))
            stack.append((mine.right[a], sk.children_right[b], rows[~left]))
        else:
            k = len(ours.classes_)
            ours_proxy = proxy(X[rows], codes[rows], k, f, t, criterion)
            sk_proxy = proxy(X[rows], codes[rows], k, sk.feature[b], sk.threshold[b], criterion)
            assert ours_proxy == pytest.approx(sk_proxy, rel=1e-12, abs=1e-12), "not a tie"
            ties += 1
    return same, ties


@st.composite
def tree_data(draw, max_features):
    n = draw(st.integers(2, 40))
    d = draw(st.integers(1, max_features))
    values = st.floats(-100, 100, width=32, allow_subnormal=False)
    X = draw(arrays(np.float64, (n, d), elements=values))
    y = draw(arrays(np.int64, n, elements=st.integers(0, draw(st.integers(1, 3)))))
    y[:2] = [0, 1]
    return X, y


def fit_pair(solution, X, y, **params):
    ours = solution("level3.algorithms").DecisionTreeClassifier(**params).fit(X, y)
    theirs = sklearn.tree.DecisionTreeClassifier(random_state=0, **params).fit(X, y)
    return ours, theirs


parameters = st.fixed_dictionaries(
    {
        "criterion": st.sampled_from(["gini", "entropy"]),
        "max_depth": st.sampled_from([None, 1, 2, 4]),
        "min_samples_leaf": st.integers(1, 4),
    }
)


@settings(max_examples=25)
@given(data=tree_data(max_features=1), params=parameters)
def test_one_feature_trees_are_identical_to_sklearn(solution, data, params):
    X, y = data
    ours, theirs = fit_pair(solution, X, y, **params)
    same, ties = walk_both(ours, theirs, X, y, params["criterion"])
    assert ties == 0
    assert same == theirs.tree_.node_count == len(ours.tree_.feature)
    assert ours.get_depth() == theirs.get_depth()
    assert ours.get_n_leaves() == theirs.get_n_leaves()


@settings(max_examples=25)
@given(data=tree_data(max_features=4), params=parameters)
def test_trees_agree_with_sklearn_up_to_feature_ties(solution, data, params):
    X, y = data
    ours, theirs = fit_pair(solution, X, y, **params)
    same, ties = walk_both(ours, theirs, X, y, params["criterion"])
    if ties == 0:
        assert same == theirs.tree_.node_count
    # Training predictions never depend on how ties were broken when the tree is grown
    # to purity: every leaf is pure or holds identical rows.
    if params["max_depth"] is None and params["min_samples_leaf"] == 1:
        assert np.array_equal(ours.predict(X), theirs.predict(X))


@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize("load", [load_iris, load_breast_cancer])
def test_real_data_trees_agree_with_sklearn(solution, load, criterion):
    X, y = load(return_X_y=True)
    X = as_float32(X)
    ours, theirs = fit_pair(solution, X, y, criterion=criterion)
    same, ties = walk_both(ours, theirs, X, y, criterion)
    assert same > 0 or ties == 1  # iris ties at the root: petal length or petal width
    assert ours.get_depth() == theirs.get_depth()
    assert ours.score(X, y) == theirs.score(X, y) == 1.0


def test_depth_three_digits_tree_matches_to_the_last_node(solution):
    X, y = load_digits(return_X_y=True)  # ten classes, 64 pixel features, no ties at the top
    ours, theirs = fit_pair(solution, X, y, max_depth=3)
    assert walk_both(ours, theirs, X, y, "gini") == (15, 0)
    np.testing.assert_allclose(ours.predict_proba(X), theirs.predict_proba(X))


@settings(max_examples=20)
@given(data=tree_data(max_features=3), depth=st.integers(1, 4), leaf=st.integers(1, 5))
def test_limits_are_respected(solution, data, depth, leaf):
    X, y = data
    model = solution("level3.algorithms").DecisionTreeClassifier(
        max_depth=depth, min_samples_leaf=leaf
    )
    tree = model.fit(X, y).tree_
    assert model.get_depth() <= depth
    leaves = [i for i, child in enumerate(tree.left) if child == LEAF]
    assert sum(tree.n_samples[i] for i in leaves) == len(X)  # the leaves partition the data
    assert all(tree.n_samples[i] >= leaf for i in leaves) or len(leaves) == 1
    np.testing.assert_allclose(model.predict_proba(X).sum(axis=1), 1.0)


def test_deeper_trees_fit_the_training_data_better(solution):
    X, y = load_breast_cancer(return_X_y=True)
    Tree = solution("level3.algorithms").DecisionTreeClassifier
    scores = [Tree(max_depth=depth).fit(X, y).score(X, y) for depth in (1, 2, 4, 8, None)]
    assert scores == sorted(scores)
    assert scores[-1] == 1.0


def test_impurity_values():
    assert impurity(np.array([5.0, 0.0]), "gini") == 0.0
    assert impurity(np.array([5.0, 5.0]), "gini") == 0.5
    assert impurity(np.array([5.0, 5.0]), "entropy") == 1.0  # one bit
    assert impurity(np.array([1.0, 1.0, 1.0, 1.0]), "entropy") == 2.0
    np.testing.assert_allclose(impurity(np.array([[3.0, 1.0]]), "gini"), [0.375])


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"criterion": "mse"}, "criterion"),
        ({"max_depth": 0}, "max_depth"),
        ({"min_samples_leaf": 1.5}, "min_samples_leaf"),
    ],
)
def test_bad_parameters_are_refused(solution, params, message):
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match=message):
        solution("level3.algorithms").DecisionTreeClassifier(**params).fit(X, y)
