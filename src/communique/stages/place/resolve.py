"""Geocoding: the toponyms among a document's entities looked up in the gazetteer, disambiguated by the
document itself (qualifiers, the countries, states and counties it names, its other towns)."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from ...knowledge.gazetteer import DWARF_RATIO, Candidate, Gazetteer, normalise
from ...model import Place, Span
from ...textutil import GrowingSpanIndex, SpanIndex
from .names import (
    _after_preposition,
    _join_split,
    _loose_ends,
    _not_a_place,
    _possessive_heads,
    _split_in,
    _trim,
    _whole_name,
    datelines,
)
from .patterns import (
    _AFTER_COUNTY,
    _ARRESTERS,
    _ATTACK_OBJECT,
    _COMPASS_PART,
    _CONTEXT_FEATURES,
    _COUNTIES_AFTER,
    _GIVEN_NAMES,
    _IN_NEAR,
    _JOURNEY,
    _LOCAL_HEAD,
    _NATION_DEMONYMS,
    _NOWHERE,
    _OF_HOME,
    _OF_HOME_END,
    _OWN_DEMONYM,
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
)
from .sites import _population, sites


def _counties_together(
    text: str,
    spans: list[tuple[int, int, str, str]],
    fixed: dict[int, Candidate],
    gazetteer: Gazetteer,
) -> None:
    """Counties a story names lie together (in place, into ``fixed``): each county name goes to the state that
    holds the most of the story's other county names and its large cities ("Daviess County ... McLean County ...
    Ohio County": Kentucky's, not Illinois' or West Virginia's; "Hamilton County jail" in a Chattanooga story:
    Tennessee's), when one state holds more than any other."""
    options: dict[int, list[Candidate]] = {}
    for k, (s, e, label, key) in enumerate(spans):
        if label in PLACE_LABELS and k not in fixed and key.endswith((" county", " parish")):
            found = [c for c in gazetteer.candidates(text[s:e]) if c.feature == "county" and normalise(c.name) == key]
            if len(found) > 1:
                options[k] = found
    if not options:
        return
    city_states: set[tuple[str | None, str | None]] = set()  # whatever the tagger called the city
    for s, e, _, _ in spans:
        c = gazetteer.lookup(text[s:e])
        if c is not None and c.feature == "city" and c.population >= 100_000:
            city_states.add((c.country, c.admin1))
    names_in: dict[tuple[str | None, str | None], set[str]] = {}
    for k, found in options.items():
        for c in found:
            names_in.setdefault((c.country, c.admin1), set()).add(spans[k][3])
    for k, found in options.items():
        key = spans[k][3]

        def support(c: Candidate, key: str = key) -> int:
            return len(names_in[(c.country, c.admin1)] - {key}) + ((c.country, c.admin1) in city_states)

        ranked = sorted(found, key=support, reverse=True)
        if support(ranked[0]) > 0 and support(ranked[0]) > support(ranked[1]):
            fixed[k] = ranked[0]


_LIST_GAP = re.compile(r",?\s+(?:and|or|&)\s+")


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


def extract(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Place]:
    """Geocode the toponyms among ``ents`` (spans into ``text``); unknown names are dropped."""
    spans: list[tuple[int, int, str, str]] = []  # start, end, label, key
    context: dict[str, set[str]] = {}  # ISO3 -> normalised names that vouch for it
    demonyms: list[tuple[int, str]] = []  # (offset, ISO3) of each demonym
    named: set[str] = set()  # ISO3 of countries and states named as places
    min_pop: dict[int, int] = {}  # span number -> the population a rescued city needs
    towns_only: set[int] = set()  # span numbers rescued as the object of an attack: cities only
    compass: dict[int, int] = {}  # span number -> where the country's name starts in a "South Lebanon" town's
    ents = _loose_ends(text, _possessive_heads(text, _split_in(text, ents), gazetteer), gazetteer)
    ents = _join_split(text, ents, gazetteer)
    lines = datelines(text, gazetteer)
    if lines:  # (indexed: a scan of every dateline per entity was quadratic in the article's length)
        line_index = SpanIndex(Span(s, t) for s, t, _ in lines)
        ents = [e for e in ents if not line_index.overlaps(Span(e[0], e[1]))] + lines
    dated = {(s, t) for s, t, _ in lines}  # a dateline's place is one whatever the words before it
    place_starts = {s for s, _, label in ents if label in PLACE_LABELS}
    for start, end, label in sorted(ents):
        if (start, end) not in dated and _not_a_place(text, start, end):
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

    # "A, B": B qualifies A
    fixed: dict[int, Candidate] = {}
    for k in range(len(spans) - 1):
        (s1, e1, _, _), (s2, e2, label2, _) = spans[k], spans[k + 1]
        in_list = k + 2 < len(spans) and _LIST_GAP.fullmatch(text, e2, spans[k + 2][0]) is not None
        # "Walker County (Ga.)": a state in brackets qualifies as after a comma
        bracketed = text[e1:s2].strip() == "(" and text[e2 : e2 + 1] == ")"
        if label2 in PLACE_LABELS and (_QUALIFIER_GAP.match(text[e1:s2]) or bracketed) and not in_list:
            # ("stops in Washington, New York and Boston": a list, not Washington inside New York)
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
    capitals: set[str] = set()  # ISO3 of the countries whose capitals the text names ("Brazzaville": COG)
    for s, e, label, _ in spans:
        if label in PLACE_LABELS:
            c = gazetteer.lookup(text[s:e])
            if c is not None and c.feature == "city" and c.population >= 100_000 and c.admin1:
                city_states.add((c.country, c.admin1))
            if c is not None and c.capital and c.country:
                capitals.add(c.country)
    _counties_together(text, spans, fixed, gazetteer)
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
        if chosen is not None and chosen.feature == "country" and capitals and chosen.country not in capitals:
            # a name two countries share is the one whose capital the story names ("the government of Congo
            # ... in Brazzaville": the Republic of the Congo); only between countries, so a capital never pulls
            # a town to its country
            twin = next(
                (c for c in gazetteer.candidates(text[s:e]) if c.feature == "country" and c.country in capitals),
                None,
            )
            if twin is not None:
                chosen = fixed[k] = twin
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
        ctx: list[str] | None = None  # the countries that pulled the name, when the story's context chose it
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
                        # by its own name: "San Antonio Heights", once called San Antonio, is no San Antonio
                        or (c.feature == "city" and c.population >= 1000 and normalise(c.name) == key)
                    )
                    and (c.country, c.admin1) in states
                ]
                if in_states and (cand.country, cand.admin1) not in states:
                    cand = max(in_states, key=lambda c: c.population)
        if (
            k in compass
            and ctx is not None
            and cand is not None
            and cand.feature == "city"
            and cand.country not in ctx
            and (cand.country, cand.admin1) not in states
        ):
            part_of = gazetteer.lookup(text[compass[k] : e], context_countries=ctx)
            if part_of is not None:
                cand, s = part_of, compass[k]  # "Israeli jets struck South Lebanon": Lebanon, not a US town
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
    places = _near_the_story(text, _towns_near_towns(text, places, uncontexted, gazetteer), gazetteer)
    places = _capitals_over_demonyms(text, places, {iso for _, iso in demonyms} - named, gazetteer)
    return sites(text, _named_again(text, ents, places, gazetteer), gazetteer)


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


class _Written:
    """Where the text writes each run of word characters and hyphens, by the run: whether the text writes a
    string with no word character or hyphen on either side is looked up among the places its first run stands
    (one pass over the text), not searched for in the whole text once per string (quadratic in its length)."""

    _RUN = re.compile(r"[\w-]+")

    def __init__(self, text: str) -> None:
        self.text = text
        self.at: dict[str, list[int]] = {}
        for m in self._RUN.finditer(text):
            self.at.setdefault(m.group(0), []).append(m.start())

    def has(self, key: str) -> bool:
        """Does the text write ``key`` exactly, no word character or hyphen right before or after it (as
        ``re.search(rf"(?<![\\w-]){re.escape(key)}(?![\\w-])", text)``)?"""
        first = self._RUN.match(key)
        if not key or first is None:  # (a key starting with another character: searched for, as it was)
            return re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", self.text) is not None
        run = first.group(0)
        n = len(key)
        # a match starts a run of the text (nothing of the kind before it) that is the key's first run exactly
        # (the key's next character, if any, is none of the kind, nor then the text's)
        return any(self.text.startswith(key, i) and not self._RUN.match(self.text, i + n, i + n + 1)
                   for i in self.at.get(run, ()))


AGAIN_MIN_POPULATION = 5_000  # a town this large is taken again where the tagger called its name otherwise


def _named_again(text: str, ents: Sequence[Entity], places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """A name the story took as a place is that place again where the tagger called it an organisation or a
    person ("Cirencester" a place in one sentence, PERSON in the next; "flights between Harare and the UK" with
    Harare tagged ORG): one sense per story, unless the words around it say person or organisation
    (:func:`_not_a_place`: "coach Austin said") or it is part of a longer name.  Only names the tagger itself
    called a place somewhere, no acronyms, and towns of :data:`AGAIN_MIN_POPULATION` or more."""
    tagged = {(s, e) for s, e, label in ents if label in ("GPE", "LOC")}
    known: dict[str, Place] = {}
    for p in places:
        name = text[p.span.start : p.span.end]
        # only what the tagger itself called a place, and no acronym ("BA", "MoD": an airline, a ministry)
        if (
            (p.span.start, p.span.end) in tagged
            and not name.isupper()
            and any(c.islower() for c in name[1:])
            and normalise(name) not in known
            and (p.feature != "city" or _population(gazetteer, name, p) >= AGAIN_MIN_POPULATION)
        ):
            known[normalise(name)] = p
    if not known:
        return places
    # a name the tagger calls a person more often than a place is a person's ("Noma said"); a word the story
    # also writes in lower case is a common noun ("the Centre" of India's government, "City" the club)
    as_place: Counter[str] = Counter()
    as_person: Counter[str] = Counter()
    for s, e, label in ents:
        if label in ("GPE", "LOC"):
            as_place[normalise(text[s:e])] += 1
        elif label == "PERSON":  # "Mohamed Salah" makes "Salah" a person's name too
            as_person.update({normalise(text[s:e]), *normalise(text[s:e]).split(" ")})
    written = _Written(text)
    known = {key: p for key, p in known.items() if as_person[key] <= as_place[key] and not written.has(key)}
    taken = GrowingSpanIndex(p.span for p in places)  # (indexed: a scan per entity was quadratic)
    found: list[Place] = []
    for start, end, label in ents:
        if label not in RESCUE_LABELS:
            continue
        s, e = _trim(text, start, end)
        same = known.get(normalise(text[s:e]))
        if same is None or taken.overlaps(Span(s, e)) or _not_a_place(text, s, e):
            continue
        found.append(Place(Span(s, e), same.name, same.country, same.lat, same.lon, same.geonames_id, same.feature))
        taken.add(Span(s, e))
    return sorted([*places, *found], key=lambda p: p.span.start) if found else places


LOCAL_KM = 200.0  # a town with another place of the story this close is the story's town, not a traveller's goal
CAPITAL_RATIO = 20  # a national capital this many times larger beats a city only a demonym pulled home
NEAR_KM = 50.0  # a town this close to another place the story names is that place's town


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points (degrees WGS84)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


class _Points:
    """The story's places with coordinates, ``(lat, lon, normalised name)``, each distinct one once and sorted by
    latitude: the ones within a distance of a point are looked for only among those whose latitude is that close
    (a great-circle distance is never shorter than the difference in latitude), not among all of them per town
    (quadratic in the article's length)."""

    def __init__(self, points: Sequence[tuple[float, float, str]]) -> None:
        self.points = sorted(set(points))
        self.lats = [lat for lat, _, _ in self.points]
        self.names = dict.fromkeys(n for _, _, n in self.points)

    def any_but(self, names: set[str]) -> bool:
        """Is some point named otherwise than ``names``?"""
        return any(n not in names for n in self.names)

    def near(self, lat: float, lon: float, km: float, but: set[str]) -> bool:
        """Is some point named otherwise than ``but`` within ``km`` of (``lat``, ``lon``)?"""
        band = math.degrees(km / 6371.0) * 1.01 + 1e-9  # the latitudes it can lie at, with room for rounding
        lo, hi = bisect_left(self.lats, lat - band), bisect_right(self.lats, lat + band)
        return any(n not in but and _km(lat, lon, a, b) <= km for a, b, n in self.points[lo:hi])


def _near_the_story(text: str, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """A town far from every other place of the story moves to a namesake abroad, at least as populous, that lies
    within :data:`NEAR_KM` of one of them, when only one does ("the hospital in Rome" in a story naming the
    Vatican: Rome, Italy, not Rome, Georgia, which the story's one mention of the United States had pulled; a
    smaller namesake near New York does not take "Bogota, Colombia")."""
    points = [(p.lat, p.lon, normalise(p.name)) for p in places if p.lat is not None and p.lon is not None]
    if len(points) < 2:
        return places
    story = _Points(points)
    out = list(places)
    moved: dict[tuple[str, str, int, float, float, str | None], Candidate | None] = {}  # one answer per town
    for k, p in enumerate(places):
        if p.feature != "city" or p.lat is None or p.lon is None:
            continue
        name = text[p.span.start : p.span.end]
        if not p.geonames_id:
            continue
        asked = (name, normalise(p.name), p.geonames_id, p.lat, p.lon, p.country)
        if asked not in moved:
            moved[asked] = _namesake_near(story, gazetteer, *asked)
        if (to := moved[asked]) is not None:
            out[k] = to.place(p.span)
    return out


def _namesake_near(story: _Points, gazetteer: Gazetteer, name: str, own: str, geonames_id: int, lat: float,
                   lon: float, country: str | None) -> Candidate | None:
    """The one namesake abroad of a town (written ``name``, its place's normalised name ``own``, at ``lat``,
    ``lon`` in ``country``) near another place of the story (see :func:`_near_the_story`), else ``None``.  The
    town's own name and the name it is written with name no other place."""
    key = normalise(name)
    but = {own, key}
    if not story.any_but(but) or story.near(lat, lon, NEAR_KM, but):
        return None
    chosen = gazetteer.by_id(geonames_id)
    if chosen is None:
        return None
    near = {
        c.geonames_id: c
        for c in gazetteer.candidates(name)
        if c.feature == "city"
        and c.country != country
        and c.population >= max(1000, chosen.population)
        and normalise(c.name) == key
        and c.lat is not None
        and c.lon is not None
        and story.near(c.lat, c.lon, NEAR_KM, but)
    }
    return next(iter(near.values())) if len(near) == 1 else None


def _capitals_over_demonyms(text: str, places: list[Place], by_demonym: set[str], gazetteer: Gazetteer) -> list[Place]:
    """A town that only a demonym pulled home gives way to the national capital of its name ("British diplomats
    in Washington": Washington, D.C., not Washington, Tyne and Wear; "Canadian officials met in London"): a
    traveller's nationality says who went, not where.  Only a town (under ``RESCUE_MIN_POPULATION``) or a city
    :data:`CAPITAL_RATIO` times smaller than the capital gives way ("Clashes in Tripoli, the Lebanese army said"
    stays Lebanon's second city).  The town stays when the story names a place within :data:`LOCAL_KM` of it
    ("stabbed in Washington, Sunderland police said"; "police in London and Toronto"), not merely one of its
    country ("British ministers met in London before flying to Washington").
    ``by_demonym``: ISO3 of the countries the story names only by demonyms."""
    if not by_demonym:
        return places
    out = list(places)
    for k, p in enumerate(places):
        if p.feature != "city" or p.country not in by_demonym or p.lat is None or p.lon is None:
            continue
        name = text[p.span.start : p.span.end]
        key = normalise(name)
        others = [q for j, q in enumerate(places) if j != k and normalise(text[q.span.start : q.span.end]) != key]
        if any(
            q.lat is not None and q.lon is not None and _km(p.lat, p.lon, q.lat, q.lon) <= LOCAL_KM for q in others
        ):
            continue
        found = gazetteer.candidates(name)
        mine = next((c for c in found if c.geonames_id == p.geonames_id), None)
        if mine is None or mine.capital:
            continue
        capitals = {
            c.geonames_id: c
            for c in found
            if c.feature == "city"
            and c.capital
            and c.country != p.country
            and (
                c.population >= CAPITAL_RATIO * mine.population
                or (c.population > mine.population and mine.population < RESCUE_MIN_POPULATION)
            )
            and normalise(c.name) == key
        }
        if len(capitals) == 1:
            out[k] = next(iter(capitals.values())).place(p.span)
    return out


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
        if not local:  # a province of the name in that country ("CALAMBA CITY, Laguna": Laguna province)
            local = [
                c
                for c in gazetteer.candidates(name)
                if c.feature in ("county", "state") and c.country == home and normalise(c.name) == key
            ]
        if not local and chosen is not None:  # by another name of a bigger town ("Palmyra": Tadmur, Syria)
            local = [c for c in found if c.population >= max(1000, chosen.population)]
        if not local or chosen is None or chosen.capital:
            continue
        best = max(local, key=lambda c: c.population)
        if best.population * DWARF_RATIO >= chosen.population:  # not a village against a metropolis
            out[k] = best.place(p.span)
    return out
