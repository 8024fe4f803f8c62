"""TimeML value comparison used by ``communique eval dates``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.evaluate.timebank import _date, compatible, gold_timeml, read_meantime


def test_gold_values_lose_trailing_placeholders_only() -> None:
    assert [gold_timeml(v) for v in ("19XX", "1998-XX", "1998-12-XX", "2000-W7", "1989-WXX", "XXXX-03")] == [
        "19",
        "1998",
        "1998-12",
        "2000-W07",
        "1989-WXX",
        "XXXX-03",
    ]


def test_ours_may_fill_in_gold_placeholders() -> None:
    assert compatible("1989-W43", "1989-WXX")
    assert compatible("1998-12-05", "1998-12-XX")
    assert not compatible("1998-W49", "1998-12-XX")
    assert not compatible("1998", "1998")  # equal is counted as exact, not here
    assert not compatible("2001-03", "XXXX-03")  # no known year in gold


def test_creation_times_iso_or_day_month_year() -> None:
    assert [_date(v) for v in ("1998-02-05", "1998-02-05T10:00", "03-02-2009", "31-12-2009", "13-13-2009", "")] == [
        dt.date(1998, 2, 5),
        dt.date(1998, 2, 5),
        dt.date(2009, 2, 3),
        dt.date(2009, 12, 31),
        None,
        None,
    ]


def test_eval_commands_without_gold_data(tmp_path: Path) -> None:
    runner = CliRunner()
    places = runner.invoke(app, ["eval", "places", "--data", str(tmp_path)])
    dates = runner.invoke(app, ["eval", "dates", "--shared", str(tmp_path)])
    assert (places.exit_code, dates.exit_code) == (2, 2)
    assert "GeoWebNews_GWN.xml: gold data not found" in places.output
    assert "timebank_aquaint: gold data not found" in dates.output


_NO_CREATION_TIME = """<Document doc_name="x">
<token t_id="1" sentence="0" number="0">Ferry</token><token t_id="2" sentence="0" number="1">late</token>
<token t_id="3" sentence="1" number="0">March</token><token t_id="4" sentence="1" number="1">4</token>
<token t_id="5" sentence="1" number="2">,</token><token t_id="6" sentence="1" number="3">2011</token>
<token t_id="7" sentence="2" number="0">It</token><token t_id="8" sentence="2" number="1">sailed</token>
<token t_id="9" sentence="2" number="2">today</token><token t_id="10" sentence="2" number="3">.</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2011-03-04" anchorTimeID="2"><token_anchor t_id="9"/></TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2011-03-04" anchorTimeID="" functionInDocument="NONE">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
</Markables>
</Document>
"""


def test_a_meantime_file_without_creation_time_takes_its_dateline(tmp_path: Path) -> None:
    """A file whose dateline date is not marked CREATION_TIME: that date (the one the others are anchored to) is the
    creation time, and its words are no body text."""
    path = tmp_path / "x.xml"
    path.write_text(_NO_CREATION_TIME, "utf-8")
    doc = read_meantime(path)
    assert (doc.dct, doc.text) == (dt.date(2011, 3, 4), "It sailed today.")
    assert [(doc.text[t.start : t.end], t.value) for t in doc.timexes] == [("today", "2011-03-04")]


@pytest.mark.parametrize(
    ("ours", "gold", "precision", "kind"),
    [
        ("1989-W43", "1989-WXX", "week", "gold placeholder"),
        ("1998-W33", "P1W", "week", "gold duration"),
        ("2000-01-05", "2000-01-05TNI", "day", "part of day"),
        ("2013-12-10", "PRESENT_REF", "day", "reference"),
        ("2006-W13", "2006-W14", "week", "week number"),
        ("1989-01", "1990-01", "month", "year off"),
        ("1990-08-17", "1990-08-10", "day", "day off"),
        ("1988-Q3", "1988", "quarter", "ours finer"),
        ("1988", "1988-Q3", "year", "ours coarser"),
    ],
)
def test_value_miss_kinds(ours: str, gold: str, precision: str, kind: str) -> None:
    from communique.evaluate.timebank import value_miss_kind

    assert value_miss_kind(ours, gold, precision) == kind


def test_missed_kinds() -> None:
    from communique.evaluate.timebank import GoldTimex, missed_kind

    text = "Talks may resume soon; it was the worst single-day fall; in the days before the vote; in 1990."
    def at(word: str, value: str) -> GoldTimex:
        return GoldTimex(text.index(word), text.index(word) + len(word), "DATE", value)

    assert missed_kind(text, at("soon", "FUTURE_REF")) == "reference word"
    assert missed_kind(text, at("single-day", "P1D")) == "duration as date"
    assert missed_kind(text, at("the days", "1990-10")) == "anaphor"
    assert missed_kind(text, at("1990", "1990")) == "other"
