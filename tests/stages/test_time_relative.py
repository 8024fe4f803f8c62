"""Kinds of date faults (issue 8, round 10): amounts of time counted from an event, a shift from a plan beside a
date, a year (month, week, weekday) named from the one before it, the day of a streak, "for the long term" and
"for the time being", a plan told as past, "the September 11 attacks", and a scheduled act in the
present ("the leaders meet Monday")."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.stages.time import extract

D = dt.date
WEDNESDAY = D(2025, 3, 12)


def got(text: str, published: dt.date = WEDNESDAY) -> list[tuple[str, str]]:
    """``(quoted, TimeML value)`` per timex."""
    return [(text[t.span.start : t.span.end], t.timeml) for t in extract(text, published=published)]


@pytest.mark.parametrize(
    "text",
    [
        "Two weeks after the vote, the parliament met again.",
        "A day after the raid, the soldiers pulled back.",
        "Four years after it was promised, the bridge opened.",
        "The bank must wait at least 30 days before closing the deal.",
        "The rebels struck again 13 days after the bombing of the depot.",
    ],
)
def test_an_amount_of_time_counted_from_an_event_is_no_date(text: str) -> None:
    assert got(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "the day after" names a day: kept, though its event gives it no date
        ("The day after the raid, the soldiers pulled back.", [("The day after", "XXXX-XX-XX")]),
        # beside a date it counts from, it is dated as before
        ("On June 17, two days before the launch, the firm spoke.", [("June 17", "2024-06-17"),
                                                                     ("two days before", "2024-06-17")]),
    ],
)
def test_a_day_counted_from_an_event_stays(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The ferry docked on March 3, two days later than scheduled.", [("March 3", "2025-03-03"),
                                                                         ("two days later", "2025-03-03")]),
        ("The first jet arrives on February 20, a week later than planned.", [("February 20", "2025-02-20"),
                                                                              ("a week later", "2025-02-20")]),
    ],
)
def test_a_shift_from_a_plan_beside_a_date_is_that_date(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Profit fell to $2 billion in 2023, down from $3 billion the year before.",
         [("2023", "2023"), ("the year before", "2022")]),
        ("Costs rose last year, $5 billion more than the year previous.",
         [("last year", "2024"), ("the year previous", "2023")]),
        ("Sales slumped in October 2024 and recovered the month after.",
         [("October 2024", "2024-10"), ("the month after", "2024-11")]),
        # counted from an event: no year
        ("The year before the war, trade had grown.", []),
    ],
)
def test_a_year_or_month_named_from_the_one_before(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Shares closed lower on Friday, down 4% from the previous Friday.",
         [("Friday", "2025-03-07"), ("the previous Friday", "2025-02-28")]),
        ("The talks opened on March 3 and a deal came the following Thursday.",
         [("March 3", "2025-03-03"), ("the following Thursday", "2025-03-06")]),
        # with no day named before it, publication: the Monday before a Wednesday
        ("Turnout was lower than the preceding Monday.", [("the preceding Monday", "2025-03-10")]),
    ],
)
def test_a_weekday_named_from_the_day_before_it(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Trading was halted for a second consecutive day on fears of a run.",
         [("a second consecutive day", "2025-03-12")]),
        ("The shares rose for the third day in a row.", [("the third day in a row", "2025-03-12")]),
        ("On Monday the index fell for a fourth straight day.",
         [("Monday", "2025-03-10"), ("a fourth straight day", "2025-03-10")]),
    ],
)
def test_the_day_of_a_streak_is_the_day_of_the_story(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The plant will stay open for the long term.", [("the long term", "FUTURE_REF")]),
        ("The border will stay shut for the time being.", [("the time being", "PRESENT_REF")]),
        # an adjective is no time
        ("The firm signed a long-term lease.", []),
    ],
)
def test_long_term_and_time_being(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The vote planned for Saturday was cancelled after the clashes.", [("Saturday", "2025-03-08")]),
        ("A rally scheduled for Friday went ahead despite the ban.", [("Friday", "2025-03-07")]),
        ("The talks, planned for Thursday, were called off.", [("Thursday", "2025-03-06")]),
        ("The summit had been scheduled for Monday.", [("Monday", "2025-03-10")]),
        ("The hearing scheduled for March 10 was cancelled.", [("March 10", "2025-03-10")]),
        # plans still ahead look forward
        ("The vote planned for Saturday will go ahead.", [("Saturday", "2025-03-15")]),
        ("The ministers are scheduled to meet on Friday.", [("Friday", "2025-03-14")]),
        ("The hearing is scheduled for March 10.", [("March 10", "2026-03-10")]),
    ],
)
def test_a_plan_told_as_past_is_past(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Shares had their worst day since the September 11 attacks.", [("September 11", "2001-09-11")]),
        ("Flights were grounded after the September 11th terror attack.", [("September 11th", "2001-09-11")]),
        # the day of another event is the year's as before
        ("The vote was held on September 11.", [("September 11", "2006-09-11")]),
        ("Rebels attacked the base on September 11.", [("September 11", "2006-09-11")]),
    ],
)
def test_the_day_that_names_the_2001_attacks(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text, D(2007, 2, 27)) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The two leaders meet separately Monday with the mediator.", [("Monday", "2025-03-17")]),
        ("The trial opens on Thursday in the capital.", [("Thursday", "2025-03-13")]),
        ("Parliament votes Friday on the budget.", [("Friday", "2025-03-14")]),
        # past and reported acts look back as before
        ("The leaders met Monday with the mediator.", [("Monday", "2025-03-10")]),
        ("The envoy did not return Monday, officials said.", [("Monday", "2025-03-10")]),
        ("The police let him go Monday.", [("Monday", "2025-03-10")]),
    ],
)
def test_a_scheduled_act_in_the_present_looks_forward(text: str, want: list[tuple[str, str]]) -> None:
    assert got(text) == want
