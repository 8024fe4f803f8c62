"""Country words around a name: a country inside an entity, before it ("US Congress") or owning it ("Egypt's highest
court"), a state's people ("Bosnian Serbs") and a state's office after an unknown name."""

from __future__ import annotations

from typing import Any

from .....knowledge.sectors import TITLE_WORDS
from ...lexicon import (
    ETHNONYMS,
    GROUP_NOUNS,
    MODIFIERS,
    PERSON_NOUNS,
)
from ..base import _is_title_token, country_at
from ..collectives import STATE_NOUNS


def _country_in(span: Any) -> str | None:
    """The first country named inside an entity ("United States Navy", "Kenya Defence Forces")."""
    sdoc = span.doc
    for i in range(span.start, span.end):
        if (cw := country_at(sdoc, i)) is not None and cw[1] <= span.end:
            return cw[0]
    return None


def _modifies_actor(sdoc: Any, end: int) -> bool:
    """Is the country word ending at token ``end`` part of an actor phrase that follows it?"""
    if end < len(sdoc) and sdoc[end].tag_ == "POS":
        end += 1
        if end < len(sdoc) and sdoc[end].ent_type_ == "ORG" and sdoc[end].ent_iob_ == "B":
            return True  # "Venezuela's National Assembly": the organisation's owner
        while end + 1 < len(sdoc) and end - 1 < len(sdoc) and not (
                sdoc[end].lower_ in GROUP_NOUNS and sdoc[end].dep_ not in ("amod", "compound")) and (
                sdoc[end].lower_ in MODIFIERS or (
                sdoc[end].is_lower and sdoc[end].dep_ == "amod" and sdoc[end].head.i > end) or (
                sdoc[end].is_lower and sdoc[end].dep_ == "compound" and sdoc[end].head.i > end
                and (sdoc[end].head.lower_ in GROUP_NOUNS or sdoc[end].head.lower_ in PERSON_NOUNS)) or (
                sdoc[end].text[:1].isupper() and sdoc[end].dep_ in ("amod", "compound")
                and sdoc[end + 1].lower_ in GROUP_NOUNS)):
            end += 1  # "Egypt's highest court", "Russia's top prosecutor", "Nicaragua's Sandinista government"
    else:
        start = end
        while end + 1 < len(sdoc) and sdoc[end].is_lower and sdoc[end].is_alpha and sdoc[end].lower_ != "and" \
                and sdoc[end].lower_ not in GROUP_NOUNS and (sdoc[end].lower_ in MODIFIERS or (
                sdoc[end].dep_ == "compound" and sdoc[end].head.i > end and (
                    sdoc[end].head.lower_ in GROUP_NOUNS or sdoc[end].head.lower_ in PERSON_NOUNS))):
            end += 1  # "U.S. border patrol", "US security forces": the noun after the modifiers
        if end > start:
            return end < len(sdoc) and (sdoc[end].lower_ in GROUP_NOUNS or sdoc[end].lower_ in PERSON_NOUNS)
    if end >= len(sdoc):
        return False
    nxt = sdoc[end]
    return nxt.lower_ in PERSON_NOUNS or nxt.lower_ in GROUP_NOUNS or (
        nxt.ent_type_ == "ORG" and nxt.ent_iob_ == "B") or (_is_title_token(nxt) and nxt.text[:1].isupper())


def _country_word_before(sdoc: Any, start: int) -> tuple[str, int] | None:
    """A country word (1-3 capitalised tokens) ending right before token ``start`` ("US" in "US Congress", "Kenyan"
    in "Kenyan Parliament"): (ISO3, its first token), else ``None``."""
    for width in (3, 2, 1):
        lo = start - width
        if lo >= 0 and sdoc[lo].lower_ != "the" and (cw := country_at(sdoc, lo)) is not None and cw[1] == start:
            return cw[0], lo
    return None


def _state_people(ent: Any) -> str | None:
    """The state of an entity that is a country word followed by a people's plural ("Bosnian Serbs" BIH, "Iraqi
    Kurds" IRQ), else ``None``."""
    if len(ent) < 2 or ent[-1].lower_ not in ETHNONYMS or not ent[-1].lower_.endswith("s"):
        return None
    cw = country_at(ent.doc, ent.start)
    return cw[0] if cw is not None and cw[1] == ent.end - 1 else None


def _state_noun_after(sdoc: Any, i: int) -> bool:
    """Is a state's office or force (:data:`.collectives.STATE_NOUNS`) the noun of the phrase starting at token
    ``i``, after modifiers ("foreign minister", "army")?"""
    while i < len(sdoc) and (sdoc[i].lower_ in MODIFIERS or sdoc[i].lower_ in TITLE_WORDS) \
            and sdoc[i].lower_ not in STATE_NOUNS:
        i += 1
    return i < len(sdoc) and sdoc[i].lower_ in STATE_NOUNS
