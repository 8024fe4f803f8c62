"""The library API that the CLI (and later the REST API and dashboard) wrap.

    >>> import communique
    >>> doc = communique.analyze(text, published="2025-11-17")
    >>> [(e.cameo, e.source, e.target) for e in doc.events]
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CommuniqueError, InputError
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
        services["trigger_table"] = merge(default_triggers(), *parsed)
    if settings.event_model != "none":
        from .stages.events.learned import LearnedCoder
        from .stages.events.model import EventModel, default_event_model

        model = default_event_model() if settings.event_model == "bundled" else EventModel.load(settings.event_model)
        services["event_model"] = LearnedCoder(model, table=services.get("trigger_table"))  # type: ignore[arg-type]
    pipe = Pipeline(DEFAULT_STAGES, services=services, on_error=settings.on_error)
    pipe.stages[0].n_process = settings.workers
    pipe.stages[0].batch_size = settings.batch_size
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

    Every offset in the result indexes ``text`` exactly as given."""
    article = make_article(text, title=title, published=published, outlet=outlet, url=url, split_title=title is None)
    return (pipeline or default_pipeline())(Doc(article))


def analyze_articles(articles: Iterable[Article], *, pipeline: Pipeline | None = None) -> Iterator[Doc]:
    """Analyse many articles in batches (what a Dask partition calls)."""
    yield from (pipeline or default_pipeline()).pipe(Doc(a) for a in articles)


def read_inputs(
    paths: Iterable[str | Path], *, published: str | dt.date | None = None
) -> Iterator[Article | InputError]:
    """Articles from files and folders; unreadable ones come through as InputError, in order."""
    day = parse_date(published)
    for p in paths:
        for item in read_path(p):
            if isinstance(item, Article) and item.published is None and day is not None:
                item.published = day
            yield item


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0
    errors: list[CommuniqueError] = field(default_factory=list)
    docs: list[Doc] = field(default_factory=list)


def ingest(
    paths: Iterable[str | Path],
    *,
    store: object,
    published: str | dt.date | None = None,
    pipeline: Pipeline | None = None,
    keep_docs: bool = False,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read, analyse and store every article under ``paths``; re-ingesting the same article adds nothing."""
    report = IngestReport()
    known: set[str] = set(store.article_ids())  # type: ignore[attr-defined]
    articles: list[Article] = []
    for item in read_inputs(paths, published=published):
        if isinstance(item, CommuniqueError):
            report.errors.append(item)
        elif item.id in known:
            report.skipped += 1
            if progress:
                progress(1)
        else:
            known.add(item.id)
            articles.append(item)
    pipe = pipeline or default_pipeline(on_error="skip", workers=workers)
    before = len(pipe.errors)
    for doc in analyze_articles(articles, pipeline=pipe):
        if store.add(doc):  # type: ignore[attr-defined]
            report.added += 1
        else:
            report.skipped += 1
        if keep_docs:
            report.docs.append(doc)
        if progress:
            progress(1)
    report.errors.extend(pipe.errors[before:])
    return report
