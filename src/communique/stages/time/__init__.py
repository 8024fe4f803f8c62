"""Time expressions: find them, resolve them to calendar dates, say how.

:func:`extract` is pure: text, optional spaCy DATE entities and the publication
date in, a list of :class:`~communique.model.Timex` out.  Our own patterns find
what the resolver understands (stated dates, "yesterday", weekday names, "the
previous day", "two weeks ago", ...); spaCy DATE entities that none of them
covers are kept as undated timexes unless they are durations ("a 13-year
hiatus", "decades"), which are dropped.

Three kinds of expression, resolved against different bases:

* *stated* dates ("November 16", "Nov. 16, 2024", "2024-03-01", "March 2023",
  "in 2019").  A date without a year takes the publication year, moved back a
  year when that would put it more than two months after publication.
* *deictic* ones ("yesterday", "on Monday", "last month", "three days ago")
  count from the publication date: they are the reporter's here and now.
* *anaphoric* ones ("the previous day", "two days later", "that day") count
  from the anchor: the last day-precision date stated earlier in the text
  (``Timex.anchor`` is its index), else the publication date.

A value's precision says how to read it: ``day``, ``month`` (value is the 1st),
``year`` (value is 1 January), ``on_or_before`` (weeks, "a few days ago"...: the
event is on or before the value), ``on_or_after`` ("in the near future": on or after
publication, TimeML ``FUTURE_REF``) or ``unknown`` (no value).

:func:`event_date` picks the date of an event from the timexes of its sentence.

The package: ``expressions`` finds candidates (our patterns, spaCy DATE entities; ``periods`` reads seasons,
quarters, decades, centuries, ranges and years said in words; ``references`` reads the ones
that name no calendar date outright: "now", "recently", "in the near future", "over the weekend", holidays),
``resolve`` turns them into values (:func:`extract`), ``earnings`` re-reads an earnings report's periods as
quarters, ``cues`` decides whether a year-less date or a weekday looks forward, ``patterns`` holds the patterns
and tables, ``event_dates`` dates events (:func:`event_date`).
"""

from __future__ import annotations

from ...model import Doc
from ...pipeline import stage
from .event_dates import event_date
from .resolve import extract

__all__ = ["TimeStage", "date_entities", "event_date", "extract"]


def date_entities(sdoc: object) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of the DATE entities of a spaCy Doc (nothing when there is no parse)."""
    ents = getattr(sdoc, "ents", None) or ()
    return [(e.start_char, e.end_char, e.label_) for e in ents if e.label_ == "DATE"]


@stage("communique.time.v1", requires=["nlp", "sentences"], assigns=["timexes"])
class TimeStage:
    def __call__(self, doc: Doc) -> Doc:
        doc.timexes = extract(doc.text, ents=date_entities(doc.nlp), published=doc.article.published)
        return doc
