"""spaCy's rule lemmatizer with its answers kept per (form, part of speech, morphology): the same lemmas, faster.

The shipped English pipelines' ``lemmatizer`` (rule mode) sets each token's lemma in a Python loop that reads the
token's text, part of speech and morphology and applies the lemma tables; spaCy caches only the answers that went
through its suffix rules, so every proper noun, punctuation mark and base form is worked out again at every
token (about a seventh of the whole parse on news text, more than the parser).  The rule lemmatizer's answer for
a token depends on nothing but its form (``ORTH``), its coarse part of speech (``POS``) and its morphology
(``MORPH``) (``Lemmatizer.rule_lemmatize`` and ``EnglishLemmatizer.is_base_form`` read nothing else, and
spaCy's own cache is keyed the same way), so :class:`FastLemmatizer` reads those three columns with
``Doc.to_array``, asks spaCy's own ``lemmatize`` once per distinct triple (kept in a table per process), and
writes the lemma column back with ``Doc.from_array``.  Tokens that already have a lemma (set by the attribute
ruler) keep it unless the lemmatizer overwrites, as in spaCy (``tests/stages/test_fastlemma.py`` compares both
on our example articles).

A lemmatizer in another mode ("lookup") is left to spaCy (:func:`speed_up`).
"""

from __future__ import annotations

import weakref
from typing import Any

__all__ = ["FastLemmatizer", "speed_up"]

_TABLE_LIMIT = 500_000  # distinct (form, POS, morphology) triples remembered per lemmatizer
# each lemmatizer's table, kept outside the component: it holds string hashes of this process's vocabulary, so it
# must not travel with a pickled or copied component
_TABLES: weakref.WeakKeyDictionary[Any, dict[tuple[int, int, int], int]] = weakref.WeakKeyDictionary()


class FastLemmatizer:
    """Mixed into spaCy's ``Lemmatizer`` by :func:`speed_up` (the instance's class is swapped, so its tables,
    settings and serialisation stay spaCy's)."""

    def __call__(self, doc: Any) -> Any:
        if self.mode != "rule":  # type: ignore[attr-defined]
            return super().__call__(doc)  # type: ignore[misc]
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.errors import Errors

        if not self._validated:  # type: ignore[attr-defined]
            self._validate_tables(Errors.E1004)  # type: ignore[attr-defined]
        table = _TABLES.get(self)
        if table is None:
            table = _TABLES[self] = {}
        try:
            if not len(doc):
                return doc
            cols = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = cols[:, 3].copy()
            overwrite = self.overwrite  # type: ignore[attr-defined]
            strings = doc.vocab.strings
            for i, (orth, pos, morph, lemma) in enumerate(cols.tolist()):
                if lemma != 0 and not overwrite:
                    continue
                key = (orth, pos, morph)
                value = table.get(key)
                if value is None:
                    value = strings.add(self.lemmatize(doc[i])[0])  # type: ignore[attr-defined]
                    if len(table) < _TABLE_LIMIT:
                        table[key] = value
                lemmas[i] = value
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own error handling, as its Lemmatizer.__call__ does
            self.get_error_handler()(self.name, self, [doc], e)  # type: ignore[attr-defined]
            return doc


def speed_up(nlp: Any, name: str = "lemmatizer") -> bool:
    """Make ``nlp``'s lemmatizer ``name`` a :class:`FastLemmatizer` (in place); False when there is no such
    spaCy lemmatizer (spaCy's ``Lemmatizer`` or a language's subclass of it)."""
    from spacy.pipeline import Lemmatizer

    if name not in nlp.pipe_names:
        return False
    lem = nlp.get_pipe(name)
    if not isinstance(lem, Lemmatizer) or isinstance(lem, FastLemmatizer):
        return False
    lem.__class__ = _fast_class(type(lem))
    return True


_CLASSES: dict[type, type] = {}


def _fast_class(base: type) -> type:
    cls = _CLASSES.get(base)
    if cls is None:
        cls = _CLASSES[base] = type(f"Fast{base.__name__}", (FastLemmatizer, base), {"__module__": __name__})
        globals()[cls.__name__] = cls  # importable by name, so worker processes can unpickle it
    return cls
