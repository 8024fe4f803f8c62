"""The tags that name a quote's speaker: the speech verb governing the quote or standing beside it, its subject
(also inverted), a dash line, "according to X", a colon clause, a verb a paraphrased quote hangs from, the owner
of a speech noun, and a speech verb in the sentence before (:func:`communique.stages.provenance.quotes.extract_quotes`
tries them in that package's order)."""

from __future__ import annotations

import re
from typing import Any

from ....model import Doc, Span
from ...events import noun_phrase
from ...nlp import doc_text
from ..common import BELIEF_VERBS, FINDING_VERBS, SPEECH_VERBS, Speakers, source_tokens, tok_at

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
