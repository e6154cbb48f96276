"""A tiny logic-programming engine in the style of miniKanren (and of Prolog's core).

The ideas, in the order the code builds them:

* A **term** is a Python atom (``str``, ``int``, ``bool``, ``float``, ``None``), a tuple of
  terms, or a logic variable :class:`Var`: a named hole to be filled in later.
* A **substitution** is a dict from variables to terms: what we know so far. It is never
  changed in place; learning something new makes a new dict, so backtracking is free
  (the old dict is still there).
* :func:`unify` makes two terms equal by filling holes, or says it cannot.
* A **goal** is a function from a substitution to an iterator of substitutions: every way
  the goal can be true given what is known. Zero answers means "fails"; several means
  "succeeds in several ways". Python generators make these streams lazy.
* :func:`eq` is the basic goal. :func:`conj` ("and") feeds each answer of one goal into the
  next; :func:`disj` ("or") merges the answers of alternatives. Both interleave their
  streams fairly, so a stream with many answers cannot starve the others.
* A **relation** is a function from terms to a goal (:func:`relation` makes it lazy, so it
  may call itself). Because unification works in both directions, the same relation can
  check an answer, compute it, or, run "backwards" with unknowns, generate answers.
* :func:`run` asks for the answers: it returns the query terms with every known variable
  replaced by its value.

Where a relation needs Python to compute something (string concatenation, upper-case),
:func:`is_` plays the part of Prolog's ``Out is Expr``: its inputs must already be known,
or it raises :class:`InstantiationError`, just as Prolog does.
"""

from __future__ import annotations

import functools
import gc
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeAlias

__all__ = [
    "Goal",
    "InstantiationError",
    "NoSolution",
    "Subst",
    "Term",
    "Var",
    "conde",
    "conj",
    "disj",
    "eq",
    "fail",
    "fresh",
    "gc_paused",
    "is_",
    "one_of",
    "project",
    "reify",
    "relation",
    "run",
    "solve",
    "succeed",
    "unify",
    "walk",
]


class Var:
    """A logic variable. Two variables are the same only if they are the same object."""

    __slots__ = ("id", "name")
    _ids = itertools.count()

    def __init__(self, name: str = "v") -> None:
        self.name = name
        self.id = next(Var._ids)

    def __repr__(self) -> str:
        return f"?{self.name}_{self.id}"


Term: TypeAlias = Any  # Var | str | int | float | bool | None | tuple[Term, ...]
Subst: TypeAlias = dict[Var, Term]
Goal: TypeAlias = Callable[[Subst], Iterator[Subst]]


class InstantiationError(Exception):
    """A goal needed a known value but found an unbound variable (Prolog's error of that name)."""


class NoSolution(Exception):
    """Raised by a function given to :func:`is_` when its inputs have no answer: the goal fails."""


# --- terms and unification ------------------------------------------------------------


def walk(term: Term, s: Subst) -> Term:
    """Follow variable bindings until reaching a non-variable or an unbound variable."""
    while isinstance(term, Var) and term in s:
        term = s[term]
    return term


def _same_atom(a: Term, b: Term) -> bool:
    # type() too: Python says True == 1, but the values print differently in a template.
    return type(a) is type(b) and a == b


def unify(a: Term, b: Term, s: Subst) -> Subst | None:
    """A substitution extending ``s`` that makes ``a`` and ``b`` equal, or None if none exists.

    Like Prolog (and unlike the textbook miniKanren) it skips the "occurs check", so
    ``unify(x, (x,), {})`` would build a cyclic term; no relation here ever asks that.
    """
    a, b = walk(a, s), walk(b, s)
    if a is b:
        return s
    if isinstance(a, Var):
        return {**s, a: b}
    if isinstance(b, Var):
        return {**s, b: a}
    if isinstance(a, tuple) and isinstance(b, tuple):
        if len(a) != len(b):
            return None
        for x, y in zip(a, b, strict=True):
            s_next = unify(x, y, s)
            if s_next is None:
                return None
            s = s_next
        return s
    return s if _same_atom(a, b) else None


def reify(term: Term, s: Subst) -> Term:
    """``term`` with every bound variable replaced by its value, all the way down."""
    term = walk(term, s)
    if isinstance(term, tuple):
        parts = tuple(reify(t, s) for t in term)
        # Return the very same tuple when nothing inside changed: no copying of big ground terms.
        return term if all(p is t for p, t in zip(parts, term, strict=True)) else parts
    return term


def is_ground(term: Term) -> bool:
    """True when a (reified) term holds no variable."""
    if isinstance(term, Var):
        return False
    return not isinstance(term, tuple) or all(is_ground(t) for t in term)


def known(term: Term, s: Subst, who: str) -> Term:
    """The reified value of ``term``, which must be ground; else InstantiationError naming ``who``."""
    value = reify(term, s)
    if not is_ground(value):
        raise InstantiationError(f"{who} needs a known value, got {value!r}")
    return value


# --- goals ----------------------------------------------------------------------------


def succeed(s: Subst) -> Iterator[Subst]:
    """The goal that is true once, learning nothing."""
    return iter((s,))


def fail(s: Subst) -> Iterator[Subst]:
    """The goal that is never true."""
    return iter(())


def eq(a: Term, b: Term) -> Goal:
    """The goal "``a`` equals ``b``": succeeds once if they unify, else fails."""

    def goal(s: Subst) -> Iterator[Subst]:
        s_next = unify(a, b, s)
        return iter(() if s_next is None else (s_next,))

    return goal


def _interleave(streams: Iterable[Iterator[Subst]]) -> Iterator[Subst]:
    """Take answers round-robin from the streams, starting each one lazily as it is reached.

    This is miniKanren's ``mplus``: fair, so no stream can starve the others, and still
    deterministic (the order depends only on the goals).
    """
    pending = iter(streams)
    queue: list[Iterator[Subst]] = []  # a plain list used as a queue: far smaller than a deque
    head = 0
    more = True
    while more or head < len(queue):
        if more:
            stream = next(pending, None)
            if stream is None:
                more = False
            else:
                queue.append(stream)
        if head == len(queue):
            continue
        current = queue[head]
        head += 1
        answer = next(current, None)
        if answer is not None:
            yield answer
            queue.append(current)
        if head > 16 and 2 * head > len(queue):  # drop the consumed front now and then
            del queue[:head]
            head = 0


def disj(*goals: Goal) -> Goal:
    """The goal "at least one of ``goals``": every answer of every alternative, interleaved."""

    def goal(s: Subst) -> Iterator[Subst]:
        return _interleave(g(s) for g in goals)

    return goal


def conj(*goals: Goal) -> Goal:
    """The goal "all of ``goals``": each answer of the first is fed to the rest.

    The answers of the rest, one stream per answer of the first, are interleaved like
    :func:`disj` does (miniKanren's ``bind``), so the search is fair here too.
    """
    if not goals:
        return succeed
    if len(goals) == 1:
        return goals[0]
    first, rest = goals[0], conj(*goals[1:])

    def goal(s: Subst) -> Iterator[Subst]:
        answers = first(s)
        one = next(answers, None)
        if one is None:
            return iter(())
        two = next(answers, None)
        if two is None:  # the usual case (an eq, a computation): no interleaving needed
            return rest(one)
        return _interleave(itertools.chain((rest(one), rest(two)), (rest(a) for a in answers)))

    return goal


def conde(*clauses: Sequence[Goal]) -> Goal:
    """miniKanren's ``conde``: "one of these clauses", each clause a list of goals that all hold."""
    return disj(*(conj(*clause) for clause in clauses))


def one_of(term: Term, options: Iterable[Term]) -> Goal:
    """The goal "``term`` is one of ``options``" (miniKanren's ``membero`` on a known list)."""
    return disj(*(eq(term, option) for option in options))


def _parameters(function: Callable[..., Goal]) -> tuple[str, ...]:
    """The names of a function's positional parameters (cheaper than inspect.signature)."""
    code = function.__code__
    return code.co_varnames[: code.co_argcount]


def fresh(body: Callable[..., Goal]) -> Goal:
    """A goal with new variables: ``fresh(lambda x, y: eq(x, y))``, one Var per parameter."""
    names = _parameters(body)

    def goal(s: Subst) -> Iterator[Subst]:
        return body(*(Var(name) for name in names))(s)

    return goal


def relation(make: Callable[..., Goal]) -> Callable[..., Goal]:
    """Decorator: build the relation's goal only when it runs, so a relation may call itself.

    Without it, ``def appendo(...): return disj(..., appendo(...))`` would recurse forever
    while merely *building* the goal, before a single answer is asked for.
    """

    @functools.wraps(make)
    def lazy(*args: Term) -> Goal:
        def goal(s: Subst) -> Iterator[Subst]:
            return make(*args)(s)

        return goal

    return lazy


def is_(out: Term, func: Callable[..., Term], *inputs: Term) -> Goal:
    """The goal "``out`` is ``func(*inputs)``", for inputs already known (Prolog's ``is``).

    ``func`` receives the inputs' values; it may raise :class:`NoSolution` to make the
    goal fail. An input that is still unknown raises :class:`InstantiationError`.
    """

    def goal(s: Subst) -> Iterator[Subst]:
        values = [known(term, s, func.__name__) for term in inputs]
        try:
            result = func(*values)
        except NoSolution:
            return iter(())
        return eq(out, result)(s)

    return goal


def project(term: Term, make: Callable[[Term], Goal]) -> Goal:
    """miniKanren's ``project``: look at ``term``'s current value in Python to choose a goal.

    ``make`` receives the value with every known variable filled in. It is how a relation
    dispatches on the shape of a known term; ``term`` must be known (ground).
    """

    def goal(s: Subst) -> Iterator[Subst]:
        return make(known(term, s, "project"))(s)

    return goal


# --- running goals --------------------------------------------------------------------


def solve(query: Callable[..., Goal]) -> Iterator[tuple[Term, ...]]:
    """Every answer of ``query``'s goal: a tuple with the value of each of its parameters.

    ``solve(lambda x, y: goal)`` makes fresh ``x`` and ``y``, runs the goal from an empty
    substitution and, for each answer, yields ``(value of x, value of y)``. Variables left
    unbound come back as :class:`Var` objects.
    """
    variables = [Var(name) for name in _parameters(query)]
    for s in query(*variables)({}):
        yield tuple(reify(v, s) for v in variables)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a while.

    A fair search keeps thousands of suspended generators alive at once, and the
    collector would walk all of them again and again: listing the first 20,000 templates
    of height 3 took 6.0 s of CPU with it on and 1.2 s paused (Python 3.11). Reference
    counting still frees everything that is not a cycle; the collector catches up when
    resumed.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run(query: Callable[..., Goal], limit: int | None = None) -> list[tuple[Term, ...]]:
    """The first ``limit`` answers of :func:`solve` (all of them when ``limit`` is None)."""
    with gc_paused():
        return list(itertools.islice(solve(query), limit))
