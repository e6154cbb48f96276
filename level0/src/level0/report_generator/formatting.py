"""Explicit formatting of numbers, money and dates, and the PDF's text policy.

Reports are read by people, so every figure is formatted on purpose, never by
``str(float)`` or the machine's locale: a thousands separator, a fixed number of
decimals, the currency symbol in front, ISO dates. The functions are pure, so the
tests can check them against a plain re-parse of the text.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata

__all__ = [
    "MISSING",
    "format_currency",
    "format_date",
    "format_integer",
    "format_number",
    "pdf_safe",
]

MISSING = "n/a"
"""What a missing value (NaN, None) prints as."""


def _is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_number(value: float | None, decimals: int = 2) -> str:
    """``1234.5 -> "1,234.50"``: thousands separated by commas, ``decimals`` places, no ``-0.00``."""
    if _is_missing(value):
        return MISSING
    assert value is not None
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not any(ch in "123456789" for ch in text):
        text = text[1:]  # -0.001 rounds to 0.00, not to "-0.00"
    return text


def format_integer(value: float | None) -> str:
    """``1234 -> "1,234"``: a count or a sum of whole numbers."""
    return format_number(value, decimals=0)


def format_currency(value: float | None, symbol: str = "$", decimals: int = 2) -> str:
    """``-1234.5 -> "-$1,234.50"``; a symbol longer than one character gets a space: ``"CHF 12.00"``."""
    if _is_missing(value):
        return MISSING
    amount = format_number(value, decimals)
    sign, digits = ("-", amount[1:]) if amount.startswith("-") else ("", amount)
    gap = " " if len(symbol) > 1 else ""
    return f"{sign}{symbol}{gap}{digits}"


def format_date(value: dt.date | dt.datetime | None, pattern: str = "%Y-%m-%d") -> str:
    """A date as ``pattern`` (ISO 8601 by default, which sorts and reads the same everywhere)."""
    if value is None or value != value:  # NaT compares unequal to itself
        return MISSING
    return value.strftime(pattern)


# The PDF uses a core font (Helvetica): no font file to ship, but only the 8-bit
# Windows-1252 ("WinAnsi") character set. These stand-ins cover common characters
# outside it; accented letters lose their accent (NFKD); anything else becomes "?".
_STAND_INS = {
    "\u2212": "-",  # minus sign
    "\u2010": "-",
    "\u2011": "-",
    "\u2032": "'",
    "\u2033": '"',
    "\u2009": " ",
    "\u202f": " ",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2260": "!=",
    "\u2713": "v",
    "\u0141": "L",
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
}
PDF_ENCODING = "cp1252"


def pdf_safe(text: str) -> str:
    """``text`` reduced to characters the PDF's core font can draw (Windows-1252).

    Characters already in cp1252 are kept (this includes €, curly quotes, dashes and
    the ellipsis); a few have a stand-in (``→`` becomes ``->``); accented letters
    outside cp1252 lose their accent (``ő`` becomes ``o``); everything else becomes
    ``?``. The Markdown and HTML reports keep the original text.
    """
    out = []
    for char in text:
        if _encodable(char):
            out.append(char)
        elif char in _STAND_INS:
            out.append(_STAND_INS[char])
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            out.append(base if base and all(_encodable(c) for c in base) else "?")
    return "".join(out)


def _encodable(char: str) -> bool:
    try:
        char.encode(PDF_ENCODING)
    except UnicodeEncodeError:
        return False
    return True
