"""Resolving candidates to calendar values: year-less dates, anchors for anaphora, publication-relative
expressions; :func:`extract`."""

from __future__ import annotations

import datetime as dt
import re

from ...model import Precision, Span, Timex
from ...textutil import GrowingSpanIndex
from .cues import SOON_DAYS
from .earnings import _QUARTER_WORD, _earnings_periods, _same_period
from .expressions import _candidates, _from_entity
from .patterns import _FUTURE_SLACK, _Cand, _iso, _n, _offset, _show


def _year_for(
    month: int, day: int, published: dt.date, *, forward: bool = False, soon: bool = False, past: bool = False,
    future_clause: bool = False,
) -> tuple[int, str]:
    year = published.year
    try:
        first = dt.date(year, month, day or 1)
    except ValueError:  # 29 February outside a leap year
        first = dt.date(year, month, 28)
    after = first > published if day else (year, month) > (published.year, published.month)
    if past and not forward and after:
        return year - 1, f"year {year - 1}: its clause is in the past tense and {year} would be after publication"
    if forward and (first < published if day else (year, month) < (published.year, published.month)):
        return year + 1, f"year {year + 1}: the first such date after publication {_iso(published)} (future tense)"
    if soon and (first < published if day else (year, month) < (published.year, published.month)):
        try:
            ahead = (dt.date(year + 1, month, day or 1) - published).days
        except ValueError:
            ahead = SOON_DAYS + 1
        if ahead <= SOON_DAYS:
            return year + 1, (f"year {year + 1}: a deadline or start ('effective', 'through', 'by') a few months "
                              f"after publication {_iso(published)}")
    if future_clause and not past and not forward and first > published:
        # "a ceremony would still be held on April 24" said in February: that April, not the last one
        return year, f"year from publication date {_iso(published)} (a clause that speaks of the future)"
    if not forward and first - published > _FUTURE_SLACK:
        return year - 1, f"year {year - 1} from publication date {_iso(published)} ({year} is over two months ahead)"
    return year, f"year from publication date {_iso(published)}"


def extract(
    text: str,
    *,
    ents: list[tuple[int, int, str]] | None = None,
    published: dt.date | None = None,
) -> list[Timex]:
    """Time expressions in ``text``, each resolved to a date with a precision and the reason for it.

    ``ents`` are named-entity ``(start, end, label)`` triples (only ``DATE`` ones are used); ``published``
    is the publication date that deictic expressions and year-less dates count from.
    """
    cands = _candidates(text)
    if ents:
        taken = GrowingSpanIndex(Span(c.start, c.end) for c in cands)  # (bisected: a scan per entity was quadratic)
        for start, end, label in ents:
            if label != "DATE" or not 0 <= start < end <= len(text):
                continue
            if taken.overlaps(Span(start, end)):
                continue
            c = _from_entity(text, start, end)
            if c is not None:
                cands.append(c)
                taken.add(Span(start, end))
        cands.sort(key=lambda c: c.start)

    out: list[Timex] = []
    # the last stated or deictic timex at least as precise as a day / a month / a year: what anaphora count from
    anchors: dict[str, int | None] = {"day": None, "month": None, "year": None}
    last_year: int | None = None  # the last year stated, for year-less dates when there is no publication date
    for c in cands:
        anchor = anchors[c.unit]
        timex = _resolve(c, text[c.start : c.end], out, anchor=anchor, published=published, last_year=last_year)
        out.append(timex)
        if timex.value is not None and c.kind != "anaphoric" and timex.precision in _AT_LEAST:
            for unit in _AT_LEAST[timex.precision]:
                anchors[unit] = len(out) - 1
            if c.kind == "stated":
                last_year = timex.value.year
    if any(t.value is None for t in out):
        _days_from_a_neighbour(text, out)
    if published is not None and _QUARTER_WORD.search(text):
        _earnings_periods(text, out, published)
    if "same" in text:
        _same_period(text, out)
    if "week of" in text:
        _week_of(text, out)
    if "attack" in text:
        _named_attack_days(text, out)
    return [t for t in out if not _counted_from_an_event(text, t)]


# an amount of time counted from an event: "three years after it was first due", "a day after the vote", "two
# weeks before the talks" (not "the day after the vote": that names a day)
_AMOUNT_FROM_EVENT = re.compile(r"(?i)(?!the\b)\w+\s+(?:day|week|month|year)s?\s+(?:before|after|earlier|later|prior)$")


def _counted_from_an_event(text: str, t: Timex) -> bool:
    """An amount of time before or after an event that no date beside it resolved ("13 days after the
    bombings"): a duration, as TimeML types it, and no date; left out of the timexes."""
    return (
        t.value is None
        and t.basis.endswith("counted from an event, not a date")
        and _AMOUNT_FROM_EVENT.fullmatch(text, t.span.start, t.span.end) is not None
    )


# a day that names an event of its own year: "the September 11 attacks", "after the September 11th terror attack"
_NAMED_ATTACK_DAYS = {(9, 11): 2001}
_ATTACK_AFTER = re.compile(r"(?i)(?:st|nd|rd|th)?\s+(?:terrorist\s+|terror\s+)?attacks?\b")


def _named_attack_days(text: str, out: list[Timex]) -> None:
    """"the September 11 attacks": the day of that year's attacks, whatever the publication year (in place)."""
    for k, t in enumerate(out):
        if t.precision != "day" or t.value is None or (t.value.month, t.value.day) not in _NAMED_ATTACK_DAYS:
            continue
        year = _NAMED_ATTACK_DAYS[(t.value.month, t.value.day)]
        quoted = text[t.span.start : t.span.end]
        if t.value.year != year and not re.search(r"\d{4}", quoted) and _ATTACK_AFTER.match(text, t.span.end):
            value = t.value.replace(year=year)
            out[k] = Timex(t.span, value, "day", f'"{quoted}": the day of the {year} attacks ({_iso(value)})', t.anchor)


_THE_WEEK_OF = re.compile(r"(?i)\bthe\s+(?:(?P<nth>first|second|third|fourth|last|final)\s+)?week\s+of\s+$")
_NTH_WEEK = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _week_of(text: str, out: list[Timex]) -> None:
    """"a hearing the week of March 6": the ISO week holding the date; "the last week of March", "the first week of
    June": that full week (Monday to Sunday) of the month (in place, the span taking in "the ... week of")."""
    for k, t in enumerate(out):
        if t.precision not in ("day", "month") or t.value is None:
            continue
        m = _THE_WEEK_OF.search(text, max(0, t.span.start - 30), t.span.start)
        if m is None or (t.precision == "month") != bool(m.group("nth")):
            continue
        if t.precision == "day":
            monday = t.value - dt.timedelta(days=t.value.weekday())
        else:
            nth = m.group("nth").lower()
            first_monday = t.value + dt.timedelta(days=(7 - t.value.weekday()) % 7)
            if nth in _NTH_WEEK:
                monday = first_monday + dt.timedelta(weeks=_NTH_WEEK[nth])
            else:  # the last week whose Sunday is still in the month
                last_day = (t.value.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
                sunday = last_day - dt.timedelta(days=(last_day.weekday() + 1) % 7)
                monday = sunday - dt.timedelta(days=6)
        year, week, _ = monday.isocalendar()
        quoted = text[m.start() : t.span.end]
        basis = f'"{quoted}": ISO week {year}-W{week:02d} (from Monday {_iso(monday)})'
        out[k] = Timex(Span(m.start(), t.span.end), monday, "week", basis, t.anchor)


_AT_LEAST = {"day": ("day", "month", "year"), "month": ("month", "year"), "year": ("year",)}


def _resolve(
    c: _Cand,
    quoted: str,
    out: list[Timex],
    *,
    anchor: int | None,
    published: dt.date | None,
    last_year: int | None,
) -> Timex:
    span = Span(c.start, c.end)
    try:
        if c.kind == "undated":
            return Timex(span, None, "unknown", c.basis)
        if c.kind == "stated":
            if c.value is not None:
                return Timex(span, c.value, c.precision, c.basis)
            precision: Precision = "day" if c.day else "month"
            if published is not None:
                year, how = _year_for(
                    c.month, c.day, published, forward=c.forward, soon=c.soon, past=c.past, future_clause=c.ahead
                )
            elif last_year is not None:
                year, how = last_year, f"year {last_year} from the last year stated earlier in the text"
            else:
                return Timex(span, None, "unknown", f'"{quoted}": stated date without a year, and no publication date')
            return Timex(span, dt.date(year, c.month, c.day or 1), precision, f'"{quoted}": stated date, {how}')
        assert c.relative is not None
        if c.kind == "anaphoric" and anchor is not None:
            base_timex = out[anchor]
            assert base_timex.value is not None
            value, precision, basis = c.relative(base_timex.value)
            where = base_timex.basis.split('"')[1] if base_timex.basis.startswith('"') else "the anchor"
            shown = _show(base_timex.value, base_timex.precision)
            basis = basis.replace("{anchor}", f"{where} ({shown}), the date stated earlier in the text")
            return Timex(span, value, precision, basis, anchor=anchor)
        if published is None:
            return Timex(span, None, "unknown", f'"{quoted}": relative to the publication date, which is not known')
        value, precision, basis = c.relative(published)
        return Timex(span, value, precision, basis.replace("{anchor}", f"publication ({_iso(published)})"))
    except (ValueError, OverflowError):
        return Timex(span, None, "unknown", f'"{quoted}": outside the calendar')


_FROM_EVENT = re.compile(
    r"(?i)(?:the|a|one|(?P<n>\w+))\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>before|after|earlier|later|prior)$"
)
_APPOSITION = re.compile(r",\s*$")


def _days_from_a_neighbour(text: str, out: list[Timex]) -> None:
    """"The day before X" (or "a week later than planned") that :func:`_resolve` left undated (it counts from an
    event or a plan) takes its date from a date beside it (in place): from the date it counts from when that follows
    at once ("the day before last Tuesday's hearing": the Monday), or the date it renames when it stands in apposition
    after one ("on Oct. 12, the day before the crash": 12 October; "arrives on March 3, two days later than
    planned": 3 March)."""
    for k, t in enumerate(out):
        if t.value is not None or not t.basis.endswith("counted from an event, not a date"):
            continue
        m = _FROM_EVENT.search(text, t.span.start, t.span.end)
        if m is None or m.start() != t.span.start:
            continue
        n = _n(m.group("n")) if m.group("n") else 1
        if n is None:
            continue
        sign = -1 if m.group("dir").lower() in ("before", "earlier", "prior") else 1
        quoted = text[t.span.start : t.span.end]
        after = out[k + 1] if k + 1 < len(out) else None
        before = out[k - 1] if k > 0 else None
        if after is not None and after.precision == "day" and after.value is not None and (
            not text[t.span.end : after.span.start].strip()
        ):
            value, precision = _offset(after.value, n, m.group("unit").lower(), sign)
            shown = text[after.span.start : after.span.end]
            out[k] = Timex(t.span, value, precision, f'"{quoted}": counted from "{shown}" ({_iso(after.value)})', k + 1)
        elif (
            before is not None
            and before.precision == "day"
            and before.value is not None
            and _APPOSITION.fullmatch(text, before.span.end, t.span.start)
        ):
            shown = text[before.span.start : before.span.end]
            out[k] = Timex(t.span, before.value, "day", f'"{quoted}": another name for "{shown}", before it', k - 1)
