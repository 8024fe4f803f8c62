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


# a text is hard-wrapped (line breaks inside its sentences) when at least this share of its lines after the first,
# and two, open in lower case
WRAPPED_SHARE = 0.25
_LINE_OPEN = re.compile(r"\n[ \t\u00a0\r]*(\S)")


def hard_wrapped(text: str) -> bool:
    """Are ``text``'s lines broken inside sentences (a fixed-width wire or e-mail text), so that a line break is no
    sentence end?  True when two or more lines, and at least :data:`WRAPPED_SHARE` of them, open in lower case."""
    opens = [m.group(1) for m in _LINE_OPEN.finditer(text)]
    lower = sum(1 for c in opens if c.islower())
    return lower >= 2 and lower >= WRAPPED_SHARE * len(opens)


def headline_spans(raw: str) -> tuple[Span | None, Span]:
    """Where the headline and the body of a plain-text report lie in ``raw`` (character offsets into it).

    The first non-blank line is a headline when it is under 300 characters, more text follows it, it is not
    the start of a hard-wrapped text's first sentence (:func:`hard_wrapped`, no blank line after it), and
    it has no sentence-final punctuation or, ending like a sentence, is a short line in title case or
    restating the next paragraph's first sentence, set apart by a blank line. Returns
    ``(headline or None, body)``; both spans leave out surrounding whitespace.
    """
    lead = len(raw) - len(raw.lstrip())
    end = len(raw.rstrip())
    nl = raw.find("\n", lead)
    if nl != -1 and nl < end:
        line = raw[lead:nl].rstrip()
        rest = raw[nl:end]
        rest_lead = len(rest) - len(rest.lstrip())
        # in a hard-wrapped text a first line with no blank line after it is the first sentence's start
        wrapped_on = not re.match(r"[ \t\u00a0\r]*\n[ \t\u00a0\r]*\n", rest) and hard_wrapped(raw)
        if line and len(line) < 300 and rest.strip() and not wrapped_on and (
            not line.endswith(_SENT_END) or _punctuated_headline(line, rest)
        ):
            return Span(lead, lead + len(line)), Span(nl + rest_lead, end)
    return None, Span(lead, max(lead, end))


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL = frozenset(
    "a an and as at but by for from in into of off on or over the to up via vs with".split()
)


def _stems(text: str) -> set[str]:
    return {w[:5].casefold() for w in _WORD.findall(text) if len(w) > 3}


def _punctuated_headline(line: str, rest: str) -> bool:
    """Is a first line that ends like a sentence still a headline?

    Only when a blank line follows it, it is short (at most 20 words), and either it is in title case
    (most words capitalised) or it restates the first sentence of the next paragraph (half or more of
    its words of four letters and more, compared by their first five letters, recur there). A one-line
    first paragraph that says something new stays body.
    """
    if not re.match(r"[ \t\u00a0\r]*\n", rest):
        return False
    words = _WORD.findall(line)
    if not words or len(words) > 20:
        return False
    content = [w for w in words if w.casefold() not in _SMALL]
    if len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.8 * len(content):
        return True
    para = rest.strip().split("\n\n", 1)[0]
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para, maxsplit=1)[0]
    head = _stems(line)
    return len(head) >= 3 and len(head & _stems(first)) >= 0.5 * len(head)


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
