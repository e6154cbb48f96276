"""The four searches: the same folds, budgets kept, trials counted, grid search against an oracle."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.model_selection import ParameterGrid, cross_val_score

from level1.spam.corpus import heldout_split, load_sms
from level4.tuning import methods, space
from level4.tuning.workflow import sample_corpus


@pytest.fixture(scope="module")
def small(realdata):
    """300 real SMS messages (a stratified sample), the training part of level 1's split."""
    corpus = sample_corpus(load_sms(realdata("sms_spam") / "SMSSpamCollection"), 300)
    train_idx, _ = heldout_split(corpus.labels)
    return corpus.texts[train_idx], corpus.labels[train_idx]


CV = methods.cv_splitter(folds=2, repeats=1, seed=0)


@pytest.fixture(scope="module")
def searched(small):
    texts, labels = small
    return {
        method: methods.run_search(method, texts, labels, budget=12, cv=CV, n_jobs=1)
        for method in methods.METHODS
    }


@pytest.mark.parametrize("method", methods.METHODS)
def test_every_method_keeps_to_its_budget(searched, method):
    result = searched[method]
    assert 0 < result.fits <= 12
    assert all(t.fits == CV.get_n_splits() for t in result.trials)
    assert result.best.mean == max(
        t.mean for t in result.trials if t.rows == max(u.rows for u in result.trials)
    )


def test_the_progress_curve_never_goes_down_and_ends_at_the_best(searched):
    for result in searched.values():
        spent, best = result.curve()
        assert np.all(np.diff(spent) > 0)
        assert np.all(np.diff(best[np.isfinite(best)]) >= 0)
        assert best[-1] == pytest.approx(result.best.mean)
        assert result.fits_to_reach(result.best.mean) <= result.fits


def test_halving_spends_fewer_full_size_fits_than_fits(searched):
    halving = searched["halving"]
    assert halving.full_fit_equivalents < halving.fits
    assert len({t.rows for t in halving.trials}) > 1


def test_grid_scores_match_cross_val_score(small, searched):
    texts, labels = small
    grid = list(ParameterGrid(space.grid_for_budget(12, CV.get_n_splits())))
    assert len(grid) == len(searched["grid"].trials)
    for params, trial in list(zip(grid, searched["grid"].trials, strict=True))[:2]:
        oracle = cross_val_score(
            space.to_pipeline(params), texts, labels, scoring=methods.SCORING, cv=CV
        )
        assert trial.mean == pytest.approx(oracle.mean())
        assert trial.params == space.flatten(params)


def test_the_same_seed_gives_the_same_trials(small, searched):
    texts, labels = small
    again = methods.run_search("optuna", texts, labels, budget=12, cv=CV, n_jobs=1)
    assert [t.params for t in again.trials] == [t.params for t in searched["optuna"].trials]


@pytest.mark.parametrize("budget", [6, 20, 50, 120])
def test_halving_candidates_fit_the_budget_as_scikit_learn_runs_them(budget):
    from sklearn.experimental import enable_halving_search_cv  # noqa: F401
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import HalvingRandomSearchCV, StratifiedKFold

    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(600, 3)), np.tile([0, 1], 300)
    start = methods.halving_candidates(budget, 2)
    search = HalvingRandomSearchCV(
        LogisticRegression(),
        {"C": np.geomspace(0.01, 10, 200)},
        n_candidates=start,
        factor=3,
        min_resources="exhaust",
        cv=StratifiedKFold(2),
        random_state=0,
    ).fit(x, y)
    assert len(search.cv_results_["params"]) * 2 <= budget
    more = HalvingRandomSearchCV(
        LogisticRegression(),
        {"C": np.geomspace(0.01, 10, 200)},
        n_candidates=start + 1,
        factor=3,
        min_resources="exhaust",
        cv=StratifiedKFold(2),
        random_state=0,
    ).fit(x, y)
    assert len(more.cv_results_["params"]) * 2 > budget  # the largest start that fits
