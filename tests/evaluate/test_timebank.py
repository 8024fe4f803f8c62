"""TimeML value comparison used by ``communique eval dates``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from communique.cli import app
from communique.evaluate.timebank import _date, compatible, gold_timeml


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
