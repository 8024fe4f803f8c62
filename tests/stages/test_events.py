"""Events on sentences of our own: codes, arguments, places, dates, moods, episodes."""

from __future__ import annotations

from typing import Any

from communique import Doc, Pipeline, analyze, doc_to_dict
from communique.knowledge.cameo import lookup
from communique.model import Span
from communique.stages.events import Candidate, Coder, candidates, match_trigger, triggers


def _view(doc: Doc) -> list[tuple[Any, ...]]:
    name = {a.id: a.name for a in doc.actors}
    return [(e.cameo, [name[s] for s in e.source], [name[t] for t in e.target],
             e.date.value.isoformat() if e.date and e.date.value else None,
             e.location.name if e.location else None, e.status) for e in doc.events]


def test_visit_meeting_episode_and_inherited_place(pipeline: Pipeline) -> None:
    doc = analyze("Chilean Foreign Minister Pablo Rojas arrived in Lima on Tuesday. Rojas met Peruvian Foreign "
                  "Minister Ana Quispe the same afternoon to discuss fishing rights.", published="2024-07-11",
                  pipeline=pipeline)
    assert _view(doc) == [
        ("042", ["Pablo Rojas"], ["Peru"], "2024-07-09", "Lima", "reported"),
        ("040", ["Pablo Rojas"], ["Ana Quispe"], "2024-07-09", "Lima", "reported"),
    ]
    visit, meeting = doc.events
    assert visit.episode == meeting.episode is not None
    assert (visit.goldstein, visit.quad_class, visit.plover, visit.plover_mode) == (1.9, 1, "CONSULT", "visit")


def test_phone_call_between_two_leaders_has_no_place(pipeline: Pipeline) -> None:
    doc = analyze("Kenyan President Daniel Mwangi held a phone call with Tanzanian President Neema Mushi on Sunday, "
                  "days after both attended a summit in Kampala.", published="2024-02-14", pipeline=pipeline)
    assert _view(doc)[0] == ("041", ["Daniel Mwangi"], ["Neema Mushi"], "2024-02-11", None, "reported")


def test_moods_planned_and_hypothetical(pipeline: Pipeline) -> None:
    doc = analyze("Dutch Prime Minister Eva Bakker will visit Jakarta next month. Officials said the Dutch "
                  "government could impose sanctions on Indonesia if the talks fail.", published="2024-03-01",
                  pipeline=pipeline)
    got = [(e.cameo, e.status, e.intent) for e in doc.events]
    # the announcement of an action is coded as CAMEO codes it: intent to meet, threat of sanctions; a
    # conditional is also the threat itself, which was made
    # "Officials said": one anonymous chain, so the threat they report is unconfirmed
    assert got == [("042", "planned", "036"), ("163", "hypothetical", "132"), ("132", "unconfirmed", None)]


def test_criticism_targets_whoever_did_the_earlier_event(pipeline: Pipeline) -> None:
    doc = analyze("Norway imposed sanctions on three Russian banks on Monday. Russian Foreign Ministry spokeswoman "
                  "Irina Volkova criticized the sanctions as illegal.", published="2024-03-06", pipeline=pipeline)
    name = {a.id: a.name for a in doc.actors}
    assert [(e.cameo, [name[s] for s in e.source], [name[t] for t in e.target]) for e in doc.events] == [
        ("163", ["Norway"], ["Russian banks"]), ("111", ["Irina Volkova"], ["Norway"])]


def test_air_strike_near_a_town(pipeline: Pipeline) -> None:
    doc = analyze("Sudanese army jets bombed positions near Nyala on Thursday, residents said.",
                  published="2024-06-14", pipeline=pipeline)
    # the positions bombed lie near a Sudanese town: Sudan is the target (a domestic dyad), Nyala the place; what
    # lies near a town is not its civilians
    assert _view(doc) == [("195", ["Sudanese army jets"], ["Sudan"], "2024-06-13", "Nyala", "reported")]


def test_trigger_table_codes_all_exist() -> None:
    for rows in triggers().values():
        for t in rows:
            assert lookup(t.cameo).code == t.cameo


def test_match_trigger_conditions(pipeline: Pipeline) -> None:
    doc = pipeline.stages[0].nlp("The minister received the delegation and called on both sides to talk.")
    got = {t.text: match_trigger(t).cameo for t in doc if match_trigger(t) is not None}  # type: ignore[union-attr]
    assert got == {"received": "043", "called": "020"}


def test_future_in_reported_speech_is_planned_and_topics_are_not_places(pipeline: Pipeline) -> None:
    doc = analyze("Dutch Foreign Minister Eva Bakker announced that the Netherlands would send tents and medicine "
                  "to Indonesia. Indonesian Foreign Minister Budi Santoso said the two ministers had discussed "
                  "patrols in the Java Sea.", published="2024-03-01", pipeline=pipeline)
    got = [(e.cameo, e.status, e.location.name if e.location else None) for e in doc.events]
    assert got == [("073", "planned", "Indonesia"), ("040", "reported", None)]


class _FakeCoder:
    """A stand-in learned coder: drops rule candidates coded 111 and codes the token "snubbed" as 110."""

    name = "fake"

    def label(self, doc: Doc, sentence: int, candidates: list[Candidate]) -> list[Candidate]:
        out = [c for c in candidates if c.cameo != "111"]
        for tok in doc.nlp:
            if tok.lower_ == "snubbed" and doc.sentence_of(tok.idx) == sentence:
                out.append(Candidate(tok.i, Span(tok.idx, tok.idx + len(tok)), "110", model="fake/1", confidence=0.75))
        return out


def test_learned_coder_seam_keeps_drops_and_adds_candidates(pipeline: Pipeline) -> None:
    text = ("Brazilian President Lucia Ramos condemned the Argentine government on Monday. "
            "Argentine President Tomas Vidal snubbed Ramos on Tuesday.")
    table_only = Pipeline(pipeline.names, services={"nlp": pipeline.stages[0].nlp})  # no learned coder
    doc = analyze(text, published="2024-05-07", pipeline=table_only)
    assert [(e.cameo, e.found_by, e.rule, e.confidence) for e in doc.events] == [
        ("111", "rule", "condemn\tANY\t111", None)]
    trigger = doc.events[0].trigger
    assert text[trigger.start:trigger.end] == "condemned"
    assert candidates(doc, 0) == [Candidate(4, trigger, "111", rule="condemn\tANY\t111")]
    assert isinstance(_FakeCoder(), Coder)
    learned = Pipeline(pipeline.names, services={"nlp": pipeline.stages[0].nlp, "event_model": _FakeCoder()})
    doc = analyze(text, published="2024-05-07", pipeline=learned)
    name = {a.id: a.name for a in doc.actors}
    assert [(e.cameo, [name[s] for s in e.source], [name[t] for t in e.target], e.found_by, e.model, e.confidence)
            for e in doc.events] == [("110", ["Tomas Vidal"], ["Lucia Ramos"], "model", "fake/1", 0.75)]
    assert doc_to_dict(doc)["events"][0]["found_by"] == {"method": "model", "rule": None, "model": "fake/1",
                                                         "confidence": 0.75}


def test_dateline_is_neither_actor_nor_place_and_anchors_relative_dates(pipeline: Pipeline) -> None:
    body = "German Chancellor Friedrich Merz met French President Emmanuel Macron in Wuppertal on Friday."
    for opening, date in [("BERLIN (Reuters) — ", "2025-06-20"), ("BERLIN, June 13 (Reuters) - ", "2025-06-13"),
                          ("", "2025-06-20")]:
        doc = analyze(opening + body, published="2025-06-20", pipeline=pipeline)
        name = {a.id: (a.name, a.country) for a in doc.actors}
        assert [(e.cameo[:2], [name[s] for s in e.source], [name[t] for t in e.target],
                 e.location.name if e.location else None, e.date.value.isoformat() if e.date and e.date.value else None)
                for e in doc.events] == [("04", [("Friedrich Merz", "DEU")], [("Emmanuel Macron", "FRA")],
                                          "Wuppertal", date)]
        assert all(not p.span.overlaps(doc.dateline.span) for p in doc.places) if doc.dateline else not opening
        if opening:
            assert doc.dateline is not None and doc.dateline.location is not None
            assert (doc.dateline.place.text(doc.text), doc.dateline.location.country) == ("BERLIN", "DEU")
            assert not any(m.span.overlaps(doc.dateline.span) for m in doc.mentions)


def test_dateline_in_json(pipeline: Pipeline) -> None:
    doc = analyze("KYIV, Ukraine, June 2 (AP) — Ukrainian President Volodymyr Zelenskiy met Polish President "
                  "Andrzej Duda in Lviv.", published="2025-06-03", pipeline=pipeline)
    got = doc_to_dict(doc)["document"]["dateline"]
    assert (got["place"]["text"], got["location"]["country"], got["value"], got["outlet"]["text"]) == (
        "KYIV", "UKR", "2025-06-02", "AP")
    assert doc_to_dict(analyze("Ukraine's president met Poland's president.", pipeline=pipeline))["document"][
        "dateline"] is None
