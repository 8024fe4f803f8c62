"""Periods longer than a day: seasons, quarters, a month or quarter of a named year, year-end, decades,
centuries, year ranges and years said in words (each a pattern match read into a candidate)."""

from __future__ import annotations

import datetime as dt
import re

from ...model import Precision
from .cues import _future
from .patterns import (
    _DAY_WORD_ALTS,
    _DAY_WORDS,
    _FULL_MONTH,
    _MONTH_NAMES,
    _ORDINALS,
    _QUARTER_YEAR,
    _RESULTS_AFTER,
    _SEASON_START,
    _TEENS,
    _TENS,
    _UNITS,
    _Cand,
    _iso,
    _month_of,
)


def _season(m: re.Match[str], text: str) -> _Cand | None:
    mod = " ".join((m.group("mod") or "").lower().split())
    name = m.group("season").lower()
    if m.group("season") == "Fall" and not (mod or m.group("year")) and not text[: m.start()].rstrip().endswith("."):
        return None  # "Fall" mid-sentence without a year: a name ("the Fall of Rome")
    if name == "fall" and not (m.group("year") or mod in ("last", "this", "next", "this past", "this coming")):
        return None  # "the fall of the regime"
    month = _SEASON_START[name]
    if mod in ("last", "this", "next", "this past", "this coming", "early", "late", "mid", "the"):
        s = m.start()
    elif mod.endswith(" the"):  # "in the autumn": the timex is "the autumn"
        s = m.start("mod") + len(m.group("mod")) - 3
    else:
        s = m.start("season")
    quoted = text[s : m.end()]
    if m.group("year"):
        year = int(m.group("year"))
        return _Cand(s, m.end(), "stated", dt.date(year, month, 1), "season", f'"{quoted}": stated season')
    if not mod:
        return None  # a bare "summer" is too often generic ("summer jobs")

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        cur_year = base.year if base.month >= 3 else base.year - 1
        current = dt.date(cur_year, (base.month // 3) * 3 or 12, 1) if base.month >= 3 else dt.date(cur_year, 12, 1)
        options = [dt.date(y, month, 1) for y in range(base.year - 2, base.year + 2)]
        if mod in ("last", "this past"):
            v = max(d for d in options if d < current)
            how = "the most recent before"
        elif mod in ("next", "this coming"):
            v = min(d for d in options if d > current)
            how = "the first after"
        else:
            v = min(options, key=lambda d: abs((d - base).days))
            how = "the one nearest to"
        return v, "season", f'"{quoted}": {name} {v.year}, {how} publication ({_iso(base)})'

    return _Cand(s, m.end(), "deictic", relative=resolve)


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _quarter(m: re.Match[str], text: str) -> _Cand | None:
    q = int(m.group("qn")) if m.group("qn") else _QUARTER_WORDS[m.group("qw").lower()]
    quoted = m.group(0)
    if m.group("year"):
        year = int(m.group("year"))
        value = dt.date(year, 3 * q - 2, 1)
        return _Cand(m.start(), m.end(), "stated", value, "quarter", f'"{quoted}": stated quarter')
    # a year before the quarter: "the 1988 third quarter", "the year-ago (year-earlier) third quarter",
    # "last year's third quarter", "this year's second quarter"
    before = _QUARTER_YEAR.search(text, max(0, m.start() - 30), m.start())
    if before:
        start = before.start() if text[before.start() : m.start()].strip() else m.start()
        if before.group("y"):
            value = dt.date(int(before.group("y")), 3 * q - 2, 1)
            return _Cand(start, m.end(), "stated", value, "quarter", f'"{text[start : m.end()]}": stated quarter')
        back = 0 if before.group("this") else -1 if before.group("next") else 1

        def resolve_year(base: dt.date) -> tuple[dt.date, Precision, str]:
            v = dt.date(base.year - back, 3 * q - 2, 1)
            which = {0: "the year of publication", 1: "the year before publication's"}.get(
                back, "the year after publication's"
            )
            return v, "quarter", f'"{text[start : m.end()]}": {v.year}-Q{q}, {which} ({_iso(base)})'

        return _Cand(start, m.end(), "deictic", relative=resolve_year)
    # a quarter's results are past unless they are to be reported ("will report second-quarter results")
    forward = _future(text, m.start()) and not (
        _RESULTS_AFTER.match(text, m.end()) and not _TO_REPORT.search(text, max(0, m.start() - 30), m.start())
    )

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        v = dt.date(base.year, 3 * q - 2, 1)
        if forward and v < dt.date(base.year, (base.month - 1) // 3 * 3 + 1, 1):
            v, how = dt.date(base.year + 1, 3 * q - 2, 1), "the next such quarter after"
        elif not forward and v > base:
            v, how = dt.date(base.year - 1, 3 * q - 2, 1), "the most recent such quarter before"
        else:
            how = "the quarter of the year of"
        return v, "quarter", f'"{quoted}": {v.year}-Q{q}, {how} publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


_TO_REPORT = re.compile(
    r"(?i)\b(?:report|release|post|announce|publish|unveil|issue)s?\s+(?:its\s+|their\s+|a\s+|the\s+)?$"
)
_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}


def _quarter_of_year(m: re.Match[str], text: str) -> _Cand:
    """"the third quarter of this year", "the first quarter of last year": that quarter of the year named."""
    q = _QUARTER_WORDS[m.group("qw").lower()]
    shift = _YEAR_SHIFT[m.group("yw").lower()]
    quoted = m.group(0)

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        v = dt.date(base.year + shift, 3 * q - 2, 1)
        return v, "quarter", f'"{quoted}": {v.year}-Q{q}, the quarter of the year named from publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


def _month_of_year(m: re.Match[str], text: str) -> _Cand:
    """"June last year", "October of next year": that month of the year named."""
    month = _month_of(m.group("month"))
    shift = _YEAR_SHIFT[m.group("yw").lower()]
    quoted = m.group(0)

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        v = dt.date(base.year + shift, month, 1)
        return v, "month", f'"{quoted}": {_MONTH_NAMES[month]} {v.year}, the year named from publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


def _year_end(m: re.Match[str], text: str) -> _Cand:
    """"by year-end", "around year end": 31 December of the year of publication; "since year-end": of the year
    before."""
    since = m.group("prep").lower() in ("since", "from")
    quoted = m.group("q")

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        v = dt.date(base.year - 1 if since else base.year, 12, 31)
        which = "the year before publication" if since else "the year of publication"
        return v, "day", f'"{quoted}": the last day of {which} ({_iso(base)})'

    return _Cand(m.start("q"), m.end(), "deictic", relative=resolve)


def _decade(m: re.Match[str], text: str) -> _Cand:
    dec = int(m.group("dec"))
    quoted = m.group(0)
    return _Cand(m.start(), m.end(), "stated", dt.date(dec, 1, 1), "decade", f'"{quoted}": the decade {dec}-{dec + 9}')


def _century(m: re.Match[str], text: str) -> _Cand | None:
    quoted = m.group(0)
    if m.group("num") or m.group("word"):
        n = int(m.group("num")) if m.group("num") else _ORDINALS[" ".join(m.group("word").lower().split())]
        if not 1 <= n <= 22:
            return None
        value = dt.date(max(1, (n - 1) * 100), 1, 1)
        return _Cand(
            m.start(), m.end(), "stated", value, "century", f'"{quoted}": the years {value.year}-{value.year + 99}'
        )
    shift = {"this": 0, "next": 1}.get(m.group("mod").lower(), -1)

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        v = dt.date(max(1, (base.year // 100 + shift) * 100), 1, 1)
        return v, "century", f'"{quoted}": the years {v.year}-{v.year + 99}, from publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


def _year_range(m: re.Match[str], text: str) -> list[_Cand] | None:
    y1 = int(m.group("y1"))
    raw = m.group("y2")
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if not y1 < y2 <= y1 + 50:
        return None
    quoted = m.group(0)
    return [
        _Cand(m.start("y1"), m.end("y1"), "stated", dt.date(y1, 1, 1), "year", f'"{quoted}": first year of the range'),
        _Cand(m.start("y2"), m.end("y2"), "stated", dt.date(y2, 1, 1), "year", f'"{quoted}": last year of the range'),
    ]


def _spoken_number(words: str) -> int | None:
    """Two digits said in words: "ninety-six" 96, "eighty" 80, "twelve" 12, "oh five" 5."""
    parts = words.lower().replace("-", " ").split()
    if len(parts) == 2 and parts[0] == "oh":
        return _UNITS.get(parts[1])
    if len(parts) == 1:
        return _TEENS.get(parts[0], _TENS.get(parts[0]))
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None


def _spoken_year(m: re.Match[str], text: str) -> _Cand | None:
    """A year said in words ("nineteen ninety-six", "the year two thousand", "two thousand and one")."""
    if m.group("century"):
        century = 19 if m.group("century").lower() == "nineteen" else 20
        rest = m.group("rest").lower()
        two = 0 if rest == "hundred" else _spoken_number(rest)
        if two is None or (century == 20 and two < 10 and not m.group("the")):
            return None  # "twenty oh five" is rare; "twenty five" is a number
        if century == 19 and two < 10 and rest != "hundred" and not m.group("the"):
            return None  # "nineteen oh five": only as "the year ..."
        year = century * 100 + two
    else:
        after = m.group("after")
        year = 2000 + (_TEENS.get(after.lower(), 0) or _UNITS.get(after.lower(), 0) if after else 0)
    if not m.group("the") and year > 2000 and not m.group("century") and not m.group("after"):
        return None
    s = m.start() if not m.group("the") else m.start("the") + len("the ")
    before = _BEFORE_SPOKEN_YEAR.search(text, max(0, s - 30), s)
    if before and before.group("month"):  # "January nineteen ninety-seven", "June first, two thousand and one"
        month = _month_of(before.group("month"))
        quoted = text[before.start() : m.end()]
        d = before.group("d")
        day = (int(d) if d.isdigit() else _DAY_WORDS[re.sub(r"[\s-]+", "-", d.lower())]) if d else 0
        try:
            value = dt.date(year, month, day or 1)
        except ValueError:
            return None
        return _Cand(before.start(), m.end(), "stated", value, "day" if day else "month", f'"{quoted}": stated date')
    if before:  # "the winter of nineteen ninety-four"
        month = _SEASON_START[before.group("season").lower()]
        quoted = text[before.start() : m.end()]
        return _Cand(before.start(), m.end(), "stated", dt.date(year, month, 1), "season", f'"{quoted}": stated season')
    quoted = text[s : m.end()]
    return _Cand(s, m.end(), "stated", dt.date(year, 1, 1), "year", f'"{quoted}": a year said in words ({year})')


_BEFORE_SPOKEN_YEAR = re.compile(
    rf"(?:\b(?P<month>{_FULL_MONTH})(?:\s+(?P<d>[0-3]?\d|(?i:{_DAY_WORD_ALTS})))?,?\s+|\b(?i:(?:the\s+)?(?P<season>spring|summer|autumn|winter|fall)\s+of\s+))$"
)


def _part_of_year(m: re.Match[str], text: str) -> _Cand | None:
    """"the second half of 2024", "the last half of 1989", "the first two quarters of 1990" (a half, TimeML
    ``1990-H1``), "the final quarter of 2009" (its fourth quarter); the year may be "this/last/next year"."""
    which = m.group("which").lower()
    if m.group("quarter"):
        if which not in ("last", "final"):
            return None  # "the first quarter of 2009": _QUARTER reads it
        month, precision, what = 10, "quarter", "the fourth quarter"
    else:
        second = which in ("second", "last", "latter", "final")
        month, precision, what = (7 if second else 1), "half", ("the second half" if second else "the first half")
    prec: Precision = "quarter" if precision == "quarter" else "half"
    quoted = m.group(0)
    if m.group("year"):
        value = dt.date(int(m.group("year")), month, 1)
        return _Cand(m.start(), m.end(), "stated", value, prec, f'"{quoted}": {what} of {value.year}')
    shift = _YEAR_SHIFT[m.group("yw").lower()]

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        v = dt.date(base.year + shift, month, 1)
        return v, prec, f'"{quoted}": {what} of {v.year}, the year named from publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)
