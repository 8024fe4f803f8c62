"""Actors: people, organisations, countries and groups, with country, sector and code.

What is recognised, in order (earlier findings win where spans overlap):

1. Titled people: ``[demonym|country] title-words name`` —
   "Russian Deputy Defense Minister General Army Yunus-Bege Evkurov" is a
   person named "Yunus-Bege Evkurov", country RUS, sector MIL, whatever the
   NER model thought of the name.
2. Named entities: PERSON, ORG (outlets, international organisations,
   ministries with their country), GPE that are countries.
3. Unnamed officials and groups: "a Turkish official", "Russian officials",
   "the Russian, American, and Turkish delegations" (one actor per country).
4. Coreference by rules: a later name that ends a known person's name
   ("Evkurov", "Abu Kasra") is that person; "the leaders", "the two
   ministers" are the people of the most recent sentence naming two or more;
   "he"/"she" is the most recent person named in the previous sentences.

Names are canonical labels built from the text; every mention keeps its
character offsets.  Roles learned from titles are recorded with the
publication date they held on (``Actor.roles``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..knowledge.actors import ActorKB
from ..knowledge.countries import country_name, is_capital, resolve_country
from ..knowledge.sectors import TITLE_WORDS, igo_code, sector_for_title
from ..model import Actor, Doc, Mention, Role, Span
from ..pipeline import stage
from ..textutil import SpanIndex, find_quotes

# Common nouns that denote actors when a country word modifies them.
PERSON_NOUNS = frozenset({
    "official", "diplomat", "ambassador", "envoy", "minister", "spokesman", "spokeswoman", "spokesperson",
    "officer", "commander", "general", "source", "negotiator", "lawmaker", "senator", "president", "leader",
    "representative", "adviser", "advisor", "aide", "soldier", "journalist", "prosecutor", "judge", "counterpart",
    "chancellor", "premier", "king", "queen", "emir", "monarch", "governor", "mayor", "foreign minister",
})
GROUP_NOUNS = frozenset({
    "officials", "diplomats", "delegation", "delegations", "troops", "forces", "army", "military", "government",
    "authorities", "ministry", "police", "navy", "leaders", "sources", "negotiators", "lawmakers", "soldiers",
    "rebels", "militants", "protesters", "demonstrators", "envoys", "commanders", "officers", "parliament",
    "embassy", "cabinet", "administration", "jets", "warplanes", "drones", "coalition", "militia", "militias",
    "force", "companies", "firms", "banks", "businesses", "residents", "civilians", "students",
    "workers", "farmers", "crowd", "crowds", "counterparts", "team", "mission", "parties", "factions",
    "positions", "posts", "post", "units", "bases", "guards", "people", "militiamen", "guerrillas", "insurgents",
    "fighters", "gunmen", "settlers", "prisoners", "nationalists", "separatists", "activists",
})
ARMED_NOUNS = frozenset({"forces", "force", "troops", "army", "military", "soldiers", "soldier", "jets", "warplanes",
                         "drones", "navy", "commander", "commanders", "officer", "officers", "general", "positions",
                         "posts", "post", "units", "bases", "guards"})
CIVIL_GROUPS = {"militiamen": "UAF", "guerrillas": "REB", "insurgents": "REB", "fighters": "UAF", "gunmen": "UAF",
                "settlers": "CVL", "prisoners": "CVL", "nationalists": "OPP", "separatists": "REB", "activists": "OPP",
                "rebels": "REB", "militants": "UAF", "people": "CVL", "protesters": "OPP", "demonstrators": "OPP",
                "residents": "CVL", "civilians": "CVL",
                "students": "EDU", "workers": "LAB", "farmers": "AGR", "crowd": "CVL", "crowds": "CVL"}
MODIFIERS = frozenset({"air", "naval", "armed", "security", "special", "border", "national", "state", "foreign",
                       "defence", "defense", "interior", "justice", "senior", "top", "high", "level", "ranking",
                       "former", "and", "-", ",", "both", "two", "three", "several", "many", "some", "nine", "ten"})
#: last words of a name that make it an institution, never a person ("General Assembly", "Security Council")
_INSTITUTION_WORDS = frozenset({"assembly", "council", "court", "committee", "commission", "congress", "senate",
                                "parliament", "secretariat", "staff", "command", "office", "ministry", "department",
                                "agency", "bank", "fund", "union", "organization", "organisation", "tribunal",
                                "board", "authority", "directorate", "headquarters", "assembly’s", "council’s"})
ORGANIZATION_NOUNS = frozenset({"force", "government", "ministry", "army", "military", "navy", "police", "parliament",
                                "embassy", "cabinet", "administration", "authorities"})
OUTLET_WORDS = frozenset({"channel", "agency", "newspaper", "daily", "broadcaster", "television", "tv", "network",
                          "outlet", "website", "radio", "magazine", "weekly", "news"})
KNOWN_OUTLETS = frozenset({
    "al arabiya", "al jazeera", "reuters", "associated press", "ap", "afp", "agence france-presse", "tass",
    "ria novosti", "interfax", "anadolu", "anadolu agency", "bbc", "cnn", "xinhua", "sana", "irna", "al-monitor",
    "the new york times", "new york times", "the washington post", "washington post", "the guardian", "bloomberg",
    "the wall street journal", "wall street journal", "haaretz", "the times of israel", "times of israel", "kyodo",
    "yonhap", "dpa", "efe", "ansa", "al mayadeen", "sky news", "fox news", "france 24", "dw", "ria", "sputnik",
    "itar-tass", "wafa", "mena", "trt", "press tv", "asharq al-awsat", "politico", "axios", "nbc", "cbs", "abc",
})
ANONYMOUS_NOUNS = frozenset({"official", "officials", "source", "sources", "diplomat", "diplomats", "insider",
                             "aide", "aides", "officer", "officers"})
PLURAL_ANAPHORS = re.compile(r"^(?:the|both|all)\s+(?:two\s+|three\s+)?(leaders|ministers|presidents|officials|"
                             r"sides|men|delegations|heads of state|counterparts)$", re.I)
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
_LOWER_PARTICLES = frozenset({"al", "bin", "ibn", "el", "de", "van", "von", "der", "da", "di", "la", "le", "du"})


@dataclass(slots=True)
class _Found:
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


ORG_WORDS = frozenset({"ministry", "department", "office", "council", "agency", "committee", "government", "embassy",
                       "parliament", "army", "forces", "command", "court", "bank", "party", "front", "union",
                       "organization", "organisation", "administration", "authority", "corps", "guard", "service"})
CHAIN_EXTRA = frozenset({"diplomat", "official", "officer", "veteran", "regional", "provincial", "local",
                         "opposition", "top", "military", "foreign"})
HEAD_TITLES = frozenset({
    "minister", "president", "premier", "chancellor", "secretary", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "governor", "mayor", "general", "colonel", "commander", "admiral", "director", "chief",
    "chairman", "chairwoman", "chairperson", "king", "queen", "prince", "princess", "emir", "sultan", "sheikh",
    "senator", "lawmaker", "judge", "prosecutor", "leader", "adviser", "advisor", "representative", "consul",
    "diplomat", "official", "officer", "marshal", "captain", "lieutenant", "major", "brigadier", "speaker", "mp",
    "congressman", "congresswoman", "ayatollah", "imam", "pope", "cardinal", "archbishop", "head", "rabbi",
})


def _is_title_token(tok: Any) -> bool:
    return tok.lower_ in TITLE_WORDS or tok.lower_ in CHAIN_EXTRA


def _is_name_token(tok: Any) -> bool:
    if tok.lower_ in TITLE_WORDS or tok.lower_ in ORG_WORDS or resolve_country(tok.text):
        return False
    if tok.lower_ in _LOWER_PARTICLES and tok.i + 1 < len(tok.doc):
        nxt = tok.doc[tok.i + 1]
        if nxt.text[:1].isupper() or (nxt.text == "-" and tok.i + 2 < len(tok.doc)
                                      and tok.doc[tok.i + 2].text[:1].isupper()):
            return True
    return bool(_NAME_TOKEN.match(tok.text)) and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB", "X")


def _name_run(sdoc: Any, j: int) -> int:
    """End (exclusive) of the run of name tokens starting at ``j``, hyphenated parts included."""
    k = j
    n = len(sdoc)
    while k < n:
        tok = sdoc[k]
        if _is_name_token(tok) and "\n" not in tok.text:
            k += 1
            continue
        if k > j and tok.pos_ == "PROPN" and tok.ent_iob_ == "I" and tok.ent_type_ == "PERSON" \
                and tok.text[:1].isupper() and tok.lower_ not in TITLE_WORDS:
            k += 1  # "Chuck Jordan": a surname that is also a country, inside a name the model saw whole
            continue
        if tok.text in ("-", "‐") and k > j and k + 1 < n and not sdoc[k - 1].whitespace_ and not tok.whitespace_ \
                and (_is_name_token(sdoc[k + 1]) or (sdoc[k + 1].is_alpha and sdoc[k + 1].is_lower
                                                     and len(sdoc[k + 1]) <= 4)):
            k += 2 if not _is_name_token(sdoc[k + 1]) else 1  # "Sung-ho" keeps its lowercase part
            continue
        break
    return k


def country_at(sdoc: Any, i: int) -> tuple[str, int] | None:
    """A country word starting at token ``i`` ("Russian", "South Korean", "United Arab Emirates"):
    (ISO3, index after it)."""
    if not sdoc[i].text[:1].isupper():
        return None
    for width in (3, 2, 1):
        if i + width <= len(sdoc) and all(t.text[:1].isupper() for t in sdoc[i : i + width]):
            if (iso := resolve_country(sdoc[i : i + width].text)):
                return iso, i + width
    return None


def _possessive_country(sdoc: Any, i: int) -> tuple[str, int] | None:
    """``Country’s`` starting at token ``i``: (ISO3, index after the possessive)."""
    if i + 1 < len(sdoc) and sdoc[i + 1].tag_ == "POS" and (iso := resolve_country(sdoc[i].text)):
        return iso, i + 2
    return None


def find_titled_people(sdoc: Any) -> list[_Found]:
    """"[demonym|Country’s] title-words name": the NER label of the name does not matter.

    Title chains may hold organisation words ("Foreign Ministry spokeswoman"), "of"/"for" phrases
    ("Deputy Minister of Defense") and a posting ("Ambassador to Germany"); they need a head title
    (minister, spokeswoman, ...) and a capitalised name right after.
    """
    out: list[_Found] = []
    n = len(sdoc)
    i = 0
    while i < n:
        country = None
        j = i
        if (pos := _possessive_country(sdoc, i)) is not None:
            country, j = pos
        elif (cw := country_at(sdoc, i)) is not None and cw[1] < n \
                and (_is_title_token(sdoc[cw[1]]) or sdoc[cw[1]].lower_ in ORG_WORDS):
            country, j = cw
        t0 = j
        while j < n and "\n" not in sdoc[j].text:
            t = sdoc[j]
            if _is_title_token(t) or (t.lower_ in ORG_WORDS and j + 1 < n and _is_title_token(sdoc[j + 1])):
                j += 1
            elif t.lower_ in ("of", "for") and j > t0 and j + 1 < n and _is_title_token(sdoc[j + 1]):
                j += 1
            elif t.lower_ == "to" and j > t0 and j + 1 < n and resolve_country(sdoc[j + 1].text):
                j += 2
            else:
                break
        chain = sdoc[t0:j]
        if j == t0 or not any(t.lower_ in HEAD_TITLES for t in chain):
            i = max(i + 1, t0) if j == t0 else i + 1
            continue
        end = _name_run(sdoc, j)
        if end > j and sdoc[end - 1].lower_ in _INSTITUTION_WORDS:
            i = end  # "the UN General Assembly", "the Supreme Court": an institution, not a titled person
            continue
        if end > j and sdoc[end - 1].lower_ not in _LOWER_PARTICLES:
            # the title proper runs to its last head word ("General Army" stays in it)
            title = chain.text
            start_char = sdoc[i].idx
            out.append(_Found(
                span=Span(start_char, sdoc[end - 1].idx + len(sdoc[end - 1])),
                label="PERSON",
                kind="person",
                name=sdoc[j:end].text,
                country=country,
                sector=sector_for_title(title),
                title=title,
                title_span=Span(chain.start_char, chain.end_char),
                head=Span(sdoc[j].idx, sdoc[end - 1].idx + len(sdoc[end - 1])),
            ))
            i = end
            continue
        i += 1
    return out


def _country_in(span: Any) -> str | None:
    for tok in span:
        if tok.text[:1].isupper() and (iso := resolve_country(tok.text)):
            return iso
    return None


def _modifies_actor(sdoc: Any, end: int) -> bool:
    """Is the country word ending at token ``end`` part of an actor phrase that follows it?"""
    if end < len(sdoc) and sdoc[end].tag_ == "POS":
        end += 1
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


def find_entities(sdoc: Any, taken: list[Span], places: list[Any] | None = None) -> list[_Found]:
    out: list[_Found] = []
    cities = sorted((p.span for p in places or [] if p.feature in ("city", "site", "region")),
                    key=lambda c: c.start)
    city_starts = [c.start for c in cities]
    widest_city = max((len(c) for c in cities), default=0)
    taken_index = SpanIndex(taken)
    full_text = sdoc.text  # spaCy rebuilds Doc.text from every token on each access: once, not per entity
    for ent in sdoc.ents:
        span = Span(ent.start_char, ent.end_char)
        if taken_index.overlaps(span) or "\n" in ent.text:
            continue
        near = cities[bisect_left(city_starts, span.start - widest_city) : bisect_right(city_starts, span.end)]
        if ent.label_ in ("PERSON", "ORG") and any(c.contains(span) or span.contains(c) for c in near):
            # the NER's "person" is a place the gazetteer placed after "in/to/visit": a capital may still act
            iso = is_capital(ent.text) if _as_participant(ent) else None
            if iso:
                out.append(_Found(span=span, label="GPE", kind="country", name=country_name(iso), country=iso,
                                  code=iso, key=f"country:{iso}"))
            continue
        text = ent.text
        bare = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
        bare_span = Span(ent.end_char - len(bare), ent.end_char)
        if ent.label_ in ("GPE", "ORG", "NORP", "PERSON") and resolve_country(bare) and _modifies_actor(sdoc, ent.end):
            continue  # "the Ugandan envoy", "Kenya’s Foreign Ministry": part of a larger actor, found there
        if ent.label_ == "PERSON" and (resolve_country(bare) or is_capital(bare)):
            # the small model often calls "Azerbaijan" or "Yerevan" a person
            iso = resolve_country(bare) or (is_capital(bare) if _as_participant(ent) else None)
            if iso:
                out.append(_Found(span=bare_span, label="GPE", kind="country", name=country_name(iso), country=iso,
                                  code=iso, key=f"country:{iso}"))
            continue
        if ent.label_ == "PERSON":
            iso = None
            if ent.start >= 2 and sdoc[ent.start - 1].tag_ == "POS":  # "Japan’s Haruki Tanabe"
                iso = resolve_country(sdoc[ent.start - 2].text)
            out.append(_Found(span=bare_span, label="PERSON", kind="person", name=_strip_possessive(bare),
                              country=iso))
        elif ent.label_ == "GPE":
            iso = resolve_country(bare)
            if iso is None and _as_participant(ent):
                iso = is_capital(bare)  # "Ankara said", "urged Moscow": the capital stands for the government
            if iso:
                out.append(_Found(span=bare_span, label="GPE", kind="country", name=country_name(iso), country=iso,
                                  code=iso, key=f"country:{iso}"))
        elif ent.label_ == "NORP":
            iso = resolve_country(bare)
            # a bare plural demonym ("the Russians") is the country's people / government
            if iso and bare.endswith("s") and (ent.end >= len(sdoc) or sdoc[ent.end].pos_ != "NOUN"):
                out.append(_Found(span=bare_span, label="NORP", kind="country", name=country_name(iso), country=iso,
                                  code=iso, key=f"country:{iso}"))
        elif ent.label_ == "ORG" and (iso := resolve_country(bare) or (
                is_capital(bare) if _as_participant(ent) else None)):
            # the NER's "organisation" is a country, or a capital standing for its government ("accusing Minsk")
            out.append(_Found(span=bare_span, label="GPE", kind="country", name=country_name(iso), country=iso,
                              code=iso, key=f"country:{iso}"))
        elif ent.label_ == "ORG":
            igo = igo_code(bare)
            if igo:
                code, sector = igo
                out.append(_Found(span=bare_span, label="ORG", kind="organization", name=bare, code=code,
                                  sector=sector, key=f"org:{code}"))
            elif _is_outlet(ent):
                out.append(_Found(span=bare_span, label="ORG", kind="outlet", name=_strip_possessive(bare),
                                  sector="MED", key=f"outlet:{bare.lower()}"))
            else:
                org_country = _country_in(ent)
                if org_country is None and ent.start >= 2 and sdoc[ent.start - 1].tag_ == "POS":
                    owner = resolve_country(sdoc[ent.start - 2].text)  # "Kenya’s Foreign Ministry"
                    if owner:
                        org_country, bare_span = owner, Span(sdoc[ent.start - 2].idx, ent.end_char)
                out.append(_Found(span=bare_span, label="ORG", kind="organization",
                                  name=_strip_possessive(bare_span.text(full_text)), country=org_country,
                                  sector=sector_for_title(bare)))
    return out


def _strip_possessive(name: str) -> str:
    return re.sub(r"[’']s?$", "", name).strip()


def _is_anonymous_context(sdoc: Any, end_token: int) -> bool:
    window = sdoc[end_token : min(len(sdoc), end_token + 12)].text.lower()
    return any(p in window for p in ("condition of anonymity", "not to be named", "not authorised", "not authorized",
                                     "declined to be named", "asked not to be identified"))


def _place_country_in(places: list[Any], sent: Any, starts: list[int] | None = None) -> str | None:
    """Country of the first place in ``places`` (sorted by start; ``starts`` their starts) inside ``sent``."""
    i = bisect_left(starts, sent.start_char) if starts is not None else 0
    for pl in places[i:]:
        if pl.span.start >= sent.end_char and starts is not None:
            break
        if sent.start_char <= pl.span.start < sent.end_char and pl.country:
            return str(pl.country)
    return None


def find_unnamed(sdoc: Any, taken: list[Span], doc_places: list[Any] | None = None) -> list[_Found]:
    """Officials and groups named by a country word and a common noun."""
    out: list[_Found] = []
    doc_places = sorted(doc_places or [], key=lambda p: p.span.start)
    place_starts = [p.span.start for p in doc_places]
    taken_index = SpanIndex(taken)
    last_group: dict[str, str] = {}  # noun lemma -> country of the latest group so named
    for tok in sdoc:
        low = tok.lower_
        if tok.pos_ not in ("NOUN", "PROPN") or (low not in PERSON_NOUNS and low not in GROUP_NOUNS):
            continue
        tspan = Span(tok.idx, tok.idx + len(tok))
        if taken_index.overlaps(tspan):
            continue
        if tok.dep_ == "compound" and (tok.head.lower_ in PERSON_NOUNS or tok.head.lower_ in GROUP_NOUNS):
            continue  # "army jets": the actor is the phrase's head
        # walk left over modifiers: country words, commas, "and", adjectives like "senior"
        countries: list[tuple[str, int]] = []
        k = tok.i - 1
        first = tok.i
        sector_words: list[str] = [tok.lower_]
        sent_start = tok.sent.start
        while k >= 0 and k >= sent_start:
            t = sdoc[k]
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
            elif t.lower_ in MODIFIERS or t.like_num or (t.dep_ == "amod" and t.head.i > t.i and t.is_lower):
                pass
            elif t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ in TITLE_WORDS:
                sector_words.insert(0, t.lower_)
                first = k
            else:
                break
            k -= 1
        if not countries:
            # "delegations from Libya’s two rival governments", "officials of Iraq"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                    for t in child.subtree:
                        if t.text[:1].isupper() and (iso := resolve_country(t.text)):
                            countries = [(iso, -1)]
                            break
                if countries:
                    break
        if not countries and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
            # "Romania denied that its troops ...": the nearest country named before, in the sentence, also
            # inside an organisation's name ("The Russian Defence Ministry denied reports that its troops ...")
            for t in reversed(sdoc[tok.sent.start : tok.i]):
                if t.text[:1].isupper() and t.ent_type_ in ("GPE", "NORP", "ORG") and (iso := resolve_country(t.text)):
                    countries = [(iso, -1)]
                    break
        prev = sdoc[tok.i - 1].lower_ if tok.i > 0 else ""
        if not countries and prev in ("the", "these", "those") and tok.lemma_ in last_group:
            countries = [(last_group[tok.lemma_], -1)]  # "The demonstrators accuse ...": the ones named before
        if not countries and low in CIVIL_GROUPS:
            iso = _place_country_in(doc_places, tok.sent, place_starts)
            if iso is None:
                continue
            countries = [(iso, -1)]
        if not countries:
            # "the government", "officials" alone carry no country: not an actor of their own here
            continue
        plural = low.endswith("s") and low not in ("forces", "news")
        kind = "organization" if low in ORGANIZATION_NOUNS else ("group" if plural or low in GROUP_NOUNS else "person")
        sector = CIVIL_GROUPS.get(low) or ("MIL" if low in ARMED_NOUNS else None) or sector_for_title(
            " ".join(sector_words)) or (
            "BUS" if low in ("companies", "firms", "businesses") else "GOV")
        det = sdoc[first - 1].lower_ if first > 0 else ""
        anonymous = low in ANONYMOUS_NOUNS and (det in ("a", "an", "one", "two", "three", "several")
                                                or _is_anonymous_context(sdoc, tok.i + 1))
        if low in ("sources", "source"):
            anonymous = True
        start = sdoc[first].idx
        span = Span(start, tok.idx + len(tok))
        noun = tok.lemma_ if len(countries) > 1 or plural else tok.text
        for iso, ki in sorted(countries, key=lambda c: c[1]):
            demonym_tok = sdoc[ki] if ki >= 0 else tok
            label_noun = noun if len(countries) > 1 else tok.text
            cw = country_at(sdoc, ki) if ki >= 0 else None
            lead = sdoc[ki : cw[1]].text if cw else (demonym_tok.text if ki >= 0 else "")
            name = f"{lead} {' '.join(w for w in sector_words[:-1])} {label_noun}".replace("  ", " ").strip()
            out.append(_Found(span=span, label="GROUP" if kind != "person" else "TITLE", kind=kind, name=name,
                              country=iso, sector=sector, anonymous=anonymous,
                              key=f"unnamed:{iso}:{sector}:{tok.lemma_}:{'' if not anonymous else tok.i}",
                              head=Span(demonym_tok.idx, demonym_tok.idx + len(demonym_tok))))
            last_group[tok.lemma_] = iso
    return out


_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an)-", re.I)


def find_known(sdoc: Any, taken: list[Span], kb: ActorKB, *, on: Any = None) -> list[_Found]:
    """Names from the knowledge base that the NER missed ("Wanjiru met Bekele"), longest match first."""
    out: list[_Found] = []
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
        out.append(_Found(span=span, label="PERSON" if kind == "person" else "ORG", kind=kind, name=entry.name,
                          country=entry.country, sector=entry.sector,
                          key="" if kind == "person" else f"org:{entry.name.lower()}"))
        i += w
    return out


def _name_tokens(name: str) -> list[str]:
    """Name tokens compared for coreference: "al-Zubaidi" and "Zubaidi" match."""
    return [_PARTICLE_PREFIX.sub("", t).casefold() for t in re.split(r"\s+", name) if t]


def _code(country: str | None, sector: str | None, code: str | None) -> str | None:
    if code:
        return code
    if country and sector:
        return country + sector
    return country or None


def extract(doc: Doc, *, kb: ActorKB | None = None) -> tuple[list[Mention], list[Actor]]:
    """Find actor mentions and merge them into actors (no write-back)."""
    sdoc = doc.nlp
    titled = find_titled_people(sdoc)
    taken = [f.span for f in titled]
    ents = find_entities(sdoc, taken, doc.places)
    taken += [f.span for f in ents]
    unnamed = find_unnamed(sdoc, taken, doc.places)
    taken += [f.span for f in unnamed]
    known = find_known(sdoc, taken, kb, on=doc.article.published) if kb is not None else []
    found = sorted(titled + ents + unnamed + known, key=lambda f: (f.span.start, -f.span.end))

    actors: list[Actor] = []
    mentions: list[Mention] = []
    by_key: dict[str, Actor] = {}
    people: list[tuple[list[str], Actor]] = []

    def new_actor(f: _Found) -> Actor:
        a = Actor(id=f"a{len(actors) + 1}", name=f.name, kind=f.kind, country=f.country,  # type: ignore[arg-type]
                  sector=f.sector, title=f.title, anonymous=f.anonymous)
        actors.append(a)
        return a

    # indexes over ``people`` so that each lookup costs the length of a name, not the number of people
    by_suffix: dict[tuple[str, ...], Actor] = {}  # every ending of a known name -> the earliest such person
    by_first: dict[str, list[Actor]] = {}  # first token of a name of two or more tokens -> those people

    def add_person(full: list[str], a: Actor) -> None:
        people.append((full, a))
        for k in range(max(len(full), 1)):
            by_suffix.setdefault(tuple(full[k:]), a)
        if len(full) > 1:
            by_first.setdefault(full[0], []).append(a)

    def person_for(name: str) -> Actor | None:
        """A known person this name refers to: the full name, its end ("Abu Kasra"), or a single token that
        begins exactly one known name ("Liu" for "Liu Yanping", family name first)."""
        toks = _name_tokens(name)
        hit = by_suffix.get(tuple(toks))
        if hit is not None:
            return hit
        if len(toks) == 1:
            firsts = by_first.get(toks[0], [])
            if len(firsts) == 1:
                return firsts[0]
        return None

    for f in found:
        actor: Actor | None = None
        if f.kind == "person" and not f.key:
            actor = person_for(f.name)
            if actor is None:
                actor = new_actor(f)
                add_person(_name_tokens(f.name), actor)
            elif f.title and not actor.title:
                actor.title, actor.sector = f.title, f.sector
                actor.country = actor.country or f.country
        elif f.kind == "organization" and not f.key:
            # a later bare surname the NER took for an organisation
            actor = person_for(f.name)
            if actor is None:
                key = f"org:{f.name.lower()}"
                actor = by_key.get(key)
                if actor is None:
                    actor = by_key[key] = new_actor(f)
        else:
            actor = by_key.get(f.key)
            if actor is None:
                actor = by_key[f.key] = new_actor(f)
        if f.title and f.title_span is not None:
            actor.roles.append(Role(title=f.title, country=f.country, sector=f.sector, as_of=doc.article.published,
                                    evidence=f.title_span))
        mentions.append(Mention(span=f.span, label=f.label, actor_id=actor.id, head=f.head))
        actor.mentions.append(len(mentions) - 1)

    _surname_mentions(doc, sdoc, people, mentions, actors)
    _anaphora(doc, sdoc, mentions, actors)
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    by_id = {a.id: a for a in actors}
    for a in actors:
        a.mentions = []
    for i, m in enumerate(mentions):
        by_id[m.actor_id or ""].mentions.append(i)
    _merge_appositions(sdoc, mentions, actors)
    if kb is not None:
        for a in actors:
            kb.complete(a, on=doc.article.published)
    _country_from_context(doc, mentions, actors)
    for a in actors:
        a.code = _code(a.country, a.sector, a.code or _igo(a))
    return mentions, actors


def _merge_appositions(sdoc: Any, mentions: list[Mention], actors: list[Actor]) -> None:
    """"his Iraqi counterpart, Foreign Minister Haider al-Zubaidi": one person, country from either side."""
    by_id = {a.id: a for a in actors}
    # the first non-pronoun mention (in span order) holding a character, by bisection over the starts and
    # the running maximum of the ends: the first mention whose end passes the offset is the one
    named_mentions = sorted((m for m in mentions if m.label != "PRONOUN"), key=lambda m: (m.span.start, m.span.end))
    starts = [m.span.start for m in named_mentions]
    reach: list[int] = []
    for m in named_mentions:
        reach.append(max(reach[-1], m.span.end) if reach else m.span.end)
    members: dict[str, list[Mention]] = {}
    for m in mentions:
        members.setdefault(m.actor_id or "", []).append(m)
    removed: set[str] = set()

    def mention_at(tok: Any) -> Mention | None:
        first = bisect_right(reach, tok.idx)
        return named_mentions[first] if first < bisect_right(starts, tok.idx) else None

    for tok in sdoc:
        if tok.dep_ != "appos":
            continue
        a_m, b_m = mention_at(tok.head), mention_at(tok)
        if a_m is not None and b_m is None and tok.lower_ in PERSON_NOUNS and a_m.actor_id in by_id:
            person = by_id[a_m.actor_id]  # "Garnik Avetisyan, a retired officer": a role learned from the text
            if person.kind == "person" and not person.title:
                mods = [c.text for c in tok.children if c.dep_ in ("amod", "compound")]
                person.title = " ".join(mods + [tok.text])
                person.sector = person.sector or sector_for_title(person.title)
            continue
        if a_m is None or b_m is None or a_m.actor_id == b_m.actor_id:
            continue
        a, b = by_id[a_m.actor_id or ""], by_id[b_m.actor_id or ""]
        if a.kind != "person" or b.kind != "person":
            continue
        named, unnamed = (a, b) if a.name and any(mm.label == "PERSON" for mm in members.get(a.id, ())) else (b, a)
        if any(mm.label == "PERSON" for mm in members.get(unnamed.id, ())):
            continue  # two names: not ours to merge
        named.country = named.country or unnamed.country
        named.sector = named.sector or unnamed.sector
        moved = members.pop(unnamed.id, [])
        for mm in moved:
            mm.actor_id = named.id
        members.setdefault(named.id, []).extend(moved)
        removed.add(unnamed.id)
        del by_id[unnamed.id]
    if removed:
        actors[:] = [a for a in actors if a.id not in removed]
    for a in actors:
        a.mentions = []
    for i, m in enumerate(mentions):
        if m.actor_id in by_id:
            by_id[m.actor_id].mentions.append(i)


def _country_from_context(doc: Doc, mentions: list[Mention], actors: list[Actor]) -> None:
    """A titled person or a government body with no country takes the nearest country stated before it
    (in its sentence or the two before): "Foreign Ministry spokesman Taras Hnatiuk" in a report from Kyiv."""
    by_id = {a.id: a for a in actors}
    stated: list[tuple[int, str]] = [(m.span.start, by_id[m.actor_id].country or "") for m in mentions
                                     if m.actor_id in by_id and by_id[m.actor_id].country
                                     and by_id[m.actor_id].kind in ("country", "organization", "person")]
    stated += [(p.span.start, p.country) for p in doc.places if p.country]
    quoted = SpanIndex(find_quotes(doc.text))
    stated = sorted((off, iso) for off, iso in stated if not quoted.covers(off))
    offsets = [off for off, _ in stated]
    for a in actors:
        if a.country or not a.mentions or a.kind not in ("person", "organization"):
            continue
        if a.kind == "person" and not a.title:
            continue
        if a.kind == "organization" and not (a.sector == "GOV" or a.sector == "MIL"
                                             or any(w in a.name.lower() for w in ORG_WORDS)):
            continue
        first = mentions[a.mentions[0]].span.start
        sent = doc.sentence_of(first)
        lo = doc.sentences[max(0, sent - 2)].start
        # the first country stated in the sentence before the actor, else in the two sentences before
        for since in (doc.sentences[sent].start, lo):
            i = bisect_left(offsets, since)
            if i < len(offsets) and offsets[i] < first:
                a.country = stated[i][1]  # the sentence's first country: usually its subject
                break


def _igo(a: Actor) -> str | None:
    hit = igo_code(a.name) if a.kind == "organization" else None
    return hit[0] if hit else None


def _surname_mentions(doc: Doc, sdoc: Any, people: list[tuple[list[str], Actor]], mentions: list[Mention],
                      actors: list[Actor]) -> None:
    """Bare surnames the NER missed entirely."""
    covered = SpanIndex(m.span for m in mentions)
    added: set[int] = set()  # starts of the single-token mentions added here (tokens never overlap)
    capitalised: dict[str, list[Any]] = {}
    for tok in sdoc:
        if tok.text[:1].isupper():
            capitalised.setdefault(_PARTICLE_PREFIX.sub("", tok.text).casefold(), []).append(tok)
    for full, actor in people:
        if len(full) < 2:
            continue
        for tok in capitalised.get(full[-1], []):
            span = Span(tok.idx, tok.idx + len(tok))
            if span.start in added or covered.overlaps(span):
                continue
            mentions.append(Mention(span=span, label="PERSON", actor_id=actor.id))
            added.add(span.start)


def _anaphora(doc: Doc, sdoc: Any, mentions: list[Mention], actors: list[Actor]) -> None:
    """'the leaders' -> the people of the latest sentence naming several; 'he' -> the latest person."""
    kinds = {a.id: a.kind for a in actors}
    by_id = {a.id: a for a in actors}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    # the people named in each sentence (in mention order), and for each sentence the latest sentence up to
    # it naming two or more: each anaphor then looks at three sentences and one index, not the whole text
    persons = [m for m in ordered if m.actor_id and kinds[m.actor_id] == "person"]
    by_sentence: dict[int, list[Mention]] = {}
    for m in persons:
        by_sentence.setdefault(doc.sentence_of(m.span.start), []).append(m)

    def people_of(s: int, before: int | None = None) -> list[str]:
        ids: list[str] = []
        for m in by_sentence.get(s, ()):
            if (before is None or m.span.start < before) and m.actor_id not in ids:
                ids.append(m.actor_id or "")
        return ids

    latest_several: list[int] = []
    last = -1
    for s in range(len(doc.sentences)):
        if len(people_of(s)) >= 2:
            last = s
        latest_several.append(last)

    for chunk in _noun_chunks(sdoc):
        if not PLURAL_ANAPHORS.match(chunk.text):
            continue
        start = chunk.start_char
        sent_of = doc.sentence_of(start)
        # the people of a sentence naming several, in this sentence or the two before; else the latest two
        # named across those three; else the people of the latest earlier sentence naming several
        best: list[str] = []
        recent: list[str] = []
        for s in range(sent_of, max(sent_of - 3, -1), -1):
            ids = people_of(s, start if s == sent_of else None)
            if len(ids) >= 2:
                best = ids
                break
            recent += [i for i in reversed(ids) if i not in recent]
            if s == sent_of - 2 and len(recent) >= 2:
                best = list(reversed(recent[:2]))
                break
        else:
            earlier = latest_several[sent_of - 3] if 0 <= sent_of - 3 < len(latest_several) else -1
            if earlier >= 0:
                best = people_of(earlier)
        if not best and len(recent) >= 2:
            best = list(reversed(recent[:2]))
        for aid in best:
            mentions.append(Mention(span=Span(chunk.start_char, chunk.end_char), label="PRONOUN", actor_id=aid))
    taken = SpanIndex(m.span for m in mentions)
    with_noun: dict[str, list[Mention]] = {}  # noun -> mentions of people whose name or title has it
    for tok in sdoc:
        # "the official said": the latest person whose name or title has that noun
        if tok.lower_ in PERSON_NOUNS and tok.i > 0 and sdoc[tok.i - 1].lower_ in ("the", "this", "that") \
                and not taken.covers(tok.idx):
            if tok.lower_ not in with_noun:
                with_noun[tok.lower_] = [m for m in persons if tok.lower_ in _name_and_title(by_id[m.actor_id or ""])]
            hit = _latest_ending_by(with_noun[tok.lower_], tok.idx)
            if hit is not None:
                mentions.append(Mention(span=Span(sdoc[tok.i - 1].idx, tok.idx + len(tok)), label="PRONOUN",
                                        actor_id=hit.actor_id))
    for tok in sdoc:
        if tok.lower_ not in PRONOUNS or tok.pos_ != "PRON":
            continue
        last_person = _latest_ending_by(persons, tok.idx)
        if last_person is not None and doc.sentence_of(last_person.span.start) >= doc.sentence_of(tok.idx) - 4:
            mentions.append(Mention(span=Span(tok.idx, tok.idx + len(tok)), label="PRONOUN",
                                    actor_id=last_person.actor_id))


def _name_and_title(a: Actor) -> str:
    return f"{a.name} {a.title or ''}".lower()


def _latest_ending_by(ordered: list[Mention], offset: int) -> Mention | None:
    """The last mention of ``ordered`` (sorted by start) that ends at or before ``offset``."""
    i = _bisect_starts(ordered, offset)
    while i > 0:
        i -= 1
        if ordered[i].span.end <= offset:
            return ordered[i]
    return None


def _bisect_starts(ordered: list[Mention], offset: int) -> int:
    lo, hi = 0, len(ordered)
    while lo < hi:
        mid = (lo + hi) // 2
        if ordered[mid].span.start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _noun_chunks(sdoc: Any) -> Iterable[Any]:
    try:
        return list(sdoc.noun_chunks)
    except ValueError:  # no parser in this pipeline
        return []


def attach(doc: Doc, mentions: list[Mention], actors: list[Actor]) -> None:
    doc.mentions = mentions
    doc.actors = actors


@stage("communique.actors.v1", requires=["nlp", "sentences", "places"], assigns=["mentions", "actors"])
class ActorStage:
    def __init__(self, actor_kb: ActorKB | None = None) -> None:
        self.kb = actor_kb if actor_kb is not None else ActorKB.default()

    def __call__(self, doc: Doc) -> Doc:
        attach(doc, *extract(doc, kb=self.kb))
        return doc
