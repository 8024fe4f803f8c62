"""Event location on dev splits whose events carry a gold Place argument: WikiEvents dev (KAIROS, 20 documents)
and RAMS dev (924 five-sentence windows).

    communique eval event-places [--limit N] [--dataset wikievents|rams|both]

For each gold event with a Place argument that is a capitalised name the gazetteer knows (not "the city", "a
market"), our event whose trigger overlaps the gold trigger is looked up (gold events we do not code are
counted apart, as coverage). Its location is **right** when its toponym overlaps the gold place mention, names
the same GeoNames entry or the same name; **none** when our event has no place; **wrong** otherwise. The
figure is event-location accuracy on events we find. Gold events without a Place argument are not scored: both
schemes leave most places unannotated, so a place we give them may well be right.

Only dev splits are read (``eval/wikievents/dev.jsonl``, ``eval/rams/dev.jsonlines`` under ../shared).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..knowledge.gazetteer import Gazetteer, normalise

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
FILES = {"wikievents": "eval/wikievents/dev.jsonl", "rams": "eval/rams/dev.jsonlines"}


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """One gold event's trigger and Place argument, as character spans into its text."""

    trigger: tuple[int, int]
    place: tuple[int, int]
    place_text: str


@dataclass(frozen=True, slots=True)
class Text:
    id: str
    text: str
    gold: tuple[GoldPlace, ...]


@dataclass
class Tally:
    gold: int = 0  # gold events with a named Place
    found: int = 0  # of those, events we coded
    right: int = 0
    none: int = 0
    wrong: int = 0
    examples: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        acc = self.right / self.found if self.found else 0.0
        return (f"{name}: {self.gold} gold events with a named place; we code {self.found} "
                f"({self.found / max(self.gold, 1):.0%}); of those, place right {self.right} ({acc:.1%}), "
                f"none {self.none}, wrong {self.wrong}")


def read_wikievents(path: Path) -> list[Text]:
    """WikiEvents dev documents, their text rebuilt from ``sentences`` so that the token offsets hold."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        offsets = [(s, e) for toks, _ in doc["sentences"] for _, s, e in toks]
        # the token offsets count one separator between sentences, which the ``text`` field lacks: rebuild it
        buf = ["\n"] * (max((e for _, e in offsets), default=0))
        for toks, sentence in doc["sentences"]:
            if toks:
                buf[toks[0][1] : toks[0][1] + len(sentence)] = sentence
        text = "".join(buf)
        ents = {m["id"]: m for m in doc["entity_mentions"]}
        gold = []
        for ev in doc["event_mentions"]:
            t = ev["trigger"]
            for arg in ev["arguments"]:
                m = ents.get(arg["entity_id"])
                if arg["role"] != "Place" or m is None:
                    continue
                gold.append(GoldPlace((offsets[t["start"]][0], offsets[t["end"] - 1][1]),
                                      (offsets[m["start"]][0], offsets[m["end"] - 1][1]), m["text"]))
        out.append(Text(doc["doc_id"], text, tuple(gold)))
    return out


def read_rams(path: Path) -> list[Text]:
    """RAMS dev windows with at least one place link (tokens joined by single spaces)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        links = [lk for lk in doc["gold_evt_links"] if lk[2].endswith("place")]
        if not links:
            continue
        toks = [t for s in doc["sentences"] for t in s]
        offsets, pos = [], 0
        for t in toks:
            offsets.append((pos, pos + len(t)))
            pos += len(t) + 1
        text = " ".join(toks)
        gold = tuple(GoldPlace((offsets[a][0], offsets[b][1]), (offsets[c][0], offsets[d][1]),
                               text[offsets[c][0] : offsets[d][1]]) for (a, b), (c, d), _ in links)
        out.append(Text(doc["doc_key"], text, gold))
    return out


def score(texts: Iterable[Text], analyze: Callable[[str], Any], gazetteer: Gazetteer, *, keep: int = 0) -> Tally:
    """Analyse each text once (``analyze(text) -> Doc``) and tally its gold events with a named place."""
    tally = Tally()
    for item in texts:
        named = [g for g in item.gold if g.place_text[:1].isupper() and gazetteer.lookup(g.place_text) is not None]
        if not named:
            continue
        doc = analyze(item.text)
        for g in named:
            tally.gold += 1
            ev = next((e for e in doc.events if e.trigger.start < g.trigger[1] and g.trigger[0] < e.trigger.end),
                      None)
            if ev is None:
                continue
            tally.found += 1
            loc = ev.location
            if loc is None:
                tally.none += 1
                verdict = "none"
            elif _same(loc, g, gazetteer, item.text):
                tally.right += 1
                continue
            else:
                tally.wrong += 1
                verdict = f"got {loc.name}"
            if len(tally.examples) < keep:
                trig = item.text[g.trigger[0] : g.trigger[1]]
                tally.examples.append(f"{item.id}: {trig!r} want {g.place_text!r}, {verdict}")
    return tally


def _same(loc: Any, g: GoldPlace, gazetteer: Gazetteer, text: str) -> bool:
    ev = loc.evidence
    if ev is not None and ev.start < g.place[1] and g.place[0] < ev.end:
        return True
    want = gazetteer.lookup(g.place_text)
    names = {normalise(loc.name)} | ({normalise(text[ev.start : ev.end])} if ev is not None else set())
    return normalise(g.place_text) in names or (
        want is not None and want.geonames_id is not None and want.geonames_id == loc.geonames_id)


def evaluate(shared: Path = SHARED, *, datasets: Sequence[str] = ("wikievents", "rams"), limit: int | None = None,
             examples: int = 0) -> list[str]:
    """Report lines per dataset. Raises FileNotFoundError naming a missing dev file."""
    from ..api import analyze

    readers = {"wikievents": read_wikievents, "rams": read_rams}
    lines = []
    gazetteer = Gazetteer.default()
    for name in datasets:
        path = shared / FILES[name]
        if not path.is_file():
            raise FileNotFoundError(f"{path}: dev file not found (../shared/eval)")
        texts = readers[name](path)[:limit]
        t = score(texts, analyze, gazetteer, keep=examples)
        lines.append(t.line(f"{name} dev ({len(texts)} texts)"))
        lines += [f"  x {x}" for x in t.examples]
    return lines
