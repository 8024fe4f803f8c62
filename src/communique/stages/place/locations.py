"""Event locations: the place an event happened at, chosen among the places of its sentence, and how."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from ...model import Doc, Location, Place, Span
from .patterns import _DIRECT_OBJECT_VERBS, _GOVERNING_PREP, _GOVERNING_WORDS, _QUALIFIER_GAP, _SPECIFICITY


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
