"""Modality of a trigger: the event's own mood (planned, hypothetical) and negation, from the parse.

``modality(tok)`` is the pure entry point; the report-level layer (denials and confirmations by the people
the report cites) is ``stages/provenance.py``'s, and runs after this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PLANNED_AUX = frozenset({"will", "shall"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would"})


def _mood(tok: Any) -> str | None:
    """planned / hypothetical from the auxiliaries and governing verbs of a trigger."""
    chain = [tok]
    if tok.dep_ in ("xcomp", "dobj", "pobj", "advcl") and tok.head.i != tok.i:
        chain.append(tok.head)
        if tok.head.pos_ == "ADP" and tok.head.head.i != tok.head.i:  # "will visit Ankara for talks"
            chain.append(tok.head.head)
    for t in chain:
        conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children) or any(
            c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in t.children)
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ == "would" and not conditional and _reported(t):
                return "planned"  # "announced that Japan would send ...": the future seen from the past
            if c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical"
            if c.dep_ in ("aux",) and c.lower_ in PLANNED_AUX:
                return "planned"
            if c.dep_ == "mark" and c.lower_ == "if":
                return "hypothetical"
        if t.lemma_ in ("plan", "intend", "expect", "schedule", "prepare") or (
                t.lemma_ == "be" and any(c.lower_ == "to" for c in t.children)):
            return "planned"
    if any(c.lower_ in ("next", "upcoming") for c in tok.children) or any(
            c.dep_ == "amod" and c.lower_ in ("planned", "upcoming", "proposed", "expected", "scheduled")
            for c in tok.children):
        return "planned"
    return None


def _reported(verb: Any) -> bool:
    """Is the verb the complement of a reporting verb ("said that ...", "announced that ...")?"""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_LEMMAS


REPORTING_LEMMAS = frozenset({"say", "announce", "tell", "state", "declare", "confirm", "add", "report", "note",
                              "insist", "stress", "indicate", "reveal", "promise", "pledge", "vow"})


def _negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)



@dataclass(frozen=True, slots=True)
class Modality:
    """The event's own modality: ``status`` is ``"planned"``, ``"hypothetical"`` or ``None`` (as the report
    states it); ``negated`` is true for "did not attack"."""

    status: str | None
    negated: bool


def modality(tok: Any) -> Modality:
    """The modality of the trigger token ``tok`` (a spaCy Token) from its own clause."""
    return Modality(_mood(tok), _negated(tok))
