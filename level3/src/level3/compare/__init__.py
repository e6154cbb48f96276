"""Compare six classifiers by repeated CV with a corrected paired t-test, plus bias/variance curves.

Read in this order: :mod:`.data` (four datasets, two reused from level 1),
:mod:`.models` (logistic regression, linear and RBF SVMs, k-NN, a decision tree and a
random forest behind the same preprocessing), :mod:`.evaluate` (repeated stratified
k-fold on identical splits), :mod:`.stats` (why the naive paired t-test lies on CV
scores and the Nadeau-Bengio correction), :mod:`.curves` (learning and validation
curves).

>>> result = compare(load_dataset("breast_cancer"), folds=5, repeats=3)  # doctest: +SKIP
>>> print(format_table(result))                                          # doctest: +SKIP
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level3.compare.curves import (
        LEARNING_MODELS,
        VALIDATION_SWEEPS,
        plot_learning_curves,
        plot_validation_curves,
    )
    from level3.compare.data import DATASETS, Dataset, load_dataset
    from level3.compare.evaluate import METRICS, Comparison, ModelResult, compare, format_table
    from level3.compare.models import MODELS, make_pipeline
    from level3.compare.stats import PairedTest, corrected_resampled_ttest

__all__ = [
    "DATASETS",
    "LEARNING_MODELS",
    "METRICS",
    "MODELS",
    "VALIDATION_SWEEPS",
    "Comparison",
    "Dataset",
    "ModelResult",
    "PairedTest",
    "compare",
    "corrected_resampled_ttest",
    "format_table",
    "load_dataset",
    "make_pipeline",
    "plot_learning_curves",
    "plot_validation_curves",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
