"""``Store.put_many`` (a batch in one transaction, each table's rows appended once) stores what ``put`` one article
after another stores: every table row for row, the same statuses and store generation; a failing article loses
the batch's transaction, and the ingest's writer then stores the batch one by one, so only that article is lost."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from communique import api
from communique.errors import StoreError
from communique.model import Actor, Doc, Role, Span
from communique.store import Store, merged

sys.path.insert(0, str(Path(__file__).parent))
from test_batched_write import generated  # noqa: E402

SKIP = ("added", "applied", "first_seen")  # times of writing


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every base table of the store (times of writing left out), rows sorted."""
    conn = store.conn
    out = {}
    for (table,) in conn.execute("SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                                 "AND table_schema = current_schema() ORDER BY 1").fetchall():
        cols = ", ".join(f'"{r[0]}"' for r in conn.execute(f"DESCRIBE {table}").fetchall() if r[0] not in SKIP)
        out[table] = conn.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
    return out


def with_versions(docs: list[Doc]) -> list[Doc]:
    """``docs`` with story versions mixed in: articles 3 and 40 get URLs; a correction of 3 (same URL, later day)
    comes two places after it, in the same batch of 32; an older version of 40 after 40; article 7 again."""
    docs = [copy.deepcopy(d) for d in docs]
    for k in (3, 40):
        docs[k].article = dataclasses.replace(docs[k].article, url=f"https://news.example/story-{k}")

    def version(k: int, aid: str, days: int) -> Doc:
        d = copy.deepcopy(docs[k])
        art = d.article
        d.article = dataclasses.replace(art, id=aid, text=art.text + " Corrected.",
                                        published=art.published + dt.timedelta(days=days))
        return d

    out = docs[:5] + [version(3, "correction-3", 2)] + docs[5:41] + [version(40, "older-40", -3)] + docs[41:]
    out.insert(20, copy.deepcopy(docs[7]))
    return out


def stored_one_by_one(docs: list[Doc], size: int) -> tuple[Store, list[str]]:
    store = Store.memory()
    statuses = []
    for i in range(0, len(docs), size):
        with store.deferred_merged():
            statuses += [store.put(d).status for d in docs[i:i + size]]
    return store, statuses


def stored_in_batches(docs: list[Doc], size: int) -> tuple[Store, list[str]]:
    store = Store.memory()
    statuses = []
    for i in range(0, len(docs), size):
        with store.deferred_merged():
            statuses += [r.status for r in store.put_many(docs[i:i + size])]
    return store, statuses


def test_a_batch_stores_what_one_article_at_a_time_stores() -> None:
    docs = with_versions(generated(70, 11))
    single, want = stored_one_by_one(copy.deepcopy(docs), 32)
    batched, got = stored_in_batches(copy.deepcopy(docs), 32)
    assert want.count("replaced") == 1 and want.count("superseded") == 1 and want.count("skipped") == 1
    assert got == want
    tables, reference = dump(batched), dump(single)
    assert len(reference["events"]) > 100 and len(reference["story_versions"]) == 2
    assert tables == reference
    assert merged.generation(batched.conn) == merged.generation(single.conn) == want.count("added") + 1
    assert merged.fresh(batched.conn)
    assert batched.events(all_statuses=True) == single.events(all_statuses=True)


def orphans(store: Store) -> dict[str, int]:
    """Rows of each per-article table whose article is no longer stored (0 everywhere after any replacement)."""
    return {table: store.conn.execute(f"SELECT count(*) FROM {table} WHERE article_id NOT IN "
                                      "(SELECT id FROM articles)").fetchone()[0]
            for table in ("events", "actors", "quotes", "mentions", "event_actors", "attributions")}


@pytest.mark.parametrize("how", [stored_one_by_one, stored_in_batches])
def test_a_replaced_story_leaves_no_rows_behind(how: Any) -> None:
    """A newer version replaces the stored story with all it found: its mentions too, one put() at a time, or
    in a batch (the correction of article 3 comes in the same batch as article 3)."""
    docs = with_versions(generated(70, 11))
    store, statuses = how(copy.deepcopy(docs), 32)
    assert statuses.count("replaced") == 1
    assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0
    assert orphans(store) == dict.fromkeys(("events", "actors", "quotes", "mentions", "event_actors",
                                            "attributions"), 0)


def test_articles_of_one_batch_keep_their_order_of_storing() -> None:
    docs = generated(6, 3)
    store = Store.memory()
    store.put_many(list(reversed(docs)))
    order = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY added").fetchall()]
    assert order == [d.article.id for d in reversed(docs)]


def broken(docs: list[Doc], k: int) -> list[Doc]:
    """``docs`` with article ``k`` given two actors of one id (the store's key refuses it)."""
    docs = copy.deepcopy(docs)
    docs[k].actors.append(Actor(docs[k].actors[0].id, "twin", "group"))
    return docs


def test_a_failing_article_stores_nothing_of_the_batch() -> None:
    store = Store.memory()
    with pytest.raises(StoreError):
        store.put_many(broken(generated(5, 4), 2))
    assert store.count()["articles"] == 0


def test_ingest_writer_loses_only_the_failing_article_of_a_batch() -> None:
    docs = broken(generated(8, 5), 3)
    store, reference = Store.memory(), Store.memory()
    outcomes = list(api._store_batch(docs, lambda read_only: contextlib.nullcontext(store)))
    assert [o.status for o in outcomes] == ["added"] * 3 + ["failed"] + ["added"] * 4
    # the failed batch took its reports' uids (DuckDB's sequences are not rolled back), as a failed put() does
    reference.conn.execute("SELECT nextval('event_uid') FROM range(?)", [sum(len(d.events) for d in docs)])
    for d in copy.deepcopy(docs[:3] + docs[4:]):
        reference.put(d)
    assert dump(store) == dump(reference)


@pytest.mark.parametrize("where", ["last", "twice_last", "stored_earlier_last", "version_last"])
def test_a_batch_ending_in_an_article_stored_before_is_stored(where: str) -> None:
    """An article the store already holds (or a story version it lists) is skipped wherever it comes in the
    batch; a skipped one at the batch's end must not leave the lookup's result open for the batch's appends
    (DuckDB refused them: "connection has an unfinished result")."""
    docs = generated(6, 7)
    store = Store.memory()
    store.put_many(docs[:2])
    batch = {
        "last": docs[2:5] + [docs[0]],
        "twice_last": docs[2:5] + [docs[3]],
        "stored_earlier_last": docs[2:5] + [docs[1], docs[0]],
        "version_last": docs[2:5],
    }[where]
    if where == "version_last":
        older = copy.deepcopy(docs[5])
        older.article = dataclasses.replace(older.article, id="older-5", text=older.article.text + " Earlier.",
                                            published=older.article.published - dt.timedelta(days=2))
        store.put(docs[5])
        assert store.put(older).status == "superseded"  # listed among docs[5]'s versions only
        batch = [*batch, older]
    with store.deferred_merged():
        statuses = [r.status for r in store.put_many(batch)]
    assert statuses == ["added"] * 3 + ["skipped"] * (len(batch) - 3)
    assert store.count()["articles"] == (6 if where == "version_last" else 5)


def newer_copies(docs: list[Doc], rounds: int) -> list[Doc]:
    """``docs`` followed by ``rounds`` newer versions of each (the text with a closing line of its own: near-identical),
    so each version replaces the one before: in the same batch or in an earlier one, wherever the batches fall."""
    out = [copy.deepcopy(d) for d in docs]
    for r in range(rounds):
        for d in docs:
            c = copy.deepcopy(d)
            c.article = dataclasses.replace(d.article, id=f"{d.article.id}-v{r + 2}",
                                            text=f"{d.article.text} Version {r + 2}.")
            out.append(c)
    return out


@pytest.mark.parametrize(("n", "rounds", "size"), [(10, 3, 32), (20, 2, 7), (5, 4, 3), (8, 1, 16)])
def test_stories_replaced_within_and_across_batches_store_what_put_stores(n: int, rounds: int, size: int) -> None:
    """A replaced story's rows are taken from the batch's pending rows, or deleted once at the batch's end: the
    tables are those of one put() after another, whether the replaced version came in the same batch, an earlier
    one, or was itself replaced in the batch."""
    docs = newer_copies([d for d in generated(n, 13) if len(d.article.text.split()) >= 30], rounds)
    single, want = stored_one_by_one(copy.deepcopy(docs), size)
    batched, got = stored_in_batches(copy.deepcopy(docs), size)
    assert want.count("replaced") >= rounds and got == want
    assert dump(batched) == dump(single)
    assert batched.events(all_statuses=True) == single.events(all_statuses=True)


def test_a_role_learned_early_in_a_batch_fills_a_later_article_of_it() -> None:
    """A batch starting with no stored role still fills an actor from a role an earlier article of the same batch
    stated, as put() one after another does."""
    docs = generated(4, 21)
    teacher, learner = copy.deepcopy(docs[0]), copy.deepcopy(docs[1])
    teacher.article = dataclasses.replace(teacher.article, text="President Ama Osei of Ghana spoke. " +
                                          teacher.article.text, published=dt.date(2024, 3, 1))
    teacher.actors.append(Actor("p1", "Ama Osei", "person", code="GHAGOV", country="GHA", sector="GOV",
                                roles=[Role("President", "GHA", "GOV", None, Span(0, 9))]))
    learner.actors.append(Actor("p1", "Ama Osei", "person"))
    learner.article = dataclasses.replace(learner.article, published=dt.date(2024, 3, 5))
    batch = [teacher, docs[2], learner, docs[3]]
    single, _ = stored_one_by_one(copy.deepcopy(batch), 32)
    batched, _ = stored_in_batches(copy.deepcopy(batch), 32)
    filled = batched.conn.execute("SELECT country, code FROM actors WHERE article_id = ? AND id = 'p1'",
                                  [learner.article.id]).fetchall()
    assert filled == [("GHA", "GHAGOV")]
    assert dump(batched) == dump(single)
