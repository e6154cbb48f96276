"""Four ways to search the same space, on the same folds, with the same accounting.

Every method gets the same CV splitter (:func:`cv_splitter`: repeated stratified k-fold
on the training part), the same score (:data:`SCORING`, the Matthews correlation) and
a budget counted in **fits**: one fit is one pipeline trained on one CV training fold.

* grid search tries a fixed grid, shrunk to fit the budget (``space.grid_for_budget``);
* random search draws ``budget // splits`` settings, strengths log-uniformly;
* successive halving (``HalvingRandomSearchCV``) starts many settings on a small sample of
  the training rows and keeps the best third each round on three times the rows; its
  fits are cheaper, so ``full_fit_equivalents`` weighs each by the share of rows it used;
* Optuna's TPE sampler proposes each setting from the scores of the earlier ones.

Each returns a :class:`SearchResult`: every trial in the order it was tried, so
"best CV score against fits spent" can be drawn for all four on one axis.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from sklearn.metrics import make_scorer, matthews_corrcoef
from sklearn.model_selection import RepeatedStratifiedKFold, cross_val_score

from level4.tuning import space

__all__ = [
    "METHODS",
    "SCORING",
    "SearchResult",
    "Trial",
    "cv_splitter",
    "halving_candidates",
    "run_search",
]

METHODS = ("grid", "random", "halving", "optuna")
SCORING = make_scorer(matthews_corrcoef)


def cv_splitter(folds: int = 3, repeats: int = 2, seed: int = 0) -> RepeatedStratifiedKFold:
    """The folds every method is scored on: ``folds``-fold stratified CV, repeated."""
    return RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=seed)


@dataclass
class Trial:
    """One setting tried: its CV scores and what it cost."""

    number: int
    params: dict[str, Any]  # flat, readable values (space.flatten)
    mean: float
    std: float
    scores: list[float]
    fit_seconds: float  # mean over folds
    fits: int  # fits this trial spent
    rows: int  # training rows each fit used (fewer in early halving rounds)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResult:
    """A search's trials in the order tried, its best setting and its total cost."""

    method: str
    budget: int
    trials: list[Trial]
    best_index: int
    best_params: dict[str, Any] = field(repr=False)  # pipeline parameters (estimator objects)
    seconds: float
    full_rows: int

    @property
    def best(self) -> Trial:
        return self.trials[self.best_index]

    @property
    def fits(self) -> int:
        return sum(trial.fits for trial in self.trials)

    @property
    def full_fit_equivalents(self) -> float:
        return sum(trial.fits * trial.rows for trial in self.trials) / self.full_rows

    def curve(self) -> tuple[np.ndarray, np.ndarray]:
        """(fits spent, best CV score so far) after each trial.

        Halving's early rounds score settings on a fraction of the rows, which is not
        comparable: only its last (largest) round counts towards the best score.
        """
        spent = np.cumsum([trial.fits for trial in self.trials])
        largest = max(trial.rows for trial in self.trials)
        eligible = [t.mean if t.rows == largest else -np.inf for t in self.trials]
        return spent, np.maximum.accumulate(eligible)

    def fits_to_reach(self, score: float) -> int | None:
        """Fits spent when the best-so-far first reached ``score``, or None if never."""
        spent, best = self.curve()
        hits = np.flatnonzero(best >= score)
        return int(spent[hits[0]]) if len(hits) else None

    def best_within(self, fits: int) -> float:
        """The best CV score found within the first ``fits`` fits (-inf if none finished)."""
        spent, best = self.curve()
        inside = best[spent <= fits]
        return float(inside[-1]) if len(inside) else float("-inf")

    def summary(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "budget": self.budget,
            "trials": len(self.trials),
            "fits": self.fits,
            "full_fit_equivalents": round(self.full_fit_equivalents, 1),
            "seconds": round(self.seconds, 1),
            "best_cv_mcc": self.best.mean,
            "best_cv_std": self.best.std,
            "best": self.best.params,
        }


def halving_candidates(budget: int, splits: int, factor: int = 3) -> int:
    """The most starting candidates whose halving rounds fit in ``budget`` fits."""
    best = 1
    for start in range(1, budget // splits + 1):
        rounds = 1 + math.floor(math.log(start, factor) + 1e-9) if start > 1 else 1
        total = sum(math.ceil(start / factor**r) for r in range(rounds))
        if total * splits <= budget:
            best = start
    return best


def _trials_from_cv_results(results: dict[str, Any], cv: Any, samples: int) -> list[Trial]:
    splits, folds = cv.get_n_splits(), cv.cvargs["n_splits"]
    count = len(results["params"])
    resources = results.get("n_resources", [samples] * count)
    trials = []
    for i in range(count):
        scores = [float(results[f"split{k}_test_score"][i]) for k in range(splits)]
        trials.append(
            Trial(
                number=i,
                params=space.flatten(results["params"][i]),
                mean=float(results["mean_test_score"][i]),
                std=float(results["std_test_score"][i]),
                scores=scores,
                fit_seconds=float(results["mean_fit_time"][i]),
                fits=splits,
                rows=int(resources[i] * (folds - 1) / folds),
            )
        )
    return trials


def _sklearn_search(
    method: str,
    texts: np.ndarray,
    labels: np.ndarray,
    budget: int,
    cv: Any,
    seed: int,
    n_jobs: int | None,
    memory: str | None,
) -> tuple[dict[str, Any], int]:
    from sklearn.model_selection import GridSearchCV, RandomizedSearchCV

    splits = cv.get_n_splits()
    common = {
        "scoring": SCORING,
        "cv": cv,
        "refit": False,
        "error_score": "raise",
        "n_jobs": n_jobs,
    }
    estimator = space.base_pipeline(memory)
    search: Any
    if method == "grid":
        search = GridSearchCV(estimator, space.grid_for_budget(budget, splits), **common)
    elif method == "random":
        n_iter = max(1, budget // splits)
        search = RandomizedSearchCV(
            estimator, space.distributions(), n_iter=n_iter, random_state=seed, **common
        )
    else:
        from sklearn.experimental import enable_halving_search_cv  # noqa: F401
        from sklearn.model_selection import HalvingRandomSearchCV

        search = HalvingRandomSearchCV(
            estimator,
            space.distributions(),
            n_candidates=halving_candidates(budget, splits),
            factor=3,
            resource="n_samples",
            min_resources="exhaust",
            random_state=seed,
            **common,
        )
    search.fit(texts, labels)
    results = dict(search.cv_results_)
    if method == "halving":  # n_resources is the rows a whole CV round had
        results["n_resources"] = list(search.cv_results_["n_resources"])
    return results, int(search.best_index_)


def _optuna_search(
    texts: np.ndarray,
    labels: np.ndarray,
    budget: int,
    cv: Any,
    seed: int,
    n_jobs: int | None,
    memory: str | None,
) -> tuple[list[Trial], list[dict[str, Any]]]:
    import optuna
    from tqdm import tqdm

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    splits = cv.get_n_splits()
    trials: list[Trial] = []
    settings: list[dict[str, Any]] = []
    rows = int(len(labels) * (cv.cvargs["n_splits"] - 1) / cv.cvargs["n_splits"])

    def objective(trial: optuna.Trial) -> float:
        params = space.suggest(trial)
        start = time.perf_counter()
        scores = cross_val_score(
            space.to_pipeline(params, memory),
            texts,
            labels,
            scoring=SCORING,
            cv=cv,
            n_jobs=n_jobs,
            error_score="raise",
        )
        seconds = (time.perf_counter() - start) / splits
        settings.append(params)
        trials.append(
            Trial(
                number=trial.number,
                params=space.flatten(params),
                mean=float(np.mean(scores)),
                std=float(np.std(scores)),
                scores=[float(s) for s in scores],
                fit_seconds=seconds,
                fits=splits,
                rows=rows,
            )
        )
        return float(np.mean(scores))

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    n_trials = max(1, budget // splits)
    with tqdm(total=n_trials, desc="optuna trials", disable=None) as bar:
        study.optimize(objective, n_trials=n_trials, callbacks=[lambda *_: bar.update()])
    return trials, settings


def run_search(
    method: str,
    texts: np.ndarray,
    labels: np.ndarray,
    *,
    budget: int,
    cv: RepeatedStratifiedKFold,
    seed: int = 0,
    n_jobs: int | None = None,
    memory: str | None = None,
) -> SearchResult:
    """Run one search method on ``texts`` with at most ``budget`` fits; returns every trial."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    folds = cv.cvargs["n_splits"]
    rows = int(len(labels) * (folds - 1) / folds)
    start = time.perf_counter()
    if method == "optuna":
        trials, settings = _optuna_search(texts, labels, budget, cv, seed, n_jobs, memory)
        best_index = int(np.argmax([trial.mean for trial in trials]))
        best_params = settings[best_index]
    else:
        results, best_index = _sklearn_search(
            method, texts, labels, budget, cv, seed, n_jobs, memory
        )
        trials = _trials_from_cv_results(results, cv, len(labels))
        best_params = results["params"][best_index]
    seconds = time.perf_counter() - start
    return SearchResult(method, budget, trials, best_index, best_params, seconds, rows)
