"""Cleaning and sentence splitting: the Enron-Spam tokenisation, forwards, greetings, sign-offs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from level1.email_digest.text import (
    clean_body,
    detokenize,
    is_greeting,
    is_sign_off,
    sign_off_name,
    split_sentences,
    strip_greeting,
    top_part,
)

ENRON_SPAM_BODY = (
    "daren , can these deals be extended or are there new deals to replace the ones\r\n"
    "indicated below ?\r\n"
    "thanks , stella\r\n"
    "- - - - - - - - - - - - - - - - - - - - - - forwarded by stella l morris / hou / ect on 03 / 03 / 2000\r\n"
    "02 : 27 pm - - - - - - - - - - - - - - - - - - - - - - - - - - -\r\n"
    "anita luong\r\n"
    "03 / 03 / 2000 01 : 35 pm\r\n"
    "to : stella l morris / hou / ect @ ect\r\n"
    "cc : megan parker / corp / enron @ enron\r\n"
    "subject : meter 9643 for 1 / 2000\r\n"
    "stella ,\r\n"
    "this is fred ' s meter but i ' m helping him out . can you please extend 2 deals\r\n"
    "at meter 9643 .\r\n"
)


def test_detokenize_glues_punctuation_back():
    text = "i ' m going to estimate 4 , 500 on 12 / 13 / 99 at 2 : 00 p . m . , thanks ."
    assert detokenize(text) == "i'm going to estimate 4,500 on 12/13/99 at 2:00 pm, thanks."


def test_detokenize_leaves_ordinary_prose_alone():
    text = "Hi John, the 4,500 figure is from 12/13/99. Thanks."
    assert detokenize(text) == text


def test_clean_body_drops_forward_headers_and_separators():
    cleaned = clean_body(ENRON_SPAM_BODY)
    assert "forwarded by" not in cleaned
    assert "@ ect" not in cleaned
    assert "cc :" not in cleaned
    assert "subject :" not in cleaned
    assert "03/03/2000 01:35 pm" not in cleaned
    assert "can you please extend 2 deals at meter 9643." in " ".join(cleaned.split())


def test_a_line_ending_in_a_date_is_content_not_a_stamp():
    body = "Please send it by 4/6/01\nanita luong 03/03/2000 01:35 pm\n03/03/2000\n"
    assert clean_body(body) == "Please send it by 4/6/01"


def test_top_part_stops_at_the_forwarded_block():
    assert top_part(ENRON_SPAM_BODY).strip().endswith("thanks, stella")


def test_split_sentences_joins_hard_wrapped_lines():
    sentences = split_sentences(clean_body(ENRON_SPAM_BODY))
    assert sentences[0] == (
        "daren, can these deals be extended or are there new deals to replace the ones indicated below?"
    )


def test_split_sentences_one_per_line_and_within_lines():
    text = (
        "Could you please do me a favor?\nI would like to read it. You should have a copy.\nThanks,"
    )
    assert split_sentences(text) == [
        "Could you please do me a favor?",
        "I would like to read it.",
        "You should have a copy.",
        "Thanks,",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Lay and Mrs. Smith will attend.",
        "James W. Reitmeyer sent it.",
        "We start at 9 a.m. on Monday.",
    ],
)
def test_abbreviations_and_initials_do_not_split(text):
    assert split_sentences(text) == [text]


@settings(max_examples=50)
@given(st.text(max_size=300))
def test_split_sentences_keeps_every_word(text):
    words_in = "".join(text.split())
    assert "".join("".join(split_sentences(text)).split()) == words_in


@pytest.mark.parametrize(
    "sentence", ["Phillip,", "Hi all,", "carlos,", "Good morning team", "Dear John:"]
)
def test_greetings(sentence):
    assert is_greeting(sentence)


@pytest.mark.parametrize("sentence", ["However, we disagree.", "Thanks,", "The meter 9643 flowed."])
def test_not_greetings(sentence):
    assert not is_greeting(sentence)


@pytest.mark.parametrize("sentence", ["Thanks,", "thanks, stella", "Best regards", "Thank you!"])
def test_sign_offs(sentence):
    assert is_sign_off(sentence)


def test_strip_greeting_keeps_discourse_words():
    assert strip_greeting("Phillip,   Could you please help?") == "Could you please help?"
    assert strip_greeting("However, no one is interested.") == "However, no one is interested."


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Please call me.\nthanks , stella", "stella"),
        ("Please call me.\nThanks,\nLouise", "Louise"),
        ("Please call me.\nBest regards,\nAnn Lee", "Ann Lee"),
        ("Here are my comments.\nCheers Kirk", "Kirk"),
        ("If you have any questions, give me a call.\nDP", "DP"),
        ("Please call me.\nBest Regards", None),
        ("Please call me.\nThank you very much", None),
        ("Please call me at noon.", None),
        (ENRON_SPAM_BODY, "stella"),  # the forwarded part's "stella ," is not a signature
    ],
)
def test_sign_off_name(body, name):
    assert sign_off_name(body) == name
