"""Provenance: who the report attributes each event to, its status, and the quotes.

* Attribution chains: "first reported by the Al Arabiya channel ... with
  references to unnamed sources" gives ``[Al Arabiya (outlet), unnamed
  sources (anonymous source)]`` with the outlet citing the sources;
  "according to X", "X reported", "citing X", "quoting X", "sources close to
  X" are recognised the same way.  A chain reaches the events whose trigger
  is in the sentence, or that the sentence refers to ("The meeting, first
  reported by ..."), and every event of their episode.
* Status: "has yet to confirm the visit", "did not confirm", "declined to
  confirm" -> unconfirmed; "confirmed" -> confirmed; "denied" -> denied;
  planned / hypothetical come from the event's own mood; an event whose only
  sources are anonymous is unconfirmed.
* Quotes: straight and curly double quotes and curly single quotes (a ’
  followed by a letter is an apostrophe, not a closing quote), each with its
  speaker: the subject of the speech verb governing it (climbing "adding
  that ..."), or the latest speaker of an adjoining quote.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from ..model import Attribution, Doc, Event, Quote, Span
from ..pipeline import stage
from ..textutil import find_quotes
from .events import ActorIndex, noun_phrase, subject_of

SPEECH_VERBS = frozenset({
    "say", "tell", "add", "note", "emphasize", "emphasise", "stress", "describe", "warn", "insist", "declare",
    "state", "reaffirm", "write", "argue", "explain", "announce", "claim", "vow", "pledge", "urge", "remark",
    "comment", "reiterate", "conclude", "ask", "caution", "acknowledge", "admit", "call", "accuse", "tweet",
    "post", "quote", "respond", "reply", "recall", "predict", "suggest", "observe", "point", "assert", "promise",
    "threaten", "condemn", "criticize", "criticise", "praise", "demand", "deny", "confirm", "affirm", "underline",
    "underscore", "highlight", "continue", "hail", "signal",
})
REPORT_VERBS = frozenset({"report", "publish", "break", "broadcast", "say", "claim", "cite", "quote", "air"})
CITE_WORDS = frozenset({"citing", "quoting", "reference", "references", "according"})
ANON_MODIFIERS = frozenset({"unnamed", "anonymous", "unidentified", "undisclosed", "informed", "knowledgeable",
                            "diplomatic", "security", "military", "senior", "several", "two", "three", "some"})
SOURCE_NOUNS = frozenset({"source", "sources", "official", "officials", "insider", "insiders", "diplomat", "diplomats"})

def _tok_at(sdoc: Any, offset: int) -> Any | None:
    span = sdoc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _speech_verb(tok: Any, quote: Span | None = None) -> Any | None:
    """The speech verb governing a quote's token, never one inside the quote itself."""

    def outside(t: Any) -> bool:
        return quote is None or not (quote.start <= t.idx < quote.end)

    cur = tok
    for _ in range(12):
        if cur.lemma_.lower() in SPEECH_VERBS and cur.pos_ in ("VERB", "AUX") and outside(cur):
            return cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    # quote before the verb: "'...,' the minister said."
    for t in tok.sent:
        if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and outside(t) and any(
                c.dep_ in ("nsubj",) for c in t.children):
            return t
    return None


SPEECH_NOUNS = frozenset({"claim", "statement", "remark", "remarks", "words", "comment", "comments", "assertion",
                          "warning", "promise", "pledge", "vow", "call", "accusation", "message", "speech", "tweet",
                          "post", "interview", "letter", "insistence", "argument"})


def _speech_noun_owner(tok: Any, quote: Span, args: ActorIndex) -> tuple[str, Any] | None:
    """"Trump’s claim that there were “thousands of shootings”": the owner of a speech noun above the quote."""
    cur = tok
    for _ in range(8):
        if cur.lemma_.lower() in SPEECH_NOUNS and cur.pos_ == "NOUN" and not (quote.start <= cur.idx < quote.end):
            for c in cur.children:
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from")):
                    ids = args.in_tokens(c.subtree)
                    if ids:
                        return ids[0], c
            return None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _previous_speaker(doc: Doc, sdoc: Any, span: Span, args: ActorIndex) -> tuple[str, Any] | None:
    """'Trump spoke on Monday. "We will win," ...': the subject of a speech verb in the sentence before,
    in the same paragraph."""
    i = doc.sentence_of(span.start)
    if i == 0 or "\n" in doc.text[doc.sentences[i - 1].end : span.start]:
        return None
    prev = sdoc.char_span(doc.sentences[i - 1].start, doc.sentences[i - 1].end, alignment_mode="expand")
    if prev is None:
        return None
    for t in prev:
        if t.lemma_.lower() in SPEECH_VERBS | {"speak"} and t.pos_ == "VERB":
            ids, _ = subject_of(t, args)
            if ids:
                return ids[0], prev
    return None


def _according_to(sent: Any) -> Any | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for c in t.doc[t.i + 1].children:
                if c.dep_ == "pobj":
                    return c
    return None


def _span_of(toks: Iterable[Any]) -> Span:
    ts = sorted(toks, key=lambda t: t.i)
    return Span(ts[0].idx, ts[-1].idx + len(ts[-1]))


def _is_anonymous_source(tok: Any) -> bool:
    if tok.lower_ not in SOURCE_NOUNS:
        return False
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "nummod", "det", "compound")}
    if tok.lower_ in ("source", "sources"):
        return True
    return bool(mods & ANON_MODIFIERS) and not any(c.ent_type_ == "PERSON" for c in tok.subtree)


def extract_quotes(doc: Doc, args: ActorIndex | None = None) -> list[Quote]:
    sdoc = doc.nlp
    args = args or ActorIndex(doc)
    actors = {a.id: a for a in doc.actors}
    quotes: list[Quote] = []
    for span in find_quotes(doc.text):
        tok = _tok_at(sdoc, span.start)
        speaker: str | None = None
        speaker_span: Span | None = None
        via: str | None = None
        anonymous = False
        if tok is not None:
            verb = _speech_verb(tok, span)
            last = _tok_at(sdoc, span.end - 1)
            if (verb is None or not subject_of(verb, args)[0]) and last is not None and last.sent != tok.sent:
                verb = _speech_verb(last, span)  # a quote of several sentences: the verb is after its last one
                tok = last
            if verb is not None:
                ids, _ = subject_of(verb, args)
                ids = [i for i in ids if not _inside(doc, i, span)
                       and _mention_span(doc, i, verb.sent, outside=span) is not None]
                if ids:
                    speaker = ids[0]
                    speaker_span = _mention_span(doc, speaker, verb.sent, outside=span)
            acc = _according_to(tok.sent)
            if acc is not None:
                via_span = _span_of(acc.subtree)
                via = via_span.text(doc.text)
                if speaker is None and not _is_anonymous_source(acc):
                    ids = args.in_tokens(acc.subtree)
                    speaker = ids[0] if ids else None
        if speaker is None and quotes:
            prev = quotes[-1]
            gap = doc.text[prev.span.end : span.start]
            if "\n\n" not in gap and len(gap) < 200:
                speaker, speaker_span, via = prev.speaker, prev.speaker_span, prev.via
        if speaker is None and tok is not None and (owner := _speech_noun_owner(tok, span, args)) is not None:
            speaker, speaker_span = owner[0], _mention_span(doc, owner[0], owner[1].sent, outside=span)
        if speaker is None and (before := _previous_speaker(doc, sdoc, span, args)) is not None:
            speaker, speaker_span = before[0], _mention_span(doc, before[0], before[1])
        if speaker is not None:
            anonymous = actors[speaker].anonymous
        elif via is not None:
            anonymous = True
        quotes.append(Quote(span=span, speaker=speaker, speaker_span=speaker_span, anonymous=anonymous, via=via))
    return quotes


def _inside(doc: Doc, actor_id: str, span: Span) -> bool:
    """Is every mention of the actor inside ``span`` (a speaker named only within the quote itself)?"""
    actor = doc.actor(actor_id)
    return actor is not None and all(span.contains(doc.mentions[i].span) for i in actor.mentions)


def _mention_span(doc: Doc, actor_id: str, sent: Any, *, outside: Span | None = None) -> Span | None:
    # the mentions are sorted by start (the actor and event stages keep them so): only the sentence's are read
    first = bisect_left(doc.mentions, sent.start_char, key=lambda m: m.span.start)
    for m in doc.mentions[first:]:
        if m.span.start >= sent.end_char:
            break
        if outside is not None and outside.overlaps(m.span):
            continue
        if m.actor_id == actor_id and sent.start_char <= m.span.start < sent.end_char:
            return m.head if m.label == "PERSON" and m.head else m.span
    return None


def _attribution_chain(doc: Doc, sent: Any, args: ActorIndex) -> list[Attribution]:
    """Attributions stated in one sentence, outermost first (outlet, then who it cites)."""
    actors = args.actors
    chain: list[Attribution] = []
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in REPORT_VERBS and t.pos_ == "VERB":
            who: list[Any] = []
            for c in t.children:
                if c.dep_ == "agent":
                    who += [g for p in c.children for g in noun_phrase(p)]
                elif c.dep_ == "nsubj":
                    who += noun_phrase(c)
            if who and not any(w.lower_ in ("it", "this", "that") for w in who):
                ids = args.in_tokens(who, outlets=True)
                head = max(who, key=lambda w: len(list(w.subtree)))
                anon = _is_anonymous_source(head)
                outlet_id = next((i for i in ids if actors[i].kind == "outlet"), None)
                if outlet_id is not None:
                    a = actors[outlet_id]
                    chain.append(Attribution(source=a.name, anonymous=False, kind="outlet",
                                             span=_span_of(who), actor_id=outlet_id))
                elif ids and not anon:
                    a = actors[ids[0]]
                    chain.append(Attribution(source=a.name, anonymous=a.anonymous, kind="official",
                                             span=_span_of(who), actor_id=a.id))
                elif anon:
                    chain.append(Attribution(source=_span_of(head.subtree).text(doc.text), anonymous=True,
                                             kind="source", span=_span_of(head.subtree)))
        if t.lower_ in CITE_WORDS:
            objs = [g for c in t.subtree if c.dep_ == "pobj" or (c.dep_ == "dobj" and c.head.i == t.i) for g in [c]]
            for o in objs:
                if o.lower_ in SOURCE_NOUNS or o.ent_type_ in ("ORG", "PERSON") or args.at(o):
                    src_span = _span_of(o.subtree)
                    if any(x.span is not None and x.span.overlaps(src_span) for x in chain):
                        continue
                    ids = args.at(o, outlets=True)
                    anon = _is_anonymous_source(o) and not ids
                    if ids and not anon:
                        a = actors[ids[0]]
                        chain.append(Attribution(source=a.name, anonymous=a.anonymous,
                                                 kind="outlet" if a.kind == "outlet" else "source", span=src_span,
                                                 actor_id=a.id))
                    else:
                        chain.append(Attribution(source=src_span.text(doc.text), anonymous=anon, kind="source",
                                                 span=src_span))
                    break
    for i in range(len(chain) - 1):
        chain[i].cites = i + 1
    return chain


def _speakers(doc: Doc, sent: Any, args: ActorIndex, taken: list[Attribution]) -> list[tuple[Attribution, Any]]:
    """Who says what in a sentence beyond the reporting verbs ("X warned that ...", "Y argued ..."), each with
    the clause it speaks for: only the events inside that clause are attributed to the speaker."""
    actors = args.actors
    out: list[tuple[Attribution, Any]] = []
    for t in sent:
        if t.pos_ != "VERB" or t.lemma_.lower() not in SPEECH_VERBS or t.lemma_.lower() in REPORT_VERBS:
            continue
        clause = [c for c in t.children if c.dep_ in ("ccomp", "xcomp")]
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        if not clause or not subj:
            continue
        who = noun_phrase(subj[0])
        span = _span_of(who)
        if any(a.span is not None and a.span.overlaps(span) for a in taken):
            continue
        ids = args.in_tokens(who, outlets=True)
        if ids:
            a = actors[ids[0]]
            att = Attribution(source=a.name, anonymous=a.anonymous, kind="speaker", span=span, actor_id=a.id)
        elif _is_anonymous_source(subj[0]):
            att = Attribution(source=span.text(doc.text), anonymous=True, kind="source", span=span)
        else:
            continue
        out.append((att, clause[0]))
    return out


class _EventIndex:
    """The document's events by the sentences they are in or referred to from, and by episode, so that a
    sentence's events are found without reading every event (issue 9: no stage quadratic in length)."""

    def __init__(self, doc: Doc) -> None:
        self.position = {id(ev): i for i, ev in enumerate(doc.events)}
        self.by_sentence: dict[int, list[Event]] = {}
        self.by_episode: dict[Any, list[Event]] = {}
        for ev in doc.events:
            for s in sorted({ev.evidence.sentence, *(doc.sentence_of(r.start) for r in ev.references)}):
                self.by_sentence.setdefault(s, []).append(ev)
            if ev.episode is not None:
                self.by_episode.setdefault(ev.episode, []).append(ev)


def _events_meant(doc: Doc, sent_index: int, sent: Any, anchor: Any | None = None, *,
                  index: _EventIndex | None = None) -> list[Event]:
    """Events a sentence speaks about: triggers in it (under ``anchor`` if given) or references to earlier ones."""
    index = index or _EventIndex(doc)
    out: list[Event] = []
    region = {t.idx for t in anchor.subtree} if anchor is not None else None
    for ev in index.by_sentence.get(sent_index, []):
        if ev.evidence.sentence == sent_index and (region is None or ev.trigger.start in region):
            out.append(ev)
        elif any(doc.sentence_of(r.start) == sent_index and (region is None or r.start in region)
                 for r in ev.references):
            out.append(ev)
    episodes = {ev.episode for ev in out if ev.episode is not None}
    chosen = {id(ev) for ev in out}
    more = {id(ev): ev for e in episodes for ev in index.by_episode.get(e, []) if id(ev) not in chosen}
    out += sorted(more.values(), key=lambda ev: index.position[id(ev)])
    return out


def _status_statements(doc: Doc, index: _EventIndex | None = None) -> list[tuple[str, list[Event]]]:
    index = index or _EventIndex(doc)
    sdoc = doc.nlp
    out: list[tuple[str, list[Event]]] = []
    for i, s in enumerate(doc.sentences):
        sent = sdoc.char_span(s.start, s.end, alignment_mode="expand")
        if sent is None:
            continue
        for t in sent:
            lemma = t.lemma_.lower()
            if lemma in ("confirm", "deny", "verify", "corroborate") and t.pos_ == "VERB":
                negative = _negated_verb(t)
                if lemma == "deny":
                    status = "reported" if negative else "denied"
                else:
                    status = "unconfirmed" if negative else "confirmed"
                objs = [c for c in t.children if c.dep_ in ("dobj", "ccomp", "nsubjpass")]
                meant: list[Event] = []
                for o in objs:
                    meant += [e for e in _events_meant(doc, i, sent, o, index=index) if e not in meant]
                if meant:
                    out.append((status, meant))
            elif t.lower_ == "unconfirmed" and t.dep_ == "amod":
                meant = _events_meant(doc, i, sent, t.head, index=index)
                if meant:
                    out.append(("unconfirmed", meant))
    return out


def _negated_verb(t: Any) -> bool:
    chain = [t, t.head] if t.dep_ in ("xcomp",) else [t]
    for v in chain:
        for c in v.children:
            if c.dep_ == "neg" or c.lower_ in ("yet", "never"):
                return True
        if v.lemma_.lower() in ("decline", "refuse", "fail") and v is not t:
            return True
    return False


def extract(doc: Doc) -> tuple[list[Quote], list[Attribution], dict[str, tuple[list[Attribution], str | None]]]:
    """Quotes, every attribution found, and per event id its chain and stated status."""
    sdoc = doc.nlp
    args = ActorIndex(doc)
    events = _EventIndex(doc)
    quotes = extract_quotes(doc, args)
    attributions: list[Attribution] = []
    per_event: dict[str, tuple[list[Attribution], str | None]] = {}
    for i, s in enumerate(doc.sentences):
        sent = sdoc.char_span(s.start, s.end, alignment_mode="expand")
        if sent is None:
            continue
        chain = _attribution_chain(doc, sent, args)
        attributions.extend(chain)
        if chain:
            for ev in _events_meant(doc, i, sent, index=events):
                if ev.id not in per_event:
                    per_event[ev.id] = (chain, None)
        for att, clause in _speakers(doc, sent, args, chain):
            attributions.append(att)
            for ev in _events_meant(doc, i, sent, clause, index=events):
                if ev.id not in per_event:
                    per_event[ev.id] = ([att], None)
    for status, evs in _status_statements(doc, events):
        for ev in evs:
            chain, _ = per_event.get(ev.id, ([], None))
            per_event[ev.id] = (chain, status)
    return quotes, attributions, per_event


def attach(doc: Doc, quotes: list[Quote], attributions: list[Attribution],
           per_event: dict[str, tuple[list[Attribution], str | None]]) -> None:
    doc.quotes = quotes
    doc.attributions = attributions
    for ev in doc.events:
        chain, status = per_event.get(ev.id, ([], None))
        ev.attribution = list(chain)
        if status is not None:
            ev.status = status  # type: ignore[assignment]
        elif ev.status == "reported" and chain and all(a.anonymous for a in chain if a.kind != "outlet"):
            if any(a.kind != "outlet" for a in chain):
                ev.status = "unconfirmed"


@stage("communique.provenance.v1", requires=["nlp", "sentences", "actors", "events"],
       assigns=["quotes", "attributions", "status"])
class ProvenanceStage:
    def __call__(self, doc: Doc) -> Doc:
        attach(doc, *extract(doc))
        return doc
