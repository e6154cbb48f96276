"""Classify Titanic survivors: feature engineering inside a Pipeline, CV model choice, Kaggle file.

A beginner's full pipeline on Kaggle's real passenger lists (``train.csv`` with labels,
``test.csv`` without):

* :func:`read_passengers` reads and checks a file; :func:`write_eda` draws survival by
  sex, class and age;
* :func:`make_model` builds the pipeline: :class:`TrainRowsGuard` (never fit on test
  rows), :class:`PassengerFeatures` (title, family size, deck, fare per person),
  :class:`TrainImputer` (fill-ins learned from train only), :class:`CompanionSurvival`
  (the fate of a passenger's travelling companions, from train labels), one-hot
  encoding and scaling, then one of three classifiers (:data:`MODELS`);
* :func:`cross_validate` compares them by stratified 5-fold CV and :func:`choose` picks
  the simplest within one standard error of the best;
* :func:`fit`, :func:`make_submission` and :func:`write_submission` produce Kaggle's
  ``PassengerId,Survived`` file; :func:`save_model`/:func:`load_model` persist the
  fitted pipeline with ``level1.modelstore``.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn or pandas
    from level1.titanic.data import (
        FEATURE_COLUMNS,
        TARGET,
        TEST_IDS,
        DataError,
        default_paths,
        read_passengers,
        sha256_of,
    )
    from level1.titanic.eda import survival_table, write_eda
    from level1.titanic.features import (
        CompanionSurvival,
        LeakageError,
        PassengerFeatures,
        TrainImputer,
        TrainRowsGuard,
        title_of,
    )
    from level1.titanic.models import (
        DEFAULT_MODEL,
        MODELS,
        CVResult,
        choose,
        cross_validate,
        fit,
        format_cv_table,
        make_model,
    )
    from level1.titanic.store import TRUSTED, load_model, save_model
    from level1.titanic.submission import check_submission, make_submission, write_submission

__all__ = [
    "DEFAULT_MODEL",
    "FEATURE_COLUMNS",
    "MODELS",
    "TARGET",
    "TEST_IDS",
    "TRUSTED",
    "CVResult",
    "CompanionSurvival",
    "DataError",
    "LeakageError",
    "PassengerFeatures",
    "TrainImputer",
    "TrainRowsGuard",
    "check_submission",
    "choose",
    "cross_validate",
    "default_paths",
    "fit",
    "format_cv_table",
    "load_model",
    "make_model",
    "make_submission",
    "read_passengers",
    "save_model",
    "sha256_of",
    "survival_table",
    "title_of",
    "write_eda",
    "write_submission",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
