"""Score the pipeline on our own example articles (examples/articles + examples/expected.json).

    python -m communique.evaluate.examples [--verbose]

Prints, per article and overall: actors found (and with the right country/sector/kind), events found
(CAMEO prefix + evidence sentence + source/target countries), and of those the share with the right
date, place and status; quotes found, with the right speaker and anonymity.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Doc

ROOT = Path(__file__).resolve().parents[3]
SYMMETRIC_PREFIXES = ("040", "041", "043", "044", "046", "057", "19")


@dataclass
class Score:
    counts: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, ok: bool) -> None:
        c = self.counts.setdefault(key, [0, 0])
        c[0] += int(ok)
        c[1] += 1

    def rate(self, key: str) -> float:
        hit, total = self.counts.get(key, [0, 0])
        return hit / total if total else 0.0

    def merge(self, other: Score) -> None:
        for k, (h, t) in other.counts.items():
            c = self.counts.setdefault(k, [0, 0])
            c[0] += h
            c[1] += t
        self.misses += other.misses


def _countries(doc: Doc, ids: list[str]) -> set[str]:
    out = set()
    for i in ids:
        a = doc.actor(i)
        if a is not None and a.country:
            out.add(a.country)
    return out


def _bare(s: str) -> str:
    s = s.lower().replace("’", "'")
    for art in ("the ", "a ", "an "):
        if s.startswith(art):
            s = s[len(art):]
    return s.removesuffix("'s").strip()


def _best_actor(doc: Doc, text: str) -> Any:
    """The actor whose name or a mention matches ``text`` best: exactly, else the longest overlap."""
    want = _bare(text)
    best: tuple[int, Any] | None = None
    for a in doc.actors:
        names = [a.name] + [doc.text[doc.mentions[i].span.start : doc.mentions[i].span.end] for i in a.mentions]
        for n in (_bare(x) for x in names if x):
            score = 1000 if n == want else (len(n) if n in want or want in n else 0)
            if score and (best is None or score > best[0]):
                best = (score, a)
    return best[1] if best else None


def score_doc(doc: Doc, gold: dict[str, Any]) -> Score:
    sc = Score()
    text = doc.text
    for ga in gold["actors"]:
        found = _best_actor(doc, ga["text"])
        sc.add("actor found", found is not None)
        ok = found is not None and (found.country, found.sector, found.kind) == (ga["country"], ga["sector"],
                                                                                  ga["kind"])
        sc.add("actor attributes", ok)
        if not ok:
            sc.misses.append(f"actor {ga['text']!r}: got {found and (found.country, found.sector, found.kind)}")
    for ge in gold["events"]:
        match = None
        for e in doc.events:
            sentence = text[e.evidence.start : e.evidence.end]
            if ge["evidence_contains"] not in sentence or not e.cameo.startswith(ge["cameo_prefix"]):
                continue
            src, tgt = _countries(doc, e.source), _countries(doc, e.target)
            want_s, want_t = ge["source_country"], ge["target_country"]
            direct = want_s in src and (want_t is None or want_t in tgt)
            flipped = ge["cameo_prefix"].startswith(SYMMETRIC_PREFIXES) and want_s in tgt and want_t in src
            if direct or flipped:
                match = e
                break
        sc.add("event found", match is not None)
        if match is None:
            got = [(e.cameo, sorted(_countries(doc, e.source)), sorted(_countries(doc, e.target)))
                   for e in doc.events if ge["evidence_contains"] in text[e.evidence.start : e.evidence.end]]
            sc.misses.append(f"event {ge['cameo_prefix']} {ge['source_country']}->{ge['target_country']} "
                             f"{ge['evidence_contains']!r}: got {got}")
            continue
        want_date = ge["date"]
        got_date = match.date.value.isoformat() if match.date and match.date.value and match.date.precision in (
            "day",) else None
        sc.add("event date", got_date == want_date)
        want_loc = ge["location"]
        got_loc = match.location.name if match.location else None
        # the gazetteer's spelling or the toponym as the article writes it ("Darnah" / "Derna")
        ev_loc = match.location.evidence if match.location else None
        if ev_loc is not None and want_loc is not None and text[ev_loc.start : ev_loc.end] == want_loc:
            got_loc = want_loc
        sc.add("event place", got_loc == want_loc)
        sc.add("event status", match.status == ge["status"])
        for key, wanted, found in (("date", want_date, got_date), ("place", want_loc, got_loc),
                                   ("status", ge["status"], match.status)):
            if wanted != found:
                sc.misses.append(f"event {ge['evidence_contains']!r} {key}: want {wanted}, got {found}")
    for gq in gold["quotes"]:
        q = next((q for q in doc.quotes if any(text[p.start : p.end].startswith(gq["text_startswith"])
                                               for p in (q.parts or [q.span]))), None)
        sc.add("quote found", q is not None)
        if q is None:
            sc.misses.append(f"quote {gq['text_startswith']!r} not found")
            continue
        speaker_text = text[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None
        a = doc.actor(q.speaker) if q.speaker else None
        want = gq["speaker_text"]
        ok = (want is None and q.speaker is None) or (want is not None and (
            (speaker_text is not None and (want.lower() in speaker_text.lower() or speaker_text.lower() in
                                           want.lower())) or (a is not None and want.lower() in a.name.lower())))
        sc.add("quote speaker", ok)
        sc.add("quote anonymous", q.anonymous == gq["anonymous"])
        if not ok:
            sc.misses.append(f"quote {gq['text_startswith']!r}: speaker want {want}, got {speaker_text}")
    return sc


def run(root: Path = ROOT) -> tuple[Score, dict[str, Score]]:
    from ..api import analyze

    gold = json.loads((root / "examples" / "expected.json").read_text("utf-8"))
    total = Score()
    per: dict[str, Score] = {}
    for g in gold:
        raw = (root / "examples" / "articles" / g["file"]).read_text("utf-8")
        doc = analyze(raw, published=dt.date.fromisoformat(g["published"]))
        sc = score_doc(doc, g)
        per[g["file"]] = sc
        total.merge(sc)
    return total, per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    total, per = run()
    keys = list(total.counts)
    print("file".ljust(40) + "".join(k[:16].rjust(18) for k in keys))
    for name, sc in list(per.items()) + [("ALL", total)]:
        cells = "".join(f"{sc.counts.get(k, [0, 0])[0]}/{sc.counts.get(k, [0, 0])[1]}".rjust(18) for k in keys)
        print(name[:40].ljust(40) + cells)
    print("rates: " + ", ".join(f"{k} {total.rate(k):.0%}" for k in keys))
    if args.verbose:
        for name, sc in per.items():
            for m in sc.misses:
                print(f"  {name}: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
