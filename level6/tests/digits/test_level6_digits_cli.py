"""The CLI as a user meets it: train, evaluate and predict through subprocesses."""

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image


def cli(*args, check=True):
    done = subprocess.run(
        [sys.executable, "-m", "level6.digits", *args], capture_output=True, text=True, check=False
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def test_train_evaluate_predict(tmp_path, realdata, digits):
    realdata("mnist")
    model = tmp_path / "mlp"
    trained = cli("train", "--model", "mlp", "-o", str(model), "--limit", "500", "--epochs", "1")
    assert "validation accuracy" in trained.stdout
    assert "epoch 1/1" in trained.stderr
    report = json.loads(
        cli("evaluate", str(model), "--plots", str(tmp_path / "plots"), "--json").stdout
    )
    assert report["test_images"] == 10_000
    assert report["accuracy"] > 0.5
    assert len(report["plots"]) == 3
    image = tmp_path / "digit.png"
    Image.fromarray(((1 - digits.test_images[0]) * 255).astype(np.uint8)).save(image)
    rows = json.loads(cli("predict", str(model), str(image), "--json").stdout)
    assert len(rows[0]["top3"]) == 3


def test_help_does_not_import_tensorflow():
    code = (
        "import sys; from level6.digits.__main__ import build_parser; build_parser(); "
        "print([m for m in ('tensorflow', 'keras', 'sklearn', 'PIL') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "args",
    [["train", "-o", "x", "--epochs", "0"], ["train", "--model", "svm", "-o", "x"], ["predict"]],
)
def test_bad_arguments_are_usage_errors(args):
    done = cli(*args, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_a_missing_model_is_one_line(tmp_path):
    done = cli("evaluate", str(tmp_path / "nope"), check=False)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "train a model first" in done.stderr
