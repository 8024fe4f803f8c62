"""Collectives and state forces named by a common noun ("Greek officials", "Israeli aircraft", "police in
Hyderabad, Pakistan", "its troops") and the places that give them a country."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ....knowledge.countries import is_capital
from ....knowledge.sectors import TITLE_WORDS, sector_for_title
from ....model import Span
from ....textutil import SpanIndex
from ..lexicon import (
    ANONYMOUS_NOUNS,
    ARMED_NOUNS,
    CIVIL_GROUPS,
    ETHNIC_HOMELANDS,
    ETHNIC_PLURALS,
    ETHNIC_STATES,
    ETHNONYMS,
    GROUP_NOUNS,
    MODIFIERS,
    MOVEMENT_WORDS,
    ORGANIZATION_NOUNS,
    PERSON_NOUNS,
    PLACE_BOUND_NOUNS,
    PRINCIPAL_HOMELAND,
    STANDALONE_NOUNS,
)
from .base import Found, country_at, doc_text, resolve_country
from .peoples import ETHNIC_WORDS, _ethnic


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
    found = own_phrase_countries(tok, doc_places, located=located, names_only=names_only)
    return found[0] if found else None


#: Participles placing a collective where it acts ("rebels operating in Darfur"); not "based in" (a group based
#: abroad is not of its host: "Hamas officials based in Qatar").
_ACTING_IN = frozenset({"operate", "active", "fight"})


def _shared_preps(tok: Any) -> list[Any]:
    """The prepositions of the noun's phrase: its own, else those of the nouns it is joined to by "and"
    ("Lawmakers and officials in Fornost": "in Fornost" is both's; the parser hangs it on one of them)."""
    own = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
    if own:
        return own
    acting = [c for c in tok.children if c.dep_ in ("acl", "amod") and c.i > tok.i and c.lemma_ in _ACTING_IN]
    if acting:  # "guerrillas operating in Macedonia", "militants active in the north": where they act
        return [c for a in acting for c in a.children if c.dep_ == "prep" and c.i > a.i]
    kin = [tok.head] if tok.dep_ == "conj" and tok.head is not tok else []
    kin += [c for c in tok.children if c.dep_ == "conj"]
    return [c for k in kin if k.pos_ in ("NOUN", "PROPN") for c in k.children if c.dep_ == "prep" and c.i > k.i]


def own_phrase_countries(tok: Any, doc_places: list[Any], *, located: bool = False,
                         names_only: bool = False) -> list[str]:
    """Every country :func:`_own_phrase_country` would read, for a list joined by "and" ("lawmakers in Fornost
    and Gondor": both, one actor each); a place geocoded in the phrase gives one."""
    preps = ("from", "of", *_LOCATED) if located or tok.lower_ in PLACE_BOUND_NOUNS else ("from", "of")
    sdoc = tok.doc
    for child in _shared_preps(tok):
        if child.dep_ == "prep" and child.lower_ in preps:
            sub = list(child.subtree)
            listed = _listed_countries(child)
            if len(listed) > 1:
                return listed
            for t in sub:
                if t.text[:1].isupper() and t.i > 0 and sdoc[t.i - 1].text[:1].isupper() and t.i - 1 > child.i:
                    continue  # inside a longer name, read from its first word ("South Sudan", not "Sudan")
                if names_only and (t.pos_ != "PROPN" or t.ent_type_ == "NORP" or (
                        t.i + 1 < len(sdoc) and sdoc[t.i + 1].text == "-")):
                    continue  # "of the Israeli-occupied West Bank": the adjective is not where they live
                if t.text[:1].isupper() and (cw := country_at(sdoc, t.i)) is not None and cw[1] <= sub[-1].i + 1:
                    return [cw[0]]
            if (child.lower_ in _LOCATED or (child.lower_ == "of" and tok.lower_ in PLACE_BOUND_NOUNS)) and (
                    iso := _place_country(doc_places, sub[0].idx, sub[-1].idx + len(sub[-1]))):
                return [iso]  # "police in Hyderabad, Pakistan", "the government of Sindh province"
    return []


def _listed_countries(prep: Any) -> list[str]:
    """The countries a preposition's object lists ("in Fornost and Gondor", "of Kenya, Uganda and Tanzania"): each
    a country name, the object or one joined to it by "and"; fewer than two give ``[]`` (read as one, above)."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return []
    names = [objs[0], *[t for t in objs[0].subtree if t.dep_ == "conj" and t.head.i in
                         {o.i for o in objs[0].subtree}]]
    out: list[str] = []
    for t in names:
        left = t.left_edge if t.left_edge.text[:1].isupper() else t
        if (cw := country_at(t.doc, left.i)) is None or cw[1] != t.i + 1:
            return []
        out.append(cw[0])
    return list(dict.fromkeys(out)) if len(out) > 1 else []


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


#: People who flee, and the verbs of their flight: "refugees fleeing the civil war in Liberia" are Liberia's.
_FLEEING_NOUNS = frozenset({"refugees", "migrants", "civilians", "people", "residents"})
_FLEE_VERBS = frozenset({"flee", "escape"})


def _fled_country(tok: Any, doc_places: list[Any]) -> str | None:
    """The country a fleeing people's clause names ("refugees fleeing the civil war in Liberia", "families escaping
    the fighting in Sudan"): a country word in it, else the country of a place geocoded in it."""
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() in _FLEE_VERBS and c.i > tok.i:
            sub = list(c.subtree)
            for t in sub:
                if t.text[:1].isupper() and (cw := country_at(tok.doc, t.i)) is not None:
                    return cw[0]
            return _place_country(doc_places, sub[0].idx, sub[-1].idx + len(sub[-1]))
    return None


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
                          "artillery", "destroyers", "frigates", "submarines", "planes", "tanks", "bombers"})


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


#: A people's leading figures (named by the people, no state word): elites (ELI), as the PLOVER GSR codes "Yoruba
#: leaders" and "Hausa politicians"; a state's ("Nigerian politicians") keep their sector.
_PEOPLES_ELITES = frozenset({"leaders", "leader", "politicians", "elders", "chiefs", "notables"})


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


#: Craft that are civilians' when a civil use qualifies them ("fishing boats", "cargo ships"); else state craft.
_CRAFT = frozenset({"ships", "boats", "vessels", "planes", "aircraft"})
_CIVIL_USES = frozenset({"fishing", "cargo", "merchant", "commercial", "civilian", "passenger", "grain", "trawler"})


def homeland_in_context(people: str, doc_places: list[Any]) -> str | None:
    """The country a people (an ethnonym, lower case) is of in this article: the one of its homelands
    (:data:`~..lexicon.ETHNIC_HOMELANDS`) among the countries of the article's geocoded places, when exactly one
    is; with no such place, the state most of the people live in (:data:`~..lexicon.PRINCIPAL_HOMELAND`) when the
    article names no country outside their homelands ("Yoruba leaders" NGA; "Uighur activists in Istanbul" none);
    else ``None`` (a people of several of the article's countries, or of none, stays without a country)."""
    homes = ETHNIC_HOMELANDS.get(people)
    if not homes:
        return None
    countries = {str(p.country) for p in doc_places if p.country}
    here = countries & homes
    if len(here) == 1:
        return here.pop()
    principal = PRINCIPAL_HOMELAND.get(people)
    return principal if principal is not None and not here and countries <= homes else None


#: Offices held one to a state: named for several states at once ("the Kenyan and Ugandan presidents") they are one
#: person per state, not a group.
_ONE_PER_STATE = frozenset({"presidents", "premiers", "kings", "emirs", "monarchs", "chancellors"})

#: Words before "tanks" that make them no armour ("oil tanks", "think tanks").
_NOT_ARMOUR = frozenset({"think", "oil", "fuel", "water", "storage", "gas", "septic", "fish", "petrol"})


def _head_of_state(sdoc: Any, i: int) -> int:
    """Tokens the office "head(s) of state" or "head(s) of government" takes from token ``i``: 3, else 0."""
    if sdoc[i].lower_ in ("head", "heads") and i + 2 < len(sdoc) and sdoc[i + 1].lower_ == "of" \
            and sdoc[i + 2].lower_ in ("state", "government"):
        return 3
    return 0


def tspan_text(sdoc: Any, tok: Any, office: int) -> str:
    """The noun as written, or the office's words from it ("head of state")."""
    return sdoc[tok.i : tok.i + office].text if office else str(tok.text)


def _demonym_before_and(sdoc: Any, k: int) -> bool:
    """Is token ``k`` "the" after "<demonym> and" ("Japanese and the Australian armies": both states')?"""
    if k < 2 or sdoc[k].lower_ != "the" or sdoc[k - 1].lower_ != "and":
        return False
    d = sdoc[k - 2]
    return d.text[:1].isupper() and (d.pos_ == "ADJ" or d.ent_type_ == "NORP") and resolve_country(d.text) is not None


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
    shared: dict[int, list[tuple[str, int]]] = {}  # noun token -> the country words before it ("Danish media")
    taken_index = SpanIndex(taken)
    for tok in sdoc:
        low = tok.lower_
        people = low in ETHNIC_PLURALS and tok.text[:1].isupper()  # "Bosnian Serbs": a state's people
        office = _head_of_state(sdoc, tok.i)  # "the Polish head of state": the office's three words
        if tok.pos_ not in ("NOUN", "PROPN") or (low not in PERSON_NOUNS and low not in GROUP_NOUNS and not people
                                                 and not office):
            continue
        if low == "tanks" and tok.i > 0 and sdoc[tok.i - 1].lower_ in _NOT_ARMOUR:
            continue
        if tok.i >= 2 and _head_of_state(sdoc, tok.i - 2):
            continue  # "head of government": the office's last word, not the government
        last_tok = sdoc[tok.i + office - 1] if office else tok  # the phrase's last word
        tail = last_tok.idx + len(last_tok)
        tspan = Span(tok.idx, tail)
        if taken_index.overlaps(tspan):
            continue
        if low in WEAPON_NOUNS and tok.dep_ == "compound" and tok.head.i > tok.i:
            continue  # "artillery shells", "artillery fire": what the weapon fires, no party
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
        sector_words: list[str] = [sdoc[tok.i : tok.i + office].text.lower() if office else tok.lower_]
        modifiers: list[str] = []
        ethnic_home: tuple[str | None, int] | None = None  # "Serb forces": the state of the people named
        possessed: set[int] = set()  # first tokens of the owners read from a possessive ("Israel's")
        while k >= 0 and sdoc[k].sent == tok.sent:
            t = sdoc[k]
            if taken_index.overlaps(Span(t.idx, t.idx + len(t))):
                break
            if k > 0 and (cw := country_at(sdoc, k - 1)) is not None and cw[1] == k + 1:
                countries.append((cw[0], k - 1))  # "South Korean"
                first = k - 1
                k -= 1
            elif _demonym_before_and(sdoc, k):
                modifiers.append("and")  # "Japanese and the Australian armies": the demonym before is the noun's too
            elif t.text[:1].isupper() and resolve_country(t.text) and k >= 2 and sdoc[k - 1].text in ("-", "‐") \
                    and sdoc[k - 2].lower_ in ("anti", "pro"):
                modifiers += [t.text, "-", sdoc[k - 2].lower_]  # "anti-Syria journalist": against it, not of it
                first = k - 2
                k -= 2
            elif t.text[:1].isupper() and (iso := resolve_country(t.text)):
                countries.append((iso, k))
                first = k
            elif t.tag_ == "POS" and k > 0 and (poss := _owner_before_possessive(
                    sdoc, k, doc_places, place_country)) is not None:
                countries.append(poss)  # "Kenya's government", "South Africa's government", "Kinshasa's governor"
                possessed.add(poss[1])
                first = poss[1]
                k = poss[1]
            elif t.text[:1].isupper() and t.dep_ in ("amod", "compound") and k >= 2 and sdoc[k - 1].tag_ == "POS" \
                    and _owner_before_possessive(sdoc, k - 1, doc_places, place_country) is not None:
                modifiers.append(t.text)  # "Nicaragua's Sandinista government": a name between owner and noun
                first = k
            elif t.is_lower and t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.i > t.i and k < tok.i \
                    and t.lower_ not in MODIFIERS:
                # "French paper workers", "Haitian gang leaders", "Moscow's city government": a trade or service
                # between the country word and the noun says the sector, not another actor
                sector_words.insert(0, t.lower_)
                modifiers.append(t.lower_)
                first = k
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
        if low in ("movement", "movements") and not MOVEMENT_WORDS & {*modifiers, *sector_words}:
            continue  # "Russian troop movements": no political movement, no actor
        if low in ("radical", "extremist") and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].pos_ in ("NOUN", "PROPN",
                                                                                                    "ADJ"):
            continue  # "Radical French farmers", "an extremist organization": a modifier, not the actor
        if low in ("newspaper", "broadcaster") and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].pos_ == "PROPN":
            continue  # "the Syrian newspaper Tishreen": the outlet is the name that follows
        if possessed and (_ALLY_WORDS & set(modifiers) or (tok.dep_ == "compound" and tok.head.lower_ in _ALLY_WORDS)):
            # "Israel's militia ally in southern Lebanon": an ally of the owner, not the owner's own
            countries = [c for c in countries if c[1] not in possessed]
            pos = next((j for j in range(max(possessed), tok.i) if sdoc[j].tag_ == "POS"), tok.i - 1)
            first = max(first, pos + 1)  # the owner and its "'s" are no part of the ally's name
        said_in_phrase = bool(own_phrase_countries(tok, doc_places)) if not countries else True
        if not countries and ethnic_home is not None and ethnic_home[0] is not None:
            countries = [(ethnic_home[0], ethnic_home[1])]
        elif said_in_phrase:
            pass  # "Druze inhabitants of the Syrian Golan Heights": the phrase says where (read below)
        elif not countries and ethnic_home is not None and (
                home := homeland_in_context(sdoc[ethnic_home[1]].lower_, doc_places)) is not None:
            countries = [(home, ethnic_home[1])]  # "Hausa politicians" in an article placed in Nigeria
        elif not countries and people and (home := homeland_in_context(low, doc_places)) is not None:
            countries = [(home, tok.i)]  # "Kurds protested" in an article placed in Iraq
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
        ally = tok.head if tok.dep_ == "compound" and tok.head.lower_ in _ALLY_WORDS else None
        if not countries and (isos := own_phrase_countries(
                ally or tok, doc_places, located=ally is not None or low in ("forces", "force") and "security" in
                modifiers)):
            # "... militia ally in southern Lebanon" is where the ally is (not its owner's)
            countries = [(iso, -1) for iso in isos]  # "security forces in Guinea" are Guinea's; "troops in Iraq"
            # may be anyone's; "lawmakers in Kenya and Uganda" are two countries' lawmakers, one actor each
        if not countries and low in _FLEEING_NOUNS and (iso := _fled_country(tok, doc_places)):
            countries = [(iso, -1)]  # "refugees fleeing the civil war in Liberia": where they flee from
        if not countries and tok.dep_ == "conj" and tok.head.i in shared and low not in CIVIL_GROUPS and not any(
                c.dep_ in ("det", "poss") for c in tok.children):
            # "Danish media and government": the country word is both nouns'; not across a determiner of the
            # second noun's own ("the Congolese army and the governor of North Kivu": the governor's is unsaid)
            countries = shared[tok.head.i]
        if not countries and low in CLAUSE_PLACE_NOUNS and (iso := _clause_place_country(tok, doc_places)):
            countries = [(iso, -1)]  # "demonstrators gathered outside the embassy in Tripoli"
        if countries and all(0 <= ki < tok.i for _, ki in countries):
            shared[tok.i] = countries
        possessor = not countries and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children)
        prev = sdoc[tok.i - 1].lower_ if tok.i > 0 else ""
        if not countries and not possessor and prev in ("the", "these", "those") and tok.lemma_ in last_group:
            countries = [(last_group[tok.lemma_], -1)]  # "The demonstrators accuse ...": the ones named before
        if low in ("media", "television") and "state" not in modifiers and not countries:
            continue  # "social media", "television footage": not an actor
        unknown_owner = not countries and low in STATE_NOUNS and _unknown_state_owner(sdoc, first, taken_index)
        if unknown_owner:
            first -= 2  # "Arnor's foreign minister": a state we do not know owns the noun; no country, an actor
        if not countries and not possessor and low not in STANDALONE_NOUNS and not people and not unknown_owner:
            # "officials", "people" alone carry no country and no identity: not an actor of their own here
            continue
        plural = low.endswith("s") and low not in ("forces", "news", "media")
        kind = "organization" if low in ORGANIZATION_NOUNS else ("group" if plural or low in GROUP_NOUNS else "person")
        if office and low == "head" or (low in _ONE_PER_STATE and len(countries) > 1):
            kind = "person"  # "the Polish head of state"; "the Kenyan and Ugandan presidents": one each
        lemma = sdoc[tok.i : tok.i + office].lemma_.lower() if office else tok.lemma_
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
        named = [ki for _, ki in countries if 0 <= ki < tok.i]  # the words before the noun that gave a country
        if low in _PEOPLES_ELITES and (ethnic_home is not None or named) and all(_ethnonym_at(sdoc, ki)
                                                                                 for ki in named):
            sector = "ELI"  # "Yoruba leaders", "Hausa politicians", "Ibo elders": a people's elites, no government
        if low in _CRAFT and _CIVIL_USES & set(modifiers):
            sector = "CVL"  # "Vietnamese fishing boats", "Ukrainian cargo ships": civilians' craft
        if low in ("forces", "force") and "security" in modifiers and "military" not in modifiers:
            sector = "MIL"  # Phoenix.agents: SECURITY_FORCE [~MIL] (also [~COP])
        if low == "bombers" and tok.i > 0 and sdoc[tok.i - 1].lower_ == "suicide":
            sector = "REB"  # Phoenix.agents: SUICIDE_BOMBER [~REB]; BOMBER (the aircraft) [~MIL]
        det = sdoc[first - 1].lower_ if first > 0 else ""
        anonymous = low in ANONYMOUS_NOUNS and (det in ("a", "an", "one", "two", "three", "several")
                                                or _is_anonymous_context(sdoc, tok.i + 1))
        if low in ("sources", "source"):
            anonymous = True
        start = sdoc[first].idx
        span = Span(start, tail)
        if not countries:
            words = " ".join([*reversed([m for m in modifiers if m not in ("and", ",", "-")]),
                              tspan_text(sdoc, tok, office)])
            out.append(Found(span=span, label="GROUP" if kind != "person" else "TITLE", kind=kind, name=words,
                             country=None, sector=sector, anonymous=anonymous,
                             key=f"unnamed::{sector}:{lemma}:{tok.i if possessor else ''}",
                             head=tspan,
                             extra={"possessor": possessor}))
            continue
        noun = lemma if len(countries) > 1 or plural else tspan_text(sdoc, tok, office)
        for iso, ki in sorted(countries, key=lambda c: c[1]):
            demonym_tok = sdoc[ki] if ki >= 0 else tok
            label_noun = noun if len(countries) > 1 else tspan_text(sdoc, tok, office)
            cw = country_at(sdoc, ki) if ki >= 0 else None
            own = 0 <= ki < tok.i  # a word before the noun names the country (not "Kurds" placed by context)
            lead = sdoc[ki : cw[1]].text if cw else (sdoc[ki : place_ends.get(ki, ki + 1)].text if own else "")
            peoples = " ".join(reversed([m for m in modifiers if m.lower() in ETHNONYMS and m != lead]))
            name = f"{lead} {peoples} {' '.join(w for w in sector_words[:-1])} {label_noun}"
            name = " ".join(name.split())
            out.append(Found(span=span, label="GROUP" if kind != "person" else "TITLE", kind=kind, name=name,
                             country=iso, sector=sector, anonymous=anonymous,
                             key=f"unnamed:{iso}:{sector}:{lemma}:{'' if not anonymous else tok.i}",
                             head=Span(demonym_tok.idx, demonym_tok.idx + len(demonym_tok))))
            last_group[tok.lemma_] = iso
    return out
