"""Tour step: a fresh blog, the two models, the demo seeded, and what the filter did to it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from level0.tour import TourResult
from level5.api.defaults import TRAINERS

TIMEOUT = 600  # seconds per command; seeding takes about 10 s on a quiet machine


def blog(*args: str, data: Path, models: Path) -> str:
    """``python -m level5.blog ARGS --data DATA --models MODELS``; its output, or a failure."""
    folders = ["--data", str(data), "--models", str(models)]
    argv = [sys.executable, "-m", "level5.blog", *args, *folders]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BLOG_", "DJANGO_"))}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=TIMEOUT)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    return done.stdout.strip()


def run(out: Path) -> TourResult:
    """Train spam and sentiment into ``out/models``, migrate a fresh SQLite database in
    ``out/blog-data``, seed the demo (comments are held-out SMS messages) and report how
    many comments the filter held and how many of those were real spam."""
    models, data = out / "models", out / "blog-data"
    trained = [TRAINERS[name](models / name) for name in ("spam", "sentiment")]
    blog("migrate", data=data, models=models)
    seeded = blog("seed_demo", data=data, models=models).splitlines()[-1]
    key = seeded.removeprefix("seeded ") + f" (spam filter: {trained[0].summary})"
    synthetic = any(t.synthetic for t in trained) or "synthetic" in seeded
    return TourResult(
        data="synthetic" if synthetic else "real",
        key_result=f"SYNTHETIC data (not cached): {key}" if synthetic else key,
        files=[data / "blog.sqlite3", models / "spam" / "model.skops"],
    )
