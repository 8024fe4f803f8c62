"""Scoring of event coding (pure: items and predictions of our own) and the gold-set readers' markup parsing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from communique import Pipeline
from communique.evaluate.event_sets import Gold, Item, _gsr_markup, _strip_marks
from communique.evaluate.events import Predicted, fold_of, score


def test_plv_marks_become_offsets_into_the_raw_text() -> None:
    text, spans = _strip_marks("Yesterday <s>Chile</s> accused <t>the Peruvian navy</t> of spying.")
    assert text == "Yesterday Chile accused the Peruvian navy of spying."
    assert (text[slice(*spans["s"])], text[slice(*spans["t"])]) == ("Chile", "the Peruvian navy")


def test_gsr_markup_gives_source_target_and_event_spans() -> None:
    text, spans = _gsr_markup("(SRC: Chile) has (EVT: offered to return) to (TAR: Peru) two fishing boats.")
    assert text == "Chile has offered to return to Peru two fishing boats."
    assert {k: text[slice(*v)] for k, v in spans.items()} == {"SRC": "Chile", "EVT": "offered to return",
                                                              "TAR": "Peru"}


TEXT = "Chile accused Peru of spying."


def _item(plover: str, n: int = 0) -> Item:
    return Item(id=f"i{n}", text=TEXT, date=None, group=f"g{n}",
                gold=(Gold(plover=plover, source=(0, 5), target=(14, 18)),))


def test_pair_scoring_picks_the_pair_event_and_counts_per_type() -> None:
    right = Predicted(cameo="112", plover="ACCUSE", source_spans=((0, 5),), target_spans=((14, 18),))
    wrong_pair = Predicted(cameo="190", plover="ASSAULT", source_spans=((14, 18),), target_spans=((0, 5),),
                           confidence=0.9)
    unrelated = Predicted(cameo="040", plover="CONSULT", confidence=0.6)
    items = [_item("ACCUSE", 0), _item("ACCUSE", 1), _item("CONCEDE|RETREAT", 2), _item("REJECT", 3)]
    predicted = [[unrelated, right], [wrong_pair], [Predicted(cameo="0874", plover="RETREAT", confidence=0.7)], []]
    s = score("plv", "pair", items, predicted)
    assert s.per_type == {
        "ACCUSE": {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "tp": 1, "fp": 0, "fn": 1},
        "ASSAULT": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 0},
        "CONCEDE|RETREAT": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0},
        "REJECT": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1},
    }
    assert s.macro == {"precision": 0.6667, "recall": 0.5, "f1": 0.5556}
    assert s.figures["type_source_target_accuracy"] == 0.25
    assert s.confusion == {"ACCUSE -> ACCUSE": 1, "ACCUSE -> ASSAULT": 1, "CONCEDE|RETREAT -> CONCEDE|RETREAT": 1,
                           "REJECT -> NONE": 1}


def test_multi_scoring_by_category_counts_false_positives() -> None:
    items = [Item("a", "x", None, "a", (Gold("ASSAULT", "190"), Gold("CONSULT", "040")), unmapped=2),
             Item("b", "y", None, "b", ())]
    predicted = [[Predicted("193", "ASSAULT"), Predicted("112", "ACCUSE")], [Predicted("141", "PROTEST")]]
    s = score("m2e2", "multi", items, predicted)
    assert (s.unmapped, s.gold) == (2, 2)
    assert {k: (v["tp"], v["fp"], v["fn"]) for k, v in s.per_type.items()} == {
        "ATTACK": (1, 0, 0), "CONTACT": (0, 0, 1), "DEMONSTRATE": (0, 1, 0)}
    assert s.micro["precision"] == 0.5 and s.micro["recall"] == 0.5


def _record(codings: list[str], category: str = "DEMO", counted: str = "1") -> Item:
    return Item("r", "x", None, "r", (), extra={"category": category, "counted": counted,
                                                "codings": "\n".join(codings)})


def test_triples_are_counted_like_universalpetrarch_validation() -> None:
    """Its ``validation.py`` summary: TP = correct / gold codings, FP = extra / records; a side without an actor is
    ``---`` on both sides; a ``noevents`` record is right when we code nothing; records of categories its file
    does not include are not counted."""
    items = [_record(["050\tARN\tGON", "040\tARN\tOSG"]),
             _record(["222\tGON\t---"], "COMMA"),
             _record(["noevents"], "COMMA"),
             _record(["noevents"], "COMMA"),
             _record(["050\tARN\tGON"], "PARSING", counted="0")]
    predicted = [[Predicted("051", "SUPPORT", source_codes=("ARN",), target_codes=("GON",)),
                  Predicted("040", "CONSULT", source_codes=("ARN",), target_codes=("OSG",)),
                  Predicted("040", "CONSULT", source_codes=("ARN",), target_codes=("OSG",)),  # one triple
                  Predicted("111", "ACCUSE", source_codes=("GON",), target_codes=("ARN",))],
                 [Predicted("050", "COOPERATE", source_codes=("GON",))],  # no target: "---"
                 [],
                 [Predicted("010", "COMMENT", source_codes=("ARN", "GON"), target_codes=("OSG",))],
                 [Predicted("050", "COOPERATE", source_codes=("ARN",), target_codes=("GON",))]]
    s = score("universalpetrarch_dict", "triples", items, predicted)
    f = s.figures
    # correct 1 + 0 + 1 + 0; gold codings 2 + 1 + 1 + 1; extra 2 + 1 + 0 + 2 over 4 records
    assert {k: f[k] for k in ("records", "correct", "uncoded", "extra", "true_positives", "false_positives",
                              "our_codings_with_a_null_side")} == {
        "records": 4, "correct": 2, "uncoded": 3, "extra": 5, "true_positives": 0.4, "false_positives": 1.25,
        "our_codings_with_a_null_side": 1}
    # at root level 051 is 05 as 050 is
    assert (f["true_positives_root"], f["false_positives_root"]) == (0.6, 1.0)
    assert f["by_category"]["COMMA"] == {"records": 3, "correct": 1, "uncoded": 2, "extra": 3, "TP": 0.3333,
                                         "FP": 1.0}
    assert s.gold == 5


def test_validation_records_keep_what_its_count_reads(tmp_path: Path) -> None:
    from communique.evaluate.event_sets import read_petrarch

    path = tmp_path / "records.xml"
    path.write_text("""<Validation><Environment><Include>DEMO SYNSET</Include></Environment><Sentences>
<Sentence category="DEMO" date="19950101" id="D-1" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<EventCoding eventcode="012" sourcecode="~REL" targetcode="" />
<Text>Arnor will restore ties with Gondor.</Text></Sentence>
<Sentence category="SYNSET" date="19950101" id="S-1" evaluate="true">
<EventCoding eventcode="345" sourcecode="ARN" targetcode="GON" />
<Text>Arnor is to cut its remaining links to Gondor.</Text></Sentence>
<Sentence category="SYNSET" date="19950101" id="S-2" evaluate="true">
<EventCoding noevents="True" />
<Text>Arnor and Gondor.</Text></Sentence>
<Sentence category="PARSING" date="19950101" id="P-1" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Arnor will restore ties with Gondor.</Text></Sentence>
</Sentences></Validation>""", encoding="utf-8")
    got = [(i.id, i.extra["counted"], i.extra["codings"].splitlines(), [g.cameo for g in i.gold])
           for i in read_petrarch(path)]
    assert got == [("D-1", "1", ["050\tARN\tGON", "012\t---REL\t---"], ["050", "012"]),
                   ("S-1", "1", ["345\tARN\tGON"], []),
                   ("S-2", "1", ["noevents"], []),
                   ("P-1", "0", ["050\tARN\tGON"], ["050"])]


def test_folds_are_stable_and_spread() -> None:
    folds = [fold_of(f"doc-{n}") for n in range(200)]
    assert folds == [fold_of(f"doc-{n}") for n in range(200)]
    assert set(folds) == {0, 1, 2, 3, 4} and min(folds.count(k) for k in range(5)) > 20


def test_announced_acts_are_scored_by_the_convention_of_the_sets_gold(pipeline: Pipeline) -> None:
    from communique.evaluate.events import ACT_CODED, predict

    items = [Item("a", "Ghana is about to resume full diplomatic relations with Togo.", None, "a", ()),
             Item("b", "The Kenyan president will meet his Ugandan counterpart in Kampala next week.", None, "b", ()),
             Item("c", "Kenya expelled two Ugandan diplomats on Monday.", None, "c", ())]
    # CAMEO news gold codes the announcement (express intent: 03x); PETRARCH records code the act named
    news = [[p.cameo for p in ours] for ours in predict(items, pipeline)]
    records = [[p.cameo for p in ours] for ours in predict(items, pipeline, act_coded=True)]
    assert (news, records) == ([["032"], ["036"], ["166"]], [["050"], ["040"], ["166"]])
    assert {"petrarch2", "universalpetrarch", "universalpetrarch_dict"} == ACT_CODED


def test_negated_acts_are_scored_by_their_refusal_in_cameo_news_sets(pipeline: Pipeline) -> None:
    from communique.evaluate.events import REFUSAL_CODED, predict

    items = [Item("a", "The Kenyan president refused to meet his Ugandan counterpart on Monday.", None, "a", ()),
             Item("b", "Kenya will not restore diplomatic ties with Somalia.", None, "b", ()),
             Item("c", "Kenya expelled two Ugandan diplomats on Monday.", None, "c", ())]
    # CAMEO news gold codes the refusal (12x), never the act not done; ACE and PETRARCH score the act as well
    news = [[p.cameo for p in ours] for ours in predict(items, pipeline, refusal_coded=True)]
    other = [[p.cameo for p in ours] for ours in predict(items, pipeline)]
    assert news == [["120"], ["120"], ["166"]]
    assert other == [["120", "040"], ["120", "032"], ["166"]]
    assert {"plv", "plover_gsr"} == REFUSAL_CODED


def test_m2e2_sentence_in_both_files_is_one_item_with_both_files_events(tmp_path: Path) -> None:
    import json
    import zipfile

    from communique.evaluate.event_sets import read_m2e2

    def rec(sid: str, text: str, events: list[tuple[str, str]]) -> dict[str, Any]:
        return {"sentence_id": sid, "sentence": text,
                "golden-event-mentions": [{"event_type": t, "trigger": {"text": w}} for t, w in events]}

    text = "Protesters marched in Nairobi before police detained their leader."
    text_only = [rec("VOA_EN_NW_2016.01.02.1_1", text, [("Conflict:Demonstrate", "marched")]),
                 rec("VOA_EN_NW_2016.01.02.1_2", "The minister flew to Kampala.", [("Movement:Transport", "flew")])]
    multimedia = [rec("VOA_EN_NW_2016.01.02.1_1", text, [("Justice:Arrest-Jail", "detained")])]
    path = tmp_path / "m2e2.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("m2e2_annotations/text_only_event.json", json.dumps(text_only))
        z.writestr("m2e2_annotations/text_multimedia_event.json", json.dumps(multimedia))
    items = read_m2e2(path)
    assert [(i.id, [g.cameo for g in i.gold], i.unmapped) for i in items] == [
        ("VOA_EN_NW_2016.01.02.1_1", ["141", "173"], 0), ("VOA_EN_NW_2016.01.02.1_2", [], 1)]
    assert items[0].gold[1].trigger == (text.index("detained"), text.index("detained") + len("detained"))


def test_acts_supposed_in_a_condition_are_announced_by_no_one(pipeline: Pipeline) -> None:
    from communique.evaluate.events import predict

    items = [Item("a", "Kenya will expel the Ugandan ambassador if Uganda closes the border.", None, "a", ()),
             Item("b", "Egypt would cut off gas supplies to Sudan unless Khartoum withdrew its troops.", None, "b", ())]
    # the news sets code the threat, never the condition's act as an intent of its doer; PETRARCH codes every act
    news = [[p.cameo for p in ours] for ours in predict(items, pipeline)]
    records = [[p.cameo for p in ours] for ours in predict(items, pipeline, act_coded=True)]
    assert news == [["136", "136"], ["136", "136"]]  # the consequence's intent and the conditional threat
    assert records == [["166", "136", "191"], ["162", "136", "087"]]
