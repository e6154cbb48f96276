"""Bytes in, text out, a chunk at a time: encoding detection and incremental decoding.

Nothing here reads a whole file. The first 64 KiB decide the encoding (or that the
file is not text at all); then the file is decoded 1 MiB at a time by an incremental
decoder, which keeps a multi-byte character that straddles two chunks whole.
"""

from __future__ import annotations

import codecs
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

__all__ = ["NotTextError", "decode_chunks", "detect_encoding", "iter_files", "open_text"]

SAMPLE_SIZE = 1 << 16
CHUNK_SIZE = 1 << 20

# Signatures of common binary formats, so the error can say what the file is.
_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or docx/xlsx/jar)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that text never needs (tab, line feed, form feed, CR and ESC are allowed).
_BINARY_CONTROLS = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
_MAX_CONTROL_SHARE = 0.01
# charset-normalizer ranks short samples almost at random among code pages that decode
# them equally cleanly (it read 'crème' as cp1257 'crčme' and 'Привет' as mac_cyrillic
# 'ѕривет'). The Windows code pages, by far the most common legacy encodings of Western,
# Cyrillic and Central European text, win when nearly as clean (its "chaos" score).
_PREFERRED_LEGACY = ("cp1252", "cp1251", "cp1250")
_PREFERENCE_MARGIN = 0.05

Progress = Callable[[int], object]


class NotTextError(ValueError):
    """The bytes are not text in any encoding we can detect (an image, an archive...)."""


def detect_encoding(sample: bytes, *, complete: bool = True) -> str:
    """The Python codec name for ``sample``, or ``NotTextError`` if it is not text.

    In order: a known binary signature rejects; a byte-order mark decides; NUL or
    other control bytes reject; valid UTF-8 is UTF-8; otherwise charset-normalizer
    guesses a legacy encoding (cp1252, latin-1, Shift-JIS...). ``complete=False``
    says the sample is the start of a longer file, so it may end mid-character.
    """
    for magic, kind in _MAGIC.items():
        if sample.startswith(magic):
            raise NotTextError(f"not a text file (it is {kind})")
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    if b"\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample):
        raise NotTextError("not a text file (it contains binary control bytes such as NUL)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    matches = charset_normalizer.from_bytes(sample)
    best = matches.best()
    if best is None:
        raise NotTextError("not a text file (no text encoding fits its bytes)")
    clean = {m.encoding for m in matches if m.chaos <= best.chaos + _PREFERENCE_MARGIN}
    return next((name for name in _PREFERRED_LEGACY if name in clean), str(best.encoding))


def decode_chunks(
    chunks: Iterable[bytes], encoding: str, progress: Progress | None = None
) -> Iterator[str]:
    """Decode byte chunks lazily; a bad byte raises ``NotTextError`` with its offset."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    for chunk, final in itertools.chain(((c, False) for c in chunks), [(b"", True)]):
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as exc:
            where = offset + exc.start
            raise NotTextError(f"not valid {encoding} text (bad byte near offset {where})") from exc
        offset += len(chunk)
        if progress is not None and chunk:
            progress(len(chunk))
        if text:
            yield text


def open_text(
    stream: BinaryIO,
    encoding: str | None = None,
    *,
    chunk_size: int = CHUNK_SIZE,
    progress: Progress | None = None,
) -> tuple[str, Iterator[str]]:
    """(encoding, text chunks) for a binary stream: a file, a pipe or ``sys.stdin.buffer``.

    The sample used for detection is not lost: it is chained in front of the rest, so
    this also works on a pipe, which cannot seek back.
    """
    sample = stream.read(SAMPLE_SIZE)
    if encoding is None:
        encoding = detect_encoding(sample, complete=len(sample) < SAMPLE_SIZE)
    else:
        codecs.lookup(encoding)  # LookupError now, not halfway through the file
    rest = iter(lambda: stream.read(chunk_size), b"")
    return encoding, decode_chunks(itertools.chain([sample], rest), encoding, progress)


def iter_files(directory: Path) -> Iterator[Path]:
    """Every file below ``directory`` in sorted order, skipping hidden files and folders."""
    for root, folders, files in os.walk(directory):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)
