"""The CLI as a user meets it: help without TensorFlow, bad arguments, each command's output.

Commands run in-process through ``main`` (TensorFlow is loaded once for the suite);
one subprocess checks that ``--help`` never imports it.
"""

import json
import subprocess
import sys

import pytest
from PIL import Image, ImageDraw

from level6.products.__main__ import main

PNG = b"\x89PNG\r\n\x1a\n"


def cli(capsys, *args, code=0):
    assert main([str(a) for a in args]) == code
    return capsys.readouterr()


def exit_code(argv):
    """``main``'s exit code; argparse's own usage errors exit instead of returning."""
    try:
        return main(argv)
    except SystemExit as stopped:
        return stopped.code


def trouser_photo(path):
    """A dark, trouser-like shape on a white studio background (synthetic)."""
    image = Image.new("RGB", (120, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((30, 20, 90, 60), fill=(40, 40, 60))  # waist
    draw.rectangle((30, 60, 56, 180), fill=(40, 40, 60))  # left leg
    draw.rectangle((64, 60, 90, 180), fill=(40, 40, 60))  # right leg
    image.save(path)
    return path


def test_help_does_not_import_tensorflow_or_sklearn():
    code = "import sys; from level6.products.__main__ import build_parser; build_parser(); print(sorted(m for m in ('tensorflow', 'keras', 'sklearn', 'matplotlib') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "args",
    [
        ["train"],
        ["train", "-o", "{tmp}/x", "--epochs", "0"],
        ["train", "-o", "{tmp}/x", "--limit", "99999999999999999999"],
        ["saliency", "{tmp}/x", "-o", "out.txt"],
        ["saliency", "{tmp}/x", "-o", "out.png", "--count", "11"],
        ["evaluate", "{tmp}/x", "--plot", "confusion.jpg"],
        ["nope"],
    ],
)
def test_bad_arguments_are_usage_errors(args, tmp_path, capsys):
    assert exit_code([a.format(tmp=tmp_path) for a in args]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_our_usage_errors_name_the_flag(tmp_path, capsys):
    err = cli(capsys, "saliency", tmp_path / "x", "-o", tmp_path, code=2).err
    assert err.startswith("error: -o ")
    assert not (tmp_path / "x").exists()


def test_train_refuses_a_folder_it_would_clobber_before_training(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    assert "holds other files" in cli(capsys, "train", "-o", tmp_path, code=2).err
    assert "is a file" in cli(capsys, "train", "-o", tmp_path / "notes.txt", code=2).err
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_missing_model_folder_is_one_line(tmp_path, capsys):
    err = cli(capsys, "evaluate", tmp_path / "absent", code=1).err
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert not (tmp_path / "absent").exists()


def test_evaluate_prints_json_and_writes_the_confusion_matrix(tiny, tmp_path, capsys):
    plot = tmp_path / "plots" / "confusion.png"
    result = json.loads(cli(capsys, "evaluate", tiny[0], "--plot", plot, "--json").out)
    assert result["images"] == 10_000
    assert 0.35 < result["accuracy"] <= 1.0  # chance is 0.1
    assert set(result["per_class"]) >= {"shirt", "T-shirt/top", "bag"}
    assert result["confused_pairs"][0]["count"] >= result["confused_pairs"][-1]["count"]
    assert plot.read_bytes()[:8] == PNG


def test_saliency_writes_a_png(tiny, tmp_path, capsys):
    out = tmp_path / "saliency.png"
    assert "saliency maps of 3" in cli(capsys, "saliency", tiny[0], "-o", out, "--count", "3").out
    assert out.read_bytes()[:8] == PNG


def test_predict_ranks_three_classes_for_a_photo(tiny, tmp_path, capsys):
    photo = trouser_photo(tmp_path / "trouser.png")
    guesses = json.loads(cli(capsys, "predict", tiny[0], photo, "--json").out)
    assert len(guesses) == 3
    probabilities = [g["probability"] for g in guesses]
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) <= 1.0 + 1e-6
    assert len({g["label"] for g in guesses}) == 3
    assert "plain background" in cli(capsys, "predict", tiny[0], photo).out


def test_predict_refuses_a_file_that_is_not_an_image(tiny, tmp_path, capsys):
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    err = cli(capsys, "predict", tiny[0], text, code=1).err
    assert "not an image" in err


def test_train_writes_a_model_folder_and_its_wall_time(fmnist, tmp_path, capsys):
    out = cli(capsys, "train", "-o", tmp_path / "cnn", "--limit", "200", "--epochs", "1").out
    assert "wall time" in out
    assert "validation accuracy" in out
    assert (tmp_path / "cnn" / "model.keras").is_file()
