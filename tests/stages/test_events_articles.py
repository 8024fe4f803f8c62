"""Events of whole articles that the sentence sets rarely show (issue 6, article recall), on texts of our own:
acts of force seen done though no one harmed is named, and act nouns compounded with their occasion."""

from __future__ import annotations

import pytest

from communique import Pipeline, analyze


def _codes(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    return [(e.cameo[:2], doc.text[e.trigger.start : e.trigger.end]) for e in doc.events]


@pytest.mark.parametrize(("text", "word"), [
    # an act of force the model finds, with its doer named or not, and no one named harmed: a street, a city
    ("The rebel brigade detonated twenty bombs across the city on Friday.", "detonated"),
    ("Militants set off a string of bombs in the old market of Quetta on Sunday.", "bombs"),
    # an act noun compounded with the noun of its occasion is that occasion ("the shooting incident")
    ("The shooting incident left two dead in Belfast on Tuesday.", "shooting"),
    ("Police arrested two men over the failed assassination attempt in Kandahar.", "assassination"),
])
def test_acts_of_force_seen_done_are_coded_without_a_target(pipeline: Pipeline, text: str, word: str) -> None:
    assert [c for c in _codes(pipeline, text) if c[1] == word][:1] in ([("19", word)], [("18", word)])


@pytest.mark.parametrize("text", [
    # situations, not occasions: no one named harmed and a word of the ongoing conflict
    "The war has ruined the country's economy.",
    "Fighting continued in the north of the country.",
    # kinds of act, compounded or not
    "Guns are everywhere in the province and kidnappings are a daily occurrence.",
    "The army bought two attack helicopters from Russia.",
])
def test_situations_and_kinds_stay_out(pipeline: Pipeline, text: str) -> None:
    assert [c for c in _codes(pipeline, text) if c[0] in ("18", "19", "20")] == []


def _parties(pipeline: Pipeline, text: str) -> list[tuple[str, str, list[str], list[str]]]:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)

    def names(ids: list[str]) -> list[str]:
        return [a.name for a in (doc.actor(i) for i in ids) if a is not None]

    return [(e.cameo[:2], doc.text[e.trigger.start : e.trigger.end], names(e.source), names(e.target))
            for e in doc.events]


@pytest.mark.parametrize(("text", "word"), [
    # a subheading with no final stop is a sentence of its own: its verb never takes the next line's subject
    ("Kenya and Uganda talk trade\nTurkey condemns attack\nTurkish officials condemned the shelling of the "
     "border town on Tuesday.", "condemns"),
    ("Border talks resume\nPakistan accuses India\nIndian troops shelled two villages in Kashmir on Monday, "
     "Pakistani officials said.", "accuses"),
])
def test_a_line_with_no_final_stop_is_no_part_of_the_next(pipeline: Pipeline, text: str, word: str) -> None:
    next_line = text.split("\n")[2]
    for _, trigger, src, tgt in _parties(pipeline, text):
        if trigger == word:
            assert not any(n and n.split()[0] in next_line.split()[:2] for n in src + tgt)


def test_a_hard_wrapped_text_keeps_its_sentences_whole(pipeline: Pipeline) -> None:
    text = ("The Kenyan foreign minister met with\nPresident Museveni of Uganda in Kampala on Tuesday\n"
            "and discussed the border dispute, officials said. The two sides\nagreed to resume trade talks.")
    assert [(c, w, t) for c, w, _, t in _parties(pipeline, text) if c == "04"][:1] == [("04", "met", ["Museveni"])]
