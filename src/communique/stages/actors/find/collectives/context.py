"""Where the clause or the article places a collective its own phrase leaves unplaced: protesters and civilians
by the places of their clause ("demonstrators gathered outside the embassy in Tripoli"), people who flee by what
they flee ("migrants fleeing the drought in Somalia"), a people by the one of its homelands the article is in
("Shona rebels" in an article about Mozambique); and sources who ask not to be named."""

from __future__ import annotations

import re
from typing import Any

from ...lexicon import ETHNIC_HOMELANDS, PRINCIPAL_HOMELAND
from ..base import country_at, doc_text
from .phrase import _place_country


def _is_anonymous_context(sdoc: Any, end_token: int) -> bool:
    window = sdoc[end_token : min(len(sdoc), end_token + 12)].text.lower()
    return any(p in window for p in ("condition of anonymity", "not to be named", "not authorised", "not authorized",
                                     "declined to be named", "asked not to be identified"))



CLAUSE_PLACE_NOUNS = frozenset({"protesters", "demonstrators", "residents", "civilians", "villagers", "people",
                                "crowd", "crowds", "students", "workers", "farmers"})


#: "in" right before a place, perhaps across a part of it ("in central Mali", "in Gao, Mali").
_IN_PLACE = re.compile(r"\bin\s+(?:(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?"
                       r"|central)\s+)?(?:[A-Z][\w-]*,?\s+)?$")


def _clause_place_country(tok: Any, doc_places: list[Any]) -> str | None:
    """Civilians and protesters belong to where they act: the country of the sub-national places (cities,
    regions, sites) in the clause whose subject or object they are, when those places agree on one country."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    head = tok.head
    sub = [t for t in head.subtree if t.i < tok.left_edge.i or t.i > tok.right_edge.i]
    if not sub:
        return None
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
    text = doc_text(tok.doc)
    found = {str(p.country) for p in doc_places if lo <= p.span.start and p.span.end <= hi and p.country
             and not (tok.idx <= p.span.start < tok.right_edge.idx + 1)
             and (p.feature in ("city", "region", "site") or _IN_PLACE.search(text[max(0, p.span.start - 40):
                                                                                      p.span.start]))}
    return found.pop() if len(found) == 1 else None


#: People who flee, and the verbs of their flight: "migrants fleeing the drought in Somalia" are Somalia's.
_FLEEING_NOUNS = frozenset({"refugees", "migrants", "civilians", "people", "residents"})
_FLEE_VERBS = frozenset({"flee", "escape"})


def _fled_country(tok: Any, doc_places: list[Any]) -> str | None:
    """The country a fleeing people's clause names ("migrants fleeing the drought in Somalia", "families escaping
    the fighting in Sudan"): a country word in it, else the country of a place geocoded in it."""
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() in _FLEE_VERBS and c.i > tok.i:
            sub = list(c.subtree)
            for t in sub:
                if t.text[:1].isupper() and (cw := country_at(tok.doc, t.i)) is not None:
                    return cw[0]
            return _place_country(doc_places, sub[0].idx, sub[-1].idx + len(sub[-1]))
    return None



def homeland_in_context(people: str, doc_places: list[Any], named: frozenset[str] = frozenset()) -> str | None:
    """The country a people (an ethnonym, lower case) is of in this article: the one of its homelands
    (:data:`~..lexicon.ETHNIC_HOMELANDS`) among the countries of the article's geocoded places, else among the states
    it names by a word (``named``, ISO3: "the Mozambique government"), when exactly one
    is; with no such place, the state most of the people live in (:data:`~..lexicon.PRINCIPAL_HOMELAND`) when the
    article names no country outside their homelands ("Yoruba leaders" NGA; "Uighur activists in Istanbul" none);
    else ``None`` (a people of several of the article's countries, or of none, stays without a country)."""
    homes = ETHNIC_HOMELANDS.get(people)
    if not homes:
        return None
    countries = {str(p.country) for p in doc_places if p.country}
    here = countries & homes
    if len(here) == 1:
        return here.pop()
    if not here and len(named_here := set(named & homes)) == 1:
        return named_here.pop()  # no place in a homeland; one state word is ("the Mozambique government")
    countries |= named
    here = countries & homes
    principal = PRINCIPAL_HOMELAND.get(people)
    return principal if principal is not None and not here and countries <= homes else None

