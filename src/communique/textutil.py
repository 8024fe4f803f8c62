"""Text-level helpers shared by stages (no spaCy needed)."""

from __future__ import annotations

import re

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
