"""Periods and spelled-out dates (issue 8, round 7): each quoted input, then other members of its kind."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.model import timeml_value
from communique.stages.time import extract

D = dt.date
PUBLISHED = D(2009, 2, 25)


def got(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(text[t.span.start : t.span.end], t.precision, t.timeml) for t in extract(text, published=published)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # halves of a year (TimeML H1/H2) and the last quarter of a named year
        ("Earnings will fall in the last half of 1989.", [("the last half of 1989", "half", "1989-H2")]),
        ("Sales rose in the second half of 2024.", [("the second half of 2024", "half", "2024-H2")]),
        (
            "Sales will slow through the first two quarters of 1990.",
            [("the first two quarters of 1990", "half", "1990-H1")],
        ),
        ("Growth should return in the first half of next year.", [("the first half of next year", "half", "2010-H1")]),
        ("Ford made a profit in the final quarter of 2009.", [("the final quarter of 2009", "quarter", "2009-Q4")]),
        # unchanged: an ordinal quarter of a year
        ("Prices fell in the third quarter of 2008.", [("the third quarter of 2008", "quarter", "2008-Q3")]),
    ],
)
def test_parts_of_a_named_year(text: str, want: list[tuple[str, str, str]]) -> None:
    assert got(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a month or a season before a year said in words (broadcast transcripts)
        ("January nineteen ninety-seven. A bomb exploded.", [("January nineteen ninety-seven", "month", "1997-01")]),
        (
            "Oil fell to that level in the winter of nineteen ninety-four.",
            [("the winter of nineteen ninety-four", "season", "1994-WI")],
        ),
        (
            "Troops left in the spring of two thousand and one.",
            [("the spring of two thousand and one", "season", "2001-SP")],
        ),
        # days said as ordinal words
        ("Women's Day is this coming Sunday, March eighth.", [("Sunday, March eighth", "day", "2009-03-08")]),
        ("The vote is on the twenty-first of March.", [("the twenty-first of March", "day", "2009-03-21")]),
        (
            "The rally was held on June first, two thousand and one.",
            [("June first, two thousand and one", "day", "2001-06-01")],
        ),
        ("Polls closed on May 5, nineteen ninety-nine.", [("May 5, nineteen ninety-nine", "day", "1999-05-05")]),
        # not a day: "the March second round"
        ("Voters return for the March second round.", []),
    ],
)
def test_dates_said_in_words(text: str, want: list[tuple[str, str, str]]) -> None:
    assert got(text) == want


def test_the_week_of_a_date_is_that_week() -> None:
    text = "The dispute may be resolved at a hearing the week of March 6."
    assert got(text, D(2000, 2, 24)) == [("the week of March 6", "week", "2000-W10")]


def test_the_same_month_a_year_ago_is_one_period() -> None:
    text = "Car sales fell 35% in January, compared to the same month a year ago."
    assert got(text) == [
        ("January", "month", "2009-01"),
        ("the same month", "month", "2008-01"),
        ("a year ago", "month", "2008-01"),
    ]


def test_half_values() -> None:
    assert timeml_value(D(2013, 7, 1), "half") == "2013-H2"
    assert timeml_value(D(2013, 1, 1), "half") == "2013-H1"


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        (
            "The economy contracted by 0.9% between April and June.",
            D(2008, 11, 18),
            [("April", "month", "2008-04"), ("June", "month", "2008-06")],
        ),
        (
            "Sales rose from March to May.",
            D(2008, 11, 18),
            [("March", "month", "2008-03"), ("May", "month", "2008-05")],
        ),
        # not a span of months: a day follows
        (
            "The fair runs from April to June 3.",
            D(2008, 5, 1),
            [("April", "month", "2008-04"), ("June 3", "day", "2008-06-03")],
        ),
    ],
)
def test_two_months_bounding_a_span(text: str, published: dt.date, want: list[tuple[str, str, str]]) -> None:
    assert got(text, published) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a full week (Monday to Sunday) of a named month
        ("Car sales rebounded in the last week of March.", [("the last week of March", "week", "2009-W13")]),
        ("Talks resume in the first week of June.", [("the first week of June", "week", "2009-W23")]),
        ("Aid arrived in the second week of January.", [("the second week of January", "week", "2009-W03")]),
        # unchanged: "the last week" alone counts from publication
        ("Shelling eased over the last week.", [("the last week", "week", "2009-W13")]),
    ],
)
def test_a_week_of_a_month(text: str, want: list[tuple[str, str, str]]) -> None:
    assert got(text, D(2009, 4, 1)) == want
