"""Arguments of acts of force named by a noun ("airstrikes", "a car bomb", "a roadside bombing"): who did them
when only a country word or the place names a doer, and whom they harmed.

* ``force_doer_word(noun)`` -- the country word before a force noun ("Israeli airstrikes", "U.S. military
  airstrikes", "a Saudi-led strike"): that state's armed forces (``ISOMIL``) did it;
* ``victims(noun, args)`` -- whom the act harmed: the object of the verb it is the subject of ("a roadside bomb
  killed three Kenyan soldiers") or the subject of the passive verb whose in- or by-phrase it is ("two Turkish
  police officers were killed in a car bombing");
* ``attack_place(doc, noun)`` -- where an act no one is named doing was done ("a car bombing in Diyarbakir", "a
  roadside bomb near Samarra killed ..."): the country the PLOVER GSR's coders credit it to (its readme: actor
  codes inferred from the location), as ``located_source`` already does for "a suicide bombing in Kabul killed".

Actors are ids of ``doc.actors``; offsets are characters into ``Article.text``.
"""

from __future__ import annotations

from typing import Any

from ...knowledge.countries import resolve_country
from ...model import Doc, Span
from .phrases import ActorIndex, noun_phrase
from .place_targets import _place_at

#: CAMEO roots of force named by a noun: assault (18), fight (19), mass violence (20).
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: Verbs by which an act of force harms someone: "a car bomb killed two soldiers", "were wounded in a blast".
HARMING = frozenset({"kill", "wound", "injure", "hurt", "maim", "hit", "destroy", "damage", "target", "strike",
                     "claim", "leave", "kidnap", "abduct", "murder", "assassinate"})
#: Verbs by which an act of force happens somewhere: "a bomb exploded in a market in Mosul".
HAPPENING = frozenset({"explode", "detonate", "go", "occur", "happen", "rock", "tear"})
#: Prepositions of where an act was done: "a bombing in Kabul", "a roadside bomb near Samarra".
WHERE_PREPS = frozenset({"in", "near", "outside", "around", "at", "inside", "on", "off"})
#: Words after a country word and a hyphen that still make the country the doer: "a Saudi-led strike".
DOER_HYPHENED = frozenset({"led"})


def is_force_noun(tok: Any, code: str) -> bool:
    """Is ``tok``, coded ``code`` (CAMEO), an act of force named by a noun ("airstrikes", "a car bomb")?"""
    return tok.pos_ == "NOUN" and code[:2] in FORCE_ROOTS


def done_by_itself(noun: Any) -> bool:
    """Is the force noun told as an act of its own: a clause's subject ("Israeli airstrikes killed five people"),
    the root, or how someone was harmed ("were killed in a car bombing")? Not when it is what another act is about
    or acts on ("complained about two Israeli air raids", "condemned the bombing in Kabul", "launched airstrikes":
    those verbs' own arguments say who did it)."""
    return noun.dep_ in ("nsubj", "nsubjpass", "ROOT") or _harming_verb(noun) is not None


def force_doer_word(noun: Any) -> tuple[str, Span] | None:
    """The country (ISO3) and offsets of the country word before a force noun that says whose forces did it
    ("Israeli airstrikes", "U.S. military airstrikes", "a Saudi-led strike", "South Korean artillery fire");
    ``None`` when no country word stands before it, or the word says who backed it, not who did it ("US-backed").
    The word must be in the noun's own phrase, before it."""
    words = [t for t in noun.subtree if t.i < noun.i and _modifies(t, noun)]
    doc = noun.doc
    for t in words:
        if not t.text[:1].isupper():
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.text == "-" and t.i + 2 < len(doc) and doc[t.i + 2].lower_ not in DOER_HYPHENED:
            continue  # "US-backed": who backed it
        if nxt is not None and nxt.text[:1].isupper() and nxt.i < noun.i and (
                iso := resolve_country(f"{t.text} {nxt.text}")) is not None:
            return iso, Span(t.idx, nxt.idx + len(nxt))  # "South Korean artillery fire"
        if (iso := resolve_country(t.text)) is not None:
            return iso, Span(t.idx, t.idx + len(t))
    return None


#: Dependencies of a word's path to the noun it is part of the name of ("U.S." in "U.S. military airstrikes").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "advmod", "punct", "poss"})


def _modifies(t: Any, noun: Any) -> bool:
    """Is ``t`` in the modifiers before ``noun``, not in a phrase or clause of its own?"""
    while t.i != noun.i:
        if t.dep_ not in MODIFIER_DEPS or t.head.i == t.i:
            return False
        t = t.head
    return True


def _harming_verb(noun: Any) -> tuple[Any, bool] | None:
    """The verb by which the force noun harms someone, and whether the noun is that verb's subject (active) or
    its in-/by-phrase (passive); ``None`` otherwise."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in HARMING:
        return head, True
    if noun.dep_ == "pobj" and head.lower_ in ("in", "by") and head.dep_ in ("prep", "agent") and \
            head.head.pos_ == "VERB" and head.head.lemma_.lower() in HARMING:
        return head.head, False
    return None


def victims(noun: Any, args: ActorIndex) -> list[str]:
    """Whom an act of force named by ``noun`` harmed: the object of the verb it is the subject of ("a roadside
    bomb killed three Kenyan soldiers"), also of that verb's coordinated verbs ("killed one soldier and wounded two
    others"), or the subject of the passive verb whose in- or by-phrase it is ("three Iraqi civilians were killed in
    a car bombing", "were wounded by a roadside bomb"); ``[]`` when it names none."""
    found = _harming_verb(noun)
    if found is None:
        return []
    verb, active = found
    deps = ("dobj", "obj") if active else ("nsubjpass",)
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")] if active else [verb]
    return args.in_tokens(t for v in verbs for c in v.children if c.dep_ in deps for t in noun_phrase(c))


def attack_place(doc: Doc, noun: Any) -> tuple[str, Span] | None:
    """Country (ISO3) and offsets of where the act of force named by ``noun`` was done: its own in-/near-phrase
    ("a car bombing in Diyarbakir"), or that of the verb by which it harmed someone ("a roadside bomb killed three
    soldiers near Samarra"); ``None`` when no place with a country is named there."""
    holders = [noun]
    found = _harming_verb(noun)
    if found is not None:
        holders.append(found[0])
    elif noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in HAPPENING:
        holders.append(noun.head)  # "a car bomb exploded in a market in Mosul"
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in WHERE_PREPS):
            # "outside of the Libyan port of Misrata": the of-phrase of a two-word preposition
            heads = [p for p in prep.children if p.dep_ == "pobj"] + [
                p for c in prep.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                if p.dep_ == "pobj"]
            for x in (x for h in heads for x in noun_phrase(h)):
                if (place := _place_at(doc, x)) is not None:
                    return place
    return None
