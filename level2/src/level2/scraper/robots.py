"""robots.txt: ask the site what may be crawled, with the standard library's parser.

``urllib.robotparser`` does the matching; this module only fetches the file
through the polite :class:`~level2.scraper.fetch.Fetcher` (same user agent,
timeout and retries) and decides what a missing or failing file means, the way
``RobotFileParser.read`` and the major crawlers do:

* 200: the rules apply;
* 404 and other 4xx: there are no rules, everything is allowed;
* 401 or 403: the site refuses robots, nothing is allowed;
* 5xx or no answer: unknown, so do not crawl at all (:class:`RobotsUnavailable`).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from level2.scraper.fetch import Fetcher

__all__ = ["RobotsPolicy", "RobotsUnavailable", "robots_url"]

_NOTHING_ALLOWED = "User-agent: *\nDisallow: /\n"


class RobotsUnavailable(Exception):
    """robots.txt could not be read (server error or no answer): crawling is not safe."""


def robots_url(url: str) -> str:
    """Where the robots.txt for ``url``'s site lives: always at the root of the host."""
    parts = urlsplit(url)
    return urljoin(f"{parts.scheme}://{parts.netloc}", "/robots.txt")


@dataclass
class RobotsPolicy:
    """The rules of one site for one user agent."""

    user_agent: str
    parser: RobotFileParser
    status: int  # the HTTP status robots.txt answered with

    @classmethod
    def from_text(cls, text: str, user_agent: str, status: int = 200) -> RobotsPolicy:
        """Rules from the text of a robots.txt file."""
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        return cls(user_agent, parser, status)

    @classmethod
    def fetch(cls, fetcher: Fetcher, site_url: str) -> RobotsPolicy:
        """Fetch and read the robots.txt of ``site_url``'s host."""
        where = robots_url(site_url)
        result = fetcher.get(where)
        if result.ok:
            return cls.from_text(result.content.decode("utf-8", "replace"), fetcher.user_agent, 200)
        status = result.status
        if status in (401, 403):
            return cls.from_text(_NOTHING_ALLOWED, fetcher.user_agent, status)
        if status is not None and 400 <= status < 500:
            return cls.from_text("", fetcher.user_agent, status)  # no rules: all allowed
        raise RobotsUnavailable(f"cannot read {where} ({result.error}); not crawling")

    def allowed(self, url: str) -> bool:
        """May this user agent fetch ``url``?"""
        return self.parser.can_fetch(self.user_agent, url)

    @property
    def crawl_delay(self) -> float | None:
        """The ``Crawl-delay`` the site asks of this user agent, in seconds (or None)."""
        delay = self.parser.crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None
