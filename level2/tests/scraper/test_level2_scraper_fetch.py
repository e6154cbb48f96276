"""The fetcher against a local server: user agent, retries and backoff, timeouts, rate limit."""

from __future__ import annotations

import socket

import pytest
from hypothesis import given
from hypothesis import strategies as st
from werkzeug import Response


def test_sends_its_user_agent_and_returns_the_body(scraper, httpserver, fetcher):
    httpserver.expect_request("/p", headers={"User-Agent": scraper.USER_AGENT}).respond_with_data(
        "<p>hi</p>", content_type="text/html; charset=utf-8"
    )
    result = fetcher.get(httpserver.url_for("/p"))
    assert result.ok
    assert result.status == 200
    assert result.attempts == 1
    assert result.content == b"<p>hi</p>"
    assert result.encoding == "utf-8"
    assert "mlroadmap-scraper" in scraper.USER_AGENT


def test_no_charset_in_the_header_means_no_encoding(httpserver, fetcher):
    httpserver.expect_request("/p").respond_with_data("£".encode(), content_type="text/html")
    result = fetcher.get(httpserver.url_for("/p"))
    assert result.encoding is None
    assert result.content.decode() == "£"


def test_500_then_200_is_retried_after_a_backoff(scraper, httpserver, fake_time):
    httpserver.expect_ordered_request("/p").respond_with_data("down", status=500)
    httpserver.expect_ordered_request("/p").respond_with_data("down", status=502)
    httpserver.expect_ordered_request("/p").respond_with_data("ok")
    fetcher = scraper.Fetcher(
        delay=0, backoff=0.5, retries=3, clock=fake_time.clock, sleep=fake_time.sleep
    )
    result = fetcher.get(httpserver.url_for("/p"))
    assert result.ok
    assert result.attempts == 3
    assert result.content == b"ok"
    assert fake_time.sleeps == [0.5, 1.0]  # exponential: backoff * 2**(n-1)
    assert fetcher.retries_used == 2
    assert fetcher.requests_sent == 3


def test_429_waits_as_long_as_retry_after_says(scraper, httpserver, fake_time):
    httpserver.expect_ordered_request("/p").respond_with_response(
        Response("slow down", status=429, headers={"Retry-After": "7"})
    )
    httpserver.expect_ordered_request("/p").respond_with_data("ok")
    fetcher = scraper.Fetcher(delay=0, backoff=0.5, clock=fake_time.clock, sleep=fake_time.sleep)
    assert fetcher.get(httpserver.url_for("/p")).ok
    assert fake_time.sleeps == [7.0]


def test_a_persistent_503_fails_after_every_attempt(scraper, httpserver, fake_time):
    httpserver.expect_request("/p").respond_with_data("down", status=503)
    fetcher = scraper.Fetcher(delay=0, retries=2, clock=fake_time.clock, sleep=fake_time.sleep)
    result = fetcher.get(httpserver.url_for("/p"))
    assert not result.ok
    assert result.status == 503
    assert result.attempts == 3
    assert result.error == "HTTP 503 after 3 attempt(s)"
    assert len(httpserver.log) == 3


@pytest.mark.parametrize("status", [400, 403, 404, 410])
def test_client_errors_are_not_retried(httpserver, fetcher, status):
    httpserver.expect_request("/p").respond_with_data("no", status=status)
    result = fetcher.get(httpserver.url_for("/p"))
    assert (result.ok, result.status, result.attempts) == (False, status, 1)
    assert result.error == f"HTTP {status}"
    assert len(httpserver.log) == 1


def test_a_slow_page_times_out_and_is_retried(scraper, shop):
    slow = next(p for p in shop.catalogue if p.special == "slow")
    with scraper.Fetcher(delay=0, timeout=0.05, retries=1, backoff=0) as fetcher:
        result = fetcher.get(shop.url.rstrip("/") + slow.path)
    assert not result.ok
    assert result.status is None
    assert result.attempts == 2
    assert result.error == "no answer within 0.05 s after 2 attempt(s)"


def test_connection_refused(scraper):
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with scraper.Fetcher(delay=0, retries=0) as fetcher:
        result = fetcher.get(f"http://127.0.0.1:{port}/")
    assert not result.ok
    assert result.status is None
    assert result.error.startswith("cannot connect: ")


def test_rate_limit_spaces_the_starts_of_requests(scraper, httpserver, fake_time):
    httpserver.expect_request("/p").respond_with_data("ok")
    fetcher = scraper.Fetcher(delay=2.0, clock=fake_time.clock, sleep=fake_time.sleep)
    for _ in range(3):
        assert fetcher.get(httpserver.url_for("/p")).ok
    assert fake_time.sleeps == [2.0, 2.0]  # the first request goes at once
    fake_time.now += 5  # time spent elsewhere counts towards the delay
    fetcher.get(httpserver.url_for("/p"))
    assert fake_time.sleeps == [2.0, 2.0]


@pytest.mark.parametrize(
    "options",
    [{"delay": -1}, {"timeout": 0}, {"retries": -1}, {"backoff": -0.5}],
)
def test_bad_settings_are_refused(scraper, options):
    with pytest.raises(ValueError, match="must be"):
        scraper.Fetcher(**options)


@given(
    attempt=st.integers(1, 30),
    backoff=st.floats(0, 10),
    retry_after=st.none() | st.floats(0, 100),
)
def test_pause_grows_is_capped_and_respects_retry_after(scraper, attempt, backoff, retry_after):
    fetcher = scraper.Fetcher(backoff=backoff, max_backoff=30.0)
    pause = fetcher.pause(attempt, retry_after)
    assert 0 <= pause <= 30.0
    assert pause >= min(fetcher.pause(max(1, attempt - 1), None), 30.0) or attempt == 1
    if retry_after is not None:
        assert pause >= min(retry_after, 30.0)
