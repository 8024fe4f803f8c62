"""The outermost attribution around a quote in its sentence ("Ruiz said Berg had called the plan “a disaster”"
-> Ruiz), and the speaker restated by a pronoun inside their own reported speech."""

from __future__ import annotations

from typing import Any

from ....model import Span
from ...nlp import doc_text
from ..common import SPEECH_VERBS, Speakers, source_tokens, span_of
from .tags import _according_to, _ends_sentence, speaker_tokens

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
