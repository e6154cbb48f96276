"""Derived columns: values computed from other columns by a rule.

A rule reads the *clean* values of its source columns (before missing values,
duplicates and outliers are injected), so a label never depends on the noise:
``survived`` follows the true ``sex`` even where ``sex`` is later blanked.

Lookups ("the probability for this sex and class") are vectorised the usual NumPy
way: number the distinct source values once (``pd.factorize``), look each distinct
value up in the schema's table (a loop over a handful of values), then index the
small result array with the row codes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from level0.datagen.schema import Column, SchemaError, value_key
from level0.datagen.strings import TEXT, choose, join, sentences

__all__ = ["RULES", "group_codes", "groups", "lookup"]

Rule = Callable[[Column, int, np.random.Generator, Mapping[str, np.ndarray]], np.ndarray]


def group_codes(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Each row's group number and each group's key as a schema names it ("1", "male")."""
    if isinstance(values.dtype, type(TEXT)):
        values = values.astype(object)
    codes, uniques = pd.factorize(values)
    return codes, [value_key(u) for u in uniques]


def groups(values: np.ndarray) -> Iterator[tuple[str, np.ndarray]]:
    """(key, row positions) for each distinct value, in order of first appearance."""
    codes, keys = group_codes(values)
    for number, key in enumerate(keys):
        yield key, np.flatnonzero(codes == number)


def lookup(
    column: Column,
    what: str,
    sources: Sequence[np.ndarray],
    table: Mapping[Any, Any],
    default: Any = None,
) -> np.ndarray:
    """For every row, ``table[(key of source 1, key of source 2, ...)]``.

    A combination missing from ``table`` gets ``default``, or raises SchemaError when
    there is none (for example a probability nobody gave).
    """
    combined = np.zeros(len(sources[0]), dtype=np.int64)  # one number per combination
    key_lists = []
    for values in sources:
        codes, keys = group_codes(values)
        combined = combined * len(keys) + codes
        key_lists.append(keys)
    shape = [len(keys) for keys in key_lists]
    present = np.bincount(combined, minlength=math.prod(shape)) > 0
    per_combination = np.zeros(present.size)
    for code in np.flatnonzero(present):  # a loop over combinations, not rows
        positions = np.unravel_index(code, shape)
        combination = tuple(key_lists[i][p] for i, p in enumerate(positions))
        if combination in table:
            per_combination[code] = table[combination]
        elif default is not None:
            per_combination[code] = default
        else:
            named = "/".join(combination)
            raise SchemaError(f"column {column.name!r}: {what} has no entry for {named!r}")
    return per_combination[combined]


def bernoulli(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """1 with the probability given for the row's source values, else 0."""
    sources = [table[name] for name in column.options["from"]]
    p = lookup(column, "'p'", sources, column.options["p"])
    return (rng.random(rows) < p).astype(np.int64)


def linear(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """intercept + slope * number columns + offset per category value, plus noise.

    'noise' adds normal noise of that standard deviation; 'relative_noise' multiplies
    by lognormal noise (0.2 means values vary by roughly 20% around the rule).
    """
    o = column.options
    value = np.full(rows, o["intercept"])
    for source, slope in o["slopes"].items():
        value = value + slope * table[source]
    for source, offsets in o["offsets"].items():
        per_key = {(key,): offset for key, offset in offsets.items()}
        value = value + lookup(column, f"'offsets.{source}'", [table[source]], per_key, 0.0)
    if o["noise"]:
        value = value + rng.normal(0.0, o["noise"], rows)
    if o["relative_noise"]:
        value = value * rng.lognormal(0.0, o["relative_noise"], rows)
    if o["decimals"] is not None:
        value = np.round(value, o["decimals"])
    if "min" in o or "max" in o:
        value = np.clip(value, o.get("min"), o.get("max"))
    return value


def product(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """The product of the source columns, e.g. revenue = units * unit_price."""
    value: np.ndarray = np.ones(rows)
    for name in column.options["from"]:
        value = value * table[name]
    decimals = column.options["decimals"]
    return np.round(value, decimals) if decimals is not None else value


def pick(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """An option chosen from the list given for the row's source value, e.g. product by category."""
    (source,) = column.options["from"]
    picked = np.empty(rows, dtype=object)  # Python strings, like a category's labels
    for key, here in groups(table[source]):
        if key not in column.options["choices"]:
            raise SchemaError(
                f"column {column.name!r}: 'choices' has no entry for {source}={key!r}"
            )
        weights = column.options["choices"][key]
        options = np.array(list(weights), dtype=object)
        picked[here] = options[rng.choice(len(options), here.size, p=list(weights.values()))]
    prefix = column.options["prefix"]
    return join(choose(prefix, rows, rng), " ", picked.astype(TEXT)) if prefix else picked


def text(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Free text whose vocabulary depends on the source value, e.g. spam words for spam."""
    (source,) = column.options["from"]
    written = np.empty(rows, dtype=TEXT)
    for key, here in groups(table[source]):
        if key not in column.options["vocabulary"]:
            raise SchemaError(
                f"column {column.name!r}: 'vocabulary' has no entry for {source}={key!r}"
            )
        vocabulary = column.options["vocabulary"][key]
        written[here] = sentences(here.size, column.options["words"], vocabulary, rng)
    return written


def price_text(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """A number written as a price in a mix of styles: "£12.99", "12,99 €", "$12.99"."""
    (source,) = column.options["from"]
    amount = table[source].astype(np.float64)
    cents = np.rint(np.abs(amount) * 100).astype(np.int64)
    sign = np.where(amount < 0, "-", "")
    whole = (cents // 100).astype(TEXT)
    hundredths = np.strings.zfill((cents % 100).astype(TEXT), 2)
    style = rng.choice(len(column.options["styles"]), rows, p=column.options["weights"])
    written = np.empty(rows, dtype=TEXT)
    for number, name in enumerate(column.options["styles"]):
        here = style == number
        s, w, h = sign[here], whole[here], hundredths[here]
        match name:
            case "gbp":
                written[here] = join(s, "£", w, ".", h)
            case "usd":
                written[here] = join(s, "$", w, ".", h)
            case "eur":
                written[here] = join(s, w, ",", h, " €")
    return written


RULES: dict[str, Rule] = {
    "bernoulli": bernoulli,
    "linear": linear,
    "product": product,
    "pick": pick,
    "text": text,
    "price_text": price_text,
}
