"""The generator: the relations, the printed sources and the cases they make."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from level3.templates import cases as cs
from level3.templates import logic as lg
from level3.templates.relations import EMPTY, concato, evaluates, global_scope, renders, template

DEPTH3 = cs.generate(3, 1500)  # shared by several tests: generated once per session


def test_generation_is_deterministic(solution):
    tpl = solution("level3.templates")
    assert tpl.generate(3, 200) == tpl.generate(3, 200)


def test_small_depths_are_enumerated_completely(solution):
    tpl = solution("level3.templates")
    assert [c.source for c in tpl.generate(1)] == ["Hi ", "{# only #}", "{#- only -#}"]
    everything = tpl.generate(2)
    assert len(everything) == len({(c.source, str(c.context)) for c in everything})  # no repeats
    assert {"{{ name }}", "{{- name -}}", "\n  {{ items }}", "{{ user.name }}"} <= {
        c.source for c in everything
    }


def test_depth_three_reaches_every_construct():
    sources = " ".join(c.source for c in DEPTH3)
    for construct in (
        "{% if",
        "{% elif",
        "{% else %}",
        "{% for",
        "loop.",
        "|",
        " or ",
        "not ",
        "==",
        "{#-",
        "-}}",
    ):
        assert construct in sources, construct


def test_every_case_renders_to_its_expected_output(solution):
    tpl = solution("level3.templates")
    for case in DEPTH3:
        assert tpl.render(case.source, case.context) == case.expected, case


def test_contexts_hold_only_the_variables_the_template_reads():
    for case in DEPTH3:
        for name in case.context:
            assert name in case.source, case


def test_plain_and_trim_spellings_have_the_same_tags():
    plain = cs.to_source(
        ("cat", ("text", " a "), ("if", ("var", "x"), ("out", ("var", "y")), EMPTY))
    )
    trim = cs.to_source(
        ("cat", ("text", " a "), ("if", ("var", "x"), ("out", ("var", "y")), EMPTY)), "trim"
    )
    assert plain == " a {% if x %}{{ y }}{% endif %}"
    assert trim == " a {%- if x -%}{{- y -}}{%- endif -%}"


def test_else_holding_an_if_prints_as_elif_and_parentheses_follow_precedence():
    inner = ("if", ("var", "b"), ("text", "B"), ("text", "C"))
    assert cs.to_source(("if", ("var", "a"), ("text", "A"), inner)) == (
        "{% if a %}A{% elif b %}B{% else %}C{% endif %}"
    )
    expr = ("not", ("or", ("var", "a"), ("filter", "upper", (), ("var", "b"))))
    assert cs.expression_source(expr) == "not (a or b|upper)"


def test_trimmed_strips_inner_text_but_keeps_the_outer_edges():
    tmpl = ("cat", ("text", " a "), ("if", ("var", "x"), ("text", "  b \n"), EMPTY))
    assert cs.trimmed(tmpl) == ("cat", ("text", " a"), ("if", ("var", "x"), ("text", "b"), EMPTY))


def test_concato_works_in_both_modes_and_refuses_the_third():
    assert lg.run(lambda ab: concato("ab", "c", ab)) == [("abc",)]
    assert lg.run(lambda a, b: concato(a, b, "ab")) == [("", "ab"), ("a", "b"), ("ab", "")]
    with pytest.raises(lg.InstantiationError):
        lg.run(lambda a, b, ab: concato(a, b, ab))


def test_renders_runs_backwards_to_find_contexts(solution):
    tpl = solution("level3.templates")
    tmpl = ("if", ("var", "flag"), ("out", ("filter", "upper", (), ("var", "name"))), ("text", "-"))
    assert tpl.contexts_for(tmpl, "ADA") == [{"flag": True, "name": "Ada"}]
    assert tpl.contexts_for(tmpl, "-") == [{"flag": False}]
    assert tpl.contexts_for(tmpl, "nothing prints this") == []


def test_templates_can_be_searched_for_an_output(solution):
    tpl = solution("level3.templates")
    assert tpl.templates_for("ADA", {"name": "Ada"}, depth=2) == []  # a filter needs height 3
    found = tpl.templates_for("ADA", {"name": "Ada"}, depth=3, limit=3)
    assert "{{ name|upper }}" in found
    assert len(found) == 3
    for source in found:
        assert tpl.render(source, {"name": "Ada"}) == "ADA"


def test_evaluates_chooses_a_value_for_each_unknown_variable():
    expr = ("filter", "upper", (), ("var", "name"))
    assert lg.run(lambda v: evaluates(expr, global_scope(), v)) == [("ADA",), ("<B>&'X'",), ("",)]
    known = global_scope({"name": "Zoë"})
    assert lg.run(lambda v: evaluates(expr, known, v)) == [("ZOË",)]


def test_template_relation_checks_as_well_as_generates():
    good = ("out", ("filter", "length", (), ("var", "items")))
    assert lg.run(lambda: template(good, 3)) != []
    assert lg.run(lambda: template(good, 2)) == []  # too tall for height 2
    assert lg.run(lambda: template(("out", ("var", "nobody")), 3)) == []


def test_renders_fails_where_the_engine_would_raise():
    scope = global_scope()
    printing_undefined = ("out", ("var", "missing"))
    looping_over_a_number = ("for", "item", ("var", "count"), ("text", "x"), EMPTY)
    assert lg.run(lambda out: renders(printing_undefined, scope, out)) == []
    assert lg.run(lambda out: renders(looping_over_a_number, scope, out)) == []


@settings(max_examples=25, deadline=None)
@given(st.integers(0, len(DEPTH3) - 1))
def test_cases_survive_a_json_round_trip(index):
    import json

    case = DEPTH3[index]
    assert cs.Case(**json.loads(json.dumps(case.as_dict()))) == case


def test_depth_below_one_is_refused(solution):
    tpl = solution("level3.templates")
    with pytest.raises(ValueError, match="depth must be at least 1"):
        tpl.generate(0)
