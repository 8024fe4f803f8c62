"""Direct quotes and their speakers.

Quotations come from :func:`communique.textutil.find_quotations` (fragments of one quotation split by its
speaker tag, or running over several paragraphs, make one :class:`~communique.model.Quote` whose ``parts``
are the fragments).  The speaker, in this order:

1. a dash line after the quote: ``"..." —Finance Minister Wale Edun``;
2. the speech verb governing the quote or its tag, the verb's subject, also when inverted
   (``"...," added the Turkish minister``; ``"...," said party treasurer Maria Lopez``); a description that
   names no known actor becomes one (:class:`~.common.Speakers`), and "he"/"she" go to a person, never to
   an institution named in between ("Ruto addressed the UN General Assembly. ... he said");
3. "according to X" in the sentence;
4. the speaker of an adjoining quote in the same paragraph, when the quote has no speech tag of its own;
5. the owner of a speech noun above the quote ("Virta’s claim that the border was “fully secure”");
6. the subject of a speech verb in the sentence before, in the same paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Doc, Quote, Span
from ...textutil import SpanIndex, find_quotations
from ..events import ActorIndex, noun_phrase
from ..nlp import doc_text
from .common import (
    BELIEF_VERBS,
    FINDING_VERBS,
    SPEECH_VERBS,
    Speakers,
    is_anonymous_source,
    source_tokens,
    span_of,
    tok_at,
)

SPEECH_NOUNS = frozenset({"claim", "statement", "remark", "remarks", "words", "comment", "comments", "assertion",
                          "warning", "promise", "pledge", "vow", "call", "accusation", "message", "speech", "tweet",
                          "post", "interview", "letter", "insistence", "argument"})
_DASH_TAG = re.compile(r"[”\"’']?[ \t]*\n?[ \t]*(?:—|–|―|--)[ \t]*([^\n]{3,120})")
_QUOTE_VERBS = SPEECH_VERBS - BELIEF_VERBS - (FINDING_VERBS - {"conclude", "reveal", "suggest"})


def _outside(quote: Span, t: Any) -> bool:
    return not (quote.start <= t.idx < quote.end)


def speech_verb(tok: Any, quote: Span | None = None, parts: list[Span] | None = None) -> Any | None:
    """The speech verb governing a quote's token, never one inside the quoted words."""

    def outside(t: Any) -> bool:
        if parts:
            return not any(p.start <= t.idx < p.end for p in parts)
        return quote is None or _outside(quote, t)

    ended = quote is not None and _ends_sentence(doc_text(tok.doc), quote.end)
    cur = tok
    for _ in range(12):
        if ended and quote is not None and cur.idx >= quote.end:
            break  # past a quote that closed its sentence: the next sentence, run into this one by the parser
        if cur.lemma_.lower() in _QUOTE_VERBS and cur.pos_ in ("VERB", "AUX") and outside(cur):
            return cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    # quote before the verb: "'...,' the minister said." / "'...,' added the minister."; "As Ruiz put it, '...'"
    for t in tok.sent:
        if (t.lemma_.lower() in _QUOTE_VERBS or _puts_it(t)) and t.pos_ == "VERB" and outside(t) and (
                quote is None or t.idx >= quote.end or t.idx < quote.start):
            if ended and quote is not None and t.idx >= quote.end:
                break  # '“... in the neighborhood.” Russia insisted ...': the next sentence's verb, merged
            if speaker_tokens(t):
                return t
    return None


def _puts_it(verb: Any) -> bool:
    """'As Ruiz put it, “...”', 'as one voter put it': *put it* is a speech verb."""
    return verb.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def _ends_sentence(text: str, end: int) -> bool:
    """Does the quotation whose words end at ``end`` close its sentence: a full stop inside the marks and the
    next word capitalised ('“... in the neighborhood.” Russia insisted'), where the parser often runs two
    sentences into one?  ('“We will win,” she said' and '“Why?” Ruiz asked' keep their tags.)"""
    if text[end - 1 : end] != ".":
        return False
    j = end
    while j < len(text) and text[j] in "”\"’' \t":
        j += 1
    return j > end and j < len(text) and text[j].isupper()


def speaker_tokens(verb: Any, parts: list[Span] | None = None) -> list[Any]:
    """The subject phrase of a speech verb: its subject, or the noun phrase after an inverted verb
    ("added the Turkish minister", "said party treasurer Maria Lopez").  A subject inside the quoted
    ``parts`` is the parser's misreading of the quote ("“If it fails, ...,” said Ana Ruiz"), never the
    speaker."""

    def quoted(t: Any) -> bool:
        return bool(parts) and any(p.start <= t.idx < p.end for p in parts or ())

    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj") and c.pos_ != "VERB" and not quoted(c):
            if c.lower_ in ("which", "who", "that") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                # "the Police Department, which reported “...”": the noun, through the relative pronoun
                return sorted({*source_tokens(verb.head), c}, key=lambda t: t.i)
            return source_tokens(c)
    for c in verb.children:
        if c.dep_ == "agent":
            return [t for p in c.children for t in noun_phrase(p)]
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i and verb.head.pos_ == "VERB" and (
            speaker_tokens(verb.head, parts)):
        return speaker_tokens(verb.head, parts)  # "..., urging her backers to ...": the subject above speaks
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        # "After calling it “a tax,” Berg was booed by farmers": the main clause's subject (passive: not its agent)
        for c in verb.head.head.children:
            if c.dep_ == "nsubjpass" and c.pos_ in ("PROPN", "NOUN", "PRON") and not quoted(c):
                return source_tokens(c)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB" and (
            speaker_tokens(verb.head.head, parts)):
        return speaker_tokens(verb.head.head, parts)  # "responded by saying ...", "began by saying ..."
    for c in verb.children:  # inverted: the parser often makes the subject an object
        if any(k.dep_ == "xcomp" for k in verb.children):
            break  # "urged the voters to ...": the object is the one urged
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod", "nsubjpass", "oprd", "nsubj") and c.pos_ in (
                "NOUN", "PROPN") and not quoted(c) and c.ent_type_ not in ("DATE", "TIME"):
            return source_tokens(c)
    if parts:  # "“...,” Tulsa police Chief Ana Ruiz said Monday": the name right before the verb, misparsed
        k = verb.i - 1
        while k >= 0 and verb.doc[k].is_punct and not quoted(verb.doc[k]):
            k -= 1
        before = verb.doc[k] if k >= 0 else None
        if before is not None and before.pos_ == "PROPN" and not quoted(before) and before.sent == verb.sent:
            head = before
            while head.dep_ in ("appos", "compound", "flat") and head.head.i < verb.i and not quoted(head.head):
                head = head.head
            return source_tokens(head)
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and verb.head.i < verb.i and not quoted(verb.head):
        return source_tokens(verb.head)  # "footage of Ana Ruiz asking, “...”"
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i and verb.head.pos_ == "VERB":
        return speaker_tokens(verb.head, parts)  # "..., adding that ..."
    return []


def _tag_after(doc: Doc, sdoc: Any, span: Span) -> Any | None:
    """'“You winning?” she asked.': a tag the sentence splitter put in a sentence of its own after the quote —
    a subject and a speech verb within its first six words, on the same line."""
    if _ends_sentence(doc.text, span.end):
        return None  # '“... in the neighborhood.” Russia insisted ...' is the next sentence
    k = span.end
    while k < len(doc.text) and doc.text[k] in "”\"’'?!.,; \t":
        k += 1
    if k >= len(doc.text) or doc.text[k] == "\n" or k - span.end > 6:
        return None
    first = tok_at(sdoc, k)
    if first is None:
        return None
    for t in sdoc[first.i : min(first.i + 6, len(sdoc))]:
        if t.text in ("\n", "\n\n") or t.is_sent_start and t.i != first.i and t.idx > k:
            break
        if t.lemma_.lower() in _QUOTE_VERBS and t.pos_ in ("VERB", "AUX"):
            who = speaker_tokens(t)
            return t if who and all(w.i < t.i or w.i > t.i for w in who) else None
    return None


#: verbs that govern a quote without saying anything about its source
_NO_SOURCE_VERBS = frozenset({"be", "have", "become", "seem", "appear", "remain", "get", "make", "let", "help"})


def _colon_verb(doc: Doc, sdoc: Any, span: Span) -> Any | None:
    """'The minister said: “...”', 'McCaskill scolded him: “...”': the verb of the clause a colon introduces the
    quote with (a verb outside the quote with a subject); None when no clause but a bare label stands before
    the colon (:func:`_label`)."""
    k = span.start - 1
    while k >= 0 and doc.text[k] in "“”\"‘’' \t":
        k -= 1
    if k < 1 or doc.text[k] != ":":
        return None
    before = tok_at(sdoc, k - 1) if doc.text[k - 1] != " " else tok_at(sdoc, k - 2)
    cur = before
    for _ in range(8):
        if cur is None or cur.idx >= span.start:
            return None
        if cur.pos_ == "VERB" and cur.lemma_.lower() not in _NO_SOURCE_VERBS and speaker_tokens(cur, [span]):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _governing_verb(tok: Any, parts: list[Span]) -> Any | None:
    """The verb a quote inside a paraphrase hangs from when it is no speech verb: 'Ruiz likened the plan to “a
    house of cards”', 'Ruiz dismissed the country as “a lost cause”' — the verb's subject stands behind the
    quoted words.  Copulas and light verbs are not such verbs ('the plan is “dead”' says nothing of who)."""
    cur = tok
    ended = _ends_sentence(doc_text(tok.doc), parts[-1].end)
    for _ in range(12):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if ended and cur.idx >= parts[-1].end:
            return None  # the next sentence's verb (see speech_verb)
        if any(p.start <= cur.idx < p.end for p in parts):
            continue
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in SPEECH_NOUNS:
            return None  # "questioned Virta’s claim that ... “fully secure”": the claim's owner speaks
        if cur.pos_ == "VERB" and cur.lemma_.lower() not in _NO_SOURCE_VERBS:
            subj = [c for c in cur.children if c.dep_ == "nsubj" and not any(p.start <= c.idx < p.end for p in parts)]
            if subj and subj[0].pos_ in ("PROPN", "NOUN", "PRON") and subj[0].lower_ not in (
                    "it", "this", "that", "there", "what", "which", "i", "we", "you", "who"):
                return cur
            if (not subj and cur.dep_ in ("xcomp", "advcl", "pcomp", "acl")) or (
                    subj and subj[0].lower_ in ("who", "that", "which") and cur.dep_ == "relcl"):
                continue  # "encouraging them to make sure all is “on the up and up”": the verb above has the subject
            return None
    return None


#: a line opening with a label and a colon: "SMITH: ...", "Q: ...", "Ana Ruiz: ‘...’" (a headline's source)
_LABEL = re.compile(r"[ \t]*[\"“‘']?(?P<label>[A-Z][\w’'.\- ]{0,40}?)[ \t]*:[ \t]+(?=\S)")
_NOT_LABELS = frozenset({"update", "updated", "note", "editor's note", "editor’s note", "correction", "watch",
                         "video", "photos", "photo", "read more", "related", "breaking", "full text", "source",
                         "sources", "read", "listen", "see also", "advertisement", "subscribe", "warning",
                         "transcript", "exclusive", "opinion", "analysis", "live", "timeline", "ps", "p.s.",
                         "clarification", "disclaimer", "credit", "by", "image", "caption", "ap", "reuters"})


def label_lines(doc: Doc, speakers: Speakers) -> list[tuple[str | None, Span, Span, Span]]:
    """Every line opening with a speaker label (:func:`_label`) that names someone: ``(actor id, label span,
    colon span, content span)`` — a transcript's turns ("PENCE: Well, ...", "A: ...") and headlines such as
    "Ana Ruiz: ‘We Will Not Back Down’".  "Q:" (the interviewer, unnamed) gives none."""
    sdoc = doc.nlp
    out: list[tuple[str | None, Span, Span, Span]] = []
    start = 0
    text = doc.text
    labelled: list[int] = []  # starts of every labelled line, "Q:" too (the end of the turn before it)
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > 3 and ":" in text[start : min(end, start + 48)]:
            found = _label_speaker(doc, sdoc, end, speakers)
            if found is not None:
                labelled.append(start)
            if found is not None and found[0] is not None:
                # the colon after the label; the speaker's mention may reach past it ("A: ..." named before)
                colon = text.find(":", found[1].end, end)
                colon = colon if colon >= 0 else text.find(":", start, end)
                if colon < 0:
                    start = end + 1
                    continue
                lo = colon + 1
                while lo < end and text[lo] in " \t":
                    lo += 1
                hi = end
                while hi > lo and text[hi - 1] in " \t\r":
                    hi -= 1
                if hi > lo:
                    out.append((found[0], found[1], Span(colon, colon + 1), Span(lo, hi)))
        start = end + 1
    return [(aid, label, colon, _turn_end(text, label, content, labelled)) for aid, label, colon, content in out]


def _turn_end(text: str, label: Span, content: Span, labelled: list[int]) -> Span:
    """A transcript turn running over several paragraphs: "PENCE: Well, ...\n\nAnd another thing ...\n\nWALLACE:
    ..." — the unlabelled paragraphs after a turn are the same speaker's, when the next labelled line comes
    within six paragraphs (a turn is closed by the next one; after the last turn the reporter may be writing
    again, so that one ends with its line).  Headline labels ("Ana Ruiz: ‘...’") are not turns."""
    if not label.text(text).isupper():
        return content
    nxt = next((s for s in labelled if s > content.end), None)
    if nxt is None:
        return content
    between = text[content.end : nxt]
    paragraphs = [p for p in between.split("\n") if p.strip()]
    if not paragraphs or len(paragraphs) > 6 or any(p.strip().startswith(("___", "—", "--")) for p in paragraphs):
        return content
    hi = nxt
    while hi > content.end and text[hi - 1] in " \t\r\n":
        hi -= 1
    return Span(content.start, hi)


def _label(doc: Doc, sdoc: Any, offset: int) -> tuple[Span, Any] | None:
    """The label opening the line that holds ``offset``: ``(label span, its tokens)`` for "PENCE: Well, ...",
    "Q: ..." and headlines such as "Ana Ruiz: ‘We Will Not Back Down’".  A label is at most five words
    without a verb, all capitals or holding a name; weekday, place and section markers are not labels."""
    start = doc.text.rfind("\n", 0, offset) + 1
    m = _LABEL.match(doc.text, start)
    if m is None or m.end() > offset:
        return None
    text = m.group("label").strip()
    if not text or text.lower() in _NOT_LABELS or len(text.split()) > 5 or any(c.isdigit() for c in text):
        return None
    toks = sdoc.char_span(m.start("label"), m.start("label") + len(text), alignment_mode="expand")
    if toks is None or not len(toks) or any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in toks):
        return None
    if not (text.isupper() or all(t.pos_ == "PROPN" or not t.is_alpha or t.is_punct for t in toks)):
        return None
    return Span(m.start("label"), m.start("label") + len(text)), toks


def _label_speaker(doc: Doc, sdoc: Any, offset: int, speakers: Speakers) -> tuple[str | None, Span] | None:
    """The speaker a line label names: an actor of the document ("PENCE" is Mike Pence, by the name's last
    word), else a new one for a transcript's capitalised label (a Title Case label naming no actor is a
    heading); for "Q:" nobody named (the interviewer), for "A:" the person named last before."""
    found = _label(doc, sdoc, offset)
    if found is None:
        return None
    span, toks = found
    text = span.text(doc.text)
    if text in ("Q", "A"):
        return (None if text == "Q" else speakers.person_before(span.start)), span
    ids = speakers.args.in_tokens(list(toks))
    if not ids and text.isupper():
        word = text.split()[-1].lower()
        ids = [a.id for a in speakers.actors.values() if a.kind == "person" and a.name and
               a.name.split()[-1].lower() == word]
    if ids:
        return ids[0], speakers.mention_span(ids[0], span.start, span.end) or span
    if not text.isupper():
        return None  # "Veto Power Impedes Peace Efforts: ..." is a heading, not someone speaking
    return speakers.named(span, text.title()), span


def _according_to(sent: Any) -> Any | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for c in t.doc[t.i + 1].children:
                if c.dep_ == "pobj":
                    return c
    return None


def _speech_noun_owner(tok: Any, quote: Span, speakers: Speakers) -> tuple[str, Any] | None:
    cur = tok
    for _ in range(8):
        if cur.lemma_.lower() in SPEECH_NOUNS and cur.pos_ == "NOUN" and _outside(quote, cur):
            for c in cur.children:
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from")):
                    toks = list(c.subtree) if c.dep_ == "poss" else [t for p in c.children for t in noun_phrase(p)]
                    aid = speakers.args.in_tokens(toks)
                    if aid:
                        return aid[0], c
            return None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _previous_speaker(doc: Doc, sdoc: Any, span: Span, speakers: Speakers) -> tuple[str, Any] | None:
    i = doc.sentence_of(span.start)
    if i == 0 or "\n" in doc.text[doc.sentences[i - 1].end : span.start]:
        return None
    prev = sdoc.char_span(doc.sentences[i - 1].start, doc.sentences[i - 1].end, alignment_mode="expand")
    if prev is None:
        return None
    for t in prev:
        if t.lemma_.lower() in _QUOTE_VERBS | {"speak"} and t.pos_ == "VERB":
            toks = speaker_tokens(t)
            if toks and (aid := speakers.args.in_tokens(toks)):
                return aid[0], prev
    return None


def _dash_speaker(doc: Doc, sdoc: Any, end: int, speakers: Speakers) -> tuple[str, Span, Span] | None:
    """'"..." —Finance Minister Wale Edun': the actor on the dash line right after the quote."""
    m = _DASH_TAG.match(doc.text, end)
    if m is None:
        return None
    line = sdoc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if line is None or not len(line):
        return None
    toks = [t for t in line if not t.is_punct]
    ids = speakers.args.in_tokens(toks)
    aid = ids[0] if ids else speakers.resolve([t for t in toks if t.pos_ in ("PROPN", "NOUN", "ADJ", "DET")])
    if aid is None:
        return None
    sp = speakers.mention_span(aid, m.start(1), m.end(1)) or Span(m.start(1), m.end(1))
    dash = Span(m.start(1) - 1, m.start(1))
    return aid, sp, dash


#: one quoted word: “deplorables.”, "fair", ''smart'' (straight single quotes are apostrophes too often)
_ONE_WORD = re.compile(r"(?:“|\"|‘|'')([A-Za-z][\w’'-]*[.,!?]?)(?:”|\"|’|'')")
#: verbs through which a quoted word is someone's word: speech ("said the plan was “dead”") and stated positions
#: ("called the charges “fabricated”", "described as “unhinged”")
_WORD_VERBS = SPEECH_VERBS | frozenset({"call", "describe", "brand", "dub", "label", "term", "deem", "liken",
                                        "characterize", "characterise", "nickname", "denounce", "criticize",
                                        "criticise", "blast", "slam", "accuse", "question", "recognize"})


def one_word_quotes(doc: Doc, sdoc: Any, taken: list[list[Span]]) -> list[list[Span]]:
    """Single quoted words a speaker is said to have used: 'Clinton called them “deplorables.”', 'said the
    ruling was “unfair”', 'describing as “unhinged” a tweet'.  A quoted word is one only when a speech or stance
    verb outside any quote, with a subject, governs it in its sentence (walking up at most eight heads, never
    through a copula's own subject); a single word in the reporter's own voice (the “reset”, the woman's
    “head”) is no quote (:func:`communique.textutil.find_quotations` leaves every single word out)."""
    spans = SpanIndex(p for g in taken for p in g)
    out: list[list[Span]] = []
    for m in _ONE_WORD.finditer(doc.text):
        start, end = m.start(1), m.end(1)
        while end > start and doc.text[end - 1] in ".,!?":
            end -= 1
        span = Span(start, end)
        if end <= start or spans.overlaps(span) or spans.overlaps(Span(m.start(), m.end())):
            continue
        tok = tok_at(sdoc, start)
        if tok is None:
            continue
        cur = tok
        for _ in range(8):
            if cur.head.i == cur.i or cur.head.sent != tok.sent:
                break
            cur = cur.head
            if spans.covers(cur.idx):
                break
            if cur.pos_ == "VERB" and cur.lemma_.lower() in _WORD_VERBS:
                if speaker_tokens(cur, [span]) and not any(c.dep_ == "nsubj" and c.i == tok.i for c in cur.children):
                    out.append([span])
                break
    return out


def extract_quotes(doc: Doc, speakers: Speakers) -> list[Quote]:
    """One Quote per quotation, with speaker (actor id), speaker span, cue (the speech verb) and parts."""
    sdoc = doc.nlp
    quotes: list[Quote] = []
    found = [g for parts in find_quotations(doc.text) for g in split_turns(doc.text, parts)]
    found = sorted(found + one_word_quotes(doc, sdoc, found), key=lambda g: g[0].start)
    for parts in found:
        span = Span(parts[0].start, parts[-1].end)
        tok = tok_at(sdoc, parts[0].start)
        speaker: str | None = None
        speaker_span: Span | None = None
        cue: Span | None = None
        via: str | None = None
        tagged = False
        anon_head = False
        dash = _dash_speaker(doc, sdoc, parts[-1].end, speakers)
        turn = _label_speaker(doc, sdoc, span.start, speakers) if _turn_label(doc.text, parts[0].start) else None
        if turn is not None:  # a transcript's turn inside the quote marks: '"PENCE: Well, ...'
            speaker, speaker_span = turn
            tagged = True
        elif dash is not None:
            speaker, speaker_span, cue = dash
            tagged = True
        elif tok is not None:
            verb = None
            if len(parts) > 1:  # the tag between the fragments
                for t in sdoc.char_span(parts[0].end, parts[1].start, alignment_mode="expand") or []:
                    if t.lemma_.lower() in _QUOTE_VERBS and t.pos_ in ("VERB", "AUX"):
                        verb = t
                        break
            verb = verb or speech_verb(tok, span, parts)
            last = tok_at(sdoc, span.end - 1)
            if (verb is None or not speaker_tokens(verb, parts)) and last is not None and last.sent != tok.sent:
                verb = speech_verb(last, span, parts)  # a quote of several sentences: the verb after its last one
                tok = last
            if verb is None or not speaker_tokens(verb, parts):
                verb = _tag_after(doc, sdoc, span) or verb
            if verb is None:
                verb = _colon_verb(doc, sdoc, span) or (
                    None if _label(doc, sdoc, span.start) is not None else _governing_verb(tok, parts))
            if verb is not None:
                tagged = True
                cue = Span(verb.idx, verb.idx + len(verb))
                who = [t for t in speaker_tokens(verb, parts) if not any(p.start <= t.idx < p.end for p in parts)]
                if who:
                    aid = speakers.resolve(who)
                    head = next((t for t in who if t.head not in who), who[0])
                    if aid is None and is_anonymous_source(head):  # "'...,' a source familiar with ... said"
                        speaker_span, anon_head = span_of(who), True
                    elif aid is None and len(who) == 1 and head.lower_ in ("he", "she", "it", "they"):
                        speaker_span = span_of(who)  # "“...,” she said" with nobody to refer to: who stays unknown
                    if aid is not None and not _inside(speakers, aid, parts):
                        speaker = aid
                        ws = span_of(who)
                        speaker_span = speakers.mention_span(aid, ws.start, ws.end) or ws
                        head = next((t for t in who if t.head not in who), who[0])
                        anon_head = is_anonymous_source(head)
                        speaker_span = _outer_mention(verb, aid, parts, speakers) or speaker_span
            acc = _according_to(tok.sent)
            if acc is not None:
                via_toks = source_tokens(acc)
                via = span_of(via_toks).text(doc.text)
                if speaker is None and not is_anonymous_source(acc):
                    ids = speakers.args.in_tokens(acc.subtree)
                    speaker = ids[0] if ids else None
        if speaker is None and speaker_span is None and (label := _label_speaker(doc, sdoc, span.start, speakers)):
            speaker, speaker_span = label
            tagged = True
        if speaker is None and not tagged and quotes:
            prev = quotes[-1]
            gap = doc.text[prev.span.end : span.start]
            if "\n\n" not in gap and len(gap) < 200:
                speaker, speaker_span, via = prev.speaker, prev.speaker_span, prev.via
        if speaker is None and tok is not None and (owner := _speech_noun_owner(tok, span, speakers)) is not None:
            speaker = owner[0]
            speaker_span = speakers.mention_span(owner[0], owner[1].sent.start_char, owner[1].sent.end_char,
                                                 outside=span)
        if speaker is None and (before := _previous_speaker(doc, sdoc, span, speakers)) is not None:
            speaker = before[0]
            speaker_span = speakers.mention_span(before[0], before[1].start_char, before[1].end_char)
        anonymous = (speakers.actor(speaker).anonymous or anon_head) if speaker is not None else (
            anon_head or via is not None)
        reported_by: str | None = None
        reported_span: Span | None = None
        if tok is not None and turn is None and dash is None:
            start = tok_at(sdoc, cue.start) if cue is not None and cue.end <= len(doc.text) else None
            outer = _outer_source(start if start is not None and start.sent == tok.sent else tok, parts, speakers)
            if outer is not None and outer[0] == speaker:
                speaker_span = outer[1]  # "Ruiz says she regrets what she calls “a mistake”": the outer mention
            elif outer is not None:
                reported_by, reported_span = outer
        quotes.append(Quote(span=span, speaker=speaker, speaker_span=speaker_span, anonymous=anonymous, via=via,
                            parts=list(parts), cue=cue, reported_by=reported_by, reported_by_span=reported_span))
    return quotes


#: the relations through which a quote's clause lies inside another attribution's content: a clause ("said
#: that Berg had called ..."), a relative or free relative ("denounced what Berg called ..."), a preposition's
#: object ("through what she calls ...") and the words between
_NESTING_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "pcomp", "pobj", "prep", "dobj", "acl", "oprd",
                           "conj", "mark", "advmod", "attr", "acomp", "amod", "nmod", "compound", "nummod",
                           "quantmod", "det", "poss", "case", "neg", "aux", "auxpass", "prt", "dative"})


def _outer_source(tok: Any, parts: list[Span], speakers: Speakers) -> tuple[str, Span] | None:
    """The outermost source whose attribution holds the quote in its sentence, walking up the heads from the
    quote's cue (else its first word): 'Ruiz said Berg had called the plan “a disaster”' -> Ruiz;
    'Other leaders denounced what Berg called “reckless” acts' -> Other leaders; 'According to the Daily
    Courier, Berg said “...”' -> the Daily Courier.  ``(actor id, span of its mention)`` or None when the quote's
    own cue is the outermost.  Every source is resolved as a quote's speaker is (:meth:`Speakers.resolve`); a
    verb inside the quoted words never counts.  This is the source PolNeAR annotates (each token belongs to
    one attribution, the outermost)."""

    def quoted(t: Any) -> bool:
        return any(p.start <= t.idx < p.end for p in parts)

    text = doc_text(tok.doc)
    ended = _ends_sentence(text, parts[-1].end)
    found: tuple[str, Span] | None = None
    cur = tok
    sent = tok.sent
    for _ in range(16):
        if cur.head.i == cur.i or cur.head.sent != sent:
            break
        if cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break  # "..., and the lawyer replied, “...”": a clause of its own, whatever the parser hung it from
        if cur.dep_ not in _NESTING_DEPS:
            break  # "Rep. Ruiz called on ... -- meddling the congressman said is “...”": no clause around the quote
        sibling = cur.dep_ == "conj"  # "said ... and added “...”": a verb beside, not around, the quote
        cur = cur.head
        if sibling or quoted(cur) or cur.pos_ not in ("VERB", "AUX") or cur.lemma_.lower() not in SPEECH_VERBS:
            continue
        lo, hi = sorted((cur.idx, parts[0].start if cur.idx < parts[0].start else parts[-1].end))
        if "\n" in text[lo:hi] or (ended and cur.idx >= parts[-1].end):
            break  # another paragraph, or the next sentence the parser ran into this one
        who = [t for t in speaker_tokens(cur, parts) if not quoted(t)]
        aid = speakers.resolve(who) if who else None
        if aid is not None:
            ws = span_of(who)
            found = (aid, speakers.mention_span(aid, ws.start, ws.end) or ws)
    acc = _according_to(sent)
    if acc is not None and not quoted(acc):
        at_toks = source_tokens(acc)
        aid = speakers.resolve(at_toks)
        if aid is not None:
            at = span_of(at_toks)
            found = (aid, speakers.mention_span(aid, at.start, at.end) or at)
    return found


def _outer_mention(verb: Any, actor_id: str, parts: list[Span], speakers: Speakers) -> Span | None:
    """'Clinton told the crowd that she believes “...”': the quote's speaker restated by a pronoun inside her own
    reported speech — the span of the outermost speech verb's subject when it is the same actor (the claim is
    hers as the outer clause states it), else None."""
    found: Span | None = None
    cur = verb
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "advcl") or cur.head.i == cur.i:
            break
        up = cur.head
        if up.pos_ not in ("VERB", "AUX") or up.lemma_.lower() not in SPEECH_VERBS or up.idx >= parts[0].start:
            break  # the outer clause stands before the quote ("Clinton told ... that she believes “...”")
        who = [t for t in speaker_tokens(up, parts) if t.idx < parts[0].start]
        if not who or up.sent != verb.sent or "\n" in doc_text(verb.doc)[up.idx : parts[0].start]:
            break
        if speakers.args.in_tokens(who)[:1] != [actor_id]:
            break  # only a name the actors stage resolved: resolving a description here would add actors
        ws = span_of(who)
        found = speakers.mention_span(actor_id, ws.start, ws.end) or ws
        cur = up
    return found


#: a transcript label right after the opening quote mark of a paragraph: '"PENCE: Well, ...', '“Q: ...'
_TURN = re.compile(r"(?P<label>(?:[A-Z][A-Z’'.\-]*)(?: [A-Z][A-Z’'.\-]*){0,3}|Q|A):[ \t]+(?=\S)")


def _turn_label(text: str, start: int) -> bool:
    """Does the quoted fragment at ``start`` open after a transcript label inside the marks ('"PENCE: ...')?"""
    line = text.rfind("\n", 0, start) + 1
    m = _TURN.match(text, line + len(text[line:start]) - len(text[line:start].lstrip("“\"‘' \t")))
    return m is not None and m.end() == start


def split_turns(text: str, parts: list[Span]) -> list[list[Span]]:
    """A transcript quoted whole, each paragraph opening with a quote mark and a speaker label in capitals
    ('"WALLACE: Let’s start ...' / '"PENCE: Well, ...'), is one quotation per turn: the fragments are cut at
    every labelled paragraph and each turn starts after its label and colon (the label is its speaker,
    :func:`_label_speaker`).  Unlabelled paragraphs stay with the turn before them; a quotation with fewer than
    two labels, or one only in its first fragment, is returned as it is."""
    out: list[list[Span]] = []
    labelled = 0
    for p in parts:
        m = _TURN.match(text, p.start)
        if m is not None and m.group("label").lower() not in _NOT_LABELS and m.end() < p.end:
            labelled += 1
            out.append([Span(m.end(), p.end)])
        elif out:
            out[-1].append(p)
        else:
            out.append([p])
    return out if labelled >= 2 else [parts]


def _inside(speakers: Speakers, actor_id: str, parts: list[Span]) -> bool:
    """Is every mention of the actor inside the quoted words (a speaker named only within the quote itself)?"""
    mentions = speakers.all_mentions()
    idx = [i for i in speakers.actor(actor_id).mentions if i < len(mentions)]
    return bool(idx) and all(any(p.contains(mentions[i].span) for p in parts) for i in idx)


__all__ = ["ActorIndex", "extract_quotes", "label_lines", "speaker_tokens", "speech_verb"]
