"""Train the learned event coder (``stages/events/model.py``) from the gold sets in ``../shared``.

    communique train events [--shared PATH] [--out FILE] [--sets plv,plover_gsr,...]

Each training record gives a sentence and a gold event type; the model learns on WORDS, so each gold event is
tied to the word that expresses it:

* the gold trigger span when the set marks one (the GSR's ``(EVT: ..)`` markup, M2E2/WikiEvents/RAMS
  triggers): its verb, else its noun, else its head;
* else, with marked source and target (PLV), the word where the paths from the two actors meet in the
  dependency tree (from a reporting verb, "X said Y attacked Z", down to the reported clause);
* else (PETRARCH records) a word of the sentence whose row in the trigger table has the gold root, else the main
  predicate (the root, or the clause a reporting verb governs).

Every other candidate word of a record with complete annotation becomes a ``NONE`` example (weight
:data:`NEGATIVE_WEIGHT`), except words the trigger table codes as an event of a PLOVER type (they may be events
the gold left unmarked; "say", a statement, stays a negative);
RAMS, which marks one event per window, gives no negatives.  PLV's YIELD becomes RETREAT for words of
withdrawal and release (:data:`RETREAT_LEMMAS` or a table row coding RETREAT), else CONCEDE.

scikit-learn's ``LogisticRegression`` (multinomial, L2, balanced class weights) fits the weights; features
seen fewer than :data:`MIN_COUNT` times are dropped.  The result is deterministic for a given set of records.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..knowledge.cameo import lookup
from ..knowledge.triggers import TriggerTable, default_triggers
from ..stages.events.features import (
    dense,
    is_candidate,
    object_lemma,
    sentence_dense,
    sentence_sparse,
    sparse,
)
from ..stages.events.lexicon import LemmaVectors
from ..stages.events.model import NONE, EventModel
from ..stages.events.triggers import match_trigger, rule_name
from .event_sets import Item, read_dataset
from .parse_cache import ParseCache

__all__ = ["Example", "TRAIN_SETS", "examples_for", "fit", "load_examples", "parse_items", "train"]

TRAIN_SETS = ("plv", "plover_gsr", "universalpetrarch", "wikievents", "rams", "m2e2")
NEGATIVE_WEIGHT = 0.5
MIN_COUNT = 2
C = 0.5
THRESHOLD = 0.4
# the learned coder's rule-layer settings (learned.py), chosen by 5-fold cross-validation on PLV and the GSR
# relabel a table word when the model gives another type at least this: off (None); at 0.6 it gained 0.002
# macro-F1 on PLV and GSR cross-validation, and overruled correct rows ("demolished the home": 1712 -> 170)
RELABEL_AT: float | None = None
LISTED_AT = 0.5  # code a listed word whose rows' conditions failed at this
DECLINED_AT = 0.7  # ... or, for a type its failed rows code, at this
MODEL_NAME = "communique.event_model"
MODEL_VERSION = "1"
RETREAT_LEMMAS = frozenset({"withdraw", "retreat", "release", "free", "return", "evacuate", "pull", "lift",
                            "ease", "surrender", "demobilize", "disarm", "ceasefire", "truce", "withdrawal"})
REPORTING = frozenset({"say", "tell", "report", "announce", "state", "add", "claim", "note", "write", "quote"})
# sets whose records mark every event of their types (other candidate words are negatives)
COMPLETE = frozenset({"plv", "plover_gsr", "universalpetrarch", "petrarch2", "wikievents", "m2e2"})
# sets of single sentences whose records without a gold event (and none of an unmapped type) are sentences of no
# event: the sentence model's NONE examples (every record of the other sets has an event)
SENTENCE_NEGATIVES = frozenset({"m2e2"})
# the sentence model (model.py): suppress the model's words in a sentence it gives NONE at least this; propose a
# type for a sentence with no candidate of a PLOVER type when it gives that type at least this (None: off).
# Chosen by cross-validation (PLV: 5 folds; M2E2: one held-out fold of 5): propose 0.4 gained 0.004 macro-F1
# on PLV (0.6: 0.002);
# suppress 0.5 gained 0.002 on M2E2 (0.8 and above: nothing; the balanced class weights keep NONE's probability
# low); also dropping rule candidates there (SUPPRESS_RULES_AT) gained nothing, so it is off
SUPPRESS_AT: float | None = 0.5
PROPOSE_AT: float | None = 0.4
SUPPRESS_RULES_AT: float | None = None
SENTENCE_C = 0.5
# PLOVER types the learned coder codes only with a target in the parse (learned.py ``target_types``).  By the
# joint 5-fold cross-validation of round 3 (saved predictions, model events without a target dropped): ASSAULT
# gained 0.007 micro-F1 on M2E2 (0.369 -> 0.376; most of its false positives there were the model's "war",
# "conflict", "fighting" with no one attacked), changed PLV macro-F1 by -0.001, the GSR +0.001, UP +0.001;
# CONSULT, PROTEST, COERCE gained nothing
TARGET_TYPES: tuple[str, ...] = ("ASSAULT",)
# Rule rows' calibrated confidence (learned.py ``rule_precision``): how often a row coding a PLOVER type, where it
# fires in a record of these sets, codes the record's gold type at that word (sets whose gold marks every PLOVER
# type: M2E2 and WikiEvents mark only theirs, UniversalPetrarch's words are chosen by the table itself), smoothed
# toward all rows' rate with this weight.  A row's event then carries it as ``confidence`` instead of none (read as
# 1.0), so a confident model event of the sentence can outrank a row that is often not the sentence's event
# Measured by the joint 5-fold cross-validation of round 6 (with the round's trigger rows): PLV macro-F1 0.745 ->
# 0.737, GSR macro-F1 0.692 -> 0.670 (and, letting the model overrule a row only when surer than it, not measured
# to the end); so the rows' rates are written to the model file but not used (``rule_confidence`` False)
RULE_CALIBRATION_SETS = frozenset({"plv", "plover_gsr"})
RULE_SMOOTHING = 2.0
RULE_CONFIDENCE = False
# Round 4 tried word vectors of who acts (the subject's lemma) in the word model and the mean word vector of the
# sentence's verbs and nouns in the sentence model; by the joint 5-fold cross-validation neither moved PLV, the GSR,
# UniversalPetrarch or M2E2 beyond noise (PLV macro-F1 0.663 -> 0.663/0.664), so round 5 removed them.
# Round 10 added word-class features (k-means classes of the word vectors for the words around a candidate: its
# object, modifiers, subject, governing verb), shipped off; round 11 measured them on with the joint 5-fold
# cross-validation: PLV macro-F1 0.800 -> 0.801, type + source + target 0.634 -> 0.633, the GSR's type recall 77.6% ->
# 77.0% at precision 73.1% -> 73.7% (macro-F1 0.741 -> 0.741), M2E2 micro-F1 see the round 11 note: no gain, removed.


@dataclass(frozen=True, slots=True)
class Example:
    """One candidate word: its features, label (a PLOVER type or NONE), weight, CAMEO code when the gold has
    one, and where it came from (set name, item group) for cross-validation."""

    sparse: tuple[str, ...]
    dense: np.ndarray
    lvec: np.ndarray  # the lemma's word vector (lexicon.py); empty for a sentence
    label: str
    weight: float
    lemma: str
    pos: str
    cameo: str | None
    dataset: str
    group: str
    ovec: np.ndarray | None = None  # the word vector of what it acts on (features.object_lemma), zeros if none
    kind: str = "token"  # "token": a candidate word; "sentence": a whole sentence (sparse/dense: its features);
    # "rule": where a table row fires (``lemma``: the row as ``Event.rule`` shows it; label "hit" or "miss")


def parse_items(items: Sequence[Item], nlp: Any, *, batch_size: int = 64) -> list[Any]:
    """spaCy docs of the items' texts (the parse the pipeline makes)."""
    return list(nlp.pipe((i.text for i in items), batch_size=batch_size))


def _tokens_in(sdoc: Any, span: tuple[int, int]) -> list[Any]:
    return [t for t in sdoc if span[0] <= t.idx < span[1] or (t.idx <= span[0] < t.idx + len(t))]


def _root_of(toks: list[Any]) -> Any | None:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0] if toks else None


def _from_span(sdoc: Any, span: tuple[int, int]) -> Any | None:
    toks = _tokens_in(sdoc, span)
    for pos in ("VERB", "NOUN"):
        found = [t for t in toks if t.pos_ == pos]
        if found:
            return found[0] if pos == "VERB" else found[-1]
    return _root_of(toks)


def _predicate_up(tok: Any) -> Any:
    for _ in range(6):
        if tok.pos_ in ("VERB", "NOUN") and tok.dep_ not in ("compound",):
            return tok
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _meeting_point(sdoc: Any, src: tuple[int, int], tgt: tuple[int, int]) -> Any | None:
    s = _root_of(_tokens_in(sdoc, src))
    t = _root_of(_tokens_in(sdoc, tgt))
    if s is None or t is None:
        return None
    s_chain = [s, *s.ancestors]
    s_ids = {x.i for x in s_chain}
    t_chain = [t, *t.ancestors]
    lca = next((x for x in t_chain if x.i in s_ids), None)
    if lca is None:
        return None
    src_ids = {x.i for x in _tokens_in(sdoc, src)}
    tgt_ids = {x.i for x in _tokens_in(sdoc, tgt)}
    if lca.i in src_ids | tgt_ids:
        lca = lca.head if lca.head.i != lca.i else lca
    if str(lca.lemma_).lower() in REPORTING:
        # "X said Y attacked Z": the event is the reported clause on the target's path
        below = [x for x in t_chain if x.i != lca.i and lca in x.ancestors and x.pos_ == "VERB"]
        if below:
            return below[-1]
    return _predicate_up(lca)


def _main_predicate(sdoc: Any) -> Any | None:
    roots = [t for t in sdoc if t.dep_ == "ROOT"]
    if not roots:
        return None
    root = roots[0]
    if str(root.lemma_).lower() in REPORTING:
        for c in root.children:
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "NOUN"):
                return c
    return _predicate_up(root)


def _table_root_word(sdoc: Any, root: str, table: TriggerTable, taken: set[int]) -> Any | None:
    for tok in sdoc:
        if tok.i in taken:
            continue
        for trig in table.get(str(tok.lemma_).lower(), []):
            if trig.cameo[:2] == root:
                return tok
    return None


def _split_yield(tok: Any, table: TriggerTable) -> str:
    lemma = str(tok.lemma_).lower()
    if lemma in RETREAT_LEMMAS:
        return "RETREAT"
    for trig in table.get(lemma, []):
        try:
            if lookup(trig.cameo).plover == "RETREAT":
                return "RETREAT"
        except KeyError:
            continue
    return "CONCEDE"


def _label(types: frozenset[str], tok: Any, table: TriggerTable) -> str:
    if types == {"CONCEDE", "RETREAT"}:
        return _split_yield(tok, table)
    return next(iter(sorted(types)))


def _codes_event(tok: Any, table: TriggerTable) -> bool:
    """Does the trigger table code this word, here, as an event of a PLOVER type (statements, 01, have none)?
    A listed word none of whose rows' conditions hold ("flew the drone") does not: it is a negative like any
    other word the gold leaves unmarked."""
    trig = match_trigger(tok, table)
    if trig is None:
        return False
    try:
        return bool(lookup(trig.cameo).plover)
    except KeyError:
        return False


def examples_for(dataset: str, items: Sequence[Item], sdocs: Sequence[Any], *,
                 table: TriggerTable | None = None, vectors: LemmaVectors | None = None) -> list[Example]:
    """Training examples (one per candidate word) of one dataset's parsed items."""
    rows = table if table is not None else default_triggers()
    lex = vectors or LemmaVectors.load()
    out: list[Example] = []
    complete = dataset in COMPLETE
    for item, sdoc in zip(items, sdocs, strict=True):
        chosen: dict[int, tuple[str, str | None]] = {}
        gold_types: dict[int, frozenset[str]] = {}
        for g in item.gold:
            types = g.types()
            if not types:
                continue
            tok = None
            if g.trigger is not None:
                tok = _from_span(sdoc, g.trigger)
            if tok is None and g.source is not None and g.target is not None:
                tok = _meeting_point(sdoc, g.source, g.target)
            if tok is None and g.cameo:
                tok = _table_root_word(sdoc, g.cameo[:2], rows, set(chosen))
            if tok is None and len(item.gold) == 1:
                tok = _main_predicate(sdoc)
            if tok is None or tok.i in chosen:
                continue
            chosen[tok.i] = (_label(types, tok, rows), g.cameo)
            gold_types[tok.i] = types
        for tok in sdoc:
            if tok.i in chosen:
                label, cameo = chosen[tok.i]
                weight = 1.0
            elif complete and is_candidate(tok) and not _codes_event(tok, rows):
                label, cameo, weight = NONE, None, NEGATIVE_WEIGHT
            else:
                continue
            feats = sparse(tok)
            out.append(Example(tuple(sorted(set(feats))), dense(tok), lex.vector(str(tok.lemma_).lower()),
                               label, weight, str(tok.lemma_).lower(), tok.pos_, cameo, dataset, item.group,
                               lex.vector(object_lemma(tok) or "")))
        out += _sentence_examples(dataset, item, sdoc, {i: lab for i, (lab, _) in chosen.items()}, lex)
        if dataset in RULE_CALIBRATION_SETS:
            out += _rule_examples(dataset, item, sdoc, gold_types, rows)
    return out


_EMPTY = np.zeros(0, dtype=np.float32)


def _rule_examples(dataset: str, item: Item, sdoc: Any, gold_types: dict[int, frozenset[str]],
                   rows: TriggerTable) -> list[Example]:
    """Where a table row coding a PLOVER type fires in the record: a "hit" when the word is the gold event's and the
    row codes its type, else a "miss" (the row's calibrated confidence, :data:`RULE_CALIBRATION_SETS`)."""
    out: list[Example] = []
    for tok in sdoc:
        trig = match_trigger(tok, rows)
        if trig is None:
            continue
        try:
            plover = lookup(trig.cameo).plover
        except KeyError:
            continue
        if not plover:
            continue
        hit = plover in gold_types.get(tok.i, frozenset())
        out.append(Example((), _EMPTY, _EMPTY, "hit" if hit else "miss", 1.0, rule_name(trig), tok.pos_, None,
                           dataset, item.group, kind="rule"))
    return out


def rule_precision(examples: Sequence[Example], *, smoothing: float = RULE_SMOOTHING) -> tuple[dict[str, float], float]:
    """Each row's calibrated confidence from the "rule" examples: (hits + smoothing * prior) / (firings + smoothing),
    with prior the rate of all rows' firings; returns (row -> confidence, prior).  No examples: ({}, 1.0)."""
    fired: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for e in examples:
        if e.kind == "rule":
            fired[e.lemma] += 1
            hits[e.lemma] += e.label == "hit"
    total = sum(fired.values())
    if not total:
        return {}, 1.0
    prior = sum(hits.values()) / total
    return ({r: round((hits[r] + smoothing * prior) / (n + smoothing), 3) for r, n in sorted(fired.items())},
            round(prior, 3))


def _sentence_examples(dataset: str, item: Item, sdoc: Any, chosen: dict[int, str],
                       lex: LemmaVectors) -> list[Example]:
    """The sentence model's examples of one record: each sentence holding a gold event's word, once per type
    (weights summing to 1); each sentence of a record with no event at all in :data:`SENTENCE_NEGATIVES`."""
    out: list[Example] = []
    negative = dataset in SENTENCE_NEGATIVES and not item.gold and not item.unmapped
    for sent in sdoc.sents:
        toks = list(sent)
        types = sorted({lab for i, lab in chosen.items() if sent.start <= i < sent.end})
        if not types and not negative:
            continue
        feats = tuple(sorted(set(sentence_sparse(toks))))
        vec = sentence_dense(toks)
        for t in types or [NONE]:
            out.append(Example(feats, vec, np.zeros(0, dtype=np.float32), t, 1.0 / max(len(types), 1), "", "",
                               None, dataset, item.group, kind="sentence"))
    return out


def fit(examples: Sequence[Example], *, sets: Iterable[str] = (), notes: dict[str, Any] | None = None,
        c: float = C, threshold: float = THRESHOLD) -> EventModel:
    """Fit the classifier on examples; the model carries its noun lexicon and lemma codes."""
    from scipy import sparse as sp
    from sklearn.linear_model import LogisticRegression

    sentences = [e for e in examples if e.kind == "sentence"]
    precision, prior = rule_precision(examples)
    examples = [e for e in examples if e.kind == "token"]
    names, dim, x_sparse, dense_rows = _design(examples)
    lex = LemmaVectors.load()
    lvecs = np.stack([e.lvec for e in examples]) if examples else np.zeros((0, lex.vectors.shape[1]))
    blocks = [x_sparse, sp.csr_matrix(dense_rows), sp.csr_matrix(lvecs)]
    vdim = lex.vectors.shape[1]
    with_obj = any(e.ovec is not None for e in examples)
    if with_obj:
        blocks.append(sp.csr_matrix(np.stack([e.ovec if e.ovec is not None else np.zeros(vdim, dtype=np.float32)
                                              for e in examples])))
    x = sp.hstack(blocks, format="csr")
    y = np.array([e.label for e in examples])
    w = np.array([e.weight for e in examples], dtype=np.float64)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit(x, y, sample_weight=w)
    codes: dict[str, Counter[str]] = {}
    for e in examples:
        if e.cameo and e.label != NONE:
            codes.setdefault(f"{e.lemma}|{e.label}", Counter())[e.cameo] += 1
    nouns = Counter(e.lemma for e in examples if e.label != NONE and e.pos == "NOUN")
    meta = {
        "name": MODEL_NAME, "version": MODEL_VERSION, "threshold": threshold,
        "relabel_at": RELABEL_AT, "listed_at": LISTED_AT, "declined_at": DECLINED_AT,
        "suppress_at": SUPPRESS_AT, "propose_at": PROPOSE_AT, "suppress_rules_at": SUPPRESS_RULES_AT,
        "target_types": list(TARGET_TYPES), "rule_precision": precision, "rule_prior": prior,
        "rule_confidence": RULE_CONFIDENCE,
        "noun_lexicon": sorted(n for n, k in nouns.items() if k >= 1),
        "lemma_codes": {k: v.most_common(1)[0][0] for k, v in sorted(codes.items())},
        "trained_on": sorted(set(sets)), "examples": len(examples), "trained": dt.date.today().isoformat(),
        **(notes or {}),
    }  # fmt: skip
    width = len(names) + dim
    lex_scores = lex.vectors @ clf.coef_[:, width:width + vdim].T.astype(np.float32)  # rows x classes
    obj_scores = (lex.vectors @ clf.coef_[:, width + vdim:width + 2 * vdim].T.astype(np.float32) if with_obj
                  else None)
    sent = _fit_sentences(sentences) if len({e.label for e in sentences}) > 1 else {}
    return EventModel(coef=clf.coef_[:, :width], intercept=clf.intercept_, classes=[str(c) for c in clf.classes_],
                      features=names + [f"dense:{i}" for i in range(dim)], meta=meta, lex_keys=lex.keys,
                      lex_rows=lex.rows, lex_scores=lex_scores, lex_obj_scores=obj_scores,
                      **sent)


def _design(examples: Sequence[Example]) -> tuple[list[str], int, Any, np.ndarray]:
    """The shared part of both design matrices: the sparse features seen at least ``MIN_COUNT`` times (sorted
    names; a ``len(examples) x len(names)`` CSR matrix of ones) and the dense block (``len(examples) x dim``,
    float32; rows of another width left zero)."""
    from scipy import sparse as sp

    counts = Counter(f for e in examples for f in e.sparse)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    dim = max((e.dense.shape[0] for e in examples), default=0)
    rows, cols = [], []
    for r, e in enumerate(examples):
        for f in e.sparse:
            j = index.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    x_sparse = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                             shape=(len(examples), len(names)))
    dense_rows = np.zeros((len(examples), dim), dtype=np.float32)
    for r, e in enumerate(examples):
        if e.dense.shape[0] == dim:
            dense_rows[r] = e.dense
    return names, dim, x_sparse, dense_rows


def _fit_sentences(examples: Sequence[Example]) -> dict[str, Any]:
    """The sentence model's arrays (``EventModel`` keyword arguments): a multinomial logistic regression over
    the sentence features (``features.sentence_sparse``/``sentence_dense``), balanced class weights."""
    from scipy import sparse as sp
    from sklearn.linear_model import LogisticRegression

    names, dim, x_sparse, dense_rows = _design(examples)
    x = sp.hstack([x_sparse, sp.csr_matrix(dense_rows)], format="csr")
    clf = LogisticRegression(C=SENTENCE_C, max_iter=2000, class_weight="balanced")
    clf.fit(x, np.array([e.label for e in examples]), sample_weight=np.array([e.weight for e in examples]))
    width = len(names) + dim
    return {"sent_coef": clf.coef_[:, :width], "sent_intercept": clf.intercept_,
            "sent_classes": [str(c) for c in clf.classes_], "sent_features": names + [f"dense:{i}" for i in range(dim)]}


def load_examples(shared: Path, sets: Sequence[str], nlp: Any, *, cache: ParseCache | None = None,
                  ) -> tuple[dict[str, list[Item]], list[Example]]:
    """Read, parse and turn into examples the named sets.  ``cache``: where the parses are kept
    (``parse_cache.py``); None parses every text."""
    items: dict[str, list[Item]] = {}
    examples: list[Example] = []
    for name in sets:
        items[name] = read_dataset(name, shared)
        if cache is not None:
            sdocs = cache.parse([i.text for i in items[name]], label=name, keep=False)
        else:
            sdocs = parse_items(items[name], nlp)
        examples += examples_for(name, items[name], sdocs)
    return items, examples


def train(shared: Path, out: Path, *, sets: Sequence[str] = TRAIN_SETS, model: str | None = None,
          cache: Path | None = None) -> EventModel:
    """Rebuild the model file ``out`` from the named sets in ``shared``; returns the model.  ``cache``: a
    folder keeping the sets' parses for the next run (``parse_cache.py``); None parses afresh."""
    from ..stages.nlp import DEFAULT_MODEL, load_nlp

    nlp = load_nlp(model or DEFAULT_MODEL)
    _, examples = load_examples(shared, sets, nlp, cache=ParseCache(nlp, cache) if cache is not None else None)
    em = fit(examples, sets=sets)
    em.save(out)
    return em
