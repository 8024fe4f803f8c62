"""Checks every :class:`Article` a reader makes passes before analysis: types, encoding, ranges, length.

Readers turn files into articles; a file can still carry values no stage should see: a title that is a
number, an outlet that is a list, a text with NUL bytes or lone UTF-16 surrogates (which cannot be stored
as UTF-8), a publication date in the year 3000, or a text longer than the parser accepts.  Each becomes
one :class:`~communique.errors.InputError` naming the item and the field.
"""

from __future__ import annotations

import datetime as dt

from ..errors import InputError, RecordError, TooLong
from ..model import Article

__all__ = ["EARLIEST", "MAX_CHARS", "MAX_OUTLET", "MAX_TITLE", "MAX_URL", "bad_chars", "check_article"]

#: Longest article text analysed, in characters (5 MB of ASCII).  Texts over spaCy's own ``max_length``
#: (1,000,000) are parsed in pieces cut at paragraph breaks (:mod:`communique.stages.nlp`); longer texts
#: than this are rejected with :class:`~communique.errors.TooLong` (split them into smaller articles).
MAX_CHARS = 5_000_000
#: Longest title, URL and outlet name accepted, in characters.
MAX_TITLE = 1_000
MAX_URL = 2_048
MAX_OUTLET = 300
#: Earliest publication date accepted; the latest is two days after today (time zones).
EARLIEST = dt.date(1800, 1, 1)


def bad_chars(value: str) -> str | None:
    """Why ``value`` cannot be stored as text (NUL characters, unpaired surrogates), or None."""
    if "\x00" in value:
        return "contains NUL characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"contains an unpaired surrogate at character {exc.start} (not valid Unicode)"
    return None


def check_article(article: Article, where: str | None = None) -> InputError | None:
    """The first problem with ``article``'s fields, as an error naming ``where`` (else its source), or None."""
    at = where or article.source_path or article.id
    if not isinstance(article.text, str):
        return RecordError(at, f"'text' must be a string, not {type(article.text).__name__}")
    if len(article.text) > MAX_CHARS:
        return TooLong(at, len(article.text), MAX_CHARS)
    for name, value, limit in (("text", article.text, None), ("title", article.title, MAX_TITLE),
                               ("url", article.url, MAX_URL), ("outlet", article.outlet, MAX_OUTLET)):
        if value is None:
            continue
        if not isinstance(value, str):
            return RecordError(at, f"{name!r} must be a string, not {type(value).__name__}")
        if limit is not None and len(value) > limit:
            return RecordError(at, f"{name!r} is {len(value):,} characters, over the limit of {limit:,}")
        if (problem := bad_chars(value)) is not None:
            return RecordError(at, f"{name!r} {problem}")
        if name in ("url", "outlet") and "\n" in value:
            return RecordError(at, f"{name!r} must be one line")
    if article.url is not None and any(c.isspace() for c in article.url):
        return RecordError(at, f"'url' must not contain spaces: {article.url[:80]!r}")
    day = article.published
    if day is not None:
        if not isinstance(day, dt.date):
            return RecordError(at, f"'published' must be a date, not {type(day).__name__}")
        latest = dt.date.today() + dt.timedelta(days=2)
        if not EARLIEST <= day <= latest:
            return RecordError(at, f"'published' {day.isoformat()} is out of range ({EARLIEST.isoformat()} to "
                                   f"{latest.isoformat()})")
    return None
