"""Unit conversion for the ``measurement_conversion`` intent: length, mass, volume, temperature.

Each unit is a factor to its dimension's base unit (metre, kilogram, litre); temperatures
are affine, so they convert through kelvin. "convert 5 km to miles", "how many feet are
in 3 meters", "20 celsius in fahrenheit".
"""

from __future__ import annotations

import re

__all__ = ["ConversionError", "conversion_in", "convert", "unit_name"]

FACTORS: dict[str, tuple[str, float]] = {  # unit -> (dimension, value in the base unit)
    "metre": ("length", 1.0), "kilometre": ("length", 1000.0), "centimetre": ("length", 0.01),
    "millimetre": ("length", 0.001), "mile": ("length", 1609.344), "yard": ("length", 0.9144),
    "foot": ("length", 0.3048), "inch": ("length", 0.0254),
    "kilogram": ("mass", 1.0), "gram": ("mass", 0.001), "pound": ("mass", 0.45359237),
    "ounce": ("mass", 0.028349523125), "stone": ("mass", 6.35029318), "tonne": ("mass", 1000.0),
    "litre": ("volume", 1.0), "millilitre": ("volume", 0.001), "gallon": ("volume", 3.785411784),
    "quart": ("volume", 0.946352946), "pint": ("volume", 0.473176473), "cup": ("volume", 0.2365882365),
}  # fmt: skip
TEMPERATURES = {"celsius", "fahrenheit", "kelvin"}
ALIASES = {  # what people type -> unit; plurals are handled by stripping a final "s"/"es"
    "m": "metre", "meter": "metre", "km": "kilometre", "kilometer": "kilometre",
    "cm": "centimetre", "centimeter": "centimetre", "mm": "millimetre", "millimeter": "millimetre",
    "mi": "mile", "yd": "yard", "ft": "foot", "feet": "foot", "in": "inch", "inche": "inch",
    "kg": "kilogram", "kilo": "kilogram", "g": "gram", "lb": "pound", "lbs": "pound",
    "oz": "ounce", "ton": "tonne", "l": "litre", "liter": "litre", "ml": "millilitre",
    "milliliter": "millilitre", "gal": "gallon",
    "c": "celsius", "°c": "celsius", "centigrade": "celsius", "f": "fahrenheit",
    "°f": "fahrenheit", "k": "kelvin", "degree": "celsius",
}  # fmt: skip
UNIT = r"°?[a-z]+"
FORWARD = re.compile(
    rf"(?P<amount>-?\d+(?:\.\d+)?)\s*(?:degrees?\s+)?(?P<source>{UNIT})\b.*?\b(?:to|in|into)\s+(?:degrees?\s+)?(?P<target>{UNIT})"
)
HOW_MANY = re.compile(
    rf"how many\s+(?P<target>{UNIT})\b.*?\b(?:in|is|are)\s+(?:an?\s+|(?P<amount>-?\d+(?:\.\d+)?)\s*)(?P<source>{UNIT})"
)


class ConversionError(ValueError):
    """A conversion the bot cannot make, with a reason a person reads."""


def unit(word: str) -> str | None:
    """The unit a word names ("miles" -> "mile", "km" -> "kilometre"), or None."""
    word = word.lower().replace("metres", "metre")
    for candidate in (word, word.removesuffix("s"), word.removesuffix("es")):
        name = ALIASES.get(candidate, candidate)
        if name in FACTORS or name in TEMPERATURES:
            return name
    return None


def unit_name(name: str, amount: float) -> str:
    """How a unit reads after ``amount``: "1 foot", "3 feet", "20 degrees Celsius"."""
    if name in TEMPERATURES:
        return name if name == "kelvin" else f"degrees {name.capitalize()}"
    if amount == 1:
        return name
    return {"foot": "feet", "inch": "inches"}.get(name, f"{name}s")


def convert(amount: float, source: str, target: str) -> float:
    """``amount`` of ``source`` in ``target`` units (names as in FACTORS or TEMPERATURES)."""
    if source in TEMPERATURES and target in TEMPERATURES:
        kelvin = {"celsius": amount + 273.15, "fahrenheit": (amount - 32) * 5 / 9 + 273.15}.get(
            source, amount
        )
        return {"celsius": kelvin - 273.15, "fahrenheit": (kelvin - 273.15) * 9 / 5 + 32}.get(
            target, kelvin
        )
    (source_dim, source_factor), (target_dim, target_factor) = (
        FACTORS.get(source, ("?", 0)),
        FACTORS.get(target, ("?", 0)),
    )
    if source_dim != target_dim or source_dim == "?":
        raise ConversionError(f"I can't convert {source}s to {target}s")
    return amount * source_factor / target_factor


def conversion_in(text: str) -> tuple[float, str, str]:
    """(amount, source unit, target unit) read from a sentence; ConversionError if there is none."""
    lowered = text.lower()
    match = FORWARD.search(lowered) or HOW_MANY.search(lowered)
    if match is None:
        raise ConversionError("tell me what to convert, e.g. 'convert 5 km to miles'")
    source, target = unit(match["source"]), unit(match["target"])
    if source is None or target is None:
        unknown = match["source"] if source is None else match["target"]
        raise ConversionError(f"I don't know the unit {unknown!r}")
    return float(match["amount"] or 1), source, target
