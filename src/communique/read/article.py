"""Building an :class:`Article`: normalisation, headline split, content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from ..errors import DateError, EmptyInput
from ..model import Article

_SENT_END = tuple('.!?"”’\'')
_WS = re.compile(r"[ \t\u00a0]+")


def normalise(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip()


def split_headline(raw: str) -> tuple[str | None, str]:
    """Separate a headline from the body of a plain-text report.

    The first paragraph is a headline when it is one line, has no sentence-final
    punctuation, is under 300 characters, and more text follows it.
    """
    text = normalise(raw)
    first, sep, rest = text.partition("\n")
    rest = rest.strip()
    if sep and rest and len(first) < 300 and not first.endswith(_SENT_END):
        return first.strip(), rest
    return None, text


def content_id(title: str | None, body: str) -> str:
    """Hash of the normalised headline and body: the same report always gets the same id."""
    key = (normalise(title or "") + "\n\n" + normalise(body)).casefold()
    key = re.sub(r"\s+", " ", key)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:[Zz]|[+-]\d{2}:?\d{2})?\Z")


def parse_date(value: str | dt.date | None, where: str = "--published") -> dt.date | None:
    """ISO date ``YYYY-MM-DD``, ISO timestamp or RFC 2822 date -> date; ``None`` and ``""`` give ``None``.

    The whole string must be the date (trailing text is an error, never cut off); anything else raises
    :class:`~communique.errors.DateError` naming ``where``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    # the whole string must be a date: "2025-11-17 garbage" or "2015-01-01' OR 1=1 --" is not one
    if _ISO_DAY.match(s):
        try:
            return dt.date.fromisoformat(s)
        except ValueError:
            raise DateError(s, where) from None
    if _ISO_STAMP.match(s):
        try:
            return dt.datetime.fromisoformat(s.replace("Z", "+00:00").replace("z", "+00:00")).date()
        except ValueError:
            raise DateError(s, where) from None
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s).date()  # RFC 2822, as feeds and mail headers give dates
    except (TypeError, ValueError, IndexError, OverflowError):
        raise DateError(s, where) from None


def make_article(
    body: str,
    *,
    title: str | None = None,
    published: str | dt.date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    source_path: str | None = None,
) -> Article:
    text = normalise(body)
    if not text:
        raise EmptyInput(source_path or "<text>")
    title = normalise(title) if title else None
    return Article(
        id=content_id(title, text),
        text=text,
        title=title or None,
        published=parse_date(published),
        url=url,
        outlet=outlet,
        source_path=source_path,
    )
