"""A small store of hand-made reports with known answers, shared by the analysis, export and server tests.

Articles (outlet, published) and their events (CAMEO, source -> target, date, place, status):

    a1 Wire A 2025-01-03  RUS-SYR 042 visit 2025-01-02 Damascus reported; SYR-RUS 057 sign 2025-01-03 confirmed
    a2 Wire B 2025-01-04  RUS-SYR 042 visit 2025-01-02 Damascus unconfirmed  (same event as a1's visit)
    a3 Wire A 2025-02-10  RUS-UKR 195 attack 2025-02-09 Kharkiv reported; UKR-RUS 112 accuse 2025-02-10
                          negated 190 RUS-UKR 2025-02-10; planned 042 SYR-RUS 2025-03-01
"""

from __future__ import annotations

import datetime as dt

from communique.model import (
    Actor,
    Article,
    Attribution,
    Doc,
    Event,
    EventDate,
    Evidence,
    Location,
    Mention,
    Quote,
    Span,
)
from communique.store import Store

DAMASCUS = Location("Damascus", "SYR", 33.51, 36.29, 170654)
KHARKIV = Location("Kharkiv", "UKR", 49.99, 36.23, 706483)

ACTORS = {
    "RUS": Actor("r", "Russia", "country", code="RUS", country="RUS"),
    "RUSGOV": Actor("rg", "Sergei Volkov", "person", code="RUSGOV", country="RUS", sector="GOV", title="Minister"),
    "SYR": Actor("s", "Syria", "country", code="SYR", country="SYR"),
    "UKR": Actor("u", "Ukraine", "country", code="UKR", country="UKR"),
}


def _doc(aid: str, outlet: str, published: dt.date, sentences: list[tuple[str, str, str, str, str, dict]]) -> Doc:
    """``sentences``: (sentence, trigger, cameo, source code, target code, event fields)."""
    text = " ".join(s for s, *_ in sentences)
    doc = Doc(Article(aid, text, title=f"Story {aid}", published=published, outlet=outlet))
    used: dict[str, Actor] = {}
    pos = 0
    for i, (sentence, trigger, cameo, src, tgt, fields) in enumerate(sentences):
        start = text.index(sentence, pos)
        pos = start + len(sentence)
        t0 = text.index(trigger, start)
        for code in (src, tgt):
            actor = used.setdefault(code, Actor(**{k: getattr(ACTORS[code], k) for k in (
                "id", "name", "kind", "code", "country", "sector", "title")}))
            name_at = text.find(actor.name, start, pos)
            if name_at >= 0:
                doc.mentions.append(Mention(Span(name_at, name_at + len(actor.name)), "GPE", actor.id))
        when = fields.pop("date", None)
        doc.events.append(Event(
            id=f"e{i + 1}", cameo=cameo, plover=fields.pop("plover", None), label=fields.pop("label", cameo),
            goldstein=fields.pop("goldstein", None), quad_class=fields.pop("quad_class", None),
            source=[used[src].id], target=[used[tgt].id], evidence=Evidence(i, start, pos),
            trigger=Span(t0, t0 + len(trigger)), date=EventDate(when, "day", "test") if when else None, **fields,
        ))
    doc.actors = list(used.values())
    return doc


def docs() -> list[Doc]:
    d = dt.date
    src = Attribution("the Kremlin", False, "official", Span(0, 0))
    return [
        _doc("a1", "Wire A", d(2025, 1, 3), [
            ("Russia visited Syria in Damascus.", "visited", "042", "RUS", "SYR",
             {"date": d(2025, 1, 2), "location": DAMASCUS, "plover": "CONSULT", "goldstein": 1.9, "quad_class": 1,
              "label": "Make a visit"}),
            ("Syria signed a pact with Russia.", "signed", "057", "SYR", "RUS",
             {"date": d(2025, 1, 3), "status": "confirmed", "plover": "AGREE", "goldstein": 8.0, "quad_class": 1,
              "label": "Sign formal agreement"}),
        ]),
        _doc("a2", "Wire B", d(2025, 1, 4), [
            ("Russia visited Syria, sources said.", "visited", "042", "RUS", "SYR",
             {"date": d(2025, 1, 2), "location": DAMASCUS, "plover": "CONSULT", "goldstein": 1.9, "quad_class": 1,
              "status": "unconfirmed", "label": "Make a visit",
              "attribution": [Attribution("sources", True, "source", None)]}),
        ]),
        _doc("a3", "Wire A", d(2025, 2, 10), [
            ("Russia attacked Ukraine near Kharkiv.", "attacked", "195", "RUS", "UKR",
             {"date": d(2025, 2, 9), "location": KHARKIV, "plover": "ASSAULT", "goldstein": -10.0, "quad_class": 4,
              "label": "Employ aerial weapons", "attribution": [src]}),
            ("Ukraine accused Russia.", "accused", "112", "UKR", "RUS",
             {"date": d(2025, 2, 10), "plover": "ACCUSE", "goldstein": -2.0, "quad_class": 3, "label": "Accuse"}),
            ("Russia did not shell Ukraine.", "shell", "190", "RUS", "UKR",
             {"date": d(2025, 2, 10), "negated": True, "plover": "ASSAULT", "goldstein": -10.0, "quad_class": 4,
              "label": "Use conventional military force"}),
            ("Syria will visit Russia.", "visit", "042", "SYR", "RUS",
             {"date": d(2025, 3, 1), "status": "planned", "plover": "CONSULT", "goldstein": 1.9, "quad_class": 1,
              "label": "Make a visit"}),
        ]),
    ]


def quote_doc() -> Doc:
    return docs()[0]


def build(store: Store) -> Store:
    for doc in docs():
        doc.quotes = [Quote(Span(0, 6), doc.actors[0].id, None, False)] if doc.article.id == "a1" else []
        store.add(doc)
    return store
