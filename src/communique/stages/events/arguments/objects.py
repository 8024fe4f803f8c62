"""Targets of a verb: its object and its aimed phrases (``with``/``to``/``against``/``on`` ...), and the word lists
that tell a party from a topic ("discussed the bombing") or a thing made ("set up an institute").

Shared by the verbal and the nominal argument finders; actors are ids of ``doc.actors``.
"""

from __future__ import annotations

from typing import Any

from ....knowledge.countries import resolve_country
from ....model import Span
from ..modality import summoning
from ..phrases import ActorIndex, _np_tokens, noun_phrase, owner_of
from ..triggers import match_trigger

TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "upon")


TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate", "consider", "review", "address", "raise"})
# ... of which those whose object act is only talked about, not done by the talkers ("discussed the bombing")
TALKED_ABOUT = TOPIC_VERBS - {"negotiate", "consider"}


# prepositions that aim an act at its target ("sanctions on", "fired at", "a campaign against")
AIMED_AT = frozenset({"on", "against", "at", "upon", "toward", "towards"})


def _object_country(verb: Any, *, passive: bool = False) -> tuple[str, Span] | None:
    """A country word modifying the verb's object ("an Indian proposal", "Serbia's suppression"), the object
    coordinated verbs share ("arrested and charged two Nigerian traders") or, for a passive, its subject ("a
    Chinese fishing boat was seized")."""
    deps = ("nsubjpass",) if passive else ("dobj", "obj")
    children = list(verb.children)
    if not passive and not any(c.dep_ in deps for c in children):
        children += [c for conj in verb.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
                     and not any(x.dep_ in ("nsubj", "nsubjpass") for x in conj.children)
                     for c in conj.children if c.dep_ in deps]
    if not passive:
        # "imposed sanctions on three Iranian organizations", "fired at Palestinian demonstrators": a country word
        # in the aimed phrase of the verb or of its object
        aimed = [p for h in (verb, *(c for c in children if c.dep_ in deps)) for c in h.children
                 if c.dep_ == "prep" and c.lower_ in AIMED_AT for p in c.children if p.dep_ == "pobj"]
        children += aimed
        deps = (*deps, "pobj")
    for child in children:
        if child.dep_ not in deps:
            continue
        for t in _np_tokens(child):
            if t.i != child.i and t.dep_ in ("amod", "poss", "compound", "nmod") and t.text[:1].isupper():
                iso = resolve_country(t.text)
                if iso:
                    return iso, Span(t.idx, t.idx + len(t))
    return None


# prepositions under a verb's object noun that name the event's target: "filed a lawsuit against X", "opened an
# investigation into X", "issued a warrant for X", "held a meeting with X"
OBJECT_NOUN_PREPS = ("with", "by", "of", "to", "on", "against", "into", "for", "at", "toward", "towards", "from",
                     "between")


CREATION_VERBS = frozenset({"establish", "build", "create", "found", "construct", "form", "inaugurate", "erect",
                            "install"})


# prepositions under an object that name what a mutual act is about, never a party to it: "Turkey and Iraq signed a
# memorandum on the Tigris", "the two chambers' negotiators struck a deal on the farm bill"
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})


def _objects(tok: Any, args: ActorIndex, *, owners: bool = True, topics: bool = True) -> list[str]:
    """Targets of a verb: its object and with/to/against phrases (what is discussed is a topic, not a party).
    A news outlet is a party when it is acted on ("sued the newspaper"), though never as a reporter.  With
    ``topics`` false, what the object's on/about/over phrase names is a topic, not a target."""
    out: list[str] = []
    topic = tok.lemma_.lower() in TOPIC_VERBS
    children = list(tok.children)
    if not any(c.dep_ in ("dobj", "obj") for c in children):
        # "shelled and captured the village": the last of coordinated verbs holds their shared object
        children += [c for conj in tok.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
                     and not any(x.dep_ in ("nsubj", "nsubjpass") for x in conj.children)
                     for c in conj.children if c.dep_ in ("dobj", "obj")]
    # "agreed to set up a research institute in Barcelona": what is made did not exist before, no party to it
    made = tok.lemma_.lower() in CREATION_VERBS or (
        tok.lemma_.lower() == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in children))
    for child in children:
        if child.dep_ in ("dobj", "obj", "dative", "attr", "oprd") and not topic:
            found = [] if made and child.dep_ in ("dobj", "obj") else args.in_tokens(noun_phrase(child), outlets=True)
            # "described the discussions with Evkurov" / "welcomed the decision of X"
            for grand in child.children:
                # (what is made names no party in its own phrases but whom it is for or with: "set up an institute
                # against leukaemia", "established ties with Liberia")
                if grand.dep_ == "prep" and grand.lower_ in OBJECT_NOUN_PREPS and (
                        not made or grand.lower_ in ("for", "with")) and (topics or grand.lower_ not in TOPIC_PREPS):
                    found += args.in_tokens((t for p in grand.children for t in noun_phrase(p)), outlets=True)
            if not found and owners and not made and child.pos_ == "NOUN" and child.dep_ in ("dobj", "obj"):
                # "shelled a fuel store of the Sudanese army", "criticised the ruling party's plan": the owner
                found = owner_of(child, args)
            out += found
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            found = args.in_tokens((t for p in child.children for t in noun_phrase(p)), outlets=True)
            if not found:
                # "responded to a request from Haaretz", "agreed to a proposal by Egypt": whose the thing is
                found = args.in_tokens((t for p in child.children for g in p.children if g.dep_ in ("prep", "agent")
                                        and g.lower_ in ("from", "by") for q in g.children for t in noun_phrase(q)),
                                       outlets=True)
            out += found
        elif child.dep_ == "prep" and child.lower_ == "in" and child.i == tok.i + 1 and summoning(tok):
            # "called in the Chinese ambassador": the parser makes the particle a preposition; the one summoned
            out += args.in_tokens(t for p in child.children if p.dep_ == "pobj" for t in noun_phrase(p))
    return list(dict.fromkeys(out))


# roots of verbs that judge an act named as their object, done by someone else: "condemned the sanctions",
# "called the blockade illegal", "praised the ceasefire" (the judge imposed no sanctions)
JUDGED_ROOTS = frozenset({"11", "12"})


def _judges(verb: Any) -> bool:
    trig = match_trigger(verb)
    return trig is not None and (trig.cameo[:2] in JUDGED_ROOTS | PROTESTING_ROOTS or trig.cameo == "051")


# roots of verbs acting against what their object names: "banned the rallies", "rejected the proposal", "dispersed
# the protest" (the banner held no rally)
ACTED_AGAINST_ROOTS = frozenset({"12", "17"})


def acts_against(verb: Any) -> bool:
    """Does ``verb`` judge, refuse or suppress the act its object names (``_judges``, or a row of
    :data:`ACTED_AGAINST_ROOTS` that is no light verb coding its object: "staged a protest" is the protest)?"""
    if _judges(verb):
        return True
    trig = match_trigger(verb)
    return trig is not None and trig.cameo[:2] in ACTED_AGAINST_ROOTS and not (trig.condition or "").startswith("obj:")


# roots of protests: what is protested ("protested the arrests", "to protest the incursion") is another's act
PROTESTING_ROOTS = frozenset({"14"})
