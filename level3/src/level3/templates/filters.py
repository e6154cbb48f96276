"""The built-in filters: ``{{ name | upper }}``, ``{{ items | join(", ") }}``...

A filter is a plain function from a value (plus optional arguments) to a new value. The
registry records how many arguments each one takes, so a wrong call is a syntax error
found when the template is parsed, not halfway through a render. Behaviour follows
Jinja2's filters of the same name, so the differential tests can compare the two
engines; the one Jinja2 filter with different rules here is ``title`` (left out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from level3.templates.markup import Markup, escape, is_markup
from level3.templates.undefined import Undefined

__all__ = ["FILTERS", "FilterSpec"]


@dataclass(frozen=True)
class FilterSpec:
    """A filter function and its contract.

    ``min_args``/``max_args`` count the arguments after the value. ``takes_undefined``
    filters receive Undefined values instead of failing on them (only ``default`` does).
    ``wants_autoescape`` filters receive the template's autoescape flag as a keyword.
    """

    func: Callable[..., object]
    min_args: int = 0
    max_args: int = 0
    takes_undefined: bool = False
    wants_autoescape: bool = False


def _text_op(op: Callable[[str], str]) -> Callable[[object], str]:
    """A string filter that keeps safe strings safe (``Markup("<b>")|upper`` stays unescaped)."""

    def apply(value: object) -> str:
        result = op(value if isinstance(value, str) else str(value))
        return Markup(result) if isinstance(value, str) and is_markup(value) else result

    apply.__doc__ = f"str.{op.__name__} of the value as text; safe strings stay safe."
    return apply


def _length(value: Any) -> int:
    """Number of items (or characters)."""
    return len(value)


def _first(value: Iterable[object]) -> object:
    """The first item, or Undefined for an empty sequence."""
    for item in value:
        return item
    return Undefined("no first item: the sequence is empty")


def _last(value: Iterable[object]) -> object:
    """The last item, or Undefined for an empty sequence."""
    items = list(value)
    return items[-1] if items else Undefined("no last item: the sequence is empty")


def _join(value: Iterable[object], separator: object = "", *, autoescape: bool) -> str:
    """Items as text joined by ``separator``.

    With autoescape, as in Jinja2: if the separator or any item is safe, every piece is
    escaped now and the result is safe; otherwise the plain joined text is returned and
    escaped once when printed (so ``items|join|upper`` never upper-cases an ``&lt;``).
    """
    items = list(value)
    if autoescape and (is_markup(separator) or any(is_markup(item) for item in items)):
        return Markup(escape(separator).join(escape(item) for item in items))
    return str(separator).join(str(item) for item in items)


def _default(value: object, fallback: object = "", boolean: object = False) -> object:
    """``fallback`` when the value is undefined (or false too, when ``boolean`` is true)."""
    if isinstance(value, Undefined) or (boolean and not value):
        return fallback
    return value


def _safe(value: object) -> Markup:
    """Mark the value as safe HTML: autoescape will print it as is."""
    return escape(value) if is_markup(value) else Markup(str(value))


FILTERS: dict[str, FilterSpec] = {
    "capitalize": FilterSpec(_text_op(str.capitalize)),
    "default": FilterSpec(_default, max_args=2, takes_undefined=True),
    "escape": FilterSpec(escape),
    "first": FilterSpec(_first),
    "join": FilterSpec(_join, max_args=1, wants_autoescape=True),
    "last": FilterSpec(_last),
    "length": FilterSpec(_length),
    "lower": FilterSpec(_text_op(str.lower)),
    "safe": FilterSpec(_safe),
    "trim": FilterSpec(_text_op(str.strip)),
    "upper": FilterSpec(_text_op(str.upper)),
}
FILTERS |= {"count": FILTERS["length"], "d": FILTERS["default"], "e": FILTERS["escape"]}
