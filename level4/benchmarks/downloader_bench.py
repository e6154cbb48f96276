"""Benchmark level4.downloader on loopback against the project's own server.

Two cases, each against `python -m level4.downloader serve` in its own process:

* one large file (64 MB of seeded random bytes) with a 2 MB/s cap per connection: a
  single plain `requests` stream, the downloader with 8 threads, and `aria2c -x8 -s8`
  (Debian package aria2) with its defaults and with `-k1M` (its minimum split size is
  20 MB by default, which leaves it fewer than 8 connections on 64 MB);
* many small files (1,000 x 10 KB) with 20 ms latency per request and no cap:
  sequential requests on one keep-alive session against the downloader with 16 threads.

Every download is checked byte for byte (sha256). Prints a table; run from the repo root:

    .venv/bin/python level4/benchmarks/downloader_bench.py
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests


def serve(folder: Path, *options: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "level4.downloader", "serve", str(folder), "--port", "0", *options],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    return process, line.split(" at ")[1].split()[0]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def single_stream(url: str, target: Path) -> None:
    with requests.get(url, stream=True, timeout=60) as answer, target.open("wb") as sink:
        answer.raise_for_status()
        for chunk in answer.iter_content(1 << 16):
            sink.write(chunk)


def sequential(urls: list[str], folder: Path) -> None:
    folder.mkdir()
    with requests.Session() as session:
        for url in urls:
            answer = session.get(url, timeout=60)
            answer.raise_for_status()
            (folder / url.rsplit("/", 1)[1]).write_bytes(answer.content)


def ours(urls: list[str], folder: Path, *options: str) -> None:
    command = [sys.executable, "-m", "level4.downloader", "get", *urls, "-o", str(folder)]
    subprocess.run([*command, *options], check=True, stdout=subprocess.DEVNULL)


def aria2(url: str, folder: Path, *options: str) -> None:
    subprocess.run(
        ["aria2c", *options, "-d", str(folder), "--file-allocation=none", "--quiet=true", url],
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=64, choices=range(1, 1025), metavar="MB")
    parser.add_argument("--files", type=int, default=1000, choices=range(1, 10001), metavar="N")
    args = parser.parse_args()
    rows: list[tuple[str, str, float, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="dlbench-") as scratch:
        root = Path(scratch)
        big, small = root / "big", root / "small"
        big.mkdir()
        small.mkdir()
        size = args.size_mb * 1_000_000
        (big / "big.bin").write_bytes(random.Random(1).randbytes(size))
        want = sha(big / "big.bin")
        for i in range(args.files):
            (small / f"f{i:04d}.bin").write_bytes(random.Random(i).randbytes(10_000))

        server, base = serve(big, "--rate", "2")
        try:
            url = base + "big.bin"
            runs = [
                ("single requests stream", lambda out: single_stream(url, out / "big.bin")),
                ("level4.downloader --threads 8", lambda out: ours([url], out, "--threads", "8")),
                ("aria2c -x8 -s8", lambda out: aria2(url, out, "-x8", "-s8")),
                ("aria2c -x8 -s8 -k1M", lambda out: aria2(url, out, "-x8", "-s8", "-k1M")),
            ]
            baseline = 0.0
            for name, action in runs:
                out = root / "out"
                out.mkdir()
                seconds = timed(lambda: action(out))  # noqa: B023  (called at once)
                assert sha(out / "big.bin") == want, name
                shutil.rmtree(out)
                baseline = baseline or seconds
                rows.append(
                    (
                        f"{args.size_mb} MB, 2 MB/s/conn",
                        name,
                        seconds,
                        size / 1e6 / seconds,
                        f"{baseline / seconds:.2f}x",
                    )
                )
                print(f"{name}: {seconds:.2f} s", file=sys.stderr, flush=True)
        finally:
            server.terminate()
            server.wait()

        server, base = serve(small, "--latency", "20")
        try:
            urls = [base + f"f{i:04d}.bin" for i in range(args.files)]
            total = args.files * 10_000 / 1e6
            out = root / "seq"
            seq = timed(lambda: sequential(urls, out))
            rows.append(
                (f"{args.files} x 10 KB, 20 ms", "sequential requests", seq, total / seq, "1.00x")
            )
            print(f"sequential: {seq:.2f} s", file=sys.stderr, flush=True)
            out = root / "par"
            par = timed(lambda: ours(urls, out, "--threads", "16", "--per-host", "16"))
            assert all((out / f"f{i:04d}.bin").stat().st_size == 10_000 for i in range(args.files))
            rows.append(
                (
                    f"{args.files} x 10 KB, 20 ms",
                    "level4.downloader --threads 16",
                    par,
                    total / par,
                    f"{seq / par:.2f}x",
                )
            )
        finally:
            server.terminate()
            server.wait()

    header = ("case", "client", "seconds", "MB/s", "speedup")
    table = [(c, n, f"{s:.2f}", f"{r:.2f}", x) for c, n, s, r, x in rows]
    widths = [max(len(str(line[i])) for line in [header, *table]) for i in range(5)]
    for line in [header, tuple("-" * w for w in widths), *table]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
