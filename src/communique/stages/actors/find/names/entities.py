"""The NER's entities as actors: people, organisations, outlets, central banks, countries and capitals, a state's
people and one of its nationals ("a Mexican")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from .....knowledge.countries import is_capital
from .....knowledge.sectors import TITLE_WORDS, igo_code, sector_for_title
from .....model import Span
from .....textutil import SpanIndex
from ...gender import given_name_gender
from ...lexicon import (
    ETHNONYMS,
    GROUP_NOUNS,
    KNOWN_OUTLETS,
    ORG_WORDS,
    OUTLET_COUNTRIES,
    OUTLET_WORDS,
    PERSON_NOUNS,
    PLACE_BOUND_NOUNS,
    TIME_NAMES,
)
from ..base import Found, _state, _strip_possessive, country_at, doc_text, misspelt_capital, resolve_country
from ..collectives import _own_phrase_country
from ..peoples import _ethnic
from .igos import _national_body, central_bank_country
from .places import (
    _acted_on,
    _as_landmark,
    _as_participant,
    _capital_in_name,
)
from .unknown import _unknown_party, _unknown_word
from .words import _country_in, _country_word_before, _modifies_actor, _state_noun_after, _state_people


def _capital_spelt(span: Span, places: list[Any] | None) -> str | None:
    """The state whose capital the place stage geocoded at ``span`` under another spelling ("Teheran" for
    Tehran: the gazetteer's own spelling variants; :func:`..base.misspelt_capital` for a name the place stage
    left alone), else ``None``."""
    for p in places or []:
        if p.span == span and p.feature == "city" and p.country and is_capital(p.name) == p.country:
            return str(p.country)
    return None


def _is_outlet(ent: Any) -> bool:
    text = ent.text.lower().removeprefix("the ")
    if text in KNOWN_OUTLETS:
        return True
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is not None and nxt.lower_ in OUTLET_WORDS:
        return True
    return any(t.lower_ in OUTLET_WORDS for t in ent[1:])


def find_entities(sdoc: Any, taken: list[Span], places: list[Any] | None = None) -> list[Found]:
    """Actors the NER names (people, organisations, states, peoples).  An international organisation takes our
    IGO table's code here; a user's knowledge base that codes the name replaces it afterwards
    (:meth:`communique.knowledge.actors.ActorKB.complete`), so that an acronym beside the name ("the European
    Union (EU)") stays one actor with it."""
    out: list[Found] = []
    cities = sorted((p.span for p in places or [] if p.feature in ("city", "site", "region")),
                    key=lambda c: c.start)
    city_starts = [c.start for c in cities]
    longest = max((c.end - c.start for c in cities), default=0)

    def nests_with_city(span: Span) -> bool:
        """Does a city, site or region hold ``span`` or lie inside it? (only places starting near it can)"""
        lo, hi = bisect_left(city_starts, span.start - longest), bisect_right(city_starts, span.end)
        return any(c.contains(span) or span.contains(c) for c in cities[lo:hi])

    taken_index = SpanIndex(taken)
    place_index = SpanIndex(p.span for p in places or [])
    absorbed: set[int] = set()  # first characters of countries read into an organisation ("... Company of Libya")
    for ent in sdoc.ents:
        span = Span(ent.start_char, ent.end_char)
        if taken_index.overlaps(span) or "\n" in ent.text or span.start in absorbed:
            continue
        if ent.label_ in ("PERSON", "ORG") and nests_with_city(span) \
                and not igo_code(re.sub(r"^(?:the)\s+", "", ent.text, flags=re.I)):
            # (an international organisation the gazetteer also knows as a region, "the European Union", acts)
            # the NER's "person" is a place the gazetteer placed after "in/to/visit": a capital may still act
            iso = (is_capital(ent.text) or _capital_spelt(span, places)) if _as_participant(ent) else None
            if iso:
                out.append(_state(span, "GPE", iso, capital=True, name=ent.text, civil=_acted_on(ent)))
            continue
        if all(t.lower_ in ETHNONYMS for t in ent) and ent.end < len(sdoc) and (
                sdoc[ent.end].lower_ in GROUP_NOUNS or sdoc[ent.end].lower_ in PERSON_NOUNS):
            continue  # "Hutu rebels", "Kurdish fighters": a people qualifying a collective, found with it
        if ent.label_ in ("GPE", "ORG") and len(ent) <= 2 and _unknown_word(ent[0]) and ent.end < len(sdoc) \
                and sdoc[ent.end - 1 if ent[-1].tag_ == "POS" else ent.end].tag_ == "POS" \
                and _state_noun_after(sdoc, ent.end if ent[-1].tag_ == "POS" else ent.end + 1):
            continue  # "Arnor's foreign minister": a state we do not know, found with its office (no country)
        if all(t.lower_ in TIME_NAMES or t.is_digit or t.is_punct for t in ent):
            continue  # "0900 GMT", "Thursday": a time the NER took for a party
        if ent.label_ in ("PERSON", "ORG") and (_common_noun(ent) or _as_landmark(ent)):
            continue  # "Missiles struck ...", "along the Tigris", "the Tigris valley": no party
        text = ent.text
        bare = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
        bare_span = Span(ent.end_char - len(bare), ent.end_char)
        if ent.label_ in ("GPE", "ORG", "NORP", "PERSON") and (resolve_country(bare) or (
                is_capital(bare) and ent.end < len(sdoc) and sdoc[ent.end].tag_ == "POS")) \
                and _modifies_actor(sdoc, ent.end):
            continue  # "the Ugandan envoy", "Kenya’s Foreign Ministry", "Kinshasa's governor": part of a larger actor
        if ent.label_ in ("PERSON", "GPE", "NORP", "ORG") and (iso := resolve_country(bare)) \
                and (start := _one_national(ent)) is not None:
            # "a Mexican was arrested", "killed an Iraqi": one of the country's people, a civilian (CVL) as the
            # PLOVER GSR codes them; each such mention is a person of their own
            out.append(Found(span=Span(sdoc[start].idx, ent.end_char), label="NORP", kind="person",
                             name=f"{bare} national", country=iso, sector="CVL", code=iso + "CVL",
                             key=f"national:{iso}:{ent.start}", head=bare_span))
            continue
        if ent.label_ in ("PERSON", "ORG", "NORP") and (people := _state_people(ent)) is not None:
            # "Bosnian Serbs", "Iraqi Kurds" (the NER may call them a person): the state's people, civilians
            out.append(Found(span=bare_span, label="NORP", kind="group", name=bare, country=people, sector="CVL",
                             code=people + "CVL", key=f"people:{people}"))
            continue
        if ent.label_ == "PERSON" and (resolve_country(bare) or is_capital(bare)):
            # the small model often calls "Azerbaijan" or "Yerevan" a person
            named = resolve_country(bare)
            iso = named or (is_capital(bare) if _as_participant(ent) else None)
            if iso:
                out.append(_state(bare_span, "GPE", iso, capital=named is None, name=bare, civil=_acted_on(ent)))
            continue
        if ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0 and sdoc[ent.start - 1].lower_ == "the" \
                and (ent.end >= len(sdoc) or sdoc[ent.end].pos_ not in ("NOUN", "PROPN")):
            continue  # "in the Sahel", "across the Donbas": a name with an article is no person (a region)
        if ent.label_ in ("PERSON", "ORG") and ent.end < len(sdoc) and sdoc[ent.end].text == "party" \
                and ent[-1].tag_ != "POS":
            # "the Umma party", "the Likud party": the name and the lower-case "party" after it are a party (PTY)
            party = Span(bare_span.start, sdoc[ent.end].idx + len(sdoc[ent.end]))
            before = _country_word_before(sdoc, ent.start)  # "the Israeli Likud party"
            out.append(Found(span=party, label="ORG", kind="organization", name=f"{bare} party", sector="PTY",
                             country=before[0] if before is not None else None))
            continue
        if ent.label_ == "PERSON":
            iso = None
            if ent.start >= 2 and sdoc[ent.start - 1].tag_ == "POS":  # "Japan’s Haruki Tanabe"
                iso = resolve_country(sdoc[ent.start - 2].text)
            out.append(Found(span=bare_span, label="PERSON", kind="person",
                             name=_strip_honorific(_strip_possessive(bare)), country=iso))
        elif ent.label_ == "GPE":
            named = resolve_country(bare)
            iso = named
            if iso is None and _as_participant(ent):
                # "Ankara said", "urged Moscow": the capital stands for the government (also spelt another way)
                iso = is_capital(bare) or _capital_spelt(bare_span, places) or misspelt_capital(bare)
            if iso:
                out.append(_state(bare_span, "GPE", iso, capital=named is None, name=bare, civil=_acted_on(ent)))
            elif _unknown_party(ent, place_index):
                # "Arnor is to restore ties with Gondor": a state or people we do not know, acting; no country
                out.append(Found(span=bare_span, label="GPE", kind="organization", name=_strip_possessive(bare)))
        elif ent.label_ == "NORP":
            iso = resolve_country(bare)
            # a bare plural demonym ("Palestinians protested") is the country's people: civilians (CVL), as the
            # PLOVER GSR codes them; an "ethnic" people is no country's (see ETHNIC_WORDS)
            if iso and bare.endswith("s") and (ent.end >= len(sdoc) or sdoc[ent.end].pos_ != "NOUN"):
                home = _own_phrase_country(ent.root, places or [], located=True, names_only=True)
                if _ethnic(sdoc, ent.start):
                    # "ethnic Albanians in southern Serbia": the country they live in, when the phrase says it
                    iso, bare_span = home, Span(sdoc[ent.start - 1].idx, ent.end_char)
                elif home:
                    iso = home  # "Albanians of southern Serbia", "Turks in Germany": where they live (GSR)
                if iso:
                    out.append(Found(span=bare_span, label="NORP", kind="group", name=bare, country=iso,
                                     sector="CVL", code=iso + "CVL", key=f"people:{iso}"))
        elif ent.label_ == "ORG" and (iso := resolve_country(bare) or (
                (is_capital(bare) or misspelt_capital(bare)) if _as_participant(ent) else None)):
            # the NER's "organisation" is a country, or a capital standing for its government ("accusing Minsk")
            out.append(_state(bare_span, "GPE", iso, capital=resolve_country(bare) is None, name=bare,
                              civil=_acted_on(ent)))
        elif ent.label_ == "ORG":
            igo = igo_code(bare) if not _national_body(sdoc, ent.start, bare) else None
            if igo:
                code, sector = igo
                out.append(Found(span=bare_span, label="ORG", kind="organization", name=bare, code=code,
                                  sector=sector, key=f"org:{code}"))
            elif _is_outlet(ent):
                out.append(Found(span=bare_span, label="ORG", kind="outlet", name=_strip_possessive(bare),
                                  sector="MED", key=f"outlet:{bare.lower()}",
                                  country=OUTLET_COUNTRIES.get(_strip_possessive(bare).casefold())))
            elif (bank := central_bank_country(bare)) is not None:
                out.append(Found(span=bare_span, label="ORG", kind="organization", name=_strip_possessive(bare),
                                 country=bank, sector="GOV", key=f"bank:{bank}"))
            elif len(ent) == 1 and ent.end < len(sdoc) and sdoc[ent.end].lower_ in PLACE_BOUND_NOUNS \
                    and ent.root.lower_ not in ORG_WORDS:
                continue  # "Karachi police": the place names whose police, found with the noun
            elif _person_named(ent):
                # "Giorgia Meloni met ...": the NER's "organisation" is a given name and a surname
                out.append(Found(span=bare_span, label="PERSON", kind="person", name=_strip_possessive(bare)))
            else:
                org_country = _country_in(ent)
                if org_country is None and ent.start >= 2 and sdoc[ent.start - 1].tag_ == "POS":
                    # "Kenya’s Foreign Ministry", "Ivory Coast's Supreme Court": the longest country name before
                    for width in (3, 2, 1):
                        first = ent.start - 1 - width
                        if first >= 0 and sdoc[first].lower_ != "the" and all(
                                t.text[:1].isupper() for t in sdoc[first : ent.start - 1]) and (
                                owner := resolve_country(sdoc[first : ent.start - 1].text)):
                            org_country, bare_span = owner, Span(sdoc[first].idx, ent.end_char)
                            break
                if org_country is None and (before := _country_word_before(sdoc, ent.start)) is not None:
                    org_country, bare_span = before[0], Span(sdoc[before[1]].idx, ent.end_char)  # "US Congress"
                if org_country is None and (capital := _capital_in_name(ent, sdoc)) is not None:
                    org_country = capital  # "Kabul University", "the Municipal Water Board of Nairobi"
                if org_country is None and ent.end + 1 < len(sdoc) and sdoc[ent.end].lower_ == "of" \
                        and (after := country_at(sdoc, ent.end + 1)) is not None \
                        and (after[1] >= len(sdoc) or not sdoc[after[1]].text[:1].isupper()):
                    # "the National Oil Company of Libya", "the Supreme Court of Kenya": the state after "of"
                    org_country, bare_span = after[0], Span(bare_span.start, sdoc[after[1] - 1].idx
                                                            + len(sdoc[after[1] - 1]))
                    absorbed.add(sdoc[ent.end + 1].idx)
                out.append(Found(span=bare_span, label="ORG", kind="organization",
                                  name=_strip_possessive(bare_span.text(doc_text(sdoc))), country=org_country,
                                  sector=sector_for_title(bare)))
    return out


def _common_noun(ent: Any) -> bool:
    """A "name" that is a common noun capitalised to open a sentence ("Missiles struck ...", "Clerics and lawmakers
    said")."""
    tok = ent[0]
    if len(ent) > 1:  # "Clerics and lawmakers believe ...": common nouns joined, capitalised to open a sentence
        return tok.is_sent_start and all(t.pos_ in ("NOUN", "CCONJ", "PUNCT", "ADJ") for t in ent) \
            and all(t.is_lower for t in ent[1:] if t.is_alpha) and ent[-1].pos_ == "NOUN"
    return tok.pos_ == "NOUN" and tok.is_sent_start and not tok.text.isupper()


def _person_named(ent: Any) -> bool:
    """Is the NER's organisation ``ent`` a person's name: two or three capitalised proper nouns, the first a given
    name the name-gender data is sure of (:func:`..gender.given_name_gender`), none an organisation word or a
    country, and no organisation word right after it ("Giorgia Meloni", not "Victoria Falls Council")?"""
    toks = [t for t in ent if t.tag_ != "POS"]
    if not 2 <= len(toks) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in toks):
        return False
    if any(t.lower_ in ORG_WORDS or t.lower_ in TITLE_WORDS or resolve_country(t.text) for t in toks):
        return False
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is not None and (nxt.lower_ in ORG_WORDS or nxt.pos_ == "PROPN"):
        return False
    return given_name_gender(toks[0].text) is not None


#: Determiners before a singular demonym standing for a person ("a Mexican", "one Iraqi", "another Briton").
_ONE = frozenset({"a", "an", "one", "another"})


def _one_national(ent: Any) -> int | None:
    """The token opening "a Mexican" when the NER's one-word NORP ``ent`` is a singular demonym used as a noun for
    a person (a determiner before it, no noun after it: "a Mexican official" is the official's), else ``None``."""
    sdoc = ent.doc
    if len(ent) != 1 or ent.start == 0 or sdoc[ent.start - 1].lower_ not in _ONE or ent.text.endswith("s"):
        return None
    nxt = sdoc[ent.end] if ent.end < len(sdoc) else None
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.text in ("-", "‐")):
        return None
    if ent.root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative") and not (
            nxt is None or nxt.pos_ in ("CCONJ", "PUNCT", "VERB", "AUX", "ADP")):
        return None  # (the parser may read "an Iraqi and two Afghans" as an adjective of "Afghans")
    return ent.start - 1


#: Honorifics the NER may take into a person's name ("Mrs Ardern"): not part of the name (:mod:`..gender` reads
#: them for the person's gender from the text before the name).
_HONORIFIC_PREFIX = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mme|Madame|Dr|Sir|Dame|Lady|Lord)\.?\s+(?=\S)")


def _strip_honorific(name: str) -> str:
    """"Mrs Ardern" -> "Ardern"; a name that is only an honorific stays as it is."""
    return _HONORIFIC_PREFIX.sub("", name, count=1)
