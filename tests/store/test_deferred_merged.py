"""Merged-event tables refreshed once per batch of writes (``Store.deferred_merged``) equal the tables kept up to
date article by article, and a rebuild from the reports; stale tables in between are detected by readers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import analysis as an
from communique.store import Store, merged

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))
from synthetic import docs  # noqa: E402
from test_merged import article_st, from_reports, make_doc, table_rows  # noqa: E402


def test_batch_refreshes_once_and_readers_see_stale_tables_meanwhile() -> None:
    with Store.memory() as batched, Store.memory() as single:
        calls: list[str] = []
        real = merged.refresh
        with batched.deferred_merged():
            for doc in docs():
                batched.add(doc)
                assert not merged.fresh(batched.conn)  # readers compute from the reports meanwhile
            merged.refresh = lambda conn: calls.append("r") or real(conn)  # type: ignore[assignment]
        merged.refresh = real  # type: ignore[assignment]
        assert calls == ["r"]
        assert merged.fresh(batched.conn)
        for doc in docs():
            single.add(doc)
        assert table_rows(batched.conn) == table_rows(single.conn) == from_reports(batched.conn)
        assert an.event_rows(batched.conn) == an.event_rows(single.conn)


@pytest.mark.slow  # minutes on 2 busy cores: run apart (./run test -m slow)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_st, min_size=1, max_size=9), st.lists(st.integers(1, 4), min_size=1, max_size=9))
def test_batched_tables_equal_per_article_tables(articles: list[list[dict[str, Any]]], sizes: list[int]) -> None:
    with Store.memory() as batched, Store.memory() as single:
        for n, events in enumerate(articles):
            single.add(make_doc(n, events))
        n, i = 0, 0
        while n < len(articles):
            size = sizes[i % len(sizes)]
            with batched.deferred_merged():
                for k in range(n, min(n + size, len(articles))):
                    batched.add(make_doc(k, articles[k]))
            assert merged.fresh(batched.conn)
            n, i = n + size, i + 1
        assert table_rows(batched.conn) == table_rows(single.conn) == from_reports(batched.conn)
