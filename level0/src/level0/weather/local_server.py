"""A miniature Open-Meteo on 127.0.0.1 that answers from the bundled fixtures (offline demos).

The fixtures are hand-written JSON in Open-Meteo's documented format (not real
forecasts). ``GET /v1/search?name=Lisbon`` answers ``fixtures/geocoding_lisbon.json``
(any other name: no results); ``GET /v1/forecast`` answers
``fixtures/forecast_lisbon.json`` whatever the coordinates. Point the client at the
yielded base URL and the real code runs end to end without a network.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, urlsplit

__all__ = ["fixture_json", "serve_fixtures"]


def fixture_json(name: str) -> bytes:
    """The bytes of ``fixtures/<name>.json`` bundled with this package."""
    return resources.files("level0.weather").joinpath("fixtures", f"{name}.json").read_bytes()


class _FixtureHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/v1/search":
            city = parse_qs(url.query).get("name", [""])[0].strip().casefold()
            self._answer(
                200,
                fixture_json("geocoding_lisbon" if city == "lisbon" else "geocoding_no_results"),
            )
        elif url.path == "/v1/forecast":
            self._answer(200, fixture_json("forecast_lisbon"))
        else:
            self._answer(
                404, json.dumps({"error": True, "reason": f"no route {url.path}"}).encode()
            )

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a demo's output is the client's, not the server's access log."""


@contextmanager
def serve_fixtures() -> Iterator[str]:
    """Serve the fixtures on 127.0.0.1 (a free port) in a thread; yield the base URL, then stop."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FixtureHandler)
    thread = threading.Thread(target=server.serve_forever, name="weather-fixtures", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
