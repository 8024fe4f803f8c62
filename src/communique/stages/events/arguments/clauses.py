"""Targets a verb reaches through its clauses: the recipient of a transfer however deep its to-phrase hangs, the
target of the act a to-clause announces, whoever an until/unless clause waits for; coordinated subjects; the
country word of a passive's agent.

Actors are ids of ``doc.actors``; offsets are characters into ``Article.text``.
"""

from __future__ import annotations

from typing import Any

from ....knowledge.countries import resolve_country
from ....model import Span
from ..phrases import ActorIndex, _np_tokens, noun_phrase
from ..sources import subject_token
from .objects import _objects

# verbs that hand something over to a recipient: "returned the statues to Benin", "handed the suspects to Egypt"
TRANSFER_VERBS = frozenset({"return", "hand", "give", "deliver", "transfer", "send", "extradite", "repatriate",
                            "donate", "supply", "provide", "ship", "lend", "restore", "surrender", "turn"})


NOT_RECIPIENT_HEADS = frozenset({"according", "due", "thanks", "next", "close", "prior", "owing", "contrary",
                                 "addition", "date", "back", "up", "ahead"})


def _second(prep: Any, head: Any) -> bool:
    """Does ``head`` hold another to-phrase before the to-phrase ``prep`` (so that ``prep`` is not its own)?"""
    return any(x.dep_ == "prep" and x.lower_ in ("to", "into") and x.i < prep.i for x in head.subtree if x.i != prep.i)


def _recipient_phrases(verb: Any) -> list[Any]:
    """The to-phrases (prepositions) anywhere under a transfer verb that say where what is handed over goes
    ("returned an 18th-century manuscript, missing since 1943, to Italy"), in text order: not inside a clause with
    a subject of its own, unless that clause's verb already took a to-phrase of its own before it (a verb takes one:
    "returned statues that date back to the 9th century to Cambodia" sends them to Cambodia)."""
    out: list[Any] = []
    for t in verb.subtree:
        if t.dep_ != "prep" or t.lower_ not in ("to", "into") or t.i < verb.i:
            continue
        if t.head.lower_ in NOT_RECIPIENT_HEADS and not _second(t, t.head):
            continue  # "according to US officials", "due to the storm", "date back to the 9th century"
        up, own = t.head, False
        while up.i != verb.i and up.head.i != up.i:
            if up.pos_ in ("VERB", "AUX"):  # "to support Malawi in its fight against cholera": another act's
                own = not _second(t, up)
                break
            up = up.head
        if not own:
            out.append(t)
    return out


def _recipient(verb: Any, args: ActorIndex, src: list[str]) -> list[str]:
    """Actors of the last to-phrase under a transfer verb that names one (``_recipient_phrases``); ``[]`` when
    none does."""
    best: list[str] = []
    for t in _recipient_phrases(verb):
        found = [a for a in args.in_tokens((x for p in t.children for x in noun_phrase(p)), outlets=True)
                 if a not in src]
        if found:
            best = found
    return best


# roots of acts on what someone holds: returns and releases (08), cuts (16), seizures (17), force (18-20)
HELD_ROOTS = frozenset({"08", "16", "17", "18", "19", "20"})


def _taken_from(verb: Any, args: ActorIndex, src: list[str]) -> list[str]:
    """Actors of the from-phrase of a verb acting on something, whose it was: "seized weapons from the rebels",
    "freed the jailed organisers from the opposition party", "the town was recaptured from the militants" (the
    parser hangs the phrase on the verb); ``[]`` when the verb has no object or the phrase names no actor."""
    if not any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in verb.children):
        return []
    return [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
            for a in args.in_tokens(t for p in c.children for t in noun_phrase(p)) if a not in src]


# verbs whose clause names who is let or helped: "allowed aid workers to enter", "let inspectors visit"
LETTING_VERBS = frozenset({"allow", "let", "permit", "enable", "help", "invite", "authorize", "authorise"})


def _purpose_targets(tok: Any, args: ActorIndex, src: list[str], depth: int = 3, *, topics: bool = True) -> list[str]:
    """The target of the act a verb announces, agrees to or serves, down a chain of to-clauses: "agreed to
    allow access of UN aid workers", "proposed sending soldiers to aid the Nigerian army", "agreed to let
    inspectors visit" (the one let or helped)."""
    level = [tok]
    for _ in range(depth):
        nxt = [x for v in level for x in v.children if x.pos_ in ("VERB", "AUX") and (
            x.dep_ == "xcomp" or (x.dep_ in ("advcl", "ccomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in x.children)))]
        for v in nxt:
            found = [t for t in _objects(v, args, owners=topics, topics=topics) if t not in src]
            if not found and v.lemma_.lower() in LETTING_VERBS:
                found = [t for c in v.children if c.dep_ in ("ccomp", "xcomp")
                         for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                         for t in args.in_tokens(noun_phrase(s)) if t not in src]
            if found:
                return found
        level = nxt
    return []


# marks of a clause that an act waits for: "won't ease the sanctions until Venezuela holds elections"
AWAITING_MARKS = frozenset({"until", "unless", "till"})


def _awaited(verb: Any, args: ActorIndex, src: list[str]) -> list[str]:
    """The actors whose act ``verb`` waits for: the subject of its until/unless clause, or, when that subject is the
    source itself ("until she is sure Laos is making every effort"), the subject of the clause it completes;
    ``[]`` when there is none."""
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        if not any(m.dep_ in ("mark", "advmod") and m.lower_ in AWAITING_MARKS for m in clause.children):
            continue
        for holder in (clause, *(c for c in clause.children if c.dep_ in ("ccomp", "xcomp"))):
            found = [a for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")
                     for a in args.in_tokens(noun_phrase(c)) if a not in src]
            if found:
                return found
    return []


# codes besides the symmetric ones whose coordinated subjects act with each other: diplomatic cooperation
COORDINATED_MUTUAL = frozenset({"050"})


def _coordinated(tok: Any) -> bool:
    """Is the subject of ``tok`` several parties joined by "and" or "along with" ("Trump and Putin", "UK and EU
    negotiators", "France, together with Germany")?"""
    subj = subject_token(tok)
    if subj is None:
        return False
    return any(t.dep_ == "conj" for t in noun_phrase(subj)) or any(
        c.dep_ == "prep" and (c.lower_ in ("along", "together", "alongside") or any(
            a.dep_ == "advmod" and a.lower_ in ("along", "together") for a in c.children))
        for h in (subj, tok) for c in h.children)


# verbs that get what another gives: their from-phrase does the act coded at them
RECEIVED_ACTS = frozenset({"receive", "obtain", "get", "secure", "win", "gain", "collect"})


def _agent_country(verb: Any) -> tuple[str, Span] | None:
    """The country word of a passive's agent that names no actor ("by Russian missiles", "by Turkish drones"),
    with its offsets (characters into the text); ``None`` when there is none."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for p in (x for x in agent.children if x.dep_ == "pobj"):
            for t in _np_tokens(p):
                if t.dep_ in ("amod", "compound", "nmod", "poss") and t.text[:1].isupper() and (
                        iso := resolve_country(t.text)):
                    return iso, Span(t.idx, t.idx + len(t))
    return None
