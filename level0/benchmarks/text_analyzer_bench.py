"""Benchmark: the streaming text analyzer against a naive read().split() + Counter.

Generates a synthetic English-like text (seeded; Zipf-distributed words, sentences,
paragraphs) into a temporary folder, analyses it in fresh subprocesses, and prints
throughput (MB/s) and peak memory (ru_maxrss of the subprocess) for each method at
two sizes, so you can see which one grows with the file. The file is deleted after.

    python level0/benchmarks/text_analyzer_bench.py            # 200 MB and 20 MB
    python level0/benchmarks/text_analyzer_bench.py --size-mb 20
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
from pathlib import Path

_COMMON = (
    "the of and to a in that is was he for it with as his on be at by i had not are but "
    "from or have an they which one you were her all she there would their we him been has "
    "when who will more no if out so said what up its about into than them can only other "
    "new some could time these two may then do first any my now such like our over man me "
    "even most made after also did many before must through back years where much your way "
    "well down should because each just those people how too little state good very make "
    "world still own see men work long get here between both life being under never day same "
    "another know while last might us great old year off come since against go came right "
    "used take three"
)
_SYLLABLES = "ka lo mi ne ru sa te vo pla stre on an er in ti ble ment tion ly ous ic al"

# Each measurement runs in its own interpreter and reports its own peak memory.
MEASURE = """
import json, resource, sys, time
from collections import Counter
method, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if method == "streaming":
    from level0.text_analyzer import analyze_path
    words = analyze_path(path).words
elif method == "naive":
    with open(path, encoding="utf-8") as handle:
        counts = Counter(handle.read().split())
    words = sum(counts.values())
else:
    words = 0
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024, "words": words}))
"""


def make_vocabulary(rng: random.Random, size: int = 5000) -> list[str]:
    """Common words first (most frequent), then invented two-to-four-syllable words."""
    common, syllables = _COMMON.split(), _SYLLABLES.split()
    invented = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size)}
    return common + sorted(invented - set(common))


def generate(path: Path, size_mb: float, seed: int = 0) -> int:
    """Write about ``size_mb`` MB of paragraphs to ``path``; return the exact byte count."""
    rng = random.Random(seed)
    vocabulary = make_vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]  # Zipf's law
    target = int(size_mb * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        while written < target:
            words = rng.choices(vocabulary, weights, k=4000)
            sentences, start = [], 0
            while start < len(words):
                length = rng.randint(4, 24)
                sentence = words[start : start + length]
                sentence[0] = sentence[0].capitalize()
                sentences.append(" ".join(sentence) + rng.choice(".....?!"))
                start += length
            paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
            block = "\n\n".join(paragraphs) + "\n\n"
            out.write(block)
            written += len(block)
    return path.stat().st_size


def measure(method: str, path: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, method, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=200, help="largest file (MB, default 200)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    idle = measure("idle", Path(sys.executable))
    rows = []
    with tempfile.TemporaryDirectory(prefix="text-bench-") as folder:
        for size_mb in (args.size_mb / 10, args.size_mb):
            path = Path(folder) / f"text-{size_mb:g}MB.txt"
            size = generate(path, size_mb, args.seed)
            for method in ("streaming", "naive"):
                figures = measure(method, path)
                rows.append((method, size, figures))
                print(f"  measured {method} on {size / 1e6:.0f} MB", file=sys.stderr, flush=True)
            path.unlink()

    print(
        f"python {platform.python_version()}, {platform.machine()}; idle interpreter peak {idle['peak_mib']:.0f} MiB"
    )
    header = (
        f"{'method':<10} {'file MB':>8} {'words':>12} {'seconds':>8} {'MB/s':>7} {'peak MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    for method, size, figures in rows:
        mb = size / 1e6
        print(
            f"{method:<10} {mb:>8.0f} {figures['words']:>12,.0f} {figures['seconds']:>8.1f} "
            f"{mb / figures['seconds']:>7.1f} {figures['peak_mib']:>9.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
