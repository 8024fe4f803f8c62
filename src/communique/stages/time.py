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
event is on or before the value) or ``unknown`` (no value).

:func:`event_date` picks the date of an event from the timexes of its sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import Doc, EventDate, Precision, Span, Timex
from ..pipeline import stage

__all__ = ["TimeStage", "event_date", "extract"]

_DAY = dt.timedelta(days=1)
_FUTURE_SLACK = dt.timedelta(days=61)  # "about two months" after publication is still this year

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = [
    "", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]  # fmt: skip
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}

# -- patterns ---------------------------------------------------------------------------------------------------

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?P<month>{_FULL_MONTH}|{_ABBR_MONTH})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d{2})"
_NOT_NUM = r"(?![\d,.]\d|\d|%)"  # not part of a longer number: "16,000", "16.5", "16%"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_VAGUE = r"(?:a\s+few|a\s+couple\s+of|several|some)"
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

_STATED_MDY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAYNUM}\b{_NOT_NUM}(?:(?:\s*,\s*|\s+){_YEAR}\b{_NOT_NUM})?"
)
_STATED_DMY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAYNUM}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR}\b{_NOT_NUM})?"
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b(?!-\d)")
_MONTH_YEAR = re.compile(
    rf"\b(?:(?:early|mid|late)[\s-]+)?(?P<month>{_FULL_MONTH}|{_ABBR_MONTH})(?:\s+of)?,?\s+{_YEAR}\b{_NOT_NUM}"
)
_MONTH_ALONE = re.compile(
    rf"\b(?:(?i:in|since|by|until|till|through|during|from|before|after|to|of|since|last|this|next|early|mid|late)"
    rf"(?:[\s-]+(?i:early|mid|late))?[\s-]+)(?P<month>{_FULL_MONTH})\b(?!\s+\d)"
)
_MONTH_MOD = re.compile(r"(?i)\b(last|this|next|early|mid|late)[\s-]+(?:(early|mid|late)[\s-]+)?$")
_YEAR_ALONE = re.compile(
    rf"\b(?i:in|since|by|until|till|through|during|from|before|after|of|for|early|mid|late|fiscal|between|and)[\s-]+"
    rf"(?P<core>(?i:(?:the\s+)?year\s+|fiscal\s+)?{_YEAR})\b(?![-–/]\d|\d|,\d|s\b|'s\b|%)"
)
_DEICTIC_DAY = re.compile(
    r"\b(?i:(?P<dby>the\s+day\s+before\s+yesterday)|(?P<dat>the\s+day\s+after\s+tomorrow)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<yesterday>yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night)"
    r"|(?P<tomorrow>tomorrow(?:\s+(?:morning|afternoon|evening|night))?))\b"
)
_WEEKDAY_EXPR = re.compile(
    rf"\b(?:(?P<mod>(?i:last|this\s+past|this|next|on|past|coming|this\s+coming))\s+)?"
    rf"(?P<wd>{_WEEKDAY})(?P<part>{_DAY_PART})\b(?!,?\s+(?:{_FULL_MONTH}|{_ABBR_MONTH}|[0-3]?\d\b))"
)
_PERIOD = re.compile(
    r"\b(?i:(?P<mod>last|this|next|earlier\s+this|later\s+this|the\s+previous|the\s+following|the\s+next"
    r"|the\s+same|that|the\s+prior|the\s+preceding|the\s+last|the\s+past)\s+(?P<unit>week(?:end)?|month|year))\b"
    r"(?!\s*-|'s\s+\d)"
)
_AGO = re.compile(rf"\b(?i:(?P<n>{_NUM}|{_VAGUE})\s+(?P<unit>day|week|month|year)s?\s+ago)\b")
_ANAPHORIC_DAY = re.compile(
    r"\b(?i:(?P<same>(?:later|earlier)\s+(?:that|the\s+same)\s+day|(?:that|the)\s+same\s+day"
    r"|that\s+(?:day|morning|afternoon|evening|night))"
    r"|(?P<prev>the\s+(?:previous|prior|preceding)\s+(?:day|morning|afternoon|evening|night)"
    r"|the\s+day\s+(?:before|earlier|prior))"
    r"|(?P<next>the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)|the\s+day\s+after)"
    rf"|(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>earlier|later|before|after|afterwards?|prior))\b"
)
# "the day before the vote" counts from the vote, not from the anchor
_COMPLEMENT = re.compile(r"\s*(?!(?:and|but|or|while|when|too|as\s+well)\b)(?:to\s+)?[A-Za-z0-9'‘“\"]")

_DURATION = re.compile(
    r"(?ix)^(?:(?:the|a|an|over|for|about|some|nearly|almost|more\s+than|less\s+than|at\s+least|up\s+to)\s+)*"
    r"(?:(?:past|last|next|coming|previous|following|first|final|recent|few|several|many|couple\s+of|full)\s+)*"
    r"(?:[\d.,]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    r"|fifty|hundred|half|few|several|many|some|couple|[a-z]+-[a-z]+)?[\s-]*(?:and\s+a\s+half\s+)?"
    r"(?:day|week|month|year|decade|century|centuries|hour|minute|quarter|season|weekend|night|fortnight)s?"
    r"(?:[\s-]+(?:old|long|later|earlier))?$"
)
_DURATION_PART = re.compile(r"(?i)\d+-(?:day|week|month|year|decade)\b|\b(?:years?|months?|days?)[\s-]+(?:old|long)\b")
_SET = re.compile(r"(?i)^(?:annual(?:ly)?|daily|weekly|monthly|yearly|every\s+.*|each\s+.*|per\s+.*|a\s+year)$")
_NUMERIC = re.compile(r"^(?:\d{1,3}|\d{1,2}s|'\d0s)$")
_ENDS_IN_UNIT = re.compile(r"(?i)\b(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?)$")
_DATE_WORD = re.compile(
    rf"(?i)\b(?:{_FULL_MONTH}|{_WEEKDAY}|today|yesterday|tomorrow|ago|this|last|next|that|same|previous|following"
    r"|earlier|later|(?:1\d|20)\d\d)\b"
)
_SEASON = re.compile(
    rf"\b(?:(?P<mod>(?i:last|this\s+past|this|next|this\s+coming|early|late|mid|in\s+the|during\s+the|the))[\s-]+)?"
    rf"(?P<season>(?i:spring|summer|autumn|winter)|[Ff]all)(?:,?\s+(?:of\s+)?{_YEAR}\b{_NOT_NUM})?\b"
)
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_QUARTER = re.compile(
    rf"\b(?:(?:the\s+)?(?P<qw>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?i:quarter)"
    rf"|Q(?P<qn>[1-4]))\b(?:,?\s+(?:of\s+)?(?:fiscal\s+)?{_YEAR}\b{_NOT_NUM})?(?![\s-]+(?:of\s+a|century|mile))"
)
_QUARTER_YEAR = re.compile(
    r"(?i)(?:\b(?P<y>(?:19|20)\d\d)|\byear[\s-](?:ago|earlier)|\blast\s+year'?s?|(?P<this>\bthis\s+year'?s?))"
    r"(?:\s+(?:fiscal|comparable|corresponding))?\s+(?:the\s+)?$"
)
_DECADE = re.compile(r"\b(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<dec>(?:1\d|20)\d0)s\b")
_ORDINALS = {
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21, "twenty-second": 22,
}  # fmt: skip
_CENTURY = re.compile(
    r"\b(?i:(?:the\s+)?(?:(?P<num>\d{1,2})(?:st|nd|rd|th)|(?P<word>fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|twenty[- ]first|twenty[- ]second)|(?P<mod>this|last|next|the\s+last|the\s+previous))"
    r"[\s-]+century)\b(?![\s-]+(?:old|long))"
)
_PRESENT = re.compile(r"\b(?i:now|currently|at\s+present|presently|nowadays|at\s+the\s+moment)\b(?!-|\s+that\b)")
_PRESENT_NOT = re.compile(r"(?i)\b(?:until|till|by|from|since|right|just|for)\s+$")
_YEAR_RANGE = re.compile(r"(?<![\d-])(?P<y1>1\d{3}|20\d{2})\s*[-–/]\s*(?P<y2>\d{4}|\d{2})\b(?![-–/.,]?\d|%)")
_ANY_YEAR = re.compile(r"(?<![\d'’])(1\d{3}|20\d{2})(?![\d]|s\b|\s*[-–/]\s*\d)")


# -- candidates -------------------------------------------------------------------------------------------------

Resolver = Callable[[dt.date], tuple[dt.date, Precision, str]]


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str  # "stated" (value set or month/day waiting for a year), "deictic", "anaphoric", "undated"
    value: dt.date | None = None
    precision: Precision = "unknown"
    basis: str = ""
    month: int = 0  # stated without a year: month (and day) wait for the publication year
    day: int = 0
    forward: bool = False  # a year-less date in a future-tense clause: the next such date
    unit: str = "day"  # what an anaphoric expression counts in: it needs an anchor at least this precise
    relative: Resolver | None = None


_FUTURE_WINDOW = 40  # characters before the expression searched for a future cue
# "due to" is future only before a verb ("due to meet"), not before a noun phrase ("due to its loss")
_DUE_TO = r"due\s+to(?!\s+(?:the|its|a|an|their|his|her|our|this|that|higher|lower|strong|weak)\b)"
_FUTURE_CUE = re.compile(
    rf"(?i)\b(?:will|shall|'ll|scheduled|{_DUE_TO}|set\s+to|expected\s+to|plans?\s+to|planned\s+to"
    r"|planning\s+to|is\s+to|are\s+to|as\s+(?:soon|early)\s+as|postponed\s+until|put\s+off\s+until"
    r"|payable|matur(?:e|es|ing)|expir(?:e|es|ing))\b"
)


_FUTURE_CLAUSE_CUE = re.compile(
    rf"(?i)\b(?:will|shall|'ll|would|scheduled|{_DUE_TO}|set\s+to|expected\s+to|plans?\s+to|planned|is\s+to|are\s+to"
    r"|going\s+to|hopes?\s+to|intends?\s+to|aims?\s+to|upcoming|next)\b"
)


def _future_clause(text: str, start: int) -> bool:
    """A future-tense cue anywhere earlier in the sentence ("the ceasefire will hold until June"; reported
    "would last until June"): a year-less month there is the next such month."""
    line_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(_FUTURE_CLAUSE_CUE.search(text, line_start, start))


# a sentence's end: a period, ! or ? and a space, not after an initial ("Daniel P. Davison") or a title
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bInc)(?<!\bCorp)(?<!\bJr)[.!?]\s|\n"
)


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``start`` begins (after the last sentence end in the 300 characters before)."""
    lo = max(0, start - 300)
    last = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        last = m.end()
    return last


def _future(text: str, start: int) -> bool:
    """A future-tense cue shortly before ``start``, in the same sentence ("will meet on Friday", "payable Jan. 2")."""
    line_start = _sentence_start(text, start)
    return bool(_FUTURE_CUE.search(text, max(line_start, start - _FUTURE_WINDOW), start))


# plans and reported futures before a weekday: "planned a demonstration on Saturday", "would be travelling Thursday"
_WEEKDAY_FUTURE_BEFORE = re.compile(r"(?i)\b(?:planned|planning|plans|intends|intended|hopes)\b")
# a weekday opening a clause whose verb is future: "On Tuesday, the league plans to hold ..."
_WEEKDAY_FUTURE_AFTER = re.compile(
    rf"(?i)[^.;]{{0,60}}?\b(?:will|plans?\s+to|is\s+(?:scheduled|expected|due|set)\s+to|are\s+(?:scheduled|expected"
    rf"|due|set)\s+to|{_DUE_TO})\b"
)


def _future_weekday(text: str, start: int, end: int) -> bool:
    """A weekday of the coming week: a future cue shortly before it (:func:`_future`, or "planned", "plans"
    in the 60 characters before, same sentence; not a possessive "Wednesday's"), or, when the weekday opens
    its sentence or clause ("On Tuesday, ..."), a future verb shortly after."""
    if re.match(r"['\u2019]s\b", text[end : end + 3]):
        return False  # "get around Wednesday's ruling": a past event's day
    if _future(text, start):
        return True
    line_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    if _WEEKDAY_FUTURE_BEFORE.search(text, max(line_start, start - 60), start):
        return True
    lead = text[line_start:start].strip().lower()
    return lead in ("", "on", "and on", "but on") and bool(_WEEKDAY_FUTURE_AFTER.match(text, end))


def _month_of(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _n(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _show(d: dt.date, precision: Precision) -> str:
    return (
        f"{d.year:04d}" if precision == "year" else f"{d.year:04d}-{d.month:02d}" if precision == "month" else _iso(d)
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
    return _Cand(s, e, "stated", month=month, day=day, forward=_future(text, s))


def _stated_month_alone(m: re.Match[str], text: str) -> _Cand | None:
    s = m.start("month")
    mod = _MONTH_MOD.search(text, m.start(), s)
    if mod:
        s = mod.start()
        word = mod.group(1).lower()
        if word in ("last", "next", "this"):
            month = _month_of(m.group("month"))
            return _Cand(s, m.end(), "deictic", relative=_month_relative(word, month, text[s : m.end()]))
    return _Cand(s, m.end(), "stated", month=_month_of(m.group("month")), forward=_future_clause(text, s))


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
            delta = (wd - base.weekday()) % 7 or 7
            return base + delta * _DAY, "day", f'"{quoted}": the first {name} after publication ({_iso(base)})'
        delta = (base.weekday() - wd) % 7
        if delta == 0 and ("last" in mod or "past" in mod):  # "last Tuesday" said on a Tuesday: a week earlier
            return base - 7 * _DAY, "day", f'"{quoted}": the {name} before publication ({_iso(base)}), a week earlier'
        return base - delta * _DAY, "day", f'"{quoted}": most recent {name} on or before publication ({_iso(base)})'

    return _Cand(s, m.end(), "deictic", relative=resolve)


def _shift_months(d: dt.date, months: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


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


def _count(n: int, unit: str) -> str:
    return f"{_NUMBER_WORDS.get(n, str(n))} {unit}{'' if n == 1 else 's'}"


def _offset(base: dt.date, n: int, unit: str, sign: int) -> tuple[dt.date, Precision]:
    if unit == "day":
        return base + sign * n * _DAY, "day"
    if unit == "week":
        return base + sign * 7 * n * _DAY, "day"
    if unit == "month":
        return _shift_months(base, sign * n), "month"
    return dt.date(base.year + sign * n, 1, 1), "year"


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
        back = 0 if before.group("this") else 1

        def resolve_year(base: dt.date) -> tuple[dt.date, Precision, str]:
            v = dt.date(base.year - back, 3 * q - 2, 1)
            which = "the year before publication's" if back else "the year of publication"
            return v, "quarter", f'"{text[start : m.end()]}": {v.year}-Q{q}, {which} ({_iso(base)})'

        return _Cand(start, m.end(), "deictic", relative=resolve_year)
    forward = _future(text, m.start())

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


def _present(m: re.Match[str], text: str) -> _Cand | None:
    if _PRESENT_NOT.search(text, max(0, m.start() - 8), m.start()):
        return None  # "until now", "right now", "by now": not the reporter's present as a date
    quoted = m.group(0)

    def resolve(base: dt.date) -> tuple[dt.date, Precision, str]:
        return base, "present", f'"{quoted}": the present (PRESENT_REF), publication ({_iso(base)})'

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
    (_CENTURY, _century),
    (_PRESENT, _present),
    (_YEAR_RANGE, _year_range),
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
    _AGO: ("ago",),
    _SEASON: ("spring", "summer", "autumn", "fall", "winter"),
    _DECADE: ("0s",),
    _QUARTER: ("quarter", "q1", "q2", "q3", "q4"),
    _CENTURY: ("century",),
    _PRESENT: ("now", "current", "present", "moment"),
    _YEAR_RANGE: ("-", "–", "/"),
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
    years = _ANY_YEAR.findall(quoted)
    if len(years) == 1 and not re.search(r"\d{2}s\b|'\d0s", quoted):
        return _Cand(start, end, "stated", dt.date(int(years[0]), 1, 1), "year", f'"{quoted}": stated year')
    return _Cand(start, end, "undated", basis=f'"{quoted}": not resolvable to a calendar date')


# -- resolution -------------------------------------------------------------------------------------------------


def _year_for(month: int, day: int, published: dt.date, *, forward: bool = False) -> tuple[int, str]:
    year = published.year
    try:
        first = dt.date(year, month, day or 1)
    except ValueError:  # 29 February outside a leap year
        first = dt.date(year, month, 28)
    if forward and (first < published if day else (year, month) < (published.year, published.month)):
        return year + 1, f"year {year + 1}: the first such date after publication {_iso(published)} (future tense)"
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
        taken = [(c.start, c.end) for c in cands]
        for start, end, label in ents:
            if label != "DATE" or not 0 <= start < end <= len(text):
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            c = _from_entity(text, start, end)
            if c is not None:
                cands.append(c)
                taken.append((start, end))
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
    if published is not None and _QUARTER_WORD.search(text):
        _earnings_periods(text, out, published)
    return out


# -- earnings reports: "a year ago" is the year-ago quarter -------------------------------------------------------

_QUARTER_WORD = re.compile(r"(?i)\bquarter")
_MONEY = re.compile(r"(?i)\$\s?\d|\d\s*(?:cents?|pence|million|billion|%)|\b(?:net|revenue|sales|earnings|profit)\b")
# the comparison period of an earnings report: the same quarter a year before
_YEAR_AGO_PERIOD = re.compile(
    r"(?i)^(?:(?:just\s+)?a\s+year\s+(?:ago|earlier|before)|last\s+year|(?:the\s+)?year[\s-](?:ago|earlier)"
    r"(?:\s+(?:period|quarter|results?))?|the\s+(?:comparable|corresponding|year-(?:ago|earlier))\s+(?:period|quarter)"
    r"|the\s+comparable)$"
)
_LATEST_PERIOD = re.compile(
    r"(?i)^(?:the\s+)?(?:latest|most\s+recent|recent|just-ended|past)\s+(?:quarter|period)(?:'s)?$"
)
_CURRENT_PERIOD = re.compile(r"(?i)^(?:the\s+)?(?:current|present)\s+quarter(?:'s)?$")


def _earnings_periods(text: str, out: list[Timex], published: dt.date) -> None:
    """In a report that compares quarterly results, re-read its period expressions as quarters (in place):
    "a year ago", "a year earlier", "last year", "the year-ago period" in a sentence with figures ("net of $5
    million, or 61 cents a share, a year ago") are the report's quarter a year before; "the latest quarter" is
    the report's quarter; "the current quarter" the quarter of publication ("last year" only in a sentence
    that speaks of a quarter). The report's quarter is the quarter completed in the 15 months before
    publication that the text names most often ("third-quarter net"), else the last one completed before
    publication (the Wall Street Journal's convention in TimeBank)."""
    recent = [t for t in out if t.precision == "quarter" and t.value is not None
              and _shift_months(t.value, 3) <= published and published - t.value <= dt.timedelta(days=460)]
    # the quarter the report is about: the recent quarter it names most often, the latest on a tie
    stated = max(recent, key=lambda t: (sum(o.value == t.value for o in recent), t.value), default=None)
    if stated is not None and stated.value is not None:
        report = stated.value
        how = f'the quarter the report is about ("{text[stated.span.start : stated.span.end]}", {stated.timeml})'
    else:
        q_start = dt.date(published.year, (published.month - 1) // 3 * 3 + 1, 1)
        report = _shift_months(q_start, -3)
        how = f"the last quarter completed before publication ({_iso(published)})"
    for k, t in enumerate(out):
        quoted = text[t.span.start : t.span.end].strip()
        if _LATEST_PERIOD.match(quoted):
            out[k] = Timex(t.span, report, "quarter", f'"{quoted}": {how}')
        elif _CURRENT_PERIOD.match(quoted):
            cur = dt.date(published.year, (published.month - 1) // 3 * 3 + 1, 1)
            out[k] = Timex(t.span, cur, "quarter", f'"{quoted}": the quarter of publication ({_iso(published)})')
        elif _YEAR_AGO_PERIOD.match(quoted) and t.precision in ("year", "unknown", "quarter"):
            line_start = max(text.rfind(". ", 0, t.span.start), text.rfind("\n", 0, t.span.start)) + 1
            line_end = text.find(". ", t.span.end)
            sentence = text[line_start : line_end if line_end >= 0 else len(text)]
            if not (_MONEY.search(sentence) and (_QUARTER_WORD.search(sentence) or _FIGURES.search(sentence))):
                continue
            if quoted.lower() == "last year" and not _QUARTER_WORD.search(sentence):
                continue  # "Last year, the company earned $5 million": the whole year
            ago = dt.date(report.year - 1, report.month, 1)
            out[k] = Timex(t.span, ago, "quarter", f'"{quoted}": the same quarter a year before {how}')


_FIGURES = re.compile(r"(?i)\b(?:cents?|pence)\s+a\s+share\b|\$\s?\d[\d.,]*\s+(?:million|billion)")


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
                year, how = _year_for(c.month, c.day, published, forward=c.forward)
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


# -- event dates ------------------------------------------------------------------------------------------------

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
    before publication, else unknown.
    """
    text = doc.text
    published = doc.article.published
    sent = doc.sentences[sentence] if 0 <= sentence < len(doc.sentences) else trigger
    best: tuple[float, Timex] | None = None
    for t in doc.timexes:
        if t.value is None or not sent.contains(t.span):
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

    for t in doc.timexes:
        if t.value is None or t.precision != "day":
            continue
        s = doc.sentence_of(t.span.start) if doc.sentences else 0
        where = doc.sentences[s] if doc.sentences else Span(0, len(text))
        if refs is not None and not any(where.contains(r) for r in refs):
            continue
        if _REPORTED.search(text, where.start, where.end):
            return EventDate(
                t.value,
                "on_or_before",
                f"no date stated; on or before it was first reported: {t.basis}",
                evidence=t.span,
            )
    if published is not None:
        return EventDate(published, "on_or_before", f"no date stated; on or before publication ({_iso(published)})")
    return EventDate(None, "unknown", "no date stated and no publication date")


# -- the stage --------------------------------------------------------------------------------------------------


def date_entities(sdoc: object) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of the DATE entities of a spaCy Doc (nothing when there is no parse)."""
    ents = getattr(sdoc, "ents", None) or ()
    return [(e.start_char, e.end_char, e.label_) for e in ents if e.label_ == "DATE"]


@stage("communique.time.v1", requires=["nlp", "sentences"], assigns=["timexes"])
class TimeStage:
    def __call__(self, doc: Doc) -> Doc:
        doc.timexes = extract(doc.text, ents=date_entities(doc.nlp), published=doc.article.published)
        return doc
