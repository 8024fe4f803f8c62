"""Parser worker processes that hold the spaCy model and nothing else.

spaCy's own ``nlp.pipe(n_process=N)`` forks its workers from the calling process, so each worker starts as a
copy of everything the parent holds (gazetteer, actor and trigger tables, the event model, the store's
buffers); those pages are shared only until Python's reference counting and garbage collector write to them,
and measured on a 300-article ingest each forked parser held ~400 MB of private memory.  A
:class:`ParsePool` instead *spawns* its workers (a fresh interpreter each) that load only the spaCy pipeline
(:func:`communique.stages.nlp.load_nlp`: same model, same components, same results), and keeps them for the
life of the process, so their start-up (a few seconds) is paid once, not once per ``pipe`` call.

Documents travel as spaCy's own ``Doc.to_bytes()`` (what ``nlp.pipe(n_process=N)`` sends too, tensor
included: the event model reads it) and are rebuilt against the parent's vocabulary, in input order.  At most
``2 * processes`` batches are in flight, so a stream of any length is parsed in constant memory.

Workers end with their parent (``prctl(PR_SET_PDEATHSIG)`` in each worker, Linux), ignore Ctrl-C (the parent
handles it and stops them), and are stopped at interpreter exit.
"""

from __future__ import annotations

import collections
import os
import sys
import threading
import types
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any

from ..errors import ParserWorkerDied
from ..lifecycle import PoolRegistry, spawned_worker_start

__all__ = ["ParsePool", "pool_for"]

_NLP: Any = None  # the worker's pipeline
_BARRIER: Any = None  # every worker waits here in warm(): one task per worker


def _init_worker(model: str, barrier: Any) -> None:
    from .nlp import load_nlp

    global _NLP, _BARRIER
    _NLP, _BARRIER = load_nlp(model), barrier


def _parse_batch(texts: list[str]) -> list[bytes]:
    """``Doc.to_bytes()`` of each text's parse, in order; parsed in windows of at most
    :data:`~communique.stages.nlp.PARSE_CHARS` characters (the worker's peak memory; the parses are the same)."""
    from .nlp import PARSE_CHARS, batches

    out: list[bytes] = []
    for window in batches(texts, max(1, len(texts)), PARSE_CHARS, len):
        out += [d.to_bytes() for d in _NLP.pipe(window, batch_size=len(window))]
    _trim_heap()
    return out


def _trim_heap() -> None:
    """Give the pages the batch's arrays freed back to the system (:func:`communique.lifecycle.trim_heap`).

    A batch holding long articles needs a few hundred MB of parser arrays; freed, they stay in the worker's heap,
    fragmented, so without this each worker kept ~520 MB after the first long batch instead of ~180-220 MB (300
    PolNeAR train texts in batches of 32).  The parses are unchanged: only memory already freed is returned."""
    from ..lifecycle import trim_heap

    trim_heap()


def _ready() -> int:
    _BARRIER.wait(timeout=900)
    return os.getpid()


_START = threading.Lock()
_QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


class _Process(SpawnProcess):
    """A spawned worker that does not run the parent's ``__main__`` again: multiprocessing re-runs a main
    script in every spawned child, which starts the pool again from a user's script that lacks the
    ``if __name__ == "__main__":`` guard.  The workers need nothing of it (they load the model by name)."""

    def start(self) -> None:
        with _START:
            main = sys.modules["__main__"]
            sys.modules["__main__"] = types.ModuleType("__main__")  # no file, no spec: nothing to re-run
            try:
                super().start()
            finally:
                sys.modules["__main__"] = main


class _Context(SpawnContext):
    Process = _Process


class ParsePool:
    """``processes`` spawned workers, each with the spaCy pipeline ``model`` (a name :func:`load_nlp` takes)."""

    def __init__(self, model: str, processes: int) -> None:
        self.model = model
        self.processes = processes
        # an ingest interrupted by Ctrl-C leaves at once (os._exit: its queues would block the exit hooks);
        # multiprocessing's resource tracker then unlinks the pool's semaphores, as it should, but also prints a
        # "leaked semaphore" warning under the run's summary. The tracker takes its -W options from ours.
        if _QUIET_TRACKER not in sys.warnoptions:
            sys.warnoptions.append(_QUIET_TRACKER)
        ctx = _Context()
        self._executor: ProcessPoolExecutor | None = ProcessPoolExecutor(
            processes, mp_context=ctx, initializer=spawned_worker_start,
            initargs=(os.getpid(), f"{__name__}:_init_worker", model, ctx.Barrier(processes)))

    def warm(self) -> list[int]:
        """Start every worker and wait until each has loaded the model; their process ids.  Raises
        :class:`ParserWorkerDied` when a worker ends abnormally."""
        ex = self._live()
        try:
            futures = [ex.submit(_ready) for _ in range(self.processes)]
            return sorted({f.result() for f in futures})
        except BrokenProcessPool as exc:
            self.close()
            raise ParserWorkerDied(str(exc) or type(exc).__name__) from None

    def pipe(self, texts: Iterable[str], vocab: Any, batch_size: int, batch_chars: int | None = None) -> Iterator[Any]:
        """spaCy docs of ``texts`` (built on ``vocab``), in order, parsed in batches of ``batch_size`` texts and
        at most ``batch_chars`` characters (a longer text alone; None: no limit).
        Raises :class:`ParserWorkerDied` when a worker ends abnormally."""
        from spacy.tokens import Doc as SpacyDoc

        from .nlp import batches

        ex = self._live()
        pending: collections.deque[Future[list[bytes]]] = collections.deque()
        stream = batches(texts, batch_size, batch_chars, len)

        def submit() -> bool:
            batch = next(stream, None)
            if batch:
                pending.append(ex.submit(_parse_batch, batch))
            return bool(batch)

        try:
            while len(pending) < 2 * self.processes and submit():
                pass
            while pending:
                done = pending.popleft().result()
                submit()
                for data in done:
                    yield SpacyDoc(vocab).from_bytes(data)
        except BrokenProcessPool as exc:
            self.close()
            raise ParserWorkerDied(str(exc) or type(exc).__name__) from None
        finally:
            for f in pending:
                f.cancel()

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
        _POOLS.pop((self.model, self.processes), None)


_POOLS: PoolRegistry[tuple[str, int], ParsePool] = PoolRegistry(lambda key: ParsePool(*key))


def pool_for(model: str, processes: int) -> ParsePool:
    """The process-wide pool of ``processes`` workers for ``model``, started on first use."""
    return _POOLS.pool_for((model, processes))
