"""Peoples named "ethnic" + a plural demonym ("ethnic Albanians", "Ethnic Turks"): a people, never the state of
their name. Their country is where their phrase or clause places them ("ethnic Albanians in southern Serbia",
"ethnic Turks held a silent march in Norway": SRB, NOR; the PLOVER GSR codes such peoples by residence); with
none said they are an actor with no country (civilians, CVL), so no finder downstream reads the demonym as the
state."""

from __future__ import annotations

from typing import Any

from ....model import Span
from ....textutil import SpanIndex
from .base import Found, resolve_country
from .collectives import _clause_place_country, _own_phrase_country
from .peoples import _ethnic


def find_ethnic_peoples(sdoc: Any, taken: list[Span], places: list[Any] | None = None) -> list[Found]:
    """Every "ethnic <Demonyms>" the spans in ``taken`` leave free: one group each, sector CVL, country ISO3 of
    where the phrase or clause places it, else ``None``. Spans are character offsets into the parsed text."""
    out: list[Found] = []
    taken_index = SpanIndex(taken)
    for tok in sdoc:
        if not (tok.text[:1].isupper() and tok.lower_.endswith("s") and _ethnic(sdoc, tok.i)):
            continue
        if resolve_country(tok.text) is None:
            continue  # "ethnic Serbs", "ethnic Kurds": peoples of no state's name, found with the collectives
        if tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].pos_ == "NOUN" and tok.dep_ == "compound":
            continue  # a people qualifying a collective ("ethnic Albanians guerrillas"): found with it
        span = Span(sdoc[tok.i - 1].idx, tok.idx + len(tok))
        if taken_index.overlaps(span):
            continue
        home = _own_phrase_country(tok, places or [], located=True, names_only=True) or \
            _clause_place_country(tok, places or [])
        out.append(Found(span=span, label="NORP", kind="group", name=tok.text, country=home, sector="CVL",
                         code=home + "CVL" if home else None,
                         key=f"people:{home}" if home else f"ethnic:{tok.lower_}",
                         head=Span(tok.idx, tok.idx + len(tok))))
    return out
