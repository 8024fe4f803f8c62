"""Test helper for the place stage's tests: entities marked by their surface, as spaCy would give them.

``marked_entities(text, ("Gaza", "GPE"), ...)`` finds each surface in ``text`` in order, after the previous one,
and returns ``(start, end, label)`` triples (character offsets into ``text``); ``marked_places`` runs the place
stage's :func:`~communique.stages.place.extract` on them and returns ``(surface, country, feature)`` per place.
"""

from __future__ import annotations

import re

from communique.knowledge.gazetteer import Gazetteer
from communique.stages.place import extract


def marked_entities(text: str, *marked: tuple[str, str]) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for surface, label in marked:
        m = re.compile(re.escape(surface)).search(text, pos)
        assert m, surface
        out.append((m.start(), m.end(), label))
        pos = m.end()
    return out


def marked_places(gaz: Gazetteer, text: str, *marked: tuple[str, str]) -> list[tuple[str, str | None, str]]:
    return [(text[p.span.start : p.span.end], p.country, p.feature)
            for p in extract(text, marked_entities(text, *marked), gaz)]
