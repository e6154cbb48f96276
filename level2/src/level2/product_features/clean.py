"""From raw text to one tidy row per product: numbers, flags and text measures.

Everything here looks at one row at a time (parse this price, count these
words), so it can run before the train/test split without leaking anything.
Steps that learn from the data (medians for imputation, outlier fences, band
edges, the TF-IDF vocabulary) live in the scikit-learn pipeline of
:mod:`~level2.product_features.pipeline`, where they are fitted on training
folds only.

What each column means is in :data:`TIDY_COLUMNS`.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from level2.product_features.prices import PriceFormatError, parse_price
from level2.product_features.units import parse_quantity

__all__ = ["KEYWORDS", "RATES_TO_GBP", "TIDY_COLUMNS", "drop_duplicate_products", "tidy_products"]

#: What one unit of each currency is worth in pounds. Fixed, made-up rates (the demo
#: shop's): a real project would use the rate of the day the price was scraped.
RATES_TO_GBP = {"GBP": 1.0, "EUR": 0.85, "USD": 0.75}
#: Title words that may say something about a product (whole words, any case).
KEYWORDS = ("edition", "collection", "guide", "novel", "volume", "deluxe", "set", "pack")

TIDY_COLUMNS = {
    "id": "product id: the UPC, or the URL when there is none",
    "title": "title as scraped",
    "category": "category as scraped",
    "text": "title and description, for TF-IDF",
    "price": "price in GBP (converted at RATES_TO_GBP); NaN when missing or unreadable",
    "price_excl_tax": "price excluding tax in GBP, where the source gives it",
    "currency": "currency the price was written in",
    "price_kind": "how the price was written: exact, range, from, free, missing, unreadable",
    "price_issue": "why the price is NaN or assumed, else empty",
    "stock": "units in stock; NaN when not given or negative (a data-entry bug)",
    "stock_negative": "1 if the page showed a negative stock count",
    "in_stock": "1 if the product can be bought",
    "rating": "star rating 1-5; NaN when missing",
    "title_chars": "length of the title in characters",
    "title_words": "length of the title in words",
    "description_words": "length of the description in words",
    "description_missing": "1 if there is no description",
    "title_has_series": "1 if the title names a series number, e.g. '(Discworld #3)'",
    "title_has_number": "1 if the title contains a digit",
    "title_has_colon": "1 if the title has a subtitle after ':'",
    **{f"keyword_{word}": f"1 if the title contains the word '{word}'" for word in KEYWORDS},
    "quantity": "pack size from the title in g, ml or items (see quantity_unit); NaN if none",
    "quantity_unit": "g, ml or item; empty when the title names no size",
    "price_per_unit": "price per 100 g, per 100 ml or per item; NaN without a size",
}
_SERIES = re.compile(r"#\s*\d+")
_KEYWORDS = {word: re.compile(rf"\b{word}\b", re.IGNORECASE) for word in KEYWORDS}


def tidy_products(raw: pd.DataFrame, rates: dict[str, float] | None = None) -> pd.DataFrame:
    """One tidy row per raw row (see :data:`TIDY_COLUMNS`); never raises on a bad value."""
    rates = RATES_TO_GBP if rates is None else rates
    tidy = pd.DataFrame(index=raw.index)
    tidy["id"] = raw["id"]
    tidy["title"] = raw["title"]
    tidy["category"] = raw["category"].replace("", "unknown")
    tidy["text"] = raw["title"] + " " + raw["description"]

    prices = [
        _price(text, default, rates)
        for text, default in zip(raw["price_text"], raw["default_currency"], strict=True)
    ]
    tidy["price"] = [p[0] for p in prices]
    tidy["currency"] = [p[1] for p in prices]
    tidy["price_kind"] = [p[2] for p in prices]
    tidy["price_issue"] = [p[3] for p in prices]
    excl = [
        _price(text, default, rates)
        for text, default in zip(raw["price_excl_tax_text"], raw["default_currency"], strict=True)
    ]
    tidy["price_excl_tax"] = [p[0] for p in excl]

    stock = pd.to_numeric(raw["stock"], errors="coerce")
    said_out = raw["in_stock"].str.casefold().eq("false")
    stock = stock.where(~(said_out & stock.isna()), 0.0)
    tidy["stock_negative"] = (stock < 0).astype(int)
    tidy["stock"] = stock.where(stock >= 0)
    tidy["in_stock"] = ((tidy["stock"] > 0) | raw["in_stock"].str.casefold().eq("true")).astype(int)

    rating = pd.to_numeric(raw["rating"], errors="coerce")
    tidy["rating"] = rating.where(rating.between(1, 5))

    tidy["title_chars"] = raw["title"].str.len()
    tidy["title_words"] = raw["title"].str.split().str.len()
    tidy["description_words"] = raw["description"].str.split().str.len()
    tidy["description_missing"] = raw["description"].str.strip().eq("").astype(int)
    tidy["title_has_series"] = raw["title"].str.contains(_SERIES).astype(int)
    tidy["title_has_number"] = raw["title"].str.contains(r"\d").astype(int)
    tidy["title_has_colon"] = raw["title"].str.contains(":", regex=False).astype(int)
    for word, pattern in _KEYWORDS.items():
        tidy[f"keyword_{word}"] = raw["title"].str.contains(pattern).astype(int)

    quantities = [parse_quantity(title) for title in raw["title"]]
    tidy["quantity"] = [q.value if q else math.nan for q in quantities]
    tidy["quantity_unit"] = [q.unit if q else "" for q in quantities]
    per = np.where(tidy["quantity_unit"].eq("item"), 1.0, 100.0)
    tidy["price_per_unit"] = tidy["price"] / (tidy["quantity"] / per)
    return tidy[list(TIDY_COLUMNS)]


def _price(text: str, default: str, rates: dict[str, float]) -> tuple[float, str, str, str]:
    """(price in GBP, currency, how it was written, issue) for one price text."""
    try:
        price = parse_price(text)
    except PriceFormatError as exc:
        return math.nan, "", "unreadable", str(exc)
    if price is None:
        return math.nan, "", "missing", "no price given" if text.strip() else ""
    currency, issue = price.currency or default, ""
    if not currency:
        currency, issue = "GBP", "no currency given, assumed GBP"
    if currency not in rates:
        return math.nan, currency, price.kind, f"no exchange rate for {currency}"
    return price.amount * rates[currency], currency, price.kind, issue


def drop_duplicate_products(tidy: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Keep the first row of each product id: the same listing scraped twice counts once."""
    kept = tidy.drop_duplicates(subset="id", keep="first")
    return kept.reset_index(drop=True), len(tidy) - len(kept)
