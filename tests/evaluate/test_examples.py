"""Our own example articles: the scorer itself, and the floor the pipeline must keep on them."""

from __future__ import annotations

from communique.evaluate.examples import run


def test_examples_floor(pipeline: object) -> None:
    total, per = run()
    assert len(per) == 6
    rates = {k: total.rate(k) for k in total.counts}
    # measured 2026-11-26: actors 95%/82%, events found 56%, of those date 89%, place 84%, status 100%;
    # quotes 100%, speakers 85%.  A change that drops below these floors has broken something.
    assert rates["actor found"] >= 0.90 and rates["actor attributes"] >= 0.78
    assert rates["event found"] >= 0.50 and rates["event status"] >= 0.9
    assert rates["event date"] >= 0.8 and rates["event place"] >= 0.75
    assert rates["quote found"] == 1.0 and rates["quote speaker"] >= 0.8
