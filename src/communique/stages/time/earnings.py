"""Earnings reports: "a year ago" is the year-ago quarter, "the latest quarter" the report's."""

from __future__ import annotations

import datetime as dt
import re

from ...model import Timex
from .patterns import _iso, _shift_months

_QUARTER_WORD = re.compile(r"(?i)\bquarter")
_MONEY = re.compile(r"(?i)\$\s?\d|\d\s*(?:cents?|pence|million|billion|%)|\b(?:net|revenue|sales|earnings|profit)\b")
# the comparison period of an earnings report: the same quarter a year before
_YEAR_AGO_PERIOD = re.compile(
    r"(?i)^(?:(?:just\s+)?a\s+year\s+(?:ago|earlier|before)|last\s+year|(?:the\s+)?year[\s-](?:ago|earlier)"
    r"(?:\s+(?:period|quarter|results?))?|the\s+(?:comparable|corresponding|year-(?:ago|earlier))\s+(?:period|quarter)"
    r"|the\s+comparable)$"
)
_LATEST_PERIOD = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:latest|most\s+recent|recent|just-ended|past|last)\s+(?:quarter|period)|the\s+quarter)"
    r"(?:'s)?$"
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
            if _MULTI_MONTH.search(sentence) and not _QUARTER_WORD.search(sentence):
                # "For the nine months, net was $40 million, compared with $52 million a year earlier": the year
                out[k] = Timex(t.span, dt.date(report.year - 1, 1, 1), "year",
                               f'"{quoted}": the year before that of {how} (a period of several months compared)')
                continue
            ago = dt.date(report.year - 1, report.month, 1)
            out[k] = Timex(t.span, ago, "quarter", f'"{quoted}": the same quarter a year before {how}')


_FIGURES = re.compile(r"(?i)\b(?:cents?|pence)\s+a\s+share\b|\$\s?\d[\d.,]*\s+(?:million|billion)")
_MULTI_MONTH = re.compile(
    r"(?i)\b(?:(?:first\s+)?(?:six|nine|twelve|12|9|6)\s+months|(?:first|second)\s+half|half[\s-]year|full\s+year"
    r"|fiscal\s+year|year\s+to\s+date)\b"
)
_A_YEAR_BEFORE = re.compile(
    r"(?i)^(?:last\s+year|(?:just\s+)?a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior|preceding)\s+year)$"
)
_SAME_PERIOD = re.compile(r"(?i)\bthe\s+same\s+(?:period|month|quarter|week|season|time)\s+(?:of\s+|in\s+)?$")


_NAMED_PERIODS = ("month", "quarter", "season", "day")


def _same_period(text: str, out: list[Timex]) -> None:
    """"rose in February compared to the same period last year": the period the sentence named a year before
    (in place): "last year", "a year ago", "a year earlier" after "the same period / month / quarter" take the
    month, quarter, season or day named earlier in the sentence, with the year before."""
    for k, t in enumerate(out):
        quoted = text[t.span.start : t.span.end].strip()
        if not _A_YEAR_BEFORE.match(quoted) or not _SAME_PERIOD.search(text, max(0, t.span.start - 40), t.span.start):
            continue
        line_start = max(text.rfind(". ", 0, t.span.start), text.rfind("\n", 0, t.span.start)) + 1
        before = out[k - 1] if k > 0 else None
        if not (
            before is not None
            and not text[before.span.end : t.span.start].strip()
            and _SAME_PERIOD.search(text, before.span.start, t.span.start)
        ):
            before = None  # else "the same month a year ago" is one period, and "the same month" names none
        prior = [
            o
            for o in out[:k]
            if o.span.start >= line_start
            and o.value is not None
            and o.precision in _NAMED_PERIODS
            and o is not before
        ]
        if not prior:
            continue
        named = prior[-1]
        assert named.value is not None
        try:
            value = named.value.replace(year=named.value.year - 1)
        except ValueError:  # 29 February
            value = named.value.replace(year=named.value.year - 1, day=28)
        what = text[named.span.start : named.span.end]
        out[k] = Timex(t.span, value, named.precision, f'"{quoted}": the same period as "{what}", a year before')
        if before is not None:  # "the same month a year ago": the month a year before, not the month named
            same = text[before.span.start : before.span.end]
            out[k - 1] = Timex(
                before.span, value, named.precision, f'"{same}": the period of "{what}", a year before, with "{quoted}"'
            )
