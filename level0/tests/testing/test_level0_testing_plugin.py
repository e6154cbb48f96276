"""The pytest plugin every level uses: network guard, solution switching, fixtures."""

from __future__ import annotations

import socket
import textwrap
from pathlib import Path

import pytest
import requests

from level0.testing import NetworkBlocked

LEVEL0_TESTS = Path(__file__).resolve().parents[1]


def test_connection_beyond_loopback_is_blocked_with_the_reason():
    with socket.socket() as sock, pytest.raises(NetworkBlocked, match="never leave this machine"):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: documentation-only address


def test_requests_to_a_public_host_are_blocked_before_dns():
    with pytest.raises(requests.ConnectionError, match=r"blocked a lookup of 'example\.com'"):
        requests.get("http://example.com/", timeout=5)


def test_loopback_is_allowed(httpserver):
    httpserver.expect_request("/ping").respond_with_data("pong")
    assert requests.get(httpserver.url_for("/ping"), timeout=5).text == "pong"


def test_serve_dir_serves_every_file(serve_dir, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("alpha")
    (tmp_path / "sub" / "b.json").write_text('{"b": 1}')
    base = serve_dir(tmp_path)
    assert base.startswith("http://localhost:") or base.startswith("http://127.0.0.1:")
    assert requests.get(f"{base}/a.txt", timeout=5).text == "alpha"
    assert requests.get(f"{base}/sub/b.json", timeout=5).json() == {"b": 1}


def test_realdata_skips_with_the_fetch_command(pytester, tmp_path, monkeypatch):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path / "empty"))
    pytester.makepyfile(
        """
        def test_needs_titanic(realdata):
            realdata("titanic")
        """
    )
    result = pytester.runpytest_subprocess("-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*python -m level0.datasets fetch titanic*"])


def test_solution_loads_a_learner_module_or_package(pytester, tmp_path):
    solutions = tmp_path / "mine"
    (solutions / "level0" / "pkgproject").mkdir(parents=True)
    (solutions / "level0" / "modproject.py").write_text("ANSWER = 'module'\n")
    (solutions / "level0" / "pkgproject" / "__init__.py").write_text("from .part import ANSWER\n")
    (solutions / "level0" / "pkgproject" / "part.py").write_text("ANSWER = 'package'\n")
    pytester.makepyfile(
        """
        def test_module(solution):
            assert solution("level0.modproject").ANSWER == "module"

        def test_package(solution):
            assert solution("level0.pkgproject").ANSWER == "package"

        def test_reference_when_missing(solution):
            assert solution("level0.tour").__name__ == "level0.tour"
        """
    )
    result = pytester.runpytest_subprocess("--solutions", str(solutions))
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines([f"*solutions from {solutions}*"])


DATAGEN_CONTRACT = LEVEL0_TESTS / "datagen" / "test_level0_datagen_contract.py"


def run_contract(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess(
        str(DATAGEN_CONTRACT), "--import-mode=importlib", "-p", "no:cacheprovider", "-q", *args
    )


@pytest.mark.skipif(
    not DATAGEN_CONTRACT.exists(), reason="the datagen contract tests are not there"
)
def test_broken_datagen_solution_fails_the_contract_and_reference_passes(pytester, tmp_path):
    broken = tmp_path / "broken" / "level0"
    broken.mkdir(parents=True)
    (broken / "datagen.py").write_text(
        textwrap.dedent(
            """
            # A learner's attempt that ignores the row count and the seed.
            import numpy as np
            import pandas as pd
            from level0.datagen import *  # noqa: F403  (the rest of the API, unchanged)

            def generate(schema, rows, seed=0):
                rng = np.random.default_rng()
                return pd.DataFrame({"x": rng.integers(0, 10, size=3)})
            """
        )
    )
    reference = run_contract(pytester)
    assert reference.ret == 0, reference.stdout.str()
    failing = run_contract(pytester, "--solutions", str(tmp_path / "broken"))
    assert failing.ret == 1
    outcomes = failing.parseoutcomes()
    assert outcomes.get("failed", 0) >= 3, failing.stdout.str()
