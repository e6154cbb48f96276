"""Caesar and Vigenère ciphers: shift letters round the alphabet."""

from __future__ import annotations

import string

__all__ = ["caesar_decrypt", "caesar_encrypt", "vigenere_decrypt", "vigenere_encrypt"]

_ALPHABET_SIZE = len(string.ascii_lowercase)


def _shift_letter(char: str, shift: int) -> str:
    """``char`` moved ``shift`` places along its alphabet; non-ASCII-letters unchanged."""
    if char in string.ascii_lowercase:
        base = ord("a")
    elif char in string.ascii_uppercase:
        base = ord("A")
    else:
        return char
    return chr(base + (ord(char) - base + shift) % _ALPHABET_SIZE)


def caesar_encrypt(text: str, shift: int) -> str:
    """Replace each ASCII letter by the one ``shift`` places later (Z wraps to A).

    Python idea: ``ord``/``chr`` turn characters into numbers and back, and ``%`` wraps
    a number round a cycle (it is never negative in Python, even for a negative left
    side, so decryption is simply a negative shift). Case is kept; every other
    character passes through unchanged.

    >>> caesar_encrypt("Hello, World!", 3)
    'Khoor, Zruog!'
    """
    return "".join(_shift_letter(char, shift) for char in text)


def caesar_decrypt(text: str, shift: int) -> str:
    """Undo :func:`caesar_encrypt` with the same ``shift``."""
    return caesar_encrypt(text, -shift)


def _key_shifts(key: str) -> list[int]:
    """The shift of each key letter (a=0 ... z=25); the key must be ASCII letters only."""
    if not key or not all(char in string.ascii_letters for char in key):
        raise ValueError(f"a Vigenère key must be one or more ASCII letters, not {key!r}")
    return [ord(char) - ord("a") for char in key.lower()]


def _vigenere(text: str, key: str, direction: int) -> str:
    shifts = _key_shifts(key)
    out = []
    used = 0  # key letters consumed so far: only letters of the text use one up
    for char in text:
        if char in string.ascii_letters:
            out.append(_shift_letter(char, direction * shifts[used % len(shifts)]))
            used += 1
        else:
            out.append(char)
    return "".join(out)


def vigenere_encrypt(text: str, key: str) -> str:
    """Shift each letter by the matching letter of ``key`` (a=0, b=1, ...), key repeated.

    Python idea: a Caesar cipher whose shift changes letter by letter; the key index
    advances only on letters, so spaces and punctuation do not use up key letters.
    Raises ``ValueError`` for an empty key or one with non-letters.

    >>> vigenere_encrypt("ATTACK AT DAWN", "lemon")
    'LXFOPV EF RNHR'
    """
    return _vigenere(text, key, +1)


def vigenere_decrypt(text: str, key: str) -> str:
    """Undo :func:`vigenere_encrypt` with the same ``key``."""
    return _vigenere(text, key, -1)
