"""Finders: pure functions from a parsed document (spaCy ``Doc``) to actor findings.

Each ``find_*`` returns :class:`Found` records whose spans are character offsets
into the article text the parse was made from.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from ...knowledge.actors import ActorKB
from ...knowledge.countries import country_name as _country_name
from ...knowledge.countries import is_capital
from ...knowledge.countries import resolve_country as _real_country
from ...knowledge.groups import group_for, longest_name, name_prefixes
from ...knowledge.sectors import TITLE_WORDS, igo_code, sector_for_title
from ...model import Span
from ...textutil import SpanIndex
from .lexicon import (
    ANONYMOUS_NOUNS,
    ARMED_NOUNS,
    CHAIN_EXTRA,
    CIVIL_GROUPS,
    ETHNIC_PLURALS,
    ETHNIC_STATES,
    ETHNONYMS,
    GROUP_NOUNS,
    HEAD_TITLES,
    KNOWN_OUTLETS,
    LOWER_PARTICLES,
    MODIFIERS,
    NAME_TOKEN,
    ORG_WORDS,
    ORGANIZATION_NOUNS,
    OUTLET_WORDS,
    PERSON_NOUNS,
    PLACE_BOUND_NOUNS,
    STANDALONE_NOUNS,
)

#: Extra country words for the document being read (a knowledge base's fictional or historical states, e.g. the
#: PETRARCH validation dictionary's "Arnor"); set by :func:`known_countries` around one ``extract`` call.
_EXTRA_COUNTRIES: ContextVar[Callable[[str], str | None] | None] = ContextVar("extra_countries", default=None)



def doc_text(sdoc: Any) -> str:
    """``sdoc.text``, built once per spaCy Doc: spaCy rebuilds it from every token on each access, so reading
    it once per entity or token made this stage quadratic in document length."""
    cached = sdoc.user_data.get("communique.text")
    if cached is None:
        cached = sdoc.user_data["communique.text"] = sdoc.text
    return cached

def country_name(iso: str) -> str:
    """Display name of a country code; the code itself for a state only a knowledge base knows."""
    try:
        return _country_name(iso)
    except KeyError:
        return iso


def resolve_country(text: str) -> str | None:
    """ISO3 of a country name or demonym; else a state the current knowledge base names (see above)."""
    hit = _real_country(text)
    if hit is None and (extra := _EXTRA_COUNTRIES.get()) is not None and text[:1].isupper():
        hit = extra(text)
    return hit


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
    if not sdoc[i].text[:1].isupper() or sdoc[i].lower_ == "the":
        return None
    for width in (3, 2, 1):
        if i + width <= len(sdoc) and all(t.text[:1].isupper() for t in sdoc[i : i + width]):
            if (iso := resolve_country(sdoc[i : i + width].text)):
                return iso, i + width
    return None


def _possessive_country(sdoc: Any, i: int) -> tuple[str, int] | None:
    """``Country’s`` starting at token ``i`` ("Kenya’s", "South Korea’s"): (ISO3, index after the possessive)."""
    for width in (3, 2, 1):
        end = i + width
        if end < len(sdoc) and sdoc[end].tag_ == "POS" and all(t.text[:1].isupper() for t in sdoc[i:end]) \
                and (iso := resolve_country(sdoc[i:end].text)):
            return iso, end + 1
    return None


def _igo_prefix(sdoc: Any, i: int) -> tuple[tuple[str, str], int] | None:
    """An international organisation's name (1-4 tokens, possessive allowed) starting at token ``i`` and
    followed by a title word: ((code, sector), index of the title)."""
    n = len(sdoc)
    if not sdoc[i].text[:1].isupper():
        return None
    for width in (4, 3, 2, 1):
        end = i + width
        if end >= n:
            continue
        hit = igo_code(sdoc[i:end].text)
        if hit is None:
            continue
        if sdoc[end].tag_ == "POS":
            end += 1
        if end < n and _is_title_token(sdoc[end]):
            return hit, end
    return None


#: Offices a capitalised portfolio may precede ("Labour Minister", "Education Secretary").
_PORTFOLIO_HEADS = frozenset({"minister", "secretary", "commissioner", "ministry"})


def _portfolio_end(sdoc: Any, j: int) -> int | None:
    """Index of the office word when tokens from ``j`` are a capitalised portfolio (up to four words, "and"/"&"
    between) right before one ("Labour Minister"), else ``None``."""
    n = len(sdoc)
    if not (sdoc[j].text[:1].isupper() and sdoc[j].is_alpha) or sdoc[j].ent_type_ in ("PERSON", "GPE"):
        return None
    k = j
    while k < n and k - j < 5:
        t = sdoc[k]
        if t.lower_ in _PORTFOLIO_HEADS and k > j and t.text[:1].isupper():
            return k
        if not ((t.text[:1].isupper() and t.is_alpha) or (t.lower_ in ("and", "&") and k > j)):
            return None
        k += 1
    return None


def find_titled_people(sdoc: Any) -> list[Found]:
    """"[demonym|Country’s] title-words name": the NER label of the name does not matter.

    Title chains may hold organisation words ("Foreign Ministry spokeswoman"), "of"/"for" phrases
    ("Deputy Minister of Defense") and a posting ("Ambassador to Germany"); they need a head title
    (minister, spokeswoman, ...) and a capitalised name right after.
    """
    out: list[Found] = []
    n = len(sdoc)
    i = 0
    while i < n:
        country = None
        j = i
        if (pos := _possessive_country(sdoc, i)) is not None:
            country, j = pos
        elif (cw := country_at(sdoc, i)) is not None and cw[1] < n \
                and (_is_title_token(sdoc[cw[1]]) or sdoc[cw[1]].lower_ in ORG_WORDS
                     or _portfolio_end(sdoc, cw[1]) is not None):
            country, j = cw
        igo = None
        if country is None and (org := _igo_prefix(sdoc, i)) is not None:
            igo, j = org  # "UN Secretary-General", "NATO chief", "IAEA head": the organisation's official
        t0 = j
        while j < n and "\n" not in sdoc[j].text:
            t = sdoc[j]
            if _is_title_token(t) or (t.lower_ in ORG_WORDS and j + 1 < n and _is_title_token(sdoc[j + 1])):
                j += 1
            elif (k := _portfolio_end(sdoc, j)) is not None:
                j = k  # "Labour Minister", "Planning and Investment Minister": a portfolio before the office
            elif t.text in ("-", "‐") and j > t0 and not t.whitespace_ and j + 1 < n and _is_title_token(sdoc[j + 1]):
                j += 1  # "Secretary-General", "Director-General": one title, not a military rank
            elif t.lower_ in ("of", "for") and j > t0 and j + 1 < n and _is_title_token(sdoc[j + 1]):
                j += 1
            elif t.lower_ == "to" and j > t0 and j + 1 < n and resolve_country(sdoc[j + 1].text):
                j += 2
            else:
                break
        chain = sdoc[t0:j]
        if igo and j > t0:
            chain = sdoc[i:j]  # the title names the organisation: "UN Secretary-General"
        if j == t0 or not any(t.lower_ in HEAD_TITLES for t in chain):
            i = max(i + 1, t0) if j == t0 else i + 1
            continue
        end = _name_run(sdoc, j)
        if end > j and sdoc[end - 1].lower_ not in LOWER_PARTICLES:
            # the title proper runs to its last head word ("General Army" stays in it)
            title = chain.text
            start_char = sdoc[i].idx
            last = end
            if country is None and igo is None and end + 1 < n and sdoc[end].lower_ == "of" \
                    and (cw := country_at(sdoc, end + 1)) is not None:
                country, last = cw[0], cw[1]  # "King Hassan of Morocco": the realm after the name
            out.append(Found(
                span=Span(start_char, sdoc[last - 1].idx + len(sdoc[last - 1])),
                label="PERSON",
                kind="person",
                name=sdoc[j:end].text,
                country=country,
                sector="IGO" if igo else sector_for_title(title),
                code=igo[0] if igo else None,
                title=title,
                title_span=Span(chain.start_char, chain.end_char),
                head=Span(sdoc[j].idx, sdoc[end - 1].idx + len(sdoc[end - 1])),
            ))
            i = end
            continue
        i += 1
    return out


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
        while end + 1 < len(sdoc) and end - 1 < len(sdoc) and (sdoc[end].lower_ in MODIFIERS or (
                sdoc[end].is_lower and sdoc[end].dep_ == "amod" and sdoc[end].head.i > end)):
            end += 1  # "Egypt's highest court", "Russia's top prosecutor"
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
    for ent in sdoc.ents:
        span = Span(ent.start_char, ent.end_char)
        if taken_index.overlaps(span) or "\n" in ent.text:
            continue
        if ent.label_ in ("PERSON", "ORG") and nests_with_city(span) \
                and not igo_code(re.sub(r"^(?:the)\s+", "", ent.text, flags=re.I)):
            # (an international organisation the gazetteer also knows as a region, "the European Union", acts)
            # the NER's "person" is a place the gazetteer placed after "in/to/visit": a capital may still act
            iso = is_capital(ent.text) if _as_participant(ent) else None
            if iso:
                out.append(_state(span, "GPE", iso, capital=True, name=ent.text))
            continue
        if all(t.lower_ in ETHNONYMS for t in ent) and ent.end < len(sdoc) and (
                sdoc[ent.end].lower_ in GROUP_NOUNS or sdoc[ent.end].lower_ in PERSON_NOUNS):
            continue  # "Hutu rebels", "Kurdish fighters": a people qualifying a collective, found with it
        if ent.label_ in ("PERSON", "ORG") and (_common_noun(ent) or _as_landmark(ent)):
            continue  # "Missiles struck ...", "along the Tigris", "the Tigris valley": no party
        text = ent.text
        bare = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
        bare_span = Span(ent.end_char - len(bare), ent.end_char)
        if ent.label_ in ("GPE", "ORG", "NORP", "PERSON") and resolve_country(bare) and _modifies_actor(sdoc, ent.end):
            continue  # "the Ugandan envoy", "Kenya’s Foreign Ministry": part of a larger actor, found there
        if ent.label_ == "PERSON" and (resolve_country(bare) or is_capital(bare)):
            # the small model often calls "Azerbaijan" or "Yerevan" a person
            named = resolve_country(bare)
            iso = named or (is_capital(bare) if _as_participant(ent) else None)
            if iso:
                out.append(_state(bare_span, "GPE", iso, capital=named is None, name=bare))
            continue
        if ent.label_ == "PERSON":
            iso = None
            if ent.start >= 2 and sdoc[ent.start - 1].tag_ == "POS":  # "Japan’s Haruki Tanabe"
                iso = resolve_country(sdoc[ent.start - 2].text)
            out.append(Found(span=bare_span, label="PERSON", kind="person", name=_strip_possessive(bare),
                              country=iso))
        elif ent.label_ == "GPE":
            named = resolve_country(bare)
            iso = named
            if iso is None and _as_participant(ent):
                iso = is_capital(bare)  # "Ankara said", "urged Moscow": the capital stands for the government
            if iso:
                out.append(_state(bare_span, "GPE", iso, capital=named is None, name=bare))
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
            out.append(_state(bare_span, "GPE", iso, capital=resolve_country(bare) is None, name=bare))
        elif ent.label_ == "ORG":
            igo = igo_code(bare)
            if igo:
                code, sector = igo
                out.append(Found(span=bare_span, label="ORG", kind="organization", name=bare, code=code,
                                  sector=sector, key=f"org:{code}"))
            elif _is_outlet(ent):
                out.append(Found(span=bare_span, label="ORG", kind="outlet", name=_strip_possessive(bare),
                                  sector="MED", key=f"outlet:{bare.lower()}"))
            elif (bank := central_bank_country(bare)) is not None:
                out.append(Found(span=bare_span, label="ORG", kind="organization", name=_strip_possessive(bare),
                                 country=bank, sector="GOV", key=f"bank:{bank}"))
            elif len(ent) == 1 and ent.end < len(sdoc) and sdoc[ent.end].lower_ in PLACE_BOUND_NOUNS \
                    and ent.root.lower_ not in ORG_WORDS:
                continue  # "Karachi police": the place names whose police, found with the noun
            else:
                org_country = _country_in(ent)
                if org_country is None and ent.start >= 2 and sdoc[ent.start - 1].tag_ == "POS":
                    owner = resolve_country(sdoc[ent.start - 2].text)  # "Kenya’s Foreign Ministry"
                    if owner:
                        org_country, bare_span = owner, Span(sdoc[ent.start - 2].idx, ent.end_char)
                out.append(Found(span=bare_span, label="ORG", kind="organization",
                                  name=_strip_possessive(bare_span.text(doc_text(sdoc))), country=org_country,
                                  sector=sector_for_title(bare)))
    return out


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
    """A one-word "name" that is a common noun capitalised to open a sentence ("Missiles struck ...")."""
    tok = ent[0]
    return len(ent) == 1 and tok.pos_ == "NOUN" and tok.is_sent_start and not tok.text.isupper()


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


def find_igos(sdoc: Any, taken: list[Span], kb: ActorKB | None = None) -> list[Found]:
    """International organisations by name or short form wherever they stand, whatever the NER called them
    ("ECOWAS suspended Mali", "The EU imposed ..."): :func:`~communique.knowledge.sectors.igo_code`'s table,
    longest first (up to eight words). A name the knowledge base ``kb`` codes is left to it (a user's or a
    PETRARCH dictionary's code wins)."""
    out: list[Found] = []
    taken_index = SpanIndex(taken)
    n = len(sdoc)
    i = 0
    while i < n:
        hit = None
        if sdoc[i].text[:1].isupper():
            for w in range(min(8, n - i), 0, -1):
                last = sdoc[i + w - 1]
                if not last.text[:1].isupper() and not last.is_alpha:
                    continue
                span = Span(sdoc[i].idx, last.idx + len(last))
                if taken_index.overlaps(span) or any("\n" in t.text for t in sdoc[i : i + w]):
                    continue
                if (found := igo_code(sdoc[i : i + w].text)) is not None:
                    name = sdoc[i : i + w].text
                    named = [k for k in ((kb.find(name), kb.find(f"the {name}")) if kb else ()) if k is not None]
                    hit = None if any(k.code for k in named) else (w, span, found)
                    break
        if hit is None:
            i += 1
            continue
        w, span, (code, sector) = hit
        name = sdoc[i : i + w].text
        name = name[4:] if name[:4].casefold() == "the " else name
        out.append(Found(span=span, label="ORG", kind="organization", name=name, code=code, sector=sector,
                         key=f"org:{code}"))
        i += w
    return out


def _state(span: Span, label: str, iso: str, *, capital: bool, name: str = "") -> Found:
    """A country actor; a capital standing for its state ("Ankara said", "urged Minsk") is the government
    (CAMEO convention: "Washington" is USAGOV), an actor of its own beside the country, named as written."""
    if capital:
        return Found(span=span, label=label, kind="country", name=name or country_name(iso), country=iso,
                     sector="GOV", code=iso + "GOV", key=f"capital:{iso}")
    return Found(span=span, label=label, kind="country", name=country_name(iso), country=iso, code=iso,
                 key=f"country:{iso}")


#: Words before a demonym that make it a people, not a state's citizens: "ethnic Albanians" in Serbia are no
#: Albania's (the PLOVER GSR codes them with the country they live in).
ETHNIC_WORDS = frozenset({"ethnic"})


def _ethnic(sdoc: Any, i: int) -> bool:
    """Is the demonym at token ``i`` an ethnic group's ("ethnic Albanians", "ethnic Turks")?"""
    return i > 0 and sdoc[i - 1].lower_ in ETHNIC_WORDS


def _strip_possessive(name: str) -> str:
    return re.sub(r"[’']s?$", "", name).strip()


def _is_anonymous_context(sdoc: Any, end_token: int) -> bool:
    window = sdoc[end_token : min(len(sdoc), end_token + 12)].text.lower()
    return any(p in window for p in ("condition of anonymity", "not to be named", "not authorised", "not authorized",
                                     "declined to be named", "asked not to be identified"))


def _place_country(doc_places: list[Any], start: int, end: int) -> str | None:
    """The country of the first geocoded place inside characters [start, end)."""
    for pl in doc_places:
        if start <= pl.span.start and pl.span.end <= end and pl.country:
            return str(pl.country)
    return None


_LOCATED = ("in", "throughout", "across", "inside")


def _place_around(doc_places: list[Any], char: int) -> Any:
    """The geocoded place (with a country) whose span holds character ``char``, else ``None``."""
    for pl in doc_places:
        if pl.span.start <= char < pl.span.end and pl.country:
            return pl
    return None


def _own_phrase_country(tok: Any, doc_places: list[Any], *, located: bool = False,
                        names_only: bool = False) -> str | None:
    """A country said in the noun's own phrase: "delegations from Libya’s two rival governments", "officials of
    Iraq", "police in Hyderabad, Pakistan", "rebels in Darfur", "students throughout Indonesia" (``in`` and its
    kin only for collectives bound to where they are, :data:`PLACE_BOUND_NOUNS`, or when ``located``)."""
    preps = ("from", "of", *_LOCATED) if located or tok.lower_ in PLACE_BOUND_NOUNS else ("from", "of")
    sdoc = tok.doc
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.i > tok.i:
            sub = list(child.subtree)
            for t in sub:
                if t.text[:1].isupper() and t.i > 0 and sdoc[t.i - 1].text[:1].isupper() and t.i - 1 > child.i:
                    continue  # inside a longer name, read from its first word ("South Sudan", not "Sudan")
                if names_only and (t.pos_ != "PROPN" or t.ent_type_ == "NORP" or (
                        t.i + 1 < len(sdoc) and sdoc[t.i + 1].text == "-")):
                    continue  # "of the Israeli-occupied West Bank": the adjective is not where they live
                if t.text[:1].isupper() and (cw := country_at(sdoc, t.i)) is not None and cw[1] <= sub[-1].i + 1:
                    return cw[0]
            if (child.lower_ in _LOCATED or (child.lower_ == "of" and tok.lower_ in PLACE_BOUND_NOUNS)) and (
                    iso := _place_country(doc_places, sub[0].idx, sub[-1].idx + len(sub[-1]))):
                return iso  # "police in Hyderabad, Pakistan", "the government of Sindh province"
    return None


CLAUSE_PLACE_NOUNS = frozenset({"protesters", "demonstrators", "residents", "civilians", "villagers", "people",
                                "crowd", "crowds", "students", "workers", "farmers"})


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
             and (p.feature in ("city", "region", "site") or re.search(r"\bin\s+(?:[A-Z][\w-]*,?\s+)?$",
                                                                       text[max(0, p.span.start - 30):p.span.start]))}
    return found.pop() if len(found) == 1 else None


def _own_phrase_group(tok: Any, groups: list[Found]) -> Found | None:
    """A named group in the noun's "from"/"of" phrase ("Fighters from JNIM")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of") and child.i > tok.i:
            sub = list(child.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
            for g in groups:
                if lo <= g.span.start and g.span.end <= hi:
                    return g
    return None


#: Weapons and craft: the actor when they act ("Israeli drones struck"), the instrument when launched or fired.
WEAPON_NOUNS = frozenset({"jets", "warplanes", "drones", "aircraft", "helicopters", "gunships", "warships", "gunboats",
                          "artillery", "destroyers", "frigates", "submarines", "planes"})


#: Verbs whose object is the subject's own forces when the forces have no country of their own.
DEPLOY_VERBS = frozenset({"send", "deploy", "mobilize", "mobilise", "dispatch", "withdraw", "station", "pull",
                          "mass", "amass", "move", "redeploy", "reinforce", "commit"})


def _own_forces(tok: Any) -> bool:
    """Bare forces ("troops", no country word, possessive or determiner naming another) that a verb of
    deployment takes as object: the subject's own ("Israel mobilized troops for an assault")."""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ != "dobj" or t.head.lemma_.lower() not in DEPLOY_VERBS:
        return False
    return not any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in tok.children)


def _as_instrument(tok: Any) -> bool:
    """A weapon noun that is what a verb launches, fires or uses: the direct object ("launched forty drones"),
    joined to one ("drones and missiles"), or a "with" phrase ("attacked the town with drones")."""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ == "dobj":
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "with"


#: Modifiers that say the sector of any collective they qualify ("rebel fighters" REB, "opposition activists").
_SECTOR_MODIFIERS = frozenset({"rebel", "insurgent", "militant", "opposition", "separatist", "government",
                               "military", "police", "army", "security"})


def find_unnamed(sdoc: Any, taken: list[Span], doc_places: list[Any] | None = None, *,
                 place_country: Callable[[str], str | None] | None = None,
                 groups: list[Found] | None = None) -> list[Found]:
    """Officials and groups named by a common noun: "Greek officials", "Israeli aircraft", "police in Hyderabad,
    Pakistan", "Karachi police", "its troops", "the army", "gunmen".

    The country comes only from the phrase itself (a country word, a possessive, a place the collective is
    bound to) or from an earlier phrase with the same noun ("the demonstrators"); "its"/"their" phrases are
    marked (``extra["possessor"]``) for the caller to resolve against the actor just named. Collectives in
    :data:`STANDALONE_NOUNS` are actors with no country when none is said; other nouns need one.
    ``place_country(name)`` (a gazetteer look-up, ISO3 or ``None``) places "Karachi police" when the place
    stage did not geocode the name.
    """
    out: list[Found] = []
    doc_places = doc_places or []
    last_group: dict[str, str] = {}  # noun lemma -> country of the latest group so named
    taken_index = SpanIndex(taken)
    for tok in sdoc:
        low = tok.lower_
        people = low in ETHNIC_PLURALS and tok.text[:1].isupper()  # "Bosnian Serbs": a state's people
        if tok.pos_ not in ("NOUN", "PROPN") or (low not in PERSON_NOUNS and low not in GROUP_NOUNS and not people):
            continue
        tspan = Span(tok.idx, tok.idx + len(tok))
        if taken_index.overlaps(tspan):
            continue
        if low in WEAPON_NOUNS and _as_instrument(tok):
            continue  # "launched forty drones at Kharkiv": what is launched or fired is no party to the event
        if low in ARMED_NOUNS and _own_forces(tok):
            continue  # "Japan offered to send troops": forces sent or mobilised are the subject's own, no target
        if tok.dep_ == "compound" and (tok.head.lower_ in PERSON_NOUNS or tok.head.lower_ in GROUP_NOUNS):
            continue  # "army jets": the actor is the phrase's head
        # walk left over modifiers: country words, commas, "and", adjectives like "senior"
        countries: list[tuple[str, int]] = []
        place_ends: dict[int, int] = {}  # a place of several words before the noun: its first token -> end
        k = tok.i - 1
        first = tok.i
        sector_words: list[str] = [tok.lower_]
        modifiers: list[str] = []
        ethnic_home: tuple[str | None, int] | None = None  # "Serb forces": the state of the people named
        while k >= 0 and sdoc[k].sent == tok.sent:
            t = sdoc[k]
            if taken_index.overlaps(Span(t.idx, t.idx + len(t))):
                break
            if k > 0 and (cw := country_at(sdoc, k - 1)) is not None and cw[1] == k + 1:
                countries.append((cw[0], k - 1))  # "South Korean"
                first = k - 1
                k -= 1
            elif t.text[:1].isupper() and (iso := resolve_country(t.text)):
                countries.append((iso, k))
                first = k
            elif t.tag_ == "POS" and k > 0 and (iso := resolve_country(sdoc[k - 1].text)):
                countries.append((iso, k - 1))
                first = k - 1
                k -= 1
            elif low in PLACE_BOUND_NOUNS and k == tok.i - 1 and t.text[:1].isupper() and t.pos_ == "PROPN" and (
                    iso := _place_country(doc_places, t.idx, t.idx + len(t))
                    or (place_country(t.text) if place_country else None)):
                countries.append((iso, k))  # "Karachi police"
                first = k
            elif low in PLACE_BOUND_NOUNS and k == tok.i - 1 and t.text[:1].isupper() and (
                    (whole := _place_around(doc_places, t.idx)) is not None):
                # "The West Bengal government": a region of several words the place stage resolved
                end_k = k + 1
                while k > 0 and sdoc[k - 1].idx >= whole.span.start:
                    k -= 1
                countries.append((str(whole.country), k))
                place_ends[k] = end_k
                first = k
            elif t.text[:1].isupper() and t.lower_ in ETHNONYMS and not people:
                modifiers.append(t.text)  # "Kurdish fighters", "Bosnian Serb forces": a people, no state
                ethnic_home = ethnic_home or (ETHNIC_STATES.get(t.lower_), k)
                first = k
            elif t.lower_ in MODIFIERS or t.like_num or (t.dep_ == "amod" and t.head.i > t.i and t.is_lower):
                modifiers.append(t.lower_)
                if t.lower_ not in ("and", ",", "-") and not t.like_num:
                    first = k
            elif t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ in TITLE_WORDS:
                sector_words.insert(0, t.lower_)
                modifiers.append(t.lower_)
                first = k
            else:
                break
            k -= 1
        if not countries and ethnic_home is not None and ethnic_home[0] is not None:
            countries = [(ethnic_home[0], ethnic_home[1])]
        if countries:
            first = min(first, min(ki for _, ki in countries))
            if any(_ethnic(sdoc, ki) for _, ki in countries):
                countries = []  # "ethnic Albanian guerrillas": no state's forces
                first = min([first, *(ki for ki in range(first, tok.i) if sdoc[ki].lower_ in ETHNIC_WORDS)])
        owner = _own_phrase_group(tok, groups or [])
        if owner is not None and not countries:
            # "fighters from JNIM", "members of the Taliban": the named group itself
            out.append(Found(span=Span(sdoc[first].idx, tok.idx + len(tok)), label="GROUP", kind=owner.kind,
                             name=owner.name, country=owner.country, sector=owner.sector, code=owner.code,
                             key=owner.key, head=owner.head))
            continue
        if not countries and (iso := _own_phrase_country(
                tok, doc_places, located=low in ("forces", "force") and "security" in modifiers)):
            countries = [(iso, -1)]  # "security forces in Guinea" are Guinea's; "troops in Iraq" may be anyone's
        if not countries and low in CLAUSE_PLACE_NOUNS and (iso := _clause_place_country(tok, doc_places)):
            countries = [(iso, -1)]  # "demonstrators gathered outside the embassy in Tripoli"
        possessor = not countries and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children)
        prev = sdoc[tok.i - 1].lower_ if tok.i > 0 else ""
        if not countries and not possessor and prev in ("the", "these", "those") and tok.lemma_ in last_group:
            countries = [(last_group[tok.lemma_], -1)]  # "The demonstrators accuse ...": the ones named before
        if low in ("media", "television") and "state" not in modifiers and not countries:
            continue  # "social media", "television footage": not an actor
        if not countries and not possessor and low not in STANDALONE_NOUNS and not people:
            # "officials", "people" alone carry no country and no identity: not an actor of their own here
            continue
        plural = low.endswith("s") and low not in ("forces", "news", "media")
        kind = "organization" if low in ORGANIZATION_NOUNS else ("group" if plural or low in GROUP_NOUNS else "person")
        sector = "CVL" if people else (
            CIVIL_GROUPS.get(low)
            or (sector_for_title(" ".join(sector_words)) if len(sector_words) > 1 else None)
            or ("MIL" if low in ARMED_NOUNS else None)
            or sector_for_title(" ".join(sector_words))
            or ("BUS" if low in ("companies", "firms", "businesses") else "GOV"))
        phrase = " ".join([*reversed([m for m in modifiers if m not in ("and", ",", "-")]), low])
        if (low not in CIVIL_GROUPS or _SECTOR_MODIFIERS & set(modifiers)) and (
                whole := sector_for_title(phrase)) and whole != sector_for_title(low):
            sector = whole  # "defence ministry" MIL, "military official" MIL, "coast guard ships" MIL
        if low in ("forces", "force") and "security" in modifiers and "military" not in modifiers:
            sector = "MIL"  # Phoenix.agents: SECURITY_FORCE [~MIL] (also [~COP])
        det = sdoc[first - 1].lower_ if first > 0 else ""
        anonymous = low in ANONYMOUS_NOUNS and (det in ("a", "an", "one", "two", "three", "several")
                                                or _is_anonymous_context(sdoc, tok.i + 1))
        if low in ("sources", "source"):
            anonymous = True
        start = sdoc[first].idx
        span = Span(start, tok.idx + len(tok))
        if not countries:
            words = " ".join([*reversed([m for m in modifiers if m not in ("and", ",", "-")]), tok.text])
            out.append(Found(span=span, label="GROUP" if kind != "person" else "TITLE", kind=kind, name=words,
                             country=None, sector=sector, anonymous=anonymous,
                             key=f"unnamed::{sector}:{tok.lemma_}:{tok.i if possessor else ''}",
                             head=Span(tok.idx, tok.idx + len(tok)),
                             extra={"possessor": possessor}))
            continue
        noun = tok.lemma_ if len(countries) > 1 or plural else tok.text
        for iso, ki in sorted(countries, key=lambda c: c[1]):
            demonym_tok = sdoc[ki] if ki >= 0 else tok
            label_noun = noun if len(countries) > 1 else tok.text
            cw = country_at(sdoc, ki) if ki >= 0 else None
            lead = sdoc[ki : cw[1]].text if cw else (sdoc[ki : place_ends.get(ki, ki + 1)].text if ki >= 0 else "")
            peoples = " ".join(reversed([m for m in modifiers if m.lower() in ETHNONYMS and m != lead]))
            name = f"{lead} {peoples} {' '.join(w for w in sector_words[:-1])} {label_noun}"
            name = " ".join(name.split())
            out.append(Found(span=span, label="GROUP" if kind != "person" else "TITLE", kind=kind, name=name,
                             country=iso, sector=sector, anonymous=anonymous,
                             key=f"unnamed:{iso}:{sector}:{tok.lemma_}:{'' if not anonymous else tok.i}",
                             head=Span(demonym_tok.idx, demonym_tok.idx + len(demonym_tok))))
            last_group[tok.lemma_] = iso
    return out


_GROUP_TAIL = frozenset({"rebels", "fighters", "militants", "militia", "militiamen", "insurgents", "forces",
                         "mercenaries", "group", "movement", "guerrillas", "gunmen", "jihadists", "members"})


def find_groups(sdoc: Any, taken: list[Span]) -> list[Found]:
    """Named non-state groups from :mod:`communique.knowledge.groups` ("the Houthis", "Houthi rebels",
    "al-Shabaab fighters", "RSF"), longest name first; a following collective noun joins the mention."""
    taken_index = SpanIndex(taken)
    out: list[Found] = []
    n = len(sdoc)
    width = longest_name()
    prefixes = name_prefixes()
    i = 0
    while i < n:
        hit = None
        first = sdoc[i].text
        if (first[:1].isupper() or first.lower() in ("al", "al-")) and (
                (low := first.replace("\u2019", "'").casefold()) == "the" or low in prefixes):
            for w in range(min(width, n - i), 0, -1):
                span = Span(sdoc[i].idx, sdoc[i + w - 1].idx + len(sdoc[i + w - 1]))
                if taken_index.overlaps(span) or sdoc[i + w - 1].text in ("-", "'"):
                    continue
                group = group_for(sdoc[i : i + w].text)
                if group is not None:
                    hit = (w, group)
                    break
        if hit is None:
            i += 1
            continue
        w, group = hit
        end = i + w
        if end < n and sdoc[end].lower_ in _GROUP_TAIL:
            end += 1
        start = i - 1 if i > 0 and sdoc[i - 1].lower_ == "the" else i
        out.append(Found(span=Span(sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1])), label="ORG",
                         kind="group", name=group.name, country=group.country, sector=group.sector, code=group.code,
                         key=f"group:{group.code}:{group.name}", head=Span(sdoc[i].idx, sdoc[i + w - 1].idx
                                                                            + len(sdoc[i + w - 1]))))
        i = end
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


def find_known(sdoc: Any, taken: list[Span], kb: ActorKB, *, on: Any = None) -> list[Found]:
    """Names from the knowledge base that the NER missed ("Wanjiru met Bekele"), longest match first."""
    out: list[Found] = []
    n = len(sdoc)
    width = kb.longest_alias
    taken_index = SpanIndex(taken)
    i = 0
    while i < n:
        hit = None
        if sdoc[i].text[:1].isupper():
            for w in range(min(width, n - i), 0, -1):
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

