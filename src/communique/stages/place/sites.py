"""Streets, roads and buildings the gazetteer does not hold ("Royal Street", "the A417", "Colchester General
Hospital", "the South Kilburn Estate"): found by the word that ends their name, placed at the town they are in.

A name is a run of capitalised words ended by a street word (:data:`_STREET_HEADS`: "Street", "Avenue", "Road",
"Bridge" ...) or a building's (:data:`_SITE_HEADS`: "Hospital", "Airport", "Estate", "Stadium" ...), or a British
road number before a road word or after "the" ("the A417 southbound", "via the A436, A40 and A429").  Its
coordinates, country and GeoNames id are those of the town it is in: the place named right after it ("Fourth
Street in Red Oak", "Rogers Centre, Toronto"), else the city the story names most.  A name with no such town is
left out (a street with no town is nowhere we can point to).  Feature ``street`` or ``site``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ...knowledge.gazetteer import Gazetteer
from ...model import Place, Span

_STREET_HEADS = (
    "Street|Avenue|Road|Drive|Lane|Boulevard|Square|Bridge|Highway|Parkway|Terrace|Embankment|Quay"
    "|Expressway|Motorway|Freeway"
)
_SITE_HEADS = (
    "Hospital|Infirmary|Airport|Estate|Stadium|Arena|Centre|Center|Cathedral|Church|Mosque|Synagogue|Temple"
    "|Prison|Jail|Museum|Library|Station|Racecourse|Park|Hall|Mall|Theatre|Theater"
)
_WORD = r"(?:[A-Z][\w'\u2019.&-]*|of|the|de|la|du)"
_NAME = re.compile(
    rf"\b(?P<name>(?:[A-Z][\w'\u2019.&-]*\s+)(?:{_WORD}\s+){{0,4}}?(?P<head>{_STREET_HEADS}|{_SITE_HEADS}))"
    rf"(?:\s+(?:East|West|North|South))?\b"
)
_ROAD_NUMBER = re.compile(
    r"\b(?:(?<=the\s)|(?<=via\s))(?P<name>[AM]\d{2,4})\b"
    r"|\b(?P<listed>[AM]\d{1,4})\b(?=\s+(?:road|motorway|southbound|northbound|eastbound|westbound|carriageway"
    r"|junction|roundabout|slip\s+road)\b)"
)
# "via the A436, A40 and A429": every number of a list of them
_ROAD_LIST = re.compile(r"\b[AM]\d{1,4}(?:(?:,\s*|,?\s+(?:and|or)\s+)[AM]\d{1,4})+\b")
_ONE_ROAD = re.compile(r"[AM]\d{1,4}")
# names of this form that are organisations or things, not places
_NOT_SITES = re.compile(
    r"(?i)^(?:the\s+)?(?:wall|downing|fleet|main|high|easy|abbey|penny|sesame|jump|silk|yellow\s+brick|grand\s+central"
    r"|madison\s+square|central|national|international|world|global|federal|civic|city|town|community|medical|data"
    r"|research|trade|press|media|news|space|health|cancer|care|call|fitness|shopping|garden|business|science"
    r"|control|command|operations?|information|service|support|training|detention)\b"
)
# a following place that holds the site: "Fourth Street in Red Oak", "Rogers Centre, Toronto", "Hospital at Wana"
_HOLDER_GAP = re.compile(r"(?:,\s*|\s+(?:in|at|near|of|on)\s+(?:the\s+)?)")
_HOLDER_FEATURES = ("city", "county")
MAIN_MIN_POPULATION = 5_000  # the story's own town, where a street named without its town is
_POSSESSIVE = re.compile(r".*['\u2019]s\s+")


def sites(text: str, places: Sequence[Place], gazetteer: Gazetteer) -> list[Place]:
    """Streets and roads of ``text`` outside ``places``, each placed at the town that holds it (see the module
    docstring), sorted with ``places`` by offset.  The story's own town must have :data:`MAIN_MIN_POPULATION`
    people (a person's name taken for a hamlet abroad is no story's town)."""
    taken = [(p.span.start, p.span.end) for p in places]
    towns = [p for p in places if p.feature in _HOLDER_FEATURES and p.lat is not None]
    if not towns:
        return list(places)
    starts = {p.span.start: p for p in towns}
    sizeable = [p for p in towns if _population(gazetteer, text[p.span.start : p.span.end], p) >= MAIN_MIN_POPULATION]
    counts = Counter(p.geonames_id or p.name for p in sizeable)
    main = max(sizeable, key=lambda p: (counts[p.geonames_id or p.name], -p.span.start)) if sizeable else None
    found: list[Place] = []
    listed = [r for m in _ROAD_LIST.finditer(text) for r in _ONE_ROAD.finditer(text, m.start(), m.end())]
    for m in [*_NAME.finditer(text), *_ROAD_NUMBER.finditer(text), *listed]:
        if "head" in m.re.groupindex and not re.fullmatch(_STREET_HEADS, m.group("head")):
            continue
        group = next((g for g in ("name", "listed") if g in m.re.groupindex and m.group(g) is not None), 0)
        s, e = m.span(group)
        name = text[s:e]
        if name.startswith("The "):
            s, name = s + 4, name[4:]
        owner = _POSSESSIVE.match(name)
        if owner:  # "Middletown's New Road": the road, not the town
            s, name = s + owner.end(), name[owner.end() :]
        if _NOT_SITES.match(name):
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        gap = _HOLDER_GAP.match(text, m.end())
        holder = starts.get(gap.end()) if gap else None
        town = holder or main
        if town is None:
            continue
        head = m.group("head") if "head" in m.re.groupindex else None
        feature = "street" if head is None or re.fullmatch(_STREET_HEADS, head) else "site"
        found.append(Place(Span(s, e), name, town.country, town.lat, town.lon, None, feature))
        taken.append((s, e))
    return sorted([*places, *found], key=lambda p: p.span.start)


def _population(gazetteer: Gazetteer, name: str, p: Place) -> int:
    """The population of the gazetteer entry ``p`` was resolved to (0 when the name no longer finds it)."""
    return next((c.population for c in gazetteer.candidates(name) if c.geonames_id == p.geonames_id), 0)
