"""Every level 2 CLI against hostile input and Ctrl-C (the checks live in level0.robustness)."""

from __future__ import annotations

from level0.robustness import HUGE, CliRobustness

# Port 9 (discard) on loopback: nothing listens there, so a crawl fails at once, offline.
NOBODY = "http://127.0.0.1:9/"
TEN_TICKERS = ["AAPL", "AMZN", "GOOGL", "IBM", "JNJ", "JPM", "KO", "MSFT", "WMT", "XOM"]


class TestLevel2Clis(CliRobustness):
    """Hostile cases that get past argument parsing cost a pandas or scikit-learn import
    (5-10 s on a busy 2-core machine), so only a few are here; each project's own CLI
    tests hold the rest (empty, binary, non-UTF-8 files...) and run them in-process."""

    level = "level2"
    hostile = {  # noqa: RUF012  (read-only case tables)
        "level2.finance": [
            ["check", "{binary}"],
            ["check", "{directory}"],
            ["report", "--csv", "{latin1.csv}", "-o", "{out}"],
            ["report", "AAPL", "--synthetic", "-o", "{out}", "--windows", HUGE],
            ["report", "AAPL", "--synthetic", "-o", "{out}", "--windows", "20,nan"],
            ["report", "AAPL", "--synthetic", "-o", "{out}", "--windows", "5000"],
            ["report", "AAPL", "--synthetic", "-o", "{out}", "--windows", "2000"],
            ["report", "AAPL", "--synthetic", "-o", "{out}", "--vol-window", "-3"],
            ["report", "AAPL", "--synthetic", "-o", "{out}", "--seed", HUGE],
            ["report", "NOPE", "--synthetic", "-o", "{out}"],
            ["report", "AAPL", "--synthetic", "-o", "{binary}"],
        ],
        "level2.housing": [
            ["report", "-o", "{out}", "--data", "{missing}"],
            ["report", "-o", "{out}", "--data", "{binary}"],
            ["report", "-o", "{out}", "--data", "{directory}"],
            ["train", "-o", "{out}", "--trees", HUGE],
            ["train", "-o", "{out}", "--folds", "1"],
            ["train", "-o", "{out}", "--seed", "nan"],
            ["evaluate", "--model", "{directory}", "--data", "{missing}"],
        ],
        "level2.product_features": [
            ["build", "{missing}", "-o", "{out}"],
            ["build", "{binary.jsonl}", "-o", "{out}"],
            ["build", "{missing}", "-o", "{out}", "--k", HUGE],
            ["build", "{missing}", "-o", "{out}", "--folds", "0"],
            ["build", "{missing}", "-o", "{out}", "--target", "colour"],
            ["parse-price", "£1,23,4"],
        ],
        "level2.scraper": [
            ["parse", "{missing}"],
            ["parse", "{empty}"],
            ["parse", "{binary}"],
            ["parse", "{latin1}"],
            ["parse", "{directory}"],
            ["crawl", NOBODY, "-o", "{out.jsonl}", "--retries", "0"],
            ["crawl", NOBODY, "-o", "{directory}"],
            ["crawl", "ftp://example/", "-o", "{out.csv}"],
            ["crawl", NOBODY, "-o", "{out.jsonl}", "--delay", "nan"],
            ["crawl", NOBODY, "-o", "{out.jsonl}", "--timeout", "0"],
            ["crawl", NOBODY, "-o", "{out.jsonl}", "--max-pages", HUGE],
            ["serve-demo", "--products", HUGE],
            ["serve-demo", "--products", "5"],
            ["serve-demo", "--port", "-1"],
            ["serve-demo", "--per-page", "0"],
            ["serve-demo", "--slow-seconds", "inf"],
        ],
    }
    busy = {  # noqa: RUF012  (each works offline for a second or more)
        # ten seeded random walks: charts, CSVs and a report, about 5 s
        "level2.finance": ["report", *TEN_TICKERS, "--synthetic", "-o", "{out}"],
        # the registry's housing.csv (cached in CI via MLROADMAP_DATA): EDA report and plots
        "level2.housing": ["report", "-o", "{out}"],
        # the registry's 1,000 books: cleaning, feature selection by CV, report
        "level2.product_features": ["build", "-o", "{out}", "--folds", "2"],
        # builds a 3,000-product shop, then serves it on loopback until Ctrl-C
        "level2.scraper": ["serve-demo", "--products", "3000"],
    }
