"""Entities: hand-written cases in tables, and properties that hold for any text."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

NOW = datetime(2025, 6, 2, 9, 30)  # Monday 2 June 2025


def found(chatbot, text, kind=None):
    return [
        (e.kind, e.value) for e in chatbot.extract_entities(text, NOW) if kind in (None, e.kind)
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("add 3 eggs", 3.0),
        ("I need three eggs", 3.0),
        ("it is 2.5 metres", 2.5),
        ("we sold 1,200 copies", 1200.0),
        ("twenty-five people", 25.0),
        ("ninety nine problems", 99.0),
        ("it costs 0.75", 0.75),
    ],
)
def test_numbers(chatbot, text, value):
    assert found(chatbot, text, "number") == [("number", value)]


@pytest.mark.parametrize("text", ["someone is here", "the tent is up", "version 3.1.4", "a1b2"])
def test_no_number_inside_words_or_versions(chatbot, text):
    assert found(chatbot, text, "number") == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("send $20 to mom", 20.0, "USD"),
        ("it was 20 euros", 20.0, "EUR"),
        ("£5.50 for a coffee", 5.5, "GBP"),
        ("transfer 1,200 dollars", 1200.0, "USD"),
        ("about €3 each", 3.0, "EUR"),
        ("ten pounds", 10.0, "GBP"),
        ("500 yen", 500.0, "JPY"),
    ],
)
def test_money(chatbot, text, amount, currency):
    assert found(chatbot, text) == [("money", {"amount": amount, "currency": currency})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weather today", [("date", "2025-06-02")]),
        ("what about tomorrow?", [("date", "2025-06-03")]),
        ("the day after tomorrow", [("date", "2025-06-04")]),
        ("yesterday", [("date", "2025-06-01")]),
        ("on friday", [("date", "2025-06-06")]),
        ("monday", [("date", "2025-06-02")]),  # today is a Monday: "monday" is today
        ("next monday", [("date", "2025-06-09")]),
        ("next Sunday", [("date", "2025-06-08")]),
        ("at 5", [("time", "17:00")]),
        ("at 9", [("time", "09:00")]),
        ("at 5pm", [("time", "17:00")]),
        ("5 am", [("time", "05:00")]),
        ("12pm", [("time", "12:00")]),
        ("12 a.m.", [("time", "00:00")]),
        ("17:30", [("time", "17:30")]),
        ("at 9:15 pm", [("time", "21:15")]),
        ("noon", [("time", "12:00")]),
        ("tomorrow at 5", [("date", "2025-06-03"), ("time", "17:00")]),
        ("meet on friday at 10am", [("date", "2025-06-06"), ("time", "10:00")]),
    ],
)
def test_dates_and_times(chatbot, text, expected):
    assert found(chatbot, text) == expected


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("weather in lisbon", "Lisbon"),
        ("Weather in LISBON?", "Lisbon"),
        ("is it raining in new york", "New York"),
        ("flights to rio de janeiro", "Rio de Janeiro"),
        ("what about new york city tomorrow", "New York City"),  # the longest name wins
        ("in sao paulo", "Sao Paulo"),
        ("xi'an", "Xi'an"),
    ],
)
def test_cities_from_the_gazetteer(chatbot, text, city):
    assert found(chatbot, text, "city") == [("city", city)]


@pytest.mark.parametrize("text", ["that's nice", "romero", "parisian cafes", "newark"])
def test_no_city_in_other_words(chatbot, text):
    assert found(chatbot, text, "city") == []


def test_the_gazetteer_is_a_few_hundred_cities(chatbot):
    names = chatbot.gazetteer()
    assert 250 <= len(names) <= 1000
    assert {"lisbon", "new york", "rio de janeiro"} <= set(names)


def test_a_number_in_an_amount_or_a_time_is_not_reported_twice(chatbot):
    kinds = [kind for kind, _ in found(chatbot, "pay $20 tomorrow at 5 for 3 tickets")]
    assert kinds == ["money", "date", "time", "number"]


def test_entities_come_in_text_order_with_their_spans(chatbot):
    text = "weather in paris tomorrow at 17:30"
    for entity in chatbot.extract_entities(text, NOW):
        assert text[entity.start : entity.end] == entity.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_well_formed_non_overlapping_entities(chatbot, text):
    entities = chatbot.extract_entities(text, NOW)
    spans = [(e.start, e.end) for e in entities]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    assert all(text[e.start : e.end] == e.text for e in entities)
