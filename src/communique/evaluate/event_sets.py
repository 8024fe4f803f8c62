"""Gold event datasets in ``../shared``, read into one shape for scoring and training.

Every reader returns :class:`Item` records: a raw text to analyse (a sentence, or a short document), its date,
a ``group`` (sentences of one source document share it, so cross-validation never splits them) and its gold
events.  Gold offsets (``source``/``target``/``trigger`` spans) are characters into ``Item.text`` and serve
scoring and training only; the text analysed is the raw text, markup removed.

Datasets (name: path under ``../shared``; unit; labels):

* ``plv``: ``eval/plover_plv/PLV_train.tsv``; sentence; one PLOVER type for the marked ``<s>``/``<t>`` pair
  (YIELD, PLOVER's older name, stands for CONCEDE or RETREAT).  Only ``sentence``, ``marked_sentence`` and
  ``gold_root`` are read: the ``*_L1``, ``*_L2``, ``silver_*`` and ``prompt_*`` columns are another system's
  outputs.
* ``plover_gsr``: ``eval/plover_gsr/PLOVER_GSR_CAMEO.json``; sentence; one PLOVER 0.5b1 type, renamed to
  2021 (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), with source, target and
  event spans from its ``(SRC: ..)``/``(TAR: ..)``/``(EVT: ..)`` markup and the actors' ISO3 codes.
* ``petrarch2``, ``universalpetrarch``: PETRARCH-2 unit-test and UD-PETRARCH validation records; sentence;
  CAMEO codes with the actors' codes (full, e.g. ``ARNGOV``, and their countries).
* ``m2e2``: ``eval/m2e2_voa/m2e2_annotations.zip`` (text-only and multimedia text events); sentence; ACE types.
* ``wikievents``: ``eval/wikievents/dev.jsonl``; sentence; KAIROS types.
* ``rams``: ``eval/rams/dev.jsonlines``; five-sentence window with ONE annotated event (others unmarked, so
  only recall is meaningful).

ACE, KAIROS and RAMS types are mapped to CAMEO (and so to PLOVER) by :data:`ACE_TO_CAMEO`,
:data:`KAIROS_TO_CAMEO` and :data:`RAMS_TO_CAMEO`; events of other types are left out and counted
(``Item.unmapped``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..knowledge.cameo import lookup
from .events_gold import (
    PETRARCH_FICTIONAL,
    PLOVER_2016_TO_2021,
    _attrs,
    _clean,
    _parse_date,
    gold_country,
)

__all__ = ["ACE_TO_CAMEO", "DATASETS", "KAIROS_TO_CAMEO", "RAMS_TO_CAMEO", "Gold", "Item", "read_dataset"]

# ACE 2005 event types (M2E2) -> CAMEO code; every other ACE type is left out
ACE_TO_CAMEO = {
    "Contact:Meet": "040", "Contact:Phone-Write": "041", "Conflict:Attack": "190",
    "Conflict:Demonstrate": "141", "Justice:Arrest-Jail": "173",
}  # fmt: skip
# KAIROS (WikiEvents) type prefixes -> CAMEO code; the longest matching prefix wins
KAIROS_TO_CAMEO = {
    "Conflict.Attack": "190", "Contact.Contact.Meet": "040", "Contact.RequestCommand.Meet": "040",
    "Contact.Contact.Correspondence": "041", "Conflict.Demonstrate": "141", "Justice.ArrestJailDetain": "173",
    "Contact.ThreatenCoerce": "130", "Contact.RequestCommand": "020",
}  # fmt: skip
# RAMS 1.0 type prefixes -> CAMEO code; the longest matching prefix wins
RAMS_TO_CAMEO = {
    "conflict.attack": "190", "contact.discussion.meet": "040", "contact.negotiate": "046",
    "contact.discussion.correspondence": "041", "conflict.demonstrate": "141",
    "justice.arrestjaildetain": "173", "contact.threatencoerce": "130", "contact.requestadvise": "020",
    "contact.commitmentpromiseexpressintent": "030", "transaction.transfermoney.giftgrantprovideaid": "070",
    "transaction.transferownership.giftgrantprovideaid": "070",
    "transaction.transaction.giftgrantprovideaid": "070", "transaction.transaction.embargosanction": "163",
    "transaction.transferownership.embargosanction": "163", "transaction.transfermoney.embargosanction": "163",
    "government.agreements.acceptagreementcontractceasefire": "057",
    "government.agreements.rejectnullifyagreementcontractceasefire": "120", "conflict.yield.surrender": "0874",
    "conflict.yield.retreat": "0874",
}  # fmt: skip
# PLV's YIELD is PLOVER 2021's CONCEDE or RETREAT
PLV_NAMES = {"YIELD": "CONCEDE|RETREAT"}


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold event.  ``plover`` may list alternatives joined by ``|`` ("CONCEDE|RETREAT"); ``cameo`` is
    None when the set has PLOVER types only; spans are (start, end) characters into the item's text."""

    plover: str | None
    cameo: str | None = None
    source: tuple[int, int] | None = None
    target: tuple[int, int] | None = None
    trigger: tuple[int, int] | None = None
    source_code: str | None = None  # the gold actor code as given ("ARNGOV", "RUS")
    target_code: str | None = None
    source_countries: frozenset[str] = frozenset()
    target_countries: frozenset[str] = frozenset()

    def types(self) -> frozenset[str]:
        return frozenset((self.plover or "").split("|")) - {""}


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    date: dt.date | None
    group: str
    gold: tuple[Gold, ...]
    unmapped: int = 0  # gold events of types outside the mapping, left out
    extra: dict[str, str] = field(default_factory=dict)
    # the (start, end) of each of the set's sentences in ``text``, for sets read as whole documents
    parts: tuple[tuple[int, int], ...] = ()


def _plover_of(code: str) -> str | None:
    try:
        return lookup(code).plover
    except KeyError:
        return None


def _iso3() -> frozenset[str]:
    from ..knowledge.countries import countries

    return frozenset(countries())


# -- PLV ---------------------------------------------------------------------------------------------------------

_PLV_TAG = re.compile(r"</?[st]>")


def _strip_marks(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text without ``<s>``/``<t>`` tags and the (start, end) of each tagged span."""
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    opened: dict[str, int] = {}
    pos = 0
    n = 0
    for m in _PLV_TAG.finditer(marked):
        out.append(marked[pos : m.start()])
        n += m.start() - pos
        tag = m.group(0)
        name = tag.strip("</>")
        if tag.startswith("</"):
            if name in opened:
                spans[name] = (opened.pop(name), n)
        else:
            opened[name] = n
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def read_plv(path: Path) -> list[Item]:
    csv.field_size_limit(1 << 24)
    items: list[Item] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t")):
            text, spans = _strip_marks(row["marked_sentence"])
            label = row["gold_root"].strip()
            plover = PLV_NAMES.get(label, label)
            gold = Gold(plover=plover, source=spans.get("s"), target=spans.get("t"))
            items.append(Item(id=f"plv-{n}", text=text, date=None, group=" ".join(text.split()), gold=(gold,)))
    return items


# -- PLOVER GSR --------------------------------------------------------------------------------------------------

_GSR_MARK = re.compile(r"\((SRC|TAR|EVT):\s*([^()]*)\)")


def _gsr_markup(markup: str) -> tuple[str, dict[str, tuple[int, int]]]:
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    n = 0
    for m in _GSR_MARK.finditer(markup):
        out.append(markup[pos : m.start()])
        n += m.start() - pos
        inner = m.group(2).strip()
        spans.setdefault(m.group(1), (n, n + len(inner)))
        out.append(inner)
        n += len(inner)
        pos = m.end()
    out.append(markup[pos:])
    return "".join(out), spans


def read_plover_gsr(path: Path) -> list[Item]:
    iso3 = _iso3()
    items: list[Item] = []

    def side(actors: object) -> tuple[frozenset[str], str | None]:
        if not isinstance(actors, list):
            return frozenset(), None
        codes = [a.get("code") for a in actors if isinstance(a, dict)]
        found = frozenset(c for c in (gold_country(x, iso3) for x in codes) if c)
        return found, (codes[0] if codes else None)

    for rec in json.loads(path.read_text(encoding="utf-8")):
        if not rec.get("text") or rec.get("event") == "DOCUMENT":
            continue
        plover = PLOVER_2016_TO_2021.get(rec["event"], rec["event"])
        info = rec.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else ""
        text, spans = _gsr_markup(" ".join((markup or "").split()))
        if _clean(text) != _clean(rec["text"]):
            text, spans = _clean(rec["text"]), {}
        src, src_code = side(rec.get("source"))
        tgt, tgt_code = side(rec.get("target"))
        gold = Gold(plover=plover, source=spans.get("SRC"), target=spans.get("TAR"), trigger=spans.get("EVT"),
                    source_code=src_code, target_code=tgt_code, source_countries=src, target_countries=tgt)
        items.append(Item(id=rec["id"], text=text, date=_parse_date(rec.get("date", "")), group=rec["id"],
                          gold=(gold,)))
    return items


# -- PETRARCH records --------------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>", re.S)
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
CAMEO_ROOTS = frozenset(f"{i:02d}" for i in range(1, 21))


_INCLUDE = re.compile(r"<Include>([^<]*)</Include>")
# UniversalPetrarch's validation writes a missing or isolated-agent side ("~") as the null actor "---"
NULL_ACTOR = "---"
NO_EVENTS = "noevents"


def _validation_coding(c: dict[str, str]) -> str:
    """One ``<EventCoding>`` as UniversalPetrarch's ``validation.py`` reads it: ``code<TAB>source<TAB>target``,
    an empty side and ``~`` written ``---``; ``noevents`` for ``noevents="True"``."""
    if c.get("noevents", "").lower() == "true":
        return NO_EVENTS

    def side(v: str) -> str:
        return v.strip('"').replace("~", NULL_ACTOR) or NULL_ACTOR

    return "\t".join((c.get("eventcode", "").strip('"') or NULL_ACTOR, side(c.get("sourcecode", "")),
                      side(c.get("targetcode", ""))))


def read_petrarch(path: Path) -> list[Item]:
    """PETRARCH validation records: ``evaluate="false"`` and ``error=`` records left out; gold events whose
    root is not a CAMEO root (test-only 9xx codes) left out and counted.

    ``Item.extra`` keeps what UniversalPetrarch's own validation count reads (``evaluate/events.py``,
    ``up_counts``): ``category``; ``counted`` ("1" when the record's category is one the file's
    ``<Environment><Include>`` lists, or the file lists none, and it has at least one ``<EventCoding>``) and
    ``codings`` (every coding as :func:`_validation_coding` writes it, one a line, non-CAMEO test codes and
    ``noevents`` included)."""
    iso3 = _iso3()
    raw = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    include_m = _INCLUDE.search(raw)
    include = frozenset(include_m.group(1).split()) if include_m else None

    def country(code: str) -> frozenset[str]:
        found = gold_country(code.strip('"'), iso3, PETRARCH_FICTIONAL)
        return frozenset([found]) if found else frozenset()

    items: list[Item] = []
    for m in _SENTENCE.finditer(raw):
        attrs = _attrs(m.group(1))
        if attrs.get("evaluate", "true").lower() == "false":
            continue
        text_m = _TEXT.search(m.group(2))
        if not text_m:
            continue
        codings = [_attrs(c.group(1)) for c in _CODING.finditer(m.group(2))]
        if any("error" in c for c in codings):
            continue
        gold: list[Gold] = []
        unmapped = 0
        for c in codings:
            code = c.get("eventcode")
            if not code:
                continue
            if code[:2] not in CAMEO_ROOTS:
                unmapped += 1
                continue
            src, tgt = c.get("sourcecode", "").strip('"'), c.get("targetcode", "").strip('"')
            gold.append(Gold(plover=_plover_of(code), cameo=code, source_code=src or None, target_code=tgt or None,
                             source_countries=country(src), target_countries=country(tgt)))
        sid = attrs.get("id", "?")
        category = attrs.get("category", "")
        counted = bool(codings) and (include is None or category in include)
        extra = {"category": category, "counted": "1" if counted else "0",
                 "codings": "\n".join(_validation_coding(c) for c in codings)}
        items.append(Item(id=sid, text=_clean(text_m.group(1)), date=_parse_date(attrs.get("date", "")),
                          group=sid.rsplit("-", 1)[0], gold=tuple(gold), unmapped=unmapped, extra=extra))
    return items


# -- M2E2 (ACE on VOA) -------------------------------------------------------------------------------------------

M2E2_FILES = ("m2e2_annotations/text_only_event.json", "m2e2_annotations/text_multimedia_event.json")


def _find(text: str, needle: str, near: int = 0) -> tuple[int, int] | None:
    if not needle:
        return None
    at = text.find(needle, max(0, near - 40))
    if at < 0:
        at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def read_m2e2(path: Path) -> list[Item]:
    """M2E2's sentences, one item each.  The text-only and the multimedia file each hold the events of their own
    kind, and a sentence with events of both kinds is in both files: its gold is the union of the two (read as two
    items, each file's events made the other's a false positive and a miss)."""
    items: list[Item] = []
    seen: dict[str, int] = {}
    with zipfile.ZipFile(path) as z:
        for name in M2E2_FILES:
            for rec in json.load(io.TextIOWrapper(z.open(name), encoding="utf-8")):
                text = rec["sentence"]
                gold: list[Gold] = []
                unmapped = 0
                for ev in rec.get("golden-event-mentions", []):
                    code = ACE_TO_CAMEO.get(ev["event_type"])
                    if code is None:
                        unmapped += 1
                        continue
                    trig = ev.get("trigger", {})
                    gold.append(Gold(plover=_plover_of(code), cameo=code, trigger=_find(text, trig.get("text", ""))))
                sid = rec["sentence_id"]
                doc = sid.rsplit("_", 1)[0]
                date = _parse_date(doc.split("_")[3][:10].replace(".", "")) if doc.count("_") >= 3 else None
                if sid in seen:
                    was = items[seen[sid]]
                    items[seen[sid]] = replace(was, gold=was.gold + tuple(gold), unmapped=was.unmapped + unmapped)
                    continue
                seen[sid] = len(items)
                items.append(Item(id=sid, text=text, date=date, group=doc, gold=tuple(gold), unmapped=unmapped))
    return items


# -- WikiEvents (KAIROS) -----------------------------------------------------------------------------------------


def _prefix_code(table: dict[str, str], event_type: str) -> str | None:
    best = max((p for p in table if event_type.startswith(p)), key=len, default=None)
    return table[best] if best else None


def read_wikievents(path: Path) -> list[Item]:
    items: list[Item] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        by_sent: dict[int, list[dict]] = {}
        for ev in doc["event_mentions"]:
            by_sent.setdefault(ev["trigger"]["sent_idx"], []).append(ev)
        for si, (toks, text) in enumerate(doc["sentences"]):
            base = toks[0][1] if toks else 0
            gold: list[Gold] = []
            unmapped = 0
            for ev in by_sent.get(si, []):
                code = _prefix_code(KAIROS_TO_CAMEO, ev["event_type"])
                if code is None:
                    unmapped += 1
                    continue
                t0 = doc["tokens"][ev["trigger"]["start"] : ev["trigger"]["end"]]
                local = [t for t in toks if t[0] in t0]
                span = (local[0][1] - base, local[-1][2] - base) if local else None
                gold.append(Gold(plover=_plover_of(code), cameo=code, trigger=span))
            items.append(Item(id=f"{doc['doc_id']}-{si}", text=text, date=None, group=doc["doc_id"],
                              gold=tuple(gold), unmapped=unmapped))
    return items


# -- RAMS --------------------------------------------------------------------------------------------------------


def read_rams(path: Path) -> list[Item]:
    """RAMS windows: tokens joined by spaces (RAMS keeps no original spacing); one annotated event each."""
    items: list[Item] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        toks = [t for s in doc["sentences"] for t in s]
        starts: list[int] = []
        n = 0
        for t in toks:
            starts.append(n)
            n += len(t) + 1
        text = " ".join(toks)
        gold: list[Gold] = []
        unmapped = 0
        for a, b, labels in doc["evt_triggers"]:
            code = _prefix_code(RAMS_TO_CAMEO, labels[0][0])
            if code is None:
                unmapped += 1
                continue
            gold.append(Gold(plover=_plover_of(code), cameo=code, trigger=(starts[a], starts[b] + len(toks[b]))))
        items.append(Item(id=doc["doc_key"], text=text, date=None, group=doc["doc_key"], gold=tuple(gold),
                          unmapped=unmapped))
    return items


DATASETS: dict[str, tuple[str, Callable[[Path], list[Item]]]] = {
    "plv": ("eval/plover_plv/PLV_train.tsv", read_plv),
    "plover_gsr": ("eval/plover_gsr/PLOVER_GSR_CAMEO.json", read_plover_gsr),
    "petrarch2": ("reference/petrarch2/PETR.UnitTest.records.xml", read_petrarch),
    "universalpetrarch": ("reference/universalpetrarch/PETR_Validate_records_2_02.xml", read_petrarch),
    "m2e2": ("eval/m2e2_voa/m2e2_annotations.zip", read_m2e2),
    "wikievents": ("eval/wikievents/dev.jsonl", read_wikievents),
    "rams": ("eval/rams/dev.jsonlines", read_rams),
}


def read_dataset(name: str, shared: Path) -> list[Item]:
    """Read one dataset from the ``shared`` folder; FileNotFoundError when its file is absent."""
    rel, reader = DATASETS[name]
    path = shared / rel
    if not path.is_file():
        raise FileNotFoundError(str(path))
    return reader(path)


