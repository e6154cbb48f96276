"""Syllables counted by rule, and the two Flesch readability formulas built on them."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["count_syllables", "flesch_kincaid_grade", "flesch_reading_ease"]

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Vowel pairs usually spoken as two syllables (ra-di-o, Aus-tra-li-an, ac-tu-al,
# sta-di-um, vi-de-o), except after the letters that glue them into one sound
# (na-tion, spe-cial, re-gion, guard, qua-li-ty, pi-geon) or in 'peo-ple'.
_SPLIT_PAIRS = re.compile(r"(?<![cgst])i[ao]|iu|(?<![gq])ua|(?<!g)eo(?!p)")
# A final 'e', '-es' or '-ed' after a consonant is usually silent (make, makes, jumped),
# but not in '-le' after a consonant (ta-ble, ta-bles) nor after the letters that voice
# it (wish-es, pla-ces, want-ed, end-ed).
_SILENT_ENDING = re.compile(
    r"(?:[^aeiouyl]|(?<=[aeiouy])l)e$"
    r"|(?:[^aeiouysxzcghl]|(?<=[aeiouy])l)es$"
    r"|[^aeiouytd]ed$"
)


def _ascii_letters(word: str) -> str:
    """'Café-au-lait' -> 'cafeaulait': case-folded, accents dropped, letters a-z only."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if "a" <= char <= "z")


def count_syllables(word: str) -> int:
    """English syllables in ``word`` by rule (vowel groups, split pairs, silent endings).

    Rules, not a dictionary: right for most everyday words, off by one for some
    ('recipe' gives 2). Any word, even '1994' or 'hmm', counts at least one, which is
    what readability formulas assume.

    >>> [count_syllables(w) for w in ["the", "table", "jumped", "wanted", "Australian"]]
    [1, 2, 1, 2, 4]
    """
    letters = _ascii_letters(word)
    count = len(_VOWEL_GROUPS.findall(letters)) + len(_SPLIT_PAIRS.findall(letters))
    if _SILENT_ENDING.search(letters):
        count -= 1
    return max(1, count)


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch (1948) reading ease: 206.835 - 1.015 words/sentence - 84.6 syllables/word.

    Higher is easier: 90-100 suits an 11-year-old, 60-70 plain English, below 30
    university graduates. Raises ``ValueError`` when there are no words or sentences.
    """
    _check(words, sentences)
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch-Kincaid grade (Kincaid et al. 1975): 0.39 w/s + 11.8 syl/w - 15.59.

    The result reads as a US school grade: 8.0 means an eighth grader can follow it.
    """
    _check(words, sentences)
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def _check(words: int, sentences: int) -> None:
    if words < 1 or sentences < 1:
        raise ValueError(
            f"readability needs at least one word and one sentence ({words=}, {sentences=})"
        )
