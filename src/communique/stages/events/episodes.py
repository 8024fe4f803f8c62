"""Episodes: references to earlier events ("the visit"), restatements, and places inherited within an occasion.

A definite event noun with no participants of its own ("the visit", "the meeting") is a reference to an
earlier event, not a new one: it is recorded in ``Event.references`` and links the events of one episode, so
what a later sentence says about "the visit" (who reported it, whether it is confirmed) reaches every event
of that visit.  An in-person encounter inherits the place of its episode; a phone call never does.
"""

from __future__ import annotations

from typing import Any

from ...model import Event, Location, Span
from ._codes import IN_PERSON, MUTUAL_ROOTS, SPOKEN_ROOTS, SYMMETRIC
from .triggers import triggers

ANAPHOR_DETS = frozenset({"the", "this", "that", "these", "those", "such"})
# event nouns, by family, that a definite reference can point back to
FAMILIES: dict[str, frozenset[str]] = {
    "visit": frozenset({"042", "043"}),
    "trip": frozenset({"042", "043"}),
    "meeting": frozenset({"040", "042", "043", "044", "046"}),
    "talk": frozenset({"040", "042", "043", "044", "046"}),
    "talks": frozenset({"040", "042", "043", "044", "046"}),
    "discussion": frozenset({"040", "042", "043", "044", "046", "041"}),
    "summit": frozenset({"040", "043", "044"}),
    "call": frozenset({"041"}),
    "conversation": frozenset({"041", "040"}),
    "negotiation": frozenset({"046", "040"}),
    "move": frozenset({"050", "054", "161", "163"}),
    "step": frozenset({"050", "054", "161", "163"}),
    "appointment": frozenset({"050"}),
    "sanction": frozenset({"163"}),
    "sanctions": frozenset({"163"}),
    "reappointment": frozenset({"050"}),
    "attack": frozenset({"190", "193", "194", "195"}),
    "shooting": frozenset({"190", "193"}),
    "shelling": frozenset({"194", "190"}),
    "bombing": frozenset({"195", "183", "190"}),
    "incident": frozenset({"190", "193", "194", "195", "171", "173"}),
    "strike": frozenset({"190", "195"}),
}


def _is_anaphor(tok: Any) -> bool:
    if tok.pos_ != "NOUN":
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    return any(d in ANAPHOR_DETS or d in ("their", "its", "his", "her") for d in dets)



def _episode_id(episode: dict[str, int], event_id: str) -> int:
    if event_id not in episode:
        episode[event_id] = len(set(episode.values())) + 1
    return episode[event_id]


def _link_reference(events: list[Event], tok: Any, span: Span, episode: dict[str, int]) -> str | None:
    """Record a definite event noun as a reference to the latest earlier event of its family; its id."""
    family = FAMILIES.get(tok.lemma_.lower()) or FAMILIES.get(tok.lower_) or frozenset(
        t.cameo for t in triggers().get(tok.lemma_.lower(), []))
    if not family:
        return None
    for ev in reversed(events):
        if ev.cameo in family:
            return _refer(ev, span, episode)
    return None


def _refer(ev: Event, span: Span, episode: dict[str, int]) -> str:
    """Record ``span`` (character offsets into the article's text) as a reference to ``ev``, in ``ev``'s episode;
    ``ev``'s id."""
    ev.references.append(span)
    _episode_id(episode, ev.id)
    return ev.id


#: how many of the latest events an act with no doer may be the retelling of (a bound, so long texts stay linear)
TOLD_BEFORE_WINDOW = 30


def _told_before(events: list[Event], code: str, patients: list[str]) -> Event | None:
    """The latest earlier event of the same CAMEO root whose parties include every party an act with no doer
    names (``patients``, actor ids), among the last ``TOLD_BEFORE_WINDOW`` events: the same act told again, not a
    new one; None when there is none."""
    for ev in reversed(events[-TOLD_BEFORE_WINDOW:]):
        if ev.cameo[:2] == code[:2] and set(patients) <= set(ev.source) | set(ev.target):
            return ev
    return None


def _duplicate(events: list[Event], ev: Event, *, coordinated: frozenset[int] = frozenset()) -> bool:
    """Same sentence, same CAMEO root, and no participant the earlier event lacks
    ("met X in Nairobi to discuss ..." is one consultation, not two).  Coordinated verbs with different codes
    (``coordinated``: trigger offsets of the verbs conjoined with this one) are separate events ("shelled and
    captured the village")."""
    mine = set(ev.source) | set(ev.target)
    for other in events:
        if other.trigger.start in coordinated and other.cameo != ev.cameo:
            continue
        if other.evidence.sentence == ev.evidence.sentence and other.cameo[:2] == ev.cameo[:2] and (
                mine <= set(other.source) | set(other.target)):
            return True
    return False



def _merge_restatements(events: list[Event]) -> list[Event]:
    """Within one report, a later sentence with the same kind of event between the same parties, in the same
    mood and not placed elsewhere, is the same event told again ("The ministers also discussed ..."). The
    parties keep their sides unless the act is mutual (a meeting, talks): "Uganda accused Kenya" after "Kenya
    accused Uganda" is a second accusation, not the first told again."""
    kept: list[Event] = []
    alike: dict[tuple[Any, ...], list[Event]] = {}  # the kept events by kind, parties and mood (not a scan of all)
    for ev in events:
        mutual = ev.cameo in SYMMETRIC or ev.cameo in IN_PERSON or ev.cameo[:2] in MUTUAL_ROOTS
        parties: Any = (frozenset(ev.source) | frozenset(ev.target) if mutual
                        else (frozenset(ev.source), frozenset(ev.target)))
        key = (ev.cameo[:2], parties, ev.status, ev.negated)
        same = next((k for k in alike.get(key, []) if k.evidence.sentence != ev.evidence.sentence
                     and (k.location is None or ev.location is None or k.location.name == ev.location.name)), None)
        if same is None:
            kept.append(ev)
            alike.setdefault(key, []).append(ev)
            continue
        same.references.append(ev.trigger)
        same.location = same.location or ev.location
    for n, ev in enumerate(kept, 1):
        ev.id = f"e{n}"
    return kept


def _restates(events: list[Event], ev: Event) -> bool:
    """An event noun in the sentence of an earlier event with the same code restates it
    ("X arrived in Baghdad, the first visit by a Turkish minister in two years")."""
    return any(o.evidence.sentence == ev.evidence.sentence and o.cameo == ev.cameo for o in events)


def _inherit_places(events: list[Event], *, window: int = 3) -> None:
    """In-person events with no place of their own take the place of their episode, else where one of their
    participants was last placed by an in-person event in the few sentences before; statements, appeals and
    signatures take their source's last such place.  Phone calls never do."""
    by_episode: dict[int, Location] = {}
    for ev in events:
        if ev.episode is not None and ev.location is not None and ev.cameo in IN_PERSON:
            by_episode.setdefault(ev.episode, ev.location)
    last_seen: dict[str, Event] = {}
    top = max((e.episode or 0 for e in events), default=0)  # the highest episode number in use
    for ev in events:
        if ev.cameo not in IN_PERSON:
            # what a person says or signs happens where they are: inherit, but never place anything
            if ev.location is None and ev.cameo != "041" and ev.cameo[:2] in SPOKEN_ROOTS \
                    and ev.status not in ("planned", "hypothetical"):
                seen = [last_seen[a] for a in ev.source if a in last_seen]
                if seen and ev.evidence.sentence - seen[0].evidence.sentence <= window:
                    ev.location = seen[0].location
            continue
        if ev.location is None and ev.episode is not None:
            ev.location = by_episode.get(ev.episode)
        if ev.location is None and ev.status not in ("planned", "hypothetical"):
            for aid in ev.source + ev.target:
                seen_ev = last_seen.get(aid)
                if seen_ev is not None and ev.evidence.sentence - seen_ev.evidence.sentence <= window:
                    # the same people, together again, in the next sentences: one occasion
                    ev.location = seen_ev.location
                    if seen_ev.episode is None:
                        top += 1
                        seen_ev.episode = top
                    ev.episode = seen_ev.episode
                    if _undated(ev) and not _undated(seen_ev):
                        ev.date = seen_ev.date
                    break
        if ev.location is not None and ev.status not in ("planned", "hypothetical"):
            for aid in ev.source + ev.target:
                last_seen[aid] = ev


def _undated(ev: Event) -> bool:
    return ev.date is None or ev.date.evidence is None

