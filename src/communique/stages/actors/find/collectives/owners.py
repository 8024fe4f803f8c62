"""Who owns a collective named after a possessive ("Kenya's government", "Kinshasa's governor", "Arnor's foreign
minister", "Israel's militia ally"), and demonyms shared across "and" ("Japanese and the Australian armies")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .....knowledge.countries import is_capital
from .....knowledge.sectors import TITLE_WORDS
from .....model import Span
from .....textutil import SpanIndex
from ...lexicon import ETHNONYMS, GROUP_NOUNS
from ..base import resolve_country
from .phrase import _place_around


def _ethnonym_at(sdoc: Any, k: int) -> bool:
    return sdoc[k].lower_ in ETHNONYMS


def _country_before_possessive(sdoc: Any, k: int) -> tuple[str, int] | None:
    """The country (1-3 capitalised words) right before the possessive at token ``k`` ("South Africa’s"): (ISO3,
    its first token), else ``None``."""
    for width in (3, 2, 1):
        lo = k - width
        if lo >= 0 and all(t.text[:1].isupper() for t in sdoc[lo:k]) and sdoc[lo].lower_ != "the" \
                and sdoc[lo].sent == sdoc[k].sent \
                and (iso := resolve_country(sdoc[lo:k].text)):
            return iso, lo
    return None


def _owner_before_possessive(sdoc: Any, k: int, doc_places: list[Any],
                             place_country: Callable[[str], str | None] | None) -> tuple[str, int] | None:
    """The country owning the noun after the possessive at token ``k``: a country named right before it ("South
    Africa’s"), else a city or region the place stage geocoded there, or a one-word city the gazetteer knows
    ("Kinshasa’s governor", "Ankara’s district administration": the place's country). (ISO3, its first token)."""
    if (poss := _country_before_possessive(sdoc, k)) is not None:
        return poss
    prev = sdoc[k - 1]
    if not prev.text[:1].isupper() or prev.sent != sdoc[k].sent:
        return None
    place = _place_around(doc_places, prev.idx)
    if place is not None and place.feature in ("city", "region", "site"):
        lo = k - 1
        while lo > 0 and sdoc[lo - 1].idx >= place.span.start:
            lo -= 1
        return str(place.country), lo
    if prev.pos_ == "PROPN" and (prev.ent_type_ in ("", "GPE") or is_capital(prev.text)) and place_country is not None \
            and (iso := place_country(prev.text)):
        return iso, k - 1
    return None


#: Nouns naming another party's partner ("Israel's militia ally", "Iran's proxy militias"): the owner's country is
#: not theirs.
_ALLY_WORDS = frozenset({"ally", "allies", "proxy", "proxies", "partner", "partners", "client", "surrogate",
                         "surrogates"})


#: Nouns of a state's offices and forces: what only a state owns ("Arnor's foreign minister", "Gondor's army").
STATE_NOUNS = frozenset({"minister", "ministers", "president", "premier", "government", "army", "military", "navy",
                         "parliament", "troops", "forces", "officials", "ministry", "ambassador", "envoy", "embassy",
                         "police", "cabinet", "king", "queen", "leader", "leaders", "diplomats", "soldiers"})


def _unknown_state_owner(sdoc: Any, first: int, taken_index: SpanIndex) -> bool:
    """Does a one-word name we cannot place own the phrase starting at token ``first`` ("Arnor's foreign
    minister")? A capitalised proper noun before the possessive that is no country, no person, organisation or
    group the NER or an earlier finder named, and no title or organisation word."""
    if first < 2 or sdoc[first - 1].tag_ != "POS":
        return False
    owner = sdoc[first - 2]
    if owner.pos_ != "PROPN" or not owner.text[:1].isupper() or not owner.is_alpha or len(owner) < 2:
        return False
    if first >= 3 and sdoc[first - 3].text[:1].isupper() and not sdoc[first - 3].is_sent_start:
        return False  # the end of a longer name
    if owner.ent_type_ not in ("", "GPE", "ORG") or taken_index.overlaps(Span(owner.idx, owner.idx + len(owner))):
        return False
    return not resolve_country(owner.text) and owner.lower_ not in TITLE_WORDS and owner.lower_ not in GROUP_NOUNS


def _demonym_before_and(sdoc: Any, k: int) -> bool:
    """Is token ``k`` "the" after "<demonym> and" ("Japanese and the Australian armies": both states')?"""
    if k < 2 or sdoc[k].lower_ != "the" or sdoc[k - 1].lower_ != "and":
        return False
    d = sdoc[k - 2]
    return d.text[:1].isupper() and (d.pos_ == "ADJ" or d.ent_type_ == "NORP") and resolve_country(d.text) is not None

