"""Eight classic small programs (primes, ciphers, Roman numerals...), each showing one Python idea.

Read the modules in this order; each docstring names the idea it teaches:

* :mod:`.primes`    lists and slice assignment (sieve of Eratosthenes)
* :mod:`.ciphers`   strings, ``ord``/``chr`` and ``%`` (Caesar, Vigenère)
* :mod:`.roman`     tables of tuples, ``divmod``, exceptions (Roman numerals)
* :mod:`.search`    ``while`` loops and invariants (binary search)
* :mod:`.rle`       ``itertools.groupby`` (run-length encoding)
* :mod:`.anagrams`  ``defaultdict`` keyed by a canonical form
* :mod:`.fizzbuzz`  rules as data instead of ``if``/``elif``
* :mod:`.guess`     functions as values: a game with injected input/output
"""

from level0.basics.anagrams import anagram_key, group_anagrams
from level0.basics.ciphers import caesar_decrypt, caesar_encrypt, vigenere_decrypt, vigenere_encrypt
from level0.basics.fizzbuzz import CLASSIC_RULES, fizzbuzz, parse_rule
from level0.basics.guess import BisectionPlayer, GameResult, play_guessing_game
from level0.basics.primes import primes_up_to
from level0.basics.rle import rle_decode, rle_encode
from level0.basics.roman import from_roman, to_roman
from level0.basics.search import binary_search, lower_bound

__all__ = [
    "CLASSIC_RULES",
    "BisectionPlayer",
    "GameResult",
    "anagram_key",
    "binary_search",
    "caesar_decrypt",
    "caesar_encrypt",
    "fizzbuzz",
    "from_roman",
    "group_anagrams",
    "lower_bound",
    "parse_rule",
    "play_guessing_game",
    "primes_up_to",
    "rle_decode",
    "rle_encode",
    "to_roman",
    "vigenere_decrypt",
    "vigenere_encrypt",
]
