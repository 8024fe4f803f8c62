"""The table-lookup attribute ruler returns spaCy's own matches and gives every token the same attributes."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

from communique.stages.nlp import DEFAULT_MODEL
from communique.stages.ruler import FastSpacyAttributeRuler, speed_up

EXAMPLES = Path(__file__).parents[2] / "examples" / "articles"
OWN = [
    "", "   ", "\n\n",
    "Y'all gonna c'm on, ain't it? Let's go. There's nothin' left, it is what it is.\n\n  I did it; you gets it.",
    "The minister said that she would not resign. It was him whom they blamed, and that was that.",
    "Gon na be there? They got ta leave — he does, doesn't he? I'd have done it if I'd known.",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    assert found, "example articles missing"
    return found + OWN


def test_same_matches_and_same_tokens(texts: list[str]) -> None:
    plain = spacy.load(DEFAULT_MODEL)
    fast = spacy.load(DEFAULT_MODEL)
    assert speed_up(fast) and isinstance(fast.get_pipe("attribute_ruler"), FastSpacyAttributeRuler)
    assert not speed_up(fast)  # already done
    before = list(plain.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))
    ruler, quick = plain.get_pipe("attribute_ruler"), fast.get_pipe("attribute_ruler")
    want = [ruler.match(d) for d in before]
    assert sum(map(len, want)) > 1000
    assert [quick.match(d) for d in before] == want
    assert [quick.match(d) for d in before] == want  # from the remembered table too
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for a, b in zip(plain.pipe(texts), fast.pipe(texts), strict=True):
        assert (a.to_array(attrs) == b.to_array(attrs)).all()
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
