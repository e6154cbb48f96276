"""The CLI as a person uses it: real subprocesses, SIGKILL and Ctrl-C mid-download, resume, report."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from level4.downloader.server import Faults, LocalServer
from level4.downloader.state import FileState

SIZE = 400_000
DATA = random.Random(7).randbytes(SIZE)
# 8 segments of 50,000 bytes fetched 2 at a time at 100 kB/s: about 2 s, in 4 waves
SLOW = ["--threads", "2", "--segments", "8", "--min-segment", "48"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    (root / "data.bin").write_bytes(DATA)
    with LocalServer(root) as running:
        yield running


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level4.downloader", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "level4.downloader", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for_progress(state_path: Path, process: subprocess.Popen[str]) -> None:
    """Until the saved state shows some segments finished and some not (or fail the test)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        state = FileState.load(state_path)
        if state is not None:
            finished = len(state.segments) - len(state.unfinished)
            if finished >= 2 and state.unfinished:
                return
        time.sleep(0.05)
    pytest.fail("the download never reached the middle")


def segment_records(log: Path) -> list[dict[str, object]]:
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    return [r for r in lines if r["kind"] == "segment"]


def test_after_sigkill_a_resume_fetches_only_the_unfinished_segments(server, tmp_path):
    server.set_faults(Faults(rate=100_000))
    out, url = tmp_path / "out", server.url("data.bin")
    process = start("get", url, "-o", str(out), *SLOW, cwd=tmp_path)
    wait_for_progress(out / "data.bin.part.json", process)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    saved = FileState.load(out / "data.bin.part.json")
    assert saved is not None
    assert not (out / "data.bin").exists()
    missing = {(s.start + s.done, s.end) for s in saved.unfinished}

    server.set_faults(Faults())
    while server.stats.in_flight:  # the killed client's answers end at their next write
        time.sleep(0.01)
    server.reset_stats()
    log = tmp_path / "resume.jsonl"
    resumed = cli("get", url, "-o", str(out), *SLOW, "--log", str(log), cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert (out / "data.bin").read_bytes() == DATA
    assert sorted(p.name for p in out.iterdir()) == ["data.bin"]
    fetched = segment_records(log)
    assert {(r["start"], r["end"]) for r in fetched} == missing
    assert sum(r["bytes"] for r in fetched) == SIZE - saved.done  # type: ignore[misc]
    assert server.stats.snapshot()["body_bytes"] == SIZE - saved.done
    assert f"{saved.done / 1e6:,.2f} MB resumed" in resumed.stdout


def test_ctrl_c_saves_the_state_and_says_so_in_one_line(server, tmp_path):
    server.set_faults(Faults(rate=100_000))
    out, url = tmp_path / "out", server.url("data.bin")
    process = start(url, "-o", str(out), *SLOW, cwd=tmp_path)  # no subcommand: get
    wait_for_progress(out / "data.bin.part.json", process)
    os.kill(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.strip().count("\n") == 0, stderr
    assert stderr.startswith("error: interrupted; progress of 1 file(s) saved")
    saved = FileState.load(out / "data.bin.part.json")
    assert saved is not None
    assert 0 < saved.done < SIZE
    assert not (out / "data.bin").exists()
    server.set_faults(Faults())
    assert cli(url, "-o", str(out), *SLOW, cwd=tmp_path).returncode == 0
    assert (out / "data.bin").read_bytes() == DATA


def test_a_sha256_mismatch_is_one_line_and_no_file(server, tmp_path):
    server.set_faults(Faults())
    out = tmp_path / "out"
    wrong = hashlib.sha256(b"something else").hexdigest()
    result = cli("get", server.url("data.bin"), "-o", str(out), "--sha256", wrong, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: data.bin: sha256 mismatch")
    assert "no file was written" in lines[0]
    assert list(out.iterdir()) == []


def test_a_verified_download_logs_and_reports(server, tmp_path):
    server.set_faults(Faults(schedule=["503", "reset"]))
    out, log = tmp_path / "out", tmp_path / "perf.jsonl"
    good = hashlib.sha256(DATA).hexdigest()
    url = server.url("data.bin")
    args = ["get", url, "-o", str(out), "--sha256", good, "--log", str(log), "--json"]
    result = cli(*args, "--min-segment", "16", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["files"][0]["status"] == "done"
    assert answer["summary"]["retries"] == 2
    assert (out / "data.bin").read_bytes() == DATA
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert [r["kind"] for r in records].count("summary") == 1
    segments = [r for r in records if r["kind"] == "segment"]
    assert sum(r["bytes"] for r in segments) == SIZE
    assert {"bytes", "seconds", "mb_per_s", "retries", "thread"} <= set(segments[0])

    png = tmp_path / "timeline.png"
    report = cli("report", str(log), "--png", str(png), cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert report.stdout.splitlines()[1].split()[:3] == ["thread", "segments", "MB"]
    assert "worker_" in report.stdout
    assert "total 0.40 MB" in report.stdout
    assert png.read_bytes().startswith(b"\x89PNG")
    as_json = json.loads(cli("report", str(log), "--json", cwd=tmp_path).stdout)
    assert sum(t["segments"] for t in as_json["threads"]) == len(segments)


def test_serve_runs_until_ctrl_c(tmp_path):
    (tmp_path / "a.bin").write_bytes(b"abc")
    process = start("serve", str(tmp_path), "--port", "0", "--faults", "503", cwd=tmp_path)
    assert process.stdout is not None
    line = process.stdout.readline()
    url = line.split(" at ")[1].split()[0]
    got = cli("get", f"{url}a.bin", "-o", str(tmp_path / "out"), cwd=tmp_path)
    os.kill(process.pid, signal.SIGINT)
    stdout, _ = process.communicate(timeout=30)
    assert got.returncode == 0, got.stderr
    assert (tmp_path / "out" / "a.bin").read_bytes() == b"abc"
    assert process.returncode == 0
    assert "stopped after 2 requests" in stdout
