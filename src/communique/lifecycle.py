"""Worker processes that end with their parent.

spaCy's ``n_process`` (and anything else that forks workers) starts child processes that outlive a
parent killed with SIGKILL: nothing runs in the parent to stop them.  :func:`children_die_with_parent`
registers, once per process, a fork hook that asks Linux to send every child forked afterwards SIGKILL
when its parent dies (``prctl(PR_SET_PDEATHSIG)``), and ends a child at once whose parent is already gone.
On other systems, or with the "spawn" start method, it does nothing.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import signal
import sys
from collections.abc import Callable, Hashable
from typing import Protocol, TypeVar

__all__ = ["PoolRegistry", "children_die_with_parent", "spawned_worker_start", "trim_heap"]

_PR_SET_PDEATHSIG = 1
_installed = False
_forking_pid = 0
_libc: ctypes.CDLL | None = None


def _before_fork() -> None:
    global _forking_pid
    _forking_pid = os.getpid()


def _in_child() -> None:
    parent = _forking_pid
    if _libc is None:
        return
    _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def children_die_with_parent() -> None:
    """Make every process forked from now on die when this process dies (Linux; idempotent)."""
    global _installed, _libc
    if _installed or not sys.platform.startswith("linux"):
        return
    try:
        _libc = ctypes.CDLL(None, use_errno=True)  # the C library the interpreter runs on: loaded here, not
        _libc.prctl  # noqa: B018 - in the child, where a fork hook must stay small
    except (OSError, AttributeError):
        return
    os.register_at_fork(before=_before_fork, after_in_child=_in_child)
    _installed = True


_MALLOC_TRIM: object = None  # glibc's malloc_trim once looked up; False where there is none


def trim_heap() -> None:
    """Give the pages of memory already freed back to the system (glibc ``malloc_trim(0)``; nothing where the C
    library has no such call).  A process that builds and drops large objects batch after batch (spaCy docs,
    Arrow tables, query results) otherwise keeps its peak heap, fragmented, for the rest of the run and its
    resident memory creeps upward.  Nothing in use is touched; it costs about a millisecond per call."""
    global _MALLOC_TRIM
    if _MALLOC_TRIM is None:
        try:
            _MALLOC_TRIM = ctypes.CDLL(None).malloc_trim
        except (AttributeError, OSError):
            _MALLOC_TRIM = False
    if _MALLOC_TRIM:
        _MALLOC_TRIM(0)  # type: ignore[operator]


def spawned_worker_start(parent: int, init: str, *args: object) -> None:
    """Initializer of a *spawned* worker (which no fork hook reaches): ask Linux to end it when ``parent``
    dies, end it now if ``parent`` is already gone, ignore Ctrl-C (the parent handles it), then import and
    call ``init`` (``"module:function"``) with ``args``.  Kept in this small module so the request is made
    before the worker imports anything heavy: a parent killed while its workers start leaves no orphans."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import importlib

    module, _, name = init.partition(":")
    getattr(importlib.import_module(module), name)(*args)


class _Pool(Protocol):
    @property
    def closed(self) -> bool: ...

    def close(self) -> None: ...


K = TypeVar("K", bound=Hashable)
P = TypeVar("P", bound=_Pool)


class PoolRegistry(dict[K, P]):
    """The process-wide worker pools of one kind, by key (a model name or settings, and a process count): each
    started on first use, started again once closed, and all closed when this process exits."""

    def __init__(self, start: Callable[[K], P]) -> None:
        super().__init__()
        self._start = start
        atexit.register(self.close_all)

    def pool_for(self, key: K) -> P:
        """The open pool for ``key``, started if there is none."""
        pool = self.get(key)
        if pool is None or pool.closed:
            pool = self[key] = self._start(key)
        return pool

    def close_all(self) -> None:
        """Stop every pool's workers and forget them."""
        for pool in list(self.values()):
            pool.close()
        self.clear()
