"""Tune a decision tree (depth, leaf size, ccp_alpha path) and explain its splits in plain English.

Read in this order: :mod:`.data` (Titanic through level 1's feature steps, unscaled,
or breast cancer), :mod:`.tune` (CV over pre- and post-pruning, the one-standard-error
choice), :mod:`.explain` (text rules, impurity vs permutation importance, one
prediction as a sentence), :mod:`.plots`.

>>> table = load_table("breast_cancer")                                  # doctest: +SKIP
>>> fitted = fit_tree(table, tune(table).chosen.params)                  # doctest: +SKIP
>>> explain(fitted, fitted.X_test.iloc[[0]]).text                        # doctest: +SKIP
'predicted benign (98% of the 182 training rows at this leaf) because ...'
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level3.tree_explain.data import DATASETS, Table, default_dataset, load_table
    from level3.tree_explain.explain import (
        Condition,
        Explanation,
        FittedTree,
        Importance,
        conditions_hold,
        explain,
        fit_tree,
        importances,
        rules,
    )
    from level3.tree_explain.plots import plot_importances, plot_tree_png, plot_tuning
    from level3.tree_explain.tune import (
        DEPTHS,
        LEAF_SIZES,
        Candidate,
        Tuning,
        make_tree,
        one_standard_error_choice,
        pruning_alphas,
        tune,
    )

__all__ = [
    "DATASETS",
    "DEPTHS",
    "LEAF_SIZES",
    "Candidate",
    "Condition",
    "Explanation",
    "FittedTree",
    "Importance",
    "Table",
    "Tuning",
    "conditions_hold",
    "default_dataset",
    "explain",
    "fit_tree",
    "importances",
    "load_table",
    "make_tree",
    "one_standard_error_choice",
    "plot_importances",
    "plot_tree_png",
    "plot_tuning",
    "pruning_alphas",
    "rules",
    "tune",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
