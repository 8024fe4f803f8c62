"""One poll of the watcher: fetch every source, find the articles not seen before, analyse and store them.

For each source (:mod:`.sources`) the poll

1. sends a conditional GET with the validators the store remembers (304: nothing new, nothing parsed);
2. reads a feed's entries with feedparser, or takes a page as one article;
3. drops entries whose canonical URL (:func:`.fetch.canonical_url`) was settled by an earlier poll;
4. takes an entry's text from the feed when the feed carries the full article (at least
   :data:`FULL_TEXT_WORDS` words), and otherwise fetches the page and extracts its main text with
   trafilatura (:func:`communique.read.html.read_html`); when the page cannot be had for good (a 4xx,
   robots.txt), a feed text of at least :data:`MIN_FEED_WORDS` words stands in for it;
5. drops articles whose content hash (the article id) is already stored, however they were reached;
6. analyses the rest in one batch with the ``analyse`` service and stores them.

Every settled URL is recorded in the store (:class:`.state.WatchState`), so a restarted watcher loses and
repeats nothing. Dates: an entry's own date, else the page's, else the poll's day (UTC).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import CommuniqueError, FetchError, InputError
from ..model import Article, Doc
from ..read.article import make_article
from ..read.feed import plain_text
from ..read.html import read_html
from .fetch import Fetched, Fetcher, canonical_url
from .sources import Source
from .state import Validators, WatchState

FULL_TEXT_WORDS = 150
MIN_FEED_WORDS = 40


@dataclass
class PollSummary:
    """What one poll did: counts of sources and items, and one line per error (``url: reason``)."""

    sources: int = 0
    sources_failed: int = 0
    not_modified: int = 0
    listed: int = 0
    already_seen: int = 0
    duplicates: int = 0
    stored: int = 0
    failed: int = 0
    retry_later: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.sources} source(s), {self.not_modified} unchanged; {self.listed} item(s) listed, "
                f"{self.already_seen} seen before, {self.duplicates} duplicate(s), {self.stored} stored, "
                f"{self.failed} failed, {self.retry_later} to retry; {len(self.errors)} error(s)")


@dataclass
class _Item:
    url: str
    source: Source
    title: str | None = None
    published: dt.date | None = None
    feed_html: str = ""
    page: Fetched | None = None
    outlet: str | None = None


def is_feed(fetched: Fetched) -> bool:
    """Whether an answer is an RSS/Atom feed (by ``Content-Type``, else by its first element)."""
    ctype = fetched.content_type.lower()
    if any(k in ctype for k in ("rss", "atom")) or ("xml" in ctype and "xhtml" not in ctype):
        return True
    head = fetched.text[:2000].lstrip().lower()
    return head.startswith(("<rss", "<feed", "<rdf")) or (head.startswith("<?xml") and
                                                         any(t in head for t in ("<rss", "<feed", "<rdf")))


def _entry_date(entry: Any) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None


def _items(source: Source, fetched: Fetched) -> list[_Item]:
    if not is_feed(fetched):
        return [_Item(canonical_url(fetched.url), source, page=fetched, outlet=source.outlet)]
    import feedparser

    parsed = feedparser.parse(fetched.text)
    outlet = source.outlet or parsed.feed.get("title") or None
    out = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        content = entry.get("content")
        html = content[0].get("value", "") if content else entry.get("summary", "")
        out.append(_Item(canonical_url(link), source, entry.get("title"), _entry_date(entry), html or "",
                         outlet=outlet))
    return out


def _words(html: str) -> int:
    return len(plain_text(html).split()) if html else 0


def _from_feed(item: _Item, today: dt.date) -> Article:
    return make_article(plain_text(item.feed_html), title=item.title, published=item.published or today,
                        url=item.url, outlet=item.outlet, source_path=item.url)


def _article(item: _Item, fetcher: Fetcher, today: dt.date, full: int = FULL_TEXT_WORDS) -> Article:
    """The article behind an item; raises :class:`FetchError` (``transient`` when worth retrying) or
    :class:`InputError`."""
    if item.page is None and _words(item.feed_html) >= full:
        return _from_feed(item, today)
    page = item.page
    if page is None:
        try:
            page = fetcher.get(item.url)
        except FetchError as exc:
            if not exc.transient and _words(item.feed_html) >= MIN_FEED_WORDS:
                return _from_feed(item, today)
            raise
    got = read_html(page.text, source_path=item.url, url=item.url, outlet=item.outlet,
                    **({"published": item.published} if item.published else {}))
    if isinstance(got, InputError):
        if _words(item.feed_html) >= MIN_FEED_WORDS:
            return _from_feed(item, today)
        raise got
    if got.published is None:
        got.published = today
    if item.title and not got.title:
        got.title = item.title
    return got


def poll(
    sources: Iterable[Source],
    *,
    fetcher: Fetcher,
    store: Any,
    analyse: Callable[[list[Article]], Iterable[Doc]],
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
    full_text_words: int = FULL_TEXT_WORDS,
) -> PollSummary:
    """Poll every source once (see the module docstring). ``store`` is a :class:`communique.store.Store`
    (its ``conn`` holds the watch state); ``analyse`` turns articles into analysed docs (the pipeline's
    ``pipe``, or a stub in tests). A feed entry of at least ``full_text_words`` words is taken as the full
    article. Errors of one source or item are recorded in the summary, one line each, and never stop the
    poll."""
    day = today or dt.datetime.now(dt.UTC).date()
    state = WatchState(store.conn)
    summary = PollSummary()
    fetcher.forget_robots()
    for source in sources:
        summary.sources += 1
        v = state.validators(source.url)
        try:
            fetched = fetcher.get(source.url, etag=v.etag, last_modified=v.last_modified)
        except FetchError as exc:
            summary.errors.append(str(exc))
            summary.sources_failed += 1
            state.polled(source.url, status=None, error=exc.problem)
            continue
        if fetched.status == 304:
            summary.not_modified += 1
            state.polled(source.url, status=304)
            continue
        items = _items(source, fetched)
        summary.listed += len(items)
        seen = state.seen([i.url for i in items])
        fresh: dict[str, _Item] = {}
        for item in items:
            if item.url in seen or item.url in fresh:
                summary.already_seen += 1
            else:
                fresh[item.url] = item
        stored = _settle(list(fresh.values()), fetcher=fetcher, store=store, state=state, analyse=analyse,
                         day=day, summary=summary, progress=progress, full=full_text_words)
        state.polled(source.url, status=fetched.status, validators=Validators(fetched.etag, fetched.last_modified),
                     stored=stored)
    return summary


def _settle(items: list[_Item], *, fetcher: Fetcher, store: Any, state: WatchState,
            analyse: Callable[[list[Article]], Iterable[Doc]], day: dt.date, summary: PollSummary,
            progress: Callable[[str], None] | None, full: int) -> int:
    got: list[tuple[_Item, Article]] = []
    marks: list[tuple[str, str, str | None, str | None, str | None]] = []  # settled URLs, written at the end
    for item in items:
        try:
            got.append((item, _article(item, fetcher, day, full)))
        except FetchError as exc:
            summary.errors.append(str(exc))
            if exc.transient:
                summary.retry_later += 1
            else:
                summary.failed += 1
                marks.append((item.url, "failed", None, exc.problem, item.source.url))
        except CommuniqueError as exc:
            summary.errors.append(f"{item.url}: {str(exc).split(': ', 1)[-1]}")
            summary.failed += 1
            marks.append((item.url, "failed", None, str(exc), item.source.url))
    known = state.stored_ids([a.id for _, a in got])
    todo: dict[str, tuple[_Item, Article]] = {}
    for item, art in got:
        if art.id in known or art.id in todo:
            summary.duplicates += 1
            marks.append((item.url, "duplicate", art.id, None, item.source.url))
        else:
            todo[art.id] = (item, art)
    stored = 0
    for doc in analyse([a for _, a in todo.values()]):
        item, _ = todo.pop(doc.article.id)
        if store.add(doc):  # stored (a newer version of a stored story counts: it replaces it)
            stored += 1
            summary.stored += 1
            marks.append((item.url, "stored", doc.article.id, None, item.source.url))
        else:
            summary.duplicates += 1
            marks.append((item.url, "duplicate", doc.article.id, None, item.source.url))
        if progress:
            progress(item.url)
    for item, art in todo.values():  # the analysis skipped them (the pipeline recorded why)
        summary.failed += 1
        summary.errors.append(f"{item.url}: analysis failed")
        marks.append((item.url, "failed", art.id, "analysis failed", item.source.url))
    # written once per source: after a crash before this line, the stored articles are found again by their
    # content hash at the next poll (settled as duplicates), so nothing is stored twice or lost
    state.mark_many(marks)
    return stored
