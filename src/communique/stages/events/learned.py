"""The learned layer plugged into the coder's seam: :class:`LearnedCoder` (a ``coder.Coder``) over an
:class:`~communique.stages.events.model.EventModel`.

Per sentence it takes the rule candidates (the trigger table is the readable layer users edit) and:

* with ``rule_confidence`` in the model file (off in the shipped model: by cross-validation it lost 0.008 PLV and
  0.022 GSR macro-F1), gives each rule candidate its row's calibrated confidence (``rule_precision``: how often
  the row's type was the gold type where it fired in PLV and the GSR, smoothed toward all rows' rate
  ``rule_prior``; ``evaluate/events_train.py``), so a sentence's most confident event may be the model's;
* relabels a rule candidate when ``relabel_at`` is set (off in the shipped model) and the model gives
  another PLOVER type at least that probability, and more than the row's calibrated confidence; rows with a
  condition, statements (no PLOVER type) and planned or hypothetical acts (the modality layer codes their
  intent) are left alone; the candidate keeps its ``rule`` beside the model's name and confidence, so the
  event shows the row the model overruled;
* adds the words the model codes, when:

  - the trigger table does not list the word, or lists it but none of its rows' conditions hold and the
    model's probability reaches ``listed_at``; for a type those rows code, ``declined_at`` (the table has
    decided, e.g. "flew the drone" is no visit: only a confident model overrules it);
  - the word is not part of an actor's mention ("Russian forces"), nor linked to a rule candidate as the act
    it operates on or the verb that operates on it ("agreed to lend", "summoned the ambassador to
    complain": the table's word codes the event), nor what a rule candidate's verb does something to when that
    verb's type says what became of it (:data:`DONE_TO_TYPES`, bans aside: "lifted the blockade" is a retreat,
    no assault; "declared a state of siege", "signed a truce"; an accusation, a demand or a ban is about an
    event of its own: "condemned the attack" keeps the attack, "banned the rallies" the rallies);
  - the word is not a light verb whose object or prepositional object the table codes ("held a phone
    call": the call is the event), nor addresses the media or an audience ("spoke to the radio"), nor is an
    appearance before the media ("an interview", "a news conference", "reported from Kampala"), nor a verb
    reporting a clause ("denied that its troops had attacked":
    provenance reads the denial, the clause holds the event);
  - the model's type is not ``NONE`` and its probability reaches the model's threshold;
  - with ``require_target`` (off by default: measured by cross-validation on PLV and the GSR, it lost more
    recall than it gained precision), the parse gives it a target as well (``Candidate.require_target``);
    for the types the model file lists in ``target_types`` (ASSAULT in the shipped model) always: an assault
    only the model found, with no one assaulted, is mostly a situation ("the war", "the fighting", "the
    conflict"), not an event.

With a sentence model in the file (``model.py``), the sentence decides too:

* ``suppress_at``: in a sentence the sentence model gives ``NONE`` (no event) at least this probability, the
  model adds no word ("gave an interview" is no meeting); the table's rows still code;
* ``suppress_rules_at`` (off in the shipped model unless its metadata sets it): there, rows without a
  condition coding a PLOVER type are dropped too;
* ``propose_at``: a sentence with no candidate of a PLOVER type (neither a row nor the word model) gets one when
  the sentence model gives a type at least this probability; its word is the candidate word the word model
  gives that type most, among those whose most likely type (``NONE`` aside) it is (not an actor's mention,
  not a verb reporting a clause, not a listed word whose rows of that type declined it: "released a
  statement" is no release); the candidate's confidence is the sentence model's probability.

``relabel_at``, ``listed_at``, ``declined_at``, ``suppress_at`` and ``propose_at`` default to the model
file's metadata (chosen by 5-fold cross-validation on PLV, the GSR and M2E2; see ``evaluate/events_train.py``);
``None`` there turns the behaviour off (a model without them codes unlisted words only).

Like rule candidates, a model candidate becomes an event only when the parse gives it a source actor.

Added candidates carry ``model="<name>/<version>"`` (so ``Event.found_by == "model"``) and the probability as
``confidence``.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Any

import numpy as np

from ...knowledge.cameo import lookup
from ...knowledge.triggers import TriggerTable, default_triggers
from ...model import Doc, Span
from ...textutil import SpanIndex
from .features import unit_rows
from .modality import modality
from .model import NONE, EventModel, default_event_model
from .triggers import Candidate, match_trigger

__all__ = ["LearnedCoder"]


class LearnedCoder:
    """A ``Coder`` adding the learned model's events to the trigger table's (see the module docstring)."""

    def __init__(self, model: EventModel | None = None, *, table: TriggerTable | None = None,
                 require_target: bool = False, relabel_at: float | None = None,
                 listed_at: float | None = None, declined_at: float | None = None,
                 suppress_at: float | None = None, propose_at: float | None = None,
                 suppress_rules_at: float | None = None) -> None:
        self.model = model or default_event_model()
        self.table = table
        self.require_target = require_target
        meta = self.model.meta
        self.relabel_at = relabel_at if relabel_at is not None else meta.get("relabel_at")
        self.listed_at = listed_at if listed_at is not None else meta.get("listed_at")
        self.declined_at = float(declined_at if declined_at is not None else meta.get("declined_at", 1.01))
        self.suppress_at = suppress_at if suppress_at is not None else meta.get("suppress_at")
        self.propose_at = propose_at if propose_at is not None else meta.get("propose_at")
        self.suppress_rules_at = suppress_rules_at if suppress_rules_at is not None else meta.get("suppress_rules_at")
        # PLOVER types the model codes only with a target in the parse (``target_types`` in the metadata)
        self.target_types = frozenset(str(t) for t in meta.get("target_types") or ())
        # each row's calibrated confidence (``rule_precision``, ``rule_prior``), used when ``rule_confidence`` is
        # true (off in the shipped model: it lost on cross-validation); else rows carry none, read as 1.0
        self.rule_precision = {str(k): float(v) for k, v in (meta.get("rule_precision") or {}).items()}
        prior = meta.get("rule_prior") if meta.get("rule_confidence") else None
        self.rule_prior = float(prior) if prior is not None else None
        self.name = f"{self.model.name}/{self.model.version}"
        # (doc, its mentions list, their count, index of the actor mentions' spans): built once per document,
        # not once per sentence (that was quadratic in the document's length); replaced whole, so thread-safe
        self._actor_spans: tuple[Doc, list[Any], int, SpanIndex] | None = None
        # the model's view of one document, built once per document (not once per sentence, whose fixed numpy
        # costs made it most of the events stage): its parse, its candidate words in token order, their token
        # indices, their probabilities (one row each, in that order; a word's row depends on the word alone),
        # and ``features.unit_rows`` of its tensor; replaced whole, so thread-safe
        self._doc_view: tuple[Doc, Any, list[Any], list[int], np.ndarray, np.ndarray | None] | None = None

    def _actor_index(self, doc: Doc) -> SpanIndex:
        cached = self._actor_spans
        if cached is not None and cached[0] is doc and cached[1] is doc.mentions and cached[2] == len(doc.mentions):
            return cached[3]
        index = SpanIndex(m.span for m in doc.mentions if m.actor_id)
        self._actor_spans = (doc, doc.mentions, len(doc.mentions), index)
        return index

    def _view(self, doc: Doc) -> tuple[list[Any], list[int], np.ndarray, np.ndarray | None]:
        """The document's candidate words, their token indices, their probabilities and its unit tensor rows."""
        cached = self._doc_view
        if cached is not None and cached[0] is doc and cached[1] is doc.nlp:
            return cached[2], cached[3], cached[4], cached[5]
        sdoc = doc.nlp
        cands = self.model.candidates(sdoc)
        probs = self.model.probabilities(cands)
        unit = unit_rows(sdoc) if self.suppress_at is not None or self.propose_at is not None else None
        self._doc_view = (doc, sdoc, cands, [t.i for t in cands], probs, unit)
        return cands, self._doc_view[3], probs, unit

    def label(self, doc: Doc, sentence: int, candidates: list[Candidate]) -> list[Candidate]:
        """The rule candidates of the sentence plus the model's (contract: ``coder.Coder``)."""
        rows = self.table if self.table is not None else default_triggers()
        sdoc = doc.nlp
        span = doc.sentences[sentence]
        taken = {c.token for c in candidates}
        done_to = {c.token for c in candidates if _plover(c.cameo) in DONE_TO_TYPES and c.cameo not in BANS}
        found = sdoc.char_span(span.start, span.end, alignment_mode="expand")
        words = list(found) if found is not None else [t for t in sdoc if span.start <= t.idx < span.end]
        actor_spans = self._actor_index(doc)
        listed_ok = self.listed_at is not None
        # the model's candidates among the sentence's words (``model.candidates(words)``), taken from the
        # document's: the words are a contiguous run of its tokens, and a word's candidacy is its own
        cands, at, doc_probs, unit = self._view(doc)
        lo, hi = (bisect.bisect_left(at, words[0].i), bisect.bisect_left(at, words[-1].i + 1)) if words else (0, 0)
        picked = [r for r in range(lo, hi) if (t := cands[r]).i not in taken
                  and (listed_ok or not _listed(t, rows))
                  and not (t.dep_ in ("xcomp", "advcl") and t.head.i in taken)
                  and not any(c.dep_ in ("xcomp", "advcl") and c.i in taken for c in t.children)
                  and not (done_to and _object_of(t) in done_to)
                  and not actor_spans.covers(t.idx)]
        toks = [cands[r] for r in picked]
        candidates = [self._calibrated(c) for c in candidates]
        out = self._relabelled(sdoc, candidates, rows) if self.relabel_at is not None else list(candidates)
        probs = doc_probs[picked]
        sprobs = (self.model.sentence_probabilities(words, unit=unit)
                  if self.suppress_at is not None or self.propose_at is not None else None)
        suppressed = (sprobs is not None and self.suppress_at is not None and self.model.sent_none >= 0
                      and float(sprobs[self.model.sent_none]) >= float(self.suppress_at))
        if (sprobs is not None and self.suppress_rules_at is not None and self.model.sent_none >= 0
                and float(sprobs[self.model.sent_none]) >= float(self.suppress_rules_at)):
            # rows without a condition coding a PLOVER type, in a sentence the sentence model is sure has none
            out = [c for c in out if c.model is not None or (c.rule or "").count("\t") >= 3 or not _plover(c.cameo)]
        for p in [] if suppressed else self.model.predict(toks, table=rows, probs=probs):
            tok = sdoc[p.token]
            if (_light_verb_of_coded_object(tok, rows) or _reports_a_clause(tok) or _addresses_the_media(tok)
                    or _media_appearance(tok)):
                continue
            if listed_ok and _listed(tok, rows) and not self._overrules(tok, p.plover, p.confidence, rows):
                continue
            out.append(Candidate(tok.i, Span(tok.idx, tok.idx + len(tok)), p.cameo, model=self.name,
                                 confidence=p.confidence,
                                 require_target=self.require_target or p.plover in self.target_types))
        if sprobs is not None and self.propose_at is not None and not any(_plover(c.cameo) for c in out):
            proposed = self._proposed(sdoc, toks, probs, sprobs, rows)
            if proposed is not None:
                out.append(proposed)
        return out

    def _proposed(self, sdoc: Any, toks: list[Any], probs: Any, sprobs: Any, rows: TriggerTable) -> Candidate | None:
        """The sentence model's candidate for a sentence with none of a PLOVER type (``propose_at``)."""
        best = max((i for i in range(len(sprobs)) if i != self.model.sent_none), key=lambda i: float(sprobs[i]),
                   default=None)
        if best is None or float(sprobs[best]) < float(self.propose_at):  # type: ignore[arg-type]
            return None
        plover = self.model.sent_classes[best]
        if plover not in self.model.classes or not toks:
            return None
        col = self.model.classes.index(plover)
        # words whose most likely type (NONE aside) is the sentence's: the two models agree, the word was unsure
        others = [i for i, c in enumerate(self.model.classes) if c != NONE]
        ranked = sorted((r for r in range(len(toks)) if others[int(probs[r, others].argmax())] == col),
                        key=lambda r: -float(probs[r, col]))
        # the table's decisions stand: a listed word whose rows of this type declined it ("released a statement"
        # is no release of detainees) is not proposed as that type
        tok = next((toks[r] for r in ranked if not _reports_a_clause(toks[r]) and not _media_appearance(toks[r])
                    and not (_listed(toks[r], rows) and plover in _declined(toks[r], rows))), None)
        if tok is None:
            return None
        return Candidate(tok.i, Span(tok.idx, tok.idx + len(tok)), self.model.code_for(tok, plover, rows),
                         model=self.name, confidence=round(float(sprobs[best]), 3),
                         require_target=self.require_target or plover in self.target_types)


    def _calibrated(self, c: Candidate) -> Candidate:
        """A rule candidate with its row's calibrated confidence (how often the row's type was the gold one where it
        fired in training), when the model file has them; others unchanged."""
        if c.model is not None or c.confidence is not None or self.rule_prior is None:
            return c
        return dataclasses.replace(c, confidence=self.rule_precision.get(c.rule or "", self.rule_prior))

    def _overrules(self, tok: Any, plover: str, confidence: float, rows: TriggerTable) -> bool:
        """May the model code a listed word whose rows' conditions all failed (``listed_at``, ``declined_at``)?"""
        if self.listed_at is None or confidence < float(self.listed_at):
            return False
        return confidence >= self.declined_at or plover not in _declined(tok, rows)

    def _relabelled(self, sdoc: Any, candidates: list[Candidate], rows: TriggerTable) -> list[Candidate]:
        """Rule candidates, each relabelled when the model gives another PLOVER type a probability of at least
        ``relabel_at`` (the rule's row stays on the candidate beside the model's name)."""
        # a row with a condition ("recall" with an ambassador as object) is the table's considered decision
        cands = [c for c in candidates if c.model is None and (c.rule or "").count("\t") < 3]
        if not cands:
            return list(candidates)
        probs = self.model.probabilities([sdoc[c.token] for c in cands])
        new: dict[int, Candidate] = {}
        for c, p in zip(cands, probs, strict=True):
            best = int(p.argmax())
            plover = self.model.classes[best]
            if plover == NONE or float(p[best]) < float(self.relabel_at):  # type: ignore[arg-type]
                continue
            if c.confidence is not None and float(p[best]) <= c.confidence:  # the row is surer than the model
                continue
            try:
                ours = lookup(c.cameo).plover
            except KeyError:
                continue
            if ours == plover or not ours:
                continue
            tok = sdoc[c.token]
            if modality(tok).status:  # "will visit": a planned visit, its intent coded by the modality layer
                continue
            new[c.token] = dataclasses.replace(c, cameo=self.model.code_for(tok, plover, rows), model=self.name,
                                               confidence=round(float(p[best]), 3))
        return [new.get(c.token, c) for c in candidates]


# PLOVER types of a verb that say what became of its object, so the object is no event of its own ("lifted the
# blockade", "declared a state of siege", "signed a truce", "imposed a curfew"); not accusations, demands,
# rejections, threats, protests or consultations, whose object is an event of its own ("condemned the attack")
DONE_TO_TYPES = frozenset({"CONCEDE", "RETREAT", "COERCE", "SANCTION", "MOBILIZE", "AGREE", "COOPERATE", "AID"})
# ... except bans: the act banned is one of its own ("banned the rallies of the Red Shirts": the rallies, 141)
BANS = frozenset({"172", "1721", "1722"})


def _object_of(tok: Any) -> int | None:
    """The token index of the verb whose object the word is, directly ("lifted the blockade") or as the object's
    of-phrase ("declared a state of siege"); None when it is no object."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("dobj", "obj"):
        tok = tok.head.head
    if tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB":
        return int(tok.head.i)
    return None


def _plover(code: str) -> str:
    try:
        return lookup(code).plover or ""
    except KeyError:
        return ""


def _listed(tok: Any, rows: TriggerTable) -> bool:
    return any(k in rows for k in (tok.lemma_.lower(), tok.lower_))


def _declined(tok: Any, rows: TriggerTable) -> set[str]:
    """PLOVER types of the rows for this word and part of speech (their conditions failed: "flew the drone" is no
    visit, so the model may not code it as one either)."""
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN"
    out: set[str] = set()
    for key in dict.fromkeys((tok.lemma_.lower(), tok.lower_)):
        for trig in rows.get(key, []):
            if trig.pos in (pos, "ANY"):
                try:
                    out.add(lookup(trig.cameo).plover or "")
                except KeyError:
                    continue
    return out


def _light_verb_of_coded_object(tok: Any, rows: TriggerTable) -> bool:
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj", "attr")]
    objects += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(match_trigger(o, rows) is not None for o in objects)


# what a speaker addresses when giving a statement, not meeting anyone ("spoke to the radio", "told reporters")
_MEDIA = frozenset({"radio", "television", "tv", "press", "reporter", "journalist", "media", "newspaper", "audience",
                    "broadcaster", "interviewer", "crowd", "supporter", "parliament", "lawmaker"})


def _addresses_the_media(tok: Any) -> bool:
    """Does the word address the media or an audience (its object, or its "to"/"with" object, is one)?
    Speaking to them is a statement, not a meeting (M2E2 taught the model "spoke" as a phone call)."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "dative") and c.lemma_.lower() in _MEDIA:
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "with"):
            if any(g.dep_ == "pobj" and g.lemma_.lower() in _MEDIA for g in c.children):
                return True
    return False


# appearances before the media: the setting of a statement, never an event between actors ("in an interview
# with the paper", "told a news conference", "Thuso Khumalo reported from Johannesburg")
_APPEARANCES = frozenset({"interview", "briefing", "newscast", "podcast"})
_PRESS = frozenset({"news", "press", "media"})


def _media_appearance(tok: Any) -> bool:
    """Is the word an appearance before the media (an interview, a briefing, a news or press conference or call,
    the verb "report")?  CAMEO codes what is said there as a statement (01); the learned model, trained on sets
    that mark meetings, must not code the appearance itself as one."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return lemma == "report"
    if lemma in _APPEARANCES:
        return True
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _PRESS for c in tok.children)


def _reports_a_clause(tok: Any) -> bool:
    """A verb with a clausal complement ("denied that its troops had attacked", "believes that ...") reports or
    judges what the clause says: the status belongs to provenance, the event to the clause."""
    return tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children)
