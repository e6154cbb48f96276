"""The command line: train, predict (text, file, .eml), evaluate, and one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from email.message import EmailMessage

import pytest

from level1 import modelstore
from level1.spam.__main__ import main

CLI = [sys.executable, "-m", "level1.spam"]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    """A filter trained by the train command on the synthetic corpus."""
    folder = tmp_path_factory.mktemp("spam") / "model"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(
            ["train", "--corpus", "synthetic", "-o", str(folder), "--model", "nb", "--folds", "3"]
        )
    assert code == 0, err.getvalue()
    assert "held-out split" in out.getvalue()
    assert "synthetic" in err.getvalue()  # the data is labelled synthetic
    return folder


def test_train_writes_a_model_directory(model_dir):
    assert sorted(p.name for p in model_dir.iterdir()) == ["metadata.json", "model.skops"]


def test_predict_a_text(model_dir):
    done = subprocess.run(
        [*CLI, "predict", str(model_dir), "Claim your cash prize, urgent winner"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("spam  (score ")


def test_predict_json_and_file(model_dir, tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text("Dinner with mum and dad on Sunday, bring cake", encoding="utf-8")
    assert main(["predict", str(model_dir), "--file", str(note), "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["label"] == "ham"
    assert set(verdict) == {"label", "score", "threshold"}


def test_predict_an_eml_file(model_dir, tmp_path, capsys):
    message = EmailMessage()
    message["Subject"] = "Urgent: claim your prize"
    message.set_content(
        "<p>Winner! Cash bonus, verify your account immediately</p>", subtype="html"
    )
    path = tmp_path / "offer.eml"
    path.write_bytes(message.as_bytes())
    assert main(["predict", str(model_dir), "--file", str(path)]) == 0
    assert capsys.readouterr().out.startswith("spam")


def test_evaluate_json_uses_the_heldout_split(model_dir, capsys):
    assert main(["evaluate", str(model_dir), "--corpus", "synthetic", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scope"].startswith("held-out split of synthetic")
    assert report["messages"] == 200
    assert {"accuracy", "spam_caught", "blocked_ham", "mcc", "confusion"} <= set(report)


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    errors = [line for line in err if line.startswith("error:")]
    assert len(errors) == 1, err
    assert not any("Traceback" in line for line in err)
    return errors[0]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["predict", "{model}"], 2, "give the message text or --file"),
        (["predict", "{model}", "hi", "--file", "x.txt"], 2, "give the message text or --file"),
        (["predict", "{missing}", "hi"], 1, "is not a model directory"),
        (["predict", "{model}", "--file", "{missing}"], 1, "No such file or directory"),
    ],
)
def test_bad_requests_get_one_line(model_dir, tmp_path, capsys, args, code, message):
    filled = [
        a.format(model=model_dir, missing=tmp_path / "nope", out=tmp_path / "out") for a in args
    ]
    assert main(filled) == code
    assert message in one_line_error(capsys)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--folds", "1", "argument --folds: must be an integer from 2 to 20, got 1"),
        ("--folds", "99999999999999999999999", "must be an integer from 2 to 20"),
        ("--max-blocked-ham", "5", "argument --max-blocked-ham: must be a number from 0.0"),
        ("--max-blocked-ham", "nan", "must be a number from 0.0 to 0.999, got nan"),
    ],
)
def test_out_of_range_numbers_are_usage_errors(tmp_path, capsys, option, value, message):
    with pytest.raises(SystemExit) as end:
        main(["train", "--corpus", "synthetic", "-o", str(tmp_path / "out"), option, value])
    assert end.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_missing_real_data_names_the_fetch_command(model_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path / "empty"))
    assert main(["evaluate", str(model_dir), "--corpus", "sms"]) == 1
    assert "python -m level0.datasets fetch sms_spam" in one_line_error(capsys)


def test_tampered_model_is_refused(model_dir, tmp_path, capsys):
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("metadata.json", "model.skops"):
        (copy / name).write_bytes((model_dir / name).read_bytes())
    with open(copy / "model.skops", "ab") as handle:
        handle.write(b"\0")
    assert main(["predict", str(copy), "hello"]) == 1
    assert "changed after it was saved" in one_line_error(capsys)


def test_debug_lets_the_exception_through(tmp_path):
    with pytest.raises(modelstore.ModelError):
        main(["--debug", "predict", str(tmp_path), "hi"])


def test_evaluate_can_draw_the_scores(model_dir, tmp_path, capsys):
    plot = tmp_path / "scores.png"
    assert main(["evaluate", str(model_dir), "--corpus", "synthetic", "--plot", str(plot)]) == 0
    assert plot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "plot written to" in capsys.readouterr().err


def test_the_cli_choices_match_the_library():
    from level1.spam import __main__ as spam_cli
    from level1.spam import corpus, pipeline

    assert spam_cli.CORPORA == corpus.CORPORA
    assert spam_cli.KINDS == pipeline.KINDS


@pytest.mark.parametrize("kind", ["pickle", "corrupt zip", "truncated"])
def test_predict_refuses_an_unreadable_model_file_in_one_line(
    model_dir, unreadable_model, capsys, kind
):
    # Issue 10, item 4: with the sha256 in metadata.json updated to match, a model file that
    # is not a skops archive used to end in a zipfile.BadZipFile traceback.
    copy = unreadable_model(model_dir, kind)

    assert main(["predict", str(copy), "hello"]) == 1
    line = one_line_error(capsys)
    assert str(copy / "model.skops") in line
    assert "not a readable skops model" in line
