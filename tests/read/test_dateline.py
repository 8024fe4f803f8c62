"""Wire datelines, on openings of our own."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.read.dateline import find_dateline


@pytest.mark.parametrize(("text", "dateline", "place", "value", "outlet"), [
    ("BERLIN (Reuters) — German officials met.", "BERLIN (Reuters) — ", "BERLIN", None, "Reuters"),
    ("BERLIN, June 13 (Reuters) - German officials met.", "BERLIN, June 13 (Reuters) - ", "BERLIN",
     dt.date(2025, 6, 13), "Reuters"),
    ("KYIV, Ukraine, June 2 (AP) — Drones hit.", "KYIV, Ukraine, June 2 (AP) — ", "KYIV", dt.date(2025, 6, 2), "AP"),
    ("LONDON, 9 May: Ministers met.", "LONDON, 9 May: ", "LONDON", dt.date(2025, 5, 9), None),
    ("Nairobi, Dec. 30 (AFP) -- Police said.", "Nairobi, Dec. 30 (AFP) -- ", "Nairobi", dt.date(2024, 12, 30), "AFP"),
    ("GAZA CITY — Strikes continued.", "GAZA CITY — ", "GAZA CITY", None, None),
])
def test_datelines(text: str, dateline: str, place: str, value: dt.date | None, outlet: str | None) -> None:
    found = find_dateline(text, published=dt.date(2025, 6, 14))
    assert found is not None
    assert (text[found.span.start:found.span.end], found.place.text(text), found.value,
            found.outlet.text(text) if found.outlet else None) == (dateline, place, value, outlet)


@pytest.mark.parametrize("text", [
    "Merz - who met Macron - said so.", "Russian forces did not attack.", "Should Washington impose sanctions, ...",
    "Germany and France — old rivals — met.", "The talks: a summary.",
])
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


@given(st.text(alphabet=st.sampled_from("ABKYIVERLNa b,()-—:0123456789JuneMay\n"), max_size=60))
def test_find_dateline_spans_lie_in_the_text(text: str) -> None:
    found = find_dateline(text, published=dt.date(2025, 6, 14))
    if found is not None:
        assert 0 <= found.place.start < found.place.end <= found.span.end <= len(text)
        assert found.span.end == len(text) or not text[found.span.end].isspace()
