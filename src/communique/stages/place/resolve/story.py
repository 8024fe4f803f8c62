"""The story's context: the countries, states and counties its places name (whole countries, their offsets, the
countries inside which it names a part), after a state holding the story's large cities wins over a country of its
name ("southern Georgia ... Atlanta"), "Floyd County, Georgia" picks the state, and a capital the story names picks
between two countries of one name (Congo)."""

from __future__ import annotations

from dataclasses import dataclass

from ....knowledge.gazetteer import Candidate, Gazetteer, normalise
from ..patterns import _AFTER_COUNTY, _CONTEXT_FEATURES, PLACE_LABELS, Toponym
from .qualifiers import counties_together


@dataclass
class Story:
    """What the story's places say of it (:func:`story`).

    ``fixed``: span number -> the candidate context or a qualifier chose; ``context``: ISO3 -> the normalised names
    that vouch for it; ``named``: ISO3 of countries and states named as places; ``states``: (ISO3, admin1) of the
    states and counties named; ``countries_at``: (offset, ISO3) of each country named as a place; ``inside``: ISO3 of
    the countries whose states, counties or regions are named; ``whole_countries``: the countries named as places."""

    fixed: dict[int, Candidate]
    context: dict[str, set[str]]
    named: set[str]
    states: set[tuple[str, str]]
    countries_at: list[tuple[int, str]]
    inside: set[str]
    whole_countries: list[Candidate]


def story(
    text: str,
    spans: list[Toponym],
    fixed: dict[int, Candidate],
    context: dict[str, set[str]],
    gazetteer: Gazetteer,
) -> Story:
    """The story's context from its toponyms ``spans``, the qualified ones ``fixed`` and the demonyms' ``context``
    (neither changed: the result holds new ones)."""
    fixed = dict(fixed)
    context = {iso: set(names) for iso, names in context.items()}
    named: set[str] = set()
    states: set[tuple[str, str]] = set()  # (ISO3, admin1) of the states and counties the text names
    countries_at: list[tuple[int, str]] = []  # (offset, ISO3) of each country named as a place
    inside: set[str] = set()  # ISO3 of the countries whose states, counties or regions the text names
    whole_countries: list[Candidate] = []  # countries named as places
    # a state holding the large cities the text names beats a country of its name: "southern Georgia ...
    # officials in Atlanta" is the state (only country/state clashes: "New York" stays the city)
    city_states = set()
    capitals: set[str] = set()  # ISO3 of the countries whose capitals the text names ("Brazzaville": COG)
    for s, e, label, _ in spans:
        if label in PLACE_LABELS:
            c = gazetteer.lookup(text[s:e])
            if c is not None and c.feature == "city" and c.population >= 100_000 and c.admin1:
                city_states.add((c.country, c.admin1))
            if c is not None and c.capital and c.country:
                capitals.add(c.country)
    fixed = counties_together(text, spans, fixed, gazetteer)
    for k, (s, e, label, key) in enumerate(spans):
        if label not in PLACE_LABELS:
            continue
        chosen = fixed.get(k)
        if (
            chosen is None
            and city_states
            and (gazetteer.lookup(text[s:e]) or Candidate("", None, None, None, None, "")).feature == "country"
        ):
            state = next(
                (
                    c
                    for c in gazetteer.candidates(text[s:e])
                    if c.feature == "state" and (c.country, c.admin1) in city_states
                ),
                None,
            )
            if state is not None and normalise(state.name) == key:
                chosen = fixed[k] = state
        if chosen is None and _AFTER_COUNTY.search(text, max(0, s - 14), s):  # "Floyd County, Georgia"
            chosen = next((c for c in gazetteer.candidates(text[s:e]) if c.feature == "state"), None)
            if chosen is not None:
                fixed[k] = chosen
        chosen = chosen or gazetteer.lookup(text[s:e])
        if chosen is not None and chosen.feature == "country" and capitals and chosen.country not in capitals:
            # a name two countries share is the one whose capital the story names ("the government of Congo
            # ... in Brazzaville": the Republic of the Congo); only between countries, so a capital never pulls
            # a town to its country
            twin = next(
                (c for c in gazetteer.candidates(text[s:e]) if c.feature == "country" and c.country in capitals),
                None,
            )
            if twin is not None:
                chosen = fixed[k] = twin
        if chosen is not None and chosen.feature in _CONTEXT_FEATURES and chosen.country:
            context.setdefault(chosen.country, set()).add(key)
            named.add(chosen.country)
            if chosen.feature == "country":
                countries_at.append((s, chosen.country))
                whole_countries.append(chosen)
            else:
                inside.add(chosen.country)
            if chosen.feature in ("state", "county") and chosen.admin1:
                states.add((chosen.country, chosen.admin1))
    return Story(fixed, context, named, states, countries_at, inside, whole_countries)
