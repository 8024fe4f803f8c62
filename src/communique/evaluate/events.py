"""Score communique's event coding on the gold sets of ``../shared`` (``communique eval events``).

Each item's raw text is analysed by the whole pipeline (gold markup is never shown to it).  A set the shipped
model was trained on is scored by k-fold cross-validation.  Every item of every training set falls in one of
:data:`FOLDS` folds by its group (:func:`fold_of`: the sentences of one source document share a fold); fold
``k``'s model is trained on every training set minus fold ``k`` of each, and codes fold ``k`` of whichever set is
scored.  So one run fits five models however many sets it scores, and no item is coded by a model that saw it
(or its document).  The parses are kept between runs when a cache folder is given (``parse_cache.py``).

Scores per dataset (see :func:`score`):

* **single-event sets with a marked pair** (PLV, the GSR): each record gets one predicted type: that of an event
  whose source and target each have a mention overlapping the marked source and target spans (either way
  round for reciprocal codes), else that of our most confident event in the sentence, else ``NONE``.
  Per-type precision/recall/F1 over records, their macro and micro averages, and type + source + target
  accuracy (the pair-matched event has the gold type).  The GSR also reports, over all our events, type
  recall and precision (an event is right when its type is the sentence's gold type) and type + countries
  (the gold actors' ISO3 countries found on the right sides).
* **multi-event sets** (PETRARCH records, M2E2, WikiEvents, RAMS): per sentence, the set of gold categories
  against the set of ours; per-category P/R/F1, macro and micro.  Categories are CAMEO roots for the PETRARCH
  records and the mapped types for M2E2/WikiEvents/RAMS (:data:`CATEGORIES`: our events outside them are not
  counted).  RAMS marks one event per window, so only its recall means anything.
* **UniversalPetrarch with its dictionaries**: its own validation count (:func:`up_counts`), exact (CAMEO code,
  source code, target code) triples over the record categories its file includes: true positives = our triples
  a gold coding has / gold codings; false positives = our other triples / records (a share of records, as it
  reports its 68.3% / 23.0%); a side without an actor is the null actor ``---`` and counts; the same at root
  level beside it, and per category.

**Planned and hypothetical acts** (``Event.status``; an act that did not happen is never a fact) are scored by the
convention of the set's gold (:data:`ACT_CODED`):

* CAMEO news coding (PLV, the GSR, M2E2, WikiEvents, RAMS) codes an announced act as its announcement: "will visit"
  is 036 (express intent to meet), so the event's ``intent`` code is scored;
  An act supposed in a condition ("X will do Y if Z does W": W) is announced by no one (its ``intent`` is None):
  what is coded is the consequence's threat or promise, so it is not scored there;
* PETRARCH-style record sets (the PETRARCH-2 unit tests, UniversalPetrarch's validation records) code the act
  named, whatever its mood: PETRARCH reads no modality, so "is set to renew full diplomatic relations" is 050 and
  "will meet" 040 there, and the event's own ``cameo`` is scored.

**Negated acts** ("did not attack", "refused to meet") did not happen.  CAMEO and PLOVER news coding (PLV, the GSR:
:data:`REFUSAL_CODED`) codes what was done instead, the refusal (12x: "refused to meet" is 125), never the act, so a
negated event is scored there only when its announcement is a refusal ("will not meet" -> intent 125); a refusal
the coder adds beside a negated act is an event of its own and is scored as any other.  ACE (M2E2) annotates an
event whatever its polarity, and PETRARCH reads no negation: those sets score negated events as before.

Only the scoring differs: the events, their status and ``negated`` are the same for every set.

Confusion tables list (gold, ours) pairs: ours is ``NONE`` when we coded nothing for that record/category.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .event_articles import ARTICLE_SETS, COMPLETE, FAMILIES, read_articles, score_articles, sentence_items
from .event_sets import NO_EVENTS, NULL_ACTOR, Gold, Item, read_dataset
from .parse_cache import CachedParse, ParseCache

__all__ = ["ACT_CODED", "CATEGORIES", "DATASETS", "REFUSAL_CODED", "Predicted", "evaluate", "score", "up_counts"]

FOLDS = 5
NONE = "NONE"
RECIPROCAL = ("040", "041", "043", "044", "046", "057", "19")


def _ace_category(code: str) -> str | None:
    if code[:2] == "04":
        return "CONTACT"
    if code[:2] in ("18", "19", "20"):
        return "ATTACK"
    if code[:2] == "14":
        return "DEMONSTRATE"
    if code.startswith("173"):
        return "ARREST"
    return None


def _kairos_category(code: str) -> str | None:
    return _ace_category(code) or {"13": "THREATEN", "02": "REQUEST", "10": "REQUEST"}.get(code[:2])


def _rams_category(code: str) -> str | None:
    from ..knowledge.cameo import lookup

    if code.startswith("173"):
        return "ARREST"
    if code[:2] == "01":
        return None
    try:
        return lookup(code).plover
    except KeyError:
        return None


def _root(code: str) -> str | None:
    return code[:2] if code[:2].isdigit() and "01" <= code[:2] <= "20" else None


CATEGORIES: dict[str, Callable[[str], str | None]] = {
    "petrarch2": _root, "universalpetrarch": _root, "universalpetrarch_dict": _root,
    "m2e2": _ace_category, "wikievents": _kairos_category, "rams": _rams_category,
}  # fmt: skip
# dataset name -> (file set read, kind, verbs/actors dictionaries under shared)
DATASETS: dict[str, tuple[str, str]] = {
    "plv": ("plv", "pair"),
    "plover_gsr": ("plover_gsr", "pair"),
    "petrarch2": ("petrarch2", "multi"),
    "universalpetrarch": ("universalpetrarch", "multi"),
    "universalpetrarch_dict": ("universalpetrarch", "triples"),
    "m2e2": ("m2e2", "multi"),
    "wikievents": ("wikievents", "multi"),
    "rams": ("rams", "recall"),
    # whole documents, scored by trigger span and family (event_articles.py)
    "wikievents_articles": ("wikievents_articles", "article"),
    "rams_articles": ("rams_articles", "article"),
    "glocon_articles": ("glocon_articles", "article"),
}
# sets whose gold codes the act named whatever its mood (PETRARCH codes no modality): a planned or hypothetical event
# is scored by its own code there, by its announcement's (``Event.intent``) elsewhere (see the module docstring)
ACT_CODED = frozenset({"petrarch2", "universalpetrarch", "universalpetrarch_dict"})
# sets whose gold codes a negated act by its refusal (12x), never as the act (see the module docstring)
REFUSAL_CODED = frozenset({"plv", "plover_gsr"})
UP_DICTIONARIES = ("reference/universalpetrarch/PETR_Validate_actors_2_02.txt",
                   "reference/universalpetrarch/PETR_Validate_verbs_2_02.txt",
                   "reference/universalpetrarch/PETR_Validate_agents_2_02.txt")  # agents: "cleric" -> ~REL


@dataclass(frozen=True, slots=True)
class Predicted:
    """One of our events, reduced to what scoring needs (spans are characters into the item's text)."""

    cameo: str
    plover: str | None
    source_spans: tuple[tuple[int, int], ...] = ()
    target_spans: tuple[tuple[int, int], ...] = ()
    source_countries: frozenset[str] = frozenset()
    target_countries: frozenset[str] = frozenset()
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    confidence: float = 1.0
    trigger_spans: tuple[tuple[int, int], ...] = ()  # the trigger and later phrases referring to the event


@dataclass(slots=True)
class Scores:
    name: str
    kind: str
    items: int = 0
    gold: int = 0
    predicted: int = 0
    unmapped: int = 0
    per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    macro: dict[str, float] = field(default_factory=dict)
    micro: dict[str, float] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)
    confusion: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _table(tp: Counter[str], fp: Counter[str], fn: Counter[str], s: Scores, labels: set[str]) -> None:
    s.per_type = {t: _prf(tp[t], fp[t], fn[t]) for t in sorted(labels)}
    gold_types = [t for t in s.per_type if tp[t] + fn[t] > 0]
    if gold_types:
        s.macro = {k: round(sum(s.per_type[t][k] for t in gold_types) / len(gold_types), 4)
                   for k in ("precision", "recall", "f1")}
    s.micro = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))


def _overlaps(spans: Sequence[tuple[int, int]], gold: tuple[int, int] | None) -> bool:
    return gold is not None and any(a < gold[1] and gold[0] < b for a, b in spans)


def _pair_match(g: Gold, p: Predicted) -> bool:
    direct = _overlaps(p.source_spans, g.source) and _overlaps(p.target_spans, g.target)
    if direct or not p.cameo.startswith(RECIPROCAL):
        return direct
    return _overlaps(p.target_spans, g.source) and _overlaps(p.source_spans, g.target)


def _countries_ok(g: Gold, p: Predicted) -> bool:
    def side(want: frozenset[str], got: frozenset[str]) -> bool:
        return not want or bool(want & got)

    direct = side(g.source_countries, p.source_countries) and side(g.target_countries, p.target_countries)
    if direct or not p.cameo.startswith(RECIPROCAL):
        return direct
    return side(g.source_countries, p.target_countries) and side(g.target_countries, p.source_countries)


def score(name: str, kind: str, items: Sequence[Item], predicted: Sequence[Sequence[Predicted]]) -> Scores:
    """Scores of one dataset (pure: the items and our events for each)."""
    s = Scores(name, kind, items=len(items), predicted=sum(len(p) for p in predicted),
               unmapped=sum(i.unmapped for i in items))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    confusion: Counter[str] = Counter()
    labels: set[str] = set()
    if kind == "pair":
        pair_ok = pair_total = type_hits = right_events = country_gold = country_hits = 0
        for item, ours in zip(items, predicted, strict=True):
            for g in item.gold:
                types = g.types()
                s.gold += 1
                gold_label = "|".join(sorted(types))
                labels.add(gold_label)
                paired = [p for p in ours if _pair_match(g, p)]
                pick = max(paired or ours, key=lambda p: p.confidence, default=None)
                got = (pick.plover or NONE) if pick else NONE
                got_label = gold_label if got in types else got
                labels.add(got_label) if got_label != NONE else None
                if got_label == gold_label:
                    tp[gold_label] += 1
                else:
                    fn[gold_label] += 1
                    if got_label != NONE:
                        fp[got_label] += 1
                confusion[f"{gold_label} -> {got_label}"] += 1
                if g.source is not None and g.target is not None:
                    pair_total += 1
                    pair_ok += any(p.plover in types for p in paired)
                type_hits += any(p.plover in types for p in ours)
                if g.source_countries or g.target_countries:
                    country_gold += 1
                    country_hits += any(p.plover in types and _countries_ok(g, p) for p in ours)
            right_events += sum(1 for p in ours if any(p.plover in g.types() for g in item.gold))
        _table(tp, fp, fn, s, labels - {NONE})
        s.figures = {
            "type_source_target_accuracy": round(pair_ok / pair_total, 4) if pair_total else None,
            "records_with_marked_pair": pair_total,
            "type_recall_any_event": round(type_hits / s.gold, 4) if s.gold else None,
            "type_precision_events": round(right_events / s.predicted, 4) if s.predicted else None,
            "type_countries_recall": round(country_hits / country_gold, 4) if country_gold else None,
            "records_with_gold_country": country_gold,
        }
    elif kind in ("multi", "recall"):
        cat = CATEGORIES[name]
        for item, ours in zip(items, predicted, strict=True):
            want = Counter(c for g in item.gold if g.cameo and (c := cat(g.cameo)))
            found = set(c for p in ours if (c := cat(p.cameo)))
            s.gold += sum(want.values())
            labels |= set(want) | found
            for c, n in want.items():
                if c in found:
                    tp[c] += n
                else:
                    fn[c] += n
                    confusion[f"{c} -> {next(iter(sorted(found)), NONE)}"] += n
            for c in found - set(want):
                if kind == "multi":
                    fp[c] += 1
                    confusion[f"{NONE} -> {c}"] += 1
        _table(tp, fp, fn, s, labels)
        if kind == "recall":
            s.notes.append("one event is marked per window: precision is not measurable, read recall only")
    elif kind == "triples":
        counts = up_counts(items, predicted)
        roots = up_counts(items, predicted, depth=2)
        total, total_r = counts["Total"], roots["Total"]
        s.gold = total["codings"]
        s.figures = {
            "true_positives": total["TP"], "false_positives": total["FP"],
            "true_positives_root": total_r["TP"], "false_positives_root": total_r["FP"],
            "records": total["records"], "correct": total["correct"], "uncoded": total["uncoded"],
            "extra": total["extra"], "our_codings": total["coded"],
            "our_codings_with_a_null_side": total["null_side"],
            "by_category": {c: {k: v[k] for k in ("records", "correct", "uncoded", "extra", "TP", "FP")}
                            for c, v in counts.items() if c != "Total"},
            "reference": "UniversalPetrarch: 68.3% true positives, 23.0% false positives",
        }
        for item, ours in zip(items, predicted, strict=True):
            if item.extra.get("counted") != "1":
                continue
            mine = _our_triples(ours)
            for g in _gold_codings(item):
                if g != NO_EVENTS and g not in mine:
                    near = next((c for c, a, b in mine if (a, b) == g[1:]), NONE)
                    confusion[f"{g[0]} -> {near}"] += 1
    s.confusion = dict(sorted(confusion.items(), key=lambda kv: (-kv[1], kv[0])))
    return s


def _gold_codings(item: Item) -> list[Any]:
    """The record's codings as UniversalPetrarch's validation reads them: (code, source, target) triples, or
    :data:`NO_EVENTS` (see ``event_sets.read_petrarch``)."""
    out: list[Any] = []
    for line in item.extra.get("codings", "").splitlines():
        out.append(NO_EVENTS if line == NO_EVENTS else tuple(line.split("\t")))
    return out


def _our_triples(ours: Sequence[Predicted], depth: int | None = None) -> set[tuple[str, str, str]]:
    """Our events as distinct (code, source, target) triples: one per source code and target code (a
    coordinated side is one event per actor, as PETRARCH writes it); a side without a coded actor is the
    null actor ``---``, as UniversalPetrarch writes it."""
    return {(p.cameo[:depth], sc or NULL_ACTOR, tc or NULL_ACTOR) for p in ours
            for sc in (p.source_codes or (NULL_ACTOR,)) for tc in (p.target_codes or (NULL_ACTOR,))}


def up_counts(items: Sequence[Item], predicted: Sequence[Sequence[Predicted]],
              depth: int | None = None) -> dict[str, dict[str, Any]]:
    """UniversalPetrarch's validation count (its ``validation.py`` summary), per record category and in total.

    Counted records: those whose category the file's ``<Include>`` lists, with ``evaluate="true"`` and at least
    one ``<EventCoding>`` (``Item.extra["counted"]``).  Per record, each of our distinct (code, source, target)
    triples is *correct* when a gold coding has the same exact code, source code and target code (a side
    without an actor is ``---`` on both sides; test-only codes outside CAMEO, such as 212 or 345, are gold codings
    we cannot produce); *uncoded* = gold codings - correct; *extra* = our triples - correct.  A ``noevents``
    record is one coding, correct when we code nothing, else uncoded, every triple of ours extra.
    ``TP = correct / (correct + uncoded)``; ``FP = extra / records`` (a share of records, not of our codings, as
    UniversalPetrarch reports it: its 68.3% / 23.0%).  ``depth=2`` compares CAMEO roots only.  Unlike
    ``validation.py``, which counts every coded event, ours are distinct triples per record, so one triple
    found twice (by a verb and its noun) is counted once, correct or extra.  Each entry: ``records``,
    ``codings``, ``correct``, ``uncoded``, ``extra``, ``coded``, ``null_side`` (our triples with a ``---``
    side), ``TP`` and ``FP`` (fractions, 4 decimals)."""
    table: dict[str, dict[str, Any]] = {}
    keys = ("records", "codings", "correct", "uncoded", "extra", "coded", "null_side")
    for item, ours in zip(items, predicted, strict=True):
        if item.extra.get("counted") != "1":
            continue
        gold = _gold_codings(item)
        mine = _our_triples(ours, depth)
        if gold == [NO_EVENTS]:
            correct, n_gold = (0 if mine else 1), 1
        else:
            want = {(c[:depth], a, b) for c, a, b in gold if isinstance(c, str)}
            correct, n_gold = len(mine & want), len(gold)
        row = {"records": 1, "codings": n_gold, "correct": correct, "uncoded": n_gold - correct,
               "extra": len(mine) - (correct if gold != [NO_EVENTS] else 0), "coded": len(mine),
               "null_side": sum(1 for _c, a, b in mine if NULL_ACTOR in (a, b))}
        for cat in (item.extra.get("category", ""), "Total"):
            acc = table.setdefault(cat, dict.fromkeys(keys, 0))
            for k in keys:
                acc[k] += row[k]
    table.setdefault("Total", dict.fromkeys(keys, 0))
    for acc in table.values():
        acc["TP"] = round(acc["correct"] / acc["codings"], 4) if acc["codings"] else None
        acc["FP"] = round(acc["extra"] / acc["records"], 4) if acc["records"] else None
    return table


# -- running the pipeline ----------------------------------------------------------------------------------------


def predict(items: Sequence[Item], pipeline: Any, *, act_coded: bool = False,
            refusal_coded: bool = False, split_title: bool = False) -> list[list[Predicted]]:
    """Our events for each item, each analysed from its raw text as an article of its own.

    A planned or hypothetical event is scored by its announcement's code (``Event.intent``: "will visit" ->
    036; an act supposed in a condition has none and is left out), or with ``act_coded`` (gold that codes the act
    whatever its mood, :data:`ACT_CODED`) by its own.  With ``refusal_coded`` (:data:`REFUSAL_CODED`) a negated
    event is left out unless its announcement is a refusal.  ``split_title``: read a headline line off the
    text's start as ``communique analyze`` does with a plain text (article sets)."""
    from ..api import analyze_articles
    from ..knowledge.cameo import lookup
    from ..read import make_article

    articles = [make_article(i.text, published=i.date, split_title=split_title) for i in items]
    out: list[list[Predicted]] = []
    for item, doc in zip(items, analyze_articles(articles, pipeline=pipeline), strict=True):
        # offsets of the analysed text map back onto the item's text by position
        shift = doc.text.find(item.text[:30]) if item.text[:30] else 0
        shift = max(shift, 0)

        def spans(ids: list[str], doc: Any = doc, shift: int = shift) -> tuple[tuple[int, int], ...]:
            keep = set(ids)
            return tuple((m.span.start - shift, m.span.end - shift) for m in doc.mentions if m.actor_id in keep)

        def actors(ids: list[str], doc: Any = doc) -> list[Any]:
            return [a for a in (doc.actor(i) for i in ids) if a is not None]

        events: list[Predicted] = []
        for e in doc.events:
            if refusal_coded and e.negated and not (e.intent or "").startswith("12"):
                continue  # an act not done: what happened is its refusal, an event of its own when there is one
            if e.status in ("planned", "hypothetical") and not act_coded:
                if not e.intent:
                    continue  # an act supposed in a condition ("if Washington imposes sanctions"): announced by no one
                code = e.intent  # the announcement, as CAMEO-coded news gold codes it ("will visit" -> 036)
            else:
                code = e.cameo
            try:
                plover = lookup(code).plover
            except KeyError:
                plover = e.plover
            src, tgt = actors(e.source), actors(e.target)
            events.append(Predicted(
                cameo=code, plover=plover, source_spans=spans(e.source), target_spans=spans(e.target),
                source_countries=frozenset(a.country for a in src if a.country),
                target_countries=frozenset(a.country for a in tgt if a.country),
                source_codes=_side_codes(src, doc), target_codes=_side_codes(tgt, doc),
                confidence=e.confidence if e.confidence is not None else 1.0,
                trigger_spans=tuple((r.start - shift, r.end - shift) for r in (e.trigger, *e.references))))
        out.append(events)
    return out


def _side_codes(side: Sequence[Any], doc: Any) -> tuple[str, ...]:
    """The actor codes of one side of an event, as PETRARCH dictionaries write them: the actors of one compound
    dictionary phrase ("THE_SHIRE [FRO/BIL/SAM]", which the actor stage splits into one actor per code, each with the
    phrase's mentions: the same name and mentions, and a code no country or sector of ours says) are written as the
    phrase's code, joined by "/" in side order."""
    groups: dict[tuple[str, frozenset[tuple[int, int]]], list[str]] = {}
    for a in side:
        spans = frozenset((m.span.start, m.span.end) for m in doc.mentions if m.actor_id == a.id)
        compound = spans and a.code and a.country is None and a.sector is None  # a code no country or sector says
        groups.setdefault((a.name, spans) if compound else (a.id, spans), []).append(a.code or "")
    return tuple("/".join(c for c in codes if c) if len(codes) > 1 else codes[0] for codes in groups.values())


def fold_of(group: str, k: int = FOLDS) -> int:
    """The cross-validation fold of an item group (stable across runs and machines)."""
    return zlib.crc32(group.encode("utf-8")) % k


# the training examples of the last cross-validation, by (shared folder, sets, spaCy model); and its fold models,
# by (that key, fold)
_EXAMPLES: dict[tuple[str, tuple[str, ...], str], list[Any]] = {}
_FOLD_MODELS: dict[tuple[tuple[str, tuple[str, ...], str], int], Any] = {}


def evaluate(name: str, shared: Path, *, settings: Any = None, cross_validate: bool | None = None,
             limit: int | None = None, progress: Callable[[str], None] | None = None,
             cache: Path | None = None) -> Scores:
    """Score one dataset (a key of :data:`DATASETS`).

    ``cross_validate``: None = when the shipped model was trained on the set; the folds' models are trained
    here (scikit-learn) on the same sets the shipped model lists in its metadata.  ``cache``: a folder keeping
    the spaCy parses of the scored and training texts between runs (``parse_cache.py``; the figures are the
    same with or without it); None parses every text."""
    from ..api import _build_pipeline
    from ..settings import Settings
    from ..stages.events.model import default_event_model

    set_name, kind = DATASETS[name]
    items = (read_articles(name, shared) if kind == "article" else read_dataset(set_name, shared))[:limit]
    # the documents of an article set are those of a training set: its folds follow theirs
    trained_as = (ARTICLE_SETS.get(name) or name) if kind == "article" else set_name
    base = settings or Settings()
    if name == "universalpetrarch_dict":
        base = Settings(**{**base.model_dump(), "knowledge": (shared / UP_DICTIONARIES[0], shared / UP_DICTIONARIES[2]),
                           "verbs": (shared / UP_DICTIONARIES[1],)})
    shipped = default_event_model()
    trained_on = list(shipped.meta.get("trained_on", []))
    if cross_validate is None:
        cross_validate = trained_as in trained_on and base.event_model == "bundled"
    t0 = time.perf_counter()
    pipe = _build_pipeline(base)  # shared by the process (cached): its parse stage is put back at the end
    parse_stage = pipe.stages[0]
    parses = ParseCache(parse_stage.nlp, cache) if cache is not None else None
    if parses is not None:  # the scored texts' parses, from the cache (parsed and stored on a first run)
        texts = [i.text for i in items]
        if kind == "article":  # and the documents' sentences, analysed alone for comparison
            texts += [i.text for i in sentence_items(items)]
        pipe.stages[0] = CachedParse(parse_stage, dict(zip(texts, parses.parse(texts, label=name), strict=True)))
    try:
        return _evaluate(name, kind, trained_as, shared, items, base, pipe, parses, trained_on, cross_validate,
                         t0, progress)
    finally:
        pipe.stages[0] = parse_stage


def _evaluate(name: str, kind: str, set_name: str, shared: Path, items: list[Item], base: Any, pipe: Any,
              parses: ParseCache | None, trained_on: list[str], cross_validate: bool, t0: float,
              progress: Callable[[str], None] | None) -> Scores:
    notes: list[str] = []
    alone = sentence_items(items) if kind == "article" else []
    every = items + alone
    if not cross_validate:
        predicted = predict(every, pipe, act_coded=name in ACT_CODED, refusal_coded=name in REFUSAL_CODED,
                            split_title=kind == "article")
        if set_name in trained_on and base.event_model == "bundled":
            notes.append("scored with the shipped model, which was trained on this set: figures are inflated")
    else:
        from ..stages.events.learned import LearnedCoder
        from ..stages.nlp import load_nlp
        from .events_train import fit, load_examples

        if progress:
            progress(f"{name}: parsing the training sets for {FOLDS}-fold cross-validation")
        key = (str(shared), tuple(trained_on), base.model)
        if key not in _EXAMPLES:  # several datasets in one run parse the training sets once
            _EXAMPLES.clear()
            _FOLD_MODELS.clear()
            _EXAMPLES[key] = load_examples(shared, trained_on, load_nlp(base.model), cache=parses)[1]
        examples = _EXAMPLES[key]
        predicted_by_item: dict[int, list[Predicted]] = {}  # by position: two records may share an id
        stage = _event_stage(pipe)
        shipped_coder = stage.model
        for k in range(FOLDS):
            held_at = [n for n, i in enumerate(every) if fold_of(i.group) == k]
            held = [every[n] for n in held_at]
            if (key, k) not in _FOLD_MODELS:  # one model per fold serves every set of the run
                train = [e for e in examples if fold_of(e.group) != k]
                if progress:
                    progress(f"{name}: fold {k + 1}/{FOLDS}: training on {len(train)} words")
                _FOLD_MODELS[(key, k)] = fit(train, sets=trained_on)
            if progress:
                progress(f"{name}: fold {k + 1}/{FOLDS}: coding {len(held)} items")
            stage.model = LearnedCoder(_FOLD_MODELS[(key, k)], table=stage.table)
            coded = predict(held, pipe, act_coded=name in ACT_CODED, refusal_coded=name in REFUSAL_CODED,
                            split_title=kind == "article")
            for n, p in zip(held_at, coded, strict=True):
                predicted_by_item[n] = p
        stage.model = shipped_coder
        predicted = [predicted_by_item[n] for n in range(len(every))]
        notes.append(f"{FOLDS}-fold cross-validation: each fold coded by a model trained without that fold of "
                     "any training set")
    s = (_score_articles(name, items, predicted[: len(items)], alone, predicted[len(items):]) if kind == "article"
         else score(name, kind, items, predicted))
    s.seconds = round(time.perf_counter() - t0, 1)
    s.notes = notes + s.notes
    return s


def _score_articles(name: str, items: Sequence[Item], predicted: Sequence[Sequence[Predicted]],
                    alone: Sequence[Item], alone_predicted: Sequence[Sequence[Predicted]]) -> Scores:
    """Scores of an article set: per family, gold events found in the whole document and in its sentences
    analysed one by one (the same gold event named by its document and index in both), and what each finds that
    the other does not."""
    complete = name in COMPLETE
    whole = score_articles(items, predicted)
    # a sentence item's gold event k is the document's gold event with the same trigger
    by_trigger = {(i.id, g.trigger): (i.id, k) for i in items for k, g in enumerate(i.gold)}
    starts = {f"{i.id}#{k}": (i.id, a) for i in items for k, (a, _) in enumerate(i.parts)}

    def id_of(item: Item, k: int) -> tuple[str, int]:
        doc, a = starts[item.id]
        g = item.gold[k]
        t = g.trigger or (0, 0)
        return by_trigger.get((doc, (t[0] + a, t[1] + a)), (doc, -1))

    parts = score_articles(alone, alone_predicted, id_of=id_of)
    s = Scores(name, "article", items=len(items), gold=sum(whole.gold.values()),
               predicted=sum(1 for ours in predicted for p in ours if family_of_code(p.cameo)),
               unmapped=sum(i.unmapped for i in items))
    s.figures = {
        "families": whole.figures(precision=complete),
        "sentences_alone": parts.figures(precision=complete),
        "found_alone_not_in_article": len(parts.found_ids - whole.found_ids),
        "found_in_article_not_alone": len(whole.found_ids - parts.found_ids),
        "missed": [list(m) for m in whole.missed],
        "missed_in_headline": _in_headline(items, whole.found_ids),
        "lost_in_article": [[d, k, item_gold_text(items, d, k)] for d, k in sorted(parts.found_ids - whole.found_ids)],
    }
    for fam in FAMILIES:
        row = s.figures["families"][fam]
        s.per_type[fam] = {"recall": row["recall"] or 0.0, "precision": row.get("precision") or 0.0,
                           "gold": row["gold"], "found": row["found"]}
    if not complete:
        s.notes.append("not every event of the families is marked: precision is not measurable, read recall only")
    return s


def _in_headline(items: Sequence[Item], found: set[tuple[str, int]]) -> int:
    """How many gold events not ``found`` lie in the headline line ``communique analyze`` reads off a text's start
    (read as the title, not coded: a headline restates the report)."""
    from ..read.article import headline_spans

    n = 0
    for item in items:
        head = headline_spans(item.text)[0]
        if head is not None:
            n += sum(1 for k, g in enumerate(item.gold) if g.trigger and g.types() and (item.id, k) not in found
                     and head.start <= g.trigger[0] < head.end)
    return n


def family_of_code(code: str) -> str | None:
    from .event_articles import family_of

    return family_of(code)


def item_gold_text(items: Sequence[Item], doc: str, k: int) -> str:
    item = next(i for i in items if i.id == doc)
    g = item.gold[k]
    return item.text[g.trigger[0] : g.trigger[1]] if g.trigger else ""


def _event_stage(pipe: Any) -> Any:
    for st in pipe.stages:
        if hasattr(st, "model") and hasattr(st, "table"):
            return st
    raise LookupError("the pipeline has no event stage taking an event model")


def report(s: Scores, *, top: int = 12) -> str:
    """The figures of one dataset as text."""
    if s.kind == "article":
        return _article_report(s, top=top)
    lines = [f"== {s.name}: {s.items} items, {s.gold} gold events"
             + (f" ({s.unmapped} of unmapped types left out)" if s.unmapped else "")
             + f", {s.predicted} of ours, {s.seconds:.0f} s"]
    lines += [f"   note: {n}" for n in s.notes]
    for k, v in s.figures.items():
        if v is not None:
            lines.append(f"   {k.replace('_', ' ')}: {v}")
    if s.per_type:
        lines.append(f"   {'type':<18}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
        for t, m in s.per_type.items():
            lines.append(f"   {t:<18}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['tp'] + m['fn']:>6}")
        if s.macro:
            lines.append(f"   {'macro':<18}{s.macro['precision']:>7.3f}{s.macro['recall']:>7.3f}{s.macro['f1']:>7.3f}")
        lines.append(f"   {'micro':<18}{s.micro['precision']:>7.3f}{s.micro['recall']:>7.3f}{s.micro['f1']:>7.3f}")
    if s.confusion:
        lines.append("   confusions (gold -> ours):")
        shown = [(k, v) for k, v in s.confusion.items() if k.split(" -> ")[0] != k.split(" -> ")[1]][:top]
        lines += [f"   {v:5d}  {k}" for k, v in shown]
    return "\n".join(lines)


def _article_report(s: Scores, *, top: int) -> str:
    f = s.figures
    lines = [f"== {s.name}: {s.items} documents, {s.gold} gold events of the five families"
             + (f" ({s.unmapped} of other types left out)" if s.unmapped else "")
             + f", {s.predicted} of ours in them, {s.seconds:.0f} s"]
    lines += [f"   note: {n}" for n in s.notes]
    precision = "precision" in f["families"]["all"]

    def row(name: str, r: dict[str, Any], a: dict[str, Any]) -> str:
        def pc(v: float | None) -> str:
            return f"{v:.3f}" if v is not None else "  -  "

        out = f"   {name:<10}{r['gold']:>6}{r['found']:>7}{pc(r['recall']):>8}"
        if precision:
            out += f"{r['ours']:>7}{r['right']:>7}{pc(r['precision']):>8}{r['on_unmapped_gold']:>7}"
        return out + f"{a['found']:>9}{pc(a['recall']):>8}"

    head = f"   {'family':<10}{'gold':>6}{'found':>7}{'R':>8}"
    if precision:
        head += f"{'ours':>7}{'right':>7}{'P':>8}{'other':>7}"
    lines.append(head + f"{'alone':>9}{'R alone':>8}")
    for fam in (*FAMILIES, "all"):
        lines.append(row(fam, f["families"][fam], f["sentences_alone"][fam]))
    lines.append("   (alone: the same documents' sentences analysed one by one; other: ours on a gold trigger of an "
                 "unmapped type, not counted)")
    lines.append(f"   found alone but not in the whole article: {f['found_alone_not_in_article']}; "
                 f"found only in the whole article: {f['found_in_article_not_alone']}; missed in the headline line "
                 f"(read off as the title, not coded): {f['missed_in_headline']}")
    return "\n".join(lines)
