"""The level's entry point: `python -m level1` lists its mini-projects and the tour command."""

import subprocess
import sys


def test_level_lists_its_projects_and_the_tour():
    result = subprocess.run([sys.executable, "-m", "level1"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "level 1" in result.stdout.splitlines()[0]
    assert "python -m level1 tour" in result.stdout


def test_unknown_command_is_a_usage_error():
    result = subprocess.run(
        [sys.executable, "-m", "level1", "bogus"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: unknown command 'bogus'")
