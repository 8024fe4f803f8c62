"""Finding time expressions: our patterns, each read into a candidate (stated, deictic, anaphoric,
undated), and spaCy DATE entities none of them covers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ...model import Precision
from .cues import _future, _future_clause, _future_weekday, _past, _past_plan, _soon
from .earnings import _CURRENT_PERIOD, _LATEST_PERIOD, _YEAR_AGO_PERIOD
from .patterns import (
    _AGO,
    _ANAPHORIC_DAY,
    _ANY_YEAR,
    _BARE_MONTH,
    _CENTURY,
    _COMPLEMENT,
    _CURRENT_ADJ,
    _DATE_WORD,
    _DAY,
    _DAY_LIST,
    _DAY_WORDS,
    _DECADE,
    _DECADE_WORDS,
    _DEICTIC_DAY,
    _DURATION,
    _DURATION_PART,
    _ENDS_IN_UNIT,
    _FULL_MONTH,
    _FUTURE_REF,
    _HOLIDAY,
    _ISO,
    _MONTH_ALONE,
    _MONTH_MOD,
    _MONTH_NAMES,
    _MONTH_OF_YEAR,
    _MONTH_SPAN,
    _MONTH_YEAR,
    _NUMERIC,
    _NUMERIC_DATE,
    _PART_OF_YEAR,
    _PERIOD,
    _PRESENT,
    _QUARTER,
    _QUARTER_OF_YEAR,
    _RECENT_YEARS,
    _RECENTLY,
    _SEASON,
    _SET,
    _SHORT_DECADE,
    _SOON,
    _SPOKEN_YEAR,
    _STATED_DMY,
    _STATED_MDY,
    _STATED_WORD_DMY,
    _STATED_WORD_MDY,
    _THE_DAY,
    _THE_WEEKEND,
    _THE_YEAR,
    _UNIT_FROM_ANCHOR,
    _WEEKDAY_EXPR,
    _WEEKDAYS,
    _YEAR_ALONE,
    _YEAR_END,
    _YEAR_LIST,
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
from .periods import (
    _century,
    _decade,
    _month_of_year,
    _part_of_year,
    _quarter,
    _quarter_of_year,
    _season,
    _spoken_year,
    _year_end,
    _year_range,
)
from .references import (
    _current_or_recent,
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
    if m.groupdict().get("dayw"):  # "March eighth", "the twenty-first of June"
        day = _DAY_WORDS[re.sub(r"[\s-]+", "-", m.group("dayw").lower())]
    else:
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
    if _past_plan(text, s, e):  # "the vote planned for March 20 was cancelled": the plan is no future cue
        return _Cand(s, e, "stated", month=month, day=day)
    return _Cand(
        s, e, "stated", month=month, day=day, forward=_future(text, s), soon=_soon(text, s), past=_past(text, s),
        ahead=_future_clause(text, s),
    )


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
    return _Cand(
        s, m.end(), "stated", month=month, forward=_future_clause(text, s), soon=_soon(text, m.start("month")),
        past=_past(text, s),
    )


def _month_span(m: re.Match[str], text: str) -> list[_Cand]:
    """Two year-less months bounding a span ("contracted between April and June"), each a stated month (the
    spaCy entity over both would be one undated timex)."""
    forward, soon = _future_clause(text, m.start()), _soon(text, m.start())
    first, second = _month_of(m.group("m1")), _month_of(m.group("m2"))
    return [
        _Cand(m.start("m1"), m.end("m1"), "stated", month=first, forward=forward, soon=soon),
        _Cand(m.start("m2"), m.end("m2"), "stated", month=second, forward=forward, soon=soon),
    ]


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


def _year_list(m: re.Match[str], text: str) -> list[_Cand]:
    """Years bounding a span or listed ("from 1991 to 1997", "in 1994, 1995 and 1997"): each a stated year."""
    return [
        _Cand(y.start(), y.end(), "stated", dt.date(int(y.group(0)), 1, 1), "year", f'"{y.group(0)}": stated year')
        for y in _A_YEAR.finditer(text, m.start(), m.end())
    ]


_A_YEAR = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2})(?!\d)")
_A_DAY = re.compile(r"(?<![\d])([0-3]?\d)(?:st|nd|rd|th)?(?!\d)")


def _day_list(m: re.Match[str], text: str) -> list[_Cand]:
    """Days of one month listed ("on April 24 and 25"): each day after the first a stated day of that month (of the
    year written after them, else waiting for one as a year-less date)."""
    month = _month_of(m.group("month"))
    year = int(m.group("year")) if m.group("year") else 0
    out = []
    if year:  # the year written after the list is the first day's too ("May 3, 4 and 5, 2024")
        first = _A_DAY.search(text, m.end("month"), m.start("rest"))
        if first is not None and 1 <= int(first.group(1)) <= 31:
            try:
                value = dt.date(year, month, int(first.group(1)))
            except ValueError:
                return []
            out.append(_Cand(m.start(), first.end(), "stated", value, "day", f'"{text[m.start() : first.end()]}": '
                             "stated date, listed"))
    for d in _A_DAY.finditer(text, m.start("rest"), m.end("rest")):
        day = int(d.group(1))
        if not 1 <= day <= 31:
            return []
        if year:
            try:
                value = dt.date(year, month, day)
            except ValueError:
                return []
            out.append(_Cand(d.start(), d.end(), "stated", value, "day", f'"{d.group(0)}": stated date, listed'))
        else:
            s = d.start()
            out.append(_Cand(s, d.end(), "stated", month=month, day=day, forward=_future(text, s), soon=_soon(text, s),
                             past=_past(text, s), ahead=_future_clause(text, s)))
    return out


def _numeric_date(m: re.Match[str], text: str) -> _Cand | None:
    """A date in numbers ("7/8/07", "12/25/2008"): month first unless the first number exceeds 12; a two-digit year
    is 20xx below 50, else 19xx."""
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    month, day = (a, b) if a <= 12 else (b, a)
    year = y if y >= 100 else 2000 + y if y < 50 else 1900 + y
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return _Cand(m.start(), m.end(), "stated", value, "day", f'"{m.group(0)}": stated date, month first')


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
    if mod[:1] == ["the"]:  # "the previous Friday", "the following Monday": counted from the day the story names
        step = 1 if mod[1] in ("following", "next") else -1

        def from_anchor(base: dt.date) -> tuple[dt.date, Precision, str]:
            delta = ((wd - base.weekday()) % 7 or 7) if step > 0 else -((base.weekday() - wd) % 7 or 7)
            which = "after" if step > 0 else "before"
            return base + delta * _DAY, "day", f'"{quoted}": the {name} {which} {{anchor}}'

        return _Cand(s, m.end(), "anaphoric", relative=from_anchor)
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
    if _OF_A_MONTH.match(text, m.end()):
        return None  # "the last week of March": a week of that month (resolve._week_of)
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


_OF_A_MONTH = re.compile(rf"\s+of\s+{_FULL_MONTH}\b")
_THAN = re.compile(r"\s+than\b")


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
    if _THAN.match(text, m.end()):  # "three days later than planned": counted from the plan, not from a date
        return _Cand(m.start(), m.end(), "undated", basis=f'"{quoted}": counted from an event, not a date')

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        v, precision = _offset(base, n, unit, sign)
        return v, precision, f'"{quoted}": {how} {{anchor}}'

    return _Cand(m.start(), m.end(), "anaphoric", relative=resolve, unit=unit if unit in ("month", "year") else "day")


def _unit_from_anchor(m: re.Match[str], text: str) -> _Cand:
    """"the year before", "the year previous", "the month after": the year (month, ISO week) before or after the
    one the story last named."""
    quoted = m.group(0)
    unit = m.group("unit").lower()
    shift = 1 if m.group("dir").lower() in ("after", "following") else -1

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        how = f'"{quoted}": the {unit} {"after" if shift > 0 else "before"} {{anchor}}'
        if unit == "year":
            return dt.date(base.year + shift, 1, 1), "year", how
        if unit == "month":
            return _shift_months(base.replace(day=1), shift), "month", how
        monday = base - base.weekday() * _DAY + 7 * shift * _DAY
        return monday, "week", how

    return _Cand(m.start(), m.end(), "anaphoric", relative=resolve, unit=unit if unit != "week" else "day")


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str], str], _Cand | list[_Cand] | None]]] = [
    (_ISO, _stated),
    (_DAY_LIST, _day_list),  # (before _STATED_MDY: its first day takes the list's year)
    (_STATED_MDY, _stated),
    (_STATED_DMY, _stated),
    (_STATED_WORD_MDY, _stated),
    (_STATED_WORD_DMY, _stated),
    (_PART_OF_YEAR, _part_of_year),
    (_MONTH_YEAR, _stated),
    (_MONTH_ALONE, _stated_month_alone),
    (_MONTH_SPAN, _month_span),
    (_YEAR_ALONE, _year_alone),
    (_YEAR_LIST, _year_list),
    (_NUMERIC_DATE, _numeric_date),
    (_DEICTIC_DAY, _deictic_day),
    (_WEEKDAY_EXPR, _weekday),
    (_PERIOD, _period),
    (_AGO, _ago),
    (_ANAPHORIC_DAY, _anaphoric_day),
    (_UNIT_FROM_ANCHOR, _unit_from_anchor),
    (_SEASON, _season),
    (_DECADE, _decade),
    (_QUARTER, _quarter),
    (_QUARTER_OF_YEAR, _quarter_of_year),
    (_MONTH_OF_YEAR, _month_of_year),
    (_YEAR_END, _year_end),
    (_CENTURY, _century),
    (_PRESENT, _present),
    (_RECENTLY, _recently),
    (_RECENT_YEARS, _recently),
    (_CURRENT_ADJ, _current_or_recent),
    (_FUTURE_REF, _future_ref),
    (_SOON, _future_ref),
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
    _STATED_WORD_MDY: _MONTH_KEYS,
    _STATED_WORD_DMY: _MONTH_KEYS,
    _PART_OF_YEAR: ("half of", "quarters of", "quarter of"),
    _MONTH_YEAR: _MONTH_KEYS,
    _MONTH_ALONE: _MONTH_KEYS,
    _MONTH_SPAN: _MONTH_KEYS,
    _DAY_LIST: _MONTH_KEYS,
    _YEAR_LIST: (" to ", " and ", " or ", " until ", " till ", " through "),
    _NUMERIC_DATE: ("/",),
    _RECENT_YEARS: ("recent years",),
    _CURRENT_ADJ: ("current", "recent"),
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
    _THE_DAY: ("the day", "consecutive day", "straight day", "successive day", "day in a row"),
    _THE_YEAR: ("year",),
    _FUTURE_REF: ("future", "term", "later date"),
    _SOON: ("soon",),
    _AGO: ("ago",),
    _SEASON: ("spring", "summer", "autumn", "fall", "winter"),
    _DECADE: ("0s",),
    _QUARTER: ("quarter", "q1", "q2", "q3", "q4"),
    _CENTURY: ("century",),
    _PRESENT: ("now", "current", "present", "moment", "time being"),
    _YEAR_RANGE: ("-", "–", "/"),
    _SPOKEN_YEAR: ("nineteen", "twenty", "thousand"),
    _ANAPHORIC_DAY: ("day", "week", "month", "year", "morning", "afternoon", "evening", "night"),
    _UNIT_FROM_ANCHOR: ("the week", "the month", "the year"),
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


_AGE = re.compile(r"(?i)^(?:at\s+)?(?:the\s+)?ages?\s+(?:of\s+)?\d{1,3}\b")
_TWO_DIGIT_DECADE = re.compile(r"^['\u2019]?[2-9]0s$")
# what leads a two-digit decade: "the ", "the late ", "the 70s and "
_DECADE_BEFORE = re.compile(
    r"(?i)\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?:['\u2019]?[2-9]0s\s*(?:,|and|or|to|through|&)\s*(?:the\s+)?"
    r"(?:(?:early|mid|late)[\s-]+)?)*$"
)


# a number that names a stock index or list: "the Russell 2000 Index", "the Fortune 500 companies"
_INDEX_NAME_AFTER = re.compile(r"\s+(?:[Ii]ndex|[Ii]ndices|[Ii]ndexes|[Aa]verage|[Cc]omposite|[Cc]ompanies|list)\b")


def _from_entity(text: str, start: int, end: int) -> _Cand | None:
    """A spaCy DATE entity none of our patterns covered: a year, an undated expression, or nothing (a duration)."""
    quoted = text[start:end].strip()
    if _YEAR_AGO_PERIOD.match(quoted) or _LATEST_PERIOD.match(quoted) or _CURRENT_PERIOD.match(quoted):
        # "the year-ago quarter": a period, not an amount of time (an earnings report's, see _earnings_periods)
        return _Cand(start, end, "undated", basis=f'"{quoted}": a period named relative to another')
    if not quoted or _DURATION.match(quoted) or _DURATION_PART.search(quoted) or _SET.match(quoted):
        return None
    if _AGE.match(quoted):
        return None  # "the age of 56": a person's age
    if _TWO_DIGIT_DECADE.match(quoted) and _DECADE_BEFORE.search(text, max(0, start - 40), start):
        # "the 70s and 80s": each a decade of the 20th century (not "in their 30s": an age)
        value = dt.date(1900 + 10 * int(quoted.lstrip("'\u2019")[0]), 1, 1)
        return _Cand(start, end, "stated", value, "decade", f'"{quoted}": the decade {value.year}-{value.year + 9}')
    if _NUMERIC.match(quoted) or (_ENDS_IN_UNIT.search(quoted) and not _DATE_WORD.search(quoted)):
        return None  # "44" (an age), "30s", "six, seven years", "30 -- 40 days": amounts of time, not dates
    month = _BARE_MONTH.match(quoted)
    if month:  # "October": a year-less month, as if stated after "in"
        return _Cand(
            start, end, "stated", month=_month_of(month.group("month")), forward=_future_clause(text, start),
            soon=_soon(text, start), past=_past(text, start),
        )
    decade = _SHORT_DECADE.match(quoted)
    if decade:  # "the nineties", "the '70s": a decade of the 20th century
        d = int(decade.group("d")) if decade.group("d") else _DECADE_WORDS[decade.group("w").lower()]
        value = dt.date(1900 + 10 * d, 1, 1)
        return _Cand(start, end, "stated", value, "decade", f'"{quoted}": the decade {value.year}-{value.year + 9}')
    years = _ANY_YEAR.findall(quoted)
    if quoted.isdigit() and _INDEX_NAME_AFTER.match(text, end):
        return None  # "the Russell 2000 index", "the Nikkei 225 average": a number in a name, not a year
    if len(years) == 1 and not re.search(r"\d{2}s\b|'\d0s", quoted):
        return _Cand(start, end, "stated", dt.date(int(years[0]), 1, 1), "year", f'"{quoted}": stated year')
    return _Cand(start, end, "undated", basis=f'"{quoted}": not resolvable to a calendar date')
