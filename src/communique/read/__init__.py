"""Readers: plain text, HTML, JSONL and RSS/Atom feeds -> :class:`Article`.

``read_path`` yields one item per article found under a path; an unreadable
file or record yields an :class:`~communique.errors.InputError` in its place
so that one bad input never loses the others.  Every article passes
:func:`~communique.read.validate.check_article` (field types, encoding, date
range, the :data:`~communique.read.validate.MAX_CHARS` length limit) before it
is yielded.

Memory: a JSONL file is read line by line, so a file of any number of records
costs one record at a time; a folder is walked lazily.  Plain text, HTML and
feed files are read whole (one article, or one feed, at a time).

Encodings: UTF-8 (with or without a byte-order mark), and UTF-16 or UTF-32
with a byte-order mark.  UTF-16 without one is recognised and rejected with
that reason rather than being called binary.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import BinaryInput, CommuniqueError, EmptyInput, EncodingError, InputError, InputMissing, one_line
from ..model import Article
from .article import make_article, normalise, parse_date, split_headline
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .validate import MAX_CHARS, check_article

__all__ = ["MAX_CHARS", "SUFFIXES", "make_article", "normalise", "parse_date", "read_file", "read_path",
           "split_headline"]

SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
            ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".rss": "feed", ".atom": "feed",
            ".xml": "feed"}

# longest BOMs first: UTF-32-LE's starts with UTF-16-LE's
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _encoding(head: bytes, path: str) -> str:
    """The encoding of a file starting with ``head`` (its first 8 KiB); raises for binary data."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head:
        if _looks_like_utf16(head):
            raise EncodingError(path, 0, "looks like UTF-16 without a byte-order mark; re-save it as UTF-8")
        raise BinaryInput(path)
    return "utf-8"


def _looks_like_utf16(head: bytes) -> bool:
    """Text in UTF-16 (either byte order) without a byte-order mark: decodes to mostly printable text."""
    if len(head) < 32:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = head[: len(head) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        if sum(c.isprintable() or c in "\n\r\t" for c in text) >= 0.95 * len(text):
            return True
    return False


def _decode(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInput(str(path))
    enc = _encoding(data[:8192], str(path))
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise EncodingError(str(path), exc.start, encoding=enc) from None
    if not text.strip():
        raise EmptyInput(str(path))
    return text


def _lines(path: Path) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text or error) of each line of a text file, read lazily; a line that is not valid in
    the file's encoding is an error of its own."""
    src = str(path)
    with path.open("rb") as f:
        head = f.read(8192)
        if not head.strip():
            yield 0, EmptyInput(src)
            return
        enc = _encoding(head, src)
        f.seek(0)
        if enc != "utf-8" and enc != "utf-8-sig":
            try:
                for n, line in enumerate(io.TextIOWrapper(f, encoding=enc, newline=None), 1):
                    yield n, line
            except UnicodeDecodeError as exc:
                yield 0, EncodingError(src, exc.start, encoding=enc)
            return
        for n, raw in enumerate(f, 1):
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield n, EncodingError(f"{src}:{n}", exc.start)


_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})[-_ ]")


def read_file(path: Path, **defaults: object) -> Iterator[Article | InputError]:
    """Articles in one file; ``defaults`` (published=, outlet=) fill what the file lacks.

    A file whose name starts with an ISO date ("2024-03-14-talks.txt") is taken to be published that day
    (a ``published`` default given by the caller wins).
    """
    dated = _DATED_NAME.match(path.name)
    if dated and not defaults.get("published"):
        try:
            defaults = {**defaults, "published": parse_date(dated.group(1))}
        except CommuniqueError:
            pass  # a name like 2024-99-99-x.txt is simply not dated
    items = _read_file(path, **defaults)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - a reader's own failure costs this file only, and is named
            yield InputError(str(path), f"cannot read: {type(exc).__name__}: {one_line(exc, 160)}")
            return
        if isinstance(item, Article):
            problem = check_article(item)
            yield problem if problem is not None else item
        else:
            yield item


def _read_file(path: Path, **defaults: object) -> Iterator[Article | InputError]:
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    src = str(path)
    if kind == "jsonl":
        yield from read_jsonl(_lines(path), source_path=src, **defaults)  # type: ignore[arg-type]
        return
    try:
        raw = _decode(path)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(src, f"cannot read: {exc.strerror or exc}")
        return
    if kind == "text" and raw.lstrip().startswith("<") and "<html" in raw[:2000].lower():
        kind = "html"
    if kind == "feed" and not raw.lstrip().startswith("<"):
        kind = "text"
    if kind == "feed":
        yield from read_feed(raw, source_path=src, **defaults)  # type: ignore[arg-type]
    elif kind == "html":
        yield read_html(raw, source_path=src, **defaults)  # type: ignore[arg-type]
    else:
        try:
            yield make_article(raw, split_title=True, source_path=src, **defaults)  # type: ignore[arg-type]
        except InputError as exc:
            yield exc


def read_path(path: str | Path, **defaults: object) -> Iterator[Article | InputError]:
    """Every article in a file, or in the readable files of a folder (recursively, sorted, walked lazily)."""
    p = Path(path)
    if not p.exists():
        yield InputMissing(str(p))
        return
    if p.is_dir():
        for f in _walk(p):
            yield from read_file(f, **defaults)
        return
    yield from read_file(p, **defaults)


def _walk(folder: Path) -> Iterator[Path]:
    """Readable files under ``folder``, depth first, each folder's entries sorted by name."""
    try:
        # by name, a folder as its name plus "/": the order of sorting the full paths
        entries = sorted(folder.iterdir(), key=lambda q: q.name + "/" if q.is_dir() else q.name)
    except OSError:
        return
    for q in entries:
        if q.is_dir() and not q.is_symlink():
            yield from _walk(q)
        elif q.is_file() and q.suffix.lower() in SUFFIXES:
            yield q
