"""Predict an iris flower's species: split, fit, cross-validate, confusion matrix, predict.

The smallest complete machine-learning pipeline, on scikit-learn's bundled iris data:

* :func:`load_data` and :func:`split` give the measurements and a stratified hold-out;
* :data:`MODELS` holds three classifiers, compared by :func:`cross_validate_models`
  (stratified 10-fold accuracy, mean ± std);
* :func:`evaluate` scores a fitted model on held-out flowers (accuracy, confusion
  matrix, per-species report) and :func:`plot_confusion_matrix` draws it;
* :func:`write_report` runs all of that end to end and writes the files;
* :func:`predict_species` turns four measurements into a species and its probabilities.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level1.iris.data import FEATURES, SPECIES, load_data, split
    from level1.iris.evaluation import Evaluation, evaluate, plot_confusion_matrix
    from level1.iris.models import (
        DEFAULT_MODEL,
        MODELS,
        CVResult,
        best,
        cross_validate_models,
        make_model,
    )
    from level1.iris.predict import (
        MeasurementError,
        Prediction,
        parse_measurements,
        predict_species,
        train,
    )
    from level1.iris.report import Report, format_cv_table, write_report

__all__ = [
    "DEFAULT_MODEL",
    "FEATURES",
    "MODELS",
    "SPECIES",
    "CVResult",
    "Evaluation",
    "MeasurementError",
    "Prediction",
    "Report",
    "best",
    "cross_validate_models",
    "evaluate",
    "format_cv_table",
    "load_data",
    "make_model",
    "parse_measurements",
    "plot_confusion_matrix",
    "predict_species",
    "split",
    "train",
    "write_report",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
