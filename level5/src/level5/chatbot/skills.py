"""The bot's skills, built on earlier levels, and which CLINC intent each one answers.

A skill takes a :class:`~level5.chatbot.dialogue.Request` and returns the reply text,
or an :class:`~level5.chatbot.dialogue.Ask` when a slot is missing. ``INTENT_SKILLS`` is
the table a dialogue routes by; another understanding component (level 6's SNIPS
model) brings its own table for the same skills.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from level5.chatbot.calculator import CalculatorError, calculate, expression_in, format_number
from level5.chatbot.dialogue import Ask, Request, Skill
from level5.chatbot.units import ConversionError, conversion_in, convert, unit_name

__all__ = ["INTENT_SKILLS", "SMALL_TALK", "make_skills"]

SMALL_TALK = {
    "greeting": "Hello! Ask me about the weather, your to-do list, a sum or a unit conversion.",
    "goodbye": "Goodbye!",
    "thank_you": "You're welcome.",
    "tell_joke": "I would tell you a UDP joke, but you might not get it.",
    "what_is_your_name": "I'm the level 5 chatbot of ml-roadmap.",
    "how_old_are_you": "I was trained a few minutes ago, on 15,000 questions.",
    "are_you_a_bot": "Yes: a linear model on word and character n-grams, plus some rules.",
    "who_made_you": "A learner working through ml-roadmap's level 5.",
    "what_can_i_ask_you": (
        "The weather in a city, your to-do list (add or list), arithmetic, unit conversions, "
        "and the date or time."
    ),
    "meaning_of_life": "42, according to a well-known computer.",
}
INTENT_SKILLS = {  # CLINC150 intent -> skill name
    "weather": "weather",
    "todo_list": "todo",
    "todo_list_update": "todo",
    "calculator": "calculator",
    "measurement_conversion": "convert",
    "date": "date",
    "time": "time",
    **dict.fromkeys(SMALL_TALK, "small_talk"),
}

PLACE = re.compile(
    r"\b(?:in|for|at)\s+(?P<place>[^\W\d_][\w' .-]{0,40}?)"
    r"\s*(?:\b(?:today|tonight|tomorrow|on|next|this|at)\b.*)?[.!?]*$",
    re.IGNORECASE,
)
LIST_WORDS = re.compile(
    r"\s*\b(?:to|on|onto|in|into)?\s*(?:my|the)?\s*(?:to-?\s?do|todo)(?:\s+list)?\b", re.IGNORECASE
)
ADD = re.compile(r"\b(?:add|put|include|write down|note down|append)\s+(?P<item>.+)", re.IGNORECASE)


def make_skills(*, weather_url: str | None, todo_path: Path) -> dict[str, Skill]:
    """The skills by name: ``weather_url`` is an Open-Meteo-compatible server (None: the
    real one), ``todo_path`` the JSON file of level 0's task store."""

    def weather(request: Request) -> str | Ask:
        from level0.weather import CityNotFoundError, WeatherClient, WeatherError

        city = request.slots.get("city") or _place(request.text)
        if not city:
            return Ask("city", "Which city?")
        day = date.fromisoformat(request.slots.get("date") or request.now.date().isoformat())
        offset = (day - request.now.date()).days
        if not 0 <= offset < 16:
            return "I can only give a forecast for today and the next 15 days."
        try:
            with WeatherClient(weather_url, timeout=5.0, retries=1) as client:
                place = client.geocode(city)
                forecast = client.forecast(place, days=offset + 1)
        except CityNotFoundError:
            return f"I don't know a place called {city}."
        except WeatherError as exc:
            return f"The weather service is not answering right now ({exc})."
        if offset >= len(forecast.days):
            return f"I only have a forecast for {len(forecast.days)} days in {place.name}."
        forecast_day, unit = forecast.days[offset], forecast.units.get("temperature_2m_max", "°C")
        when = "today" if offset == 0 else f"on {forecast_day.date:%A %-d %B}"
        rain = forecast_day.precipitation_probability_max
        chance = f", {rain:g}% chance of rain" if rain is not None else ""
        return (
            f"{place.label} {when}: {forecast_day.description}, "
            f"{forecast_day.temperature_min:g} to {forecast_day.temperature_max:g} {unit}{chance}."
        )

    def todo(request: Request) -> str | Ask:
        from level0.task_manager import StoreError, TaskStore

        store = TaskStore(todo_path, lock_timeout=2.0)
        try:
            item = request.slots.get("item") or _item(request.text)
            if item or request.intent == "todo_list_update":
                if not item:
                    return Ask("item", "What should I add to your to-do list?")
                with store.change() as change:
                    task = change.book.add(item[:200])
                    change.description = f"chatbot: add #{task.id}"
                return f"Added to your to-do list: {task.title} (#{task.id})."
            open_tasks = [t for t in store.read().tasks if not t.done]
        except (StoreError, OSError) as exc:
            return f"I can't reach your to-do list right now ({exc})."
        if not open_tasks:
            return "Your to-do list is empty."
        listed = "; ".join(f"{t.id}. {t.title}" for t in open_tasks[:10])
        more = f" (and {len(open_tasks) - 10} more)" if len(open_tasks) > 10 else ""
        things = "thing" if len(open_tasks) == 1 else "things"
        return f"You have {len(open_tasks)} {things} to do: {listed}{more}."

    return {
        "weather": weather,
        "todo": todo,
        "calculator": calculator,
        "convert": conversion,
        "date": today,
        "time": time_now,
        "small_talk": small_talk,
    }


def _place(text: str) -> str:
    """A place the gazetteer does not know: "weather in atlantis tomorrow" -> "atlantis"."""
    match = PLACE.search(text)
    return " ".join(match["place"].split()) if match else ""


def _item(text: str) -> str:
    """The thing to add: "add buy milk to my to-do list" -> "buy milk"."""
    match = ADD.search(LIST_WORDS.sub(" ", text))
    return " ".join(match["item"].strip(" .!?").split()) if match else ""


def calculator(request: Request) -> str:
    """Arithmetic; a conversion ("20 celsius in fahrenheit") when the text names two units."""
    try:
        conversion_in(request.text)
    except ConversionError:
        pass
    else:
        return conversion(request)
    expression = expression_in(request.text)
    try:
        return f"{expression} = {format_number(calculate(expression))}"
    except CalculatorError as exc:
        return f"Sorry, {exc}."


def conversion(request: Request) -> str:
    try:
        amount, source, target = conversion_in(request.text)
        result = convert(amount, source, target)
    except ConversionError as exc:
        return f"Sorry, {exc}."
    return f"{amount:g} {unit_name(source, amount)} = {format_number(round(result, 4))} {unit_name(target, result)}"


def today(request: Request) -> str:
    return f"Today is {request.now:%A %-d %B %Y}."


def time_now(request: Request) -> str:
    return f"It is {request.now:%H:%M} (this computer's clock)."


def small_talk(request: Request) -> str:
    return SMALL_TALK.get(request.intent, SMALL_TALK["greeting"])
