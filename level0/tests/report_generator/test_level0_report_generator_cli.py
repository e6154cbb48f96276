"""The CLI: end to end in a subprocess (exit codes, one-line errors), plus quicker in-process calls of main()."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from level0.report_generator.__main__ import main


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level0.report_generator", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, text: str) -> None:
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ")
    assert text in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_writes_the_report_from_a_toml_spec(sales_csv, tmp_path):
    spec = tmp_path / "spec.toml"
    spec.write_text(
        'title = "Quarterly"\n[[group_by]]\nby = "channel"\naggregates = ["units:sum"]\n',
        encoding="utf-8",
    )
    result = cli(sales_csv, "--spec", spec, "-o", tmp_path / "out", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["title"] == "Quarterly"
    assert {Path(p).name for p in summary["files"]} == {"report.md", "report.html", "report.pdf"}
    text = pypdf.PdfReader(tmp_path / "out" / "report.pdf").pages[1].extract_text()
    assert "channel units (sum)" in text


def test_show_spec_prints_the_default_and_writes_nothing(sales_csv, tmp_path, capsys):
    assert main([str(sales_csv), "--show-spec", "-o", str(tmp_path / "out")]) == 0
    assert json.loads(capsys.readouterr().out)["group_by"][0] == {
        "by": ["region"],
        "aggregates": ["revenue:sum", "units:sum", "unit_price:mean", "count"],
    }
    assert not (tmp_path / "out").exists()


def test_missing_column_in_the_spec_is_a_usage_error(sales_csv, tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text('{"group_by": [{"by": "regoin"}]}', encoding="utf-8")
    assert_one_line_error(
        cli(sales_csv, "--spec", spec, "-o", tmp_path / "out"),
        2,
        "column 'regoin', which is not in the data",
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["nope.csv", "-o", "out"], 1, "error: No such file or directory: nope.csv"),
        (["{empty}", "-o", "out"], 1, "error: empty.csv is empty: it has no header and no rows"),
        (["{csv}"], 2, "error: say where to write the report with -o OUT_DIR"),
        (["{csv}", "--spec", "{csv}", "-o", "out"], 2, "a spec must be a .json or .toml file"),
    ],
)
def test_main_turns_bad_input_into_one_line(
    sales_csv, tmp_path, monkeypatch, capsys, args, code, message
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    assert main([a.format(csv=sales_csv, empty="empty.csv") for a in args]) == code
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_help_ends_with_an_example(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "example:\n  python -m level0.report_generator" in capsys.readouterr().out


def test_an_existing_report_is_refused_without_force(sales_csv, tmp_path):
    """Issue 10: -o DIR silently overwrote a report.md/report.html the user had there."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("my notes, not a generated report\n", encoding="utf-8")
    (out / "report.html").write_text("<p>mine</p>\n", encoding="utf-8")
    result = cli(sales_csv, "-o", out)
    assert_one_line_error(result, 1, f"{out / 'report.md'}, {out / 'report.html'} already exist")
    assert "--force overwrites" in result.stderr
    assert (out / "report.md").read_text(encoding="utf-8") == "my notes, not a generated report\n"
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.md"]


def test_force_overwrites_an_existing_report(sales_csv, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("old\n", encoding="utf-8")
    assert main([str(sales_csv), "-o", str(out), "--force"]) == 0
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# ")
    assert (out / "report.pdf").exists()
    capsys.readouterr()
    assert main([str(sales_csv), "-o", str(out)]) == 1  # and now it is refused again
    assert "already exist; --force overwrites" in capsys.readouterr().err


def test_a_chart_left_by_an_earlier_report_is_refused_too(sales_csv, tmp_path, capsys):
    from level0.report_generator import build_report, load_csv
    from level0.report_generator.report import ReportExists, write_report

    out = tmp_path / "out"
    report = build_report(load_csv(sales_csv))
    chart = report.charts[0].filename
    out.mkdir()
    (out / chart).write_bytes(b"an older chart")
    with pytest.raises(ReportExists, match="already exists; --force overwrites"):
        write_report(report, out, overwrite=False)
    assert (out / chart).read_bytes() == b"an older chart"
    assert main([str(sales_csv), "-o", str(out)]) == 1
    assert f"{out / chart} already exists" in capsys.readouterr().err


def test_the_cli_spells_out_the_report_files():
    from level0.report_generator import __main__ as cli_main
    from level0.report_generator.report import REPORT_FILES

    assert REPORT_FILES == cli_main.REPORT_FILES
