"""Benchmark for level3.templates: how fast cases are generated, and parse/render speed vs Jinja2.

Run from level3/:  ../.venv/bin/python benchmarks/templates_bench.py
Prints two tables (not a test). Jinja2 is a test dependency; without it the second
table shows this engine only.
"""

from __future__ import annotations

import functools
import importlib.util
import time
from collections.abc import Callable
from typing import TypeVar

from level3.templates import Template, generate

T = TypeVar("T")


def seconds(func: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def generation_table() -> None:
    print("generation (cases = template x context x spelling)")
    print(
        f"{'depth':>5}  {'limit':>6}  {'cases':>6}  {'templates':>9}  {'seconds':>7}  {'cases/s':>7}"
    )
    for depth, limit in ((2, None), (3, 3000), (3, 20000), (4, 3000)):
        took, cases = seconds(functools.partial(generate, depth, limit))
        templates = len({c.source for c in cases if c.style == "plain"})
        n = len(cases)
        print(
            f"{depth:>5}  {limit or 'all':>6}  {n:>6}  {templates:>9}  {took:>7.2f}  {n / took:>7.0f}"
        )


def speed_table() -> None:
    cases = generate(3, 3000)
    sources = sorted({c.source for c in cases})
    print(f"\nparse and render the {len(cases)} cases of depth 3 ({len(sources)} distinct sources)")
    print(f"{'engine':<10}  {'parse ms/source':>15}  {'render µs/case':>14}")
    parse_s, ours = seconds(lambda: {s: Template(s) for s in sources})
    render_s, _ = seconds(lambda: [ours[c.source].render(c.context) for c in cases])
    print(
        f"{'ours':<10}  {parse_s / len(sources) * 1e3:>15.3f}  {render_s / len(cases) * 1e6:>14.1f}"
    )
    if importlib.util.find_spec("jinja2") is None:
        print("jinja2     (not installed)")
        return
    import jinja2

    env = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    parse_s, theirs = seconds(lambda: {s: env.from_string(s) for s in sources})
    render_s, _ = seconds(lambda: [theirs[c.source].render(c.context) for c in cases])
    print(
        f"{'jinja2':<10}  {parse_s / len(sources) * 1e3:>15.3f}  {render_s / len(cases) * 1e6:>14.1f}"
    )


if __name__ == "__main__":
    generation_table()
    speed_table()
