"""The wire dateline (``BERLIN, June 13 (Reuters) -``): recognised before events are coded.

Two parts:

* a spaCy component, ``communique_dateline``, that ``stages.nlp.load_nlp`` puts first in the spaCy pipeline:
  it ends a sentence after the dateline, so the parser never reads "BERLIN" as the first sentence's subject,
  and at a line break (``mark_lines``: a headline is no subject or object of the line after it);
* the stage ``communique.dateline.v1`` (after ``time``, ``place`` and ``actors``, before ``events``): records
  ``Doc.dateline`` (the filing place geocoded, the written date resolved against the publication date) and
  removes what earlier stages found inside the dateline -- places, actor mentions, and actors mentioned
  nowhere else -- so the filing place is never an actor or an event's place.  A dated dateline is when the
  report was filed: the time expressions are resolved again with its date as the reference ("on Friday"
  is the Friday on or before June 13), the publication date staying on the article.

A dateline whose place is in title case, or in capitals with neither date nor agency, is only taken when
the gazetteer knows the place ("NATO - ..." is no dateline).
"""

from __future__ import annotations

from typing import Any

from ..knowledge.gazetteer import Gazetteer
from ..model import Dateline, Doc
from ..pipeline import stage
from ..read.article import hard_wrapped
from ..read.dateline import DatelineMatch, find_dateline
from . import time as time_stage

__all__ = ["DatelineStage", "attach", "extract", "mark_lines", "mark_sentence"]

COMPONENT = "communique_dateline"


def mark_sentence(sdoc: Any) -> Any:
    """spaCy component: a dateline opening the text is a sentence of its own, and a line opens one
    (:func:`mark_lines`), before the parser runs."""
    mark_lines(sdoc)
    found = find_dateline(sdoc.text)
    if found is None:
        return sdoc
    for tok in sdoc:
        if tok.idx >= found.span.end:
            tok.is_sent_start = True
            break
        if tok.i > 0:
            tok.is_sent_start = False
    return sdoc


def mark_lines(sdoc: Any) -> None:
    """A line opening in upper case, a digit or a quote starts a sentence, as ``Doc.sentences`` has it
    (``stages/nlp.extract_sentences``), so the parser never reads a headline or a subheading with no final stop
    into the next line ("Turkey condemns attack" / "Turkish officials condemned ...": no "condemns Turkish
    officials").  A hard-wrapped text (``read.article.hard_wrapped``: breaks inside sentences) keeps only its
    blank-line breaks.  Sets ``is_sent_start`` on the first token of each such line; changes nothing else."""
    if "\n" not in sdoc.text:
        return
    wrapped = hard_wrapped(sdoc.text)
    for tok in sdoc[1:]:
        prev = sdoc[tok.i - 1]
        breaks = prev.whitespace_.count("\n") + (prev.text.count("\n") if prev.is_space else 0)
        if not breaks or tok.is_space or tok.text[:1].islower():
            continue
        if breaks >= 2 or not wrapped:
            tok.is_sent_start = True


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=mark_sentence)


_register()


def extract(doc: Doc, gazetteer: Gazetteer) -> Dateline | None:
    """The dateline opening ``doc``'s text, geocoded; ``None`` when there is none."""
    found: DatelineMatch | None = find_dateline(doc.text, published=doc.article.published)
    if found is None:
        return None
    name = found.place.text(doc.text)
    region = found.region.text(doc.text) if found.region else None
    cand = gazetteer.lookup(name.title())
    if region and cand is not None and (iso := _country_of(region, gazetteer)) and cand.country != iso:
        cand = gazetteer.lookup(name.title(), country=iso) or cand
    caps = name.upper() == name
    if cand is None and (not caps or not (found.date or found.outlet)):
        return None
    return Dateline(span=found.span, place=found.place,
                    location=None if cand is None else cand.location(found.place),
                    date=found.date, value=found.value, outlet=found.outlet)


def _country_of(region: str, gazetteer: Gazetteer) -> str | None:
    cand = gazetteer.lookup(region)
    return cand.country if cand is not None else None


def attach(doc: Doc, dateline: Dateline | None) -> None:
    """Record the dateline and drop places, mentions and actors found inside it."""
    doc.dateline = dateline
    if dateline is None:
        return
    if dateline.value is not None and dateline.value != doc.article.published:
        # the report was filed on the dateline's date: relative dates ("on Friday") count from it
        doc.timexes = time_stage.extract(doc.text, ents=time_stage.date_entities(doc.nlp), published=dateline.value)
    inside = dateline.span
    doc.places = [p for p in doc.places if not inside.overlaps(p.span)]
    kept = [m for m in doc.mentions if not inside.overlaps(m.span)]
    if len(kept) == len(doc.mentions):
        return
    doc.mentions = kept
    used = {m.actor_id for m in kept if m.actor_id}
    doc.actors = [a for a in doc.actors if a.id in used]
    for a in doc.actors:
        a.mentions = [i for i, m in enumerate(doc.mentions) if m.actor_id == a.id]


@stage("communique.dateline.v1", requires=["nlp", "sentences", "timexes", "places", "actors"], assigns=["dateline"])
class DatelineStage:
    """Attach :func:`extract`'s dateline to each document."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()

    def __call__(self, doc: Doc) -> Doc:
        attach(doc, extract(doc, self.gazetteer))
        return doc
