"""The watcher against a real HTTP server on 127.0.0.1 serving our own feeds and articles."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from communique.errors import FetchError, SourcesError
from communique.model import Article, Doc
from communique.store import Store
from communique.watch import Fetcher, Source, WatchState, canonical_url, parse_every, parse_sources, poll

Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]

PARAGRAPH = ("Officials from both governments met in the capital on Tuesday to discuss the reopening of the "
             "border crossing, which has been closed to trucks since the spring floods washed out the road. "
             "The talks lasted four hours and ended with a joint statement on a timetable for repairs. ")
OTHER = {  # other stories, with words of their own (near-identical texts are versions of one story)
    "aid": ("A convoy of forty lorries carrying grain and medicine reached the northern province on Friday after "
            "a week of delays at checkpoints. Relief agencies said the supplies would last about a month. "),
    "port": ("The harbour authority reopened the container port on Thursday, ending a strike by dock workers "
             "that had stranded dozens of ships offshore. Shipping firms expect delays to ease within days. "),
    "flaky": ("Lawmakers approved the budget late on Wednesday after a marathon session, sending the bill to the "
              "president, who is expected to sign it before the end of the month. "),
    "slow": ("Heavy rain flooded several districts of the coastal city overnight, and the mayor closed schools "
             "while emergency crews pumped water from the streets. "),
    "new": ("The central bank kept its main interest rate unchanged on Monday, citing easing inflation and a "
            "stronger currency, and said it would review the decision next quarter. "),
}


class Server:
    """A loopback HTTP server whose paths answer from ``routes``; every request is logged."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                outer.log.append((self.path, dict(self.headers)))
                route = outer.routes.get(self.path)
                status, headers, body = route(self) if route else (404, {}, b"not here")
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def paths(self) -> list[str]:
        return [p for p, _ in self.log]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    s.routes["/robots.txt"] = lambda h: (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private\n")
    yield s
    s.close()


def fetcher(**kw: Any) -> Fetcher:
    return Fetcher(min_interval=0.0, backoff=0.0, timeout=kw.pop("timeout", 5.0), sleep=lambda s: None, **kw)


def page(title: str, body: str) -> Route:
    html = (f"<html><head><title>{title}</title></head><body><nav>Home | World</nav><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</article><footer>Copyright</footer></body></html>")
    return lambda h: (200, {"Content-Type": "text/html; charset=utf-8"}, html.encode())


def rss(items: list[tuple[str, str, str]], *, etag: str | None = None) -> Route:
    """A feed of (link, title, description) items; with ``etag``, answers 304 to a request that has it."""
    when = format_datetime(dt.datetime(2025, 11, 17, 8, 0, tzinfo=dt.UTC))
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
            + "".join(f"<item><link>{link}</link><title>{t}</title><pubDate>{when}</pubDate>"
                      f"<description>{d}</description></item>" for link, t, d in items)
            + "</channel></rss>").encode()

    def route(h: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        if etag and h.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "application/rss+xml", **({"ETag": etag} if etag else {})}, body
    return route


def stub(articles: list[Article]) -> Iterator[Doc]:
    """The analysis stand-in: no NLP, the article as it came."""
    for a in articles:
        yield Doc(a)


def stored_urls(store: Store) -> list[str]:
    return sorted(r[0] for r in store.conn.execute("SELECT url FROM articles").fetchall())


# -- pure parts ---------------------------------------------------------------------------------------------


def test_canonical_url() -> None:
    assert canonical_url("HTTPS://News.Example:443/a/b/?utm_source=x&id=3&fbclid=z#top") == \
        "https://news.example/a/b?id=3"
    assert canonical_url("http://news.example:8080/") == "http://news.example:8080/"
    assert canonical_url("http://news.example") == "http://news.example/"


def test_sources_file() -> None:
    got = parse_sources("# wires\nhttps://a.example/rss  Alpha Wire\n\nhttps://b.example/x.html\nhttps://a.example/rss\n")
    assert got == [Source("https://a.example/rss", "Alpha Wire", "<sources>:2"),
                   Source("https://b.example/x.html", None, "<sources>:4")]
    with pytest.raises(SourcesError, match=r"^feeds.txt:2: not an http\(s\) URL: 'ftp://x'"):
        parse_sources("https://a.example/rss\nftp://x\n", where="feeds.txt")


def test_every() -> None:
    assert [parse_every(v) for v in ("15m", "1h", "90s", "2")] == [900.0, 3600.0, 90.0, 120.0]
    for bad in ("soon", "5s", "-1m"):
        with pytest.raises(ValueError):
            parse_every(bad)


# -- against the server ---------------------------------------------------------------------------------


def test_feed_that_changes_between_polls_and_a_restart(server: Server, tmp_path: Path) -> None:
    b = server.base
    server.routes["/a1"] = page("Border talks", PARAGRAPH * 2)
    server.routes["/a2"] = page("Aid convoy", OTHER["aid"] * 2)
    server.routes["/feed"] = rss([(f"{b}/a1?utm_source=rss", "Border talks", "short"), (f"{b}/a2", "Aid convoy", "x")])
    db = tmp_path / "w.duckdb"
    src = [Source(f"{b}/feed")]
    with Store.open(db) as store:
        s1 = poll(src, fetcher=fetcher(), store=store, analyse=stub, today=dt.date(2025, 11, 17))
        assert (s1.listed, s1.stored, s1.already_seen, s1.errors) == (2, 2, 0, [])
        assert stored_urls(store) == [f"{b}/a1", f"{b}/a2"]
        server.routes["/a3"] = page("Port reopens", OTHER["port"] * 2)
        server.routes["/feed"] = rss([(f"{b}/a3", "Port reopens", "x"), (f"{b}/a1", "Border talks", "short"),
                                      (f"{b}/a2", "Aid convoy", "x")])
        s2 = poll(src, fetcher=fetcher(), store=store, analyse=stub)
        assert (s2.listed, s2.stored, s2.already_seen) == (3, 1, 2)
    fetched_before = server.paths().count("/a1")
    with Store.open(db) as store:  # a restarted watcher: nothing lost, nothing repeated
        s3 = poll(src, fetcher=fetcher(), store=store, analyse=stub)
        assert (s3.stored, s3.already_seen, s3.duplicates) == (0, 3, 0)
        assert len(stored_urls(store)) == 3
        [row] = WatchState(store.conn).sources()
        assert (row["polls"], row["stored"], row["last_status"]) == (3, 3, 200)
    assert server.paths().count("/a1") == fetched_before
    [art] = [a for a in [Store.open(db).article(i) for i in Store.open(db).article_ids()] if a and a.url == f"{b}/a1"]
    assert art.published == dt.date(2025, 11, 17) and art.outlet == "Test Wire"


def test_not_modified_feed_is_not_parsed_again(server: Server) -> None:
    b = server.base
    server.routes["/a1"] = page("Border talks", PARAGRAPH * 2)
    server.routes["/feed"] = rss([(f"{b}/a1", "Border talks", "x")], etag='"v1"')
    with Store.memory() as store:
        poll([Source(f"{b}/feed")], fetcher=fetcher(), store=store, analyse=stub)
        s = poll([Source(f"{b}/feed")], fetcher=fetcher(), store=store, analyse=stub)
    assert (s.not_modified, s.listed, s.stored) == (1, 0, 0)
    feed_requests = [h for p, h in server.log if p == "/feed"]
    assert feed_requests[1].get("If-None-Match") == '"v1"' and "communique/" in feed_requests[1]["User-Agent"]


def test_slow_failing_and_redirecting_hosts(server: Server) -> None:
    b = server.base
    calls = {"flaky": 0}

    def flaky(h: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        calls["flaky"] += 1
        return (503, {}, b"busy") if calls["flaky"] <= 2 else page("Flaky", OTHER["flaky"] * 2)(h)

    def slow(h: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        time.sleep(1.5)
        return page("Slow", OTHER["slow"] * 2)(h)

    server.routes["/flaky"] = flaky
    server.routes["/slow"] = slow
    server.routes["/old"] = lambda h: (301, {"Location": f"{b}/new"}, b"")
    server.routes["/new"] = page("Moved", OTHER["new"] * 2)
    server.routes["/gone"] = lambda h: (410, {}, b"gone")
    server.routes["/feed"] = rss([(f"{b}/{p}", p, "x") for p in ("flaky", "slow", "old", "gone")])
    with Store.memory() as store:
        s = poll([Source(f"{b}/feed")], fetcher=fetcher(timeout=1.0, retries=2), store=store, analyse=stub)
        assert (s.stored, s.failed, s.retry_later) == (2, 1, 1)
        assert calls["flaky"] == 3  # two 503s retried
        assert sorted(e.split(": ", 1)[1] for e in s.errors) == ["HTTP 410", "timed out after 1 s (after 3 tries)"]
        assert set(stored_urls(store)) == {f"{b}/flaky", f"{b}/old"}  # the item's URL, fetched through the redirect
        server.routes["/slow"] = page("Slow", OTHER["slow"] * 2)
        s2 = poll([Source(f"{b}/feed")], fetcher=fetcher(), store=store, analyse=stub)
        assert (s2.stored, s2.already_seen) == (1, 3)  # the time-out was retried; the 410 was not


def test_robots_txt_is_honoured(server: Server) -> None:
    b = server.base
    server.routes["/private/a"] = page("Secret", PARAGRAPH * 2)
    long_summary = " ".join(["word"] * 60)
    server.routes["/feed"] = rss([(f"{b}/private/a", "Secret", "x"), (f"{b}/private/b", "Summary only", long_summary)])
    with Store.memory() as store:
        s = poll([Source(f"{b}/feed")], fetcher=fetcher(), store=store, analyse=stub)
    assert "/private/a" not in server.paths() and "/private/b" not in server.paths()
    assert (s.failed, s.stored) == (1, 1)  # the feed's own 60-word text stands in for the disallowed page
    assert s.errors == [f"{b}/private/a: robots.txt disallows it"]


def test_same_story_at_two_urls_is_stored_once(server: Server) -> None:
    b = server.base
    server.routes["/a"] = page("Border talks", PARAGRAPH * 2)
    server.routes["/b"] = page("Border talks", PARAGRAPH * 2)
    server.routes["/feed"] = rss([(f"{b}/a", "Border talks", "x"), (f"{b}/b", "Border talks", "x")])
    with Store.memory() as store:
        s = poll([Source(f"{b}/feed"), Source(f"{b}/a")], fetcher=fetcher(), store=store, analyse=stub)
        assert (s.stored, s.duplicates, s.already_seen) == (1, 1, 1)


def test_rate_limit_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(round(s, 3))
        now[0] += s

    f = Fetcher(min_interval=2.0, clock=lambda: now[0], sleep=sleep)
    f._wait_turn("http://a.example")
    now[0] += 0.5
    f._wait_turn("http://a.example")
    f._wait_turn("http://b.example")
    assert slept == [1.5]
    f.close()


def test_unreachable_host_is_one_error(server: Server) -> None:
    with Store.memory() as store:
        s = poll([Source("http://127.0.0.1:9/feed")], fetcher=fetcher(timeout=1.0, retries=0), store=store,
                 analyse=stub)
    assert s.sources_failed == 1 and len(s.errors) == 1 and s.errors[0].startswith("http://127.0.0.1:9/feed: ")
    with pytest.raises(FetchError):
        fetcher(retries=0).get("http://127.0.0.1:9/x")


def test_ten_thousand_items_read_and_deduplicated(server: Server) -> None:
    b = server.base
    # 10,000 entries: 1,000 distinct links (each listed again with tracking parameters or a fragment),
    # 800 distinct stories (200 of them again under a second link)
    items = []
    for i in range(10_000):
        n = i % 1000
        link = f"{b}/s/{n}" + ("" if i < 1000 else f"?utm_medium=feed&utm_id={i}" if i % 2 else f"#c{i}")
        text = f"Report number {n % 800} says " + "the delegations met again and agreed to continue. " * 9
        items.append((link, f"Story {n % 800}", text))
    server.routes["/big"] = rss(items)
    with Store.memory() as store:
        big = fetcher(max_bytes=50_000_000)
        s = poll([Source(f"{b}/big")], fetcher=big, store=store, analyse=stub, full_text_words=50)
        assert (s.listed, s.already_seen, s.duplicates, s.stored, s.errors) == (10_000, 9000, 200, 800, [])
        assert not any(p.startswith("/s/") for p in server.paths())  # full texts came from the feed
        again = poll([Source(f"{b}/big")], fetcher=big, store=store, analyse=stub, full_text_words=50)
        assert (again.already_seen, again.stored) == (10_000, 0)


def test_end_to_end_with_the_real_pipeline(server: Server, pipeline: Any) -> None:
    from communique.api import analyze_articles

    b = server.base
    text = ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday to "
            "discuss the disputed border.\n\nThe two leaders agreed to set up a joint commission, officials said.")
    server.routes["/ke"] = page("Ruto meets Abiy", text)
    with Store.memory() as store:
        s = poll([Source(f"{b}/ke", "Test Daily")], fetcher=fetcher(), store=store,
                 analyse=lambda arts: analyze_articles(arts, pipeline=pipeline), today=dt.date(2025, 11, 17))
        assert s.stored == 1
        rows = store.events()
    assert any(r["cameo"].startswith("04") for r in rows)
