"""The CLI: end to end in a subprocess (exit codes, one-line errors), details in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from level0.datagen import __main__ as datagen_main
from level0.datagen import generate, tour, write
from level0.datagen.__main__ import main


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level0.datagen", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_preset_to_csv_matches_the_library_byte_for_byte(tmp_path: Path) -> None:
    target = tmp_path / "titanic.csv"
    done = run_cli("--preset", "titanic", "--rows", "891", "--seed", "1", "-o", target)
    assert done.returncode == 0, done.stderr
    assert "wrote 891 rows x 12 columns" in done.stdout
    assert sorted(tmp_path.iterdir()) == [target]  # no temporary file left behind
    reference = write(generate("titanic", 891, seed=1), tmp_path / "here.csv")
    assert target.read_bytes() == reference.read_bytes()  # same bytes in another process
    assert pd.read_csv(target).shape == (891, 12)


def test_bad_schema_is_one_line_and_exit_2(tmp_path: Path) -> None:
    schema = tmp_path / "bad.json"
    bad = {"columns": {"age": {"kind": "int", "distribution": "uniform", "min": 90, "max": 10}}}
    schema.write_text(json.dumps(bad), encoding="utf-8")
    out = tmp_path / "never.csv"
    done = run_cli("--schema", schema, "--rows", "5", "-o", out)
    assert done.returncode == 2
    assert done.stderr == "error: column 'age': 'min' (90) is greater than 'max' (10)\n"
    assert not out.exists()


def test_unknown_preset_is_a_usage_error() -> None:
    done = run_cli("--preset", "titanik")
    assert done.returncode == 2
    assert "invalid choice: 'titanik'" in done.stderr
    assert "Traceback" not in done.stderr


def test_schema_file_to_jsonl_and_csv_on_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = tmp_path / "schema.toml"
    schema.write_text(
        '[columns.n]\nkind = "int"\ndistribution = "uniform"\nmin = 1\nmax = 3\n'
        '[columns.when]\nkind = "date"\nstart = 2024-01-01\nend = 2024-01-31\n',
        encoding="utf-8",
    )
    out = tmp_path / "rows.jsonl"
    assert main(["--schema", str(schema), "--rows", "20", "--seed", "4", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 20
    assert all(1 <= r["n"] <= 3 and r["when"].startswith("2024-01-") for r in records)
    capsys.readouterr()
    assert main(["--schema", str(schema), "--rows", "3", "--seed", "4"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "n,when"
    assert len(lines) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rows", "5"], "error: give --preset NAME or --schema FILE"),
        (["--preset", "sales", "--json"], "error: --json goes with --list-presets"),
    ],
)
def test_usage_errors_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    assert capsys.readouterr().err.startswith(message)


def test_negative_rows_is_refused_by_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--preset", "sales", "--rows", "-4"])
    assert exited.value.code == 2
    assert "must be an integer from 0 to 1,000,000,000, got -4" in capsys.readouterr().err


def test_the_cli_spells_out_the_library_constants() -> None:
    """--help loads no pandas, so the parser's choices are written out: they must agree."""
    from level0.datagen import PRESETS
    from level0.datagen.output import FORMATS

    assert tuple(PRESETS) == datagen_main.PRESETS
    assert datagen_main.FORMATS == FORMATS
    assert set(datagen_main.BYTES_PER_ROW) == set(PRESETS)


def _never(*args: object, **kwargs: object) -> None:
    raise AssertionError("generate() ran although the table cannot fit")


def test_a_table_too_big_for_memory_is_refused_before_generating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 10: --preset titanic --rows 100000000 died with MemoryError."""
    monkeypatch.setattr("level0.cli.available_memory", lambda: 8 * 1024**3)
    monkeypatch.setattr("level0.datagen.table.generate", _never)
    out = tmp_path / "big.csv"
    assert main(["--preset", "titanic", "--rows", "100000000", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: 100,000,000 rows of titanic would need about 42 GB")
    assert f"at most about {4 * 1024**3 // 450:,} fit" in err
    assert err.count("\n") == 1
    assert not out.exists()


def test_a_big_schema_file_is_measured_on_a_probe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from level0.datagen.budget import FLOOR, bytes_per_row
    from level0.datagen.schema import load_schema

    schema = tmp_path / "s.toml"
    schema.write_text('[columns.note]\nkind = "text"\nwords = [40, 60]\n', encoding="utf-8")
    per_row = bytes_per_row(load_schema(schema), probe_rows=500)
    assert per_row > FLOOR  # 40-60 words a row cost more than the floor
    monkeypatch.setattr("level0.cli.available_memory", lambda: 2 * 1024**3)
    assert main(["--schema", str(schema), "--rows", "50000000"]) == 2
    assert "50,000,000 rows of" in capsys.readouterr().err


def test_missing_schema_file_is_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--schema", str(tmp_path / "nowhere.toml")]) == 1
    assert capsys.readouterr().err.startswith("error: No such file or directory")


def test_list_presets_as_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-presets", "--json"]) == 0
    presets = {p["name"]: p["columns"] for p in json.loads(capsys.readouterr().out)}
    assert set(presets) == {"titanic", "housing", "products", "emails", "sensor_series", "sales"}
    assert presets["sales"][:3] == ["order_id", "date", "region"]
    assert main(["--list-presets"]) == 0
    assert "columns: PassengerId, Survived" in capsys.readouterr().out


def test_help_ends_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    assert "example:\n  python -m level0.datagen --preset titanic" in capsys.readouterr().out


def test_tour_writes_every_preset(tmp_path: Path) -> None:
    result = tour.run(tmp_path)
    assert result.data == "synthetic"
    assert len(result.files) == 6
    assert all(f.parent == tmp_path and f.exists() for f in result.files)
    assert result.key_result.startswith("6 presets, 6,000 rows, titanic survival 0.")
