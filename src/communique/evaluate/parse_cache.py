"""A disk cache of spaCy parses for the event evaluation and training (``communique eval events``,
``communique train events``): each dataset's texts are parsed once, then read back in seconds.

Cross-validating the learned event coder parses every training set (to build the training examples) and every
scored set (the pipeline's first stage); both parse the same raw texts.  :class:`ParseCache` keeps those parses
on disk, one file pair per list of texts:

* ``<label>-<key>.spacy``: a spaCy ``DocBin`` of the docs (tokens, tags, lemmas, dependencies, entities,
  sentence starts);
* ``<label>-<key>.npy``: their ``doc.tensor`` rows stacked (float32, tokens x width), which ``DocBin`` does
  not keep and the event features read (``stages/events/features.dense``).

``key`` is a SHA-256 digest (16 hex digits) of the spaCy model's name and version, spaCy's version, the
pipeline's component names, the bytes of communique's own parse components (``stages/dateline.py``,
``stages/ruler.py``, ``stages/acronyms.py``) and the texts themselves: a new model, a changed component or changed
data gives a new file, never a stale parse.  Files are written to a temporary name and renamed, so a killed run
leaves no half-written cache.  The cache holds parses only (no labels, no features): whatever the event code does with
them is recomputed each run.

:class:`CachedParse` stands in for the pipeline's parse stage (``communique.nlp.v1``) during an evaluation:
it attaches the cached parse of a text it has and parses any other text as the stage would.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..model import Doc

__all__ = ["DEFAULT_CACHE", "CachedParse", "ParseCache"]

DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "communique" / "parses"
_OWN_COMPONENTS = ("dateline.py", "ruler.py", "acronyms.py")  # files under stages/ that change the parse


def _model_id(nlp: Any) -> str:
    import spacy

    from .. import stages

    meta = getattr(nlp, "meta", {}) or {}
    own = b"".join((Path(stages.__file__).parent / name).read_bytes() for name in _OWN_COMPONENTS)
    return "\0".join([str(meta.get("lang")), str(meta.get("name")), str(meta.get("version")), spacy.__version__,
                      ",".join(nlp.pipe_names), hashlib.sha256(own).hexdigest()])


class ParseCache:
    """Parses of lists of texts by one spaCy pipeline, kept under ``root`` (see the module docstring).

    ``root=None`` keeps nothing on disk (every call parses).  Parses are also kept in memory for the life of
    the object, so one run that asks twice for a list of texts gets the same docs back."""

    def __init__(self, nlp: Any, root: Path | None = DEFAULT_CACHE, *, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.root = Path(root) if root is not None else None
        self.batch_size = batch_size
        self._model = _model_id(nlp)
        self._memory: dict[str, list[Any]] = {}
        self.hits = self.misses = 0

    def key(self, texts: Sequence[str]) -> str:
        """The 16-hex-digit key of a list of texts under this pipeline."""
        h = hashlib.sha256(self._model.encode("utf-8"))
        for t in texts:
            h.update(b"\x1e")
            h.update(t.encode("utf-8"))
        return h.hexdigest()[:16]

    def parse(self, texts: Sequence[str], *, label: str = "texts", keep: bool = True) -> list[Any]:
        """spaCy docs of ``texts`` (in order), from the cache when it holds them, else parsed and stored.

        ``label`` names the file (e.g. the dataset); it is not part of the key.  ``keep=False`` does not hold
        the docs in memory after returning them (a training set read once)."""
        def produce() -> Iterable[Any]:
            return self.nlp.pipe(texts, batch_size=self.batch_size)

        return self._cached(self.key(texts), label, len(texts), produce, keep=keep)

    def parse_tokens(self, sentences: Sequence[Sequence[str]], *, label: str = "tokens") -> list[Any]:
        """spaCy docs of pre-tokenised ``sentences`` (lists of words, kept as the tokens, in order), from the
        cache when it holds them, else parsed by every component of the pipeline and stored (``ECB+``'s gold
        tokens: mention offsets are token numbers).  Keyed like :meth:`parse`, on the words and their breaks."""
        from spacy.tokens import Doc as SpacyDoc

        key = self.key(["\x00tokens", *("\x1f".join(words) for words in sentences)])
        return self._cached(key, label, len(sentences), lambda: self.nlp.pipe(
            (SpacyDoc(self.nlp.vocab, words=list(w)) for w in sentences), batch_size=self.batch_size))

    def _cached(self, key: str, label: str, n: int, produce: Callable[[], Iterable[Any]], *,
                keep: bool = True) -> list[Any]:
        """The ``n`` docs under ``key``: from memory, else from the file ``label``-``key``, else ``produce()``d,
        written and counted a miss.  ``keep=False`` does not hold them in memory afterwards."""
        if key in self._memory:
            self.hits += 1
            return self._memory[key]
        docs = self._read(label, key, n) if self.root is not None else None
        if docs is None:
            self.misses += 1
            docs = list(produce())
            if self.root is not None:
                self._write(label, key, docs)
        else:
            self.hits += 1
        if keep:
            self._memory[key] = docs
        return docs

    def _paths(self, label: str, key: str) -> tuple[Path, Path]:
        assert self.root is not None
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in label)[:40]
        return self.root / f"{safe}-{key}.spacy", self.root / f"{safe}-{key}.npy"

    def _read(self, label: str, key: str, n: int) -> list[Any] | None:
        import numpy as np
        from spacy.tokens import DocBin

        bin_path, tensor_path = self._paths(label, key)
        if not (bin_path.is_file() and tensor_path.is_file()):
            return None
        try:
            docs = list(DocBin().from_bytes(bin_path.read_bytes()).get_docs(self.nlp.vocab))
            tensors = np.load(tensor_path, allow_pickle=False)
        except (OSError, ValueError):
            return None  # unreadable: parse again (and overwrite)
        if len(docs) != n or tensors.shape[0] != sum(len(d) for d in docs):
            return None
        at = 0
        for d in docs:
            d.tensor = tensors[at: at + len(d)]
            at += len(d)
        return docs

    def _write(self, label: str, key: str, docs: list[Any]) -> None:
        import numpy as np
        from spacy.tokens import DocBin

        bin_path, tensor_path = self._paths(label, key)
        bin_path.parent.mkdir(parents=True, exist_ok=True)
        width = max((d.tensor.shape[1] for d in docs if getattr(d.tensor, "ndim", 0) == 2 and len(d)), default=0)
        rows = [np.asarray(d.tensor, dtype=np.float32) if getattr(d.tensor, "ndim", 0) == 2 and d.tensor.shape
                == (len(d), width) else np.zeros((len(d), width), dtype=np.float32) for d in docs]
        tensors = np.concatenate(rows) if rows else np.zeros((0, width), dtype=np.float32)
        tmp_bin, tmp_tensor = bin_path.with_suffix(".spacy.tmp"), tensor_path.with_suffix(".tmp.npy")
        tmp_bin.write_bytes(DocBin(docs=docs).to_bytes())
        np.save(tmp_tensor, tensors, allow_pickle=False)
        os.replace(tmp_tensor, tensor_path)
        os.replace(tmp_bin, bin_path)


class CachedParse:
    """The pipeline's parse stage (``communique.nlp.v1``) for texts parsed beforehand: ``parses`` maps a text to
    its spaCy doc; a text not in it is parsed by ``stage`` (the pipeline's own parse stage) as usual.

    A cached doc is attached to each ``Doc`` as the stage would attach a fresh parse (``stages.nlp.attach``);
    stages read it and never change its tokens, so one parse serves every fold and setting of a run."""

    name = "communique.nlp.v1"

    def __init__(self, stage: Any, parses: dict[str, Any]) -> None:
        self.stage = stage
        self.parses = parses
        self.requires = getattr(stage, "requires", ("article",))
        self.assigns = getattr(stage, "assigns", ("nlp", "sentences"))

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        from ..stages.nlp import attach

        for doc in docs:
            sdoc = self.parses.get(doc.text)
            if sdoc is None:
                yield from self.stage.pipe([doc])
            else:
                attach(doc, sdoc)
                yield doc
