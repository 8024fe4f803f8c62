"""Events: CAMEO-coded actions with source and target actors, over the dependency parse.

The coder is a package; each module does one thing with a pure function, and this module only wires them:

* ``triggers``  -- ``candidates(doc, sentence)``: tokens the readable trigger table
  (``knowledge/data/triggers.tsv``: lemma, part of speech, CAMEO code, condition) codes;
* ``coder``     -- ``extract(doc, table=, model=)`` and the ``Coder`` protocol, the one seam where a learned
  candidate generator/classifier plugs in (its contract is in ``coder``'s docstring);
* ``arguments`` -- ``find_arguments``: source and target over the parse (passives, nouns, destinations), with
  ``sources`` (who acts: subjects, agents, the accused, the doer of the episode) and ``phrases`` (actors at a
  token or noun phrase) and ``place_targets`` (places acted on stand for their country);
* ``modality``  -- ``modality(tok)``: the event's own mood (planned, hypothetical) and negation;
* ``senses``    -- ``wrong_sense(tok, cameo)``: sports results, markets and machines are no events;
* ``episodes``  -- references to earlier events ("the visit"), restatements, places inherited in an episode;
* ``location``  -- the event's place;
* ``dictionary`` -- ``apply(doc, events, rows)``: the conventions of a user's PETRARCH verb dictionary (reports,
  ``[active:passive]`` codes, coordinated subjects acting on each other) for the events its rows coded.

The stage ``communique.events.v1`` takes two services: ``trigger_table`` (replaces the bundled table) and
``event_model`` (a ``Coder``; ``None``, the default, codes with the table alone).
"""

from __future__ import annotations

from ...knowledge.triggers import TriggerTable
from ...model import Actor, Doc, Event, Mention
from ...pipeline import stage
from . import dictionary
from .arguments import ActorIndex, find_arguments, noun_phrase, subject_of
from .coder import Coder, extract
from .modality import Modality, modality, resolve_status
from .triggers import Candidate, candidates, match_trigger, triggers

__all__ = [
    "ActorIndex", "Candidate", "Coder", "EventStage", "Modality", "attach", "candidates", "extract",
    "find_arguments", "match_trigger", "modality", "noun_phrase", "resolve_status", "subject_of", "triggers",
]


def attach(doc: Doc, events: list[Event], actors: list[Actor], mentions: list[Mention]) -> None:
    """Write the coder's result onto ``doc``: its events, and the country actors and mentions it added."""
    doc.events = events
    if actors or mentions:
        doc.actors.extend(actors)
        for m in mentions:
            doc.mentions.append(m)
        doc.mentions.sort(key=lambda m: (m.span.start, m.span.end))
        positions: dict[str, list[int]] = {}
        for i, m in enumerate(doc.mentions):
            positions.setdefault(m.actor_id or "", []).append(i)
        for a in doc.actors:
            a.mentions = positions.get(a.id, [])


@stage("communique.events.v1", requires=["nlp", "sentences", "actors", "timexes", "places"], assigns=["events"])
class EventStage:
    """Codes events with the trigger table and, when given one, a learned ``Coder`` (service ``event_model``)."""

    def __init__(self, trigger_table: TriggerTable | None = None, event_model: Coder | None = None) -> None:
        self.table = trigger_table
        self.model = event_model
        self.dictionary_rows = dictionary.dictionary_rows(trigger_table)

    def __call__(self, doc: Doc) -> Doc:
        events, actors, mentions = extract(doc, table=self.table, model=self.model)
        if self.dictionary_rows:  # a user's PETRARCH verb dictionary coded some: its conventions
            events = dictionary.apply(doc, events, self.dictionary_rows, actors=actors, mentions=mentions)
        attach(doc, events, actors, mentions)
        return doc
