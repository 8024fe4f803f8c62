"""Which of a document's entities are toponyms to geocode: the spans of places, and of names the tagger called a
person, an organisation or a nationality that the words around them show to be places ("a base in Kidal",
"Duluth police", "the village of Sotk"), with the population a rescued town needs; demonyms are context only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ....knowledge.gazetteer import Gazetteer, normalise
from ....model import Span
from ....textutil import SpanIndex
from ..names import (
    _after_preposition,
    _join_split,
    _loose_ends,
    _not_a_place,
    _particle_names,
    _possessive_heads,
    _split_in,
    _trim,
    _whole_name,
    datelines,
)
from ..patterns import (
    _ARRESTERS,
    _ATTACK_OBJECT,
    _COMPASS_PART,
    _DIVISION_AFTER,
    _GIVEN_NAMES,
    _IN_NEAR,
    _JOURNEY,
    _LOCAL_HEAD,
    _NOWHERE,
    _OF_HOME,
    _OF_HOME_END,
    _QUALIFIER_GAP,
    _SETTLEMENT_OF,
    _SITE_SUFFIX,
    _TO_A_PERSON,
    PLACE_LABELS,
    RESCUE_IN_MIN_POPULATION,
    RESCUE_LABELS,
    RESCUE_MIN_POPULATION,
    RESCUE_PREP_MIN_POPULATION,
    Entity,
    Toponym,
)
from .qualifiers import _qualified


@dataclass
class Toponyms:
    """The toponyms of a document (:func:`toponyms`).

    ``spans``: (start, end, label, normalised key) in text order; ``ents``: the entities after names split and
    joined and datelines added; ``context``: ISO3 -> the normalised names that vouch for it (demonyms here);
    ``demonyms``: (offset, ISO3) of each demonym; ``min_pop``: span number -> the population a rescued city needs;
    ``towns_only``: span numbers rescued as the object of an attack (cities only); ``compass``: span number -> where
    the country's name starts in a "South Lebanon" town's."""

    spans: list[Toponym] = field(default_factory=list)
    ents: list[Entity] = field(default_factory=list)
    context: dict[str, set[str]] = field(default_factory=dict)
    demonyms: list[tuple[int, str]] = field(default_factory=list)
    min_pop: dict[int, int] = field(default_factory=dict)
    towns_only: set[int] = field(default_factory=set)
    compass: dict[int, int] = field(default_factory=dict)


_JOINED_BEFORE = re.compile(r",?\s+(?:and|or|&)\s+(?:the\s+)?")
# a name before a place's noun, possessive or not: "Tijuana's sewage", "a Durban court appearance" (not "Tyler's
# attorney", "the Vista employee")
_MODIFIES = re.compile(
    r"(?:['\u2019]s)?\s+(?:court|courts|mayor|city|council|police|airport|port|harbou?r|residents|officials|authorities"
    r"|municipality|suburbs?|streets?|sewage|water|metro|region|area|district|province|hospitals?)\b|['\u2019]s\s+(?:own\s+)?"
    r"(?:sewage|water|streets?|roads?|economy|population|residents|mayor|council|airport|port|suburbs?|outskirts"
    r"|centre|center|downtown|skyline|neighbou?rhoods?|schools|hospitals|police)\b",
    re.IGNORECASE,
)



# a division named with its word, as the tagger may take an organisation: "Enugu State", "the Lagos State"
_DIVISION_NAME = re.compile(
    r"(?:[Tt]he\s+)?([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)\s+(?:State|Province|Governorate)"
)


def _division_named(gazetteer: Gazetteer, name: str) -> bool:
    """Does the gazetteer hold a state or county of exactly this name?"""
    key = normalise(name)
    return any(c.feature in ("state", "county") and normalise(c.name) == key for c in gazetteer.candidates(name))


_NOT_A_DIVISION_AFTER = re.compile(r"\s+(?:University|College|School|Polytechnic)\b")


def _untagged_divisions(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Entity]:
    """Divisions named with their noun that the tagger left out altogether ("the Benue State commissioner",
    "Maiduguri, Borno State" with no entity there): each a GPE entity over "<name> State" (not "Ohio State
    University")."""
    index = SpanIndex(Span(s, e) for s, e, _ in ents)
    out: list[Entity] = []
    for m in _DIVISION_NAME.finditer(text):
        start, end = m.start(1), m.end()
        if _NOT_A_DIVISION_AFTER.match(text, end):
            continue
        name = m.group(1)
        if not _division_named(gazetteer, name) and " " in name.strip():
            last = name.split()[-1]  # "Maiduguri Borno State": the state is the last word's
            start, name = m.end(1) - len(last), last
        if not index.overlaps(Span(start, end)) and _division_named(gazetteer, name):
            out.append((start, end, "GPE"))
    return out


# a place named as a compound's first part: "the U.S.-led coalition", "a Kent-based team", "Iran-backed militias"
_COMPOUND_AFTER = re.compile(
    r"-(?:led|based|backed|brokered|born|made|owned|funded|sponsored|run|controlled|registered|headquartered)\b"
)
# the name before the hyphen: one or two capitalised words, or initials ("U.S."), at the end of the text before it
_COMPOUND_NAMES = (
    re.compile(r"(?<![\w.'\u2019-])[A-Z][\w'\u2019]*\s+[A-Z][\w'\u2019]*$"),
    re.compile(r"(?<![\w.'\u2019-])(?:(?:[A-Z]\.){2,}|[A-Z][\w'\u2019]*)$"),
)
COMPOUND_FEATURES = ("country", "state", "county")


def _compound_place(gazetteer: Gazetteer, name: str) -> bool:
    """Is ``name`` a country's name or alias ("U.S."), or the own name of a state or county of
    ``RESCUE_MIN_POPULATION`` people or more -- what a compound such as "U.S.-led" or "Kent-based" can name (not a
    given name: "Smith-led")?"""
    if normalise(name) in _GIVEN_NAMES:
        return False
    if gazetteer.country_code(name):
        return True
    c = gazetteer.lookup(name)
    return (
        c is not None
        and c.feature in COMPOUND_FEATURES
        and c.population >= RESCUE_MIN_POPULATION
        and c.name.casefold() == name.casefold()
    )


def _compound_places(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Entity]:
    """Places named as a compound's first part ("the U.S.-led coalition", "a Kent-based team") that no place entity
    covers: each a GPE entity; a person's or organisation's entity ending on the name is cut before it ("By: Jane
    Doe US-based ..."). Returns the entities, changed."""
    out = list(ents)
    for m in _COMPOUND_AFTER.finditer(text):
        lo = max(0, m.start() - 40)
        found = (p.search(text[lo : m.start()]) for p in _COMPOUND_NAMES)
        name = next((n for n in found if n is not None and _compound_place(gazetteer, n.group(0))), None)
        if name is None:
            continue
        start, end = lo + name.start(), m.start()
        over = [k for k, (s, e, _) in enumerate(out) if s < end and start < e]
        if any(out[k][2] in PLACE_LABELS | {"NORP"} for k in over):
            continue
        for k in over:
            s, e, label = out[k]
            out[k] = (s, start, label) if e == end and s < start else (s, e, "")
        out = [x for x in out if x[2] and x[1] > x[0]]
        out.append((start, end, "GPE"))
    return sorted(out)


_CAPITALISED = re.compile(r"(?<![\w'\u2019.-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w'\u2019-])")


def _untagged_countries(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Entity]:
    """Countries named where the tagger saw no name ("the first Ukraine Trade Mission", "to the Holy See Jane
    Doe"): each a GPE entity over the country's name or alias (one or two capitalised words, not a given name
    such as "Jordan"), where no entity lies."""
    index = SpanIndex(Span(s, e) for s, e, _ in ents)
    out: list[Entity] = []
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        for n in (2, 1) if len(words) == 2 else (1,):
            name = " ".join(words[:n])
            start = m.start()
            end = start + len(name) if n == 1 else m.end()
            if normalise(name) in _GIVEN_NAMES or index.overlaps(Span(start, end)):
                continue
            if gazetteer.country_code(name):
                out.append((start, end, "GPE"))
                break
    return out


def _qualified_by(text: str, start: int, end: int, after: Entity, gazetteer: Gazetteer) -> bool:
    """Is the name at ``start:end`` followed by ", <place>" (the entity ``after``, a country, a state or a county,
    whatever the tagger called it) that holds a place of the name ("Valencia, Carabobo state"; "Springfield,
    Illinois"; "Silverstone, Northamptonshire")?"""
    s2, e2, label2 = after
    if label2 not in PLACE_LABELS | RESCUE_LABELS or not _QUALIFIER_GAP.match(text[end:s2]):
        return False
    return _qualified(gazetteer, text[start:end], text[s2:e2]) is not None


def toponyms(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> Toponyms:
    """The toponyms among ``ents`` (spans into ``text``), with what the geocoder needs of them (:class:`Toponyms`).
    Pure: the entities are not changed."""
    spans: list[Toponym] = []
    context: dict[str, set[str]] = {}
    demonyms: list[tuple[int, str]] = []
    min_pop: dict[int, int] = {}
    towns_only: set[int] = set()
    compass: dict[int, int] = {}
    ents = _loose_ends(text, _possessive_heads(text, _split_in(text, _particle_names(text, ents, gazetteer)),
                                             gazetteer), gazetteer)
    ents = _join_split(text, ents, gazetteer)
    ents = sorted([*ents, *_untagged_countries(text, ents, gazetteer)])
    if _COMPOUND_AFTER.search(text):
        ents = _compound_places(text, ents, gazetteer)
    if " State" in text or " Province" in text or " Governorate" in text:
        ents = sorted([*ents, *_untagged_divisions(text, ents, gazetteer)])
    lines = datelines(text, gazetteer)
    if lines:  # (indexed: a scan of every dateline per entity was quadratic in the article's length)
        line_index = SpanIndex(Span(s, t) for s, t, _ in lines)
        ents = [e for e in ents if not line_index.overlaps(Span(e[0], e[1]))] + lines
    dated = {(s, t) for s, t, _ in lines}  # a dateline's place is one whatever the words before it
    place_starts = {s for s, _, label in ents if label in PLACE_LABELS}
    ordered = sorted(ents)
    for n, (start, end, label) in enumerate(ordered):
        if (start, end) not in dated and _not_a_place(text, start, end):
            continue
        if label in RESCUE_LABELS | {"NORP"} and text[start : start + 1].isupper():
            if _DIVISION_AFTER.match(text, end) and _division_named(gazetteer, text[start:end]):
                label = "GPE"  # "the governor of Punjab province" with Punjab tagged NORP
            elif (div := _DIVISION_NAME.fullmatch(text, start, end)) and _division_named(gazetteer, div.group(1)):
                start, label = div.start(1), "GPE"  # "an ex-governor of Enugu State" tagged ORG
            elif n + 1 < len(ordered) and _qualified_by(text, start, end, ordered[n + 1], gazetteer):
                label = "GPE"  # "Valencia, Carabobo state" with Valencia tagged PERSON
        if label in RESCUE_LABELS and _LOCAL_HEAD.match(text, end) and text[start : start + 1].isupper():
            local = gazetteer.lookup(text[start:end])
            if local is not None and local.feature == "city":
                spans.append((start, end, "GPE", normalise(text[start:end])))  # "Duluth police"
                continue
        org_place = gazetteer.lookup(text[start:end]) if label == "ORG" else None
        if org_place is not None and org_place.feature in ("country", "region") and org_place.geonames_id:
            label = "GPE"  # a country named as an actor ("the DPRK", "U.S." tagged ORG): still a toponym
        if label == "NORP":
            iso = gazetteer.demonym(text[start:end])
            if iso:
                context.setdefault(iso, set()).add(normalise(text[start:end]))
                demonyms.append((start, iso))
                continue  # a demonym is not a place
            if _SETTLEMENT_OF.search(text, max(0, start - 40), start):
                min_pop[len(spans)] = 0  # "the village of Kidal" tagged NORP
            elif _IN_NEAR.search(text, max(0, start - 20), start):
                min_pop[len(spans)] = RESCUE_IN_MIN_POPULATION  # "a base in Kidal" tagged NORP
        elif label not in PLACE_LABELS and label not in RESCUE_LABELS:
            continue
        elif label in RESCUE_LABELS:
            listed = bool(spans) and bool(re.fullmatch(r",?\s+(?:and|or|&)\s+|,\s+", text[spans[-1][1] : start]))
            # or listed before a place: "flights between Harare and London"
            joined = _JOINED_BEFORE.match(text, end)
            listed = listed or (joined is not None and joined.end() in place_starts)
            if _whole_name(gazetteer, text[start:end]):
                label = "GPE"  # "Tamil Nadu said", "to Nigeria" tagged PERSON
            elif (
                text[start:end].isupper()
                and len(text[start:end]) <= 5
                and (gazetteer.lookup(text[start:end]) or _NOWHERE).feature not in ("country", "state")
            ):
                continue  # an acronym ("the EU and NATO") is an organisation's, unless a state's ("BC")
            elif _SETTLEMENT_OF.search(text, max(0, start - 40), start):
                min_pop[len(spans)] = 0  # "the village of Sotk", "the border town of Dhobley": a settlement
            elif (
                listed
                or _IN_NEAR.search(text, max(0, start - 20), start)
                or _JOURNEY.search(text, max(0, start - 30), start)
                or (_OF_HOME.search(text, max(0, start - 8), start) and _OF_HOME_END.match(text, end))
            ):
                # "a base in Kidal", "driving to Castlegar", "Miss Abdhou, of Hayes, was": a town of 1,000 or more
                min_pop[len(spans)] = RESCUE_IN_MIN_POPULATION
            elif (m_obj := _ATTACK_OBJECT.search(text, max(0, start - 20), start)) and (
                normalise(text[start:end]) not in _GIVEN_NAMES
            ):
                if m_obj.group(0).lower().startswith("captur") and _ARRESTERS.search(
                    text, max(0, m_obj.start() - 80), m_obj.start()
                ):
                    continue  # "Police captured Santos after a chase": whom the police capture is a person
                min_pop[len(spans)] = RESCUE_IN_MIN_POPULATION
                towns_only.add(len(spans))
            elif _after_preposition(text, start):
                # "taken to Colchester", "at Coggeshall": a town of RESCUE_PREP_MIN_POPULATION ("according to
                # Davis" leads to a person: a city of RESCUE_MIN_POPULATION only, as before)
                to_a_person = _TO_A_PERSON.search(text, max(0, start - 30), start) is not None
                min_pop[len(spans)] = RESCUE_MIN_POPULATION if to_a_person else RESCUE_PREP_MIN_POPULATION
            elif not (label == "ORG" and _MODIFIES.match(text, end) and text[start : start + 1].isupper()):
                continue  # (an organisation's name that is a large city's and modifies a noun: "a Durban court",
                # "Tijuana's sewage": the city, if it has RESCUE_MIN_POPULATION people)
        s, e = _trim(text, start, end)
        if not text[s:e].strip():
            continue
        part = _COMPASS_PART.match(text, s, e)
        whole = gazetteer.lookup(text[s:e]) if part and label in PLACE_LABELS else None
        if part and whole is not None and whole.feature == "city" and whole.population < RESCUE_MIN_POPULATION:
            # "South Lebanon": the part of the country, unless the story is at home near the town of that name
            # (decided below, once the story's countries are known); not a part of a city ("East London")
            base = gazetteer.lookup(text[part.end() : e])
            if base is not None and base.feature in ("country", "region", "sea"):
                compass[len(spans)] = part.end()
        if part and label in PLACE_LABELS and whole is None:
            # "West Wales": Wales (the gazetteer has no West Wales); a part of a country, a region, a sea or a
            # large city, not of a village ("the West Wing" is no part of Wing), of a continent ("Northern
            # Europe" and "Central Asia" are regions of their own) nor of a state a namesake abroad may hold
            # ("the West Midlands" are not Zimbabwe's Midlands)
            base = gazetteer.lookup(text[part.end() : e])
            if base is not None and (
                base.feature in ("country", "region", "sea")
                or (base.feature == "city" and base.population >= RESCUE_MIN_POPULATION)
            ):
                s = part.end()
        m = _SITE_SUFFIX.match(text, e)
        if m:  # "Hmeimim air base": the small model tags only the first word
            site = gazetteer.lookup(text[s : m.end()])
            if site is not None and site.feature == "site":
                e, label = m.end(), "FAC"
        spans.append((s, e, label, normalise(text[s:e])))
    return Toponyms(spans, list(ents), context, demonyms, min_pop, towns_only, compass)
