"""The whole run: load, clean, explore, select, write the report, the plots and the feature matrix.

:func:`build` is what ``python -m level2.product_features build`` and the tour call.
It writes into one folder:

* ``report.md``: every table, with a sentence on what it shows;
* ``missing.png``, ``prices.png``, ``correlation.png``, ``selection.png``, ``lasso_path.png``;
* ``features.csv`` + ``features.json``: the matrix for level 3 and what its columns mean;
* ``selection.csv``: the comparison table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from sklearn.linear_model import lasso_path
from sklearn.preprocessing import StandardScaler

from level0.atomic import atomic_open, atomic_write_text
from level2.product_features import eda
from level2.product_features.clean import drop_duplicate_products, tidy_products
from level2.product_features.load import load_products
from level2.product_features.matrix import build_feature_matrix, write_matrix
from level2.product_features.pipeline import make_preprocessor
from level2.product_features.selection import (
    LASSO_ALPHA,
    SelectionResult,
    compare_selectors,
    make_target,
)

__all__ = ["BuildResult", "build", "markdown_table", "verdict"]

VIF_COLUMNS = (
    "price",
    "price_excl_tax",
    "stock",
    "rating",
    "title_chars",
    "title_words",
    "description_words",
)


@dataclass
class BuildResult:
    """What :func:`build` made: the selection comparison, the matrix's shape, the files."""

    source: str
    products: int
    duplicates: int
    selection: SelectionResult
    matrix_shape: tuple[int, int]
    files: list[Path] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return verdict(self.selection)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "products": self.products,
            "duplicates_dropped": self.duplicates,
            "target": self.selection.target,
            "classes": dict(zip(self.selection.labels, self.selection.class_counts, strict=True)),
            "folds": self.selection.folds,
            "matrix_shape": list(self.matrix_shape),
            "selection": self.selection.table.to_dict(orient="records"),
            "verdict": self.verdict,
            "files": [str(f) for f in self.files],
        }


def build(
    source: str | os.PathLike[str] | None,
    out: Path,
    *,
    target: str = "price_band",
    k: int = 10,
    folds: int = 5,
    seed: int = 0,
    data_label: str = "",
) -> BuildResult:
    """Run every step on ``source`` (see :func:`~level2.product_features.load_products`)."""
    raw = load_products(source)
    every_row = tidy_products(raw)
    tidy, duplicates = drop_duplicate_products(every_row)
    where = str(raw["source"].iloc[0]) if len(raw) else str(source)
    selection = compare_selectors(tidy, target=target, k=k, folds=folds, seed=seed)
    matrix = build_feature_matrix(tidy)
    out.mkdir(parents=True, exist_ok=True)
    files = write_matrix(matrix, out, where)
    selection_csv = out / "selection.csv"
    with atomic_open(selection_csv, "w", encoding="utf-8", newline="") as handle:
        selection.table.to_csv(handle, index=False, float_format="%.4f")
    files.append(selection_csv)
    missing = eda.missing_values(raw, every_row)
    files += _plots(missing, tidy, selection, out)
    report = out / "report.md"
    text = _markdown(missing, tidy, duplicates, selection, matrix, where, data_label)
    atomic_write_text(report, text)
    files.append(report)
    return BuildResult(where, len(tidy), duplicates, selection, matrix.shape, files)


def verdict(selection: SelectionResult) -> str:
    """One honest sentence: do the features predict the target better than chance?"""
    table = selection.table.set_index("method")
    ranked = table.drop(index=["chance"]).sort_values("cv_mean", ascending=False)
    best, row = ranked.index[0], ranked.iloc[0]
    chance = selection.chance
    margin = row["cv_mean"] - chance
    name = selection.target.replace("_", " ")
    if margin < 2 * max(row["cv_sd"], 0.01):
        return (
            f"No method beats chance: the best, {best}, scores {row['cv_mean']:.3f} balanced "
            f"accuracy against {chance:.3f} for guessing, within two fold-to-fold standard "
            f"deviations ({row['cv_sd']:.3f}). On these {sum(selection.class_counts)} products the "
            f"features show no measurable information about the {name}."
        )
    return (
        f"The features carry information about the {name}: the best method, {best}, scores "
        f"{row['cv_mean']:.3f} balanced accuracy (sd {row['cv_sd']:.3f} across folds) "
        f"against {chance:.3f} for guessing."
    )


def markdown_table(frame: pd.DataFrame, digits: int = 3) -> str:
    """A DataFrame as a Markdown table (floats rounded to ``digits``)."""

    def cell(value: Any) -> str:
        if isinstance(value, float | np.floating):
            return "inf" if np.isinf(value) else f"{value:.{digits}f}"
        return str(value).replace("|", "\\|")

    header = "| " + " | ".join(str(c) for c in frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *body])


def _markdown(
    missing: pd.DataFrame,
    tidy: pd.DataFrame,
    duplicates: int,
    selection: SelectionResult,
    matrix: pd.DataFrame,
    where: str,
    data_label: str,
) -> str:
    types = pd.DataFrame(list(eda.FEATURE_TYPES.items()), columns=["column", "type"])
    kinds = tidy["price_kind"].value_counts().rename_axis("written as").reset_index()
    issues = tidy.loc[tidy["price_issue"] != "", "price_issue"].value_counts().head(8)
    balance = eda.imbalance(tidy)
    sparse = eda.sparsity(tidy)
    vif_columns = [c for c in VIF_COLUMNS if tidy[c].notna().any()]
    vif = eda.variance_inflation(tidy[vif_columns]).rename_axis("column").reset_index()
    votes = pd.DataFrame(
        selection.votes().most_common(12), columns=["feature", "methods keeping it"]
    )
    classes = pd.DataFrame({"class": selection.labels, "products": selection.class_counts})
    table = selection.table.rename(columns={"cv_mean": "balanced accuracy", "cv_sd": "sd"})
    lines = [
        f"# Product features: {Path(where).name}",
        "",
        f"Source: `{where}`{f' ({data_label})' if data_label else ''}. {len(tidy) + duplicates} rows read, "
        f"{duplicates} duplicate product id(s) dropped, {len(tidy)} products kept.",
        "",
        "## Feature types",
        "",
        "The type decides the encoding: continuous and count columns are imputed and capped, "
        "the ordinal rating stays a number, the nominal category is one-hot encoded, free "
        "text becomes TF-IDF weights.",
        "",
        markdown_table(types),
        "",
        "## Missing values",
        "",
        "*absent*: the page or file gave no value; *unusable*: a value that could not be "
        "used (an unreadable price, a negative stock count). Imputation fills these with "
        "the training median and adds a `<column>_missing` flag, so a model can still "
        "tell that the value was made up.",
        "",
        markdown_table(missing),
        "",
        "![missing values](missing.png)",
        "",
        "## Prices as written",
        "",
        markdown_table(kinds),
        "",
        *(
            ["Price issues:", "", *[f"- {text}: {n}" for text, n in issues.items()], ""]
            if len(issues)
            else []
        ),
        "## Outliers",
        "",
        "Tukey's fences: below Q1 - 1.5 IQR or above Q3 + 1.5 IQR. The pipeline caps "
        "values at the upper fence (learned on the training folds) rather than dropping the row.",
        "",
        markdown_table(eda.outliers(tidy), digits=2),
        "",
        "![price distribution](prices.png)",
        "",
        "## Class imbalance",
        "",
        f"- {balance['categories']} categories, from {balance['largest_category'][0]!r} "
        f"({balance['largest_category'][1]} products) to {balance['smallest_category'][0]!r} "
        f"({balance['smallest_category'][1]}). One-hot encoding groups categories under 10 products into `category=other`.",
        f"- In stock: {balance['in_stock_share']:.1%} of products.",
        f"- Price bands of equal width hold {balance['equal_width_price_bands']} products; "
        f"bands of equal size (tertiles) hold {balance['equal_size_price_bands']}. "
        "The target uses equal-size bands, so classes are balanced by construction; the "
        "score is balanced accuracy and the classifier uses balanced class weights anyway.",
        "",
        "## Sparsity",
        "",
        f"The full TF-IDF matrix of titles and descriptions has {sparse['tfidf_terms']} terms and "
        f"{sparse['tfidf_density']:.2%} of its cells are non-zero; the one-hot category matrix "
        f"({sparse['onehot_columns']} columns) {sparse['onehot_density']:.2%}. "
        "The features keep only the 20 most frequent words.",
        "",
        "## Multicollinearity",
        "",
        "Variance inflation factor, 1 / (1 - R²) of each column regressed on the others: "
        "above about 5-10 a linear model cannot separate the column's effect from the "
        "others'; `inf` is an exact copy.",
        "",
        markdown_table(vif, digits=2),
        "",
        "![correlations](correlation.png)",
        "",
        f"## Feature selection: predicting the {selection.target.replace('_', ' ')}",
        "",
        f"Classes ({'tertiles of the price' if selection.target == 'price_band' else 'star bands'}):",
        "",
        markdown_table(classes),
        "",
        f"Each method keeps about {selection.k} features (Lasso and ElasticNet choose their own "
        f"number), then logistic regression is scored by {selection.folds}-fold stratified "
        "cross-validation; the preprocessing and the selection are fitted on the training folds only.",
        "",
        markdown_table(table),
        "",
        f"**{verdict(selection)}**",
        "",
        "![selection](selection.png)",
        "",
        "Features kept by the most methods:",
        "",
        markdown_table(votes),
        "",
        "![lasso path](lasso_path.png)",
        "",
        "## Outputs",
        "",
        f"`features.csv`: {matrix.shape[0]} products x {matrix.shape[1]} numeric columns, no gaps, "
        "indexed by product id; `features.json` describes each column. They are not scaled: "
        "standardise them before a distance-based method such as k-means.",
        "",
    ]
    return "\n".join(lines)


def _plots(
    missing: pd.DataFrame, tidy: pd.DataFrame, selection: SelectionResult, out: Path
) -> list[Path]:
    return [
        _plot_missing(missing, out / "missing.png"),
        _plot_prices(tidy, out / "prices.png"),
        _plot_correlation(tidy, out / "correlation.png"),
        _plot_selection(selection, out / "selection.png"),
        _plot_lasso_path(tidy, selection.target, out / "lasso_path.png"),
    ]


def _figure(size: tuple[float, float]) -> tuple[Figure, Any]:
    """A figure without pyplot: no global state, no GUI backend, safe in any thread."""
    figure = Figure(figsize=size)
    return figure, figure.subplots()


def _save(figure: Figure, path: Path) -> Path:
    figure.tight_layout()
    with atomic_open(path, "wb") as handle:
        figure.savefig(handle, format="png", dpi=110)
    return path


def _plot_missing(table: pd.DataFrame, path: Path) -> Path:
    figure, axes = _figure((6, 3.2))
    axes.barh(table["field"], table["missing_share"] * 100, color="tab:orange")
    axes.set_xlabel("missing or unusable (% of rows)")
    axes.set_ylabel("field")
    axes.set_title("Missing values per field")
    return _save(figure, path)


def _plot_prices(tidy: pd.DataFrame, path: Path) -> Path:
    price = tidy["price"].dropna()
    fences = eda.outliers(tidy, ("price",)).iloc[0]
    upper = fences["upper_fence"]
    shown = price[price <= max(upper, price.quantile(0.99))]
    figure, axes = _figure((7, 3.8))
    axes.hist(shown, bins=30, color="tab:blue", alpha=0.8)
    edges = np.quantile(price, [1 / 3, 2 / 3])
    for edge in edges:
        axes.axvline(edge, color="black", linestyle="--", linewidth=1)
    if upper < price.max():
        axes.axvline(upper, color="tab:red", linewidth=1.5, label=f"upper IQR fence £{upper:.2f}")
        axes.legend()
    hidden = len(price) - len(shown)
    note = f" ({hidden} above the fence not shown)" if hidden else ""
    axes.set_title(f"Price distribution; dashed: band edges{note}")
    axes.set_xlabel("price (GBP)")
    axes.set_ylabel("products")
    return _save(figure, path)


def _plot_correlation(tidy: pd.DataFrame, path: Path) -> Path:
    columns = [c for c in VIF_COLUMNS if tidy[c].notna().any() and tidy[c].nunique() > 1]
    matrix = tidy[columns].corr()
    figure, axes = _figure((6.5, 5.5))
    image = axes.imshow(matrix, vmin=-1, vmax=1, cmap="coolwarm")
    axes.set_xticks(range(len(columns)), columns, rotation=45, ha="right")
    axes.set_yticks(range(len(columns)), columns)
    for i in range(len(columns)):
        for j in range(len(columns)):
            axes.text(j, i, f"{matrix.iloc[i, j]:.2f}", ha="center", va="center", fontsize=8)
    figure.colorbar(image, ax=axes, label="Pearson correlation")
    axes.set_title("Correlation of the numeric columns")
    return _save(figure, path)


def _plot_selection(selection: SelectionResult, path: Path) -> Path:
    table = selection.table[selection.table["method"] != "chance"]
    figure, axes = _figure((7, 4))
    colors = {
        "none": "tab:gray",
        "filter": "tab:blue",
        "wrapper": "tab:green",
        "embedded": "tab:purple",
    }
    axes.barh(
        table["method"],
        table["cv_mean"],
        xerr=table["cv_sd"],
        color=[colors[f] for f in table["family"]],
        capsize=3,
    )
    axes.axvline(
        selection.chance, color="tab:red", linestyle="--", label=f"chance {selection.chance:.2f}"
    )
    axes.invert_yaxis()
    axes.set_xlim(0, 1)
    axes.set_xlabel(f"balanced accuracy, {selection.folds}-fold CV (mean ± sd)")
    axes.set_ylabel("selection method")
    axes.set_title(f"Predicting the {selection.target.replace('_', ' ')}: CV score per method")
    axes.legend(loc="lower right")
    return _save(figure, path)


def _plot_lasso_path(tidy: pd.DataFrame, target: str, path: Path) -> Path:
    y, _, exclude = make_target(tidy, target)
    rows = tidy.loc[y.index]
    preprocessor = make_preprocessor(exclude=exclude)
    x = StandardScaler().fit_transform(preprocessor.fit_transform(rows))
    names = [str(n) for n in preprocessor.get_feature_names_out()]
    alphas, coefs, _ = lasso_path(x, y.to_numpy(dtype=float) - y.mean(), alphas=40)
    strongest = np.argsort(-np.abs(coefs).max(axis=1))[:6]
    figure, axes = _figure((7, 4))
    for j in range(coefs.shape[0]):
        if j not in strongest:
            axes.plot(alphas, coefs[j], color="lightgray", linewidth=0.7)
    for rank, j in enumerate(strongest):
        axes.plot(alphas, coefs[j], color=f"C{rank}", linewidth=1.8, label=names[j])
    axes.axvline(
        LASSO_ALPHA, color="black", linestyle="--", linewidth=1, label=f"alpha used ({LASSO_ALPHA})"
    )
    axes.set_xscale("log")
    axes.invert_xaxis()
    axes.set_xlabel("Lasso penalty alpha (log scale; weaker to the right)")
    axes.set_ylabel("coefficient (standardised features)")
    axes.set_title("Lasso path: features enter as the penalty weakens")
    axes.legend(fontsize=7, loc="upper left")
    return _save(figure, path)
