"""python -m level3.templates: render a template, generate test cases, check them against Jinja2."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from level0.cli import Failure, UsageError, int_in, make_parser, run
from level3.templates.runtime import MAX_LOOP_ITERATIONS, MAX_OUTPUT_CHARS

if TYPE_CHECKING:
    from level3.templates.cases import Case, Style

# The generator's budget: measured on the loaded 2-core VM, `generate --depth 3 --limit
# 50000` took 19 s and 164 MB; deeper templates cost little more per case (the fair
# search takes the shallow ones first), so the caps are height 10 and 50,000 cases.
MAX_DEPTH = 10
MAX_CASES = 50_000

_STYLES: dict[str, tuple[Style, ...]] = {
    "plain": ("plain",),
    "trim": ("trim",),
    "both": ("plain", "trim"),
}


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level3.templates",
        "A small template engine ({{ var.attr | filter }}, {% if %}, {% for %}, comments,\n"
        "autoescape, whitespace control), plus a logic-programming generator of test cases\n"
        "(template, context, expected output) and a differential check against Jinja2.",
        "python -m level3.templates render page.html --context ctx.json",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    render = commands.add_parser("render", help="render a template file with a JSON context")
    render.add_argument("template", metavar="TEMPLATE_FILE", help="template file ('-' reads stdin)")
    render.add_argument("--context", type=Path, metavar="JSON", help="file holding a JSON object")
    render.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a string variable (repeatable)",
    )
    render.add_argument(
        "--no-autoescape", action="store_true", help="print values without HTML escaping"
    )
    render.add_argument("--lenient", action="store_true", help="undefined variables print as ''")
    render.add_argument(
        "-o", "--out", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    render.add_argument(
        "--max-loop-iterations",
        type=int_in(0, 100_000_000),
        default=MAX_LOOP_ITERATIONS,
        metavar="N",
        help=f"work budget: loop iterations in total, 0 to 100,000,000 "
        f"(default {MAX_LOOP_ITERATIONS:,})",
    )
    render.add_argument(
        "--max-output-chars",
        type=int_in(0, 1_000_000_000),
        default=MAX_OUTPUT_CHARS,
        metavar="N",
        help=f"work budget: characters of output, 0 to 1,000,000,000 "
        f"(default {MAX_OUTPUT_CHARS:,})",
    )

    for name, text in (
        ("generate", "print generated cases: template, context, expected output"),
        ("check", "render generated cases with this engine and Jinja2; report disagreements"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument(
            "--depth",
            type=int_in(1, MAX_DEPTH),
            default=3,
            help=f"maximum template height, 1 to {MAX_DEPTH} (default 3)",
        )
        command.add_argument(
            "--limit",
            type=int_in(1, MAX_CASES),
            default=1000 if name == "generate" else 3000,
            help=f"number of cases, 1 to {MAX_CASES:,} (default %(default)s)",
        )
        command.add_argument("--style", choices=list(_STYLES), default="both", help="tag spelling")
        command.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def load_context(args: argparse.Namespace) -> dict[str, Any]:
    context: dict[str, Any] = {}
    if args.context is not None:
        try:
            context = json.loads(args.context.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise Failure(f"{args.context} is not valid JSON: {exc}") from None
        if not isinstance(context, dict):
            raise Failure(f"{args.context} must hold a JSON object (names to values)")
    for assignment in args.var:
        name, equals, value = assignment.partition("=")
        if not equals or not name.isidentifier():
            raise UsageError(f"--var expects NAME=VALUE, got {assignment!r}")
        context[name] = value
    return context


def handle_render(args: argparse.Namespace) -> None:
    from level0.atomic import atomic_write_text
    from level3.templates.errors import TemplateBudgetError, TemplateError
    from level3.templates.template import Template

    if args.out is not None and args.out.is_dir():
        raise UsageError(f"-o/--out: {args.out} is a folder; give a file name")
    context = load_context(args)
    if args.template == "-":
        source, label = sys.stdin.read(), "<stdin>"
    else:
        source, label = Path(args.template).read_text(encoding="utf-8"), args.template
    try:
        template = Template(
            source,
            autoescape=not args.no_autoescape,
            strict_undefined=not args.lenient,
            max_loop_iterations=args.max_loop_iterations,
            max_output_chars=args.max_output_chars,
        )
        text = template.render(context)
    except TemplateBudgetError as exc:
        option = "--" + exc.limit.replace("_", "-")
        raise Failure(
            f"{label}:{exc.lineno}:{exc.col}: {exc.message}; if you trust this template, "
            f"raise it with {option} N"
        ) from None
    except TemplateError as exc:
        raise Failure(f"{label}:{exc.lineno}:{exc.col}: {exc.message}") from None
    if args.out is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(args.out, text)
        print(f"wrote {args.out} ({len(text)} characters)", file=sys.stderr)


def format_case(case: Case) -> str:
    return f"{json.dumps(case.source)}  {json.dumps(case.context)}  ->  {json.dumps(case.expected)}"


def handle_generate(args: argparse.Namespace) -> None:
    from level3.templates.cases import generate

    cases = generate(args.depth, args.limit + 1, _STYLES[args.style])
    more = len(cases) > args.limit
    cases = cases[: args.limit]
    if args.json:
        print(json.dumps([case.as_dict() for case in cases], indent=1))
    else:
        for case in cases:
            print(format_case(case))
    note = f"first {len(cases)} cases (more with --limit)" if more else f"all {len(cases)} cases"
    print(f"{note} of templates up to height {args.depth}", file=sys.stderr)


def handle_check(args: argparse.Namespace) -> int:
    from level3.templates.cases import generate
    from level3.templates.differential import compare, jinja_available

    if not jinja_available():
        print(
            "note: jinja2 not installed; comparing with the expected outputs only", file=sys.stderr
        )
    start = time.perf_counter()
    cases = generate(args.depth, args.limit, _STYLES[args.style])
    report = compare(cases)
    seconds = time.perf_counter() - start
    if args.json:
        summary = {
            "depth": args.depth,
            "cases": report.cases,
            "disagreements": len(report.disagreements),
            "jinja": report.with_jinja,
            "seconds": round(seconds, 2),
            "examples": [
                {**d.case.as_dict(), "ours": d.ours, "jinja": d.jinja}
                for d in report.disagreements[:20]
            ],
        }
        print(json.dumps(summary, indent=2))
    else:
        print(f"depth {args.depth}: {report.summary()} in {seconds:.1f} s")
        for d in report.disagreements[:20]:
            print(
                f"  {format_case(d.case)}\n    ours: {json.dumps(d.ours)}  jinja2: {json.dumps(d.jinja)}"
            )
    return 1 if report.disagreements else 0


def handle(args: argparse.Namespace) -> int:
    if args.command == "render":
        handle_render(args)
    elif args.command == "generate":
        handle_generate(args)
    else:
        return handle_check(args)
    return 0


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), handle, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
