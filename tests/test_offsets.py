"""Offsets index the user's own text: every span in ``analyze --format json`` is ``document.text[start:end]``.

Inputs with odd whitespace (runs of spaces, tabs, no-break spaces, CRLF, blank lines, a headline line) are
read through the same readers a user's files go through, and every span of the JSON is checked against the
text the user gave.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import communique
from communique.read import read_path
from communique.serialize import doc_to_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
ARTICLE = (EXAMPLES / "2025-02-24-iran-saudi-riyadh-visit.txt").read_text("utf-8")


def spans(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every dict in the JSON that carries ``start`` and ``end`` (with its path, for messages)."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, node
        for k, v in node.items():
            yield from spans(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from spans(v, f"{path}[{i}]")


def check(out: dict[str, Any], raw: str) -> int:
    """Assert every span indexes ``raw`` and states its text right; return how many were checked."""
    doc = out["document"]
    assert doc["text"] == raw
    n = 0
    for path, s in spans(out):
        assert 0 <= s["start"] <= s["end"] <= len(raw), path
        if "text" in s and path != ".document":
            assert raw[s["start"] : s["end"]] == s["text"], path
        n += 1
    for q in out["quotes"]:
        assert raw[q["start"] : q["end"]] == q["text"]
    return n


def garble(text: str, draw: Any) -> str:
    """The same report with the layout a user's file might have."""
    words = text.split(" ")
    seps = [draw(st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", " \u00a0"])) for _ in words[1:]]
    out = words[0] + "".join(s + w for s, w in zip(seps, words[1:], strict=True))
    if draw(st.booleans()):
        out = out.replace("\n", "\r\n")
    if draw(st.booleans()):
        out = out.replace("\n\n", "\n \n\n")
    lead = draw(st.sampled_from(["", "\n", "  \n\n", "\ufeff"]))
    return lead + out + draw(st.sampled_from(["", "\n", "  \n\n"]))


def test_seed_spans_index_the_file(pipeline: communique.Pipeline, tmp_path: Path) -> None:
    p = tmp_path / "2025-02-24-visit.txt"
    p.write_bytes(ARTICLE.replace("\n", "\r\n").replace(". ", ".  ").encode("utf-8"))
    [art] = list(read_path(p))
    out = doc_to_dict(pipeline(communique.Doc(art)))
    raw = p.read_bytes().decode("utf-8")
    assert check(out, raw) > 40
    head, body = out["document"]["headline"], out["document"]["body"]
    assert raw[head["start"] : head["end"]] == ARTICLE.split("\n", 1)[0]
    assert raw[body["start"] :].startswith(ARTICLE.split("\n\n", 1)[1][:40].replace(". ", ".  "))
    assert out["events"] and all(e["evidence"]["start"] >= body["start"] for e in out["events"])


def test_jsonl_spans_index_the_record_text(pipeline: communique.Pipeline, tmp_path: Path) -> None:
    import json

    body = ARTICLE.split("\n\n", 1)[1].replace("\n\n", "\n\n\n\t")
    p = tmp_path / "w.jsonl"
    p.write_text(json.dumps({"text": body, "title": "Visit", "published": "2025-02-24"}) + "\n", encoding="utf-8")
    [art] = list(read_path(p))
    out = doc_to_dict(pipeline(communique.Doc(art)))
    assert out["document"]["headline"] is None and check(out, body) > 40


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_span_indexes_the_text_as_given(pipeline: communique.Pipeline, data: st.DataObject) -> None:
    raw = garble(ARTICLE, data.draw)
    doc = communique.analyze(raw, published="2025-02-24", pipeline=pipeline)
    out = doc_to_dict(doc)
    assert check(out, raw) > 20
    assert len(doc.text) == len(raw)
