"""A place name in an actor's place: a capital standing for its government or, under force, its people; a capital
opening or closing an organisation's name; a river or valley (a landmark) that is no party."""

from __future__ import annotations

import re
from typing import Any

from .....knowledge.countries import is_capital
from .....knowledge.sectors import igo_code
from ....towns import FORCE_VERBS, force_acts_on


def _as_participant(ent: Any) -> bool:
    """A place name used as a party to an action, not as a location ("urged Ankara" vs "in Ankara")."""
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss", "conj"):
        return root.dep_ != "conj" or root.head.dep_ in ("nsubj", "dobj")
    return root.dep_ == "pobj" and root.head.lower_ in ("with", "against", "by", "between", "and")


#: Verbs of force, siege and disruption: a capital they act on is its people (the one rule for capitals and towns,
#: :mod:`communique.stages.towns`).
_FORCE_ON_CITY = FORCE_VERBS


def _acted_on(ent: Any) -> bool:
    """Is the place ``ent`` what a verb of force acts on: its object ("blockaded Paris") or, passive, its subject
    ("Kyiv was shelled")? (:func:`communique.stages.towns.force_acts_on`)"""
    return force_acts_on(ent.root)


#: Capitals spelt as English words: capitalised to open a sentence they are the word.
_COMMON_CAPITALS = frozenset({"male", "victoria", "kingston", "hamilton"})


#: Last words of the names of forums of states named after a capital ("Paris Club", "Minsk Group").
_FORUM_WORDS = frozenset({"club", "group", "process", "agreement", "agreements", "accord", "accords", "conference",
                          "convention", "conventions", "summit", "declaration", "format", "talks", "protocol",
                          "treaty", "pact", "initiative", "platform", "forum"})


def _capital_in_name(ent: Any, sdoc: Any) -> str | None:
    """The state whose capital an organisation's name begins with or ends with after "of" ("Kabul University
    Faculty of Law", "the Nairobi City Council", "the Municipal Water Board of Nairobi", the "of" phrase inside the
    name or right after it), else ``None``. Capitals only: a capital names one state, other towns may be several
    states'. A forum of states named after the capital where it met ("the Paris Club", "the Minsk Group", "the
    Astana process") is no state's (:data:`_FORUM_WORDS`)."""
    words = [t for t in ent if t.lower_ != "the"]
    if words and words[-1].lower_ in _FORUM_WORDS:
        return None
    if len(words) >= 2 and words[0].text[:1].isupper() and (iso := is_capital(words[0].text)):
        return iso
    end = ent.end
    if len(words) >= 3 and words[-2].lower_ == "of" and (iso := is_capital(words[-1].text)):
        return iso
    if end + 1 < len(sdoc) and sdoc[end].lower_ == "of" and sdoc[end + 1].text[:1].isupper() and (
            end + 2 >= len(sdoc) or not sdoc[end + 2].text[:1].isupper()):
        return is_capital(sdoc[end + 1].text)
    return None


#: Prepositions of place an organisation or person is not the object of ("along the Tigris", "near the Euphrates").
_LANDMARK_PREPS = frozenset({"along", "across", "near", "beside", "beyond", "through", "toward", "towards", "onto",
                             "upstream", "downstream", "off", "alongside", "astride", "over"})


#: Nouns of the land a name may qualify ("the Tigris valley", "the Nineveh plains"): that name is a place.
_LANDSCAPE = frozenset({"valley", "river", "basin", "delta", "plain", "plains", "mountains", "mountain", "hills",
                        "coast", "shore", "bank", "banks", "desert", "dam", "bridge", "lake", "sea", "gulf", "strait",
                        "straits", "canal", "peninsula", "island", "islands", "corridor", "pass", "gorge", "region",
                        "province", "district", "highway", "road", "crossing", "border", "waters", "estuary"})


#: Verbs whose object is a stretch of land or water ("crossed the Tigris"), never a party.
_CROSSING_VERBS = frozenset({"cross", "ford", "straddle", "span", "dam", "navigate"})


def _as_landmark(ent: Any) -> bool:
    """A name used as a place: the object of a preposition of place ("along the Tigris") or a name qualifying a
    noun of the land ("the Tigris valley"); an international organisation never is."""
    if igo_code(re.sub(r"^(?:the)\s+", "", ent.text, flags=re.I)):
        return False
    root = ent.root
    if root.dep_ == "pobj" and (root.head.lower_ in _LANDMARK_PREPS or (
            root.head.lower_ == "of" and root.head.head.lower_ in _LANDSCAPE)):
        return True  # "along the Tigris", "on the banks of the Tigris"
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _CROSSING_VERBS:
        return True  # "crossed the Tigris"
    return root.dep_ in ("compound", "nmod") and root.head.lower_ in _LANDSCAPE and root.head.i > root.i
