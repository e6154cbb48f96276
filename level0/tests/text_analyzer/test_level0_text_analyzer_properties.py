"""Properties: chunking, concatenation, case and whitespace do not change what is counted."""

from __future__ import annotations

import itertools
from collections import Counter
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def ta(solution) -> ModuleType:
    return solution("level0.text_analyzer")


# Letters (some accented, one decomposed), digits, joiners, sentence marks, quotes and
# every kind of line break: enough to hit each rule and each chunk-boundary case.
ALPHABET = "abcXYZéÉß\u0301019'-.!?\" \t\n\r\u2029"
texts = st.text(alphabet=ALPHABET, max_size=80)


def counts(ta: ModuleType, analyzer) -> tuple:
    return (
        analyzer.characters,
        analyzer.words,
        analyzer.sentences,
        analyzer.paragraphs,
        analyzer.word_characters,
        dict(analyzer.word_counts),
        dict(analyzer.ngram_counts),
    )


def analyse(ta: ModuleType, chunks: list[str], ngram: int = 2):
    analyzer = ta.TextAnalyzer(ngram)
    for chunk in chunks:
        analyzer.feed(chunk)
    analyzer.end_document()
    return analyzer


@given(texts, st.lists(st.integers(0, 80), max_size=8), st.integers(1, 3))
def test_any_chunking_gives_the_same_counts(ta, text, cuts, ngram):
    points = sorted({min(c, len(text)) for c in cuts})
    chunks = [text[a:b] for a, b in itertools.pairwise([0, *points, len(text)])]
    assert counts(ta, analyse(ta, chunks, ngram)) == counts(ta, analyse(ta, [text], ngram))


@given(texts, texts)
def test_counts_add_up_over_a_paragraph_break(ta, first, second):
    separator = " \n\n"  # starts with a space, so a trailing '\r' cannot pair with it
    whole = analyse(ta, [first + separator + second])
    a, b = analyse(ta, [first]), analyse(ta, [second])
    assert whole.characters == a.characters + len(separator) + b.characters
    assert whole.words == a.words + b.words
    assert whole.sentences == a.sentences + b.sentences
    assert whole.paragraphs == a.paragraphs + b.paragraphs
    assert whole.word_counts == a.word_counts + b.word_counts
    assert whole.ngram_counts == a.ngram_counts + b.ngram_counts


case_texts = st.text(alphabet="abcxyzABCXYZéÉàßÀ019'-.!? \n", max_size=80)


@given(case_texts, st.sampled_from([str.upper, str.lower, str.swapcase, str.title]))
def test_case_does_not_change_the_counts(ta, text, change_case):
    original, changed = analyse(ta, [text]), analyse(ta, [change_case(text)])
    assert changed.words == original.words
    assert changed.sentences == original.sentences
    assert changed.paragraphs == original.paragraphs
    assert changed.word_counts == original.word_counts
    assert changed.ngram_counts == original.ngram_counts


words = st.text(alphabet="abcéß019.,!?'-", min_size=1, max_size=6)
single_gaps = st.sampled_from([" ", "  ", "\t", " \t ", "\n", "\u00a0", "\u2003"])


@given(st.lists(st.tuples(words, single_gaps), max_size=15))
def test_whitespace_within_a_paragraph_does_not_matter(ta, pairs):
    spaced = "".join(word + gap for word, gap in pairs)
    plain = " ".join(word for word, _ in pairs)
    a, b = analyse(ta, [spaced]), analyse(ta, [plain])
    assert (a.words, a.sentences, a.paragraphs) == (b.words, b.sentences, b.paragraphs)
    assert a.word_counts == b.word_counts
    assert a.ngram_counts == b.ngram_counts


# A generative oracle: build a document from known paragraphs/sentences/words, render it
# with varied punctuation and spacing, and expect exactly what went in.
plain_words = st.text(alphabet="abcdefghij", min_size=1, max_size=7)
sentences = st.tuples(
    st.lists(plain_words, min_size=1, max_size=8), st.sampled_from([".", "!", "?", "...", "?!"])
)
documents = st.lists(st.lists(sentences, min_size=1, max_size=4), min_size=1, max_size=4)


@settings(max_examples=60)
@given(
    documents, st.sampled_from([" ", "\n", "  "]), st.sampled_from(["\n\n", "\n \n\n", "\r\n\r\n"])
)
def test_generated_document_counts_match_its_structure(ta, document, sentence_gap, paragraph_gap):
    def render(words: list[str], mark: str) -> str:
        return " ".join([words[0].capitalize(), *words[1:]]) + mark

    text = paragraph_gap.join(
        sentence_gap.join(render(*s) for s in paragraph) for paragraph in document
    )
    report = ta.analyze_text(text, top=1000)
    all_sentences = [words for paragraph in document for words, _ in paragraph]
    expected_words = Counter(w for words in all_sentences for w in words)
    expected_bigrams = Counter(
        f"{a} {b}" for words in all_sentences for a, b in itertools.pairwise(words)
    )
    assert report.paragraphs == len(document)
    assert report.sentences == len(all_sentences)
    assert report.words == sum(expected_words.values())
    assert dict(report.top_words) == expected_words
    assert dict(report.top_ngrams) == expected_bigrams


@settings(max_examples=40)
@given(st.lists(st.sampled_from("abcdefgh"), max_size=300), st.integers(1, 6))
def test_bounded_ngram_table_never_undercounts_more_than_it_says(ta, letters, capacity):
    # One long sentence of one-letter words: bigram counts with a tiny table (Misra-Gries)
    # against exact counts.
    text = " ".join(letters)
    exact = ta.TextAnalyzer(2)
    bounded = ta.TextAnalyzer(2, max_ngrams=capacity)
    for analyzer in (exact, bounded):
        analyzer.feed(text)
        analyzer.end_document()
    assert len(bounded.ngram_counts) <= 2 * capacity
    slack = bounded.ngram_undercount
    assert slack <= max(len(letters) - 1, 0) / (capacity + 1)
    for gram, true_count in exact.ngram_counts.items():
        estimate = bounded.ngram_counts.get(gram, 0)
        assert estimate <= true_count <= estimate + slack
