"""The date of an event from the timexes of its sentence (:func:`event_date`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ...model import Doc, EventDate, Span, Timex
from .patterns import _iso

_REPORTED = re.compile(r"(?i)\b(?:first\s+)?report(?:ed|s)?\b")
_REPORTING_VERB = re.compile(r"(?i)\b(?:reported|announced|said|told|confirmed|disclosed|revealed|published)\b")
_CLAUSE_BREAK = re.compile(r";|:|—|–|\s-\s|,\s+(?:while|but|and|whereas|although|after|before|when)\b|\.\s")


def event_date(doc: Doc, *, sentence: int, trigger: Span, refs: Sequence[Span] | None = None) -> EventDate:
    """The date of an event whose trigger is in sentence ``sentence``, from the timexes found there.

    The dated timex nearest the trigger in its own clause wins, preferring one after it; a timex across a
    clause break (";", ", and", ", while", ...) dates the other clause's event, not this one.  A date that
    dates the *reporting* of the event ("first reported ... on November 16") only bounds it: on or before.
    With no date in the sentence: on or before the date the text says it was first reported (only a
    report sentence holding one of ``refs``, the phrases that refer to this event, when given), else on or
    before publication, else unknown.  A timex that only bounds the event ("recently": on or before
    publication) dates it only when nothing more precise does: "X recently led a delegation ..., first reported
    on November 16" is on or before November 16.
    """
    text = doc.text
    published = doc.article.published
    sent = doc.sentences[sentence] if 0 <= sentence < len(doc.sentences) else trigger
    best: tuple[float, Timex] | None = None
    bound: Timex | None = None  # the sentence's first timex that only bounds ("recently")
    for t in _timexes_within(doc, sent):
        if t.value is None or t.precision == "on_or_after":
            continue  # "in the near future" says only that it has not happened yet
        if t.precision == "on_or_before":
            bound = bound or t
            continue
        if t.span.overlaps(trigger):
            score = 0.0
        elif t.span.start >= trigger.end:
            if _CLAUSE_BREAK.search(text, trigger.end, t.span.start):
                continue  # "will fly to France, and officials will meet in Geneva next month": the meeting's date
            score = t.span.start - trigger.end
        else:
            if _CLAUSE_BREAK.search(text, t.span.end, trigger.start):
                continue
            score = 20 + trigger.start - t.span.end
        if best is None or score < best[0]:
            best = (score, t)
    if best is not None:
        t = best[1]
        assert t.value is not None
        lead = text[max(sent.start, t.span.start - 60) : t.span.start]
        verb = _REPORTING_VERB.search(lead)
        if verb and not trigger.overlaps(Span(t.span.start - len(lead) + verb.start(), t.span.start)):
            if t.precision == "day":
                return EventDate(
                    t.value,
                    "on_or_before",
                    f"on or before the date it was {verb.group(0).lower()}: {t.basis}",
                    evidence=t.span,
                )
        return EventDate(t.value, t.precision, t.basis, evidence=t.span)

    for t, where in _reported_days(doc):
        if refs is None or any(where.contains(r) for r in refs):
            return EventDate(
                t.value,
                "on_or_before",
                f"no date stated; on or before it was first reported: {t.basis}",
                evidence=t.span,
            )
    if bound is not None:
        assert bound.value is not None
        return EventDate(bound.value, bound.precision, bound.basis, evidence=bound.span)
    if published is not None:
        return EventDate(published, "on_or_before", f"no date stated; on or before publication ({_iso(published)})")
    return EventDate(None, "unknown", "no date stated and no publication date")


_REPORTED_DAYS: list[tuple[list[Timex], int, list[Span], int, list[tuple[Timex, Span]]]] = []  # the last doc's


def _reported_days(doc: Doc) -> list[tuple[Timex, Span]]:
    """The document's day-precise timexes whose sentence says something was reported, each with its sentence
    (the whole text when there are none), in the order of ``doc.timexes``; worked out once per document (and
    again when its timexes or sentences change): a scan of every timex per event was quadratic in the article's
    length."""
    if _REPORTED_DAYS:
        timexes, n_t, sentences, n_s, found = _REPORTED_DAYS[0]
        if timexes is doc.timexes and n_t == len(timexes) and sentences is doc.sentences and \
                n_s == len(sentences):
            return found
    text = doc.text
    found = []
    for t in doc.timexes:
        if t.value is None or t.precision != "day":
            continue
        where = doc.sentences[doc.sentence_of(t.span.start)] if doc.sentences else Span(0, len(text))
        if _REPORTED.search(text, where.start, where.end):
            found.append((t, where))
    _REPORTED_DAYS[:] = [(doc.timexes, len(doc.timexes), doc.sentences, len(doc.sentences), found)]
    return found


_TIMEX_ORDER: list[tuple[list[Timex], int, list[int], list[int]]] = []  # the last doc's timexes by start


def _timexes_within(doc: Doc, span: Span) -> list[Timex]:
    """The document's timexes inside ``span``, in the order of ``doc.timexes``, found by bisection among them
    sorted by start (worked out once per document, and again when its timexes change): a scan of every timex per
    event was quadratic in the article's length."""
    hit = _TIMEX_ORDER[0] if _TIMEX_ORDER else None
    if hit is None or hit[0] is not doc.timexes or hit[1] != len(doc.timexes):
        order = sorted(range(len(doc.timexes)), key=lambda k: doc.timexes[k].span.start)
        hit = (doc.timexes, len(doc.timexes), order, [doc.timexes[k].span.start for k in order])
        _TIMEX_ORDER[:] = [hit]
    timexes, _, order, starts = hit
    lo, hi = bisect_left(starts, span.start), bisect_right(starts, span.end)
    return [timexes[k] for k in sorted(order[lo:hi]) if span.contains(timexes[k].span)]
