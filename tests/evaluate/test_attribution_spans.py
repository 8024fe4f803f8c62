"""PolNeAR attribution span scores (pure: hand-made gold and predictions)."""

from __future__ import annotations

from communique.evaluate.attribution import SpanAttribution, score_spans, span_table
from communique.evaluate.polnear import GoldAttribution, GoldDoc

TEXT = 'Officials said the vote was fair. "We won," Maria Lopez said.'


def _r(part: str) -> tuple[int, int]:
    s = TEXT.index(part)
    return s, s + len(part)


def test_exact_and_overlap_by_subset() -> None:
    gold = GoldDoc("x", TEXT, None, [
        GoldAttribution("E1", [_r("Officials")], [_r("said")], [_r("the vote was fair")]),
        GoldAttribution("E2", [_r("Maria Lopez")], [_r("said.")], [_r('"We won,"')]),
    ])
    from communique.evaluate.attribution import gold_spans

    gs = gold_spans(gold)
    assert [(g.direct, g.anonymous) for g in gs] == [(False, True), (True, False)]
    pred = [SpanAttribution(_r("Officials"), _r("said"), _r("the vote was fair."), False, True),
            SpanAttribution(_r("Lopez"), None, _r("We won"), True, False)]
    res = score_spans(TEXT, gs, pred)
    assert res.prf("all", "source", "exact")[:2] == (0.5, 0.5)
    assert res.prf("all", "source", "overlap")[:2] == (1.0, 1.0)
    assert res.prf("all", "content", "exact")[:2] == (1.0, 1.0)  # trimmed of marks and punctuation
    assert res.prf("direct", "source", "overlap") == (1.0, 1.0, 1.0)
    assert res.prf("anonymous", "source", "exact") == (1.0, 1.0, 1.0)
    p, r, _ = res.prf("all", "cue", "overlap")
    assert (p, r) == (1.0, 0.5)
    assert "indirect" in span_table(res)


def test_predictions_in_discarded_regions_are_not_counted() -> None:
    res = score_spans(TEXT, [], [SpanAttribution(_r("Officials"), None, None)], ignored=[(0, 9)])
    assert res.counts["all source pred"] == 0
