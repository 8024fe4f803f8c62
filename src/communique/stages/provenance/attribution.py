"""Attributions: who the report says a claim comes from, with source, cue and content spans.

* Reporting chains: "first reported by the Al Arabiya channel ... with references to unnamed sources" gives
  ``[Al Arabiya (outlet), unnamed sources (source)]``, the outlet citing the sources; "according to X",
  "X reported", "citing X", "quoting X" likewise.
* Indirect speech: "X said (that) ...", "X told reporters ...", "X warned ...", "X claimed ...",
  "X believes ...": source = X's phrase, cue = the verb (with "reporters" / "journalists" after "told"),
  content = the clause spoken (the verb's clausal complement), kind ``speaker`` (``source`` when X names
  nobody, ``official`` for bare institutions such as "police said").  "..., police said." at a sentence's end
  attributes the rest of the sentence.
* Direct quotes: each quote with a speaker is an attribution whose content is the quote (``direct=True``);
  a quoted phrase inside the reporter's sentence ('likened the plan to “a house of cards”') is an indirect
  one whose content is the verb's complement (``direct=False``).
* Documents: "a poll shows that ...", "the report found that ...": kind ``document``, the actor being the
  document's owner when one is named in the phrase ("a Bloomberg poll"), no new actor made.
* Stated positions ("stance"): "X called for ...", "X called the plan a disaster", "X supports / opposes /
  endorses / rejects / refuses to ...", "X questioned whether ...", "X accused Y of ...", "Y was endorsed by X":
  kind ``speaker``, cue = the verb (with "for"/"on" after "call"), content = what the position is about (the
  object, the complement, "for"/"on"/"of" phrase, or the passive subject).  A report of what someone stands
  for is a claim we owe to them.  Intentions ("X wants / plans / intends / seeks to ...") are not: they are the
  mood of the event intended (``status`` ``planned``, the event coder's), not a source for anything.
* Anonymous: a source phrase that names nobody ("officials said", "a source familiar with the talks",
  "two diplomats") is anonymous.

Offsets are characters into ``Doc.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...model import Attribution, AttributionKind, Doc, Quote, Span
from ...textutil import SpanIndex
from .common import (
    CITE_WORDS,
    CLAUSE_ONLY_VERBS,
    DOCUMENT_NOUNS,
    OUTLET_NOUNS,
    REPORT_VERBS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    Speakers,
    is_anonymous_source,
    source_tokens,
    span_of,
)
from .quotes import speaker_tokens

#: subject pronouns kept as sources when no actor fits them (the attribution stands, its actor unknown); "I" and
#: "we" outside quotes are the writer's own (an op-ed's "I believe ...")
UNRESOLVED_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we"})
_AUDIENCE = frozenset({"reporters", "journalists", "the press", "lawmakers", "supporters", "parliament",
                       "the crowd", "an audience", "the audience", "an interviewer", "the conference"})


def _attribution(doc: Doc, speakers: Speakers, toks: list[Any], *, kind: AttributionKind, cue: Span | None,
                 content: Span | None, direct: bool = False) -> Attribution | None:
    toks = [t for t in toks if not t.is_punct or t.lower_ == "-"]
    if not toks:
        return None
    head = next((t for t in toks if t.head not in toks or t.head.i == t.i), toks[0])
    span = span_of(toks)
    anonymous = is_anonymous_source(head)
    if head.lower_ in DOCUMENT_NOUNS and head.pos_ == "NOUN":  # "a poll shows that ...": no actor, a document
        owner = speakers.args.in_tokens([t for t in toks if t is not head], outlets=True)
        return Attribution(source=span.text(doc.text), anonymous=False, kind="document", span=span,
                           actor_id=owner[0] if owner else None, cue=cue, content=content, direct=direct)
    aid = speakers.resolve(toks)
    if aid is None and len(toks) == 1 and head.lower_ in UNRESOLVED_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
        # "he said ..." where nobody fits: the attribution stands, its source unresolved (no actor)
        return Attribution(source=span.text(doc.text), anonymous=False, kind=kind, span=span, cue=cue,
                           content=content, direct=direct)
    if aid is None and not anonymous:
        return None
    if aid is not None:
        a = speakers.actor(aid)
        anonymous = anonymous or a.anonymous
        if a.kind == "outlet":
            kind = "outlet"
        return Attribution(source=a.name if not anonymous else span.text(doc.text), anonymous=anonymous,
                           kind=kind if not anonymous else "source", span=span, actor_id=aid, cue=cue,
                           content=content, direct=direct)
    return Attribution(source=span.text(doc.text), anonymous=True, kind="source", span=span, cue=cue,
                       content=content, direct=direct)


def _content(tok: Any, exclude: Any | None = None) -> Span:
    toks = [t for t in tok.subtree if not (exclude is not None and t in list(exclude.subtree))]
    toks = [t for t in toks if t.dep_ != "mark" or t.i != toks[0].i] or toks
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    return span_of(toks or [tok])


def _reporting(doc: Doc, speakers: Speakers, t: Any, who: list[Any], out: list[Attribution]) -> Attribution | None:
    """'X reported / said / claimed ...': the attribution of a reporting verb with its subject ``who``, appended to
    ``out`` and returned (None when ``who`` is no source or is already there)."""
    comp = next((c for c in t.children if c.dep_ in ("ccomp", "xcomp", "dobj")), None)
    content = _content(comp) if comp is not None and comp.dep_ != "dobj" else None
    if content is None and t.dep_ in ("parataxis", "ccomp") and t.head.i != t.i:
        content = _content(t.head, exclude=t)  # "Russia attacked ..., officials said."
    att = _attribution(doc, speakers, who, kind="official", cue=Span(t.idx, t.idx + len(t)), content=content)
    if att is not None and not any(x.span == att.span for x in out):
        out.append(att)
        return att
    return None


def joined(att: Attribution, others: Sequence[Attribution]) -> bool:
    """Is ``att`` a subject joined by "and" to another attribution of ``others`` (:func:`_coordinated_subjects`):
    its source inside the other's, the same cue?"""
    return att.span is not None and att.cue is not None and any(
        o is not att and o.span is not None and o.cue == att.cue and o.span.contains(att.span) and o.span != att.span
        for o in others)


def _coordinated_subjects(doc: Doc, speakers: Speakers, verb: Any, first: Attribution) -> list[Attribution]:
    """'..., the army and the governor of North Kivu said': one attribution for each subject joined by "and"
    after the first (its cue and content shared); each is a source of its own, side by side with the first, for
    the status of the events it speaks for.  The first keeps the span of the whole phrase (one attribution in
    ``doc.attributions``, as PolNeAR annotates it); the joined ones lie inside it (:func:`joined`)."""
    out: list[Attribution] = []
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        for cj in c.conjuncts:
            if cj.i < c.i or cj.pos_ not in ("NOUN", "PROPN"):
                continue
            att = _attribution(doc, speakers, source_tokens(cj), kind=first.kind, cue=first.cue,
                               content=first.content, direct=first.direct)
            if att is not None and att.span != first.span:
                out.append(att)
    return out


def _misparsed_subject(verb: Any) -> list[Any]:
    """'... near Kismayo, a military official who asked not to be named said.': the parser made the source an
    apposition of the noun before it and left the reporting verb without a subject; the phrase ending right
    before the verb is its subject when it is such an apposition (its tokens, with its relative clause)."""
    k = verb.i - 1
    while k >= 0 and verb.doc[k].is_punct and verb.doc[k].text not in ("\"", "”", "’"):
        k -= 1
    if k < 0:
        return []
    for a in verb.sent:
        if a.i >= verb.i:
            break
        if a.dep_ == "appos" and a.head.i < a.i and a.right_edge.i == k and a.pos_ in ("NOUN", "PROPN"):
            return source_tokens(a)
    return []


def chain(doc: Doc, sent: Any, speakers: Speakers, *, quoted: Sequence[Span] | SpanIndex = ()) -> list[Attribution]:
    """Reporting and citing attributions stated in one sentence, outermost first (outlet, then who it cites);
    none from words inside the ``quoted`` spans (a speaker's own "they said"; a :class:`SpanIndex` of them
    when called per sentence of a long document, so the test per word is O(log n))."""
    out: list[Attribution] = []
    coordinated: list[Attribution] = []
    inside = quoted if isinstance(quoted, SpanIndex) else SpanIndex(quoted)
    for t in sent:
        if inside.covers(t.idx):
            continue
        lemma = t.lemma_.lower()
        if lemma in REPORT_VERBS and t.pos_ == "VERB":
            who: list[Any] = []
            for c in t.children:
                if c.dep_ == "agent":
                    who += [g for p in c.children for g in source_tokens(p)]
                elif c.dep_ == "nsubj":
                    who += source_tokens(c)
            misparsed = not who and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in t.children)
            if misparsed:
                who = _misparsed_subject(t)
            if who and misparsed or who and not any(w.lower_ in ("it", "this", "that", "which", "who") for w in who):
                first = _reporting(doc, speakers, t, who, out)
                if first is not None and not misparsed:
                    coordinated += _coordinated_subjects(doc, speakers, t, first)
        if t.lower_ in CITE_WORDS:
            objs = [c for c in t.subtree if c.i != t.i and (c.dep_ == "pobj" or (c.dep_ == "dobj" and c.head.i == t.i))]
            for o in objs:
                if t.lower_ != "according" and not (
                        o.lower_ in SOURCE_NOUNS or o.lower_ in OUTLET_NOUNS or o.lower_ in DOCUMENT_NOUNS or
                        o.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or speakers.args.at(o, outlets=True)):
                    continue  # "according to" always names a source ("according to federal statistics")
                src = source_tokens(o)
                src_span = span_of(src)
                if any(x.span is not None and x.span.overlaps(src_span) for x in out):
                    break
                if t.lower_ == "according":
                    cue_toks = [t, *[x for x in t.doc[t.i + 1 : t.i + 2] if x.lower_ == "to"]]
                    rest = [x for x in sent if x not in list(t.subtree) and not x.is_punct]
                    content = span_of(rest) if rest else None
                else:
                    cue_toks = [t]
                    content = None
                att = _attribution(doc, speakers, src, kind="source", cue=span_of(cue_toks), content=content)
                if att is None:
                    att = Attribution(source=src_span.text(doc.text), anonymous=False, kind="source", span=src_span,
                                      cue=span_of(cue_toks), content=content)
                out.append(att)
                if t.lower_ == "according":  # "according to the police chief and the governor's office": both
                    for c in [*o.conjuncts, *(x for a in o.children if a.dep_ == "appos" for x in a.conjuncts)]:
                        more = source_tokens(c)
                        coordinated.append(_attribution(doc, speakers, more, kind="source", cue=span_of(cue_toks),
                                                        content=content) or Attribution(
                            source=span_of(more).text(doc.text), anonymous=False, kind="source", span=span_of(more),
                            cue=span_of(cue_toks), content=content))
                break
    for i in range(len(out) - 1):
        out[i].cites = i + 1
    return out + coordinated  # coordinated sources are side by side: neither cites the other


def speech(doc: Doc, sent: Any, speakers: Speakers, taken: list[Attribution],
           quotes: list[Quote], *, quote_index: SpanIndex | None = None) -> list[tuple[Attribution, Any]]:
    """Indirect speech beyond the reporting verbs ("X warned that ...", "Y told reporters ..."), each with the
    clause it speaks for: only the events inside that clause are attributed to the speaker.  ``quote_index``,
    a :class:`SpanIndex` of the quotes' spans, saves rebuilding it per sentence."""
    out: list[tuple[Attribution, Any]] = []
    in_quote = quote_index if quote_index is not None else SpanIndex(q.span for q in quotes)
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or lemma not in SPEECH_VERBS or lemma in REPORT_VERBS - {"say", "claim"}:
            continue
        clause = [c for c in t.children if c.dep_ in (("ccomp",) if lemma in CLAUSE_ONLY_VERBS else ("ccomp", "xcomp"))]
        if not clause and t.dep_ in ("parataxis",) and t.head.i != t.i:
            clause = [t.head]  # "Talks will resume, he said."
        if not clause:
            continue
        if in_quote.covers(t.idx):
            continue  # a verb inside a quote is the speaker's, not the report's
        who = speaker_tokens(t)
        if not who or (clause[0].dep_ == "xcomp" and all(w.i > t.i for w in who)):
            continue  # "urged young people to vote": the object is asked, it says nothing
        span = span_of(who)
        if any(a.span is not None and a.span.overlaps(span) for a in taken):
            continue
        cue_toks = [t] + [c for c in t.children if c.dep_ in ("dobj", "dative") and c.lower_ in
                          {a.split()[-1] for a in _AUDIENCE}]
        content = _content(clause[0], exclude=t if clause[0] is t.head else None)
        att = _attribution(doc, speakers, who, kind="speaker", cue=span_of(cue_toks), content=content)
        if att is None:
            continue
        out.append((att, clause[0]))
        out += [(more, clause[0]) for more in _coordinated_subjects(doc, speakers, t, att)]
    return out


#: verbs of a stated position whose content is an object or a complement (see the module docstring); "call" only
#: with "for"/"on" or an object complement ("called the charges fabricated"), never "called a meeting"
STANCE_VERBS = frozenset({
    "call", "support", "oppose", "endorse", "back", "reject", "refuse", "decline", "question", "criticize",
    "criticise", "condemn", "denounce", "praise", "blast", "slam", "decry", "accuse", "mention", "cite", "propose",
    "advocate", "defend", "demand", "urge", "describe", "express", "welcome", "applaud", "dispute", "challenge",
    "reference", "promote", "champion", "favor", "favour", "dismiss", "acknowledge", "recommend", "lambaste",
    "fault", "hail", "credit", "blame", "characterize", "characterise", "label", "dub", "brand", "note",
    "highlight", "detail", "clarify", "invoke", "admire", "view", "regard", "offer", "issue", "release",
})
#: "offer", "issue" and "release" state something only with a thing said as object ("offered no proof",
#: "issued a statement"), never with aid, troops or a prisoner
_SAID_OBJECTS = frozenset({"proof", "evidence", "explanation", "condolences", "praise", "apology", "details",
                           "assurance", "assurances", "statement", "warning", "denial", "response", "rebuttal",
                           "criticism", "defense", "defence", "guidance", "opinion", "view", "views", "thoughts",
                           "advice", "endorsement", "support", "assessment", "forecast", "prediction",
                           "clarification", "reassurance", "apologies", "memo", "report", "analysis"})
#: verbs of findings with an object ("a poll shows Clinton ahead", "the audit found errors"): stated positions only of
#: documents (polls, studies, reports) and their authors
FINDING_OBJECT_VERBS = frozenset({"show", "find", "suggest", "indicate", "reveal", "estimate", "project", "put",
                                  "give", "rate"})
_STANCE_PREPS = frozenset({"for", "on", "of", "about", "against", "as", "to"})
#: heads that can hold a position without being a known actor ("critics", "supporters", "the campaign")
_HUMAN_SUFFIXES = ("ist", "ists", "er", "ers", "or", "ors", "ant", "ants", "ent", "ents", "ian", "ians", "ans", "ics",
                   "ives", "ats")


def _stance_subject(t: Any) -> list[Any]:
    """Who holds the position a stance verb states: its subject ("Trump has called for"), the agent of a
    passive ("was endorsed by the Times"), the noun a relative clause hangs from ("cities that support the
    rules"), or the subject of the verb it continues ("..., calling for ...")."""
    for c in t.children:
        if c.dep_ in ("nsubj",) and c.pos_ != "VERB":
            if c.lower_ in ("which", "who", "that") and t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN"):
                return sorted({*source_tokens(t.head), c}, key=lambda x: x.i)
            return source_tokens(c)
    for c in t.children:
        if c.dep_ == "agent":
            return [g for p in c.children for g in source_tokens(p)]
    if t.dep_ in ("xcomp", "conj", "advcl", "pcomp") and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX"):
        return _stance_subject(t.head)
    if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX"):
        return _stance_subject(t.head.head)  # "responded by calling for ..."
    return []


def _stance_content(t: Any) -> Any | None:
    """The token heading what a stance verb's position is about, None when the verb states none here."""
    lemma = t.lemma_.lower()
    deps = {c.dep_: c for c in t.children}
    preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS]
    if lemma == "call":
        if "dobj" in deps and any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in t.children):
            return deps["dobj"]  # "called the charges fabricated"
        # "called for X", "called on X to ...": the particle right after the verb ("called Reyes on Friday" is a
        # telephone call; "called on Friday" a date)
        prep = next((p for p in preps if p.lower_ in ("for", "on") and p.i == t.i + 1), None)
        if prep is None or any(c.ent_type_ in ("DATE", "TIME") for c in prep.children):
            return None
        if prep.lower_ == "on" and not any(k.dep_ == "xcomp" for x in (t, *prep.subtree) for k in x.children):
            return None  # "called on the residents" without "to ..." asks nothing
        return prep
    if lemma in ("refuse", "decline"):
        return deps.get("xcomp")
    if lemma in ("offer", "issue", "release"):
        obj = deps.get("dobj")
        return obj if obj is not None and obj.lemma_.lower() in _SAID_OBJECTS else None
    if "nsubjpass" in deps and any(c.dep_ == "agent" for c in t.children):
        return deps["nsubjpass"]  # "the nominee was endorsed by the Times"
    for dep in ("ccomp", "dobj"):
        if dep in deps:
            return deps[dep]
    return preps[0] if preps else None


def _can_hold_position(head: Any, speakers: Speakers) -> bool:
    """A known actor, a pronoun, a source or outlet noun, or a person noun ("critics"); a name the actors stage
    did not make an actor is left alone (a stance verb makes no new named actor: "Mwale rejected ...")."""
    if speakers.args.at(head, outlets=True) or head.pos_ == "PRON":
        return head.lower_ not in ("this", "that", "what", "which", "there", "everything", "nothing", "something")
    if head.pos_ == "PROPN":
        return True
    low = head.lower_
    return head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or low in SOURCE_NOUNS or low in OUTLET_NOUNS or (
        head.pos_ == "NOUN" and low.endswith(_HUMAN_SUFFIXES) and len(low) > 4)


def stance(doc: Doc, sent: Any, speakers: Speakers, taken: list[Attribution], *,
           quote_index: SpanIndex | None = None) -> list[tuple[Attribution, Any]]:
    """Stated positions ("X called for ...", "X opposes ...", "X refused to ..."; module docstring), each with the
    token heading the content: only events inside it are attributed to X.  None from verbs inside quotes, none
    for subjects that hold no position ("the plan supports growth")."""
    out: list[tuple[Attribution, Any]] = []
    in_quote = quote_index if quote_index is not None else SpanIndex(())
    for t in sent:
        finding = t.lemma_.lower() in FINDING_OBJECT_VERBS
        if t.pos_ != "VERB" or (t.lemma_.lower() not in STANCE_VERBS and not finding) or in_quote.covers(t.idx):
            continue
        if any(a.content is not None and a.content.start <= t.idx < a.content.end for a in taken):
            continue  # "a poll shows that most voters oppose ...": the position is the source's finding
        anchor = _stance_content(t)
        if anchor is None:
            continue
        who = _stance_subject(t)
        if not who:
            continue
        head = next((w for w in who if w.head not in who or w.head.i == w.i), who[0])
        if (head.lower_ not in DOCUMENT_NOUNS or head.pos_ != "NOUN") if finding else not _can_hold_position(
                head, speakers):
            continue
        span = span_of(who)
        if any(a.span is not None and a.span.overlaps(span) and a.cue is not None and a.cue.start <= t.idx < a.cue.end
               for a in taken) or any(a.span is not None and a.span.overlaps(span) and a.content is not None and
                                      a.content.start <= anchor.idx < a.content.end for a in taken):
            continue
        cue_toks = [t] + ([anchor] if anchor.dep_ == "prep" and t.lemma_.lower() == "call" else [])
        body = anchor if anchor.dep_ != "prep" else next((c for c in anchor.children if c.dep_ in ("pobj", "pcomp")),
                                                          anchor)
        if t.lemma_.lower() == "call" and anchor.dep_ == "dobj":
            toks = [x for c in t.children if c.i >= anchor.i and c.dep_ not in ("punct", "prep", "npadvmod")
                    for x in c.subtree]
            content = span_of(toks)
        else:
            content = _content(body)
        if speakers.args.in_tokens([w for w in who if not w.is_punct]) or head.pos_ == "PRON" or \
                is_anonymous_source(head) or (head.lower_ in DOCUMENT_NOUNS and head.pos_ == "NOUN"):
            att = _attribution(doc, speakers, who, kind="speaker", cue=span_of(cue_toks), content=content)
        else:  # a name or description no actor stands for: the source as written, no actor made from a stance
            att = Attribution(source=span.text(doc.text), anonymous=False,
                              kind="outlet" if head.lower_ in OUTLET_NOUNS else "speaker", span=span,
                              cue=span_of(cue_toks), content=content)
        if att is not None:
            out.append((att, body))
            taken = [*taken, att]
    return out


def _embedded(text: str, q: Quote) -> bool:
    """Are the quoted words a phrase inside the reporter's own sentence ('called the plan “a disaster”',
    'likened it to “a house of cards”', 'as “Miss Piggy”') rather than a quotation standing for itself
    ('Ruiz said, “We will not back down.”')?  A quote opening in lower case is; so is a short one (under five
    words) right after a word."""
    words = q.span.text(text).split()
    if not words:
        return False
    if words[0][:1].islower():
        return True
    k = q.span.start - 1
    while k >= 0 and text[k] in "“”\"‘’'`":
        k -= 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k >= 0 and text[k].isalnum() and len(words) < 5


def direct(doc: Doc, quotes: list[Quote], speakers: Speakers) -> list[Attribution]:
    """Each quote with a speaker as an attribution whose content is the quote; a quote inside a reported
    clause ("said the plan was “a disaster”") is part of an indirect attribution whose content is the clause."""
    out: list[Attribution] = []
    sdoc = doc.nlp
    for q in quotes:
        if q.speaker is None and q.speaker_span is None:
            continue
        content, is_direct = q.span, not _embedded(doc.text, q)
        if q.cue is not None:
            verb = next((t for t in sdoc.char_span(q.cue.start, q.cue.end, alignment_mode="expand") or []), None)
            clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None) if verb else None
            if clause is not None:
                cs = _content(clause)
                if cs.contains(q.span) and len(cs) > len(q.span) + 12:
                    content, is_direct = cs, False  # the quoted words are only part of what is reported
            elif verb is not None and not is_direct:  # "likened the plan to “a house of cards”"
                toks = [t for t in verb.subtree if t.i > verb.i and t.sent == verb.sent and t.dep_ != "punct"]
                if toks and (cs := span_of(toks)).overlaps(q.span):
                    content = Span(min(cs.start, q.span.start), max(cs.end, q.span.end))
        a = speakers.actor(q.speaker) if q.speaker is not None else None
        shown = q.speaker_span.text(doc.text) if q.speaker_span is not None and (q.anonymous or a is None) else (
            a.name if a is not None else "")
        kind = "outlet" if a is not None and a.kind == "outlet" else ("source" if q.anonymous else "speaker")
        out.append(Attribution(source=shown, anonymous=q.anonymous, kind=kind,  # type: ignore[arg-type]
                               span=q.speaker_span, actor_id=q.speaker, cue=q.cue, content=content,
                               direct=is_direct))
    return out
