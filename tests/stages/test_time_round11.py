"""Round 11 date kinds: "current"/"recent" as adjectives (PRESENT_REF / PAST_REF), "soon" of a future clause
(FUTURE_REF) and numbers that name an index;
each with other members of its kind and near misses."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.stages.time import extract

PUBLISHED = dt.date(2024, 6, 12)


def timemls(text: str, ents: list[tuple[int, int, str]] | None = None) -> list[tuple[str, str]]:
    return [(text[t.span.start : t.span.end], t.timeml) for t in extract(text, ents=ents, published=PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The recent sale of the port angered the dockers.", [("recent", "PAST_REF")]),
        ("Critics blamed recent shelling for the outage.", [("recent", "PAST_REF")]),
        ("Her current post is deputy envoy.", [("current", "PRESENT_REF")]),
        ("Under current rules the ferry cannot dock.", [("current", "PRESENT_REF")]),
        ("The minister defended the current ceasefire terms.", [("current", "PRESENT_REF")]),
    ],
)
def test_current_and_recent_are_references(text: str, want: list[tuple[str, str]]) -> None:
    assert timemls(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Shelling has grown in recent weeks.",  # an amount of time
        "The most recent draft was leaked.",  # the latest of several
        "The bank runs a current account deficit.",  # the noun phrase "current account"
        "The fleet has five current models.",  # a count of things
        "Swimmers fought a strong current near the pier.",  # the noun
    ],
)
def test_current_and_recent_that_are_no_time(text: str) -> None:
    assert [q for q, _ in timemls(text) if q.lower() in ("current", "recent")] == []


@pytest.mark.parametrize("name", ["Russell 2000 index", "Russell 2000 Index", "Fortune 1000 companies"])
def test_a_number_in_an_index_name_is_no_year(name: str) -> None:
    text = f"Shares in the {name} fell sharply."
    start = text.index("2000") if "2000" in text else text.index("1000")
    assert timemls(text, ents=[(start, start + 4, "DATE")]) == []
    year = "Shares fell sharply in 2000."
    assert timemls(year, ents=[(year.index("2000"), year.index("2000") + 4, "DATE")]) == [("2000", "2000")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Prosecutors may soon charge the envoy.", [("soon", "FUTURE_REF")]),
        ("The army soon will withdraw from the ridge.", [("soon", "FUTURE_REF")]),
        ("Exports are expected to soon recover.", [("soon", "FUTURE_REF")]),
        ("Talks will resume very soon.", [("soon", "FUTURE_REF")]),
        ("The rebels want a truce as soon as possible.", [("as soon as possible", "FUTURE_REF")]),
        # not a reference to the future: past clauses, "soon after", a date that follows
        ("He was soon released.", []),
        ("Soon after the vote, riots began.", []),
        ("The soon-to-open terminal was shown to reporters.", []),
    ],
)
def test_soon_in_a_future_clause(text: str, want: list[tuple[str, str]]) -> None:
    assert timemls(text) == want


@pytest.mark.parametrize(
    "amount", ["two consecutive quarters", "three straight months", "two more years", "six successive weeks"]
)
def test_an_amount_of_time_from_the_tagger_is_no_date(amount: str) -> None:
    text = f"Output fell for {amount} before the strike."
    start = text.index(amount)
    assert timemls(text, ents=[(start, start + len(amount), "DATE")]) == []
