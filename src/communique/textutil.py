"""Text-level helpers shared by stages (no spaCy needed)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from .model import Span

_QUOTE_PATTERNS = (
    re.compile(r"“([^”“]{2,}?)”"),
    re.compile(r"(?:''|``)([^'`\n][^\n]*?)''"),  # ''...'' and ``...'' (newswire and treebank style)
    re.compile(r"\"([^\"\n]{2,}?)\""),
    re.compile(r"(?<![\w‘])‘(.{2,}?)’(?![\w])", re.S),
    re.compile(r"(?<![\w'])'([^'\n]{2,}?)'(?![\w])"),
)


def find_quotes(text: str) -> list[Span]:
    """Spans of quoted words (inside the marks, trailing comma dropped), outermost only."""
    found: list[Span] = []
    for pat in _QUOTE_PATTERNS:
        for m in pat.finditer(text):
            inner = m.group(1)
            if "\n\n" in inner or len(inner.split()) < 2:
                continue
            start, end = m.start(1), m.end(1)
            while end > start and text[end - 1] in ",;: ":
                end -= 1
            span = Span(start, end)
            if any(span.overlaps(f) for f in found):
                continue
            found.append(span)
    return sorted(found, key=lambda s: s.start)


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
