"""Contract tests: what templates render to (the public API, through the `solution` fixture)."""

import pytest


@pytest.fixture
def tpl(solution):
    return solution("level3.templates")


@pytest.mark.parametrize(
    ("source", "context", "expected"),
    [
        ("Hello {{ name }}!", {"name": "Ada"}, "Hello Ada!"),
        ("{{ user.name }}", {"user": {"name": "Bo"}}, "Bo"),
        ("{{ user['name'] }} {{ xs[1] }}", {"user": {"name": "Bo"}, "xs": [1, 2]}, "Bo 2"),
        ("{{ 42 }} {{ 1.5 }} {{ true }} {{ none }} {{ 'q' }}", {}, "42 1.5 True None q"),
        ("{{ name | upper }}|{{ name|lower }}", {"name": "Ada"}, "ADA|ada"),
        ("{{ s|trim|capitalize }}", {"s": "  hello WORLD "}, "Hello world"),
        ("{{ xs|length }} {{ xs|first }} {{ xs|last }}", {"xs": [3, 4, 5]}, "3 3 5"),
        ("{{ xs|join(', ') }}", {"xs": ["a", "b"]}, "a, b"),
        ("{{ missing|default('none') }}", {}, "none"),
        ("{{ ''|default('x', true) }}", {}, "x"),
        ("{% if a %}A{% elif b %}B{% else %}C{% endif %}", {"a": 0, "b": 1}, "B"),
        ("{% if a %}A{% elif b %}B{% else %}C{% endif %}", {"a": 0, "b": 0}, "C"),
        ("{% if not a and (b or c) %}yes{% endif %}", {"a": 0, "b": 0, "c": 1}, "yes"),
        ("{% if 1 < n <= 3 %}in{% endif %}", {"n": 3}, "in"),
        ("{% if 'a' in s and 'z' not in s %}ok{% endif %}", {"s": "abc"}, "ok"),
        ("{{ a or 'fallback' }}", {"a": ""}, "fallback"),
        ("{% if x is defined %}d{% endif %}{% if y is not defined %}u{% endif %}", {"x": 1}, "du"),
        ("{# a comment #}kept", {}, "kept"),
        ("a {#- note -#} b", {}, "ab"),
    ],
)
def test_expressions_and_statements(tpl, source, context, expected):
    assert tpl.render(source, context) == expected


def test_for_loop_with_loop_variables(tpl):
    source = (
        "{% for x in xs %}{{ loop.index }}/{{ loop.length }}:{{ x }}"
        "{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %};{% endfor %}"
    )
    assert tpl.render(source, {"xs": ["a", "b", "c"]}) == "1/3:aF;2/3:b;3/3:cL;"


def test_for_else_runs_on_empty_sequences_only(tpl):
    source = "{% for x in xs %}{{ x }}{% else %}empty{% endfor %}"
    assert tpl.render(source, {"xs": []}) == "empty"
    assert tpl.render(source, {"xs": [1]}) == "1"


def test_loops_iterate_strings_and_dict_keys(tpl):
    assert tpl.render("{% for c in s %}[{{ c }}]{% endfor %}", {"s": "ab"}) == "[a][b]"
    assert tpl.render("{% for k in d %}{{ k }}{% endfor %}", {"d": {"x": 1, "y": 2}}) == "xy"


def test_nested_loops_shadow_and_restore_names(tpl):
    source = (
        "{% for x in outer %}{% for x in inner %}{{ x }}{{ loop.index }}{% endfor %}"
        "{{ x }}{{ loop.index }} {% endfor %}{{ x }}"
    )
    context = {"outer": ["A", "B"], "inner": ["a"], "x": "top"}
    assert tpl.render(source, context) == "a1A1 a1B2 top"


def test_autoescape_is_on_by_default(tpl):
    context = {"v": "<b>\"Tom\" & 'Jerry'</b>"}
    assert tpl.render("{{ v }}", context) == (
        "&lt;b&gt;&#34;Tom&#34; &amp; &#39;Jerry&#39;&lt;/b&gt;"
    )
    assert tpl.render("<b>{{ 'x' }}</b>", {}) == "<b>x</b>"  # text itself is never escaped


def test_safe_and_escape_mark_text_safe_once(tpl):
    assert tpl.render("{{ v|safe }}", {"v": "<i>"}) == "<i>"
    assert tpl.render("{{ v|escape|escape }}", {"v": "<i>"}) == "&lt;i&gt;"
    # a filter after escape works on the escaped text, entities included (as in Jinja2)
    assert tpl.render("{{ v|e|upper }}", {"v": "<i>"}) == "&LT;I&GT;"
    assert tpl.render("{{ v }}", {"v": tpl.Markup("<i>ok</i>")}) == "<i>ok</i>"
    assert tpl.render("{{ xs|join('<br>') }}", {"xs": ["<a>", tpl.Markup("<b>")]}) == (
        "&lt;a&gt;&lt;br&gt;<b>"
    )


def test_autoescape_can_be_turned_off(tpl):
    assert tpl.render("{{ v }}", {"v": "<i>"}, autoescape=False) == "<i>"


def test_whitespace_control_strips_all_whitespace_on_its_side(tpl):
    source = "<ul>\n  {%- for x in xs %}\n  <li>{{- x -}} </li>\n  {%- endfor %}\n</ul>"
    assert tpl.render(source, {"xs": [1, 2]}) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>"
    assert tpl.render("a  {{- 'b' }}  {{ 'c' -}}  \n d", {}) == "ab  cd"


def test_strict_undefined_is_the_default_and_configurable(tpl):
    with pytest.raises(tpl.UndefinedError):
        tpl.render("{{ nope }}", {})
    with pytest.raises(tpl.UndefinedError):
        tpl.render("{{ user.age }}", {"user": {}})
    lenient = {"strict_undefined": False}
    assert tpl.render("[{{ nope }}][{{ nope.deeper }}]", {}, **lenient) == "[][]"
    assert tpl.render("{% if nope %}x{% else %}y{% endif %}", {}, **lenient) == "y"
    assert tpl.render("{% for x in nope %}x{% else %}none{% endfor %}", {}, **lenient) == "none"


def test_template_parses_once_and_renders_many_times(tpl):
    template = tpl.Template("{{ n }}!")
    assert [template.render({"n": n}) for n in range(3)] == ["0!", "1!", "2!"]
    assert template.render({"n": "x"}) == "x!"


def test_trailing_newline_is_kept(tpl):
    assert tpl.render("line\n", {}) == "line\n"


def test_private_attributes_are_not_reachable(tpl):
    """No eval, and no walking into Python internals: ``_`` attributes are undefined."""
    with pytest.raises(tpl.UndefinedError):
        tpl.render("{{ s.__class__ }}", {"s": "x"})
    with pytest.raises(tpl.UndefinedError):
        tpl.render("{{ s['__class__'] }}", {"s": "x"})


def test_public_attributes_of_objects_work(tpl):
    class Point:
        def __init__(self):
            self.x = 3

    assert tpl.render("{{ p.x }}", {"p": Point()}) == "3"
