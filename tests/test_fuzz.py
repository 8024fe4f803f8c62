"""Property tests: every reader, the date resolver and the quote finder never crash on any input, and
every offset they give lies inside the text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.errors import InputError
from communique.model import Article
from communique.read import SUFFIXES, read_file
from communique.read.jsonl import read_jsonl
from communique.stages import time as timex
from communique.textutil import SpanIndex, find_quotes

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

TIME_WORDS = st.sampled_from([
    "on", "Monday", "Sunday", "last", "next", "week", "month", "year", "yesterday", "today", "tomorrow", "the",
    "previous", "following", "day", "two", "days", "ago", "later", "earlier", "in", "November", "Feb.", "29", "31",
    "2024", "1999", "0", "9999", "16", ",", ".", "-", "/", "'s", "early", "late", "mid", "this", "morning", "night",
    "since", "until", "1990s", "'90s", "spring", "weekend", "quarter", "decade", "century", "said", "\n\n", "“", "”",
])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries({}, optional={
    "text": st.text(max_size=200) | JSON_VALUES, "title": st.text(max_size=40) | JSON_VALUES,
    "url": st.text(max_size=40) | JSON_VALUES, "outlet": st.text(max_size=40) | JSON_VALUES,
    "published": st.sampled_from(["2024-02-29", "2023-02-29", "2024-13-01", "Mon, 17 Nov 2025 08:00:00 GMT",
                                  "2025-11-17T25:00", "", "0000-01-01"]) | JSON_VALUES,
})


def _check(items: list[Article | InputError]) -> None:
    for item in items:
        assert isinstance(item, (Article, InputError))
        assert "\n" not in str(item) or isinstance(item, Article)
        if isinstance(item, Article):
            assert item.text.strip() and isinstance(item.text, str)
            assert item.title is None or isinstance(item.title, str)
            assert item.outlet is None or isinstance(item.outlet, str)
            assert item.published is None or isinstance(item.published, dt.date)


@FAST
@given(st.lists(st.one_of(RECORDS.map(json.dumps), st.text(max_size=80)), max_size=6))
def test_jsonl_lines(lines: list[str]) -> None:
    _check(list(read_jsonl("\n".join(lines), source_path="x.jsonl")))


@FAST
@given(data=st.binary(max_size=400) | st.text(max_size=400).map(lambda s: s.encode("utf-8")),
       suffix=st.sampled_from(sorted(SUFFIXES)), bom=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
def test_any_bytes_in_any_format(tmp_path_factory: object, data: bytes, suffix: str, bom: bytes) -> None:
    folder: Path = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    p = folder / f"in{suffix}"
    p.write_bytes(bom + data)
    items = list(read_file(p))
    _check(items)
    assert items  # an article or a reason, never silence


@FAST
@given(st.lists(TIME_WORDS, max_size=30).map(" ".join) | st.text(max_size=120),
       st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31)) | st.none(),
       st.lists(st.tuples(st.integers(-5, 200), st.integers(-5, 200), st.sampled_from(["DATE", "GPE"])), max_size=4))
def test_date_resolver(text: str, published: dt.date | None, ents: list[tuple[int, int, str]]) -> None:
    for t in timex.extract(text, ents=ents, published=published):
        assert 0 <= t.span.start < t.span.end <= len(text)
        assert t.value is None or isinstance(t.value, dt.date)


@FAST
@given(st.lists(st.sampled_from(["“", "”", "‘", "’", '"', "'", "''", "``", "said", "we", "will", "not", ",", "\n",
                                 "\n\n", "go", "home", " "]), max_size=40).map("".join) | st.text(max_size=200))
def test_quote_finder(text: str) -> None:
    spans = find_quotes(text)
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
    assert spans == sorted(spans, key=lambda s: s.start)
    assert not any(a.overlaps(b) for a, b in zip(spans, spans[1:], strict=False))


@FAST
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)), max_size=20), st.integers(0, 60),
       st.integers(0, 20))
def test_span_index_agrees_with_a_scan(pairs: list[tuple[int, int]], start: int, width: int) -> None:
    from communique.model import Span

    spans = [Span(a, a + w) for a, w in pairs]
    q = Span(start, start + width)
    index = SpanIndex(spans)
    assert index.overlaps(q) == any(q.overlaps(s) for s in spans)
    assert index.covers(start) == any(s.start <= start < s.end for s in spans)


@FAST
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)), max_size=20),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=10))
def test_growing_span_index_agrees_with_a_scan(pairs: list[tuple[int, int]], asked: list[tuple[int, int]]) -> None:
    from communique.model import Span
    from communique.textutil import GrowingSpanIndex

    spans = [Span(a, a + w) for a, w in pairs]
    index = GrowingSpanIndex(spans[:3])
    for s in spans[3:]:
        index.add(s)
    for a, w in asked:
        q = Span(a, a + w)
        assert index.overlaps(q) == any(q.overlaps(s) for s in spans)


@FAST
@given(st.text(alphabet="ab- .'\n", max_size=40), st.text(alphabet="ab- .'", max_size=6))
def test_written_words_agree_with_the_regex(text: str, key: str) -> None:
    import re

    from communique.stages.place.resolve.again import _Written

    assert _Written(text).has(key) == (re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text) is not None)


# -- structured inputs: feeds and HTML pages built from random parts, datelines, dates -----------------------------

WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
DATES = st.sampled_from(["Mon, 17 Nov 2025 08:00:00 GMT", "2025-11-17T08:00:00Z", "17 Nov 2025", "yesterday", "",
                         "Tue, 31 Feb 2025 00:00:00 +0000", "2025-13-45"]) | WORDS


QUOTE = {"'": "&apos;"}


def _inside(article: Article) -> None:
    for span in (article.body, article.title_span):
        if span is not None:
            assert 0 <= span.start <= span.end <= len(article.text)


@FAST
@given(st.lists(st.tuples(WORDS, WORDS, DATES, WORDS), max_size=4), st.booleans())
def test_feeds_of_any_entries(entries: list[tuple[str, str, str, str]], atom: bool) -> None:
    from xml.sax.saxutils import escape

    from communique.read.feed import read_feed

    if atom:
        items = "".join(f"<entry><title>{escape(t)}</title><summary>{escape(d)}</summary><updated>{escape(p)}"
                        f"</updated><link href='{escape(u, QUOTE)}'/></entry>" for t, d, p, u in entries)
        raw = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>f</title>{items}</feed>'
    else:
        items = "".join(f"<item><title>{escape(t)}</title><description>{escape(d)}</description>"
                        f"<pubDate>{escape(p)}</pubDate><link>{escape(u)}</link></item>" for t, d, p, u in entries)
        raw = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'
    out = list(read_feed(raw, source_path="f.xml"))
    _check(out)
    for item in out:
        if isinstance(item, Article):
            _inside(item)


@FAST
@given(st.lists(st.tuples(st.sampled_from(["p", "h1", "title", "script", "article", "div", "br", "meta"]), WORDS),
                max_size=8))
def test_html_pages_of_any_parts(parts: list[tuple[str, str]]) -> None:
    from html import escape

    from communique.read.html import read_html

    body = "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in parts)
    item = read_html(f"<html><head></head><body>{body}</body></html>", source_path="p.html")
    _check([item])
    if isinstance(item, Article):
        _inside(item)


@FAST
@given(st.lists(st.sampled_from(["KYIV", "Kyiv", ",", "Ukraine", "(Reuters)", "(AP)", "—", "-", "--", "Nov.", "17",
                                 "2025", "\n", " ", "said", "on", "Monday", ":"]), max_size=14).map(" ".join)
       | st.text(max_size=120),
       st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31)) | st.none())
def test_dateline_finder(text: str, published: dt.date | None) -> None:
    from communique.read.dateline import find_dateline

    found = find_dateline(text, published=published)
    if found is not None:
        for span in (found.span, found.place, found.region, found.date, found.outlet):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
        assert found.value is None or isinstance(found.value, dt.date)


@FAST
@given(DATES | st.text(max_size=40))
def test_published_dates(value: str) -> None:
    from communique.errors import DateError
    from communique.read.article import parse_date

    try:
        parsed = parse_date(value)
    except DateError as exc:
        assert "\n" not in str(exc)
    else:
        assert parsed is None or isinstance(parsed, dt.date)
