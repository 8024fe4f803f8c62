"""The watcher's sources file: one URL a line, a feed (RSS/Atom) or an article page.

Format (UTF-8 text)::

    # comments and blank lines are ignored
    https://news.example/world/rss.xml              a feed: its entries are the articles
    https://news.example/2025/11/17/talks.html      an article page (a "URL list" is just such lines)
    https://wire.example/feed.atom  Example Wire    text after the URL names the outlet

Whether a URL is a feed or a page is decided by what it serves (``Content-Type`` and the first bytes),
not by its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import SourcesError


@dataclass(frozen=True)
class Source:
    """One line of the sources file: ``url``, an optional ``outlet`` name, and where it was (``file:line``)."""

    url: str
    outlet: str | None = None
    where: str = ""


def parse_sources(text: str, *, where: str = "<sources>") -> list[Source]:
    """Sources in the order given, duplicates dropped. Raises :class:`SourcesError` naming the line of the
    first line that is not an http(s) URL."""
    out: list[Source] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url, _, outlet = line.partition(" ")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SourcesError(f"{where}:{n}", f"not an http(s) URL: {url[:80]!r}")
        if url in seen:
            continue
        seen.add(url)
        out.append(Source(url, outlet.strip() or None, f"{where}:{n}"))
    return out


def read_sources(path: str | Path) -> list[Source]:
    """:func:`parse_sources` over a file. Raises :class:`SourcesError` when it is missing, unreadable, not
    UTF-8, or holds no URL."""
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except FileNotFoundError:
        raise SourcesError(str(p), "no such sources file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(str(p), f"cannot read it ({exc.__class__.__name__})") from None
    sources = parse_sources(text, where=str(p))
    if not sources:
        raise SourcesError(str(p), "no feed or article URL in it")
    return sources
