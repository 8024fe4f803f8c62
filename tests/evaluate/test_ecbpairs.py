"""The learned pairwise scorer for ECB+ on hand-made mentions."""

from __future__ import annotations

from communique.evaluate import ecbpairs as P
from communique.evaluate.ecbplus import Document, Mention


def _m(doc: str, topic: int, s: int, lemma: str, gold: str, args: set[str] = frozenset(),  # type: ignore[assignment]
       pos: str = "VERB") -> Mention:
    return Mention(doc, topic, s, (0,), lemma, gold, lemma, None, frozenset(), frozenset(), frozenset(args),
                   frozenset(), frozenset({lemma}), pos)


def test_features_read_heads_arguments_and_document_dates() -> None:
    a = _m("d1", 1, 0, "shoot", "g1", {"police"})
    b = _m("d2", 1, 0, "shooting", "g1", {"police"}, pos="NOUN")
    c = _m("d2", 1, 1, "arrest", "g2", {"suspect"})
    docs = [Document("d1", 1, year=2008, month=(2008, 9)), Document("d2", 1, year=2008, month=(2008, 10))]
    ctx = P.PairContext({"d1": 0, "d2": 0}, {}, {d.name: d for d in docs}, {})
    f = dict(zip(P.FEATURES, P.features(a, b, ctx), strict=True))
    assert (f["same_lemma"], f["same_stem"], f["same_family"], f["shared_args"], f["args_conflict"]) == (
        0.0, 1.0, 1.0, 1.0, 0.0)
    assert (f["same_year"], f["other_year"], f["same_month"], f["other_month"], f["same_doc"]) == (
        1.0, 0.0, 0.0, 1.0, 0.0)
    g = dict(zip(P.FEATURES, P.features(a, c, ctx), strict=True))
    assert (g["same_stem"], g["args_conflict"]) == (0.0, 1.0)


def test_average_linkage_cuts_at_the_threshold_within_each_topic() -> None:
    ms = [_m("d1", 1, 0, "a", "x"), _m("d2", 1, 0, "a", "x"), _m("d3", 1, 0, "b", "y"), _m("d4", 2, 0, "a", "z")]
    # topic 1 pairs in condensed order: (0,1) (0,2) (1,2); topic 2 has one mention
    probs = {1: __import__("numpy").array([0.9, 0.2, 0.3])}
    labels = P.cluster_topics(ms, probs, 0.6)
    assert labels[0] == labels[1] and len({labels[0], labels[2], labels[3]}) == 3
    assert len(set(P.cluster_topics(ms, probs, 0.1))) == 2  # everything of topic 1 joins; topic 2 apart
