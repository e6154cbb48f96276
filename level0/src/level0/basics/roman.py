"""Roman numerals, both ways, for 1 to 3999."""

from __future__ import annotations

__all__ = ["from_roman", "to_roman"]

# (value, numeral) from largest to smallest, including the six subtractive pairs.
_NUMERALS: tuple[tuple[int, str], ...] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_LETTER_VALUES = {numeral: value for value, numeral in _NUMERALS if len(numeral) == 1}


def to_roman(number: int) -> str:
    """The standard Roman numeral of ``number`` (1-3999), e.g. 1994 -> 'MCMXCIV'.

    Python idea: a table of tuples drives a greedy loop; ``divmod`` gives how many times
    a numeral fits and what is left in one call. Raises ``ValueError`` outside 1-3999
    (there is no zero, and 4000 would need a bar over the M).

    >>> to_roman(1994)
    'MCMXCIV'
    """
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"to_roman needs an int, not {type(number).__name__}")
    if not 1 <= number <= 3999:
        raise ValueError(f"Roman numerals cover 1 to 3999, not {number}")
    parts = []
    for value, numeral in _NUMERALS:
        count, number = divmod(number, value)
        parts.append(numeral * count)
    return "".join(parts)


def from_roman(numeral: str) -> int:
    """The value of a standard Roman numeral, e.g. 'MCMXCIV' -> 1994 (case-insensitive).

    Python idea: exceptions for invalid input, and validation by round trip. The
    value is summed left to right (a letter smaller than the next one is subtracted),
    which would also accept sloppy forms like 'IIII' or 'IC'; so the result is checked
    by converting it back and comparing. Only the one standard spelling is accepted;
    anything else raises ``ValueError``.

    >>> from_roman("mcmxciv")
    1994
    """
    text = numeral.strip().upper()
    if not text or any(letter not in _LETTER_VALUES for letter in text):
        raise ValueError(f"{numeral!r} is not a Roman numeral (letters I V X L C D M only)")
    values = [_LETTER_VALUES[letter] for letter in text]
    total = 0
    for value, following in zip(values, [*values[1:], 0], strict=True):
        total += -value if value < following else value
    if not 1 <= total <= 3999 or to_roman(total) != text:
        raise ValueError(f"{numeral!r} is not a valid Roman numeral")
    return total
