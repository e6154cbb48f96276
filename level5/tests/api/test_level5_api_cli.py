"""python -m level5.api: the parser's constants, and one-line failures before anything starts."""

from __future__ import annotations

import socket

import pytest

from level5.api import __main__ as cli


def test_the_parser_spells_out_the_library_constants():
    from level5.api import settings
    from level5.api.defaults import TRAINERS

    assert tuple(TRAINERS) == cli.DEFAULT_MODELS
    assert cli.DEFAULT_REDIS_URL == settings.DEFAULT_REDIS_URL
    assert (cli.REDIS_ENV, cli.MODELS_ENV) == (settings.REDIS_ENV, settings.MODELS_ENV)


def one_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("error:") == 1, err
    return err


def test_serve_refuses_a_folder_without_models(tmp_path, capsys):
    assert cli.main(["serve", "--models", str(tmp_path)]) == 1
    assert "train-defaults" in one_error(capsys)


def test_serve_refuses_a_busy_port(model_folder, capsys):
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        assert cli.main(["serve", "--models", str(model_folder), "--port", str(port)]) == 1
    assert f"cannot listen on 127.0.0.1:{port}" in one_error(capsys)


def test_worker_without_redis_says_so(model_folder, capsys):
    argv = ["worker", "--redis", "redis://127.0.0.1:9/0", "--models", str(model_folder)]
    assert cli.main(argv) == 1
    assert "redis-server" in one_error(capsys)


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["predict", "http://127.0.0.1:9", "spam", "hello"], 1),
        (["predict", "ftp://example", "spam", "hello"], 2),
        (["predict", "http://127.0.0.1:9", "iris", "{not json"], 2),
        (["predict", "http://127.0.0.1:9", "iris", "[1, 2]"], 1),
    ],
)
def test_predict_fails_in_one_line(argv, code, capsys):
    assert cli.main(argv) == code
    one_error(capsys)


def test_train_defaults_refuses_a_file_as_the_folder(tmp_path, capsys):
    target = tmp_path / "models"
    target.write_text("not a folder")
    assert cli.main(["train-defaults", "-o", str(target), "--only", "iris"]) == 1
    one_error(capsys)


def test_train_defaults_trains_only_what_it_is_asked(tmp_path, capsys):
    assert cli.main(["train-defaults", "-o", str(tmp_path), "--only", "iris"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["iris"]
    assert "10-fold CV accuracy" in capsys.readouterr().out
