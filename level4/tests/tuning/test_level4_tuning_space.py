"""The search space: a grid that fits its budget, distributions and Optuna asking the same space."""

from __future__ import annotations

import optuna
from hypothesis import given
from hypothesis import strategies as st
from sklearn.model_selection import ParameterGrid, ParameterSampler

from level1.spam.corpus import CORPORA
from level4.tuning import __main__ as cli
from level4.tuning import methods, scaleout, space


def test_cli_choices_equal_the_library_constants():
    assert cli.METHODS == methods.METHODS
    assert cli.CORPORA == CORPORA
    assert cli.BACKENDS == scaleout.BACKENDS


@given(budget=st.integers(1, 5000), splits=st.integers(1, 20))
def test_the_grid_fits_its_budget_or_is_the_smallest_grid(budget, splits):
    grid = space.grid_for_budget(budget, splits)
    size = space.grid_size(grid)
    assert size == len(ParameterGrid(grid))  # oracle: scikit-learn counts the same settings
    smallest = 3  # one setting per classifier kind, plus both class weights for two kinds
    assert size * splits <= budget or size <= smallest + 2


def test_a_bigger_budget_never_gets_a_smaller_grid():
    sizes = [space.grid_size(space.grid_for_budget(b, 6)) for b in range(6, 3000, 97)]
    assert sizes == sorted(sizes)


def test_flatten_reads_back_what_was_set():
    params = {
        "features": space.features((1, 3), (3, 5), 3, False),
        "classifier": space.classifier("svm"),
        "classifier__C": 0.25,
        "classifier__class_weight": "balanced",
    }
    assert space.flatten(params) == {
        "words": "1-3",
        "chars": "3-5",
        "min_df": 3,
        "sublinear_tf": False,
        "classifier": "svm",
        "C": 0.25,
        "class_weight": "balanced",
    }
    assert space.describe(params).startswith("svm C=0.25 balanced")
    assert space.flatten(space.from_flat(space.flatten(params))) == space.flatten(params)


@given(seed=st.integers(0, 10_000))
def test_from_flat_inverts_flatten(seed):
    for params in ParameterSampler(space.distributions(), n_iter=3, random_state=seed):
        assert space.flatten(space.from_flat(space.flatten(params))) == space.flatten(params)


@given(seed=st.integers(0, 10_000))
def test_random_draws_stay_inside_the_stated_ranges(seed):
    for params in ParameterSampler(space.distributions(), n_iter=5, random_state=seed):
        flat = space.flatten(params)
        low, high = space.STRENGTH_RANGES[flat["classifier"]]
        assert low <= flat[space.KNOB[flat["classifier"]]] <= high
        assert flat["min_df"] in space.MIN_DF


def test_optuna_asks_the_same_space():
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=1))
    for _ in range(10):
        trial = study.ask()
        flat = space.flatten(space.suggest(trial))
        low, high = space.STRENGTH_RANGES[flat["classifier"]]
        assert low <= flat[space.KNOB[flat["classifier"]]] <= high
        study.tell(trial, 0.0)
