"""The CLI as a user meets it: each command's output, help without TensorFlow, bad arguments."""

import json
import subprocess
import sys

import pytest


def cli(*args, check=True):
    done = subprocess.run(
        [sys.executable, "-m", "level6.nn", *args], capture_output=True, text=True, check=False
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def test_perceptron_table_shows_xor_never_converging():
    rows = json.loads(cli("perceptron", "--json").stdout)
    assert {r["gate"]: r["converged"] for r in rows} == {
        "and": True,
        "or": True,
        "nand": True,
        "xor": False,
    }


def test_xor_and_gradcheck_report_success():
    assert "xor(1,1) -> -" in cli("xor").stdout
    assert "backprop agrees" in cli("gradcheck", "--sizes", "3", "4", "2").stdout


def test_learn_writes_its_plot(tmp_path):
    plot = tmp_path / "curves.png"
    result = json.loads(cli("learn", "--epochs", "3", "--plot", str(plot), "--json").stdout)
    assert result["test_accuracy"] > 0.8
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_help_does_not_import_numpy_heavy_or_tensorflow():
    code = "import sys; from level6.nn.__main__ import build_parser; build_parser(); print(sorted(m for m in ('tensorflow', 'keras', 'sklearn') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "args",
    [
        ["gradcheck", "--sizes", "0", "3"],
        ["learn", "--epochs", "-1"],
        ["xor", "--hidden", "x"],
        ["nope"],
    ],
)
def test_bad_arguments_are_usage_errors(args):
    done = cli(*args, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
