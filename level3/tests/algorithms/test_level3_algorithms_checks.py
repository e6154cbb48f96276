"""scikit-learn's own estimator checks, one test per (estimator, check), on the solution under test.

``parametrize_with_checks`` runs the full set (API checks plus the legacy ones:
input validation, cloning, pickling, fitting twice, NaN and infinity refused,
n_features_in_, determinism, classifiers beating chance...). It needs the
estimator instances when tests are collected, before fixtures exist, so this
module's ``pytest_generate_tests`` hook loads them the way the ``solution``
fixture does, from ``--solutions DIR`` when given.

No check is expected to fail: ``EXPECTED_FAILED_CHECKS`` is empty, and
``xfail_strict`` would flag an entry that started passing. scikit-learn itself
skips ``check_array_api_input`` (these estimators are NumPy-only and do not
declare array API support; it also needs SCIPY_ARRAY_API=1).
"""

from __future__ import annotations

from typing import Any

import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from level0.testing import load_solution

EXPECTED_FAILED_CHECKS: dict[str, dict[str, str]] = {}  # estimator class name -> {check: why}


def estimators(config: pytest.Config) -> list[Any]:
    """One default-ish instance of each estimator (seeded where it draws random numbers)."""
    algorithms = load_solution("level3.algorithms", config.getoption("solutions"))
    return [
        algorithms.LogisticRegression(),  # solver="gd" shares every line but the update step
        algorithms.DecisionTreeClassifier(),
        algorithms.KNeighborsClassifier(),
        algorithms.LinearSVC(random_state=0),
        algorithms.KMeans(random_state=0),
        algorithms.PCA(),
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "check" in metafunc.fixturenames:
        mark = parametrize_with_checks(
            estimators(metafunc.config),
            expected_failed_checks=lambda est: EXPECTED_FAILED_CHECKS.get(type(est).__name__, {}),
            xfail_strict=True,
        )
        metafunc.parametrize(*mark.args, **mark.kwargs)


def test_passes_sklearn_estimator_check(estimator, check):
    check(estimator)
