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
