"""A number-guessing game whose input and output are injected, so tests can play it."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["BisectionPlayer", "GameResult", "play_guessing_game"]

Ask = Callable[[str], str]
Tell = Callable[[str], None]

TOO_LOW = "Too low."
TOO_HIGH = "Too high."


@dataclass(frozen=True)
class GameResult:
    """How a game ended: the secret, how many valid guesses were made, and whether they won."""

    secret: int
    guesses: int
    won: bool


def play_guessing_game(
    ask: Ask,
    tell: Tell,
    *,
    low: int = 1,
    high: int = 100,
    seed: int | None = None,
    secret: int | None = None,
    max_guesses: int | None = None,
) -> GameResult:
    """Play one game: pick a secret in [low, high], answer each guess until it is found.

    Python idea: functions are values. The game never calls ``input`` or ``print``
    itself; it calls ``ask(prompt) -> reply`` and ``tell(message)``, so the terminal
    passes ``input`` and ``print``, a test passes a list of scripted replies, and a
    bot (:class:`BisectionPlayer`) passes its own methods. Replies that are not a whole
    number in range get a hint and do not count; end of input (``EOFError``) or
    running out of ``max_guesses`` ends the game as lost.

    ``secret`` fixes the number (for tests); otherwise it is drawn with
    ``random.Random(seed)``, so a seed replays the same game.
    """
    if low > high:
        raise ValueError(f"the range is empty: low={low} > high={high}")
    if max_guesses is not None and max_guesses < 1:
        raise ValueError(f"max_guesses must be at least 1, not {max_guesses}")
    if secret is None:
        secret = random.Random(seed).randint(low, high)
    elif not low <= secret <= high:
        raise ValueError(f"secret {secret} is outside {low}..{high}")

    tell(f"I am thinking of a whole number from {low} to {high}.")
    guesses = 0
    while max_guesses is None or guesses < max_guesses:
        try:
            reply = ask("Your guess: ").strip()
        except EOFError:
            tell(f"Bye! The number was {secret}.")
            return GameResult(secret, guesses, won=False)
        try:
            guess = int(reply)
        except ValueError:
            tell(f"{reply!r} is not a whole number; try again.")
            continue
        if not low <= guess <= high:
            tell(f"{guess} is out of range: guess from {low} to {high}.")
            continue
        guesses += 1
        if guess < secret:
            tell(TOO_LOW)
        elif guess > secret:
            tell(TOO_HIGH)
        else:
            tell(f"Correct! It was {secret}; you took {guesses} guess{'es' * (guesses != 1)}.")
            return GameResult(secret, guesses, won=True)
    tell(f"Out of guesses. The number was {secret}.")
    return GameResult(secret, guesses, won=False)


class BisectionPlayer:
    """A bot that always guesses the middle of the range it has not ruled out.

    Python idea: a class bundles state (the range still possible) with the two
    methods the game calls. Each answer halves the range, so it never needs more than
    ``ceil(log2(high - low + 2))`` guesses: 7 for 1..100.
    """

    def __init__(self, low: int, high: int) -> None:
        self.low = low
        self.high = high
        self.last_guess: int | None = None
        self.transcript: list[str] = []

    def ask(self, prompt: str) -> str:
        """Answer the prompt with the middle of the remaining range."""
        self.last_guess = (self.low + self.high) // 2
        self.transcript.append(f"{prompt}{self.last_guess}")
        return str(self.last_guess)

    def tell(self, message: str) -> None:
        """Narrow the range after 'Too low.' / 'Too high.'; remember every message."""
        self.transcript.append(message)
        if self.last_guess is None:
            return
        if message == TOO_LOW:
            self.low = self.last_guess + 1
        elif message == TOO_HIGH:
            self.high = self.last_guess - 1
