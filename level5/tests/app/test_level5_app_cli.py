"""python -m level5.app: the real Streamlit server on loopback, refused inputs, Ctrl-C."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from level5.api.settings import MODELS_ENV
from level5.app import __main__ as cli
from level5.services import free_port, port_open


def test_the_default_model_folder_is_the_apis_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    models = tmp_path / "not-a-folder"
    models.write_text("")
    monkeypatch.setenv(MODELS_ENV, str(models))
    assert cli.main(["--port", "0"]) == 1
    assert f"error: {models} is a file" in capsys.readouterr().err


def test_the_streamlit_command_is_headless_on_loopback_without_statistics() -> None:
    argv = cli.streamlit_argv(8765)
    assert argv[1:5] == ["-m", "streamlit", "run", str(cli.APP)]
    assert cli.APP.is_file()
    for flag in (
        "--server.headless=true",
        "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false",
        "--server.port=8765",
    ):
        assert flag in argv


def test_a_file_as_model_folder_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    models = tmp_path / "models.txt"
    models.write_text("not a folder")
    assert cli.main(["--models", str(models), "--port", "0"]) == 1
    assert capsys.readouterr().err == (
        f"error: {models} is a file; --models wants a folder of models (or a new one)\n"
    )


def test_a_busy_port_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert cli.main(["--models", str(tmp_path), "--port", str(port)]) == 1
    assert f"error: port {port} is in use" in capsys.readouterr().err


def test_the_server_answers_and_ctrl_c_stops_it_in_one_line(
    model_folder: Path, tmp_path: Path
) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "level5.app", "--models", str(model_folder), "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert server.stdout is not None
        started = server.stdout.readline()  # printed once Streamlit answers its health check
        assert started == f"app at http://127.0.0.1:{port} (models: {model_folder})\n"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=10) as r:
            assert r.read() == b"ok"
        os.killpg(server.pid, signal.SIGINT)  # what Ctrl-C in the terminal sends
        out, err = server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0
    assert out == "app stopped\n"
    assert err == "press Ctrl-C to stop\n"
    assert not port_open(port)()  # the Streamlit server went with it
    assert list(tmp_path.iterdir()) == []  # nothing written where it ran
