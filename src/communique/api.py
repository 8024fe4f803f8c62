"""The library API that the CLI (and later the REST API and dashboard) wrap.

    >>> import communique
    >>> doc = communique.analyze(text, published="2025-11-17")
    >>> [(e.cameo, e.source, e.target) for e in doc.events]
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import ArticleFailed, CommuniqueError, InputError, TooLong, UnsupportedLanguage
from .lifecycle import trim_heap
from .model import Article, Doc
from .pipeline import DEFAULT_STAGES, Pipeline
from .read import make_article, parse_date, read_path
from .settings import Settings


def default_pipeline(settings: Settings | None = None, **overrides: Any) -> Pipeline:
    """The default pipeline for ``settings`` (keyword overrides allowed: ``workers=2``), built once per
    process and settings: the spaCy model loads once."""
    base = settings or Settings()
    if overrides:
        base = Settings(**{**base.model_dump(), **overrides})
    return _build_pipeline(base)


@functools.lru_cache(maxsize=4)
def _build_pipeline(settings: Settings) -> Pipeline:
    from .knowledge.actors import ActorKB
    from .stages.nlp import load_nlp

    services: dict[str, object] = {"nlp": load_nlp(settings.model)}
    if settings.knowledge:
        services["actor_kb"] = ActorKB.from_files(list(settings.knowledge))
    if settings.verbs:
        from .knowledge.petrarch import parse_petrarch_verbs
        from .knowledge.triggers import default_triggers, merge

        parsed = [parse_petrarch_verbs(Path(p).read_text("utf-8"), source=str(p)) for p in settings.verbs]
        # the user's dictionaries first: a verb they list codes as they say; ours code the words they do not list
        services["trigger_table"] = merge(*parsed, default_triggers())
    if settings.event_model != "none":
        from .stages.events.learned import LearnedCoder
        from .stages.events.model import EventModel, default_event_model

        model = default_event_model() if settings.event_model == "bundled" else EventModel.load(settings.event_model)
        services["event_model"] = LearnedCoder(model, table=services.get("trigger_table"))  # type: ignore[arg-type]
    pipe = Pipeline(DEFAULT_STAGES, services=services, on_error=settings.on_error)
    pipe.stages[0].n_process = settings.workers
    pipe.stages[0].batch_size = settings.batch_size
    pipe.settings = settings  # type: ignore[attr-defined]  # what worker processes build the same pipeline from
    return pipe


def analyze(
    text: str,
    *,
    title: str | None = None,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
) -> Doc:
    """Analyse one article's text (a leading headline line is recognised when ``title`` is not given).

    Every offset in the result indexes ``text`` exactly as given.  Raises
    :class:`~communique.errors.TooLong` for a text over :data:`~communique.read.validate.MAX_CHARS`
    characters and :class:`~communique.errors.DateError` for a bad ``published``."""
    from .read.validate import MAX_CHARS

    if isinstance(text, str) and len(text) > MAX_CHARS:  # before any copy or hash of a huge text
        raise TooLong("<text>", len(text), MAX_CHARS)
    article = make_article(text, title=title, published=published, outlet=outlet, url=url, split_title=title is None)
    return (pipeline or default_pipeline())(Doc(article))


def analyze_articles(articles: Iterable[Article], *, pipeline: Pipeline | None = None) -> Iterator[Doc]:
    """Analyse many articles in batches (what a Dask partition calls)."""
    yield from (pipeline or default_pipeline()).pipe(Doc(a) for a in articles)


def read_inputs(
    paths: Iterable[str | Path], *, published: str | dt.date | None = None, languages: bool = True
) -> Iterator[Article | InputError]:
    """Articles from files and folders, lazily and in order; unreadable ones come through as InputError.

    ``published`` fills the date of articles that have none.  With ``languages`` (the default) an
    article surely not in English comes through as :class:`~communique.errors.UnsupportedLanguage`.
    """
    from .read.language import check_language

    day = parse_date(published)
    for p in paths:
        for item in read_path(p):
            if isinstance(item, Article):
                if item.published is None and day is not None:
                    item.published = day
                if languages and (foreign := check_language(item)) is not None:
                    yield foreign
                    continue
            yield item


Status = Literal["added", "replaced", "skipped", "superseded", "unsupported", "failed"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input item during :func:`ingest_stream`.

    ``status``: ``added`` (stored), ``replaced`` (stored as the newer version of a stored story, whose
    older version it replaces), ``skipped`` (already stored), ``superseded`` (an older version of a
    stored story: linked to it, nothing else stored), ``unsupported`` (not in English), ``failed``
    (``error`` says why).  ``where`` is the file (``file:line`` for JSONL, ``file#n`` for feeds);
    ``warning`` a one-line note (e.g. a different ``--published`` for an article already stored).
    """

    status: Status
    where: str
    article_id: str | None = None
    error: CommuniqueError | None = None
    warning: str | None = None
    doc: Doc | None = None


@dataclass
class IngestReport:
    """Counts of one ingest run (see :class:`Outcome` for the statuses); ``errors`` and ``warnings`` in
    the order they happened; ``docs`` only when asked for."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    superseded: int = 0
    unsupported: int = 0
    errors: list[CommuniqueError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    docs: list[Doc] = field(default_factory=list)

    def record(self, outcome: Outcome, *, keep_docs: bool = False) -> None:
        """Count one outcome."""
        if outcome.status == "failed" and outcome.error is not None:
            self.errors.append(outcome.error)
        elif outcome.status != "failed":
            setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        if outcome.warning:
            self.warnings.append(outcome.warning)
        if keep_docs and outcome.doc is not None:
            self.docs.append(outcome.doc)

    def summary(self) -> str:
        """One line: what was stored and what failed."""
        parts = [f"ingested {self.added} article(s)", f"{self.skipped} already stored"]
        if self.replaced:
            parts.append(f"{self.replaced} newer version(s) of stored stories")
        if self.superseded:
            parts.append(f"{self.superseded} older version(s) linked")
        if self.unsupported:
            parts.append(f"{self.unsupported} not in a supported language")
        parts.append(f"{len(self.errors)} error(s)")
        return ", ".join(parts)


#: Articles analysed and stored per batch: the store is opened, written and closed once per batch.
INGEST_BATCH = 32


def ingest_stream(
    paths: Iterable[str | Path],
    *,
    store: Any,
    published: str | dt.date | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    batch_size: int = INGEST_BATCH,
    wait: float | None = None,
    settings: Settings | None = None,
    articles: Iterable[Article] = (),
) -> Iterator[Outcome]:
    """Read, analyse and store every article under ``paths``, yielding one :class:`Outcome` per item as
    soon as it is known.

    Streaming: inputs are read lazily and handled ``batch_size`` articles at a time, so memory does not
    grow with the number of inputs.  Every failure of one item (reader, any stage, the parser, the store)
    becomes a ``failed`` outcome for that item alone; nothing else of the run is lost.

    ``store`` is a path or a :class:`~communique.store.Store`.  Given a path, the store is opened for
    writing only while a batch is written, then closed, so ``communique events`` and other readers can
    open it between batches (each batch's articles are visible once written; an interrupted run keeps
    every batch written before it).  ``wait`` is how long to wait for the file when readers hold it.
    Re-ingesting a stored article adds nothing (and warns when its ``published`` differs).
    ``articles``: articles already read, handled after those under ``paths``.

    Worker processes: with ``settings.stages_in_workers`` (``settings``, or those of a pipeline
    :func:`default_pipeline` built) and more than one
    process (``settings.workers``; 0: one per core), a stream of more than ``batch_size`` articles per process is
    analysed whole (parse and stages) in spawned workers (:mod:`communique.scale.local`), and this process only
    reads and stores; the results are those of one process, learned roles included.  A shorter stream, or another
    pipeline, is analysed here (its parser still on worker processes when it has them).
    """
    from .store import Store

    if settings is None and pipeline is not None:
        settings = getattr(pipeline, "settings", None)
    elif settings is None:
        settings = Settings(on_error="skip", workers=workers)
    processes = 1
    if settings is not None:
        processes = settings.workers if settings.workers > 0 else max(1, os.cpu_count() or 1)
    built: list[Pipeline] = [pipeline] if pipeline is not None else []

    def local() -> Pipeline:
        if not built:
            built.append(default_pipeline(settings))
        return built[0]

    if workers > 1 or processes > 1 or (pipeline is not None and any(
            getattr(st, "n_process", 1) > 1 for st in pipeline.stages)):
        from .lifecycle import children_die_with_parent

        children_die_with_parent()
    opened = isinstance(store, (str, Path))
    open_kw: dict[str, Any] = {} if wait is None else {"wait": wait}

    def session(read_only: bool) -> Any:
        if not opened:
            return contextlib.nullcontext(store)
        path = Path(store)
        if read_only and not path.exists():
            return contextlib.nullcontext(None)
        return Store.open(path, read_only=read_only, **open_kw)

    # roles stored by earlier ingests, and by earlier batches of this run, find and code names in the articles
    # still to analyse (the actor stages' own knowledge is restored when the run ends)
    originals: list[tuple[Any, Any]] = []
    state: dict[str, Any] = {"learned": None, "pool": None}

    def apply() -> None:
        learned = state["learned"]
        if state["pool"] is not None:
            state["pool"].learn(learned or [])
        elif built and learned:
            if not originals:
                originals.extend(_actor_kbs(built[0]))
            for stage, kb in originals:
                stage.kb = kb.with_learned(learned)

    from .store.roles import LearnedRoles

    roles = LearnedRoles()  # read incrementally: each batch reads the names its rows added, not every role

    def relearn(open_store: Any = None) -> None:
        """Take the roles stored so far (from ``open_store``, the batch's writer, else a reader opened here)."""
        import duckdb

        try:
            with contextlib.nullcontext(open_store) if open_store is not None else session(True) as known_store:
                if known_store is None or getattr(known_store, "conn", None) is None:
                    return
                if not roles.update(known_store.conn):
                    return  # nothing new: the actor stages already hold these roles
                state["learned"] = list(roles.entries) or state["learned"]
        except (CommuniqueError, duckdb.Error):
            return
        apply()

    def analyse(articles: Iterable[Article]) -> Iterator[Doc | ArticleFailed]:
        it = iter(articles)
        head: list[Article] = []
        if settings is not None and processes > 1 and settings.stages_in_workers:
            head = list(itertools.islice(it, batch_size * processes + 1))
        if len(head) <= batch_size * processes:
            local()
            apply()
            yield from _analyse_stream(itertools.chain(head, it), local())
            return
        from .scale.local import pool_for

        state["pool"] = pool = pool_for(settings, processes)  # type: ignore[arg-type]
        pool.version, pool._learned, pool._keyed = 0, {0: []}, {}
        apply()
        yield from pool.analyse(itertools.chain(head, it), batch_size)

    relearn()
    try:
        yield from _ingest_run(paths, analyse, session, published=published, batch_size=batch_size,
                               relearn=relearn, articles=articles)
    finally:
        for stage, kb in originals:
            stage.kb = kb


def _ingest_run(paths: Iterable[str | Path], analyse: Callable[[Iterable[Article]], Iterator[Doc | ArticleFailed]],
                session: Callable[[bool], Any], *,
                published: str | dt.date | None, batch_size: int,
                relearn: Callable[[Any], None] | None = None, articles: Iterable[Article] = ()) -> Iterator[Outcome]:
    pending: list[Outcome] = []  # outcomes known before analysis (read errors, skips), yielded in order

    def fresh() -> Iterator[Article]:
        """The articles still to analyse, read lazily; the store is asked about ``batch_size`` at a time."""
        seen: set[str] = set()
        for chunk in _chunks(itertools.chain(read_inputs(paths, published=published), articles), batch_size):
            arts: list[Article] = []
            for item in chunk:
                if isinstance(item, UnsupportedLanguage):
                    pending.append(Outcome("unsupported", item.path, error=item))
                elif isinstance(item, CommuniqueError):
                    pending.append(Outcome("failed", getattr(item, "path", "") or "", error=item))
                else:
                    arts.append(item)
            if not arts:
                continue
            try:
                with session(True) as st:
                    known = st.known([a.id for a in arts]) if st is not None else {}
            except CommuniqueError as exc:
                pending.extend(Outcome("failed", _where(a), a.id, error=ArticleFailed(_where(a), str(exc)))
                               for a in arts)
                continue
            for a in arts:
                if a.id in known or a.id in seen:
                    pending.append(Outcome("skipped", _where(a), a.id,
                                           warning=_date_note(a, known, given=published is not None)))
                    continue
                seen.add(a.id)
                yield a

    # one continuous stream through the pipeline, so that parsing processes stay up for the whole run;
    # the store is written (and opened) once per ``batch_size`` analysed documents
    for group in _chunks(analyse(fresh()), batch_size):
        yield from pending
        pending.clear()
        docs = [d for d in group if isinstance(d, Doc)]
        for failure in (d for d in group if isinstance(d, ArticleFailed)):
            yield Outcome("failed", failure.path, error=failure)
        if docs:
            # the roles this batch stated serve the articles analysed after it (read with the batch's writer)
            yield from _store_batch(docs, session, after=relearn)
    yield from pending


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _date_note(a: Article, known: dict[str, Any], *, given: bool) -> str | None:
    stored_day = known.get(a.id)
    if a.id in known and given and a.published is not None and stored_day != a.published:
        return (f"{_where(a)}: already stored with published {stored_day.isoformat() if stored_day else 'unknown'}; "
                f"kept that date, not {a.published.isoformat()} (to change it, delete the store's copy first)")
    return None


def _where(article: Article) -> str:
    return article.source_path or article.id


def _store_batch(docs: list[Doc], session: Callable[[bool], Any],
                 after: Callable[[Any], None] | None = None) -> Iterator[Outcome]:
    """Store ``docs`` in one writer session (one transaction when the store has ``put_many``; one by one when
    that fails, so only a failing article is lost); ``after(store)`` runs with the writer before it closes."""
    try:
        writer = session(False)
        st = writer.__enter__()
    except CommuniqueError as exc:
        for d in docs:
            yield Outcome("failed", _where(d.article), d.article.id, error=ArticleFailed(_where(d.article), str(exc)))
        return
    outcomes: list[Outcome] = []
    defer = getattr(st, "deferred_merged", None)
    try:
        try:
            # the merged-event tables are refreshed once for the batch, not once per article
            with defer() if defer is not None else contextlib.nullcontext():
                results: list[Any] | None = None
                if hasattr(st, "put_many"):
                    try:  # the batch in one transaction, each table's rows appended once
                        results = st.put_many(docs)
                    except CommuniqueError:
                        results = None  # nothing of the batch stored: one by one, so only a failing article is lost
                for i, d in enumerate(docs):
                    where = _where(d.article)
                    try:
                        result = (results[i] if results is not None
                                  else st.put(d) if hasattr(st, "put") else st.add(d))
                    except CommuniqueError as exc:
                        outcomes.append(Outcome("failed", where, d.article.id, error=ArticleFailed(where, str(exc))))
                        continue
                    status: Status = getattr(result, "status", None) or ("added" if result else "skipped")
                    outcomes.append(Outcome(status, where, d.article.id, doc=d,
                                            warning=getattr(result, "note", None)))
        except CommuniqueError:
            pass  # only the batch's refresh of the merged tables raises here: the reports stand, and readers
            # seeing stale merged tables compute merged events from them; the next write refreshes them
        if after is not None:
            after(st)
    finally:
        writer.__exit__(None, None, None)
        trim_heap()  # what earlier batches' parses and Arrow tables freed goes back, not kept fragmented
    yield from outcomes


def _analyse_stream(articles: Iterable[Article], pipe: Pipeline) -> Iterator[Doc | ArticleFailed]:
    """Analysed documents, in order, and an ArticleFailed for each article a stage or the parser failed on.

    The articles go through the pipeline as one stream. When the stream raises (a stage with the raise
    policy, the parser), the articles it had taken but not yet returned are retried one by one, so that
    only the failing one is lost, and a new stream takes the rest."""
    source = iter(articles)
    while True:
        taken: list[Article] = []

        def feed(taken: list[Article] = taken) -> Iterator[Doc]:
            for a in source:
                taken.append(a)
                yield Doc(a)

        before = len(pipe.errors)
        done = 0
        try:
            for doc in pipe.pipe(feed()):
                for failure in pipe.errors[before:]:
                    yield _failed(failure, taken)
                del pipe.errors[before:]  # reported here: the pipeline's list does not grow with the run
                done += 1
                yield doc
            for failure in pipe.errors[before:]:
                yield _failed(failure, taken)
            del pipe.errors[before:]
            return
        except Exception:  # noqa: BLE001 - any failure of any stage: the unfinished articles, one by one
            del pipe.errors[before:]
            finished = {id(a) for a in taken[:done]}
            for a in taken:
                if id(a) not in finished:
                    yield from _analyse([a], pipe)


def _analyse(articles: list[Article], pipe: Pipeline) -> Iterator[Doc | ArticleFailed]:
    """``articles`` through the pipeline on their own (a retry): the docs, or why each failed."""
    before = len(pipe.errors)
    try:
        docs = list(pipe.pipe(Doc(a) for a in articles))
    except Exception as exc:  # noqa: BLE001 - any failure of any stage is this article's alone
        del pipe.errors[before:]
        for a in articles:
            yield ArticleFailed(_where(a), f"analysis failed: {type(exc).__name__}: {exc}")
        return
    for failure in pipe.errors[before:]:
        yield _failed(failure, articles)
    del pipe.errors[before:]
    yield from docs


def _failed(failure: Any, taken: list[Article]) -> ArticleFailed:
    art = next((a for a in reversed(taken) if a.id == failure.article_id), None)
    return ArticleFailed(_where(art) if art else failure.article_id,
                         str(failure).replace(f" on article {failure.article_id}", ""))


def _actor_kbs(pipe: Pipeline) -> list[tuple[Any, Any]]:
    """(stage, its own knowledge base) for every stage of ``pipe`` that codes actors from one."""
    return [(stage, kb) for stage in pipe.stages
            if (kb := getattr(stage, "kb", None)) is not None and hasattr(kb, "with_learned")]


def ingest(
    paths: Iterable[str | Path],
    *,
    store: Any,
    published: str | dt.date | None = None,
    pipeline: Pipeline | None = None,
    keep_docs: bool = False,
    workers: int = 0,
    progress: Callable[[int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    batch_size: int = INGEST_BATCH,
) -> IngestReport:
    """Read, analyse and store every article under ``paths`` (:func:`ingest_stream`), and count the
    outcomes; ``on_outcome`` sees each one as it happens (to print errors at once), ``progress(1)`` is
    called per item.  Re-ingesting the same article adds nothing."""
    report = IngestReport()
    for outcome in ingest_stream(paths, store=store, published=published, pipeline=pipeline, workers=workers,
                                 batch_size=batch_size):
        report.record(outcome, keep_docs=keep_docs)
        if on_outcome is not None:
            on_outcome(outcome)
        if progress is not None:
            progress(1)
    return report
