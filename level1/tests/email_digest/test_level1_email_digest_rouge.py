"""The small ROUGE implementation, checked against Google's rouge-score as the oracle."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rouge_score import rouge_scorer

from level1.email_digest.aeslc import references, score_summaries
from level1.email_digest.rouge import lcs_length, rouge_n, tokenize

GOOGLE = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)
WORDS = st.sampled_from(
    ["the", "gas", "meter", "deal", "flow", "9643", "Friday", "re:", "a-b", "café", ""]
)
TEXTS = st.lists(WORDS, max_size=12).map(" ".join)


@pytest.fixture(scope="module")
def ed(solution):
    return solution("level1.email_digest")


@settings(max_examples=150)
@given(candidate=TEXTS, reference=TEXTS)
def test_matches_rouge_score(ed, candidate, reference):
    ours = ed.rouge(candidate, reference)
    theirs = GOOGLE.score(reference, candidate)
    for key in ("rouge1", "rouge2", "rougeL"):
        assert ours[key].precision == pytest.approx(theirs[key].precision)
        assert ours[key].recall == pytest.approx(theirs[key].recall)
        assert ours[key].fmeasure == pytest.approx(theirs[key].fmeasure)


@settings(max_examples=50)
@given(st.text(max_size=60), st.text(max_size=60))
def test_matches_rouge_score_on_any_text(ed, candidate, reference):
    ours = ed.rouge(candidate, reference)
    theirs = GOOGLE.score(reference, candidate)
    assert ours["rougeL"].fmeasure == pytest.approx(theirs["rougeL"].fmeasure)
    assert ours["rouge2"].fmeasure == pytest.approx(theirs["rouge2"].fmeasure)


def test_worked_example(ed):
    scores = ed.rouge("please send the title policy", "need copy of title policy")
    assert scores["rouge1"].precision == pytest.approx(2 / 5)
    assert scores["rouge1"].recall == pytest.approx(2 / 5)
    assert scores["rouge2"].fmeasure == pytest.approx(1 / 4)  # "title policy" of 4 bigrams each
    assert scores["rougeL"].fmeasure == pytest.approx(2 / 5)


def test_identical_and_disjoint(ed):
    assert ed.rouge("a b c", "a b c")["rougeL"].fmeasure == 1.0
    assert ed.rouge("a b c", "x y z")["rouge1"].fmeasure == 0.0
    assert ed.rouge("", "x y z")["rougeL"].fmeasure == 0.0


def test_tokenize_like_rouge_score():
    assert tokenize("Re: Café-meter #9643!") == ["re", "caf", "meter", "9643"]


def test_lcs_and_bad_n():
    assert lcs_length(["a", "b", "c", "d"], ["b", "d", "a"]) == 2
    with pytest.raises(ValueError, match="n must be"):
        rouge_n("a", "a", 0)


def test_references_and_scoring():
    text = "body\n\n@subject\nS\n\n@ann0\nfirst ref\n\n@ann1\nsecond\n\n@ann2\nthird one"
    assert references(text) == ["first ref", "second", "third one"]
    from level1.email_digest.aeslc import Example

    examples = [Example(path=__import__("pathlib").Path("x"), references=["a b", "c d"])]
    scores = score_summaries(["a b"], examples)
    assert scores["max"]["rouge1"] == 1.0
    assert scores["mean"]["rouge1"] == 0.5
