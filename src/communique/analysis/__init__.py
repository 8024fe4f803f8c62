"""Analysis of the event store: filtered event lists, dyad time series, actor networks, event detail.

One module of data functions shared by the CLI (``communique events``/``export``), the REST API
and the dashboard; each returns plain dicts and lists (JSON-ready but for ``datetime.date``), and
renderers only turn them into tables, CSV or HTML.

Every function takes a DuckDB connection to a migrated store (``Store.conn``) and an
:class:`EventFilter`.  The unit is the *merged event* (one cluster of reports, see
:mod:`communique.store.db`):

* ``actor``, ``country``, ``dyad`` and ``outlet`` match when **any report** of the event does;
* ``cameo``, ``plover``, ``quad_class``, dates, ``place``, ``location_country``, ``status`` and
  ``min_corroboration`` apply to the **merged** event's values: the first report's code, label,
  Goldstein and QuadClass, the best date, the first known location, the status by
  :data:`~communique.store.schema.STATUS_ORDER`, and the number of distinct articles.

These are the same values ``Store.events`` (the ``merged_events`` view) shows; this module computes
them only for the events a query needs, which keeps queries on millions of reports fast.

QuadClass 1 and 2 (verbal and material cooperation, CAMEO roots 01-08) count as cooperation, 3 and
4 (verbal and material conflict, roots 09-20) as conflict; Goldstein scores are GDELT's (-10..+10).

Errors: a query the store cannot answer raises :class:`~communique.errors.StoreError`; an unknown
event raises :class:`~communique.errors.EventNotFound`; bad filter values raise pydantic's
``ValidationError`` when the :class:`EventFilter` is built.

The package: :mod:`.filters` (:class:`EventFilter`), :mod:`.query` (the SQL of matching merged events),
:mod:`.events` (lists), :mod:`.series` (dyad time series), :mod:`.networks`, :mod:`.detail` (one event),
:mod:`.overview` (map and store overview); every public name is importable from ``communique.analysis``.
"""

from __future__ import annotations

# names imported "as" themselves (private ones included) stay importable from here, their old path
from .detail import event_detail
from .events import _complete as _complete
from .events import _complete_table as _complete_table
from .events import _side_code as _side_code
from .events import count_events, event_rows, events_page
from .filters import _NAME as _NAME
from .filters import EVENT_COLUMNS, FILTER_STATUSES, EventFilter
from .networks import _IGRAPH_SEED as _IGRAPH_SEED
from .networks import Level as Level
from .networks import _centrality as _centrality
from .networks import network
from .overview import places, stats
from .query import _CACHE as _CACHE
from .query import _CACHE_LOCK as _CACHE_LOCK
from .query import _CACHE_VIEW as _CACHE_VIEW
from .query import _CODE3 as _CODE3
from .query import _CODE_LIKE as _CODE_LIKE
from .query import _actor_match as _actor_match
from .query import _actor_uids as _actor_uids
from .query import _aggregate_sql as _aggregate_sql
from .query import _cached as _cached
from .query import _merged_conditions as _merged_conditions
from .query import _merged_sql as _merged_sql
from .query import _necessary_conditions as _necessary_conditions
from .query import _prefix_range as _prefix_range
from .query import _query as _query
from .query import _report_conditions as _report_conditions
from .query import _table_sql as _table_sql
from .query import merged_tables as merged_tables
from .series import Interval as Interval
from .series import dyad_series

__all__ = [
    "EVENT_COLUMNS",
    "FILTER_STATUSES",
    "EventFilter",
    "count_events",
    "dyad_series",
    "event_detail",
    "event_rows",
    "events_page",
    "network",
    "places",
    "stats",
]

