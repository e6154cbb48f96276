"""Every level 0 CLI against hostile input and Ctrl-C (the checks live in level0.robustness).

An empty file is no hostile input for text_analyzer: it is text with no words, and the
report says so (0 words) with exit 0.

The busy runs work offline: generated data, the level's own source folder, the
registry's cached files (``MLROADMAP_DATA``, set in CI), or retries against a loopback
port where nothing listens.
"""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

import level0
from level0.robustness import HUGE, CliRobustness

SOURCE = str(Path(level0.__file__).parent)  # about a hundred small text files
DATA = Path(os.environ.get("MLROADMAP_DATA", Path.home() / ".cache" / "mlroadmap"))
HOUSING = str(DATA / "housing" / "housing.csv")
NOWHERE = "http://127.0.0.1:9/v1"  # the discard port: nothing answers, the refusal is instant


class TestLevel0Clis(CliRobustness):
    level = "level0"
    hostile = {  # noqa: RUF012  (read-only case tables)
        "level0.backup": [
            ["backup", "{missing}", "{out}"],
            ["backup", "{empty}", "{out}"],
            ["restore", "{directory}", "{out}"],
            ["verify", "{binary}"],
            ["list", "{missing}"],
            ["prune", "{directory}", "--keep-last", HUGE],
            ["prune", "{directory}", "--keep-daily", "-1"],
        ],
        "level0.basics": [
            ["primes", HUGE],
            ["primes", "-1"],
            ["fizzbuzz", HUGE],
            ["caesar", "x", "--shift", HUGE],
            ["search", "nan", "1", "2"],
            ["search", "1", "inf"],
            ["roman", HUGE],
            ["guess", "--low", "9", "--high", "1"],
            ["guess", "--seed", "-1"],
        ],
        "level0.datagen": [
            ["--preset", "titanic", "--rows", HUGE],
            ["--preset", "titanic", "--rows", "-1"],
            ["--preset", "titanic", "--seed", HUGE],
            ["--schema", "{missing}"],
            ["--schema", "{empty.json}"],
            ["--schema", "{binary.toml}"],
            ["--schema", "{latin1.json}"],
            ["--schema", "{directory}"],
            ["--preset", "titanic", "-o", "{directory}"],
            ["--preset", "titanic", "--schema", "{empty.json}"],
        ],
        "level0.datasets": [
            ["fetch", "no-such-dataset"],
            ["verify", "no-such-dataset"],
            ["frobnicate"],
        ],
        "level0.note_manager": [
            ["--db", "{binary}", "list"],
            ["--db", "{latin1}", "list"],
            ["--db", "{directory}", "list"],
            ["--db", "{out}", "show", HUGE],
            ["--db", "{out}", "delete", "0"],
            ["--db", "{out}", "--lock-timeout", "nan", "list"],
        ],
        "level0.report_generator": [
            ["{missing}", "-o", "{out}"],
            ["{empty}", "-o", "{out}"],
            ["{binary.csv}", "-o", "{out}"],
            ["{directory}", "-o", "{out}"],
            ["{latin1.csv}", "--spec", "{binary.toml}", "-o", "{out}"],
            ["{latin1.csv}", "--spec", "{missing.json}", "-o", "{out}"],
            ["{latin1.csv}"],
        ],
        "level0.stats_calculator": [
            ["{missing}", "--column", "x"],
            ["{empty}", "--column", "x"],
            ["{binary.csv}", "--column", "x"],
            ["{directory}", "--column", "x"],
            ["{latin1.csv}", "--column", "café"],
            ["{latin1.csv}", "--column", "x", "--bins", HUGE],
            ["{latin1.csv}", "--column", "x", "--confidence", "nan"],
            ["{latin1.csv}", "--column", "x", "--stream", "--chunk-rows", "0"],
        ],
        "level0.task_manager": [
            ["--store", "{binary}", "list"],
            ["--store", "{empty}", "list"],
            ["--store", "{directory}", "list"],
            # not `done HUGE` on a new store: the id is looked up under the store's lock,
            # whose file (out.lock, by design) stays beside it; see the report
            ["--store", "{out}", "rm", "-5"],
            ["--store", "{out}", "add", "x", "--due", "+99999999999999999999d"],
            ["--store", "{out}", "export", "{directory}"],
        ],
        "level0.text_analyzer": [
            ["{missing}"],
            ["{binary}"],
            ["{directory}"],
            ["{latin1}", "--ngram", HUGE],
            ["{latin1}", "--top", "0"],
            ["{latin1}", "--encoding", "klingon"],
        ],
        "level0.weather": [
            ["Lisbon", "--days", HUGE],
            ["Lisbon", "--timeout", "nan"],
            ["Lisbon", "--retries", "-1"],
            ["   "],
            ["Lisbon", "--base-url", NOWHERE, "--retries", "0", "--no-cache"],
        ],
    }
    busy = {  # noqa: RUF012
        # a dry run: a real one keeps DEST/.lock (and .partial- folders when interrupted)
        # by design, which the harness counts as temporary files left behind
        # Python's own library: about 50,000 files to scan, on every machine
        "level0.backup": ["backup", sysconfig.get_paths()["stdlib"], "{out}", "--dry-run"],
        "level0.basics": ["primes", "10000000"],
        "level0.datagen": ["--preset", "titanic", "--rows", "300000", "-o", "{out.csv}"],
        "level0.datasets": ["verify"],
        "level0.note_manager": ["--db", "{out}", "list"],  # one SQLite query: no long work
        "level0.report_generator": [HOUSING, "-o", "{out}"],
        "level0.stats_calculator": [HOUSING, "--column", "median_house_value", "--plot", "{out}"],
        "level0.task_manager": ["--store", "{out}", "list"],  # one JSON file: no long work
        "level0.text_analyzer": [SOURCE, "--ngram", "3"],
        "level0.weather": ["Lisbon", "--base-url", NOWHERE, "--retries", "5", "--no-cache"],
    }
