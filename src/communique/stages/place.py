"""Toponyms, geocoded: spaCy's GPE/LOC/FAC entities looked up in the gazetteer.

:func:`extract` is pure (text, entities, gazetteer -> places); the stage only
attaches its result.  Disambiguation uses the document itself:

* "A, B" (``Paris, Texas``; ``Damascus, Syria``) resolves A inside B;
* countries the document names (and their demonyms: "Syrian" -> SYR) are the
  context that decides between same-named cities (Tripoli, Lebanon vs Libya);
* a name never counts as its own context (Georgia does not vouch for Georgia).

Entities tagged ORG or PERSON are kept only when they follow "in/to/from/at"
and name a city of more than 100,000 people; NORP entities that are not
demonyms only when they name such a city or one of our regions and sites
("the city of Aleppo", "Hmeimim air base": the small model's common errors).
Demonyms ("Russian", "Syrian") are never places, only context; :func:`country_mentions` exposes them as
mentions of their country, with offsets.

Names that the words around them show to be a person or an organisation are not places: a title or
"named" before ("coach Austin said", "a singer named Chelsea"), a speech verb right after, an organisation
word before or after ("United Russia", "Radio Free Europe", "Jordan Times").  A capitalised name that a
local story leads with ("Duluth police", "the Boise mayor") is a place when the gazetteer knows the town.

:func:`event_location` picks the place an event happened at, for the events stage.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..knowledge.gazetteer import DWARF_RATIO, Candidate, Gazetteer, normalise
from ..knowledge.groups import group_for
from ..model import CountryMention, Doc, Location, Place, Span
from ..pipeline import stage
from ..textutil import SpanIndex

__all__ = ["PlaceStage", "extract", "entities", "event_location", "country_mentions", "datelines"]

Entity = tuple[int, int, str]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"ORG", "PERSON", "PROPN", "PRODUCT"})  # PROPN: a proper noun the NER left out
RESCUE_MIN_POPULATION = 100_000
RESCUE_IN_MIN_POPULATION = 1_000  # a town after "in", or listed with places ("Nitra, Presov and Kosice")
# names of countries and states that are also people's names: no proof of a place without a preposition
_GIVEN_NAMES = frozenset({
    "jordan", "chad", "georgia", "israel", "victoria", "virginia", "carolina", "florida", "india", "china",
    "kent", "lincoln", "washington", "madison", "austin", "chelsea", "paris", "sydney", "savannah", "dakota",
    "montana", "nevada", "tennessee", "indiana", "trinidad", "niger", "guinea", "america", "orissa", "sindh",
})  # fmt: skip
# a wire dateline anywhere in the text (a compilation of reports): "BEIRUT (AP) -", "COLUMBUS, Ohio (AP) -",
# "TORONTO -", "NEW DELHI:", at the text's start, a line's or a sentence's
_DATELINE = re.compile(
    r"(?:\A|(?<=\n)|(?<=[.!?\u201d\"]\s))\s*(?P<place>[A-Z][A-Z.'\u2019-]+(?:\s(?:&\s)?[A-Z][A-Z.'\u2019-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'\u2019-]+(?:\s[A-Z][A-Za-z.'\u2019-]+){0,2}))?"
    r"\s*(?:\((?:[A-Z][\w .&'\u2019-]{0,40})\)\s*)?(?:\u2014|\u2013|--|-|:)"
)
_RESCUE_PREP = re.compile(r"\b(?:in|to|from|at|near|outside|visit|visits|visited|visiting|toured)\s+$", re.IGNORECASE)
_IN_NEAR = re.compile(
    r"\b(?:in|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|outskirts\s+of)\s+$", re.IGNORECASE
)
# a settlement noun before a name: "near the town of Djenne", "the besieged city of El Fasher"
_SETTLEMENT_OF = re.compile(
    r"\b(?:town|city|village|hamlet|port|settlement|(?:refugee\s+)?camp)\s+of\s+$", re.IGNORECASE
)
_GOVERNING_PREP = re.compile(
    r"\b(?P<prep>in|to|at|into|near|outside|inside)\s+(?:the\s+)?(?:(?:port|city|town|village|capital|region"
    r"|province|district|border\s+town|besieged\s+city|southern|northern|eastern|western|central)\s+(?:of\s+)?)*$",
    re.IGNORECASE,
)
_DIRECT_OBJECT_VERBS = re.compile(
    r"(?i)\b(?:shelled|bombed|struck|hit|attacked|raided|stormed|captured|seized|besieged|visited|toured|entered"
    r"|shells|bombs|strikes|attacks|raids|storms|captures|seizes|visits|tours|enters|liberated|retook)\s+(?:the\s+)?$"
)
_GOVERNING_WORDS = frozenset({"in", "to", "at", "into"})
# a demonym qualifying a settlement noun right before the name: "the English city of Salisbury"
_OWN_DEMONYM = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:[a-z-]+\s+)?(?:city|town|port|village|capital|resort|region|province)\s+of\s+$"
)
# demonyms of the nations of one country, which the gazetteer's demonyms (countries') leave out
_NATION_DEMONYMS = {"english": "GBR", "scottish": "GBR", "welsh": "GBR", "northern irish": "GBR"}
_LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|near|at|outside|inside|into)\s+(?:the\s+)?$")
# a military attack, capture or entry whose object the tagger called a person or an organisation: "shelled
# Kadugli", "entered Derna": a town of RESCUE_IN_MIN_POPULATION or more, as after "in" (not "attacked": people
# are attacked in words, "Trump attacked Warren")
_ATTACK_OBJECT = re.compile(
    r"(?i)\b(?:shell(?:ed|s|ing)|bomb(?:ed|s|ing)|bombard(?:ed|s|ing)|storm(?:ed|s|ing)|captur(?:ed|es|ing)"
    r"|besieg(?:ed|es|ing)|enter(?:ed|s|ing)|retook|retake|retakes|recaptur(?:ed|es|ing)|overr?an|overruns?"
    r"|encircl(?:ed|es|ing)|pound(?:ed|s|ing))\s+$"
)
# law enforcement as the one who captures: "Police captured Santos" is an arrest of a person, not a town taken
_ARRESTERS = re.compile(
    r"(?i)\b(?:police(?:men|women|man|woman)?|officers?|constables?|detectives?|agents?|deputies|sheriffs?"
    r"|marshals?|gendarmes?|gendarmerie|FBI|Interpol|customs|border\s+guards?)\b[^.;!?]*$"
)
_SITE_SUFFIX = re.compile(
    r"\s+(?:air\s*base|airbase|air\s*field|airfield|naval\s+base|military\s+base|base)\b", re.IGNORECASE
)
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$")
_COUNTIES_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)?\s+(?:counties|County)\b")
# demonyms of continents and regions: mentions of them, as demonyms of countries are of countries
_REGION_DEMONYMS = {
    "european": "Europe", "african": "Africa", "asian": "Asia", "north american": "North America",
    "south american": "South America", "latin american": "Latin America", "central american": "Central America",
    "middle eastern": "Middle East", "kurdish": "Kurdistan", "caribbean": "Caribbean", "arctic": "Arctic",
    "scandinavian": "Scandinavia", "balkan": "Balkans",
}  # fmt: skip
_AFTER_COUNTY = re.compile(r"\b(?:County|Counties|Parish),?\s+(?:in\s+)?$")
_PERSON_BEFORE = re.compile(
    r"(?i)\b(?:coach|singer|actor|actress|rapper|star|player|striker|quarterback|manager|senator|governor|judge"
    r"|mr|mrs|ms|dr|named|called|dubbed|defender|pitcher|midfielder|goalkeeper|captain|teammate|guard|forward"
    r"|receiver|son|daughter|wife|husband|brother|sister|mother|father|aunt|uncle|cousin|baby)\.?\s+$"
)
_PERSON_AFTER = re.compile(r"\s*(?:scored|sang|tweeted|smiled|married|starred|wed)\b")  # not "said": "Russia said"
_ORG_BEFORE = re.compile(r"\b(?:United|Radio|Free|Voice\s+of|Bank\s+of|University\s+of|Just|Fair|Real)\s+$")
_ORG_AFTER = re.compile(
    r"\s+(?:Party|Airlines|Airways|Times|Post|News|Herald|Tribune|Telegraph|Journal|Gazette|Daily|Broadcasting"
    r"|Television|TV|Radio|FC|Inc|Corp|Ltd|Group|Symphony|Orchestra|Records|Motors|Telecom|Today)\b"
)
_LOCAL_HEAD = re.compile(
    r"\s+(?:police|mayor|city\s+council|council|county|residents?|officials|sheriff|schools?|fire\s+department"
    r"|firefighters|area|suburbs?|native|neighborhood|neighbourhood|homeowners|voters|airport)\b"
)
_DEMONYM_WORD = re.compile(r"\b(?:(?:North|South|Sri|New|Saudi|Latin|Central|Middle)\s+)?[A-Z][a-z]+(?:s)?\b")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_CONTEXT_FEATURES = frozenset({"country", "state", "county", "region"})  # a region of one country: England
# lower ranks are more specific: an event "in Damascus, Syria" happened in Damascus
_SPECIFICITY = {"site": 0, "city": 0, "county": 1, "state": 1, "region": 1, "sea": 2, "country": 2, "continent": 3}


_NOWHERE = Candidate("", None, None, None, None, "")


def entities(sdoc: Any) -> list[Entity]:
    """``(start_char, end_char, label)`` of a spaCy Doc's entities, and of capitalised proper nouns outside
    them (label ``PROPN``: "drones at Kharkiv" when the model tagged nothing)."""
    out = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
    covered = {t.i for e in sdoc.ents for t in e}
    for t in sdoc:
        if (
            t.i not in covered
            and t.pos_ == "PROPN"
            and t.text[:1].isupper()
            and t.is_alpha
            and (t.i + 1 >= len(sdoc) or sdoc[t.i + 1].pos_ != "PROPN")
            and (t.i == 0 or sdoc[t.i - 1].pos_ != "PROPN")
        ):
            out.append((t.idx, t.idx + len(t), "PROPN"))
    return out


def datelines(text: str, gazetteer: Gazetteer) -> list[Entity]:
    """Toponyms of wire datelines (``(start, end, "GPE")``): a place in capitals the gazetteer knows, at the
    start of the text, of a line or of a sentence, then optionally ", Region", an agency in brackets and a
    dash or colon ("ALBUQUERQUE, N.M. (AP) -": ALBUQUERQUE and N.M.)."""
    out: list[Entity] = []
    for m in _DATELINE.finditer(text):
        place = m.group("place")
        if sum(c.isalpha() for c in place) < 3:
            continue
        names = [m.span("place")] if "&" not in place else []
        if "&" in place:  # "TIJUANA & SAN DIEGO"
            s = m.start("place")
            for part in re.finditer(r"[^&]+", place):
                a, b = s + part.start(), s + part.end()
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                names.append((a, b))
        found = [(a, b) for a, b in names if gazetteer.lookup(text[a:b].title()) is not None]
        if not found:
            continue
        out += [(a, b, "GPE") for a, b in found]
        if m.group("region") and gazetteer.lookup(m.group("region")) is not None:
            out.append((m.start("region"), m.end("region"), "GPE"))
    return out


def _whole_name(gazetteer: Gazetteer, name: str) -> bool:
    """A country's name or alias, or a first-level division's own name of two words or more ("Tamil Nadu"),
    and not a common given name ("Jordan", "Chad"): a place whatever label the NER gave it."""
    key = normalise(name)
    if key in _GIVEN_NAMES or not name[:1].isupper():
        return False
    if gazetteer.country_code(name):
        return True
    c = gazetteer.lookup(name)
    return c is not None and c.feature == "state" and " " in key and normalise(c.name) == key


def _after_preposition(text: str, start: int) -> bool:
    """A capitalised word right after in/to/from/at."""
    return text[start : start + 1].isupper() and bool(_RESCUE_PREP.search(text[max(0, start - 8) : start]))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the' and a trailing possessive from an entity span."""
    piece = text[start:end]
    m = _LEADING_THE.match(piece)
    if m and m.end() < len(piece):
        start += m.end()
    piece = text[start:end]
    m2 = _TRAILING_POSSESSIVE.search(piece)
    if m2 and m2.start() > 0:
        end = start + m2.start()
    return start, end


def _not_a_place(text: str, start: int, end: int) -> bool:
    """The words around the name show a person or an organisation ("coach Austin said", "United Russia"), or the
    name is a known armed group's ("talks between Israel and Hamas": not Hamm, Germany, whose other name it is;
    "the Taliban"), unless a locative preposition governs it ("in Fano")."""
    before = text[max(0, start - 24) : start]
    if group_for(text[start:end]) is not None and not _LOCATIVE_BEFORE.search(before):
        return True
    return bool(
        _PERSON_BEFORE.search(before)
        or _PERSON_AFTER.match(text, end)
        or _ORG_BEFORE.search(before)
        or _ORG_AFTER.match(text, end)
    )


def country_mentions(
    text: str, ents: Sequence[Entity], gazetteer: Gazetteer, places: Sequence[Place] = ()
) -> list[CountryMention]:
    """Demonyms that name a country ("Turkish policeman", "Mexicans") or a continent or region ("European",
    "Kurdish"; country None): ``CountryMention``s with offsets into ``text``, the ISO3, name and GeoNames id.
    Words inside a found place or a PERSON entity are skipped ("Jordan" is a place, "Al Turki" a name).
    Then the toponyms inside organisations' names (kind ``organisation``, see :func:`_embedded`), sorted
    by offset with the demonyms."""
    blocked = [(p.span.start, p.span.end) for p in places]
    blocked += [(s, e) for s, e, label in ents if label in ("PERSON", "GPE", "LOC", "FAC")]
    blocked_index = SpanIndex(Span(bs, be) for bs, be in blocked)  # a scan per word was quadratic in length
    out: list[CountryMention] = []
    countries: dict[str, Candidate | None] = {}
    for m in _DEMONYM_WORD.finditer(text):
        s, e = m.span()
        iso = gazetteer.demonym(m.group(0))
        if iso is None and " " in m.group(0) and normalise(m.group(0)) not in _REGION_DEMONYMS:
            # "Saudi Arabian" -> "Arabian"; but "Latin American" is a region's
            s = m.start() + m.group(0).rindex(" ") + 1
            iso = gazetteer.demonym(text[s:e])
        if blocked_index.overlaps(Span(s, e)):
            continue
        if iso is None:
            word = normalise(text[m.start() : e])
            last = word.rsplit(" ", 1)[-1]
            region = _REGION_DEMONYMS.get(word) or _REGION_DEMONYMS.get(last) or _REGION_DEMONYMS.get(last[:-1])
            r = gazetteer.lookup(region) if region else None
            if r is not None:
                s = m.start() if word in _REGION_DEMONYMS else s
                out.append(CountryMention(Span(s, e), None, r.name, r.geonames_id))
            continue
        if iso not in countries:
            countries[iso] = gazetteer.country(iso)
        c = countries[iso]
        out.append(CountryMention(Span(s, e), iso, c.name if c else iso, c.geonames_id if c else None))
    taken = blocked + [(m.span.start, m.span.end) for m in out]
    embedded = [
        m
        for m in _embedded(
            text,
            ents,
            gazetteer,
            [(p.span.start, p.span.end) for p in places],
            sorted({p.country for p in places if p.country and p.feature in _CONTEXT_FEATURES}),
        )
        if not any(s < m.span.end and m.span.start < e for s, e in taken)
    ]
    return sorted([*out, *embedded], key=lambda m: m.span.start)


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*)*")
# words that name places but, inside an organisation's name, are its own words ("Union", "Commerce")
_ORG_WORDS = frozenset({
    "union", "national", "federal", "central", "university", "college", "state", "city", "county", "general",
    "royal", "united", "international", "republic", "new", "north", "south", "east", "west", "first", "world",
    "global", "bank", "trade", "office", "police", "department", "ministry", "council", "court", "district",
    "school", "mall", "center", "centre", "home", "post", "times", "independent", "liberty", "commerce",
    "industry", "energy", "health", "security", "justice", "defense", "defence", "interior", "progress",
    "reform", "victoria", "lincoln", "jackson", "hamilton", "franklin", "madison", "clinton", "henderson",
})  # fmt: skip
# what follows a town's name when an organisation of the town is named after it ("Beverly Hills Police")
_TOWN_ORG_HEAD = re.compile(
    r"\s+(?:Police|City\s+Council|Council|County|Chamber|Mayor|Public\s+Schools|Schools?|Fire|High\s+School"
    r"|Hospital|University|College|Airport|Municipal|District|Board|Magistrates|Crown|Court|Sheriff)\b"
)
EMBEDDED_MIN_POPULATION = 100_000  # a city named anywhere inside an organisation's name
EMBEDDED_TOWN_MIN_POPULATION = 5_000  # a town leading the name of one of its own bodies


def _embedded(
    text: str,
    ents: Sequence[Entity],
    gazetteer: Gazetteer,
    taken: list[tuple[int, int]],
    context: Sequence[str] = (),
) -> list[CountryMention]:
    """Toponyms inside organisations' names ("the Kidney Foundation of Canada", "U.S. Trade Representative",
    "Beverly Hills Police Department"): countries, states and regions by their own names, cities of
    ``EMBEDDED_MIN_POPULATION``, and towns of ``EMBEDDED_TOWN_MIN_POPULATION`` leading a body of theirs."""
    out: list[CountryMention] = []
    for start, end, label in ents:
        if label != "ORG" or any(s < end and start < e for s, e in taken):
            continue
        for run in _CAPITALISED_RUN.finditer(text, start, end):
            words = list(re.finditer(r"\S+", run.group(0)))
            k = 0
            while k < len(words):
                hit, skip = None, 1
                for n in (3, 2, 1):
                    if k + n > len(words):
                        continue
                    s, e = run.start() + words[k].start(), run.start() + words[k + n - 1].end()
                    s, e = _trim(text, s, e)
                    name = text[s:e].rstrip(".,") if not gazetteer.country_code(text[s:e]) else text[s:e]
                    e = s + len(name)
                    if (s, e) == (start, end) or normalise(name) in _ORG_WORDS or len(name) < 2:
                        continue
                    c = gazetteer.lookup(name, context_countries=context)
                    if c is None:
                        continue
                    own = (
                        normalise(c.name) == normalise(name)
                        or bool(gazetteer.country_code(name))
                        or c.population >= 1_000_000  # "New York" (New York City)
                    )
                    if not own:
                        if n > 1:
                            skip = n  # a known name of several words: not its parts ("York" of "New York")
                            break
                        continue
                    if (
                        c.feature in ("country", "state", "county", "region", "continent")
                        or (c.feature == "city" and c.population >= EMBEDDED_MIN_POPULATION)
                        or (
                            c.feature == "city"
                            and c.population >= EMBEDDED_TOWN_MIN_POPULATION
                            and _TOWN_ORG_HEAD.match(text, e)
                        )
                    ):
                        hit = (s, e, c, n)
                        break
                if hit is None:
                    k += skip
                    continue
                s, e, c, n = hit
                out.append(CountryMention(Span(s, e), c.country, c.name, c.geonames_id, "organisation", c.lat, c.lon))
                k += n
    return out


def _qualified(gazetteer: Gazetteer, name: str, qualifier: str) -> tuple[Candidate, Candidate] | None:
    """Resolve "name, qualifier" jointly: a place inside a country or US state of that name."""
    inner = [c for c in gazetteer.candidates(name) if c.feature not in ("country", "continent")]
    if not inner:
        return None
    for outer in gazetteer.candidates(qualifier):
        if outer.feature == "country":
            hits = [c for c in inner if c.country == outer.country]
        elif outer.feature == "state":
            hits = [c for c in inner if c.country == outer.country and c.admin1 == outer.admin1]
        else:
            continue
        if hits:
            return hits[0], outer
    return None


_X_IN_Y = re.compile(r"([A-Z][^\s,]*(?:\s[A-Z][^\s,]*)*)(,\s+|\s+in\s+)([A-Z][^\s,]*(?:\s[A-Z][^\s,]*)*)")


def _split_in(text: str, ents: Sequence[Entity]) -> list[Entity]:
    """Entities the tagger ran over two toponyms ("Khnatsakh in Syunik" as one ORG, "Lund, Sweden" as one GPE) as
    two of the same label."""
    out: list[Entity] = []
    for start, end, label in ents:
        m = _X_IN_Y.fullmatch(text, start, end) if label in RESCUE_LABELS or label in PLACE_LABELS else None
        if m is None or ("," in m.group(2) and label not in PLACE_LABELS):  # "Smith, Jones" stays one PERSON
            out.append((start, end, label))
        else:
            out += [(m.start(1), m.end(1), label), (m.start(3), m.end(3), label)]
    return out


def extract(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Place]:
    """Geocode the toponyms among ``ents`` (spans into ``text``); unknown names are dropped."""
    spans: list[tuple[int, int, str, str]] = []  # start, end, label, key
    context: dict[str, set[str]] = {}  # ISO3 -> normalised names that vouch for it
    demonyms: list[tuple[int, str]] = []  # (offset, ISO3) of each demonym
    named: set[str] = set()  # ISO3 of countries and states named as places
    min_pop: dict[int, int] = {}  # span number -> the population a rescued city needs
    towns_only: set[int] = set()  # span numbers rescued as the object of an attack: cities only
    ents = _split_in(text, ents)
    lines = datelines(text, gazetteer)
    if lines:
        ents = [e for e in ents if not any(s < e[1] and e[0] < t for s, t, _ in lines)] + lines
    for start, end, label in sorted(ents):
        if _not_a_place(text, start, end):
            continue
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
            elif listed or _IN_NEAR.search(text, max(0, start - 20), start):
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
            elif not _after_preposition(text, start):
                continue
        s, e = _trim(text, start, end)
        if not text[s:e].strip():
            continue
        m = _SITE_SUFFIX.match(text, e)
        if m:  # "Hmeimim air base": the small model tags only the first word
            site = gazetteer.lookup(text[s : m.end()])
            if site is not None and site.feature == "site":
                e, label = m.end(), "FAC"
        spans.append((s, e, label, normalise(text[s:e])))

    # "A, B": B qualifies A
    fixed: dict[int, Candidate] = {}
    for k in range(len(spans) - 1):
        (s1, e1, _, _), (s2, e2, label2, _) = spans[k], spans[k + 1]
        if label2 in PLACE_LABELS and _QUALIFIER_GAP.match(text[e1:s2]):
            pair = _qualified(gazetteer, text[s1:e1], text[s2:e2])
            if pair:
                fixed.setdefault(k, pair[0])
                fixed[k + 1] = pair[1]

    states: set[tuple[str, str]] = set()  # (ISO3, admin1) of the states and counties the text names
    countries_at: list[tuple[int, str]] = []  # (offset, ISO3) of each country named as a place
    inside: set[str] = set()  # ISO3 of the countries whose states, counties or regions the text names
    whole_countries: list[Candidate] = []  # countries named as places
    # a state holding the large cities the text names beats a country of its name: "southern Georgia ...
    # officials in Atlanta" is the state (only country/state clashes: "New York" stays the city)
    city_states = set()
    for s, e, label, _ in spans:
        if label in PLACE_LABELS:
            c = gazetteer.lookup(text[s:e])
            if c is not None and c.feature == "city" and c.population >= 100_000 and c.admin1:
                city_states.add((c.country, c.admin1))
    for k, (s, e, label, key) in enumerate(spans):
        if label not in PLACE_LABELS:
            continue
        chosen = fixed.get(k)
        if (
            chosen is None
            and city_states
            and (gazetteer.lookup(text[s:e]) or Candidate("", None, None, None, None, "")).feature == "country"
        ):
            state = next(
                (
                    c
                    for c in gazetteer.candidates(text[s:e])
                    if c.feature == "state" and (c.country, c.admin1) in city_states
                ),
                None,
            )
            if state is not None and normalise(state.name) == key:
                chosen = fixed[k] = state
        if chosen is None and _AFTER_COUNTY.search(text, max(0, s - 14), s):  # "Floyd County, Georgia"
            chosen = next((c for c in gazetteer.candidates(text[s:e]) if c.feature == "state"), None)
            if chosen is not None:
                fixed[k] = chosen
        chosen = chosen or gazetteer.lookup(text[s:e])
        if chosen is not None and chosen.feature in _CONTEXT_FEATURES and chosen.country:
            context.setdefault(chosen.country, set()).add(key)
            named.add(chosen.country)
            if chosen.feature == "country":
                countries_at.append((s, chosen.country))
                whole_countries.append(chosen)
            else:
                inside.add(chosen.country)
            if chosen.feature in ("state", "county") and chosen.admin1:
                states.add((chosen.country, chosen.admin1))

    places: list[Place] = []
    uncontexted: list[int] = []  # indexes into places of cities chosen by size alone (no context of theirs)
    # the countries named as places, each name once (the first of a name is the one a scan would find), and the
    # demonyms' and countries' offsets: what a span looks at is found without reading the whole text's lists
    country_names: dict[str, Candidate] = {}
    for c in whole_countries:
        country_names.setdefault(normalise(c.name), c)
    demonyms_by_offset, countries_by_offset = sorted(demonyms), sorted(countries_at)
    demonym_at = [off for off, _ in demonyms_by_offset]
    country_at = [off for off, _ in countries_by_offset]
    for k, (s, e, label, key) in enumerate(spans):
        cand = fixed.get(k)
        by_size = False
        if cand is None:  # "Trinidad" in a story naming Trinidad and Tobago: the country
            cand = next((c for n, c in country_names.items() if n.startswith(key + " and ")), None)
        if cand is None and _COUNTIES_AFTER.match(text, e):  # "Orange and Seminole counties"
            counties = [c for c in gazetteer.candidates(f"{text[s:e]} County") if c.feature == "county"]
            cand = next((c for c in counties if (c.country, c.admin1) in states), counties[0] if counties else None)
        if cand is None:
            # travellers of several nationalities meeting somewhere make it neutral ground: their demonyms
            # do not pull the venue home ("Chinese and American negotiators met in Geneva"), nor do the
            # countries named as the parties ("the Geneva talks between Iran and the United States"), unless
            # the text also names a state, county or region of theirs (a local story)
            # (the parties' countries only when they pull the name to a smaller namesake: "the US consulate in
            # St. Petersburg" that Russia closes stays Russia's)
            lo, hi = bisect_left(demonym_at, s - 159), bisect_right(demonym_at, s + 159)  # |off - s| < 160
            near = {iso for _, iso in demonyms_by_offset[lo:hi]}
            lo, hi = bisect_left(country_at, s - 159), bisect_right(country_at, s + 159)
            parties = {iso for off, iso in countries_by_offset[lo:hi] if off != s}
            ignore = near - named if len(near | parties) > 1 else set()
            away = parties - inside - ignore if len(near | parties) > 1 else set()
            own = _OWN_DEMONYM.search(text, max(0, s - 50), s)
            if own:  # "the English city of Salisbury": the demonym says whose town it is
                word = own.group(1)
                away -= {gazetteer.demonym(word) or _NATION_DEMONYMS.get(word.lower())}
            ctx = [iso for iso, names in context.items() if names - {key} and iso not in ignore]
            cand = gazetteer.lookup(text[s:e], context_countries=ctx)
            if away and cand is not None:
                rest = [iso for iso in ctx if iso not in away]
                neutral = gazetteer.lookup(text[s:e], context_countries=rest)
                if neutral is not None and neutral.population > cand.population:
                    cand, ctx = neutral, rest
            by_size = cand is not None and cand.feature == "city" and cand.country not in ctx and not states
            if cand is not None and cand.feature == "city" and states:
                # a town of a state the story names beats a famous namesake ("Rome police" in Georgia)
                in_states = [
                    c
                    for c in gazetteer.candidates(text[s:e])
                    if (
                        (c.feature == "county" and normalise(c.name) == key)
                        or (c.feature == "city" and c.population >= 1000)
                    )
                    and (c.country, c.admin1) in states
                ]
                if in_states and (cand.country, cand.admin1) not in states:
                    cand = max(in_states, key=lambda c: c.population)
        if cand is None:
            continue
        if k in towns_only and cand.feature != "city":
            continue
        if label in RESCUE_LABELS and not (
            cand.feature in ("country", "state", "county", "region")
            or (cand.feature == "city" and cand.population > min_pop.get(k, RESCUE_MIN_POPULATION))
        ):
            continue
        if label == "NORP" and not (
            cand.feature in ("site", "region")
            or (cand.feature == "city" and cand.population > min_pop.get(k, RESCUE_MIN_POPULATION))
        ):
            continue
        if by_size:
            uncontexted.append(len(places))
        places.append(cand.place(Span(s, e)))
    return _towns_near_towns(text, places, uncontexted, gazetteer)


def _towns_near_towns(text: str, places: list[Place], uncontexted: list[int], gazetteer: Gazetteer) -> list[Place]:
    """A town the story chose by size alone, with no country of its own in the story, moves to a namesake in the
    country of the story's other towns when every one of those lies in one country ("a stabbing in Dundalk"
    with Dundrum: Ireland's Dundalk, not Maryland's; "to Cirencester from Gloucester and Cheltenham")."""
    if not uncontexted:
        return places

    def clear(p: Place) -> bool:
        """The place's entry is at least four times as populous as any namesake elsewhere (Cheltenham)."""
        name = text[p.span.start : p.span.end]
        found = [c for c in gazetteer.candidates(name) if c.feature == "city"]
        mine = max((c.population for c in found if c.country == p.country), default=0)
        return all(c.population * 4 <= mine for c in found if c.country != p.country)

    sure = {k: p.country for k, p in enumerate(places) if p.feature in ("city", "county")
            and (k not in uncontexted or clear(p))}
    out = list(places)
    counts = Counter(sure.values())  # how many sure places each country has (not a scan of them per town)
    for k in uncontexted:
        homes = {c for c, n in counts.items() if n > (1 if k in sure and sure[k] == c else 0)}
        p = out[k]
        if len(homes) != 1 or p.country in homes or None in homes:
            continue
        (home,) = homes
        chosen = gazetteer.lookup(text[p.span.start : p.span.end])
        name = text[p.span.start : p.span.end]
        key = normalise(name)
        found = [c for c in gazetteer.candidates(name) if c.feature == "city" and c.country == home]
        local = [c for c in found if c.population >= 1000 and normalise(c.name) == key]
        if not local and chosen is not None:  # by another name of a bigger town ("Palmyra": Tadmur, Syria)
            local = [c for c in found if c.population >= max(1000, chosen.population)]
        if not local or chosen is None or chosen.capital:
            continue
        best = max(local, key=lambda c: c.population)
        if best.population * DWARF_RATIO >= chosen.population:  # not a village against a metropolis
            out[k] = best.place(p.span)
    return out


@stage("communique.place.v1", requires=["nlp", "sentences"], assigns=["places", "country_mentions"])
class PlaceStage:
    """Attach :func:`extract`'s places to each document."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()

    def __call__(self, doc: Doc) -> Doc:
        ents = entities(doc.nlp) if doc.nlp is not None else []
        doc.places = extract(doc.text, ents, self.gazetteer)
        doc.country_mentions = country_mentions(doc.text, ents, self.gazetteer, doc.places)
        return doc


# --------------------------------------------------------------------------- event locations


def _governed_by_parse(sdoc: Any, span: Span) -> bool | None:
    """Does a preposition in/to/at govern the place (climbing 'the city of X')?  None without a parse."""
    if sdoc is None:
        return None
    cspan = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    if cspan is None or len(cspan) == 0:
        return None
    tok = cspan.root
    for _ in range(5):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and head.lower_ in _GOVERNING_WORDS:
            return True
        if tok.dep_ not in ("pobj", "prep", "appos", "conj", "compound", "nmod", "npadvmod"):
            return False
        tok = head
    return False


def _governed(doc: Doc, places: list[Place], sentence: Span) -> list[str]:
    """For each place, how its own clause governs it: the basis text, or "" when nothing does."""
    text = doc.text
    out: list[str] = []
    for k, p in enumerate(places):
        before = text[max(sentence.start, p.span.start - 40) : p.span.start]
        name = text[p.span.start : p.span.end]
        m = _GOVERNING_PREP.search(before)
        verb = _DIRECT_OBJECT_VERBS.search(before)
        how = ""
        if m:
            phrase = f"{before[m.start() :].strip()} {name}"
            dest = m.group("prep").lower() in ("to", "into")
            how = f"the destination '{phrase}'" if dest else f"the preposition phrase '{phrase}'"
        elif verb:
            how = f"the object of '{verb.group(0).strip()}': '{name}'"
        elif _governed_by_parse(doc.nlp, p.span):
            how = f"the preposition phrase governing '{name}' (parse)"
        if not how and k > 0 and out[k - 1] and _QUALIFIER_GAP.match(text[places[k - 1].span.end : p.span.start]):
            how = out[k - 1]  # "to Damascus, Syria": Syria shares Damascus' preposition
        out.append(how)
    return out


def _distance(a: Span, b: Span) -> int:
    if a.overlaps(b):
        return 0
    return b.start - a.end if a.end <= b.start else a.start - b.end


_last_places: tuple[list[Place], int, list[Place], list[int]] | None = None


def _places_by_start(places: list[Place]) -> tuple[list[Place], list[int]]:
    """``places`` sorted by start (stable) with their starts, kept for the last list seen: each event's
    place is then found by bisection, not by reading every place of the document (issue 9).  The entry
    is replaced whole, so threads sharing the module never mix two documents' places."""
    global _last_places
    hit = _last_places
    if hit is None or hit[0] is not places or hit[1] != len(places):
        ordered = sorted(places, key=lambda p: p.span.start)
        hit = (places, len(places), ordered, [p.span.start for p in ordered])
        _last_places = hit
    return hit[2], hit[3]


def event_location(doc: Doc, *, sentence: int, trigger: Span) -> Location | None:
    """Where an event happened: the most specific place of its sentence that its clause governs (a preposition
    phrase "in Almaty", a destination "to the port of Batumi", the object of "shelled Kharkiv"), closest to the
    trigger; failing that the place nearest the trigger; None when the sentence names none.  ``Location.basis``
    says which."""
    if not 0 <= sentence < len(doc.sentences):
        return None
    sent = doc.sentences[sentence]
    ordered, starts = _places_by_start(doc.places)
    places = [
        p for p in ordered[bisect_left(starts, sent.start) : bisect_left(starts, sent.end + 1)] if sent.contains(p.span)
    ]
    if not places:
        return None
    flags = _governed(doc, places, sent)
    how = {id(p): f for p, f in zip(places, flags, strict=True)}
    pool: Iterable[Place] = [p for p, f in zip(places, flags, strict=True) if f] or places
    best = min(pool, key=lambda p: (_SPECIFICITY.get(p.feature, 2), _distance(p.span, trigger), p.span.start))
    basis = how[id(best)] or (
        "the only place named in the event's sentence" if len(places) == 1 else "the place nearest the event's trigger"
    )
    return Location(best.name, best.country, best.lat, best.lon, best.geonames_id, evidence=best.span, basis=basis)
