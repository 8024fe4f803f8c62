"""Whole analyses in worker processes on one machine: the parse *and* every stage, so the calling process only
reads the inputs and writes the store (what default ``ingest`` runs on more than one core).

An :class:`AnalysePool` spawns ``processes`` workers (:mod:`communique.stages.parsepool`'s spawn context: a fresh
interpreter each, ending with its parent), each building the default pipeline of one :class:`Settings` once
(:func:`communique.api.default_pipeline`, parsing in that process) and keeping it for the life of the pool.  A
batch of articles goes to one worker as one task; the worker returns, in input order, each article's finished
:class:`~communique.model.Doc` (the objects the stages give, ``nlp`` left out: the store never reads the parse)
or why it failed.  The calling process holds no model and no knowledge tables.

Learned roles, exactly as in one process
----------------------------------------
Single-process ingest analyses each batch with the roles learned from every batch stored before it (``relearn``
in :func:`communique.api.ingest_stream`).  Workers run ahead of the store, so a batch is analysed with the roles
known when it was sent (a *version* of the learned list), and :meth:`AnalysePool.analyse` checks each result
before handing it over, once the batches before it are stored: a worker records every name its actor stage
looked up in the knowledge base (:class:`_Recording`), and an article is analysed again, with the roles known
now, when one of those names (on that day) is found as another entry now than with its version, or when a new
role's name is longer than any the worker knew (its scan never tried that width) and every word of it is in the
text.  Nothing else of an analysis depends on other articles, so the results, and the store, are those of the
single-process run.
"""

from __future__ import annotations

import collections
import os
import re
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from ..errors import ArticleFailed, ParserWorkerDied
from ..lifecycle import PoolRegistry, spawned_worker_start
from ..model import Article, Doc
from ..pipeline import timed as _timed
from ..settings import Settings

__all__ = ["AnalysePool", "Result", "pool_for"]

_PIPE: Any = None  # the worker's pipeline
_SETTINGS: Settings | None = None
_BASE: list[tuple[Any, Any]] = []  # (actor stage, its own knowledge base)
_VERSION: int | None = None  # the learned-roles version the actor stages hold now
_RECORDERS: list[_Recording] = []
_BARRIER: Any = None

#: A short text that reaches the stages' lazily built tables (titles, the reference people, places, dates), run
#: once per worker by :meth:`AnalysePool.warm` so that no timing pays for them.
WARM_TEXT = ("GENEVA (Reuters) - President Laurent Gbago of Ivory Coast met UN Secretary-General Antonio Guterres "
             "in Geneva on Monday, the foreign ministry said. Kenya's army attacked al-Shabaab near Kismayo.\n")


@dataclass(slots=True)
class Result:
    """One article's analysis from a worker: ``doc`` (``nlp`` None), or ``failed`` (the one-line reason, as
    single-process ingest words it); ``looked`` the (name, day) pairs its actor stage looked up in the knowledge
    base, and ``base`` the knowledge's own entries (not learned ones) under those names, casefolded; ``width`` the
    longest name, in words, the knowledge base held; ``stage_seconds`` the wall time of each stage."""

    article_id: str
    doc: Doc | None
    failed: str | None
    looked: frozenset[tuple[str, Any]]
    width: int
    version: int
    stage_seconds: dict[str, float]
    base: dict[str, tuple[Any, ...]] = field(default_factory=dict)


def _keys(name: str) -> tuple[str, ...]:
    """The index keys :meth:`ActorKB.find` reads for ``name``: casefolded, and with underscores read as spaces."""
    key = name.casefold()
    return (key, " ".join(key.replace("_", " ").split())) if "_" in key else (key,)


class _Recording:
    """An actor knowledge base that notes the (name, day) pairs looked up in it (``find``, and ``complete``,
    which finds the actor's name: the only ways a learned role reaches an analysis)."""

    def __init__(self, kb: Any) -> None:
        self._kb = kb
        self.looked: set[tuple[str, Any]] = set()

    def find(self, name: str, *, on: Any = None) -> Any:
        self.looked.add((name, on))
        return self._kb.find(name, on=on)

    def complete(self, actor: Any, *, on: Any = None) -> None:
        self.looked.add((actor.name, on))
        self._kb.complete(actor, on=on)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._kb, name)


def _init_worker(settings: Settings, barrier: Any) -> None:
    global _SETTINGS, _BARRIER
    _SETTINGS, _BARRIER = settings, barrier


def _pipeline() -> Any:
    global _PIPE, _BASE
    if _PIPE is None:
        from .. import api

        assert _SETTINGS is not None
        _PIPE = api.default_pipeline(_SETTINGS, workers=1)
        _BASE = api._actor_kbs(_PIPE)
    return _PIPE


def _use_learned(version: int, learned: list[Any] | None) -> None:
    """Give the actor stages their own knowledge plus ``learned`` (as single-process ingest does)."""
    global _VERSION, _RECORDERS
    if version == _VERSION:
        return
    _RECORDERS = []
    for stage, kb in _BASE:
        rec = _Recording(kb.with_learned(learned) if learned else kb)
        stage.kb = rec
        _RECORDERS.append(rec)
    _VERSION = version


def _take_keys() -> frozenset[tuple[str, Any]]:
    looked: set[tuple[str, Any]] = set()
    for rec in _RECORDERS:
        looked |= rec.looked
        rec.looked = set()
    return frozenset(looked)


def _base_entries(looked: frozenset[tuple[str, Any]]) -> dict[str, tuple[Any, ...]]:
    """The actor stages' own entries (not learned) under the keys of the names ``looked`` up."""
    out: dict[str, tuple[Any, ...]] = {}
    for name, _ in looked:
        for key in _keys(name):
            hits = tuple(e for _, kb in _BASE for e in kb._index.get(key, ()))
            if hits:
                out[key] = hits
    return out


def _analyse_batch(articles: list[Article], version: int, learned: list[Any] | None) -> list[Result]:
    """Run in a worker: ``articles`` through the pipeline, in order, with the learned roles of ``version``."""
    from .. import api

    pipe = _pipeline()
    _use_learned(version, learned)
    width = max((rec.longest_alias for rec in _RECORDERS), default=0)
    clock: dict[str, float] = {}
    out: list[Result] = []
    before = len(pipe.errors)
    try:
        stream: Iterable[Doc] = (Doc(a) for a in articles)
        for st in pipe.stages:
            stream = _timed(st.name, pipe._guard(st, stream), clock)
        items: Iterator[Any] = _with_failures(stream, pipe, before, articles)
        for item in items:
            keys = _take_keys()
            if isinstance(item, Doc):
                item.nlp = None
                out.append(Result(item.article.id, item, None, keys, width, version, {}, _base_entries(keys)))
            else:
                out.append(Result(item[0], None, item[1], keys, width, version, {}))
    except Exception:  # noqa: BLE001 - any failure of any stage: the unfinished articles, one by one, as ingest does
        del pipe.errors[before:]
        done = {r.article_id for r in out}
        for a in articles:
            if a.id in done:
                continue
            for item in api._analyse([a], pipe):
                keys = _take_keys()
                if isinstance(item, Doc):
                    item.nlp = None
                    out.append(Result(a.id, item, None, keys, width, version, {}, _base_entries(keys)))
                else:
                    out.append(Result(a.id, None, item.problem, keys, width, version, {}))
    if out:
        before_s = 0.0
        own: dict[str, float] = {}
        for st in pipe.stages:  # each stage's own time (the clock of a stage counts the stages before it too)
            total = clock.get(st.name, 0.0)
            own[st.name], before_s = max(0.0, total - before_s), max(before_s, total)
        out[0].stage_seconds = own
    return out


def _with_failures(docs: Iterable[Doc], pipe: Any, before: int, articles: list[Article]) -> Iterator[Any]:
    """``docs``, with ``(article id, reason)`` in the place of each article a stage failed on (the pipeline's
    skip policy records the failure and drops the document)."""
    from .. import api

    for doc in docs:
        for failure in pipe.errors[before:]:
            yield failure.article_id, api._failed(failure, articles).problem
        del pipe.errors[before:]
        yield doc
    for failure in pipe.errors[before:]:
        yield failure.article_id, api._failed(failure, articles).problem
    del pipe.errors[before:]


def _ready() -> int:
    from .. import api

    pipe = _pipeline()
    from ..read import make_article

    for _ in api.analyze_articles([make_article(WARM_TEXT)], pipeline=pipe):
        pass
    _BARRIER.wait(timeout=900)
    return os.getpid()


_WORD = re.compile(r"\w+")


class AnalysePool:
    """``processes`` spawned workers, each with the default pipeline of ``settings``."""

    def __init__(self, settings: Settings, processes: int) -> None:
        from ..stages.parsepool import _QUIET_TRACKER, _Context

        self.settings = settings
        self.processes = processes
        if _QUIET_TRACKER not in sys.warnoptions:
            sys.warnoptions.append(_QUIET_TRACKER)
        ctx = _Context()
        self._executor: ProcessPoolExecutor | None = ProcessPoolExecutor(
            processes, mp_context=ctx, initializer=spawned_worker_start,
            initargs=(os.getpid(), f"{__name__}:_init_worker", settings, ctx.Barrier(processes)))
        self._learned: dict[int, list[Any]] = {0: []}
        self._keyed: dict[int, dict[str, tuple[Any, ...]]] = {}
        self.version = 0
        self.reanalysed = 0  # articles analysed again because a role they looked up changed meanwhile
        self.stage_seconds: dict[str, float] = {}

    def warm(self) -> list[int]:
        """Start every worker and wait until each has built its pipeline and run a short text through it; their
        process ids.  Raises :class:`ParserWorkerDied` when a worker ends abnormally."""
        ex = self._live()
        try:
            return sorted({f.result() for f in [ex.submit(_ready) for _ in range(self.processes)]})
        except BrokenProcessPool as exc:
            self.close()
            raise ParserWorkerDied(str(exc) or type(exc).__name__) from None

    def learn(self, learned: list[Any]) -> None:
        """The roles the store holds now: the articles handed over from here on are analysed with them."""
        if learned != self._learned[self.version]:
            self.version += 1
            self._learned[self.version] = learned

    def analyse(self, articles: Iterable[Article], batch_size: int) -> Iterator[Doc | ArticleFailed]:
        """Each article's analysis, in order: its ``Doc`` (``nlp`` None) or an :class:`ArticleFailed`.  Batches of
        ``batch_size`` articles; at most ``2 * processes`` in flight, so a stream of any length takes constant
        memory.  Raises :class:`ParserWorkerDied` when a worker ends abnormally."""
        from ..api import _chunks, _where

        ex = self._live()
        pending: collections.deque[tuple[list[Article], int, Future[list[Result]]]] = collections.deque()
        batches = _chunks(articles, batch_size)

        def submit() -> bool:
            batch = next(batches, None)
            if batch:
                v = self.version
                pending.append((batch, v, ex.submit(_analyse_batch, batch, v, self._learned[v])))
            return bool(batch)

        try:
            while len(pending) < 2 * self.processes and submit():
                pass
            while pending:
                batch, _, future = pending.popleft()
                results = self._checked(batch, future.result(), ex)
                submit()
                self._forget(min([v for _, v, _ in pending], default=self.version))
                for a, r in zip(batch, results, strict=True):
                    if r.stage_seconds:
                        for k, s in r.stage_seconds.items():
                            self.stage_seconds[k] = self.stage_seconds.get(k, 0.0) + s
                    yield r.doc if r.doc is not None else ArticleFailed(_where(a), r.failed or "analysis failed")
        except BrokenProcessPool as exc:
            self.close()
            raise ParserWorkerDied(str(exc) or type(exc).__name__) from None
        finally:
            for _, _, f in pending:
                f.cancel()

    def _checked(self, batch: list[Article], results: list[Result], ex: ProcessPoolExecutor) -> list[Result]:
        """``results``, with each article whose analysis a role learned since its version may change analysed
        again with the roles known now."""
        if len(results) != len(batch) or any(r.article_id != a.id for a, r in zip(batch, results, strict=False)):
            raise ParserWorkerDied("a worker returned another batch's results")
        now = self.version
        again = [i for i, (a, r) in enumerate(zip(batch, results, strict=True))
                 if r.version != now and self._changed(r, a, now)]
        if not again:
            return results
        self.reanalysed += len(again)
        redo = ex.submit(_analyse_batch, [batch[i] for i in again], now, self._learned[now]).result()
        out = list(results)
        for i, r in zip(again, redo, strict=True):
            if r.stage_seconds:
                for k, s in r.stage_seconds.items():
                    self.stage_seconds[k] = self.stage_seconds.get(k, 0.0) + s
                r.stage_seconds = {}
            out[i] = r
        return out

    def _changed(self, r: Result, article: Article, now: int) -> bool:
        """Whether a role learned between ``r``'s version and ``now`` may change its analysis: a name it looked
        up is found as another entry now, or a new name is longer than any its knowledge held (its scan never
        tried that width) and every word of it is in the text."""
        if r.doc is None:
            return True  # a failure: cheap to try again, and the roles might be why
        old, new = self._by_key(r.version), self._by_key(now)
        changed = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
        if not changed:
            return False
        for name, on in r.looked:
            keys = _keys(name)
            if any(k in changed for k in keys) and \
                    _found(name, on, keys, r.base, old) != _found(name, on, keys, r.base, new):
                return True
        text = article.text.casefold()
        return any(len(k.split()) > r.width and all(w in text for w in _WORD.findall(k)) for k in changed)

    def _by_key(self, version: int) -> dict[str, tuple[Any, ...]]:
        """The learned roles of ``version`` under each casefolded name or alias, in order."""
        if version not in self._keyed:
            out: dict[str, list[Any]] = {}
            for e in self._learned[version]:
                for k in (e.name, *e.aliases):
                    out.setdefault(k.casefold(), []).append(e)
            self._keyed[version] = {k: tuple(v) for k, v in out.items()}
        return self._keyed[version]

    def _forget(self, oldest: int) -> None:
        """Drop the learned-role versions older than ``oldest`` (that of the oldest batch in flight)."""
        for v in [v for v in self._learned if v < min(oldest, self.version)]:
            self._learned.pop(v, None)
            self._keyed.pop(v, None)

    def _live(self) -> ProcessPoolExecutor:
        if self._executor is None:
            raise ParserWorkerDied("the pool was closed")
        return self._executor

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` ended the workers."""
        return self._executor is None

    def close(self) -> None:
        """Stop the workers (idempotent)."""
        ex, self._executor = self._executor, None
        if ex is not None:
            ex.shutdown(wait=True, cancel_futures=True)


def _found(name: str, on: Any, keys: tuple[str, ...], base: dict[str, tuple[Any, ...]],
           learned: dict[str, tuple[Any, ...]]) -> Any:
    """What the knowledge base (its own entries ``base`` plus ``learned``, both by key) finds for ``name`` on
    ``on``: the whole base's answer, from the entries under ``name``'s keys alone (its own entries first)."""
    from ..knowledge.actors import ActorKB

    entries: list[Any] = []
    for group in (base, learned):
        for key in keys:
            entries.extend(e for e in group.get(key, ()) if e not in entries)
    return ActorKB(entries).find(name, on=on) if entries else None


_POOLS: PoolRegistry[tuple[Settings, int], AnalysePool] = PoolRegistry(lambda key: AnalysePool(*key))


def pool_for(settings: Settings, processes: int) -> AnalysePool:
    """The process-wide pool of ``processes`` workers for ``settings``, started on first use."""
    return _POOLS.pool_for((settings, processes))
