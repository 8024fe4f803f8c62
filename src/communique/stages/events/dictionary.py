"""PETRARCH verb-dictionary conventions, for events a user's ``--verbs`` dictionary coded.

A PETRARCH verb dictionary (read by ``knowledge.petrarch.parse_petrarch_verbs``) says more than which code a verb
has.  ``apply(doc, events, rows)`` is pure and keeps the events our bundled table and the learned coder found as
they are; for an event whose trigger row came from a dictionary (``rows``: rule text -> row) it applies:

* **a report is not an event of its own**: a dictionary's say-verb (a row coding 010) that reports a clause in
  which another event is coded ("Arnor will restore ties with Gondor, an official said"; "the ministry said
  Gondor had shelled the town") is dropped: PETRARCH codes what is reported, not the saying of it;
* **both sides of an ``[active:passive]`` code** (``Trigger.reverse``): "X arrived in Y" ``[042:043]`` is X's
  visit to Y (042) and Y's hosting of X (043), "X met Y" ``[040:040]`` a meeting each way: the target's act is
  added, from target to source, when the event has both;
* **coordinated subjects acting on each other** (``Trigger.mutual``, a ``% *`` pattern): "Gondor and Osgiliath
  postponed their meeting" has no target; each of the subjects acts on each of the others;
* **the target is the first actor after the verb, in its phrase**: a dictionary event with a source and no
  target takes the first coded actor named after the trigger within the trigger's own phrase (its object and
  prepositional phrases, clauses under it; not its subject, not a clause it comments on): "signed a
  protocol with Libya" (Libya), "departed from Libya", "allowed that Mordor is no pleasant place" (Mordor);
* **a coordinated target is each of its conjuncts**: "ties with Mordor, Rohan and Bree" is three targets,
  "ties between Gondor and Osgiliath" two; **a listed subject is each of the list's actors**: "Velmora, the Lake
  Alliance, Karthia and Osterland welcomed" is four sources, however the parser joined the list (conjuncts,
  appositions);
* **a pattern's roles** (``Trigger.roles``): "- * EID (AT ^) (WITH +)" makes the with-phrase's actor the target
  and the at-phrase's none ("celebrated Eid at Osgiliath with Gondor": Gondor);
* **one phrase, one actor**: on either side of any event, an actor whose code another actor of that side
  spells out further is dropped (a compound code, KNY/UGA, spells out none): "Bree Prime Minister Romendacil" is
  BREGOV, not also BRE; "White House
  security officials" USAGOV, not also the bare agent GOV; an actor with no code is dropped beside one with a
  code (a name no dictionary knows is no actor to PETRARCH);
* **the coded verb codes its phrase**: a verb with no subject of its own in the open complement of a verb the
  dictionary coded ("urged Bree to respond", "vowed to wage war") and a noun of ours in such a verb's phrase,
  outside its subject ("chided an attack by the soldiers") are no events of their own;
* **a negated verb has its negated code** (``NEGATED_CODES``, from PETRARCH's internal coding ontology): "did
  not clash over the plans" ``[110]`` is 050, "will not wire tap" ``[170]`` 057; the event is no longer
  negated.  Only the verb's own negation counts ("won't try to clash" keeps 110).

* **a dyad**: an event needs a coded source and a coded target, as PETRARCH's ``require_dyad`` (its default)
  says ("a senior official said" alone, "the embassy was burned" are no events).

Events are never merged; recoded only by negation; added events get ids after the last one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ...knowledge.cameo import lookup
from ...knowledge.petrarch.verbs import NEGATED_CODES
from ...knowledge.triggers import Trigger, TriggerTable
from ...model import Actor, Doc, Event, Mention
from .triggers import rule_name

__all__ = ["apply", "dictionary_rows"]

# dependencies of a say-verb's reported clause
_REPORTED = frozenset({"ccomp", "parataxis"})


def dictionary_rows(table: TriggerTable | None) -> dict[str, Trigger]:
    """The rows of ``table`` read from a PETRARCH dictionary (``Trigger.source``), by their rule text
    (``Event.rule``)."""
    if not table:
        return {}
    return {rule_name(t): t for rows in table.values() for t in rows if t.source is not None}


def _token_at(sdoc: Any, start: int) -> Any | None:
    span = sdoc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _reported_clause(tok: Any) -> set[int]:
    """Token indices of what a say-verb reports: its clausal complements, or the clause it is a comment on ("...,
    an official said": the rest of the verb's head clause)."""
    out: set[int] = set()
    for c in tok.children:
        if c.dep_ in _REPORTED:
            out.update(t.i for t in c.subtree)
    if tok.dep_ in _REPORTED or (tok.dep_ == "advcl" and tok.i > tok.head.i):
        own = {t.i for t in tok.subtree}
        out.update(t.i for t in tok.head.subtree if t.i not in own)
    return out


def _copy(ev: Event, number: int, cameo: str, source: list[str], target: list[str], why: str) -> Event:
    entry = lookup(cameo)
    return replace(ev, id=f"e{number}", cameo=cameo, plover=entry.plover, label=entry.label,
                   goldstein=entry.goldstein, quad_class=entry.quad_class, plover_mode=entry.plover_mode,
                   plover_context=entry.plover_context, source=list(source), target=list(target),
                   intent=None, references=[], attribution=list(ev.attribution),
                   rule=f"{why}\t{ev.rule}" if ev.rule else why)


def _recoded(ev: Event, cameo: str) -> Event:
    """``ev`` as its negated code (:data:`NEGATED_CODES`): an event that happened, with its own code."""
    entry = lookup(cameo)
    return replace(ev, cameo=cameo, plover=entry.plover, label=entry.label, goldstein=entry.goldstein,
                   quad_class=entry.quad_class, plover_mode=entry.plover_mode, plover_context=entry.plover_context,
                   negated=False, intent=None, rule=f"negated\t{ev.rule}")


def apply(doc: Doc, events: Sequence[Event], rows: Mapping[str, Trigger], *, actors: Sequence[Actor] = (),
          mentions: Sequence[Mention] = ()) -> list[Event]:
    """``events`` with the dictionary's conventions (see the module docstring); ``rows`` from
    :func:`dictionary_rows`; ``actors`` and ``mentions`` the coder added and ``doc`` does not hold yet.  Needs
    ``doc.nlp``; returns a new list (the events kept are the same objects)."""
    if not rows or not events:
        return list(events)
    sdoc = doc.nlp
    tokens = {ev.id: _token_at(sdoc, ev.trigger.start) for ev in events}
    codes = {a.id: a.code or "" for a in [*doc.actors, *actors]}
    kept: list[Event] = []
    coded = {t.i for ev in events if (ev.rule or "") in rows and (t := tokens[ev.id]) is not None}
    for ev in events:
        tok = tokens[ev.id]
        if ev.cameo == "010" and (ev.rule or "") in rows and tok is not None:
            clause = _reported_clause(tok)
            if any(other is not ev and (t := tokens[other.id]) is not None and t.i in clause for other in events):
                continue  # the report of an event coded in its clause
        if tok is not None and _under_coded_verb(tok, coded, ours=(ev.rule or "") not in rows):
            continue
        kept.append(ev)
    number = max((int(e.id[1:]) for e in events if e.id[1:].isdigit()), default=len(events))
    spans: dict[str, list[Any]] = {}
    for m in [*doc.mentions, *mentions]:
        if m.actor_id:
            spans.setdefault(m.actor_id, []).append(m.span)

    def before(actor: str, tok: Any) -> bool:  # named in the trigger's sentence, before it
        return any(tok.sent.start_char <= sp.start and sp.end <= tok.idx for sp in spans.get(actor, []))

    # a listed subject is each of the list's actors ("Velmora, the Lake Alliance, Karthia and Osterland welcomed")
    for n, ev in enumerate(kept):
        tok = tokens[ev.id]
        if (ev.rule or "") in rows and ev.source and tok is not None \
                and (more := _listed_with(doc, tok, ev.source, spans, codes, {*ev.source, *ev.target})):
            kept[n] = replace(ev, source=[*ev.source, *more])

    # the subjects of a mutual row's act, over the events coded for each of them ("Gondor and Osgiliath
    # postponed ...": one event per subject, no target, or the other subject made the target)
    mutual: dict[tuple[int, str], list[Event]] = {}
    for ev in kept:
        row = rows.get(ev.rule or "")
        tok = tokens[ev.id]
        if row is not None and row.mutual and ev.source and tok is not None \
                and all(before(a, tok) for a in ev.target):
            mutual.setdefault((ev.trigger.start, ev.cameo), []).append(ev)
    paired: list[Event] = []
    for ev in kept:
        group = mutual.get((ev.trigger.start, ev.cameo), [])
        if any(ev is g for g in group):
            subjects = list(dict.fromkeys(a for g in group for a in [*g.source, *g.target]))
            if len(subjects) < 2:
                paired.append(ev)
            elif ev is group[0]:  # the group's first event acts on the second subject; each other pair is added
                pairs = [(a, b) for a in subjects for b in subjects if a != b]
                paired.append(replace(ev, source=[pairs[0][0]], target=[pairs[0][1]], rule=f"mutual\t{ev.rule}"))
                for a, b in pairs[1:]:
                    number += 1
                    paired.append(_copy(ev, number, ev.cameo, [a], [b], "mutual"))
            continue
        paired.append(ev)
    final: list[Event] = []
    added: list[Event] = []
    for ev in paired:
        row = rows.get(ev.rule or "")
        tok = tokens.get(ev.id)
        if row is not None and tok is not None:
            if ev.source and not ev.target:
                first = _first_actor_after(doc, tok, codes, set(ev.source))
                if first is not None:
                    ev = replace(ev, target=[first])
            if ev.target:
                more = _coordinated(doc, tok, ev.target, spans, codes, {*ev.source, *ev.target})
                if more:
                    ev = replace(ev, target=[*ev.target, *more])
            if row.roles and ev.target:
                target = _by_roles(doc, tok, ev.target, spans, row.roles)
                if target != ev.target:
                    ev = replace(ev, target=target)
            if row.reverse is not None and ev.source and ev.target:
                number += 1
                added.append(_copy(ev, number, row.reverse, ev.target, ev.source, "reverse"))
        final.append(ev)
    out: list[Event] = []
    for ev in final + added:
        source, target = _one_per_phrase(ev.source, codes), _one_per_phrase(ev.target, codes)
        if (source, target) != (ev.source, ev.target):
            ev = replace(ev, source=source, target=target)
        tok = tokens.get(ev.id)
        if tok is not None and (ev.rule or "") in rows and (neg := NEGATED_CODES.get(ev.cameo)) is not None \
                and any(c.dep_ == "neg" or (c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children))
                        for c in tok.children):  # "did not even ever clash": "not" under "ever"
            ev = _recoded(ev, neg)  # the verb itself negated: "did not clash over the plans" [110] is 050
        out.append(ev)
    # the rejection our coder adds beside a cooperative act not done ("did not cooperate": 121) is the negated
    # code itself here: one coding
    recoded = {ev.trigger.start for ev in out if (ev.rule or "").startswith("negated\t")}
    return [ev for ev in out if not (ev.trigger.start in recoded and (ev.rule or "").startswith("refusal\t"))
            and any(codes.get(a) for a in ev.source) and any(codes.get(a) for a in ev.target)]


def _under_coded_verb(tok: Any, coded: set[int], *, ours: bool) -> bool:
    """Is ``tok`` part of the phrase of a verb the dictionary coded, so that this verb codes it?

    * a verb with no subject of its own in the open complement or an adverbial clause of a coded verb ("urged
      Bree to respond", "vowed to wage war", "celebrated Iftar after leaving Eriador"): the verb above codes the
      clause, with its patterns;
    * a noun of ours (not the dictionary's) in a coded verb's phrase, outside its subject ("chided an attack by
      the soldiers", "opposed ... by its resumption of ties"): PETRARCH codes verbs, and the verb above codes
      the phrase."""
    t = tok
    while t.dep_ in ("xcomp", "advcl", "pcomp") and t.head.i != t.i and t.pos_ == "VERB" \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
        t = t.head  # "urged Bree to help win": "win" under "help" under "urged"
        if t.pos_ == "ADP" and t.dep_ == "prep" and t.head.i != t.i:
            t = t.head  # "celebrated Iftar after leaving Eriador"
        if t.i in coded:
            return True
    if not ours or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    child, head = tok, tok.head
    while head.i != child.i:
        if head.i in coded and head.pos_ in ("VERB", "AUX"):
            return child.dep_ not in ("nsubj", "nsubjpass", "csubj")
        if child.dep_ in ("ccomp", "parataxis", "conj"):  # another clause, or another act of the same doer
            return False
        child, head = head, head.head
    return False


def _by_roles(doc: Doc, tok: Any, target: list[str], spans: Mapping[str, list[Any]], roles: str) -> list[str]:
    """``target`` as a pattern's phrases of placeholders say (``Trigger.roles``): the actors in a ``+with``
    phrase of the trigger (or of its object) are the targets, when there are any; actors in a ``^at`` phrase are
    not ("celebrated Eid at Osgiliath with Gondor": Gondor)."""
    sdoc = doc.nlp
    holders = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]

    def inside(prep: str) -> set[int]:
        return {t.i for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == prep for t in c.subtree}

    def named_in(actor: str, where: set[int]) -> bool:
        return any((t := _token_at(sdoc, sp.start)) is not None and t.i in where for sp in spans.get(actor, []))

    for role in roles.split(";"):
        where = inside(role[1:])
        if not where:
            continue
        if role[0] == "+" and (chosen := [a for a in target if named_in(a, where)]):
            target = chosen
        elif role[0] == "^":
            target = [a for a in target if not named_in(a, where)] or target
    return target


def _coordinated(doc: Doc, tok: Any, target: list[str], spans: Mapping[str, list[Any]], codes: Mapping[str, str],
                 exclude: set[str]) -> list[str]:
    """Coded actors coordinated with a target named after the trigger ("ties with Mordor, Rohan and Bree",
    "between Gondor and Osgiliath"), in text order."""
    sdoc = doc.nlp
    at_token: dict[int, str] = {}
    for actor, sps in spans.items():
        if actor in exclude or not codes.get(actor):
            continue
        for sp in sps:
            if tok.idx < sp.start and sp.end <= tok.sent.end_char and (t := _token_at(sdoc, sp.end - 1)) is not None:
                at_token.setdefault(t.i, actor)
    out: list[str] = []
    for actor in target:
        for sp in spans.get(actor, []):
            if not (tok.idx < sp.start and sp.end <= tok.sent.end_char):
                continue
            last = _token_at(sdoc, sp.end - 1)
            for c in (last.conjuncts if last is not None else ()):
                found = next((a for i, a in at_token.items() if i == c.i), None)
                if found is not None and found not in out:
                    out.append(found)
    return out


def _listed_with(doc: Doc, tok: Any, source: list[str], spans: Mapping[str, list[Any]], codes: Mapping[str, str],
                 exclude: set[str]) -> list[str]:
    """Coded actors listed with a source named before the trigger, in text order: the names joined to its name by
    conjunctions and appositions, in a list that has a conjunction ("Velmora, the Lake Alliance, Karthia and
    Osterland welcomed ...", which the parser may read as an apposition and two conjuncts; "Proud Karthia, the brave
    Osterland, and calm Velmora condemned ...").  An apposition alone renames ("Ruto, Kenya's president,"): no
    list."""
    sdoc = doc.nlp

    def named_before(sp: Any) -> bool:
        return tok.sent.start_char <= sp.start and sp.end <= tok.idx

    at_token: dict[int, list[str]] = {}  # several actors of one phrase ("[FRO/BIL/SAM]") share its token
    for actor, sps in spans.items():
        if actor in exclude or not codes.get(actor):
            continue
        for sp in sps:
            if named_before(sp) and (t := _root_at(sdoc, sp)) is not None and actor not in at_token.get(t.i, []):
                at_token.setdefault(t.i, []).append(actor)
    found: dict[int, list[str]] = {}
    for actor in source:
        for sp in spans.get(actor, []):
            last = _root_at(sdoc, sp) if named_before(sp) else None
            if last is None:
                continue
            group, todo = {last.i}, [last]
            while todo:
                t = todo.pop()
                near = [c for c in t.children if c.dep_ in ("conj", "appos")]
                if t.dep_ in ("conj", "appos") and t.head.i != t.i:
                    near.append(t.head)
                for o in near:
                    if o.i not in group and o.i < tok.i:
                        group.add(o.i)
                        todo.append(o)
            if any(sdoc[i].dep_ == "conj" for i in group):
                found.update((i, at_token[i]) for i in group if i in at_token)
    return list(dict.fromkeys(a for i in sorted(found) for a in found[i]))


def _root_at(sdoc: Any, sp: Any) -> Any | None:
    """The syntactic head of the tokens of a character span ("the Republic of Peru": Republic)."""
    span = sdoc.char_span(sp.start, sp.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _first_actor_after(doc: Doc, tok: Any, codes: Mapping[str, str], exclude: set[str]) -> str | None:
    """The first coded actor named after ``tok`` in its own phrase (its subtree, without its subject)."""
    own = {t.i for t in tok.subtree}
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj", "parataxis") or (c.dep_ == "ccomp" and c.i < tok.i):
            own -= {t.i for t in c.subtree}
    lo = tok.idx + len(tok)
    hi = max((doc.nlp[i].idx + len(doc.nlp[i]) for i in own), default=lo)
    for m in sorted(doc.mentions, key=lambda m: m.span.start):
        if m.span.start < lo or m.span.end > hi or not m.actor_id or m.actor_id in exclude:
            continue
        if not codes.get(m.actor_id):
            continue
        at = _token_at(doc.nlp, m.span.start)
        if at is not None and at.i in own:
            return m.actor_id
    return None


def _one_per_phrase(side: list[str], codes: Mapping[str, str]) -> list[str]:
    """``side`` without an actor whose code another actor of the side spells out further (BRE beside BREGOV, a bare
    agent GOV beside USAGOV), nor an actor with no code beside one with a code (a name the dictionaries do not
    know is no actor to PETRARCH: "celebrated Eid with Gondor")."""
    if len(side) < 2:
        return side
    if any(codes.get(a) for a in side):
        side = [a for a in side if codes.get(a)]
    return [a for a in side if not (c := codes.get(a, "")) or not any(
        b != a and (o := codes.get(b, "")) != c and "/" not in o and c in o for b in side)]
