"""The EDA report: one Markdown file and four PNGs, each finding next to the decision it drives."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from level0.atomic import atomic_write_text
from level2.housing.data import TARGET
from level2.housing.eda import (
    DROP_COLUMN_ABOVE,
    INDICATOR_ABOVE,
    capped_values,
    category_counts,
    engineered_columns,
    iqr_outliers,
    missing_plan,
    skewness,
    strata_table,
    vif,
)
from level2.housing.features import CATEGORY
from level2.housing.plots import plot_correlation, plot_distributions, plot_geography, plot_missing

__all__ = ["feature_types", "write_report"]

KINDS = {
    "longitude": "continuous (coordinate)",
    "latitude": "continuous (coordinate)",
    "housing_median_age": "discrete, capped at 52",
    "total_rooms": "count (sum over the block group)",
    "total_bedrooms": "count (sum over the block group)",
    "population": "count (sum over the block group)",
    "households": "count (sum over the block group)",
    "median_income": "continuous (10k USD)",
    TARGET: "target, continuous (USD), capped",
    CATEGORY: "categorical (nominal)",
}


def feature_types(frame: pd.DataFrame) -> pd.DataFrame:
    """Each column's pandas dtype, what kind of feature it is, and its number of distinct values."""
    return pd.DataFrame(
        {
            "column": frame.columns,
            "dtype": [str(t) for t in frame.dtypes],
            "kind": [KINDS.get(c, "?") for c in frame.columns],
            "distinct": [frame[c].nunique() for c in frame.columns],
        }
    )


def _table(frame: pd.DataFrame, formats: dict[str, str] | None = None) -> str:
    """A Markdown table; ``formats`` maps a column to a format like "{:.1%}"."""
    formats = formats or {}
    lines = [
        "| " + " | ".join(str(c) for c in frame.columns) + " |",
        "|" + "---|" * len(frame.columns),
    ]
    for row in frame.itertuples(index=False):
        cells = []
        for name, value in zip(frame.columns, row, strict=True):
            default = "{:,.2f}" if isinstance(value, float) else "{}"
            cells.append(formats.get(name, default).format(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _named(series: pd.Series, value: str) -> pd.DataFrame:
    return series.rename(value).rename_axis("column").reset_index()


def write_report(frame: pd.DataFrame, out: Path, *, label: str = "real data") -> list[Path]:
    """Write report.md and four PNGs into ``out``; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    caps = capped_values(frame)
    corr = frame.select_dtypes("number").corr()
    files = [
        plot_missing(frame, out / "missing.png", label),
        plot_distributions(frame, out / "distributions.png", label, caps),
        plot_correlation(corr, out / "correlation.png", label),
        plot_geography(frame, out / "geography.png", label),
    ]
    plan = missing_plan(frame)
    categories = category_counts(frame)
    rare = categories[categories["share"] < 0.01]
    zeros = 1 - 1 / len(categories)
    target_corr = corr[TARGET].drop(TARGET).sort_values(ascending=False)
    sections = [
        f"# Housing EDA ({label})",
        f"{len(frame):,} rows (census block groups), {frame.shape[1]} columns.",
        "## Feature types\n\n" + _table(feature_types(frame)),
        "## Missing values\n\n"
        + (_table(plan, {"share": "{:.2%}"}) if len(plan) else "No missing values.")
        + f"\n\nRule of thumb used: impute below {INDICATOR_ABOVE:.0%} missing, impute and "
        f"flag up to {DROP_COLUMN_ABOVE:.0%}, drop the column above; never impute the target. "
        "Imputation happens inside the pipeline, so the median comes from the training rows "
        "only.\n\n![missing values](missing.png)",
        "## Distributions and skew\n\n"
        + _table(_named(skewness(frame), "skew"))
        + "\n\nThe counts and income have long right tails: the pipeline takes log1p of them."
        "\n\n![distributions](distributions.png)",
        "## Outliers (Tukey's fences, 1.5 IQR, skewed columns)\n\n"
        + _table(iqr_outliers(frame))
        + "\n\nOn the raw scale the long right tail puts every outlier on the high side. "
        "After log1p fewer high values stand out and the tiny block groups appear as low "
        "outliers instead: an outlier is relative to a scale. These are real block groups, "
        "not errors, so they are kept; the log transform limits their pull on the linear "
        "model and the trees split on order, not distance.",
        "## Capped values\n\n"
        + _table(caps, {"max": "{:,.0f}", "share": "{:.1%}"})
        + "\n\nThese piles at the maximum are census top-codes: the true value is 'at least' "
        "the cap. Decision: keep the capped rows in training and test (see the README).",
        f"## Categories of {CATEGORY}\n\n"
        + _table(categories, {"share": "{:.2%}"})
        + (
            f"\n\nRare: {', '.join(rare['category'])} ({int(rare['rows'].sum())} rows). A "
            "random split can leave a rare level out of one side; the encoder ignores a "
            "level it never saw in training (an all-zero row) instead of failing."
            if len(rare)
            else ""
        )
        + f"\n\nOne-hot encoding turns this column into {len(categories)} columns that are "
        f"{zeros:.0%} zeros (each row has a single 1): a sparse block. Five columns are small, "
        "so the pipeline keeps it dense.",
        "## Income bands and the stratified split\n\n"
        + _table(
            strata_table(frame),
            dict.fromkeys(("overall", "stratified", "random"), "{:.2%}")
            | {"stratified_error": "{:+.1%}", "random_error": "{:+.1%}"},
        )
        + "\n\nmedian_income is discretised into five bands (pd.cut at 1.5, 3, 4.5, 6). The "
        "bands are imbalanced; splitting stratified on them keeps each band's share in the "
        "test set, a random split only roughly.",
        "## Correlation with the target\n\n"
        + _table(_named(target_corr, "r"))
        + "\n\n![correlation](correlation.png)",
        "## Multicollinearity: variance inflation factors (1 / (1 - R²))\n\n"
        "Raw columns:\n\n"
        + _table(_named(vif(frame), "vif"))
        + "\n\nThe four counts measure the size of a block group and inflate each other "
        "(VIF above 10: a linear model's coefficients for them are unstable). The "
        "pipeline's size-free columns instead:\n\n"
        + _table(
            _named(vif(engineered_columns(frame), tuple(engineered_columns(frame).columns)), "vif")
        ),
        "## Geography\n\n![geography](geography.png)",
    ]
    report = out / "report.md"
    atomic_write_text(report, "\n\n".join(sections) + "\n")
    return [*files, report]
