"""Disambiguation: each toponym's candidate, chosen by the qualifier, the story's counties, the countries that
vouch for it (demonyms and countries near it, unless several nationalities meet on neutral ground), the states it
names ("Rome police" in a Georgia story), a trip's end (a capital abroad: "the U.S. envoy flew to Paris"), a
meeting's venue (a capital or large city abroad: "U.S. officials held talks in Geneva"), a "South
Lebanon" read as part of a country, and the population a rescued name needs."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ....knowledge.gazetteer import Candidate, Gazetteer, normalise
from ....model import Place, Span
from ..patterns import (
    _COUNTIES_AFTER,
    _NATION_DEMONYMS,
    _OWN_DEMONYM,
    RESCUE_LABELS,
    RESCUE_MIN_POPULATION,
)
from .candidates import Toponyms
from .story import Story

TRIP_CAPITAL_RATIO = 10  # a capital abroad beats a town at home as a trip's end when it has this many times its people
# the end of a trip before a place's name: "flew to", "travelled to", "a visit to", "arrived in"
_TRIP_TO = re.compile(
    r"(?i)\b(?:flew|flies|flying|fly|travel(?:s|led|ling|ed|ing)?|visit(?:s|ed|ing)?|trips?|arriv(?:e|es|ed|ing|al)"
    r"|head(?:s|ed|ing)|jet(?:s|ted|ting)?)\s+(?:to|in|for)\s+$"
)

# a meeting's venue before a place's name: "held talks in", "met in", "met their counterparts in", "a summit in"
_VENUE_IN = re.compile(
    r"(?i)\b(?:met|meet(?:s|ing|ings)?|talks|summit|negotiat(?:ions|ors|ed|ing)|conference|gather(?:ed|ing)"
    r"|conven(?:e|ed|ing)|consultations)\b(?:\s+[\w'.-]+){0,4}?\s+in\s+$"
)
VENUE_RATIO = 5  # a city abroad beats a town at home as a meeting's venue when it has this many times its people
VENUE_MIN_POPULATION = 100_000  # ... and is a national capital or has at least this many people


def choose(text: str, found: Toponyms, told: Story, gazetteer: Gazetteer) -> tuple[list[Place], list[int]]:
    """The places of ``found``'s toponyms (unknown names and rescued names too small dropped), in span order, and
    the indexes into them of the towns chosen by size alone (no context of theirs)."""
    spans, fixed, context, named, states = found.spans, told.fixed, told.context, told.named, told.states
    demonyms, min_pop, towns_only, compass = found.demonyms, found.min_pop, found.towns_only, found.compass
    countries_at, inside, whole_countries = told.countries_at, told.inside, told.whole_countries
    places: list[Place] = []
    uncontexted: list[int] = []  # indexes into places of cities chosen by size alone (no context of theirs)
    # the countries named as places, each name once (the first of a name is the one a scan would find), and the
    # demonyms' and countries' offsets: what a span looks at is found without reading the whole text's lists
    country_names: dict[str, Candidate] = {}
    for c in whole_countries:
        country_names.setdefault(normalise(c.name), c)
    demonyms_by_offset, countries_by_offset = sorted(demonyms), sorted(countries_at)
    demonym_at = [off for off, _ in demonyms_by_offset]
    country_at = [off for off, _ in countries_by_offset]
    for k, (s, e, label, key) in enumerate(spans):
        cand = fixed.get(k)
        by_size = False
        ctx: list[str] | None = None  # the countries that pulled the name, when the story's context chose it
        if cand is None:  # "Trinidad" in a story naming Trinidad and Tobago: the country
            cand = next((c for n, c in country_names.items() if n.startswith(key + " and ")), None)
        if cand is None and _COUNTIES_AFTER.match(text, e):  # "Orange and Seminole counties"
            counties = [c for c in gazetteer.candidates(f"{text[s:e]} County") if c.feature == "county"]
            cand = next((c for c in counties if (c.country, c.admin1) in states), counties[0] if counties else None)
        if cand is None:
            # travellers of several nationalities meeting somewhere make it neutral ground: their demonyms
            # do not pull the venue home ("Chinese and American negotiators met in Geneva"), nor do the
            # countries named as the parties ("the Geneva talks between Iran and the United States"), unless
            # the text also names a state, county or region of theirs (a local story)
            # (the parties' countries only when they pull the name to a smaller namesake: "the US consulate in
            # St. Petersburg" that Russia closes stays Russia's)
            lo, hi = bisect_left(demonym_at, s - 159), bisect_right(demonym_at, s + 159)  # |off - s| < 160
            near = {iso for _, iso in demonyms_by_offset[lo:hi]}
            lo, hi = bisect_left(country_at, s - 159), bisect_right(country_at, s + 159)
            parties = {iso for off, iso in countries_by_offset[lo:hi] if off != s}
            ignore = near - named if len(near | parties) > 1 else set()
            away = parties - inside - ignore if len(near | parties) > 1 else set()
            own = _OWN_DEMONYM.search(text, max(0, s - 50), s)
            if own:  # "the English city of Salisbury": the demonym says whose town it is
                word = own.group(1)
                away -= {gazetteer.demonym(word) or _NATION_DEMONYMS.get(word.lower())}
            ctx = [iso for iso, names in context.items() if names - {key} and iso not in ignore]
            cand = gazetteer.lookup(text[s:e], context_countries=ctx)
            if away and cand is not None:
                rest = [iso for iso in ctx if iso not in away]
                neutral = gazetteer.lookup(text[s:e], context_countries=rest)
                if neutral is not None and neutral.population > cand.population:
                    cand, ctx = neutral, rest
            if cand is not None and cand.feature == "city" and not cand.capital and cand.country in ctx:
                # a trip's end: a national capital abroad, not a far smaller town of its name at home ("the U.S.
                # envoy flew to Paris"); a meeting's venue: a capital or large city abroad ("U.S. officials held
                # talks in Geneva": the nationality of those who meet there does not bring the venue home); a
                # state of the town's that the story names brings it back below
                trip = _TRIP_TO.search(text, max(0, s - 30), s) is not None
                venue = not trip and _VENUE_IN.search(text, max(0, s - 70), s) is not None
                if trip or venue:
                    rest = [iso for iso in ctx if iso != cand.country]
                    abroad = gazetteer.lookup(text[s:e], context_countries=rest)
                    if abroad is not None and abroad.feature == "city" and abroad.country != cand.country and (
                        (trip and abroad.capital and abroad.population >= TRIP_CAPITAL_RATIO * cand.population)
                        or (
                            venue
                            and abroad.population >= VENUE_RATIO * cand.population
                            and (abroad.capital or abroad.population >= VENUE_MIN_POPULATION)
                        )
                    ):
                        cand, ctx = abroad, rest
            by_size = cand is not None and cand.feature == "city" and cand.country not in ctx and not states
            if cand is not None and cand.feature == "city" and states:
                # a town of a state the story names beats a famous namesake ("Rome police" in Georgia)
                in_states = [
                    c
                    for c in gazetteer.candidates(text[s:e])
                    if (
                        (c.feature == "county" and normalise(c.name) == key)
                        # by its own name: "San Antonio Heights", once called San Antonio, is no San Antonio
                        or (c.feature == "city" and c.population >= 1000 and normalise(c.name) == key)
                    )
                    and (c.country, c.admin1) in states
                ]
                if in_states and (cand.country, cand.admin1) not in states:
                    cand = max(in_states, key=lambda c: c.population)
        if (
            k in compass
            and ctx is not None
            and cand is not None
            and cand.feature == "city"
            and cand.country not in ctx
            and (cand.country, cand.admin1) not in states
        ):
            part_of = gazetteer.lookup(text[compass[k] : e], context_countries=ctx)
            if part_of is not None:
                cand, s = part_of, compass[k]  # "Israeli jets struck South Lebanon": Lebanon, not a US town
        if cand is None:
            continue
        if k in towns_only and cand.feature != "city":
            continue
        if label in RESCUE_LABELS and not (
            cand.feature in ("country", "state", "county", "region")
            or (cand.feature == "city" and cand.population > min_pop.get(k, RESCUE_MIN_POPULATION))
        ):
            continue
        if label == "NORP" and not (
            cand.feature in ("site", "region")
            or (cand.feature == "city" and cand.population > min_pop.get(k, RESCUE_MIN_POPULATION))
        ):
            continue
        if by_size:
            uncontexted.append(len(places))
        places.append(cand.place(Span(s, e)))
    return places, uncontexted
