"""Tense cues of year-less dates and weekdays (issue 8, round 7): each quoted input, then other members of its kind."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.stages.time import extract

D = dt.date


def got(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(text[t.span.start : t.span.end], t.timeml) for t in extract(text, published=published)]


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # a past verb between the future cue and the month: the month is past
        (
            "Officials will review the case of the sailors who were rescued off the coast in late November.",
            D(2025, 4, 5),
            [("late November", "2024-11")],
        ),
        ("The agency will return the money it received in December.", D(2025, 2, 10), [("December", "2024-12")]),
        # no past verb: still the coming month
        ("The agency will return the money in December.", D(2025, 2, 10), [("December", "2025-12")]),
        # a future cue in the sentence before, which ends in a quotation mark, is not this sentence's
        (
            "\u201cPrices are going to rise in the spring.\u201d Exports fell 4 percent in December.",
            D(2025, 2, 6),
            [("the spring", "2025-SP"), ("December", "2024-12")],
        ),
        (
            '"We will see higher rates," he said. The bank cut rates in December.',
            D(2025, 2, 6),
            [("December", "2024-12")],
        ),
        # "since March": a month that has begun
        (
            "The carrier will be replaced by another that has been at sea since March.",
            D(2025, 8, 13),
            [("March", "2025-03")],
        ),
        # a word in -ed before a noun is an adjective, not a past verb
        (
            "Refunds will be issued on an as yet undecided date in January.",
            D(2025, 10, 26),
            [("January", "2026-01")],
        ),
        (
            "The revised budget will be debated in the reformed chamber in January.",
            D(2025, 10, 26),
            [("January", "2026-01")],
        ),
    ],
)
def test_a_year_less_month_after_a_future_cue(text: str, published: dt.date, want: list[tuple[str, str]]) -> None:
    assert got(text, published) == want


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # a name in -ed is no past verb: "United States", "Mohammed"
        ("The envoy would be travelling to the United States on Thursday.", D(2025, 3, 12), "2025-03-13"),
        ("The talks will be chaired by Crown Prince Mohammed on Friday.", D(2025, 3, 12), "2025-03-14"),
        # a past verb right after the weekday is the weekday's own
        (
            "Lawyers will keep fighting even after the court Thursday rejected their appeal.",
            D(2025, 3, 15),
            "2025-03-13",
        ),
        # the same weekday as publication, still ahead: that day; "next Monday": a week later
        ("The plane is set to land in Boston on Monday.", D(2025, 3, 10), "2025-03-10"),
        ("The leaders will meet again next Monday.", D(2025, 3, 10), "2025-03-17"),
        # unchanged: a past verb between the cue and the weekday
        ("They said they would appeal the ruling, announced Wednesday by the agency.", D(2025, 3, 14), "2025-03-12"),
    ],
)
def test_weekday_tense(text: str, published: dt.date, want: str) -> None:
    assert [v for _, v in got(text, published)] == [want]


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # a past verb of the date's own clause: a date after publication this year is last year's
        ("The cemetery operator changed to a calendar year in December.", D(2025, 10, 27), [("December", "2024-12")]),
        ("In that quarter, which ended Nov. 30, the firm lost money.", D(2025, 10, 27), [("Nov. 30", "2024-11-30")]),
        ("Shares closed at a record on Nov. 3.", D(2025, 10, 30), [("Nov. 3", "2024-11-03")]),
        # not a deadline, a modifier or a verb of saying or timing: those may look ahead
        ("The offer was extended to Nov. 20.", D(2025, 11, 2), [("Nov. 20", "2025-11-20")]),
        ("The agency gave no reason for the Jan. 14 deadline.", D(2026, 1, 5), [("Jan. 14", "2026-01-14")]),
        ("The board has set Nov. 10 as the deadline for bids.", D(2025, 11, 2), [("Nov. 10", "2025-11-10")]),
        ("He said the plant closes in December.", D(2025, 10, 27), [("December", "2025-12")]),
        # no past verb: still this year
        ("The plant closes in December.", D(2025, 10, 27), [("December", "2025-12")]),
    ],
)
def test_a_year_less_date_in_a_past_clause(text: str, published: dt.date, want: list[tuple[str, str]]) -> None:
    assert got(text, published) == want


def test_irregular_past_verbs_are_past() -> None:
    assert got("Exports fell sharply in December.", D(2025, 11, 20)) == [("December", "2024-12")]
