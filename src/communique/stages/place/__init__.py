"""Toponyms, geocoded: spaCy's GPE/LOC/FAC entities looked up in the gazetteer.

:func:`extract` is pure (text, entities, gazetteer -> places); the stage only
attaches its result.  Disambiguation uses the document itself:

* "A, B" (``Paris, Texas``; ``Damascus, Syria``) resolves A inside B;
* countries the document names (and their demonyms: "Syrian" -> SYR) are the
  context that decides between same-named cities (Tripoli, Lebanon vs Libya);
* a name never counts as its own context (Georgia does not vouch for Georgia).

Entities tagged ORG or PERSON are kept only when they follow "in/to/from/at"
and name a city of more than 100,000 people; NORP entities that are not
demonyms only when they name such a city or one of our regions and sites
("the city of Aleppo", "Hmeimim air base": the small model's common errors).
Demonyms ("Russian", "Syrian") are never places, only context; :func:`country_mentions` exposes them as
mentions of their country, with offsets.

Names that the words around them show to be a person or an organisation are not places: a title or
"named" before ("coach Austin said", "a singer named Chelsea"), a speech verb right after, an organisation
word before or after ("United Russia", "Radio Free Europe", "Jordan Times").  A capitalised name that a
local story leads with ("Duluth police", "the Boise mayor") is a place when the gazetteer knows the town.

A name the story took as a place is that place again where the tagger called it a person or an organisation
("Cirencester" GPE, then PERSON).  Streets and roads the gazetteer lacks ("River Avenue", "the A417") are places
at the town that holds them (feature ``street``, no GeoNames id).

The package: ``names`` decides which entities are toponyms (datelines, people and organisations), ``resolve``
geocodes them (:func:`extract`), ``sites`` adds streets and roads, ``mentions`` exposes demonyms and the toponyms
inside organisations' names
(:func:`country_mentions`), ``locations`` places events (:func:`event_location`), ``patterns`` holds the
patterns and tables.
"""

from __future__ import annotations

from ...knowledge.gazetteer import Gazetteer
from ...model import Doc
from ...pipeline import stage
from .locations import event_location
from .mentions import country_mentions, region_adjective
from .names import datelines, entities
from .patterns import _SPECIFICITY
from .resolve import extract

__all__ = [
    "PlaceStage",
    "extract",
    "entities",
    "event_location",
    "country_mentions",
    "region_adjective",
    "datelines",
    "_SPECIFICITY",
]


@stage("communique.place.v1", requires=["nlp", "sentences"], assigns=["places", "country_mentions"])
class PlaceStage:
    """Attach :func:`extract`'s places to each document."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()

    def __call__(self, doc: Doc) -> Doc:
        ents = entities(doc.nlp) if doc.nlp is not None else []
        doc.places = extract(doc.text, ents, self.gazetteer)
        doc.country_mentions = country_mentions(doc.text, ents, self.gazetteer, doc.places)
        return doc
