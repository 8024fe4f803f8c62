"""Merging reports into events: the merge key, :func:`same_event`, matching an article's events against the
stored ones and recomputing every cluster (the rules are in :mod:`communique.store.db`)."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from ...errors import StoreError, one_line
from ...model import Location
from .. import merged
from ..transactions import transaction

#: CAMEO families whose source and target may be swapped when matching reports.
SYMMETRIC: frozenset[str] = frozenset({"036", "040", "041", "043", "044", "046", "057"})

_ONE_DAY = dt.timedelta(days=1)


#: CAMEO roots whose source and target may be swapped when matching reports: consult ("A met B", "B met A",
#: "A visited B", "B hosted A" are one meeting); the families in :data:`SYMMETRIC` likewise.
SYMMETRIC_ROOTS: frozenset[str] = frozenset({"04"})

#: how far apart two reported dates may lie and still be one event: a day either way for two dates of day
#: precision (time zones, "overnight"); a week before an ``on_or_before`` date ("earlier this week"); the same
#: month or year for dates known only to the month or year.
ON_OR_BEFORE_WINDOW = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class MergeKey:
    """What decides whether two reports are of one event (see :func:`same_event`)."""

    root: str
    source_root: str | None
    target_root: str | None
    negated: bool
    date: dt.date | None
    precision: str | None
    location_key: str | None
    country: str | None
    family: str = ""

    @property
    def symmetric(self) -> bool:
        return self.root in SYMMETRIC_ROOTS or self.family in SYMMETRIC


def _key_of(r: Sequence[Any]) -> MergeKey:
    return MergeKey(root=r[3], source_root=r[4], target_root=r[5], negated=bool(r[6]), date=r[7], precision=r[8],
                    location_key=r[9], country=r[10], family=r[11])


def _dates_compatible(a: MergeKey, b: MergeKey) -> bool:
    if a.date is None or b.date is None:
        return False
    pa, pb = a.precision or "day", b.precision or "day"
    if pa == "day" and pb == "day":
        return abs((a.date - b.date).days) <= 1
    if "year" in (pa, pb):
        return a.date.year == b.date.year
    if "month" in (pa, pb):
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    # an on_or_before date X holds any date in [X - 7 days, X + 1 day]
    for x, y, px in ((a, b, pa), (b, a, pb)):
        if px == "on_or_before":
            assert x.date is not None and y.date is not None
            if x.date - ON_OR_BEFORE_WINDOW <= y.date <= x.date + _ONE_DAY:
                return True
    return False


#: GeoNames feature kinds (the gazetteer's) that hold many towns: a report placed there is compatible with one
#: placed at any town of the same country ("an attack in Nigeria" and "an attack in Kano")
COARSE_FEATURES: frozenset[str] = frozenset({"country", "continent", "region", "state", "county", "sea"})

#: two resolved towns or sites closer than this (great-circle kilometres) may be one event's place: a city and
#: its suburb ("in Lagos" and "in Ikeja"), a town and the village just outside it
NEAR_KM = 30.0


@functools.lru_cache(maxsize=4096)
def _place(location_key: str) -> tuple[str, str | None, float | None, float | None] | None:
    """``(feature, admin1, lat, lon)`` of a geonames location key from the gazetteer (feature: city, state,
    country, ...; admin1: the GeoNames first-level division code; lat/lon in degrees WGS84), ``None`` when the
    key is not a geonames id (an unresolved name) or the gazetteer does not hold it.  The gazetteer is read
    only when two reports' places differ."""
    if not location_key.startswith("geonames:"):
        return None
    from ...knowledge.gazetteer import Gazetteer

    hit = Gazetteer.default().by_id(int(location_key.split(":", 1)[1]))
    return None if hit is None else (hit.feature, hit.admin1, hit.lat, hit.lon)


def _km(a: tuple[Any, ...], b: tuple[Any, ...]) -> float | None:
    """Great-circle distance in kilometres of two :func:`_place` tuples, ``None`` without coordinates."""
    if None in (a[2], a[3], b[2], b[3]):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a[2], a[3], b[2], b[3]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _places_compatible(a: str | None, b: str | None) -> bool:
    """Can two reports' places (location keys) be one event's?  Two different resolved towns or sites are two
    events unless they lie within :data:`NEAR_KM`; a country, region or state (:data:`COARSE_FEATURES`) may hold
    any town (a state only a town of its own GeoNames first-level division, when both are known); an unknown
    place or an unresolved name is compatible with anything (the countries are compared by :func:`same_event`)."""
    if a is None or b is None or a == b:
        return True
    pa, pb = _place(a), _place(b)
    if pa is None or pb is None:
        return True
    coarse_a, coarse_b = pa[0] in COARSE_FEATURES, pb[0] in COARSE_FEATURES
    if coarse_a and coarse_b:
        return True
    if coarse_a or coarse_b:
        big, small = (pa, pb) if coarse_a else (pb, pa)
        return not (big[0] == "state" and big[1] and small[1] and big[1] != small[1])
    km = _km(pa, pb)
    return km is not None and km <= NEAR_KM


def same_event(a: MergeKey, b: MergeKey) -> bool:
    """Are two reports (of different articles) of one event?  Same CAMEO root, same negation, the same
    country-level actors on each side (either way round for :data:`SYMMETRIC_ROOTS`), compatible dates
    (:data:`ON_OR_BEFORE_WINDOW` and the module docstring), or both undated at the same place; never two
    different known countries of the event's place, and never two different towns or sites
    (:func:`_places_compatible`: a town and its country or region are compatible)."""
    if a.root != b.root or a.negated != b.negated or not a.source_root or not b.source_root:
        return False
    straight = a.source_root == b.source_root and a.target_root == b.target_root
    swapped = a.symmetric and a.source_root == b.target_root and a.target_root == b.source_root
    if not (straight or swapped) or a.target_root is None or b.target_root is None:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if not _places_compatible(a.location_key, b.location_key):
        return False
    if a.date is None and b.date is None:
        return a.location_key is not None and a.location_key == b.location_key
    return _dates_compatible(a, b)


def _root_key(actor_ids: list[str], codes: dict[str, str | None]) -> str | None:
    """The sorted distinct country parts (first three letters) of one side's actor codes; ``None`` if an actor
    has no code, ``""`` for an empty side."""
    keys = [codes.get(actor_id) for actor_id in actor_ids]
    if any(k is None for k in keys):
        return None
    return "|".join(sorted({k[:3] for k in keys if k}))


def _matchable(k: MergeKey) -> bool:
    """Can a report with this key match another at all (a source, a target side, and a date or a place)?"""
    return bool(k.source_root) and k.target_root is not None and (k.date is not None or k.location_key is not None)



#: how far apart the dates of two reports of one event that :func:`same_event` reads as compatible may lie, unless
#: they share the year (a year or month date): a day either way for two day dates, a week before and a day after an
#: ``on_or_before`` date
_WINDOW = ON_OR_BEFORE_WINDOW + _ONE_DAY


def candidate_window(k: MergeKey) -> tuple[dt.date, dt.date, int] | None:
    """``(first, last, year)`` such that a stored report dated ``d`` can be of the same event as a report with key
    ``k`` (:func:`same_event`) only when ``first <= d <= last`` or ``d.year == year``; ``None`` when ``k`` is
    undated (then only an undated report at the same place can be).  Lets the store read the reports of a week
    and a year, not of its whole history, when it matches a new article's events."""
    if k.date is None:
        return None
    return k.date - _WINDOW, k.date + _WINDOW, k.date.year


def _side_key(actor_ids: list[str], codes: dict[str, str | None]) -> str | None:
    """The sorted, de-duplicated codes of one side of an event; ``None`` if an actor has no code."""
    keys = [codes.get(actor_id) for actor_id in actor_ids]
    if any(k is None for k in keys):
        return None
    return "|".join(sorted({k for k in keys if k is not None}))


def _location_key(place: Location | None) -> str | None:
    if place is None:
        return None
    if place.geonames_id is not None:
        return f"geonames:{place.geonames_id}"
    if place.name:
        return f"name:{place.name.casefold()}|{place.country or ''}"
    return None


class ClusterMixin:
    """The clustering half of :class:`~communique.store.db.Store` (``conn`` is the store's connection)."""

    conn: duckdb.DuckDBPyConnection

    def _match_events(self, aid: str, uids: list[int], keys: list[MergeKey]) -> list[int]:
        """The cluster of each new event (``uids[i]`` with merge key ``keys[i]``, in the article's order).

        One query fetches every stored report, from another article, in a block one of the events could
        match (same root and negation, same source and target roots, or swapped for symmetric codes); the
        events are then matched in order exactly as adding them one at a time would: an event joins every
        cluster holding a report of the same event (:func:`same_event`), those clusters merge into the one
        with the smallest id, and a later event of the article sees the merged ids.  The stored reports of
        merged clusters are relabelled with one UPDATE."""
        # (block, date window, place): the stored reports each event could be one with; only those are read, so
        # what one article's matching reads does not grow with the store's history (``candidate_window``)
        blocks: set[tuple[str, bool, str, str, dt.date | None, dt.date | None, int | None, str | None]] = set()
        for k in keys:
            if _matchable(k):
                assert k.source_root is not None and k.target_root is not None
                lo, hi, year = candidate_window(k) or (None, None, None)
                place = k.location_key if k.date is None else None
                blocks.add((k.root, k.negated, k.source_root, k.target_root, lo, hi, year, place))
                if k.symmetric:
                    blocks.add((k.root, k.negated, k.target_root, k.source_root, lo, hi, year, place))
        stored: dict[tuple[str, bool, str, str], list[tuple[int, MergeKey]]] = {}
        if blocks:
            import pyarrow as pa

            cols = list(zip(*blocks, strict=True))
            wanted = pa.table({"root": pa.array(cols[0], pa.string()), "negated": pa.array(cols[1], pa.bool_()),
                               "source_root": pa.array(cols[2], pa.string()),
                               "target_root": pa.array(cols[3], pa.string()), "lo": pa.array(cols[4], pa.date32()),
                               "hi": pa.array(cols[5], pa.date32()), "year": pa.array(cols[6], pa.int32()),
                               "place": pa.array(cols[7], pa.string())})
            self.conn.register("_communique_blocks", wanted)
            try:
                rows = self.conn.execute(
                    "SELECT e.uid, e.article_id, e.cluster_id, e.root, e.source_root, e.target_root, e.negated, "
                    "e.date, e.date_precision, e.location_key, e.location_country, e.family FROM events e "
                    "WHERE e.article_id <> ? AND EXISTS (SELECT 1 FROM _communique_blocks b WHERE e.root = b.root "
                    "AND e.negated = b.negated AND e.source_root = b.source_root AND e.target_root = b.target_root "
                    "AND (CASE WHEN b.lo IS NULL THEN e.date IS NULL AND e.location_key = b.place "
                    "ELSE e.date BETWEEN b.lo AND b.hi OR year(e.date) = b.year END)) ORDER BY e.uid",
                    [aid]).fetchall()
            finally:
                self.conn.unregister("_communique_blocks")
            for r in rows:
                k = _key_of(r)
                stored.setdefault((k.root, k.negated, k.source_root, k.target_root), []).append(  # type: ignore[arg-type]
                    (int(r[2]), k))
        joined: dict[int, int] = {}  # stored cluster id -> the cluster it was merged into

        def find(c: int) -> int:
            while c in joined:
                c = joined[c]
            return c

        out: list[int] = []
        for uid, k in zip(uids, keys, strict=True):
            found: set[int] = set()
            if _matchable(k):
                assert k.source_root is not None and k.target_root is not None
                sides = {(k.source_root, k.target_root)}
                if k.symmetric:
                    sides.add((k.target_root, k.source_root))
                for s, t in sides:
                    found.update(find(c) for c, other in stored.get((k.root, k.negated, s, t), ())
                                 if same_event(k, other))
            cluster_id = min(found) if found else uid
            for c in found:
                if c != cluster_id:
                    joined[c] = cluster_id
            out.append(cluster_id)
        if joined:
            moves = [[c, find(c)] for c in sorted(joined)]
            import pyarrow as pa

            self.conn.register("_communique_moves", pa.table({"old": pa.array([m[0] for m in moves], pa.int64()),
                                                              "new": pa.array([m[1] for m in moves], pa.int64())}))
            try:
                self.conn.execute("UPDATE events SET cluster_id = m.new FROM _communique_moves m "
                                  "WHERE events.cluster_id = m.old")
            finally:
                self.conn.unregister("_communique_moves")
        return [find(c) for c in out]

    def rebuild_clusters(self) -> int:
        """Recompute every event's cluster from the stored reports alone (the merge is a view of them: no
        report is changed or lost); return the number of merged events.  The result is the one adding the
        articles in any order gives: the connected components of :func:`same_event` across articles."""
        conn = self.conn
        try:
            rows = conn.execute(
                "SELECT uid, article_id, cluster_id, root, source_root, target_root, negated, date, "
                "date_precision, location_key, location_country, family FROM events ORDER BY uid").fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"cannot rebuild the merged events: {one_line(exc)}") from exc
        parent = {int(r[0]): int(r[0]) for r in rows}

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        blocks: dict[tuple[Any, ...], list[tuple[int, str, MergeKey]]] = {}
        for r in rows:
            k = _key_of(r)
            if not k.source_root or k.target_root is None:
                continue
            sides = (k.source_root, k.target_root)
            if k.symmetric:
                sides = tuple(sorted(sides))  # type: ignore[assignment]
            blocks.setdefault((k.root, k.negated, sides), []).append((int(r[0]), str(r[1]), k))
        for members in blocks.values():
            for i, (u1, a1, k1) in enumerate(members):
                for u2, a2, k2 in members[i + 1 :]:
                    if a1 != a2 and same_event(k1, k2):
                        r1, r2 = find(u1), find(u2)
                        if r1 != r2:
                            parent[max(r1, r2)] = min(r1, r2)
        with transaction(conn, "cannot rebuild the merged events"):
            conn.executemany("UPDATE events SET cluster_id = ? WHERE uid = ?",
                             [[find(u), u] for u in parent])
            merged.changed(conn)  # every cluster may have changed: the refresh rebuilds the merged tables
            merged.refresh(conn)
        return len({find(u) for u in parent})
