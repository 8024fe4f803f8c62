"""The learned event coder: a linear classifier over candidate words, shipped as a small ``.npz`` file.

The model reads the features of ``features.py`` and gives, for each candidate word, a probability for each
PLOVER 2021 type and for ``NONE`` (no event).  The CAMEO code at full depth comes from the word, in order:

1. the bundled trigger table (``knowledge/data/triggers.tsv``) when one of the word's rows codes a CAMEO code
   of the predicted PLOVER type (the table is the readable, high-precision layer; the model adds coverage);
2. the code the training data most often gave this lemma with this type (CAMEO-coded training records);
3. the type's generic CAMEO code (:data:`DEFAULT_CODES`, the ``x0`` code of its main root).

File format (``numpy.savez_compressed``, no pickles): ``coef`` (classes x features, float16), ``intercept``
(classes), ``classes`` (str), ``features`` (str; the sparse names then ``dense:0 .. dense:95``), the lexicon
(``lex_keys``, ``lex_rows``, ``lex_scores``: see ``lexicon.py``; ``lex_obj_scores``, the rows' scores as the
word's object, optional), ``meta`` (a JSON
string: name, version, threshold, per-type thresholds (``type_thresholds``, optional), noun lexicon, lemma
codes, training sets) and, optionally, the sentence model (``sent_coef``,
``sent_intercept``, ``sent_classes``, ``sent_features``: a linear classifier over a whole sentence's features,
``features.sentence_sparse``/``sentence_dense``, giving each PLOVER type and ``NONE``, no event, a probability;
``learned.py`` uses it to suppress the model's words in sentences of no event and to propose a type for
sentences where no word was a candidate).
Training is ``communique train events`` (``evaluate/events_train.py``), which needs scikit-learn; loading
and predicting need numpy only.

Errors: :class:`~communique.errors.EventModelError` when the file is missing or not a model.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import EventModelError
from ...knowledge.cameo import lookup
from ...knowledge.triggers import TriggerTable, default_triggers
from .features import (
    dense,
    is_candidate,
    object_lemma,
    sentence_dense,
    sentence_sparse,
    sparse,
)
from .lexicon import lemma_rows

__all__ = ["DEFAULT_CODES", "NONE", "EventModel", "Prediction", "default_event_model"]

NONE = "NONE"
MODEL_FILE = "data/event_model.npz"
# the generic CAMEO code of each PLOVER 2021 type (its main root's x0 code)
DEFAULT_CODES: dict[str, str] = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060", "AID": "070",
    "RETREAT": "087", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the model says of one word: ``token`` (index into the spaCy doc), PLOVER type, CAMEO code and the
    probability of the type (0-1)."""

    token: int
    plover: str
    cameo: str
    confidence: float


class EventModel:
    """A trained linear event classifier (see the module docstring for the file format)."""

    def __init__(self, *, coef: np.ndarray, intercept: np.ndarray, classes: list[str], features: list[str],
                 meta: dict[str, Any], lex_keys: np.ndarray | None = None, lex_rows: np.ndarray | None = None,
                 lex_scores: np.ndarray | None = None, lex_obj_scores: np.ndarray | None = None,
                 sent_coef: np.ndarray | None = None,
                 sent_intercept: np.ndarray | None = None,
                 sent_classes: list[str] | None = None, sent_features: list[str] | None = None) -> None:
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.classes = list(classes)
        self.features = list(features)
        self.meta = meta
        self.index = {f: i for i, f in enumerate(self.features) if not f.startswith("dense:")}
        dense_cols = [i for i, f in enumerate(self.features) if f.startswith("dense:")]
        self.dense_start = dense_cols[0] if dense_cols else len(self.features)
        self.dense_dim = len(dense_cols)
        self.name: str = meta.get("name", "communique.event_model")
        self.version: str = str(meta.get("version", "1"))
        self.threshold: float = float(meta.get("threshold", 0.5))
        # per-type thresholds (PLOVER type -> probability), where they differ from ``threshold``
        self.type_thresholds: dict[str, float] = {str(k): float(v) for k, v in
                                                  (meta.get("type_thresholds") or {}).items()}
        self.noun_lexicon = frozenset(meta.get("noun_lexicon", []))
        self.lemma_codes: dict[str, str] = dict(meta.get("lemma_codes", {}))
        self._none = self.classes.index(NONE) if NONE in self.classes else -1
        # the lexicon (``lexicon.py``): sorted word hashes, their vector rows, each row's class scores
        self.lex_keys = np.zeros(0, dtype=np.uint64) if lex_keys is None else np.asarray(lex_keys, dtype=np.uint64)
        self.lex_rows = np.zeros(0, dtype=np.uint16) if lex_rows is None else np.asarray(lex_rows)
        self.lex_scores = (np.zeros((0, len(self.classes)), dtype=np.float32) if lex_scores is None
                           else np.asarray(lex_scores, dtype=np.float32))
        # the same rows' contribution when the word is the candidate's object (``features.object_lemma``)
        self.lex_obj_scores = (None if lex_obj_scores is None or not len(lex_obj_scores)
                               else np.asarray(lex_obj_scores, dtype=np.float32))
        # the sentence model (optional): classes x features, sparse names then ``dense:i``
        self.sent_classes = list(sent_classes or [])
        self.sent_coef = None if sent_coef is None or not self.sent_classes else np.asarray(sent_coef, np.float32)
        self.sent_intercept = (None if self.sent_coef is None else np.asarray(sent_intercept, dtype=np.float32))
        self.sent_features = list(sent_features or [])
        self.sent_index = {f: i for i, f in enumerate(self.sent_features) if not f.startswith("dense:")}
        sent_dense = [i for i, f in enumerate(self.sent_features) if f.startswith("dense:")]
        self.sent_dense_start = sent_dense[0] if sent_dense else len(self.sent_features)
        self.sent_dense_dim = len(sent_dense)
        self.sent_none = self.sent_classes.index(NONE) if NONE in self.sent_classes else -1

    # -- io ------------------------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> EventModel:
        """Read a model file (``.npz``); :class:`EventModelError` when it is missing or malformed."""
        try:
            with np.load(path, allow_pickle=False) as z:
                arrays = ("lex_keys", "lex_rows", "lex_scores", "lex_obj_scores", "sent_coef",
                          "sent_intercept")
                lex: dict[str, Any] = {k: z[k] for k in arrays if k in z.files}
                names: dict[str, Any] = {k: [str(c) for c in z[k]] for k in ("sent_classes", "sent_features")
                                         if k in z.files}
                return cls(coef=z["coef"], intercept=z["intercept"], classes=[str(c) for c in z["classes"]],
                           features=[str(f) for f in z["features"]], meta=json.loads(str(z["meta"])), **lex,
                           **names)
        except FileNotFoundError:
            raise EventModelError(f"{path}: no such event model file") from None
        except (OSError, KeyError, ValueError) as exc:
            raise EventModelError(f"{path}: not an event model ({exc})") from None

    def save(self, path: str | Path) -> None:
        arrays: dict[str, Any] = {
            "coef": self.coef.astype(np.float16), "intercept": self.intercept, "classes": np.array(self.classes),
            "features": np.array(self.features), "meta": np.array(json.dumps(self.meta, sort_keys=True)),
            "lex_keys": self.lex_keys, "lex_rows": self.lex_rows, "lex_scores": self.lex_scores.astype(np.float16)}
        if self.lex_obj_scores is not None:
            arrays["lex_obj_scores"] = self.lex_obj_scores.astype(np.float16)
        if self.sent_coef is not None:
            arrays.update(sent_coef=self.sent_coef.astype(np.float16), sent_intercept=self.sent_intercept,
                          sent_classes=np.array(self.sent_classes), sent_features=np.array(self.sent_features))
        np.savez_compressed(path, **arrays)

    # -- prediction ----------------------------------------------------------------------------------------------

    def probabilities(self, toks: list[Any]) -> np.ndarray:
        """Class probabilities (tokens x classes) for spaCy tokens."""
        if not toks:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        scores = np.tile(self.intercept, (len(toks), 1))
        if len(self.lex_keys):
            rows = lemma_rows([str(t.lemma_).lower() for t in toks], self.lex_keys, self.lex_rows)
            known = rows >= 0
            scores[known] += self.lex_scores[rows[known]]
            if self.lex_obj_scores is not None:
                objs = [object_lemma(t) for t in toks]
                orows = lemma_rows([o or "" for o in objs], self.lex_keys, self.lex_rows)
                oknown = orows >= 0
                scores[oknown] += self.lex_obj_scores[orows[oknown]]
        for row, tok in enumerate(toks):
            cols = [self.index[f] for f in set(sparse(tok)) if f in self.index]
            if cols:
                scores[row] += self.coef[:, cols].sum(axis=1)
            if self.dense_dim:
                v = dense(tok)
                if v.shape[0] == self.dense_dim:
                    scores[row] += self.coef[:, self.dense_start: self.dense_start + self.dense_dim] @ v
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        return p / p.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]

    def sentence_probabilities(self, toks: Any, *, unit: np.ndarray | None = None) -> np.ndarray | None:
        """The sentence model's probabilities (``sent_classes`` order) for a sentence given as spaCy tokens;
        None when the model has no sentence model.  ``unit``: ``features.unit_rows`` of the tokens' doc, when a
        caller scoring every sentence of a document computed it once (the probabilities are the same)."""
        if self.sent_coef is None or self.sent_intercept is None:
            return None
        toks = list(toks)
        score = self.sent_intercept.copy()
        cols = [self.sent_index[f] for f in set(sentence_sparse(toks)) if f in self.sent_index]
        if cols:
            score += self.sent_coef[:, cols].sum(axis=1)
        if self.sent_dense_dim:
            v = sentence_dense(toks, unit)
            if v.shape[0] == self.sent_dense_dim:
                score += self.sent_coef[:, self.sent_dense_start: self.sent_dense_start + self.sent_dense_dim] @ v
        p = np.exp(score - score.max())
        return p / p.sum()  # type: ignore[no-any-return]

    def candidates(self, sdoc: Any) -> list[Any]:
        """The words of a spaCy doc (or span, or list of tokens) the model considers, in order."""
        from spacy.symbols import NOUN, POS, VERB
        from spacy.tokens import Doc as SpacyDoc

        if isinstance(sdoc, SpacyDoc):  # only verbs and nouns can be candidates: the others are not made tokens
            pos = sdoc.to_array(POS)
            return [t for t in (sdoc[int(i)] for i in np.flatnonzero((pos == VERB) | (pos == NOUN)))
                    if is_candidate(t, self.noun_lexicon)]
        return [t for t in sdoc if is_candidate(t, self.noun_lexicon)]

    def predict(self, toks: list[Any], *, threshold: float | None = None,
                table: TriggerTable | None = None, probs: np.ndarray | None = None) -> list[Prediction]:
        """Events among ``toks``: the best type when it is not ``NONE`` and its probability reaches the
        threshold: ``threshold`` when given, else the type's own (``type_thresholds``), else the model's.
        ``probs``: ``probabilities(toks)`` when already computed."""
        out: list[Prediction] = []
        probs = self.probabilities(toks) if probs is None else probs
        for tok, p in zip(toks, probs, strict=True):
            best = int(p.argmax())
            if best == self._none:
                continue
            plover = self.classes[best]
            cut = threshold if threshold is not None else self.type_thresholds.get(plover, self.threshold)
            if float(p[best]) < cut:
                continue
            out.append(Prediction(tok.i, plover, self.code_for(tok, plover, table), round(float(p[best]), 3)))
        return out

    def code_for(self, tok: Any, plover: str, table: TriggerTable | None = None) -> str:
        """The CAMEO code of a word predicted as ``plover`` (see the module docstring for the order)."""
        rows = table if table is not None else default_triggers()
        lemma = str(tok.lemma_).lower()
        for key in dict.fromkeys((lemma, tok.lower_)):
            for trig in rows.get(key, []):
                try:
                    if lookup(trig.cameo).plover == plover:
                        return trig.cameo
                except KeyError:
                    continue
        return self.lemma_codes.get(f"{lemma}|{plover}") or DEFAULT_CODES.get(plover, "010")


@functools.lru_cache(maxsize=1)
def default_event_model() -> EventModel:
    """The shipped model (``knowledge/data/event_model.npz``), loaded once per process."""
    ref = resources.files("communique.knowledge").joinpath(MODEL_FILE)
    with resources.as_file(ref) as path:
        return EventModel.load(path)
