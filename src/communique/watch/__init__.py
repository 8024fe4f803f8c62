"""Watching news sources: poll RSS/Atom feeds and article URLs politely, ingest what is new.

Modules: :mod:`.sources` (the sources file), :mod:`.fetch` (polite HTTP: conditional GET, robots.txt,
per-host rate limit, time-outs, retries), :mod:`.state` (what was seen, kept in the store), :mod:`.poll`
(one poll). ``communique watch`` runs :func:`poll` once (``--once``) or every ``--every``.
"""

from __future__ import annotations

import re

from .fetch import USER_AGENT, Fetched, Fetcher, canonical_url
from .poll import PollSummary, poll
from .sources import Source, parse_sources, read_sources
from .state import WatchState

__all__ = ["USER_AGENT", "Fetched", "Fetcher", "PollSummary", "Source", "WatchState", "canonical_url",
           "parse_every", "parse_sources", "poll", "read_sources"]

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.I)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """``"15m"`` -> 900.0 seconds (units s, m, h, d; a bare number is minutes). Raises ValueError for
    anything else or for less than 10 seconds."""
    m = _EVERY.match(value)
    if not m:
        raise ValueError(f"--every must look like 15m, 1h or 90s, not {value!r}")
    seconds = float(m.group(1)) * _UNIT[(m.group(2) or "m").lower()]
    if seconds < 10:
        raise ValueError(f"--every must be at least 10 seconds, not {value!r}")
    return seconds
