"""The whole pipeline never crashes on odd text, and every annotation stays inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import Pipeline, analyze, doc_to_dict
from communique.errors import EmptyInput

WORDS = st.sampled_from([
    "Russian", "President", "Vladimir", "Putin", "met", "visited", "Damascus", "Syria", "’s", "‘", "’", "“", "”",
    '"', "'", "the", "previous", "day", "on", "Monday", "November", "16", ",", ".", "\n\n", "said", "denied",
    "according", "to", "sources", "close", "Turkish", "official", "-", "Al", "Arabiya", "reported", "will", "could",
    "Ministry", "Foreign", "General", "Army", "and", "between", "phone", "call", "attack", "sanctions", "Kyiv", "é",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=60).map(" ".join) | st.text(max_size=200))
def test_any_text(pipeline: Pipeline, text: str) -> None:
    try:
        doc = analyze(text, published="2025-11-17", pipeline=pipeline)
    except EmptyInput:
        assert not text.strip()
        return
    n = len(doc.text)
    d = doc_to_dict(doc)
    for m in doc.mentions:
        assert 0 <= m.span.start <= m.span.end <= n
    for e in d["events"]:
        assert 0 <= e["evidence"]["start"] <= e["evidence"]["end"] <= n
        assert set(e["source"]) | set(e["target"]) <= {a["id"] for a in d["actors"]}
        assert e["status"] in ("reported", "unconfirmed", "confirmed", "denied", "planned", "hypothetical")
    for q in d["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= n and q["text"] == doc.text[q["start"] : q["end"]]
