"""The canonical article end to end (needs ../shared/seed/article.txt; skips when absent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from communique import Doc, Pipeline, analyze, doc_to_dict


@pytest.fixture(scope="module")
def seed(shared: Path, pipeline: Pipeline) -> Doc:
    text = (shared / "seed" / "article.txt").read_text("utf-8")
    return analyze(text, published=dt.date(2025, 11, 17), pipeline=pipeline)


def _names(doc: Doc, ids: list[str]) -> list[str]:
    return [doc.actor(i).name for i in ids]  # type: ignore[union-attr]


def test_headline_is_kept_apart(seed: Doc) -> None:
    assert seed.article.title is not None and seed.article.title.startswith("Russia and Syria Intensify")
    assert not seed.text.startswith("Russia and Syria")
    assert all(m.span.start >= 0 for m in seed.mentions)


def test_actors(seed: Doc) -> None:
    got = [(a.name, a.code, a.kind, a.title, a.anonymous) for a in seed.actors]
    assert got == [
        ("Yunus-Bege Evkurov", "RUSMIL", "person", "Deputy Defense Minister General Army", False),
        ("Syria", "SYR", "country", None, False),
        ("Murhaf Abu Kasra", "SYRMIL", "person", "Deputy Minister of Defense", False),
        ("Al Arabiya", "MED", "outlet", None, False),
        ("Russia", "RUS", "country", None, False),
        ("Russian Foreign Ministry", "RUSGOV", "organization", None, False),
        ("Russian delegation", "RUSGOV", "group", None, False),
        ("American delegation", "USAGOV", "group", None, False),
        ("Turkish delegation", "TURGOV", "group", None, False),
        ("Vladimir Putin", "RUSGOV", "person", "President", False),
        ("Benjamin Netanyahu", "ISRGOV", "person", "Prime Minister", False),
        ("Palestine", "PSE", "country", None, False),
        ("Iran", "IRN", "country", None, False),
        ("Israeli government", "ISRGOV", "organization", None, False),
        ("Turkish ambassador", "TURGOV", "person", None, False),
        ("Turkey", "TUR", "country", None, False),
        ("Turkish official", "TURGOV", "person", None, True),
        ("Russian officials", "RUSGOV", "group", None, False),
    ]
    evkurov = seed.actors[0]
    assert [seed.text[seed.mentions[i].span.start : seed.mentions[i].span.end] for i in evkurov.mentions] == [
        "Russian Deputy Defense Minister General Army Yunus-Bege Evkurov", "Evkurov", "Evkurov"]
    assert [(r.title, r.country, r.sector, r.as_of) for r in evkurov.roles] == [
        ("Deputy Defense Minister General Army", "RUS", "MIL", dt.date(2025, 11, 17))]


def _event_view(doc: Doc) -> list[tuple[Any, ...]]:
    out = []
    for e in doc.events:
        loc = e.location
        out.append((
            e.cameo, _names(doc, e.source), _names(doc, e.target),
            (e.date.value.isoformat() if e.date and e.date.value else None, e.date.precision if e.date else None),
            (loc.name, loc.country, loc.geonames_id) if loc else None,
            e.status, [(a.source, a.anonymous, a.kind) for a in e.attribution],
            doc.text[e.trigger.start : e.trigger.end],
        ))
    return out


def test_events(seed: Doc) -> None:
    damascus = ("Damascus", "SYR", 170654)
    chain = [("Al Arabiya", False, "outlet"), ("unnamed sources", True, "source")]
    assert _event_view(seed) == [
        ("042", ["Yunus-Bege Evkurov"], ["Syria"], ("2025-11-16", "on_or_before"), damascus, "unconfirmed", chain,
         "led"),
        ("040", ["Yunus-Bege Evkurov"], ["Murhaf Abu Kasra"], ("2025-11-16", "on_or_before"), damascus,
         "unconfirmed", chain, "met"),
        ("042", ["Russian delegation", "American delegation", "Turkish delegation"], ["Syria"],
         ("2025-11-17", "on_or_before"), damascus, "reported", [], "delegations"),
        ("041", ["Vladimir Putin"], ["Benjamin Netanyahu"], ("2025-11-15", "day"), None, "reported", [], "call"),
        ("050", ["Turkish ambassador"], ["Syria"], ("2025-11-17", "on_or_before"), damascus, "reported", [],
         "reappointment"),
        ("051", ["Murhaf Abu Kasra"], ["Yunus-Bege Evkurov"], ("2025-11-17", "on_or_before"), None, "reported", [],
         "described"),
    ]
    call = seed.events[3]
    assert call.date is not None and "November 16" in call.date.basis
    assert (call.goldstein, call.quad_class, call.plover, call.plover_mode) == (1.0, 1, "CONSULT", "phone")


def test_quotes(seed: Doc) -> None:
    got = [(seed.actor(q.speaker).name if q.speaker else None,  # type: ignore[union-attr]
            q.speaker_span.text(seed.text) if q.speaker_span else None, q.anonymous, q.via,
            q.span.text(seed.text)[:30]) for q in seed.quotes]
    assert got == [
        ("Benjamin Netanyahu", "Netanyahu", False, "sources close to the Israeli government",
         "urgent action to prevent furth"),
        ("Turkish official", "Turkish official", True, None, "this step is a recognition of "),
        ("Murhaf Abu Kasra", "Abu Kasra", False, None, "a testament to the enduring pa"),
        ("Murhaf Abu Kasra", "Abu Kasra", False, None, "Syria remains committed to str"),
    ]
    # the closing ’ is a quote mark, the ’ of "Syria’s" inside the quote is an apostrophe
    assert seed.quotes[1].span.text(seed.text).endswith("the wider region.")


def test_json_contract(seed: Doc) -> None:
    d = doc_to_dict(seed)
    assert set(d) >= {"document", "actors", "events", "quotes"}
    assert set(d["document"]) >= {"id", "title", "published"}
    for a in d["actors"]:
        assert set(a) >= {"id", "name", "code", "country", "sector", "title", "kind"}
    for e in d["events"]:
        assert set(e) >= {"id", "cameo", "plover", "label", "goldstein", "quad_class", "source", "target", "date",
                          "location", "status", "attribution", "evidence"}
        assert set(e["date"]) >= {"value", "precision", "basis"}
        assert set(e["evidence"]) >= {"sentence", "start", "end"}
        assert e["location"] is None or set(e["location"]) >= {"name", "country", "lat", "lon", "geonames_id"}
        for att in e["attribution"]:
            assert set(att) >= {"source", "anonymous", "kind"}
    for q in d["quotes"]:
        assert set(q) >= {"speaker", "speaker_text", "text", "anonymous", "via", "start", "end"}
