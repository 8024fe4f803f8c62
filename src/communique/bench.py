"""Throughput of the whole ingest path (read → NLP → stages → store) against spaCy alone on the same texts.

:func:`run_bench` reads a corpus, runs the default pipeline over it with every stage timed, stores the results in
a fresh DuckDB file, then parses the same texts with spaCy's own full pipeline (same model, nothing excluded,
``nlp.pipe`` with the same batch size and process count) and reports both.

Corpora (:func:`shared_corpus`): real news texts from ``../shared`` (PolNeAR train articles; RAMS dev documents,
their tokens joined) or any files and folders :func:`communique.api.read_inputs` reads (our examples by default).
``articles=N`` cycles the corpus to N articles, each reuse made a distinct article by a closing line of its own
(``Copy 2.``), so nothing is skipped as already stored.

The parser worker processes (:mod:`communique.stages.parsepool`, spawned once per process) are started and
have loaded the model before the clock starts; spaCy alone forks its workers inside its timing, which costs
it little since a fork copies the loaded model.

Times are wall-clock seconds; a stage's time is its own (the time the stages before it took to hand it documents
left out), and ``spacy`` is the parser stage, whose processes run in parallel with the rest when ``workers > 1``.
Peak RSS is sampled every 50 ms over this process and its children (spaCy's worker processes) together, in MB.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import api
from .errors import InputError
from .lifecycle import trim_heap
from .model import Article, Doc
from .pipeline import timed as _timed
from .read import make_article

__all__ = ["BenchResult", "Cycled", "corpus_articles", "run_bench", "shared_corpus", "spacy_alone"]

SOURCES = ("polnear", "rams")


@dataclass
class BenchResult:
    """What one bench run measured (times in seconds, memory in MB)."""

    corpus: str
    articles: int
    words: int
    chars: int
    workers: int
    batch_size: int
    mode: str  # "single" or "dask"
    seconds: float
    articles_per_s: float
    words_per_s: float
    peak_rss_mb: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    outside_spacy_share: float | None = None
    stored_events: int = 0
    spacy_alone_seconds: float | None = None
    spacy_alone_articles_per_s: float | None = None
    spacy_alone_peak_rss_mb: float | None = None
    ratio: float | None = None  # our articles/s divided by spaCy alone's
    #: CPU seconds of this process and its worker processes while the clock ran (robust on a shared machine)
    cpu_seconds: float | None = None
    spacy_alone_cpu_seconds: float | None = None
    cpu_ratio: float | None = None  # spaCy alone's CPU seconds divided by ours (above 1: we spend less)
    reanalysed: int = 0  # articles the worker processes analysed again for a role learned meanwhile

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)


def shared_corpus(shared: Path, source: str = "polnear", limit: int | None = None) -> list[Article]:
    """Real news articles from ``shared`` (the ../shared data folder): ``polnear`` (train texts, headline line
    kept as the title) or ``rams`` (dev documents, sentences of tokens joined by spaces), in file order.
    Raises :class:`InputError` when that part of ``shared`` is absent."""
    out: list[Article] = []
    if source == "polnear":
        folder = shared / "eval" / "polnear" / "train" / "text"
        if not folder.is_dir():
            raise InputError(str(folder), "no PolNeAR train texts here")
        for path in sorted(folder.glob("*.txt"))[:limit]:
            out.append(make_article(path.read_text(encoding="utf-8"), source_path=str(path), split_title=True))
    elif source == "rams":
        path = shared / "eval" / "rams" / "dev.jsonlines"
        if not path.is_file():
            raise InputError(str(path), "no RAMS dev file here")
        with path.open(encoding="utf-8") as fh:
            for line in itertools.islice(fh, limit):
                rec = json.loads(line)
                text = "\n".join(" ".join(s) for s in rec["sentences"])
                out.append(make_article(text, source_path=f"{path}#{rec['doc_key']}", split_title=False))
    else:
        raise InputError(source, f"unknown bench corpus; one of {', '.join(SOURCES)}")
    return out


class Cycled:
    """``base`` cycled to ``n`` articles (all of it once when ``n`` is None), made afresh at each iteration
    (:func:`corpus_articles`), so a bench of 20,000 articles never holds more than ``base`` in memory; ``len``
    is the number of articles."""

    def __init__(self, base: list[Article], n: int | None) -> None:
        self.base = base
        self.n = len(base) if n is None else n

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[Article]:
        return corpus_articles(self.base, self.n)


def corpus_articles(base: list[Article], n: int | None) -> Iterator[Article]:
    """``base``, cycled to ``n`` articles (all of it once when ``n`` is None); the k-th reuse of an article gets
    the closing line ``Copy k.`` so it is a new article."""
    if n is None:
        yield from base
        return
    for i, art in enumerate(itertools.islice(itertools.cycle(base), n)):
        round_ = i // len(base)
        if round_ == 0:
            yield art
        else:
            own_title = art.title_span is not None
            yield make_article(f"{art.text.rstrip()}\n\nCopy {round_ + 1}.\n", title=None if own_title else art.title,
                               published=art.published, source_path=art.source_path, split_title=own_title)


class _PeakRSS:
    """Samples the resident memory of this process and its children every ``interval`` seconds."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._cpu_first: dict[int, float] = {}
        self._cpu_last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        import psutil

        total = 0
        try:
            total = self.proc.memory_info().rss
            self._cpu(self.proc)
            for child in self.proc.children(recursive=True):
                try:
                    total += child.memory_info().rss
                    self._cpu(child)
                except psutil.Error:
                    pass
        except psutil.Error:
            return
        self.peak = max(self.peak, total)

    def _cpu(self, proc: Any) -> None:
        t = proc.cpu_times()
        self._cpu_first.setdefault(proc.pid, t.user + t.system)
        self._cpu_last[proc.pid] = t.user + t.system

    def restart_cpu(self) -> None:
        """Count CPU time from now on."""
        self._cpu_first = {}
        self._cpu_last = {}
        self.sample()

    @property
    def cpu(self) -> float:
        """CPU seconds (user + system) of this process and its children since the first sample (a child's last
        50 ms before it ends are not seen)."""
        return round(sum(v - self._cpu_first[k] for k, v in self._cpu_last.items()), 2)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> _PeakRSS:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    @property
    def mb(self) -> float:
        return round(self.peak / 2**20, 1)


def spacy_alone(texts: Iterable[str], *, model: str, batch_size: int, n_process: int) -> tuple[float, float, float]:
    """Seconds, peak RSS (MB) and CPU seconds (the model's loading left out; its worker processes in) of spaCy's
    own full pipeline (freshly loaded, nothing excluded) over ``texts``."""
    import spacy

    with _PeakRSS() as rss:
        nlp = spacy.load(model)
        rss.restart_cpu()
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
        seconds = time.perf_counter() - t0
    return seconds, rss.mb, rss.cpu


def run_bench(
    articles: Iterable[Article],
    *,
    corpus: str,
    workers: int = 0,
    batch_size: int = 32,
    dask_workers: int | None = None,
    compare_spacy: bool = True,
    db: Path | None = None,
    stages_in_workers: bool = False,
) -> BenchResult:
    """Run ``articles`` through read → NLP → stages → store (a new DuckDB file, ``db`` or a temporary one) and,
    with ``compare_spacy``, through spaCy alone; the model is loaded before the clock starts in both.
    ``articles`` is read several times when it is a sized collection that makes its items afresh at each
    iteration (:class:`Cycled`: the corpus is never held whole), else it is read once into a list."""
    from .settings import Settings
    from .stages.nlp import NLPStage
    from .store import Store

    if not isinstance(articles, (list, Cycled)):
        articles = list(articles)
    settings = Settings(on_error="skip", workers=workers, batch_size=batch_size, stages_in_workers=stages_in_workers)
    tmp = tempfile.TemporaryDirectory(prefix="communique-bench-")
    db = db or Path(tmp.name) / "bench.duckdb"
    clock: dict[str, float] = {}
    own: dict[str, float] = {}
    cpu: float | None = None
    reanalysed = 0
    try:
        if dask_workers:
            from .scale import connect, ingest_dask

            client = connect(workers=dask_workers)
            try:
                client.run(_warm, settings)  # each worker loads the model before the clock starts
                with _PeakRSS() as rss, Store.open(db) as store:
                    source = _write_jsonl(articles, Path(tmp.name))
                    t0 = time.perf_counter()
                    ingest_dask([source], store=store, client=client, work_dir=Path(tmp.name) / "parts",
                                settings=settings)
                    seconds = time.perf_counter() - t0
                    events = store.count()["events"]
                peak, cpu = rss.mb + _cluster_rss(client), rss.cpu
            finally:
                cluster = client.cluster
                client.close()
                cluster.close()
            n_proc, mode = dask_workers, "dask"
        else:
            n_proc = settings.workers if settings.workers > 0 else max(1, os.cpu_count() or 1)
            mode = "single"
            if stages_in_workers and n_proc > 1 and len(articles) > batch_size * n_proc:
                # what ``communique ingest`` runs: parse and stages in the worker processes, read and store here
                from .scale.local import pool_for

                mode = "workers"
                pool = pool_for(settings, n_proc)
                pool.warm()  # each worker has built its pipeline and run a short text before the clock starts
                pool.stage_seconds, pool.reanalysed = {}, 0
                with _PeakRSS() as rss, Store.open(db) as store:
                    timed = _TimedStore(store, clock)
                    t0 = time.perf_counter()
                    for outcome in api.ingest_stream([], store=timed, settings=settings, batch_size=api.INGEST_BATCH,
                                                     articles=articles):
                        if outcome.error is not None:
                            raise outcome.error
                    seconds = time.perf_counter() - t0
                    events = store.count()["events"]
                peak, cpu = rss.mb, rss.cpu
                own = {"read": 0.0, **{k: round(v, 3) for k, v in pool.stage_seconds.items()},
                       "store": round(clock.get("store", 0.0), 3)}
                reanalysed = pool.reanalysed
            else:
                pipe = api.default_pipeline(settings)
                nlp_stage: NLPStage = pipe.stages[0]
                n_proc = nlp_stage.processes()
                nlp_stage.start_workers()  # the parser workers load the model before the clock starts
                pipe(Doc(make_article(_WARM)))  # the stages' lazily built tables too
                with _PeakRSS() as rss, Store.open(db) as store:
                    t0 = time.perf_counter()
                    stream: Iterable[Doc] = _timed("read", (Doc(a) for a in articles), clock)
                    for st in pipe.stages:
                        stream = _timed(st.name, pipe._guard(st, stream), clock)
                    # written as ``communique ingest`` writes: batches of api.INGEST_BATCH articles, the merged-event
                    # tables refreshed once per batch
                    for group in api._chunks(stream, api.INGEST_BATCH):
                        t1 = time.perf_counter()
                        with store.deferred_merged():
                            store.put_many(group)
                        del group
                        trim_heap()  # as ingest's writer does after each batch
                        clock["store"] = clock.get("store", 0.0) + time.perf_counter() - t1
                    seconds = time.perf_counter() - t0
                    events = store.count()["events"]
                peak, cpu = rss.mb, rss.cpu
                own = _own_times(clock, ["read", *(s.name for s in pipe.stages)])
                own["store"] = round(clock.get("store", 0.0), 3)
    finally:
        tmp.cleanup()
    words = chars = 0
    for a in articles:
        words += len(a.text.split())
        chars += len(a.text)
    spacy_s = own.get("communique.nlp.v1")
    work = sum(own.values())
    result = BenchResult(
        corpus=corpus, articles=len(articles), words=words, chars=chars, workers=n_proc, batch_size=batch_size,
        mode=mode, seconds=round(seconds, 3), articles_per_s=round(len(articles) / seconds, 2),
        words_per_s=round(words / seconds, 1), peak_rss_mb=peak, stage_seconds=own,
        outside_spacy_share=round(1 - spacy_s / work, 3) if spacy_s is not None and work else None,
        stored_events=events, cpu_seconds=cpu, reanalysed=reanalysed,
    )
    if compare_spacy:
        s_sec, s_rss, s_cpu = spacy_alone((a.text for a in articles), model=settings.model, batch_size=batch_size,
                                   n_process=n_proc)
        result.spacy_alone_seconds = round(s_sec, 3)
        result.spacy_alone_articles_per_s = round(len(articles) / s_sec, 2)
        result.spacy_alone_peak_rss_mb = s_rss
        result.ratio = round(result.articles_per_s / result.spacy_alone_articles_per_s, 3)
        result.spacy_alone_cpu_seconds = s_cpu
        if result.cpu_seconds:
            result.cpu_ratio = round(s_cpu / result.cpu_seconds, 3)
    return result


#: A short text through the stages before the clock, so that no timing pays for their lazily built tables.
_WARM = ("GENEVA (Reuters) - President Laurent Gbago of Ivory Coast met UN Secretary-General Antonio Guterres in "
         "Geneva on Monday, the foreign ministry said.\n")


class _TimedStore:
    """A store whose writes (each article, and the merged tables' refresh at the end of a batch) add their time
    to ``clock["store"]``; everything else passes through."""

    def __init__(self, store: Any, clock: dict[str, float]) -> None:
        self._store = store
        self._clock = clock

    def _add(self, t0: float) -> None:
        self._clock["store"] = self._clock.get("store", 0.0) + time.perf_counter() - t0

    def put(self, doc: Doc) -> Any:
        t0 = time.perf_counter()
        try:
            return self._store.put(doc)
        finally:
            self._add(t0)

    def put_many(self, docs: list[Doc]) -> Any:
        t0 = time.perf_counter()
        try:
            return self._store.put_many(docs)
        finally:
            self._add(t0)

    @contextlib.contextmanager
    def deferred_merged(self) -> Iterator[Any]:
        with self._store.deferred_merged():
            yield self
            t0 = time.perf_counter()
        self._add(t0)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _own_times(clock: dict[str, float], order: list[str]) -> dict[str, float]:
    """Exclusive times from the inclusive ones of a chain of generators (each includes those before it)."""
    out: dict[str, float] = {}
    before = 0.0
    for name in order:
        total = clock.get(name, 0.0)
        out[name] = round(total - before, 3)
        before = total
    return out


def _warm(settings: Any) -> int:
    api.default_pipeline(settings, workers=1, on_error="skip")
    return os.getpid()


def _cluster_rss(client: Any) -> float:
    """Sum of the workers' current memory (MB), as their nannies report it."""
    try:
        info = client.scheduler_info()["workers"].values()
        return round(sum(w.get("metrics", {}).get("memory", 0) for w in info) / 2**20, 1)
    except (KeyError, AttributeError):
        return 0.0


def _write_jsonl(articles: Iterable[Article], folder: Path) -> Path:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"text": a.text, "title": a.title}, ensure_ascii=False) + "\n")
    return path


def format_result(r: BenchResult) -> str:
    """The human-readable report ``communique bench`` prints."""
    lines = [
        f"corpus: {r.corpus}: {r.articles} articles, {r.words} words, {r.chars} characters",
        f"mode: {r.mode}, {r.workers} process(es), batch {r.batch_size}",
        f"communique (read → NLP → stages → store): {r.seconds:.2f} s, {r.articles_per_s:.2f} articles/s, "
        f"{r.words_per_s:.0f} words/s, peak RSS {r.peak_rss_mb:.0f} MB, {r.stored_events} events stored",
    ]
    if r.stage_seconds:
        work = sum(r.stage_seconds.values()) or 1.0
        lines.append("time per stage (own time, s; summed over the worker processes; % of all of it):")
        for name, s in r.stage_seconds.items():
            lines.append(f"  {name:28s} {s:8.2f}  {100 * s / work:5.1f}%")
        if r.outside_spacy_share is not None:
            lines.append(f"share outside spaCy: {100 * r.outside_spacy_share:.1f}%")
    if r.ratio is not None:
        lines.append(f"spaCy alone (full pipeline, {r.workers} process(es), batch {r.batch_size}): "
                     f"{r.spacy_alone_seconds:.2f} s, {r.spacy_alone_articles_per_s:.2f} articles/s, "
                     f"peak RSS {r.spacy_alone_peak_rss_mb:.0f} MB")
        lines.append(f"ratio communique / spaCy alone: {r.ratio:.3f}")
    if r.cpu_seconds is not None:
        cpu = f"CPU seconds (this process and its workers): {r.cpu_seconds:.1f}"
        if r.spacy_alone_cpu_seconds is not None and r.cpu_ratio is not None:
            cpu += f"; spaCy alone {r.spacy_alone_cpu_seconds:.1f}; ratio spaCy alone / communique {r.cpu_ratio:.3f}"
        lines.append(cpu)
    if r.reanalysed:
        lines.append(f"articles analysed again for a role learned meanwhile: {r.reanalysed}")
    return "\n".join(lines)
