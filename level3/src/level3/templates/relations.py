"""The template language as logic relations: ``template(T, h)`` and ``renders(T, Scope, Out)``.

A template is written here as a *term* (nested tuples), for a subset of the language::

    ("text", s)  ("comment", s)  ("out", E)  ("if", C, Then, Else)
    ("for", name, E, Body, Else)  ("cat", A, B)  ("empty",)

and an expression ``E`` as ``("var", name)``, ``("attr", E, name)``, ``("lit", value)``,
``("filter", name, args, E)``, ``("not", E)``, ``("cmp", "==", E, E)``, ``("or", E, E)``.

* ``template(T, h)`` holds when ``T`` is a template of this subset no taller than ``h``
  (every statement, filter or operator adds one level). Asked with ``T`` unknown, it
  lists them all: the grammar run as a generator.
* ``renders(T, Scope, Out)`` holds when ``T`` renders to ``Out`` with the variables in
  ``Scope``. Asked with the context's values unknown, it *chooses* them from small
  domains (:data:`DOMAINS`), once per variable the template actually reads: the
  interpreter run backwards, as a generator of contexts and outputs.

Values are terms too: ``str``/``int``/``bool`` atoms, ``("list", cons)`` where a cons list
is ``()`` or ``(head, tail)``, ``("dict", cons of (key, value))``, ``("markup", s)`` for a
safe string, and :data:`UNDEFINED`. ``renders`` knows only strict mode: a template that
would raise (prints an undefined value, loops over a number) renders to nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from level3.templates import logic as lg
from level3.templates.logic import Goal, NoSolution, Term, conde, conj, disj, eq, fresh, is_, one_of
from level3.templates.markup import escape as html_escape

__all__ = [
    "DOMAINS",
    "EMPTY",
    "UNDEFINED",
    "concato",
    "cons",
    "evaluates",
    "global_scope",
    "renders",
    "template",
    "to_python",
]

UNDEFINED = ("undefined",)
EMPTY = ("empty",)


def cons(items: Iterable[Term]) -> Term:
    """A Python iterable as a cons list: ``[a, b]`` -> ``(a, (b, ()))``."""
    result: Term = ()
    for item in reversed(list(items)):
        result = (item, result)
    return result


def uncons(term: Term) -> list[Term]:
    """A cons list back as a Python list."""
    items = []
    while term != ():
        head, term = term
        items.append(head)
    return items


def _list(*items: str) -> Term:
    return ("list", cons(items))


def _dict(**pairs: Term) -> Term:
    return ("dict", cons(pairs.items()))


# The variables a generated template may read, and the values each one may take. Small on
# purpose: every extra value multiplies the number of cases.
DOMAINS: dict[str, tuple[Term, ...]] = {
    "name": ("Ada", "<b>&'x'", ""),
    "count": (0, 3),
    "flag": (True, False),
    "items": (_list(), _list("x"), _list("a", "<i>")),
    "user": (_dict(name="Bo"), _dict(name="<Al>")),
}
# Names read by expressions: the domains and one never defined (``item`` is the loop variable).
_VARIABLES = ("name", "count", "flag", "items", "user", "missing")
_LOOP_ATTRIBUTES = ("index", "first", "last", "length")
_LITERALS: tuple[Term, ...] = ("<&>", 2)
_FILTERS: tuple[tuple[str, tuple[Term, ...]], ...] = (
    ("upper", ()),
    ("lower", ()),
    ("capitalize", ()),
    ("trim", ()),
    ("length", ()),
    ("first", ()),
    ("last", ()),
    ("join", (", ",)),
    ("default", ("none",)),
    ("escape", ()),
    ("safe", ()),
)
_SEQUENCES = (("var", "items"), ("var", "name"), ("var", "user"))
_DECORATIONS = (("text", " <p>\n "), ("text", "\n  "), ("comment", " note "))
_BARE = (("text", "Hi "), ("comment", " only "))


# --- values ---------------------------------------------------------------------------


def to_python(value: Term) -> Any:
    """A value term as the Python value a template context would hold."""
    if isinstance(value, tuple):
        tag = value[0]
        if tag == "list":
            return [to_python(item) for item in uncons(value[1])]
        if tag == "dict":
            return {key: to_python(item) for key, item in uncons(value[1])}
        if tag == "markup":
            return value[1]
        raise NoSolution  # undefined
    return value


def _text(value: Term) -> str:
    """The value as text, before any escaping (what ``str()`` gives in Python)."""
    return str(to_python(value))


def _is_safe(value: Term) -> bool:
    return isinstance(value, tuple) and value[0] == "markup"


def _show(value: Term) -> str:
    """``{{ value }}`` with autoescape: safe strings as they are, everything else escaped."""
    return value[1] if _is_safe(value) else str(html_escape(_text(value)))


def _truth(value: Term) -> bool:
    return bool(to_python(value))


def _items(value: Term) -> Term:
    """What a for loop walks through: a list's items, a string's characters, a dict's keys."""
    if isinstance(value, str) or _is_safe(value):
        return cons(_text(value))
    if isinstance(value, tuple) and value[0] == "list":
        return value[1]
    if isinstance(value, tuple) and value[0] == "dict":
        return cons(key for key, _ in uncons(value[1]))
    raise NoSolution  # numbers, booleans, undefined: not iterable


def _apply_filter(name: str, args: tuple[Term, ...], value: Term) -> Term:
    """The value a filter gives, by the rules of Jinja2's filter of the same name."""
    if value == UNDEFINED:
        if name == "default":
            return args[0]
        raise NoSolution
    if name in ("upper", "lower", "capitalize", "trim"):
        method = {"trim": "strip"}.get(name, name)
        result = getattr(_text(value), method)()
        return ("markup", result) if _is_safe(value) else result
    if name == "length":
        if isinstance(value, tuple):
            return len(uncons(value[1])) if value[0] in ("list", "dict") else len(value[1])
        if isinstance(value, str):
            return len(value)
        raise NoSolution
    if name in ("first", "last"):
        items = uncons(_items(value))
        if not items:
            return UNDEFINED
        return items[0] if name == "first" else items[-1]
    if name == "join":
        return args[0].join(_text(item) for item in uncons(_items(value)))
    if name == "default":
        return value
    if name == "escape":
        return value if _is_safe(value) else ("markup", str(html_escape(_text(value))))
    if name == "safe":
        return value if _is_safe(value) else ("markup", _text(value))
    raise NoSolution


def _equal(left: Term, right: Term) -> bool:
    return bool(to_python(left) == to_python(right))


def _length(items: Term) -> int:
    return len(uncons(items))


def _loop_info(index0: int, length: int) -> Term:
    return _dict(index=index0 + 1, first=index0 == 0, last=index0 == length - 1, length=length)


def _attribute(value: Term, name: str) -> Term:
    if isinstance(value, tuple) and value[0] == "dict":
        for key, item in uncons(value[1]):
            if key == name:
                return item
        return UNDEFINED
    raise NoSolution  # only dicts have attributes in this subset


# --- relations over values --------------------------------------------------------------


def concato(a: Term, b: Term, ab: Term) -> Goal:
    """``ab`` is the string ``a`` followed by ``b`` (Prolog's ``atom_concat/3``).

    Works in two modes: ``a`` and ``b`` known (one answer), or ``ab`` known (one answer
    per way of cutting it in two). Anything else raises InstantiationError.
    """

    def goal(s: lg.Subst) -> Any:
        left, right, whole = lg.walk(a, s), lg.walk(b, s), lg.walk(ab, s)
        if isinstance(left, str) and isinstance(right, str):
            return eq(whole, left + right)(s)
        if isinstance(whole, str):
            cuts = [conj(eq(left, whole[:i]), eq(right, whole[i:])) for i in range(len(whole) + 1)]
            return disj(*cuts)(s)
        raise lg.InstantiationError("concato needs a and b, or ab, to be known")

    return goal


def global_scope(context: Mapping[str, Term] | None = None) -> Term:
    """The outermost scope: each name with its value and the values it may take.

    Without ``context`` every name of :data:`DOMAINS` is an unknown (a fresh variable)
    restricted to its domain; with it, each name has its given value term.
    """
    if context is None:
        entries = tuple((name, lg.Var(name), domain) for name, domain in DOMAINS.items())
    else:
        entries = tuple((name, value, (value,)) for name, value in context.items())
    return ("globals", entries)


def _lookup(scope: Term, name: str, value: Term) -> Goal:
    """``value`` is what ``name`` means in ``scope``: innermost binding first."""
    while scope[0] == "scope":
        _, (key, bound), scope = scope
        if key == name:
            return eq(value, bound)
    for key, bound, domain in scope[1]:
        if key == name:
            # An unknown global is given each value of its domain in turn, once: the
            # binding is remembered, so a second use sees the same value.
            return conj(eq(value, bound), one_of(value, domain))
    return eq(value, UNDEFINED)


@lg.relation
def evaluates(expr: Term, scope: Term, value: Term) -> Goal:
    """The expression ``expr`` has value ``value`` in ``scope`` (``expr`` must be known)."""
    return lg.project(expr, lambda e: _evaluates(e, scope, value))


def _evaluates(expr: Term, scope: Term, value: Term) -> Goal:
    kind = expr[0]
    if kind == "var":
        return _lookup(scope, expr[1], value)
    if kind == "lit":
        return eq(value, expr[1])
    if kind == "attr":
        return fresh(
            lambda obj: conj(_evaluates(expr[1], scope, obj), is_(value, _attribute, obj, expr[2]))
        )
    if kind == "filter":
        _, name, args, inner = expr
        return fresh(
            lambda v: conj(
                _evaluates(inner, scope, v), is_(value, lambda x: _apply_filter(name, args, x), v)
            )
        )
    if kind == "not":
        return fresh(
            lambda v: conj(_evaluates(expr[1], scope, v), is_(value, lambda x: not _truth(x), v))
        )
    if kind == "cmp":
        return fresh(
            lambda a, b: conj(
                _evaluates(expr[2], scope, a),
                _evaluates(expr[3], scope, b),
                is_(value, _equal, a, b),
            )
        )
    # "or": the left value if it is true, else the right one (short-circuit, like Python)
    return fresh(
        lambda left, truth: conj(
            _evaluates(expr[1], scope, left),
            is_(truth, _truth, left),
            conde(
                [eq(truth, True), eq(value, left)],
                [eq(truth, False), _evaluates(expr[2], scope, value)],
            ),
        )
    )


@lg.relation
def renders(tmpl: Term, scope: Term, out: Term) -> Goal:
    """The template term ``tmpl`` renders to the string ``out`` in ``scope`` (strict, autoescape)."""
    return lg.project(tmpl, lambda t: _renders(t, scope, out))


def _renders(t: Term, scope: Term, out: Term) -> Goal:
    kind = t[0]
    if kind == "text":
        return eq(out, t[1])
    if kind in ("comment", "empty"):
        return eq(out, "")
    if kind == "out":
        return fresh(lambda v: conj(_evaluates(t[1], scope, v), is_(out, _show, v)))
    if kind == "cat":
        return fresh(
            lambda a, b: conj(
                _renders(t[1], scope, a), _renders(t[2], scope, b), concato(a, b, out)
            )
        )
    if kind == "if":
        _, test, then, other = t
        return fresh(
            lambda v, truth: conj(
                _evaluates(test, scope, v),
                is_(truth, _truth, v),
                conde(
                    [eq(truth, True), _renders(then, scope, out)],
                    [eq(truth, False), _renders(other, scope, out)],
                ),
            )
        )
    _, target, iterable, body, other = t  # "for"
    return fresh(
        lambda v, items, length: conj(
            _evaluates(iterable, scope, v),
            is_(items, _items, v),
            conde(
                [eq(items, ()), _renders(other, scope, out)],
                [
                    fresh(lambda head, rest: eq(items, (head, rest))),
                    is_(length, _length, items),
                    _loop(items, target, body, scope, 0, length, out),
                ],
            ),
        )
    )


@lg.relation
def _loop(
    items: Term, target: str, body: Term, scope: Term, index0: int, length: Term, out: Term
) -> Goal:
    """The body rendered once per item, with ``target`` and ``loop`` bound, outputs concatenated."""
    return conde(
        [eq(items, ()), eq(out, "")],
        [
            fresh(
                lambda head, rest, info, first, others: conj(
                    eq(items, (head, rest)),
                    is_(info, _loop_info, index0, length),
                    _renders(
                        body, ("scope", (target, head), ("scope", ("loop", info), scope)), first
                    ),
                    _loop(rest, target, body, scope, index0 + 1, length, others),
                    concato(first, others, out),
                )
            )
        ],
    )


# --- the grammar --------------------------------------------------------------------------


_OUTSIDE_LOOPS = (
    *(("var", name) for name in _VARIABLES),
    ("attr", ("var", "user"), "name"),
    *(("lit", value) for value in _LITERALS),
)
_INSIDE_LOOPS = (  # loop atoms first: the fair search favours the early options of each choice
    ("var", "item"),
    *(("attr", ("var", "loop"), attribute) for attribute in _LOOP_ATTRIBUTES),
    *_OUTSIDE_LOOPS,
)


def _filtered(expr: Term, name: str, args: tuple[Term, ...], h: int, in_loop: bool) -> Goal:
    return fresh(
        lambda inner: conj(eq(expr, ("filter", name, args, inner)), expression(inner, h, in_loop))
    )


@lg.relation
def expression(expr: Term, h: int, in_loop: bool = False) -> Goal:
    """``expr`` is an expression of height at most ``h``: an atom, or filters applied to one.

    ``item`` and ``loop.*`` are atoms only ``in_loop`` (inside a ``for`` body).
    """
    clauses = [one_of(expr, _INSIDE_LOOPS if in_loop else _OUTSIDE_LOOPS)]
    if h >= 2:
        clauses += [_filtered(expr, name, args, h - 1, in_loop) for name, args in _FILTERS]
    return disj(*clauses)


@lg.relation
def condition(expr: Term, h: int, in_loop: bool = False) -> Goal:
    """``expr`` can test an ``if``: any expression, or ``not``, ``==`` and ``or`` over smaller ones."""
    clauses = [expression(expr, h, in_loop)]
    if h >= 2:
        clauses += [
            fresh(lambda e: conj(eq(expr, ("not", e)), expression(e, h - 1, in_loop))),
            fresh(
                lambda e, lit: conj(
                    eq(expr, ("cmp", "==", e, ("lit", lit))),
                    one_of(lit, _LITERALS),
                    expression(e, h - 1, in_loop),
                )
            ),
            fresh(
                lambda a, b: conj(
                    eq(expr, ("or", a, b)),
                    expression(a, h - 1, in_loop),
                    expression(b, h - 1, in_loop),
                )
            ),
        ]
    return disj(*clauses)


@lg.relation
def if_statement(node: Term, h: int, in_loop: bool, elif_allowed: bool = True) -> Goal:
    """``{% if %}`` of height at most ``h``; its else part may be one ``elif`` (another if)."""
    return fresh(
        lambda test, then, other: conj(
            eq(node, ("if", test, then, other)),
            condition(test, h - 1, in_loop),
            template(then, h - 1, in_loop),
            disj(
                eq(other, EMPTY),
                template(other, h - 1, in_loop),
                if_statement(other, h, in_loop, False) if elif_allowed else lg.fail,
            ),
        )
    )


@lg.relation
def for_statement(node: Term, h: int, in_loop: bool) -> Goal:
    """``{% for item in seq %}`` of height at most ``h``, maybe with an ``{% else %}``.

    ``seq`` is a list, a string or a dict variable: looping over anything else is an
    error, and such templates would only slow the search down.
    """
    return fresh(
        lambda seq, body, other: conj(
            eq(node, ("for", "item", seq, body, other)),
            one_of(seq, _SEQUENCES),
            template(body, h - 1, True),
            disj(eq(other, EMPTY), template(other, h - 1, in_loop)),
        )
    )


@lg.relation
def statement(node: Term, h: int, in_loop: bool = False) -> Goal:
    """``node`` is an output, ``if`` or ``for`` statement of height at most ``h``."""
    clauses = []
    if h >= 2:
        clauses.append(fresh(lambda e: conj(eq(node, ("out", e)), expression(e, h - 1, in_loop))))
    if h >= 3:
        clauses += [if_statement(node, h, in_loop), for_statement(node, h, in_loop)]
    return disj(*clauses)


@lg.relation
def template(tmpl: Term, h: int, in_loop: bool = False) -> Goal:
    """``tmpl`` is a template of height at most ``h``: a statement, maybe with text beside it.

    Text never sits next to text (the source would merge them into one piece), so whitespace
    control has one well-defined piece of text to trim on each side of a tag.
    """
    return conde(
        [one_of(tmpl, _BARE)],
        [statement(tmpl, h, in_loop)],
        [
            fresh(
                lambda d, s: conj(
                    eq(tmpl, ("cat", d, s)), one_of(d, _DECORATIONS), statement(s, h, in_loop)
                )
            )
        ],
        [
            fresh(
                lambda s, d: conj(
                    eq(tmpl, ("cat", s, d)), statement(s, h, in_loop), one_of(d, _DECORATIONS)
                )
            )
        ],
    )
