"""Whom a ban or a rejection of an act is aimed at: whoever did the act ("banned the protests by the opposition",
"Opposition rallies were banned by the interior ministry", "rejected the nurses' strike").

Actors are ids of ``doc.actors`` (and of role parties tried in empty slots); offsets are characters into
``Article.text``.
"""

from __future__ import annotations

from typing import Any

from ..phrases import ActorIndex, noun_phrase
from .nominal import event_doer

#: CAMEO roots of refusing (12) and of repressing (17: bans, curbs, crackdowns): the act they name is another's.
SUPPRESSING_ROOTS = frozenset({"12", "17"})


def suppressed_doers(verb: Any, args: ActorIndex, src: list[str], *, passive: bool) -> list[str]:
    """Whoever did the act (or made the thing) the verb bans or rejects, named as the verb's object (its passive
    subject for a passive): the act's own doer (its by-phrase, possessor or of-phrase), else, for an active verb,
    a by-phrase the parser hung on the verb after the object ("banned the rally by the opposition"), else a word
    before the noun that is a party ("opposition rallies"). ``[]`` when the object is no noun or names no doer;
    ``src`` is never returned."""
    acts = [c for c in verb.children if c.dep_ in (("nsubjpass",) if passive else ("dobj", "obj")) and c.pos_ == "NOUN"]
    out: list[str] = []
    for act in acts:
        doer = event_doer(act, args)
        if not doer and not passive:
            doer = args.in_tokens(t for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > act.i
                                  for p in c.children if p.dep_ == "pobj" for t in noun_phrase(p))
        if not doer:
            doer = args.in_tokens(t for c in act.children if c.dep_ in ("compound", "poss") and c.i < act.i
                                  for t in c.subtree)
        out += [a for a in doer if a not in src]
    return list(dict.fromkeys(out))
