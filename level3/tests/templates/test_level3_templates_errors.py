"""Contract tests: every error names its line and column, and has the right class."""

import pytest


@pytest.fixture
def tpl(solution):
    return solution("level3.templates")


@pytest.mark.parametrize(
    ("source", "line", "col", "words"),
    [
        ("Hi {{ name", 1, 4, "unclosed '{{'"),
        ("a\nb {% if x %}\nc", 2, 3, "unclosed 'if'"),
        ("{% for x in xs %}{% endif %}", 1, 21, "unexpected 'endif'"),
        ("{% endfor %}", 1, 4, "unexpected 'endfor'"),
        ("{% else %}", 1, 4, "unexpected 'else'"),
        ("{% include 'x' %}", 1, 4, "unknown tag 'include'"),
        ("{{ x|shout }}", 1, 6, "unknown filter 'shout'"),
        ("{{ x|upper(1) }}", 1, 6, "takes 0 arguments"),
        ("{{ x|join(1, 2) }}", 1, 6, "takes 0 to 1 arguments"),
        ("\n\n  {{ 'abc }}", 3, 6, "unterminated string"),
        ("{# never closed", 1, 1, "unclosed comment"),
        ("{{ }}", 1, 4, "expected a value"),
        ("{{ x @ y }}", 1, 6, "unexpected character '@'"),
        ("{{ x y }}", 1, 6, "expected '}}'"),
        ("{% if x %}a{% else %}b{% elif y %}{% endif %}", 1, 26, "unexpected 'elif'"),
        ("{% for 1 in xs %}{% endfor %}", 1, 8, "loop variable name"),
        ("{% for loop in xs %}{% endfor %}", 1, 8, "cannot be a loop variable"),
        ("{% for x xs %}{% endfor %}", 1, 10, "expected 'in'"),
        ("{{ x is happy }}", 1, 9, "unknown test 'happy'"),
        ("{{ (x }}", 1, 7, "expected ')'"),
    ],
)
def test_syntax_errors_point_at_the_problem(tpl, source, line, col, words):
    with pytest.raises(tpl.TemplateSyntaxError) as caught:
        tpl.Template(source)
    error = caught.value
    assert (error.lineno, error.col) == (line, col), str(error)
    assert words in error.message
    assert str(error).startswith(f"line {line}, column {col}: ")


def test_undefined_errors_point_at_the_missing_name(tpl):
    with pytest.raises(tpl.UndefinedError) as caught:
        tpl.render("ok\n  {{ user.name }} {{ nobody }}", {"user": {"name": "x"}})
    assert (caught.value.lineno, caught.value.col) == (2, 22)
    assert "'nobody' is undefined" in caught.value.message


@pytest.mark.parametrize(
    ("source", "context", "words"),
    [
        ("{% for x in n %}{% endfor %}", {"n": 3}, "cannot loop over int"),
        ("{{ 1 < 'a' }}", {}, "cannot compare int < str"),
        ("{{ n|length }}", {"n": 3}, "filter 'length' cannot take int"),
    ],
)
def test_runtime_errors_are_template_errors(tpl, source, context, words):
    with pytest.raises(tpl.TemplateRuntimeError) as caught:
        tpl.render(source, context)
    assert words in caught.value.message
    assert caught.value.lineno == 1


def test_all_errors_are_value_errors(tpl):
    """So level0.cli prints them as one line, and callers can catch TemplateError."""
    for cls in (tpl.TemplateSyntaxError, tpl.UndefinedError, tpl.TemplateRuntimeError):
        assert issubclass(cls, tpl.TemplateError)
        assert issubclass(cls, ValueError)
    assert issubclass(tpl.UndefinedError, tpl.TemplateRuntimeError)


@pytest.mark.parametrize(
    "source",
    [
        "{% if x %}" * 200,
        "{{ " + "(" * 500 + "x" + ")" * 500 + " }}",
        "{{ x" + "|upper" * 2000 + " }}",
        "{{ " + "not " * 2000 + "x }}",
        "{{ x" + ".a" * 2000 + " }}",
        "{{ x" + " or x" * 2000 + " }}",
    ],
)
def test_deep_nesting_is_a_syntax_error_not_a_crash(tpl, source):
    with pytest.raises(tpl.TemplateSyntaxError, match="nested more than"):
        tpl.Template(source)
