"""The stage registry and runner: order checked when built, batches, error policy."""

from __future__ import annotations

import pytest

from communique import Pipeline
from communique.errors import StageOrderError, UnknownStage
from communique.model import Doc
from communique.pipeline import DEFAULT_STAGES, registered, stage
from communique.read import make_article


def test_builtins_registered_with_declared_needs() -> None:
    specs = registered()
    assert [(n, specs[n].requires, specs[n].assigns) for n in DEFAULT_STAGES] == [
        ("communique.nlp.v1", ("article",), ("nlp", "sentences")),
        ("communique.time.v1", ("nlp", "sentences"), ("timexes",)),
        ("communique.place.v1", ("nlp", "sentences"), ("places", "country_mentions")),
        ("communique.actors.v1", ("nlp", "sentences", "places"), ("mentions", "actors")),
        ("communique.dateline.v1", ("nlp", "sentences", "timexes", "places", "actors"), ("dateline",)),
        ("communique.events.v1", ("nlp", "sentences", "actors", "timexes", "places"), ("events",)),
        ("communique.provenance.v1", ("nlp", "sentences", "actors", "events"), ("quotes", "attributions", "status")),
    ]


def test_order_is_checked_when_built() -> None:
    with pytest.raises(StageOrderError, match="'communique.events.v1' requires nlp, sentences, actors, timexes"):
        Pipeline(["communique.events.v1"])
    with pytest.raises(UnknownStage, match="no stage named 'communique.nope.v1'"):
        Pipeline(["communique.nlp.v1", "communique.nope.v1"])


@stage("tests.explode.v1", requires=["nlp"], assigns=[])
class _Explode:
    def __call__(self, doc: Doc) -> Doc:
        if "boom" in doc.text:
            raise RuntimeError("boom")
        return doc


def test_skip_policy_records_and_keeps_the_rest(pipeline: Pipeline) -> None:
    nlp = pipeline.stages[0].nlp
    pipe = Pipeline(["communique.nlp.v1", "tests.explode.v1"], services={"nlp": nlp}, on_error="skip")
    arts = [make_article(t) for t in ("Quiet day in Oslo.", "A boom in Lagos.", "Talks in Lima.")]
    out = list(pipe.pipe(Doc(a) for a in arts))
    assert [d.text for d in out] == ["Quiet day in Oslo.", "Talks in Lima."]
    assert [(e.stage, e.article_id) for e in pipe.errors] == [("tests.explode.v1", arts[1].id)]
    assert out[0].done == ["communique.nlp.v1", "tests.explode.v1"]
    raising = Pipeline(["communique.nlp.v1", "tests.explode.v1"], services={"nlp": nlp})
    with pytest.raises(RuntimeError, match="boom"):
        list(raising.pipe(Doc(a) for a in arts))


def test_batch_equals_one_by_one(pipeline: Pipeline) -> None:
    texts = ["Iraqi Prime Minister Ali Hassan visited Amman on Monday.",
             "Jordanian King Faisal received the Iraqi delegation in Amman."]
    one = [pipeline(Doc(make_article(t, published="2024-01-10"))) for t in texts]
    many = list(pipeline.pipe(Doc(make_article(t, published="2024-01-10")) for t in texts))
    assert [[(e.cameo, e.source, e.target) for e in d.events] for d in one] == [
        [(e.cameo, e.source, e.target) for e in d.events] for d in many]
