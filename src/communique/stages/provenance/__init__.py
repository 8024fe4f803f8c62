"""Provenance: the quotes, who the report attributes each event to, and the event's status.

Modules: :mod:`.quotes` (direct quotes and speakers), :mod:`.attribution` (reporting chains, indirect speech,
source / cue / content spans), :mod:`.status` (the report-level status resolver), :mod:`.common` (speech
vocabulary, descriptive sources).

An attribution reaches the events whose trigger lies in the content it governs (the clause after "said
that", the rest of the sentence for "according to X" and chains), or that a phrase of the sentence names as the
thing reported ("The meeting, first reported by ...", then every event of its episode); never an event of
another sentence only mentioned inside what a source says ("Officials said the discussions covered water").

Status statements:

* "X denied reports that its troops had attacked ..." -> the attack is ``denied``, and X (cue "denied") is
  added to its attribution;
* "X denied the report" / "X denied the claims" (no clause of its own) -> the events of the latest report
  before it in the article (the events of the nearest earlier sentence that has any);
* "confirmed" -> ``confirmed``; "did not confirm", "has yet to confirm", "declined to confirm",
  "unconfirmed reports" -> ``unconfirmed``; "did not deny" is no denial.

The status itself comes from the one resolver, ``stages.events.modality.resolve_status`` (owned by the event
coder), through :func:`.status.resolve_status`, which gives it the event's own mood, and what these
statements and the event's sources state (:func:`.status.stated_status`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from typing import Any

from ...model import Actor, Attribution, Doc, Event, Mention, Quote, Span
from ...pipeline import stage
from ...textutil import SpanIndex
from ..events import ActorIndex
from .attribution import chain, direct, joined, speech, stance
from .common import Speakers, source_tokens, span_of, tok_at
from .quotes import extract_quotes, label_lines
from .status import StatusStatement, independent_sources, resolve_status, restatements, stated_status

__all__ = ["ProvenanceResult", "ProvenanceStage", "StatusStatement", "attach", "extract", "independent_sources",
           "resolve_status", "restatements", "stated_status"]

_REPORT_NOUNS = frozenset({"report", "reports", "claim", "claims", "allegation", "allegations", "account",
                           "accounts", "story", "stories", "rumour", "rumours", "rumor", "rumors", "it", "this",
                           "that", "charge", "charges", "accusation", "accusations", "assertion", "suggestion",
                           "suggestions", "involvement", "responsibility", "wrongdoing", "role"})
#: report nouns that charge a party rather than point at a report: "denied involvement", "denied any wrongdoing"
_CHARGE_NOUNS = frozenset({"involvement", "responsibility", "wrongdoing", "role"})
#: words that call a report untrue: "Belgrade called the report false", "branded the claims baseless"
_FALSE_WORDS = frozenset({"false", "untrue", "baseless", "groundless", "fabricated", "fabrication", "fake", "lie",
                          "lies", "nonsense", "unfounded", "invented", "fiction", "propaganda", "misinformation",
                          "disinformation", "inaccurate", "wrong"})
#: verbs that call something so: "called the report false"
_CALLING = frozenset({"call", "brand", "label", "describe", "term", "dub"})


class ProvenanceResult:
    """What :func:`extract` finds: quotes, attributions, per event id its attributions and status statements,
    and descriptive sources that became actors (with their mentions)."""

    def __init__(self) -> None:
        self.quotes: list[Quote] = []
        self.attributions: list[Attribution] = []
        self.per_event: dict[str, list[Attribution]] = {}
        self.statements: dict[str, list[StatusStatement]] = {}
        self.actors: list[Actor] = []
        self.mentions: list[Mention] = []
        self.links: list[tuple[str, int]] = []


class _BySpan:
    """A growing list of attributions (``res.attributions``, appended to, never reordered) indexed by where their
    source spans start: the ones overlapping a span are found by bisection, not by reading them all per quote
    (quadratic in the article's length)."""

    def __init__(self, atts: list[Attribution]) -> None:
        self.atts = atts
        self.keys: list[tuple[int, int]] = []  # (span start, position in atts), sorted
        self.widest = 0
        for k in range(len(atts)):
            self.add(k)

    def add(self, k: int) -> None:
        """Index ``atts[k]`` (just appended)."""
        span = self.atts[k].span
        if span is not None:
            insort(self.keys, (span.start, k))
            self.widest = max(self.widest, len(span))

    def overlapping(self, span: Span) -> list[Attribution]:
        """The attributions whose source span overlaps ``span``, in list order."""
        lo = bisect_left(self.keys, (span.start - self.widest, -1))
        hi = bisect_left(self.keys, (span.end, -1))
        hits = sorted(k for _, k in self.keys[lo:hi] if self.atts[k].span.overlaps(span))  # type: ignore[union-attr]
        return [self.atts[k] for k in hits]


class _EventIndex:
    """The document's events by the sentences they are in or referred to from, and by episode: a sentence's
    events are found without reading every event (no stage quadratic in the article's length)."""

    def __init__(self, doc: Doc) -> None:
        self.by_sentence: dict[int, list[Event]] = {}
        self.by_episode: dict[int, list[Event]] = {}
        # (sentence, event) -> the event's references in that sentence, in order (an event told again and again
        # has a reference in every such sentence: reading them all per sentence was quadratic)
        self.references: dict[tuple[int, int], list[Span]] = {}
        for ev in doc.events:
            for r in ev.references:
                self.references.setdefault((doc.sentence_of(r.start), id(ev)), []).append(r)
            for s in sorted({ev.evidence.sentence, *(doc.sentence_of(r.start) for r in ev.references)}):
                self.by_sentence.setdefault(s, []).append(ev)
            if ev.episode is not None:
                self.by_episode.setdefault(ev.episode, []).append(ev)


#: verbs of reporting, confirming and denying: "the visit was first reported by ...", "the ministry denied the
#: attack", "the meeting has not been confirmed" — their subject or object is the event as the thing reported
_REALISING = frozenset({"report", "confirm", "deny", "verify", "corroborate", "announce", "publish", "break",
                        "broadcast", "dismiss", "reject", "refute", "disclose", "reveal", "dispute", "contest",
                        "rebut", "rebuff"})
#: verbs that deny a report they take as object ("disputed reports that ...", "rebuffed accusations of ..."); with
#: any other object they are no denial ("rejected the plan", "contested the election")
_REJECTING = frozenset({"dismiss", "reject", "refute", "dispute", "contest", "rebut", "rebuff"})
#: nouns of reporting: "reports of the attack", "news of the meeting"
_NEWS_NOUNS = frozenset({"report", "reports", "news", "word", "account", "accounts", "claim", "claims",
                         "rumour", "rumours", "rumor", "rumors", "confirmation", "denial", "footage", "images"})
#: marks of a clause the reporter adds beside the reported one: "X argued that ..., while Y blames ..."
_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})


def _names_the_event(tok: Any, anchor: Any | None) -> bool:
    """Does the reference ``tok`` ("the visit", "the discussions") stand for the event as the thing reported,
    confirmed or denied — the anchor itself, the subject of "was confirmed", the object of "reported" /
    "denied", "reports of the visit", "the visit, first reported by ..." — rather than an argument of some
    other predicate a source states ("said the discussions covered water", "said the meeting took place behind
    closed doors": what they say is about talks the article already told in its own voice)?"""
    if anchor is not None and tok.i == anchor.i:
        return True
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _REALISING for c in tok.children):
        return True  # "The visit, first reported by Al Jazeera, ..."
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.lemma_.lower() in _REALISING:
        return True
    if tok.dep_ == "pobj" and head.lower_ in ("of", "about", "on") and head.head.lower_ in _NEWS_NOUNS:
        return True
    return tok.dep_ == "appos" and _names_the_event(head, anchor)


def _events_meant(doc: Doc, sent_index: int, anchor: Any | None = None, *,
                  index: _EventIndex | None = None) -> list[Event]:
    """Events a sentence speaks about, the scope of an attribution or a status statement in it: the events
    whose trigger lies in it (under ``anchor``, the clause introduced, if given; never in a contrast clause
    the reporter adds, "..., while Y blames ..."), the events of the same sentences' episodes, and earlier
    events a phrase of it refers to when that phrase stands for the event as the thing reported
    (:func:`_names_the_event`) with their whole episode.  An event of another sentence is never reached
    through a mere mention inside what a source says ("Officials said the discussions covered water" does not
    make the earlier meeting theirs)."""
    index = index or _EventIndex(doc)
    sdoc = doc.nlp
    out: list[Event] = []
    region = {t.idx for t in anchor.subtree} if anchor is not None else None
    if anchor is not None and region is not None:
        for t in anchor.subtree:
            if t.i != anchor.i and t.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in t.children):
                region -= {x.idx for x in t.subtree}
    whole: set[int] = set()  # episodes reached through a reference: every event of them
    for ev in index.by_sentence.get(sent_index, []):
        if ev.evidence.sentence == sent_index and (region is None or ev.trigger.start in region):
            out.append(ev)
            continue
        for r in index.references.get((sent_index, id(ev)), []):
            if region is not None and r.start not in region:
                continue
            span = sdoc.char_span(r.start, r.end, alignment_mode="expand")
            tok = span.root if span is not None and len(span) else None
            if tok is not None and _names_the_event(tok, anchor):
                out.append(ev)
                if ev.episode is not None:
                    whole.add(ev.episode)
                break
    chosen = {id(ev) for ev in out}
    for episode in dict.fromkeys(ev.episode for ev in out if ev.episode is not None):
        for ev in index.by_episode.get(episode, []):  # type: ignore[arg-type]
            if id(ev) not in chosen and (episode in whole or ev.evidence.sentence == sent_index):
                chosen.add(id(ev))
                out.append(ev)
    return out


def _restated(att: Attribution, others: list[Attribution]) -> bool:
    """Is ``att`` a source restating itself inside its own content ("Ruiz says she believes ...": the belief is
    Ruiz's saying), the same actor as an attribution whose content holds it?  It adds nothing; the outer one
    stands."""
    if att.span is None or att.actor_id is None:
        return False
    return any(o is not att and o.actor_id == att.actor_id and o.content is not None and
               o.content.contains(att.span) for o in others)


#: adverbs of hearsay the reporter vouches nothing for: "Police reportedly arrested twelve protesters"
_HEARSAY = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
#: words that unmake the verb under them: "declined to confirm", "was unable to verify"
_UNMAKING = frozenset({"decline", "refuse", "fail", "unable", "impossible"})


def _negated_verb(t: Any) -> bool:
    chain_ = [t, t.head] if t.dep_ in ("xcomp",) else [t]
    for v in chain_:
        for c in v.children:
            if c.dep_ == "neg" or c.lower_ in ("yet", "never"):
                return True
        if v.lemma_.lower() in _UNMAKING and v is not t:
            return True
    return False


def _subject_of(t: Any) -> list[Any]:
    """Who makes the statement ``t``: its subject, the agent of a passive ("a claim denied by the police"),
    else the subject of the verb it hangs from when it has none of its own ("The army, while denying that
    ..., said ...", "denied the report and said ...")."""
    for c in t.children:
        if c.dep_ == "nsubj":
            return source_tokens(c)
        if c.dep_ == "agent":
            return [g for p in c.children for g in source_tokens(p)]
    if t.dep_ in ("advcl", "conj", "xcomp") and t.head.pos_ in ("VERB", "AUX") and t.head.i != t.i:
        return next((source_tokens(c) for c in t.head.children if c.dep_ == "nsubj"), [])
    return []


def _gerund_objects(t: Any) -> list[Any]:
    """The act a denial or confirmation states as a gerund: "Ukraine denied shelling the town", "denied having
    shelled", "denied carrying out air strikes", "denied being behind the shelling", "confirmed shelling" (an
    open complement in -ing, or one with "having"/"being"); not "declined to confirm" (an infinitive)."""
    return [c for c in t.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and (
        c.tag_ == "VBG" or any(a.dep_ in ("aux", "auxpass") and a.lower_ in ("having", "being") for a in c.children))]


def _names_trigger(toks: list[Any], trig: Any, cameo: str) -> bool:
    """Does a word of ``toks`` name the event whose trigger is the token ``trig``: a noun or verb of the same
    CAMEO root in our trigger table, or of the same stem (:func:`_same_stem`: "arrests" / "arrested")?"""
    from ..events import match_trigger

    word = trig.lemma_.lower()
    for n in toks:
        if n.pos_ not in ("NOUN", "VERB") or not n.is_alpha or n.i == trig.i:
            continue
        row = match_trigger(n)
        if (row is not None and row.cameo[:3] == cameo[:3]) or _same_stem(n.lemma_.lower(), word):
            return True
    return False


def _told_beside(doc: Doc, sent_index: int, verb: Any, objs: list[Any], index: _EventIndex,
                 sourced: dict[str, list[Attribution]]) -> list[Event]:
    """The events of the rest of its sentence that a denial or confirmation set beside them speaks of: "Rwandan
    troops shelled a village, residents said, but the army denied it", "Although the government denied it,
    police arrested twelve protesters", "..., a claim the police denied", "..., though the spokesman denied
    any arrests".  Only events whose trigger lies outside the statement's own clause (``verb``'s subtree, or
    the report noun's it describes); all of them when the statement points at them with a pronoun or a report
    noun with no clause of its own ("it", "the claim"); those a source told (``sourced``: event id -> its
    attributions) when the object is a charge ("but Kigali denied involvement": never "met the ambassador and
    denied any wrongdoing"); else those a word of its object names (:func:`_names_trigger`); each with its
    episode.  A statement that is the sentence's main clause reaches
    nothing here (its subtree is the whole sentence)."""
    clause = verb.head if verb.dep_ in ("relcl", "acl") and verb.head.lower_ in _REPORT_NOUNS else verb
    inside = {x.i for x in clause.subtree}
    sdoc = doc.nlp
    evs: list[tuple[Event, Any]] = []
    for e in index.by_sentence.get(sent_index, []):
        trig = tok_at(sdoc, e.trigger.start) if e.evidence.sentence == sent_index else None
        if trig is not None and trig.i not in inside:
            evs.append((e, trig))
    if not evs:
        return []
    bare = [o for o in objs if o.lower_ in _REPORT_NOUNS and not any(
        c.dep_ in ("acl", "relcl", "ccomp") for c in o.children)]
    pointing = clause is not verb or any(o.lower_ not in _CHARGE_NOUNS for o in bare)
    charged = bool(bare) and not pointing  # "denied involvement": in what a source told, never the reporter's
    words = [x for o in objs for x in o.subtree]
    out = [e for e, trig in evs if pointing or (charged and sourced.get(e.id)) or
           _names_trigger(words, trig, e.cameo)]
    chosen = {id(e) for e in out}
    for episode in dict.fromkeys(e.episode for e in out if e.episode is not None):
        for e in index.by_episode.get(episode, []):  # type: ignore[arg-type]
            if id(e) not in chosen:
                chosen.add(id(e))
                out.append(e)
    return out


def _statements(doc: Doc, speakers: Speakers, res: ProvenanceResult, index: _EventIndex) -> None:
    sdoc = doc.nlp
    for i, s in enumerate(doc.sentences):
        sent = sdoc.char_span(s.start, s.end, alignment_mode="expand")
        if sent is None:
            continue
        for t in sent:
            lemma = t.lemma_.lower()
            cue = Span(t.idx, t.idx + len(t))
            calling = lemma in _CALLING and t.pos_ == "VERB" and any(
                c.lower_ in _REPORT_NOUNS for c in t.children if c.dep_ == "dobj") and any(
                k.lower_ in _FALSE_WORDS for c in t.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "dobj")
                for k in c.subtree)
            if (lemma in ("confirm", "deny", "verify", "corroborate") or lemma in _REJECTING or calling) and \
                    t.pos_ == "VERB":
                negative = _negated_verb(t)
                # "dismissed as false reports that ...": the report is the object of "as"
                as_objs = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                           if g.dep_ == "pobj" and g.lower_ in _REPORT_NOUNS]
                # "a claim the police denied", "a claim denied by the police": the claim is what is denied
                noun_obj = [t.head] if t.dep_ in ("relcl", "acl") and t.head.lower_ in _REPORT_NOUNS and not any(
                    c.dep_ in ("dobj", "ccomp") for c in t.children) else []
                if calling:
                    kind = "retract" if negative else "deny"
                elif lemma == "deny" or lemma in _REJECTING:
                    if lemma != "deny" and not any(c.lower_ in _REPORT_NOUNS for c in t.children) and not (
                            as_objs or noun_obj):
                        continue  # "rejected the plan" is no denial; "dismissed the reports" is
                    kind = "retract" if negative else "deny"
                else:
                    kind = "not_confirmed" if negative else "confirm"
                who = _subject_of(t)
                by = None
                if who and who[0].lower_ not in ("it", "this", "that", "which"):
                    aid = speakers.resolve(who)
                    if aid is not None:
                        a = speakers.actor(aid)
                        by = Attribution(source=a.name, anonymous=a.anonymous,
                                         kind="outlet" if a.kind == "outlet" else "official", span=span_of(who),
                                         actor_id=aid, cue=cue)
                objs = [c for c in t.children if c.dep_ in ("dobj", "ccomp", "nsubjpass")] + as_objs
                if lemma in ("confirm", "deny"):
                    objs += _gerund_objects(t)
                meant: list[Event] = []
                # the report noun itself is the telling, not the act denied ("rebuffed accusations of shelling")
                told = {o.idx for o in objs if o.lower_ in _REPORT_NOUNS}
                for o in objs:
                    meant += [e for e in _events_meant(doc, i, o, index=index) if e not in meant and
                              e.trigger.start not in told]
                if not meant and kind in ("deny", "confirm", "not_confirmed"):
                    meant = _told_beside(doc, i, t, objs + noun_obj, index, res.per_event)
                if not meant and kind in ("deny", "confirm", "not_confirmed"):
                    meant = _named_by_noun(doc, i, [x for o in objs for x in o.subtree], index)
                if not meant and kind in ("deny", "confirm", "not_confirmed") and any(
                        o.lower_ in _REPORT_NOUNS and not any(c.dep_ in ("acl", "relcl", "ccomp") for c in o.children)
                        for o in objs):
                    # "denied that it had asked Moscow ..., dismissing a report as false": the report is of what
                    # the sentence already denies or confirms; else "The ministry denied the report.": the latest
                    s_i = doc.sentences[i]
                    meant = [e for e in index.by_sentence.get(i, []) if any(
                        s_i.start <= st.cue.start < s_i.end for st in res.statements.get(e.id, []))]
                    meant = meant or _latest_report(doc, i, index)
                if by is not None and by.content is None and meant:
                    by.content = span_of([x for o in objs for x in o.subtree]) if objs else None
                for ev in meant:
                    res.statements.setdefault(ev.id, []).append(StatusStatement(kind, cue, by))  # type: ignore
            elif t.lower_ in _HEARSAY and t.dep_ == "advmod" and t.head.pos_ in ("VERB", "AUX"):
                # "Police reportedly arrested ...": hearsay the reporter does not vouch for, with no source named
                for ev in _events_meant(doc, i, t.head, index=index):
                    res.statements.setdefault(ev.id, []).append(StatusStatement("not_confirmed", cue))
            elif t.lower_ == "unconfirmed" and t.dep_ in ("amod", "acomp"):
                for ev in _events_meant(doc, i, t.head if t.dep_ == "amod" else None, index=index):
                    res.statements.setdefault(ev.id, []).append(StatusStatement("not_confirmed", cue))


def _named_by_noun(doc: Doc, sent_index: int, toks: list[Any], index: _EventIndex, *,
                   window: int = 6) -> list[Event]:
    """Earlier events a confirmation or denial names by a noun of the same action: "The army confirmed the
    seizure" (after "troops seized weapons"), "denied that any arrests had taken place" (after "arrested three
    lawmakers") — a noun whose CAMEO code (our trigger table) equals an event's of the ``window`` sentences
    before, or whose stem is the event trigger's (:func:`_same_stem`: "seizure" / "seized"); the nearest such
    event, with its episode."""
    from ..events import match_trigger

    nouns = [t for t in toks if t.pos_ == "NOUN" and t.is_alpha]
    if not nouns:
        return []
    sdoc = doc.nlp
    for j in range(sent_index - 1, max(-1, sent_index - 1 - window), -1):
        evs = [e for e in index.by_sentence.get(j, []) if e.evidence.sentence == j]
        for ev in evs:
            trig = tok_at(sdoc, ev.trigger.start)
            if trig is None:
                continue
            word = trig.lemma_.lower()
            for n in nouns:
                row = match_trigger(n)
                if (row is not None and row.cameo[:3] == ev.cameo[:3]) or _same_stem(n.lemma_.lower(), word):
                    out = [ev]
                    if ev.episode is not None:
                        out += [e for e in index.by_episode.get(ev.episode, []) if e is not ev]
                    return out
    return []


_NOMINAL_SUFFIXES = ("ings", "ing", "ures", "ure", "ions", "ion", "ments", "ment", "als", "al", "s", "e", "ed")


def _same_stem(noun: str, verb: str) -> bool:
    """"seizure" and "seize", "arrests" and "arrest", "bombing" and "bomb": the two words without one nominal or
    inflectional suffix (and a final "e") are equal and at least four letters long."""
    def stem(w: str) -> str:
        for suffix in _NOMINAL_SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                return w[: len(w) - len(suffix)]
        return w
    a, b = stem(noun), stem(verb)
    return len(a) >= 4 and a == b


def _latest_report(doc: Doc, sent_index: int, index: _EventIndex) -> list[Event]:
    """The events of the nearest earlier sentence that has any, with their episodes."""
    for j in range(sent_index - 1, -1, -1):
        evs = [e for e in index.by_sentence.get(j, []) if e.evidence.sentence == j]
        if evs:
            chosen = {id(e) for e in evs}
            for episode in dict.fromkeys(e.episode for e in evs if e.episode is not None):
                more = [e for e in index.by_episode.get(episode, []) if id(e) not in chosen]  # type: ignore
                evs += more
                chosen.update(id(e) for e in more)
            return evs
    return []


def extract(doc: Doc) -> ProvenanceResult:
    """Quotes, attributions (with source, cue and content spans), per event its attributions and the
    statements about its truth, and the descriptive sources made actors.  Reads ``doc``; changes nothing."""
    sdoc = doc.nlp
    args = ActorIndex(doc)
    args.by_char = list(args.by_char)
    args.kinds = dict(args.kinds)
    speakers = Speakers(doc, args)
    res = ProvenanceResult()
    index = _EventIndex(doc)
    res.quotes = extract_quotes(doc, speakers)
    # the quotes are fixed from here on: their spans indexed once (per sentence, the scans were quadratic)
    quoted = SpanIndex(p for q in res.quotes for p in (q.parts or [q.span]))
    quote_spans = SpanIndex(q.span for q in res.quotes)
    for i, s in enumerate(doc.sentences):
        sent = sdoc.char_span(s.start, s.end, alignment_mode="expand")
        if sent is None:
            continue
        found = chain(doc, sent, speakers, quoted=quoted)
        res.attributions.extend(a for a in found if not joined(a, found))  # joined subjects: the events' only
        if found:
            contents = [a.content for a in found]
            for ev in _events_meant(doc, i, index=index):
                if ev.evidence.sentence == i and all(c is not None for c in contents) and not any(
                        c.start <= ev.trigger.start < c.end for c in contents if c is not None):
                    continue  # "X met Y, and officials said the talks went well": the meeting is not theirs
                res.per_event.setdefault(ev.id, list(found))
        spoken = speech(doc, sent, speakers, found, res.quotes, quote_index=quote_spans)
        held = stance(doc, sent, speakers, found + [a for a, _ in spoken], quote_index=quoted)
        outer = found + [a for a, _ in spoken + held]
        stances = {id(a) for a, _ in held}
        for att, clause in spoken + held:
            if _restated(att, outer):
                continue
            if not joined(att, outer):
                res.attributions.append(att)
            for ev in _events_meant(doc, i, clause, index=index):
                if id(att) in stances and ev.evidence.sentence != i:
                    continue  # "described the discussions as ...": a position on events told earlier, not their source
                chained = res.per_event.setdefault(ev.id, [att])
                if chained[-1] is not att and chained[-1].cue == att.cue and chained[-1].content == att.content:
                    chained.append(att)  # "the army and the governor warned that ...": each joined subject speaks
    triggers = sorted((ev.trigger.start, k) for k, ev in enumerate(doc.events))
    by_span = _BySpan(res.attributions)
    for att in direct(doc, res.quotes, speakers):
        same = next((a for a in by_span.overlapping(att.span) if a.content is None or att.content is None
                     or a.content.overlaps(att.content)), None) if att.span is not None else None
        if same is not None:  # "'...,' Fidan said": the speech verb's attribution is this quote's
            same.content, same.direct, same.cue = att.content, att.direct, same.cue or att.cue
        else:
            res.attributions.append(att)
            by_span.add(len(res.attributions) - 1)
        if att.content is not None:
            lo = bisect_left(triggers, (att.content.start, -1))
            hi = bisect_left(triggers, (att.content.end, -1))
            for _, k in triggers[lo:hi]:  # the events whose trigger starts inside the content
                res.per_event.setdefault(doc.events[k].id, [att])
    for aid, label, colon, content in label_lines(doc, speakers):  # "PENCE: Well, ...", "Ana Ruiz: ‘...’"
        if by_span.overlapping(label):
            continue
        a = speakers.actor(aid)  # type: ignore[arg-type]
        turn = label.text(doc.text).isupper()  # a transcript's turn is the speaker's own words
        att = Attribution(source=a.name, anonymous=a.anonymous, kind="outlet" if a.kind == "outlet" else "speaker",
                          span=label, actor_id=aid, cue=colon, content=content, direct=turn)
        res.attributions.append(att)
        by_span.add(len(res.attributions) - 1)
        lo = bisect_left(triggers, (content.start, -1))
        hi = bisect_left(triggers, (content.end, -1))
        for _, k in triggers[lo:hi]:
            res.per_event.setdefault(doc.events[k].id, [att])
    _statements(doc, speakers, res, index)
    res.attributions.sort(key=lambda a: a.span.start if a.span is not None else -1)
    res.actors, res.mentions, res.links = speakers.new_actors, speakers.new_mentions, speakers.links
    return res


def attach(doc: Doc, res: ProvenanceResult) -> None:
    doc.quotes = res.quotes
    doc.attributions = res.attributions
    base = len(doc.mentions)
    doc.mentions.extend(res.mentions)
    doc.actors.extend(res.actors)
    for aid, idx in res.links:
        a = doc.actor(aid)
        if a is not None and idx >= base:
            a.mentions.append(idx)
    others: dict[str, list[list[Attribution]]] = {}  # the chains of the event's other tellings
    stated = {ev.id: list(res.statements.get(ev.id, [])) for ev in doc.events}
    # one event told again: its tellings share what is said of it.  Only tellings with sources or statements of
    # their own count (a telling in the reporter's own voice adds nothing, and must not take another's status)
    told = [ev for ev in doc.events if res.per_event.get(ev.id) or res.statements.get(ev.id)]
    for group in restatements(told, doc.actors, doc.text):
        ids = [told[k].id for k in group]
        joined = sorted((st for i in ids for st in res.statements.get(i, [])), key=lambda st: st.cue.start)
        for i in ids:
            others[i] = [res.per_event.get(j, []) for j in ids if j != i]
            stated[i] = list({id(st): st for st in joined}.values())
    for ev in doc.events:
        chain_ = list(res.per_event.get(ev.id, []))
        statements = stated[ev.id]
        for st in statements:
            if st.by is not None and st.kind in ("deny", "confirm") and not any(
                    a.actor_id == st.by.actor_id for a in chain_):
                chain_.append(st.by)
        ev.attribution = chain_
        modality = ev.status if ev.status in ("planned", "hypothetical") else None
        status = resolve_status(modality=modality, statements=statements, attributions=res.per_event.get(ev.id, []),
                                also=others.get(ev.id, ()))
        if status != "reported" or ev.status not in ("confirmed", "denied", "unconfirmed"):
            ev.status = status  # type: ignore[assignment]


@stage("communique.provenance.v1", requires=["nlp", "sentences", "actors", "events"],
       assigns=["quotes", "attributions", "status"])
class ProvenanceStage:
    def __call__(self, doc: Doc) -> Doc:
        attach(doc, extract(doc))
        return doc
