"""Event filters: :class:`EventFilter`, the statuses it accepts and the columns of an event row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..model import STATUSES

#: Values of :attr:`EventFilter.status`: the statuses of :data:`communique.model.STATUSES`, and
#: ``negated`` for events the text says did not happen ("did not attack").
FILTER_STATUSES: tuple[str, ...] = (*STATUSES, "negated")

#: Keys of an event row (:func:`events_page`, :func:`event_rows`), in order.
EVENT_COLUMNS: tuple[str, ...] = (
    "cluster_id", "event_id", "date", "date_precision", "cameo", "label", "plover", "goldstein", "quad_class",
    "source", "target", "location", "country", "lat", "lon", "geonames_id", "status", "negated", "corroboration",
    "outlets", "report_count", "articles", "evidence", "attribution", "first_article", "sentence", "evidence_start",
    "evidence_end",
    "source_actors", "target_actors", "plover_mode", "plover_context",
)

_NAME = r"^[^\x00-\x1f]{1,100}$"


class EventFilter(BaseModel):
    """Which merged events a query covers; every field optional, all given fields must hold.

    ``actor``: an actor code prefix (``RUS`` matches ``RUSMIL``) or an actor's exact name
    (case-insensitive), as source or target; a value in capitals and digits only is a code prefix.
    ``country``: ISO 3166 alpha-3 of a source
    or target actor (its country, else the first three letters of its code).  ``dyad``: two actors
    (as ``actor``), one the source and the other the target of the same report; with
    ``directed`` the first must be the source.  ``cameo``: a CAMEO code prefix (``04``, ``043``).
    ``plover``: a PLOVER event type (``CONSULT``, case-insensitive).  ``quad_class``: QuadClasses
    1-4 to keep.  ``since``/``until``: inclusive bounds of the event date (undated events drop out
    when either is given).  ``place``: the location's name (case-insensitive);
    ``location_country``: ISO alpha-3 of the location.  ``status``: statuses to keep, from
    :data:`FILTER_STATUSES`; an event the text negates counts only as ``negated``.
    ``min_corroboration``: at least this many distinct articles.  ``outlet``: some report comes from
    this outlet (case-insensitive).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    actor: str | None = Field(default=None, pattern=_NAME)
    country: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$")
    dyad: tuple[str, str] | None = None
    directed: bool = False
    cameo: str | None = Field(default=None, pattern=r"^[0-9]{1,4}$")
    plover: str | None = Field(default=None, pattern=r"^[A-Za-z_ -]{1,40}$")
    quad_class: tuple[int, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = Field(default=None, pattern=_NAME)
    location_country: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$")
    status: tuple[str, ...] = ()
    min_corroboration: int | None = Field(default=None, ge=1, le=1_000_000)
    outlet: str | None = Field(default=None, pattern=_NAME)

    @field_validator("dyad")
    @classmethod
    def _dyad(cls, value: tuple[str, str] | None) -> tuple[str, str] | None:
        if value is not None:
            for side in value:
                if not side or len(side) > 100 or any(ord(ch) < 32 for ch in side):
                    raise ValueError(f"dyad actor {side!r} must be 1-100 printable characters")
        return value

    @field_validator("quad_class")
    @classmethod
    def _quads(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        bad = [q for q in value if q not in (1, 2, 3, 4)]
        if bad:
            raise ValueError(f"QuadClass {bad[0]} is not one of 1, 2, 3, 4")
        return tuple(sorted(set(value)))

    @field_validator("status")
    @classmethod
    def _statuses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [s for s in value if s not in FILTER_STATUSES]
        if bad:
            raise ValueError(f"status {bad[0]!r} is not one of {', '.join(FILTER_STATUSES)}")
        return tuple(dict.fromkeys(value))

    @model_validator(mode="after")
    def _range(self) -> EventFilter:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        return self



def date_bounds(f: EventFilter, column: str) -> tuple[list[str], list[dt.date]]:
    """The SQL conditions (and their parameters) that keep ``column`` within the filter's ``since``/``until``
    (ISO dates, both ends inclusive): ``(["m.date >= ?"], [since])`` and the like; none for an open range."""
    where: list[str] = []
    params: list[dt.date] = []
    if f.since is not None:
        where.append(f"{column} >= ?")
        params.append(f.since)
    if f.until is not None:
        where.append(f"{column} <= ?")
        params.append(f.until)
    return where, params

def goldstein_mean(total: float | None, n: int | None) -> float | None:
    """The mean of ``n`` Goldstein scores summing to ``total``, rounded half-even to 4 decimals; ``None`` when ``n``
    is 0.  The sum is first taken to 6 decimals (scores have one), then divided exactly, so sums added up in another
    order (per month, per day) give the same mean; :func:`goldstein_columns` computes the same for many."""
    if not n or total is None:
        return None
    micro, den = round(float(total) * 1e6), int(n) * 100  # mean * 10^4 = micro / den
    q, r = divmod(micro, den)
    if 2 * r > den or 2 * r == den and q % 2:
        q += 1
    return q / 10000


def goldstein_columns(totals: Sequence[float | None], ns: Sequence[int]) -> tuple[list[float], list[float | None]]:
    """For sums ``totals`` (``None``: no score) of ``ns`` scores: the sums rounded to 4 decimals (``None`` as 0.0)
    and the means of :func:`goldstein_mean`, computed with numpy (the same values)."""
    import numpy as np

    if not len(totals):
        return [], []
    s = np.array([0.0 if t is None else t for t in totals], dtype=float)
    n = np.asarray(ns, dtype=np.int64)
    sums = (np.rint(s * 1e4) / 1e4).tolist()
    micro = np.rint(s * 1e6).astype(np.int64)
    den = np.maximum(n, 1) * 100
    q = np.floor_divide(micro, den)
    r = micro - q * den
    q = q + ((2 * r > den) | ((2 * r == den) & (q % 2 == 1)))
    means = (q / 10000).tolist()
    return sums, [None if k == 0 else m for m, k in zip(means, n.tolist(), strict=True)]
