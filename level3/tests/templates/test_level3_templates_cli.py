"""The command line, end to end (subprocess) and in-process for the many small paths; the tour."""

import json
import subprocess
import sys

import pytest

from level3.templates import tour
from level3.templates.__main__ import main


def cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "level3.templates", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<h1>{{ title|upper }}</h1>{% for x in xs %}<li>{{ x }}</li>{% endfor %}")
    context = tmp_path / "ctx.json"
    context.write_text(json.dumps({"title": "a & b", "xs": ["<1>", 2]}))
    return path, context


def test_render_prints_the_page(page):
    path, context = page
    result = cli("render", str(path), "--context", str(context))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "<h1>A &amp; B</h1><li>&lt;1&gt;</li><li>2</li>"


def test_a_syntax_error_is_one_line_with_file_line_and_column(tmp_path):
    path = tmp_path / "bad.html"
    path.write_text("line one\n{% if x %}never closed")
    result = cli("render", str(path))
    assert result.returncode == 1
    assert (
        result.stderr
        == f"error: {path}:2:1: unclosed 'if' block: expected 'endif' before the end of the template\n"
    )
    assert "Traceback" not in result.stderr


def test_generate_json_lists_cases():
    result = cli("generate", "--depth", "2", "--limit", "5", "--json")
    assert result.returncode == 0, result.stderr
    cases = json.loads(result.stdout)
    assert len(cases) == 5
    assert set(cases[0]) == {"source", "context", "expected", "style"}
    assert "first 5 cases" in result.stderr


def test_usage_errors_exit_2():
    result = cli("generate", "--depth", "0")
    assert result.returncode == 2
    assert "--depth: must be an integer from 1 to 10, got 0" in result.stderr
    assert "Traceback" not in result.stderr


def test_loop_bomb_is_refused_in_one_line(tmp_path):
    """Issue 10, item 2: 45 nested loops over 'ab' (1.2 KB) used to run 2**45 iterations."""
    bomb = tmp_path / "bomb.html"
    bomb.write_text("{% for a in s %}" * 45 + "x" + "{% endfor %}" * 45)
    out = tmp_path / "out.html"
    result = cli("render", str(bomb), "--var", "s=ab", "-o", str(out))
    assert result.returncode == 1
    assert result.stderr == (
        f"error: {bomb}:1:705: the loops would run more than 100,000 iterations in total "
        "(the max_loop_iterations budget); if you trust this template, raise it with "
        "--max-loop-iterations N\n"
    )
    assert not out.exists()


def test_output_budget_names_its_option_and_can_be_raised(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("{% for a in s %}{{ s }}{% endfor %}")
    assert main(["render", str(page), "--var", "s=" + "x" * 100, "--max-output-chars", "999"]) == 1
    err = capsys.readouterr().err
    assert "exceed 999 characters" in err
    assert err.rstrip().endswith("raise it with --max-output-chars N")
    args = ["render", str(page), "--var", "s=" + "x" * 100, "--max-output-chars", "10000"]
    assert main(args) == 0
    assert capsys.readouterr().out == "x" * 10_000


def test_help_does_not_import_jinja2():
    code = (
        "import sys; from level3.templates.__main__ import build_parser; build_parser(); "
        "print(sorted({'jinja2', 'markupsafe'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_help_ends_with_an_example():
    result = cli("--help")
    assert result.returncode == 0
    assert "example:\n  python -m level3.templates render" in result.stdout


# --- in-process: the same main(), without a new interpreter each time ------------------------


def test_render_from_stdin_with_vars(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("Hi {{ name }}{{ mark }}"))
    assert main(["render", "-", "--var", "name=<Ada>", "--var", "mark=!"]) == 0
    assert capsys.readouterr().out == "Hi &lt;Ada&gt;!"


def test_render_options_and_output_file(page, tmp_path, capsys):
    path, context = page
    out = tmp_path / "out.html"
    assert (
        main(["render", str(path), "--context", str(context), "--no-autoescape", "-o", str(out)])
        == 0
    )
    assert out.read_text() == "<h1>A & B</h1><li><1></li><li>2</li>"
    assert "wrote" in capsys.readouterr().err
    lenient = tmp_path / "lenient.txt"
    lenient.write_text("[{{ nothing }}]")
    assert main(["render", str(lenient), "--lenient"]) == 0
    assert capsys.readouterr().out == "[]"


@pytest.mark.parametrize(
    ("content", "words"),
    [("[1, 2]", "must hold a JSON object"), ("{nope", "is not valid JSON")],
)
def test_bad_context_files_fail_cleanly(page, tmp_path, capsys, content, words):
    path, _ = page
    context = tmp_path / "bad.json"
    context.write_text(content)
    assert main(["render", str(path), "--context", str(context)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert words in err
    assert err.count("\n") == 1


def test_missing_template_and_missing_variable_fail_cleanly(tmp_path, capsys):
    assert main(["render", str(tmp_path / "absent.html")]) == 1
    assert "No such file or directory" in capsys.readouterr().err
    path = tmp_path / "t.html"
    path.write_text("{{ who }}")
    assert main(["render", str(path)]) == 1
    assert capsys.readouterr().err == f"error: {path}:1:4: 'who' is undefined\n"


def test_bad_var_is_a_usage_error(page, capsys):
    path, _ = page
    assert main(["render", str(path), "--var", "no-equals-sign"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err


def test_generate_text_output(capsys):
    assert main(["generate", "--depth", "1", "--style", "plain"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ['"Hi "  {}  ->  "Hi "', '"{# only #}"  {}  ->  ""']
    assert "all 2 cases" in captured.err


def test_check_reports_zero_disagreements(capsys):
    assert main(["check", "--depth", "3", "--limit", "200", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["cases"], summary["disagreements"], summary["examples"]) == (200, 0, [])
    assert summary["jinja"] is True


def test_tour_writes_its_files_and_fails_when_jinja2_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(tour, "LIMIT", 100)  # the real tour checks 2000 cases
    result = tour.run(tmp_path)
    assert result.data == "synthetic"
    assert "0 disagree" in result.key_result
    assert all(path.exists() for path in result.files)
    assert "<h1>READING LIST &lt;DRAFT&gt;</h1>" in (tmp_path / "example.html").read_text()
    monkeypatch.setattr(tour, "jinja_available", lambda: False)
    with pytest.raises(RuntimeError, match="jinja2 is not installed"):  # a level3 dependency
        tour.run(tmp_path)
