"""The event's place: a toponym the parse attaches to the trigger as where it happens."""

from __future__ import annotations

from typing import Any

from ...model import Doc, Location, Span
from ..place import event_location
from .arguments import _SKIP_DEPS, TOPIC_VERBS


def _location(doc: Doc, tok: Any, sent: int, trigger: Span, quotes: list[Span]) -> Location | None:
    """The event's place: a place named as where the trigger happens ("met ... in Nairobi", "visited Riyadh",
    "led a delegation to Damascus, Syria"), never one inside a quote or a place that is a party to it."""
    loc = event_location(doc, sentence=sent, trigger=trigger)
    if loc is None or loc.evidence is None or any(q.contains(loc.evidence) for q in quotes):
        return None
    anchors = _anchors(tok)
    if tok.pos_ != "VERB" and tok.head.pos_ in ("VERB", "ADP"):
        anchors.add(tok.head.i if tok.head.pos_ == "VERB" else tok.head.head.i)
    visit = tok.lemma_.lower() in ("visit", "tour", "host")
    sdoc = tok.doc
    for t in sdoc[tok.sent.start : tok.sent.end]:
        if loc.evidence.start <= t.idx < loc.evidence.end and _locative(t, anchors, visit=visit):
            return loc
    return None


_NON_LOCAL_PREPS = frozenset({"for", "about", "over", "with", "by", "despite", "after", "before", "since", "like",
                              "than", "between", "among", "against", "toward", "towards", "around"})


def _anchors(tok: Any) -> set[int]:
    """Tokens a locative phrase of the event may hang on (the parser often attaches "in Cairo" to the object):
    the trigger's own phrase, without clauses and without phrases that say why, with whom or about what."""
    out = {tok.i}
    topic = tok.lemma_.lower() in TOPIC_VERBS  # "discussed patrols in the South China Sea": a topic, not a place
    for child in tok.children:
        if child.dep_ in _SKIP_DEPS or child.dep_ in ("xcomp", "conj", "cc") or (
                child.dep_ == "prep" and child.lower_ in _NON_LOCAL_PREPS) or (topic and child.dep_ in ("dobj", "obj")):
            continue
        out |= _anchors(child)
    return out


LOCATIVE_PREPS = frozenset({"in", "at", "to", "near", "outside", "inside", "into", "across", "around", "within",
                            "throughout", "on", "over", "off"})


def _locative(tok: Any, anchors: set[int], *, visit: bool) -> bool:
    """A place named as where something happens, attached to one of the ``anchors`` (the trigger, its object,
    its verb), not a party to it ("praised Kenya")."""
    for _ in range(3):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in LOCATIVE_PREPS and tok.head.head.i in anchors
        if tok.dep_ in ("dobj", "obj"):
            return visit and tok.head.i in anchors
        if tok.dep_ in ("appos", "compound", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return False
    return False

