"""The store's rule for the status of a merged event: the order of report statuses and the SQL aggregate."""

from __future__ import annotations

__all__ = ["DECISIVE_STATUSES", "STATUS_ORDER", "resolved_status_sql"]

#: When reports of one event disagree, the status earliest in this list wins.
STATUS_ORDER: tuple[str, ...] = ("confirmed", "denied", "reported", "unconfirmed", "planned", "hypothetical")

#: The statuses that settle a merged event's status when a report says them: the latest such report wins.
DECISIVE_STATUSES: tuple[str, ...] = ("confirmed", "denied")


def resolved_status_sql(e: str = "e", a: str = "a") -> str:
    """The store's one rule for a merged event's status, as an aggregate over its reports ``e`` (``events``)
    joined with their articles ``a``: the status of the latest report saying ``confirmed`` or ``denied``
    (latest by its article's publication date, undated articles counting as the oldest, then by the time
    the article was stored, then by report uid), else the best status by :data:`STATUS_ORDER`; NULL when
    no report has a known status.  Used by the ``clusters`` view (so ``Store.events``), the merged-event
    tables and :mod:`communique.analysis`."""
    order = "[" + ", ".join(f"'{s}'" for s in STATUS_ORDER) + "]"
    decisive = ", ".join(f"'{s}'" for s in DECISIVE_STATUSES)
    latest = (f"{{'dated': {a}.published IS NOT NULL, 'published': coalesce({a}.published, DATE '0001-01-01'), "
              f"'added': coalesce({a}.added, TIMESTAMP '0001-01-01'), 'uid': {e}.uid}}")
    return (f"coalesce(arg_max({e}.status, {latest}) FILTER (WHERE {e}.status IN ({decisive})), "
            f"{order}[min(coalesce(list_position({order}, {e}.status), 99))])")
