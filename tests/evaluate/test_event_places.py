"""``communique eval event-places`` on tiny dev files of our own in the WikiEvents and RAMS formats."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from communique.cli import app
from communique.evaluate import event_places


def _tokens(sentence: str, start: int) -> list[list[object]]:
    out, pos = [], start
    for word in sentence.split(" "):
        out.append([word, pos, pos + len(word)])
        pos += len(word) + 1
    return out


def _shared(tmp_path: Path) -> Path:
    s1 = "Rebels shelled Kadugli on Monday ."
    s2 = "Troops attacked a camp near Gao ."
    t1, t2 = _tokens(s1, 0), _tokens(s2, len(s1) + 1)
    wiki = {
        "doc_id": "own-1", "tokens": [t[0] for t in t1 + t2], "text": s1 + s2, "sentences": [[t1, s1], [t2, s2]],
        "entity_mentions": [
            {"id": "own-1-T1", "sent_idx": 0, "start": 2, "end": 3, "entity_type": "GPE", "text": "Kadugli"},
            {"id": "own-1-T2", "sent_idx": 1, "start": 11, "end": 12, "entity_type": "GPE", "text": "Gao"},
            {"id": "own-1-T3", "sent_idx": 1, "start": 9, "end": 10, "entity_type": "FAC", "text": "camp"},
        ],
        "relation_mentions": [],
        "event_mentions": [
            {"id": "own-1-E1", "event_type": "Conflict.Attack.Unspecified",
             "trigger": {"start": 1, "end": 2, "text": "shelled", "sent_idx": 0},
             "arguments": [{"entity_id": "own-1-T1", "role": "Place", "text": "Kadugli"}]},
            {"id": "own-1-E2", "event_type": "Conflict.Attack.Unspecified",
             "trigger": {"start": 7, "end": 8, "text": "attacked", "sent_idx": 1},
             "arguments": [{"entity_id": "own-1-T2", "role": "Place", "text": "Gao"}]},
            {"id": "own-1-E3", "event_type": "Conflict.Attack.Unspecified",  # not a name: not scored
             "trigger": {"start": 7, "end": 8, "text": "attacked", "sent_idx": 1},
             "arguments": [{"entity_id": "own-1-T3", "role": "Place", "text": "camp"}]},
        ],
    }
    words = ["Militants", "stormed", "a", "base", "in", "Kidal", "."]
    rams = {"doc_key": "own-2", "split": "dev", "sentences": [words],
            "evt_triggers": [[1, 1, [["conflict.attack.n/a", 1.0]]]], "ent_spans": [],
            "gold_evt_links": [[[1, 1], [5, 5], "evt001arg03place"]]}
    (tmp_path / "eval" / "wikievents").mkdir(parents=True)
    (tmp_path / "eval" / "rams").mkdir(parents=True)
    (tmp_path / "eval" / "wikievents" / "dev.jsonl").write_text(json.dumps(wiki) + "\n", "utf-8")
    (tmp_path / "eval" / "rams" / "dev.jsonlines").write_text(json.dumps(rams) + "\n", "utf-8")
    return tmp_path


def test_reads_offsets_and_scores(tmp_path: Path) -> None:
    shared = _shared(tmp_path)
    texts = event_places.read_wikievents(shared / "eval" / "wikievents" / "dev.jsonl")
    g = texts[0].gold[1]
    assert (texts[0].text[g.trigger[0] : g.trigger[1]], texts[0].text[g.place[0] : g.place[1]]) == ("attacked", "Gao")
    lines = event_places.evaluate(shared)
    assert lines == [
        # "shelled Kadugli": the town the tagger calls a person is the object of a shelling, so its place
        "wikievents dev (1 texts): 2 gold events with a named place; we code 2 (100%); of those, place right 2 "
        "(100.0%), none 0, wrong 0",
        "rams dev (1 texts): 1 gold events with a named place; we code 1 (100%); of those, place right 1 (100.0%), "
        "none 0, wrong 0",
    ]


def test_cli_reports_a_missing_file(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["eval", "event-places", "--shared", str(tmp_path), "--dataset", "rams"])
    assert res.exit_code == 2 and "dev file not found" in res.output
    res = CliRunner().invoke(app, ["eval", "event-places", "--dataset", "nope"])
    assert res.exit_code == 2 and "--dataset must be" in res.output
