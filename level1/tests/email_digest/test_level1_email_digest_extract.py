"""Extraction rules on hand-written sentences: dates, deadlines, requests and imperatives."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

WEDNESDAY = date(2001, 4, 4)


@pytest.fixture(scope="module")
def ed(solution):
    return solution("level1.email_digest")


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "when"),
    [
        ("The file is due 10/24/01 at noon.", "10/24/01", date(2001, 10, 24)),
        ("Starting 2001-05-17 we flow again.", "2001-05-17", date(2001, 5, 17)),
        ("plans by January 7th, 2002 please", "January 7th, 2002", date(2002, 1, 7)),
        ("effective april 1 the volumes change", "april 1", date(2001, 4, 1)),
        ("meeting on the 3rd of May", "3rd of May", date(2001, 5, 3)),
        ("see you on Friday", "Friday", date(2001, 4, 6)),
        ("see you next Friday", "next Friday", date(2001, 4, 13)),
        ("it broke last Monday", "last Monday", date(2001, 4, 2)),
        ("call me tomorrow", "tomorrow", date(2001, 4, 5)),
        ("by end of the week", "end of the week", date(2001, 4, 6)),
        ("Thursday, March 3rd we meet", "Thursday, March 3rd", date(2001, 3, 3)),
    ],
)
def test_find_dates_reads_and_resolves(ed, text, mention, when):
    found = ed.find_dates(text, WEDNESDAY)
    assert [(m.text, m.when) for m in found] == [(mention, when)]


def test_relative_dates_stay_unresolved_without_the_email_date(ed):
    found = ed.find_dates("send it Friday or tomorrow", None)
    assert [m.text for m in found] == ["Friday", "tomorrow"]
    assert all(m.when is None for m in found)


@pytest.mark.parametrize(
    "text", ["13/45 is not a date", "ratio 3/4000", "phone 713-853-6905", "no dates here"]
)
def test_find_dates_ignores_non_dates(ed, text):
    assert ed.find_dates(text, WEDNESDAY) == []


def test_enron_spam_tokenised_dates_are_found_after_clean_up(ed):
    text = ed.clean_body("the deal expired on 2 / 29 / 2000 . the flow for 3 / 2000 , was fine .")
    assert [m.when for m in ed.find_dates(text, None)] == [date(2000, 2, 29)]


@settings(max_examples=60)
@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31)))
def test_numeric_dates_round_trip(day):
    from level1.email_digest.extract import find_dates

    text = f"on {day.month}/{day.day}/{day.year} and"
    assert [m.when for m in find_dates(text)] == [day]


@settings(max_examples=60)
@given(st.text(alphabet=st.sampled_from("ab 01/9,.-Friday by May"), max_size=60))
def test_mentions_are_ordered_non_overlapping_spans_of_the_text(text):
    from level1.email_digest.extract import find_dates

    found = find_dates(text, WEDNESDAY)
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    for first, second in itertools.pairwise(found):
        assert first.end <= second.start


# --- deadlines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "deadline", "when"),
    [
        ("Please send the report by Friday.", "by Friday", date(2001, 4, 6)),
        ("The survey is due 10/24/01.", "due 10/24/01", date(2001, 10, 24)),
        ("Reply no later than Thursday, 6/8.", "no later than Thursday", date(2001, 4, 5)),
        ("Have it done before May 3rd.", "before May 3rd", date(2001, 5, 3)),
        ("by the end of the week please", "by the end of the week", date(2001, 4, 6)),
        ("Please respond asap.", "asap", WEDNESDAY),
    ],
)
def test_find_deadlines(ed, text, deadline, when):
    found = ed.find_deadlines(text, WEDNESDAY)
    assert (found[0].text, found[0].when) == (deadline, when)


def test_a_date_without_a_cue_is_not_a_deadline(ed):
    assert ed.find_deadlines("We met on Friday, May 4 to talk.", WEDNESDAY) == []


# --- action items ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Please send me the signed contract.", "request: please"),
        ("Phillip, could you please do me a favor?", "request: please"),
        ("Can you verify whether there was a deal?", "request: question to the reader"),
        ("I need you to review the numbers.", "request: need you to"),
        ("Let me know how you want to proceed.", "request: let me know"),
        ("Make sure the file goes out today.", "request: reminder"),
        ("Send me the final numbers.", "imperative: send"),
        ("call linda and get everything set up.", "imperative: call"),
        ("is 43,482 right?", "question"),
    ],
)
def test_action_rules_fire(ed, sentence, rule):
    actions = ed.find_actions([sentence])
    assert [a.rule for a in actions] == [rule]


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have any questions, please call me.",
        "Please do not reply to this address.",
        "Please find attached the report.",
        "Please note that the office is closed.",
        "Thanks for your help.",
        "Review of the budget is complete.",
        "Call is at 3 pm.",
        "The meter flowed 5,000 yesterday.",
        "(see attached file: hplo 616.xls)",
    ],
)
def test_politeness_statements_and_nouns_are_not_actions(ed, sentence):
    assert ed.find_actions([sentence]) == []


def test_a_neutral_phrase_does_not_hide_a_request(ed):
    actions = ed.find_actions(["Per her reply (see below), can you help me with this?"])
    assert len(actions) == 1


def test_action_text_has_the_greeting_removed(ed):
    (action,) = ed.find_actions(["Phillip, could you please do me a favor?"])
    assert action.text == "could you please do me a favor?"


def test_weekday_resolution_is_within_a_week_of_the_email():
    from level1.email_digest.extract import find_dates

    for offset in range(7):
        reference = WEDNESDAY + timedelta(days=offset)
        for name in ("Monday", "Friday", "Sunday"):
            (mention,) = find_dates(f"on {name}", reference)
            assert mention.when is not None
            assert 0 <= (mention.when - reference).days < 7
            assert mention.when.strftime("%A") == name
