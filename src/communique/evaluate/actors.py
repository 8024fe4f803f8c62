"""Score actor finding and coding: country, sector and code of the parties to events.

    python -m communique.evaluate.actors [--shared PATH] [--limit N] [--dataset NAME]
    communique eval actors [--shared PATH] [--limit N] [--dataset NAME]

Datasets (read from ``../shared`` at run time; no sentence is copied into the project):

* ``plover_gsr`` (``eval/plover_gsr/PLOVER_GSR_CAMEO.json``): each gold source/target actor has its text,
  a code (ISO3, a legacy CAMEO country code, or ``IGO``/``NGO``/...) and for some a sector.  The actor's text
  is found in the sentence; our actor is the one whose mention overlaps it most.  Scored: found; country
  (ISO3, or "IGO" when the gold code is IGO and ours begins IGO); country + sector over gold actors with a
  sector.  The gold sector is its first three letters, the primary role ("CVLALB", civilians who are ethnic
  Albanians, is CVL); "***" (the coder left the sector open) is scored on country only.  The GSR writes
  PLOVER's sector codes, which differ from CAMEO's (ours) in two names: PLOVER ``JRN`` (journalists,
  newspapers) is CAMEO ``MED``, and PLOVER ``MED`` (medical: doctors, the Red Cross) is CAMEO ``HLH``; the
  GSR's ``CIV`` (in no sector list; civilians) is CAMEO ``CVL``.  Gold sectors are translated so
  (:data:`PLOVER_SECTORS`) before they are compared.  Accuracy is reported over the gold actors we found
  and over all of them.
* ``plv`` (``eval/plover_plv/PLV_train.tsv``, the training split only): the share of marked source
  (``<s>…</s>``) and target (``<t>…</t>``) spans overlapped by an actor mention of ours; and country and
  country + sector accuracy on the hand-labelled sample ``actors_gold/plv_sample.tsv`` (its labelling rules
  are in ``actors_gold/README.md``).
* ``petrarch2`` (``reference/petrarch2/PETR.UnitTest.records.xml``), coded with its validation
  dictionaries ``PETR.Validate.actors.txt`` and ``PETR.Validate.agents.txt`` as the actor knowledge: the
  share of gold source/target codes that one of our actors in the sentence carries exactly ("ARNGOV"). A gold
  ``---GOV`` (PETRARCH's notation for an agent of unknown country) is matched by our ``GOV`` (ours for the same:
  the sector alone); a bare ``---`` (no actor coded) counts as a miss.

Targets (issue 7): country >= 0.95, country + sector >= 0.85, PETRARCH codes >= 0.90.
Exit status 2 when the gold data folder is missing.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .events_gold import DEFAULT_SHARED, LEGACY_CODES, PETRARCH2, _clean, _iso3_set, read_petrarch

PLOVER_GSR = Path("eval/plover_gsr/PLOVER_GSR_CAMEO.json")
PLV = Path("eval/plover_plv/PLV_train.tsv")
PETRARCH_ACTORS = Path("reference/petrarch2/PETR.Validate.actors.txt")
PETRARCH_AGENTS = Path("reference/petrarch2/PETR.Validate.agents.txt")
SAMPLE = "actors_gold/plv_sample.tsv"

#: PLOVER sector codes (as the GSR writes them) -> the CAMEO sector codes we write; codes not listed are the same in
#: both.  PLOVER's sector list (``reference/plover``) has both JRN and MED: the GSR gives JRN to newspapers and
#: journalists and MED to doctors and the Red Cross/Crescent, so PLOVER JRN is CAMEO MED (media) and PLOVER MED
#: is CAMEO HLH (health).  "CIV" is in neither list: the GSR's spelling of CVL (civilians: a people, a city).
PLOVER_SECTORS = {"JRN": "MED", "MED": "HLH", "CIV": "CVL"}

__all__ = ["PLOVER_SECTORS", "GoldActor", "Tally", "gsr_actors", "plv_spans", "read_sample", "score_spans", "main"]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One gold actor: its text's characters [start, end) in ``text``; country ISO3 or "IGO" or None."""

    key: str
    text: str
    start: int
    end: int
    country: str | None
    sector: str | None


@dataclass(slots=True)
class Tally:
    total: int = 0
    found: int = 0
    country_gold: int = 0
    country_found: int = 0
    country_hits: int = 0
    sector_gold: int = 0
    sector_found: int = 0
    sector_hits: int = 0
    misses: list[str] = field(default_factory=list)
    #: misses of found actors by kind: "country wrong", "country missing" (ours has none), "sector wrong",
    #: "sector missing" (country right)
    kinds: dict[str, int] = field(default_factory=dict)

    def kind_lines(self, name: str) -> list[str]:
        """The misses of found actors by kind, largest first."""
        return [f"{name}: {kind:<16} {n}" for kind, n in sorted(self.kinds.items(), key=lambda kv: -kv[1])]

    def lines(self, name: str) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} = {a / b:.1%}" if b else "n/a"

        return [
            f"{name}: actors found              {pct(self.found, self.total)}",
            f"{name}: country (of found)        {pct(self.country_hits, self.country_found)}"
            f"   (of all: {pct(self.country_hits, self.country_gold)})",
            f"{name}: country+sector (of found) {pct(self.sector_hits, self.sector_found)}"
            f"   (of all: {pct(self.sector_hits, self.sector_gold)})",
        ]


def _country(code: str | None, iso3: frozenset[str]) -> str | None:
    if not code:
        return None
    head = code.strip().upper()
    if head.startswith("IGO"):
        return "IGO"
    head = LEGACY_CODES.get(head[:3], head[:3])
    return head if head in iso3 else None


def gsr_actors(path: Path, iso3: frozenset[str]) -> list[tuple[str, list[GoldActor]]]:
    """(sentence, its gold actors located in it) for every GSR record whose actor texts are found verbatim."""
    out = []
    for rec in json.loads(path.read_text("utf-8")):
        text = rec.get("text")
        if not text or rec.get("event") == "DOCUMENT":
            continue
        text = _clean(text)
        golds = []
        for role in ("source", "target"):
            for n, a in enumerate(rec.get(role) if isinstance(rec.get(role), list) else []):
                if not isinstance(a, dict) or not a.get("actorText"):
                    continue
                at = _clean(a["actorText"])
                i = text.find(at)
                if i < 0:
                    continue
                sector = (a.get("sector") or "").strip().upper()[:3] or None
                if sector == "***":
                    sector = None  # the coder left the sector open: scored on country only
                sector = PLOVER_SECTORS.get(sector, sector) if sector else None
                golds.append(GoldActor(f"{rec['id']}:{role}{n}", at, i, i + len(at), _country(a.get("code"), iso3),
                                       sector))
        if golds:
            out.append((text, golds))
    return out


_MARK = re.compile(r"</?[st]>")


def plv_spans(path: Path) -> list[tuple[str, list[GoldActor]]]:
    """(sentence, its marked source and target spans) from PLV_train; no country or sector (unlabelled)."""
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for line_no, row in enumerate(csv.DictReader(f, delimiter="\t"), 1):
            marked = row.get("marked_sentence") or ""
            spans = []
            plain = ""
            pos = 0
            opened: dict[str, int] = {}
            for m in _MARK.finditer(marked):
                plain += marked[pos : m.start()]
                pos = m.end()
                tag = m.group(0)
                if tag.startswith("</"):
                    role = tag[2]
                    if role in opened:
                        s = opened.pop(role)
                        spans.append(GoldActor(f"{line_no}:{row['sentence_id']}:{role}", plain[s:], s,
                                               len(plain), None, None))
                else:
                    opened[tag[1]] = len(plain)
            plain += marked[pos:]
            if spans:
                out.append((plain, spans))
    return out


def read_sample() -> dict[str, tuple[str | None, str | None]]:
    """The hand-labelled PLV sample: ``record:sentence_id:role`` (record = the data row's number, 1 for the first
    row after the header; ``s`` source, ``t`` target) ->
    (country ISO3 / "IGO" or None, sector or None).  A span labelled with no country is not scored."""
    text = resources.files("communique.evaluate").joinpath(SAMPLE).read_text("utf-8")
    out: dict[str, tuple[str | None, str | None]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 5)[:5]
        out[f"{cols[0]}:{cols[1]}:{cols[2]}"] = (cols[3].strip() or None, cols[4].strip() or None)
    return out


def _best_actor(doc: Any, g: GoldActor) -> Any:
    """Our actor for a gold span: the mention overlapping it most, a mention whose head lies in it first
    ("Ethiopian, Mozambican and South African troops" is one span, three actors by their demonyms)."""
    best, rank = None, (0, 0)
    for m in doc.mentions:
        o = min(m.span.end, g.end) - max(m.span.start, g.start)
        head_in = m.head is not None and g.start <= m.head.start and m.head.end <= g.end
        if o > 0 and m.actor_id and (head_in, o) > rank:
            best, rank = doc.actor(m.actor_id), (head_in, o)
    return best


def _actor_country(a: Any) -> str | None:
    """ISO3; "IGO" for international organisations, "IMG" for international militarised groups (IMGMUSISI)."""
    if a.code and a.code.startswith(("IGO", "IMG")):
        return a.code[:3]
    return a.country


def score_spans(docs: Sequence[Any], golds: Sequence[list[GoldActor]], tally: Tally) -> Tally:
    """Add each gold actor's finding and coding to ``tally``."""
    for doc, gs in zip(docs, golds, strict=True):
        for g in gs:
            tally.total += 1
            a = _best_actor(doc, g)
            if a is not None:
                tally.found += 1
            if g.country is not None:
                tally.country_gold += 1
                if a is not None:
                    tally.country_found += 1
                    ok = _actor_country(a) == g.country
                    tally.country_hits += ok
                    if not ok:
                        tally.misses.append(f"{g.key} {g.text!r}: gold {g.country}, ours {a.code}")
                        kind = "country missing" if _actor_country(a) is None else "country wrong"
                        tally.kinds[kind] = tally.kinds.get(kind, 0) + 1
                if g.sector is not None:
                    tally.sector_gold += 1
                    if a is not None:
                        tally.sector_found += 1
                        ok = _actor_country(a) == g.country and (a.sector == g.sector or (
                            g.country == "IGO" and (a.code or "").startswith("IGO")))
                        tally.sector_hits += ok
                        if not ok and _actor_country(a) == g.country:
                            tally.misses.append(f"{g.key} {g.text!r}: gold {g.country}{g.sector}, ours {a.code}")
                            kind = "sector missing" if not a.sector else "sector wrong"
                            tally.kinds[kind] = tally.kinds.get(kind, 0) + 1
    return tally


def _analyse(texts: Sequence[str], pipeline: Any, dates: Sequence[str | None] | None = None) -> list[Any]:
    """Analyse each text as an article; ``dates`` (ISO, one per text, or ``None``) are their publication dates."""
    from ..api import analyze_articles
    from ..read import make_article

    days = list(dates) if dates is not None else [None] * len(texts)
    return list(analyze_articles([make_article(t, published=d) if d else make_article(t)
                                  for t, d in zip(texts, days, strict=True)], pipeline=pipeline))


def run_gsr(shared: Path, *, limit: int | None = None, pipeline: Any = None) -> Tally:
    items = gsr_actors(shared / PLOVER_GSR, _iso3_set())[:limit]
    docs = _analyse([t for t, _ in items], pipeline)
    return score_spans(docs, [g for _, g in items], Tally())


def run_plv(shared: Path, *, limit: int | None = None, pipeline: Any = None) -> tuple[Tally, Tally]:
    """(coverage over every marked span, labelled-sample accuracy)."""
    items = plv_spans(shared / PLV)[:limit]
    docs = _analyse([t for t, _ in items], pipeline)
    coverage = score_spans(docs, [g for _, g in items], Tally())
    sample = read_sample()
    labelled = [[GoldActor(g.key, g.text, g.start, g.end, *sample[g.key]) for g in gs
                 if g.key in sample and sample[g.key][0]] for _, gs in items]
    return coverage, score_spans(docs, labelled, Tally())


def _unknown_country(code: str) -> str | None:
    """PETRARCH's ``---GOV`` (an agent whose country is not known) written as we write it, the sector alone
    (``GOV``): the same meaning in two notations. ``---`` alone (no actor coded) has no equivalent: ``None``."""
    return code[3:] if code.startswith("---") and len(code) > 3 else None


def run_petrarch(shared: Path, *, limit: int | None = None) -> tuple[int, int, list[str]]:
    """(gold codes carried by one of our actors, gold codes, misses) on the PETRARCH-2 unit tests."""
    from ..api import default_pipeline

    pipe = default_pipeline(knowledge=(str(shared / PETRARCH_ACTORS), str(shared / PETRARCH_AGENTS)))
    sentences = read_petrarch(shared / PETRARCH2, _iso3_set())[:limit]
    raw = (shared / PETRARCH2).read_text("utf-8")
    codes_by_id: dict[str, list[str]] = {}
    date_by_id: dict[str, str] = {}  # the record's date: the dictionaries' dated roles hold on it
    for m in re.finditer(r'<Sentence\b([^>]*)\bid="([^"]+)"[^>]*>(.*?)</Sentence>', raw, re.S):
        if (d := re.search(r'\bdate="(\d{4})(\d\d)(\d\d)"', m.group(0)[:200])) is not None:
            date_by_id[m.group(2)] = f"{d.group(1)}-{d.group(2)}-{d.group(3)}"
        for c in re.finditer(r'(?:sourcecode|targetcode)="([^"]*)"', m.group(3)):
            if c.group(1).strip('"'):
                codes_by_id.setdefault(m.group(2), []).append(c.group(1))
    docs = _analyse([s.text for s in sentences], pipe, [date_by_id.get(s.id) for s in sentences])
    hits = total = 0
    misses = []
    for s, doc in zip(sentences, docs, strict=True):
        ours = {a.code for a in doc.actors if a.code}
        for code in codes_by_id.get(s.id, []):
            total += 1
            if code in ours or _unknown_country(code) in ours:
                hits += 1
            else:
                misses.append(f"{s.id}: gold {code}, ours {sorted(ours)}")
    return hits, total, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N records of each set")
    ap.add_argument("--dataset", choices=("plover_gsr", "plv", "petrarch2"), action="append",
                    help="score only this set (repeatable)")
    ap.add_argument("--verbose", action="store_true", help="count the misses by kind and list every one")
    args = ap.parse_args(argv)
    print("\n".join(report(args.shared, limit=args.limit, datasets=args.dataset, verbose=args.verbose)))
    return 0


def report(shared: Path, *, limit: int | None = None, datasets: Sequence[str] | None = None,
           verbose: bool = False) -> list[str]:
    """The printed report; raises :class:`FileNotFoundError` naming the first missing gold file."""
    want = set(datasets or ("plover_gsr", "plv", "petrarch2"))
    for name, rel in (("plover_gsr", PLOVER_GSR), ("plv", PLV), ("petrarch2", PETRARCH2)):
        if name in want and not (shared / rel).exists():
            raise FileNotFoundError(f"{shared / rel}: gold data not found; pass --shared PATH")
    from ..api import default_pipeline

    pipe = default_pipeline()
    lines: list[str] = []
    if "plover_gsr" in want:
        t = run_gsr(shared, limit=limit, pipeline=pipe)
        lines += t.lines("plover_gsr") + (t.kind_lines("plover_gsr misses") + [f"  miss {m}" for m in t.misses]
                                          if verbose else [])
    if "plv" in want:
        cov, lab = run_plv(shared, limit=limit, pipeline=pipe)
        lines.append(f"plv_train: marked spans with an actor  {cov.found}/{cov.total} = "
                     f"{cov.found / max(cov.total, 1):.1%}")
        lines += lab.lines("plv_sample") + (lab.kind_lines("plv_sample misses") + [f"  miss {m}" for m in lab.misses]
                                            if verbose else [])
    if "petrarch2" in want:
        hits, total, misses = run_petrarch(shared, limit=limit)
        lines.append(f"petrarch2: actor codes exact        {hits}/{total} = {hits / max(total, 1):.1%}")
        lines += [f"  miss {m}" for m in misses] if verbose else []
    lines.append("targets: country >= 95%, country+sector >= 85%, PETRARCH codes >= 90%")
    return lines


if __name__ == "__main__":
    try:
        sys.exit(main())
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
