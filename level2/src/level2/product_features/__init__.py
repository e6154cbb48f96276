"""Features from scraped products: robust price parsing, EDA, encoding, and every feature-selection family.

>>> from level2.product_features import parse_price, build_feature_matrix
>>> parse_price("from £1,234.50").amount
1234.5
>>> matrix = build_feature_matrix()  # the registry's books, when cached  # doctest: +SKIP
>>> matrix = build_feature_matrix("products.jsonl")  # or a level2.scraper output  # doctest: +SKIP

The steps, one module each: ``load`` (books CSVs or scraper output into one raw
table), ``prices`` and ``units`` (text into numbers), ``clean`` (one tidy row per
product), ``pipeline`` (the scikit-learn steps that learn from data: imputation,
outlier capping, one-hot, bands, TF-IDF), ``eda`` (missing values, outliers,
imbalance, sparsity, VIF), ``selection`` (filter, wrapper and embedded methods
compared by cross-validation), ``matrix`` (the feature matrix for level 3) and
``report`` (Markdown and PNGs).
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level2.product_features.clean import (
        KEYWORDS,
        RATES_TO_GBP,
        TIDY_COLUMNS,
        drop_duplicate_products,
        tidy_products,
    )
    from level2.product_features.eda import (
        FEATURE_TYPES,
        imbalance,
        missing_values,
        outliers,
        sparsity,
        variance_inflation,
    )
    from level2.product_features.load import RAW_COLUMNS, books_folder, load_products
    from level2.product_features.matrix import (
        build_feature_matrix,
        describe_columns,
        prepare,
        write_matrix,
    )
    from level2.product_features.pipeline import IQRClipper, feature_name, make_preprocessor
    from level2.product_features.prices import (
        Price,
        PriceFormatError,
        PriceStyle,
        format_price,
        parse_price,
    )
    from level2.product_features.report import BuildResult, build, markdown_table, verdict
    from level2.product_features.selection import (
        TARGETS,
        SelectionResult,
        abs_correlation,
        compare_selectors,
        make_target,
        mutual_information,
    )
    from level2.product_features.units import UNITS, Quantity, parse_quantity

__all__ = [
    "FEATURE_TYPES",
    "KEYWORDS",
    "RATES_TO_GBP",
    "RAW_COLUMNS",
    "TARGETS",
    "TIDY_COLUMNS",
    "UNITS",
    "BuildResult",
    "IQRClipper",
    "Price",
    "PriceFormatError",
    "PriceStyle",
    "Quantity",
    "SelectionResult",
    "abs_correlation",
    "books_folder",
    "build",
    "build_feature_matrix",
    "compare_selectors",
    "describe_columns",
    "drop_duplicate_products",
    "feature_name",
    "format_price",
    "imbalance",
    "load_products",
    "make_preprocessor",
    "make_target",
    "markdown_table",
    "missing_values",
    "mutual_information",
    "outliers",
    "parse_price",
    "parse_quantity",
    "prepare",
    "sparsity",
    "tidy_products",
    "variance_inflation",
    "verdict",
    "write_matrix",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
