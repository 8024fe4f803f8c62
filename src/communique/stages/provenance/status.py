"""Report-level status of an event: what the article's sources say about whether it happened.

The resolver is one pure function, :func:`resolve_status`, shared with the event coder's modality rules
(``stages/events/modality.py`` sets the event's own mood: negation, conditionals, plans).  Its inputs:

* ``modality``: the event's own mood as the event coder found it, ``"planned"``, ``"hypothetical"`` or None;
* ``statements``: what the article says about the event, in text order (:class:`StatusStatement`):
  ``confirm``, ``deny``, ``not_confirmed`` ("has yet to confirm", "declined to confirm", "unconfirmed"),
  ``retract`` ("did not deny"), each with the attribution of who says so;
* ``attributions``: who reports the event (the chain or speakers reaching it).

Rules, first that applies:

1. a planned or hypothetical event keeps its mood (a plan is not confirmed by a report of the plan);
2. the last ``deny`` or ``confirm`` statement decides (a later confirmation overrides an earlier denial and
   the other way round): ``denied`` or ``confirmed``;
3. two or more independent named sources (distinct actors, not anonymous, outlets relaying them not counted
   twice) give ``confirmed``;
4. a ``not_confirmed`` statement gives ``unconfirmed``;
5. sources that are all anonymous (one anonymous chain) give ``unconfirmed``;
6. otherwise ``reported``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ...model import Attribution, Span

StatementKind = Literal["confirm", "deny", "not_confirmed", "retract"]


@dataclass(slots=True)
class StatusStatement:
    """One statement about an event's truth: "the ministry denied reports that ..." (kind ``deny``)."""

    kind: StatementKind
    cue: Span  # the verb or adjective: "denied", "confirmed", "unconfirmed"
    by: Attribution | None = None  # who makes it (None when the article says it in its own voice)


def independent_sources(attributions: Sequence[Attribution]) -> int:
    """How many distinct named (non-anonymous) sources report the event; an outlet that only relays a named
    source is not counted beside it."""
    named: set[str] = set()
    relays = {a.cites for a in attributions if a.cites is not None}
    for i, a in enumerate(attributions):
        if a.anonymous:
            continue
        if a.kind == "outlet" and i in relays:
            continue
        named.add(a.actor_id or a.source.lower())
    return len(named)


def resolve_status(*, modality: str | None, statements: Sequence[StatusStatement],
                   attributions: Sequence[Attribution]) -> str:
    """The event's status (one of :data:`communique.model.STATUSES`) by the rules of the module docstring."""
    if modality in ("planned", "hypothetical"):
        return modality
    decisive = [s for s in statements if s.kind in ("confirm", "deny")]
    if decisive:
        return "confirmed" if decisive[-1].kind == "confirm" else "denied"
    if independent_sources(attributions) >= 2:
        return "confirmed"
    if any(s.kind == "not_confirmed" for s in statements):
        return "unconfirmed"
    sources = [a for a in attributions if a.kind != "outlet"]
    if sources and all(a.anonymous for a in sources):
        return "unconfirmed"
    return "reported"
