"""The learned event coder: features, the model file, how the stage uses it, and what it says in the JSON."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from communique import Pipeline, analyze, doc_to_dict
from communique.errors import EventModelError
from communique.knowledge.triggers import default_triggers
from communique.stages.events.features import dense, is_candidate, sparse
from communique.stages.events.model import NONE, EventModel, default_event_model
from communique.stages.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def test_features_describe_the_word_and_its_frame(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rebels ambushed an army convoy near the border.")
    verb = doc[1]
    feats = set(sparse(verb))
    assert {"w=ambush", "wp=ambush|V", "pos=V", "obj=convoy", "w+obj=ambush|convoy", "prep=near",
            "pobj=near:border"} <= feats
    assert is_candidate(verb) and not is_candidate(doc[0])
    assert dense(verb).shape == (96,) and abs(float(np.linalg.norm(dense(verb))) - 1) < 1e-5


def _toy_model() -> EventModel:
    features = ["w=bombard", "w=congratulate", "dense:0"]
    coef = np.array([[4.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 4.0, 0.0]])  # ASSAULT, NONE, SUPPORT
    return EventModel(coef=coef, intercept=np.array([0.0, 1.0, 0.0]), classes=["ASSAULT", NONE, "SUPPORT"],
                      features=features, meta={"name": "toy", "version": "0", "threshold": 0.5,
                                               "lemma_codes": {"bombard|ASSAULT": "194"}})


def test_prediction_code_and_round_trip(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = _toy_model()
    path = tmp_path / "toy.npz"
    model.save(path)
    loaded = EventModel.load(path)
    doc = nlp("Rebels bombarded a convoy and the minister congratulated the police.")
    preds = loaded.predict([doc[1], doc[7]])
    assert [(doc[p.token].text, p.plover, p.cameo) for p in preds] == [("bombarded", "ASSAULT", "194"),
                                                                      # the table's row for the word: praise
                                                                      ("congratulated", "SUPPORT", "051")]
    assert all(0.5 <= p.confidence <= 1 for p in preds)
    assert loaded.predict([doc[1]], threshold=0.99) == []


def test_missing_or_broken_model_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(EventModelError, match="no such event model file"):
        EventModel.load(tmp_path / "absent.npz")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(EventModelError, match="bad.npz: not an event model"):
        EventModel.load(bad)


def test_shipped_model_is_small_and_describes_itself() -> None:
    model = default_event_model()
    assert set(model.classes) >= {"ASSAULT", "CONSULT", "PROTEST", "ACCUSE", NONE}
    assert len(model.classes) == 17
    assert set(model.meta["trained_on"]) == {"plv", "plover_gsr", "universalpetrarch", "wikievents", "rams", "m2e2"}
    assert set(model.sent_classes) == set(model.classes)  # the sentence model gives the same types and NONE
    assert {"suppress_at", "propose_at"} <= set(model.meta)
    path = Path(__file__).resolve().parents[2] / "src/communique/knowledge/data/event_model.npz"
    assert path.stat().st_size < 4_000_000


def test_unlisted_verb_is_coded_by_the_model_and_says_so(pipeline: Pipeline) -> None:
    assert "bombard" not in default_triggers()
    doc = analyze("Rebel fighters bombarded an army base near Kandahar on Monday.", published="2024-05-07",
                  pipeline=pipeline)
    (ev,) = doc.events
    assert (ev.plover, ev.cameo[:2] in ("18", "19"), ev.found_by, ev.rule, ev.model) == (
        "ASSAULT", True, "model", None, "communique.event_model/1")
    assert ev.confidence is not None and 0.4 <= ev.confidence <= 1
    assert doc.text[ev.trigger.start : ev.trigger.end] == "bombarded"
    js = doc_to_dict(doc)["events"][0]["found_by"]
    assert js == {"method": "model", "rule": None, "model": "communique.event_model/1", "confidence": ev.confidence}


def test_table_word_is_a_rule_event(pipeline: Pipeline) -> None:
    doc = analyze("Kenya condemned Uganda over the border raid.", published="2024-05-07", pipeline=pipeline)
    first = doc.events[0]
    assert (first.found_by, first.rule, first.model, first.confidence) == ("rule", "condemn\tANY\t111", None, None)
    assert doc_to_dict(doc)["events"][0]["found_by"] == {"method": "rule", "rule": "condemn\tANY\t111",
                                                         "model": None, "confidence": None}


def test_light_verb_leaves_the_event_to_its_object(pipeline: Pipeline) -> None:
    doc = analyze("Chad's president held a phone call with the Sudanese leader on Friday.", published="2024-05-07",
                  pipeline=pipeline)
    assert [(e.cameo, e.found_by) for e in doc.events] == [("041", "rule")]


def test_without_the_model_only_the_table_codes() -> None:
    from communique import default_pipeline

    pipe = default_pipeline(event_model="none")
    doc = analyze("Rebel fighters bombarded an army base near Kandahar on Monday.", published="2024-05-07",
                  pipeline=pipe)
    assert doc.events == []


def _frame_model(weights: dict[str, dict[str, float]], **meta: object) -> EventModel:
    classes = ["ASSAULT", "CONSULT", NONE, "SUPPORT"]
    features = sorted({f for w in weights.values() for f in w})
    coef = np.array([[weights.get(c, {}).get(f, 0.0) for f in features] for c in classes])
    return EventModel(coef=coef, intercept=np.array([0.0, 0.0, 1.0, 0.0]), classes=classes, features=features,
                      meta={"name": "toy", "version": "0", "threshold": 0.5, **meta})


def _table_doc(text: str):  # type: ignore[no-untyped-def]
    from communique import default_pipeline

    return analyze(text, published="2024-05-07", pipeline=default_pipeline(event_model="none"))


def test_model_relabels_a_rule_word_only_when_confident() -> None:
    from communique.stages.events.learned import LearnedCoder
    from communique.stages.events.triggers import candidates

    doc = _table_doc("The Kenyan minister condemned the Ugandan envoy for his courage.")
    rule = candidates(doc, 0)
    assert [(c.cameo, c.rule) for c in rule] == [("111", "condemn\tANY\t111")]
    sure = _frame_model({"SUPPORT": {"w=condemn": 6.0}})
    (got,) = LearnedCoder(sure, relabel_at=0.6).label(doc, 0, rule)
    assert (got.cameo, got.rule, got.model, got.found_by) == ("050", "condemn\tANY\t111", "toy/0", "model")
    assert got.confidence is not None and got.confidence >= 0.6
    # not confident enough, or no relabelling asked: the rule stands
    unsure = _frame_model({"SUPPORT": {"w=condemn": 1.5}})
    assert LearnedCoder(unsure, relabel_at=0.6).label(doc, 0, rule) == rule
    assert LearnedCoder(sure).label(doc, 0, rule) == rule


def test_listed_word_whose_rows_decline_it_keeps_that_decision() -> None:
    from communique.stages.events.learned import LearnedCoder
    from communique.stages.events.triggers import candidates

    doc = _table_doc("The army flew a drone over the Syrian border town.")
    assert candidates(doc, 0) == []  # "fly" codes a visit only when flying to somewhere, with no object
    as_visit = _frame_model({"CONSULT": {"w=fly": 6.0}})
    assert LearnedCoder(as_visit, listed_at=0.5).label(doc, 0, []) == []
    as_attack = _frame_model({"ASSAULT": {"w=fly": 6.0}})
    assert [(doc.nlp[c.token].text, c.model) for c in LearnedCoder(as_attack, listed_at=0.5).label(doc, 0, [])] == [
        ("flew", "toy/0")]
    assert LearnedCoder(as_attack).label(doc, 0, []) == []  # without listed_at the table's word is the table's


def _with_sentence_model(weights: dict[str, dict[str, float]], sentence: dict[str, dict[str, float]],
                         **meta: object) -> EventModel:
    word = _frame_model(weights, **meta)
    classes = ["ASSAULT", "CONSULT", NONE]
    features = sorted({f for w in sentence.values() for f in w})
    coef = np.array([[sentence.get(c, {}).get(f, 0.0) for f in features] for c in classes])
    return EventModel(coef=word.coef, intercept=word.intercept, classes=word.classes, features=word.features,
                      meta=word.meta, sent_coef=coef, sent_intercept=np.array([0.0, 0.0, 0.5]),
                      sent_classes=classes, sent_features=features)


def test_sentence_model_round_trips_and_scores_a_sentence(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from communique.stages.events.features import sentence_sparse

    doc = nlp("The governor of Lagos gave a long interview to a local radio station.")
    assert {"s=interview|N", "s=give|V", "root=give", "ent=GPE"} <= set(sentence_sparse(list(doc)))
    model = _with_sentence_model({}, {NONE: {"s=interview|N": 4.0}})
    model.save(tmp_path / "m.npz")
    loaded = EventModel.load(tmp_path / "m.npz")
    assert loaded.sent_classes == ["ASSAULT", "CONSULT", NONE]
    p = loaded.sentence_probabilities(list(doc))
    assert p is not None and p.shape == (3,) and float(p[2]) > 0.95 and abs(float(p.sum()) - 1) < 1e-5
    assert _frame_model({}).sentence_probabilities(list(doc)) is None  # a model without one


def test_sentence_of_no_event_suppresses_the_word_model() -> None:
    from communique.stages.events.learned import LearnedCoder

    doc = _table_doc("The governor of Lagos gave a long lecture at a local university.")
    model = _with_sentence_model({"CONSULT": {"w=lecture": 6.0}}, {NONE: {"s=lecture|N": 4.0}},
                                 noun_lexicon=["lecture"])
    # alone, the word model codes the lecture as a meeting
    assert [(doc.nlp[c.token].text, c.cameo[:2]) for c in LearnedCoder(model).label(doc, 0, [])] == [
        ("lecture", "04")]
    assert LearnedCoder(model, suppress_at=0.8).label(doc, 0, []) == []
    # a sentence the sentence model is unsure about keeps the word model's event
    unsure = _with_sentence_model({"CONSULT": {"w=lecture": 6.0}}, {NONE: {"s=lecture|N": 0.5}},
                                  noun_lexicon=["lecture"])
    assert len(LearnedCoder(unsure, suppress_at=0.8).label(doc, 0, [])) == 1


def test_sentence_model_proposes_a_type_where_no_word_was_a_candidate() -> None:
    from communique.stages.events.learned import LearnedCoder

    doc = _table_doc("Government troops pummelled rebel positions outside the northern town.")
    # the word model leans to ASSAULT on "pummel" but stays under its threshold
    model = _with_sentence_model({"ASSAULT": {"w=pummel": 1.0}}, {"ASSAULT": {"s=pummel|V": 5.0}})
    assert LearnedCoder(model).label(doc, 0, []) == []
    (got,) = LearnedCoder(model, propose_at=0.6).label(doc, 0, [])
    assert (doc.nlp[got.token].text, got.cameo, got.model, got.found_by) == ("pummelled", "190", "toy/0", "model")
    assert got.confidence is not None and got.confidence >= 0.6
    # not when the sentence model is unsure, nor when the sentence already has an event of a PLOVER type
    weak = _with_sentence_model({"ASSAULT": {"w=pummel": 1.0}}, {"ASSAULT": {"s=pummel|V": 0.5}})
    assert LearnedCoder(weak, propose_at=0.6).label(doc, 0, []) == []
    from communique.stages.events.triggers import Candidate

    rule = [Candidate(got.token, got.trigger, "190", rule="pummel\tVERB\t190")]
    assert LearnedCoder(model, propose_at=0.6).label(doc, 0, rule) == rule


def test_speaking_to_the_media_is_no_meeting_but_a_phone_call_with_a_counterpart_is() -> None:
    from communique.stages.events.learned import LearnedCoder

    coder = LearnedCoder()
    for text in ("The Peruvian foreign minister spoke to the radio on Tuesday.",
                 "The Peruvian foreign minister talked with reporters on Tuesday."):
        assert coder.label(_table_doc(text), 0, []) == [], text
    doc = _table_doc("The Peruvian foreign minister spoke to his Bolivian counterpart by phone on Tuesday.")
    assert [(doc.nlp[c.token].text, c.cameo[:2]) for c in coder.label(doc, 0, [])] == [("spoke", "04")]


def test_an_appearance_before_the_media_is_no_meeting_but_a_conference_of_ministers_is() -> None:
    from communique.stages.events.learned import LearnedCoder

    words = ["interview", "briefing", "conference", "report"]
    model = _frame_model({"CONSULT": {f"w={w}": 6.0 for w in words}}, noun_lexicon=words)
    for text in ("The Chilean foreign minister criticised Bolivia in an interview with a Santiago daily.",
                 "The Chilean foreign minister criticised Bolivia at a news briefing in Santiago.",
                 "The Chilean foreign minister criticised Bolivia at a press conference in Santiago.",
                 "Maria Ortega reported from Santiago for the agency."):
        doc = _table_doc(text)
        assert [doc.nlp[c.token].text for c in LearnedCoder(model).label(doc, 0, [])
                if c.model is not None] == [], text
    doc = _table_doc("The foreign ministers of Chile and Bolivia held a conference in Santiago.")
    assert [doc.nlp[c.token].text for c in LearnedCoder(model).label(doc, 0, [])] == ["conference"]


def test_types_listed_as_needing_a_target_ask_the_parse_for_one() -> None:
    from communique.stages.events.learned import LearnedCoder

    doc = _table_doc("The long war devastated the northern provinces of the country.")
    weights = {"ASSAULT": {"w=war": 6.0}, "CONSULT": {"w=devastate": 6.0}}
    (war, dev) = sorted(LearnedCoder(_frame_model(weights, noun_lexicon=["war"], target_types=["ASSAULT"]))
                        .label(doc, 0, []), key=lambda c: c.token)
    assert (doc.nlp[war.token].text, war.cameo[:2], war.require_target) == ("war", "19", True)
    assert (doc.nlp[dev.token].text, dev.require_target) == ("devastated", False)
    plain = LearnedCoder(_frame_model(weights, noun_lexicon=["war"])).label(doc, 0, [])
    assert [c.require_target for c in plain] == [False, False]
    # the shipped model asks it of assaults
    assert LearnedCoder().target_types == frozenset({"ASSAULT"})


def test_rows_carry_their_calibrated_confidence_and_yield_only_to_a_surer_model() -> None:
    from communique.stages.events.learned import LearnedCoder
    from communique.stages.events.triggers import candidates

    doc = _table_doc("The Kenyan minister condemned the Ugandan envoy for his courage.")
    rule = candidates(doc, 0)
    calibrated = {"rule_precision": {"condemn\tANY\t111": 0.9}, "rule_prior": 0.6, "rule_confidence": True}
    (got,) = LearnedCoder(_frame_model({}, **calibrated)).label(doc, 0, rule)
    assert (got.cameo, got.rule, got.model, got.found_by, got.confidence) == (
        "111", "condemn\tANY\t111", None, "rule", 0.9)
    # a row the calibration never saw takes all rows' rate; a model file without calibration leaves rows as they were
    (other,) = LearnedCoder(_frame_model({}, rule_precision={}, rule_prior=0.6, rule_confidence=True)).label(
        doc, 0, rule)
    assert other.confidence == 0.6
    assert LearnedCoder(_frame_model({})).label(doc, 0, rule) == rule
    # rates written but not asked for (the shipped model): rows as they were
    assert LearnedCoder(_frame_model({}, **{**calibrated, "rule_confidence": False})).label(doc, 0, rule) == rule
    # the model overrules the row only when surer than the row (about 0.81 < 0.9 here; about 0.99 > 0.9)
    (kept,) = LearnedCoder(_frame_model({"SUPPORT": {"w=condemn": 3.0}}, **calibrated), relabel_at=0.6).label(
        doc, 0, rule)
    assert (kept.cameo, kept.model, kept.confidence) == ("111", None, 0.9)
    (overruled,) = LearnedCoder(_frame_model({"SUPPORT": {"w=condemn": 6.0}}, **calibrated), relabel_at=0.6).label(
        doc, 0, rule)
    assert (overruled.cameo, overruled.rule, overruled.model) == ("050", "condemn\tANY\t111", "toy/0")


def test_a_document_scored_once_gives_every_sentence_its_own_scores(nlp) -> None:  # type: ignore[no-untyped-def]
    from communique.stages.events.features import unit_rows

    # the learned coder scores a document's candidate words and scales its tensor once; each sentence's rows must be
    # what scoring the sentence alone gives, bit for bit (thresholds and rounded confidences read them)
    doc = nlp("Rebels ambushed an army convoy near the border on Monday. The minister condemned the attack and "
              "promised an inquiry. Talks between the two governments resumed in Nairobi, officials said.")
    model = default_event_model()
    cands = model.candidates(doc)
    rows = {t.i: r for r, t in enumerate(cands)}
    probs = model.probabilities(cands)
    unit = unit_rows(doc)
    assert unit is not None and unit.shape == doc.tensor.shape and len(list(doc.sents)) == 3
    for sent in doc.sents:
        toks = model.candidates(sent)
        assert toks and np.array_equal(probs[[rows[t.i] for t in toks]], model.probabilities(toks))
        assert np.array_equal(model.sentence_probabilities(list(sent), unit=unit),  # type: ignore[arg-type]
                              model.sentence_probabilities(list(sent)))  # type: ignore[arg-type]


def test_one_coder_labels_document_after_document_as_a_fresh_one_would() -> None:
    from communique.stages.events.learned import LearnedCoder

    first = _table_doc("Rebels pummelled the town of Goma overnight. The army answered with shelling.")
    second = _table_doc("Protesters pummelled a police van in Harare. Police answered with tear gas.")
    coder = LearnedCoder(default_event_model())
    every = [(d, s) for d in (first, second) for s in range(len(d.sentences))]
    seen = [coder.label(d, s, []) for d, s in every]
    assert seen == [LearnedCoder(default_event_model()).label(d, s, []) for d, s in every]
    assert sum(map(len, seen)) >= 2  # the model codes words of both documents
