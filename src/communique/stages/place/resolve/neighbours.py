"""The story's geography after each name's choice: a town far from the rest moves to a namesake near them, a
town only a demonym pulled home gives way to a national capital of its name, and a town chosen by size alone
moves to the country of the story's other towns."""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from ....knowledge.gazetteer import DWARF_RATIO, Candidate, Gazetteer, normalise
from ....model import Place
from ..patterns import RESCUE_MIN_POPULATION

LOCAL_KM = 200.0  # a town with another place of the story this close is the story's town, not a traveller's goal
CAPITAL_RATIO = 20  # a national capital this many times larger beats a city only a demonym pulled home
NEAR_KM = 50.0  # a town this close to another place the story names is that place's town


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points (degrees WGS84)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


class _Points:
    """The story's places with coordinates, ``(lat, lon, normalised name)``, each distinct one once and sorted by
    latitude: the ones within a distance of a point are looked for only among those whose latitude is that close
    (a great-circle distance is never shorter than the difference in latitude), not among all of them per town
    (quadratic in the article's length)."""

    def __init__(self, points: Sequence[tuple[float, float, str]]) -> None:
        self.points = sorted(set(points))
        self.lats = [lat for lat, _, _ in self.points]
        self.names = dict.fromkeys(n for _, _, n in self.points)

    def any_but(self, names: set[str]) -> bool:
        """Is some point named otherwise than ``names``?"""
        return any(n not in names for n in self.names)

    def near(self, lat: float, lon: float, km: float, but: set[str]) -> bool:
        """Is some point named otherwise than ``but`` within ``km`` of (``lat``, ``lon``)?"""
        band = math.degrees(km / 6371.0) * 1.01 + 1e-9  # the latitudes it can lie at, with room for rounding
        lo, hi = bisect_left(self.lats, lat - band), bisect_right(self.lats, lat + band)
        return any(n not in but and _km(lat, lon, a, b) <= km for a, b, n in self.points[lo:hi])


def _near_the_story(text: str, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """A town far from every other place of the story moves to a namesake abroad, at least as populous, that lies
    within :data:`NEAR_KM` of one of them, when only one does ("the hospital in Rome" in a story naming the
    Vatican: Rome, Italy, not Rome, Georgia, which the story's one mention of the United States had pulled; a
    smaller namesake near New York does not take "Bogota, Colombia")."""
    points = [(p.lat, p.lon, normalise(p.name)) for p in places if p.lat is not None and p.lon is not None]
    if len(points) < 2:
        return places
    story = _Points(points)
    out = list(places)
    moved: dict[tuple[str, str, int, float, float, str | None], Candidate | None] = {}  # one answer per town
    for k, p in enumerate(places):
        if p.feature != "city" or p.lat is None or p.lon is None:
            continue
        name = text[p.span.start : p.span.end]
        if not p.geonames_id:
            continue
        asked = (name, normalise(p.name), p.geonames_id, p.lat, p.lon, p.country)
        if asked not in moved:
            moved[asked] = _namesake_near(story, gazetteer, *asked)
        if (to := moved[asked]) is not None:
            out[k] = to.place(p.span)
    return out


def _namesake_near(story: _Points, gazetteer: Gazetteer, name: str, own: str, geonames_id: int, lat: float,
                   lon: float, country: str | None) -> Candidate | None:
    """The one namesake abroad of a town (written ``name``, its place's normalised name ``own``, at ``lat``,
    ``lon`` in ``country``) near another place of the story (see :func:`_near_the_story`), else ``None``.  The
    town's own name and the name it is written with name no other place."""
    key = normalise(name)
    but = {own, key}
    if not story.any_but(but) or story.near(lat, lon, NEAR_KM, but):
        return None
    chosen = gazetteer.by_id(geonames_id)
    if chosen is None:
        return None
    near = {
        c.geonames_id: c
        for c in gazetteer.candidates(name)
        if c.feature == "city"
        and c.country != country
        and c.population >= max(1000, chosen.population)
        and normalise(c.name) == key
        and c.lat is not None
        and c.lon is not None
        and story.near(c.lat, c.lon, NEAR_KM, but)
    }
    return next(iter(near.values())) if len(near) == 1 else None


def _capitals_over_demonyms(text: str, places: list[Place], by_demonym: set[str], gazetteer: Gazetteer) -> list[Place]:
    """A town that only a demonym pulled home gives way to the national capital of its name ("British diplomats
    in Washington": Washington, D.C., not Washington, Tyne and Wear; "Canadian officials met in London"): a
    traveller's nationality says who went, not where.  Only a town (under ``RESCUE_MIN_POPULATION``) or a city
    :data:`CAPITAL_RATIO` times smaller than the capital gives way ("Clashes in Tripoli, the Lebanese army said"
    stays Lebanon's second city).  The town stays when the story names a place within :data:`LOCAL_KM` of it
    ("stabbed in Washington, Sunderland police said"; "police in London and Toronto"), not merely one of its
    country ("British ministers met in London before flying to Washington").
    ``by_demonym``: ISO3 of the countries the story names only by demonyms."""
    if not by_demonym:
        return places
    out = list(places)
    for k, p in enumerate(places):
        if p.feature != "city" or p.country not in by_demonym or p.lat is None or p.lon is None:
            continue
        name = text[p.span.start : p.span.end]
        key = normalise(name)
        others = [q for j, q in enumerate(places) if j != k and normalise(text[q.span.start : q.span.end]) != key]
        if any(
            q.lat is not None and q.lon is not None and _km(p.lat, p.lon, q.lat, q.lon) <= LOCAL_KM for q in others
        ):
            continue
        found = gazetteer.candidates(name)
        mine = next((c for c in found if c.geonames_id == p.geonames_id), None)
        if mine is None or mine.capital:
            continue
        capitals = {
            c.geonames_id: c
            for c in found
            if c.feature == "city"
            and c.capital
            and c.country != p.country
            and (
                c.population >= CAPITAL_RATIO * mine.population
                or (c.population > mine.population and mine.population < RESCUE_MIN_POPULATION)
            )
            and normalise(c.name) == key
        }
        if len(capitals) == 1:
            out[k] = next(iter(capitals.values())).place(p.span)
    return out


def _towns_near_towns(text: str, places: list[Place], uncontexted: list[int], gazetteer: Gazetteer) -> list[Place]:
    """A town the story chose by size alone, with no country of its own in the story, moves to a namesake in the
    country of the story's other towns when every one of those lies in one country ("a stabbing in Dundalk"
    with Dundrum: Ireland's Dundalk, not Maryland's; "from Cheltenham to Tewkesbury and Gloucester")."""
    if not uncontexted:
        return places

    def clear(p: Place) -> bool:
        """The place's entry is at least four times as populous as any namesake elsewhere (Cheltenham)."""
        name = text[p.span.start : p.span.end]
        found = [c for c in gazetteer.candidates(name) if c.feature == "city"]
        mine = max((c.population for c in found if c.country == p.country), default=0)
        return all(c.population * 4 <= mine for c in found if c.country != p.country)

    sure = {k: p.country for k, p in enumerate(places) if p.feature in ("city", "county")
            and (k not in uncontexted or clear(p))}
    out = list(places)
    counts = Counter(sure.values())  # how many sure places each country has (not a scan of them per town)
    for k in uncontexted:
        homes = {c for c, n in counts.items() if n > (1 if k in sure and sure[k] == c else 0)}
        p = out[k]
        if len(homes) != 1 or p.country in homes or None in homes:
            continue
        (home,) = homes
        chosen = gazetteer.lookup(text[p.span.start : p.span.end])
        name = text[p.span.start : p.span.end]
        key = normalise(name)
        found = [c for c in gazetteer.candidates(name) if c.feature == "city" and c.country == home]
        local = [c for c in found if c.population >= 1000 and normalise(c.name) == key]
        if not local:  # a province of the name in that country ("CALAMBA CITY, Laguna": Laguna province)
            local = [
                c
                for c in gazetteer.candidates(name)
                if c.feature in ("county", "state") and c.country == home and normalise(c.name) == key
            ]
        if not local and chosen is not None:  # by another name of a bigger town ("Palmyra": Tadmur, Syria)
            local = [c for c in found if c.population >= max(1000, chosen.population)]
        if not local or chosen is None or chosen.capital:
            continue
        best = max(local, key=lambda c: c.population)
        if best.population * DWARF_RATIO >= chosen.population:  # not a village against a metropolis
            out[k] = best.place(p.span)
    return out



_LISTED = re.compile(r",?\s+(?:and|or|&)\s+|,\s+")


def _fold_key(name: str) -> str:
    """A name normalised without accents ("Québec" and "Quebec" are one)."""
    return unicodedata.normalize("NFKD", normalise(name)).encode("ascii", "ignore").decode()


def _listed_divisions(text: str, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """A city listed right beside a state or province ("voters in Ontario and Quebec", "Quebec, Ontario and
    Alberta") is the state of its own name in that state's country, when the gazetteer holds exactly one: a list
    names things of one kind.  Only beside a state (not a county or a country), and never a national capital."""
    out = list(places)
    for k, p in enumerate(places):
        if p.feature != "city":
            continue
        beside: set[str | None] = set()
        if k and places[k - 1].feature == "state" and _LISTED.fullmatch(text, places[k - 1].span.end, p.span.start):
            beside.add(places[k - 1].country)
        if (
            k + 1 < len(places)
            and places[k + 1].feature == "state"
            and _LISTED.fullmatch(text, p.span.end, places[k + 1].span.start)
        ):
            beside.add(places[k + 1].country)
        if not beside:
            continue
        own = gazetteer.by_id(p.geonames_id) if p.geonames_id else None
        if own is not None and own.capital:
            continue  # "Maryland, Virginia and Washington": the capital, a district of its own
        name = text[p.span.start : p.span.end]
        states = [c for c in gazetteer.candidates(name)
                  if c.feature == "state" and c.country in beside and _fold_key(c.name) == _fold_key(name)]
        if len(states) == 1:
            out[k] = states[0].place(p.span)
    return out
