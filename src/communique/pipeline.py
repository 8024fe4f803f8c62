"""Stage registry and runner.

A stage is a named ``Doc -> Doc`` step that declares what it ``requires`` and
what it ``assigns`` (names of ``Doc`` fields, plus ``"nlp"`` for the spaCy
parse).  Stages register themselves with :func:`stage`; :class:`Pipeline`
checks the order when it is built, and runs documents one at a time or in
batches (the batch ``pipe()`` is what a Dask partition calls).

Each stage is a class with ``__call__(doc) -> doc`` and optionally a faster
``pipe(docs) -> docs``; the constructor receives keyword services
(``nlp=``, ``gazetteer=``, ...) that tests can swap.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from .errors import StageFailed, StageOrderError, UnknownStage
from .model import Doc

ErrorPolicy = Literal["raise", "skip"]


class Stage(Protocol):
    name: str

    def __call__(self, doc: Doc) -> Doc: ...

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]: ...


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    factory: Callable[..., Any]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, StageSpec] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable[[type], type]:
    """Class decorator registering a stage under a versioned ``name``."""

    def register(cls: type) -> type:
        spec = StageSpec(name, cls, tuple(requires), tuple(assigns))
        _REGISTRY[name] = spec
        cls.name = name  # type: ignore[attr-defined]
        cls.requires = spec.requires  # type: ignore[attr-defined]
        cls.assigns = spec.assigns  # type: ignore[attr-defined]
        if not hasattr(cls, "pipe"):
            cls.pipe = _default_pipe  # type: ignore[attr-defined]
        return cls

    return register


def _default_pipe(self: Any, docs: Iterable[Doc]) -> Iterator[Doc]:
    for doc in docs:
        yield self(doc)


def registered() -> dict[str, StageSpec]:
    """The registered stages, by name."""
    from . import stages  # noqa: F401  (importing registers the built-ins)

    return dict(_REGISTRY)


DEFAULT_STAGES: tuple[str, ...] = (
    "communique.nlp.v1",
    "communique.time.v1",
    "communique.place.v1",
    "communique.actors.v1",
    "communique.dateline.v1",
    "communique.events.v1",
    "communique.provenance.v1",
)


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(
        self,
        names: Iterable[str] = DEFAULT_STAGES,
        *,
        services: dict[str, Any] | None = None,
        on_error: ErrorPolicy = "raise",
    ) -> None:
        specs = registered()
        self.names = list(names)
        self.on_error = on_error
        self.errors: list[StageFailed] = []
        available: set[str] = {"article"}
        for name in self.names:
            if name not in specs:
                raise UnknownStage(name, list(specs))
            missing = [r for r in specs[name].requires if r not in available]
            if missing:
                raise StageOrderError(name, missing)
            available.update(specs[name].assigns)
        services = services or {}
        self.stages: list[Any] = [_build(specs[n], services) for n in self.names]

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        """Run every stage over ``docs`` lazily, in order, batch by batch."""
        stream: Iterable[Doc] = docs
        for st in self.stages:
            stream = self._guard(st, stream)
        yield from stream

    def _guard(self, st: Any, docs: Iterable[Doc]) -> Iterator[Doc]:
        if self.on_error == "raise":
            for doc in st.pipe(docs):
                doc.done.append(st.name)
                yield doc
            return
        # skip-and-record: a stage with a batch pipe of its own (the parser) keeps its batches; the others run
        # document by document so one failure loses nothing else
        if type(st).pipe is not _default_pipe:
            for doc in st.pipe(docs):
                doc.done.append(st.name)
                yield doc
            return
        for doc in docs:
            try:
                out = st(doc)
            except Exception as exc:  # noqa: BLE001 - recorded, by policy
                self.errors.append(StageFailed(st.name, doc.article.id, exc))
                continue
            out.done.append(st.name)
            yield out


def _build(spec: StageSpec, services: dict[str, Any]) -> Any:
    import inspect

    params = inspect.signature(spec.factory).parameters
    kwargs = {k: v for k, v in services.items() if k in params}
    return spec.factory(**kwargs)


def timed(name: str, items: Iterable[Any], clock: dict[str, float]) -> Iterator[Any]:
    """``items``, adding the wall time (seconds) spent producing each one, upstream included, to ``clock[name]``:
    how the bench and the analysis workers time each stage of a stream."""
    it = iter(items)
    while True:
        t0 = time.perf_counter()
        try:
            x = next(it)
        except StopIteration:
            clock[name] = clock.get(name, 0.0) + time.perf_counter() - t0
            return
        clock[name] = clock.get(name, 0.0) + time.perf_counter() - t0
        yield x
