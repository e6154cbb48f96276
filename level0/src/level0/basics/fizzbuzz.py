"""FizzBuzz generalised to any table of (divisor, word) rules."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CLASSIC_RULES", "fizzbuzz", "parse_rule"]

CLASSIC_RULES: tuple[tuple[int, str], ...] = ((3, "Fizz"), (5, "Buzz"))


def fizzbuzz(n: int, rules: Sequence[tuple[int, str]] = CLASSIC_RULES) -> list[str]:
    """The lines for 1..n: the words of every rule whose divisor divides i, else str(i).

    Python idea: data instead of ``if``/``elif`` branches. The rules are a table, so
    adding "7 -> Bazz" needs no new code, and the words join in table order (15 ->
    'FizzBuzz'). A comprehension builds each line; ``or`` falls back to the number
    when no rule matched (an empty string is falsy).

    >>> fizzbuzz(15)[-3:]
    ['13', '14', 'FizzBuzz']
    """
    for divisor, word in rules:
        if divisor < 1:
            raise ValueError(f"rule divisors must be positive, not {divisor} ({word!r})")
    return [
        "".join(word for divisor, word in rules if i % divisor == 0) or str(i)
        for i in range(1, n + 1)
    ]


def parse_rule(text: str) -> tuple[int, str]:
    """'7=Bazz' -> (7, 'Bazz'); ``ValueError`` if it is not DIVISOR=WORD with DIVISOR >= 1."""
    divisor, sep, word = text.partition("=")
    if not sep or not word or not divisor.strip().isdigit() or int(divisor) < 1:
        raise ValueError(
            f"a rule is DIVISOR=WORD with a positive divisor, e.g. 7=Bazz, not {text!r}"
        )
    return int(divisor), word
