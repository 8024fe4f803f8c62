"""One sense per story: a name taken as a place is that place again where the tagger called it otherwise."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ....knowledge.gazetteer import Gazetteer, normalise
from ....model import Place, Span
from ....textutil import GrowingSpanIndex
from ..names import _not_a_place, _trim
from ..patterns import RESCUE_LABELS, Entity
from ..sites import _population


class _Written:
    """Where the text writes each run of word characters and hyphens, by the run: whether the text writes a
    string with no word character or hyphen on either side is looked up among the places its first run stands
    (one pass over the text), not searched for in the whole text once per string (quadratic in its length)."""

    _RUN = re.compile(r"[\w-]+")

    def __init__(self, text: str) -> None:
        self.text = text
        self.at: dict[str, list[int]] = {}
        for m in self._RUN.finditer(text):
            self.at.setdefault(m.group(0), []).append(m.start())

    def has(self, key: str) -> bool:
        """Does the text write ``key`` exactly, no word character or hyphen right before or after it (as
        ``re.search(rf"(?<![\\w-]){re.escape(key)}(?![\\w-])", text)``)?"""
        first = self._RUN.match(key)
        if not key or first is None:  # (a key starting with another character: searched for, as it was)
            return re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", self.text) is not None
        run = first.group(0)
        n = len(key)
        # a match starts a run of the text (nothing of the kind before it) that is the key's first run exactly
        # (the key's next character, if any, is none of the kind, nor then the text's)
        return any(self.text.startswith(key, i) and not self._RUN.match(self.text, i + n, i + n + 1)
                   for i in self.at.get(run, ()))


AGAIN_MIN_POPULATION = 5_000  # a town this large is taken again where the tagger called its name otherwise


def _named_again(text: str, ents: Sequence[Entity], places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """A name the story took as a place is that place again where the tagger called it an organisation or a
    person ("Cirencester" a place in one sentence, PERSON in the next; "air links between Harare and the UK" with
    Harare tagged ORG): one sense per story, unless the words around it say person or organisation
    (:func:`_not_a_place`: "coach Austin said") or it is part of a longer name.  Only names the tagger itself
    called a place somewhere, no acronyms, and towns of :data:`AGAIN_MIN_POPULATION` or more."""
    tagged = {(s, e) for s, e, label in ents if label in ("GPE", "LOC")}
    known: dict[str, Place] = {}
    for p in places:
        name = text[p.span.start : p.span.end]
        # only what the tagger itself called a place, and no acronym ("BA", "MoD": an airline, a ministry)
        if (
            (p.span.start, p.span.end) in tagged
            and not name.isupper()
            and any(c.islower() for c in name[1:])
            and normalise(name) not in known
            and (p.feature != "city" or _population(gazetteer, name, p) >= AGAIN_MIN_POPULATION)
        ):
            known[normalise(name)] = p
    if not known:
        return places
    # a name the tagger calls a person more often than a place is a person's ("Noma said"); a word the story
    # also writes in lower case is a common noun ("the Centre" of India's government, "City" the club)
    as_place: Counter[str] = Counter()
    as_person: Counter[str] = Counter()
    for s, e, label in ents:
        if label in ("GPE", "LOC"):
            as_place[normalise(text[s:e])] += 1
        elif label == "PERSON":  # "Mohamed Salah" makes "Salah" a person's name too
            as_person.update({normalise(text[s:e]), *normalise(text[s:e]).split(" ")})
    written = _Written(text)
    known = {key: p for key, p in known.items() if as_person[key] <= as_place[key] and not written.has(key)}
    taken = GrowingSpanIndex(p.span for p in places)  # (indexed: a scan per entity was quadratic)
    found: list[Place] = []
    for start, end, label in ents:
        if label not in RESCUE_LABELS:
            continue
        s, e = _trim(text, start, end)
        same = known.get(normalise(text[s:e]))
        if same is None or taken.overlaps(Span(s, e)) or _not_a_place(text, s, e):
            continue
        found.append(Place(Span(s, e), same.name, same.country, same.lat, same.lon, same.geonames_id, same.feature))
        taken.add(Span(s, e))
    return sorted([*places, *found], key=lambda p: p.span.start) if found else places

