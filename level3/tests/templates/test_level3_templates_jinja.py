"""Oracle tests against Jinja2 and markupsafe, and fuzzing of the parser with arbitrary text."""

import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:
    import jinja2
    import markupsafe
except ImportError:  # a test dependency: CI installs it, so only skip outside CI
    if os.environ.get("CI"):
        raise
    pytest.skip("jinja2 not installed (uv sync --group test)", allow_module_level=True)


@pytest.fixture(scope="module")
def jinja_env():
    return jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )


def test_thousands_of_generated_cases_agree_with_jinja2(solution):
    tpl = solution("level3.templates")
    cases = tpl.generate(3, 3000) + tpl.generate(2)
    report = tpl.compare(cases)
    assert report.with_jinja
    assert report.cases == len(cases) > 3000
    assert report.disagreements == [], report.disagreements[:3]


def test_deeper_templates_agree_too(solution):
    tpl = solution("level3.templates")
    report = tpl.compare(tpl.generate(4, 300))
    assert (report.cases, report.disagreements) == (300, [])


def test_the_compare_report_catches_a_wrong_expectation(solution):
    tpl = solution("level3.templates")
    good = tpl.generate(2, 1)[0]
    bad = tpl.Case(good.source, good.context, good.expected + "!", good.style)
    report = tpl.compare([good, bad])
    assert report.agreed == 1
    assert [d.case for d in report.disagreements] == [bad]
    assert report.disagreements[0].jinja == good.expected


@pytest.mark.parametrize(
    ("source", "context"),
    [
        ("{{ a|join(', ') }}|{{ a|join(s) }}", {"a": ["<x>", 1], "s": " & "}),
        ("{{ v|e|upper }} {{ v|safe|lower }} {{ v|escape|length }}", {"v": "<I>"}),
        (
            "{% for c in s %}{{ loop.index }}{{ c }}{% if not loop.last %},{% endif %}{% endfor %}",
            {"s": "ab"},
        ),
        ("{% if x is defined and x > 1 %}big{% elif x is defined %}small{% endif %}", {"x": 1}),
        (
            "{{ d['k'] }} {{ d.k }} {{ xs[0] }} {{ xs|first }} {{ xs|last }}",
            {"d": {"k": 2}, "xs": [7, 8]},
        ),
        ("{{ m|default('-') }} {{ ''|default('-', true) }} {{ 0 or 'z' }} {{ 1 and 'y' }}", {}),
        ("  {%- if t -%}  kept  {%- else -%} no {%- endif -%}  \n", {"t": True}),
        ("{#- x -#}  {{- 'a' -}}  {#- y #}  {{ none }} {{ true }} {{ 2.5 }}", {}),
        ("{{ 'a' in s }} {{ 'z' not in s }} {{ 1 < 2 <= 2 }} {{ 1 == 1.0 }}", {"s": "abc"}),
        ("{{ s|trim|capitalize }}", {"s": "  hELLO  "}),
    ],
)
def test_hand_written_templates_agree_with_jinja2(solution, jinja_env, source, context):
    tpl = solution("level3.templates")
    assert tpl.render(source, context) == jinja_env.from_string(source).render(context)


@given(st.text())
def test_escape_matches_markupsafe(solution, text):
    tpl = solution("level3.templates")
    assert str(tpl.escape(text)) == str(markupsafe.escape(text))


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=5,
)


@settings(max_examples=60)
@given(_VALUES)
def test_any_value_prints_like_jinja2(solution, jinja_env, value):
    tpl = solution("level3.templates")
    source = "{{ v }} {% if v %}true{% else %}false{% endif %}"
    assert tpl.render(source, {"v": value}) == jinja_env.from_string(source).render(v=value)


# --- fuzzing the parser --------------------------------------------------------------------

_PIECES = [
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "-",
    " ",
    "\n",
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "in",
    "endfor",
    "x",
    "xs",
    "loop",
    "index",
    "not",
    "and",
    "or",
    "is",
    "defined",
    "|",
    "upper",
    "default",
    "join",
    "(",
    ")",
    ",",
    ".",
    "[",
    "]",
    "==",
    "<",
    '"a"',
    "'b'",
    "1",
    "2.5",
    "true",
    "none",
    "\\",
    '"',
    "'",
    "{",
    "}",
    "%",
    "#",
    "é",
]
_TEMPLATE_SOUP = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _outcome(tpl, source):
    """'ok', 'runtime' (a well-formed template failed while rendering) or a syntax error."""
    try:
        template = tpl.Template(source)
    except tpl.TemplateSyntaxError as error:
        return error
    try:
        template.render({})
    except tpl.TemplateRuntimeError:  # UndefinedError included: the empty context lacks names
        return "runtime"
    return "ok"


def _renders_or_raises_a_template_error(tpl, source):
    """Any other exception escapes and fails the test; a syntax error points inside the source."""
    outcome = _outcome(tpl, source)
    if isinstance(outcome, tpl.TemplateSyntaxError):
        assert 1 <= outcome.lineno <= source.count("\n") + 1
        assert outcome.col >= 1
    else:
        assert outcome in ("ok", "runtime")


_FUZZ = settings(
    max_examples=300, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)


@_FUZZ
@given(st.text(max_size=60))
def test_arbitrary_text_renders_or_raises_a_template_error(solution, source):
    _renders_or_raises_a_template_error(solution("level3.templates"), source)


@_FUZZ
@given(_TEMPLATE_SOUP)
def test_template_like_soup_renders_or_raises_a_template_error(solution, source):
    _renders_or_raises_a_template_error(solution("level3.templates"), source)


@settings(max_examples=100)
@given(st.text().filter(lambda s: "{" not in s))
def test_text_without_tags_renders_unchanged(solution, source):
    assert solution("level3.templates").render(source, {}) == source
