"""Clean and analyse California housing: EDA report, one ColumnTransformer, four models by CV RMSE.

Read in this order: data.py (loading, stratified split), eda.py (missing values,
skew, outliers, caps, categories, income bands, VIF), plots.py and report.py (the
EDA report), features.py (the pipeline), models.py (the four regressors and
cross-validation), workflow.py (train, save, evaluate once).
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level2.housing.data import INCOME_BINS, TARGET, income_category, load_housing, split
    from level2.housing.eda import (
        capped_values,
        category_counts,
        engineered_columns,
        iqr_outliers,
        missing_counts,
        missing_plan,
        skewness,
        strata_table,
        vif,
    )
    from level2.housing.features import build_preprocessor
    from level2.housing.models import CHOSEN, MODEL_NAMES, cross_validate, make_model, rmse
    from level2.housing.report import feature_types, write_report
    from level2.housing.workflow import TRUSTED, TrainResult, evaluate, save, train

__all__ = [
    "CHOSEN",
    "INCOME_BINS",
    "MODEL_NAMES",
    "TARGET",
    "TRUSTED",
    "TrainResult",
    "build_preprocessor",
    "capped_values",
    "category_counts",
    "cross_validate",
    "engineered_columns",
    "evaluate",
    "feature_types",
    "income_category",
    "iqr_outliers",
    "load_housing",
    "make_model",
    "missing_counts",
    "missing_plan",
    "rmse",
    "save",
    "skewness",
    "split",
    "strata_table",
    "train",
    "vif",
    "write_report",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
