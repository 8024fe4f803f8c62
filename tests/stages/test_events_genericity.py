"""Kinds of act and habits are no events (issue 6: genericity), on sentences of our own."""

from __future__ import annotations

import pytest

from communique import Pipeline, analyze


def _codes(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    return [(e.cameo, doc.text[e.trigger.start : e.trigger.end]) for e in doc.events]


@pytest.mark.parametrize("text", [
    # a kind of act: a bare plural in a clause that tells no occasion
    "Pakistan believes terrorist attacks will help it gain territory.",
    "Militant groups rarely claim credit for attacks.",
    "India has the highest number of acid attacks in the world.",
    "The threat of bombings keeps tourists away from the coast.",
    # ... or a noun a kind word makes a kind
    "Such protests are common in the capital.",
    "Any attack on a member state is an attack on all.",
    # habits: an act done regularly, every year, or as it used to be
    "The two leaders regularly meet to discuss trade.",
    "Police routinely arrest activists in the capital.",
    "Chile and Peru hold talks every year in Geneva.",
    "Rebels used to attack convoys on the highway.",
    # ... and what a relative clause in the simple present says its noun's people do
    "The report lists militias that attack aid convoys.",
])
def test_kinds_of_act_and_habits_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert _codes(pipeline, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # an occasion: a past, perfect or progressive clause, a date, a number or a determiner anchors the act
    ("Protests erupted in several cities after the vote.", [("141", "Protests")]),
    ("Israel carried out airstrikes on Gaza.", [("195", "airstrikes")]),
    ("Mass protests in 2013 toppled the government.", [("141", "protests")]),
    ("Kenya and Uganda are holding talks in Nairobi.", [("040", "talks")]),
    # ... or the noun whose of-phrase it is, though its own clause tells no occasion
    ("Kenya has yet to confirm the presence of Ugandan delegations in Nairobi to discuss trade.",
     [("042", "delegations")]),
    ("Nepal has yet to comment, despite the presence of Chinese, Indian and Bhutanese delegations in Kathmandu to "
     "discuss water.", [("042", "delegations")]),
    # ... and a plan keeps its status: the act is coded as planned, not dropped as a kind
    ("Israel vowed to carry out strikes on Hamas.", [("190", "strikes")]),
])
def test_occasions_stay_events(pipeline: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    assert [c for c in _codes(pipeline, text) if c[1] in {w for _, w in expected}] == expected
