"""Benchmark the prediction API with wrk on loopback, beside the same model behind FastAPI.

Both servers serve the spam filter of the model folder through the same endpoint and
body (``POST /v1/models/spam/predict``), with the same number of worker processes:

* Flask: ``python -m level5.api serve`` (gunicorn, gthread workers), as deployed;
* FastAPI: the minimal app below (:func:`make_fastapi_app`) under ``uvicorn --workers``.

For each server and each body (one text; a batch of 32 texts) wrk runs a warm-up, then
the measured run, and the table shows requests/s, texts/s, p50 and p99 latency and the
load average of the machine just before the run (other work on the machine slows
everything; compare figures taken at similar load). Run from the repository root:

    MLROADMAP_DATA=/work/shared/data .venv/bin/python level5/benchmarks/api_bench.py --models models

(``--models`` is trained with ``train-defaults`` first when it holds no spam filter.)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from level5.api.models import TextInput
from level5.api.schemas import MAX_BATCH
from level5.services import Service, free_port, http_ready, python_module, start

HERE = Path(__file__).resolve().parent
TEXTS = (
    "Are we still on for dinner tonight? I'll bring the cake",
    "WINNER!! You have been selected for a £900 prize. Call 09061701461 to claim now",
    "Sorry, I'll call you later, in a meeting",
    "URGENT! Your mobile number has won £2000. Text CLAIM to 81010 now",
)
LUA = """wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{body}]]
"""


class SpamRequest(BaseModel):
    """The FastAPI side's body: the same fields as level5.api's PredictRequest."""

    input: TextInput | None = None
    inputs: list[TextInput] | None = None


def make_fastapi_app() -> Any:
    """The comparison server: the spam filter of $LEVEL5_MODELS behind FastAPI, same body."""
    from fastapi import FastAPI, HTTPException

    from level5.api.models import load_model

    model = load_model(Path(os.environ["LEVEL5_MODELS"]) / "spam")
    app = FastAPI()

    @app.post("/v1/models/spam/predict")
    def predict(body: SpamRequest) -> dict[str, Any]:  # a plain def: FastAPI runs it in a thread
        items = [body.input] if body.input else body.inputs or []
        if not 1 <= len(items) <= MAX_BATCH or (body.input and body.inputs):
            raise HTTPException(422, "give exactly one of input or inputs")
        return {"model": "spam", "version": model.version, "predictions": model.predict(items)}

    @app.get("/ready")
    def ready() -> dict[str, bool]:
        return {"ready": True}

    return app


@dataclass(frozen=True)
class Run:
    server: str
    case: str
    requests_per_s: float
    texts_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    load: float


def milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, body: str, seconds: int, connections: int, folder: Path) -> dict[str, float]:
    script = folder / "post.lua"
    script.write_text(LUA.format(body=body))
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), url]
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s*(50|99)%\s+(\S+)\s*$", out, re.M))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": 1 if socket_errors else 0,
    }


@contextmanager
def flask_server(models: Path, workers: int, threads: int, logs: Path) -> Iterator[Service]:
    port = free_port()
    argv = python_module(
        "level5.api", "serve", "--models", str(models), "--port", str(port),
        "--workers", str(workers), "--threads", str(threads),
    )  # fmt: skip
    ready = http_ready(f"http://127.0.0.1:{port}/ready")
    with start("flask", argv, port=port, ready=ready, log=logs / "flask.log", timeout=120) as api:
        yield api


@contextmanager
def fastapi_server(models: Path, workers: int, logs: Path) -> Iterator[Service]:
    port = free_port()
    argv = python_module(
        "uvicorn", "--factory", "api_bench:make_fastapi_app", "--app-dir", str(HERE),
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--log-level", "warning", "--no-access-log",
    )  # fmt: skip
    ready = http_ready(f"http://127.0.0.1:{port}/ready")
    env = {"LEVEL5_MODELS": str(models)}
    with start(
        "fastapi", argv, port=port, ready=ready, log=logs / "fastapi.log", env=env, timeout=120
    ) as api:
        yield api


def measure(server: Service, name: str, args: argparse.Namespace, folder: Path) -> list[Run]:
    url = f"{server.url}/v1/models/spam/predict"
    cases = {
        "single text": (json.dumps({"input": {"text": TEXTS[1]}}), 1),
        "batch of 32": (json.dumps({"inputs": [{"text": TEXTS[i % 4]} for i in range(32)]}), 32),
    }
    runs = []
    for case, (body, size) in cases.items():
        wrk(url, body, args.warmup, args.connections, folder)
        load = os.getloadavg()[0]
        result = wrk(url, body, args.duration, args.connections, folder)
        runs.append(
            Run(
                name,
                case,
                result["rps"],
                result["rps"] * size,
                result["p50"],
                result["p99"],
                int(result["errors"] + result["socket_errors"]),
                load,
            )
        )
    return runs


def table(runs: list[Run]) -> str:
    lines = [
        "| server | body | requests/s | texts/s | p50 ms | p99 ms | errors | load avg (1 min) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in runs:
        lines.append(
            f"| {r.server} | {r.case} | {r.requests_per_s:,.0f} | {r.texts_per_s:,.0f} | "
            f"{r.p50_ms:.1f} | {r.p99_ms:.1f} | {r.errors} | {r.load:.2f} |"
        )
    by_case = {(r.server, r.case): r for r in runs}
    for case in ("single text", "batch of 32"):
        ratio = by_case[("Flask", case)].requests_per_s / by_case[("FastAPI", case)].requests_per_s
        lines.append(f"\nFlask / FastAPI throughput, {case}: {ratio:.2f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=Path, default=Path("models"))
    parser.add_argument("--duration", type=int, default=10, help="seconds measured (default 10)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up (default 3)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--workers", type=int, default=2, help="server processes (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="gthread threads (default 4)")
    args = parser.parse_args()
    if not (args.models / "spam" / "metadata.json").is_file():
        from level5.api.defaults import train_defaults

        train_defaults(args.models, ("spam",))
    models = args.models.resolve()
    print(f"{os.cpu_count()} CPUs; {args.workers} workers each; wrk -t2 -c{args.connections}, "
          f"{args.warmup} s warm-up, {args.duration} s measured", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="api-bench-") as tmp:
        folder = Path(tmp)
        runs: list[Run] = []
        with flask_server(models, args.workers, args.threads, folder) as api:
            runs += measure(api, "Flask", args, folder)
        time.sleep(1)
        with fastapi_server(models, args.workers, folder) as api:
            runs += measure(api, "FastAPI", args, folder)
    print(table(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
