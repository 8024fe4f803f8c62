"""Rich tables for people: one analysed document, or rows of stored events."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .model import Doc
from .serialize import doc_to_dict


def _names(ids: list[str], actors: dict[str, dict[str, Any]]) -> str:
    return ", ".join(f"{actors[i]['name']} ({actors[i]['code'] or '-'})" for i in ids if i in actors)


def _around(text: str, start: int, end: int, lo: int, hi: int, width: int = 60) -> str:
    """The evidence sentence cut to about ``width`` characters each side of the trigger, trigger in bold."""
    a, b = max(lo, start - width), min(hi, end + width)
    return (("…" if a > lo else "") + text[a:start] + f"[bold]{text[start:end]}[/bold]" + text[end:b]
            + ("…" if b < hi else ""))


def print_doc(doc: Doc, console: Console | None = None) -> None:
    console = console or Console(width=160)
    d = doc_to_dict(doc)
    meta = d["document"]
    console.print(f"[bold]{meta['title'] or '(no headline)'}[/bold]  id={meta['id']}  published={meta['published']}")
    actors = {a["id"]: a for a in d["actors"]}
    t = Table(title="Actors", show_lines=False)
    for col in ("id", "name", "code", "country", "sector", "kind", "title"):
        t.add_column(col)
    for a in d["actors"]:
        name = a["name"] + (" (anonymous)" if a["anonymous"] else "")
        t.add_row(a["id"], name, a["code"] or "", a["country"] or "", a["sector"] or "", a["kind"], a["title"] or "")
    console.print(t)
    t = Table(title="Events", show_lines=True)
    for col in ("id", "cameo", "label", "source", "target", "date", "place", "status", "according to", "evidence"):
        t.add_column(col, overflow="fold")
    for e in d["events"]:
        date = e["date"] or {}
        when = f"{date.get('value') or '?'} ({date.get('precision')})"
        loc = e["location"]
        place = f"{loc['name']}, {loc['country']}" if loc else ""
        chain = " <- ".join(a["source"] + (" [anon]" if a["anonymous"] else "") for a in e["attribution"])
        t.add_row(e["id"], e["cameo"], e["label"], _names(e["source"], actors), _names(e["target"], actors), when,
                  place, e["status"], chain, _around(doc.text, e["trigger"]["start"], e["trigger"]["end"],
                                                     e["evidence"]["start"], e["evidence"]["end"]))
    console.print(t)
    t = Table(title="Quotes", show_lines=True)
    for col in ("speaker", "anonymous", "via", "quote"):
        t.add_column(col, overflow="fold")
    for q in d["quotes"]:
        who = q["speaker_text"] or (actors[q["speaker"]]["name"] if q["speaker"] in actors else "?")
        t.add_row(who, "yes" if q["anonymous"] else "", q["via"] or "", q["text"])
    console.print(t)


def print_event_rows(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    console = console or Console(width=160)
    t = Table(title=f"Events ({len(rows)})", show_lines=False)
    cols = ("date", "cameo", "label", "source", "target", "location", "status", "negated", "corroboration")
    for col in cols:
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
    console.print(t)


def print_signals(signals: list[dict[str, Any]], blocs: Any = None, console: Console | None = None) -> None:
    """Signals (as :func:`communique.signals.signals_from_store` returns them) and, when given, the blocs."""
    console = console or Console(width=160)
    t = Table(title="Signals: shifts in relations (strongest first)", show_lines=True)
    for col in ("unit", "direction", "window", "score", "events (expected)", "Goldstein before → during",
                "evidence (first event)"):
        t.add_column(col)
    for s in signals:
        first = s["events"][0] if s["events"] else {}
        gold = f"{s['goldstein_before'] if s['goldstein_before'] is not None else '-'} → " \
               f"{s['goldstein_during'] if s['goldstein_during'] is not None else '-'}"
        t.add_row(s["unit"], f"{s['direction']} ({s['channel']} {s['change']})", f"{s['start']} .. {s['end']}",
                  f"{s['score']:.1f}", f"{s['observed']} ({s['expected']:.1f})"
                  + (f" in {s['window_start']} .. {s['window_end']}" if s.get("window_start") else ""), gold,
                  f"{first.get('date', '')} {first.get('cameo', '')} {(first.get('evidence') or '')[:140]}"
                  + (f" ({first['article_id']} [{first['evidence_start']}:{first['evidence_end']}])"
                     if first.get("article_id") else ""))
    console.print(t if signals else "no signals")
    if blocs is not None:
        d = blocs.as_dict()
        console.print(f"[bold]Blocs[/bold] of the cooperation network, {d['start']} .. {d['end']}:")
        for i, b in enumerate(d["blocs"]):
            console.print(f"  {i}: {', '.join(b)}")
        for m in d["moves"]:
            console.print(f"  moved: {m['actor']} (from earlier bloc {m['from']} to bloc {m['to']})")
        for p in d["deepening"]:
            console.print(f"  deepening: {p['dyad']} cooperation {p['before']:g} → {p['now']:g}")
