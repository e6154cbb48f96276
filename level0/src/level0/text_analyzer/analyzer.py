"""The streaming core: feed text in chunks of any size, get counts that do not depend on them.

Text is cut into pieces that end where a run of whitespace starts, so no word, sentence
ending or paragraph break is ever split between two pieces; the unfinished tail waits
for the next chunk. Each piece is then split into paragraphs, each paragraph into
sentences, each sentence into words, all with compiled regular expressions.
"""

from __future__ import annotations

import functools
import heapq
import re
import sys
import unicodedata
from collections import Counter

__all__ = [
    "MAX_NGRAM",
    "TextAnalyzer",
    "VocabularyTooLarge",
    "fold_case",
    "table_bytes",
    "word_pattern",
]

#: The longest n-gram counted: longer ones are almost all unique, and each costs n words.
MAX_NGRAM = 10
# Bytes one entry of a count table holds (measured with tracemalloc on Python 3.11: a word
# entry of 8 characters took 103 bytes with its key, a 10-word n-gram 178), rounded up.
WORD_ENTRY_BYTES = 150
NGRAM_ENTRY_BYTES = 100  # plus about 16 per word of the n-gram


class VocabularyTooLarge(ValueError):
    """The text has more distinct words than the analyzer was allowed to count."""


def table_bytes(ngram: int, max_ngrams: int, max_words: int) -> int:
    """The most memory the word and n-gram tables of an analyzer can hold, about."""
    return max_words * WORD_ENTRY_BYTES + 2 * max_ngrams * (NGRAM_ENTRY_BYTES + 16 * ngram)


# Two or more line breaks with only spaces between them, or U+2029 PARAGRAPH SEPARATOR.
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n|\u2029")
# A run of '.', '!', '?', '…' followed by whitespace, a closing quote or bracket, or the
# end ('3.14' and 'e.g' do not end a sentence); a CJK full stop needs no space after it.
# Starting with one character class lets the regex engine skip quickly to candidates.
SENTENCE_END = re.compile(r"[.!?…‽。！？]+(?:(?<=[。！？])|(?=[\s\"')\]”»]|\Z))")
_WORD_JOINERS = "'\\-‐"  # inside a word: don't, o'clock, well-known
_LETTER = r"[^\W_]"  # a letter or digit: \w without the underscore
_NUMBER_JOINER = r"(?<=\d)[.,:]\d+"  # 7.5, 1,000 and 10:30 are one word each


@functools.cache
def word_pattern(ascii_only: bool) -> re.Pattern[str]:
    """The regex for one word: letters and digits joined by ' or - (in numbers by . , :).

    Outside ASCII a word may also carry combining marks (the vowel signs of Hindi,
    Arabic harakat, an accent NFC could not compose), which ``\\w`` does not match.
    That class lists ~300 ranges and makes matching slower, so ASCII text, where no
    mark can occur, uses the plain pattern. ``functools.cache`` builds each pattern once.
    """
    body = rf"{_LETTER}+"
    if not ascii_only:
        body += rf"(?:[{_combining_marks()}]+{_LETTER}*)*"
    return re.compile(rf"{body}(?:[{_WORD_JOINERS}]{body}|{_NUMBER_JOINER})*")


def _combining_marks() -> str:
    """A character-class body with every Unicode combining mark (categories Mn, Mc, Me)."""
    ranges: list[list[int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges)


def fold_case(text: str) -> str:
    """``text`` as words are counted: case-folded ('Straße' -> 'strasse'), NFC, ’ as '.

    ``casefold`` is the Unicode way to ignore case ('ß' and 'SS' match; ``lower`` keeps
    'ß'). On ASCII it equals ``lower``, which is far faster, so ASCII takes that.
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFC", text.casefold()).replace("’", "'")


def _start_of_last_space_run(text: str) -> int:
    """Index where the last run of whitespace in ``text`` begins (0 if there is none)."""
    body = text.rstrip()
    if len(body) < len(text):
        return len(body)  # text ends in whitespace: the run starts right after the body
    parts = body.rsplit(None, 1)  # [head, last word]: the run between them is dropped
    return len(parts[0]) if len(parts) == 2 else 0


class TextAnalyzer:
    """Counts characters, words, sentences, paragraphs and n-grams of text fed in chunks.

    Call :meth:`feed` with chunks of any size (even one character at a time), then
    :meth:`end_document` at the end of each document; the counts are the same however
    the text was chunked. Memory grows with the vocabulary, never with the text: word
    counts are exact, and the n-gram table keeps at most ``2 * max_ngrams`` entries
    (see :meth:`_prune_ngrams`), so a 200 MB file runs in the same memory as a 20 MB one.
    With ``max_words``, a text with more distinct words than that raises
    :class:`VocabularyTooLarge` instead of filling the memory (the CLI sets it).
    """

    #: A chunk with no whitespace at all is held back up to this many characters,
    #: then analysed anyway (a "word" that long is cut in two).
    MAX_CARRY = 1 << 22

    def __init__(
        self, ngram: int = 2, max_ngrams: int = 100_000, max_words: int | None = None
    ) -> None:
        if not 1 <= ngram <= MAX_NGRAM:
            raise ValueError(f"n-grams need n from 1 to {MAX_NGRAM}, not {ngram}")
        if max_ngrams < 1:
            raise ValueError(f"max_ngrams must be at least 1, not {max_ngrams}")
        if max_words is not None and max_words < 1:
            raise ValueError(f"max_words must be at least 1, not {max_words}")
        self.ngram = ngram
        self.max_ngrams = max_ngrams
        self.max_words = max_words
        self.documents = 0
        self.characters = 0
        self.words = 0
        self.word_characters = 0
        self.sentences = 0
        self.paragraphs = 0
        self.word_counts: Counter[str] = Counter()
        self.ngram_counts: Counter[str] = Counter()
        #: How far below the truth any n-gram count may be (0 while they are exact).
        self.ngram_undercount = 0
        self._carry = ""
        self._window: list[str] = []  # the last n-1 words of the open sentence
        self._in_sentence = False
        self._in_paragraph = False

    def feed(self, text: str) -> None:
        """Analyse ``text``, keeping back the tail that the next chunk may continue."""
        text = self._carry + text
        cut = _start_of_last_space_run(text)
        if cut == 0 and len(text) > self.MAX_CARRY:
            cut = len(text)
        self._carry = text[cut:]
        if cut:
            self._analyse(text[:cut])

    def end_document(self) -> None:
        """Analyse what is held back and close the open sentence and paragraph."""
        if self._carry:
            self._analyse(self._carry)
            self._carry = ""
        self._end_paragraph()
        self.documents += 1

    def _analyse(self, piece: str) -> None:
        if "\r" in piece:  # Windows and old Mac line ends count as one '\n'
            piece = piece.replace("\r\n", "\n").replace("\r", "\n")
        piece = unicodedata.normalize("NFC", piece)
        self.characters += len(piece)
        words_in = word_pattern(piece.isascii()).findall
        for p, paragraph in enumerate(PARAGRAPH_BREAK.split(fold_case(piece))):
            if p:
                self._end_paragraph()
            for s, sentence in enumerate(SENTENCE_END.split(paragraph)):
                if s:
                    self._end_sentence()
                words = words_in(sentence)
                if words:
                    self._add_words(words)

    def _add_words(self, words: list[str]) -> None:
        self.words += len(words)
        self.word_characters += sum(map(len, words))
        self.word_counts.update(words)
        if self.max_words is not None and len(self.word_counts) > self.max_words:
            raise VocabularyTooLarge(
                f"more than {self.max_words:,} distinct words: too many to count in the "
                "memory budget (is this really text?)"
            )
        self._in_sentence = self._in_paragraph = True
        n = self.ngram
        if n == 1:
            self.ngram_counts.update(words)
        else:
            run = self._window + words
            shifted = [run[k:] for k in range(n)]  # zip of these yields each run of n words
            self.ngram_counts.update(map(" ".join, zip(*shifted, strict=False)))
            self._window = run[-(n - 1) :]
        if len(self.ngram_counts) > 2 * self.max_ngrams:
            self._prune_ngrams()

    def _prune_ngrams(self) -> None:
        """Misra-Gries: keep the ``max_ngrams`` largest counts, each lowered by the next one.

        Subtracting the (k+1)-th largest count ``t`` from every counter removes at least
        (k+1)*t from the total, so over the whole text the subtracted ``t`` add up to at
        most N/(k+1): every kept count is at most ``ngram_undercount`` too low, and any
        n-gram more frequent than that is still in the table.
        """
        counts = self.ngram_counts
        t = heapq.nlargest(self.max_ngrams + 1, counts.values())[-1]
        self.ngram_counts = Counter({gram: c - t for gram, c in counts.items() if c > t})
        self.ngram_undercount += t

    def _end_sentence(self) -> None:
        if self._in_sentence:
            self.sentences += 1
            self._in_sentence = False
        self._window = []

    def _end_paragraph(self) -> None:
        self._end_sentence()
        if self._in_paragraph:
            self.paragraphs += 1
            self._in_paragraph = False
