"""Read prices the way people write them: "£1,234.50", "1.234,50 €", "from $12", "£10 - £15".

One rule per problem, each tested on its own:

1. **No price**: "", "N/A", "Call for price" mean missing (``None``), not an error.
2. **Free**: "free" is 0.
3. **Lower bounds**: "from £12" and "starting at £12" are kind ``"from"``, amount 12.
4. **Currency**: a symbol (£ € $ ¥, US$ A$ C$) or an ISO code (GBP, EUR, ...), before or
   after the number. Two different currencies in one price is an error.
5. **Ranges**: "£10 - £15", "10–15 €", "10 to 15 GBP" are kind ``"range"``; the amount
   is the midpoint, ``low`` and ``high`` keep the ends.
6. **Separators**: with both "," and "." the last one is the decimal point
   ("1,234.50", "1.234,50"). With only one, it is a thousands separator when it
   appears more than once or is followed by exactly three digits ("1,234",
   "1.234.567"), else a decimal point ("12,99"). Spaces, thin spaces and
   apostrophes group thousands ("1 234,50", "1'234.50"). Thousands groups must
   have three digits, so "1,23,4" is an error, not a guess.

Rule 6 reads "1.234" as 1234, never as 1.234: a price with three decimals is far
rarer than a thousands separator. :func:`format_price` writes prices in every
style these rules read, and the tests check that reading what it writes gives
the amount back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

__all__ = ["Price", "PriceFormatError", "PriceStyle", "format_price", "parse_price"]

PriceKind = Literal["exact", "range", "from", "free"]

#: Symbols and codes, longest first so "US$" wins over "$".
CURRENCY_SIGNS = {
    "US$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "£": "GBP",
    "€": "EUR",
    "$": "USD",
    "¥": "JPY",
}
CURRENCY_CODES = frozenset({"GBP", "EUR", "USD", "JPY", "CHF", "CAD", "AUD"})
NO_PRICE = frozenset(
    {"", "n/a", "na", "-", "—", "none", "null", "nan", "call for price", "price on request", "tbc"}
)
_FROM = re.compile(r"^(?:from|starting at|starting from)\s+", re.IGNORECASE)
_SIGN = re.compile("|".join(re.escape(sign) for sign in CURRENCY_SIGNS))
_CODE = re.compile(r"(?<![a-z])(" + "|".join(sorted(CURRENCY_CODES)) + r")(?![a-z])", re.IGNORECASE)
_NUMBER = r"\d(?:[\d.,  \u202f'’]*\d)?"
_ONE = re.compile(rf"({_NUMBER})")
_RANGE = re.compile(rf"({_NUMBER})\s*(?:-|–|—|to)\s*({_NUMBER})", re.IGNORECASE)


class PriceFormatError(ValueError):
    """Text that looks like a price but cannot be read without guessing."""


@dataclass(frozen=True)
class Price:
    """A price as read: ``amount`` is the one number to use (a range's midpoint)."""

    amount: float
    currency: str | None
    low: float
    high: float
    kind: PriceKind = "exact"


def parse_price(text: str | None) -> Price | None:
    """The price in ``text``; ``None`` when it says there is none; PriceFormatError if unreadable.

    >>> parse_price("from £1,234.50")
    Price(amount=1234.5, currency='GBP', low=1234.5, high=1234.5, kind='from')
    >>> parse_price("10–15 €").amount
    12.5
    """
    if text is None:
        return None
    original = text
    text = " ".join(text.replace("\u00a0", " ").split())
    if text.casefold() in NO_PRICE:
        return None
    if text.casefold() == "free":
        return Price(0.0, None, 0.0, 0.0, "free")
    kind: PriceKind = "exact"
    if _FROM.match(text):
        kind, text = "from", _FROM.sub("", text)
    currency, text = _take_currency(text, original)
    if text.startswith("-"):
        raise PriceFormatError(f"a negative price: {original!r}")
    if match := _RANGE.fullmatch(text):
        low, high = _number(match[1], original), _number(match[2], original)
        if high < low:
            raise PriceFormatError(f"a range that ends below its start: {original!r}")
        if kind == "exact":
            kind = "range"
    elif match := _ONE.fullmatch(text):
        low = high = _number(match[1], original)
    else:
        raise PriceFormatError(f"cannot read a price in {original!r}")
    amount = (low + high) / 2
    return Price(float(amount), currency, float(low), float(high), kind)


def _take_currency(text: str, original: str) -> tuple[str | None, str]:
    """Remove every currency symbol and code from ``text``; the one currency they name."""
    found = {CURRENCY_SIGNS[sign] for sign in _SIGN.findall(text)}
    found |= {code.upper() for code in _CODE.findall(text)}
    if len(found) > 1:
        raise PriceFormatError(f"more than one currency ({', '.join(sorted(found))}): {original!r}")
    text = _CODE.sub(" ", _SIGN.sub(" ", text))
    return (found.pop() if found else None), " ".join(text.split())


def _number(text: str, original: str) -> Decimal:
    """One number, by rule 6 of the module docstring."""
    decimal_mark = _decimal_mark(text)
    whole, _, fraction = text.rpartition(decimal_mark) if decimal_mark else (text, "", "")
    if not fraction.isdigit() and decimal_mark:
        raise PriceFormatError(f"cannot read the decimals of {original!r}")
    groups = re.split(r"\D", whole)
    if len(groups) > 1:
        marks = set(re.findall(r"\D", whole))
        if len(marks) > 1 or not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
            raise PriceFormatError(f"thousands separators in odd places: {original!r}")
    return Decimal("".join(groups) + ("." + fraction if fraction else ""))


def _decimal_mark(text: str) -> str | None:
    """The character that starts the decimals, if there are decimals at all."""
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        return "." if text.rfind(".") > text.rfind(",") else ","
    if dots + commas != 1:
        return None  # no mark at all, or one repeated: thousands ("1,234,567")
    mark = "." if dots else ","
    before, after = text.split(mark)
    looks_grouped = len(after) == 3 and re.sub(r"\D", "", before) != "0"
    return None if looks_grouped else mark


@dataclass(frozen=True)
class PriceStyle:
    """How to write a price: "£1,234.50", "1.234,50 €", "EUR 1 234,50", "$1234"."""

    thousands: str = ","  # "", ",", ".", " " or "'"
    decimal: str = "."  # "." or ","
    decimals: int = 2  # 2, or 0 to leave off ".00"
    sign_first: bool = True
    use_code: bool = False  # "GBP" instead of "£"
    space: bool = False  # "£ 5" / "5 €"

    def __post_init__(self) -> None:
        if self.thousands == self.decimal or self.decimal not in ".,":
            raise ValueError(f"cannot write prices with {self!r}")
        if self.decimals not in (0, 2):
            raise ValueError("decimals must be 0 or 2")


_SIGN_OF = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥"}


def format_price(amount: float, currency: str = "GBP", style: PriceStyle | None = None) -> str:
    """Write ``amount`` in ``style``; :func:`parse_price` reads it back (the round trip)."""
    style = style or PriceStyle()
    if amount < 0:
        raise ValueError(f"prices are not negative: {amount}")
    whole, cents = divmod(round(amount * 100), 100)
    if style.decimals == 0 and cents:
        raise ValueError(f"{amount} has cents; use decimals=2")
    digits = str(whole)
    groups = [digits[max(0, end - 3) : end] for end in range(len(digits), 0, -3)][::-1]
    number = style.thousands.join(groups)
    if style.decimals:
        number += f"{style.decimal}{cents:02d}"
    sign = currency if style.use_code or currency not in _SIGN_OF else _SIGN_OF[currency]
    gap = " " if style.space or len(sign) == 3 else ""
    return f"{sign}{gap}{number}" if style.sign_first else f"{number}{gap}{sign}"
