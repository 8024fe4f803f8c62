"""A minister with no country said, placed by the state they speak of as an agent ("Planning Minister X said
Vietnam will open more sectors ..."): the only way the text places them, under guards, because ministers travel and
speak of other states.

The rule (:func:`place_speaking_ministers`), for an actor with no country whose title is a domestic portfolio
(:data:`DOMESTIC_PORTFOLIOS`: planning, interior, health, agriculture, ...; not foreign affairs, defence,
trade, finance, energy or an envoy, who deal with other states by office):

- the minister is the subject of a verb of saying whose reported clause has a state as its subject;
- that state is the only one the sentence names (its other actors' countries and its geocoded places);
- the guard: nothing places the minister by where they speak. A place the verb of saying or the minister's own
  phrase is "in", "at", "from" or "during" ("said in Nairobi", "told reporters in Hanoi") leaves them empty, as
  does a visit or a meeting.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Actor, Doc, Mention

__all__ = ["DOMESTIC_PORTFOLIOS", "place_speaking_ministers"]

#: Portfolios of a minister who deals with their own state (as opposed to foreign affairs, defence, trade, envoys).
DOMESTIC_PORTFOLIOS = frozenset({
    "planning", "investment", "interior", "home", "health", "education", "justice", "mines", "mining", "agriculture",
    "labour", "labor", "transport", "information", "communications", "housing", "water", "environment", "tourism",
    "culture", "sports", "youth", "social", "welfare", "local", "public", "works", "land", "lands", "fisheries",
    "forestry", "religious", "endowments", "electricity", "telecommunications"})
#: Portfolios that deal with other states by office: never placed by the state they speak of. Finance, economy,
#: energy and oil ministers are left out of both lists: they speak of other states' debts and output too often.
_ABROAD = frozenset({"foreign", "external", "defence", "defense", "trade", "commerce", "cooperation", "envoy",
                     "ambassador", "european", "integration", "diaspora", "finance", "economy", "energy", "oil"})
_SAY = frozenset({"say", "tell", "announce", "insist", "stress", "declare", "add", "state", "assert", "affirm",
                  "reiterate", "confirm", "explain", "note"})
#: Prepositions of where one speaks or comes from: such a place says where the minister is, not whose they are.
_WHERE = frozenset({"in", "at", "from", "during", "after", "while", "on"})
_VISITS = frozenset({"meet", "visit", "host", "hold", "talk", "receive", "welcome", "travel", "fly", "arrive",
                     "tour", "attend", "address", "greet"})


def _domestic(title: str | None) -> bool:
    words = set(re.findall(r"[a-z]+", (title or "").lower()))
    return "minister" in words and bool(words & DOMESTIC_PORTFOLIOS) and not words & _ABROAD


def _said_state(subject: Any, states: dict[int, str]) -> tuple[str, Any] | None:
    """(ISO3 of the state that is the subject of the clause ``subject``'s verb of saying reports, the verb), else
    ``None``; ``states`` maps token indices of country words to their ISO3."""
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_.lower() not in _SAY:
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for s in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            if s.i in states:
                return states[s.i], verb
    return None


def _placed_where_spoken(verb: Any, subject: Any) -> bool:
    """Does a place-like phrase hang on the verb of saying or the minister's phrase ("said in Nairobi", "X, speaking
    in Hanoi, said", "the minister from Ghana"), or is the verb one of visits and meetings?"""
    if verb.lemma_.lower() in _VISITS:
        return True
    for holder in (verb, subject, *(c for c in verb.children if c.dep_ in ("advcl", "prep", "npadvmod"))):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in _WHERE and any(p.ent_type_ in ("GPE", "LOC", "FAC") for p in c.subtree):
                return True
        if holder.dep_ == "prep" and holder.lower_ in _WHERE and any(
                p.ent_type_ in ("GPE", "LOC", "FAC") for p in holder.subtree):
            return True
    return False


def place_speaking_ministers(doc: Doc, mentions: list[Mention], actors: list[Actor]) -> None:
    """Give a domestic minister with no country the state they speak of as the subject of what they say, when it
    is the one state of the sentence and nothing places them by where they speak (the module's rule). Changes the
    actors in place; a wrong country is worse than none, so any doubt leaves the country empty."""
    sdoc = doc.nlp
    if sdoc is None:
        return
    by_id = {a.id: a for a in actors}
    todo = [a for a in actors if a.kind == "person" and not a.country and not a.code and a.mentions
            and _domestic(a.title)]
    for a in todo:
        span = mentions[a.mentions[0]].span
        words = sdoc.char_span(span.start, span.end, alignment_mode="expand")
        if words is None or not len(words):
            continue
        sent = words.root.sent
        states: dict[int, str] = {}
        isos: set[str] = set()
        for m in mentions:
            other = by_id.get(m.actor_id or "")
            if other is None or other is a or not other.country or not sent.start_char <= m.span.start < sent.end_char:
                continue
            if (other.code or "").startswith(("IGO", "IMG")):
                continue
            isos.add(other.country)
            if other.kind == "country" and (w := sdoc.char_span(m.span.start, m.span.end, alignment_mode="expand")):
                states[w.root.i] = other.country
        isos |= {p.country for p in doc.places if p.country and sent.start_char <= p.span.start < sent.end_char}
        said = _said_state(words.root, states)
        if said is None or isos != {said[0]} or _placed_where_spoken(said[1], words.root):
            continue
        a.country = said[0]
