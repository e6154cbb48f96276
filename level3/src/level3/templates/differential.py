"""Differential testing: run the same cases through this engine and through Jinja2.

Jinja2 is the oracle: a mature engine with the same syntax for the subset generated
here. Each case is rendered three ways, and all three must agree:

* ``expected``, worked out by the ``renders`` relation (the logic model);
* this engine's :func:`~level3.templates.template.render`;
* Jinja2 with ``Environment(autoescape=True, undefined=StrictUndefined,
  keep_trailing_newline=True)``.

The last option is the one documented difference in defaults: Jinja2 drops a single
newline at the very end of a template unless told to keep it; this engine keeps the
source text as written. Jinja2 is a test dependency only, so it is imported lazily and
:func:`jinja_available` says whether it can be used.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from level3.templates.cases import Case
from level3.templates.errors import TemplateError
from level3.templates.template import Template

__all__ = ["Disagreement", "Report", "compare", "jinja_available", "jinja_renderer"]


@dataclass(frozen=True)
class Disagreement:
    """A case on which the three renderings differ (an error shows as its class and message)."""

    case: Case
    ours: str
    jinja: str | None


@dataclass
class Report:
    """How many cases ran and which of them disagreed."""

    cases: int = 0
    with_jinja: bool = False
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def agreed(self) -> int:
        return self.cases - len(self.disagreements)

    def summary(self) -> str:
        oracle = "expected output and Jinja2" if self.with_jinja else "expected output"
        return f"{self.cases} cases, {len(self.disagreements)} disagreements ({oracle})"


def jinja_available() -> bool:
    """True when Jinja2 (a test-only dependency) can be imported."""
    return importlib.util.find_spec("jinja2") is not None


def jinja_renderer() -> Callable[[str, dict[str, Any]], str]:
    """A function rendering source with Jinja2 configured like this engine (cached per source)."""
    import jinja2

    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    compiled: dict[str, jinja2.Template] = {}

    def render_with_jinja(source: str, context: dict[str, Any]) -> str:
        template = compiled.get(source)
        if template is None:
            template = compiled[source] = environment.from_string(source)
        return template.render(context)

    return render_with_jinja


def _outcome(render: Callable[[str, dict[str, Any]], str], case: Case) -> str:
    try:
        return render(case.source, case.context)
    except Exception as exc:  # the oracle may fail in its own ways; record, don't crash
        return f"<{type(exc).__name__}: {exc}>"


def compare(cases: Iterable[Case], use_jinja: bool = True) -> Report:
    """Render every case with this engine (and Jinja2, if asked and installed); collect disagreements."""
    with_jinja = use_jinja and jinja_available()
    jinja = jinja_renderer() if with_jinja else None
    parsed: dict[str, Template | TemplateError] = {}

    def ours(source: str, context: dict[str, Any]) -> str:
        template = parsed.get(source)
        if template is None:
            try:
                template = parsed[source] = Template(source)
            except TemplateError as exc:
                template = parsed[source] = exc
        if isinstance(template, TemplateError):
            raise template
        return template.render(context)

    report = Report(with_jinja=with_jinja)
    for case in cases:
        report.cases += 1
        mine = _outcome(ours, case)
        theirs = _outcome(jinja, case) if jinja else None
        if mine != case.expected or (theirs is not None and theirs != case.expected):
            report.disagreements.append(Disagreement(case, mine, theirs))
    return report
