"""Fixtures of the chatbot's tests: one small real model per session, the weather fixtures, a fixed clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

NOW = datetime(2025, 6, 2, 9, 30)  # a Monday; the weather fixtures' first day
PER_INTENT = 30  # training queries per intent: about 8 s on 2 cores, enough for the scripts


@pytest.fixture(scope="session")
def chatbot(solution: Callable[[str], ModuleType]) -> ModuleType:
    return solution("level5.chatbot")


@pytest.fixture(scope="session")
def clinc(chatbot: ModuleType, realdata: Callable[[str], Path]) -> Any:
    return chatbot.load_clinc(realdata("clinc150"))


@pytest.fixture(scope="session")
def model_dir(chatbot: ModuleType, clinc: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real CLINC150 model on 30 queries per intent, one C: trained once per test run.
    Tests must not change it."""
    trained = chatbot.fit_intents(clinc, per_intent=PER_INTENT, c_grid=(1.0,))
    folder = tmp_path_factory.mktemp("chatbot") / "model"
    chatbot.save_model(trained, folder, clinc)
    return folder


@pytest.fixture(scope="session")
def intent_model(chatbot: ModuleType, model_dir: Path) -> Any:
    return chatbot.IntentModel(model_dir)


@pytest.fixture(scope="session")
def weather_url() -> Iterator[str]:
    """Level 0's miniature Open-Meteo on 127.0.0.1: it knows Lisbon only."""
    from level0.weather import serve_fixtures

    with serve_fixtures() as url:
        yield url


@pytest.fixture
def bot(chatbot: ModuleType, intent_model: Any, weather_url: str, tmp_path: Path) -> Any:
    """The real bot (model, skills, dialogue) on a fixed clock, with an empty to-do list."""
    skills = chatbot.make_skills(weather_url=weather_url, todo_path=tmp_path / "tasks.json")
    return chatbot.Bot(intent_model, skills, chatbot.INTENT_SKILLS, clock=lambda: NOW)
