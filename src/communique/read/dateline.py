"""Wire datelines: ``BERLIN (Reuters) -``, ``KYIV, Ukraine, June 13 (AP) —``, ``LONDON, 13 June:``.

A dateline opens a wire report and names where (and sometimes when) it was filed.  It is not part of the
first sentence: its place is the filing place, never an actor or the place of an event; a dated dateline
("June 13") says when the report was filed.  ``find_dateline(text)`` is a pure function over the article
body; every offset is a character offset into that text.

Recognised at the very start of the text (after blank space): a place in capitals, or in title case when a
date or an agency follows, optionally a region or country after a comma, optionally a date (``June 13``,
``13 June``, ``Jun. 13, 2025``), optionally an agency in brackets, then a dash (``-``, ``--``, en or em dash)
or a colon.  A place in title case with nothing after it but a dash is not taken (``Merz - who ...``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Span

__all__ = ["DatelineMatch", "find_dateline"]

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?" \
         r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]*(?:\s[A-Z][A-Z.'’\-]*){0,3}"
_TITLE_PLACE = r"[A-Z][a-z.'’\-]+(?:\s[A-Z][a-z.'’\-]+){0,3}"
_PATTERN = re.compile(
    rf"\A\s*(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})"
    rf"(?:,\s*(?P<region>[A-Z][A-Za-z.'’\-]+(?:\s[A-Z][A-Za-z.'’\-]+){{0,2}})(?=\s*[,(\-—–:]))?"
    rf"(?:,\s*(?P<date>(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))"
    rf"(?:,?\s+(?P<year>\d{{4}}))?)?"
    rf"\s*(?:\((?P<outlet>[A-Z][\w .&'’\-]{{0,40}})\))?"
    rf"\s*(?P<dash>—|–|--|-|:)\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """A recognised dateline: ``span`` is the whole of it (separator and following space included),
    ``place`` the filing place (``region`` its region or country when given), ``date`` the written date and
    ``value`` that date resolved against ``published`` (``None`` when undated or no year is known), ``outlet``
    the agency in brackets."""

    span: Span
    place: Span
    region: Span | None
    date: Span | None
    value: dt.date | None
    outlet: Span | None


def find_dateline(text: str, *, published: dt.date | None = None) -> DatelineMatch | None:
    """The dateline opening ``text``, or ``None``.  A written date without a year takes the year of
    ``published`` (the year before when that would put it more than a month after publication)."""
    m = _PATTERN.match(text)
    if m is None:
        return None
    place = m.group("place")
    caps = place.upper() == place and sum(c.isalpha() for c in place) >= 2
    if not caps and not (m.group("date") or m.group("outlet")):
        return None
    if m.group("dash") == ":" and not caps:
        return None

    def span(name: str) -> Span | None:
        return None if m.group(name) is None else Span(m.start(name), m.end(name))

    value = None
    if m.group("date"):
        month = _MONTHS[(m.group("m1") or m.group("m2"))[:3].lower()]
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("year")) if m.group("year") else (published.year if published else None)
        if year is not None:
            try:
                value = dt.date(year, month, day)
            except ValueError:
                value = None
            if value is not None and not m.group("year") and published and value > published + dt.timedelta(31):
                value = value.replace(year=year - 1)
    place_span = span("place")
    assert place_span is not None
    return DatelineMatch(Span(m.start("place"), m.end()), place_span, span("region"), span("date"), value,
                         span("outlet"))
