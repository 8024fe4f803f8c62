"""One rule for a capital or a town standing where an actor stands, shared by the actors stage (a capital the
text makes a party: ``stages.actors.find.names``) and the events stage (a place an act is aimed at or done in:
``stages.events.place_targets``).

The rule (sectors are CAMEO/PLOVER agent codes; the table is :mod:`communique.knowledge.sectors`):

=======================================================  ==========================================================
the place                                                 the actor
=======================================================  ==========================================================
a town that force, a threat of force or coercion acts    its people, ``ISOCVL`` ("shelled Jericho", "fired rockets at
on (object, passive subject, aimed phrase, or where the   Gao", "a curfew over Kilis": the PLOVER GSR's
act is done)                                              rule for cities under force)
a capital that force acts on as its object or passive     its people, ``ISOCVL`` ("blockaded Paris" FRACVL in the GSR,
subject, or where coercion is done                        "Kyiv was shelled", "imposed a curfew in Bamako")
a capital only aimed at from afar ("at", "on",            its state, ``ISO`` ("fired two artillery shells at Seoul":
"against", "into" it)                                     KOR, as PETRARCH's records and dictionaries code it)
a capital that speaks, is spoken to or dealt with         its government, ``ISOGOV`` ("Ankara said", "urged Moscow")
a place an act goes to or happens in, without force       its state, ``ISO`` ("visited Beijing": as PETRARCH's
                                                          dictionaries code capitals)
what lies near a town ("targets near Hodeidah")           its state: the town itself was not acted on
a town (not a capital) that speaks                        no actor (a town names no government)
=======================================================  ==========================================================

Force is read two ways, one per stage: the actors stage has only the verb (:data:`FORCE_VERBS`, lemmas); the
events stage has the act's CAMEO code (:data:`FORCE_ROOTS`, two-digit roots). Both ask :func:`town_sector`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORCE_ROOTS", "FORCE_VERBS", "force_acts_on", "town_sector"]

#: Verbs of force, siege and disruption (lemmas): a town or capital they act on is its people, not its government
#: ("blockade Paris", "shelled Kyiv", "Kabul was bombed").
FORCE_VERBS = frozenset({"blockade", "besiege", "shell", "bomb", "bombard", "rocket", "strafe", "attack", "strike",
                         "hit", "pound", "raid", "storm", "paralyse", "paralyze", "cripple", "encircle", "surround",
                         "starve", "terrorize", "terrorise", "target", "shut", "overrun", "loot"})

#: CAMEO roots of force, its threat and coercion (threaten, posture, coerce, assault, fight, mass violence): a
#: town or capital they are aimed at or done in stands for the people in it.
FORCE_ROOTS = frozenset({"13", "15", "17", "18", "19", "20"})


def force_acts_on(root: Any) -> bool:
    """Is the token ``root`` (a place name's head, spaCy) what a verb of force acts on: its object ("blockaded
    Paris") or, passive, its subject ("Kyiv was shelled")?"""
    verb = root.head
    return root.dep_ in ("dobj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and (
        verb.lemma_.lower() in FORCE_VERBS or verb.lower_ in FORCE_VERBS)


def town_sector(*, capital: bool, force: bool, party: bool = True, aimed: bool = False) -> str | None:
    """The sector a place stands for: ``"CVL"`` (its people) under ``force``, any town, and a capital unless force is
    only ``aimed`` at it from afar (an "at"/"on"/"against" phrase: the state); ``"GOV"`` for a capital that is a
    ``party`` (speaks, is spoken to or dealt with) without force; ``None`` otherwise (the state itself where the
    place is only where an act goes or happens or is aimed, or no actor for a town that speaks)."""
    if force and not (capital and aimed):
        return "CVL"
    if force:
        return None
    return "GOV" if capital and party else None
