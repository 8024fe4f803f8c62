"""A generated stream: one event reported by five outlets over three days, with paraphrases, a denial and a
confirmation, analysed by the real pipeline and merged by the store (sentences of our own)."""

from __future__ import annotations

import itertools

from communique import Pipeline, analyze
from communique.store import Store

STREAM = [
    ("2024-05-06", "Horn Wire",
     "Ethiopian troops attacked Eritrean positions near Badme on Monday, Eritrean officials said."),
    ("2024-05-06", "East Africa Daily",
     "Ethiopian forces shelled Eritrean army posts close to Badme on Monday, according to a statement from Asmara."),
    ("2024-05-07", "Red Sea Post",
     "Eritrea said on Tuesday that Ethiopian soldiers had attacked Eritrean border posts near Badme on Monday."),
    ("2024-05-07", "Nile Courier",
     "The Ethiopian government on Tuesday denied that its troops had attacked Eritrean positions near Badme on "
     "Monday."),
    ("2024-05-08", "Highland Times",
     "The Ethiopian army on Wednesday confirmed that its soldiers attacked Eritrean positions near Badme on Monday."),
]


def _docs(pipeline: Pipeline) -> list:  # type: ignore[type-arg]
    return [analyze(text, published=day, outlet=outlet, pipeline=pipeline) for day, outlet, text in STREAM]


def test_one_event_five_reports_and_the_final_status(pipeline: Pipeline) -> None:
    docs = _docs(pipeline)
    assert [[e.status for e in d.events] for d in docs] == [
        ["unconfirmed"], ["reported"], ["reported"], ["denied"], ["confirmed"]]
    s = Store.memory()
    for d in docs:
        s.add(d)
    [merged] = s.events()
    assert (merged["cameo"][:2], merged["source"], merged["target"], str(merged["date"])) == (
        "19", "ETHMIL", "ERIMIL", "2024-05-06")
    assert (merged["corroboration"], merged["outlets"], merged["status"]) == (5, 5, "confirmed")
    reports = s.reports(merged["cluster_id"])
    assert [(r["outlet"], str(r["published"]), r["status"]) for r in reports] == [
        ("Horn Wire", "2024-05-06", "unconfirmed"), ("East Africa Daily", "2024-05-06", "reported"),
        ("Red Sea Post", "2024-05-07", "reported"), ("Nile Courier", "2024-05-07", "denied"),
        ("Highland Times", "2024-05-08", "confirmed")]
    assert all(r["evidence"] and r["evidence"] in text for r, (_, _, text) in zip(reports, STREAM, strict=True))


def test_status_follows_the_stream_as_reports_arrive(pipeline: Pipeline) -> None:
    docs = _docs(pipeline)
    s = Store.memory()
    seen = []
    for d in docs:
        s.add(d)
        seen.append(s.events(all_statuses=True)[0]["status"])
    # unconfirmed (one anonymous chain) -> reported (a named source) -> denied -> confirmed
    assert seen == ["unconfirmed", "reported", "reported", "denied", "confirmed"]


def test_any_arrival_order_gives_one_event(pipeline: Pipeline) -> None:
    docs = _docs(pipeline)
    for order in itertools.islice(itertools.permutations(range(5)), 0, 120, 17):
        s = Store.memory()
        for i in order:
            s.add(docs[i])
        [merged] = s.events()
        assert (merged["corroboration"], merged["status"]) == (5, "confirmed"), order
        assert s.rebuild_clusters() == 1
