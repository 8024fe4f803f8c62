"""Phrases over the dependency parse: which actors a token or noun phrase names, and what an object holds.

* ``ActorIndex`` -- actors mentioned at a token (mentions of ``doc.mentions``, offsets characters into
  ``Article.text``), found by bisection;
* ``noun_phrase(tok)`` -- the noun phrase a token heads, coordinated ones included, clauses left out;
* ``owner_of(tok, args)`` -- the first actor inside an object that names none itself ("a camp for Congolese
  refugees").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from ...model import Actor, Doc, Mention, Span
from .place_targets import SKIP_DEPS


class ActorIndex:
    """Actor lookup by token for one document."""

    def __init__(self, doc: Doc, extra: Iterable[tuple[Mention, Actor]] = ()) -> None:
        """``extra``: mentions of actors not (yet) in ``doc`` (role parties tried in empty slots), indexed too."""
        self.doc = doc
        self.by_char: list[tuple[Span, str]] = [(m.span, m.actor_id) for m in doc.mentions if m.actor_id]
        self.kinds = {a.id: a.kind for a in doc.actors}
        for m, a in extra:
            self.by_char.append((m.span, a.id))
            self.kinds[a.id] = a.kind
        # mentions sorted by start, with the running maximum of their ends: a token's mentions are found by
        # bisection in O(log n + hits), not by a scan of the document's mentions (no stage quadratic in length)
        self._order = sorted(range(len(self.by_char)), key=lambda i: self.by_char[i][0].start)
        self._starts = [self.by_char[i][0].start for i in self._order]
        self._reach: list[int] = []
        for i in self._order:
            end = self.by_char[i][0].end
            self._reach.append(max(self._reach[-1], end) if self._reach else end)

    def at(self, tok: Any, *, outlets: bool = False) -> list[str]:
        """Actors mentioned at a token (news outlets only when asked: they are never parties)."""
        idx = tok.idx
        first, last = bisect_right(self._reach, idx), bisect_right(self._starts, idx)
        hits = sorted(self._order[j] for j in range(first, last) if self.by_char[self._order[j]][0].end > idx)
        out: list[str] = []
        for i in hits:
            aid = self.by_char[i][1]
            if aid not in out and (outlets or self.kinds.get(aid) != "outlet"):
                out.append(aid)
        return out

    def in_tokens(self, toks: Iterable[Any], *, outlets: bool = False) -> list[str]:
        out: list[str] = []
        for t in toks:
            for aid in self.at(t, outlets=outlets):
                if aid not in out:
                    out.append(aid)
        return out


_SKIP_DEPS = SKIP_DEPS


def _np_tokens(tok: Any) -> list[Any]:
    """The noun phrase headed by ``tok``: its subtree without clauses hanging off it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in _SKIP_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ not in ("of",):
            continue
        out.extend(_np_tokens(child))
    return out


def noun_phrase(tok: Any) -> list[Any]:
    toks = _np_tokens(tok)
    for child in tok.children:
        if child.dep_ == "conj":
            toks.extend(noun_phrase(child))
    return toks


def _reduced_passive(verb: Any) -> bool:
    """A past participle hung on a noun or verb without auxiliary or subject of its own ("the man arrested
    on Monday", "were reported killed")."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "xcomp", "oprd") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "csubj") for c in verb.children)


_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis"})
_TIMES = frozenset({"TIME", "DATE"})


def owner_of(tok: Any, args: ActorIndex) -> list[str]:
    """The first actor inside an object that names none itself: whose or where the thing acted on is ("a fuel
    store of the Sudanese army", "a military base in Borno", "a bus carrying government employees", "a camp
    for Congolese refugees"); clauses of its own are left out."""
    stack = [c for c in reversed(list(tok.children)) if c.dep_ not in _CLAUSE_DEPS and c.ent_type_ not in _TIMES]
    while stack:
        t = stack.pop()
        found = args.at(t, outlets=True)
        if found:
            return found[:1]
        # (a time and what it holds owns nothing: "a curfew starting at 4pm (1300 GMT)")
        stack.extend(c for c in reversed(list(t.children)) if c.dep_ not in _CLAUSE_DEPS and c.ent_type_ not in _TIMES)
    return []
