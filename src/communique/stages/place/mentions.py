"""Country mentions that are not places: demonyms ("Turkish policeman") and the toponyms inside organisations'
names ("the Kidney Foundation of Canada")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...knowledge.gazetteer import Candidate, Gazetteer, normalise
from ...model import CountryMention, Place, Span
from ...textutil import SpanIndex
from .names import _trim
from .patterns import _CONTEXT_FEATURES, _DEMONYM_WORD, _REGION_DEMONYMS, Entity


def region_adjective(word: str) -> str | None:
    """The continent or region whose adjective ``word`` is ("European" -> "Europe", "Central Americans" ->
    "Central America"), else None; countries' demonyms are :meth:`Gazetteer.demonym`'s."""
    key = normalise(word)
    return _REGION_DEMONYMS.get(key) or (_REGION_DEMONYMS.get(key[:-1]) if key.endswith("s") else None)


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
    taken = SpanIndex([*(Span(bs, be) for bs, be in blocked), *(m.span for m in out)])
    embedded = [
        m
        for m in _embedded(
            text,
            ents,
            gazetteer,
            [(p.span.start, p.span.end) for p in places],
            sorted({p.country for p in places if p.country and p.feature in _CONTEXT_FEATURES}),
        )
        if not taken.overlaps(m.span)
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
    taken_index = SpanIndex(Span(s, e) for s, e in taken)  # (a scan of every place per name was quadratic)
    for start, end, label in ents:
        if label != "ORG" or taken_index.overlaps(Span(start, end)):
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


# a public body of the place its name starts with: "the Maryland State Police", "Pakistan Army", "Cuyahoga County
# Executive", "the U.S. Census Bureau" (not a party, club, company or newspaper: "United Russia", "the Washington
# Post", "Texas Rangers")
_BODY_AFTER = re.compile(
    r"(?:\s+(?:State|County|City|Regional|Provincial|Municipal|Metropolitan|Federal|National))?\s+(?:Police"
    r"|Sheriff(?:'s)?|Fire|Army|Navy|Air\s+Force|Coast\s+Guard|National\s+Guard|Armed\s+Forces|Special\s+Forces"
    r"|Government|Governor|Premier|Mayor|City\s+Council|Council|Assembly|Legislature|Parliament|Senate"
    r"|Department|Ministry|Public\s+Schools|Transit|Census\s+Bureau|Trade\s+Representative|Justice\s+Department"
    r"|State\s+Department|Attorney|Executive|Commissioner|RCMP|SAPS)\b"
)
# ... or whose office it names: "President of Ukraine", "the Ruler of Dubai", "the Government of Nigeria"
_BODY_BEFORE = re.compile(
    r"\b(?:Government|President|Ruler|Governor|Mayor|Premier|Prime\s+Minister|Parliament|Emir|King)\s+of\s+(?:the\s+)?$"
)
# the jurisdictions that are places: a country's, state's or county's body; a town's ("the Chicago Police
# Department") stays the organisation's own name, whose actor a town inside it would undo
_JURISDICTION_FEATURES = frozenset({"country", "state", "county"})
# a country's currency: "59.2 billion US dollars", "Hong Kong dollars"
_CURRENCY_AFTER = re.compile(r"\s+(?:dollars?|cents?)\b")


def jurisdictions(
    text: str, ents: Sequence[Entity], gazetteer: Gazetteer, places: Sequence[Place] = ()
) -> list[Place]:
    """Toponyms inside organisations' names that name the jurisdiction of a public body ("the Maryland State
    Police", "Cuyahoga County Executive", "President of Ukraine") and countries named for their currency inside an
    amount ("40 billion US dollars"): places, as GeoNames-based geoparsing counts them (modifiers of a name), where
    the other toponyms inside names stay country mentions (:func:`country_mentions`).  Sorted by offset; none
    overlaps ``places``."""
    out: list[Place] = []
    context = sorted({p.country for p in places if p.country and p.feature in _CONTEXT_FEATURES})
    for m in _embedded(text, ents, gazetteer, [(p.span.start, p.span.end) for p in places], context):
        s, e = m.span.start, m.span.end
        if not (_BODY_AFTER.match(text, e) or _BODY_BEFORE.search(text, max(0, s - 30), s)):
            continue
        c = gazetteer.by_id(m.geonames_id) if m.geonames_id else None
        if c is None or normalise(c.name) != normalise(m.name):
            c = gazetteer.lookup(m.name, context_countries=context)
        if c is not None and c.feature in _JURISDICTION_FEATURES:
            out.append(c.place(Span(s, e)))
    taken = SpanIndex(Span(p.span.start, p.span.end) for p in [*places, *out])
    for start, end, label in ents:
        if label != "MONEY":
            continue
        for run in _CAPITALISED_RUN.finditer(text, start, end):
            s, e = run.span()
            iso = gazetteer.country_code(run.group(0))
            if iso and _CURRENCY_AFTER.match(text, e) and not taken.overlaps(Span(s, e)):
                country = gazetteer.country(iso)
                if country is not None:
                    out.append(country.place(Span(s, e)))
    return sorted(out, key=lambda p: p.span.start)
