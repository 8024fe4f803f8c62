"""Roles learned from the news: dated, superseded for later days only, user roles first, text first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from communique import Pipeline, analyze
from communique.errors import InputError
from communique.store import Store
from communique.store.roles import export_rows, import_rows, list_actors, role_on, roles_of


def _add(store: Store, text: str, day: str, pipeline: Pipeline) -> None:
    assert store.add(analyze(text, published=day, pipeline=pipeline))


def test_roles_are_learned_dated_and_superseded_without_rewriting_history(pipeline: Pipeline) -> None:
    store = Store.memory()
    _add(store, "Zambian Finance Minister Chanda Mwale met bankers in Lusaka on Monday.", "2025-03-03", pipeline)
    _add(store, "Zambian opposition leader Chanda Mwale addressed a rally in Ndola on Friday.", "2025-09-12", pipeline)
    rows = roles_of(store.conn, "Mwale")
    assert [(r["name"], r["country"], r["sector"], r["observed"], r["held_until"], r["evidence"]) for r in rows] == [
        ("Chanda Mwale", "ZMB", "GOV", dt.date(2025, 3, 3), dt.date(2025, 9, 11), "Zambian Finance Minister"),
        ("Chanda Mwale", "ZMB", "OPP", dt.date(2025, 9, 12), None, "Zambian opposition leader"),
    ]
    assert role_on(store.conn, "Chanda Mwale", dt.date(2025, 5, 1))["sector"] == "GOV"  # type: ignore[index]
    assert role_on(store.conn, "Chanda Mwale", dt.date(2025, 10, 1))["sector"] == "OPP"  # type: ignore[index]
    assert role_on(store.conn, "Chanda Mwale", dt.date(2025, 1, 1)) is None
    assert [(r["name"], r["country"], r["sector"]) for r in list_actors(store.conn, country="zmb")] == [
        ("Chanda Mwale", "ZMB", "OPP")]
    assert list_actors(store.conn, sector="MIL") == []


def test_a_later_article_naming_only_the_surname_is_served(pipeline: Pipeline, tmp_path: Path) -> None:
    from communique.api import ingest

    store = Store.memory()
    first, later = tmp_path / "first.txt", tmp_path / "later.txt"
    first.write_text("Zambian Finance Minister Chanda Mwale met bankers in Lusaka on Monday.\n", "utf-8")
    later.write_text("Mwale rejected the proposal on Tuesday.\n", "utf-8")
    ingest([first], store=store, published="2025-03-03", pipeline=pipeline)
    report = ingest([later], store=store, published="2025-03-11", pipeline=pipeline, keep_docs=True)
    (doc,) = report.docs
    assert [(a.name, a.code) for a in doc.actors] == [("Chanda Mwale", "ZMBGOV")]
    before = analyze("Mwale rejected the proposal on Tuesday.", published="2025-03-11", pipeline=pipeline)
    # the pipeline itself is left as it was: the bare surname is an unknown party, not the minister
    assert [(a.name, a.code, a.country) for a in before.actors] == [("Mwale", None, None)]


def test_user_roles_override_learned_ones_but_the_article_wins(pipeline: Pipeline) -> None:
    store = Store.memory()
    _add(store, "Zambian Finance Minister Chanda Mwale met bankers in Lusaka on Monday.", "2025-03-03", pipeline)
    n = import_rows(store.conn, ['{"name": "Chanda Mwale", "country": "MWI", "sector": "BUS", '
                                 '"observed": "2025-01-01"}'])
    assert n == 1
    assert role_on(store.conn, "Chanda Mwale", dt.date(2025, 4, 1))["country"] == "MWI"  # type: ignore[index]
    doc = analyze("President Chanda Mwale rejected the proposal on Tuesday.", published="2025-04-08",
                  pipeline=pipeline)
    store.add(doc)
    assert [a.code for a in doc.actors if "Mwale" in a.name] == ["MWIGOV"]  # country from the user, title from text
    stated = analyze("Zambian Finance Minister Chanda Mwale resigned on Friday.", published="2025-04-11",
                     pipeline=pipeline)
    store.add(stated)
    assert [a.code for a in stated.actors if "Mwale" in a.name] == ["ZMBGOV"]


def test_export_import_round_trip_and_bad_rows() -> None:
    a = Store.memory()
    import_rows(a.conn, ['{"name": "Lin Wei", "country": "SGP", "sector": "GOV", "observed": "2024-02-01", '
                         '"title": "Trade Minister"}'])
    lines = list(export_rows(a.conn))
    b = Store.memory()
    assert import_rows(b.conn, lines, as_user=False) == 1
    assert list(export_rows(b.conn)) == lines
    with pytest.raises(InputError, match="x.jsonl:2: a role row needs"):
        import_rows(b.conn, ['{"name": "A", "observed": "2024-01-01"}', '{"name": "B"}'], source="x.jsonl")
    with pytest.raises(InputError, match="bad date"):
        import_rows(b.conn, ['{"name": "A", "observed": "yesterday"}'])


def test_roles_learned_earlier_in_the_same_run_serve_later_batches(pipeline: Pipeline, tmp_path: Path) -> None:
    from communique.api import ingest

    store = Store.memory()
    (tmp_path / "a_first.txt").write_text("Malawian Trade Minister Tiyamike Banda opened a fair in Blantyre on "
                                          "Monday.\n", "utf-8")
    (tmp_path / "b_later.txt").write_text("Banda rejected the proposal on Tuesday.\n", "utf-8")
    report = ingest([tmp_path / "a_first.txt", tmp_path / "b_later.txt"], store=store, published="2025-06-02",
                    pipeline=pipeline, keep_docs=True, batch_size=1)
    later = next(d for d in report.docs if d.text.startswith("Banda"))
    assert [(a.name, a.code) for a in later.actors] == [("Tiyamike Banda", "MWIGOV")]
    before = analyze("Banda rejected the proposal on Tuesday.", published="2025-06-03", pipeline=pipeline)
    assert [a.code for a in before.actors] in ([], [None])  # the pipeline's own knowledge is restored after the run


def test_a_learned_change_of_office_supersedes_a_bundled_role_for_later_days_only() -> None:
    from communique.knowledge.actors import ActorKB, KnownActor

    bundled = KnownActor(name="Ana Ruiz", aliases=("Ruiz",), country="CHL", sector="GOV", kind="person",
                         valid_from=dt.date(2020, 3, 1), valid_to=None, origin="bundled")
    learned = KnownActor(name="Ana Ruiz", aliases=("Ruiz",), country="CHL", sector="OPP", kind="person",
                         valid_from=dt.date(2026, 5, 4), valid_to=None, origin="learned")
    older = KnownActor(name="Ana Ruiz", aliases=("Ruiz",), country="CHL", sector="JUD", kind="person",
                       valid_from=dt.date(2019, 1, 1), valid_to=None, origin="learned")
    kb = ActorKB([bundled]).with_learned([older, learned])
    assert [(e.sector if e else None) for e in (kb.find("Ruiz", on=dt.date(2019, 6, 1)),
                                               kb.find("Ruiz", on=dt.date(2024, 1, 1)),
                                               kb.find("Ruiz", on=dt.date(2026, 5, 4)),
                                               kb.find("Ruiz", on=None))] == ["JUD", "GOV", "OPP", "OPP"]
    user = KnownActor(name="Ana Ruiz", aliases=(), country="ARG", sector="BUS", kind="person",
                      valid_from=dt.date(2018, 1, 1), valid_to=None, origin="user")
    assert kb.with_learned([user]).find("Ana Ruiz", on=dt.date(2026, 6, 1)).country == "ARG"  # type: ignore[union-attr]


def test_the_users_file_still_wins_over_a_newer_learned_office(tmp_path: Path) -> None:
    from communique.api import ingest

    store = Store.memory()
    kb_file = tmp_path / "kb.tsv"
    kb_file.write_text("Tomas Varga\tVarga\tHUN\tGOV\tperson\t2021-01-01\n", "utf-8")
    (tmp_path / "a.txt").write_text("Hungarian opposition leader Tomas Varga addressed a rally in Debrecen on "
                                    "Monday.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Varga criticised the budget on Friday.\n", "utf-8")
    from communique import default_pipeline

    pipe = default_pipeline(knowledge=(str(kb_file),))
    ingest([tmp_path / "a.txt"], store=store, published="2026-02-02", pipeline=pipe)
    later = ingest([tmp_path / "b.txt"], store=store, published="2026-02-06", pipeline=pipe, keep_docs=True).docs
    assert [(a.name, a.code) for a in later[0].actors] == [("Tomas Varga", "HUNGOV")]  # the user's file wins
