"""Explain a failing ``assert`` by reading its source and re-evaluating its parts.

pytest rewrites every ``assert`` when it imports a test module, so that it can show the
values being compared. pipetest does what pytest did before rewriting existed
("reinterpretation"): after an ``AssertionError`` it finds the ``assert`` statement of the
failing frame in the file's AST, evaluates its sub-expressions again with that frame's
globals and locals, and writes ``assert 3 == 4`` with a ``where 3 = add(1, 2)`` line for
each call or attribute. The catch, and the reason pytest moved to rewriting: a
sub-expression with side effects (``next(it)``, ``queue.pop()``) runs a second time, so
its value may differ from the one that failed.
"""

from __future__ import annotations

import ast
import difflib
import linecache
import operator
import reprlib
from collections.abc import Callable
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

__all__ = ["compare_details", "explain_assertion", "find_assert"]

OPERATORS = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
}
BINARY = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
}

_repr = reprlib.Repr()
_repr.maxstring = 240
_repr.maxother = 240
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxdict = 20


def short_repr(value: Any) -> str:
    return _repr.repr(value)


def find_assert(filename: str, lineno: int) -> ast.Assert | None:
    """The innermost ``assert`` statement in ``filename`` that spans line ``lineno``."""
    source = "".join(linecache.getlines(filename))
    if not source:
        return None
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    found: ast.Assert | None = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assert):
            continue
        spans = node.lineno <= lineno <= (node.end_lineno or node.lineno)
        if spans and (found is None or node.lineno >= found.lineno):
            found = node
    return found


class _Explainer:
    """Renders an expression with its values substituted, collecting ``where`` lines."""

    def __init__(self, frame: FrameType) -> None:
        self.namespace = {
            **frame.f_globals,
            **frame.f_locals,
        }  # one dict: comprehensions see locals
        self.where: list[str] = []

    def value(self, node: ast.expr) -> Any:
        code = compile(ast.Expression(body=node), "<pipetest reinterpretation>", "eval")
        return eval(code, self.namespace)

    def render(self, node: ast.expr) -> str:
        if isinstance(node, ast.Constant):
            return short_repr(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in BINARY:
            return f"({self.render(node.left)} {BINARY[type(node.op)]} {self.render(node.right)})"
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return f"not {self.render(node.operand)}"
        value = self.value(node)
        shown = short_repr(value)
        if isinstance(node, ast.Name):
            return node.id if callable(value) and not isinstance(value, type) else shown
        source = ast.unparse(node)
        if shown != source:
            self.where.append(f"where {shown} = {source}")
        return shown

    def explain(self, test: ast.expr) -> tuple[str, list[str]]:
        """``("assert 3 == 4", detail lines)`` for the failing test expression."""
        details: list[str] = []
        if isinstance(test, ast.Compare):
            left_node = test.left
            for op, right_node in zip(test.ops, test.comparators, strict=True):
                left, right = self.value(left_node), self.value(right_node)
                if not _compare(op, left, right):
                    text = (
                        f"{self.render(left_node)} {OPERATORS[type(op)]} {self.render(right_node)}"
                    )
                    if isinstance(op, ast.Eq):
                        details = compare_details(left, right)
                    return f"assert {text}", details
                left_node = right_node
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
            for operand in test.values:  # the first falsy operand is what failed
                if not self.value(operand):
                    return self.explain(operand)
        return f"assert {self.render(test)}", details


COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
    ast.In: lambda left, right: left in right,
    ast.NotIn: lambda left, right: left not in right,
}


def _compare(op: ast.cmpop, left: Any, right: Any) -> bool:
    return bool(COMPARE[type(op)](left, right))


def compare_details(left: Any, right: Any) -> list[str]:
    """Where two unequal values differ: an index, dict keys, set items or a text diff."""
    if isinstance(left, str) and isinstance(right, str):
        if "\n" in left or "\n" in right:
            return [
                line.rstrip("\n")
                for line in difflib.ndiff(left.splitlines(True), right.splitlines(True))
            ]
        index = next((i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b), None)
        if index is None:
            return [f"one string is a prefix of the other (lengths {len(left)} and {len(right)})"]
        return [f"Strings differ at index {index}: {left[index]!r} != {right[index]!r}"]
    if isinstance(left, list | tuple) and isinstance(right, list | tuple):
        for index, (a, b) in enumerate(zip(left, right, strict=False)):
            if a != b:
                return [f"At index {index} diff: {short_repr(a)} != {short_repr(b)}"]
        longer, extra = (
            ("Left", left[len(right) :])
            if len(left) > len(right)
            else ("Right", right[len(left) :])
        )
        return (
            [
                f"{longer} contains {len(extra)} more item(s), first extra item: {short_repr(extra[0])}"
            ]
            if extra
            else []
        )
    if isinstance(left, dict) and isinstance(right, dict):
        lines = [
            f"Differing items: {{{k!r}: {short_repr(left[k])}}} != {{{k!r}: {short_repr(right[k])}}}"
            for k in left.keys() & right.keys()
            if left[k] != right[k]
        ]
        lines += (
            [
                f"Left contains more items: {short_repr({k: left[k] for k in left.keys() - right.keys()})}"
            ]
            if left.keys() - right.keys()
            else []
        )
        lines += (
            [
                f"Right contains more items: {short_repr({k: right[k] for k in right.keys() - left.keys()})}"
            ]
            if right.keys() - left.keys()
            else []
        )
        return lines
    if isinstance(left, set | frozenset) and isinstance(right, set | frozenset):
        lines = [f"Extra items in the left set: {short_repr(left - right)}"] if left - right else []
        return lines + (
            [f"Extra items in the right set: {short_repr(right - left)}"] if right - left else []
        )
    return []


def _frames(tb: TracebackType | None) -> list[tuple[FrameType, int]]:
    found = []
    while tb is not None:
        found.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    return found


def explain_assertion(exc: AssertionError) -> str | None:
    """The explanation of a failed ``assert`` statement, or None if ``exc`` came from elsewhere.

    The first line is the assert's own message if it has one, else ``assert <values>``.
    """
    for frame, lineno in reversed(_frames(exc.__traceback__)):
        filename = frame.f_code.co_filename
        if not Path(filename).is_file():
            continue
        node = find_assert(filename, lineno)
        if node is None:
            return None  # the innermost frame of a real file raised it, not an assert statement
        explainer = _Explainer(frame)
        try:
            headline, details = explainer.explain(node.test)
        except Exception as error:
            headline, details = (
                f"assert {ast.unparse(node.test)}",
                [f"(re-evaluation raised {error!r})"],
            )
        lines = [headline, *(f" +  {w}" for w in explainer.where), *details]
        if exc.args:
            lines.insert(0, str(exc.args[0]))
        return "\n".join(lines)
    return None
