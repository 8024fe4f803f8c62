"""Direct quotes and their speakers.

Quotations come from :func:`communique.textutil.find_quotations` (fragments of one quotation split by its
speaker tag, or running over several paragraphs, make one :class:`~communique.model.Quote` whose ``parts``
are the fragments).  The speaker, in this order:

1. a dash line after the quote: ``"..." —Finance Minister Wale Edun``;
2. the speech verb governing the quote or its tag, the verb's subject, also when inverted
   (``"...," added the Turkish minister``; ``"...," said party treasurer Maria Lopez``); a description that
   names no known actor becomes one (:class:`~..common.Speakers`), and "he"/"she" go to a person, never to
   an institution named in between ("Ruto addressed the UN General Assembly. ... he said");
3. "according to X" in the sentence;
4. the speaker of an adjoining quote in the same paragraph, when the quote has no speech tag of its own;
5. the owner of a speech noun above the quote ("Virta’s claim that the border was “fully secure”");
6. the subject of a speech verb in the sentence before, in the same paragraph.

The package: :mod:`.tags` (speech verbs and the other tags that name a speaker), :mod:`.labels` (line labels and
transcript turns), :mod:`.outer` (the attribution around a quote); the quotations and their assembly are here.
"""

from __future__ import annotations

import re
from typing import Any

from ....model import Doc, Quote, Span
from ....textutil import SpanIndex, find_quotations
from ...events import ActorIndex
from ..common import SPEECH_VERBS, Speakers, is_anonymous_source, source_tokens, span_of, tok_at
from .labels import _label, _label_speaker, _turn_label, label_lines, split_turns
from .outer import _outer_mention, _outer_source
from .tags import (
    _QUOTE_VERBS,
    SPEECH_NOUNS,
    _according_to,
    _colon_verb,
    _dash_speaker,
    _governing_verb,
    _previous_speaker,
    _speech_noun_owner,
    _tag_after,
    speaker_tokens,
    speech_verb,
)

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


def _inside(speakers: Speakers, actor_id: str, parts: list[Span]) -> bool:
    """Is every mention of the actor inside the quoted words (a speaker named only within the quote itself)?"""
    mentions = speakers.all_mentions()
    idx = [i for i in speakers.actor(actor_id).mentions if i < len(mentions)]
    return bool(idx) and all(any(p.contains(mentions[i].span) for p in parts) for i in idx)


__all__ = ["SPEECH_NOUNS", "ActorIndex", "extract_quotes", "label_lines", "one_word_quotes", "speaker_tokens",
           "speech_verb", "split_turns"]
