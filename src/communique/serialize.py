"""Documents as plain JSON-ready dicts.

The shape printed by ``communique analyze --format json`` is a contract that
outside checks read: fields may be added, never renamed or dropped.

Every ``start``/``end`` is a character offset (Python ``str`` index, code points) into
``document.text``, the user's own text exactly as read: the decoded file for plain text
(headline line included; ``document.headline`` and ``document.body`` say where each lies),
the record's ``text`` for JSONL, the extracted main text for HTML. Each span's ``text``
equals ``document.text[start:end]``.
"""

from __future__ import annotations

from typing import Any

from .knowledge.cameo import lookup
from .model import Actor, Attribution, Doc, Event, Quote, Span


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def _actor(doc: Doc, a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "code": a.code,
        "country": a.country,
        "sector": a.sector,
        "title": a.title,
        "kind": a.kind,
        "anonymous": a.anonymous,
        "gender": a.gender,
        "mentions": [{"start": doc.mentions[i].span.start, "end": doc.mentions[i].span.end,
                      "text": doc.mentions[i].span.text(doc.article.text)} for i in a.mentions],
        "roles": [{"title": r.title, "country": r.country, "sector": r.sector, "as_of": _iso(r.as_of),
                   "start": r.evidence.start, "end": r.evidence.end} for r in a.roles],
    }


def _attribution(a: Attribution, text: str) -> dict[str, Any]:
    return {"source": a.source, "anonymous": a.anonymous, "kind": a.kind, "actor": a.actor_id, "cites": a.cites,
            "start": a.span.start if a.span else None, "end": a.span.end if a.span else None,
            "cue": _span(a.cue, text), "content": _span(a.content, text), "direct": a.direct}


def _span(s: Span | None, text: str) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text(text)}


def _event(doc: Doc, e: Event) -> dict[str, Any]:
    loc = e.location
    return {
        "id": e.id,
        "cameo": e.cameo,
        "plover": e.plover,
        "label": e.label,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "source": list(e.source),
        "target": list(e.target),
        "date": None if e.date is None else {
            "value": _iso(e.date.value), "precision": e.date.precision, "basis": e.date.basis,
            "evidence": _span(e.date.evidence, doc.article.text)},
        "location": None if loc is None else {
            "name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon, "geonames_id": loc.geonames_id,
            "evidence": _span(loc.evidence, doc.article.text),
            "basis": loc.basis},
        "status": e.status,
        "attribution": [_attribution(a, doc.article.text) for a in e.attribution],
        "evidence": {"sentence": e.evidence.sentence, "start": e.evidence.start, "end": e.evidence.end,
                     "text": doc.article.text[e.evidence.start : e.evidence.end], "document": doc.article.id},
        "trigger": _span(e.trigger, doc.article.text),
        "plover_mode": e.plover_mode,
        "plover_context": e.plover_context,
        "negated": e.negated,
        "intent": None if e.intent is None else {
            "cameo": e.intent, "label": lookup(e.intent).label, "plover": lookup(e.intent).plover,
            "goldstein": lookup(e.intent).goldstein, "quad_class": lookup(e.intent).quad_class},
        "episode": e.episode,
        "references": [_span(r, doc.article.text) for r in e.references],
        "found_by": {"method": e.found_by, "rule": e.rule, "model": e.model, "confidence": e.confidence},
    }


def _quote(doc: Doc, q: Quote) -> dict[str, Any]:
    return {
        "speaker": q.speaker,
        "speaker_text": q.speaker_span.text(doc.article.text) if q.speaker_span else None,
        "text": q.span.text(doc.article.text),
        "anonymous": q.anonymous,
        "via": q.via,
        "start": q.span.start,
        "end": q.span.end,
        "sentence": doc.sentence_of(q.span.start) if doc.sentences else None,
        "parts": [_span(p, doc.article.text) for p in (q.parts or [q.span])],
        "cue": _span(q.cue, doc.article.text),
        "reported_by": q.reported_by,
        "reported_by_text": q.reported_by_span.text(doc.article.text) if q.reported_by_span else None,
    }


def _dateline(doc: Doc) -> dict[str, Any] | None:
    d = doc.dateline
    if d is None:
        return None
    loc = d.location
    text = doc.article.text
    return {"span": _span(d.span, text), "place": _span(d.place, text),
            "location": None if loc is None else {"name": loc.name, "country": loc.country, "lat": loc.lat,
                                                  "lon": loc.lon, "geonames_id": loc.geonames_id},
            "date": _span(d.date, text), "value": _iso(d.value), "outlet": _span(d.outlet, text)}


def doc_to_dict(doc: Doc) -> dict[str, Any]:
    art = doc.article
    body = art.body_span()
    return {
        "document": {"id": art.id, "title": art.title, "published": _iso(art.published), "url": art.url,
                     "outlet": art.outlet, "source_path": art.source_path, "text": art.text,
                     "body": {"start": body.start, "end": body.end},
                     "headline": None if art.title_span is None else {"start": art.title_span.start,
                                                                      "end": art.title_span.end},
                     "dateline": _dateline(doc)},
        "actors": [_actor(doc, a) for a in doc.actors],
        "events": [_event(doc, e) for e in doc.events],
        "quotes": [_quote(doc, q) for q in doc.quotes],
        "attributions": [_attribution(a, doc.article.text) for a in doc.attributions],
        "places": [{"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id,
                    "feature": p.feature, "start": p.span.start, "end": p.span.end} for p in doc.places],
        "timexes": [{"text": t.span.text(doc.article.text), "value": _iso(t.value), "precision": t.precision,
                     "basis": t.basis, "start": t.span.start, "end": t.span.end, "timeml": t.timeml}
                    for t in doc.timexes],
        "country_mentions": [{"text": m.span.text(doc.article.text), "country": m.country, "name": m.name,
                              "geonames_id": m.geonames_id, "start": m.span.start, "end": m.span.end,
                              "kind": m.kind, "lat": m.lat, "lon": m.lon}
                             for m in doc.country_mentions],
    }
