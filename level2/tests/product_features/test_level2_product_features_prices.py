"""Price parsing: one test per rule, round trips through the formatter, Python's own format as oracle."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st


@pytest.mark.parametrize("text", ["", "  ", "N/A", "na", "-", "Call for price", "TBC", None])
def test_rule_1_no_price_is_none(pf, text):
    assert pf.parse_price(text) is None


def test_rule_2_free_is_zero(pf):
    assert pf.parse_price("Free") == pf.Price(0.0, None, 0.0, 0.0, "free")


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [("from £12", 12.0, "GBP"), ("From 9,99 €", 9.99, "EUR"), ("starting at $3.50", 3.5, "USD")],
)
def test_rule_3_lower_bounds(pf, text, amount, currency):
    price = pf.parse_price(text)
    assert (price.amount, price.currency, price.kind) == (amount, currency, "from")


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("£5", "GBP"),
        ("5 €", "EUR"),
        ("$5", "USD"),
        ("US$ 5", "USD"),
        ("A$5", "AUD"),
        ("¥5", "JPY"),
        ("GBP 5", "GBP"),
        ("5 eur", "EUR"),
        ("5CHF", "CHF"),
        ("5", None),
    ],
)
def test_rule_4_currency_before_or_after(pf, text, currency):
    price = pf.parse_price(text)
    assert (price.amount, price.currency) == (5.0, currency)


def test_rule_4_two_currencies_are_an_error(pf):
    with pytest.raises(pf.PriceFormatError, match="more than one currency"):
        pf.parse_price("£10 - €12")


@pytest.mark.parametrize("text", ["£10 - £15", "£10-15", "10–15 €", "10 — 15", "10 to 15 GBP"])
def test_rule_5_ranges_use_the_midpoint(pf, text):
    price = pf.parse_price(text)
    assert (price.low, price.high, price.amount, price.kind) == (10.0, 15.0, 12.5, "range")


def test_rule_5_a_range_must_not_go_down(pf):
    with pytest.raises(pf.PriceFormatError, match="ends below its start"):
        pf.parse_price("£15 - £10")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1,234.50", 1234.5),
        ("1.234,50", 1234.5),
        ("1 234,50", 1234.5),
        ("1\u202f234,50", 1234.5),
        ("1'234.50", 1234.5),
        ("12,99", 12.99),
        ("12.99", 12.99),
        ("1,234", 1234.0),
        ("1.234", 1234.0),
        ("1.234.567", 1234567.0),
        ("1,234,567.89", 1234567.89),
        ("0,125", 0.125),
        ("1234.5", 1234.5),
    ],
)
def test_rule_6_separators(pf, text, amount):
    assert pf.parse_price(text).amount == pytest.approx(amount)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("£1,23,4", "thousands separators in odd places"),
        ("12 34", "thousands separators in odd places"),
        ("1,234'567.00", "thousands separators in odd places"),
        ("1,234 567", "cannot read the decimals"),
        ("-£5", "negative"),
        ("£", "cannot read a price"),
        ("about twelve pounds", "cannot read a price"),
        ("£12.3x", "cannot read a price"),
    ],
)
def test_unreadable_prices_raise_one_clear_error(pf, text, message):
    with pytest.raises(pf.PriceFormatError, match=message):
        pf.parse_price(text)
    assert issubclass(pf.PriceFormatError, ValueError)


STYLES = st.builds(
    dict,
    thousands=st.sampled_from(["", ",", ".", " ", "'"]),
    decimal=st.sampled_from([".", ","]),
    decimals=st.sampled_from([0, 2]),
    sign_first=st.booleans(),
    use_code=st.booleans(),
    space=st.booleans(),
)


@given(
    cents=st.integers(0, 10**11),
    currency=st.sampled_from(["GBP", "EUR", "USD", "JPY", "CHF"]),
    style=STYLES,
)
def test_round_trip_through_the_formatter(pf, cents, currency, style):
    assume(style["thousands"] != style["decimal"])
    if style["decimals"] == 0:
        cents -= cents % 100
    text = pf.format_price(cents / 100, currency, pf.PriceStyle(**style))
    price = pf.parse_price(text)
    assert round(price.amount * 100) == cents, text
    assert price.currency == currency, text
    assert price.kind == "exact"


@given(low=st.integers(0, 10**7), extra=st.integers(0, 10**7), style=STYLES)
def test_round_trip_of_ranges_and_lower_bounds(pf, low, extra, style):
    assume(style["thousands"] != style["decimal"] and style["decimals"] == 2)
    price_style = pf.PriceStyle(**style)
    first = pf.format_price(low / 100, "EUR", price_style)
    second = pf.format_price((low + extra) / 100, "EUR", price_style)
    ranged = pf.parse_price(f"{first} - {second}")
    assert (round(ranged.low * 100), round(ranged.high * 100)) == (low, low + extra)
    assert pf.parse_price(f"from {first}").kind == "from"


@given(cents=st.integers(0, 10**12))
def test_the_formatter_agrees_with_pythons_format(pf, cents):
    amount = cents / 100
    assert pf.format_price(amount) == f"£{amount:,.2f}"  # the oracle: str.format's "," option
    continental = pf.PriceStyle(thousands=".", decimal=",", sign_first=False, space=True)
    expected = f"{amount:,.2f}".translate(str.maketrans(",.", ".,")) + " €"
    assert pf.format_price(amount, "EUR", continental) == expected


@pytest.mark.parametrize(
    "style", [{"thousands": ",", "decimal": ","}, {"decimal": ";"}, {"decimals": 3}]
)
def test_impossible_styles_are_refused(pf, style):
    with pytest.raises(ValueError, match=r"cannot write prices|decimals must be"):
        pf.PriceStyle(**style)


def test_the_formatter_refuses_what_it_cannot_write(pf):
    with pytest.raises(ValueError, match="not negative"):
        pf.format_price(-1.0)
    with pytest.raises(ValueError, match="has cents"):
        pf.format_price(1.5, style=pf.PriceStyle(decimals=0))
