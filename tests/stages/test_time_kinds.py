"""Kinds of date faults (issue 8): each quoted input, then other members of its kind."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.model import Article, Doc, Span, Timex, timeml_value
from communique.stages.time import event_date, extract

D = dt.date
TUESDAY = D(2025, 3, 11)


def got(text: str, published: dt.date) -> list[tuple[str, dt.date | None, str, str]]:
    return [
        (text[t.span.start : t.span.end], t.value, t.precision, t.timeml) for t in extract(text, published=published)
    ]


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # same weekday: a week earlier
        ("Last Tuesday, he spoke by phone with the envoy.", TUESDAY, ("Last Tuesday", D(2025, 3, 4))),
        ("The port reopened this past Friday.", D(2025, 3, 14), ("this past Friday", D(2025, 3, 7))),
        ("Strikes resumed last Sunday.", D(2025, 3, 16), ("last Sunday", D(2025, 3, 9))),
        # other weekdays are unchanged
        ("Last Monday, the talks stalled.", TUESDAY, ("Last Monday", D(2025, 3, 10))),
    ],
)
def test_last_weekday_on_the_same_weekday(text: str, published: dt.date, want: tuple[str, dt.date]) -> None:
    quoted, value = want
    assert got(text, published) == [(quoted, value, "day", value.isoformat())]


def test_weeks_are_iso_weeks() -> None:
    text = "Shelling eased this week after the last week of strikes. Talks resume next week; last week was tense."
    assert got(text, D(2013, 3, 20)) == [
        ("this week", D(2013, 3, 18), "week", "2013-W12"),
        ("the last week", D(2013, 3, 11), "week", "2013-W11"),
        ("next week", D(2013, 3, 25), "week", "2013-W13"),
        ("last week", D(2013, 3, 11), "week", "2013-W11"),
    ]


def test_weeks_across_a_year_boundary_and_weekends() -> None:
    text = "Officials met last week and will meet again this weekend."
    assert got(text, D(2025, 1, 2)) == [  # a Thursday in ISO week 2025-W01
        ("last week", D(2024, 12, 23), "week", "2024-W52"),
        ("this weekend", D(2025, 1, 4), "weekend", "2025-W01-WE"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ceasefire will hold until June.", D(2025, 6, 1)),
        ("He said the truce would last until June.", D(2025, 6, 1)),
        ("Elections, the commission said on Friday, are expected to take place in October.", D(2025, 10, 1)),
        ("The ministry plans to reopen the crossing, possibly in December.", D(2025, 12, 1)),
        ("The sale should be completed in June.", D(2025, 6, 1)),
        ("Envoys are planning for the summit in June.", D(2025, 6, 1)),
    ],
)
def test_future_months_in_future_clauses(text: str, value: dt.date) -> None:
    timexes = [t for t in extract(text, published=TUESDAY) if t.precision == "month"]
    assert [(t.value, t.timeml) for t in timexes] == [(value, value.strftime("%Y-%m"))]


def test_past_months_stay_in_the_past() -> None:
    assert got("The border was closed in June.", TUESDAY) == [("June", D(2024, 6, 1), "month", "2024-06")]
    assert got("The sale should have closed in June.", TUESDAY) == [("June", D(2024, 6, 1), "month", "2024-06")]


def test_year_ranges_are_two_years() -> None:
    text = "Exports fell in 2009-2010 and again in 1957-58, but not in 1998/99."
    assert got(text, TUESDAY) == [
        ("2009", D(2009, 1, 1), "year", "2009"),
        ("2010", D(2010, 1, 1), "year", "2010"),
        ("1957", D(1957, 1, 1), "year", "1957"),
        ("58", D(1958, 1, 1), "year", "1958"),
        ("1998", D(1998, 1, 1), "year", "1998"),
        ("99", D(1999, 1, 1), "year", "1999"),
    ]


def test_not_a_range() -> None:
    assert got("The vote was 2010-12-05, the tally 2014-1999 in reverse.", TUESDAY)[0][3] == "2010-12-05"


def test_seasons() -> None:
    text = "Last summer the river flooded; this winter was dry; next spring the dam opens; in the summer of 2012 too."
    assert got(text, TUESDAY) == [
        ("Last summer", D(2024, 6, 1), "season", "2024-SU"),
        ("this winter", D(2024, 12, 1), "season", "2024-WI"),
        ("next spring", D(2026, 3, 1), "season", "2026-SP"),
        ("the summer of 2012", D(2012, 6, 1), "season", "2012-SU"),
    ]


def test_fall_as_a_noun_is_not_a_season() -> None:
    assert got("After the fall of the regime, prices rose.", TUESDAY) == []
    assert got("He arrived last fall.", TUESDAY) == [("last fall", D(2024, 9, 1), "season", "2024-FA")]


def test_decades_and_centuries() -> None:
    text = (
        "Built in the 19th century, it was rebuilt in the 1990s and will last this century and the twentieth century."
    )
    assert got(text, TUESDAY) == [
        ("the 19th century", D(1800, 1, 1), "century", "18"),
        ("the 1990s", D(1990, 1, 1), "decade", "199"),
        ("this century", D(2000, 1, 1), "century", "20"),
        ("the twentieth century", D(1900, 1, 1), "century", "19"),
    ]
    assert got("a 19th-century-old quarrel lasting a century-long", TUESDAY) == []


def test_now_and_currently_are_present_ref() -> None:
    text = "The city is now calm and currently has power; at present, schools are shut. Until now, none had reopened."
    assert got(text, TUESDAY) == [
        ("now", TUESDAY, "present", "PRESENT_REF"),
        ("currently", TUESDAY, "present", "PRESENT_REF"),
        ("at present", TUESDAY, "present", "PRESENT_REF"),
        ("now", TUESDAY, "present", "PRESENT_REF"),
    ]
    assert got("The now-defunct agency had left by now.", TUESDAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "For now, the border crossing stays shut.",
        "Right now the port is calm.",
        "The camp had until now been spared.",
        "Now that the vote is over, talks can resume.",
    ],
)
def test_now_after_for_right_until_and_before_that_is_the_present(text: str) -> None:
    assert [(q.lower(), tm) for q, _, _, tm in got(text, TUESDAY)] == [("now", "PRESENT_REF")]


def test_timeml_values_of_every_precision() -> None:
    day = D(2013, 3, 19)
    assert [timeml_value(day, p) for p in ("day", "month", "year", "week", "weekend", "on_or_before")] == [
        "2013-03-19",
        "2013-03",
        "2013",
        "2013-W12",
        "2013-W12-WE",
        "PAST_REF",
    ]
    assert timeml_value(None, "unknown") == "XXXX-XX-XX"
    assert Timex(Span(0, 3), day, "present", "").timeml == "PRESENT_REF"


def _doc(text: str, published: dt.date) -> Doc:
    doc = Doc(Article(id="a", text=text, published=published))
    doc.sentences = [Span(0, len(text))]
    doc.timexes = extract(text, published=published)
    return doc


def test_next_month_belongs_to_its_own_clause() -> None:
    text = "Modi will then fly to France, and officials from both sides will meet in Geneva next month."
    doc = _doc(text, TUESDAY)
    fly = event_date(doc, sentence=0, trigger=Span(text.index("fly"), text.index("fly") + 3))
    meet = event_date(doc, sentence=0, trigger=Span(text.index("meet"), text.index("meet") + 4))
    assert (meet.value, meet.precision) == (D(2025, 4, 1), "month")
    assert (fly.value, fly.precision) == (TUESDAY, "on_or_before")


def test_a_date_in_the_other_clause_does_not_date_this_one() -> None:
    text = "Rebels seized the town; the army retook it on Friday."
    doc = _doc(text, TUESDAY)
    seized = event_date(doc, sentence=0, trigger=Span(7, 13))
    retook = event_date(doc, sentence=0, trigger=Span(text.index("retook"), text.index("retook") + 6))
    assert retook.value == D(2025, 3, 7) and retook.precision == "day"
    assert seized.precision == "on_or_before"


def test_quarters() -> None:
    text = "Profits in the fourth quarter fell; third-quarter sales and Q2 2008 rose; the first quarter of 2010 is dim."
    assert got(text, D(2009, 1, 20)) == [
        ("the fourth quarter", D(2008, 10, 1), "quarter", "2008-Q4"),
        ("third-quarter", D(2008, 7, 1), "quarter", "2008-Q3"),
        ("Q2 2008", D(2008, 4, 1), "quarter", "2008-Q2"),
        ("the first quarter of 2010", D(2010, 1, 1), "quarter", "2010-Q1"),
    ]
    assert got("The firm will report second-quarter results.", D(2009, 11, 2)) == [
        ("second-quarter", D(2010, 4, 1), "quarter", "2010-Q2")
    ]


def test_years_between() -> None:
    assert got("Output doubled between 1994 and 1997.", TUESDAY) == [
        ("1994", D(1994, 1, 1), "year", "1994"),
        ("1997", D(1997, 1, 1), "year", "1997"),
    ]


def test_quarters_of_a_named_or_earlier_year() -> None:
    published = D(2011, 11, 3)
    text = (
        "Earnings beat the 2010 third quarter, the year-ago second quarter and last year's fourth quarter; "
        "this year's first quarter was weak."
    )
    assert got(text, published) == [
        ("2010 third quarter", D(2010, 7, 1), "quarter", "2010-Q3"),
        ("year-ago second quarter", D(2010, 4, 1), "quarter", "2010-Q2"),
        ("last year's fourth quarter", D(2010, 10, 1), "quarter", "2010-Q4"),
        ("this year's first quarter", D(2011, 1, 1), "quarter", "2011-Q1"),
    ]


def test_due_to_a_noun_is_no_future_cue() -> None:
    # "due to its loss" is "because of"; the quarter is this year's, already over
    assert got("The bank cut its payout due to its third-quarter loss.", D(2011, 11, 3)) == [
        ("third-quarter", D(2011, 7, 1), "quarter", "2011-Q3")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The delegation planned to leave Kampala on Thursday.", ("Thursday", D(2025, 3, 13))),
        ("The envoy could arrive as soon as Friday, aides said.", ("Friday", D(2025, 3, 14))),
        ("Officials postponed until Monday any vote on the deal.", ("Monday", D(2025, 3, 17))),
        # past tense stays in the past
        ("The delegation left Kampala on Thursday.", ("Thursday", D(2025, 3, 6))),
    ],
)
def test_weekdays_after_plans_look_forward(text: str, want: tuple[str, dt.date]) -> None:
    quoted, value = want
    assert got(text, TUESDAY) == [(quoted, value, "day", value.isoformat())]


def _timeml(text: str, published: dt.date, ents: list[tuple[int, int, str]] | None = None) -> list[tuple[str, str]]:
    return [(text[t.span.start : t.span.end], t.timeml) for t in extract(text, published=published, ents=ents)]


def _ent(text: str, *phrases: str) -> list[tuple[int, int, str]]:
    return [(text.index(p), text.index(p) + len(p), "DATE") for p in phrases]


NOV_1995 = D(1995, 11, 8)  # a Wednesday in the fourth quarter


@pytest.mark.parametrize(("text", "want"), [
    # an earnings comparison: "a year ago" / "a year earlier" is the report's quarter a year before
    ("Acme posted third-quarter profit of $4.1 million, or 22 cents a share, up from $3 million a year ago.",
     [("third-quarter", "1995-Q3"), ("a year ago", "1994-Q3")]),
    ("Revenue fell 8% to $85.7 million in the second quarter of 1995, from $93.3 million a year earlier.",
     [("the second quarter of 1995", "1995-Q2"), ("a year earlier", "1994-Q2")]),
    # no quarter named: the last quarter completed before publication
    ("Net income was $2 million, or 11 cents a share, against $1 million a year earlier, in the quarter.",
     [("a year earlier", "1994-Q3")]),
    # "last year" only when its sentence speaks of a quarter; a year ago outside figures stays a year
    ("Last year, the company earned $5 million. Third-quarter sales rose.", [("Last year", "1994"),
                                                                           ("Third-quarter", "1995-Q3")]),
    ("He moved to Ohio a year ago. Third-quarter sales rose.", [("a year ago", "1994"), ("Third-quarter", "1995-Q3")]),
])
def test_earnings_comparisons_are_quarters(text: str, want: list[tuple[str, str]]) -> None:
    assert _timeml(text, NOV_1995) == want


def test_latest_and_current_quarter() -> None:
    text = "Margins narrowed in the latest quarter, and the company expects losses in the current quarter."
    assert _timeml(text, NOV_1995, _ent(text, "the latest quarter", "the current quarter")) == [
        ("the latest quarter", "1995-Q3"), ("the current quarter", "1995-Q4")]
    text = "The bank earned $7 million in the year-ago quarter, on sales of $90 million."
    assert _timeml(text, NOV_1995, _ent(text, "the year-ago quarter")) == [("the year-ago quarter", "1994-Q3")]


@pytest.mark.parametrize(("text", "want"), [
    # a payment date is ahead
    ("The dividend is payable Jan. 15 to holders of record Dec. 1.", [("Jan. 15", "1996-01-15"),
                                                                       ("Dec. 1", "1995-12-01")]),
    # an initial is no sentence end: the future cue before it still counts
    ("Ms. Lee will succeed Robert J. Hall Feb. 1 as chairman.", [("Feb. 1", "1996-02-01")]),
    ("Ms. Lee succeeded Robert J. Hall Feb. 1. She is 52.", [("Feb. 1", "1995-02-01")]),
])
def test_future_stated_dates(text: str, want: list[tuple[str, str]]) -> None:
    assert _timeml(text, NOV_1995) == want


@pytest.mark.parametrize(("text", "want"), [
    # plans ahead of a weekday, and a weekday opening a clause whose verb is future
    ("Farmers planned a march on Saturday and a rally on Monday.", [("Saturday", "1995-11-11"),
                                                                   ("Monday", "1995-11-13")]),
    ("On Friday, the union plans to hold a vote.", [("Friday", "1995-11-10")]),
    ("On Friday, the union held a vote.", [("Friday", "1995-11-03")]),
    # a possessive weekday is a past event's day
    ("Lawyers planned to challenge Monday's ruling.", [("Monday", "1995-11-06")]),
])
def test_weekdays_of_the_coming_week(text: str, want: list[tuple[str, str]]) -> None:
    assert _timeml(text, NOV_1995) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # years said in words, as broadcast transcripts write them
        ("It happened in nineteen ninety-six, the minister said.", [("nineteen ninety-six", "1996")]),
        ("Back in nineteen eighty the border was closed.", [("nineteen eighty", "1980")]),
        ("By the year two thousand the debt will double.", [("year two thousand", "2000")]),
        ("The treaty was signed in two thousand and one.", [("two thousand and one", "2001")]),
        ("They built the dam in nineteen hundred.", [("nineteen hundred", "1900")]),
        ("Twenty twenty-four was a hard year for the port.", [("Twenty twenty-four", "2024")]),
        # numbers that are no years
        ("Guards counted twenty five people and nineteen ninety dollars.", []),
        ("Nineteen people were hurt and twenty two were missing.", []),
        # decades ago: the year that many decades before publication
        ("A decade ago the town was empty.", [("A decade ago", "1988")]),
        ("Two decades ago, the war began.", [("Two decades ago", "1978")]),
    ],
)
def test_spoken_years_and_decades_ago(text: str, want: list[tuple[str, str]]) -> None:
    assert [(q, tml) for q, _, _, tml in got(text, D(1998, 3, 4))] == want


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        # a deadline or start right before a year-less date: the coming one when it is a few months ahead
        ("The appointment is effective Feb. 1, the bank said.", [], [("Feb. 1", "1990-02-01")]),
        ("Lenders extended revolving loans through January.", [], [("January", "1990-01")]),
        # ... else the past one
        ("The resignation was effective Oct. 1, the bank said.", [], [("Oct. 1", "1989-10-01")]),
        ("Sales rose through June, the company said.", [], [("June", "1989-06")]),
        # a month named alone, found by the tagger only
        ("October was the worst month for exporters.", [("October", "DATE")], [("October", "1989-10")]),
        # decades in words or two digits
        ("Prices last rose like this in the nineties.", [("the nineties", "DATE")], [("the nineties", "199")]),
        ("The model was built in the '70s.", [("the '70s", "DATE")], [("the '70s", "197")]),
        # a reported future before a weekday
        ("The company said it would release the results Thursday.", [], [("Thursday", "1989-11-02")]),
        # a weekday before a large number is no date "Thursday, 5"
        ("At the close of business Thursday, 5,745,188 shares had been tendered.", [],
         [("Thursday", "1989-10-26")]),
    ],
)
def test_deadlines_bare_months_decades_and_weekdays(text: str, ents: list, want: list) -> None:
    published = D(1989, 10, 30)
    marked = []
    for surface, label in ents:
        k = text.index(surface)
        marked.append((k, k + len(surface), label))
    got_ = [(text[t.span.start : t.span.end], t.timeml) for t in extract(text, ents=marked, published=published)]
    assert got_ == want


# -- round 4: weekdays whose clause says past or future, beyond a short window --------------------------------

THURSDAY = D(2025, 3, 13)


@pytest.mark.parametrize(
    ("text", "quoted", "value"),
    [
        # a past verb between an earlier future cue and the weekday: the weekday is the past one
        ("They said they would appeal the ruling, announced Wednesday by the court.", "Wednesday", D(2025, 3, 12)),
        ("The carmaker announced plans Monday to close 300 dealerships.", "Monday", D(2025, 3, 10)),
        ("The union, which will strike again in April, voted Tuesday to reject the offer.", "Tuesday", D(2025, 3, 11)),
        # a future cue further back in the clause, with no past verb after it
        ("The envoy is scheduled to spend an hour in Kigali, her first stop Saturday.", "Saturday", D(2025, 3, 15)),
        ("The minister will leave for the border at dawn (6 a.m. local time Friday).", "Friday", D(2025, 3, 14)),
        # a deadline: "until", "by" a weekday looks forward
        ("The agency extended its deadline until 9 a.m. Monday.", "Monday", D(2025, 3, 17)),
        ("Rebels were given until Sunday to hand over their weapons.", "Sunday", D(2025, 3, 16)),
        ("The exchange will stay shut by order until Friday.", "Friday", D(2025, 3, 14)),
        # a clause opened by the weekday whose future verb comes late
        (
            "On Saturday, the National Association of Independent Petroleum Retailers plans to hold a rally.",
            "Saturday",
            D(2025, 3, 15),
        ),
    ],
)
def test_weekdays_read_by_their_clause(text: str, quoted: str, value: dt.date) -> None:
    found = [(q, v) for q, v, _, _ in got(text, THURSDAY) if q.startswith(quoted)]
    assert found == [(found[0][0], value)] if found else False


def test_a_past_stay_until_a_weekday_is_not_a_deadline() -> None:
    assert got("Markets remained closed until Monday.", THURSDAY) == [("Monday", D(2025, 3, 10), "day", "2025-03-10")]


# -- round 4: quarters and months tied to a year word ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The bank lost $2 billion in the third quarter of this year.", ("the third quarter of this year", "2025-Q3")),
        ("In the first quarter of last year, it had lost $300 million.", ("the first quarter of last year", "2024-Q1")),
        ("The spin-off could be done as early as next year's first quarter.", ("next year's first quarter", "2026-Q1")),
        ("Franchises will not be renewed after October of next year.", ("October of next year", "2026-10")),
        ("In June last year the leaders fell out.", ("June last year", "2024-06")),
        ("Sales in March of last year were higher.", ("March of last year", "2024-03")),
    ],
)
def test_quarters_and_months_of_a_named_year(text: str, want: tuple[str, str]) -> None:
    assert [(q, tm) for q, _, _, tm in got(text, D(2025, 5, 20))] == [want]


def test_a_quarters_results_are_past_whatever_the_plans() -> None:
    text = "The lender said it plans to cut jobs in the wake of a third-quarter loss of $7 million."
    assert [(q, tm) for q, _, _, tm in got(text, D(2025, 10, 23))] == [("third-quarter", "2025-Q3")]


# -- round 4: year ends, weeks ago, the same period a year before -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The merger should close by year-end.", ("year-end", D(2025, 12, 31))),
        ("Stricter capital rules are due to be in place by year's end.", ("year's end", D(2025, 12, 31))),
        ("The deal is expected to close around year end.", ("year end", D(2025, 12, 31))),
        ("The index has fallen 12% since year-end.", ("year-end", D(2024, 12, 31))),
    ],
)
def test_year_end_is_the_last_day_of_the_year(text: str, want: tuple[str, dt.date]) -> None:
    quoted, value = want
    assert got(text, D(2025, 10, 30)) == [(quoted, value, "day", value.isoformat())]


def test_three_weeks_ago_or_more_give_an_iso_week() -> None:
    text = "The boat capsized six weeks ago; two weeks ago the survivors were moved."
    assert got(text, D(2025, 3, 13)) == [
        ("six weeks ago", D(2025, 1, 27), "week", "2025-W05"),
        ("two weeks ago", D(2025, 2, 27), "day", "2025-02-27"),  # a week or two: the same weekday
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Sales rose 43% in February compared to the same period last year.", ("last year", "2024-02")),
        ("Exports fell in January from the same month a year ago.", ("a year ago", "2024-01")),
        ("Output rose in the second quarter from the same quarter a year earlier.", ("a year earlier", "2024-Q2")),
    ],
)
def test_the_same_period_a_year_before(text: str, want: tuple[str, str]) -> None:
    assert [(q, tm) for q, _, _, tm in got(text, D(2025, 8, 5)) if q == want[0]] == [want]


@pytest.mark.parametrize(
    "text",
    [
        "For the nine months, net was $40 million, compared with $52 million a year earlier. Third-quarter net rose.",
        "In the first half, the company earned $3.1 million, or 40 cents a share, up from $2 million a year ago. "
        "Third-quarter net fell.",
    ],
)
def test_a_multi_month_period_compared_a_year_before_is_the_year(text: str) -> None:
    found = [(q, tm) for q, _, _, tm in got(text, D(2025, 10, 23)) if q.startswith("a year")]
    assert found == [(found[0][0], "2024")]


@pytest.mark.parametrize(
    "text",
    [
        "Until Monday, they had described him only as a witness.",
        "But by Monday, officials hardened their stance.",
        "It was not until Monday that the minister spoke.",
        "Twelve states had filed their reports by Monday.",
    ],
)
def test_a_deadline_told_as_passed_is_past(text: str) -> None:
    assert [(q, v) for q, v, _, _ in got(text, THURSDAY)] == [("Monday", D(2025, 3, 10))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The ministry recently tightened the rules.", [("recently", "PAST_REF")]),
        ("Only recently did the envoy return.", [("Only recently", "PAST_REF")]),
        ("Until recently, the border was open.", []),
    ],
)
def test_recently_is_before_publication(text: str, want: list[tuple[str, str]]) -> None:
    assert [(q, tm) for q, _, _, tm in got(text, THURSDAY)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Talks will resume in the near future.", [("the near future", "FUTURE_REF")]),
        ("The bank sees no rate cut in the foreseeable future.", [("the foreseeable future", "FUTURE_REF")]),
        ("In future, visitors will need a permit.", [("future", "FUTURE_REF")]),
        ("Prices will stay high in the short term.", [("the short term", "FUTURE_REF")]),
        ("The vote was put off to a later date.", [("a later date", "FUTURE_REF")]),
        ("The firm expects losses in future quarters.", [("future quarters", "FUTURE_REF")]),
        ("Nobody knows what the future holds for the port.", [("the future", "FUTURE_REF")]),
        # a thing, not a time
        ("They debated the future of the alliance.", []),
        ("The fund serves future generations.", []),
    ],
)
def test_the_future_is_after_publication(text: str, want: list[tuple[str, str]]) -> None:
    assert [(q, tm) for q, _, _, tm in got(text, THURSDAY)] == want
    assert all((v, p) == (THURSDAY, "on_or_after") for q, v, p, _ in got(text, THURSDAY))


def test_the_future_does_not_date_an_event() -> None:
    text = "The two ministers will meet in the near future."
    doc = Doc(Article("a", text, published=THURSDAY))
    doc.sentences = [Span(0, len(text))]
    doc.timexes = extract(text, published=THURSDAY)
    found = event_date(doc, sentence=0, trigger=Span(text.index("meet"), text.index("meet") + 4))
    assert (found.value, found.precision) == (THURSDAY, "on_or_before")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("In the past, the ministry denied such reports.", [("the past", "PAST_REF")]),
        ("Sanctions of the past did not work.", [("the past", "PAST_REF")]),
        ("More recently, the envoy visited Kigali.", [("More recently", "PAST_REF")]),
        ("Prices rose in the past year.", []),  # a duration
        ("In the past few days, the army advanced.", []),
    ],
)
def test_the_past_is_before_publication(text: str, want: list[tuple[str, str]]) -> None:
    assert [(q, tm) for q, _, _, tm in got(text, THURSDAY) if tm in ("PAST_REF", "PRESENT_REF") or not want] == want


MONDAY = D(2025, 3, 10)  # ISO week 2025-W11; the weekend before it is 8-9 March (2025-W10)


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("Over the weekend, rebels shelled the town.", MONDAY, ("the weekend", D(2025, 3, 8), "2025-W10-WE")),
        ("Officials met during the weekend.", THURSDAY, ("the weekend", D(2025, 3, 8), "2025-W10-WE")),
        ("Traders sold shares ahead of the weekend.", THURSDAY, ("the weekend", D(2025, 3, 15), "2025-W11-WE")),
        ("Talks will continue over the weekend.", THURSDAY, ("the weekend", D(2025, 3, 15), "2025-W11-WE")),
        ("Protesters gathered over the weekend.", D(2025, 3, 9), ("the weekend", D(2025, 3, 8), "2025-W10-WE")),
    ],
)
def test_the_weekend_after_a_preposition(text: str, published: dt.date, want: tuple[str, dt.date, str]) -> None:
    quoted, value, tm = want
    assert got(text, published) == [(quoted, value, "weekend", tm)]


def test_the_day_a_market_report_tells_of_is_the_day_it_named() -> None:
    text = "On Monday, the index fell 3% to end the day at 8,017. Later in the day, the minister resigned."
    assert got(text, D(2025, 3, 12)) == [
        ("Monday", MONDAY, "day", "2025-03-10"),
        ("the day", MONDAY, "day", "2025-03-10"),
        ("the day", MONDAY, "day", "2025-03-10"),
    ]
    assert [q for q, *_ in got("Shares closed the day's trading lower.", MONDAY)] == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("For the year, sales rose 4%.", [("the year", "2025")]),
        ("Sales for the full year were $6 billion.", [("the full year", "2025")]),
        ("It expects a profit in the current fiscal year.", [("the current fiscal year", "2025")]),
        ("Net income for the year ended June 30 fell.", [("June 30", "2025-06-30")]),
        ("Profit in the year-ago quarter was flat.", []),
        ("He was named player of the year two years running.", []),
    ],
)
def test_the_year_of_a_report_is_the_publication_year(text: str, want: list[tuple[str, str]]) -> None:
    assert [(q, tm) for q, _, _, tm in got(text, D(2025, 10, 23))] == want


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("The firm raised its quarterly dividend.", "quarterly"),
        ("Sales were seasonally slow.", "seasonally"),
        ("Intel's 80486 chip was faster.", "80486"),
        ("The quake struck at 0735 GMT.", "0735"),
        ("The update, version 1.1.1, fixed the flaw.", "1.1.1"),
    ],
)
def test_entities_that_are_no_dates_are_dropped(text: str, entity: str) -> None:
    ents = [(text.index(entity), text.index(entity) + len(entity), "DATE")]
    assert extract(text, ents=ents, published=THURSDAY) == []


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("The boy was found on Thanksgiving Day.", D(2025, 1, 10), ("Thanksgiving Day", "2024-11-28")),
        ("It is our theme from now to Election Day.", D(2024, 10, 1), ("Election Day", "2024-11-05")),
        ("Protesters prayed as Easter week began.", D(2025, 4, 15), ("Easter week", "2025-W16")),
        ("They met last Christmas.", THURSDAY, ("last Christmas", "2024-12-25")),
        ("They will meet next Christmas.", THURSDAY, ("next Christmas", "2025-12-25")),
        ("The talks will resume after Christmas.", THURSDAY, ("Christmas", "2025-12-25")),
        ("Fireworks lit the sky on New Year's Eve.", D(2025, 1, 2), ("New Year's Eve", "2024-12-31")),
    ],
)
def test_holidays_are_their_day_nearest_publication(text: str, published: dt.date, want: tuple[str, str]) -> None:
    assert [(q, tm) for q, _, _, tm in got(text, published) if q != "now"] == [want]


def test_holiday_names_of_things_are_not_dates() -> None:
    assert got("Christmas sales fell on Easter Island.", THURSDAY) == []


def test_the_quarter_of_an_earnings_report_is_its_quarter() -> None:
    text = "Acme posted third-quarter net of $4 million. In the quarter, sales rose 5%."
    ents = [(text.index("the quarter"), text.index("the quarter") + len("the quarter"), "DATE")]
    found = [(text[t.span.start : t.span.end], t.timeml) for t in extract(text, ents=ents, published=D(2025, 10, 23))]
    assert found == [("third-quarter", "2025-Q3"), ("the quarter", "2025-Q3")]


# ---------------------------------------------------------------- "the day before" beside a date (r6)

THURSDAY = D(2025, 3, 13)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # counted from the date that follows at once
        (
            "The day before last Tuesday's hearing, the envoy flew to Doha.",
            [("The day before", "2025-03-10"), ("last Tuesday", "2025-03-11")],
        ),
        (
            "Two days after Monday's vote, the ministers met in Accra.",
            [("Two days after", "2025-03-12"), ("Monday", "2025-03-10")],
        ),
        # another name for the date it stands beside
        (
            "Shares fell sharply on March 3, the day before the central bank raised rates.",
            [("March 3", "2025-03-03"), ("the day before", "2025-03-03")],
        ),
        # "in the day after ..." is that day: "after" starts a clause
        (
            "The index recovered late in the day after falling 2% in the morning.",
            [("the day", "2025-03-13")],
        ),
        # with no date beside it, an amount of time counted from an event is no date (TimeML: a duration)
        ("Two days after the vote, the ministers met in Accra.", []),
        # and a date after a full stop is not what it counts from
        ("Troops left two days after the vote. Monday was calm.", [("Monday", "2025-03-10")]),
    ],
)
def test_the_day_before_takes_the_date_beside_it(text: str, want: list[tuple[str, str]]) -> None:
    assert [(q, timeml) for q, _, _, timeml in got(text, THURSDAY)] == want
