"""Events in whole articles: gold sets annotating every event of a document, scored by trigger span and family.

The sentence sets (PLV, the GSR, M2E2) score one sentence at a time; a user analyses whole articles, where
headlines, quotes, pronouns and long texts come in.  These readers give each document as ONE item whose text is
the document rebuilt from the set's sentences, and whose gold events carry their trigger's character span and
their **family** (:data:`FAMILIES`), so that :func:`score_articles` can count, per family, the gold events we
find and the events of ours the gold confirms.

Datasets (name: path under ``../shared``; what the gold marks):

* ``wikievents_articles``: ``eval/wikievents/dev.jsonl``, 20 news documents with every KAIROS event marked
  (the event model trains on WikiEvents dev: scored by cross-validation, each document in one fold);
* ``rams_articles``: ``eval/rams/dev.jsonlines``, five-sentence windows with ONE event marked (recall only;
  trained on, so cross-validated);
* ``glocon_articles``: ``eval/glocon_gold_sample/*.folia.xml``, 5 Indian news articles with their contentious
  (protest and armed) events marked; only those families are annotated, so recall only.

Text rebuilt: WikiEvents keeps each sentence's own spacing but none between sentences; GLOCON gives tokens with
their ``space="no"`` marks.  A sentence ending in ``.``, ``!``, ``?`` (or a closing quote or bracket after one)
is followed by a space; any other (a headline, a subheading, a dateline) by a line break, as a page's title
and paragraphs are.

Families, from a gold type (:data:`KAIROS_FAMILY`, :data:`RAMS_FAMILY`, :data:`GLOCON_FAMILY`; the longest
matching prefix wins; other types are left out and counted) and from our CAMEO code (:func:`family_of`):

=========  ==================================================  ==========================================
family     gold types                                          our CAMEO codes
=========  ==================================================  ==========================================
ATTACK     KAIROS Conflict.Attack.*; RAMS conflict.attack.*;   18x, 19x, 20x (assault, fight, mass
           GLOCON arm_mil (armed/militant act), group_clash    violence)
ARREST     KAIROS Justice.ArrestJailDetain.*; RAMS             173 (arrest, detain)
           justice.arrestjaildetain.*
MEET       KAIROS Contact.Contact.Meet, Contact.RequestCommand.  04x (consult: meet, visit, phone,
           Meet, Contact.Contact.Correspondence; RAMS          negotiate, mediate)
           contact.discussion.meet/correspondence,
           contact.negotiate.*
STATEMENT  KAIROS Contact.Contact.Broadcast,                   01x (statements), 11x (disapprove,
           Contact.ThreatenCoerce.*; RAMS contact.mediastatement, accuse), 13x (threaten)
           contact.publicstatementinperson, contact.threatencoerce
PROTEST    KAIROS Conflict.Demonstrate.*; RAMS                 14x (protest, strike, riot)
           conflict.demonstrate.*; GLOCON demonst, ind_act
           (strike), group_clash
=========  ==================================================  ==========================================

GLOCON's ``group_clash`` (a scuffle between groups) is either family.  KAIROS ``Contact.Contact.Unspecified``
("said", "called") and requests and orders are not mapped (never one 010 per "said").
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .event_sets import Gold, Item

__all__ = ["ARTICLE_SETS", "FAMILIES", "ArticleScores", "family_of", "read_articles", "read_glocon",
           "read_rams_articles", "read_wikievents_articles", "score_articles", "sentence_items"]

FAMILIES = ("ATTACK", "ARREST", "MEET", "STATEMENT", "PROTEST")
KAIROS_FAMILY = {
    "Conflict.Attack": "ATTACK", "Justice.ArrestJailDetain": "ARREST", "Contact.Contact.Meet": "MEET",
    "Contact.RequestCommand.Meet": "MEET", "Contact.Contact.Correspondence": "MEET",
    "Contact.Contact.Broadcast": "STATEMENT", "Contact.ThreatenCoerce": "STATEMENT",
    "Conflict.Demonstrate": "PROTEST",
}  # fmt: skip
RAMS_FAMILY = {
    "conflict.attack": "ATTACK", "justice.arrestjaildetain": "ARREST", "contact.discussion.meet": "MEET",
    "contact.discussion.correspondence": "MEET", "contact.negotiate": "MEET",
    "contact.mediastatement": "STATEMENT", "contact.publicstatementinperson": "STATEMENT",
    "contact.threatencoerce": "STATEMENT", "conflict.demonstrate": "PROTEST",
}  # fmt: skip
GLOCON_FAMILY = {"arm_mil": "ATTACK", "group_clash": "ATTACK|PROTEST", "demonst": "PROTEST", "ind_act": "PROTEST"}
# dataset name -> the training set its documents belong to (cross-validation folds follow the document)
ARTICLE_SETS = {"wikievents_articles": "wikievents", "rams_articles": "rams", "glocon_articles": None}
# sets marking every event of the families (precision measurable); the others mark one event or some families
COMPLETE = frozenset({"wikievents_articles"})
_ENDS = (".", "!", "?")
_CLOSERS = "\"')]\u201d\u2019"


def family_of(code: str) -> str | None:
    """The family of one of our CAMEO codes (module docstring), or None outside the five."""
    root = code[:2]
    if root in ("18", "19", "20"):
        return "ATTACK"
    if code.startswith("173"):
        return "ARREST"
    return {"04": "MEET", "01": "STATEMENT", "11": "STATEMENT", "13": "STATEMENT", "14": "PROTEST"}.get(root)


def _prefix(table: dict[str, str], event_type: str) -> str | None:
    best = max((p for p in table if event_type.startswith(p)), key=len, default=None)
    return table[best] if best else None


def _separator(sentence: str) -> str:
    """What follows a sentence in the rebuilt text: a space after a sentence end, else a line break."""
    return " " if sentence.rstrip().rstrip(_CLOSERS).endswith(_ENDS) else "\n"


def _rebuild(sentences: Sequence[str]) -> tuple[str, list[int]]:
    """The document text and each sentence's start in it."""
    out: list[str] = []
    starts: list[int] = []
    n = 0
    for k, s in enumerate(sentences):
        starts.append(n)
        out.append(s)
        n += len(s)
        if k < len(sentences) - 1:
            sep = _separator(s)
            out.append(sep)
            n += len(sep)
    return "".join(out), starts


def _sentence_parts(starts: list[int], sentences: Sequence[str]) -> tuple[tuple[int, int], ...]:
    return tuple((a, a + len(s)) for a, s in zip(starts, sentences, strict=True))


def read_wikievents_articles(path: Path) -> list[Item]:
    """WikiEvents dev documents, one item each (group: the document id, as in the sentence reader)."""
    items: list[Item] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        sentences = [s for _, s in doc["sentences"]]
        text, starts = _rebuild(sentences)
        # each token's characters in the rebuilt text, by its index in ``doc["tokens"]``
        spans: list[tuple[int, int]] = []
        for (toks, _), start in zip(doc["sentences"], starts, strict=True):
            base = toks[0][1] if toks else 0
            spans += [(start + a - base, start + b - base) for _, a, b in toks]
        gold: list[Gold] = []
        unmapped = 0
        for ev in doc["event_mentions"]:
            fam = _prefix(KAIROS_FAMILY, ev["event_type"])
            t = ev["trigger"]
            span = (spans[t["start"]][0], spans[t["end"] - 1][1])
            gold.append(Gold(plover=fam, trigger=span, source_code=ev["event_type"]))
            unmapped += fam is None
        items.append(Item(id=doc["doc_id"], text=text, date=None, group=doc["doc_id"], gold=tuple(gold),
                          unmapped=unmapped, parts=_sentence_parts(starts, sentences)))
    return items


def read_rams_articles(path: Path) -> list[Item]:
    """RAMS dev windows (tokens joined by spaces, sentences rebuilt as above), one marked event each."""
    items: list[Item] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        sentences = [" ".join(s) for s in doc["sentences"]]
        text, starts = _rebuild(sentences)
        spans: list[tuple[int, int]] = []
        for toks, start in zip(doc["sentences"], starts, strict=True):
            n = start
            for t in toks:
                spans.append((n, n + len(t)))
                n += len(t) + 1
        gold = []
        for a, b, labels in doc["evt_triggers"]:
            fam = _prefix(RAMS_FAMILY, labels[0][0])
            gold.append(Gold(plover=fam, trigger=(spans[a][0], spans[b][1]), source_code=labels[0][0]))
        items.append(Item(id=doc["doc_key"], text=text, date=None, group=doc["doc_key"], gold=tuple(gold),
                          unmapped=sum(g.plover is None for g in gold), parts=_sentence_parts(starts, sentences)))
    return items


_F = "{http://ilk.uvt.nl/folia}"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def read_glocon(folder: Path) -> list[Item]:
    """GLOCON gold sample articles (FoLiA XML): text from the tokens and their ``space`` marks; gold triggers are
    the event words of its semantic-category layer (``protes1-Semantic``)."""
    items: list[Item] = []
    for path in sorted(folder.glob("*.folia.xml")):
        root = ET.parse(path).getroot()
        sentences: list[str] = []
        local: dict[str, tuple[int, int, int]] = {}  # word id -> (sentence, start, end) within its sentence
        for s in root.iter(f"{_F}s"):
            buf: list[str] = []
            n = 0
            for w in s.iter(f"{_F}w"):
                t = w.find(f"{_F}t")
                word = (t.text or "") if t is not None else ""
                local[w.get(_XML_ID, "")] = (len(sentences), n, n + len(word))
                buf.append(word)
                n += len(word)
                if w.get("space", "yes") != "no":
                    buf.append(" ")
                    n += 1
            sentences.append("".join(buf).rstrip())
        text, starts = _rebuild(sentences)
        gold: list[Gold] = []
        for ents in root.iter(f"{_F}entities"):
            for e in ents.findall(f"{_F}entity"):
                kind = e.get("set", "").rsplit("/", 1)[-1]
                if not kind.startswith("protes1-Semantic"):
                    continue
                ids = [local[r.get("id", "")] for r in e.findall(f"{_F}wref") if r.get("id", "") in local]
                if not ids:
                    continue
                a = starts[ids[0][0]] + ids[0][1]
                b = starts[ids[-1][0]] + ids[-1][2]
                gold.append(Gold(plover=GLOCON_FAMILY.get(e.get("class", "")), trigger=(a, b),
                                 source_code=e.get("class")))
        name = path.name.removesuffix(".folia.xml")
        items.append(Item(id=name, text=text, date=None, group=name, gold=tuple(gold),
                          unmapped=sum(g.plover is None for g in gold), parts=_sentence_parts(starts, sentences)))
    return items


def sentence_items(items: Sequence[Item]) -> list[Item]:
    """Each document's sentences as items of their own (the gold triggers inside each, shifted), to compare what
    the same sentences give alone; ids ``<doc>#<k>``, group the document's."""
    out: list[Item] = []
    for item in items:
        for k, (a, b) in enumerate(item.parts):
            gold = tuple(Gold(plover=g.plover, trigger=(g.trigger[0] - a, g.trigger[1] - a), source_code=g.source_code)
                         for g in item.gold if g.trigger is not None and a <= g.trigger[0] < b)
            out.append(Item(id=f"{item.id}#{k}", text=item.text[a:b], date=item.date, group=item.group, gold=gold,
                            parts=((0, b - a),)))
    return out


@dataclass(slots=True)
class ArticleScores:
    """Per-family counts of one article set: ``gold`` events, gold ``found``; ``ours`` counted events, of them
    ``right`` (on a gold trigger of their family), ``other_gold`` (on a gold trigger of an unmapped type: not
    counted against precision) and the rest wrong; ``missed`` lists (item id, family, gold type, trigger text)."""

    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    ours: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    other_gold: Counter[str] = field(default_factory=Counter)
    missed: list[tuple[str, str, str, str]] = field(default_factory=list)
    found_ids: set[tuple[str, int]] = field(default_factory=set)

    def figures(self, *, precision: bool) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for fam in FAMILIES:
            g, f = self.gold[fam], self.found[fam]
            o = self.ours[fam] - self.other_gold[fam]
            row: dict[str, Any] = {"gold": g, "found": f, "recall": round(f / g, 4) if g else None}
            if precision:
                row |= {"ours": o, "right": self.right[fam], "precision": round(self.right[fam] / o, 4) if o else None,
                        "on_unmapped_gold": self.other_gold[fam]}
            out[fam] = row
        g, f = sum(self.gold.values()), sum(self.found.values())
        o = sum(self.ours.values()) - sum(self.other_gold.values())
        r = sum(self.right.values())
        out["all"] = {"gold": g, "found": f, "recall": round(f / g, 4) if g else None}
        if precision:
            out["all"] |= {"ours": o, "right": r, "precision": round(r / o, 4) if o else None,
                           "on_unmapped_gold": sum(self.other_gold.values())}
        return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_articles(items: Sequence[Item], predicted: Sequence[Sequence[Any]], *,
                   id_of: Any = None) -> ArticleScores:
    """Per-family counts (pure).  ``predicted[i]`` are ``Predicted`` events of ``items[i]`` whose
    ``trigger_spans`` (the trigger and the later phrases referring to the event) index the item's text.

    A gold event of a family is found when one of our events of that family has a span overlapping its trigger.
    One of our events of a family is right when one of its spans overlaps a gold trigger of that family; when it
    overlaps only gold triggers of unmapped types (a "Life.Die" the coder codes as an attack) it is counted apart.
    ``id_of(item, k)`` names gold event ``k`` of ``item`` in ``found_ids`` (default ``(item.id, k)``)."""
    s = ArticleScores()
    for item, ours in zip(items, predicted, strict=True):
        fams = [(p, family_of(p.cameo)) for p in ours]
        for k, g in enumerate(item.gold):
            want = g.types()
            if not want or g.trigger is None:
                continue
            hits = sorted(f for p, f in fams if f in want and any(_overlap(sp, g.trigger) for sp in p.trigger_spans))
            fam = hits[0] if hits else sorted(want)[0]  # an event of either family ("group_clash") counts once
            s.gold[fam] += 1
            if hits:
                s.found[fam] += 1
                s.found_ids.add(id_of(item, k) if id_of else (item.id, k))
            else:
                s.missed.append((item.id, fam, g.source_code or "", item.text[g.trigger[0] : g.trigger[1]]))
        for p, f in fams:
            if f is None:
                continue
            s.ours[f] += 1
            on = [g for g in item.gold
                  if g.trigger is not None and any(_overlap(sp, g.trigger) for sp in p.trigger_spans)]
            if any(f in g.types() for g in on):
                s.right[f] += 1
            elif on and all(not g.types() for g in on):
                s.other_gold[f] += 1
    return s


READERS = {"wikievents_articles": ("eval/wikievents/dev.jsonl", read_wikievents_articles),
           "rams_articles": ("eval/rams/dev.jsonlines", read_rams_articles),
           "glocon_articles": ("eval/glocon_gold_sample", read_glocon)}


def read_articles(name: str, shared: Path) -> list[Item]:
    """Read one article set (a key of :data:`ARTICLE_SETS`) from ``shared``; FileNotFoundError when absent."""
    rel, reader = READERS[name]
    path = shared / rel
    if not path.exists():
        raise FileNotFoundError(str(path))
    return reader(path)
