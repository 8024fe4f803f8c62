"""Shared pieces of the finders: the :class:`Found` record, country words (with a knowledge base's extra
states), title and name tokens, country actors."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ....knowledge.countries import country_name as _country_name
from ....knowledge.countries import misspelt_country
from ....knowledge.countries import resolve_country as _real_country
from ....knowledge.sectors import TITLE_WORDS
from ....model import Span
from ...nlp import doc_text as doc_text  # re-exported: the stage's modules read it from here
from ...towns import town_sector
from ..gender import given_name_gender
from ..lexicon import (
    CHAIN_EXTRA,
    ETHNONYMS,
    LOWER_PARTICLES,
    NAME_TOKEN,
    ORG_WORDS,
)

#: Extra country words for the document being read (a knowledge base's fictional or historical states, e.g. the
#: PETRARCH validation dictionary's "Arnor"); set by :func:`known_countries` around one ``extract`` call.
_EXTRA_COUNTRIES: ContextVar[Callable[[str], str | None] | None] = ContextVar("extra_countries", default=None)


def country_name(iso: str) -> str:
    """Display name of a country code; the code itself for a state only a knowledge base knows."""
    try:
        return _country_name(iso)
    except KeyError:
        return iso


def resolve_country(text: str) -> str | None:
    """The code of a state the current knowledge base names (see above: a user's dictionary's code for a name it
    lists wins, "KUWAIT [KUW]"); else ISO3 of a country name or demonym; else the one country a single word
    misspells by one letter when no other name fits it (:func:`_misspelt`: "Austira")."""
    if (extra := _EXTRA_COUNTRIES.get()) is not None and text[:1].isupper() and (hit := extra(text)) is not None:
        return hit
    hit = _real_country(text)
    if hit is None and len(text) >= 6 and text[:1].isupper() and text.isalpha():
        hit = _misspelt(text)
    return hit


@lru_cache(maxsize=4096)
def _misspelt(word: str) -> str | None:
    """The country ``word`` misspells (:func:`~communique.knowledge.countries.misspelt_country`: one edit from one
    country's name or demonym, "Pakistn" PAK), only where no other name fits it: not a place the gazetteer knows
    (its own spelling variants included), not a given name, not a people of our lexicon."""
    iso = misspelt_country(word)
    if iso is None or word.casefold() in ETHNONYMS or given_name_gender(word) is not None:
        return None
    from ....knowledge.gazetteer import Gazetteer

    return iso if Gazetteer.default().lookup(word) is None else None


@lru_cache(maxsize=4096)
def misspelt_capital(word: str) -> str | None:
    """ISO3 of the state whose capital the gazetteer reads ``word`` as under another spelling ("Teheran" for
    Tehran, by the gazetteer's own spelling variants), when ``word`` is no capital's name itself and no given
    name; else ``None``."""
    if not word.isalpha() or not word[:1].isupper() or len(word) < 5 or given_name_gender(word) is not None:
        return None
    from ....knowledge.countries import is_capital
    from ....knowledge.gazetteer import Gazetteer

    hit = Gazetteer.default().lookup(word)
    if hit is None or hit.feature != "city" or not hit.country or hit.name.casefold() == word.casefold():
        return None
    return hit.country if is_capital(hit.name) == hit.country else None


@contextmanager
def known_countries(lookup: Callable[[str], str | None] | None) -> Iterator[None]:
    """Within the block, :func:`resolve_country` also knows the states ``lookup`` knows."""
    token = _EXTRA_COUNTRIES.set(lookup)
    try:
        yield
    finally:
        _EXTRA_COUNTRIES.reset(token)


@dataclass(slots=True)
class Found:
    span: Span
    label: str
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    title_span: Span | None = None
    head: Span | None = None
    code: str | None = None
    anonymous: bool = False
    key: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


#: Words of a past office that open a title only as its adjective ("Ousted President X", "the deposed king"), not
#: as a verb ("the army ousted President X", who is in office as the event happens).
_PAST_TITLE = frozenset({"ousted", "deposed", "exiled", "toppled", "overthrown"})


def _is_title_token(tok: Any) -> bool:
    if tok.lower_ in _PAST_TITLE:
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in TITLE_WORDS and (
            tok.text[:1].isupper() or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("the", "a", "an", "his", "her",
                                                                                   "its", "their")))
    return tok.lower_ in TITLE_WORDS or tok.lower_ in CHAIN_EXTRA


def _is_name_token(tok: Any) -> bool:
    if tok.lower_ in TITLE_WORDS or tok.lower_ in ORG_WORDS or resolve_country(tok.text):
        return False
    if tok.lower_ in LOWER_PARTICLES and tok.i + 1 < len(tok.doc):
        nxt = tok.doc[tok.i + 1]
        if nxt.lower_ in LOWER_PARTICLES and tok.i + 2 < len(tok.doc):
            nxt = tok.doc[tok.i + 2]  # "de la Fuente", "van der Berg"
        if nxt.text[:1].isupper() or (nxt.text == "-" and tok.i + 2 < len(tok.doc)
                                      and tok.doc[tok.i + 2].text[:1].isupper()):
            return True
    return bool(NAME_TOKEN.match(tok.text)) and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB", "X")


def _name_run(sdoc: Any, j: int) -> int:
    """End (exclusive) of the run of name tokens starting at ``j``, hyphenated parts included."""
    k = j
    n = len(sdoc)
    while k < n:
        tok = sdoc[k]
        if _is_name_token(tok) and "\n" not in tok.text:
            k += 1
            continue
        if k > j and tok.lower_ in ("sheikh", "haji") and k + 1 < n and _is_name_token(sdoc[k + 1]):
            k += 1  # "Ibrahim Sheikh Muhyadin": a name part that is also a title
            continue
        if k > j and tok.pos_ == "PROPN" and tok.ent_iob_ == "I" and tok.ent_type_ == "PERSON" \
                and tok.text[:1].isupper() and (tok.lower_ not in TITLE_WORDS or _ends_person(tok)):
            # "Chuck Jordan": a surname that is also a country, inside a name the model saw whole; "Julie
            # Bishop", "John King": a title word that ends the model's person name is a surname
            k += 1
            continue
        if tok.text in ("-", "‐") and k > j and k + 1 < n and not sdoc[k - 1].whitespace_ and not tok.whitespace_ \
                and (_is_name_token(sdoc[k + 1]) or (sdoc[k + 1].is_alpha and sdoc[k + 1].is_lower
                                                     and len(sdoc[k + 1]) <= 4)):
            k += 2 if not _is_name_token(sdoc[k + 1]) else 1  # "Sung-ho" keeps its lowercase part
            continue
        break
    return k


def _ends_person(tok: Any) -> bool:
    """Is ``tok`` the last word of a person name the NER found (no person word follows it)?"""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or not (nxt.ent_iob_ == "I" and nxt.ent_type_ == "PERSON")


def country_at(sdoc: Any, i: int) -> tuple[str, int] | None:
    """A country word starting at token ``i`` ("Russian", "South Korean", "United Arab Emirates"):
    (ISO3, index after it)."""
    first = sdoc[i]
    if not first.text[:1].isupper() or first.lower_ == "the":
        return None
    ends = _capital_run_ends(sdoc, i)
    text = doc_text(sdoc)
    for width in range(len(ends), 0, -1):
        if (iso := resolve_country(text[first.idx : ends[width - 1]])):
            return iso, i + width
    return None


def _capital_run_ends(sdoc: Any, i: int, most: int = 3) -> list[int]:
    """End offsets of the first 1, 2, ... (at most ``most``) tokens from ``i`` while each starts with a capital
    (each token read once: a spaCy token is a new object at every ``sdoc[k]``)."""
    ends: list[int] = []
    for k in range(i, min(i + most, len(sdoc))):
        t = sdoc[k]
        if not t.text[:1].isupper():
            break
        ends.append(t.idx + len(t))
    return ends


def _possessive_country(sdoc: Any, i: int) -> tuple[str, int] | None:
    """``Country’s`` starting at token ``i`` ("Kenya’s", "South Korea’s"): (ISO3, index after the possessive)."""
    ends = _capital_run_ends(sdoc, i)
    n = len(sdoc)
    for width in range(len(ends), 0, -1):
        end = i + width
        if end < n and sdoc[end].tag_ == "POS" and \
                (iso := resolve_country(doc_text(sdoc)[sdoc[i].idx : ends[width - 1]])):
            return iso, end + 1
    return None


def _state(span: Span, label: str, iso: str, *, capital: bool, name: str = "", civil: bool = False) -> Found:
    """A country actor; a capital standing for its state ("Ankara said", "urged Minsk") is the government
    (CAMEO convention: "Washington" is USAGOV), an actor of its own beside the country, named as written; a
    capital acted on by force (``civil``: "blockaded Paris", "Kyiv was shelled") is its people, CVL (the PLOVER
    GSR's rule for cities attacked), a group named as written (the one rule for capitals and towns:
    :func:`communique.stages.towns.town_sector`)."""
    sector = town_sector(capital=capital, force=civil)
    if capital and sector == "CVL":
        return Found(span=span, label=label, kind="group", name=name or country_name(iso), country=iso,
                     sector="CVL", code=iso + "CVL", key=f"city:{iso}:{(name or iso).casefold()}")
    if capital and sector == "GOV":
        return Found(span=span, label=label, kind="country", name=name or country_name(iso), country=iso,
                     sector="GOV", code=iso + "GOV", key=f"capital:{iso}")
    return Found(span=span, label=label, kind="country", name=country_name(iso), country=iso, code=iso,
                 key=f"country:{iso}")


def _strip_possessive(name: str) -> str:
    return re.sub(r"[’']s?$", "", name).strip()
