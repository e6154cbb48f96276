"""Readability against published worked examples, and the rule-based syllable counter.

Source of the worked examples: the Wikipedia article "Flesch–Kincaid readability tests"
(en.wikipedia.org/wiki/Flesch%E2%80%93Kincaid_readability_tests), which states that
* "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature"
  has 13 words and 26 syllables and a reading ease of 24.4;
* Green Eggs and Ham averages 5.7 words per sentence and 1.02 syllables per word,
  a grade level of -1.3;
* the lowest possible grade is -3.40 and the highest reading ease 121.22, for text
  made only of one-word sentences of one syllable.
The formulas are Flesch (1948), J. Applied Psychology 32(3), and Kincaid et al. (1975),
Naval Technical Training Command research branch report 8-75.
"""

from __future__ import annotations

from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def ta(solution) -> ModuleType:
    return solution("level0.text_analyzer")


PLATYPUS = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."


def test_platypus_sentence_matches_the_published_score(ta):
    report = ta.analyze_text(PLATYPUS)
    assert (report.words, report.sentences, report.syllables) == (13, 1, 26)
    assert report.flesch_reading_ease == pytest.approx(24.4, abs=0.1)


def test_green_eggs_and_ham_grade(ta):
    # 5.7 words per sentence and 1.02 syllables per word, as whole counts.
    assert ta.flesch_kincaid_grade(5700, 1000, 5814) == pytest.approx(-1.3, abs=0.05)


def test_one_syllable_one_word_sentences_hit_the_published_bounds(ta):
    report = ta.analyze_text("Go. Run. Stop. Jump. Sit.")
    assert report.flesch_reading_ease == pytest.approx(121.22, abs=0.01)
    assert report.flesch_kincaid_grade == pytest.approx(-3.40, abs=0.01)


def test_formulas_need_words_and_sentences(ta):
    with pytest.raises(ValueError, match="at least one word"):
        ta.flesch_reading_ease(0, 1, 0)
    with pytest.raises(ValueError, match="at least one word"):
        ta.flesch_kincaid_grade(5, 0, 5)


@given(st.integers(1, 10_000), st.integers(1, 1_000), st.floats(1, 4))
def test_longer_sentences_and_words_read_harder(ta, words, sentences, syllables_per_word):
    syllables = round(words * syllables_per_word)
    ease = ta.flesch_reading_ease(words, sentences, syllables)
    grade = ta.flesch_kincaid_grade(words, sentences, syllables)
    assert ta.flesch_reading_ease(words * 2, sentences, syllables * 2) < ease
    assert ta.flesch_kincaid_grade(words, sentences, syllables + words) > grade


# Syllables of common words as spoken in standard English, counted by hand.
DICTIONARY = {
    "the": 1, "cat": 1, "table": 2, "tables": 2, "little": 2, "whale": 1, "make": 1,
    "makes": 1, "wishes": 2, "places": 2, "changes": 2, "boxes": 2, "jumped": 1,
    "wanted": 2, "ended": 2, "loved": 1, "agreed": 2, "nation": 2, "radio": 3, "video": 3,
    "people": 2, "actual": 3, "equal": 2, "stadium": 3, "various": 3, "precious": 2,
    "special": 2, "asia": 2, "australian": 4, "reptilian": 4, "creature": 2,
    "platypus": 3, "seemingly": 3, "hybrid": 2, "mammal": 2, "beautiful": 3,
    "reading": 2, "every": 3, "family": 3, "computer": 3, "readability": 5,
    "education": 4, "university": 5, "yesterday": 3, "because": 2, "lighthouse": 2,
    "evening": 3, "heartbeat": 2, "village": 2, "quietly": 3, "question": 2,
    "language": 2, "quality": 4, "science": 2, "simple": 2, "syllable": 3,
    "walked": 1, "played": 1, "eye": 1, "you": 1, "they": 1,
}  # fmt: skip


def test_syllable_rules_agree_with_the_dictionary_on_most_words(ta):
    wrong = {w: ta.count_syllables(w) for w, n in DICTIONARY.items() if ta.count_syllables(w) != n}
    assert len(wrong) <= len(DICTIONARY) // 10, wrong


@pytest.mark.parametrize("word", ["1994", "hmm", "x", "", "Ça"])
def test_every_word_has_at_least_one_syllable(ta, word):
    assert ta.count_syllables(word) >= 1


def test_syllables_ignore_case_and_accents(ta):
    assert ta.count_syllables("TABLE") == ta.count_syllables("table")
    assert ta.count_syllables("café") == ta.count_syllables("cafe")
