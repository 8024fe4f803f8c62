"""Finding time expressions: our patterns, each read into a candidate (stated, deictic, anaphoric,
undated), and spaCy DATE entities none of them covers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ...model import Precision
from .cues import _future, _future_clause, _future_weekday, _soon
from .earnings import _CURRENT_PERIOD, _LATEST_PERIOD, _YEAR_AGO_PERIOD
from .patterns import (
    _AGO,
    _ANAPHORIC_DAY,
    _ANY_YEAR,
    _BARE_MONTH,
    _CENTURY,
    _COMPLEMENT,
    _DATE_WORD,
    _DAY,
    _DECADE,
    _DECADE_WORDS,
    _DEICTIC_DAY,
    _DURATION,
    _DURATION_PART,
    _ENDS_IN_UNIT,
    _FUTURE_REF,
    _HOLIDAY,
    _ISO,
    _MONTH_ALONE,
    _MONTH_MOD,
    _MONTH_NAMES,
    _MONTH_OF_YEAR,
    _MONTH_YEAR,
    _NUMERIC,
    _ORDINALS,
    _PERIOD,
    _PRESENT,
    _QUARTER,
    _QUARTER_OF_YEAR,
    _QUARTER_YEAR,
    _RECENTLY,
    _RESULTS_AFTER,
    _SEASON,
    _SEASON_START,
    _SET,
    _SHORT_DECADE,
    _SPOKEN_YEAR,
    _STATED_DMY,
    _STATED_MDY,
    _TEENS,
    _TENS,
    _THE_DAY,
    _THE_WEEKEND,
    _THE_YEAR,
    _UNITS,
    _WEEKDAY_EXPR,
    _WEEKDAYS,
    _YEAR_ALONE,
    _YEAR_END,
    _YEAR_RANGE,
    Resolver,
    _Cand,
    _count,
    _iso,
    _month_of,
    _n,
    _offset,
    _shift_months,
)
from .references import (
    _future_ref,
    _holiday,
    _present,
    _recently,
    _the_day,
    _the_weekend,
    _the_year,
)


def _stated(m: re.Match[str], text: str, *, start: int | None = None) -> _Cand | None:
    s, e = (start if start is not None else m.start()), m.end()
    quoted = text[s:e]
    month = _month_of(m.group("month")) if "month" in m.groupdict() else int(m.group("m"))
    day = int(m.group("day")) if m.groupdict().get("day") else 0
    year = int(m.group("year")) if m.groupdict().get("year") else 0
    if not 1 <= month <= 12 or (day and not 1 <= day <= 31):
        return None
    if year:
        try:
            value = dt.date(year, month, day or 1)
        except ValueError:
            return _Cand(s, e, "undated", basis=f'"{quoted}": not a calendar date')
        return _Cand(s, e, "stated", value, "day" if day else "month", f'"{quoted}": stated date')
    return _Cand(s, e, "stated", month=month, day=day, forward=_future(text, s), soon=_soon(text, s))


def _stated_month_alone(m: re.Match[str], text: str) -> _Cand | None:
    s = m.start("month")
    mod = _MONTH_MOD.search(text, m.start(), s)
    if mod:
        s = mod.start()
        word = mod.group(1).lower()
        if word in ("last", "next", "this"):
            month = _month_of(m.group("month"))
            return _Cand(s, m.end(), "deictic", relative=_month_relative(word, month, text[s : m.end()]))
    month = _month_of(m.group("month"))
    return _Cand(s, m.end(), "stated", month=month, forward=_future_clause(text, s), soon=_soon(text, m.start("month")))


def _month_relative(word: str, month: int, quoted: str) -> Resolver:
    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        year = base.year
        if word == "last":
            year -= 1 if month >= base.month else 0
            how = f"the most recent {_MONTH_NAMES[month]} before"
        elif word == "next":
            year += 1 if month <= base.month else 0
            how = f"the first {_MONTH_NAMES[month]} after"
        else:
            how = f"{_MONTH_NAMES[month]} of the year of"
        return dt.date(year, month, 1), "month", f'"{quoted}": {how} publication ({_iso(base)})'

    return resolve


def _year_alone(m: re.Match[str], text: str) -> _Cand:
    s, e = m.span("core")
    value = dt.date(int(m.group("year")), 1, 1)
    return _Cand(s, e, "stated", value, "year", f'"{text[s:e]}": stated year')


def _deictic_day(m: re.Match[str], text: str) -> _Cand:
    quoted = m.group(0)
    if m.group("dby"):
        shift, how = -2, "two days before"
    elif m.group("dat"):
        shift, how = 2, "two days after"
    elif m.group("yesterday"):
        shift, how = -1, "one day before"
    elif m.group("tomorrow"):
        shift, how = 1, "one day after"
    else:
        shift, how = 0, "the day of"

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        return base + shift * _DAY, "day", f'"{quoted}": {how} publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


def _weekday(m: re.Match[str], text: str) -> _Cand:
    mod = (m.group("mod") or "").lower().split()
    s = m.start("wd") if mod in (["on"], []) else m.start()
    quoted = text[s : m.end()]
    wd = _WEEKDAYS[m.group("wd").lower()]
    name = m.group("wd")
    # "next Monday", "this coming Monday" and "will meet on Monday" look forward; everything else looks back
    forward = "next" in mod or "coming" in mod or (mod in (["on"], []) and _future_weekday(text, m.start(), m.end()))

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        if forward:
            # "is set to land on Monday" said on a Monday: that day (wire style names the day, not "today");
            # "next Monday" said on a Monday: a week later
            delta = (wd - base.weekday()) % 7 or (7 if "next" in mod or "coming" in mod else 0)
            if delta == 0:
                return base, "day", f'"{quoted}": the day of publication ({_iso(base)}), a {name}, still ahead'
            return base + delta * _DAY, "day", f'"{quoted}": the first {name} after publication ({_iso(base)})'
        delta = (base.weekday() - wd) % 7
        if delta == 0 and ("last" in mod or "past" in mod):  # "last Tuesday" said on a Tuesday: a week earlier
            return base - 7 * _DAY, "day", f'"{quoted}": the {name} before publication ({_iso(base)}), a week earlier'
        return base - delta * _DAY, "day", f'"{quoted}": most recent {name} on or before publication ({_iso(base)})'

    return _Cand(s, m.end(), "deictic", relative=resolve)


def _period(m: re.Match[str], text: str) -> _Cand | None:
    mod = " ".join(m.group("mod").lower().split())
    unit = m.group("unit").lower()
    quoted = m.group(0)
    if mod in ("the last", "the past") and unit != "week":
        return None  # "the past year": a duration
    anaphoric = mod.startswith(("the ", "that")) and mod not in ("the last", "the past")
    step = {"last": -1, "next": 1, "the previous": -1, "the prior": -1, "the preceding": -1, "the following": 1}
    step |= {"the next": 1, "the last": -1, "the past": -1}  # "the last week": the week before this one
    shift = step.get(mod, 0)
    whose = "the date stated earlier" if anaphoric else "publication"

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        ref = f"{whose} ({_iso(base)})" if not anaphoric else "{anchor}"
        if unit == "year":
            return dt.date(base.year + shift, 1, 1), "year", f'"{quoted}": the year {base.year + shift}, from {ref}'
        if unit == "month":
            v = _shift_months(base, shift)
            return v, "month", f'"{quoted}": {_MONTH_NAMES[v.month]} {v.year}, from {ref}'
        monday = base - base.weekday() * _DAY + 7 * shift * _DAY
        year, week, _ = monday.isocalendar()
        if unit == "weekend":
            v = monday + 5 * _DAY
            return v, "weekend", f'"{quoted}": the weekend of {_iso(v)} (ISO week {year}-W{week:02d}), from {ref}'
        return monday, "week", f'"{quoted}": ISO week {year}-W{week:02d} (from Monday {_iso(monday)}), from {ref}'

    kind = "anaphoric" if anaphoric else "deictic"
    return _Cand(m.start(), m.end(), kind, relative=resolve, unit=unit if unit in ("month", "year") else "day")


def _ago(m: re.Match[str], text: str) -> _Cand:
    quoted = m.group(0)
    unit = m.group("unit").lower()
    n = _n(m.group("n"))

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        if n is None:  # "a few days ago": only an upper bound
            v, _ = _offset(base, 1, unit, -1)
            if unit != "day":
                v = base - _DAY
            return v, "on_or_before", f'"{quoted}": some time before publication ({_iso(base)})'
        if unit == "week" and n > 2:  # "six weeks ago": the ISO week six weeks before ("a week ago": the day)
            v = base - 7 * n * _DAY
            monday = v - v.weekday() * _DAY
            year, week, _ = monday.isocalendar()
            how = f"ISO week {year}-W{week:02d}, {_count(n, unit)} before publication ({_iso(base)})"
            return monday, "week", f'"{quoted}": {how}'
        if unit == "decade":  # "a decade ago": the year ten years before
            v, precision = _offset(base, 10 * n, "year", -1)
        else:
            v, precision = _offset(base, n, unit, -1)
        return v, precision, f'"{quoted}": {_count(n, unit)} before publication ({_iso(base)})'

    return _Cand(m.start(), m.end(), "deictic", relative=resolve)


def _anaphoric_day(m: re.Match[str], text: str) -> _Cand | None:
    quoted = m.group(0)
    if m.group("same"):
        n, unit, sign, how = 0, "day", 0, "the same day as"
    elif m.group("prev"):
        n, unit, sign, how = 1, "day", -1, "one day before"
    elif m.group("next"):
        n, unit, sign, how = 1, "day", 1, "one day after"
    else:
        num = _n(m.group("n"))
        if num is None or num > 400:
            return None
        n, unit = num, m.group("unit").lower()
        sign = -1 if m.group("dir").lower() in ("earlier", "before", "prior") else 1
        how = f"{_count(n, unit)} {'before' if sign < 0 else 'after'}"
    if quoted.lower().endswith(("before", "after", "prior")) and _COMPLEMENT.match(text, m.end()):
        return _Cand(m.start(), m.end(), "undated", basis=f'"{quoted}": counted from an event, not a date')

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        v, precision = _offset(base, n, unit, sign)
        return v, precision, f'"{quoted}": {how} {{anchor}}'

    return _Cand(m.start(), m.end(), "anaphoric", relative=resolve, unit=unit if unit in ("month", "year") else "day")


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
    quoted = text[s : m.end()]
    return _Cand(s, m.end(), "stated", dt.date(year, 1, 1), "year", f'"{quoted}": a year said in words ({year})')


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str], str], _Cand | list[_Cand] | None]]] = [
    (_ISO, _stated),
    (_STATED_MDY, _stated),
    (_STATED_DMY, _stated),
    (_MONTH_YEAR, _stated),
    (_MONTH_ALONE, _stated_month_alone),
    (_YEAR_ALONE, _year_alone),
    (_DEICTIC_DAY, _deictic_day),
    (_WEEKDAY_EXPR, _weekday),
    (_PERIOD, _period),
    (_AGO, _ago),
    (_ANAPHORIC_DAY, _anaphoric_day),
    (_SEASON, _season),
    (_DECADE, _decade),
    (_QUARTER, _quarter),
    (_QUARTER_OF_YEAR, _quarter_of_year),
    (_MONTH_OF_YEAR, _month_of_year),
    (_YEAR_END, _year_end),
    (_CENTURY, _century),
    (_PRESENT, _present),
    (_RECENTLY, _recently),
    (_FUTURE_REF, _future_ref),
    (_THE_WEEKEND, _the_weekend),
    (_HOLIDAY, _holiday),
    (_THE_DAY, _the_day),
    (_THE_YEAR, _the_year),
    (_YEAR_RANGE, _year_range),
    (_SPOKEN_YEAR, _spoken_year),
]


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a pattern can only match when one of these occurs in the lower-cased text: skip it cheaply otherwise
_GATES: dict[re.Pattern[str], tuple[str, ...]] = {
    _ISO: ("-",),
    _STATED_MDY: _MONTH_KEYS,
    _STATED_DMY: _MONTH_KEYS,
    _MONTH_YEAR: _MONTH_KEYS,
    _MONTH_ALONE: _MONTH_KEYS,
    _DEICTIC_DAY: (
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "this morning",
        "this afternoon",
        "this evening",
        "night",
    ),
    _WEEKDAY_EXPR: tuple(_WEEKDAYS),
    _PERIOD: ("week", "month", "year"),
    _QUARTER_OF_YEAR: ("quarter",),
    _MONTH_OF_YEAR: ("year",),
    _YEAR_END: ("end",),
    _RECENTLY: ("recently", "the past"),
    _THE_WEEKEND: ("the weekend",),
    _HOLIDAY: ("thanksgiving", "christmas", "new year", "election day", "independence day", "easter"),
    _THE_DAY: ("the day",),
    _THE_YEAR: ("year",),
    _FUTURE_REF: ("future", "term", "later date"),
    _AGO: ("ago",),
    _SEASON: ("spring", "summer", "autumn", "fall", "winter"),
    _DECADE: ("0s",),
    _QUARTER: ("quarter", "q1", "q2", "q3", "q4"),
    _CENTURY: ("century",),
    _PRESENT: ("now", "current", "present", "moment"),
    _YEAR_RANGE: ("-", "–", "/"),
    _SPOKEN_YEAR: ("nineteen", "twenty", "thousand"),
    _ANAPHORIC_DAY: ("day", "week", "month", "year", "morning", "afternoon", "evening", "night"),
}


def _candidates(text: str) -> list[_Cand]:
    found: list[_Cand] = []
    lower = text.lower()
    for pattern, make in _PATTERNS:
        gate = _GATES.get(pattern)
        if gate is not None and not any(key in lower for key in gate):
            continue
        for m in pattern.finditer(text):
            made = make(m, text)
            for cand in made if isinstance(made, list) else [made] if made is not None else []:
                if cand.end > cand.start:
                    found.append(cand)
    # longest first among overlapping matches, then left to right
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Cand] = []
    for c in found:
        if kept and c.start < kept[-1].end:
            if c.end - c.start > kept[-1].end - kept[-1].start:
                kept[-1] = c
            continue
        kept.append(c)
    return kept


def _from_entity(text: str, start: int, end: int) -> _Cand | None:
    """A spaCy DATE entity none of our patterns covered: a year, an undated expression, or nothing (a duration)."""
    quoted = text[start:end].strip()
    if _YEAR_AGO_PERIOD.match(quoted) or _LATEST_PERIOD.match(quoted) or _CURRENT_PERIOD.match(quoted):
        # "the year-ago quarter": a period, not an amount of time (an earnings report's, see _earnings_periods)
        return _Cand(start, end, "undated", basis=f'"{quoted}": a period named relative to another')
    if not quoted or _DURATION.match(quoted) or _DURATION_PART.search(quoted) or _SET.match(quoted):
        return None
    if _NUMERIC.match(quoted) or (_ENDS_IN_UNIT.search(quoted) and not _DATE_WORD.search(quoted)):
        return None  # "44" (an age), "30s", "six, seven years", "30 -- 40 days": amounts of time, not dates
    month = _BARE_MONTH.match(quoted)
    if month:  # "October": a year-less month, as if stated after "in"
        return _Cand(
            start, end, "stated", month=_month_of(month.group("month")), forward=_future_clause(text, start),
            soon=_soon(text, start),
        )
    decade = _SHORT_DECADE.match(quoted)
    if decade:  # "the nineties", "the '70s": a decade of the 20th century
        d = int(decade.group("d")) if decade.group("d") else _DECADE_WORDS[decade.group("w").lower()]
        value = dt.date(1900 + 10 * d, 1, 1)
        return _Cand(start, end, "stated", value, "decade", f'"{quoted}": the decade {value.year}-{value.year + 9}')
    years = _ANY_YEAR.findall(quoted)
    if len(years) == 1 and not re.search(r"\d{2}s\b|'\d0s", quoted):
        return _Cand(start, end, "stated", dt.date(int(years[0]), 1, 1), "year", f'"{quoted}": stated year')
    return _Cand(start, end, "undated", basis=f'"{quoted}": not resolvable to a calendar date')
