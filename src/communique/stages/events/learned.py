"""The learned layer plugged into the coder's seam: :class:`LearnedCoder` (a ``coder.Coder``) over an
:class:`~communique.stages.events.model.EventModel`.

Per sentence it keeps every rule candidate as it is (the trigger table is the high-precision layer users
edit) and adds the words the model codes, when:

* the trigger table does not list the word at all (a listed word whose conditions fail codes nothing: the
  table has decided, e.g. a PETRARCH ``SUMMON`` that codes only with an ambassador);
* the word is not a light verb whose object or prepositional object the table codes ("held a phone call":
  the call is the event), nor a verb reporting a clause ("denied that its troops had attacked": provenance
  reads the denial, the clause holds the event);
* the model's type is not ``NONE`` and its probability reaches the model's threshold;
* with ``require_target`` (off by default: measured by cross-validation on PLV and the GSR, it lost more
  recall than it gained precision), the parse gives the word a target actor as well as a source (or two
  sources of a reciprocal code, or it is a protest).

Like rule candidates, a model candidate becomes an event only when the parse gives it a source actor.

Added candidates carry ``found_by="model:<name>/<version>"`` and the probability as ``confidence``.
"""

from __future__ import annotations

from typing import Any

from ...knowledge.triggers import TriggerTable, default_triggers
from ...model import Doc, Span
from ._codes import IN_PERSON
from .arguments import ActorIndex, find_arguments
from .model import EventModel, default_event_model
from .triggers import Candidate, match_trigger

__all__ = ["LearnedCoder"]

RECIPROCAL = frozenset({"040", "041", "044", "046", "036", "057", "193"})


class LearnedCoder:
    """A ``Coder`` adding the learned model's events to the trigger table's (see the module docstring)."""

    def __init__(self, model: EventModel | None = None, *, table: TriggerTable | None = None,
                 require_target: bool = False) -> None:
        self.model = model or default_event_model()
        self.table = table
        self.require_target = require_target
        self.name = f"{self.model.name}/{self.model.version}"

    def label(self, doc: Doc, sentence: int, candidates: list[Candidate]) -> list[Candidate]:
        """The rule candidates of the sentence plus the model's (contract: ``coder.Coder``)."""
        rows = self.table if self.table is not None else default_triggers()
        sdoc = doc.nlp
        span = doc.sentences[sentence]
        taken = {c.token for c in candidates}
        words = sdoc.char_span(span.start, span.end, alignment_mode="expand")
        if words is None:
            words = [t for t in sdoc if span.start <= t.idx < span.end]
        toks = [t for t in self.model.candidates(words) if t.i not in taken and not _listed(t, rows)]
        out = list(candidates)
        args: ActorIndex | None = None
        for p in self.model.predict(toks, table=rows):
            tok = sdoc[p.token]
            if _light_verb_of_coded_object(tok, rows) or _reports_a_clause(tok):
                continue
            if self.require_target:
                args = args or ActorIndex(doc)
                if not _dyadic(doc, tok, p.cameo, args):
                    continue
            out.append(Candidate(tok.i, Span(tok.idx, tok.idx + len(tok)), p.cameo, f"model:{self.name}",
                                 p.confidence))
        return out


def _listed(tok: Any, rows: TriggerTable) -> bool:
    return any(k in rows for k in (tok.lemma_.lower(), tok.lower_))


def _light_verb_of_coded_object(tok: Any, rows: TriggerTable) -> bool:
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj", "attr")]
    objects += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(match_trigger(o, rows) is not None for o in objects)


def _reports_a_clause(tok: Any) -> bool:
    """A verb with a clausal complement ("denied that its troops had attacked", "believes that ...") reports or
    judges what the clause says: the status belongs to provenance, the event to the clause."""
    return tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children)


def _dyadic(doc: Doc, tok: Any, code: str, args: ActorIndex) -> bool:
    """Does the parse give the word a source and a target (read only: the actors it would add are dropped)?"""
    found = find_arguments(doc, tok, code, args=args, events=[], countries={a.id: a.country for a in doc.actors},
                           extra_actors=[], extra_mentions=[])
    if found is None:
        return False
    src, tgt = found
    return bool(tgt) or code[:2] == "14" or (len(src) >= 2 and code in RECIPROCAL | IN_PERSON)
