"""The report: what an analysis found, as a dataclass, a JSON-ready dict or a table."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from level0.text_analyzer.analyzer import TextAnalyzer
from level0.text_analyzer.readability import (
    count_syllables,
    flesch_kincaid_grade,
    flesch_reading_ease,
)
from level0.text_analyzer.stopwords import STOP_WORDS

__all__ = ["TextReport", "build_report", "format_report", "top_items"]

Ranked = list[tuple[str, int]]


@dataclass(frozen=True)
class TextReport:
    """Counts, averages, readability and top lists of one text, file or folder."""

    source: str
    documents: int
    characters: int
    words: int
    unique_words: int
    sentences: int
    paragraphs: int
    syllables: int
    lexical_diversity: float | None  # unique words / words (type-token ratio)
    average_word_length: float | None  # characters per word
    average_sentence_length: float | None  # words per sentence
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    top_words: Ranked
    top_words_without_stop_words: Ranked
    ngram: int
    top_ngrams: Ranked
    ngram_max_undercount: int  # 0: n-gram counts are exact; else each may be this much low
    encodings: dict[str, int] = field(default_factory=dict)  # codec -> number of files
    skipped: dict[str, str] = field(default_factory=dict)  # path -> why it is not text

    def to_dict(self) -> dict[str, Any]:
        """A plain dict for ``json.dumps`` (top lists become [word, count] pairs)."""
        return asdict(self)


def top_items(counts: Counter[str], n: int, exclude: Iterable[str] = ()) -> Ranked:
    """The ``n`` most frequent items, most frequent first, ties in alphabetical order.

    ``heapq.nsmallest`` with a key keeps only ``n`` items at a time instead of sorting
    the whole vocabulary; the lambda sorts by count descending, then by the word.
    """
    skip = frozenset(exclude)
    candidates = ((word, count) for word, count in counts.items() if word not in skip)
    return heapq.nsmallest(n, candidates, key=lambda item: (-item[1], item[0]))


def build_report(analyzer: TextAnalyzer, *, top: int = 10, source: str = "<text>") -> TextReport:
    """Turn an analyzer's running counts into a :class:`TextReport`."""
    counts = analyzer.word_counts
    words, sentences = analyzer.words, analyzer.sentences
    syllables = sum(count_syllables(word) * count for word, count in counts.items())
    readable = words > 0 and sentences > 0
    return TextReport(
        source=source,
        documents=analyzer.documents,
        characters=analyzer.characters,
        words=words,
        unique_words=len(counts),
        sentences=sentences,
        paragraphs=analyzer.paragraphs,
        syllables=syllables,
        lexical_diversity=len(counts) / words if words else None,
        average_word_length=analyzer.word_characters / words if words else None,
        average_sentence_length=words / sentences if sentences else None,
        flesch_reading_ease=flesch_reading_ease(words, sentences, syllables) if readable else None,
        flesch_kincaid_grade=flesch_kincaid_grade(words, sentences, syllables)
        if readable
        else None,
        top_words=top_items(counts, top),
        top_words_without_stop_words=top_items(counts, top, exclude=STOP_WORDS),
        ngram=analyzer.ngram,
        top_ngrams=top_items(analyzer.ngram_counts, top),
        ngram_max_undercount=analyzer.ngram_undercount,
    )


def _ease_band(score: float) -> str:
    """Flesch's own bands for the reading-ease score."""
    bands = [(90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English")]
    bands += [(50, "fairly difficult"), (30, "difficult")]
    return next((name for floor, name in bands if score >= floor), "very difficult")


def format_report(report: TextReport) -> str:
    """A table for people: the figures first, then the three top lists side by side."""

    def number(value: float | None, digits: int = 2) -> str:
        return "-" if value is None else f"{value:,.{digits}f}"

    encodings = ", ".join(f"{name} x{count}" for name, count in report.encodings.items())
    ease = report.flesch_reading_ease
    rows = [
        (
            "source",
            f"{report.source} ({report.documents} document(s){'; ' if encodings else ''}{encodings})",
        ),
        ("characters", f"{report.characters:,}"),
        ("words", f"{report.words:,}"),
        (
            "unique words",
            f"{report.unique_words:,} (lexical diversity {number(report.lexical_diversity, 3)})",
        ),
        ("sentences", f"{report.sentences:,}"),
        ("paragraphs", f"{report.paragraphs:,}"),
        ("average word length", f"{number(report.average_word_length)} characters"),
        ("average sentence length", f"{number(report.average_sentence_length, 1)} words"),
        ("syllables", f"{report.syllables:,}"),
        (
            "Flesch reading ease",
            number(ease, 1) + (f" ({_ease_band(ease)})" if ease is not None else ""),
        ),
        ("Flesch-Kincaid grade", number(report.flesch_kincaid_grade, 1)),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    lines += [f"skipped (not text): {path}: {why}" for path, why in report.skipped.items()]
    columns = [
        ("top words", report.top_words),
        ("without stop words", report.top_words_without_stop_words),
        (f"top {report.ngram}-grams", report.top_ngrams),
    ]
    cells = [[title, *_ranked_lines(ranked)] for title, ranked in columns]
    widths = [max(map(len, column)) for column in cells]
    lines.append("")
    for i in range(max(map(len, cells))):
        row = [column[i] if i < len(column) else "" for column in cells]
        lines.append(
            "   ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        )
    if report.ngram_max_undercount:
        lines.append(
            f"(n-gram counts are estimates, each at most {report.ngram_max_undercount:,} low)"
        )
    return "\n".join(lines)


def _ranked_lines(ranked: Ranked) -> list[str]:
    """'  12  word' lines with the counts right-aligned to the widest one."""
    counts = [f"{count:,}" for _, count in ranked]
    width = max(map(len, counts), default=0)
    return [f"{count:>{width}}  {item}" for count, (item, _) in zip(counts, ranked, strict=True)]
