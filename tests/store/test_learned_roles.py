"""``LearnedRoles`` (what ingest re-reads after each batch) gives what ``known_actors`` reads whole, however the
role rows arrive: in steps, several for one name, none, or written with an earlier time than the last it saw."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.store import Store
from communique.store.roles import LearnedRoles, _insert_rows, _key, known_actors

NAMES = ["Amina Diallo", "Moussa Diallo", "Karl Brandt", "Lena Brandt Hofer", "Tomas Ruiz", "Ruiz"]

row_st = st.tuples(st.sampled_from(NAMES), st.sampled_from(["learned", "learned", "user"]), st.integers(0, 40),
                   st.sampled_from([None, "FRA", "MLI", "DEU"]), st.sampled_from([None, "GOV", "MIL"]))


def insert(store: Store, rows: list[tuple], added: dt.datetime | None = None) -> None:
    day0 = dt.date(2025, 1, 1)
    _insert_rows(store.conn, [[_key(name), name, "Minister", country, sector, None, day0 + dt.timedelta(days=obs),
                               None, source, None, None, None, None] for name, source, obs, country, sector in rows])
    if added is not None:  # rows another writer stamped earlier than the newest the reader saw
        n = len(rows)
        store.conn.execute("UPDATE actor_roles SET added = ? WHERE rowid IN "
                           "(SELECT rowid FROM actor_roles ORDER BY rowid DESC LIMIT ?)", [added, n])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(row_st, max_size=5), min_size=1, max_size=5), st.lists(st.booleans(), max_size=5))
def test_read_in_steps_equals_read_whole(steps: list[list[tuple]], backdated: list[bool]) -> None:
    with Store.memory() as store:
        learned = LearnedRoles()
        before: list = []
        for i, rows in enumerate(steps):
            early = dt.datetime(2000, 1, 1) if i < len(backdated) and backdated[i] else None
            insert(store, rows, early)
            whole = known_actors(store.conn)
            changed = learned.update(store.conn)
            assert learned.entries == whole
            if whole != before:
                assert changed
            before = whole
        assert learned.update(store.conn) is False  # nothing new: nothing read again


def test_a_new_role_of_a_known_name_ends_the_old_one() -> None:
    with Store.memory() as store:
        learned = LearnedRoles()
        insert(store, [("Karl Brandt", "learned", 0, "DEU", "GOV")])
        assert learned.update(store.conn)
        assert [e.valid_to for e in learned.entries] == [None]
        insert(store, [("Karl Brandt", "learned", 10, "FRA", "GOV"), ("Tomas Ruiz", "learned", 3, "MLI", None)])
        assert learned.update(store.conn)
        assert [(e.name, e.country, e.valid_to) for e in learned.entries] == [
            ("Karl Brandt", "DEU", dt.date(2025, 1, 10)), ("Karl Brandt", "FRA", None), ("Tomas Ruiz", "MLI", None)]
        assert learned.entries == known_actors(store.conn)
