"""Text-level helpers shared by stages (no spaCy needed).

Quotes
------
:func:`find_quotes` gives every stretch of quoted words; :func:`find_quotations` groups them into quotations:

* marks: curly double (“…”), straight double ("…"), doubled apostrophes and backticks (''…'', ``…''), curly
  single (‘…’, where a ’ followed by a letter is an apostrophe) and straight single ('…');
* spaces and the trailing comma, semicolon or colon inside the marks are not quoted words
  (``" These reforms are painful , "`` gives ``These reforms are painful``);
* the newswire convention for a quotation of several paragraphs: a paragraph opens with a mark and does not
  close it, and the next paragraph opens with a mark again; each paragraph's words are one fragment of the
  one quotation;
* a quotation split by its speaker tag (``"Not now," the senator said. "We need more time."``) is one
  quotation of two fragments;
* not quotes: a single quoted word (the "reset"), titles (a programme, book or film name in Title Case:
  "Face the Nation"), and scare quotes (at most three words after "so-called", or after a determiner with no
  closing punctuation: the "peace dividend"); but a phrase someone is said to have used ("called Trump a
  “pathological liar”", "nicknamed “King James”") is a quote.

Offsets are characters into the text given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

from .model import Span

_QUOTE_PATTERNS = (
    re.compile(r"“([^”“]{2,}?)”"),
    re.compile(r"(?:''|``)([^'`\n][^\n]*?)''"),  # ''...'' and ``...'' (newswire and treebank style)
    re.compile(r"\"([^\"\n]{2,}?)\""),
    re.compile(r"(?<![\w‘])‘(.{2,}?)’(?![\w])", re.S),
    re.compile(r"(?<![\w'])'([^'\n]{2,}?)'(?![\w])"),
)
_OPEN = "“\"‘"
_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "with", "from", "by", "vs",
                    "de", "la", "le", "du", "und"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                          "your", "my", "what"})
_TITLE_CUES = re.compile(r"\b(programme|program|show|book|memoir|novel|film|movie|documentary|series|song|album|"
                         r"titled|entitled|headlined|column|article|report|play|podcast|newspaper|magazine)\W*$", re.I)
_SPEECH_TAG = re.compile(
    r"^\s*,?\s*(?:[\w.’'\-]+\s+){0,8}?(?:said|says|say|added|adds|told|tells|asked|asks|continued|insisted|"
    r"explained|noted|declared|warned|wrote|argued|stressed|recalled|replied|responded|acknowledged|admitted|"
    r"went on|conceded)(?:\s+[\w.’'\-]+){0,8}?\s*[,.:;]\s*$")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in ",;: \t\u00a0\n":
        end -= 1
    return start, end


#: a quoted phrase right after these is someone's words ("called Trump a “pathological liar”", "nicknamed
#: “King James”"), not a title or a scare quote
_CALLING = re.compile(r"\b(call|calls|called|calling|nicknamed|dubbed|labell?ed|branded|termed|described|describes|"
                      r"likened|likens|deemed|says|said|saying|as)\b[^.!?;:]{0,40}$", re.I)


def _is_title(inner: str, before: str) -> bool:
    if _CALLING.search(before) and not _TITLE_CUES.search(before):
        return False
    words = _WORD.findall(inner)
    if not words or len(words) > 8 or inner.rstrip()[-1:] in ",.!?;:":
        return False
    capital = all(w[0].isupper() for w in words if w.lower() not in _SMALL) and words[0][0].isupper()
    if capital and (len(words) <= 6 or _TITLE_CUES.search(before)):
        return True
    return bool(_TITLE_CUES.search(before)) and len(words) <= 5 and capital


def _is_scare(inner: str, before: str) -> bool:
    words = _WORD.findall(inner)
    if len(words) > 3 or inner.rstrip()[-1:] in ",.!?;:":
        return False
    prev = before.split()[-1:] if before.split() else []
    if prev and prev[0].lower().rstrip(",") == "so-called":
        return True
    return bool(prev) and prev[0].lower() in _DETERMINERS and len(words) <= 3 and not _CALLING.search(before)


def _multi_paragraph(text: str) -> list[list[Span]]:
    """Newswire quotations over several paragraphs: each paragraph but the last opens a mark it never closes."""
    out: list[list[Span]] = []
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    i = 0
    while i < len(paras):
        s, e = paras[i]
        line = text[s:e]
        stripped = line.lstrip()
        if stripped[:1] and stripped[0] in "“\"" and not _closed(stripped):
            parts: list[Span] = []
            j = i
            while j < len(paras):
                ps, pe = paras[j]
                pl = text[ps:pe]
                pls = pl.lstrip()
                pstart = ps + len(pl) - len(pls)
                if not pls or pls[0] not in "“\"":
                    break
                if _closed(pls):  # the last paragraph: up to its closing mark
                    close = _close_index(pls)
                    a, b = _trim(text, pstart + 1, pstart + close)
                    parts.append(Span(a, b))
                    break
                a, b = _trim(text, pstart + 1, pe)
                parts.append(Span(a, b))
                j += 1
            else:
                j = len(paras) - 1
            if len(parts) >= 2:
                out.append(parts)
                i = j + 1
                continue
        i += 1
    return out


def _closed(par: str) -> bool:
    """Does a paragraph that opens with a quote mark close it?"""
    return _close_index(par) >= 0


def _close_index(par: str) -> int:
    if par[:1] == "“":
        depth = 0
        for k, ch in enumerate(par):
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth -= 1
                if depth == 0:
                    return k
        return -1
    k = par.find('"', 1)
    return k


def find_quotations(text: str) -> list[list[Span]]:
    """Quotations, each the list of its quoted fragments in text order (most have one), sorted by start.

    Fragments are the quoted words without the marks, surrounding spaces or a trailing ``,;:``; see the module
    docstring for what is joined and what is not a quote.
    """
    groups = _multi_paragraph(text)
    found = GrowingSpanIndex(p for g in groups for p in g)  # (indexed: a scan per match was quadratic)
    covered = SpanIndex(Span(g[0].start, g[-1].end) for g in groups)
    for pat in _QUOTE_PATTERNS:
        for m in pat.finditer(text):
            inner = m.group(1)
            if "\n\n" in inner or len(inner.split()) < 2:
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            if _is_title(inner, before) or _is_scare(inner, before):
                continue
            start, end = _trim(text, m.start(1), m.end(1))
            span = Span(start, end)
            if end <= start or found.overlaps(span) or covered.overlaps(span):
                continue
            found.add(span)
            groups.append([span])
    groups.sort(key=lambda g: g[0].start)
    return _join_split(text, groups)


def _join_split(text: str, groups: list[list[Span]]) -> list[list[Span]]:
    """'"Not now," the senator said. "We need more time."': a speaker tag between two quotes joins them."""
    out: list[list[Span]] = []
    for g in groups:
        if out:
            prev = out[-1]
            last = prev[-1]
            close = last.end
            # a comma ends the first fragment (the convention for a quotation to be continued), or ? or !
            raw_end = close
            while raw_end < len(text) and text[raw_end] in " \t":
                raw_end += 1
            gap_start = raw_end
            while gap_start < len(text) and text[gap_start] in ",;:":
                gap_start += 1
            while gap_start < len(text) and text[gap_start] in "”\"’' \t":
                gap_start += 1
            gap_end = g[0].start - 1
            while gap_end > gap_start and text[gap_end] in " \t“\"‘'":
                gap_end -= 1
            gap = text[gap_start : gap_end + 1]
            comma = "," in text[close:gap_start] or gap.lstrip().startswith(",") or text[close - 1] in "?!"
            if (len(prev) == 1 and comma and "\n" not in gap and 0 < len(gap) <= 80
                    and _SPEECH_TAG.match(gap) and not any(ch in gap for ch in _OPEN)
                    and not _own_tag(text, g[-1].end)):
                prev.extend(g)
                continue
        out.append(list(g))
    return out


def _own_tag(text: str, end: int) -> bool:
    """Is a fragment ending at ``end`` followed by a speaker tag of its own ('"...," added the minister')?"""
    after = text[end : end + 80].split("\n", 1)[0]
    m = re.match(r"\s*[,;:]?\s*[”\"’']\s*,?\s*", after)
    if m is None or "," not in text[end : end + m.end() + 1] and text[end - 1 : end] not in "?!":
        return False
    rest = after[m.end():]
    stop = re.search(r"[.!?;]", rest)
    return bool(_SPEECH_TAG.match(rest[: stop.end()] if stop else rest))


def find_quotes(text: str) -> list[Span]:
    """Spans of quoted words (inside the marks, trailing comma dropped), every fragment of every quotation."""
    return sorted((s for g in find_quotations(text) for s in g), key=lambda s: s.start)


class SpanIndex:
    """A fixed set of spans answering "does this span overlap any of them?" in O(log n).

    Spans are sorted by start once (O(n log n)); a prefix maximum of their ends then tells whether any
    span starting before the query's end reaches past its start.  Offsets are characters into whatever
    text the spans index.
    """

    __slots__ = ("_starts", "_max_end")

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []
        top = -1
        for _, e in ordered:
            top = max(top, e)
            self._max_end.append(top)

    def overlaps(self, span: Span) -> bool:
        """True when some indexed span shares a character with ``span`` (as :meth:`Span.overlaps`)."""
        i = bisect_left(self._starts, span.end)
        return i > 0 and self._max_end[i - 1] > span.start

    def covers(self, offset: int) -> bool:
        """True when some indexed span holds character ``offset`` (``start <= offset < end``)."""
        i = bisect_right(self._starts, offset)
        return i > 0 and self._max_end[i - 1] > offset


class GrowingSpanIndex:
    """A set of spans that grows, answering "does this span overlap any of them?" by bisection: the spans are kept
    sorted by start with the longest one's length, so only those starting at most that far before the query can
    reach it (where a scan of every span per question made a loop quadratic in the text's length).  Offsets are
    characters into whatever text the spans index."""

    __slots__ = ("_spans", "_widest")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted((s.start, s.end) for s in spans)
        self._widest = max((e - s for s, e in self._spans), default=0)

    def add(self, span: Span) -> None:
        insort(self._spans, (span.start, span.end))
        self._widest = max(self._widest, span.end - span.start)

    def overlaps(self, span: Span) -> bool:
        """True when some span of the set shares a character with ``span`` (as :meth:`Span.overlaps`)."""
        lo = bisect_left(self._spans, (span.start - self._widest, span.start - self._widest))
        hi = bisect_left(self._spans, (span.end, span.end))
        return any(s < span.end and span.start < e for s, e in self._spans[lo:hi])
