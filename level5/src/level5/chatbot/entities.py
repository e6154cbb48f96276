"""Rule-based entities: numbers, amounts of money, dates, times and cities from a gazetteer.

Hand-written rules are the point here: each kind is a regular expression plus a small
function that turns the matched text into a value. Relative dates ("tomorrow", "next
monday") are resolved against a ``now`` the caller passes, so tests can fix the clock.

Conventions, stated once:
* "monday" and "on monday" mean the next Monday, today included; "next monday" the first
  Monday after today.
* "at 5" without am/pm: hours 1 to 7 are read as afternoon or evening (17:00); 8 to 12 as
  given. "17:30", "5pm" and "5:30 am" say what they mean.
* A number inside an amount ("$20") or a time ("at 5") is not reported again as a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Entity", "extract_entities", "gazetteer", "parse_number"]


@dataclass(frozen=True)
class Entity:
    """One thing found in a text: its kind, the words it came from, and a JSON-ready value."""

    kind: str  # number | money | date | time | city
    text: str
    value: Any  # float | {"amount", "currency"} | "YYYY-MM-DD" | "HH:MM" | city name
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "value": self.value}


SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {word: i for i, word in enumerate(SMALL)} | {
    w: 20 + 10 * i for i, w in enumerate(TENS)
}
NUMBER_WORD = rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(SMALL[1:10])}))?|{'|'.join(SMALL)})"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS}|{NUMBER_WORD})"

CURRENCIES = {
    "$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD", "bucks": "USD",
    "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "£": "GBP", "pound": "GBP", "pounds": "GBP", "gbp": "GBP",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY",
}  # fmt: skip
SYMBOLS = "|".join(re.escape(s) for s in CURRENCIES if not s.isalpha())
NAMES = "|".join(sorted((s for s in CURRENCIES if s.isalpha()), key=len, reverse=True))
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

PATTERNS = [  # (kind, regex); earlier kinds win where spans overlap
    ("money", rf"(?P<symbol>{SYMBOLS})\s?(?P<amount>{DIGITS})|(?P<amount2>{NUMBER})\s?(?P<name>{NAMES})\b"),
    ("date", rf"\b(?:(?P<next>next)\s+|on\s+)?(?P<weekday>{'|'.join(WEEKDAYS)})\b"
             r"|\b(?P<relative>the day after tomorrow|day after tomorrow|tomorrow|today|tonight|yesterday)\b"),
    ("time", r"\b(?:at\s+)?(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\s?(?P<ampm1>[ap]\.?m\.?)?(?!\w)"
             r"|\b(?:at\s+)?(?P<h12>1[0-2]|0?[1-9])\s?(?P<ampm2>[ap]\.?m\.?)(?!\w)"
             r"|\bat\s+(?P<hour>1[0-2]|0?[1-9])\b(?![:.,]\d|\s*%)"
             r"|\b(?P<named>noon|midday|midnight)\b"),
    ("number", rf"(?<![\w.,]){NUMBER}(?![\w]|[.,]\d)"),
]  # fmt: skip
COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in PATTERNS]


def parse_number(text: str) -> float:
    """ "1,200" -> 1200.0, "2.5" -> 2.5, "three" -> 3.0, "twenty-five" -> 25.0."""
    words = text.lower().replace("-", " ").split()
    if words and all(w in WORD_VALUES for w in words):
        return float(sum(WORD_VALUES[w] for w in words))
    return float(text.replace(",", ""))


def _date(match: re.Match[str], today: date) -> str:
    relative = (match["relative"] or "").lower()
    if relative:
        offset = {"yesterday": -1, "tomorrow": 1}.get(relative, 2 if "after" in relative else 0)
        return (today + timedelta(days=offset)).isoformat()
    ahead = (WEEKDAYS.index(match["weekday"].lower()) - today.weekday()) % 7
    if match["next"] and ahead == 0:
        ahead = 7
    return (today + timedelta(days=ahead)).isoformat()


def _time(match: re.Match[str]) -> str:
    if match["named"]:
        return "00:00" if match["named"].lower() == "midnight" else "12:00"
    if match["h24"]:
        hour, minute, ampm = int(match["h24"]), int(match["m24"]), match["ampm1"]
    else:
        hour, minute, ampm = int(match["h12"] or match["hour"]), 0, match["ampm2"]
    if ampm and hour <= 12:
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    elif not ampm and match["hour"] and 1 <= hour <= 7:
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def _value(kind: str, match: re.Match[str], today: date) -> Any:
    if kind == "money":
        amount = match["amount"] or match["amount2"]
        currency = CURRENCIES[(match["symbol"] or match["name"]).lower()]
        return {"amount": parse_number(amount), "currency": currency}
    if kind == "date":
        return _date(match, today)
    if kind == "time":
        return _time(match)
    return parse_number(match.group())


@cache
def gazetteer() -> dict[str, str]:
    """The cities this bot knows by name (``cities.txt``): lower-case name -> name as written."""
    lines = resources.files("level5.chatbot").joinpath("cities.txt").read_text("utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return {name.lower(): name for name in names}


@cache
def _city_pattern() -> re.Pattern[str]:
    names = sorted(gazetteer(), key=len, reverse=True)  # longest first: "new york" before "york"
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(n) for n in names)})(?!\w)", re.IGNORECASE)


def extract_entities(text: str, now: datetime) -> list[Entity]:
    """Every entity in ``text`` in order of appearance; overlapping matches go to the earlier kind."""
    found: list[Entity] = []
    taken: list[tuple[int, int]] = []
    rules = [("city", _city_pattern()), *COMPILED]
    for kind, pattern in rules:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            value = (
                gazetteer()[match.group().lower()]
                if kind == "city"
                else _value(kind, match, now.date())
            )
            found.append(Entity(kind, match.group(), value, start, end))
            taken.append((start, end))
    return sorted(found, key=lambda entity: entity.start)
