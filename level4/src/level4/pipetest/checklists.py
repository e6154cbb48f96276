"""The behavioural checks for level 1's two models, with the failure rate each may have.

Templates make the minimum-functionality texts and the name-invariance texts (CheckList's
way of writing many cases at once); the other invariance and directional checks perturb
the held-out texts of the real data. ``TOLERANCE`` is the failure rate each check may
reach before its test fails: set after measuring, a little above the measured rate, so a
regression shows up; capabilities the models plainly lack are marked ``xfail`` in the
suite instead, with the measured rate in the reason.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from level4.pipetest.behaviour import (
    FIRST_NAMES,
    Check,
    Directional,
    Invariance,
    MinimumFunctionality,
    Perturb,
    add_typo,
    change_punctuation,
    fill_template,
    swap_names,
)

__all__ = ["SENTIMENT_CHECKS", "SPAM_CHECKS", "sentiment_checks", "spam_checks"]

CASES = 40  # texts drawn from the templates of one minimum-functionality check

SPAM_TEMPLATES = (
    "WINNER!! You have won a {prize}. Call {phone} now to claim",
    "URGENT! Your mobile number has been awarded a {prize}. Txt CLAIM to {short} to collect",
    "Congratulations! You are selected for a FREE {prize}. Reply YES to {short} now",
    "FREE entry to win a {prize}! Text WIN to {short}. T&Cs apply 18+",
)
SPAM_SLOTS: dict[str, Sequence[str]] = {
    "prize": ("£1000 cash prize", "brand new iPhone", "holiday to Spain", "£500 voucher"),
    "phone": ("09061701461", "08712300220", "09050000327"),
    "short": ("80086", "87121", "62468"),
}
HAM_TEMPLATES = (
    "Are we still meeting at {time}?",
    "Can you pick up {item} on your way home",
    "I'll be late, the traffic is terrible. See you at {time}",
    "Thanks for dinner last night, it was lovely",
    "Did you remember to bring the {item}?",
)
HAM_SLOTS: dict[str, Sequence[str]] = {
    "time": ("7", "half past six", "noon", "8pm"),
    "item": ("milk", "the keys", "bread", "my charger"),
}
NAME_TEMPLATES = (
    ("Hi {name}, are you coming to the party tonight?", "ham"),
    ("{name} says hello, call her when you can", "ham"),
    ("Dear {name}, you have WON a £1000 prize! Call 09061701461 to claim now", "spam"),
)
CALL_TO_ACTION = " Txt WIN to 80086 to claim your FREE prize now!"
SIGN_OFF = " See you at dinner tonight, love Mum x"

POSITIVE = ("great", "excellent", "wonderful", "amazing", "good")
NEGATIVE = ("terrible", "awful", "horrible", "bad", "disappointing")
THINGS = ("phone", "food", "movie", "service", "battery", "staff")
SENTIMENT_NAME_TEMPLATES = (
    "{name} said the {thing} was great.",
    "{name} thought the {thing} was awful.",
)


def _from_templates(
    templates: Sequence[str], slots: Mapping[str, Sequence[str]], seed: int
) -> list[str]:
    rng = random.Random(seed)
    return [fill_template(templates[i % len(templates)], rng, **slots) for i in range(CASES)]


def _with_names(templates: Sequence[str], seed: int, **slots: Sequence[str]) -> list[str]:
    rng = random.Random(seed)
    return [
        fill_template(templates[i % len(templates)], rng, name=FIRST_NAMES, **slots)
        for i in range(CASES)
    ]


def _append(suffix: str) -> Perturb:
    def perturb(text: str, rng: random.Random) -> str:
        return text.rstrip() + suffix

    return perturb


def _sample(texts: Sequence[str], count: int, seed: int) -> list[str]:
    return random.Random(seed).sample(list(texts), min(count, len(texts)))


def spam_checks(heldout: dict[str, list[str]], seed: int = 0) -> dict[str, Check]:
    """The spam filter's checks by name, on its held-out messages."""
    ham, spam = _sample(heldout["ham"], 300, seed), heldout["spam"]
    return {
        "obvious spam is caught": MinimumFunctionality(
            "obvious spam is caught", _from_templates(SPAM_TEMPLATES, SPAM_SLOTS, seed), "spam"
        ),
        "everyday messages are ham": MinimumFunctionality(
            "everyday messages are ham", _from_templates(HAM_TEMPLATES, HAM_SLOTS, seed), "ham"
        ),
        "typos in ham": Invariance("typos in ham", ham, add_typo, copies=2),
        "typos in spam": Invariance("typos in spam", spam, add_typo, copies=2),
        "names": Invariance(
            "names", _with_names([t for t, _ in NAME_TEMPLATES], seed), swap_names, copies=2
        ),
        "punctuation": Invariance("punctuation", [*ham, *spam], change_punctuation),
        "call to action raises the spam score": Directional(
            "call to action raises the spam score", ham, _append(CALL_TO_ACTION), +1
        ),
        "friendly sign-off does not raise the spam score": Directional(
            "friendly sign-off does not raise the spam score", spam, _append(SIGN_OFF), -1
        ),
    }


def sentiment_checks(heldout: dict[str, list[str]], seed: int = 0) -> dict[str, Check]:
    """The sentiment classifier's checks by name ("1" positive, "0" negative)."""
    both = [*heldout["0"], *heldout["1"]]
    adjectives: dict[str, Sequence[str]] = {"thing": THINGS}
    return {
        "simple positive": MinimumFunctionality(
            "simple positive",
            _from_templates(("The {thing} is {adj}.",), {**adjectives, "adj": POSITIVE}, seed),
            "1",
        ),
        "simple negative": MinimumFunctionality(
            "simple negative",
            _from_templates(("The {thing} is {adj}.",), {**adjectives, "adj": NEGATIVE}, seed),
            "0",
        ),
        "negated positive is negative": MinimumFunctionality(
            "negated positive is negative",
            _from_templates(("The {thing} is not {adj}.",), {**adjectives, "adj": POSITIVE}, seed),
            "0",
        ),
        "typos": Invariance("typos", both, add_typo, copies=2),
        "names": Invariance(
            "names", _with_names(SENTIMENT_NAME_TEMPLATES, seed, thing=THINGS), swap_names, copies=2
        ),
        "punctuation": Invariance("punctuation", both, change_punctuation),
        "adding praise raises the positive score": Directional(
            "adding praise raises the positive score", both, _append(" I loved it."), +1
        ),
        "adding a complaint lowers the positive score": Directional(
            "adding a complaint lowers the positive score",
            both,
            _append(" Worst purchase ever."),
            -1,
        ),
    }


SPAM_CHECKS = tuple(spam_checks({"ham": ["x"], "spam": ["x"]}))
SENTIMENT_CHECKS = tuple(sentiment_checks({"0": ["x"], "1": ["x"]}))
