"""The dialogue: scripted conversations with the real model, and the state machine on a stub.

Each script is a list of (what the user types, a fragment the bot's reply must contain).
The clock is fixed at Monday 2 June 2025, the first day of level 0's weather fixtures.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SCRIPTS = {
    "asks for the city, then answers and follows up": [
        ("what's the weather like?", "Which city?"),
        ("Lisbon", "Lisbon, Portugal today: partly cloudy, 16.4 to 25.1 °C"),
        ("and tomorrow?", "Lisbon, Portugal on Tuesday 3 June: mainly clear, 17.2 to 27.4 °C"),
        ("what about on friday?", "on Friday 6 June"),
    ],
    "a city in the question": [
        ("what is the weather in lisbon tomorrow", "Lisbon, Portugal on Tuesday 3 June"),
    ],
    "an unknown place, in the question or as the answer": [
        ("what's the weather in atlantis", "I don't know a place called atlantis."),
        ("what's the weather?", "Which city?"),
        ("Atlantis", "I don't know a place called Atlantis."),
    ],
    "a place the weather server does not know, though the gazetteer does": [
        ("what's the weather in paris", "I don't know a place called Paris."),
    ],
    "to-do list: add, ask for the item, list": [
        ("add buy milk to my to-do list", "Added to your to-do list: buy milk (#1)."),
        ("add to my todo list", "What should I add to your to-do list?"),
        ("call the plumber", "Added to your to-do list: call the plumber (#2)."),
        ("what's on my to do list", "You have 2 things to do: 1. buy milk; 2. call the plumber."),
    ],
    "a new request while the bot waits for a city": [
        ("what's the weather?", "Which city?"),
        ("tell me a joke", "UDP joke"),
    ],
    "cancel a question": [
        ("what's the weather?", "Which city?"),
        ("never mind", "OK, forget it."),
        ("Lisbon", "I can't"),  # no pending question any more: "Lisbon" alone is not a request
    ],
    "calculator and units": [
        ("what is 12 times 7", "12*7 = 84"),
        ("what is 9**9**9", "too big for me"),
        ("what is 10 divided by 0", "divide by zero"),
        ("convert 5 km to miles", "5 kilometres = 3.1069 miles"),
        ("how many feet are in 3 meters", "3 metres = 9.8425 feet"),
    ],
    "date, time, small talk": [
        ("hello", "Hello!"),
        ("what time is it", "It is 09:30"),
        ("what's the date today", "Today is Monday 2 June 2025."),
        ("thank you", "You're welcome."),
        ("goodbye", "Goodbye!"),
    ],
    "in scope without a skill, and out of scope": [
        ("what's my credit score", "I understood that you want credit score (credit cards)"),
        ("who won the world cup in 1998", "Sorry, I can't help with that."),
    ],
}


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPTS.keys())
def test_scripted_conversation(chatbot, bot, script):
    context = chatbot.Context()
    for text, expected in script:
        assert expected in bot.reply(text, context).text, text


def test_a_reply_reports_what_was_understood(chatbot, bot):
    reply = bot.reply("weather in lisbon tomorrow at 5pm", chatbot.Context())
    assert reply.intent == "weather"
    assert 0.5 < reply.confidence <= 1
    assert [e["kind"] for e in reply.as_dict()["entities"]] == ["city", "date", "time"]


class Stub:
    """An understanding component that knows three phrases: the dialogue works with any."""

    def understand(self, text, now):
        from level5.chatbot.dialogue import Understanding
        from level5.chatbot.entities import extract_entities

        intent = {"forecast please": "GetWeather", "play music": "PlayMusic"}.get(text, "oos")
        return Understanding(intent, 1.0, extract_entities(text, now))


def test_the_understanding_component_and_the_intent_table_are_swappable(chatbot):
    def forecast(request):
        if "city" not in request.slots:
            return chatbot.Ask("city", "Where?")
        return f"sunny in {request.slots['city']} on {request.slots.get('date', 'today')}"

    bot = chatbot.Bot(
        Stub(), {"weather": forecast}, {"GetWeather": "weather"}, clock=lambda: datetime(2025, 6, 2)
    )
    context = chatbot.Context()
    replies = [
        bot.reply(text, context).text
        for text in ("forecast please", "Oslo", "and tomorrow?", "play music")
    ]
    assert replies == [
        "Where?",
        "sunny in Oslo on today",
        "sunny in Oslo on 2025-06-03",
        "I understood that you want PlayMusic, but I can't do that yet.",
    ]


def test_a_follow_up_needs_a_city_date_or_time_from_the_last_request(chatbot):
    seen = []

    def note(request):
        seen.append(request.slots)
        return "noted"

    bot = chatbot.Bot(
        Stub(), {"note": note}, {"GetWeather": "note"}, clock=lambda: datetime(2025, 6, 2)
    )
    context = chatbot.Context()
    assert bot.reply("forecast please", context).text == "noted"  # no slots: nothing to follow up
    assert bot.reply("and tomorrow?", context).text.startswith("Sorry, I can't help")
    assert seen == [{}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", "Say something"), ("   \n\t", "Say something"), ("x" * 1001, "under 1,000 characters")],
)
def test_empty_and_overlong_texts(chatbot, bot, text, expected):
    assert expected in bot.reply(text, chatbot.Context()).text


TURNS = (
    st.text(max_size=200)  # any Unicode
    | st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=50)  # control characters
    | st.text(alphabet="0123456789 .,$at", min_size=950, max_size=1050)  # long, near the limit
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        TURNS | st.sampled_from(["what's the weather?", "and tomorrow?", "add", "9**9**9"]),
        max_size=4,
    )
)
def test_no_input_makes_the_bot_fail(chatbot, bot, turns):
    context = chatbot.Context()
    for text in turns:
        reply = bot.reply(text, context)
        assert isinstance(reply.text, str)
        assert reply.text
        assert 0.0 <= reply.confidence <= 1.0
