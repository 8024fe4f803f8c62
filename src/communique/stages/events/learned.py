"""The learned layer plugged into the coder's seam: :class:`LearnedCoder` (a ``coder.Coder``) over an
:class:`~communique.stages.events.model.EventModel`.

Per sentence it keeps every rule candidate as it is (the trigger table is the high-precision layer users
edit) and adds the words the model codes, when:

* the trigger table does not list the word at all (a listed word whose conditions fail codes nothing: the
  table has decided, e.g. a PETRARCH ``SUMMON`` that codes only with an ambassador);
* the word is not part of an actor's mention ("Russian forces"), nor linked to a rule candidate as the act it
  operates on or the verb that operates on it ("agreed to lend", "summoned the ambassador to complain": the
  table's word codes the event);
* the word is not a light verb whose object or prepositional object the table codes ("held a phone call":
  the call is the event), nor a verb reporting a clause ("denied that its troops had attacked": provenance
  reads the denial, the clause holds the event);
* the model's type is not ``NONE`` and its probability reaches the model's threshold;
* with ``require_target`` (off by default: measured by cross-validation on PLV and the GSR, it lost more
  recall than it gained precision), the coder codes it only when the parse gives it a target as well
  (``Candidate.require_target``).

Like rule candidates, a model candidate becomes an event only when the parse gives it a source actor.

Added candidates carry ``model="<name>/<version>"`` (so ``Event.found_by == "model"``) and the probability as
``confidence``.
"""

from __future__ import annotations

from typing import Any

from ...knowledge.triggers import TriggerTable, default_triggers
from ...model import Doc, Span
from ...textutil import SpanIndex
from .model import EventModel, default_event_model
from .triggers import Candidate, match_trigger

__all__ = ["LearnedCoder"]


class LearnedCoder:
    """A ``Coder`` adding the learned model's events to the trigger table's (see the module docstring)."""

    def __init__(self, model: EventModel | None = None, *, table: TriggerTable | None = None,
                 require_target: bool = False) -> None:
        self.model = model or default_event_model()
        self.table = table
        self.require_target = require_target
        self.name = f"{self.model.name}/{self.model.version}"
        # (doc, its mentions list, their count, index of the actor mentions' spans): built once per document,
        # not once per sentence (that was quadratic in the document's length); replaced whole, so thread-safe
        self._actor_spans: tuple[Doc, list[Any], int, SpanIndex] | None = None

    def _actor_index(self, doc: Doc) -> SpanIndex:
        cached = self._actor_spans
        if cached is not None and cached[0] is doc and cached[1] is doc.mentions and cached[2] == len(doc.mentions):
            return cached[3]
        index = SpanIndex(m.span for m in doc.mentions if m.actor_id)
        self._actor_spans = (doc, doc.mentions, len(doc.mentions), index)
        return index

    def label(self, doc: Doc, sentence: int, candidates: list[Candidate]) -> list[Candidate]:
        """The rule candidates of the sentence plus the model's (contract: ``coder.Coder``)."""
        rows = self.table if self.table is not None else default_triggers()
        sdoc = doc.nlp
        span = doc.sentences[sentence]
        taken = {c.token for c in candidates}
        words = sdoc.char_span(span.start, span.end, alignment_mode="expand")
        if words is None:
            words = [t for t in sdoc if span.start <= t.idx < span.end]
        actor_spans = self._actor_index(doc)
        toks = [t for t in self.model.candidates(words) if t.i not in taken and not _listed(t, rows)
                and not (t.dep_ in ("xcomp", "advcl") and t.head.i in taken)
                and not any(c.dep_ in ("xcomp", "advcl") and c.i in taken for c in t.children)
                and not actor_spans.covers(t.idx)]
        out = list(candidates)
        for p in self.model.predict(toks, table=rows):
            tok = sdoc[p.token]
            if _light_verb_of_coded_object(tok, rows) or _reports_a_clause(tok):
                continue
            out.append(Candidate(tok.i, Span(tok.idx, tok.idx + len(tok)), p.cameo, model=self.name,
                                 confidence=p.confidence, require_target=self.require_target))
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
