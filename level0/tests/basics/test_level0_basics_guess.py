"""The guessing game, played through injected input/output: scripted replies and a bot."""

from __future__ import annotations

import math
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def basics(solution) -> ModuleType:
    return solution("level0.basics")


class Script:
    """Replies from a list (EOFError when it runs out), every message recorded."""

    def __init__(self, replies: list[str]) -> None:
        self.replies = list(replies)
        self.messages: list[str] = []

    def ask(self, prompt: str) -> str:
        if not self.replies:
            raise EOFError
        return self.replies.pop(0)

    def tell(self, message: str) -> None:
        self.messages.append(message)


def test_scripted_game_is_won(basics):
    script = Script(["50", "25", "30"])
    result = basics.play_guessing_game(script.ask, script.tell, secret=30)
    assert result == basics.GameResult(secret=30, guesses=3, won=True)
    assert script.messages[1:3] == ["Too high.", "Too low."]
    assert "Correct" in script.messages[-1]


def test_bad_replies_get_a_hint_and_do_not_count(basics):
    script = Script(["seven", "", "500", "7"])
    result = basics.play_guessing_game(script.ask, script.tell, secret=7)
    assert result.won
    assert result.guesses == 1
    assert any("not a whole number" in m for m in script.messages)
    assert any("out of range" in m for m in script.messages)


def test_end_of_input_loses_and_reveals_the_secret(basics):
    script = Script(["1"])
    result = basics.play_guessing_game(script.ask, script.tell, secret=9)
    assert result == basics.GameResult(secret=9, guesses=1, won=False)
    assert "9" in script.messages[-1]


def test_max_guesses_ends_the_game(basics):
    script = Script(["1", "2", "3", "4"])
    result = basics.play_guessing_game(script.ask, script.tell, secret=10, max_guesses=2)
    assert result == basics.GameResult(secret=10, guesses=2, won=False)
    assert script.replies == ["3", "4"]


def test_seed_replays_the_same_secret(basics):
    def secret_for(seed: int) -> int:
        script = Script([])
        return basics.play_guessing_game(script.ask, script.tell, seed=seed).secret

    assert secret_for(3) == secret_for(3)
    assert len({secret_for(seed) for seed in range(20)}) > 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"low": 5, "high": 1}, "empty"),
        ({"secret": 0}, "outside"),
        ({"secret": 101}, "outside"),
        ({"max_guesses": 0}, "at least 1"),
    ],
)
def test_invalid_settings_are_rejected(basics, kwargs, message):
    script = Script([])
    with pytest.raises(ValueError, match=message):
        basics.play_guessing_game(script.ask, script.tell, **kwargs)


@given(st.integers(-50, 50), st.integers(0, 300), st.data())
def test_bisection_bot_always_wins_within_log2_guesses(basics, low, width, data):
    high = low + width
    secret = data.draw(st.integers(low, high))
    bot = basics.BisectionPlayer(low, high)
    result = basics.play_guessing_game(bot.ask, bot.tell, low=low, high=high, secret=secret)
    assert result.won
    assert result.guesses <= math.ceil(math.log2(width + 2))
