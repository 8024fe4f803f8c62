"""List the misses of event coding on a marked-pair gold set (PLV, the PLOVER GSR), by kind of fault.

    nice -n 10 .venv/bin/python scripts/event_errors.py --dataset plv,plover_gsr [--shared ../shared] [--no-cv]
        [--show KIND] [--examples N] [--json FILE]

Runs the same pipeline and cross-validation as ``communique eval events`` and classifies every record:

* ``ok``              -- an event of the gold type whose source and target overlap the marked spans;
* ``no_event``        -- no event at all in the sentence;
* ``wrong_type``      -- events, none of the gold type;
* ``target_missing``  -- gold type, source right, no target;
* ``target_wrong``    -- gold type, source right, a target that is not the marked one (``target_unmatchable`` when
  no actor mention overlaps the marked target at all: the scorer cannot match it);
* ``source_wrong``    -- gold type, target right, source wrong (``source_unmatchable`` likewise);
* ``both_wrong``      -- gold type, neither side right;
* for the GSR also ``countries_wrong`` -- pair fine or unmarked, the ISO3 countries not on the right sides.

Prints the counts per kind and, for ``--show KIND``, examples with our events (trigger word, how found, source
and target texts) beside the marked spans.  Text of the data is printed to the terminal only; never copy it
into the repository.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", default="plv")
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--no-cv", action="store_true")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", action="append", default=[])
    ap.add_argument("--examples", type=int, default=25)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "communique" / "parses")
    a = ap.parse_args()

    import communique.api as api
    from communique.evaluate import events as ev

    docs: dict[str, Any] = {}
    real = api.analyze_articles

    def keeping(articles: Any, *args: Any, **kw: Any) -> Any:
        for doc in real(articles, *args, **kw):
            docs[doc.text] = doc
            yield doc

    api.analyze_articles = keeping  # type: ignore[assignment]
    captured: dict[str, Any] = {}
    real_score = ev.score

    def capture(name: str, kind: str, items: Any, predicted: Any) -> Any:
        captured["items"], captured["predicted"] = items, predicted
        return real_score(name, kind, items, predicted)

    ev.score = capture  # type: ignore[assignment]
    import communique.stages.events.coder as coder

    real_args = coder.find_arguments

    def traced(doc: Any, tok: Any, code: str, **kw: Any) -> Any:
        found = real_args(doc, tok, code, **kw)
        names = {x.id: x.name for x in [*doc.actors, *kw.get("extra_actors", [])]}
        shown = None if found is None else [[names.get(i, i) for i in side] for side in found]
        TRACE.setdefault(doc.text, []).append(f"{tok.text}/{tok.dep_}:{code} -> {shown}")
        return found

    coder.find_arguments = traced
    rows: list[dict[str, Any]] = []
    for name in a.dataset.split(","):
        docs.clear()
        s = ev.evaluate(name, a.shared, cross_validate=False if a.no_cv else None, limit=a.limit, cache=a.cache)
        print(ev.report(s, top=0), flush=True)
        rows += [{**r, "dataset": name} for r in classify(captured["items"], captured["predicted"], docs)]
    report(rows, a)


def report(rows: list[dict[str, Any]], a: Any) -> None:
    counts = Counter((r["dataset"], r["kind"]) for r in rows)
    print("\nkinds:")
    for (d, k), n in sorted(counts.items()):
        print(f"  {n:5d}  {d:<11} {k}")
    by_type = Counter((r["dataset"] + " " + r["gold"], r["kind"]) for r in rows if r["kind"] != "ok")
    print("\nby gold type (top 20):")
    for (t, k), n in by_type.most_common(20):
        print(f"  {n:5d}  {t:<12} {k}")
    for kind in a.show:
        print(f"\n== {kind}")
        for r in [r for r in rows if r["kind"] == kind][: a.examples]:
            print(f"- {r['id']} [{r['gold']}] {r['text']}")
            print(f"    gold src={r['gold_source']!r} tgt={r['gold_target']!r} {r.get('gold_countries', '')}")
            for e in r["events"]:
                print(f"    ours {e}")
            print(f"    candidates {r['candidates']}")
            print(f"    actors {r['actors']}")
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


TRACE: dict[str, list[str]] = {}


def _text(doc: Any, ids: list[str]) -> list[str]:
    out = []
    for i in ids:
        actor = doc.actor(i)
        if actor is not None:
            out.append(f"{actor.name}[{actor.country or '-'}]")
    return out


def _describe(doc: Any, e: Any) -> str:
    how = f"rule:{e.rule.split(chr(9))[0]}" if e.rule else f"model:{e.confidence}"
    word = doc.text[e.trigger.start : e.trigger.end]
    return (f"{e.plover or '-'}({e.cameo}) '{word}' {how} {e.status or ''}{' NEG' if e.negated else ''} "
            f"src={_text(doc, e.source)} tgt={_text(doc, e.target)}")


def classify(items: Any, predicted: Any, docs: dict[str, Any]) -> list[dict[str, Any]]:
    from communique.evaluate.events import _countries_ok, _overlaps, _pair_match

    rows = []
    for item, ours in zip(items, predicted, strict=True):
        doc = next((d for t, d in docs.items() if item.text[:30] and item.text[:30] in t), None)
        shift = max(doc.text.find(item.text[:30]), 0) if doc is not None else 0
        mention_spans = [(m.span.start - shift, m.span.end - shift) for m in doc.mentions if m.actor_id] if doc else []
        for g in item.gold:
            types = g.types()
            typed = [p for p in ours if p.plover in types]
            if not ours:
                kind = "no_event"
            elif not typed:
                kind = "wrong_type"
            elif g.source is None or g.target is None:
                kind = "ok_unmarked"
            elif any(_pair_match(g, p) for p in typed):
                kind = "ok"
            else:
                src_ok = any(_overlaps(p.source_spans, g.source) or _overlaps(p.target_spans, g.source) for p in typed)
                tgt_ok = any(_overlaps(p.target_spans, g.target) for p in typed)
                if src_ok and not tgt_ok:
                    if all(not p.target_spans for p in typed if _overlaps(p.source_spans, g.source)):
                        kind = "target_missing"
                    else:
                        kind = "target_wrong"
                    if not _overlaps(mention_spans, g.target):
                        kind += "_unmatchable"
                elif tgt_ok and not src_ok:
                    kind = "source_wrong" + ("" if _overlaps(mention_spans, g.source) else "_unmatchable")
                else:
                    kind = "both_wrong"
            if g.source_countries or g.target_countries:
                cok = any(p.plover in types and _countries_ok(g, p) for p in ours)
                if kind in ("ok", "ok_unmarked") and not cok:
                    kind = "countries_wrong"
                elif cok and kind not in ("ok", "ok_unmarked"):
                    kind += "+countries_ok"
            row = {
                "id": item.id, "kind": kind, "gold": "|".join(sorted(types)), "text": item.text,
                "gold_source": item.text[g.source[0] : g.source[1]] if g.source else None,
                "gold_target": item.text[g.target[0] : g.target[1]] if g.target else None,
                "events": [_describe(doc, e) for e in doc.events] if doc is not None else [],
                "candidates": TRACE.get(doc.text, []) if doc is not None else [],
                "actors": [f"{x.name}[{x.country or '-'}]" for x in doc.actors] if doc is not None else [],
            }
            if g.source_countries or g.target_countries:
                row["gold_countries"] = f"{sorted(g.source_countries)}->{sorted(g.target_countries)}"
            rows.append(row)
    return rows


if __name__ == "__main__":
    main()
