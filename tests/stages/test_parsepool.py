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


def test_a_worker_parses_a_batch_in_windows_of_parse_chars(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch is parsed in windows of at most PARSE_CHARS characters (a longer text alone), in order, with the
    same parses as the whole batch at once: the parser's peak memory follows the window, not the batch."""
    from communique.stages import parsepool
    from communique.stages.nlp import PARSE_CHARS

    nlp = load_nlp()
    calls: list[list[str]] = []

    class Recording:
        def pipe(self, texts: list[str], batch_size: int) -> object:
            calls.append(list(texts))
            assert batch_size == len(texts)
            return nlp.pipe(texts, batch_size=batch_size)

    monkeypatch.setattr(parsepool, "_NLP", Recording())
    long = "The minister met the envoy in Geneva on Monday. " * (PARSE_CHARS // 50 + 10)  # over one window alone
    texts = [TEXTS[0] * 40, TEXTS[1] * 60, long, TEXTS[3], TEXTS[4] * 100, TEXTS[4]]
    got = parsepool._parse_batch(texts)
    assert [t for call in calls for t in call] == texts and len(calls) > 1
    assert all(sum(map(len, call)) <= PARSE_CHARS or len(call) == 1 for call in calls)
    from spacy.tokens import Doc as SpacyDoc

    want = [d.to_json() for d in nlp.pipe(texts, batch_size=len(texts))]
    assert [SpacyDoc(nlp.vocab).from_bytes(b).to_json() for b in got] == want
