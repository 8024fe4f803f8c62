"""A generated but realistic event stream with known shifts, for measuring the signal detector.

* **Article volume**: 4,000 articles a day (a mid-sized feed; GDELT reads about 100,000), weekends at 55%,
  day-to-day noise (log-normal, sigma 0.25), and "busy news days" (three times the volume) on about one day
  in twenty, when every dyad's events rise with the volume: a busy day is not a shift.
* **Dyads**: ``dyads`` country pairs drawn from real ISO3 codes. Each has a cooperation and a conflict rate
  per article; at the median volume the expected events a day are log-normal around 8 (sigma 0.9, clipped
  to 0.5 .. 60), split between the channels (30-80% cooperation). Daily counts are negative binomial
  around ``rate x volume`` (variance ``mu + 0.15 mu^2``).
* **Shifts**: ``shifts`` (dyad, channel) pairs get, from a day between 60 and ``days - 20``, their rate
  multiplied by a factor (1.5, 2, 3 or 5; or 0.2, a fall, on dyads with at least 6 expected events a day)
  for 10 days.

Everything comes from one :class:`numpy.random.Generator` seeded with ``seed``: the same seed gives the same
stream.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

ISO3 = ("USA", "RUS", "CHN", "SYR", "TUR", "IRN", "ISR", "UKR", "DEU", "FRA", "GBR", "IND", "PAK", "SAU", "EGY",
        "IRQ", "JPN", "KOR", "PRK", "BRA", "ARG", "MEX", "NGA", "ETH", "KEN", "SDN", "LBY", "ARM", "AZE", "GEO",
        "VNM", "PHL", "IDN", "AFG", "QAT", "ARE", "JOR", "LBN", "YEM", "SOM")
FACTORS = (1.5, 2.0, 3.0, 5.0)
DURATION = 10


@dataclass(frozen=True)
class Injected:
    """A known shift: ``unit`` (``AAA–BBB``), ``channel``, ``factor`` (rate multiplier), the first and last
    day it holds, and the expected daily events before it (at the median volume)."""

    unit: str
    channel: str
    factor: float
    start: dt.date
    end: dt.date
    base_daily: float

    @property
    def direction(self) -> str:
        up = self.factor > 1
        return "toward cooperation" if (self.channel == "cooperation") == up else "toward conflict"


@dataclass
class Stream:
    rows: list[dict[str, Any]]
    volume: dict[dt.date, float]
    injected: list[Injected]
    busy_days: list[dt.date]


def generate(*, seed: int = 0, days: int = 200, dyads: int = 60, shifts: int = 48,
             start: dt.date = dt.date(2025, 1, 1)) -> Stream:
    """The stream described in the module docstring (``days`` days from ``start``)."""
    rng = np.random.default_rng(seed)
    dates = [start + dt.timedelta(days=i) for i in range(days)]
    weekly = np.array([0.55 if d.weekday() >= 5 else 1.0 for d in dates])
    busy = rng.random(days) < 0.05
    volume = 4000 * weekly * rng.lognormal(0.0, 0.25, days) * np.where(busy, 3.0, 1.0)
    median_volume = float(np.median(volume))
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < dyads:
        a, b = rng.choice(len(ISO3), 2, replace=False)
        pairs.add(tuple(sorted((ISO3[a], ISO3[b]))))  # type: ignore[arg-type]
    units = sorted(pairs)
    daily = rng.lognormal(np.log(8.0), 0.9, len(units)).clip(0.5, 60)
    coop_share = rng.uniform(0.3, 0.8, len(units))
    rates = {}
    for (a, b), d, share in zip(units, daily, coop_share, strict=True):
        rates[(a, b, "cooperation")] = d * share / median_volume
        rates[(a, b, "conflict")] = d * (1 - share) / median_volume
    multiplier = {key: np.ones(days) for key in rates}
    injected: list[Injected] = []
    keys = sorted(rates)
    for idx in rng.permutation(len(keys))[:shifts]:
        a, b, ch = keys[idx]
        base = rates[(a, b, ch)] * median_volume
        factor = float(rng.choice(FACTORS)) if base < 6 or rng.random() < 0.7 else 0.2
        day0 = int(rng.integers(60, days - 20))
        multiplier[(a, b, ch)][day0 : day0 + DURATION] = factor
        injected.append(Injected(f"{a}–{b}", ch, factor, dates[day0], dates[day0 + DURATION - 1], round(base, 2)))
    rows: list[dict[str, Any]] = []
    cid = 0
    phi = 0.15
    for (a, b, ch), rate in rates.items():
        mu = rate * volume * multiplier[(a, b, ch)]
        r = 1 / phi
        counts = rng.negative_binomial(r, r / (r + mu))
        for i, n in enumerate(counts):
            for _ in range(int(n)):
                cid += 1
                coop = ch == "cooperation"
                quad = int(rng.choice((1, 2))) if coop else int(rng.choice((3, 4)))
                gold = float(rng.choice((1.0, 3.0, 4.0, 7.0))) if coop else float(rng.choice((-2.0, -5.0, -10.0)))
                src, tgt = (a, b) if rng.random() < 0.5 else (b, a)
                rows.append({"cluster_id": cid, "date": dates[i], "quad_class": quad, "goldstein": gold,
                             "source": f"{src}GOV", "target": f"{tgt}GOV", "status": "reported"})
    return Stream(rows, {d: float(v) for d, v in zip(dates, volume, strict=True)}, sorted(
        injected, key=lambda s: (s.start, s.unit)), [d for d, bz in zip(dates, busy, strict=True) if bz])
