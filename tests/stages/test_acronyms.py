"""An acronym opening a sentence that the tagger misreads is parsed again as a name (stages/acronyms.py)."""

from __future__ import annotations

from typing import Any

import pytest

from communique.stages.acronyms import misread_acronym
from communique.stages.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


def _view(sdoc: Any) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.pos_, t.dep_, t.head.i) for t in sdoc]


@pytest.mark.parametrize(("text", "expected"), [
    # the tagger's verb ("ECOWAS" VBG, the root) becomes the subject of the real verb
    ("ECOWAS imposed sanctions on Mali.",
     [("ECOWAS", "PROPN", "nsubj", 1), ("imposed", "VERB", "ROOT", 1), ("sanctions", "NOUN", "dobj", 1),
      ("on", "ADP", "prep", 2), ("Mali", "PROPN", "pobj", 3), (".", "PUNCT", "punct", 1)]),
    # ... in any sentence of the text, whose other sentences keep their parse
    ("Troops left Bamako. IGAD condemned the coup.",
     [("Troops", "NOUN", "nsubj", 1), ("left", "VERB", "ROOT", 1), ("Bamako", "PROPN", "dobj", 1),
      (".", "PUNCT", "punct", 1), ("IGAD", "PROPN", "nsubj", 5), ("condemned", "VERB", "ROOT", 5),
      ("the", "DET", "det", 7), ("coup", "NOUN", "dobj", 5), (".", "PUNCT", "punct", 5)]),
])
def test_misread_acronyms_are_parsed_as_names(nlp: Any, text: str, expected: list[tuple[Any, ...]]) -> None:
    sdoc = nlp(text)
    assert _view(sdoc) == expected
    assert sdoc.text == text
    assert sdoc.tensor.shape[0] == len(sdoc)


def test_the_acronym_keeps_its_lemma_and_becomes_an_entity(nlp: Any) -> None:
    sdoc = nlp("ECOWAS imposed sanctions on Mali.")
    assert (sdoc[0].lemma_, sdoc[0].ent_type_) == ("ECOWAS", "ORG")


@pytest.mark.parametrize(("text", "misread"), [
    ("ECOWAS imposed sanctions on Mali.", True),
    ("NATO imposed sanctions on Mali.", False),  # a name the model knows
    ("ECOWAS IMPOSES SANCTIONS ON MALI", False),  # a headline in capitals
    ("BREAKING: troops enter the capital.", False),  # a word in capitals that is no name
    ("OK then.", False),  # too short
])
def test_which_sentences_are_read_again(nlp: Any, text: str, misread: bool) -> None:
    from communique.settings import Settings

    plain = load_nlp(Settings().model)
    with plain.select_pipes(disable=["communique_acronyms"]):
        sdoc = plain(text)
    assert misread_acronym(next(iter(sdoc.sents))) is misread
