"""Tuning the spam detector: four search methods, honest estimates, and signs of over/underfitting.

Read in this order: :mod:`.space` (level 1's pipeline, every knob a choice),
:mod:`.methods` (grid, random, successive halving and Optuna on the same folds and
budget), :mod:`.honest` (nested CV, the out-of-fold threshold), :mod:`.diagnose`
(validation and learning curves, the train-CV gap), :mod:`.evaluation` (the held-out
figures), :mod:`.workflow` (the run end to end), :mod:`.tracking` (MLflow) and
:mod:`.scaleout` (Dask).

>>> from level1.spam import load_corpus                                      # doctest: +SKIP
>>> summary = tune(load_corpus("sms"), ["random"], Path("out"), Settings())  # doctest: +SKIP
>>> summary["heldout"]["mcc"], summary["nested"]["optimism"]                 # doctest: +SKIP
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level4.tuning.diagnose import Curve, Diagnosis, diagnose, learning, validation
    from level4.tuning.evaluation import HeldOut, heldout_report
    from level4.tuning.honest import Nested, nested_cv, oof_threshold
    from level4.tuning.methods import (
        METHODS,
        SCORING,
        SearchResult,
        Trial,
        cv_splitter,
        run_search,
    )
    from level4.tuning.scaleout import BACKENDS, parallel
    from level4.tuning.space import distributions, flatten, grid_for_budget, suggest
    from level4.tuning.tracking import list_runs, log_search
    from level4.tuning.workflow import TOOL, Settings, evaluate_saved, sample_corpus, tune

__all__ = [
    "BACKENDS",
    "METHODS",
    "SCORING",
    "TOOL",
    "Curve",
    "Diagnosis",
    "HeldOut",
    "Nested",
    "SearchResult",
    "Settings",
    "Trial",
    "cv_splitter",
    "diagnose",
    "distributions",
    "evaluate_saved",
    "flatten",
    "grid_for_budget",
    "heldout_report",
    "learning",
    "list_runs",
    "log_search",
    "nested_cv",
    "oof_threshold",
    "parallel",
    "run_search",
    "sample_corpus",
    "suggest",
    "tune",
    "validation",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
