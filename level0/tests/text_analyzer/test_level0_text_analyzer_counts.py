"""Counts against hand-computed fixtures: words, sentences, paragraphs, Unicode, top lists."""

from __future__ import annotations

from collections import Counter
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def ta(solution) -> ModuleType:
    return solution("level0.text_analyzer")


FOX = "The quick brown fox jumps over the lazy dog. The dog sleeps!\n\nIs the fox quick? Yes.\n"


def test_hand_counted_fixture(ta):
    report = ta.analyze_text(FOX)
    # Counted by hand: 44 + 16 characters in line one, 2 line breaks, 17 + 5 + 1 after.
    assert report.characters == 85
    assert report.words == 17  # 9 + 3 + 4 + 1
    assert report.unique_words == 11
    assert report.sentences == 4
    assert report.paragraphs == 2
    assert report.syllables == 19  # every word has one syllable except over (2), lazy (2)
    assert report.average_word_length == pytest.approx(63 / 17)
    assert report.average_sentence_length == pytest.approx(17 / 4)
    assert report.lexical_diversity == pytest.approx(11 / 17)
    assert report.top_words[:4] == [("the", 4), ("dog", 2), ("fox", 2), ("quick", 2)]


def test_bigrams_stay_inside_sentences(ta):
    report = ta.analyze_text(FOX, top=50)
    bigrams = dict(report.top_ngrams)
    assert len(bigrams) == 13  # 8 + 2 + 3 + 0, all different
    assert bigrams["the quick"] == 1
    assert "dog the" not in bigrams  # would cross "dog. The"
    assert "sleeps is" not in bigrams  # would cross a paragraph break


def test_trigrams(ta):
    report = ta.analyze_text("a b c d. a b c.", ngram=3)
    assert report.top_ngrams == [("a b c", 2), ("b c d", 1)]


def test_stop_words_are_left_out_of_the_second_list(ta):
    report = ta.analyze_text(FOX, top=3)
    assert report.top_words_without_stop_words == [("dog", 2), ("fox", 2), ("quick", 2)]
    assert "the" in ta.STOP_WORDS
    assert "fox" not in ta.STOP_WORDS


def test_top_items_break_ties_alphabetically(ta):
    counts = Counter({"pear": 2, "apple": 2, "fig": 5, "kiwi": 1})
    assert ta.top_items(counts, 3) == [("fig", 5), ("apple", 2), ("pear", 2)]
    assert ta.top_items(counts, 2, exclude={"fig"}) == [("apple", 2), ("pear", 2)]


def test_empty_text_has_no_averages(ta):
    report = ta.analyze_text("")
    assert (report.characters, report.words, report.sentences, report.paragraphs) == (0, 0, 0, 0)
    assert report.average_word_length is None
    assert report.flesch_reading_ease is None
    assert report.top_words == []


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Pi is 3.14 today. Really?", 2),  # a decimal point does not end a sentence
        ("Wait... what?! Fine", 3),  # a run of marks is one ending; the last needs none
        ('He said "Stop." Then he left.', 2),  # an ending before a closing quote
        ("(Quietly.) Next one.", 2),  # ... or a closing bracket
        ("No ending at all", 1),
        ("...!?", 0),  # no words, no sentence
        ("Heading\n\nBody text. More", 3),  # a paragraph break ends a sentence too
        ("我爱你。你好！", 2),  # CJK full stops need no space after them
    ],
)
def test_sentence_rules(ta, text, sentences):
    assert ta.analyze_text(text).sentences == sentences


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("one\ntwo", 1),
        ("one\n\ntwo", 2),
        ("one\n \t\n\n\ntwo", 2),  # blank lines may hold spaces; many count as one break
        ("\n\n\none\n\n\n", 1),
        ("one\u2029two", 2),  # U+2029 PARAGRAPH SEPARATOR
        ("one\r\n\r\ntwo", 2),  # Windows line ends
        ("one\n\n...\n\ntwo", 2),  # a block without words is not a paragraph
    ],
)
def test_paragraph_rules(ta, text, paragraphs):
    assert ta.analyze_text(text).paragraphs == paragraphs


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("don't stop", ["don't", "stop"]),
        ("don’t stop", ["don't", "stop"]),  # a curly apostrophe counts as a straight one
        ("a well-known fact", ["a", "well-known", "fact"]),
        ("it cost 7.5 or 1,000 at 10:30", ["it", "cost", "7.5", "or", "1,000", "at", "10:30"]),
        ("snake_case -- dash", ["snake", "case", "dash"]),
        ("e-mail, e.g. this", ["e-mail", "e", "g", "this"]),
    ],
)
def test_word_rules(ta, text, words):
    assert ta.analyze_text(text, top=20).words == len(words)
    assert dict(ta.analyze_text(text, top=20).top_words) == dict(Counter(words))


def test_crlf_counts_as_one_character(ta):
    assert ta.analyze_text("a\r\nb\rc").characters == ta.analyze_text("a\nb\nc").characters == 5


def test_unicode_is_normalised_to_nfc(ta):
    decomposed = "cafe\u0301"  # e + combining acute accent
    report = ta.analyze_text(f"{decomposed} café")
    assert report.characters == 9  # "café café": the accent composed into é
    assert report.top_words == [("café", 2)]


def test_case_is_folded_not_lowered(ta):
    # str.lower keeps 'ß', so only casefold makes these three the same word.
    report = ta.analyze_text("Straße STRASSE strasse")
    assert report.top_words == [("strasse", 3)]


def test_words_keep_their_combining_marks(ta):
    report = ta.analyze_text("हिन्दी भाषा")  # Devanagari vowel signs are combining marks
    assert report.words == 2
    assert dict(report.top_words) == {"हिन्दी": 1, "भाषा": 1}


def test_report_as_dict_is_json_ready(ta):
    import json

    data = json.loads(json.dumps(ta.analyze_text(FOX).to_dict()))
    assert data["words"] == 17
    assert data["top_words"][0] == ["the", 4]
    assert data["ngram"] == 2


def test_table_shows_the_figures(ta):
    table = ta.format_report(ta.analyze_text(FOX))
    assert "sentences" in table
    assert "Flesch reading ease" in table
    assert "quick brown" in table


def test_ngram_length_and_vocabulary_are_bounded(ta):
    with pytest.raises(ValueError, match="from 1 to 10"):
        ta.TextAnalyzer(10**22)
    analyzer = ta.TextAnalyzer(2, max_words=3)
    analyzer.feed("one two three ")
    with pytest.raises(ta.VocabularyTooLarge, match="more than 3 distinct words"):
        analyzer.feed("four five ")
