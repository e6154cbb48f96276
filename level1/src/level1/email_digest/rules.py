"""Weak labels: a decision list of keyword rules that gives an email a category, or abstains.

The rules are tried in order and the first that fires wins (so an email that is both
personal and about a meeting is "personal"). They label the training data for the
classifier in ``classify.py``; their agreement with hand labels is measured there.

    1. personal  a personal/social word in the subject, or two different ones in the
                 writer's own text (forwarded and quoted text does not count)
    2. meeting   the same with meeting words
    3. request   the writer's own text holds an action item (see ``extract.find_actions``)
    4. deal      a deal/trading word in the subject, or three in the whole text
    5. report    a report/FYI word anywhere
    -  none      no rule fired: the email gets no weak label and is left out of training
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from level1.email_digest.extract import find_actions
from level1.email_digest.text import clean_body, split_sentences, top_part

__all__ = ["CATEGORIES", "CATEGORY_TITLES", "KEYWORDS", "RuleLabel", "weak_label"]

CATEGORIES = ("meeting", "request", "report", "personal", "deal")
CATEGORY_TITLES = {
    "meeting": "meeting / scheduling",
    "request": "request / action",
    "report": "report / FYI",
    "personal": "personal / social",
    "deal": "deal / trading",
}

KEYWORDS: dict[str, tuple[str, ...]] = {
    "personal": (
        "birthday", "party", "dinner", "family", "mom", "mother", "dad", "wife", "husband",
        "kids", "baby", "wedding", "vacation", "holiday", "holidays", "christmas",
        "thanksgiving", "golf", "football", "basketball", "game", "games",
        "church", "congratulations", "congrats", "love", "friend", "friends", "hotmail",
        "yahoo", "joke", "funny", "pictures", "photos", "fun", "hope you", "miss you",
    ),
    "meeting": (
        "meeting", "meetings", "mtg", "conference call", "agenda", "calendar", "reschedule",
        "rescheduled", "conference room", "invitation", "invite", "rsvp", "attend",
        "attendance", "get together", "offsite", "training session", "appointment", "meet with",
    ),
    "deal": (
        "deal", "deals", "ticket", "tickets", "nom", "noms", "nomination", "nominations",
        "meter", "meters", "mmbtu", "volume", "volumes", "flow", "flowed", "flowing",
        "sitara", "buyback", "price", "pricing", "contract", "counterparty", "purchase",
        "sale", "sales", "swing", "baseload", "actuals", "pipeline", "capacity",
        "allocation", "avails", "wellhead", "spot", "gas daily", "redeliveries",
        "deliveries", "mcf", "dth", "trade", "trading", "index",
    ),
    "report": (
        "fyi", "report", "reports", "attached", "update", "updated", "announcement",
        "announce", "newsletter", "memo", "notice", "forecast", "summary", "results",
        "survey", "policy", "system", "outage", "password", "benefits", "payroll",
        "information", "available", "status",
    ),
}  # fmt: skip


def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in terms)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


_PATTERNS = {category: _pattern(terms) for category, terms in KEYWORDS.items()}


@dataclass(frozen=True)
class RuleLabel:
    """The weak label (None when every rule abstained) and the reason, for reading."""

    label: str | None
    reason: str


def _hits(category: str, text: str) -> set[str]:
    return {" ".join(m.group(0).lower().split()) for m in _PATTERNS[category].finditer(text)}


def weak_label(subject: str, body: str) -> RuleLabel:
    """Run the decision list over one email; see the module docstring for the rules."""
    text = clean_body(body)
    own_text = clean_body(top_part(body))
    for category in ("personal", "meeting"):
        in_subject, in_text = _hits(category, subject), _hits(category, own_text)
        if in_subject or len(in_text) >= 2:
            words = ", ".join(sorted(in_subject | in_text))
            return RuleLabel(category, f"{category} words: {words}")
    actions = find_actions(split_sentences(own_text))
    if actions:
        return RuleLabel("request", f"action item ({actions[0].rule})")
    deal_subject, deal_text = _hits("deal", subject), _hits("deal", text)
    if deal_subject or len(_PATTERNS["deal"].findall(text)) >= 3:
        return RuleLabel("deal", f"deal words: {', '.join(sorted(deal_subject | deal_text))}")
    report = _hits("report", subject) | _hits("report", text)
    if report:
        return RuleLabel("report", f"report words: {', '.join(sorted(report))}")
    return RuleLabel(None, "no rule fired")
