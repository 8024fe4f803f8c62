"""Readers: plain text, HTML, JSONL and RSS/Atom feeds -> :class:`Article`.

``read_path`` yields one item per article found under a path; an unreadable
file or record yields an :class:`~communique.errors.InputError` in its place
so that one bad input never loses the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import BinaryInput, EmptyInput, EncodingError, InputError, InputMissing
from ..model import Article
from .article import make_article, normalise, parse_date, split_headline
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl

__all__ = ["make_article", "normalise", "parse_date", "read_path", "read_file", "split_headline", "SUFFIXES"]

SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
            ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".rss": "feed", ".atom": "feed",
            ".xml": "feed"}


def _decode(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInput(str(path))
    if b"\x00" in data[:8192]:
        raise BinaryInput(str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(str(path), exc.start) from None


_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})[-_ ]")


def read_file(path: Path, **defaults: object) -> Iterator[Article | InputError]:
    """Articles in one file; ``defaults`` (published=, outlet=) fill what the file lacks.

    A file whose name starts with an ISO date ("2024-03-14-talks.txt") is taken to be published that day
    (a ``published`` default given by the caller wins).
    """
    dated = _DATED_NAME.match(path.name)
    if dated and not defaults.get("published"):
        defaults = {**defaults, "published": dated.group(1)}
    try:
        raw = _decode(path)
    except InputError as exc:
        yield exc
        return
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "text" and raw.lstrip().startswith("<") and "<html" in raw[:2000].lower():
        kind = "html"
    if kind == "feed" and not raw.lstrip().startswith("<"):
        kind = "text"
    src = str(path)
    if kind == "jsonl":
        yield from read_jsonl(raw, source_path=src, **defaults)  # type: ignore[arg-type]
    elif kind == "feed":
        yield from read_feed(raw, source_path=src, **defaults)  # type: ignore[arg-type]
    elif kind == "html":
        yield read_html(raw, source_path=src, **defaults)  # type: ignore[arg-type]
    else:
        try:
            yield make_article(raw, split_title=True, source_path=src, **defaults)  # type: ignore[arg-type]
        except InputError as exc:
            yield exc


def read_path(path: str | Path, **defaults: object) -> Iterator[Article | InputError]:
    """Every article in a file, or in the readable files of a folder (recursively, sorted)."""
    p = Path(path)
    if not p.exists():
        yield InputMissing(str(p))
        return
    if p.is_dir():
        for f in sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES):
            yield from read_file(f, **defaults)
        return
    yield from read_file(p, **defaults)
