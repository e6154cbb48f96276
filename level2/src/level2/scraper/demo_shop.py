"""The demo shop: a small local web shop to scrape, with the trouble real shops have.

A stdlib ``ThreadingHTTPServer`` on 127.0.0.1 serves the catalogue of
:mod:`~level2.scraper.demo_catalogue` in the HTML structure of
books.toscrape.com: ``/index.html`` (catalogue page 1), ``/catalogue/page-N.html``,
``/catalogue/<slug>_<n>/index.html`` and ``/robots.txt``. Pages are sent as
``text/html`` without a charset, as the real site does, so a client must read
the encoding from the page itself.

>>> with serve_demo(products=30) as shop:  # doctest: +SKIP
...     print(shop.url)                     # http://127.0.0.1:43517/
...     crawl(shop.url, "products.jsonl")
...     shop.requests                       # the paths requested, in order
"""

from __future__ import annotations

import math
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from level2.scraper.demo_catalogue import DemoProduct, build_catalogue
from level2.scraper.demo_pages import list_page, product_page, robots_txt

__all__ = ["BYTES_PER_PRODUCT", "MAX_PER_PAGE", "MAX_PRODUCTS", "DemoShop", "serve_demo"]

# The shop's budget. Measured with tracemalloc (python 3.11, 10,000 and 50,000 products):
# a product kept about 690 bytes and building the catalogue peaked at about 740 bytes
# per product; 1 KB leaves room. 100,000 products (about 100 MB, some 10-30 s to build)
# is far more than any exercise needs.
BYTES_PER_PRODUCT = 1024
MAX_PRODUCTS = 100_000
MAX_PER_PAGE = 1000  # one catalogue page of 1,000 products is already about 1 MB of HTML
REQUEST_LOG = 100_000  # ``DemoShop.requests`` keeps the latest ones, so a long run stays small


@dataclass
class DemoShop:
    """The shop's content and what happened to it: ``requests`` lists (path, user agent).

    ``requests`` keeps the latest :data:`REQUEST_LOG` requests, ``request_count`` counts
    them all.
    """

    catalogue: list[DemoProduct]
    per_page: int = 20
    slow_seconds: float = 1.0
    requests: deque[tuple[str, str]] = field(default_factory=lambda: deque(maxlen=REQUEST_LOG))
    request_count: int = 0
    url: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _failed_once: set[str] = field(default_factory=set, repr=False)
    _by_path: dict[str, DemoProduct] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_path = {product.path: product for product in self.catalogue}

    @property
    def pages(self) -> int:
        return math.ceil(len(self.catalogue) / self.per_page)

    @property
    def paths(self) -> list[str]:
        """The paths requested so far, in order."""
        with self._lock:
            return [path for path, _ in self.requests]

    def answer(self, path: str, user_agent: str) -> tuple[int, str, str]:
        """(status, content type, body) for a GET of ``path``."""
        with self._lock:
            self.requests.append((path, user_agent))
            self.request_count += 1
        if path == "/robots.txt":
            return 200, "text/plain", robots_txt()
        if path in ("/", "/index.html"):
            return 200, "text/html", self._list_page(1)
        if path.startswith("/catalogue/page-") and path.endswith(".html"):
            number = path.removeprefix("/catalogue/page-").removesuffix(".html")
            # ASCII digits only, and few of them: int() of "²" or of 5,000 digits raises
            readable = number.isascii() and number.isdigit() and len(number) <= 9
            if readable and 2 <= int(number) <= self.pages:
                return 200, "text/html", self._list_page(int(number))
        product = self._by_path.get(path)
        if product is not None:
            return self._product(product, path)
        return 404, "text/html", "<html><body><h1>404 Not Found</h1></body></html>"

    def _product(self, product: DemoProduct, path: str) -> tuple[int, str, str]:
        if product.special == "flaky":
            with self._lock:
                first = path not in self._failed_once
                self._failed_once.add(path)
            if first:
                return 500, "text/html", "<html><body><h1>500 Server Error</h1></body></html>"
        if product.special == "slow":
            time.sleep(self.slow_seconds)
        return 200, "text/html", product_page(product)

    def _list_page(self, page: int) -> str:
        start = (page - 1) * self.per_page
        products = self.catalogue[start : start + self.per_page]
        prefix = "/catalogue/" if page > 1 else "/"
        items = [(product, product.path.removeprefix(prefix)) for product in products]
        return list_page(items, page, self.pages, len(self.catalogue))


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, as a real shop
    disable_nagle_algorithm = True  # headers and body go out at once, no 40 ms stalls

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        status, content_type, body = self.server.shop.answer(
            path, self.headers.get("User-Agent", "")
        )
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the shop's log is ``DemoShop.requests``."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], shop: DemoShop) -> None:
        super().__init__(address, _Handler)
        self.shop = shop

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """One line instead of socketserver's traceback; a client that hung up is no error."""
        kind, error, _ = sys.exc_info()
        if kind is not None and issubclass(kind, ConnectionError):
            return
        print(f"demo shop: cannot answer {client_address[0]}: {error!r}", file=sys.stderr)


@contextmanager
def serve_demo(
    products: int = 60,
    seed: int = 0,
    *,
    port: int = 0,
    per_page: int = 20,
    slow_seconds: float = 1.0,
) -> Iterator[DemoShop]:
    """Run the demo shop on 127.0.0.1 (``port`` 0: any free port) in a thread; stop it on exit."""
    if not 1 <= per_page <= MAX_PER_PAGE or slow_seconds < 0:
        raise ValueError(f"per_page must be from 1 to {MAX_PER_PAGE} and slow_seconds at least 0")
    if products > MAX_PRODUCTS:
        raise ValueError(f"the demo shop holds at most {MAX_PRODUCTS:,} products, not {products:,}")
    shop = DemoShop(build_catalogue(products, seed), per_page, slow_seconds)
    server = _Server(("127.0.0.1", port), shop)
    shop.url = f"http://127.0.0.1:{server.server_port}/"
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="demo-shop", daemon=True
    )
    thread.start()
    try:
        yield shop
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def scrape_demo_shop(output: Path, products: int = 300) -> Path:
    """Start the demo shop, crawl all of it into ``output`` (JSON Lines) at full speed, stop it.

    This is what a learner without the real books data gets; the product-feature and
    clustering projects use it as their synthetic fallback.
    """
    from level2.scraper.crawler import crawl, state_path
    from level2.scraper.fetch import Fetcher

    for stale in (output, state_path(output)):
        stale.unlink(missing_ok=True)
    with (
        serve_demo(products=products, slow_seconds=0.1) as shop,
        Fetcher(delay=0, backoff=0.05) as fetcher,
    ):
        crawl(shop.url, output, fetcher=fetcher, progress=False)
    return output
