"""Named actors: the NER's entities (people, organisations, outlets, central banks, countries and capitals),
international organisations by name, and names the knowledge base knows."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from ....knowledge.actors import ActorKB
from ....knowledge.countries import is_capital
from ....knowledge.sectors import TITLE_WORDS, igo_code, sector_for_title
from ....model import Span
from ....textutil import SpanIndex
from ..gender import given_name_gender
from ..lexicon import (
    ETHNONYMS,
    GROUP_NOUNS,
    KNOWN_OUTLETS,
    MODIFIERS,
    ORG_WORDS,
    OUTLET_COUNTRIES,
    OUTLET_WORDS,
    PERSON_NOUNS,
    PLACE_BOUND_NOUNS,
)
from .base import Found, _is_title_token, _state, _strip_possessive, country_at, doc_text, resolve_country
from .collectives import STATE_NOUNS, _own_phrase_country
from .peoples import _ethnic


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


def _as_participant(ent: Any) -> bool:
    """A place name used as a party to an action, not as a location ("urged Ankara" vs "in Ankara")."""
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss", "conj"):
        return root.dep_ != "conj" or root.head.dep_ in ("nsubj", "dobj")
    return root.dep_ == "pobj" and root.head.lower_ in ("with", "against", "by", "between", "and")


#: Verbs of force, siege and disruption: a capital they act on is its people, not its government ("blockade
#: Paris", "shelled Kyiv", "Kabul was bombed"); a capital spoken to or of stays the government ("urged Moscow").
_FORCE_ON_CITY = frozenset({"blockade", "besiege", "shell", "bomb", "bombard", "rocket", "strafe", "attack", "strike",
                            "hit", "pound", "raid", "storm", "paralyse", "paralyze", "cripple", "encircle",
                            "surround", "starve", "terrorize", "terrorise", "target", "shut", "overrun", "loot"})


def _acted_on(ent: Any) -> bool:
    """Is the place ``ent`` what a verb of force acts on: its object ("blockaded Paris") or, passive, its subject
    ("Kyiv was shelled")?"""
    root = ent.root
    verb = root.head
    return root.dep_ in ("dobj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and (
        verb.lemma_.lower() in _FORCE_ON_CITY or verb.lower_ in _FORCE_ON_CITY)


def _is_outlet(ent: Any) -> bool:
    text = ent.text.lower().removeprefix("the ")
    if text in KNOWN_OUTLETS:
        return True
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is not None and nxt.lower_ in OUTLET_WORDS:
        return True
    return any(t.lower_ in OUTLET_WORDS for t in ent[1:])


def find_entities(sdoc: Any, taken: list[Span], places: list[Any] | None = None) -> list[Found]:
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
            iso = is_capital(ent.text) if _as_participant(ent) else None
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
                iso = is_capital(bare)  # "Ankara said", "urged Moscow": the capital stands for the government
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
                is_capital(bare) if _as_participant(ent) else None)):
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
                    org_country = capital  # "Baghdad University", "the United Bus Company of Tehran"
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


#: Last words of the names of forums of states named after a capital ("Paris Club", "Minsk Group").
_FORUM_WORDS = frozenset({"club", "group", "process", "agreement", "agreements", "accord", "accords", "conference",
                          "convention", "conventions", "summit", "declaration", "format", "talks", "protocol",
                          "treaty", "pact", "initiative", "platform", "forum"})


def _capital_in_name(ent: Any, sdoc: Any) -> str | None:
    """The state whose capital an organisation's name begins with or ends with after "of" ("Baghdad University
    Medical School", "the Nairobi City Council", "the United Bus Company of Tehran", the "of" phrase inside the
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


def _common_noun(ent: Any) -> bool:
    """A "name" that is a common noun capitalised to open a sentence ("Missiles struck ...", "Clerics and lawmakers
    said")."""
    tok = ent[0]
    if len(ent) > 1:  # "Clerics and lawmakers believe ...": common nouns joined, capitalised to open a sentence
        return tok.is_sent_start and all(t.pos_ in ("NOUN", "CCONJ", "PUNCT", "ADJ") for t in ent) \
            and all(t.is_lower for t in ent[1:] if t.is_alpha) and ent[-1].pos_ == "NOUN"
    return tok.pos_ == "NOUN" and tok.is_sent_start and not tok.text.isupper()


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


#: Names of international bodies that states have too ("Armenia's Security Council", "Iran's Supreme National
#: Security Council"): a state's own body when a country or a state's qualifier stands before the name.
_NATIONAL_IGO_NAMES = frozenset({"security council"})
#: Movements made of national societies: "the Kenyan Red Cross" is Kenya's society (an NGO of that country).
_NATIONAL_SOCIETIES = frozenset({"red cross", "red crescent"})
_STATE_QUALIFIERS = frozenset({"national", "supreme", "federal", "state"})


def _national_body(sdoc: Any, start: int, name: str) -> bool:
    """Is ``name`` (an organisation name starting at token ``start``) a state's body of an international name: a
    country word, a country's possessive or "National"/"Supreme" right before it?"""
    if re.sub(r"^(?:the)\s+", "", name, flags=re.I).casefold() not in _NATIONAL_IGO_NAMES or start == 0:
        return False
    prev = sdoc[start - 1]
    if prev.lower_ in _STATE_QUALIFIERS:
        return True
    if prev.tag_ == "POS" and start >= 2:
        return any(resolve_country(sdoc[lo : start - 1].text) for lo in range(max(0, start - 4), start - 1))
    return _country_word_before(sdoc, start) is not None


def find_igos(sdoc: Any, taken: list[Span], kb: ActorKB | None = None) -> list[Found]:
    """International organisations by name or short form wherever they stand, whatever the NER called them
    ("ECOWAS suspended Mali", "The EU imposed ..."): :func:`~communique.knowledge.sectors.igo_code`'s table,
    longest first (up to eight words). A name the knowledge base ``kb`` codes is left to it (a user's or a
    PETRARCH dictionary's code wins)."""
    out: list[Found] = []
    taken_index = SpanIndex(taken)
    n = len(sdoc)
    # each token read once (a spaCy token is a new object at every ``sdoc[k]``: up to 8 spans per word)
    text = doc_text(sdoc)
    starts = [t.idx for t in sdoc]
    ends = [a + len(t) for a, t in zip(starts, sdoc, strict=True)]
    capital = [t.text[:1].isupper() for t in sdoc]
    can_end = [c or t.is_alpha for c, t in zip(capital, sdoc, strict=True)]
    i = 0
    while i < n:
        hit = None
        if capital[i]:
            for w in range(min(8, n - i), 0, -1):
                if not can_end[i + w - 1]:
                    continue
                span = Span(starts[i], ends[i + w - 1])
                name = text[span.start : span.end]  # the tokens' text (a token's own whitespace is one space)
                if taken_index.overlaps(span) or "\n" in name:
                    continue
                if (found := igo_code(name)) is not None and not _national_body(sdoc, i, name):
                    named = [k for k in ((kb.find(name), kb.find(f"the {name}")) if kb else ()) if k is not None]
                    hit = None if any(k.code for k in named) else (w, span, found)
                    break
        if hit is None:
            i += 1
            continue
        w, span, (code, sector) = hit
        name = text[span.start : span.end]
        name = name[4:] if name[:4].casefold() == "the " else name
        if name.casefold() in _NATIONAL_SOCIETIES and (home := _country_word_before(sdoc, i)) is not None:
            # "the Egyptian Red Crescent": the country's own society, a national NGO, not the federation
            out.append(Found(span=Span(sdoc[home[1]].idx, span.end), label="ORG", kind="organization",
                             name=sdoc[home[1] : i + w].text, country=home[0], sector="NGO",
                             key=f"org:{home[0]}:{name.casefold()}"))
            i += w
            continue
        out.append(Found(span=span, label="ORG", kind="organization", name=name, code=code, sector=sector,
                         key=f"org:{code}"))
        i += w
    return out


_CENTRAL_BANK = re.compile(r"^(?:the\s+)?(?:(?P<a>[A-Z][\w ]+?)\s+central\s+bank|(?:central\s+)?bank\s+of\s+"
                           r"(?P<b>[A-Z][\w ]+))$", re.I)


_HOME_NATIONS = {"england": "GBR", "scotland": "GBR", "wales": "GBR", "northern ireland": "GBR"}


def central_bank_country(name: str) -> str | None:
    """The country of a central bank ("Bank of England" -> GBR, "Nigerian Central Bank" -> NGA), else ``None``.
    Phoenix.agents codes central banks ``~GOVBUS``; we give them the government sector."""
    m = _CENTRAL_BANK.match(name.strip())
    if m is None:
        return None
    place = (m.group("a") or m.group("b") or "").strip()
    return _HOME_NATIONS.get(place.casefold()) or resolve_country(place)


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
    organisation words, collectives, peoples) and no country: a name we may not know."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha and len(tok) > 1 \
        and tok.lower_ not in TITLE_WORDS and tok.lower_ not in ORG_WORDS and tok.lower_ not in GROUP_NOUNS \
        and tok.lower_ not in PERSON_NOUNS and tok.lower_ not in ETHNONYMS and not resolve_country(tok.text)


def find_unknown_names(sdoc: Any, taken: list[Span], places: list[Any] | None = None) -> list[Found]:
    """Capitalised proper nouns the NER left unlabelled that act as subject, object or a "with"/"against" party
    ("Arnor is about to restore ties with Gondor", "Gondor and Osgiliath have postponed their meeting"): an actor
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
                    and (iso := is_capital(name)) is not None:
                # a capital the NER and the place stage left alone ("Kyiv was shelled", "Tbilisi said"); not a
                # given name ("Victoria", "Santiago") nor an English word capitalised ("Male students")
                out.append(_state(span, "GPE", iso, capital=True, name=name, civil=_acted_on(sdoc[i:j])))
                i = j
                continue
            out.append(Found(span=span, label="ORG", kind="organization", name=name))  # (a known person's
            # surname, "Ruto said", joins that person: the stage's merge)
        i = j
    return out


#: Capitals spelt as English words: capitalised to open a sentence they are the word.
_COMMON_CAPITALS = frozenset({"male", "victoria", "kingston", "hamilton"})


def _state_noun_after(sdoc: Any, i: int) -> bool:
    """Is a state's office or force (:data:`.collectives.STATE_NOUNS`) the noun of the phrase starting at token
    ``i``, after modifiers ("foreign minister", "army")?"""
    while i < len(sdoc) and (sdoc[i].lower_ in MODIFIERS or sdoc[i].lower_ in TITLE_WORDS) \
            and sdoc[i].lower_ not in STATE_NOUNS:
        i += 1
    return i < len(sdoc) and sdoc[i].lower_ in STATE_NOUNS


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
