"""Article-level event scoring: documents rebuilt from gold sentences, families, span matching (own texts)."""

from __future__ import annotations

import json
from pathlib import Path

from communique.evaluate.event_articles import (
    family_of,
    read_glocon,
    read_wikievents_articles,
    score_articles,
    sentence_items,
)
from communique.evaluate.event_sets import Gold, Item
from communique.evaluate.events import Predicted


def _tokens(sentence: str, start: int) -> list[list[object]]:
    out: list[list[object]] = []
    pos = 0
    for word in sentence.split(" "):
        at = sentence.index(word, pos)
        out.append([word, start + at, start + at + len(word)])
        pos = at + len(word)
    return out


def test_wikievents_document_is_rebuilt_with_its_headline_on_a_line_of_its_own(tmp_path: Path) -> None:
    sents = ["Rebels shell army post in Dara", "Rebels shelled an army post on Monday.", "Police arrested two men."]
    starts = [0, 31, 70]  # the set's offsets count one separator between sentences
    doc = {
        "doc_id": "d1", "tokens": [w for s in sents for w in s.split(" ")],
        "sentences": [[_tokens(s, a), s] for s, a in zip(sents, starts, strict=True)],
        "event_mentions": [
            {"event_type": "Conflict.Attack.Unspecified", "trigger": {"start": 1, "end": 2, "sent_idx": 0}},
            {"event_type": "Conflict.Attack.Unspecified", "trigger": {"start": 7, "end": 8, "sent_idx": 1}},
            {"event_type": "Justice.ArrestJailDetain.Unspecified", "trigger": {"start": 14, "end": 15, "sent_idx": 2}},
            {"event_type": "Life.Die.Unspecified", "trigger": {"start": 0, "end": 1, "sent_idx": 0}},
        ],
    }  # fmt: skip
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    [item] = read_wikievents_articles(path)
    assert item.text == ("Rebels shell army post in Dara\nRebels shelled an army post on Monday. "
                         "Police arrested two men.")
    assert [(g.plover, item.text[slice(*g.trigger)]) for g in item.gold if g.trigger] == [
        ("ATTACK", "shell"), ("ATTACK", "shelled"), ("ARREST", "arrested"), (None, "Rebels")]
    assert item.unmapped == 1 and item.group == "d1"
    alone = sentence_items([item])
    assert [(a.id, a.text, [a.text[slice(*g.trigger)] for g in a.gold if g.trigger]) for a in alone] == [
        ("d1#0", "Rebels shell army post in Dara", ["shell", "Rebels"]),
        ("d1#1", "Rebels shelled an army post on Monday.", ["shelled"]),
        ("d1#2", "Police arrested two men.", ["arrested"])]


def test_glocon_text_keeps_its_no_space_marks_and_semantic_triggers(tmp_path: Path) -> None:
    ns = 'xmlns="http://ilk.uvt.nl/folia"'
    words = [("Workers", ""), ("went", ""), ("on", ""), ("strike", ' space="no"'), (".", "")]
    sem = "x/protes1-Semantic.foliaset.xml"
    ws = "".join(f'<w xml:id="w{k}"{extra}><t>{w}</t></w>' for k, (w, extra) in enumerate(words))
    xml = (f'<FoLiA {ns}><text><p><s xml:id="s1"><w xml:id="h0"><t>Strike</t></w><w xml:id="h1"><t>today</t></w>'
           f'</s><s xml:id="s2">{ws}</s></p>'
           f'<entities><entity class="ind_act" set="{sem}"><wref id="w3"/></entity>'
           f'<entity class="group_clash" set="{sem}"><wref id="h0"/></entity>'
           '<entity class="type" set="x/protes6-Participant.foliaset.xml"><wref id="w0"/></entity>'
           '</entities></text></FoLiA>')
    (tmp_path / "a.folia.xml").write_text(xml, encoding="utf-8")
    [item] = read_glocon(tmp_path)
    assert item.text == "Strike today\nWorkers went on strike."
    assert [(g.plover, item.text[slice(*g.trigger)]) for g in item.gold if g.trigger] == [
        ("PROTEST", "strike"), ("ATTACK|PROTEST", "Strike")]


def test_families_of_our_codes() -> None:
    assert [family_of(c) for c in ("190", "1823", "201", "173", "1731", "042", "046", "010", "112", "138", "141",
                                   "145", "020", "172")] == [
        "ATTACK", "ATTACK", "ATTACK", "ARREST", "ARREST", "MEET", "MEET", "STATEMENT", "STATEMENT", "STATEMENT",
        "PROTEST", "PROTEST", None, None]


def test_article_scoring_matches_trigger_spans_and_families() -> None:
    text = "Rebels shelled the post. Police arrested two men. Five soldiers died in the attack."
    at = {w: (text.index(w), text.index(w) + len(w)) for w in ("shelled", "arrested", "died", "attack")}
    item = Item("d", text, None, "d", (Gold("ATTACK", trigger=at["shelled"]), Gold("ARREST", trigger=at["arrested"]),
                                       Gold(None, trigger=at["died"]), Gold("ATTACK", trigger=at["attack"])))
    ours = [Predicted("195", "ASSAULT", trigger_spans=(at["shelled"], at["attack"])),  # found, and referred to
            Predicted("112", "ACCUSE", trigger_spans=(at["arrested"],)),  # wrong family on a gold trigger
            Predicted("1823", "ASSAULT", trigger_spans=(at["died"],)),  # on a gold trigger of an unmapped type
            Predicted("040", "CONSULT", trigger_spans=((0, 6),)),  # on no gold trigger
            Predicted("020", "APPEAL", trigger_spans=(at["arrested"],))]  # outside the families: not counted
    s = score_articles([item], [ours])
    fig = s.figures(precision=True)
    assert fig["ATTACK"] == {"gold": 2, "found": 2, "recall": 1.0, "ours": 1, "right": 1, "precision": 1.0,
                             "on_unmapped_gold": 1}
    assert fig["ARREST"]["found"] == 0 and fig["STATEMENT"]["precision"] == 0.0
    assert fig["all"] == {"gold": 3, "found": 2, "recall": 0.6667, "ours": 3, "right": 1, "precision": 0.3333,
                          "on_unmapped_gold": 1}
    assert s.missed == [("d", "ARREST", "", "arrested")]
    assert s.found_ids == {("d", 0), ("d", 3)}
