"""Issue 10: Ctrl-C mid-crawl keeps the output resumable; budgets on pages, bytes and waits;
the demo shop answers hostile paths without a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import pytest

from level2.scraper import read_records, state_path


def _crawl_command(url: str, output, *extra: str) -> list[str]:
    return [sys.executable, "-m", "level2.scraper", "crawl", url, "-o", str(output), *extra]


def _lines(path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_a_crawl_interrupted_with_ctrl_c_resumes_to_the_same_products(scraper, tmp_path, suffix):
    output = tmp_path / f"products{suffix}"
    header = 1 if suffix == ".csv" else 0
    with scraper.serve_demo(products=60, per_page=10, slow_seconds=0.05) as shop:
        crawl = subprocess.Popen(
            _crawl_command(shop.url, output, "--delay", "0.2"),  # 12 s or more in all
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while _lines(output) < header + 3 and crawl.poll() is None:
            assert time.monotonic() < deadline, "the crawl wrote nothing in 60 s"
            time.sleep(0.05)
        os.killpg(crawl.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole group
        _, stderr = crawl.communicate(timeout=60)

        assert crawl.returncode == 130, stderr
        assert "Traceback" not in stderr
        assert [line for line in stderr.splitlines() if "error:" in line] == ["error: interrupted"]
        assert "run the same command again to resume" in stderr
        # What is on disk is whole: every record parses, none twice, the state file is JSON.
        saved = read_records(output)
        assert 3 <= len(saved) < 59
        assert len({r["url"] for r in saved}) == len(saved)
        for line in state_path(output).read_text(encoding="utf-8").splitlines():
            assert json.loads(line)["product_urls"]

        again = subprocess.run(
            [*_crawl_command(shop.url, output, "--delay", "0"), "--json"],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert report["products_already_done"] == len(saved)
    assert report["products_written"] == 59 - len(saved)  # 60, less the robots-forbidden one
    records = read_records(output)
    assert len(records) == len({r["url"] for r in records}) == 59
    assert [r["url"] for r in records[: len(saved)]] == [r["url"] for r in saved]


def test_serve_demo_stops_on_ctrl_c_with_one_line(tmp_path):
    server = subprocess.Popen(
        [sys.executable, "-m", "level2.scraper", "serve-demo", "--products", "20"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    first = server.stdout.readline()
    assert "demo shop (synthetic data)" in first
    url = first.rsplit(" at ", 1)[1].strip()
    with urllib.request.urlopen(url + "robots.txt", timeout=30) as answer:
        assert answer.status == 200
    os.killpg(server.pid, signal.SIGINT)
    stdout, stderr = server.communicate(timeout=30)
    assert server.returncode == 0, stderr
    assert stdout.splitlines() == ["stopped after 1 requests"]
    assert "Traceback" not in stderr
    assert "error" not in stderr


@pytest.mark.parametrize(
    "path",
    [
        "/catalogue/page-" + "9" * 5000 + ".html",  # int() refuses over 4,300 digits
        "/catalogue/page-\xb2.html",  # "²".isdigit() is true, int("²") fails
        "/catalogue/page-0.html",
        "/catalogue/page-99999999999999999999999.html",
    ],
)
def test_the_demo_shop_answers_hostile_paths_with_404(scraper, path):
    with scraper.serve_demo(products=10) as shop:
        status, _, body = shop.answer(path, "test")
    assert status == 404
    assert "Not Found" in body


def test_the_demo_shop_refuses_more_products_than_its_budget(scraper):
    from level2.scraper import demo_shop

    too_many = scraper.serve_demo(products=demo_shop.MAX_PRODUCTS + 1)
    with pytest.raises(ValueError, match="at most 100,000 products"):
        too_many.__enter__()
    too_wide = scraper.serve_demo(products=10, per_page=demo_shop.MAX_PER_PAGE + 1)
    with pytest.raises(ValueError, match="per_page must be from 1 to 1000"):
        too_wide.__enter__()


def test_the_request_log_is_bounded_but_the_count_is_not(scraper, monkeypatch):
    from collections import deque

    shop = scraper.DemoShop(scraper.build_catalogue(10), requests=deque(maxlen=3))
    for _ in range(5):
        shop.answer("/robots.txt", "test")
    assert len(shop.requests) == 3
    assert shop.request_count == 5


def test_max_pages_stops_an_endless_catalogue_and_a_rerun_goes_on(scraper, shop, fetcher, tmp_path):
    output = tmp_path / "p.jsonl"
    first = scraper.crawl(shop.url, output, fetcher=fetcher, max_pages=1, progress=False)
    assert first.stopped_early
    assert first.stopped_by == "--max-pages"
    assert first.catalogue_pages_fetched == 1
    second = scraper.crawl(shop.url, output, fetcher=fetcher, max_pages=1, progress=False)
    assert second.catalogue_pages_fetched == 1  # page 2: page 1 came from the state file
    assert second.products_already_done == first.products_written


class _Hostile(BaseHTTPRequestHandler):
    """robots.txt with an absurd Crawl-delay, or a page bigger than the budget."""

    crawl_delay = "1000000000"

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            body = f"User-agent: *\nCrawl-delay: {self.crawl_delay}\n".encode()
        else:
            body = b"<html>" + b"x" * 5000 + b"</html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def hostile_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    thread = Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()
    thread.join()


def test_an_absurd_crawl_delay_is_refused_not_waited_for(scraper, hostile_site, fetcher, tmp_path):
    with pytest.raises(scraper.CrawlError, match="asks for 1e\\+09 s between requests"):
        scraper.crawl(hostile_site, tmp_path / "p.jsonl", fetcher=fetcher, progress=False)
    assert fetcher.requests_sent == 1  # robots.txt only


@pytest.mark.parametrize("declared", [True, False])
def test_a_page_over_the_byte_budget_is_not_read(scraper, hostile_site, declared, monkeypatch):
    if not declared:  # no Content-Length: the body is read in chunks and cut off
        monkeypatch.setattr(_Hostile, "send_header", _without_length(_Hostile.send_header))
    with scraper.Fetcher(delay=0, retries=0, max_bytes=1000) as small:
        result = small.get(hostile_site + "big.html")
    assert not result.ok
    assert "page larger than 1,000 bytes" in result.error
    assert result.content == b""


def _without_length(send_header):
    def send(self, keyword, value):
        if keyword != "Content-Length":
            send_header(self, keyword, value)
        else:
            self.close_connection = True  # the body then ends when the connection closes

    return send


def test_a_ctrl_c_that_python_swallowed_still_stops_serve_demo(tmp_path):
    """Python can lose a KeyboardInterrupt in an import-lock callback ("Exception ignored
    in: _get_module_lock.<locals>.cb"); serve-demo then served for ever. level0 remembers
    the signal, so the command stops as after any Ctrl-C."""
    script = tmp_path / "lost_ctrl_c.py"
    script.write_text(
        "import os, signal, sys\n"
        "import level0\n"
        "from level2.scraper.__main__ import main\n"
        "try:\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "except KeyboardInterrupt:\n"
        "    pass  # lost, as in an import-lock callback\n"
        "sys.argv = ['scraper', 'serve-demo', '--products', '10']\n"
        "sys.exit(main())\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "stopped after 0 requests"
    assert "Traceback" not in done.stderr
