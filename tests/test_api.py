"""The public API is deliberate: pinned here."""

from __future__ import annotations

import communique


def test_exported_members() -> None:
    assert sorted(communique.__all__) == [
        "Actor", "Article", "Attribution", "CommuniqueError", "Doc", "Event", "IngestReport", "Mention", "Pipeline",
        "Quote", "analyze", "analyze_articles", "default_pipeline", "doc_to_dict", "ingest", "read_inputs",
    ]
    for name in communique.__all__:
        assert getattr(communique, name) is not None


def test_analyze_splits_headline_and_hashes_content(pipeline: communique.Pipeline) -> None:
    a = communique.analyze("Talks in Lima\n\nChile and Peru met in Lima.", pipeline=pipeline)
    b = communique.analyze("Chile and Peru met in Lima.", title="Talks in Lima", pipeline=pipeline)
    assert a.article.title == b.article.title == "Talks in Lima"
    assert a.article.id == b.article.id and a.article.text == "Talks in Lima\n\nChile and Peru met in Lima."
    assert a.article.body_span().text(a.article.text) == b.article.text == "Chile and Peru met in Lima."
    assert a.text == " " * 15 + "Chile and Peru met in Lima."  # the parse copy: headline blanked, same offsets
