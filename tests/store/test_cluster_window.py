"""The store reads, for a new event, only the stored reports dated within its candidate window
(:func:`communique.store.db.clusters.candidate_window`): every report :func:`same_event` could merge with it
must lie inside, so the window changes what is read, never what merges."""

from __future__ import annotations

import datetime as dt
import itertools

from communique.store.db.clusters import MergeKey, candidate_window, same_event

PRECISIONS = ("day", None, "month", "year", "on_or_before", "week")


def _key(date: dt.date | None, precision: str | None, place: str | None = None) -> MergeKey:
    return MergeKey(root="19", source_root="UAF", target_root="MLI", negated=False, date=date, precision=precision,
                    location_key=place, country=None, family="190")


def _inside(k: MergeKey, other: MergeKey) -> bool:
    window = candidate_window(k)
    if window is None:
        return other.date is None and other.location_key == k.location_key
    lo, hi, year = window
    return other.date is not None and (lo <= other.date <= hi or other.date.year == year)


def test_every_report_that_can_merge_lies_in_the_window() -> None:
    # dates around a year's end and a month's end, every precision either side, and undated reports at places
    days = [dt.date(2024, 12, 20) + dt.timedelta(days=n) for n in range(0, 30)] + [dt.date(2024, 6, 30),
                                                                                   dt.date(2025, 7, 1), None]
    keys = [_key(d, p, place) for d in days for p in PRECISIONS for place in (None, "geonames:1")]
    merged = 0
    for a, b in itertools.product(keys, repeat=2):
        if same_event(a, b):
            merged += 1
            assert _inside(a, b), (a, b)
    assert merged > 1000  # the grid holds many pairs of one event, across the year's end too
    # and the window is narrower than the history: a day report of two months before is outside
    assert not _inside(_key(dt.date(2025, 3, 10), "day"), _key(dt.date(2024, 1, 10), "day"))

