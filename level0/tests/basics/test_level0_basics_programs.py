"""Contract tests of the eight basics programs, each against an independent oracle."""

from __future__ import annotations

import bisect
import math
import re
import string
from collections import Counter
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def basics(solution) -> ModuleType:
    return solution("level0.basics")


# --- primes: sieve against trial division ------------------------------------------


def is_prime_by_trial_division(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, math.isqrt(n) + 1))


@given(st.integers(min_value=-5, max_value=3000))
def test_sieve_matches_trial_division(basics, limit):
    expected = [n for n in range(limit + 1) if is_prime_by_trial_division(n)]
    assert basics.primes_up_to(limit) == expected


def test_primes_known_values(basics):
    assert basics.primes_up_to(1) == []
    assert basics.primes_up_to(2) == [2]
    assert basics.primes_up_to(50)[-3:] == [41, 43, 47]
    assert len(basics.primes_up_to(10_000)) == 1229  # pi(10^4)


# --- Caesar and Vigenère: round trips and a translate-table oracle -----------------


def caesar_by_translate(text: str, shift: int) -> str:
    lower, upper = string.ascii_lowercase, string.ascii_uppercase
    k = shift % 26
    table = str.maketrans(lower + upper, lower[k:] + lower[:k] + upper[k:] + upper[:k])
    return text.translate(table)


@given(st.text(), st.integers(min_value=-1000, max_value=1000))
def test_caesar_matches_translate_oracle_and_round_trips(basics, text, shift):
    secret = basics.caesar_encrypt(text, shift)
    assert secret == caesar_by_translate(text, shift)
    assert basics.caesar_decrypt(secret, shift) == text


keys = st.text(alphabet=string.ascii_letters, min_size=1, max_size=12)


@given(st.text(), keys)
def test_vigenere_round_trip_keeps_non_letters(basics, text, key):
    secret = basics.vigenere_encrypt(text, key)
    assert basics.vigenere_decrypt(secret, key) == text
    assert len(secret) == len(text)
    for plain, coded in zip(text, secret, strict=True):
        if plain not in string.ascii_letters:
            assert coded == plain
        else:
            assert plain.isupper() == coded.isupper()


@given(st.text(), st.sampled_from(string.ascii_letters))
def test_vigenere_with_one_letter_key_is_caesar(basics, text, letter):
    assert basics.vigenere_encrypt(text, letter) == caesar_by_translate(
        text, ord(letter.lower()) - 97
    )


def test_vigenere_textbook_example(basics):
    # The classic example (Bellaso/Vigenère, as quoted in most textbooks).
    assert basics.vigenere_encrypt("ATTACKATDAWN", "LEMON") == "LXFOPVEFRNHR"
    assert basics.vigenere_decrypt("LXFOPV EF RNHR", "lemon") == "ATTACK AT DAWN"


@pytest.mark.parametrize("key", ["", "abc1", "naïve", "two words"])
def test_vigenere_rejects_bad_keys(basics, key):
    with pytest.raises(ValueError, match="key"):
        basics.vigenere_encrypt("hello", key)


# --- Roman numerals: exhaustive round trip, strict-regex and digit-table oracles ----

STRICT_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
DIGITS = [
    ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"],
    ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"],
    ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"],
    ["", "M", "MM", "MMM"],
]


def roman_by_digits(n: int) -> str:
    return "".join(
        DIGITS[place][int(d)] for place, d in reversed(list(enumerate(reversed(str(n)))))
    )


def test_roman_round_trip_for_every_number(basics):
    for n in range(1, 4000):
        numeral = basics.to_roman(n)
        assert numeral == roman_by_digits(n)
        assert basics.from_roman(numeral) == n
        assert basics.from_roman(numeral.lower()) == n


@pytest.mark.parametrize(("number", "numeral"), [(1994, "MCMXCIV"), (3999, "MMMCMXCIX"), (4, "IV")])
def test_roman_known_values(basics, number, numeral):
    assert basics.to_roman(number) == numeral


@pytest.mark.parametrize(
    "numeral", ["", "IIII", "VV", "IC", "XM", "IIV", "MMMM", "VX", "ABC", "MCMXCIV!", "I I"]
)
def test_invalid_numerals_are_rejected(basics, numeral):
    with pytest.raises(ValueError, match="Roman numeral"):
        basics.from_roman(numeral)


@given(st.text(alphabet="IVXLCDM", min_size=1, max_size=9))
def test_from_roman_accepts_exactly_the_strict_form(basics, numeral):
    if STRICT_ROMAN.fullmatch(numeral):
        assert basics.to_roman(basics.from_roman(numeral)) == numeral
    else:
        with pytest.raises(ValueError, match="Roman numeral"):
            basics.from_roman(numeral)


@pytest.mark.parametrize("number", [0, -1, 4000])
def test_to_roman_rejects_out_of_range(basics, number):
    with pytest.raises(ValueError, match="1 to 3999"):
        basics.to_roman(number)


# --- binary search against bisect ----------------------------------------------------


@given(st.lists(st.integers(-50, 50), max_size=60).map(sorted), st.integers(-60, 60))
def test_binary_search_matches_bisect(basics, items, target):
    assert basics.lower_bound(items, target) == bisect.bisect_left(items, target)
    found = basics.binary_search(items, target)
    if target in items:
        assert found == items.index(target)  # the first of any duplicates
    else:
        assert found is None


@given(st.lists(st.text(max_size=3), max_size=20).map(sorted), st.text(max_size=3))
def test_binary_search_works_on_strings(basics, items, target):
    assert basics.lower_bound(items, target) == bisect.bisect_left(items, target)


# --- run-length encoding -------------------------------------------------------------


@given(st.text(alphabet="ab \n1", max_size=40) | st.text(max_size=40))
def test_rle_round_trip_and_regex_oracle(basics, text):
    runs = basics.rle_encode(text)
    assert basics.rle_decode(runs) == text
    oracle = [(m.group(1), len(m.group(0))) for m in re.finditer(r"(.)\1*", text, re.DOTALL)]
    assert [(char, count) for char, count in runs] == oracle


def test_rle_example(basics):
    assert basics.rle_encode("WWWWBBBW") == [("W", 4), ("B", 3), ("W", 1)]
    assert basics.rle_encode("") == []


@pytest.mark.parametrize("runs", [[("ab", 2)], [("a", 0)], [("", 1)]])
def test_rle_decode_rejects_bad_runs(basics, runs):
    with pytest.raises(ValueError, match="run"):
        basics.rle_decode(runs)


# --- anagrams -----------------------------------------------------------------------

words = st.lists(st.text(alphabet="abcAB", min_size=1, max_size=4), max_size=25)


@given(words)
def test_anagram_groups_partition_the_words_by_letter_counts(basics, word_list):
    groups = basics.group_anagrams(word_list)
    assert sorted(w for group in groups for w in group) == sorted(word_list)
    signature = [Counter(group[0].casefold()) for group in groups]
    for group, counts in zip(groups, signature, strict=True):
        assert all(Counter(w.casefold()) == counts for w in group)
    assert all(a != b for i, a in enumerate(signature) for b in signature[i + 1 :])


def test_anagram_example_keeps_first_seen_order(basics):
    groups = basics.group_anagrams(["listen", "google", "Silent", "enlist", "gogole"])
    assert groups == [["listen", "Silent", "enlist"], ["google", "gogole"]]


# --- FizzBuzz -------------------------------------------------------------------------


def classic_fizzbuzz(i: int) -> str:
    if i % 15 == 0:
        return "FizzBuzz"
    if i % 3 == 0:
        return "Fizz"
    if i % 5 == 0:
        return "Buzz"
    return str(i)


def fizzbuzz_by_marking(n: int, rules: list[tuple[int, str]]) -> list[str]:
    words: list[list[str]] = [[] for _ in range(n + 1)]
    for divisor, word in rules:
        for multiple in range(divisor, n + 1, divisor):
            words[multiple].append(word)
    return ["".join(words[i]) or str(i) for i in range(1, n + 1)]


def test_classic_fizzbuzz(basics):
    assert basics.fizzbuzz(100) == [classic_fizzbuzz(i) for i in range(1, 101)]


@given(
    st.integers(0, 120),
    st.lists(
        st.tuples(st.integers(1, 12), st.sampled_from(["Fizz", "Buzz", "Bazz", "X"])), max_size=4
    ),
)
def test_general_rules_match_marking_oracle(basics, n, rules):
    assert basics.fizzbuzz(n, rules) == fizzbuzz_by_marking(n, rules)


def test_fizzbuzz_rejects_non_positive_divisor(basics):
    with pytest.raises(ValueError, match="positive"):
        basics.fizzbuzz(10, [(0, "Zero")])


@pytest.mark.parametrize("text", ["7", "=Bazz", "0=Zero", "x=Y", "7="])
def test_parse_rule_rejects_malformed(basics, text):
    with pytest.raises(ValueError, match="DIVISOR=WORD"):
        basics.parse_rule(text)


def test_parse_rule(basics):
    assert basics.parse_rule("7=Bazz") == (7, "Bazz")
