"""End-to-end: the text_analyzer CLI in a subprocess, and the tour step."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "The cat sat on the mat. The dog sat too!\n\nA new paragraph starts here.\n"


def cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "level0.text_analyzer", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_table_for_a_file(sample: Path):
    result = cli(str(sample), "--top", "3")
    assert result.returncode == 0, result.stderr
    assert "words                    15" in result.stdout
    assert "sentences                3" in result.stdout
    assert "Flesch reading ease" in result.stdout


def test_json_for_a_file(sample: Path):
    result = cli(str(sample), "--json", "--ngram", "3")
    report = json.loads(result.stdout)
    assert (report["words"], report["sentences"], report["paragraphs"]) == (15, 3, 2)
    assert report["top_words"][0] == ["the", 3]
    assert report["ngram"] == 3
    assert report["encodings"] == {"utf-8": 1}


def test_reads_stdin():
    result = cli("--json", stdin=TEXT.encode("utf-16"))
    report = json.loads(result.stdout)
    assert report["source"] == "<stdin>"
    assert report["words"] == 15
    assert report["encodings"] == {"utf-16": 1}


def test_a_folder(tmp_path: Path):
    (tmp_path / "one.txt").write_text("Hello there.", encoding="utf-8")
    (tmp_path / "two.md").write_text("General Kenobi!", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    report = json.loads(cli(str(tmp_path), "--json").stdout)
    assert (report["documents"], report["words"]) == (2, 4)
    assert list(report["skipped"]) == [str(tmp_path / "image.png")]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64)),
            "not a text file (it is a PNG image)",
        ),
        (lambda p: p.write_bytes(bytes(range(256)) * 8), "not a text file"),
        (lambda p: None, "No such file or directory"),
        (lambda p: p.mkdir(), "no text files found"),
    ],
)
def test_failures_are_one_line_with_exit_1(tmp_path: Path, make, message):
    target = tmp_path / "input.bin"
    make(target)
    result = cli(str(target))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--top", "0"], "must be an integer from 1 to 1,000, got 0"),
        (["--ngram", "x"], "expected an integer from 1 to 10, got 'x'"),
        (["--ngram", "99999999999999999999999"], "must be an integer from 1 to 10"),
        (["--encoding", "klingon"], "unknown encoding"),
    ],
)
def test_usage_errors_exit_2(sample: Path, args, message):
    result = cli(str(sample), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_huge_ngram_is_a_usage_error_not_a_memory_error(sample: Path):
    """Issue 10: --ngram 99999999999999999999999 built range(n) of lists: MemoryError."""
    result = cli(str(sample), "--ngram", "99999999999999999999999")
    assert result.returncode == 2
    assert "MemoryError" not in result.stderr
    assert result.stderr.splitlines()[-1].endswith("got 99999999999999999999999")


def test_too_many_distinct_words_is_refused_in_one_line(
    sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    from level0.text_analyzer import __main__ as cli_main

    monkeypatch.setattr(cli_main, "MAX_WORDS", 5)
    assert cli_main.main([str(sample)]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == f"error: {sample}: more than 5 distinct words: too many to count in the memory budget (is this really text?)\n"
    )


def test_the_table_budget_is_checked_against_the_memory(
    sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    from level0.text_analyzer import __main__ as cli_main

    monkeypatch.setattr("level0.cli.available_memory", lambda: 64 * 1024**2)
    assert cli_main.main([str(sample)]) == 2
    assert "distinct words and 200,000 2-grams would need about" in capsys.readouterr().err


def test_help_ends_with_an_example():
    result = cli("--help")
    assert result.returncode == 0
    assert "example:\n  python -m level0.text_analyzer" in result.stdout


def test_tour_writes_the_json_report(tmp_path: Path):
    from level0.text_analyzer import tour

    result = tour.run(tmp_path)
    assert {p.name for p in result.files} == {"report.json", "report.txt"}
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["paragraphs"] == 3
    assert report["words"] > 100
    assert "Flesch reading ease" in result.key_result
