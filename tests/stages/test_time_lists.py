"""Kinds of date faults (issue 8, round 9): years and days listed or bounding a span, two-digit decades listed,
ages, dates written in numbers, a spaced dash after "this year", "the last quarter", "recent years", and a
year-less date in a clause that speaks of the future."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.stages.time import extract

D = dt.date


def got(text: str, published: dt.date, *dates: str) -> list[tuple[str, str]]:
    """``(quoted, TimeML value)`` per timex; ``dates`` are the surfaces spaCy would tag DATE, in order."""
    ents, pos = [], 0
    for surface in dates:
        start = text.index(surface, pos)
        ents.append((start, start + len(surface), "DATE"))
        pos = start + len(surface)
    return [(text[t.span.start : t.span.end], t.timeml) for t in extract(text, ents=ents, published=published)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The plant will make four engines from 2027 to 2029.", [("2027", "2027"), ("2029", "2029")]),
        ("He was fined twice from 1991 to 1997.", [("1991", "1991"), ("1997", "1997")]),
        ("Floods struck in 2004, 2007 and 2011.", [("2004", "2004"), ("2007", "2007"), ("2011", "2011")]),
        ("The post was vacant between 1998 and 2003.", [("1998", "1998"), ("2003", "2003")]),
        ("Output held steady from 2015 through 2018.", [("2015", "2015"), ("2018", "2018")]),
        # amounts are no years
        ("The index rose from 1950 to 2010 points.", [("1950", "1950")]),
    ],
)
def test_years_listed_or_bounding_a_span_are_each_a_year(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text, D(2025, 3, 11)) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The summit will be held on April 24 and 25.", [("April 24", "2025-04-24"), ("25", "2025-04-25")]),
        ("Polls open on May 3, 4 and 5, 2024.", [("May 3", "2024-05-03"), ("4", "2024-05-04"), ("5", "2024-05-05")]),
        ("The ferries ran on February 2 and 3.", [("February 2", "2025-02-02"), ("3", "2025-02-03")]),
        # a count after the day is no day
        ("By March 1 and 25 more days, the stock ran out.", [("March 1", "2025-03-01")]),
    ],
)
def test_days_of_a_month_listed_are_each_a_day(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text, D(2025, 3, 11)) == want


@pytest.mark.parametrize(
    ("text", "dates", "want"),
    [
        ("Cars of the 60s and 70s were boxy.", ("60s", "70s"), [("60s", "196"), ("70s", "197")]),
        ("Music of the late 50s, 60s and 80s played.", ("50s", "60s", "80s"),
         [("50s", "195"), ("60s", "196"), ("80s", "198")]),
        # ages are no decades
        ("In their 30s and 40s, they moved abroad.", ("30s", "40s"), []),
        ("The singer died on Sunday at the age of 71.", ("Sunday", "the age of 71"), [("Sunday", "2025-03-09")]),
        ("He retired at age 64 last year.", ("age 64", "last year"), [("last year", "2024")]),
    ],
)
def test_two_digit_decades_and_ages(text: str, dates: tuple[str, ...], want: list[tuple[str, str]]) -> None:
    assert got(text, D(2025, 3, 11), *dates) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The jet was first shown on 7/8/07 in Seattle.", [("7/8/07", "2007-07-08")]),
        ("The deed is dated 12/25/1998.", [("12/25/1998", "1998-12-25")]),
        ("The letter, dated 25/12/2019, arrived late.", [("25/12/2019", "2019-12-25")]),
        # fractions and impossible dates are none
        ("About 3/4 of voters agreed; the code 13/13/13 failed.", []),
    ],
)
def test_dates_written_in_numbers(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text, D(2025, 3, 11)) == want


def test_a_spaced_dash_after_a_period_ends_it() -> None:
    text = "The region had two floods this year - the worst in May. Prices rose last week -- the third rise."
    assert got(text, D(2025, 6, 20)) == [("this year", "2025"), ("May", "2025-05"), ("last week", "2025-W24")]
    assert got("Bonuses fell with this year-end review.", D(2025, 6, 20)) == []


@pytest.mark.parametrize(
    ("text", "published", "dates", "want"),
    [
        ("Profit rose 8 percent in the last quarter.", D(2007, 1, 18), ("the last quarter",),
         [("the last quarter", "2006-Q4")]),
        ("Sales fell last quarter, the firm said.", D(2024, 8, 2), ("last quarter",), [("last quarter", "2024-Q2")]),
        ("Rents have doubled in recent years.", D(2024, 8, 2), ("recent years",), [("recent years", "PAST_REF")]),
    ],
)
def test_the_last_quarter_and_recent_years(
    text: str, published: dt.date, dates: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert got(text, published, *dates) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # said in February: the coming April, not the last one
        ("He added that a ceremony would still be held on April 24.", [("April 24", "1999-04-24")]),
        ("Officials said the vote is expected to go ahead on June 6.", [("June 6", "1999-06-06")]),
        ("The new line should open on May 30, the minister said.", [("May 30", "1999-05-30")]),
        # a past clause keeps the year before
        ("He said he moved there on June 6.", [("June 6", "1998-06-06")]),
    ],
)
def test_a_date_in_a_clause_about_the_future_stays_in_the_year(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text, D(1999, 2, 10)) == want


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # results reported early in a year, in a past clause, are the year just ended's
        ("The carmaker posted a loss of $8.6 billion for the entire year.", D(2006, 1, 27), "2005"),
        ("The brewer reported record sales for the full year.", D(2019, 2, 14), "2018"),
        # a forecast, "the current year" and a report later in the year are the year of publication
        ("The carmaker expects a loss for the year.", D(2006, 1, 27), "2006"),
        ("Sales rose 4% in the current fiscal year.", D(2006, 2, 3), "2006"),
        ("The bank reported a profit for the full year.", D(2006, 10, 27), "2006"),
    ],
)
def test_a_year_of_results_reported_early_is_the_year_just_ended(text: str, published: dt.date, want: str) -> None:
    [(_, value)] = got(text, published)
    assert value == want
