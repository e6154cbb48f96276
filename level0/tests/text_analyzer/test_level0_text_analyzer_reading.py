"""Reading: encoding detection, rejecting binaries, chunked decoding, folders, flat memory."""

from __future__ import annotations

import gzip
import io
import random
import tracemalloc
from pathlib import Path
from types import ModuleType

import pytest

from level0.text_analyzer.reading import SAMPLE_SIZE, decode_chunks


@pytest.fixture(scope="module")
def ta(solution) -> ModuleType:
    return solution("level0.text_analyzer")


FRENCH = (
    "Le garçon apprécie la crème brûlée et les pêches. À la façon française, bien sûr: "
    "déjà vu, naïve, cœur, où, là-bas. Il était une fois une fée très âgée."
)
RUSSIAN = "Привет, как дела? Это проверка кодировки текста, написанного по-русски."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"", "utf-8"),
        (b"plain ASCII text\n", "utf-8"),
        ("naïve café ☕ 日本".encode(), "utf-8"),
        ("\ufeffwith a byte-order mark".encode(), "utf-8-sig"),
        ("utf-16 text".encode("utf-16"), "utf-16"),
        ("utf-32 text".encode("utf-32"), "utf-32"),
        (FRENCH.encode("cp1252"), "cp1252"),
    ],
)
def test_detects_the_encoding(ta, data, encoding):
    assert ta.detect_encoding(data) == encoding


@pytest.mark.parametrize("text", [FRENCH, RUSSIAN])
def test_legacy_encodings_decode_to_the_original_text(ta, text, tmp_path):
    for codec in ("cp1252", "cp1251"):
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        assert data.decode(ta.detect_encoding(data)) == text


def test_a_sample_cut_mid_character_is_still_utf8(ta):
    data = "é".encode() * 10
    assert ta.detect_encoding(data[:-1], complete=False) == "utf-8"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (gzip.compress(b"some text " * 50), "gzip"),
        (b"text with a NUL\x00 byte", "binary control bytes"),
        (random.Random(0).randbytes(4096), "not a text file"),
        (bytes(b for b in random.Random(1).randbytes(4096) if b), "not a text file"),
    ],
)
def test_binary_data_is_rejected(ta, data, kind):
    with pytest.raises(ta.NotTextError, match=kind):
        ta.detect_encoding(data)


def test_a_binary_file_is_rejected_with_its_name(ta, tmp_path: Path):
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(ta.NotTextError, match=r"photo\.png: not a text file \(it is a PNG image\)"):
        ta.analyze_path(png)


def test_incremental_decoding_keeps_split_characters_whole():
    data = "naïve café ☕ 日本 😀".encode()
    chunks = [data[i : i + 1] for i in range(len(data))]  # every multi-byte char is split
    assert "".join(decode_chunks(chunks, "utf-8")) == data.decode()


def test_bad_bytes_later_in_a_file_are_reported_with_their_offset(ta):
    data = b"fine text " * 10_000 + b"\xff\xfe broken"
    with pytest.raises(
        ta.NotTextError, match=r"<stdin>: not valid utf-8 text \(bad byte near offset 100000\)"
    ):
        ta.analyze_stream(io.BytesIO(data))


def test_encoding_can_be_given(ta, tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("La crème brûlée, à la française.".encode("latin-1"))
    report = ta.analyze_path(path, encoding="latin-1", top=100)
    assert report.encodings == {"latin-1": 1}
    assert ("crème", 1) in report.top_words


class RecordingStream(io.BytesIO):
    """A byte stream that remembers how much each read asked for."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.requests: list[int | None] = []

    def read(self, size: int | None = -1) -> bytes:
        self.requests.append(size)
        return super().read(size)


def test_stream_is_read_in_chunks_and_gives_the_same_report(ta):
    text = "Ünïcödé wörds, split anywhere. " * 4000 + "\n\nLast paragraph."  # ~130 KB
    stream = RecordingStream(text.encode())
    report = ta.analyze_stream(stream, chunk_size=4099)
    assert all(size is not None and 0 < size <= SAMPLE_SIZE for size in stream.requests)
    expected = ta.analyze_text(text)
    assert report.to_dict() | {"source": "", "encodings": {}} == expected.to_dict() | {
        "source": "",
        "encodings": {},
    }


def test_memory_does_not_grow_with_the_input(ta):
    # 1.5 MB of text read in 16 KiB chunks: the peak of memory allocated while analysing
    # (the vocabulary is small) must stay far below the size of the text (~380 KB here,
    # most of it the first 64 KiB read for encoding detection, held a few times over).
    rng = random.Random(0)
    vocabulary = [word * 4 for word in ["alpha", "beta", "gamma", "delta", "epsilon", "theta"]]
    text = " ".join(rng.choice(vocabulary) + rng.choice(["", "", "", "."]) for _ in range(75_000))
    data = text.encode()
    assert len(data) > 1_500_000
    tracemalloc.start()
    try:
        report = ta.analyze_stream(io.BytesIO(data), chunk_size=1 << 14)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.words == 75_000
    assert peak < len(data) / 3


def test_a_folder_is_one_corpus_and_binaries_are_skipped(ta, tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("One two. Three!\n", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_bytes("Crème brûlée, s'il vous plaît.".encode("cp1252"))
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / ".git" / "config").write_text("hidden words here")
    report = ta.analyze_path(tmp_path, top=20)
    assert report.documents == 2
    assert report.words == 3 + 5
    assert report.sentences == 3
    assert report.paragraphs == 2  # each file is its own document
    assert report.encodings == {"utf-8": 1, "cp1252": 1}
    assert list(report.skipped) == [str(tmp_path / "logo.png")]
    assert "PNG" in report.skipped[str(tmp_path / "logo.png")]
    assert "hidden" not in dict(report.top_words)


def test_missing_file_raises_file_not_found(ta, tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        ta.analyze_path(tmp_path / "nope.txt")
