"""Pack sizes in titles, normalised: "750ml" and "0.75 L" are both 750 ml; "2 x 5 kg" is 10,000 g.

A price only compares with another for the same amount, so a shop's "Kettle 1.7 L"
and "Water Bottle 500 ml" need one unit each: grams for mass, millilitres for
volume, items for packs. The parser looks for the first size in a title:

* a multipack, "2 x 5 kg" or "4×350ml": count times size;
* a size, "500 g", "1.5l", "1,5 L", "12 oz", "16 fl oz";
* a pack count, "pack of 3", "5-pack", "6 pcs".

A unit only counts as a whole word, so "The 5 Love Languages" has no litres.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["UNITS", "Quantity", "parse_quantity"]

#: Unit as written (lower case) -> (base unit, factor to the base unit).
UNITS: dict[str, tuple[str, float]] = {
    "mg": ("g", 0.001),
    "g": ("g", 1.0),
    "kg": ("g", 1000.0),
    "oz": ("g", 28.349523125),
    "lb": ("g", 453.59237),
    "lbs": ("g", 453.59237),
    "ml": ("ml", 1.0),
    "cl": ("ml", 10.0),
    "l": ("ml", 1000.0),
    "litre": ("ml", 1000.0),
    "litres": ("ml", 1000.0),
    "liter": ("ml", 1000.0),
    "liters": ("ml", 1000.0),
    "fl oz": ("ml", 29.5735295625),
}
_NUM = r"\d+(?:[.,]\d+)?"
_UNIT = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
_MULTIPACK = re.compile(rf"\b(\d+)\s*[x×]\s*({_NUM})\s*({_UNIT})(?![a-z])", re.IGNORECASE)
_SIZE = re.compile(rf"(?<![\w.,])({_NUM})\s*({_UNIT})(?![a-z])", re.IGNORECASE)
_PACK = re.compile(r"\bpack of (\d+)\b|\b(\d+)[- ]?(?:pack|pcs|pieces)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A size in its base unit: ``Quantity(750.0, "ml", "750ml")``."""

    value: float
    unit: str  # "g", "ml" or "item"
    text: str  # as written in the title


def parse_quantity(title: str) -> Quantity | None:
    """The first pack size in ``title``, in grams, millilitres or items; ``None`` if there is none."""
    if match := _MULTIPACK.search(title):
        count, size, unit = int(match[1]), _float(match[2]), match[3].lower()
        base, factor = UNITS[unit]
        return Quantity(count * size * factor, base, match[0])
    if match := _SIZE.search(title):
        base, factor = UNITS[match[2].lower()]
        return Quantity(_float(match[1]) * factor, base, match[0])
    if match := _PACK.search(title):
        return Quantity(float(match[1] or match[2]), "item", match[0])
    return None


def _float(text: str) -> float:
    """A size number; a decimal comma ("1,5 L") is a decimal point here."""
    return float(text.replace(",", "."))
