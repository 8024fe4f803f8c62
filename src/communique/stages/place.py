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
Demonyms ("Russian", "Syrian") are never places, only context.

:func:`event_location` picks the place an event happened at, for the events stage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

from ..knowledge.gazetteer import Candidate, Gazetteer, normalise
from ..model import Doc, Location, Place, Span
from ..pipeline import stage

__all__ = ["PlaceStage", "extract", "entities", "event_location"]

Entity = tuple[int, int, str]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"ORG", "PERSON", "PROPN"})  # PROPN: a proper noun the NER left out
RESCUE_MIN_POPULATION = 100_000
_RESCUE_PREP = re.compile(r"\b(?:in|to|from|at|near|outside|visit|visits|visited|visiting|toured)\s+$",
                          re.IGNORECASE)
_GOVERNING_PREP = re.compile(r"\b(?:in|to|at|into)\s+(?:the\s+)?$", re.IGNORECASE)
_GOVERNING_WORDS = frozenset({"in", "to", "at", "into"})
_SITE_SUFFIX = re.compile(
    r"\s+(?:air\s*base|airbase|air\s*field|airfield|naval\s+base|military\s+base|base)\b", re.IGNORECASE
)
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_CONTEXT_FEATURES = frozenset({"country", "state"})
# lower ranks are more specific: an event "in Damascus, Syria" happened in Damascus
_SPECIFICITY = {"site": 0, "city": 0, "state": 1, "region": 1, "sea": 2, "country": 2, "continent": 3}


def entities(sdoc: Any) -> list[Entity]:
    """``(start_char, end_char, label)`` of a spaCy Doc's entities, and of capitalised proper nouns outside
    them (label ``PROPN``: "drones at Kharkiv" when the model tagged nothing)."""
    out = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
    covered = {t.i for e in sdoc.ents for t in e}
    for t in sdoc:
        if t.i not in covered and t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and (
                t.i + 1 >= len(sdoc) or sdoc[t.i + 1].pos_ != "PROPN") and (t.i == 0 or sdoc[t.i - 1].pos_ != "PROPN"):
            out.append((t.idx, t.idx + len(t), "PROPN"))
    return out


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
    for start, end, label in sorted(ents):
        if label == "NORP":
            iso = gazetteer.demonym(text[start:end])
            if iso:
                context.setdefault(iso, set()).add(normalise(text[start:end]))
                continue  # a demonym is not a place
        elif label not in PLACE_LABELS and label not in RESCUE_LABELS:
            continue
        elif label in RESCUE_LABELS and not _after_preposition(text, start):
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

    for k, (s, e, label, key) in enumerate(spans):
        if label not in PLACE_LABELS:
            continue
        chosen = fixed.get(k) or gazetteer.lookup(text[s:e])
        if chosen is not None and chosen.feature in _CONTEXT_FEATURES and chosen.country:
            context.setdefault(chosen.country, set()).add(key)

    places: list[Place] = []
    for k, (s, e, label, key) in enumerate(spans):
        cand = fixed.get(k)
        if cand is None:
            ctx = [iso for iso, names in context.items() if names - {key}]
            cand = gazetteer.lookup(text[s:e], context_countries=ctx)
        if cand is None:
            continue
        if label in RESCUE_LABELS and not (cand.feature == "city" and cand.population > RESCUE_MIN_POPULATION):
            continue
        if label == "NORP" and not (
            cand.feature in ("site", "region") or (cand.feature == "city" and cand.population > RESCUE_MIN_POPULATION)
        ):
            continue
        places.append(cand.place(Span(s, e)))
    return places


@stage("communique.place.v1", requires=["nlp", "sentences"], assigns=["places"])
class PlaceStage:
    """Attach :func:`extract`'s places to each document."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()

    def __call__(self, doc: Doc) -> Doc:
        doc.places = extract(doc.text, entities(doc.nlp) if doc.nlp is not None else [], self.gazetteer)
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


def _governed(doc: Doc, places: list[Place], sentence: Span) -> list[bool]:
    text = doc.text
    out: list[bool] = []
    for k, p in enumerate(places):
        before = text[max(sentence.start, p.span.start - 12) : p.span.start]
        ok = bool(_GOVERNING_PREP.search(before)) or bool(_governed_by_parse(doc.nlp, p.span))
        if not ok and k > 0 and out[k - 1] and _QUALIFIER_GAP.match(text[places[k - 1].span.end : p.span.start]):
            ok = True  # "to Damascus, Syria": Syria shares Damascus' preposition
        out.append(ok)
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
    """Where an event happened: the most specific place in its sentence governed by in/to/at,
    closest to the trigger; failing that any place of the sentence; None when it names none."""
    if not 0 <= sentence < len(doc.sentences):
        return None
    sent = doc.sentences[sentence]
    ordered, starts = _places_by_start(doc.places)
    places = [p for p in ordered[bisect_left(starts, sent.start) : bisect_left(starts, sent.end + 1)]
              if sent.contains(p.span)]
    if not places:
        return None
    flags = _governed(doc, places, sent)
    pool: Iterable[Place] = [p for p, f in zip(places, flags, strict=True) if f] or places
    best = min(pool, key=lambda p: (_SPECIFICITY.get(p.feature, 2), _distance(p.span, trigger), p.span.start))
    return Location(best.name, best.country, best.lat, best.lon, best.geonames_id, evidence=best.span)
