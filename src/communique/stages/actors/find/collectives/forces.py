"""State forces and their craft: weapon nouns that act ("Israeli drones struck") or are used ("launched forty
drones"), forces a verb of deployment moves (the subject's own), craft in civil use, and the modifiers that say a
collective's sector ("rebel fighters")."""

from __future__ import annotations

from typing import Any

#: Weapons and craft: the actor when they act ("Israeli drones struck"), the instrument when launched or fired.
WEAPON_NOUNS = frozenset({"jets", "warplanes", "drones", "aircraft", "helicopters", "gunships", "warships", "gunboats",
                          "artillery", "destroyers", "frigates", "submarines", "planes", "tanks", "bombers"})


#: Verbs whose object is the subject's own forces when the forces have no country of their own.
DEPLOY_VERBS = frozenset({"send", "deploy", "mobilize", "mobilise", "dispatch", "withdraw", "station", "pull",
                          "mass", "amass", "move", "redeploy", "reinforce", "commit"})


def _own_forces(tok: Any) -> bool:
    """Bare forces ("troops", no country word, possessive or determiner naming another) that a verb of
    deployment takes as object: the subject's own ("Israel mobilized troops for an assault")."""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ != "dobj" or t.head.lemma_.lower() not in DEPLOY_VERBS:
        return False
    return not any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in tok.children)


def _as_instrument(tok: Any) -> bool:
    """A weapon noun that is what a verb launches, fires or uses: the direct object ("launched forty drones"),
    joined to one ("drones and missiles"), or a "with" phrase ("attacked the town with drones")."""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ == "dobj":
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "with"


#: Modifiers that say the sector of any collective they qualify ("rebel fighters" REB, "opposition activists").
_SECTOR_MODIFIERS = frozenset({"rebel", "insurgent", "militant", "opposition", "separatist", "government",
                               "military", "police", "army", "security"})


#: Craft that are civilians' when a civil use qualifies them ("fishing boats", "cargo ships"); else state craft.
_CRAFT = frozenset({"ships", "boats", "vessels", "planes", "aircraft"})
_CIVIL_USES = frozenset({"fishing", "cargo", "merchant", "commercial", "civilian", "passenger", "grain", "trawler"})

#: Words before "tanks" that make them no armour ("oil tanks", "think tanks").
_NOT_ARMOUR = frozenset({"think", "oil", "fuel", "water", "storage", "gas", "septic", "fish", "petrol"})


#: Sailors and seamen are a state's navy unless their phrase puts them on a civil craft ("Filipino sailors aboard a
#: cargo ship", "seamen of a fishing boat", "merchant sailors"): then civilians.
CIVIL_CREWS = frozenset({"sailors", "seamen"})
_CIVIL_CRAFT_WORDS = _CIVIL_USES | {"tanker", "freighter", "trawler", "container", "ferry", "yacht", "bulk"}


def civil_crew(tok: Any, modifiers: list[str]) -> bool:
    """Are the sailors at ``tok`` a civil craft's crew: a civil use among the words before the noun, or in its
    "aboard/on/of/from" phrase?"""
    if _CIVIL_CRAFT_WORDS & set(modifiers):
        return True
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("aboard", "on", "of", "from", "onboard"):
            if any(t.lower_ in _CIVIL_CRAFT_WORDS for t in prep.subtree):
                return True
    return False
