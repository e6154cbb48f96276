"""The calculator (ast with a whitelist, bounded) and the unit converter."""

from __future__ import annotations

import ast
import operator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("what is 3 times (4 + 2)?", "3*(4+2)", 18),
        ("calculate 12 * 7", "12*7", 84),
        ("what is two plus three", "2+3", 5),
        ("2 to the power of 10", "2**10", 1024),
        ("1,200 divided by 3", "1200/3", 400),
        ("what's 5 x 4", "5*4", 20),
        ("7 squared", "7**2", 49),
        ("10 minus 12", "10-12", -2),
        ("17 mod 5", "17%5", 2),
        ("2 ^ 8", "2**8", 256),
    ],
)
def test_spoken_arithmetic(chatbot, text, expression, value):
    assert chatbot.expression_in(text) == expression
    assert chatbot.calculate(expression) == value


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("9**9**9", "too big"),
        ("(10**1000)*(10**1000)*(10**1000)*(10**1000)*(10**1000)", "too big"),
        ("1.5**100000", "too big"),
        ("1/0", "divide by zero"),
        ("7%0", "divide by zero"),
        ("(-8)**(1/3)", "no real answer"),
        ("__import__('os').system('echo hi')", "only do arithmetic"),
        ("(1).__class__", "only do arithmetic"),
        ("[1, 2] * 3", "only do arithmetic"),
        ("'a' * 3", "only do arithmetic"),
        ("1 if 1 else 2", "only do arithmetic"),
        ("True + 1", "only do arithmetic"),
        ("2 +", "can't read"),
        ("(" * 150 + "1+1" + ")" * 150, "too long"),
        ("42", "could not find a calculation"),
        ("", "could not find a calculation"),
    ],
)
def test_refusals_are_polite(chatbot, expression, reason):
    with pytest.raises(chatbot.CalculatorError, match=reason):
        chatbot.calculate(expression)


def test_a_huge_power_is_refused_before_it_is_computed(monkeypatch):
    from level5.chatbot import calculator

    powers = []

    def recording_pow(base, exponent):
        powers.append((base, exponent))
        return base**exponent

    monkeypatch.setitem(calculator.OPERATORS, ast.Pow, recording_pow)
    with pytest.raises(calculator.CalculatorError, match="too big"):
        calculator.calculate("9**9**9")  # 9**387420489: hours of work and 370 million digits
    assert powers == [(9, 9)]  # only the inner power ran


OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "//": operator.floordiv}


@settings(max_examples=200, deadline=None)
@given(st.integers(-(10**6), 10**6), st.sampled_from(sorted(OPS)), st.integers(-(10**6), 10**6))
def test_agrees_with_python_operators(chatbot, left, op, right):
    if op == "//" and right == 0:
        return
    assert chatbot.calculate(f"{left} {op} ({right})") == OPS[op](left, right)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789+-*/%().^x ", max_size=60) | st.text(max_size=60))
def test_any_input_gives_a_number_or_a_calculator_error(chatbot, text):
    try:
        value = chatbot.calculate(chatbot.expression_in(text))
    except chatbot.CalculatorError:
        return
    assert isinstance(value, int | float)


@pytest.mark.parametrize(
    ("text", "amount", "source", "target", "result"),
    [
        ("convert 5 km to miles", 5, "kilometre", "mile", 3.10686),
        ("how many feet are in 3 meters", 3, "metre", "foot", 9.84252),
        ("what is 20 celsius in fahrenheit", 20, "celsius", "fahrenheit", 68.0),
        ("100 degrees f to c", 100, "fahrenheit", "celsius", 37.77778),
        ("0 kelvin in celsius", 0, "kelvin", "celsius", -273.15),
        ("how many ounces in a pound", 1, "pound", "ounce", 16.0),
        ("how many cups in a gallon", 1, "gallon", "cup", 16.0),
        ("2.5 kg in lbs", 2.5, "kilogram", "pound", 5.51156),
    ],
)
def test_unit_conversions(chatbot, text, amount, source, target, result):
    assert chatbot.conversion_in(text) == (amount, source, target)
    assert chatbot.convert(amount, source, target) == pytest.approx(result, rel=1e-5)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("convert 10 kg to liters", "can't convert"),
        ("convert 3 bananas to apples", "don't know the unit"),
        ("convert something", "tell me what to convert"),
    ],
)
def test_conversions_that_cannot_be_made(chatbot, text, reason):
    with pytest.raises(chatbot.ConversionError, match=reason):
        chatbot.convert(*chatbot.conversion_in(text))
