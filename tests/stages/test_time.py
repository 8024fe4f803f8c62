"""Tests for the time stage: extraction, resolution and event dates."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.model import Article, Doc, EventDate, Span, Timex
from communique.stages.time import event_date, extract

D = dt.date
PUB = D(2025, 11, 17)  # a Monday
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "article.txt"


def at(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


def test_stated_date_then_the_following_day() -> None:
    text = "Talks opened in Geneva on 3 March 2024. The following day, both delegations walked out."
    assert extract(text, published=PUB) == [
        Timex(at(text, "3 March 2024"), D(2024, 3, 3), "day", '"3 March 2024": stated date'),
        Timex(
            at(text, "The following day"),
            D(2024, 3, 4),
            "day",
            '"The following day": one day after 3 March 2024 (2024-03-03), the date stated earlier in the text',
            anchor=0,
        ),
    ]


def test_year_from_publication_and_the_previous_day() -> None:
    text = "The raid was first reported on November 16. It followed a phone call the previous day."
    assert extract(text, published=PUB) == [
        Timex(
            at(text, "November 16"),
            D(2025, 11, 16),
            "day",
            '"November 16": stated date, year from publication date 2025-11-17',
        ),
        Timex(
            at(text, "the previous day"),
            D(2025, 11, 15),
            "day",
            '"the previous day": one day before November 16 (2025-11-16), the date stated earlier in the text',
            anchor=0,
        ),
    ]


def test_yearless_date_moves_back_a_year_when_too_far_ahead() -> None:
    text = "The ceasefire agreed on Dec. 28 held until 16 February."
    assert extract(text, published=D(2025, 1, 5)) == [
        Timex(
            at(text, "Dec. 28"),
            D(2024, 12, 28),
            "day",
            '"Dec. 28": stated date, year 2024 from publication date 2025-01-05 (2025 is over two months ahead)',
        ),
        Timex(
            at(text, "16 February"),
            D(2025, 2, 16),
            "day",
            '"16 February": stated date, year from publication date 2025-01-05',
        ),
    ]


def test_absolute_forms() -> None:
    text = "Dates: Nov. 16, 2024; 2024-03-01; March 2023; in 2019."
    assert extract(text, published=PUB) == [
        Timex(at(text, "Nov. 16, 2024"), D(2024, 11, 16), "day", '"Nov. 16, 2024": stated date'),
        Timex(at(text, "2024-03-01"), D(2024, 3, 1), "day", '"2024-03-01": stated date'),
        Timex(at(text, "March 2023"), D(2023, 3, 1), "month", '"March 2023": stated date'),
        Timex(at(text, "2019"), D(2019, 1, 1), "year", '"2019": stated year'),
    ]


def test_deictic_expressions_count_from_publication() -> None:
    text = "The ministry said on Thursday that a convoy was attacked yesterday, after talks collapsed last month."
    assert extract(text, published=PUB) == [
        Timex(
            at(text, "Thursday"),
            D(2025, 11, 13),
            "day",
            '"Thursday": most recent Thursday on or before publication (2025-11-17)',
        ),
        Timex(at(text, "yesterday"), D(2025, 11, 16), "day", '"yesterday": one day before publication (2025-11-17)'),
        Timex(
            at(text, "last month"), D(2025, 10, 1), "month", '"last month": October 2025, from publication (2025-11-17)'
        ),
    ]


def test_weeks_are_iso_weeks_and_future_weekdays_look_forward() -> None:
    text = "Fighting resumed last week. Envoys will meet on Friday."
    assert extract(text, published=PUB) == [
        Timex(
            at(text, "last week"),
            D(2025, 11, 10),
            "week",
            '"last week": ISO week 2025-W46 (from Monday 2025-11-10), from publication (2025-11-17)',
        ),
        Timex(at(text, "Friday"), D(2025, 11, 21), "day", '"Friday": the first Friday after publication (2025-11-17)'),
    ]


def test_durations_are_not_dates() -> None:
    text = "The embassy reopened after a 13-year hiatus, ending years of silence and decades of rivalry."
    ents = [(m.start(), m.end(), "DATE") for m in re.finditer(r"13-year|years|decades", text)]
    assert extract(text, ents=ents, published=PUB) == []


def test_date_entities_the_patterns_miss() -> None:
    text = "Sales fell during the 1997 holiday season and again in the autumn."
    ents = [(at(text, "the 1997 holiday season").start, at(text, "the 1997 holiday season").end, "DATE")]
    ents.append((at(text, "the autumn").start, at(text, "the autumn").end, "DATE"))
    ents.append((0, 5, "ORG"))  # not a date: ignored
    assert extract(text, ents=ents, published=PUB) == [
        Timex(at(text, "the 1997 holiday season"), D(1997, 1, 1), "year", '"the 1997 holiday season": stated year'),
        Timex(
            at(text, "the autumn"),
            D(2025, 9, 1),
            "season",
            '"the autumn": autumn 2025, the one nearest to publication (2025-11-17)',
        ),
    ]


def test_day_before_an_event_is_not_resolved() -> None:
    text = "Protests broke out the day before the vote."
    assert extract(text, published=PUB) == [
        Timex(at(text, "the day before"), None, "unknown", '"the day before": counted from an event, not a date')
    ]


def test_no_publication_date() -> None:
    text = "Troops left yesterday. On November 3 they returned."
    assert extract(text, published=None) == [
        Timex(
            at(text, "yesterday"), None, "unknown", '"yesterday": relative to the publication date, which is not known'
        ),
        Timex(
            at(text, "November 3"),
            None,
            "unknown",
            '"November 3": stated date without a year, and no publication date',
        ),
    ]


def test_no_publication_date_but_a_stated_anchor() -> None:
    text = "Rebels took the town on 5 May 2021. Two days later the army retook it."
    assert extract(text, published=None) == [
        Timex(at(text, "5 May 2021"), D(2021, 5, 5), "day", '"5 May 2021": stated date'),
        Timex(
            at(text, "Two days later"),
            D(2021, 5, 7),
            "day",
            '"Two days later": two days after 5 May 2021 (2021-05-05), the date stated earlier in the text',
            anchor=0,
        ),
    ]


# -- event_date -------------------------------------------------------------------------------------------------


def make_doc(text: str, published: dt.date | None) -> Doc:
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.\s][^.]*\.", text)]
    doc = Doc(Article(id="t", text=text, published=published), sentences=sentences)
    doc.timexes = extract(text, published=published)
    return doc


def test_event_date_from_its_sentence() -> None:
    text = "The talks were first reported on November 16. A phone call took place the previous day."
    doc = make_doc(text, PUB)
    assert event_date(doc, sentence=1, trigger=at(text, "phone call")) == EventDate(
        D(2025, 11, 15), "day", doc.timexes[1].basis, evidence=at(text, "the previous day")
    )


def test_event_date_reported_on_is_an_upper_bound() -> None:
    text = "The meeting, first reported by a channel on November 16, sparked speculation."
    doc = make_doc(text, PUB)
    assert event_date(doc, sentence=0, trigger=at(text, "meeting")) == EventDate(
        D(2025, 11, 16),
        "on_or_before",
        'on or before the date it was reported: "November 16": stated date, year from publication date 2025-11-17',
        evidence=at(text, "November 16"),
    )


def test_event_date_a_bound_like_recently_yields_to_a_stated_date() -> None:
    text = "A delegation recently visited Damascus. The visit was first reported on November 16."
    doc = make_doc(text, PUB)
    assert event_date(doc, sentence=0, trigger=at(text, "visited")) == EventDate(
        D(2025, 11, 16),
        "on_or_before",
        'no date stated; on or before it was first reported: "November 16": stated date, '
        "year from publication date 2025-11-17",
        evidence=at(text, "November 16"),
    )
    text = "Ministers recently met in Geneva on Thursday."  # a day beside it wins too
    doc = make_doc(text, PUB)
    assert event_date(doc, sentence=0, trigger=at(text, "met")).value == D(2025, 11, 13)
    text = "Ministers recently met in Geneva."  # nothing more precise: the bound, with its evidence
    doc = make_doc(text, PUB)
    (recently,) = doc.timexes
    assert event_date(doc, sentence=0, trigger=at(text, "met")) == EventDate(
        PUB, "on_or_before", recently.basis, evidence=at(text, "recently")
    )


def test_event_date_falls_back_to_first_report_then_publication() -> None:
    text = "The visit was reported on November 16. Officials discussed security."
    doc = make_doc(text, PUB)
    assert event_date(doc, sentence=1, trigger=at(text, "discussed")) == EventDate(
        D(2025, 11, 16),
        "on_or_before",
        'no date stated; on or before it was first reported: "November 16": stated date, '
        "year from publication date 2025-11-17",
        evidence=at(text, "November 16"),
    )
    plain = make_doc("Officials discussed security.", PUB)
    assert event_date(plain, sentence=0, trigger=Span(10, 19)) == EventDate(
        PUB, "on_or_before", "no date stated; on or before publication (2025-11-17)"
    )
    undated = make_doc("Officials discussed security.", None)
    assert event_date(undated, sentence=0, trigger=Span(10, 19)) == EventDate(
        None, "unknown", "no date stated and no publication date"
    )


def test_event_date_prefers_the_date_after_the_trigger_in_its_clause() -> None:
    text = "On Monday, after talks on 3 March 2024 failed, troops withdrew on 5 March 2024."
    doc = make_doc(text, PUB)
    got = event_date(doc, sentence=0, trigger=at(text, "withdrew"))
    assert (got.value, got.precision, got.evidence) == (D(2024, 3, 5), "day", at(text, "5 March 2024"))


# -- the seed article (shared data, optional) -------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason=f"shared seed article not found at {SEED}")
def test_seed_article_dates() -> None:
    text = SEED.read_text(encoding="utf-8")
    got = [(text[t.span.start : t.span.end], t.value, t.precision, t.anchor) for t in extract(text, published=PUB)]
    assert got == [
        ("recently", PUB, "on_or_before", None),
        ("November 16", D(2025, 11, 16), "day", None),
        ("the previous day", D(2025, 11, 15), "day", 1),
        ("recent", PUB, "on_or_before", None),  # "the recent developments": TimeML's PAST_REF, as "recently"
        ("now", PUB, "present", None),  # "for now": TimeML's PRESENT_REF, dated to publication
    ]


# -- properties -------------------------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    "on in the of last next this that previous following day days week month year ago later earlier before after "
    "yesterday today tomorrow Monday Friday March May November Nov. Sept. 16 3rd 29 31 00 2019 1999 0000 9999 "
    "2024-02-30 -- , . ; two a few 13-year decades".split()
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(_WORDS, max_size=30).map(" ".join)),
    st.one_of(st.none(), st.dates()),
    st.lists(st.tuples(st.integers(-5, 200), st.integers(-5, 200), st.sampled_from(["DATE", "ORG"])), max_size=5),
)
def test_extract_never_raises_and_spans_lie_in_the_text(
    text: str, published: dt.date | None, ents: list[tuple[int, int, str]]
) -> None:
    out = extract(text, ents=ents, published=published)
    for t in out:
        assert 0 <= t.span.start < t.span.end <= len(text)
        assert (t.value is None) == (t.precision == "unknown")
        assert t.anchor is None or 0 <= t.anchor < len(out)
    assert [t.span.start for t in out] == sorted(t.span.start for t in out)


def test_event_date_each_event_bounded_by_its_own_report() -> None:
    """Several reports in one text: each event takes the report sentence holding a phrase that refers to it
    (the reports are read once per document, then asked per event), and a document with new timexes is read
    again."""
    text = ("Troops attacked a village. The attack was first reported on November 12. A delegation visited "
            "Damascus. The visit was first reported on November 14. Officials discussed security.")
    doc = make_doc(text, PUB)

    def bound(day: int) -> EventDate:
        return EventDate(D(2025, 11, day), "on_or_before", 'no date stated; on or before it was first reported: '
                         f'"November {day}": stated date, year from publication date 2025-11-17',
                         evidence=at(text, f"November {day}"))

    assert event_date(doc, sentence=0, trigger=at(text, "attacked"), refs=[at(text, "The attack")]) == bound(12)
    assert event_date(doc, sentence=2, trigger=at(text, "visited"), refs=[at(text, "The visit")]) == bound(14)
    assert event_date(doc, sentence=4, trigger=at(text, "discussed")) == bound(12)  # no refs: the first report
    assert event_date(doc, sentence=4, trigger=at(text, "discussed"), refs=[at(text, "security")]) == EventDate(
        PUB, "on_or_before", "no date stated; on or before publication (2025-11-17)")
    doc.timexes = [t for t in doc.timexes if t.span != at(text, "November 12")]
    assert event_date(doc, sentence=0, trigger=at(text, "attacked"), refs=[at(text, "The attack")]) == EventDate(
        PUB, "on_or_before", "no date stated; on or before publication (2025-11-17)")
    assert event_date(doc, sentence=4, trigger=at(text, "discussed")) == bound(14)
