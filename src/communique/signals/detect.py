"""Shifts in relations: a negative-binomial surprise score against a rolling, volume-normalised baseline.

Method (for each unit and channel of a :class:`~.series.Series`, each day ``t``):

1. **Baseline.** Over the ``window`` days before the tested stretch (28 by default; at least
   ``min_history`` days with articles), the unit's rate per article is
   ``rate = (events + 0.5) / (articles + 1)``.
2. **Normalised for the news volume.** The expected count over the last ``k`` days (``k`` = 1, 2, 3) is
   ``mu = rate x articles published in those days``, so a busy news day raises the expectation with it
   and is not, by itself, a signal.
3. **Over-dispersion.** From the baseline days' residuals, ``phi = max(0, var - mean(mu_d)) / mean(mu_d^2)``
   (method of moments, capped at 2), shrunk toward the median over all units (weight: 28 days), so that
   daily counts are negative binomial with variance ``mu + phi mu^2``. A ``k``-day sum has ``phi / k``; the
   uncertainty of the baseline rate itself adds ``1 / (baseline events + 0.5)`` to it.
4. **Surprise.** ``p = P(X >= observed)`` (an increase) or ``P(X <= observed)`` (a decrease, tested only
   where ``mu >= 5``, since fewer than five expected events cannot fall significantly). The score is
   ``-log10(p) - log10(3)`` (three window lengths tried), the best ``k`` kept.
5. **Signal.** A day scoring at least ``min_score`` with at least ``min_events`` events (increases) is
   flagged; consecutive flagged days of one unit, channel and direction make one :class:`Signal`.

Direction: more cooperation or less conflict is ``toward cooperation``; more conflict or less
cooperation is ``toward conflict``. Each signal lists the merged events behind it and the mean Goldstein
score of the unit's events before and during the window. Scores are base-10 logs: 4 means one chance
in 10,000 under the baseline (after the adjustments for the window lengths). The default threshold,
3.5, was chosen on generated streams (``communique eval signals``) for precision about 0.8.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import stats

from .series import Series

WINDOW = 28
MIN_HISTORY = 14
SPANS = (1, 2, 3)
#: extra evidence asked of shorter windows: a one-day burst must be this much more surprising than a
#: three-day shift (news is bursty; a shift in relations lasts)
SPAN_PENALTY = {1: 1.0, 2: 0.5, 3: 0.0}
MIN_SCORE = 3.5
MIN_EVENTS = 3


@dataclass
class Signal:
    """One shift: ``unit`` (``RUS–SYR``), ``level``, ``channel`` (cooperation | conflict), ``change``
    (increase | decrease), ``direction`` (toward cooperation | toward conflict), ``start``/``end`` (ISO
    days of the flagged stretch), ``score`` (the best day's, see the module docstring), ``observed`` and
    ``expected`` events on the best day's window, ``detected`` the first flagged day (when a monitor
    running daily would have raised it; ``start`` is the first day of the window it covers),
    ``goldstein_before``/``goldstein_during`` (mean
    Goldstein of the unit's events in the baseline and in the signal window; None without events) and
    ``events`` (cluster ids of the merged events behind it, by day)."""

    unit: str
    level: str
    channel: str
    change: str
    direction: str
    start: dt.date
    end: dt.date
    score: float
    observed: int
    expected: float
    goldstein_before: float | None = None
    goldstein_during: float | None = None
    events: list[Any] = field(default_factory=list)
    detected: dt.date | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "level": self.level, "channel": self.channel, "change": self.change,
                "direction": self.direction, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "score": round(self.score, 2), "observed": self.observed, "expected": round(self.expected, 2),
                "goldstein_before": self.goldstein_before, "goldstein_during": self.goldstein_during,
                "events": self.events, "detected": self.detected.isoformat() if self.detected else None}


def _tails(x: np.ndarray, mu: np.ndarray, phi: np.ndarray, upper: bool) -> np.ndarray:
    """P(X >= x) (``upper``) or P(X <= x) under NB(mean mu, variance mu + phi mu^2), Poisson where phi ~ 0."""
    mu = np.maximum(mu, 1e-12)
    pois = stats.poisson.sf(x - 1, mu) if upper else stats.poisson.cdf(x, mu)
    r = 1.0 / np.maximum(phi, 1e-9)
    nb = stats.nbinom.sf(x - 1, r, r / (r + mu)) if upper else stats.nbinom.cdf(x, r, r / (r + mu))
    return np.where(phi <= 1e-9, pois, nb)


def day_scores(counts: list[int], volume: list[float], *, window: int = WINDOW, min_history: int = MIN_HISTORY,
               spans: tuple[int, ...] = SPANS, pooled_phi: float | None = None,
               ) -> list[tuple[float, float, int, float, int]]:
    """For each day: ``(up_score, down_score, observed, expected, span)`` of its best window length
    (scores 0 where the history is too short). Pure and vectorised (numpy, scipy): lists of equal length
    in, one tuple a day out."""
    c = np.asarray(counts, dtype=float)
    v = np.asarray(volume, dtype=float)
    n = len(c)
    if n == 0:
        return []

    def cum(a: np.ndarray) -> np.ndarray:
        return np.concatenate([[0.0], np.cumsum(a)])

    C, V, H = cum(c), cum(v), cum((v > 0).astype(float))
    C2, CV, V2, D = cum(c * c), cum(c * v), cum(v * v), cum(np.ones(n))
    adjust = math.log10(len(spans))
    t = np.arange(n)
    best_up, best_down = np.zeros(n), np.zeros(n)
    best_x, best_mu, best_k = c.copy(), np.zeros(n), np.ones(n, dtype=int)
    for k in spans:
        lo = t - k + 1
        ok = lo >= 0
        lo_c = np.clip(lo, 0, n)
        b0 = np.clip(lo_c - window, 0, n)
        hist = H[lo_c] - H[b0]
        ok &= hist >= min_history
        events, articles = C[lo_c] - C[b0], V[lo_c] - V[b0]
        rate = (events + 0.5) / (articles + 1.0)
        days = np.maximum(D[lo_c] - D[b0], 2.0)
        ss = (C2[lo_c] - C2[b0]) - 2 * rate * (CV[lo_c] - CV[b0]) + rate * rate * (V2[lo_c] - V2[b0])
        mean_mu = rate * articles / days
        mean_mu2 = rate * rate * (V2[lo_c] - V2[b0]) / days
        daily_phi = np.where(mean_mu2 > 0, np.clip((ss / (days - 1) - mean_mu) / np.maximum(mean_mu2, 1e-12),
                                                   0, 2), 0)
        if pooled_phi is not None:  # shrink the unit's own estimate toward the pool's (28 days are few)
            daily_phi = (hist * daily_phi + 28.0 * pooled_phi) / (hist + 28.0)
        # a k-day sum of NB days has phi/k; the baseline rate's own uncertainty adds 1/(events + 0.5)
        phi = daily_phi / k + 1.0 / (events + 0.5)
        x = C[t + 1] - C[lo_c]
        mu = rate * (V[t + 1] - V[lo_c])
        with np.errstate(divide="ignore"):
            pen = adjust + SPAN_PENALTY.get(k, 0.0)
            up = -np.log10(np.maximum(_tails(x, mu, phi, True), 1e-300)) - pen
            down = np.where(mu >= 5, -np.log10(np.maximum(_tails(x, mu, phi, False), 1e-300)) - pen, 0.0)
        up, down = np.where(ok, np.maximum(up, 0), 0), np.where(ok, np.maximum(down, 0), 0)
        better = np.maximum(up, down) > np.maximum(best_up, best_down)
        best_up, best_down = np.where(better, up, best_up), np.where(better, down, best_down)
        best_x, best_mu = np.where(better, x, best_x), np.where(better, mu, best_mu)
        best_k = np.where(better, k, best_k)
    return [(float(a), float(b), int(xx), float(m), int(kk))
            for a, b, xx, m, kk in zip(best_up, best_down, best_x, best_mu, best_k, strict=True)]


def pooled_dispersion(series: Series, *, window: int = WINDOW) -> float:
    """The median, over units with at least ``window`` events, of the whole-series NB dispersion
    (method of moments with the unit's mean rate per article); 0 when no unit has that many."""
    v = np.asarray(series.volume, dtype=float)
    found = []
    for counts in series.counts.values():
        c = np.asarray(counts, dtype=float)
        if c.sum() < window or v.sum() <= 0:
            continue
        mu = c.sum() / v.sum() * v
        mean_mu2 = float(np.mean(mu * mu))
        if mean_mu2 > 0:
            found.append(min(2.0, max(0.0, (float(np.var(c - mu, ddof=1)) - float(np.mean(mu))) / mean_mu2)))
    return float(np.median(found)) if found else 0.0


def detect(series: Series, *, level: str = "country", min_score: float = MIN_SCORE, min_events: int = MIN_EVENTS,
           since: dt.date | None = None, window: int = WINDOW, min_history: int = MIN_HISTORY) -> list[Signal]:
    """Signals in ``series`` (see the module docstring), strongest first; ``since`` keeps those that end on
    or after it."""
    found: list[Signal] = []
    pooled = pooled_dispersion(series, window=window)
    for (unit, ch), counts in series.counts.items():
        scores = day_scores(counts, series.volume, window=window, min_history=min_history, pooled_phi=pooled)
        gold = series.goldstein[(unit, ch)]
        open_: dict[str, Signal] = {}
        for t, (up, down, x, mu, k) in enumerate(scores):
            day = series.days[t]
            for change, score in (("increase", up), ("decrease", down)):
                hit = score >= min_score and (change == "decrease" or x >= min_events)
                sig = open_.get(change)
                if hit:
                    if sig is None:
                        direction = ("toward cooperation" if (ch == "cooperation") == (change == "increase")
                                     else "toward conflict")
                        sig = Signal(unit, level, ch, change, direction, series.days[max(0, t - k + 1)], day,
                                     score, x, mu, detected=day)
                        open_[change] = sig
                        found.append(sig)
                    sig.end = day
                    if score > sig.score:
                        sig.score, sig.observed, sig.expected = score, x, mu
                elif sig is not None:
                    del open_[change]
        for sig in found:
            if sig.unit == unit and sig.channel == ch and not sig.events:
                _explain(sig, series, counts, gold, window)
    if since is not None:
        found = [s for s in found if s.end >= since]
    return sorted(found, key=lambda s: (-s.score, s.start, s.unit))


def _explain(sig: Signal, series: Series, counts: list[int], gold: list[float], window: int) -> None:
    i0, i1 = series.index(sig.start), series.index(sig.end)
    before = range(max(0, i0 - window), i0)
    n_before = sum(counts[d] for d in before)
    n_during = sum(counts[i0 : i1 + 1])
    sig.goldstein_before = round(sum(gold[d] for d in before) / n_before, 2) if n_before else None
    sig.goldstein_during = round(sum(gold[i0 : i1 + 1]) / n_during, 2) if n_during else None
    by_day = series.events.get((sig.unit, sig.channel), {})
    sig.events = [e for d in series.days[i0 : i1 + 1] for e in by_day.get(d, [])]
