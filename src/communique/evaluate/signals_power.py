"""How many of a generated stream's injected shifts *any* detector could find: a power analysis with an oracle.

For each injected shift of a stream (:mod:`communique.signals.synthetic`), the oracle knows what no
detector knows: the dyad-channel's true expected events per article, its dispersion ``phi`` and the day the
shift starts. Under the old rate the count of day ``d`` is negative binomial with mean
``mu_d = rate x articles_d`` and variance ``mu_d + phi mu_d^2`` (the generator's own model; ``phi = 0``
is Poisson); under the shift its mean is ``factor x mu_d``.

The oracle's test sums the counts over windows of 1, 2 or 3 days that lie wholly inside the shift and end
at most ``max_delay`` (3) days after its start (the windows a daily detector scoring one- to three-day sums,
as :mod:`communique.signals.detect` does, could flag with a delay of 0-3 days: 9 windows), and flags when a
window's sum reaches the upper ``alpha / 3`` quantile of its exact null distribution (the convolution of the
days' negative-binomial counts: a Bonferroni correction for the three window lengths). ``alpha`` is the
false-alarm rate per dyad-channel-day, set so that the expected precision over the stream is ``precision``
(0.80, the issue's target): false alarms ``alpha x dyad-channel-days tested`` are a quarter of the expected
true detections (the sum of every shift's detection probability), solved by iteration. A shift's detection
probability is estimated from ``draws`` samples of its shifted days. The per-window figures ``S_1``, ``S_2``,
``S_3`` are the probabilities that the cumulative sum from the shift's first day over 1, 2, 3 days alone
reaches its threshold.

This is an upper bound for window detectors: a real one estimates the rate and the dispersion from 56
days of history, does not know when a shift starts, must reject the generator's story bursts, and spends
part of its false alarms on them.

Usage: ``communique eval signals --power [--runs 10] [--generator v2]``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import numpy as np
from scipy import stats

from ..signals.synthetic import Stream, generate

#: window lengths the oracle (and the shipped detector) scores
SPANS = (1, 2, 3)
#: days with a baseline before a day can be tested (as the shipped detector's least history)
MIN_HISTORY = 28
RATE_BUCKETS = ((0.0, 1.0, "< 1"), (1.0, 3.0, "1-3"), (3.0, 10.0, "3-10"), (10.0, float("inf"), ">= 10"))


def bucket(base_daily: float) -> str:
    """The baseline-rate band of a shift (expected events a day at the median volume, one channel)."""
    return next(name for lo, hi, name in RATE_BUCKETS if lo <= base_daily < hi)


def _pmf(mu: float, phi: float, n: int) -> np.ndarray:
    x = np.arange(n)
    if phi <= 1e-9:
        return np.asarray(stats.poisson.pmf(x, mu))
    r = 1.0 / phi
    return np.asarray(stats.nbinom.pmf(x, r, r / (r + mu)))


def _threshold(mus: list[float], phi: float, level: float) -> int:
    """The least ``x`` with ``P(sum >= x) <= level`` for the sum of independent NB(mu_d, phi) days."""
    total = sum(mus)
    n = int(total + 40 * np.sqrt(total + phi * total * total) + 60)
    pmf = np.array([1.0])
    for mu in mus:
        pmf = np.convolve(pmf, _pmf(mu, phi, n))[:n]
    upper = 1.0 - np.concatenate([[0.0], np.cumsum(pmf)[:-1]])  # P(S >= x)
    hit = np.flatnonzero(upper <= level)
    return int(hit[0]) if hit.size else n


def _windows(max_delay: int) -> list[tuple[int, int]]:
    return [(b - k + 1, b) for b in range(max_delay + 1) for k in SPANS if b - k + 1 >= 0]


def shift_power(mu0: np.ndarray, factor: float, phi: float, alpha: float, rng: np.random.Generator, *,
                draws: int = 4000, max_delay: int = 3) -> dict[str, float]:
    """Detection probabilities of one shift: ``mu0`` the old expected counts of its first ``max_delay + 1``
    days; returns ``{"any": P(some window flags), "S1": ..., "S2": ..., "S3": ...}`` (module docstring)."""
    level = alpha / len(SPANS)
    mu1 = factor * mu0
    if phi <= 1e-9:
        x = rng.poisson(mu1, size=(draws, len(mu0)))
    else:
        r = 1.0 / phi
        x = rng.negative_binomial(r, r / (r + mu1), size=(draws, len(mu0)))
    cum = np.concatenate([np.zeros((draws, 1)), np.cumsum(x, axis=1)], axis=1)
    hit_any = np.zeros(draws, dtype=bool)
    out: dict[str, float] = {}
    for a, b in _windows(max_delay):
        thr = _threshold([float(m) for m in mu0[a : b + 1]], phi, level)
        hit = cum[:, b + 1] - cum[:, a] >= thr
        hit_any |= hit
        if a == 0 and b + 1 in SPANS:
            out[f"S{b + 1}"] = float(hit.mean())
    out["any"] = float(hit_any.mean())
    return out


def _mu0(stream: Stream, unit: str, channel: str, start: dt.date, days: int) -> np.ndarray:
    rate = stream.rates[(unit, channel)]
    return np.array([rate * stream.unit_volume[start + dt.timedelta(days=j)] for j in range(days)])


def analyse(*, runs: int = 10, seed: int = 0, version: str = "v2", precision: float = 0.80, max_delay: int = 3,
            draws: int = 4000, poisson: bool = False) -> dict[str, Any]:
    """The oracle's detection probability of every injected shift of ``runs`` streams (seeds ``seed`` ..),
    averaged by factor and by factor and baseline band, at the false-alarm rate ``alpha`` that gives
    ``precision`` (module docstring). ``poisson``: as if every dyad-channel had ``phi = 0`` (the stream's
    counts are still what the generator drew; only the oracle's model and the simulated shifts change)."""
    streams = [generate(seed=seed + r, version=version) for r in range(runs)]
    tested = sum(len(s.rates) * max(0, len(s.volume) - MIN_HISTORY) for s in streams)
    shifts = [(s, inj) for s in streams for inj in s.injected]
    alpha = 1e-3
    for _ in range(6):  # expected false alarms = (1 / precision - 1) x expected detections
        rng = np.random.default_rng(12345)
        powers = [shift_power(_mu0(s, inj.unit, inj.channel, inj.start, max_delay + 1), inj.factor,
                              0.0 if poisson else s.dispersion[(inj.unit, inj.channel)], alpha, rng, draws=draws,
                              max_delay=max_delay) for s, inj in shifts]
        expected_true = sum(p["any"] for p in powers)
        new = (1.0 / precision - 1.0) * expected_true / tested
        if abs(new - alpha) < 0.02 * alpha:
            alpha = new
            break
        alpha = new
    by_factor: dict[str, list[dict[str, float]]] = defaultdict(list)
    by_band: dict[str, list[dict[str, float]]] = defaultdict(list)
    for (_, inj), p in zip(shifts, powers, strict=True):
        by_factor[f"{inj.factor:g}x"].append(p)
        by_band[f"{inj.factor:g}x, {bucket(inj.base_daily)} events/day"].append(p)

    def mean(rows: list[dict[str, float]]) -> dict[str, Any]:
        keys = ("any", "S1", "S2", "S3")
        return {"shifts": len(rows), **{k: round(float(np.mean([r.get(k, 0.0) for r in rows])), 3) for k in keys}}

    def order(k: str) -> tuple[float, int]:
        factor, _, band = k.partition("x")
        names = [b[2] for b in RATE_BUCKETS]
        return float(factor), next((i for i, n in enumerate(names) if f" {n} " in band + " "), -1)

    return {"runs": runs, "seed": seed, "generator": version, "precision": precision, "max_delay_days": max_delay,
            "model": "poisson" if poisson else "negative binomial", "alpha_per_unit_day": alpha,
            "unit_days_tested": tested,
            "by_factor": {k: mean(v) for k, v in sorted(by_factor.items(), key=lambda kv: order(kv[0]))},
            "by_factor_and_rate": {k: mean(v) for k, v in sorted(by_band.items(), key=lambda kv: order(kv[0]))}}


def render(result: dict[str, Any]) -> str:
    lines = [f"oracle power ({result['model']}), generated streams {result['generator']}, {result['runs']} "
             f"(seeds {result['seed']}..{result['seed'] + result['runs'] - 1}); precision {result['precision']}: "
             f"alpha {result['alpha_per_unit_day']:.2e} per dyad-channel-day "
             f"(1 in {1 / result['alpha_per_unit_day']:,.0f}); found = flagged within {result['max_delay_days']} days",
             "", f"{'shift':<34}{'shifts':>8}{'any window':>12}{'S_1':>8}{'S_2':>8}{'S_3':>8}"]
    for table in (result["by_factor"], result["by_factor_and_rate"]):
        for k, row in table.items():
            lines.append(f"{k:<34}{row['shifts']:>8}{row['any']:>12.3f}{row['S1']:>8.3f}{row['S2']:>8.3f}"
                         f"{row['S3']:>8.3f}")
        lines.append("")
    return "\n".join(lines).rstrip()
