"""Geocoding: the toponyms among a document's entities looked up in the gazetteer, disambiguated by the
document itself (qualifiers, the countries, states and counties it names, its other towns).

:func:`extract` runs the package's pure steps in order:

* ``candidates``: which entities are toponyms, with the population a rescued name needs (:func:`toponyms`);
* ``qualifiers``: "A, B" resolves A inside B, and a story's counties lie together (:func:`qualified_pairs`);
* ``story``: the countries, states and counties the story names, its context (:func:`story`);
* ``disambiguate``: each toponym's candidate (:func:`choose`);
* ``neighbours``: the story's geography afterwards (namesakes near the story, capitals over demonyms, towns near
  towns, a city listed beside states is the state of its name);
* ``again``: one sense per story (:func:`_named_again`); then ``..sites`` adds streets and roads, and
  ``..mentions`` the jurisdictions of public bodies named inside organisations' names
  (:func:`~..mentions.jurisdictions`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ....knowledge.gazetteer import Gazetteer
from ....model import Place
from ..mentions import jurisdictions
from ..patterns import Entity
from ..sites import sites
from .again import _named_again, _Written
from .candidates import Toponyms, toponyms
from .disambiguate import choose
from .neighbours import (
    _capitals_over_demonyms,
    _km,
    _listed_divisions,
    _near_the_story,
    _Points,
    _towns_near_towns,
)
from .qualifiers import qualified_pairs
from .story import Story, story

__all__ = ["extract", "toponyms", "qualified_pairs", "story", "choose", "Toponyms", "Story", "_Written", "_km",
           "_Points"]


def extract(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Place]:
    """Geocode the toponyms among ``ents`` (spans into ``text``); unknown names are dropped.  Pure: returns the
    places in text order, each with its span, GeoNames entry and feature class."""
    found = toponyms(text, ents, gazetteer)
    told = story(text, found.spans, qualified_pairs(text, found.spans, gazetteer), found.context, gazetteer)
    places, uncontexted = choose(text, found, told, gazetteer)
    places = _near_the_story(text, _towns_near_towns(text, places, uncontexted, gazetteer), gazetteer)
    places = _capitals_over_demonyms(text, places, {iso for _, iso in found.demonyms} - told.named, gazetteer)
    places = _listed_divisions(text, places, gazetteer)
    places = sites(text, _named_again(text, found.ents, places, gazetteer), gazetteer)
    bodies = jurisdictions(text, ents, gazetteer, places)  # "the Maryland State Police", "40 billion US dollars"
    return sorted([*places, *bodies], key=lambda p: p.span.start) if bodies else places
