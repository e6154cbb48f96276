"""The abstract syntax tree: what the parser builds and the renderer walks.

Two families of frozen dataclasses. *Statements* (:class:`Text`, :class:`Output`,
:class:`If`, :class:`For`) make up a template body; *expressions* (:class:`Name`,
:class:`Const`, :class:`GetAttr`, ...) compute values. Every node keeps the line and
column of the source it came from, so a runtime error can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "And",
    "Compare",
    "Const",
    "Expr",
    "Filter",
    "For",
    "GetAttr",
    "GetItem",
    "If",
    "Name",
    "Node",
    "Not",
    "Or",
    "Output",
    "Test",
    "Text",
]


@dataclass(frozen=True)
class _Located:
    lineno: int = field(kw_only=True, compare=False)
    col: int = field(kw_only=True, compare=False)


# --- expressions --------------------------------------------------------------------


@dataclass(frozen=True)
class Name(_Located):
    """A variable looked up in the context: ``user``."""

    name: str


@dataclass(frozen=True)
class Const(_Located):
    """A literal: ``"text"``, ``42``, ``1.5``, ``true``, ``none``."""

    value: str | int | float | bool | None


@dataclass(frozen=True)
class GetAttr(_Located):
    """``obj.attr``: a mapping key, else an attribute (never one starting with ``_``)."""

    obj: Expr
    attr: str


@dataclass(frozen=True)
class GetItem(_Located):
    """``obj[key]``: an index or key, else an attribute when the key is a string."""

    obj: Expr
    key: Expr


@dataclass(frozen=True)
class Filter(_Located):
    """``obj | name(args...)``: a registered filter function applied to a value."""

    obj: Expr
    name: str
    args: tuple[Expr, ...] = ()


@dataclass(frozen=True)
class Test(_Located):
    """``obj is defined`` / ``obj is not undefined``: a yes/no question about a value."""

    obj: Expr
    name: str
    negated: bool = False


@dataclass(frozen=True)
class Not(_Located):
    """``not operand``."""

    operand: Expr


@dataclass(frozen=True)
class And(_Located):
    """``left and right``: Python's semantics (returns an operand, short-circuits)."""

    left: Expr
    right: Expr


@dataclass(frozen=True)
class Or(_Located):
    """``left or right``: Python's semantics (returns an operand, short-circuits)."""

    left: Expr
    right: Expr


@dataclass(frozen=True)
class Compare(_Located):
    """``a < b <= c``: a chain of comparisons, as in Python (``==``, ``in``, ``not in``...)."""

    left: Expr
    ops: tuple[tuple[str, Expr], ...]


Expr = Name | Const | GetAttr | GetItem | Filter | Test | Not | And | Or | Compare


# --- statements ---------------------------------------------------------------------


@dataclass(frozen=True)
class Text(_Located):
    """Literal text between tags, copied to the output as is (never escaped)."""

    value: str


@dataclass(frozen=True)
class Output(_Located):
    """``{{ expr }}``: the value as text, HTML-escaped when autoescape is on."""

    expr: Expr


@dataclass(frozen=True)
class If(_Located):
    """``{% if %}``, any ``{% elif %}`` branches and an optional ``{% else %}``."""

    branches: tuple[tuple[Expr, tuple[Node, ...]], ...]
    else_body: tuple[Node, ...] = ()


@dataclass(frozen=True)
class For(_Located):
    """``{% for target in iterable %}``, with ``loop`` inside and an optional ``{% else %}``."""

    target: str
    iterable: Expr
    body: tuple[Node, ...]
    else_body: tuple[Node, ...] = ()


Node = Text | Output | If | For
