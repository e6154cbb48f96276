"""Hostile templates are bounded: work budgets at render time, nesting and literal limits at parse time.

The budgets (issue 10): ``max_loop_iterations`` counts every loop iteration of one render
and ``max_output_chars`` every character written; going over either raises
TemplateBudgetError, a ValueError. They must never change a render that stays within them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from level3.templates import Template, TemplateBudgetError, TemplateRuntimeError, render
from level3.templates.errors import TemplateSyntaxError
from level3.templates.lexer import MAX_NUMBER_DIGITS
from level3.templates.parser import MAX_NESTING
from level3.templates.runtime import MAX_LOOP_ITERATIONS, MAX_OUTPUT_CHARS, Work

BOMB = "{% for a in s %}" * 45 + "x" + "{% endfor %}" * 45  # 2**45 iterations over "ab"


def test_stated_defaults():
    assert MAX_LOOP_ITERATIONS == 100_000
    assert MAX_OUTPUT_CHARS == 10_000_000
    assert MAX_NESTING == 50
    assert issubclass(TemplateBudgetError, TemplateRuntimeError)
    assert issubclass(TemplateBudgetError, ValueError)


def test_the_loop_bomb_stops_at_the_iteration_budget():
    with pytest.raises(TemplateBudgetError) as caught:
        render(BOMB, {"s": "ab"})
    error = caught.value
    assert (error.limit, error.value) == ("max_loop_iterations", MAX_LOOP_ITERATIONS)
    assert (error.lineno, error.col) == (1, 1 + 44 * len("{% for a in s %}"))  # innermost loop
    assert "more than 100,000 iterations" in str(error)


def test_budgets_are_configurable():
    source = "{% for a in s %}{% for b in s %}{{ a }}{% endfor %}{% endfor %}"
    context = {"s": "x" * 400}  # 400 + 400 * 400 = 160,400 iterations, 160,000 characters
    with pytest.raises(TemplateBudgetError):
        render(source, context)
    assert render(source, context, max_loop_iterations=160_400) == "x" * 160_000
    with pytest.raises(TemplateBudgetError, match="max_loop_iterations"):
        render(source, context, max_loop_iterations=160_399)
    with pytest.raises(TemplateBudgetError, match="exceed 159,999 characters") as caught:
        render(source, context, max_loop_iterations=10**6, max_output_chars=159_999)
    assert caught.value.limit == "max_output_chars"
    assert Template("{{ s }}", max_output_chars=3).render({"s": "abc"}) == "abc"
    with pytest.raises(TemplateBudgetError):
        Template("{{ s }}", max_output_chars=2).render({"s": "abc"})
    with pytest.raises(ValueError, match="cannot be negative"):
        Template("x", max_loop_iterations=-1)


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("parentheses", "{{ " + "(" * 10_000 + "x" + ")" * 10_000 + " }}"),
        ("filter chain", "{{ x" + "|upper" * 10_000 + " }}"),
        ("nested ifs", "{% if x %}" * 10_000 + "{% endif %}" * 10_000),
        ("nested fors", "{% for a in x %}" * 10_000 + "{% endfor %}" * 10_000),
        ("nots", "{{ " + "not " * 10_000 + "x }}"),
        ("or chain", "{{ x" + " or x" * 10_000 + " }}"),
        ("attributes", "{{ x" + ".a" * 10_000 + " }}"),
        ("items", "{{ x" + "[0]" * 10_000 + " }}"),
        ("comparisons", "{{ x" + " == x" * 10_000 + " }}"),
        ("filter arguments", "{{ " + "x|default(" * 10_000 + "1" + ")" * 10_000 + " }}"),
        ("keys", "{{ " + "x[" * 10_000 + "0" + "]" * 10_000 + " }}"),
    ],
)
def test_deep_nesting_is_a_syntax_error_not_a_recursion_error(name, source):
    with pytest.raises(TemplateSyntaxError, match=f"nested more than {MAX_NESTING} levels"):
        Template(source)


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("{{ " + "9" * 100_000 + " }}", "number literal of 100,000 characters"),
        ("{{ " + "9" * 5_000 + ".5 }}", "number literal of 5,002 characters"),
        ("{{ 9**9**9 }}", "unexpected character '*'"),  # no arithmetic in this language
        ('{{ "a" * 10**10 }}', "unexpected character '*'"),
        ("{% for i in range(10) %}{% endfor %}", "expected '%}'"),  # no function calls
    ],
)
def test_huge_literals_are_refused_while_parsing(source, words):
    with pytest.raises(TemplateSyntaxError, match=words.replace("*", r"\*")):
        Template(source)
    assert render("{{ " + "9" * MAX_NUMBER_DIGITS + " }}") == "9" * MAX_NUMBER_DIGITS


# --- properties -----------------------------------------------------------------------------


@st.composite
def loop_nests(draw):
    """A template of up to 4 nested loops over the context's lists, with text and outputs."""
    depth = draw(st.integers(1, 4))
    names = [f"v{i}" for i in range(depth)]
    source = ""
    for i, name in enumerate(names):
        source += draw(st.sampled_from(["", "-", "{{ loop.index }}" if i else "<"]))
        source += f"{{% for {name} in xs{i % 2} %}}"
    source += draw(st.sampled_from(["{{ v0 }}", "ab", "{{ loop.length }}", ""]))
    for _ in names:
        source += "{% endfor %}" + draw(st.sampled_from(["", "."]))
    context = {
        "xs0": draw(st.lists(st.text("abc", max_size=3), max_size=6)),
        "xs1": draw(st.lists(st.integers(0, 99), max_size=6)),
    }
    return source, context


@settings(max_examples=200, deadline=None)
@given(case=loop_nests(), max_iterations=st.integers(0, 300), max_chars=st.integers(0, 3000))
def test_a_render_never_exceeds_its_budgets(case, max_iterations, max_chars):
    source, context = case
    template = Template(source)
    work = Work(max_iterations, max_chars)
    try:
        text = template._renderer.render(template.nodes, context, work)
    except TemplateBudgetError:
        text = None
    assert work.iterations <= max_iterations
    assert work.chars <= max_chars
    unbounded = Template(source, max_loop_iterations=10**6, max_output_chars=10**7)
    if text is not None:  # within budget: the same text as without budgets
        assert text == unbounded.render(context)
        assert len(text) == work.chars
    else:  # over budget: the unbounded render really does more work than allowed
        full = Work(10**6, 10**7)
        unbounded._renderer.render(unbounded.nodes, context, full)
        assert full.iterations > max_iterations or full.chars > max_chars
