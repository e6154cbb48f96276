"""What a test file writes: ``fixture``, ``mark.*``, ``param``, ``skip``/``fail``/``xfail``, ``raises``.

pipetest's own decorators store plain data on the function (``__pipetest_marks__``,
``__pipetest_fixture__``). The readers at the bottom also understand what pytest's
decorators leave behind (``pytestmark`` lists of marks with ``name/args/kwargs``, a
``FixtureFunctionDefinition`` with its ``_fixture_function_marker``) by duck typing, so
the same test file runs under both tools without pipetest importing pytest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NoReturn, TypeVar, cast, overload

__all__ = [
    "SCOPES",
    "FixtureSpec",
    "Mark",
    "OutcomeSignal",
    "Param",
    "fail",
    "fixture",
    "fixture_spec",
    "mark",
    "marks_of",
    "outcome_of_signal",
    "param",
    "raises",
    "skip",
    "xfail",
]

F = TypeVar("F", bound=Callable[..., Any])
SCOPES = ("function", "module", "session")


@dataclass(frozen=True)
class Mark:
    """A named marker with its arguments, e.g. ``Mark("skip", (), {"reason": "slow"})``."""

    name: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


class _MarkDecorator:
    """``mark.NAME(...)`` applied to a function or class appends a :class:`Mark` to it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        # ``@mark.xfail`` without parentheses: the only argument is the decorated object
        if len(args) == 1 and not kwargs and (callable(args[0]) or isinstance(args[0], type)):
            return cast(Callable[[F], F], _attach(args[0], Mark(self.name)))
        created = Mark(self.name, args, kwargs)

        def decorate(obj: F) -> F:
            return _attach(obj, created)

        decorate.pipetest_mark = created  # type: ignore[attr-defined]  # param(marks=...)
        return decorate


def _attach(obj: F, created: Mark) -> F:
    # a new list per object: a class's marks must not leak into a subclass's
    obj.__pipetest_marks__ = [*obj.__dict__.get("__pipetest_marks__", []), created]  # type: ignore[attr-defined]
    return obj


class _MarkNamespace:
    """``mark.skip``, ``mark.xfail``, ``mark.parametrize``, ``mark.anything``."""

    def __getattr__(self, name: str) -> _MarkDecorator:
        if name.startswith("_"):
            raise AttributeError(name)
        return _MarkDecorator(name)


mark = _MarkNamespace()


@dataclass(frozen=True)
class Param:
    """One parametrize case with its own marks and id: ``param(0, marks=mark.xfail, id="zero")``."""

    values: tuple[Any, ...]
    marks: tuple[Mark, ...] = ()
    id: str | None = None


def param(*values: Any, marks: Any = (), id: str | None = None) -> Param:
    """A parametrize case; ``marks`` is one mark (``mark.xfail``) or a sequence of them."""
    listed = marks if isinstance(marks, list | tuple) else (marks,)
    return Param(values, tuple(_as_mark(m) for m in listed), id)


def _as_mark(obj: Any) -> Mark:
    """A pipetest mark decorator or a pytest ``MarkDecorator``/``Mark`` as a :class:`Mark`."""
    if isinstance(obj, Mark):
        return obj
    if isinstance(obj, _MarkDecorator):
        return Mark(obj.name)
    inner = getattr(obj, "pipetest_mark", None) or getattr(obj, "mark", None) or obj
    return Mark(inner.name, tuple(inner.args), dict(inner.kwargs))


# --- fixtures -----------------------------------------------------------------------


@dataclass(frozen=True)
class FixtureSpec:
    """What ``@fixture`` says about a function: its name, scope and whether it is autouse."""

    function: Callable[..., Any]
    name: str
    scope: str = "function"
    autouse: bool = False


@overload
def fixture(function: F) -> F: ...


@overload
def fixture(
    *, scope: str = "function", autouse: bool = False, name: str | None = None
) -> Callable[[F], F]: ...


def fixture(
    function: F | None = None,
    *,
    scope: str = "function",
    autouse: bool = False,
    name: str | None = None,
) -> F | Callable[[F], F]:
    """Declare a fixture: ``@fixture`` or ``@fixture(scope="module")``; ``yield`` for teardown."""
    if scope not in SCOPES:
        raise ValueError(f"fixture scope must be one of {', '.join(SCOPES)}, not {scope!r}")

    def decorate(func: F) -> F:
        func.__pipetest_fixture__ = FixtureSpec(func, name or func.__name__, scope, autouse)  # type: ignore[attr-defined]
        return func

    return decorate(function) if function is not None else decorate


def fixture_spec(obj: Any, attribute: str) -> FixtureSpec | None:
    """The fixture ``obj`` declares (pipetest's or pytest's), or None if it is not one."""
    spec = getattr(obj, "__pipetest_fixture__", None) if callable(obj) else None
    if isinstance(spec, FixtureSpec):
        return spec
    marker = getattr(obj, "_fixture_function_marker", None)  # pytest >= 8.4
    function = getattr(obj, "_fixture_function", None)
    if marker is None or function is None:
        return None
    scope = marker.scope if isinstance(marker.scope, str) else "function"
    return FixtureSpec(function, marker.name or attribute, scope, bool(marker.autouse))


# --- marks on functions, classes and modules ------------------------------------------


def marks_of(obj: Any) -> list[Mark]:
    """The marks on ``obj`` in the order they were applied (innermost decorator first).

    pytest's marks live in ``pytestmark`` (one mark or a list, also at module level);
    pipetest's in ``__pipetest_marks__``.
    """
    found: list[Mark] = []
    for attribute in ("pytestmark", "__pipetest_marks__"):
        value = (
            getattr(obj, "__dict__", {}).get(attribute)
            if not isinstance(obj, dict)
            else obj.get(attribute)
        )
        if value is None:
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            found.append(_as_mark(item))
    return found


# --- outcomes decided inside a test ---------------------------------------------------------


class OutcomeSignal(BaseException):
    """Raised by :func:`skip`, :func:`fail` and :func:`xfail`; a BaseException like pytest's,
    so an ``except Exception`` in the code under test does not swallow it."""

    outcome = "failed"

    def __init__(self, reason: str = "") -> None:
        super().__init__(reason)
        self.reason = reason


class Skipped(OutcomeSignal):
    outcome = "skipped"


class Failed(OutcomeSignal):
    outcome = "failed"


class XFailed(OutcomeSignal):
    outcome = "xfailed"


def skip(reason: str = "") -> NoReturn:
    """Stop this test now and report it skipped."""
    raise Skipped(reason)


def fail(reason: str = "") -> NoReturn:
    """Stop this test now and report it failed."""
    raise Failed(reason)


def xfail(reason: str = "") -> NoReturn:
    """Stop this test now and report it as an expected failure."""
    raise XFailed(reason)


PYTEST_SIGNALS = {"Skipped": "skipped", "Failed": "failed", "XFailed": "xfailed"}


def outcome_of_signal(exc: BaseException) -> tuple[str, str] | None:
    """``(outcome, reason)`` if ``exc`` is pipetest's or pytest's skip/fail/xfail, else None."""
    if isinstance(exc, OutcomeSignal):
        return exc.outcome, exc.reason
    names = [cls.__name__ for cls in type(exc).__mro__]
    if "OutcomeException" in names and type(exc).__name__ in PYTEST_SIGNALS:
        return PYTEST_SIGNALS[type(exc).__name__], str(getattr(exc, "msg", "") or "")
    return None


@dataclass
class RaisesInfo:
    """What :func:`raises` caught: ``info.value`` is the exception."""

    value: BaseException | None = None


@contextmanager
def raises(
    expected: type[BaseException] | tuple[type[BaseException], ...], *, match: str | None = None
) -> Iterator[RaisesInfo]:
    """Fail unless the block raises ``expected`` (and its message matches ``match``)."""
    info = RaisesInfo()
    try:
        yield info
    except expected as exc:
        info.value = exc
        if match is not None and not re.search(match, str(exc)):
            fail(f"Regex pattern did not match.\n  Regex: {match!r}\n  Input: {str(exc)!r}")
        return
    names = expected.__name__ if isinstance(expected, type) else str(expected)
    fail(f"DID NOT RAISE {names}")


def mark_args(found: Sequence[Mark], name: str) -> list[Mark]:
    """The marks called ``name`` among ``found``."""
    return [m for m in found if m.name == name]
