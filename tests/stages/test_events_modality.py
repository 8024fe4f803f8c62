"""Modality reaches the data: negation, conditionals, threats (sentences of our own besides the issue's)."""

from __future__ import annotations

from typing import Any

import pytest

from communique import Doc, Pipeline, analyze
from communique.stages.events.modality import resolve_status


def _view(doc: Doc) -> list[tuple[Any, ...]]:
    iso = {a.id: a.country or a.name for a in doc.actors}
    return [(e.cameo, [iso[s] for s in e.source], [iso[t] for t in e.target], e.status, e.negated)
            for e in doc.events]


def test_inverted_conditional_gives_two_hypotheticals_and_a_threat(pipeline: Pipeline) -> None:
    doc = analyze("Should Washington impose new sanctions, Tehran would suspend talks with the IAEA, Foreign "
                  "Minister Abbas Araghchi said.", published="2025-06-14", pipeline=pipeline)
    assert _view(doc) == [
        ("163", ["USA"], [], "hypothetical", False),
        ("164", ["IRN"], ["IAEA"], "hypothetical", False),
        ("134", ["IRN"], ["USA"], "reported", False),  # a threat to halt negotiations, to the condition's actor
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # (the drills supposed are a show of force, round 9: hypothetical, announced by no one)
    ("North Korea will attack South Korea if the United States holds military drills.",
     [("190", ["PRK"], ["KOR"], "hypothetical", False), ("138", ["PRK"], ["USA"], "reported", False),
      ("150", ["USA"], [], "hypothetical", False)]),
    ("Turkey would impose sanctions on Greece unless Athens withdraws its troops.",
     [("163", ["TUR"], ["GRC"], "hypothetical", False), ("132", ["TUR"], ["GRC"], "reported", False),
      ("087", ["GRC"], [], "hypothetical", False)]),
    ("Turkey would lift the sanctions if Sweden extradites the suspects, Erdogan said.",
     [("085", ["TUR"], [], "hypothetical", False), ("0354", ["TUR"], ["SWE"], "reported", False)]),
])
def test_conditionals(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _view(analyze(text, published="2025-06-14", pipeline=pipeline)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian forces did not attack any Georgian positions, the ministry said.",
     [("190", ["RUS"], ["GEO"], "reported", True)]),
    ("Indian troops never shelled Pakistani positions, the army said.",
     [("194", ["IND"], ["PAK"], "reported", True)]),
    ("The Japanese foreign minister refused to meet Chinese officials.",
     [("120", ["JPN"], ["CHN"], "reported", False), ("040", ["JPN"], ["CHN"], "reported", True)]),
])
def test_negation(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _view(analyze(text, published="2025-06-14", pipeline=pipeline)) == expected


def test_talks_that_are_suspended_are_no_talks(pipeline: Pipeline) -> None:
    doc = analyze("Iran suspended talks with the IAEA on Monday.", published="2025-06-14", pipeline=pipeline)
    assert _view(doc) == [("164", ["IRN"], ["IAEA"], "reported", False)]


@pytest.mark.parametrize(("own", "stated", "anonymous", "expected"), [
    (None, None, False, "reported"),
    (None, None, True, "unconfirmed"),
    (None, "confirmed", True, "confirmed"),
    (None, "denied", False, "denied"),
    ("planned", "confirmed", False, "planned"),
    ("planned", "denied", False, "denied"),
    ("hypothetical", None, True, "hypothetical"),
])
def test_resolve_status(own: str | None, stated: str | None, anonymous: bool, expected: str) -> None:
    assert resolve_status(own, stated, anonymous_only=anonymous) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an obligation laid on another is a demand by the sayer; the act itself has not happened
    ("Iran says Azerbaijan must halt its attacks on Armenia.",
     [("190", ["AZE"], ["ARM"], "hypothetical", False), ("100", ["IRN"], ["AZE"], "reported", False)]),
    ("France said Iran must release the detained journalists.",
     [("0841", ["IRN"], ["detained journalists"], "hypothetical", False),
      ("100", ["FRA"], ["IRN"], "reported", False)]),
    # ... also when the act obliged hangs under "stop"/"cease" (round 10)
    ("Iran says Azerbaijan must stop attacking Armenia.",
     [("190", ["AZE"], ["ARM"], "hypothetical", False), ("100", ["IRN"], ["AZE"], "reported", False)]),
    ("France said Russia must cease bombing Ukrainian cities.",
     [("195", ["RUS"], ["UKR"], "hypothetical", False), ("100", ["FRA"], ["RUS"], "reported", False)]),
])
def test_obligations(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _view(analyze(text, published="2025-06-14", pipeline=pipeline)) == expected


def test_a_possible_attack_has_not_happened(pipeline: Pipeline) -> None:
    doc = analyze("India mobilized its reserves for a possible ground offensive against Pakistan.", pipeline=pipeline)
    assert [(e.cameo, e.status) for e in doc.events] == [("154", "reported"), ("190", "hypothetical")]
    doc = analyze("Israel mobilized troops for an assault against Hamas.", pipeline=pipeline)
    assert [(e.cameo, e.status) for e in doc.events] == [("154", "reported"), ("190", "planned")]


@pytest.mark.parametrize(("text", "expected"), [
    # an act agreed, offered or intended has not happened yet
    ("Jordan and Britain agreed to hold joint exercises.", [("030", "reported"), ("062", "planned")]),
    ("Uruguay is willing to withdraw all of its soldiers from Mali.", [("087", "planned")]),
    ("Germany pledged to send tanks to Ukraine.", [("030", "reported"), ("072", "planned")]),
    # a threat's act is on a condition; a demanded act is only asked for
    ("China threatened to halt trade talks if Australia bans Huawei.",
     [("130", "reported"), ("164", "hypothetical"), ("172", "hypothetical")]),
    ("Hamas reiterated its demand that Israel release all Palestinian prisoners.",
     [("100", "reported"), ("0841", "hypothetical")]),
    ("France demanded that Russia withdraw its troops from Ukraine.", [("100", "reported"), ("087", "hypothetical")]),
])
def test_agreed_and_intended_acts_are_planned(pipeline: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    assert [(e.cameo, e.status) for e in doc.events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the condition's act is supposed, announced by no one (no intent); the consequence's is its doer's threat
    ("Kenya will expel the Ugandan ambassador if Uganda closes the border.",
     [("166", "136"), ("136", None), ("191", None)]),
    ("Hamas will release the hostages if Israel frees Palestinian prisoners, a spokesman said.",
     [("0841", "0353"), ("0353", None), ("0841", None)]),
    ("Should Washington impose new sanctions, Tehran would suspend talks with the IAEA, Foreign Minister Abbas "
     "Araghchi said.", [("163", None), ("164", "134"), ("134", None)]),
    # a condition reached through a to-clause: "if Taipei decided to hold a referendum"
    ("Egypt would cut off gas supplies to Sudan if Khartoum decided to expel Egyptian diplomats.",
     [("162", "136"), ("136", None), ("166", None)]),
])
def test_acts_in_a_condition_have_no_intent(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    assert [(e.cameo, e.intent) for e in doc.events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an act asked of someone is announced by no one: the appeal or demand is the event, the act has no intent
    ("Iran's parliament demanded that the United States withdraw its troops from Iraq.",
     [("100", "reported", None), ("087", "hypothetical", None)]),
    ("Germany urged Russia to halt its attacks on Ukraine.",
     [("020", "reported", None), ("190", "hypothetical", None)]),
    # a that-clause of a mandative verb with a plural subject: the plain form the tagger may read as a present tense
    ("Greece insisted that Germany and France reject the Turkish proposal.",
     [("120", "hypothetical", None)]),
    # an act kept from happening: banned, prevented, postponed
    ("Opposition rallies were banned by the Ugandan police.", [("172", "reported", None)]),
    ("The Kenyan government banned opposition rallies in Nairobi.", [("172", "reported", None)]),
    ("Hungarian leaders agreed to postpone the protest until Friday.",
     [("030", "reported", None), ("141", "planned", None)]),
])
def test_acts_asked_or_prevented_have_no_intent(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    assert [(e.cameo, e.status, e.intent) for e in doc.events if e.found_by == "rule"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a verb coordinated with no subject or auxiliary of its own shares the mood of the verb it is coordinated with
    ("Russia will meet Ukraine in Istanbul and sign a peace agreement with Kyiv.",
     [("040", "planned", "036"), ("057", "planned", "032")]),
    ("Egypt urged Israel to stop the raids and withdraw its troops from Gaza.",
     [("020", "reported", None), ("190", "hypothetical", None), ("087", "hypothetical", None)]),
])
def test_coordinated_verbs_share_the_mood(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    assert [(e.cameo, e.status, e.intent) for e in doc.events] == expected
