"""Names the NER missed: the knowledge base's names, capitals and unknown capitalised names acting in their clause."""

from __future__ import annotations

from typing import Any

from .....knowledge.actors import ActorKB
from .....knowledge.countries import is_capital
from .....knowledge.sectors import TITLE_WORDS
from .....model import Span
from .....textutil import SpanIndex
from ...gender import given_name_gender
from ...lexicon import (
    ETHNONYMS,
    GROUP_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    TIME_NAMES,
)
from ..base import Found, _misspelt, _state, misspelt_capital, resolve_country
from .places import (
    _COMMON_CAPITALS,
    _acted_on,
)


def find_known(sdoc: Any, taken: list[Span], kb: ActorKB, *, on: Any = None, articled: bool = False) -> list[Found]:
    """Names from the knowledge base that the NER missed ("Wanjiru met Bekele"), longest match first.

    With ``articled``, only names the knowledge writes with their article ("the Shire", "The Hermit Kingdom":
    the article is part of the name), found before the NER's entities, which would take the name without it."""
    out: list[Found] = []
    n = len(sdoc)
    width = kb.longest_alias
    taken_index = SpanIndex(taken)
    i = 0
    while i < n:
        hit = None
        if (sdoc[i].lower_ == "the" and i + 1 < n and sdoc[i + 1].text[:1].isupper()) if articled \
                else sdoc[i].text[:1].isupper():
            for w in range(min(width, n - i), 1 if articled else 0, -1):
                span = Span(sdoc[i].idx, sdoc[i + w - 1].idx + len(sdoc[i + w - 1]))
                if taken_index.overlaps(span):
                    continue
                entry = kb.find(sdoc[i : i + w].text, on=on)
                if entry is not None:
                    hit = (w, span, entry)
                    break
        if hit is None:
            i += 1
            continue
        w, span, entry = hit
        kind = entry.kind if entry.kind in ("person", "organization", "group") else "person"
        out.append(Found(span=span, label="PERSON" if kind == "person" else "ORG", kind=kind, name=entry.name,
                          country=entry.country, sector=entry.sector,
                          key="" if kind == "person" else f"org:{entry.name.lower()}"))
        i += w
    return out


#: Dependencies of a name acting in its clause: subject, object, recipient (and conjuncts of those).
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


#: Prepositions whose object is a party ("ties with Gondor", "a war against Rohan", "attacked by Mordor").
_PARTY_PREPS = frozenset({"with", "against", "by", "between"})


def _acts(tok: Any) -> bool:
    """Is ``tok`` (a name's last word) a party in its clause: a subject, object or recipient, the object of
    "with"/"against"/"by"/"between", or joined by "and" to one of these?"""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ in _PARTY_DEPS:
        return True
    return t.dep_ == "pobj" and t.head.lower_ in _PARTY_PREPS


def _unknown_party(ent: Any, places: SpanIndex) -> bool:
    """An unresolved place-like name (no country of ours, no place the place stage geocoded: ``places`` indexes
    their spans) that acts."""
    if places.overlaps(Span(ent.start_char, ent.end_char)):
        return False
    words = [t for t in ent if t.tag_ != "POS"]
    return _acts(ent.root) and all(_unknown_word(t) for t in words)


def _unknown_word(tok: Any) -> bool:
    """A capitalised proper noun of more than one letter that is no word of our actor lexicons (titles,
    organisation words, collectives, peoples) and no country (a country misspelt, "Austira", is still unknown to the
    NER: :func:`find_unknown_names` reads it as the country): a name we may not know."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha and len(tok) > 1 \
        and tok.lower_ not in TITLE_WORDS and tok.lower_ not in ORG_WORDS and tok.lower_ not in GROUP_NOUNS \
        and tok.lower_ not in PERSON_NOUNS and tok.lower_ not in ETHNONYMS and tok.lower_ not in TIME_NAMES \
        and (not resolve_country(tok.text) or _misspelt(tok.text) is not None)


def find_unknown_names(sdoc: Any, taken: list[Span], places: list[Any] | None = None) -> list[Found]:
    """Capitalised proper nouns the NER left unlabelled that act as subject, object or a "with"/"against" party
    ("Arnor is about to restore ties with Gondor", "Gondor and Osgiliath called off their summit"): an actor
    each with no country (we do not know the state; a missing country is better than a guessed one). Words of our
    title, organisation and country lists, places the place stage geocoded, and one-letter words are left alone.
    Spans are character offsets into the parsed text."""
    out: list[Found] = []
    taken_index = SpanIndex(taken)
    place_index = SpanIndex(p.span for p in places or [])
    n = len(sdoc)
    i = 0
    while i < n:
        j = i
        while j < n and sdoc[j].ent_iob_ == "O" and _unknown_word(sdoc[j]):
            j += 1
        if j == i:
            i += 1
            continue
        if i > 0 and (sdoc[i - 1].text in ("-", "‐") or (sdoc[i - 1].text[:1].isupper() and not sdoc[i].is_sent_start
                                                         and sdoc[i - 1].is_alpha)):
            i = j  # the end of a longer name ("Kenya Anti-Corruption Commision"): not a name of its own
            continue
        span = Span(sdoc[i].idx, sdoc[j - 1].idx + len(sdoc[j - 1]))
        root = sdoc[j - 1]
        if _acts(root) and not taken_index.overlaps(span) and not place_index.overlaps(span):
            name = sdoc[i:j].text
            if j - i == 1 and given_name_gender(name) is None and name.lower() not in _COMMON_CAPITALS \
                    and (iso := is_capital(name) or misspelt_capital(name)) is not None:
                # a capital the NER and the place stage left alone ("Kyiv was shelled", "Tbilisi said"); not a
                # given name ("Victoria", "Santiago") nor an English word capitalised ("Male students")
                out.append(_state(span, "GPE", iso, capital=True, name=name, civil=_acted_on(sdoc[i:j])))
                i = j
                continue
            if j - i == 1 and (iso := _misspelt(name)) is not None:
                # "Austira has agreed ...": a country misspelt, no other name fitting it (the NER left it unlabelled)
                out.append(_state(span, "GPE", iso, capital=False, name=name))
                i = j
                continue
            out.append(Found(span=span, label="ORG", kind="organization", name=name))  # (a known person's
            # surname, "Ruto said", joins that person: the stage's merge)
        i = j
    return out
