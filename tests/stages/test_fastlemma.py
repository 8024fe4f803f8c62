"""The table-kept lemmatizer gives every token spaCy's own lemma."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.attrs import LEMMA
from spacy.tokens import Doc as SpacyDoc

from communique.stages.fastlemma import _TABLES, FastLemmatizer, speed_up
from communique.stages.nlp import DEFAULT_MODEL, load_nlp

EXAMPLES = Path(__file__).parents[2] / "examples" / "articles"
OWN = [
    "", "   ", "\n\n",
    # the same form as different parts of speech; irregular forms; proper nouns; numbers and symbols
    "The leaders met. Their meeting was better than the meetings before; they were meeting again on 3 May.",
    "Geese flew over Nairobi as the children ran, and the mice hid. She'd've gone; he has been seen.",
    "Ruto's ministers said Kenya's talks with Tanzania's Hassan were the best yet — 12.5% better, $40m more.",
    "He lies. The lies were told. She saw the saw; they saw it sawn. Leaves leave; the leaves left.",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    assert found, "example articles missing"
    return found[:8] + OWN  # kept fast: a few articles give thousands of tokens


@pytest.fixture(scope="module")
def plain() -> Any:
    return spacy.load(DEFAULT_MODEL)  # spaCy's own pipeline; the first test swaps in the fast lemmatizer


def test_same_lemmas_as_spacy(texts: list[str], plain: Any) -> None:
    unlemmatised = list(plain.pipe(texts, disable=["lemmatizer"]))
    blobs = [d.to_bytes() for d in unlemmatised]
    lemmatizer = plain.get_pipe("lemmatizer")
    want = [lemmatizer(SpacyDoc(plain.vocab).from_bytes(b)) for b in blobs]
    assert sum(len(d) for d in want) > 1000
    assert speed_up(plain) and isinstance(lemmatizer, FastLemmatizer)
    assert not speed_up(plain)  # already done
    for _ in range(2):  # worked out, then from the kept table
        got = [lemmatizer(SpacyDoc(plain.vocab).from_bytes(b)) for b in blobs]
        for a, b in zip(want, got, strict=True):
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
            assert a.to_bytes() == b.to_bytes()


def test_a_lemma_set_before_is_kept(plain: Any) -> None:
    nlp = plain
    speed_up(nlp)  # done already when the first test ran
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    doc = nlp("The ministers met.", disable=["lemmatizer"])
    doc[1].lemma_ = "envoy"  # as the attribute ruler sets lemmas of its exceptions
    nlp.get_pipe("lemmatizer")(doc)
    assert [t.lemma_ for t in doc] == ["the", "envoy", "meet", "."]
    arr = doc.to_array([LEMMA])
    assert arr.shape == (4,)


def test_the_pipeline_uses_it_and_it_pickles() -> None:
    nlp = load_nlp(DEFAULT_MODEL)
    lem = nlp.get_pipe("lemmatizer")
    assert isinstance(lem, FastLemmatizer)
    nlp("Ministers met.")
    assert _TABLES[lem]
    again = pickle.loads(pickle.dumps(lem))
    assert type(again) is type(lem)
    assert again not in _TABLES  # the table (hashes of this vocabulary) stays behind
