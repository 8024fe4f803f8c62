"""The oracle power analysis of the signal detector's generated streams."""

from __future__ import annotations

import numpy as np
from scipy import stats

from communique.evaluate.signals_power import _threshold, bucket, shift_power
from communique.signals.synthetic import generate


def test_the_threshold_is_the_exact_upper_quantile() -> None:
    # one Poisson day of mean 4: the least x with P(X >= x) <= 0.001
    want = next(x for x in range(100) if stats.poisson.sf(x - 1, 4.0) <= 0.001)
    assert _threshold([4.0], 0.0, 0.001) == want
    # three days sum like one Poisson of the summed mean
    want3 = next(x for x in range(200) if stats.poisson.sf(x - 1, 12.0) <= 0.001)
    assert _threshold([4.0, 5.0, 3.0], 0.0, 0.001) == want3
    # over-dispersion raises the bar
    assert _threshold([4.0, 5.0, 3.0], 0.3, 0.001) > want3


def test_power_grows_with_the_baseline_and_falls_with_dispersion() -> None:
    rng = np.random.default_rng(0)
    alpha = 1e-4
    sparse = shift_power(np.full(4, 0.2), 3.0, 0.0, alpha, rng, draws=2000)
    busy = shift_power(np.full(4, 20.0), 3.0, 0.0, alpha, rng, draws=2000)
    busy_dispersed = shift_power(np.full(4, 20.0), 3.0, 0.3, alpha, rng, draws=2000)
    assert sparse["any"] < 0.05  # 0.6 expected events a day under the shift: undetectable
    assert busy["any"] > 0.99
    assert 0.3 < busy_dispersed["any"] < 0.95
    # the cumulative sums gain power day by day, and any window is at least as good as each
    for p in (sparse, busy, busy_dispersed):
        assert p["S1"] <= p["S2"] + 0.02 and p["S2"] <= p["S3"] + 0.02 and p["any"] >= p["S3"]


def test_streams_carry_what_the_oracle_needs() -> None:
    for version in ("v1", "v2"):
        stream = generate(seed=3, days=90, dyads=10, shifts=4, version=version)
        assert len(stream.rates) == len(stream.dispersion) == 20
        assert set(stream.unit_volume) == set(stream.volume)
        for inj in stream.injected:
            median = float(np.median(list(stream.unit_volume.values())))
            assert abs(stream.rates[(inj.unit, inj.channel)] * median - inj.base_daily) < 0.01
    assert [bucket(x) for x in (0.5, 1.0, 2.9, 3.0, 10.0)] == ["< 1", "1-3", "1-3", "3-10", ">= 10"]
