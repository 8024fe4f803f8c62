"""A state's military named by what it does: "U.S. military airstrikes", "US Predator attacks", "Israeli drone
strikes", "Russian air raids", "Turkish shelling" (the PLOVER GSR codes "US Predator" USAMIL; Phoenix.agents
PREDATOR_DRONE, DRONE_AIRCRAFT [~MIL]).

:func:`armed_act_force` is shared with the events stage: it says whether an act noun names armed force by a state's
military, from the noun itself ("airstrikes", "shelling") or a force word qualifying it ("military", "army",
"Predator", "drone").
"""

from __future__ import annotations

from typing import Any

from ....model import Span
from ....textutil import SpanIndex
from .base import Found, country_at

__all__ = ["ARMED_ACT_NOUNS", "FORCE_WORDS", "MILITARY_ACTS", "armed_act_force", "find_armed_acts"]

#: Nouns of armed acts that a force word can qualify ("military operations", "army attacks", "drone strikes").
ARMED_ACT_NOUNS = frozenset({
    "airstrike", "airstrikes", "strike", "strikes", "raid", "raids", "attack", "attacks", "bombardment",
    "bombardments", "shelling", "bombing", "bombings", "offensive", "offensives", "operation", "operations",
    "incursion", "incursions", "assault", "assaults", "barrage", "barrages", "sortie", "sorties", "fire",
})
#: Acts that are a military's by themselves: with a country word alone they are its military's ("Israeli
#: airstrikes", "Russian shelling"); "air" or "drone" before "strikes"/"raids" makes them so ("Turkish air raids").
MILITARY_ACTS = frozenset({"airstrike", "airstrikes", "bombardment", "bombardments", "shelling", "sortie", "sorties"})
#: Words before an act noun that name the force doing it: the state's military.
FORCE_WORDS = frozenset({"military", "army", "navy", "naval", "predator", "reaper", "drone", "drones", "warplane",
                         "warplanes", "air", "artillery", "missile", "tank"})


def _force_words(tok: Any) -> list[Any]:
    """The force words qualifying the act noun ``tok`` ("military" in "U.S. military airstrikes")."""
    return [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
            and c.lower_ in FORCE_WORDS]


def armed_act_force(tok: Any) -> str | None:
    """``"MIL"`` when the noun ``tok`` names armed force by a state's military ("airstrikes", "shelling",
    "military operations", "Predator attacks", "air raids"), else ``None`` ("attacks", "a strike by workers")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in ARMED_ACT_NOUNS:
        return None
    if tok.lower_ in MILITARY_ACTS or _force_words(tok):
        return "MIL"
    return None


def find_armed_acts(sdoc: Any, taken: list[Span]) -> list[Found]:
    """The military of the state a country word names before an armed act noun: "U.S. military airstrikes" ->
    "U.S. military" USAMIL (span: the country word to the act noun, excluded), "Israeli airstrikes" -> "Israeli"
    ISRMIL, "Syrian government airstrikes" -> "Syrian government" SYRMIL (the military carries them out).
    Offsets are characters into the text the parse was made from.

    Not read: a country word with "-led"/"-backed" ("US-led coalition airstrikes": the coalition's), one before
    "anti"/"pro", or an act noun with no force ("Kenyan attacks": whose attacks the country word does not say).
    """
    out: list[Found] = []
    taken_index = SpanIndex(taken)
    for tok in sdoc:
        if armed_act_force(tok) is None:
            continue
        begin = tok.left_edge.i
        while begin < tok.i and sdoc[begin].pos_ in ("DET", "ADJ", "NUM") and sdoc[begin].lower_ not in FORCE_WORDS \
                and country_at(sdoc, begin) is None:
            begin += 1  # "the", "recent", "fresh": before the country word
        cw = country_at(sdoc, begin) if begin < tok.i else None
        if cw is None or cw[1] > tok.i or sdoc[cw[1]].text in ("-", "‐") or sdoc[cw[1]].tag_ == "POS":
            continue  # no country word opening the phrase, "US-led", "Saudi-backed"; "Israel's" (an owner)
        if begin > 0 and sdoc[begin - 1].text in ("-", "‐"):
            continue  # "anti-Israeli", "pro-Russian"
        between = sdoc[cw[1] : tok.i]
        if any(not (t.is_lower or t.lower_ in FORCE_WORDS) for t in between):
            continue  # another name between: "US Predator" is a force word; "U.S. Marine Corps" is not read here
        end_tok = sdoc[tok.i - 1]  # the words between are the force's ("U.S. military", "Syrian government")
        span = Span(sdoc[begin].idx, end_tok.idx + len(end_tok))
        if taken_index.overlaps(span):
            continue
        iso = cw[0]
        words = sdoc[begin : cw[1]].text
        out.append(Found(span=span, label="GROUP", kind="organization", name=f"{words} military", country=iso,
                         sector="MIL", key=f"unnamed:{iso}:MIL:military:",
                         head=Span(sdoc[begin].idx, sdoc[cw[1] - 1].idx + len(sdoc[cw[1] - 1]))))
    return out
