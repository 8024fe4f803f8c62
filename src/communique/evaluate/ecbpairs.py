"""A learned pairwise scorer for cross-document event coreference on ECB+ (:mod:`.ecbplus`).

Every pair of event mentions of one ECB+ topic gets a feature vector (:data:`FEATURES`):

* the head words: the same lemma, the same stem (:func:`.ecbplus.event_stem`), one event family
  (:data:`.ecbplus.EVENT_FAMILIES`), the same specific CAMEO code or the same CAMEO root, the cosine of the
  head lemmas' ``en_core_web_md`` vectors (:class:`communique.stages.events.lexicon.LemmaVectors`), both verbs,
  both nouns;
* the trigger's own arguments from the parse (:func:`.ecbplus.arguments`): shared participants, shared places,
  and conflicts (both have participants, or places, and none is shared);
* the sentences: shared PERSON/ORG/NORP and GPE/LOC/FAC entity lemmas, overlap of their content lemmas;
* the documents: one sub-topic (:func:`.ecbplus.subtopics`), the cosine of their lemma counts, the same
  document, and their dates from our dates stage (:func:`.ecbplus.document_date`): the same year, another
  year, the same month, another month (unknown on either side gives none of them).

A gradient-boosted tree classifier (scikit-learn's ``HistGradientBoostingClassifier``) learns P(corefer) from the
gold clusters of the training topics; mentions of a topic are then clustered by average linkage on
``1 - P``, cut at ``1 - threshold``.  Training and the threshold use topics 1-35 only: on those topics the
figure is cross-validated by topic (:func:`cross_validate`: each fold's topics are clustered by a model
trained on the other folds), and the test topics 36-45 are clustered by a model trained on all of 1-35.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .ecbplus import _FAMILY_OF, Document, Mention, event_stem

FEATURES = ("same_lemma", "same_stem", "same_family", "same_cameo", "same_cameo_root", "head_cosine",
            "both_verbs", "both_nouns", "shared_args", "args_conflict", "shared_places", "places_conflict",
            "shared_who", "shared_where", "context_overlap", "same_subtopic", "doc_cosine", "same_doc",
            "same_year", "other_year", "same_month", "other_month")
#: non-coreferring training pairs kept per coreferring one
NEGATIVES = 4
#: folds of the cross-validation on topics 1-35 (topic number modulo 5)
FOLDS = 5
#: P(corefer) at which average linkage stops merging; tuned by cross-validation on topics 1-35 (round 10, 0.3-0.8
#: tried: CoNLL F1 0.696, 0.733, 0.751, 0.757, 0.755, 0.748; round 11, with the same-month sub-topics: 0.5, 0.6,
#: 0.65, 0.7, 0.75, 0.8 gave 0.753, 0.757, 0.761, 0.761, 0.758, 0.753)
THRESHOLD = 0.7


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _specific(code: str | None) -> bool:
    return bool(code) and (len(code or "") == 4 or (len(code or "") == 3 and (code or "")[2] != "0"))


@dataclass(slots=True)
class PairContext:
    """What the pair features need beyond the two mentions: sub-topics, document vectors, dates and the
    head-lemma vectors (``vectors``: lemma -> unit vector; missing lemmas score 0)."""

    sub: dict[str, int]
    doc_vec: dict[str, dict[str, float]]
    docs: dict[str, Document]
    vectors: dict[str, np.ndarray]
    cosines: dict[tuple[str, str], float] = field(default_factory=dict)  # filled as pairs are scored

    def doc_cosine(self, a: str, b: str) -> float:
        key = (a, b) if a <= b else (b, a)
        if key not in self.cosines:
            va, vb = self.doc_vec.get(a, {}), self.doc_vec.get(b, {})
            if len(va) > len(vb):
                va, vb = vb, va
            self.cosines[key] = sum(v * vb.get(w, 0.0) for w, v in va.items())
        return self.cosines[key]


def context_for(docs: Sequence[Document], sub: dict[str, int], mentions: Sequence[Mention]) -> PairContext:
    """Document tf-idf vectors (within each topic) and the head-lemma vectors of ``mentions``."""
    by_topic: dict[int, list[Document]] = defaultdict(list)
    for d in docs:
        by_topic[d.topic].append(d)
    doc_vec: dict[str, dict[str, float]] = {}
    for group in by_topic.values():
        df: dict[str, int] = defaultdict(int)
        for d in group:
            for w in d.lemmas:
                df[w] += 1
        n = len(group)
        for d in group:
            vec = {w: c * math.log(1 + n / df[w]) for w, c in d.lemmas.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            doc_vec[d.name] = {w: v / norm for w, v in vec.items()}
    return PairContext(sub, doc_vec, {d.name: d for d in docs}, _head_vectors({m.head_lemma for m in mentions}))


def _head_vectors(lemmas: set[str]) -> dict[str, np.ndarray]:
    try:
        from ..stages.events.lexicon import LemmaVectors

        lv = LemmaVectors.load()
    except ModuleNotFoundError:
        return {}
    out = {}
    for w in lemmas:
        v = lv.vector(w)
        if v.any():
            out[w] = v
    return out


def features(a: Mention, b: Mention, ctx: PairContext) -> list[float]:
    """The feature vector of one pair, in the order of :data:`FEATURES`."""
    fa, fb = _FAMILY_OF.get(a.head_lemma), _FAMILY_OF.get(b.head_lemma)
    va, vb = ctx.vectors.get(a.head_lemma), ctx.vectors.get(b.head_lemma)
    da, db = ctx.docs.get(a.doc), ctx.docs.get(b.doc)
    years = (da.year, db.year) if da is not None and db is not None else (None, None)
    months = (da.month, db.month) if da is not None and db is not None else (None, None)
    return [
        float(a.head_lemma == b.head_lemma),
        float(event_stem(a.head_lemma) == event_stem(b.head_lemma)),
        float(fa is not None and fa == fb),
        float(_specific(a.cameo) and a.cameo == b.cameo),
        float(bool(a.cameo) and bool(b.cameo) and (a.cameo or "")[:2] == (b.cameo or "")[:2]),
        float(va @ vb) if va is not None and vb is not None else 0.0,
        float(a.pos == b.pos == "VERB"),
        float(a.pos == b.pos == "NOUN"),
        float(len(a.args & b.args)),
        float(bool(a.args) and bool(b.args) and not a.args & b.args),
        float(len(a.places & b.places)),
        float(bool(a.places) and bool(b.places) and not a.places & b.places),
        _jaccard(a.who, b.who),
        _jaccard(a.where, b.where),
        _jaccard(a.context, b.context),
        float(ctx.sub.get(a.doc, -1) == ctx.sub.get(b.doc, -2)),
        ctx.doc_cosine(a.doc, b.doc),
        float(a.doc == b.doc),
        float(None not in years and years[0] == years[1]),
        float(None not in years and years[0] != years[1]),
        float(None not in months and months[0] == months[1]),
        float(None not in months and months[0] != months[1]),
    ]


def _pairs(mentions: Sequence[Mention]) -> dict[int, list[int]]:
    by_topic: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_topic[m.topic].append(i)
    return by_topic


def design(mentions: Sequence[Mention], ctx: PairContext) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Per topic, the features of every pair of its mentions (in scipy's condensed order: (0, 1), (0, 2), ...,
    (1, 2), ...) and their gold labels (1 = the same gold cluster)."""
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for topic, idx in _pairs(mentions).items():
        sub = [mentions[i] for i in idx]
        rows = [features(sub[a], sub[b], ctx) for a in range(len(sub)) for b in range(a + 1, len(sub))]
        labels = [int(sub[a].gold == sub[b].gold) for a in range(len(sub)) for b in range(a + 1, len(sub))]
        out[topic] = (np.asarray(rows, dtype=np.float32).reshape(-1, len(FEATURES)),
                      np.asarray(labels, dtype=np.int8))
    return out


class PairScorer:
    """P(two mentions corefer), learned from gold clusters (:func:`design`)."""

    def __init__(self, seed: int = 0) -> None:
        from sklearn.ensemble import HistGradientBoostingClassifier

        self.seed = seed
        self.model = HistGradientBoostingClassifier(max_iter=80, learning_rate=0.1, max_leaf_nodes=15,
                                                    l2_regularization=1.0, random_state=seed)

    def fit(self, pairs: dict[int, tuple[np.ndarray, np.ndarray]]) -> PairScorer:
        """Learn from the pairs of :func:`design` (gold mentions of the training topics); non-coreferring pairs
        are sampled down to :data:`NEGATIVES` per coreferring one (seeded), which keeps training to seconds."""
        x = np.concatenate([v[0] for v in pairs.values()])
        y = np.concatenate([v[1] for v in pairs.values()])
        rng = np.random.default_rng(self.seed)
        neg = np.flatnonzero(y == 0)
        keep_neg = rng.choice(neg, size=min(len(neg), NEGATIVES * int(y.sum()) or len(neg)), replace=False)
        keep = np.sort(np.concatenate([np.flatnonzero(y == 1), keep_neg]))
        self.model.fit(x[keep], y[keep])
        return self

    def probabilities(self, pairs: dict[int, tuple[np.ndarray, np.ndarray]]) -> dict[int, np.ndarray]:
        """Per topic, P(corefer) of each pair of :func:`design`, in the same order."""
        return {t: (self.model.predict_proba(x)[:, 1] if len(x) else np.zeros(0)) for t, (x, _) in pairs.items()}


def cluster_topics(mentions: Sequence[Mention], probs: dict[int, np.ndarray], threshold: float) -> list[int]:
    """Cluster id per mention: average linkage within each topic on 1 - P(corefer) (``probs`` per topic, as
    :meth:`PairScorer.probabilities` gives them), merging while the two clusters' average P is at least
    ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage

    labels = [0] * len(mentions)
    nxt = 0
    for topic, idx in _pairs(mentions).items():
        p = probs.get(topic)
        if len(idx) < 2 or p is None or not len(p):
            for i in idx:
                labels[i] = nxt
                nxt += 1
            continue
        z = linkage(1.0 - p, method="average")
        ids = fcluster(z, t=1.0 - threshold, criterion="distance")
        for i, c in zip(idx, ids, strict=True):
            labels[i] = nxt + int(c)
        nxt += int(ids.max()) + 1
    return labels


def cross_validate(train: dict[int, tuple[np.ndarray, np.ndarray]],
                   apply: dict[int, tuple[np.ndarray, np.ndarray]] | None = None,
                   folds: int = FOLDS) -> dict[int, np.ndarray]:
    """Out-of-fold P(corefer) per topic: topics are split into ``folds`` by topic number modulo ``folds``, and
    the pairs of each fold's topics (``apply``, default ``train``) are scored by a model trained on the gold
    pairs (``train``) of the other folds' topics — no topic is scored by a model that saw it."""
    apply = train if apply is None else apply
    out: dict[int, np.ndarray] = {}
    for k in range(folds):
        model = PairScorer().fit({t: v for t, v in train.items() if t % folds != k})
        out.update(model.probabilities({t: v for t, v in apply.items() if t % folds == k}))
    return out
