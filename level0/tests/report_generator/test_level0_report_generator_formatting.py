"""Number, money and date formatting, and the PDF's character policy."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234.5, 2, "1,234.50"),
        (-1234567.891, 1, "-1,234,567.9"),
        (0.0, 2, "0.00"),
        (-0.001, 2, "0.00"),
        (999.5, 0, "1,000"),
    ],
)
def test_format_number_examples(solution, value, decimals, text):
    assert solution("level0.report_generator").format_number(value, decimals) == text


def test_format_currency_puts_the_sign_before_the_symbol(solution):
    rg = solution("level0.report_generator")
    assert rg.format_currency(-1234.5) == "-$1,234.50"
    assert rg.format_currency(12, "€") == "€12.00"
    assert rg.format_currency(12, "CHF") == "CHF 12.00"
    assert rg.format_currency(math.nan) == "n/a"


def test_format_date_is_iso_by_default(solution):
    rg = solution("level0.report_generator")
    assert rg.format_date(dt.date(2024, 3, 9)) == "2024-03-09"
    assert rg.format_date(dt.datetime(2024, 3, 9, 17, 5), "%d.%m.%Y") == "09.03.2024"


@given(finite, st.integers(min_value=0, max_value=4))
def test_format_number_reads_back_as_the_rounded_value(solution, value, decimals):
    text = solution("level0.report_generator").format_number(value, decimals)
    assert float(text.replace(",", "")) == pytest.approx(round(value, decimals), abs=10**-decimals)
    whole = text.lstrip("-").split(".")[0]
    assert all(len(group) == 3 for group in whole.split(",")[1:])  # groups of three digits


@given(finite)
def test_format_currency_is_the_number_with_a_symbol(solution, value):
    rg = solution("level0.report_generator")
    number = rg.format_number(value)
    assert rg.format_currency(value, "$") == (
        f"-${number[1:]}" if number.startswith("-") else f"${number}"
    )


@given(st.text())
def test_pdf_safe_always_fits_the_core_font(solution, text):
    rg = solution("level0.report_generator")
    safe = rg.pdf_safe(text)
    safe.encode("cp1252")  # never raises
    assert rg.pdf_safe(safe) == safe


@given(st.text(alphabet=st.characters(max_codepoint=0xFF, exclude_categories=("Cc",))))
def test_pdf_safe_keeps_printable_latin1_text(solution, text):
    assert solution("level0.report_generator").pdf_safe(text) == text


def test_pdf_safe_policy_examples(solution):
    safe = solution("level0.report_generator").pdf_safe
    assert safe("€ “quoted” – ok…") == "€ “quoted” – ok…"  # all in Windows-1252
    assert (
        safe("Łódź → Kraków") == "Lódz -> Kraków"
    )  # stand-ins; accents kept only where cp1252 has them
    assert safe("日本 ✓") == "?? v"
