"""Test cases from the relations: template source, context and expected output, deterministically.

:func:`generate` asks the logic engine for the templates ``T`` with ``template(T, depth)``
and, for each, the scope values and outputs ``Out`` with ``renders(T, Scope, Out)``, and
turns each answer into a :class:`Case`. Every template is emitted in two spellings:
``plain`` (``{{ x }}``) and ``trim``, where every tag has whitespace control on both sides
(``{{- x -}}``); the expected output of the trimmed spelling comes from the same
``renders`` relation, run on the template with its text stripped where the ``-`` marks say.

The two helpers :func:`contexts_for` and :func:`templates_for` run the relations in
other directions: "which contexts make this template print X?" and "which templates
print X in this context?".
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from level3.templates import logic as lg
from level3.templates.relations import (
    EMPTY,
    cons,
    global_scope,
    renders,
    template,
    to_python,
)

__all__ = [
    "Case",
    "Style",
    "contexts_for",
    "expression_source",
    "from_python",
    "generate",
    "iter_cases",
    "templates_for",
    "to_source",
    "trimmed",
]

Style = Literal["plain", "trim"]
_PRECEDENCE = {"or": 1, "not": 3, "cmp": 4, "filter": 5}


@dataclass(frozen=True)
class Case:
    """One generated test: render ``source`` with ``context`` and expect ``expected``."""

    source: str
    context: dict[str, Any]
    expected: str
    style: Style

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- printing terms as template source ---------------------------------------------------


def _literal(value: lg.Term) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def expression_source(expr: lg.Term) -> str:
    """An expression term as source text, with parentheses only where precedence needs them."""
    kind = expr[0]

    def operand(sub: lg.Term, minimum: int) -> str:
        text = expression_source(sub)
        return f"({text})" if _PRECEDENCE.get(sub[0], 6) < minimum else text

    if kind == "var":
        return str(expr[1])
    if kind == "lit":
        return _literal(expr[1])
    if kind == "attr":
        return f"{operand(expr[1], 6)}.{expr[2]}"
    if kind == "filter":
        _, name, args, inner = expr
        call = f"({', '.join(_literal(a) for a in args)})" if args else ""
        return f"{operand(inner, 5)}|{name}{call}"
    if kind == "not":
        return f"not {operand(expr[1], 3)}"
    if kind == "cmp":
        return f"{operand(expr[2], 5)} {expr[1]} {operand(expr[3], 5)}"
    return f"{operand(expr[1], 1)} or {operand(expr[2], 2)}"  # "or"


def to_source(tmpl: lg.Term, style: Style = "plain") -> str:
    """A template term as source text; ``trim`` puts ``-`` inside every tag delimiter."""
    return _source(tmpl, "-" if style == "trim" else "")


def _tag(body: str, dash: str) -> str:
    return f"{{%{dash} {body} {dash}%}}"


def _source(t: lg.Term, dash: str) -> str:
    kind = t[0]
    if kind == "text":
        return str(t[1])
    if kind == "comment":
        return f"{{#{dash}{t[1]}{dash}#}}"
    if kind == "out":
        return f"{{{{{dash} {expression_source(t[1])} {dash}}}}}"
    if kind == "cat":
        return _source(t[1], dash) + _source(t[2], dash)
    if kind == "for":
        _, target, seq, body, other = t
        text = _tag(f"for {target} in {expression_source(seq)}", dash) + _source(body, dash)
        if other != EMPTY:
            text += _tag("else", dash) + _source(other, dash)
        return text + _tag("endfor", dash)
    return _tag(f"if {expression_source(t[1])}", dash) + _branches(t, dash) + _tag("endif", dash)


def _branches(t: lg.Term, dash: str) -> str:
    """The body of an ``if`` and its else part; an else holding just an ``if`` is an ``elif``."""
    _, _, then, other = t
    text = _source(then, dash)
    if other == EMPTY:
        return text
    if other[0] == "if":
        return text + _tag(f"elif {expression_source(other[1])}", dash) + _branches(other, dash)
    return text + _tag("else", dash) + _source(other, dash)


def trimmed(tmpl: lg.Term, at_start: bool = True, at_end: bool = True) -> lg.Term:
    """The template with its text stripped as the ``trim`` spelling's ``-`` marks demand.

    Every piece of text lies between two tags, except at the very start or end of the
    template, where it keeps its outer whitespace.
    """
    kind = tmpl[0]
    if kind == "text":
        text = tmpl[1] if at_start else tmpl[1].lstrip()
        return ("text", text if at_end else text.rstrip())
    if kind == "cat":
        return ("cat", trimmed(tmpl[1], at_start, False), trimmed(tmpl[2], False, at_end))
    if kind == "if":
        _, test, then, other = tmpl
        return ("if", test, trimmed(then, False, False), trimmed(other, False, False))
    if kind == "for":
        _, target, seq, body, other = tmpl
        return ("for", target, seq, trimmed(body, False, False), trimmed(other, False, False))
    return tmpl  # out, comment, empty: no text inside


# --- generating --------------------------------------------------------------------------


def _context(scope: lg.Term) -> dict[str, Any]:
    """The Python context of a solved global scope: only the variables the template read."""
    return {name: to_python(value) for name, value, _ in scope[1] if not isinstance(value, lg.Var)}


def _render_once(tmpl: lg.Term, scope: lg.Term) -> str:
    answers = lg.run(lambda out: renders(tmpl, scope, out), limit=2)
    if len(answers) != 1:  # a known template in a known scope has exactly one output
        raise RuntimeError(f"renders gave {len(answers)} outputs for a known scope, not 1")
    return str(answers[0][0])


def _renderings(tmpl: lg.Term) -> Iterator[tuple[lg.Term, ...]]:
    """Every (solved global scope, output) for which the known template ``tmpl`` renders."""
    scope = global_scope()
    return lg.solve(lambda solved, out: lg.conj(lg.eq(solved, scope), renders(tmpl, scope, out)))


def iter_cases(depth: int, styles: tuple[Style, ...] = ("plain", "trim")) -> Iterator[Case]:
    """All cases of templates up to height ``depth``, in a fixed order (lazy, possibly many).

    Two queries, nested: ``template(T, depth)`` lists templates in the fair order of the
    logic engine, and for each one ``renders(T, Scope, Out)``, with the scope's values and
    the output unknown, lists every context it renders in. (One conjunction of the two
    would interleave the contexts of thousands of templates and keep them all in memory.)
    """
    if depth < 1:
        raise ValueError(f"depth must be at least 1, not {depth}")
    for (tmpl,) in lg.solve(lambda tmpl: template(tmpl, depth)):
        for solved, out in _renderings(tmpl):
            context = _context(solved)
            sources: set[str] = set()
            for style in styles:
                source = to_source(tmpl, style)
                if source in sources:  # plain text reads the same in both spellings
                    continue
                sources.add(source)
                expected = str(out) if style == "plain" else _render_once(trimmed(tmpl), solved)
                yield Case(source, context, expected, style)


def generate(
    depth: int, limit: int | None = None, styles: tuple[Style, ...] = ("plain", "trim")
) -> list[Case]:
    """The first ``limit`` cases (all, when None) of templates up to height ``depth``.

    Height 2 gives single ``{{ ... }}`` statements; ``if`` and ``for`` appear from height 3.
    The order is fixed by the relations, so the same call always returns the same list.
    """
    with lg.gc_paused():
        return list(itertools.islice(iter_cases(depth, styles), limit))


def from_python(value: Any) -> lg.Term:
    """A Python context value as a value term (the inverse of ``to_python``)."""
    if isinstance(value, list):
        return ("list", cons(from_python(item) for item in value))
    if isinstance(value, dict):
        return ("dict", cons((key, from_python(item)) for key, item in value.items()))
    return value


def contexts_for(tmpl: lg.Term, output: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Contexts (drawn from the domains) in which ``tmpl`` renders exactly ``output``."""
    scope = global_scope()
    answers = lg.run(
        lambda solved: lg.conj(lg.eq(solved, scope), renders(tmpl, scope, output)), limit
    )
    return [_context(solved) for (solved,) in answers]


def templates_for(output: str, context: Mapping[str, Any], depth: int, limit: int = 5) -> list[str]:
    """Sources of the first ``limit`` templates up to height ``depth`` rendering ``output``.

    This is generate-and-test over about 9 x 10^10 templates at height 3, so ask for a
    few: if fewer than ``limit`` exist, the search would go on for a very long time.
    """
    scope = global_scope({name: from_python(value) for name, value in context.items()})
    answers = lg.run(
        lambda tmpl: lg.conj(template(tmpl, depth), renders(tmpl, scope, output)), limit
    )
    return [to_source(tmpl) for (tmpl,) in answers]
