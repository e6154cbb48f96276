"""Tour step: train the intent model on CLINC150, measure it on the test split, replay a chat."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from level0.atomic import atomic_write_text
from level0.tour import TourResult

if TYPE_CHECKING:
    from level5.chatbot.data import Clinc

FIXTURE_DAY = datetime(2025, 6, 2, 9, 30)  # the first day of level 0's weather fixtures
SCRIPT = [
    "hello",
    "what's the weather like?",
    "Lisbon",
    "and tomorrow?",
    "add buy milk to my to-do list",
    "what's on my to do list",
    "what is 12 times (3 + 4)",
    "what is 9**9**9",
    "convert 5 km to miles",
    "who won the world cup in 1998",
]


def train(folder: Path, data: Clinc) -> Path:
    """The model the tour talks to: the full training split and C=2, the value ``train``
    picks on validation (the search is skipped); 30-90 s on 2 cores."""
    from level5.chatbot.intents import fit_intents
    from level5.chatbot.model import save_model

    return save_model(fit_intents(data, c_grid=(2.0,)), folder, data)


def run(out: Path) -> TourResult:
    """Train, evaluate on the test split, then chat through the script with level 0's
    local weather server on a clock set to its first day. Nothing is left running."""
    from level0.weather import serve_fixtures
    from level5.chatbot.data import load_clinc
    from level5.chatbot.dialogue import Context
    from level5.chatbot.model import IntentModel, evaluate, load_bot

    data = load_clinc()
    folder = train(out / "model", data)
    combined = evaluate(IntentModel(folder), data)["combined"]
    lines = []
    with serve_fixtures() as weather_url:
        bot = load_bot(
            folder, weather_url=weather_url, todo_path=out / "tasks.json", clock=lambda: FIXTURE_DAY
        )
        context = Context()
        for text in SCRIPT:
            reply = bot.reply(text, context)
            lines += [
                f"you> {text}",
                f"bot> {reply.text}   [{reply.intent} {reply.confidence:.2f}]",
            ]
    transcript = out / "chat.txt"
    atomic_write_text(transcript, "\n".join(lines) + "\n")
    weather = lines[lines.index("you> Lisbon") + 1].split("   [")[0].removeprefix("bot> ")
    key = (
        f"CLINC150 test: in-scope accuracy {combined['in_scope_accuracy']:.1%}, oos recall "
        f"{combined['oos_recall']:.1%}, oos precision {combined['oos_precision']:.1%}; "
        f"'what's the weather like?' -> 'Which city?' -> 'Lisbon' -> '{weather}'"
    )
    return TourResult(data="real", key_result=key, files=[folder / "metadata.json", transcript])
