"""Tour step: run each of the eight programs once on a fixed input; save the results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from level0.atomic import atomic_write_text
from level0.basics.anagrams import group_anagrams
from level0.basics.ciphers import caesar_encrypt, vigenere_encrypt
from level0.basics.fizzbuzz import fizzbuzz
from level0.basics.guess import BisectionPlayer, play_guessing_game
from level0.basics.primes import primes_up_to
from level0.basics.rle import rle_encode
from level0.basics.roman import from_roman, to_roman
from level0.basics.search import binary_search
from level0.tour import TourResult


def run(out: Path) -> TourResult:
    """Write ``results.json``: each program's input and output on the same fixed inputs."""
    player = BisectionPlayer(1, 100)
    game = play_guessing_game(player.ask, player.tell, low=1, high=100, seed=2024)
    results: dict[str, Any] = {
        "primes_up_to(50)": primes_up_to(50),
        "caesar_encrypt('Hello, World!', 3)": caesar_encrypt("Hello, World!", 3),
        "vigenere_encrypt('ATTACK AT DAWN', 'LEMON')": vigenere_encrypt("ATTACK AT DAWN", "LEMON"),
        "to_roman(1994)": to_roman(1994),
        "from_roman('MMXXIV')": from_roman("MMXXIV"),
        "binary_search([2, 3, 5, 7, 11, 13], 11)": binary_search([2, 3, 5, 7, 11, 13], 11),
        "rle_encode('WWWWBBBW')": rle_encode("WWWWBBBW"),
        "group_anagrams(['listen', 'google', 'silent', 'enlist'])": group_anagrams(
            ["listen", "google", "silent", "enlist"]
        ),
        "fizzbuzz(15, ((3, 'Fizz'), (5, 'Buzz'), (7, 'Bazz')))": fizzbuzz(
            15, ((3, "Fizz"), (5, "Buzz"), (7, "Bazz"))
        ),
        "guessing game, bisection bot, seed 2024": {
            "secret": game.secret,
            "guesses": game.guesses,
            "won": game.won,
            "transcript": player.transcript,
        },
    }
    path = out / "results.json"
    atomic_write_text(path, json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    summary = f"8 programs ran; 1994 = {to_roman(1994)}; bot found {game.secret} in {game.guesses} guesses"
    return TourResult(data="bundled", key_result=summary, files=[path])
