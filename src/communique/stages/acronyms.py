"""Sentence-initial acronyms the tagger takes for another word class, parsed again as names.

spaCy's small English model reads an acronym it has not seen, opening a sentence, as a verb, an adjective or an
adverb: "ECOWAS imposed sanctions on Mali." is tagged ``ECOWAS/VBG`` (the root) with "imposed" an adjective of
"sanctions", so the sentence has no subject and no event.  A known acronym in the same place ("NATO imposed
sanctions on Mali.") is parsed as the subject.

The spaCy component ``communique_acronyms``, which ``stages.nlp.load_nlp`` puts last in the spaCy pipeline, finds
such sentences -- the first word in capitals (two to eight letters, the sentence not all in capitals, see
:func:`misread_acronym`) tagged neither noun, proper noun, pronoun nor number, or in no named entity
("MONUSCO accused ..." is a common noun) -- and parses the sentence again
alone with that word replaced by :data:`STAND_IN`, an acronym the model knows as a name.  When the stand-in is
then a noun or a proper noun and the sentence keeps its tokens and stays one sentence, the sentence takes the new
parse (tags, parts of speech, morphology, lemmas, dependencies, entities and contextual vectors), the acronym keeping
its own text as its lemma; otherwise it keeps the first.  Nothing in the text changes.
"""

from __future__ import annotations

from typing import Any

__all__ = ["COMPONENT", "STAND_IN", "misread_acronym", "reparse_acronyms"]

COMPONENT = "communique_acronyms"
# a name the model parses as a proper noun wherever it opens a sentence
STAND_IN = "NATO"
# parts of speech a name may rightly have
_NAME_POS = frozenset({"PROPN", "NOUN", "PRON", "NUM", "PUNCT", "SYM", "X"})
# capitalised words that are no names at a sentence's start
_NOT_NAMES = frozenset({"I", "A", "OK", "AM", "PM", "BUT", "AND", "OR", "IF", "SO", "THE", "NO", "YES", "WHY", "HOW",
                        "WHAT", "WHO", "WHEN", "WHERE", "MORE", "READ", "WATCH", "JUST", "UPDATE", "BREAKING",
                        "EXCLUSIVE", "ADVERTISEMENT", "NEW", "LIVE", "VIDEO", "PHOTO", "ALSO", "NOTE", "EDITOR"})
# components that make the parse (what a sentence parsed again goes through)
_OWN = frozenset({COMPONENT, "communique_dateline"})


def misread_acronym(sent: Any) -> bool:
    """Is the spaCy sentence ``sent`` opened by an acronym tagged as something other than a name?  Its first word
    is two to eight capital letters (:data:`_NOT_NAMES` left out), tagged outside :data:`_NAME_POS` or in no
    named entity, followed by at least three more tokens, and the sentence is not written all in capitals (a
    headline or a dateline)."""
    first = sent[0]
    text = first.text
    if not (2 <= len(text) <= 8 and text.isalpha() and text.isupper()) or text in _NOT_NAMES:
        return False
    if (first.pos_ in _NAME_POS and first.ent_type_) or len(sent) < 4:
        return False  # (a name no entity holds is read again too: "MONUSCO accused ..." tagged a common noun)
    words = [t.text for t in sent if t.is_alpha]
    return not all(w.isupper() for w in words[1:])


def reparse_acronyms(nlp: Any, sdoc: Any) -> Any:
    """The spaCy doc ``sdoc`` with each sentence :func:`misread_acronym` finds parsed again (module docstring);
    ``nlp`` is the spaCy pipeline whose components (this one and the dateline's left out) parse it.  Changes
    ``sdoc`` in place and returns it."""
    found = [s for s in sdoc.sents if misread_acronym(s)]
    for sent in found:
        _reparse(nlp, sdoc, sent)
    return sdoc


def _reparse(nlp: Any, sdoc: Any, sent: Any) -> None:
    import numpy as np
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span

    words = [STAND_IN] + [t.text for t in sent[1:]]
    spaces = [bool(t.whitespace_) for t in sent]
    alone = SpacyDoc(nlp.vocab, words=words, spaces=spaces)
    for name, proc in nlp.pipeline:
        if name not in _OWN:
            alone = proc(alone)
    if alone[0].pos_ not in ("PROPN", "NOUN") or sum(1 for _ in alone.sents) != 1:
        return
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    whole = sdoc.to_array(attrs)
    part = alone.to_array(attrs)
    whole[sent.start:sent.end] = part
    whole[sent.start, attrs.index(LEMMA)] = sdoc[sent.start].orth  # the acronym is its own lemma
    ents = [e for e in sdoc.ents if e.end <= sent.start or e.start >= sent.end]
    ents += [Span(sdoc, sent.start + e.start, sent.start + e.end, label=e.label_) for e in alone.ents]
    sdoc.from_array(attrs, whole)
    sdoc.set_ents(sorted(ents, key=lambda e: e.start), default="outside")
    tensor = getattr(sdoc, "tensor", None)
    if tensor is not None and getattr(alone, "tensor", None) is not None and tensor.shape[0] == len(sdoc) and \
            alone.tensor.shape == (len(alone), tensor.shape[1]):
        tensor[sent.start:sent.end] = np.asarray(alone.tensor, dtype=tensor.dtype)


class _Component:
    """The spaCy component (a class, so that it holds the pipeline it parses again with)."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, sdoc: Any) -> Any:
        return reparse_acronyms(self.nlp, sdoc)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=lambda nlp, name: _Component(nlp))


_register()
