"""Spawned parser workers (stages/parsepool.py) give the very parses of this process, in order, hold only the
model, and report a dead worker as one error."""

from __future__ import annotations

import os
import signal
import time

import pytest

from communique.errors import ParserWorkerDied
from communique.stages.nlp import DEFAULT_MODEL, load_nlp
from communique.stages.parsepool import ParsePool, pool_for

TEXTS = [
    "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi on Monday.",
    "NAIROBI, March 10 (Reuters) - Kenya accused Tanzania of blocking trucks at the border.",
    "",
    "The talks ended.\n\nBoth sides said they would meet again in May.",
    "Protesters gathered outside the embassy in Dar es Salaam, police said.",
] * 3


def test_spawned_workers_give_the_same_parses_in_order() -> None:
    nlp = load_nlp()
    pool = pool_for(DEFAULT_MODEL, 2)
    assert len(pool.warm()) == 2 and os.getpid() not in pool.warm()
    got = list(pool.pipe(iter(TEXTS), nlp.vocab, batch_size=2))
    want = list(nlp.pipe(TEXTS))
    assert [d.text for d in got] == TEXTS
    assert [d.to_bytes() for d in got] == [d.to_bytes() for d in want]  # tokens, tags, heads, entities, tensor
    assert pool_for(DEFAULT_MODEL, 2) is pool  # started once per process


def test_a_killed_worker_is_one_error() -> None:
    pool = ParsePool(DEFAULT_MODEL, 1)
    try:
        [pid] = pool.warm()
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        with pytest.raises(ParserWorkerDied, match="a parser worker process died"):
            list(pool.pipe(iter(TEXTS), load_nlp().vocab, batch_size=4))
        with pytest.raises(ParserWorkerDied, match="closed"):
            pool.warm()
    finally:
        pool.close()


def test_nlp_stage_uses_the_pool_for_long_streams() -> None:
    """Past a batch per process the NLP stage parses on the pool; the documents match this process's parse."""
    from communique import Article, Doc
    from communique.stages.nlp import NLPStage

    nlp = load_nlp()
    stage = NLPStage(nlp, batch_size=2, n_process=2)
    docs = [Doc(Article(id=f"a{i}", text=t or "Empty.")) for i, t in enumerate(TEXTS)]
    out = list(stage.pipe(docs))
    assert [d.article.id for d in out] == [d.article.id for d in docs]
    assert [d.nlp.to_bytes() for d in out] == [s.to_bytes() for s in nlp.pipe(d.text for d in docs)]
    assert (DEFAULT_MODEL, 2) in __import__("communique.stages.parsepool", fromlist=["_POOLS"])._POOLS
