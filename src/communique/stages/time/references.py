"""Time expressions that name no calendar date outright: the present ("now", PRESENT_REF), some time before or
after publication ("recently", "in the past": PAST_REF; "in the near future": FUTURE_REF), the weekend, day or
year a clause is about ("over the weekend", "to end the day", "for the year") and holidays ("Thanksgiving Day",
"Easter week"); each read into a candidate for :mod:`.resolve`."""

from __future__ import annotations

import datetime as dt
import re

from ...model import Precision
from .cues import _future, _future_clause, _sentence_start
from .patterns import _DAY, _FUTURE_SLACK, _PRESENT_NOT, _Cand, _iso


def _present(m: re.Match[str], text: str) -> _Cand | None:
    if _PRESENT_NOT.search(text, max(0, m.start() - 8), m.start()):
        return None  # "by now", "a year from now", "just now": not the reporter's present as a date
    quoted = m.group(0)

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        return base, "present", f'"{quoted}": the present (PRESENT_REF), publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


def _recently(m: re.Match[str], text: str) -> _Cand | None:
    """"recently", "more recently", "in the past": on or before publication (PAST_REF); not "until recently" (a state
    that has ended)."""
    quoted = m.group(0)
    if quoted.lower().startswith(("until", "most")):
        return None

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        return base, "on_or_before", f'"{quoted}": some time before publication ({_iso(base)}) (PAST_REF)'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


_COUNT_BEFORE = re.compile(r"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|all)\s+$")


def _current_or_recent(m: re.Match[str], text: str) -> _Cand | None:
    """"the current talks" (the present, PRESENT_REF) and "the recent sale" (before publication, PAST_REF): the
    adjective alone is the timex, as TimeML marks it."""
    quoted = m.group(0)
    if _COUNT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "five current models": a count of things, not a time
    past = quoted.lower() == "recent"

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        if past:
            return base, "on_or_before", f'"{quoted}": some time before publication ({_iso(base)}) (PAST_REF)'
        return base, "present", f'"{quoted}": the present (PRESENT_REF), publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


def _easter(year: int) -> dt.date:
    """Easter Sunday of a year (Gregorian; the anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return dt.date(year, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _holiday_date(name: str, year: int) -> dt.date:
    """The day of a holiday in a year: Thanksgiving the fourth Thursday of November, (US) Election Day the
    Tuesday after the first Monday of November, Christmas, New Year's and Independence (4 July) Days fixed."""
    key = name.split()[0].lower()
    if key == "thanksgiving":
        first = dt.date(year, 11, 1)
        return first + ((3 - first.weekday()) % 7 + 21) * _DAY
    if key == "election":
        first = dt.date(year, 11, 1)
        return first + ((0 - first.weekday()) % 7 + 1) * _DAY
    if key == "easter":
        return _easter(year)
    if key == "christmas":
        return dt.date(year, 12, 24 if name.lower().endswith("eve") else 25)
    if key == "independence":
        return dt.date(year, 7, 4)
    return dt.date(year, 12, 31) if name.lower().endswith("eve") else dt.date(year, 1, 1)  # New Year's


def _holiday(m: re.Match[str], text: str) -> _Cand:
    """"Thanksgiving Day", "last Christmas", "Election Day", "Easter week": the holiday's day (its ISO week for
    "Easter week") nearest publication as year-less dates are (the last one, unless the next is within two months
    or the clause looks forward); "last"/"next" say which."""
    quoted = m.group(0)
    name = " ".join(m.group("name").split())
    mod = (m.group("mod") or "").lower()
    forward = _future_clause(text, m.start())

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        this = _holiday_date(name, base.year)
        if mod == "last":
            v = this if this < base else _holiday_date(name, base.year - 1)
        elif mod == "next":
            v = this if this > base else _holiday_date(name, base.year + 1)
        elif this > base and not forward and this - base > _FUTURE_SLACK:
            v = _holiday_date(name, base.year - 1)
        elif this < base and forward and mod != "this":
            v = _holiday_date(name, base.year + 1)
        else:
            v = this
        if name.lower().endswith("week"):
            year, week, _ = v.isocalendar()
            return v - v.weekday() * _DAY, "week", f'"{quoted}": ISO week {year}-W{week:02d}, Easter {_iso(v)}'
        return v, "day", f'"{quoted}": {name} {v.year} ({_iso(v)}), the one nearest publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


def _the_weekend(m: re.Match[str], text: str) -> _Cand:
    """"over the weekend": the last weekend before publication (the one under way on a Saturday or Sunday); "ahead
    of the weekend", "will ... over the weekend": the coming one."""
    s, e = m.span("q")
    quoted = m.group("q")
    ahead = m.group("prep").lower().startswith(("ahead", "before", "by")) or _future(text, m.start())

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        saturday = base + (5 - base.weekday()) * _DAY  # this week's Saturday
        if not ahead and base.weekday() < 5:
            saturday -= 7 * _DAY
        year, week, _ = saturday.isocalendar()
        how = "the coming weekend" if ahead else "the last weekend"
        return saturday, "weekend", f'"{quoted}": {how} (ISO week {year}-W{week:02d}), from publication ({_iso(base)})'

    return _Cand(s, e, "deictic", relative=resolve)


def _the_day(m: re.Match[str], text: str) -> _Cand:
    """"to end the day at 8,017", "later in the day": the day the story last named (else publication)."""
    s, e = m.span("q")
    quoted = m.group("q")

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        return base, "day", f'"{quoted}": the same day as {{anchor}}'

    return _Cand(s, e, "anaphoric", relative=resolve)


JUST_ENDED_MONTHS = 2  # a year's results reported in its first two months are the year before's
# a verb that reports results, in the past tense: "posted a loss", "reported a profit", "earned", "lost"
_RESULTS_VERB = re.compile(
    r"\b(?:posted|reported|recorded|earned|lost|made|booked|logged|suffered|notched|totall?ed|fell|rose|grew|was|were)\b"
)


def _the_year(m: re.Match[str], text: str) -> _Cand:
    """"for the year", "sales for the full year", "in the current fiscal year": the year of publication (a report's
    year); in a past clause published in January or February ("posted a loss of $8.6 billion for the entire year"),
    not "the current year", the year just ended."""
    s, e = m.span("q")
    quoted = m.group("q")
    ended = (
        not m.group("cur")
        and not _future_clause(text, s)
        and _RESULTS_VERB.search(text, _sentence_start(text, s), s) is not None
    )

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        if ended and base.month <= JUST_ENDED_MONTHS:
            return (dt.date(base.year - 1, 1, 1), "year",
                    f'"{quoted}": the year just ended, {base.year - 1} (a past clause published {_iso(base)})')
        return dt.date(base.year, 1, 1), "year", f'"{quoted}": the year of publication ({_iso(base)})'

    return _Cand(s, e, "deictic", relative=resolve)


def _future_ref(m: re.Match[str], text: str) -> _Cand:
    """"in the near future", "at a later date": on or after publication (FUTURE_REF)."""
    quoted = m.group(0)

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        return base, "on_or_after", f'"{quoted}": some time after publication ({_iso(base)}) (FUTURE_REF)'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)
