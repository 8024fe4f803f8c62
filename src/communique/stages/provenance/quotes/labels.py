"""Speaker labels opening a line: transcript turns ("PENCE: Well, ...", "Q: ...", also inside an opening quote
mark) and headline sources ("Ana Ruiz: ‘We Will Not Back Down’")."""

from __future__ import annotations

import re
from typing import Any

from ....model import Doc, Span
from ..common import Speakers

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
