"""RSS and Atom feeds: one article per entry (summary or content), via feedparser."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..errors import CommuniqueError, InputError, RecordError
from ..model import Article
from .article import make_article

_TAG = re.compile(r"<[^>]+>")


def plain_text(html: str) -> str:
    """Text of an HTML fragment: paragraph and line breaks become blank lines, tags go, entities decode."""
    import html as h

    text = re.sub(r"</p\s*>|<br\s*/?>", "\n\n", html, flags=re.I)
    return h.unescape(_TAG.sub("", text))


def read_feed(raw: str, *, source_path: str | None = None, **defaults: object) -> Iterator[Article | InputError]:
    import feedparser

    parsed = feedparser.parse(raw)
    src = source_path or "<feed>"
    if not parsed.entries:
        yield RecordError(src, "no RSS/Atom entries found")
        return
    outlet = defaults.get("outlet") or parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        content = entry.get("content")
        body = content[0].get("value", "") if content else entry.get("summary", "")
        published = defaults.get("published")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp and not published:
            published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
        try:
            yield make_article(plain_text(body), title=entry.get("title"), published=published,  # type: ignore[arg-type]
                               url=entry.get("link"), outlet=outlet, source_path=f"{src}#{n}")  # type: ignore[arg-type]
        except CommuniqueError as exc:
            yield RecordError(f"{src}#{n}", str(exc).split(": ", 1)[-1])
