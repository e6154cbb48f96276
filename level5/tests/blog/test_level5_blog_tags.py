"""Tag suggestions (TF-IDF + cosine k-NN) and the Markdown sanitiser: plain functions, no DB."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from level5.blog import (
    TaggedText,
    leave_one_out,
    most_frequent_tags,
    render_markdown,
    suggest_tags,
)
from level5.blog.posts.demo_posts import POSTS

KNOWN = [
    TaggedText("pytest fixtures and property tests for python code", frozenset({"testing"})),
    TaggedText("django models views and the admin", frozenset({"django", "python"})),
    TaggedText("gunicorn workers serve the model in production", frozenset({"deployment"})),
]
MARKUP = "abc123 *_#`>\n<\"'=/&;-[]()!"  # Markdown and HTML punctuation around the payloads
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '<a href="https://example.org" onclick="steal()">x</a>',
    "<iframe src=//evil.example></iframe>",
    "<svg onload=alert(1)>",
]


def test_the_nearest_posts_tags_come_first() -> None:
    found = suggest_tags("writing property tests with pytest", KNOWN, k=2)
    assert found[0].tag == "testing"
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_nothing_to_suggest_from_an_unrelated_or_empty_text() -> None:
    assert suggest_tags("zebra quokka", KNOWN) == []
    assert suggest_tags("   ", KNOWN) == []
    assert suggest_tags("django", []) == []


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=200), k=st.integers(1, 5), top=st.integers(1, 4))
def test_suggestions_are_known_tags_at_most_top_and_positive(text: str, k: int, top: int) -> None:
    found = suggest_tags(text, KNOWN, k=k, top=top)
    known_tags = set().union(*(post.tags for post in KNOWN))
    assert len(found) <= top
    assert all(s.tag in known_tags and s.score > 0 for s in found)


def test_on_the_demo_posts_neighbours_beat_the_most_frequent_tags() -> None:
    posts = [TaggedText(body, frozenset(tags)) for _, tags, body in POSTS]
    result = leave_one_out(posts, k=5, top=3)
    assert result.posts == len(POSTS)
    assert result.knn_precision > result.baseline_in_sample_precision >= result.baseline_precision
    assert most_frequent_tags(posts, 1)[0] in {tag for _, tags, _ in POSTS for tag in tags}


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(alphabet=MARKUP, max_size=40),
    payload=st.sampled_from(PAYLOADS),
    after=st.text(alphabet=MARKUP, max_size=40),
)
def test_markdown_never_lets_code_through(before: str, payload: str, after: str) -> None:
    elements = Elements()
    elements.feed(render_markdown(before + payload + after))
    for tag, attributes in elements.found:
        assert tag not in {"script", "iframe", "svg", "style"}
        for name, value in attributes:
            assert not name.startswith("on")
            assert not (value or "").strip().lower().startswith("javascript:")


class Elements(HTMLParser):
    """Every element and its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def test_markdown_keeps_the_formatting_a_post_needs() -> None:
    html = render_markdown("## Title\n\n*a* **b** `c`\n\n- one\n\n[link](https://example.org)")
    assert "<h2>Title</h2>" in html
    assert "<em>a</em>" in html
    assert "<strong>b</strong>" in html
    assert "<code>c</code>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">link</a>' in html
