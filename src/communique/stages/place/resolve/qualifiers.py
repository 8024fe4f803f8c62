"""Qualifiers: "A, B" resolves A inside B ("Paris, Texas"; "Walker County (Ga.)"), and the counties a story names
lie together in one state."""

from __future__ import annotations

import re

from ....knowledge.gazetteer import Candidate, Gazetteer, normalise
from ..patterns import _QUALIFIER_GAP, PLACE_LABELS, RESCUE_LABELS, Toponym
from .neighbours import _km


def counties_together(
    text: str,
    spans: list[Toponym],
    fixed: dict[int, Candidate],
    gazetteer: Gazetteer,
) -> dict[int, Candidate]:
    """Counties a story names lie together (``fixed`` with them added, a new dict): each county name goes to the
    state that holds the most of the story's other county names and its large cities ("Daviess County ... McLean
    County ... Ohio County": Kentucky's, not Illinois' or West Virginia's; "Hamilton County jail" in a Chattanooga
    story: Tennessee's), when one state holds more than any other."""
    fixed = dict(fixed)
    options: dict[int, list[Candidate]] = {}
    for k, (s, e, label, key) in enumerate(spans):
        if label in PLACE_LABELS and k not in fixed and key.endswith((" county", " parish")):
            found = [c for c in gazetteer.candidates(text[s:e]) if c.feature == "county" and normalise(c.name) == key]
            if len(found) > 1:
                options[k] = found
    if not options:
        return fixed
    city_states: set[tuple[str | None, str | None]] = set()  # whatever the tagger called the city
    for s, e, _, _ in spans:
        c = gazetteer.lookup(text[s:e])
        if c is not None and c.feature == "city" and c.population >= 100_000:
            city_states.add((c.country, c.admin1))
    names_in: dict[tuple[str | None, str | None], set[str]] = {}
    for k, found in options.items():
        for c in found:
            names_in.setdefault((c.country, c.admin1), set()).add(spans[k][3])
    for k, found in options.items():
        key = spans[k][3]

        def support(c: Candidate, key: str = key) -> int:
            return len(names_in[(c.country, c.admin1)] - {key}) + ((c.country, c.admin1) in city_states)

        ranked = sorted(found, key=support, reverse=True)
        if support(ranked[0]) > 0 and support(ranked[0]) > support(ranked[1]):
            fixed[k] = ranked[0]

    return fixed


COUNTY_KM = 60.0  # a town this close to a county's middle is taken to lie in it

_LIST_GAP = re.compile(r",?\s+(?:and|or|&)\s+")


def _qualified(gazetteer: Gazetteer, name: str, qualifier: str) -> tuple[Candidate, Candidate] | None:
    """Resolve "name, qualifier" jointly: a place inside a country, a state or province, or a county of that name
    (a town within :data:`COUNTY_KM` of the county's middle)."""
    inner = [c for c in gazetteer.candidates(name) if c.feature not in ("country", "continent")]
    if not inner:
        return None
    for outer in gazetteer.candidates(qualifier):
        if outer.feature == "country":
            hits = [c for c in inner if c.country == outer.country]
        elif outer.feature == "state":
            hits = [c for c in inner if c.country == outer.country and c.admin1 == outer.admin1]
        elif outer.feature == "county" and outer.lat is not None and outer.lon is not None:
            # a town inside a county ("Silverstone, Northamptonshire"): the gazetteer keeps no county of a town,
            # so a town of the county's country near the county's middle
            hits = [c for c in inner if c.feature == "city" and c.country == outer.country and c.lat is not None
                    and c.lon is not None and _km(c.lat, c.lon, outer.lat, outer.lon) <= COUNTY_KM]
        else:
            continue
        if hits:
            return hits[0], outer
    return None


def qualified_pairs(text: str, spans: list[Toponym], gazetteer: Gazetteer) -> dict[int, Candidate]:
    """The spans that a qualifier resolves, by span number: "A, B" (B a country or a US state holding a place of
    A's name) fixes A to that place and B to the country or state; not in a list ("visits to Washington, New York
    and Boston")."""
    fixed: dict[int, Candidate] = {}
    for k in range(len(spans) - 1):
        (s1, e1, _, _), (s2, e2, label2, _) = spans[k], spans[k + 1]
        in_list = k + 2 < len(spans) and _LIST_GAP.fullmatch(text, e2, spans[k + 2][0]) is not None
        # "Walker County (Ga.)": a state in brackets qualifies as after a comma
        bracketed = text[e1:s2].strip() == "(" and text[e2 : e2 + 1] == ")"
        # (the qualifier may be a name the tagger called a person: "Brands Hatch, Kent")
        if label2 in PLACE_LABELS | RESCUE_LABELS and (_QUALIFIER_GAP.match(text[e1:s2]) or bracketed) and not in_list:
            # ("visits to Washington, New York and Boston": a list, not Washington inside New York)
            pair = _qualified(gazetteer, text[s1:e1], text[s2:e2])
            if pair:
                fixed.setdefault(k, pair[0])
                if pair[1].feature != "county":  # (a county's name may be its town's too: "Washington, Sunderland
                    fixed[k + 1] = pair[1]  # police said" is the city's police; the qualifier resolves on its own)
    return fixed
