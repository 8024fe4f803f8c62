"""The indexed lookups that keep the place, events and provenance stages linear in document length give the
analysis the plain scans gave, field for field, on every example article.

The reference is the same code with :class:`~communique.textutil.SpanIndex` replaced by a list scanned in
full for each question (what the stages did before) and the provenance stage's actors-by-recency built as the
whole de-duplicated list (as before); each article is parsed once and both runs start from copies of that parse.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from communique import api
from communique.model import Actor, Doc, Span
from communique.read import read_file
from communique.serialize import doc_to_dict
from communique.stages.events import learned
from communique.stages.place import mentions as place
from communique.stages.provenance import attribution, common, quotes
from communique.textutil import SpanIndex

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


class ScanIndex:
    """:class:`SpanIndex`'s questions answered by scanning every span."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = [(s.start, s.end) for s in spans]

    def overlaps(self, span: Span) -> bool:
        return any(s < span.end and span.start < e for s, e in self.spans)

    def covers(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.spans)


def by_recency_as_before(self: common.Speakers, offset: int) -> Iterator[Actor]:
    seen = sorted(((m.span.start, m.actor_id) for m in self.all_mentions() if m.actor_id and m.span.start < offset),
                  reverse=True)
    out: list[Actor] = []
    for _, aid in seen:
        a = self.actors[aid]
        if a not in out:
            out.append(a)
    return iter(out)


def titled_before_as_before(self: common.Speakers, head: Any, toks: list[Any]) -> str | None:
    if head.tag_ != "NN":
        return None
    iso = next((c for t in toks if t is not head and (c := common.resolve_country(t.text))), None)
    for a in by_recency_as_before(self, head.idx):
        if self._named_person(a.id) and a.title and head.lower_ in a.title.lower().split() and (
                iso is None or a.country in (None, iso)):
            return a.id
    return None


def _analyse(parsed: bytes) -> dict[str, Any]:
    doc: Doc = pickle.loads(parsed)
    for st in api.default_pipeline(workers=1).stages[1:]:
        doc = st(doc)
    return json.loads(json.dumps(doc_to_dict(doc), default=str))


def test_indexed_stages_equal_the_plain_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    import communique.stages.provenance as provenance

    nlp = api.default_pipeline(workers=1).stages[0]
    parsed = []
    for path in sorted(EXAMPLES.iterdir()):
        for art in read_file(path):
            if not isinstance(art, Exception):
                parsed.append(pickle.dumps(nlp(Doc(art))))
    assert len(parsed) >= 15
    fast = [_analyse(p) for p in parsed]
    for module in (place, learned, attribution, provenance, quotes):
        monkeypatch.setattr(module, "SpanIndex", ScanIndex)
    monkeypatch.setattr(common.Speakers, "_titled_before", titled_before_as_before)
    for p, got in zip(parsed, fast, strict=True):
        assert got == _analyse(p)
    assert sum(len(d["events"]) for d in fast) > 20 and sum(len(d["quotes"]) for d in fast) > 10
    assert SpanIndex is not ScanIndex
