"""Exports of merged events: each format read back with pandas, columns and types checked."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from communique import analysis as an
from communique.cli import app
from communique.store import Store
from communique.store.formats import GDELT_COLUMNS, ICEWS_COLUMNS, export

sys.path.insert(0, str(Path(__file__).parents[1]))
from synthetic import build  # noqa: E402


@pytest.fixture()
def store() -> Store:
    with Store.memory() as s:
        yield build(s)


def rows(store: Store, **f: object) -> list[dict[str, object]]:
    return an.event_rows(store.conn, an.EventFilter(**f))


def test_gdelt_has_the_codebook_columns_in_order(store: Store, tmp_path: Path) -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[51:] == ("ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
                                  "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long",
                                  "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL")
    out = tmp_path / "events.tsv"
    assert export(store.conn, rows(store), "gdelt", out) == 6
    df = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str, keep_default_na=False)
    assert df.shape == (6, 61)
    visit = df.iloc[0]
    assert (visit.SQLDATE, visit.MonthYear, visit.Year, visit.FractionDate) == ("20250102", "202501", "2025",
                                                                                "2025.0027")
    assert (visit.Actor1Code, visit.Actor1Name, visit.Actor1CountryCode) == ("RUS", "RUSSIA", "RUS")
    assert (visit.Actor2Code, visit.Actor2CountryCode) == ("SYR", "SYR")
    assert (visit.EventCode, visit.EventBaseCode, visit.EventRootCode) == ("042", "042", "04")
    assert (visit.QuadClass, visit.GoldsteinScale, visit.IsRootEvent) == ("1", "1.9", "1")
    assert (visit.NumMentions, visit.NumSources, visit.NumArticles, visit.AvgTone) == ("2", "2", "2", "")
    assert (visit.ActionGeo_Type, visit.ActionGeo_FullName, visit.ActionGeo_CountryCode) == ("4", "Damascus", "SY")
    assert (visit.ActionGeo_FeatureID, visit.Actor1Geo_FullName) == ("170654", "")
    assert len(visit.DATEADDED) == 14 and visit.DATEADDED.isdigit()
    assert df.iloc[1].ActionGeo_Type == "" and df.iloc[3].IsRootEvent == "0"
    typed = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_COLUMNS),
                        dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    assert typed.GoldsteinScale.dtype == "float64" and typed.QuadClass.dtype == "int64"
    assert list(typed.EventRootCode) == ["04", "05", "19", "11", "19", "04"]


def test_icews(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(store.conn, rows(store, cameo="19"), "icews", out)
    df = pd.read_csv(out, sep="\t", dtype={"CAMEO Code": str})
    assert tuple(df.columns) == ICEWS_COLUMNS
    first = df.iloc[0].to_dict()
    assert {k: first[k] for k in ("Event Date", "Source Name", "Source Country", "Event Text", "CAMEO Code",
                                  "Intensity", "Target Name", "Target Country", "Story ID", "Sentence Number",
                                  "Publisher", "City", "Country")} == {
        "Event Date": "2025-02-09", "Source Name": "Russia", "Source Country": "Russia",
        "Event Text": "Employ aerial weapons", "CAMEO Code": "195", "Intensity": -10.0, "Target Name": "Ukraine",
        "Target Country": "Ukraine", "Story ID": "a3", "Sentence Number": 1, "Publisher": "Wire A",
        "City": "Kharkiv", "Country": "Ukraine"}
    assert df["Latitude"].dtype == "float64" and len(df) == 2


def test_plover_json(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    export(store.conn, rows(store, min_corroboration=2), "plover", out)
    records = json.loads(out.read_text("utf-8"))
    assert records == [{
        "id": records[0]["id"], "event_type": "CONSULT", "mode": None, "context": [], "date_resolved": "2025-01-02",
        "date_precision": "day", "actor": {"name": "Russia", "country": "RUS", "agent": None, "code": "RUS"},
        "recipient": {"name": "Syria", "country": "SYR", "agent": None, "code": "SYR"},
        "location": {"name": "Damascus", "country": "SYR", "lat": 33.51, "lon": 36.29, "geonames_id": 170654},
        "event_text": "Russia visited Syria in Damascus.", "story_id": "a1", "sentence": 0, "cameo": "042",
        "goldstein": 1.9, "quad_class": 1, "status": "reported", "negated": False, "corroboration": 2,
        "source_url": None}]
    df = pd.read_json(out, dtype={"cameo": str})
    assert list(df.cameo) == ["042"]


def test_csv_jsonl_parquet(store: Store, tmp_path: Path) -> None:
    data = rows(store)
    export(store.conn, data, "csv", tmp_path / "e.csv")
    export(store.conn, data, "jsonl", tmp_path / "e.jsonl")
    export(store.conn, data, "parquet", tmp_path / "e.parquet")
    csv = pd.read_csv(tmp_path / "e.csv", dtype={"cameo": str}, parse_dates=["date"])
    jl = pd.read_json(tmp_path / "e.jsonl", lines=True, dtype={"cameo": str})
    pq = pd.read_parquet(tmp_path / "e.parquet")
    for df in (csv, jl, pq):
        assert list(df.cameo) == ["042", "057", "195", "112", "190", "042"]
        assert list(df.corroboration) == [2, 1, 1, 1, 1, 1]
    assert "source_actors" not in csv.columns and "source_actors" in jl.columns
    assert list(pq.articles.iloc[0]) == ["a1", "a2"] and str(pq.date.iloc[0]) == "2025-01-02"
    assert csv.negated.dtype == bool and pq.negated.dtype == bool


def test_cli_export_with_filters(example_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "ukr.tsv"
    result = runner.invoke(app, ["export", "--db", str(example_db), "--format", "gdelt", "--out", str(out),
                                 "--dyad", "RUS", "UKR", "--quad-class", "4"])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str, keep_default_na=False)
    # the drone strikes on Kharkiv hit its civilians (a town acted on by force is its civilians, as the GSR codes
    # cities); the second, on "the Kharkiv region", is an attack on a Ukrainian place, whose country is its target
    assert list(zip(df.Actor1Code, df.EventCode, df.Actor2Code, strict=True)) == [
        ("RUSMIL", "195", "UKRCVL"), ("RUSMIL", "190", "UKR")]  # (the region: its state)
    bad = runner.invoke(app, ["export", "--db", str(example_db), "--out", str(out), "--status", "rumoured"])
    assert bad.exit_code == 2 and "rumoured" in bad.output
    bad = runner.invoke(app, ["export", "--db", str(example_db), "--out", str(out), "--format", "xml"])
    assert bad.exit_code == 2 and "--format must be one of" in bad.output
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "--out", str(out)])
    assert missing.exit_code == 2 and "no such database" in missing.output
