"""End-to-end: the basics CLI in a subprocess, and the tour step."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level0.basics", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["roman", "1994"], "MCMXCIV"),
        (["roman", "mcmxciv"], "1994"),
        (["primes", "50"], "2 3 5 7 11 13 17 19 23 29 31 37 41 43 47"),
        (["caesar", "Hello, World!", "--shift", "3"], "Khoor, Zruog!"),
        (["vigenere", "LXFOPV EF RNHR", "--key", "lemon", "--decrypt"], "ATTACK AT DAWN"),
        (["search", "7", "1", "3", "5", "7", "9"], "7 found at index 3"),
        (["anagrams", "listen", "google", "silent"], "listen silent\ngoogle"),
        (["fizzbuzz", "7", "--rule", "7=Bazz"], "1\n2\n3\n4\n5\n6\nBazz"),
    ],
)
def test_commands_print_their_result(args, expected):
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_json_output():
    result = cli("rle", "aaab", "--json")
    assert json.loads(result.stdout) == [["a", 3], ["b", 1]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["roman", "IIII"], "not a valid Roman numeral"),
        (["roman", "4000"], "1 to 3999"),
        (["vigenere", "text", "--key", "k3y"], "key"),
        (["search", "3", "5", "1"], "increasing order"),
        (["guess", "--low", "9", "--high", "1"], "range is empty"),
    ],
)
def test_bad_input_is_a_one_line_usage_error(args, message):
    result = cli(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["primes", "100000000"], "must be an integer from 0 to 10,000,000"),
        (["fizzbuzz", "100000000"], "must be an integer from 0 to 1,000,000"),
        (["search", "nan", "1", "2"], "must be a number from"),
        (["caesar", "x", "--shift", "99999999999999999999999"], "must be an integer"),
        (["guess", "--max-guesses", "0"], "must be an integer from 1 to 1,000"),
    ],
)
def test_numbers_out_of_range_are_refused_by_argparse(args, message):
    result = cli(*args)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if "error: " in line]
    assert len(errors) == 1
    assert message in errors[0]
    assert "Traceback" not in result.stderr


def test_argparse_rejects_malformed_rule():
    result = cli("fizzbuzz", "10", "--rule", "x")
    assert result.returncode == 2
    assert "DIVISOR=WORD" in result.stderr


def test_help_ends_with_an_example():
    result = cli("--help")
    assert result.returncode == 0
    assert "python -m level0.basics roman 1994" in result.stdout


def test_guess_is_playable_through_stdin():
    # Find the secret of seed 7 by bisection, replaying the seeded game each time.
    low, high = 1, 100
    for _ in range(8):
        guess = (low + high) // 2
        out = cli("guess", "--seed", "7", stdin=f"{guess}\n").stdout
        if "Correct" in out:
            break
        if "Too low." in out:
            low = guess + 1
        else:
            high = guess - 1
    assert "Correct! It was" in out
    lost = cli("guess", "--seed", "7", stdin="abc\n")
    assert lost.returncode == 0
    assert "not a whole number" in lost.stdout
    assert "Bye! The number was" in lost.stdout


def test_tour_writes_results(tmp_path: Path):
    from level0.basics import tour

    result = tour.run(tmp_path)
    assert result.files == [tmp_path / "results.json"]
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["to_roman(1994)"] == "MCMXCIV"
    assert results["guessing game, bisection bot, seed 2024"]["won"] is True
