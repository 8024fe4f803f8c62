"""Ingest on a Dask cluster: partitions of articles analysed on workers, merged into the store in input order.

How a run goes
--------------
1. The client reads the inputs as a stream (:func:`communique.api.read_inputs`) and cuts the readable articles
   into partitions of ``partition_size``, numbered in input order.  A partition's name is its number and a hash
   of its article ids (``000003-1f2e...``), so the same inputs give the same partitions on every run.
2. Each partition not yet done goes to a worker as a task (at most ``2 × workers`` in flight, so a 100,000-article
   input is never held whole).  The worker builds the pipeline once per process (the spaCy model loads once per
   worker) and returns the partition's results as Parquet (:mod:`communique.scale.codec`).
3. The client writes the Parquet file into ``work_dir`` (``<name>.parquet``, written whole then renamed), adds its
   documents to the store article by article (:meth:`Store.add`, which skips an article already stored), then
   writes the partition's completion marker ``<name>.done``.  Partitions are merged strictly in input order.

Why the store is the single-process store, record for record
------------------------------------------------------------
No stage keeps state between articles, so an article's analysis does not depend on which worker ran it or what
came before.  What does depend on order in the store (event uids, hence cluster ids; which report of a merged
event is its *first*) is assigned at merge time, and the merge adds the articles in input order, exactly as the
single-process ``ingest`` does.  That in-order merge is the deterministic pass after the parallel work.

Restarting
----------
A run killed at any point and started again with the same inputs, store and ``work_dir`` skips partitions with a
``.done`` marker, merges a partition whose Parquet file was written but not merged without recomputing it, and
recomputes the rest; an article already stored when the run died is skipped by the store.  The result has no
duplicates and no gaps, and is the store an uninterrupted run makes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import api
from ..errors import ClusterError, CommuniqueError, StageFailed
from ..model import Article, Doc
from ..settings import Settings
from .codec import docs_from_parquet, docs_to_parquet

__all__ = ["Partition", "analyse_partition", "analysed_docs", "connect", "ingest_dask", "ingest_on_cluster",
           "partitions"]


@dataclass
class Partition:
    """``index``-th run of ``partition_size`` readable articles of the input; ``name`` = index and id hash."""

    index: int
    articles: list[Article]

    @property
    def name(self) -> str:
        digest = hashlib.sha1("\n".join(a.id for a in self.articles).encode()).hexdigest()[:16]
        return f"{self.index:06d}-{digest}"


def partitions(items: Iterable[Article | CommuniqueError], size: int,
               errors: list[CommuniqueError]) -> Iterator[Partition]:
    """Cut a stream of read results into partitions of ``size`` articles; reading errors go to ``errors``."""
    if size < 1:
        raise ValueError(f"partition size must be at least 1, not {size}")
    def readable() -> Iterator[Article]:
        for item in items:
            if isinstance(item, CommuniqueError):
                errors.append(item)
            else:
                yield item

    articles = readable()
    for index in itertools.count():
        chunk = list(itertools.islice(articles, size))
        if not chunk:
            return
        yield Partition(index, chunk)


class _Cause(Exception):
    """The worker-side exception of a failed stage, carried back as its repr (exceptions do not all pickle)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __repr__(self) -> str:
        return self.text


def analyse_partition(articles: list[Article], settings: Settings) -> tuple[bytes, list[tuple[str, str, str]]]:
    """Run on a worker: analyse ``articles`` in order with the pipeline of ``settings`` (built once per worker
    process, parsing in that process) and return the Parquet bytes of the documents and the stage failures as
    ``(stage, article id, repr of the exception)`` (a failed article is left out, as in single-process ingest)."""
    pipe = api.default_pipeline(settings, workers=1, on_error="skip")
    before = len(pipe.errors)
    docs = list(api.analyze_articles(articles, pipeline=pipe))
    failures = [(e.stage, e.article_id, str(e.__cause__ or e)) for e in pipe.errors[before:]]
    del pipe.errors[before:]
    return docs_to_parquet(docs), failures


def connect(scheduler: str | None = None, workers: int | None = None) -> Any:
    """A ``distributed.Client``: to the scheduler at ``scheduler`` (``tcp://host:8786``), or to a new LocalCluster
    of ``workers`` single-threaded worker processes.  Raises :class:`ClusterError` when it cannot connect."""
    from distributed import Client, LocalCluster

    try:
        if scheduler:
            return Client(scheduler, timeout="30s")
        cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(scheduler or "LocalCluster", f"cannot connect: {exc}") from exc


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def ingest_dask(
    paths: Iterable[str | Path],
    *,
    store: Any,
    client: Any,
    work_dir: str | Path,
    settings: Settings | None = None,
    published: str | dt.date | None = None,
    partition_size: int = 64,
    keep_docs: bool = False,
    progress: Callable[[int], None] | None = None,
) -> api.IngestReport:
    """Read, analyse on the cluster behind ``client`` and store every article under ``paths``, restartably.

    ``work_dir`` holds the partitions' Parquet files and completion markers (created if missing; keep it to
    resume a killed run).  Counts and errors come back as for :func:`communique.api.ingest`; an article
    already stored, or read twice, counts as skipped.  Raises :class:`ClusterError` when a partition fails on
    the cluster as a whole (the partitions merged before it stay merged, with their markers).
    """
    settings = settings or Settings()
    work = Path(work_dir)
    work.mkdir(parents=True, exist_ok=True)
    report = api.IngestReport()
    known: set[str] = set(store.article_ids())
    read_errors: list[CommuniqueError] = []
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque[tuple[Partition, Any]] = deque()

    def merge(part: Partition, future: Any) -> None:
        parquet = work / f"{part.name}.parquet"
        if future is not None:
            try:
                data, failures = future.result()
            except Exception as exc:  # noqa: BLE001 - any worker failure stops the run, named
                raise ClusterError(f"partition {part.name}", f"failed on the cluster: {exc!r}") from exc
            _write_atomic(parquet, data)
            report.errors.extend(StageFailed(s, aid, _Cause(msg)) for s, aid, msg in failures)
        docs = docs_from_parquet(parquet) if parquet.exists() else []
        stored = {d.article.id for d in docs}
        with store.deferred_merged():  # the merged-event tables refreshed once per partition
            for doc in docs:
                if store.add(doc):
                    report.added += 1
                else:
                    report.skipped += 1
                if keep_docs:
                    report.docs.append(doc)
        # articles of the partition not in its results: stored before this run or read twice (the others failed)
        failed = {e.article_id for e in report.errors if isinstance(e, StageFailed)}
        report.skipped += sum(1 for a in part.articles if a.id not in stored and a.id not in failed)
        _write_atomic(work / f"{part.name}.done", b"")
        if progress:
            progress(len(part.articles))

    for part in partitions(api.read_inputs(paths, published=published), partition_size, read_errors):
        if (work / f"{part.name}.done").exists():
            report.skipped += len(part.articles)
            known.update(a.id for a in part.articles)
            if progress:
                progress(len(part.articles))
            continue
        todo: list[Article] = []
        for a in part.articles:
            if a.id not in known:
                known.add(a.id)
                todo.append(a)
        future = None
        if todo and not (work / f"{part.name}.parquet").exists():
            future = client.submit(analyse_partition, todo, settings, pure=False)
        pending.append((part, future))
        while len(pending) > 2 * n_workers:
            merge(*pending.popleft())
    while pending:
        merge(*pending.popleft())
    report.errors[:0] = read_errors
    return report


def analysed_docs(work_dir: str | Path) -> Iterator[Doc]:
    """Every document in the Parquet files of ``work_dir``, partition by partition (for querying a run's results
    without the store)."""
    for path in sorted(Path(work_dir).glob("*.parquet")):
        yield from docs_from_parquet(path)


def ingest_on_cluster(
    paths: Iterable[str | Path],
    *,
    store: Any,
    work_dir: str | Path,
    scheduler: str | None = None,
    workers: int | None = None,
    **options: Any,
) -> api.IngestReport:
    """:func:`ingest_dask` on the cluster at ``scheduler``, or on a LocalCluster of ``workers`` processes
    started and stopped here; ``options`` as for :func:`ingest_dask`."""
    client = connect(scheduler, workers)
    try:
        return ingest_dask(paths, store=store, client=client, work_dir=work_dir, **options)
    finally:
        cluster = None if scheduler else client.cluster
        client.close()
        if cluster is not None:
            cluster.close()
