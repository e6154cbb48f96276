"""A safe calculator: arithmetic parsed with :mod:`ast` and evaluated node by node, never ``eval``.

Only numbers, + - * / // % ** and parentheses are accepted; any other node (a name, a
call, an attribute) is refused. Work is bounded: the expression's length, and powers
and results that would need more than ``MAX_BITS`` bits (``9**9**9`` is refused at once
instead of computing a number with 370 million digits).
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable

__all__ = ["CalculatorError", "calculate", "expression_in", "format_number"]

MAX_LENGTH = 200  # characters of expression
MAX_BITS = 4_096  # size of an integer result (about 1,200 digits)
ONLY_ARITHMETIC = "I only do arithmetic: numbers, + - * / % ** and parentheses"
NOTHING_TO_DO = "I could not find a calculation there; try 'what is 12 * 7'"
TOO_BIG = "that number is too big for me (more than about 1,200 digits)"

OPERATORS: dict[type, Callable[..., float | int]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}
WORDS = [  # spoken arithmetic -> symbols, longest phrases first
    (r"to the power of|raised to", "**"),
    (r"multiplied by|times", "*"),
    (r"divided by|over", "/"),
    (r"plus|added to", "+"),
    (r"minus|less", "-"),
    (r"squared", "**2"),
    (r"cubed", "**3"),
    (r"modulo|mod", "%"),
]


class CalculatorError(ValueError):
    """An expression the calculator will not or cannot compute, with a reason a person reads."""


def expression_in(text: str) -> str:
    """The arithmetic in a sentence: "what is 3 times (4 + 2)?" -> "3*(4+2)"."""
    from level5.chatbot.entities import NUMBER_WORD, parse_number

    spoken = text.lower().replace("^", "**").replace("x", " x ")
    spoken = re.sub(rf"\b{NUMBER_WORD}\b", lambda m: f"{parse_number(m.group()):g}", spoken)
    spoken = re.sub(r"(?<=\d)\s*x\s*(?=[\d(])", "*", spoken)
    for words, symbol in WORDS:
        spoken = re.sub(rf"\b(?:{words})\b", symbol, spoken)
    spoken = re.sub(r"(?<=\d),(?=\d{3})", "", spoken)  # 1,200 -> 1200
    runs = re.findall(r"[\d.+\-*/%()\s]+", spoken)
    candidates = [run.strip() for run in runs if re.search(r"\d", run)]
    return "".join(max(candidates, key=len).split()) if candidates else ""


def calculate(expression: str) -> int | float:
    """The value of ``expression``; :class:`CalculatorError` says why when there is none."""
    if not expression.strip():
        raise CalculatorError(NOTHING_TO_DO)
    if len(expression) > MAX_LENGTH:
        raise CalculatorError(f"that expression is too long (over {MAX_LENGTH} characters)")
    try:
        tree = ast.parse(expression, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise CalculatorError(f"I can't read {expression!r} as arithmetic") from None
    body = tree.body.operand if isinstance(tree.body, ast.UnaryOp) else tree.body
    if isinstance(body, ast.Constant):  # "42" or "-5": nothing to work out
        raise CalculatorError(NOTHING_TO_DO)
    try:
        return _evaluate(tree.body)
    except ZeroDivisionError:
        raise CalculatorError("I can't divide by zero") from None
    except (OverflowError, RecursionError):
        raise CalculatorError(TOO_BIG) from None


def _evaluate(node: ast.AST) -> int | float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        if isinstance(node.value, bool):  # True and False are ints to Python, not to us
            raise CalculatorError(ONLY_ARITHMETIC)
        return node.value
    if isinstance(node, ast.UnaryOp) and type(node.op) in OPERATORS:
        return OPERATORS[type(node.op)](_evaluate(node.operand))
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if isinstance(node.op, ast.Pow):
            _check_power(left, right)
        result = OPERATORS[type(node.op)](left, right)
        if isinstance(result, complex):
            raise CalculatorError("that has no real answer")
        if isinstance(result, int) and result.bit_length() > MAX_BITS:
            raise CalculatorError(TOO_BIG)
        return result
    raise CalculatorError(ONLY_ARITHMETIC)


def _check_power(base: int | float, exponent: int | float) -> None:
    """Refuse a power whose result would be huge, before computing it."""
    if abs(base) > 1 and exponent > 0 and exponent * math.log2(abs(base)) > MAX_BITS:
        raise CalculatorError(TOO_BIG)


def format_number(value: int | float) -> str:
    """12 -> "12", 2.5 -> "2.5", 1/3 -> "0.3333333333", 1e20 -> "100,000,000,000,000,000,000"."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.10g}"
