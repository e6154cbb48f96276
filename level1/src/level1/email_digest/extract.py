"""Rule-based extraction: mentioned dates, deadlines and action items.

Each rule is a regular expression over cleaned sentences (see ``text.py``); every match
says which rule fired, so a surprising result can be traced to its rule. The rules are
listed in the README and each one has a test on a hand-written fixture.

Dates are resolved against the email's own date when the text is relative ("by Friday"
in an email of Wednesday 2001-04-04 is 2001-04-06); without that date a relative
mention keeps ``when=None``. Numeric dates are read the US way (month/day), as in Enron.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from level1.email_digest.text import strip_greeting, words

__all__ = ["ActionItem", "DateMention", "find_actions", "find_dates", "find_deadlines"]


@dataclass(frozen=True)
class DateMention:
    """A date found in the text: the words as written and the calendar date, if known."""

    text: str
    when: date | None
    start: int
    end: int


@dataclass(frozen=True)
class ActionItem:
    """A sentence that asks the reader to do something, and the rule that said so."""

    text: str
    rule: str


# --- dates ---------------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")),
    (
        "numeric",
        re.compile(
            r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?P<which>next|this|last)?\s*{_WEEKDAY}\b(?:,?\s+{_MONTH}\s+{_DAY}\b{_YEAR})?",
            re.IGNORECASE,
        ),
    ),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE)),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z]){_YEAR}", re.IGNORECASE)),
    (
        "relative",
        re.compile(
            r"\b(?P<relative>today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening)"
            r"|end of (?:the )?(?:day|week|month)|eod|cob|close of business"
            r"|(?:next|this) (?:week|month))\b",
            re.IGNORECASE,
        ),
    ),
]


def _year(text: str | None, reference: date | None) -> int | None:
    if text is None:
        return reference.year if reference else None
    value = int(text)
    if len(text) == 2:
        value += 2000 if value < 70 else 1900
    return value


def _calendar_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_date(name: str, which: str, reference: date | None) -> date | None:
    if reference is None:
        return None
    target = _WEEKDAYS[name.lower()]
    ahead = (target - reference.weekday()) % 7
    if which == "last":
        return reference - timedelta(days=(reference.weekday() - target) % 7 or 7)
    if which == "next" and reference.weekday() < target:
        ahead += 7  # "next Friday" said on a Wednesday is the Friday of next week
    return reference + timedelta(days=ahead)


def _relative_date(phrase: str, reference: date | None) -> date | None:
    if reference is None:
        return None
    phrase = " ".join(phrase.lower().split())
    if phrase == "tomorrow":
        return reference + timedelta(days=1)
    if phrase == "yesterday":
        return reference - timedelta(days=1)
    if phrase.endswith("week") and phrase.startswith("end"):
        return reference + timedelta(days=(4 - reference.weekday()) % 7)  # Friday
    if phrase.endswith("month") and phrase.startswith("end"):
        return date(
            reference.year, reference.month, calendar.monthrange(*reference.timetuple()[:2])[1]
        )
    if phrase.endswith(("week", "month")):
        return None  # a span, not a day
    return reference  # today, tonight, this morning, end of day, eod, cob, close of business


def _resolve(kind: str, match: re.Match[str], reference: date | None) -> tuple[bool, date | None]:
    """(is this really a date, the date it names)."""
    groups = match.groupdict()
    if kind == "relative":
        return True, _relative_date(groups["relative"], reference)
    if kind == "weekday" and groups.get("day") is None:
        return True, _weekday_date(groups["weekday"], (groups["which"] or "").lower(), reference)
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
    day = int(groups["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False, None
    return True, _calendar_date(_year(groups.get("year"), reference), month, day)


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Every date mentioned in ``text``, longest match first where matches overlap."""
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            is_date, when = _resolve(kind, match, reference)
            start, end = match.span()
            start += len(match.group(0)) - len(match.group(0).lstrip())
            if is_date:
                found.append(DateMention(match.group(0).strip(), when, start, end))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue  # inside a longer mention already kept
        kept.append(mention)
    return kept


# --- deadlines -----------------------------------------------------------------------------

_DEADLINE_CUE = re.compile(
    r"\b(?:by|before|due(?:\s+(?:on|by))?|no later than|not later than|prior to|deadline"
    r"(?:\s+(?:is|of))?:?)\s+(?:the\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
_URGENT = re.compile(r"\b(?:asap|as soon as possible)\b", re.IGNORECASE)
_CUE_WINDOW = 30


def find_deadlines(text: str, reference: date | None = None) -> list[DateMention]:
    """Dates the text sets as a limit, with their cue: "by Friday", "due 10/24", "ASAP".

    A date counts as a deadline when a cue word (by, before, due, no later than, prior
    to, deadline) ends right before it; "ASAP" and "as soon as possible" count on their
    own, resolved to the email's date when it is known.
    """
    deadlines: list[DateMention] = []
    for mention in find_dates(text, reference):
        cue = _DEADLINE_CUE.search(text[max(0, mention.start - _CUE_WINDOW) : mention.start])
        if cue is not None:
            start = mention.start - (len(cue.group(0)))
            deadlines.append(
                DateMention(text[start : mention.end], mention.when, start, mention.end)
            )
    for match in _URGENT.finditer(text):
        deadlines.append(DateMention(match.group(0), reference, match.start(), match.end()))
    return sorted(deadlines, key=lambda m: m.start)


# --- action items --------------------------------------------------------------------------

#: A sentence with one of these is politeness, not a request ("If you have any questions...").
_NOT_A_REQUEST = re.compile(
    r"if you have (?:any )?(?:further |other |more )?(?:questions|problems|concerns|comments)"
    r"|(?:do not|don't) (?:hesitate|reply)|feel free to|please note\b|please be advised",
    re.IGNORECASE,
)
#: These phrases are blanked out before the rules run ("see below, can you help?" still asks).
_NEUTRAL = re.compile(
    r"\b(?:please )?(?:find|see|read) (?:the )?(?:attached|below|enclosed)(?: files?| documents?)?\b"
    r"|\bthank(?:s| you)\b",
    re.IGNORECASE,
)
_REQUESTS: list[tuple[str, re.Pattern[str]]] = [
    ("please", re.compile(r"\bplease\b|\bkindly\b", re.IGNORECASE)),
    ("question to the reader", re.compile(r"\b(?:could|can|would|will) you\b", re.IGNORECASE)),
    (
        "need you to",
        re.compile(
            r"\b(?:i|we) (?:need|want|would like) (?:for )?you to\b|\byou (?:need to|must)\b"
            r"|\bi need (?:to know|help|your)\b",
            re.IGNORECASE,
        ),
    ),
    ("let me know", re.compile(r"\blet (?:me|us) know\b", re.IGNORECASE)),
    (
        "reminder",
        re.compile(
            r"\b(?:make sure|be sure to|remember to|(?:don't|do not) forget|i would appreciate|"
            r"we would appreciate|action (?:required|needed)|rsvp)\b",
            re.IGNORECASE,
        ),
    ),
]
#: Verbs that start an instruction ("Send me the file.", "call linda tomorrow").
IMPERATIVE_VERBS = frozenset(
    (
        "add", "approve", "arrange", "ask", "attend", "book", "bring", "call", "cancel", "change",
        "check", "complete", "confirm", "contact", "copy", "coordinate", "correct", "create",
        "decide", "delete", "distribute", "email", "e-mail", "fax", "file", "fill", "fix", "follow",
        "forward", "get", "give", "help", "include", "inform", "keep", "look", "make", "meet",
        "move", "notify", "pay", "pick", "plan", "prepare", "print", "provide", "put", "read",
        "remember", "remove", "reply", "respond", "return", "review", "revise", "schedule", "send",
        "set", "sign", "submit", "take", "tell", "update", "verify", "write"
    )
)  # fmt: skip
#: A noun reading of such a verb ("Review of the budget", "Call is at 3") is followed by these.
_NOT_OBJECT = frozenset(("of", "is", "was", "are", "were", "has", "have", "had", "will", "would", "for", "on", "at"))  # fmt: skip


def _imperative(sentence: str) -> str | None:
    tokens = words(sentence)
    if len(tokens) < 2 or not sentence[:1].isalpha() or sentence.rstrip().endswith("?"):
        return None
    first, second = tokens[0], tokens[1]
    if first in IMPERATIVE_VERBS and second not in _NOT_OBJECT:
        return f"imperative: {first}"
    return None


def _request(sentence: str) -> str | None:
    for name, pattern in _REQUESTS:
        if pattern.search(sentence):
            return f"request: {name}"
    return None


def _question(sentence: str) -> str | None:
    """Any question of three words or more in the writer's text asks the reader for an answer."""
    if sentence.rstrip().endswith("?") and len(words(sentence)) >= 3:
        return "question"
    return None


_RULES: list[Callable[[str], str | None]] = [_request, _imperative, _question]


def find_actions(sentences: list[str]) -> list[ActionItem]:
    """The sentences that ask for something: a request phrase, an imperative verb first,
    or a question.

    Politeness ("if you have any questions...", "do not reply") is not an action; neutral
    phrases ("see below", "please find attached", "thanks") are blanked out and a leading
    salutation ("Phillip, could you...") is removed before the rules run.
    """
    actions: list[ActionItem] = []
    for raw in sentences:
        sentence = strip_greeting(raw).strip()
        if not sentence or _NOT_A_REQUEST.search(sentence):
            continue
        blanked = " ".join(_NEUTRAL.sub(" ", sentence).split())
        for rule in _RULES:
            fired = rule(blanked)
            if fired is not None:
                actions.append(ActionItem(sentence, fired))
                break
    return actions
