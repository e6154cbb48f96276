"""The one-line summary: a sensible sentence, centrality checked against scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics.pairwise import cosine_similarity

from level1.email_digest.summary import Summariser, candidate_sentences, centrality, lead_sentence

AESLC_STYLE = (
    "Phillip,   Could you please do me a favor?\n"
    "I would like  to read your current title policy to see what it says about easements.\n"
    "You  should have received a copy during your closing.\n"
    "Thanks,\n"
)
OFF_TOPIC_FIRST = (
    "Hope you had a good weekend.\n"
    "The pipeline maintenance moves the gas nominations for the pipeline to Tuesday.\n"
    "Gas nominations for Tuesday must reflect the pipeline maintenance.\n"
    "The pipeline maintenance ends Wednesday and nominations return to normal.\n"
)


@pytest.fixture(scope="module")
def ed(solution):
    return solution("level1.email_digest")


def test_summary_skips_the_greeting_and_keeps_the_request(ed):
    assert ed.summarise(AESLC_STYLE) == "Could you please do me a favor?"


def test_lead_baseline_keeps_the_greeting():
    assert lead_sentence(AESLC_STYLE) == "Phillip, Could you please do me a favor?"


def test_candidates_drop_sign_offs_and_fragments():
    assert candidate_sentences(AESLC_STYLE) == [
        "Could you please do me a favor?",
        "I would like to read your current title policy to see what it says about easements.",
        "You should have received a copy during your closing.",
    ]


def test_a_weak_prior_lets_the_central_sentence_win(ed):
    assert ed.summarise(OFF_TOPIC_FIRST, position_weight=0.0) != "Hope you had a good weekend."
    assert "pipeline maintenance" in ed.summarise(OFF_TOPIC_FIRST, position_weight=0.0)


def test_a_strong_prior_picks_the_first_sentence(ed):
    assert ed.summarise(OFF_TOPIC_FIRST, position_weight=10.0) == "Hope you had a good weekend."


def test_empty_and_single_sentence_bodies(ed):
    assert ed.summarise("") == ""
    assert ed.summarise("Only one line here") == "Only one line here"


def test_negative_weight_is_refused():
    with pytest.raises(ValueError, match="position_weight"):
        Summariser(position_weight=-1)


def test_summary_comes_from_the_body_only(ed, tmp_path):
    """The AESLC annotations are references: changing them must not change the summary."""
    body = AESLC_STYLE + "\n@subject\nTitle policy\n\n"
    first = tmp_path / "a.subject"
    first.write_text(body + "@ann0\ncopy of title policy\n\n@ann1\nfavor\n\n@ann2\neasements")
    second = tmp_path / "b.subject"
    second.write_text(body + "@ann0\nsomething else entirely\n\n@ann1\nx\n\n@ann2\ny")
    emails = ed.read_source(tmp_path).emails
    assert "copy of title policy" not in emails[0].body
    assert "@ann" not in emails[0].body
    assert ed.summarise(emails[0].body) == ed.summarise(emails[1].body)


@settings(max_examples=30)
@given(
    st.lists(
        st.lists(st.floats(min_value=0, max_value=1, allow_nan=False), min_size=5, max_size=5),
        min_size=2,
        max_size=6,
    )
)
def test_centrality_matches_sklearn_cosine(rows):
    vectors = np.array(rows)
    expected = [
        cosine_similarity(vectors[i : i + 1], (vectors.sum(axis=0) - vectors[i])[None, :])[0, 0]
        for i in range(len(vectors))
    ]
    assert np.allclose(centrality(vectors), expected)


def test_scores_add_the_position_prior():
    summariser = Summariser(position_weight=0.5).fit([OFF_TOPIC_FIRST])
    sentences = candidate_sentences(OFF_TOPIC_FIRST)
    plain = Summariser(position_weight=0.0).fit([OFF_TOPIC_FIRST]).scores(sentences)
    expected = plain + 0.5 * np.exp(-np.arange(len(sentences)))
    assert np.allclose(summariser.scores(sentences), expected)
