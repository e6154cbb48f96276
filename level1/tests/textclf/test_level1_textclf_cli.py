"""The textclf command: train, predict (one text or a stream), evaluate, info, and its errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import numpy as np
import pytest

from level1.textclf.__main__ import main, stream_predictions

CLI = [sys.executable, "-m", "level1.textclf"]
POSITIVE = ["great", "love", "excellent", "perfect", "works", "happy", "recommend", "best"]
NEGATIVE = ["broken", "awful", "waste", "terrible", "return", "poor", "worst", "disappointed"]


def review_lines(count: int = 60, seed: int = 0) -> list[str]:
    """Headerless ``sentence<TAB>label`` lines like the UCI files, some with stray quotes."""
    rng = np.random.default_rng(seed)
    lines = []
    for i in range(count):
        label = i % 2
        pool = POSITIVE if label else NEGATIVE
        words = [
            rng.choice(pool) if rng.random() < 0.8 else rng.choice(POSITIVE + NEGATIVE)
            for _ in range(6)
        ]
        quote = '"' if i % 7 == 0 else ""
        lines.append(f"{quote}{' '.join(words)}\t{label}")
    return lines


@pytest.fixture(scope="module")
def reviews(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "reviews.txt"
    path.write_text("\n".join(review_lines()) + "\n", encoding="utf-8")
    return path


def run_main(args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def model_dir(reviews, tmp_path_factory):
    folder = tmp_path_factory.mktemp("models") / "reviews"
    code, out, err = run_main(
        [
            "train",
            str(reviews),
            "--sep",
            "\\t",
            "--no-header",
            "--text-col",
            "0",
            "--label-col",
            "1",
            "-o",
            str(folder),
            "--model",
            "logreg",
            "--folds",
            "3",
        ]
    )
    assert code == 0, err
    assert "CV accuracy of the chosen model" in out
    assert "held-out test (12 rows)" in out
    return folder


def test_predict_one_text(model_dir):
    code, out, _ = run_main(["predict", str(model_dir), "terrible waste, broken"])
    assert code == 0
    assert out.startswith("0  (probability ")


def test_predict_json(model_dir):
    _, out, _ = run_main(["predict", "--json", str(model_dir), "love it, works perfect"])
    assert json.loads(out)["label"] == "1"


def test_stdin_is_answered_line_by_line_as_it_arrives(model_dir):
    """A line goes in, its answer comes out before the next line is written: a real stream."""
    with subprocess.Popen(
        [*CLI, "predict", str(model_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        answers = []
        for line in ("awful poor worst", "excellent happy best"):
            process.stdin.write(line + "\n")
            process.stdin.flush()
            answers.append(json.loads(process.stdout.readline()))
        process.stdin.close()
        assert process.wait(timeout=60) == 0
    assert [(a["text"], a["label"]) for a in answers] == [
        ("awful poor worst", "0"),
        ("excellent happy best", "1"),
    ]


def test_stream_keeps_one_result_per_line_even_blank(model_dir):
    from level1.textclf import load_classifier

    out = io.StringIO()
    stream_predictions(load_classifier(model_dir).model, io.StringIO("great\n\nbroken\r\n"), out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["text"] for r in results] == ["great", "", "broken"]


def test_evaluate_uses_the_training_format_and_the_heldout_rows(model_dir, reviews):
    code, out, _ = run_main(["evaluate", str(model_dir), str(reviews), "--json"])
    assert code == 0
    report = json.loads(out)
    assert report["scope"].startswith("the held-out rows of reviews.txt")
    assert report["rows"] == 12


def test_evaluate_on_new_data_counts_every_row(model_dir, tmp_path):
    fresh = tmp_path / "fresh.txt"
    fresh.write_text("\n".join(review_lines(20, seed=5)) + "\n", encoding="utf-8")
    code, out, _ = run_main(["evaluate", str(model_dir), str(fresh)])
    assert code == 0
    assert "on all 20 rows of fresh.txt" in out
    assert "actual 0" in out


def test_info(model_dir):
    code, out, _ = run_main(["info", str(model_dir)])
    assert code == 0
    assert "logistic regression" in out
    assert "labels      0, 1" in out
    code, out, _ = run_main(["info", str(model_dir), "--json"])
    assert json.loads(out)["tool"] == "level1.textclf"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["train", "{data}", "--no-header", "--label-col", "5", "-o", "{out}"], 1, "no column 5"),
        (["train", "{empty}", "-o", "{out}"], 1, "is empty"),
        (["train", "{single}", "-o", "{out}"], 1, "a single label"),
        (["train", "{missing}", "-o", "{out}"], 1, "No such file or directory"),
        (["info", "{missing}"], 1, "is not a model directory"),
        (["predict", "{spam_model}", "hello"], 1, "made by level1.spam, not level1.textclf"),
    ],
)
def test_refusals_are_one_line(reviews, tmp_path, args, code, message):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "single.csv").write_text("text,label\ngood,1\nfine,1\n")
    spam_model = tmp_path / "spam_model"
    spam_model.mkdir()
    (spam_model / "model.skops").write_bytes(b"")
    (spam_model / "metadata.json").write_text(
        json.dumps({"format": "ml-roadmap-model/1", "tool": "level1.spam"})
    )
    filled = [
        a.format(
            data=reviews,
            out=tmp_path / "out",
            empty=tmp_path / "empty.csv",
            single=tmp_path / "single.csv",
            missing=tmp_path / "missing",
            spam_model=spam_model,
        )
        for a in args
    ]
    result, _, err = run_main(filled)
    assert result == code
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    assert message in lines[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--holdout", "1.5", "argument --holdout: must be a number from 0.0 to 0.9, got 1.5"),
        ("--holdout", "nan", "must be a number from 0.0 to 0.9, got nan"),
        ("--folds", "1", "argument --folds: must be an integer from 2 to 20, got 1"),
        ("--seed", "-1", "argument --seed: must be an integer from 0 to 4,294,967,295"),
    ],
)
def test_out_of_range_numbers_are_usage_errors(reviews, tmp_path, capsys, option, value, message):
    with pytest.raises(SystemExit) as end:
        main(["train", str(reviews), "--no-header", "-o", str(tmp_path / "out"), option, value])
    assert end.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["predict", "info"])
@pytest.mark.parametrize("kind", ["pickle", "corrupt zip", "truncated"])
def test_an_unreadable_model_file_is_refused_in_one_line(
    model_dir, unreadable_model, command, kind
):
    # Issue 10, item 4: with the sha256 in metadata.json updated to match, a model file that
    # is not a skops archive used to end in a zipfile.BadZipFile traceback (the README
    # promises a one-line refusal).
    copy = unreadable_model(model_dir, kind)

    args = [command, str(copy)] + (["hello"] if command == "predict" else [])
    code, out, err = run_main(args)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {copy / 'model.skops'} is not a readable skops model")
    assert "Traceback" not in err
    assert out == ""


def test_the_cli_choices_match_the_library():
    from level1.spam import pipeline
    from level1.textclf import __main__ as textclf_cli

    assert textclf_cli.KINDS == pipeline.KINDS


def test_tampered_model_message_names_the_reason(model_dir, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("metadata.json", "model.skops"):
        (copy / name).write_bytes((model_dir / name).read_bytes())
    (copy / "model.skops").write_bytes((copy / "model.skops").read_bytes()[:-10])
    code, _, err = run_main(["info", str(copy)])
    assert code == 1
    assert err.startswith("error: ")
    assert "changed after it was saved" in err
    assert "Traceback" not in err


def test_help_ends_with_an_example(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    assert "example:\n  textclf train" in capsys.readouterr().out


def test_console_script_is_installed():
    import shutil
    from pathlib import Path

    script = Path(sys.executable).with_name("textclf")
    assert script.exists() or shutil.which("textclf")


def test_version_names_the_package(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert shown == f"textclf (level1.textclf) {version('mlroadmap-level1')}\n"
