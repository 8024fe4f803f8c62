"""Report-level status of an event: what the article's sources say about whether it happened.

There is one status resolver, the event coder's :func:`communique.stages.events.modality.resolve_status`
(``own`` mood, ``stated`` status, ``anonymous_only``).  This module only works out its two report-level
inputs from what the provenance stage gathers, :func:`stated_status`, and :func:`resolve_status` feeds them
to it.  The inputs gathered:

* ``modality``: the event's own mood as the event coder found it, ``"planned"``, ``"hypothetical"`` or None;
* ``statements``: what the article says about the event, in text order (:class:`StatusStatement`):
  ``confirm``, ``deny``, ``not_confirmed`` ("has yet to confirm", "declined to confirm", "unconfirmed"),
  ``retract`` ("did not deny"), each with the attribution of who says so;
* ``attributions``: the event's sources (the chain or speakers reaching it).

``stated``, first that applies:

1. the last ``deny`` or ``confirm`` statement decides (a later confirmation overrides an earlier denial and
   the other way round): ``denied`` or ``confirmed``;
2. two or more independent named sources (distinct actors, not anonymous, outlets relaying them not counted
   twice) give ``confirmed``;
3. a ``not_confirmed`` statement gives ``unconfirmed``;
4. otherwise None (nothing stated).

``anonymous_only``: the event has sources other than outlets and every one of them is anonymous (one
anonymous chain).  The resolver then keeps a plan or a hypothesis as it is (``denied`` when denied), takes
``stated`` when there is one, else ``unconfirmed`` for anonymous-only sources and ``reported`` otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ...model import Actor, Attribution, Event, Span
from ..events.modality import resolve_status as _resolve

StatementKind = Literal["confirm", "deny", "not_confirmed", "retract"]


@dataclass(slots=True)
class StatusStatement:
    """One statement about an event's truth: "the ministry denied reports that ..." (kind ``deny``)."""

    kind: StatementKind
    cue: Span  # the verb or adjective: "denied", "confirmed", "unconfirmed"
    by: Attribution | None = None  # who makes it (None when the article says it in its own voice)


def named_sources(attributions: Sequence[Attribution]) -> set[str]:
    """The distinct named (non-anonymous) sources of one chain (actor id, else the source's words); an outlet
    that only relays a source it cites (``cites`` indexes this chain) is not counted beside it, nor is a document
    without an owner ("a report": it names nobody)."""
    named: set[str] = set()
    relays = {a.cites for a in attributions if a.cites is not None}
    for i, a in enumerate(attributions):
        if a.anonymous:
            continue
        if a.kind == "outlet" and i in relays:
            continue
        if a.kind == "document" and a.actor_id is None:
            continue
        named.add(a.actor_id or a.source.lower())
    return named


def independent_sources(attributions: Sequence[Attribution]) -> int:
    """How many distinct named (non-anonymous) sources report the event (:func:`named_sources`)."""
    return len(named_sources(attributions))


def stated_status(statements: Sequence[StatusStatement], attributions: Sequence[Attribution], *,
                  also: Sequence[Sequence[Attribution]] = ()) -> tuple[str | None, bool]:
    """``(stated, anonymous_only)`` for the resolver, by the rules of the module docstring; ``also`` are the
    chains of other tellings of the same event (:func:`restatements`), whose named sources count too."""
    chains = [attributions, *also]
    sources = [a for c in chains for a in c if a.kind != "outlet"]
    anonymous_only = bool(sources) and all(a.anonymous for a in sources)
    decisive = [s for s in statements if s.kind in ("confirm", "deny")]
    if decisive:
        return ("confirmed" if decisive[-1].kind == "confirm" else "denied"), anonymous_only
    if len(set().union(*(named_sources(c) for c in chains))) >= 2:
        return "confirmed", anonymous_only
    if any(s.kind == "not_confirmed" for s in statements):
        return "unconfirmed", anonymous_only
    return None, anonymous_only


def resolve_status(*, modality: str | None, statements: Sequence[StatusStatement],
                   attributions: Sequence[Attribution], also: Sequence[Sequence[Attribution]] = ()) -> str:
    """The event's status (one of :data:`communique.model.STATUSES`): the event coder's one resolver,
    :func:`communique.stages.events.modality.resolve_status`, given the event's own ``modality`` and what
    :func:`stated_status` finds in the report."""
    stated, anonymous_only = stated_status(statements, attributions, also=also)
    return _resolve(modality, stated, anonymous_only=anonymous_only)


def _participants(ids: Sequence[str], actors: dict[str, Actor]) -> set[str]:
    out: set[str] = set()
    for aid in ids:
        out.add(aid)
        a = actors.get(aid)
        if a is not None and a.country:
            out.add(a.country)
    return out


def _compatible(a: set[str], b: set[str]) -> bool | None:
    """True when both sides name participants and share one, False when both name some and share none, None
    when one side names nobody."""
    if not a or not b:
        return None
    return bool(a & b)


def restatements(events: Sequence[Event], actors: Sequence[Actor], text: str = "") -> list[list[int]]:
    """Groups of events (indexes into ``events``) that are one event told again in another sentence: "Iran
    seized a tanker ..., a security firm said. Iran's Revolutionary Guards confirmed that they had seized the
    vessel."  Two tellings are one event when they have the same CAMEO code, lie in different sentences, their
    sources (or targets) share an actor or a country (:attr:`Actor.country`) on every side both of them name,
    at least one side is shared, and their dates do not differ (two dates the text states; either may be
    unstated); or, when no side is named by both, the same trigger word (in ``text``, the document's) at most
    two sentences apart ("Ugandan troops shelled rebel camps ... The Ugandan military also said its forces had
    shelled the camps").  Each telling keeps its own record; the status rules then read the statements and
    sources of the whole group."""
    by_id = {a.id: a for a in actors}
    by_code: dict[str, list[int]] = {}
    for k, ev in enumerate(events):
        if ev.cameo:
            by_code.setdefault(ev.cameo, []).append(k)
    parent = list(range(len(events)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ks in by_code.values():
        for x, i in enumerate(ks):
            a = events[i]
            for j in ks[x + 1 :]:
                b = events[j]
                if a.evidence.sentence == b.evidence.sentence:
                    continue
                if a.date is not None and b.date is not None and a.date.evidence is not None and \
                        b.date.evidence is not None and a.date.value != b.date.value:
                    continue  # two dates the text states, and they differ
                sides = [_compatible(_participants(a.source, by_id), _participants(b.source, by_id)),
                         _compatible(_participants(a.target, by_id), _participants(b.target, by_id))]
                if False in sides:
                    continue
                if True in sides or (text and abs(a.evidence.sentence - b.evidence.sentence) <= 2 and
                                     a.trigger.text(text).lower() == b.trigger.text(text).lower()):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for k in range(len(events)):
        groups.setdefault(find(k), []).append(k)
    return [g for g in groups.values() if len(g) > 1]
