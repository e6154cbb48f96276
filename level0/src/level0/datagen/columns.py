"""One generator per column kind: each draws a whole column with NumPy at once.

Every generator takes the checked column, the number of rows, the column's own random
generator and the columns drawn so far (for kinds that read another column), and
returns one NumPy array. None of them loops over rows: the Python loops that remain
run over a column's few distinct values, a pattern's characters or a text's word
positions, so their cost does not grow with the number of rows.

Text columns are built with the helpers in strings.py.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from level0.datagen import rules
from level0.datagen.rules import group_codes
from level0.datagen.schema import Column
from level0.datagen.strings import TEXT, choose, join, sentences
from level0.datagen.vocabulary import FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES

__all__ = ["GENERATORS", "draw_numbers", "random_walk"]

FIRST_NAMES: np.ndarray = np.array(FEMALE_FIRST_NAMES + MALE_FIRST_NAMES, dtype=TEXT)
SURNAMES: np.ndarray = np.array(LAST_NAMES, dtype=TEXT)
DIGITS = np.array(list("0123456789"), dtype=TEXT)
LETTERS = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), dtype=TEXT)

Generator = Callable[[Column, int, np.random.Generator, Mapping[str, np.ndarray]], np.ndarray]


# --- numbers ------------------------------------------------------------------------------


def random_walk(
    mean: float, std: float, smoothness: float, rows: int, rng: np.random.Generator
) -> np.ndarray:
    """A mean-reverting walk (AR(1)): each value is ``smoothness`` times the last plus noise.

    The recurrence x[t] = smoothness * x[t-1] + noise[t] runs in C through
    ``scipy.signal.lfilter`` instead of a Python loop; the noise is scaled so the walk
    wanders around ``mean`` with standard deviation ``std``.
    """
    from scipy.signal import lfilter  # imported here: scipy.signal takes seconds to import

    if rows == 0:
        return np.empty(0)
    shocks = rng.normal(0.0, std * math.sqrt(1.0 - smoothness**2), rows)
    start = rng.normal(0.0, std)  # where the walk was just before the first row
    walk, _ = lfilter([1.0], [1.0, -smoothness], shocks, zi=[smoothness * start])
    return mean + np.asarray(walk)


def draw_numbers(o: Mapping[str, Any], rows: int, rng: np.random.Generator) -> np.ndarray:
    """Floats from the column's distribution, before rounding and clipping to min/max."""
    match o["distribution"]:
        case "uniform":
            return rng.uniform(o["min"], o["max"], rows)
        case "normal":
            return rng.normal(o["mean"], o["std"], rows)
        case "lognormal":
            return rng.lognormal(math.log(o["median"]), o["sigma"], rows)
        case "exponential":
            return rng.exponential(o["mean"], rows)
        case "poisson":
            return rng.poisson(o["mean"], rows).astype(np.float64)
        case "walk":
            return random_walk(o["mean"], o["std"], o["smoothness"], rows, rng)
    values = np.asarray(o["values"], dtype=np.float64)  # "choice"
    return values[rng.choice(len(values), rows, p=o["weights"])]


def clip(values: np.ndarray, options: Mapping[str, Any]) -> np.ndarray:
    """Values limited to the column's optional 'min' and 'max'."""
    low, high = options.get("min"), options.get("max")
    if low is None and high is None:
        return values
    clipped: np.ndarray = np.clip(values, low, high)
    return clipped


# --- one generator per kind -------------------------------------------------------------


def int_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Whole numbers: uniform draws are exact integers, other distributions are rounded."""
    o = column.options
    if o["distribution"] == "uniform":
        return rng.integers(o["min"], o["max"], rows, endpoint=True, dtype=np.int64)
    return clip(np.rint(draw_numbers(o, rows, rng)), o).astype(np.int64)


def float_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Real numbers, rounded to 'decimals' when given, then clipped to min/max."""
    values = draw_numbers(column.options, rows, rng)
    if column.options["decimals"] is not None:
        values = np.round(values, column.options["decimals"])
    return clip(values, column.options)


def category_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Labels drawn with the declared weights."""
    labels = np.array(column.options["values"], dtype=object)
    return labels[rng.choice(len(labels), rows, p=column.options["weights"])]


def bool_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """True with probability 'p'."""
    p: float = column.options["p"]
    return rng.random(rows) < p


def date_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Days between 'start' and 'end' (both included), optionally sorted."""
    start: pd.Timestamp = column.options["start"]
    days = rng.integers(0, (column.options["end"] - start).days, rows, endpoint=True)
    if column.options["sorted"]:
        days.sort()
    return (np.datetime64(start.date(), "D") + days).astype("datetime64[us]")


def datetime_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Random seconds between 'start' and 'end', or a regular series every 'step' with gaps."""
    o = column.options
    start = np.datetime64(o["start"].to_datetime64(), "us")
    if "end" in o:
        span = int((o["end"] - o["start"]).total_seconds())
        seconds = rng.integers(0, span, rows, endpoint=True)
        if o["sorted"]:
            seconds.sort()
        return start + seconds * np.timedelta64(1, "s")
    steps = np.ones(rows, dtype=np.int64)  # steps since the previous row
    gap = rng.random(rows) < o["gaps"]
    fewest, most = o["gap_steps"]
    steps[gap] += rng.integers(fewest, most, gap.sum(), endpoint=True)  # readings lost
    if rows:
        steps[0] = 0
    step = np.timedelta64(o["step"] // pd.Timedelta(1, "us"), "us")
    return start + np.cumsum(steps) * step


def name_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Person names: "First Last", first or last only, or Titanic-style "Last, Title First"."""
    o = column.options
    coin = rng.random(rows) < 0.5
    female = coin if o["sex_from"] is None else _is_female(table[o["sex_from"]], coin)
    first = _first_name_numbers(female, rng)
    last = rng.integers(0, len(LAST_NAMES), rows)
    match o["style"]:
        case "first":
            first_names: np.ndarray = FIRST_NAMES[first]
            return first_names
        case "last":
            return SURNAMES[last]
        case "full":
            return _full_names()[first * len(LAST_NAMES) + last]
    married_or_boy = rng.random(rows) < np.where(female, 0.5, 0.1)
    title = np.where(
        female,
        np.where(married_or_boy, "Mrs.", "Miss."),
        np.where(married_or_boy, "Master.", "Mr."),
    )
    second = FIRST_NAMES[_first_name_numbers(female, rng)]
    middle = np.where(rng.random(rows) < 0.4, np.strings.add(" ", second), "")
    return join(SURNAMES[last], ", ", title, " ", FIRST_NAMES[first], middle)


def _first_name_numbers(female: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Positions in FIRST_NAMES: a female name where ``female``, else a male one."""
    women, men = len(FEMALE_FIRST_NAMES), len(MALE_FIRST_NAMES)
    return np.where(
        female, rng.integers(0, women, female.size), women + rng.integers(0, men, female.size)
    )


@functools.cache
def _full_names() -> np.ndarray:
    """Every "First Last" there can be, in the order first * len(LAST_NAMES) + last.

    About 11,000 strings, built once: picking a full name is then one index per row
    instead of two string joins, the same trick as a category's labels. Like those
    labels they are Python strings (dtype object), so indexing copies pointers only.
    """
    names = [
        f"{first} {last}" for first in FEMALE_FIRST_NAMES + MALE_FIRST_NAMES for last in LAST_NAMES
    ]
    return np.array(names, dtype=object)


def _is_female(sex: np.ndarray, coin: np.ndarray) -> np.ndarray:
    """Read "female"/"f" and "male"/"m" (any case); other values fall back to ``coin``."""
    codes, keys = group_codes(sex)
    verdict = np.array([{"female": 1, "f": 1, "male": 0, "m": 0}.get(k.lower(), -1) for k in keys])
    per_row = verdict[codes] if len(keys) else np.empty(0, dtype=int)
    return np.where(per_row == -1, coin, per_row == 1)


def email_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Addresses like ``ada.smith42@example.org`` on reserved example domains."""
    first = [n.lower() for n in FEMALE_FIRST_NAMES + MALE_FIRST_NAMES]
    last = [n.lower().replace("'", "") for n in LAST_NAMES]
    separator = choose([".", "_", ""], rows, rng)
    number = np.where(rng.random(rows) < 0.3, rng.integers(1, 100, rows).astype(TEXT), "")
    domains = np.array(column.options["domains"], dtype=TEXT)
    domain = domains[rng.choice(len(domains), rows, p=column.options["weights"])]
    return join(choose(first, rows, rng), separator, choose(last, rows, rng), number, "@", domain)


def text_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Free text: a random number of words from the column's vocabulary."""
    return sentences(rows, column.options["words"], column.options["vocabulary"], rng)


def id_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Sequential ids from 'start': plain integers, or text with a prefix and zero padding."""
    o = column.options
    numbers = np.arange(o["start"], o["start"] + rows, dtype=np.int64)
    if column.value_type == "int":
        return numbers
    return join(o["prefix"], np.strings.zfill(numbers.astype(TEXT), o["digits"]))


def code_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Codes from patterns: '#' becomes a random digit, '@' a random capital letter."""
    patterns = column.options["patterns"]
    which = rng.choice(len(patterns), rows, p=column.options["weights"])
    codes = np.empty(rows, dtype=TEXT)
    for index, pattern in enumerate(patterns):
        here = np.flatnonzero(which == index)
        pieces = [
            DIGITS[rng.integers(0, 10, here.size)] if char == "#"
            else LETTERS[rng.integers(0, 26, here.size)] if char == "@"
            else char
            for char in pattern
        ]  # fmt: skip
        codes[here] = join(np.full(here.size, "", dtype=TEXT), *pieces)
    return codes


def derived_column(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """A column computed from others by its rule (see rules.py)."""
    return rules.RULES[column.options["rule"]](column, rows, rng, table)


GENERATORS: dict[str, Generator] = {
    "int": int_column,
    "float": float_column,
    "category": category_column,
    "bool": bool_column,
    "date": date_column,
    "datetime": datetime_column,
    "name": name_column,
    "email": email_column,
    "text": text_column,
    "id": id_column,
    "code": code_column,
    "derived": derived_column,
}
