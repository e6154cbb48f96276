"""``-k EXPR``: choose tests by name with ``and``, ``or``, ``not`` and parentheses.

Each bare word matches a test if it is a case-insensitive substring of one of the test's
names: its own (``test_sum[1-2-3]``), its class, its file, its folders, or a mark on it,
as in pytest. The grammar, with the usual precedence (``not`` > ``and`` > ``or``)::

    expr := and_expr ("or" and_expr)*
    and_expr := not_expr ("and" not_expr)*
    not_expr := "not" not_expr | "(" expr ")" | WORD
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["KeywordError", "compile_keyword"]

TOKEN = re.compile(r"\s*(?:(\()|(\))|([\w:+\-.\[\]\\/]+))")
Matcher = Callable[[Sequence[str]], bool]


class KeywordError(ValueError):
    """A ``-k`` expression that does not parse."""


def tokenize(expression: str) -> list[str]:
    tokens, position = [], 0
    while position < len(expression):
        if expression[position:].strip() == "":
            break
        match = TOKEN.match(expression, position)
        if match is None:
            raise KeywordError(
                f"-k {expression!r}: unexpected character {expression[position:].strip()[0]!r} "
                f"at column {position + 1}"
            )
        tokens.append(match.group(match.lastindex or 0))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.tokens = tokenize(expression)
        self.position = 0

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise KeywordError(f"-k {self.expression!r}: the expression ends too early")
        self.position += 1
        return token

    def parse(self) -> Matcher:
        if not self.tokens:
            return lambda names: True
        matcher = self.expr()
        if self.peek() is not None:
            raise KeywordError(f"-k {self.expression!r}: unexpected {self.peek()!r}")
        return matcher

    def expr(self) -> Matcher:
        parts = [self.and_expr()]
        while self.peek() == "or":
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else (lambda names: any(p(names) for p in parts))

    def and_expr(self) -> Matcher:
        parts = [self.not_expr()]
        while self.peek() == "and":
            self.take()
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else (lambda names: all(p(names) for p in parts))

    def not_expr(self) -> Matcher:
        token = self.take()
        if token == "not":
            inner = self.not_expr()
            return lambda names: not inner(names)
        if token == "(":
            inner = self.expr()
            if self.take() != ")":
                raise KeywordError(f"-k {self.expression!r}: missing ')'")
            return inner
        if token in {")", "and", "or"}:
            raise KeywordError(f"-k {self.expression!r}: expected a name, got {token!r}")
        word = token.lower()
        return lambda names: any(word in name.lower() for name in names)


def compile_keyword(expression: str) -> Matcher:
    """A function of a test's names that says whether ``expression`` selects it."""
    return _Parser(expression).parse()
