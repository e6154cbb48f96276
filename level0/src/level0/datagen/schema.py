"""The schema: what a table looks like, checked before a single value is drawn.

A schema is plain data, a dict or the same thing read from JSON or TOML::

    {"columns": {
        "age": {"kind": "int", "distribution": "normal", "mean": 35, "std": 12,
                "min": 0, "max": 90, "missing": 0.1},
        "sex": {"kind": "category", "values": {"male": 0.64, "female": 0.36}},
        "survived": {"kind": "derived", "rule": "bernoulli", "from": ["sex"],
                     "p": {"male": 0.19, "female": 0.74}}}}

:func:`parse_schema` turns it into frozen dataclasses and checks every column up
front, so a mistake is reported once, as one line that names the column and the
problem (:class:`SchemaError`), instead of surfacing as a NumPy error halfway
through a million rows.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import json
import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple, NoReturn

import numpy as np
import pandas as pd

from level0.datagen.vocabulary import EMAIL_DOMAINS, VOCABULARIES

__all__ = [
    "Column",
    "Missing",
    "Outliers",
    "Schema",
    "SchemaError",
    "load_schema",
    "parse_schema",
    "value_key",
]


class SchemaError(ValueError):
    """A schema that cannot be generated; the message names the column and the problem."""


# (required keys, optional keys) of each distribution of an int or float column
DISTRIBUTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "uniform": (("min", "max"), ()),
    "normal": (("mean", "std"), ("min", "max")),
    "lognormal": (("median", "sigma"), ("min", "max")),
    "exponential": (("mean",), ("min", "max")),
    "poisson": (("mean",), ("min", "max")),
    "choice": (("values",), ("weights",)),
    "walk": (("mean", "std"), ("smoothness", "min", "max")),
}

# the keys each kind accepts besides the common ones (int and float add their distribution's)
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "int": ("distribution",),
    "float": ("distribution", "decimals"),
    "category": ("values", "weights"),
    "bool": ("p",),
    "date": ("start", "end", "sorted"),
    "datetime": ("start", "end", "step", "sorted", "gaps", "gap_steps"),
    "name": ("style", "sex_from"),
    "email": ("domains",),
    "text": ("words", "vocabulary"),
    "id": ("prefix", "start", "digits"),
    "code": ("pattern", "patterns"),
    "derived": ("rule",),
}

RULE_KEYS: dict[str, tuple[str, ...]] = {
    "bernoulli": ("from", "p"),
    "linear": (
        "intercept",
        "slopes",
        "offsets",
        "noise",
        "relative_noise",
        "min",
        "max",
        "decimals",
    ),
    "product": ("from", "decimals"),
    "pick": ("from", "choices", "prefix"),
    "text": ("from", "vocabulary", "words"),
    "price_text": ("from", "styles"),
}

COMMON_KEYS = ("kind", "missing", "duplicates", "outliers", "hidden", "description")
NAME_STYLES = ("full", "first", "last", "formal")
PRICE_STYLES = ("gbp", "eur", "usd")
OUTLIER_SIDES = ("both", "high", "low")

ValueType = Literal["int", "float", "bool", "category", "datetime", "str"]


@dataclass(frozen=True)
class Missing:
    """How often a value is blanked: one ``rate``, or ``rates`` by the value of column ``by``."""

    rate: float = 0.0
    by: str | None = None
    rates: Mapping[str, float] | None = None

    @property
    def possible(self) -> bool:
        """Whether this column can hold missing values at all (decides nullable dtypes)."""
        return self.rate > 0 or (self.rates is not None and any(r > 0 for r in self.rates.values()))


@dataclass(frozen=True)
class Outliers:
    """A fraction ``rate`` of values moved ``scale`` spreads away from the median."""

    rate: float
    side: str = "both"
    scale: float = 6.0


@dataclass(frozen=True)
class Column:
    """One checked column: its kind, its kind's settings (defaults filled in) and its dirt."""

    name: str
    kind: str
    options: Mapping[str, Any]
    value_type: ValueType
    sources: tuple[str, ...] = ()
    levels: tuple[str, ...] | None = None  # every value it can take, when that is known
    missing: Missing = Missing()
    duplicates: float = 0.0
    outliers: Outliers | None = None
    hidden: bool = False


@dataclass(frozen=True)
class Schema:
    """A checked table description; ``order`` is a generation order (sources first)."""

    columns: tuple[Column, ...]
    order: tuple[str, ...]
    duplicate_rows: float = 0.0
    description: str = ""

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def output_names(self) -> list[str]:
        """The columns of the generated table, in declared order (hidden ones left out)."""
        return [c.name for c in self.columns if not c.hidden]


def value_key(value: object) -> str:
    """How a column value is named in a schema mapping: ``1`` -> "1", ``True`` -> "true"."""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def load_schema(path: str | Path) -> Schema:
    """Read and check a schema file: ``.toml`` as TOML, anything else as JSON."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        kind = "TOML" if path.suffix.lower() == ".toml" else "JSON"
        raise SchemaError(f"{path.name}: not valid {kind}: {exc}") from None
    return parse_schema(raw)


def parse_schema(raw: object) -> Schema:
    """Check a schema dict and return it as a :class:`Schema` (or raise :class:`SchemaError`)."""
    if isinstance(raw, Schema):
        return raw
    if not isinstance(raw, Mapping):
        raise SchemaError(f"schema: expected a table with 'columns', not {type(raw).__name__}")
    _reject_unknown("schema: ", raw, ("columns", "duplicate_rows", "description"))
    columns_raw = raw.get("columns")
    if not isinstance(columns_raw, Mapping) or not columns_raw:
        raise SchemaError("schema: 'columns' must be a non-empty table of column name -> settings")
    columns = []
    for name, spec in columns_raw.items():
        if not isinstance(name, str) or not name:
            raise SchemaError(f"schema: column names must be non-empty text, not {name!r}")
        if not isinstance(spec, Mapping):
            raise SchemaError(f"column {name!r}: expected a table of settings, not {spec!r}")
        columns.append(_Reader(name, spec).column())
    by_name = {c.name: c for c in columns}
    for column in columns:
        _check_sources(column, by_name)
    if all(c.hidden for c in columns):
        raise SchemaError("schema: every column is hidden, so the table would have none")
    duplicate_rows = _rate("schema: ", "duplicate_rows", raw.get("duplicate_rows", 0.0))
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise SchemaError("schema: 'description' must be text")
    return Schema(tuple(columns), _generation_order(columns), duplicate_rows, description)


# --- one column ---------------------------------------------------------------------------


class _Kind(NamedTuple):
    """What reading one kind's settings gives: the settings and what they imply."""

    options: dict[str, Any]
    value_type: ValueType
    sources: tuple[str, ...] = ()  # columns it is computed from
    levels: tuple[str, ...] | None = None  # every value it can take, when known


class _Reader:
    """Reads one column's raw settings; every failure names the column."""

    def __init__(self, name: str, raw: Mapping[str, Any]) -> None:
        self.name = name
        self.raw = raw

    def fail(self, problem: str) -> NoReturn:
        raise SchemaError(f"column {self.name!r}: {problem}")

    def column(self) -> Column:
        kind = self.raw.get("kind")
        if not isinstance(kind, str) or kind not in KIND_KEYS:
            choices = ", ".join(KIND_KEYS)
            self.fail(f"unknown kind {kind!r} (choose one of: {choices})")
        options, value_type, sources, levels = getattr(self, f"_{kind}")()
        missing = self.missing()
        outliers = self.outliers()
        numeric = kind in ("int", "float") or options.get("rule") in ("linear", "product")
        if outliers is not None and not numeric:
            self.fail(
                f"'outliers' needs a number column (int, float, linear, product), not {kind!r}"
            )
        if missing.by is not None:
            sources = (*sources, missing.by)
        return Column(
            name=self.name,
            kind=kind,
            options=options,
            value_type=value_type,
            sources=tuple(dict.fromkeys(sources)),
            levels=levels,
            missing=missing,
            duplicates=_rate(self.prefix, "duplicates", self.raw.get("duplicates", 0.0)),
            outliers=outliers,
            hidden=self.flag("hidden", False),
        )

    @property
    def prefix(self) -> str:
        return f"column {self.name!r}: "

    def allow(self, *keys: str) -> None:
        _reject_unknown(self.prefix, self.raw, (*COMMON_KEYS, *keys))

    # typed getters ----------------------------------------------------------------------

    def number(self, key: str, default: float | None = None, *, needed_by: str = "") -> float:
        value = self.raw.get(key, default)
        if value is None:
            self.fail(f"'{key}' is required{' for ' + needed_by if needed_by else ''}")
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            self.fail(f"'{key}' must be a number, not {value!r}")
        return float(value)

    def whole(self, key: str, default: int | None = None, *, needed_by: str = "") -> int:
        value = self.number(key, default, needed_by=needed_by)
        if not value.is_integer():
            self.fail(f"'{key}' must be a whole number, not {value!r}")
        return int(value)

    def text(self, key: str, default: str | None = None, choices: Iterable[str] = ()) -> str:
        value = self.raw.get(key, default)
        if value is None:
            self.fail(f"'{key}' is required")
        if not isinstance(value, str):
            self.fail(f"'{key}' must be text, not {value!r}")
        allowed = tuple(choices)
        if allowed and value not in allowed:
            self.fail(f"'{key}' must be one of {', '.join(allowed)}, not {value!r}")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            self.fail(f"'{key}' must be true or false, not {value!r}")
        return value

    def when(self, key: str) -> pd.Timestamp:
        value = self.raw.get(key)
        if value is None:
            self.fail(f"'{key}' is required")
        if not isinstance(value, str | dt.date):
            self.fail(f"'{key}' must be a date like '2024-01-31', not {value!r}")
        try:
            stamp = pd.Timestamp(value)
        except ValueError:
            stamp = pd.NaT
        if pd.isna(stamp):
            self.fail(f"'{key}' is not a date or time: {value!r}")
        if stamp.tzinfo is not None:
            self.fail(f"'{key}' has a time zone; give a local time without one")
        return stamp

    def bounds(self, low: float | None, high: float | None) -> None:
        if low is not None and high is not None and low > high:
            self.fail(f"'min' ({_show(low)}) is greater than 'max' ({_show(high)})")

    def word_range(self, default: tuple[int, int]) -> tuple[int, int]:
        value = self.raw.get("words", list(default))
        if isinstance(value, int) and not isinstance(value, bool):
            value = [value, value]
        if not (isinstance(value, list | tuple) and len(value) == 2):
            self.fail(f"'words' must be [fewest, most], not {value!r}")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            self.fail(f"'words' must be two whole numbers, not {value!r}")
        low, high = value
        if low < 1:
            self.fail(f"'words' must start at 1 or more, not {low}")
        if low > high:
            self.fail(f"'words' fewest ({low}) is greater than most ({high})")
        return low, high

    def weighted(
        self, key: str, weights_key: str | None = None, *, value: object = None
    ) -> dict[str, float]:
        """``[a, b]`` (equal weights, or with a ``weights`` list) or ``{a: 2, b: 1}``, normalised.

        ``value`` is the setting itself when it is not ``self.raw[key]`` (a nested table).
        """
        if value is None:
            value = self.raw.get(key)
        if isinstance(value, Mapping):
            if weights_key and weights_key in self.raw:
                self.fail(f"give weights in '{key}' (a table) or in '{weights_key}', not both")
            pairs = [(value_key(k), w) for k, w in value.items()]
        elif isinstance(value, list | tuple):
            weights = self.raw.get(weights_key) if weights_key else None
            if weights is None:
                weights = [1.0] * len(value)
            elif not isinstance(weights, list | tuple) or len(weights) != len(value):
                self.fail(f"'{weights_key}' must be a list as long as '{key}' ({len(value)})")
            pairs = [(v, w) for v, w in zip(value, weights, strict=True)]
        elif value is None:
            self.fail(f"'{key}' is required")
        else:
            self.fail(f"'{key}' must be a list or a table of value -> weight, not {value!r}")
        if not pairs:
            self.fail(f"'{key}' must not be empty")
        result: dict[str, float] = {}
        for item, weight in pairs:
            if isinstance(weight, bool) or not isinstance(weight, int | float) or not weight >= 0:
                self.fail(f"'{key}': the weight of {item!r} must be a number >= 0, not {weight!r}")
            name = value_key(item)
            if name in result:
                self.fail(f"'{key}' lists {name!r} twice")
            result[name] = float(weight)
        total = sum(result.values())
        if not total > 0:
            self.fail(f"'{key}': the weights add up to 0")
        return {k: w / total for k, w in result.items()}

    def table(self, key: str, value: object, *, what: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping) or not value:
            self.fail(f"'{key}' must be a non-empty table of {what}, not {value!r}")
        return {value_key(k): v for k, v in value.items()}

    def sources(self, single: bool = False) -> tuple[str, ...]:
        value = self.raw.get("from")
        names = [value] if isinstance(value, str) else value
        if (
            not isinstance(names, list | tuple)
            or not names
            or not all(isinstance(n, str) for n in names)
        ):
            self.fail(f"'from' must name a column{'' if single else ' or list columns'}")
        if single and len(names) != 1:
            self.fail(f"'from' must name exactly one column, not {len(names)}")
        return tuple(names)

    def vocabulary(self, value: object, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            if value not in VOCABULARIES:
                self.fail(f"'{key}': no built-in vocabulary {value!r} ({', '.join(VOCABULARIES)})")
            return VOCABULARIES[value]
        if isinstance(value, list | tuple) and value and all(isinstance(w, str) for w in value):
            return tuple(value)
        self.fail(f"'{key}' must name a built-in vocabulary or list words, not {value!r}")

    def missing(self) -> Missing:
        value = self.raw.get("missing", 0.0)
        if not isinstance(value, Mapping):
            return Missing(rate=_rate(self.prefix, "missing", value))
        _reject_unknown(self.prefix + "'missing': ", value, ("from", "rates"))
        by = value.get("from")
        if not isinstance(by, str):
            self.fail("'missing' by group needs 'from' (a column) and 'rates' (value -> rate)")
        rates = self.table("missing.rates", value.get("rates"), what="value -> rate")
        checked = {k: _rate(self.prefix, f"missing rate for {k!r}", r) for k, r in rates.items()}
        return Missing(by=by, rates=checked)

    def outliers(self) -> Outliers | None:
        value = self.raw.get("outliers")
        if value is None:
            return None
        if not isinstance(value, Mapping):
            return Outliers(rate=_rate(self.prefix, "outliers", value))
        _reject_unknown(self.prefix + "'outliers': ", value, ("rate", "side", "scale"))
        rate = _rate(self.prefix, "outliers.rate", value.get("rate"))
        side = value.get("side", "both")
        if side not in OUTLIER_SIDES:
            self.fail(f"'outliers.side' must be one of {', '.join(OUTLIER_SIDES)}, not {side!r}")
        scale = value.get("scale", 6.0)
        if isinstance(scale, bool) or not isinstance(scale, int | float) or not scale > 0:
            self.fail(f"'outliers.scale' must be a number > 0, not {scale!r}")
        return Outliers(rate=rate, side=side, scale=float(scale))

    # one method per kind (and per rule of a derived column) ---------------------------

    def _numbers(self, is_int: bool) -> _Kind:
        kind = "int" if is_int else "float"
        distribution = self.text("distribution", "uniform")
        if distribution not in DISTRIBUTIONS:
            self.fail(f"unknown distribution {distribution!r} ({', '.join(DISTRIBUTIONS)})")
        required, optional = DISTRIBUTIONS[distribution]
        self.allow(*KIND_KEYS[kind], *required, *optional)
        needed_by = f"a {distribution} distribution"
        options: dict[str, Any] = {"distribution": distribution}
        levels = None
        if distribution == "choice":
            weights = self.weighted("values", "weights")
            try:
                values = [float(v) for v in weights]
            except ValueError:
                self.fail(f"'values' of a {kind} column must be numbers, not {list(weights)}")
            if is_int and not all(v.is_integer() for v in values):
                self.fail("'values' of an int column must be whole numbers")
            options["values"] = [int(v) for v in values] if is_int else values
            options["weights"] = list(weights.values())
            levels = tuple(value_key(v) for v in options["values"])
        else:
            read = self.whole if is_int and distribution == "uniform" else self.number
            for key in required:
                options[key] = read(key, needed_by=needed_by)
            for key in ("min", "max"):
                if key in optional and key in self.raw:
                    options[key] = self.whole(key) if is_int else self.number(key)
        self.bounds(options.get("min"), options.get("max"))
        for key in ("std", "sigma"):
            if options.get(key, 0) < 0:
                self.fail(f"'{key}' must not be negative, not {_show(options[key])}")
        if distribution in ("lognormal",) and options["median"] <= 0:
            self.fail(f"'median' of a lognormal distribution must be > 0, not {options['median']}")
        if distribution in ("exponential", "poisson") and options["mean"] <= 0:
            self.fail(f"'mean' of a {distribution} distribution must be > 0")
        if distribution == "walk":
            options["smoothness"] = self.number("smoothness", 0.95)
            if not 0 <= options["smoothness"] < 1:
                self.fail(f"'smoothness' must be in [0, 1), not {options['smoothness']}")
        if not is_int:
            options["decimals"] = self._decimals()
        return _Kind(options, "int" if is_int else "float", levels=levels)

    def _decimals(self) -> int | None:
        if "decimals" not in self.raw:
            return None
        decimals = self.whole("decimals")
        if not 0 <= decimals <= 12:
            self.fail(f"'decimals' must be between 0 and 12, not {decimals}")
        return decimals

    def _int(self) -> _Kind:
        return self._numbers(is_int=True)

    def _float(self) -> _Kind:
        return self._numbers(is_int=False)

    def _category(self) -> _Kind:
        self.allow(*KIND_KEYS["category"])
        raw_values = self.raw.get("values")
        listed = raw_values if isinstance(raw_values, list | tuple) else []
        if any(not isinstance(v, str) for v in listed):
            self.fail(
                "category 'values' must be text; for numbers use kind 'int', distribution 'choice'"
            )
        weights = self.weighted("values", "weights")
        options = {"values": list(weights), "weights": list(weights.values())}
        return _Kind(options, "category", levels=tuple(weights))

    def _bool(self) -> _Kind:
        self.allow(*KIND_KEYS["bool"])
        p = _rate(self.prefix, "p", self.raw.get("p", 0.5))
        return _Kind({"p": p}, "bool", levels=("true", "false"))

    def _date(self) -> _Kind:
        self.allow(*KIND_KEYS["date"])
        start, end = self.when("start").normalize(), self.when("end").normalize()
        if start > end:
            self.fail(f"'start' ({start.date()}) is after 'end' ({end.date()})")
        return _Kind({"start": start, "end": end, "sorted": self.flag("sorted", False)}, "datetime")

    def _datetime(self) -> _Kind:
        self.allow(*KIND_KEYS["datetime"])
        start = self.when("start")
        options: dict[str, Any] = {"start": start}
        if ("end" in self.raw) == ("step" in self.raw):
            self.fail("give either 'end' (random times up to it) or 'step' (a regular series)")
        if "end" in self.raw:
            options["end"] = end = self.when("end")
            if start > end:
                self.fail(f"'start' ({start}) is after 'end' ({end})")
            options["sorted"] = self.flag("sorted", False)
            if "gaps" in self.raw or "gap_steps" in self.raw:
                self.fail("'gaps' and 'gap_steps' go with 'step' (a regular series), not 'end'")
            return _Kind(options, "datetime")
        step_text = self.text("step")
        try:
            step = pd.Timedelta(step_text)
        except ValueError:
            self.fail(f"'step' is not a duration like '1min', '15s' or '1h': {step_text!r}")
        if step <= pd.Timedelta(0):
            self.fail(f"'step' must be longer than zero, not {step_text!r}")
        options["step"] = step
        options["gaps"] = _rate(self.prefix, "gaps", self.raw.get("gaps", 0.0))
        gap_steps = self.raw.get("gap_steps", [5, 60])
        if not (
            isinstance(gap_steps, list | tuple)
            and len(gap_steps) == 2
            and all(isinstance(g, int) and not isinstance(g, bool) for g in gap_steps)
            and 1 <= gap_steps[0] <= gap_steps[1]
        ):
            self.fail(f"'gap_steps' must be [fewest, most] whole steps >= 1, not {gap_steps!r}")
        options["gap_steps"] = tuple(gap_steps)
        return _Kind(options, "datetime")

    def _name(self) -> _Kind:
        self.allow(*KIND_KEYS["name"])
        options: dict[str, Any] = {"style": self.text("style", "full", NAME_STYLES)}
        sex_from = self.raw.get("sex_from")
        if sex_from is not None and not isinstance(sex_from, str):
            self.fail(f"'sex_from' must name a column, not {sex_from!r}")
        options["sex_from"] = sex_from
        return _Kind(options, "str", (sex_from,) if sex_from else ())

    def _email(self) -> _Kind:
        self.allow(*KIND_KEYS["email"])
        domains = (
            self.weighted("domains")
            if "domains" in self.raw
            else dict.fromkeys(EMAIL_DOMAINS, 1 / len(EMAIL_DOMAINS))
        )
        return _Kind({"domains": list(domains), "weights": list(domains.values())}, "str")

    def _text(self) -> _Kind:
        self.allow(*KIND_KEYS["text"])
        words = self.word_range((5, 12))
        vocabulary = self.vocabulary(self.raw.get("vocabulary", "everyday"), "vocabulary")
        return _Kind({"words": words, "vocabulary": vocabulary}, "str")

    def _id(self) -> _Kind:
        self.allow(*KIND_KEYS["id"])
        prefix = self.text("prefix", "")
        digits = self.whole("digits", 0)
        if not 0 <= digits <= 18:
            self.fail(f"'digits' must be between 0 and 18, not {digits}")
        options = {"prefix": prefix, "start": self.whole("start", 1), "digits": digits}
        return _Kind(options, "int" if not prefix and not digits else "str")

    def _code(self) -> _Kind:
        self.allow(*KIND_KEYS["code"])
        if ("pattern" in self.raw) == ("patterns" in self.raw):
            self.fail("give either 'pattern' (one) or 'patterns' (several, weighted)")
        if "pattern" in self.raw:
            patterns = {self.text("pattern"): 1.0}
        else:
            patterns = self.weighted("patterns")
        if not all(patterns):
            self.fail("a code pattern must not be empty")
        return _Kind({"patterns": list(patterns), "weights": list(patterns.values())}, "str")

    def _derived(self) -> _Kind:
        rule = self.raw.get("rule")
        if not isinstance(rule, str) or rule not in RULE_KEYS:
            self.fail(f"unknown rule {rule!r} (choose one of: {', '.join(RULE_KEYS)})")
        self.allow("rule", *RULE_KEYS[rule])
        result: _Kind = getattr(self, f"_rule_{rule}")()
        result.options["rule"] = rule
        return result

    def _rule_bernoulli(self) -> _Kind:
        sources = self.sources()
        p = _flatten(self, "p", self.raw.get("p"), len(sources))
        for keys, value in p.items():
            _rate(self.prefix, f"p for {'/'.join(keys)}", value)
        return _Kind({"from": sources, "p": p}, "int", sources, levels=("0", "1"))

    def _rule_linear(self) -> _Kind:
        slopes_raw = self.raw.get("slopes", {})
        offsets_raw = self.raw.get("offsets", {})
        if not slopes_raw and not offsets_raw:
            self.fail("a linear rule needs 'slopes' (column -> number) or 'offsets'")
        slopes = {}
        if slopes_raw:
            for source, slope in self.table("slopes", slopes_raw, what="column -> number").items():
                if isinstance(slope, bool) or not isinstance(slope, int | float):
                    self.fail(f"'slopes': the slope for {source!r} must be a number, not {slope!r}")
                slopes[source] = float(slope)
        offsets = {}
        if offsets_raw:
            for source, table in self.table("offsets", offsets_raw, what="column -> table").items():
                mapping = self.table(f"offsets.{source}", table, what="value -> number")
                for key, offset in mapping.items():
                    if isinstance(offset, bool) or not isinstance(offset, int | float):
                        self.fail(
                            f"'offsets.{source}': {key!r} must map to a number, not {offset!r}"
                        )
                offsets[source] = {k: float(v) for k, v in mapping.items()}
        options: dict[str, Any] = {
            "intercept": self.number("intercept", 0.0),
            "slopes": slopes,
            "offsets": offsets,
            "noise": self.number("noise", 0.0),
            "relative_noise": self.number("relative_noise", 0.0),
            "decimals": self._decimals(),
        }
        for key in ("noise", "relative_noise"):
            if options[key] < 0:
                self.fail(f"'{key}' must not be negative, not {_show(options[key])}")
        for key in ("min", "max"):
            if key in self.raw:
                options[key] = self.number(key)
        self.bounds(options.get("min"), options.get("max"))
        return _Kind(options, "float", (*slopes, *offsets))

    def _rule_product(self) -> _Kind:
        sources = self.sources()
        if len(sources) < 2:
            self.fail("a product rule multiplies two or more columns: list them in 'from'")
        return _Kind({"from": sources, "decimals": self._decimals()}, "float", sources)

    def _rule_pick(self) -> _Kind:
        sources = self.sources(single=True)
        choices_raw = self.table(
            "choices", self.raw.get("choices"), what="value -> list of options"
        )
        choices = {}
        for key, options in choices_raw.items():
            if isinstance(options, list) and not all(isinstance(o, str) for o in options):
                self.fail(f"'choices' for {key!r} must be text options, not {options!r}")
            choices[key] = self.weighted(f"choices.{key}", value=options)
        prefix = self.raw.get("prefix")
        words = self.vocabulary(prefix, "prefix") if prefix is not None else None
        levels = None if words else tuple(dict.fromkeys(o for c in choices.values() for o in c))
        options = {"from": sources, "choices": choices, "prefix": words}
        return _Kind(options, "str", sources, levels)

    def _rule_text(self) -> _Kind:
        sources = self.sources(single=True)
        raw = self.table("vocabulary", self.raw.get("vocabulary"), what="value -> vocabulary")
        vocabularies = {key: self.vocabulary(v, f"vocabulary.{key}") for key, v in raw.items()}
        options = {"from": sources, "vocabulary": vocabularies, "words": self.word_range((5, 12))}
        return _Kind(options, "str", sources)

    def _rule_price_text(self) -> _Kind:
        sources = self.sources(single=True)
        equal = dict.fromkeys(PRICE_STYLES, 1 / len(PRICE_STYLES))
        styles = self.weighted("styles") if "styles" in self.raw else equal
        unknown = [s for s in styles if s not in PRICE_STYLES]
        if unknown:
            self.fail(
                f"'styles': unknown style {unknown[0]!r} (choose from {', '.join(PRICE_STYLES)})"
            )
        options = {"from": sources, "styles": list(styles), "weights": list(styles.values())}
        return _Kind(options, "str", sources)


# --- the whole table --------------------------------------------------------------------


def _check_sources(column: Column, by_name: Mapping[str, Column]) -> None:
    """Every source exists, has the right type, and every mapping key is one of its values."""
    prefix = f"column {column.name!r}: "
    for source in column.sources:
        if source == column.name:
            raise SchemaError(f"{prefix}it cannot be derived from itself")
        if source not in by_name:
            hint = difflib.get_close_matches(source, list(by_name), n=1)
            also = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise SchemaError(f"{prefix}refers to an unknown column {source!r}{also}")
    options = column.options
    numeric_sources = [*options.get("slopes", {})]
    if options.get("rule") in ("product", "price_text"):
        numeric_sources += list(options["from"])
    for source in numeric_sources:
        if by_name[source].value_type not in ("int", "float"):
            raise SchemaError(
                f"{prefix}column {source!r} is not a number, so it cannot be multiplied"
            )
    keyed: list[tuple[str, str, Iterable[str]]] = []  # (source, what, keys it maps)
    for source, table in options.get("offsets", {}).items():
        keyed.append((source, f"'offsets.{source}'", table))
    if options.get("rule") in ("pick", "text"):
        table_key = "choices" if options["rule"] == "pick" else "vocabulary"
        keyed.append((options["from"][0], f"'{table_key}'", options[table_key]))
    if column.missing.by is not None and column.missing.rates is not None:
        keyed.append((column.missing.by, "'missing.rates'", column.missing.rates))
    if options.get("rule") == "bernoulli":
        for depth, source in enumerate(options["from"]):
            keyed.append((source, "'p'", {keys[depth] for keys in options["p"]}))
    for source, what, keys in keyed:
        levels = by_name[source].levels
        if levels is None:
            continue
        for key in keys:
            if key not in levels:
                raise SchemaError(
                    f"{prefix}{what} names {key!r}, which is not a value of {source!r} "
                    f"({', '.join(levels)})"
                )
        if what in ("'choices'", "'vocabulary'"):
            absent = [level for level in levels if level not in set(keys)]
            if absent:
                raise SchemaError(f"{prefix}{what} has no entry for {source}={absent[0]!r}")
    if options.get("rule") == "bernoulli":
        _check_coverage(prefix, options["from"], options["p"], by_name)


def _check_coverage(
    prefix: str,
    sources: Iterable[str],
    p: Mapping[tuple[str, ...], float],
    by_name: Mapping[str, Column],
) -> None:
    """A probability for every combination of source values, when those values are known."""
    sources = tuple(sources)
    level_lists = [by_name[s].levels for s in sources]
    if any(levels is None for levels in level_lists):
        return  # checked while generating instead
    for combination in itertools.product(*level_lists):  # type: ignore[arg-type]
        if combination not in p:
            named = ", ".join(f"{s}={v!r}" for s, v in zip(sources, combination, strict=True))
            raise SchemaError(f"{prefix}'p' has no probability for {named}")


def _generation_order(columns: list[Column]) -> tuple[str, ...]:
    """Sources before the columns that use them, otherwise in declared order; no cycles."""
    done: list[str] = []
    visiting: list[str] = []
    by_name = {c.name: c for c in columns}

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            cycle = [*visiting[visiting.index(name) :], name]
            raise SchemaError(
                f"column {cycle[0]!r}: columns depend on each other in a cycle: {' -> '.join(cycle)}"
            )
        visiting.append(name)
        for source in by_name[name].sources:
            visit(source)
        visiting.pop()
        done.append(name)

    for column in columns:
        visit(column.name)
    return tuple(done)


def _flatten(reader: _Reader, key: str, value: object, depth: int) -> dict[tuple[str, ...], float]:
    """A nested table ``{male: {1: 0.4, 2: 0.2}}`` as ``{("male", "1"): 0.4, ...}``."""
    if depth == 0:
        if isinstance(value, bool) or not isinstance(value, int | float):
            reader.fail(f"'{key}' must hold probabilities, not {value!r}")
        return {(): float(value)}
    table = reader.table(key, value, what="value -> probability (one level per 'from' column)")
    flat = {}
    for name, inner in table.items():
        for keys, p in _flatten(reader, key, inner, depth - 1).items():
            flat[(name, *keys)] = p
    return flat


def _rate(prefix: str, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise SchemaError(f"{prefix}'{key}' must be a fraction between 0 and 1, not {value!r}")
    return float(value)


def _reject_unknown(prefix: str, raw: Mapping[str, Any], allowed: Iterable[str]) -> None:
    allowed = tuple(allowed)
    for key in raw:
        if key not in allowed:
            hint = difflib.get_close_matches(str(key), allowed, n=1)
            also = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise SchemaError(f"{prefix}unknown key {key!r}{also}")


def _show(number: float) -> str:
    """90.0 -> "90", 0.5 -> "0.5": numbers in messages as the user wrote them."""
    return str(int(number)) if float(number).is_integer() else str(number)
