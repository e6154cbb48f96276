"""python -m level5.blog as a user runs it: a real database, production settings, errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SECRET = "test-only-" + "k3Yq9" * 9  # 55 characters, 9 distinct: what check --deploy wants


def blog(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BLOG_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "-m", "level5.blog", *args],
        capture_output=True, text=True, env={**clean, **env}, timeout=300,
    )  # fmt: skip


def one_error(done: subprocess.CompletedProcess[str], code: int) -> str:
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "error: " in line]
    return line


def test_migrate_creates_the_database_and_the_checks_pass(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = blog("migrate", "--data", str(data))
    assert done.returncode == 0, done.stderr
    assert "Applying posts.0001_initial... OK" in done.stdout
    assert (data / "blog.sqlite3").is_file()
    again = blog("check", "--data", str(data))
    assert again.returncode == 0, again.stderr
    assert "no issues" in again.stdout
    line = one_error(blog("rescore_comments", "--data", str(data), "--models", str(tmp_path)), 1)
    assert "spam model unavailable" in line


def test_production_passes_check_deploy_with_no_warning(tmp_path: Path) -> None:
    production = {
        "BLOG_PRODUCTION": "true",
        "BLOG_SECRET_KEY": SECRET,
        "BLOG_ALLOWED_HOSTS": "blog.example.org",
        "BLOG_DATA": str(tmp_path),
    }
    done = blog("check", "--deploy", **production)
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout
    weak = blog("check", "--deploy", **{**production, "BLOG_SECRET_KEY": "short"})
    assert weak.returncode == 1
    assert "security.W009" in weak.stderr  # a warning fails the check: --fail-level WARNING


@pytest.mark.parametrize(
    ("missing", "says"),
    [("BLOG_SECRET_KEY", "BLOG_SECRET_KEY is not set"), ("BLOG_ALLOWED_HOSTS", "ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_its_settings(
    missing: str, says: str, tmp_path: Path
) -> None:
    env = {"BLOG_PRODUCTION": "true", "BLOG_SECRET_KEY": SECRET, "BLOG_ALLOWED_HOSTS": "a.org"}
    del env[missing]
    assert says in one_error(blog("check", "--data", str(tmp_path), **env), 1)


def test_commands_need_a_database_and_write_nothing_without_one(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here"
    line = one_error(blog("seed_demo", "--data", str(missing)), 1)
    assert "no database" in line
    assert "migrate" in line
    assert not missing.exists()
    a_file = tmp_path / "file"
    a_file.write_text("not a folder")
    assert "is a file" in one_error(blog("migrate", "--data", str(a_file)), 2)
    assert "must be" in one_error(blog("seed_demo", "--comments", "0"), 2)
