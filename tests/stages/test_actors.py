"""Actors on sentences of our own: titles, demonyms, unnamed officials, groups, coreference, knowledge."""

from __future__ import annotations

import datetime as dt

from communique import Pipeline, analyze
from communique.knowledge.actors import ActorKB, parse_kb
from communique.model import Actor


def _view(actors: list[Actor]) -> list[tuple[str, str | None, str, bool]]:
    return [(a.name, a.code, a.kind, a.anonymous) for a in actors]


def test_titled_people_and_later_mentions(pipeline: Pipeline) -> None:
    doc = analyze("Brazilian Foreign Minister Laura Teixeira met Argentine Defence Minister General Tomás Ibarra "
                  "in Buenos Aires on Monday. Teixeira later said the talks were useful, and Ibarra agreed.",
                  published="2024-05-08", pipeline=pipeline)
    assert _view(doc.actors) == [("Laura Teixeira", "BRAGOV", "person", False),
                                 ("Tomás Ibarra", "ARGMIL", "person", False)]
    ibarra = doc.actors[1]
    assert [doc.text[doc.mentions[i].span.start : doc.mentions[i].span.end] for i in ibarra.mentions] == [
        "Argentine Defence Minister General Tomás Ibarra", "Ibarra"]
    assert [(r.title, r.country, r.sector, r.as_of) for r in ibarra.roles] == [
        ("Defence Minister General", "ARG", "MIL", dt.date(2024, 5, 8))]


def test_possessive_country_organisation_and_spokesperson(pipeline: Pipeline) -> None:
    doc = analyze("Kenya’s Foreign Ministry summoned the Ugandan envoy on Friday. Ministry spokeswoman Grace Otieno "
                  "said the envoy would be told to explain the border closure.", pipeline=pipeline)
    assert _view(doc.actors) == [("Kenya’s Foreign Ministry", "KENGOV", "organization", False),
                                 ("Ugandan envoy", "UGAGOV", "person", False),
                                 ("Grace Otieno", "KENGOV", "person", False)]


def test_unnamed_officials_groups_and_coordinated_demonyms(pipeline: Pipeline) -> None:
    doc = analyze("A Greek official, speaking on condition of anonymity, said Bulgarian and Romanian troops had "
                  "joined the exercise, while Greek officials declined to comment.", pipeline=pipeline)
    assert _view(doc.actors) == [("Greek official", "GRCGOV", "person", True),
                                 ("Bulgarian troop", "BGRMIL", "group", False),
                                 ("Romanian troop", "ROUMIL", "group", False),
                                 ("Greek officials", "GRCGOV", "group", False)]


def test_capital_as_government_and_plural_anaphor(pipeline: Pipeline) -> None:
    doc = analyze("Polish President Adam Nowicki spoke with Lithuanian President Rasa Vaitkutė by phone. "
                  "The two presidents urged Minsk to reopen the crossings.", pipeline=pipeline)
    names = {a.id: a.name for a in doc.actors}
    assert _view(doc.actors) == [("Adam Nowicki", "POLGOV", "person", False),
                                 ("Rasa Vaitkutė", "LTUGOV", "person", False),
                                 ("Minsk", "BLRGOV", "country", False)]  # the capital is the government
    appeal = [e for e in doc.events if e.cameo.startswith("02")]
    assert [([names[s] for s in e.source], [names[t] for t in e.target]) for e in appeal] == [
        (["Adam Nowicki", "Rasa Vaitkutė"], ["Minsk"])]


def test_knowledge_file_fills_what_the_text_leaves_open() -> None:
    kb = ActorKB(parse_kb("Amina Wanjiru\tWanjiru\tKEN\tGOV\tperson\t2023-01-01\t2024-12-31\n"))
    on = kb.find("Wanjiru", on=dt.date(2024, 6, 1))
    assert on is not None and (on.name, on.country, on.sector) == ("Amina Wanjiru", "KEN", "GOV")
    assert kb.find("Wanjiru", on=dt.date(2025, 6, 1)) is None  # the role had ended
    a = Actor(id="a1", name="Amina Wanjiru", kind="person")
    kb.complete(a, on=dt.date(2024, 6, 1))
    assert (a.country, a.sector) == ("KEN", "GOV")
    b = Actor(id="a2", name="Amina Wanjiru", kind="person", country="TZA", sector="MIL")
    kb.complete(b, on=dt.date(2024, 6, 1))
    assert (b.country, b.sector) == ("TZA", "MIL")  # what the text said wins


def test_bundled_knowledge_respects_dates(pipeline: Pipeline) -> None:
    old = analyze("Sergei Shoigu inspected troops near the border.", published="2020-03-01", pipeline=pipeline)
    new = analyze("Sergei Shoigu inspected troops near the border.", published="2025-03-01", pipeline=pipeline)
    assert (old.actors[0].country, old.actors[0].sector) == ("RUS", "MIL")
    assert (new.actors[0].country, new.actors[0].sector) == (None, None)
