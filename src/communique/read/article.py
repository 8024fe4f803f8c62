"""Building an :class:`Article`: headline split, content hash, dates.

The article keeps the text exactly as read: every offset communique reports indexes it. Normalisation
(:func:`normalise`) is only used for the content hash; the parser reads a same-length copy
(:func:`communique.model.parse_copy`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from ..errors import DateError, EmptyInput
from ..model import Article, Span

_SENT_END = tuple('.!?"”’\'')
_WS = re.compile(r"[ \t\u00a0]+")


def normalise(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip()


def headline_spans(raw: str) -> tuple[Span | None, Span]:
    """Where the headline and the body of a plain-text report lie in ``raw`` (character offsets into it).

    The first non-blank line is a headline when it has no sentence-final punctuation, is under 300
    characters, and more text follows it. Returns ``(headline or None, body)``; both spans leave out
    surrounding whitespace.
    """
    lead = len(raw) - len(raw.lstrip())
    end = len(raw.rstrip())
    nl = raw.find("\n", lead)
    if nl != -1 and nl < end:
        line = raw[lead:nl].rstrip()
        rest = raw[nl:end]
        rest_lead = len(rest) - len(rest.lstrip())
        if line and len(line) < 300 and not line.endswith(_SENT_END) and rest.strip():
            return Span(lead, lead + len(line)), Span(nl + rest_lead, end)
    return None, Span(lead, max(lead, end))


def split_headline(raw: str) -> tuple[str | None, str]:
    """Separate a headline from the body of a plain-text report: ``(headline, body)`` as strings.

    The body string is ``raw`` sliced at the body span of :func:`headline_spans`, not normalised.
    """
    head, body = headline_spans(raw)
    return (None if head is None else head.text(raw)), body.text(raw)


def content_id(title: str | None, body: str) -> str:
    """Hash of the normalised headline and body: the same report always gets the same id."""
    key = (normalise(title or "") + "\n\n" + normalise(body)).casefold()
    key = re.sub(r"\s+", " ", key)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def parse_date(value: str | dt.date | None, where: str = "--published") -> dt.date | None:
    """ISO date (or ISO timestamp) -> date; ``None`` passes through; anything else raises DateError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10]) if len(s) >= 10 else dt.date.fromisoformat(s)
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        raise DateError(s, where) from None


def make_article(
    text: str,
    *,
    title: str | None = None,
    published: str | dt.date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    source_path: str | None = None,
    split_title: bool = False,
) -> Article:
    """An :class:`Article` over ``text`` exactly as given (offsets will index it).

    ``split_title=True`` (plain text without a separate title) takes a headline line from the start of
    ``text`` (:func:`headline_spans`), recorded in ``title`` and ``title_span``. When ``title`` is given and
    ``text`` starts with it (an HTML page's repeated headline), that stretch is the ``title_span`` and the
    body follows it. Raises :class:`EmptyInput` when the body is empty; :class:`DateError` on a bad date.
    """
    head: Span | None = None
    if split_title and not title:
        head, body = headline_spans(text)
    else:
        lead = len(text) - len(text.lstrip())
        body = Span(lead, max(lead, len(text.rstrip())))
        if title and title.strip() and text[lead:].startswith(title.strip()):
            t = title.strip()
            rest = text[lead + len(t) : body.end]
            if rest.strip():
                head = Span(lead, lead + len(t))
                body = Span(body.end - len(rest.lstrip()), body.end)
    if not body.text(text).strip():
        raise EmptyInput(source_path or "<text>")
    title = head.text(text) if head is not None and not title else title
    title = normalise(title) if title else None
    return Article(
        id=content_id(title, body.text(text)),
        text=text,
        title=title or None,
        published=parse_date(published),
        url=url,
        outlet=outlet,
        source_path=source_path,
        body=body,
        title_span=head,
    )
