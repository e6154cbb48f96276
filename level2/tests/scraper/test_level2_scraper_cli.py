"""The command line: serve-demo and crawl as a user runs them, errors, parse, the tour."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys

import pytest

from level2.scraper.__main__ import main


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level2.scraper", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_demo_then_crawl_it_like_a_user(tmp_path):
    command = [sys.executable, "-m", "level2.scraper", "serve-demo", "--products", "20"]
    server = subprocess.Popen(
        [*command, "--slow-seconds", "0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first_line = server.stdout.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", first_line)
        assert match, first_line
        output = tmp_path / "products.jsonl"
        result = cli("crawl", match[1], "-o", str(output), "--delay", "0", "--json")
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert report["products_written"] == 19
        assert len(report["disallowed"]) == 1
        assert report["retries"] == 1
        assert report["failed"] == {}
        assert report["issues"]["price: missing"] >= 1  # at least the broken page
        assert len(output.read_text(encoding="utf-8").splitlines()) == 19
    finally:
        os.kill(server.pid, signal.SIGTERM)  # stop it by its PID, as `kill PID` would
        stdout, stderr = server.communicate(timeout=30)
    assert server.returncode == 0, stderr
    assert "stopped after" in stdout


def test_crawl_table_and_resume_in_process(scraper, shop, tmp_path, capsys):
    output = tmp_path / "p.csv"
    args = ["crawl", shop.url, "-o", str(output), "--delay", "0"]
    assert main([*args, "--max-products", "4"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"products written\s+4\n", out)
    assert "stopped at --max-products" in out
    assert main(args) == 0
    out = capsys.readouterr().out
    assert re.search(r"already in output\s+4\n", out)
    assert "data-quality issues:\n" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "http://127.0.0.1:9/", "-o", "p.txt"], "--output must end in .jsonl or .csv"),
        (["crawl", "ftp://x/", "-o", "p.jsonl"], "not an http(s) URL: 'ftp://x/'"),
    ],
)
def test_usage_errors_exit_2(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert message in err
    assert err.count("\n") == 1


HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "http://127.0.0.1:9/", "-o", "p.jsonl", "--delay", "-1"], "--delay: must be"),
        (["crawl", "http://127.0.0.1:9/", "-o", "p.jsonl", "--delay", "nan"], "--delay: must be"),
        (["crawl", "http://127.0.0.1:9/", "-o", "p.jsonl", "--timeout", "0"], "--timeout: must"),
        (["crawl", "http://127.0.0.1:9/", "-o", "p.jsonl", "--retries", HUGE], "--retries: must"),
        (["crawl", "http://127.0.0.1:9/", "-o", "p.jsonl", "--max-products", "0"], "from 1 to"),
        (["crawl", "http://127.0.0.1:9/", "-o", "p.jsonl", "--max-pages", HUGE], "from 1 to"),
        (["serve-demo", "--port", "70000"], "--port: must be an integer from 0 to 65,535"),
        (["serve-demo", "--products", "3"], "--products: must be an integer from 10 to 100,000"),
        (["serve-demo", "--products", HUGE], "--products: must be an integer from 10 to 100,000"),
        (["serve-demo", "--per-page", HUGE], "--per-page: must be an integer from 1 to 1,000"),
        (["serve-demo", "--slow-seconds", "inf"], "--slow-seconds: must be"),
    ],
)
def test_numbers_out_of_range_are_usage_errors_before_any_work(args, message, capsys):
    """`serve-demo --products 99999999999999999999999` used to end in an OverflowError."""
    with pytest.raises(SystemExit) as end:
        main(args)
    assert end.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "too large to convert" not in err


def test_a_shop_that_does_not_fit_in_memory_is_refused_with_what_would_fit(capsys, monkeypatch):
    import level0.cli

    monkeypatch.setattr(level0.cli, "available_memory", lambda: 10_000 * 1024)
    assert main(["serve-demo", "--products", "20000"]) == 2
    err = capsys.readouterr().err
    assert "a demo shop of 20,000 products would need about 20 MB" in err
    assert "at most about 5,000 fit" in err


def test_the_cli_limits_match_the_library():
    from level2.scraper import __main__ as scraper_cli
    from level2.scraper import crawler, demo_shop, store

    assert tuple(store.FORMATS) == scraper_cli.FORMATS
    assert scraper_cli.MAX_PRODUCTS == demo_shop.MAX_PRODUCTS
    assert scraper_cli.BYTES_PER_PRODUCT == demo_shop.BYTES_PER_PRODUCT
    assert scraper_cli.MAX_PER_PAGE == demo_shop.MAX_PER_PAGE
    assert scraper_cli.MAX_PAGES == crawler.MAX_PAGES
    assert scraper_cli.MAX_DELAY == crawler.MAX_DELAY


def test_an_unreachable_site_exits_1_with_one_line(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    result = cli("crawl", url, "-o", str(tmp_path / "p.jsonl"), "--retries", "0")
    assert result.returncode == 1
    assert result.stderr == (
        f"error: cannot read {url}robots.txt (cannot connect: Connection refused after 1 "
        "attempt(s)); not crawling\n"
    )


def test_parse_a_saved_real_page(realdata, capsys):
    page = realdata("products") / "html" / "a-light-in-the-attic_1000.html"
    assert main(["parse", str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["price"], record["stock"], record["rating"]) == (51.77, 22, 3)
    assert record["upc"] == "a897fe39b1053632"


def test_parse_a_saved_catalogue_page_and_a_missing_file(scraper, tmp_path, capsys):
    with scraper.serve_demo(products=12) as running:
        html = running.answer("/index.html", "test")[2]
    saved = tmp_path / "index.html"
    saved.write_text(html, encoding="utf-8")
    assert main(["parse", str(saved), "--url", "http://shop/"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert len(listing["product_urls"]) == 12
    assert listing["next_url"] is None
    assert main(["parse", str(tmp_path / "nope.html")]) == 1
    assert capsys.readouterr().err.startswith("error: No such file or directory")


def test_help_shows_an_example():
    result = cli("--help")
    assert result.returncode == 0
    assert "example:" in result.stdout
    assert "serve-demo" in result.stdout
