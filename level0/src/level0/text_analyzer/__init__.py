"""Streaming text statistics: counts, top words, n-grams and Flesch readability for any text file.

Read in this order: :mod:`.reading` (bytes to text, chunk by chunk, encoding
detection), :mod:`.analyzer` (the streaming counter), :mod:`.readability`
(syllables and the Flesch formulas), :mod:`.report` (the result and its table).

>>> report = analyze_text("The cat sat on the mat. The dog sat too.")
>>> report.words, report.sentences, report.top_words[:2]
(10, 2, [('the', 3), ('sat', 2)])
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from level0.text_analyzer.analyzer import MAX_NGRAM, TextAnalyzer, VocabularyTooLarge, fold_case
from level0.text_analyzer.readability import (
    count_syllables,
    flesch_kincaid_grade,
    flesch_reading_ease,
)
from level0.text_analyzer.reading import (
    CHUNK_SIZE,
    NotTextError,
    Progress,
    detect_encoding,
    iter_files,
    open_text,
)
from level0.text_analyzer.report import TextReport, build_report, format_report, top_items
from level0.text_analyzer.stopwords import STOP_WORDS

__all__ = [
    "MAX_NGRAM",
    "STOP_WORDS",
    "NotTextError",
    "TextAnalyzer",
    "TextReport",
    "VocabularyTooLarge",
    "analyze_path",
    "analyze_stream",
    "analyze_text",
    "count_syllables",
    "detect_encoding",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "fold_case",
    "format_report",
    "top_items",
]


def analyze_text(text: str, *, top: int = 10, ngram: int = 2) -> TextReport:
    """Analyse a string already in memory (one document)."""
    analyzer = TextAnalyzer(ngram)
    analyzer.feed(text)
    analyzer.end_document()
    return build_report(analyzer, top=top, source="<text>")


def analyze_stream(
    stream: BinaryIO,
    *,
    name: str = "<stdin>",
    top: int = 10,
    ngram: int = 2,
    encoding: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    progress: Progress | None = None,
    max_words: int | None = None,
) -> TextReport:
    """Analyse a binary stream (an open file, ``sys.stdin.buffer``) in chunks.

    Raises :class:`NotTextError` (its message starts with ``name``) if the stream is not
    text, and ``LookupError`` for an unknown ``encoding``.
    """
    analyzer = TextAnalyzer(ngram, max_words=max_words)
    try:
        used, chunks = open_text(stream, encoding, chunk_size=chunk_size, progress=progress)
    except NotTextError as exc:
        raise NotTextError(f"{name}: {exc}") from exc
    _feed_document(analyzer, chunks, name)
    report = build_report(analyzer, top=top, source=name)
    return dataclasses.replace(report, encodings={used: 1})


def analyze_path(
    path: str | Path,
    *,
    top: int = 10,
    ngram: int = 2,
    encoding: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    progress: Progress | None = None,
    max_words: int | None = None,
) -> TextReport:
    """Analyse a file, or every file under a folder as one corpus (each file one document).

    A single file that is not text raises :class:`NotTextError`; in a folder such files
    (images, archives...) are skipped and listed in ``report.skipped`` with the reason.
    """
    path = Path(path)
    if not path.is_dir():
        with path.open("rb") as stream:
            return analyze_stream(
                stream,
                name=str(path),
                top=top,
                ngram=ngram,
                encoding=encoding,
                chunk_size=chunk_size,
                progress=progress,
                max_words=max_words,
            )
    analyzer = TextAnalyzer(ngram, max_words=max_words)
    encodings: Counter[str] = Counter()
    skipped: dict[str, str] = {}
    for file in iter_files(path):
        with file.open("rb") as stream:
            try:
                used, chunks = open_text(stream, encoding, chunk_size=chunk_size, progress=progress)
            except NotTextError as exc:
                skipped[str(file)] = str(exc)
                continue
            _feed_document(analyzer, chunks, str(file))
        encodings[used] += 1
    report = build_report(analyzer, top=top, source=str(path))
    return dataclasses.replace(report, encodings=dict(encodings), skipped=skipped)


def _feed_document(analyzer: TextAnalyzer, chunks: Iterator[str], name: str) -> None:
    """Feed one document's text chunks; a decoding error names the document."""
    try:
        for chunk in chunks:
            analyzer.feed(chunk)
    except NotTextError as exc:
        raise NotTextError(f"{name}: {exc}") from exc
    analyzer.end_document()
