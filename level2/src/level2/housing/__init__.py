"""Clean and analyse California housing: EDA report, one ColumnTransformer, four models by CV RMSE.

Read in this order: data.py (loading, stratified split), eda.py (missing values,
skew, caps, correlation, VIF, map), features.py (the pipeline), models.py (the
four regressors and cross-validation), workflow.py (train, save, evaluate).
"""

from level2.housing.data import INCOME_BINS, TARGET, income_category, load_housing, split
from level2.housing.eda import capped_values, missing_counts, skewness, vif, write_report
from level2.housing.features import build_preprocessor
from level2.housing.models import CHOSEN, MODEL_NAMES, cross_validate, make_model, rmse
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
    "cross_validate",
    "evaluate",
    "income_category",
    "load_housing",
    "make_model",
    "missing_counts",
    "rmse",
    "save",
    "skewness",
    "split",
    "train",
    "vif",
    "write_report",
]
