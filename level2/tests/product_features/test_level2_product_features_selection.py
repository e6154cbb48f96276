"""Feature selection: every family in one table, no leakage, honest verdicts on real data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.metrics import mutual_info_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from level2.product_features import selection as selection_module

METHODS = {
    "chance": "baseline",
    "all features": "none",
    "chi-square": "filter",
    "mutual information": "filter",
    "ANOVA F": "filter",
    "correlation": "filter",
    "RFE": "wrapper",
    "Lasso": "embedded",
    "ElasticNet": "embedded",
    "Ridge": "embedded",
}


@pytest.fixture(scope="module")
def demo_result(pf, demo_tidy):
    return pf.compare_selectors(demo_tidy, k=5, folds=3)


def test_one_table_with_every_family(demo_result):
    table = demo_result.table
    assert dict(zip(table["method"], table["family"], strict=True)) == METHODS
    assert list(table.columns) == ["method", "family", "n_features", "features", "cv_mean", "cv_sd"]
    assert table["cv_mean"].between(0, 1).all()
    chance = table.set_index("method").loc["chance", "cv_mean"]
    assert chance == pytest.approx(1 / 3)


def test_filters_and_wrapper_keep_k_and_embedded_methods_choose(demo_result):
    counts = demo_result.table.set_index("method")["n_features"]
    for name in ("chi-square", "mutual information", "ANOVA F", "correlation", "RFE", "Ridge"):
        assert counts[name] == 5, name
    assert 1 <= counts["Lasso"] < counts["all features"]
    assert counts["ElasticNet"] >= counts["Lasso"]  # the L2 half keeps correlated features
    for name, features in demo_result.selected.items():
        assert len(features) == len(set(features)) == counts[name]


def test_on_the_demo_shop_category_predicts_the_price_band(demo_result):
    """datagen prices depend on the category (Electronics dear, Books cheap): it must show."""
    table = demo_result.table.set_index("method")
    assert table.drop(index="chance")["cv_mean"].max() > 0.45
    assert demo_result.votes()["category=Electronics"] >= 6


def test_the_shared_preprocessing_gives_the_same_scores_as_a_full_pipeline(
    pf, demo_tidy, demo_result
):
    """compare_selectors fits the preprocessor once per fold for all methods; check that
    this equals cross_val_score on preprocessor + method, which refits everything."""
    y, _, exclude = pf.make_target(demo_tidy, "price_band")
    rows = demo_tidy.loc[y.index]
    for name in ("ANOVA F", "Lasso"):
        method = next(m for n, _, m in selection_module._methods(5, 0) if n == name)
        whole = Pipeline([("prepare", pf.make_preprocessor(exclude=exclude)), *clone(method).steps])
        splitter = StratifiedKFold(3, shuffle=True, random_state=0)
        with threadpool_limits(limits=1):
            scores = cross_val_score(whole, rows, y, cv=splitter, scoring="balanced_accuracy")
        ours = demo_result.table.set_index("method").loc[name, "cv_mean"]
        assert ours == pytest.approx(scores.mean(), abs=1e-12)


def test_targets(pf, demo_tidy):
    y, labels, exclude = pf.make_target(demo_tidy, "price_band")
    counts = y.value_counts()
    assert counts.max() - counts.min() <= 1  # tertiles: balanced by construction
    assert labels[0].startswith("under £")
    assert labels[-1].startswith("over £")
    assert exclude == ("price",)
    rating, rating_labels, rating_exclude = pf.make_target(demo_tidy, "rating_band")
    assert rating_labels == ["1-2 stars", "3 stars", "4-5 stars"]
    assert rating_exclude == ("rating",)
    assert set(rating.unique()) <= {0, 1, 2}
    with pytest.raises(ValueError, match="unknown target"):
        pf.make_target(demo_tidy, "colour")


def test_bad_settings(pf, demo_tidy):
    with pytest.raises(ValueError, match="k must be at least 1"):
        pf.compare_selectors(demo_tidy, k=0)
    with pytest.raises(ValueError, match="too few products"):
        pf.compare_selectors(demo_tidy.iloc[:10], folds=5)
    flat = demo_tidy.assign(price=12.0)
    with pytest.raises(ValueError, match="too few distinct values"):
        pf.compare_selectors(flat)


def test_abs_correlation_is_the_absolute_pearson_r(pf):
    rng = np.random.default_rng(1)
    x = rng.normal(size=(50, 3))
    x[:, 2] = 1.0  # constant: no correlation, not NaN
    y = -2 * x[:, 0] + rng.normal(size=50)
    scores = pf.abs_correlation(x, y)
    assert scores[0] == pytest.approx(abs(np.corrcoef(x[:, 0], y)[0, 1]))
    assert scores[2] == 0.0


def test_mutual_information_counts_flags_exactly(pf):
    rng = np.random.default_rng(2)
    y = rng.integers(0, 3, size=300)
    flag = (y == 2) ^ (rng.random(300) < 0.2)  # a noisy 0/1 copy of one class
    x = np.column_stack([flag.astype(float), rng.normal(size=300) + y])
    scores = pf.mutual_information(x, y)
    assert scores[0] == pytest.approx(mutual_info_score(flag, y))  # the oracle for discrete data
    assert scores[1] > 0.1  # the continuous column, estimated by k-NN, clearly informative


def test_verdicts(pf, demo_result):
    assert pf.verdict(demo_result).startswith("The features carry information")
    table = demo_result.table.copy()
    table.loc[table["method"] != "chance", "cv_mean"] = 0.34
    table["cv_sd"] = 0.02
    flat = pf.SelectionResult("price_band", demo_result.labels, [1, 1, 1], 3, 5, table)
    assert pf.verdict(flat).startswith("No method beats chance")


def test_books_prices_are_not_predictable(pf, realdata):
    """books.toscrape prices were assigned at random: every method must stay near chance."""
    tidy, _ = pf.prepare(realdata("products"))
    result = pf.compare_selectors(tidy, k=8, folds=3)
    scores = result.table.set_index("method")["cv_mean"]
    assert (scores - 1 / 3).abs().max() < 0.06
    assert pf.verdict(result).startswith("No method beats chance")
    assert isinstance(result.table, pd.DataFrame)
