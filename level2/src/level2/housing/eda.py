"""Exploratory data analysis: missing values, skew, capped values, correlation, VIF and a map.

Every number here is computed from the table alone (no model), so the report can be
read before any training: it is what motivates the cleaning choices in features.py.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from level0.atomic import atomic_open, atomic_write_text
from level2.housing.data import TARGET

__all__ = ["VIF_COLUMNS", "capped_values", "missing_counts", "skewness", "vif", "write_report"]

VIF_COLUMNS = (
    "housing_median_age",
    "total_rooms",
    "total_bedrooms",
    "population",
    "households",
    "median_income",
)


def missing_counts(frame: pd.DataFrame) -> pd.Series:
    """Missing values per column (every column, zeros included)."""
    return frame.isna().sum().astype("int64")


def skewness(frame: pd.DataFrame) -> pd.Series:
    """Sample skewness of each numeric column, most skewed first."""
    numeric = frame.select_dtypes("number")
    return numeric.skew().sort_values(ascending=False)


def capped_values(
    frame: pd.DataFrame, columns: tuple[str, ...] = (TARGET, "housing_median_age")
) -> pd.DataFrame:
    """For each column: its maximum and how many rows sit exactly on it.

    A census top-code shows up as a pile of rows at the maximum (500,001 USD for the
    house value, 52 years for the age), far more than a smooth tail would hold.
    """
    rows = []
    for name in columns:
        values = frame[name].dropna()
        top = float(values.max())
        at_top = int((values == top).sum())
        rows.append(
            {"column": name, "max": top, "rows_at_max": at_top, "share": at_top / len(values)}
        )
    return pd.DataFrame(rows)


def vif(frame: pd.DataFrame, columns: tuple[str, ...] = VIF_COLUMNS) -> pd.Series:
    """Variance inflation factor of each column: 1 / (1 - R²) of that column regressed
    (least squares, with an intercept) on all the others. Rows with a missing value
    are dropped first. VIF above about 10 means the column is nearly a linear mix
    of the others, so a linear model's coefficient for it is unstable."""
    data = frame.loc[:, list(columns)].dropna().to_numpy(dtype=np.float64)
    if data.shape[0] <= data.shape[1]:
        raise ValueError(f"VIF needs more complete rows than columns ({data.shape[0]} rows)")
    result = {}
    for i, name in enumerate(columns):
        y = data[:, i]
        x = np.column_stack([np.ones(len(y)), np.delete(data, i, axis=1)])
        coef, *_ = np.linalg.lstsq(x, y, rcond=None)
        residual = y - x @ coef
        r2 = 1.0 - residual @ residual / np.sum((y - y.mean()) ** 2)
        result[name] = np.inf if r2 >= 1.0 else 1.0 / (1.0 - r2)
    return pd.Series(result, name="vif")


def _save(fig: Figure, path: Path) -> Path:
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=90)
    plt.close(fig)
    return path


def _plot_distributions(frame: pd.DataFrame, path: Path, label: str) -> Path:
    numeric = frame.select_dtypes("number").columns
    fig, axes = plt.subplots(3, 3, figsize=(12, 9))
    units = {"median_house_value": "USD", "median_income": "10k USD", "housing_median_age": "years"}
    for ax, name in zip(axes.flat, numeric, strict=False):
        ax.hist(frame[name].dropna(), bins=50, color="tab:blue")
        ax.set_title(f"{name} (skew {frame[name].skew():.2f})", fontsize=9)
        ax.set_xlabel(
            f"{name} ({units.get(name, 'count' if name.startswith(('total', 'pop', 'house')) else 'degrees')})",
            fontsize=8,
        )
        ax.set_ylabel("block groups")
    fig.suptitle(f"Distributions ({label})")
    fig.tight_layout()
    return _save(fig, path)


def _plot_correlation(corr: pd.DataFrame, path: Path, label: str) -> Path:
    fig, ax = plt.subplots(figsize=(8, 7))
    image = ax.imshow(corr.to_numpy(), vmin=-1, vmax=1, cmap="coolwarm")
    ax.set_xticks(range(len(corr)), corr.columns, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(corr)), corr.columns, fontsize=8)
    ax.set_xlabel("column")
    ax.set_ylabel("column")
    fig.colorbar(image, ax=ax, label="Pearson correlation (unitless)")
    ax.set_title(f"Correlation matrix ({label})")
    fig.tight_layout()
    return _save(fig, path)


def _plot_geography(frame: pd.DataFrame, path: Path, label: str) -> Path:
    fig, ax = plt.subplots(figsize=(9, 7))
    points = ax.scatter(
        frame["longitude"],
        frame["latitude"],
        s=frame["population"] / 100,
        c=frame[TARGET],
        cmap="jet",
        alpha=0.4,
    )
    fig.colorbar(points, ax=ax, label="median house value (USD)")
    ax.set_xlabel("longitude (degrees)")
    ax.set_ylabel("latitude (degrees)")
    ax.set_title(f"Block groups: size = population, colour = value ({label})")
    fig.tight_layout()
    return _save(fig, path)


def _table(frame: pd.DataFrame, floatfmt: str = "{:,.2f}") -> str:
    header = "| " + " | ".join(str(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    lines = [header, rule]
    for row in frame.itertuples(index=False):
        cells = [floatfmt.format(v) if isinstance(v, float) else str(v) for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_report(frame: pd.DataFrame, out: Path, *, label: str = "real data") -> list[Path]:
    """Write report.md and three PNGs into ``out``; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    missing = missing_counts(frame)
    skew = skewness(frame)
    caps = capped_values(frame)
    corr = frame.select_dtypes("number").corr()
    factors = vif(frame)
    files = [
        _plot_distributions(frame, out / "distributions.png", label),
        _plot_correlation(corr, out / "correlation.png", label),
        _plot_geography(frame, out / "geography.png", label),
    ]
    target_corr = corr[TARGET].drop(TARGET).sort_values(ascending=False)
    text = "\n\n".join(
        [
            f"# Housing EDA ({label})",
            f"{len(frame):,} rows, {frame.shape[1]} columns.",
            "## Missing values\n\n"
            + _table(
                missing[missing > 0]
                .rename("missing")
                .reset_index()
                .rename(columns={"index": "column"}),
                "{}",
            )
            + f"\n\n{int(missing.sum())} missing in all; the pipeline fills them with the training median.",
            "## Skew\n\n"
            + _table(skew.rename("skew").reset_index().rename(columns={"index": "column"}))
            + "\n\nCounts and income are right-skewed: the pipeline takes log1p of them.\n\n![distributions](distributions.png)",
            "## Capped values\n\n"
            + _table(caps)
            + "\n\nThese piles at the maximum are census top-codes: the true value is 'at least' the cap.",
            "## Correlation with the target\n\n"
            + _table(target_corr.rename("r").reset_index().rename(columns={"index": "column"}))
            + "\n\n![correlation](correlation.png)",
            "## Variance inflation factors (1 / (1 - R²))\n\n"
            + _table(factors.reset_index().rename(columns={"index": "column"}))
            + "\n\nThe four count columns measure the size of a block group and inflate each other; "
            "ratios (rooms per household, ...) carry the information without the collinearity.",
            "## Geography\n\n![geography](geography.png)",
        ]
    )
    atomic_write_text(out / "report.md", text + "\n")
    return [*files, out / "report.md"]
