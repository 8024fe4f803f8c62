"""Documents survive the Parquet round trip field for field, and the files can be queried in place."""

from __future__ import annotations

from pathlib import Path

import duckdb

from communique import Pipeline, api
from communique.model import Article, Doc, Span
from communique.scale import doc_from_json, doc_to_json, docs_from_parquet, docs_to_parquet

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _bare(doc: Doc) -> Doc:
    doc.nlp = None
    doc._text = None
    return doc


def test_every_example_round_trips_through_json_and_parquet(pipeline: Pipeline, tmp_path: Path) -> None:
    articles = [a for a in api.read_inputs([EXAMPLES / "articles"]) if isinstance(a, Article)]
    docs = [_bare(d) for d in api.analyze_articles(articles, pipeline=pipeline)]
    assert len(docs) == len(articles) >= 8 and sum(len(d.events) for d in docs) > 10
    assert [_bare(doc_from_json(doc_to_json(d))) for d in docs] == docs
    path = tmp_path / "part.parquet"
    path.write_bytes(docs_to_parquet(docs))
    assert [_bare(d) for d in docs_from_parquet(path)] == docs
    rows = duckdb.sql(f"SELECT seq, id, events, published FROM '{path}' ORDER BY seq").fetchall()
    assert rows == [(i, d.article.id, len(d.events), d.article.published) for i, d in enumerate(docs)]


def test_optional_and_nested_fields_keep_their_types() -> None:
    art = Article(id="x1", text="Héllo\r\nworld", title=None, published=None, body=Span(0, 12))
    doc = Doc(art, sentences=[Span(0, 5)], done=["a"])
    back = doc_from_json(doc_to_json(doc))
    assert back == doc and isinstance(back.article.body, Span) and back.article.published is None
