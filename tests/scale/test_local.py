"""Whole analyses in worker processes (:mod:`communique.scale.local`): the store of a run whose workers analyse
ahead of the store is the single-process store, learned roles included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from communique import api
from communique.knowledge.actors import KnownActor
from communique.model import Doc
from communique.read import make_article
from communique.scale.local import AnalysePool, Result
from communique.settings import Settings
from communique.store import Store

from .test_ingest import snapshot

#: Our own reports, one a file: a role stated first ("Trade Minister Tiyamike Banda") serves the later reports
#: that name only "Banda"; others name no one known, or state another person's role.
REPORTS = [
    "Malawian Trade Minister Tiyamike Banda opened a fair in Blantyre on Monday.",
    "Zambian Finance Minister Mulenga Chanda met bankers in Lusaka on Monday.",
    "Banda rejected the proposal from the traders on Tuesday.",
    "Floods closed two roads near Zomba on Tuesday, the police said.",
    "Chanda said the budget would be published in March.",
    "Banda and Chanda agreed to meet again in Lilongwe next month.",
    "Protesters gathered outside the parliament in Lilongwe on Wednesday.",
]


def _role(name: str, country: str) -> KnownActor:
    parts = name.split()
    return KnownActor(name=name, aliases=(parts[-1],), country=country, sector="GOV", kind="person",
                      valid_from=dt.date(2025, 6, 2), valid_to=None, origin="learned")


def _result(names: set[str], version: int = 0, width: int = 1) -> Result:
    doc = Doc(make_article("Banda spoke."))
    return Result(doc.article.id, doc, None, frozenset((n, dt.date(2025, 6, 3)) for n in names), width, version, {})


def test_an_analysis_is_redone_only_when_a_role_it_looked_up_changed() -> None:
    pool = AnalysePool(Settings(on_error="skip", workers=2), 2)  # no task is sent: no worker starts
    try:
        pool.learn([_role("Mulenga Chanda", "ZMB")])
        pool.learn([_role("Mulenga Chanda", "ZMB"), _role("Tiyamike Banda", "MWI")])
        assert pool.version == 2
        text = make_article("Tiyamike Banda spoke.")
        assert pool._changed(_result({"Banda"}, version=1), text, 2)  # looked "Banda" up before the role came
        assert not pool._changed(_result({"Chanda", "Lusaka"}, version=1, width=2), text, 2)  # Chanda: no change
        # a role that does not hold on the day looked up changes nothing
        early = Result(text.id, Doc(text), None, frozenset({("Banda", dt.date(2025, 1, 1))}), 2, 1, {})
        assert not pool._changed(early, text, 2)
        # a name longer than any the worker knew was never tried at that width: the text decides
        assert pool._changed(_result(set(), version=1, width=1), text, 2)
        assert not pool._changed(_result(set(), version=1, width=1), make_article("Someone spoke."), 2)
        assert not pool._changed(_result(set(), version=1, width=2), text, 2)
        failed = Result(text.id, None, "analysis failed", frozenset(), 2, 1, {})
        assert pool._changed(failed, text, 2)  # a failure is tried again
        pool.learn([_role("Mulenga Chanda", "ZMB"), _role("Tiyamike Banda", "MWI")])  # the same roles: no version
        assert pool.version == 2
    finally:
        pool.close()


@pytest.mark.slow
def test_workers_give_the_single_process_store_with_roles_learned_in_the_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(REPORTS):
        (folder / f"r{i}.txt").write_text(text + "\n", "utf-8")
    stores: dict[str, Any] = {}
    for name, workers in (("single", 1), ("workers", 2)):
        db = tmp_path / f"{name}.duckdb"
        with Store.open(db) as store:
            outcomes = list(api.ingest_stream([folder], store=store, published="2025-06-02", batch_size=1,
                                              settings=Settings(on_error="skip", workers=workers,
                                                                stages_in_workers=True)))
        assert [o.status for o in outcomes] == ["added"] * len(REPORTS), [str(o.error) for o in outcomes]
        stores[name] = snapshot(db)
    assert stores["workers"] == stores["single"]
    from communique.scale.local import _POOLS

    pool = _POOLS[(Settings(on_error="skip", workers=2, stages_in_workers=True), 2)]
    assert pool.reanalysed >= 1  # "Banda rejected ..." was analysed before Banda's role was stored
