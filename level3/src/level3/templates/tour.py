"""Tour step: render an example page, generate cases at height 3, check them against Jinja2.

Jinja2 is a runtime dependency of level 3 for this comparison, so the step fails when it is missing
rather than reporting a check it did not make.
"""

from __future__ import annotations

import json
from pathlib import Path

from level0.atomic import atomic_write_text
from level0.tour import TourResult
from level3.templates.cases import generate
from level3.templates.differential import compare, jinja_available
from level3.templates.template import render

EXAMPLE = """\
<h1>{{ title | upper }}</h1>
{#- the list, or a note when it is empty #}
<ul>
{%- for item in items %}
  <li>{{ loop.index }}. {{ item.name }}{% if item.new %} (new){% endif %}</li>
{%- else %}
  <li>nothing yet</li>
{%- endfor %}
</ul>
<p>{{ note | default("no note") }}</p>
"""
CONTEXT = {
    "title": "Reading list <draft>",
    "items": [
        {"name": "Structure & Interpretation", "new": False},
        {"name": "The Reasoned Schemer", "new": True},
    ],
}
DEPTH, LIMIT = 3, 2000


def run(out: Path) -> TourResult:
    page = out / "example.html"
    atomic_write_text(page, render(EXAMPLE, CONTEXT))
    cases = generate(DEPTH, LIMIT)
    cases_file = out / "cases.json"
    atomic_write_text(cases_file, json.dumps([c.as_dict() for c in cases], indent=1) + "\n")
    if not jinja_available():  # a runtime dependency of level3: only a broken install lacks it
        raise RuntimeError(
            "jinja2 is not installed, though level3 depends on it; reinstall level3 "
            "(uv sync --all-packages) to compare the engine with Jinja2"
        )
    report = compare(cases)
    check = f"Jinja2: {report.agreed} agree, {len(report.disagreements)} disagree"
    key = f"example page rendered; {len(cases)} generated cases (height ≤ {DEPTH}); {check}"
    return TourResult(data="synthetic", key_result=key, files=[page, cases_file])
