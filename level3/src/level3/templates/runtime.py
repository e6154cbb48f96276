"""The renderer: walk the syntax tree with a context and write text (no ``eval``, no ``exec``).

Every node kind has one small branch below: statements write text to a :class:`Work`,
expressions return Python values. Variables live in a :class:`collections.ChainMap` of scopes: a
``for`` loop pushes a scope holding its variable and ``loop``, and pops it afterwards, so
nothing set by a loop leaks out of it.

Hostile templates are bounded here by two work budgets, counted over the whole render:
loop iterations (``max_loop_iterations``: 45 nested loops over a 2-letter string would
otherwise run 2**45 times from a 1.2 KB template) and output characters
(``max_output_chars``). Going over either raises :class:`TemplateBudgetError`, which names
the option to raise. Nesting depth is bounded earlier, by the parser.
"""

from __future__ import annotations

import operator
from collections import ChainMap
from collections.abc import Callable, Mapping
from typing import Any

from level3.templates import nodes as n
from level3.templates.errors import TemplateBudgetError, TemplateRuntimeError, UndefinedError
from level3.templates.filters import FILTERS, FilterSpec
from level3.templates.markup import escape
from level3.templates.undefined import Undefined

__all__ = ["MAX_LOOP_ITERATIONS", "MAX_OUTPUT_CHARS", "LoopInfo", "Renderer", "Work"]

#: Loop iterations one render may run in total, over all loops (under a second of work).
MAX_LOOP_ITERATIONS = 100_000
#: Characters one render may produce (10 million: about 10 MB of ASCII text).
MAX_OUTPUT_CHARS = 10_000_000

_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "in": lambda a, b: a in b,
    "not in": lambda a, b: a not in b,
}


class LoopInfo:
    """The ``loop`` variable inside a for loop: where the current item is in the sequence."""

    __slots__ = ("index0", "length")

    def __init__(self, index0: int, length: int) -> None:
        self.index0 = index0
        self.length = length

    @property
    def index(self) -> int:
        """1-based position of the current item."""
        return self.index0 + 1

    @property
    def revindex(self) -> int:
        """Items left including this one (``length`` on the first item, 1 on the last)."""
        return self.length - self.index0

    @property
    def revindex0(self) -> int:
        """Items left after this one."""
        return self.length - self.index0 - 1

    @property
    def first(self) -> bool:
        return self.index0 == 0

    @property
    def last(self) -> bool:
        return self.index0 == self.length - 1

    def __str__(self) -> str:
        return f"<loop {self.index}/{self.length}>"


def _type_name(value: object) -> str:
    return "none" if value is None else type(value).__name__


def get_attribute(obj: object, name: str) -> object:
    """``obj.name`` in a template: a mapping's key first, else a public attribute."""
    if isinstance(obj, Mapping):
        if name in obj:
            return obj[name]
    elif not name.startswith("_"):
        try:
            return getattr(obj, name)
        except AttributeError:
            pass
    return Undefined(f"{_type_name(obj)} has no attribute {name!r}")


def get_item(obj: object, key: object) -> object:
    """``obj[key]`` in a template: an index or key, else a public attribute for a string key."""
    try:
        return obj[key]  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        if isinstance(key, str):
            return get_attribute(obj, key)
    return Undefined(f"{_type_name(obj)} has no item {key!r}")


class Work:
    """The output of one render so far, and what it has cost against the two budgets."""

    __slots__ = ("chars", "iterations", "max_chars", "max_iterations", "parts")

    def __init__(
        self, max_iterations: int = MAX_LOOP_ITERATIONS, max_chars: int = MAX_OUTPUT_CHARS
    ) -> None:
        self.parts: list[str] = []
        self.chars = 0
        self.iterations = 0
        self.max_iterations = max_iterations
        self.max_chars = max_chars

    def write(self, text: str, where: n.Node) -> None:
        """Add ``text`` to the output, unless it would exceed ``max_chars``."""
        if self.chars + len(text) > self.max_chars:
            raise TemplateBudgetError(
                f"the output would exceed {self.max_chars:,} characters "
                "(the max_output_chars budget)",
                where.lineno,
                where.col,
                limit="max_output_chars",
                value=self.max_chars,
            )
        self.chars += len(text)
        self.parts.append(text)

    def iteration(self, where: n.Node) -> None:
        """Count one loop iteration, refusing the one past ``max_iterations``."""
        if self.iterations >= self.max_iterations:
            raise TemplateBudgetError(
                f"the loops would run more than {self.max_iterations:,} iterations in total "
                "(the max_loop_iterations budget)",
                where.lineno,
                where.col,
                limit="max_loop_iterations",
                value=self.max_iterations,
            )
        self.iterations += 1

    def text(self) -> str:
        return "".join(self.parts)


class Renderer:
    """Renders statement nodes with one set of options (autoescape, strict undefined)."""

    def __init__(
        self,
        *,
        autoescape: bool = True,
        strict_undefined: bool = True,
        filters: Mapping[str, FilterSpec] = FILTERS,
        max_loop_iterations: int = MAX_LOOP_ITERATIONS,
        max_output_chars: int = MAX_OUTPUT_CHARS,
    ) -> None:
        if max_loop_iterations < 0 or max_output_chars < 0:
            raise ValueError("the work budgets cannot be negative")
        self.autoescape = autoescape
        self.strict_undefined = strict_undefined
        self.filters = filters
        self.max_loop_iterations = max_loop_iterations
        self.max_output_chars = max_output_chars

    def render(
        self,
        body: tuple[n.Node, ...],
        context: Mapping[str, object],
        work: Work | None = None,
    ) -> str:
        """The text of ``body``; pass a :class:`Work` to read what the render cost."""
        if work is None:
            work = Work(self.max_loop_iterations, self.max_output_chars)
        self.render_body(body, ChainMap({}, dict(context)), work)
        return work.text()

    # --- statements -----------------------------------------------------------------

    def render_body(
        self, body: tuple[n.Node, ...], scope: ChainMap[str, object], out: Work
    ) -> None:
        for node in body:
            if isinstance(node, n.Text):
                out.write(node.value, node)
            elif isinstance(node, n.Output):
                value = self.defined(self.evaluate(node.expr, scope), node.expr)
                out.write(self.to_text(value), node)
            elif isinstance(node, n.If):
                self.render_if(node, scope, out)
            else:
                self.render_for(node, scope, out)

    def render_if(self, node: n.If, scope: ChainMap[str, object], out: Work) -> None:
        for test, body in node.branches:
            if self.truth(self.evaluate(test, scope), test):
                self.render_body(body, scope, out)
                return
        self.render_body(node.else_body, scope, out)

    def render_for(self, node: n.For, scope: ChainMap[str, object], out: Work) -> None:
        iterable = self.defined(self.evaluate(node.iterable, scope), node.iterable)
        try:
            items = list(iterable)  # type: ignore[call-overload]
        except TypeError:
            raise self.runtime_error(
                f"cannot loop over {_type_name(iterable)}", node.iterable
            ) from None
        if not items:
            self.render_body(node.else_body, scope, out)
            return
        for index0, item in enumerate(items):
            out.iteration(node)
            inner = scope.new_child({node.target: item, "loop": LoopInfo(index0, len(items))})
            self.render_body(node.body, inner, out)

    def to_text(self, value: object) -> str:
        """A value as output text: escaped unless it is safe, when autoescape is on."""
        if self.autoescape:
            return escape(value)
        return str(value)

    # --- expressions ------------------------------------------------------------------

    def evaluate(self, expr: n.Expr, scope: ChainMap[str, object]) -> object:
        if isinstance(expr, n.Const):
            return expr.value
        if isinstance(expr, n.Name):
            if expr.name in scope:
                return scope[expr.name]
            return Undefined(f"{expr.name!r} is undefined")
        if isinstance(expr, n.GetAttr):
            obj = self.defined(self.evaluate(expr.obj, scope), expr.obj)
            return get_attribute(obj, expr.attr)
        if isinstance(expr, n.GetItem):
            obj = self.defined(self.evaluate(expr.obj, scope), expr.obj)
            return get_item(obj, self.defined(self.evaluate(expr.key, scope), expr.key))
        if isinstance(expr, n.Filter):
            return self.apply_filter(expr, scope)
        if isinstance(expr, n.Test):
            defined = not isinstance(self.evaluate(expr.obj, scope), Undefined)
            holds = defined if expr.name == "defined" else not defined
            return holds != expr.negated
        if isinstance(expr, n.Not):
            return not self.truth(self.evaluate(expr.operand, scope), expr.operand)
        if isinstance(expr, n.And | n.Or):
            left = self.evaluate(expr.left, scope)
            if self.truth(left, expr.left) == isinstance(expr, n.Or):
                return left
            return self.evaluate(expr.right, scope)
        return self.compare(expr, scope)

    def compare(self, expr: n.Compare, scope: ChainMap[str, object]) -> bool:
        left = self.defined(self.evaluate(expr.left, scope), expr.left)
        for op, right_expr in expr.ops:
            right = self.defined(self.evaluate(right_expr, scope), right_expr)
            try:
                holds = bool(_COMPARE[op](left, right))
            except (TypeError, ValueError):
                message = f"cannot compare {_type_name(left)} {op} {_type_name(right)}"
                raise self.runtime_error(message, right_expr) from None
            if not holds:
                return False
            left = right
        return True

    def apply_filter(self, expr: n.Filter, scope: ChainMap[str, object]) -> object:
        spec = self.filters[expr.name]
        value = self.evaluate(expr.obj, scope)
        if not spec.takes_undefined:
            value = self.defined(value, expr.obj)
        args = [self.defined(self.evaluate(arg, scope), arg) for arg in expr.args]
        kwargs = {"autoescape": self.autoescape} if spec.wants_autoescape else {}
        try:
            return spec.func(value, *args, **kwargs)
        except (TypeError, ValueError) as exc:
            message = f"filter {expr.name!r} cannot take {_type_name(value)}: {exc}"
            raise self.runtime_error(message, expr) from None

    # --- undefined values and truth ---------------------------------------------------

    def defined(self, value: object, where: n.Expr | n.Node) -> object:
        """The value itself; in strict mode an Undefined raises UndefinedError here."""
        if self.strict_undefined and isinstance(value, Undefined):
            raise UndefinedError(value.hint, where.lineno, where.col)
        return value

    def truth(self, value: object, where: n.Expr) -> bool:
        try:
            return bool(self.defined(value, where))
        except (TypeError, ValueError) as exc:  # e.g. an object whose truth is ambiguous
            raise self.runtime_error(
                f"{_type_name(value)} has no truth value: {exc}", where
            ) from None

    @staticmethod
    def runtime_error(message: str, where: n.Expr | n.Node) -> TemplateRuntimeError:
        return TemplateRuntimeError(message, where.lineno, where.col)
