"""``roles_of_many`` (the batched lookup ``complete_doc`` uses) gives, for every name, what ``roles_of`` gives."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.store import Store
from communique.store.roles import _insert_rows, _key, roles_of, roles_of_many

NAMES = ["Amina Diallo", "Moussa Diallo", "Karl Brandt", "Lena Brandt Hofer", "Tomas Ruiz", "Ruiz", "o_neil",
         "Sean O'Neil", "Sean Oxneil"]
QUERIES = [*NAMES, "Diallo", "Brandt", "Hofer", "ruiz", "  tomas   RUIZ ", "Neil", "O'Neil", "Oxneil", "_neil",
           "Nobody", ""]

row_st = st.tuples(st.sampled_from(NAMES), st.sampled_from(["learned", "user"]), st.integers(0, 40),
                   st.sampled_from([None, "FRA", "MLI", "DEU"]), st.sampled_from([None, "GOV", "MIL"]),
                   st.sampled_from([None, "IGOUNO"]), st.one_of(st.none(), st.integers(0, 60)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row_st, max_size=14, unique_by=lambda r: (r[0], r[1], r[2])),
       st.lists(st.sampled_from(QUERIES), max_size=8))
def test_many_equals_one_by_one(rows: list[tuple], queries: list[str]) -> None:
    day0 = dt.date(2025, 1, 1)
    with Store.memory() as store:
        _insert_rows(store.conn, [
            [_key(name), name, "Minister", country, sector, code, day0 + dt.timedelta(days=obs),
             None if until is None else day0 + dt.timedelta(days=obs + until), source, None, None, None, None]
            for name, source, obs, country, sector, code, until in rows])
        got = roles_of_many(store.conn, queries)
        assert set(got) == set(queries)
        for q in queries:
            assert got[q] == roles_of(store.conn, q), q
