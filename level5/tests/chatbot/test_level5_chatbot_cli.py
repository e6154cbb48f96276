"""python -m level5.chatbot: fast help, usage errors, one-line failures, evaluate and chat."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from level5.chatbot import __main__ as cli
from level5.services import python_module


def one_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("error:") == 1, err
    return err


def test_the_parser_spells_out_the_library_constants():
    from level5.chatbot.model import MODES

    assert cli.MODES == MODES


def test_help_imports_neither_scikit_learn_nor_flask():
    script = (
        "import sys\n"
        "from level5.chatbot.__main__ import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "loaded = {'sklearn', 'flask'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "train" in result.stdout
    assert "example:" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["fly"],
        ["train"],
        ["train", "-o", "x", "--per-intent", "0"],
        ["train", "-o", "x", "--per-intent", "99999999999999999999999"],
        ["evaluate"],
        ["chat"],
        ["serve", "--model", "m", "--port", "70000"],
        ["serve", "--model", "m", "--threads", "-1"],
        ["serve", "--model", "m", "--max-sessions", "nan"],
    ],
)
def test_bad_arguments_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["evaluate"], ["chat", "--model"], ["serve", "--model"]])
def test_a_missing_model_fails_in_one_line(command, tmp_path, capsys):
    assert cli.main([*command, str(tmp_path / "nothing")]) == 1
    assert "train one with" in one_error(capsys)


def test_a_broken_model_fails_in_one_line(model_dir, tmp_path, capsys):
    broken = tmp_path / "model"
    broken.mkdir()
    (broken / "metadata.json").write_text("{not json")
    (broken / "model.skops").write_bytes(b"PK")
    assert cli.main(["evaluate", str(broken)]) == 1
    assert "not valid JSON" in one_error(capsys)


def test_train_refuses_a_file_as_the_folder(tmp_path, capsys):
    target = tmp_path / "model"
    target.write_text("not a folder")
    assert cli.main(["train", "-o", str(target)]) == 1
    assert "is a file" in one_error(capsys)
    assert target.read_text() == "not a folder"


def test_serve_refuses_a_busy_port_and_a_bad_url(model_dir, capsys):
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        assert cli.main(["serve", "--model", str(model_dir), "--port", str(port)]) == 1
    assert f"cannot listen on 127.0.0.1:{port}" in one_error(capsys)
    assert cli.main(["chat", "--model", str(model_dir), "--weather-url", "ftp://x"]) == 2
    one_error(capsys)


def test_evaluate_prints_the_table_and_json(model_dir, clinc, capsys):
    assert cli.main(["evaluate", str(model_dir)]) == 0
    table = capsys.readouterr().out
    assert "4,500 in-scope + 1,000 out-of-scope" in table
    assert "paper: BERT" in table
    assert cli.main(["evaluate", str(model_dir), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) == set(cli.MODES)


def test_chat_reads_lines_and_ends_on_eof(model_dir, weather_url, tmp_path):
    argv = python_module(
        "level5.chatbot", "chat", "--model", str(model_dir),
        "--weather-url", weather_url, "--todo", str(tmp_path / "tasks.json"),
    )  # fmt: skip
    result = subprocess.run(
        argv,
        input="what's the weather?\nLisbon\nadd buy milk to my todo list\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "bot> Which city?"
    assert lines[1].startswith("bot> Lisbon, Portugal")
    assert lines[2] == "bot> Added to your to-do list: buy milk (#1)."
    assert lines[-1] == "bye"
    assert json.loads((tmp_path / "tasks.json").read_text())["tasks"][0]["title"] == "buy milk"
