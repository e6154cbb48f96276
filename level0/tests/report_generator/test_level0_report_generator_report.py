"""The written report: PDF read back with pypdf (and pdftotext), HTML tables parsed, atomic writes.

The oracle recomputes the figures from the CSV with the csv module and math.fsum,
and formats them with plain f-strings: no pandas, no code under test.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import shutil
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pypdf
import pytest

GENERATED = dt.date(2025, 1, 31)


def oracle_by(csv_path: Path, key: str) -> list[tuple[str, str, str, str, str]]:
    """(group, revenue sum, units sum, mean unit price, rows), largest revenue first."""
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    with csv_path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            groups[row[key]].append(row)
    rows = []
    for name, members in groups.items():
        revenue = math.fsum(float(m["revenue"]) for m in members)
        units = sum(int(m["units"]) for m in members)
        price = math.fsum(float(m["unit_price"]) for m in members) / len(members)
        rows.append(
            (revenue, name, f"${revenue:,.2f}", f"{units:,}", f"${price:,.2f}", f"{len(members):,}")
        )
    rows.sort(key=lambda r: (-r[0], r[1]))
    return [r[1:] for r in rows]


class TableReader(HTMLParser):
    """Every <table> of an HTML page as a list of rows of cell texts (the header row first)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in {"td", "th"}:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in {"td", "th"} and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


@pytest.fixture(scope="module")
def written(solution, make_sales, tmp_path_factory):
    """One default report, shared by the tests that only read it."""
    rg = solution("level0.report_generator")
    folder = tmp_path_factory.mktemp("report")
    make_sales().to_csv(folder / "sales.csv", index=False)
    files = rg.generate_report(folder / "sales.csv", folder / "out", generated=GENERATED)
    return folder / "out", files, folder / "sales.csv"


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def test_every_output_file_is_written(written):
    out, files, _ = written
    names = {p.name for p in files}
    assert {"report.pdf", "report.html", "report.md"} <= names
    charts = sorted(out.glob("chart-*.png"))
    assert len(charts) == 2
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in charts)
    assert sorted(p.name for p in out.iterdir()) == sorted(names)  # no temporary files left behind


def test_pdf_has_title_page_tables_chart_and_page_numbers(written):
    out, _, sales_csv = written
    pages = pdf_pages(out / "report.pdf")
    assert len(pages) >= 2
    assert "Report: sales" in pages[0]
    assert "Rows 240" in pages[0]
    assert "2025-01-31" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
    lines = "\n".join(pages[1:]).splitlines()
    for region, revenue, units, price, count in oracle_by(sales_csv, "region"):
        assert f"{region} {revenue} {units} {price} {count}" in lines
    images = sum(len(page.images) for page in pypdf.PdfReader(out / "report.pdf").pages)
    assert images == 2


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)
def test_pdftotext_reads_the_same_figures(written):
    out, _, sales_csv = written
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for row in oracle_by(sales_csv, "channel"):
        assert row[0] in text
        assert row[1] in text


def test_html_tables_match_the_oracle(written):
    out, _, sales_csv = written
    reader = TableReader()
    reader.feed((out / "report.html").read_text(encoding="utf-8"))
    by_region = next(t for t in reader.tables if t[0][0] == "region")
    assert by_region[0] == ["region", "revenue (sum)", "units (sum)", "unit_price (mean)", "rows"]
    expected = oracle_by(sales_csv, "region")
    assert [tuple(r) for r in by_region[1:-1]] == expected
    total = by_region[-1]
    assert total[0] == "All"
    assert total[-1] == "240"
    revenue_total = math.fsum(float(r[1][1:].replace(",", "")) for r in expected)
    assert total[1] == f"${revenue_total:,.2f}"


def test_markdown_has_the_same_tables(written):
    out, _, _ = written
    text = (out / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# Report: sales\n")
    assert "| region | revenue (sum) | units (sum) | unit_price (mean) | rows |" in text
    assert "| :--- | ---: | ---: | ---: | ---: |" in text
    assert "![Revenue (sum) by region](chart-1-revenue-sum-by-region.png)" in text


def test_text_outside_the_core_font_is_replaced_only_in_the_pdf(solution, tmp_path):
    rg = solution("level0.report_generator")
    frame = pd.DataFrame({"city": ["Zürich", "Łódź", "東京"] * 4, "sales": [1.0, 2.0, 3.0] * 4})
    frame.to_csv(tmp_path / "cities.csv", index=False)
    spec = rg.spec_from_dict(
        {"title": "Städte → Umsatz", "group_by": [{"by": "city", "aggregates": ["sales:sum"]}]}
    )
    rg.generate_report(tmp_path / "cities.csv", tmp_path / "out", spec=spec)
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "Łódź" in html
    assert "東京" in html
    assert "Städte → Umsatz" in html
    text = "\n".join(pdf_pages(tmp_path / "out" / "report.pdf"))
    assert "Städte -> Umsatz" in text
    assert "?? 12.00" in text
    assert "Lódz 8.00" in text
    assert "Zürich 4.00" in text


def test_dates_and_currency_follow_the_spec(solution, sales_csv, tmp_path):
    rg = solution("level0.report_generator")
    spec = rg.spec_from_dict(
        {
            "currency": "€",
            "decimals": 1,
            "date_format": "%d.%m.%Y",
            "money_columns": ["revenue"],
            "group_by": [{"by": "date", "aggregates": ["revenue:max"], "top": 2}],
        }
    )
    rg.generate_report(sales_csv, tmp_path / "out", spec=spec)
    text = "\n".join(pdf_pages(tmp_path / "out" / "report.pdf"))
    frame = pd.read_csv(sales_csv)
    best = frame.sort_values(["revenue", "date"], ascending=[False, True]).iloc[0]
    day = dt.date.fromisoformat(best["date"]).strftime("%d.%m.%Y")
    assert f"{day} €{best['revenue']:,.1f}" in text
    assert "Top 2 of" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "is empty"), ("region,revenue\n", "no data rows")],
)
def test_empty_csv_is_refused(solution, tmp_path, content, message):
    rg = solution("level0.report_generator")
    (tmp_path / "d.csv").write_text(content, encoding="utf-8")
    with pytest.raises(rg.DataError, match=message):
        rg.generate_report(tmp_path / "d.csv", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_failed_run_leaves_the_previous_report_alone(solution, sales_csv, tmp_path):
    rg = solution("level0.report_generator")
    out = tmp_path / "out"
    rg.generate_report(sales_csv, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = rg.spec_from_dict({"group_by": [{"by": "region", "aggregates": ["customer:mean"]}]})
    with pytest.raises(rg.SpecError):
        rg.generate_report(sales_csv, out, spec=bad)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_crash_while_rendering_writes_nothing(sales_csv, tmp_path, monkeypatch):
    from level0.report_generator import report

    def broken(_report):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(report, "to_pdf", broken)
    with pytest.raises(RuntimeError):
        report.generate_report(sales_csv, tmp_path / "out")
    assert not (tmp_path / "out").exists()
