"""python -m level0.basics: run any of the eight small programs from the command line."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable
from typing import Any

from level0.basics.anagrams import group_anagrams
from level0.basics.ciphers import caesar_decrypt, caesar_encrypt, vigenere_decrypt, vigenere_encrypt
from level0.basics.fizzbuzz import CLASSIC_RULES, fizzbuzz, parse_rule
from level0.basics.guess import play_guessing_game
from level0.basics.primes import primes_up_to
from level0.basics.rle import rle_encode
from level0.basics.roman import from_roman, to_roman
from level0.basics.search import binary_search, lower_bound
from level0.cli import UsageError, float_in, int_in, make_parser, run

MAX_PRIME_LIMIT = 10_000_000  # the sieve keeps one list slot per number: ~80 MB here
MAX_FIZZBUZZ_LINES = 1_000_000
MAX_SHIFT = 1_000_000  # any shift works modulo 26; the range only keeps input sane
GUESS_RANGE = 10**12  # --low and --high: bisection needs at most 42 guesses in it
MAX_GUESSES = 1_000
FINITE = float_in(-1.7e308, 1.7e308)  # any finite number (nan and inf are refused)

# Each command returns (value for --json, text for a person).
Outcome = tuple[Any, str]


def _usage(function: Callable[..., Any], *args: Any) -> Any:
    """Call ``function``; a ValueError from it means the user's input was malformed."""
    try:
        return function(*args)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def cmd_primes(args: argparse.Namespace) -> Outcome:
    primes = primes_up_to(args.limit)
    return primes, " ".join(map(str, primes)) or f"(no primes up to {args.limit})"


def cmd_caesar(args: argparse.Namespace) -> Outcome:
    text = (
        caesar_decrypt(args.text, args.shift)
        if args.decrypt
        else caesar_encrypt(args.text, args.shift)
    )
    return text, text


def cmd_vigenere(args: argparse.Namespace) -> Outcome:
    function = vigenere_decrypt if args.decrypt else vigenere_encrypt
    text = _usage(function, args.text, args.key)
    return text, text


def cmd_roman(args: argparse.Namespace) -> Outcome:
    value = args.value.strip()
    if value.isdecimal():
        numeral = _usage(to_roman, int(value))
        return numeral, numeral
    number = _usage(from_roman, value)
    return number, str(number)


def cmd_search(args: argparse.Namespace) -> Outcome:
    numbers = args.numbers
    if any(a > b for a, b in itertools.pairwise(numbers)):
        raise UsageError("binary search needs the numbers in increasing order")
    index = binary_search(numbers, args.target)
    if index is None:
        insert_at = lower_bound(numbers, args.target)
        text = f"{args.target:g} is not in the list (it would go at index {insert_at})"
    else:
        text = f"{args.target:g} found at index {index}"
    return index, text


def cmd_rle(args: argparse.Namespace) -> Outcome:
    runs = rle_encode(args.text)
    return runs, " ".join(f"{char!r}×{count}" for char, count in runs)


def cmd_anagrams(args: argparse.Namespace) -> Outcome:
    groups = group_anagrams(args.words)
    return groups, "\n".join(" ".join(group) for group in groups)


def cmd_fizzbuzz(args: argparse.Namespace) -> Outcome:
    lines = fizzbuzz(args.n, args.rule or CLASSIC_RULES)
    return lines, "\n".join(lines)


def _rule(text: str) -> tuple[int, str]:
    try:
        return parse_rule(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level0.basics",
        "Run one of eight classic small programs; each shows one Python idea.",
        "python -m level0.basics roman 1994",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    with_json = argparse.ArgumentParser(add_help=False)
    with_json.add_argument("--json", action="store_true", help="print the result as JSON")

    def add(name: str, help_text: str, handler: Callable[[argparse.Namespace], Outcome]) -> Any:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[with_json])
        sub.set_defaults(handler=handler)
        return sub

    add("primes", "primes up to LIMIT (sieve of Eratosthenes)", cmd_primes).add_argument(
        "limit",
        type=int_in(0, MAX_PRIME_LIMIT),
        help=f"largest number to test, 0 to {MAX_PRIME_LIMIT:,}",
    )
    sub = add("caesar", "Caesar cipher: shift each letter", cmd_caesar)
    sub.add_argument("text")
    sub.add_argument(
        "--shift",
        type=int_in(-MAX_SHIFT, MAX_SHIFT),
        default=3,
        help=f"places to shift, -{MAX_SHIFT:,} to {MAX_SHIFT:,} (default 3)",
    )
    sub.add_argument("--decrypt", action="store_true", help="shift back instead")
    sub = add("vigenere", "Vigenère cipher: shift by the letters of a key", cmd_vigenere)
    sub.add_argument("text")
    sub.add_argument("--key", required=True, help="the key, ASCII letters only")
    sub.add_argument("--decrypt", action="store_true", help="decrypt instead")
    add("roman", "number -> Roman numeral, or numeral -> number", cmd_roman).add_argument(
        "value", help="1-3999 or a numeral such as MCMXCIV"
    )
    sub = add("search", "binary search for TARGET in sorted NUMBERS", cmd_search)
    sub.add_argument("target", type=FINITE)
    sub.add_argument("numbers", type=FINITE, nargs="+")
    add("rle", "run-length encode TEXT", cmd_rle).add_argument("text")
    add("anagrams", "group WORDS that are anagrams", cmd_anagrams).add_argument("words", nargs="+")
    sub = add("fizzbuzz", "FizzBuzz from 1 to N with any rules", cmd_fizzbuzz)
    sub.add_argument(
        "n", type=int_in(0, MAX_FIZZBUZZ_LINES), help=f"count to N, 0 to {MAX_FIZZBUZZ_LINES:,}"
    )
    sub.add_argument(
        "--rule", type=_rule, action="append", metavar="D=WORD", help="e.g. --rule 7=Bazz (repeat)"
    )

    guess = commands.add_parser("guess", help="play the number-guessing game in the terminal")
    guess.add_argument(
        "--seed",
        type=int_in(0, 2**63 - 1),
        default=None,
        help="replay the same secret number (0 to 2**63-1)",
    )
    guess.add_argument("--low", type=int_in(-GUESS_RANGE, GUESS_RANGE), default=1)
    guess.add_argument("--high", type=int_in(-GUESS_RANGE, GUESS_RANGE), default=100)
    guess.add_argument("--max-guesses", type=int_in(1, MAX_GUESSES), default=None)
    guess.set_defaults(handler=cmd_guess)
    return parser


def cmd_guess(args: argparse.Namespace) -> None:
    """The interactive game: the terminal's ``input`` and ``print`` are its I/O."""
    try:
        play_guessing_game(
            input, print, low=args.low, high=args.high, seed=args.seed, max_guesses=args.max_guesses
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def handle(args: argparse.Namespace) -> int:
    outcome = args.handler(args)
    if outcome is not None:
        value, text = outcome
        print(json.dumps(value, ensure_ascii=False) if args.json else text)
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
