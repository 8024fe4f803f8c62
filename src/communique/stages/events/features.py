"""Features of a candidate event word for the learned coder (``model.py``): pure functions over a spaCy token.

What is described generalises beyond the words seen in training:

* the word itself (lemma, part of speech, fine tag, dependency label, a four-letter suffix);
* its frame: the head words of its object, of its prepositional phrases (``prep=against``,
  ``to:talk``), of an open clause (``offered to hand over`` -> ``xcomp=hand``), a particle
  (``shoot down`` -> ``prt=down``), the verb governing it (``head=offer``) and the entity types of its
  subject and object (``subj=GPE``);
* modality cues (``neg``, ``aux=will``, passive);
* the word-vector lexicon's row of what it acts on (``object_lemma``: its object, else its first
  prepositional object);
* the parser's contextual vector of the word (spaCy's ``tok2vec`` output, ``doc.tensor``, 96 numbers in
  ``en_core_web_sm``), which places words nobody listed near the listed ones.

``sparse(tok)`` gives the symbolic features as names (each worth 1), ``dense(tok)`` the vector
(empty when the parse has no tensor).

The sentence model reads a whole sentence: ``sentence_sparse(toks)`` (the lemmas of its verbs and nouns, its
root's lemma, the entity types it names) and ``sentence_dense(toks)`` (the mean of its words' unit contextual
vectors).
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["dense", "is_candidate", "object_lemma", "sentence_dense", "sentence_sparse", "sparse", "unit_rows"]

_OBJ_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# a noun can be an event when it ends like an action noun or heads a light-verb object ("held talks")
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "sal", "ure", "ing", "cy", "ade", "age", "ack", "ike",
                   "est", "ott", "lks", "ult", "ire", "eat", "ack", "ge")
_LIGHT_VERBS = frozenset({"hold", "make", "launch", "carry", "conduct", "stage", "sign", "issue", "impose",
                          "announce", "begin", "start", "continue", "resume", "order", "lead", "call", "mount"})


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _ent(tok: Any) -> str:
    """Entity type of a phrase headed by ``tok`` (its own, else the first of its compounds/modifiers)."""
    if tok.ent_type_:
        return str(tok.ent_type_)
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and child.ent_type_:
            return str(child.ent_type_)
    return "O" if tok.pos_ != "PRON" else "PRON"


def is_candidate(tok: Any, noun_lexicon: frozenset[str] = frozenset()) -> bool:
    """May ``tok`` name an event?  Verbs (not auxiliaries), and nouns that are known event nouns
    (``noun_lexicon``), end like action nouns or are the object of a light verb."""
    if tok.pos_ == "VERB":
        return tok.dep_ not in ("aux", "auxpass") and tok.is_alpha
    if tok.pos_ != "NOUN" or not tok.is_alpha or len(tok) < 3:
        return False
    lemma = _lemma(tok)
    if lemma in noun_lexicon:
        return True
    if tok.dep_ in _OBJ_DEPS and tok.head.pos_ == "VERB" and _lemma(tok.head) in _LIGHT_VERBS:
        return True
    return lemma.endswith(_EVENT_SUFFIXES) and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "conj")


def sparse(tok: Any) -> list[str]:
    """Symbolic features of a candidate word (names; each counts 1)."""
    lemma = _lemma(tok)
    pos = "V" if tok.pos_ == "VERB" else "N"
    out = [f"w={lemma}", f"wp={lemma}|{pos}", f"pos={pos}", f"tag={tok.tag_}", f"dep={tok.dep_}",
           f"suf={lemma[-4:]}|{pos}"]
    passive = False
    for child in tok.children:
        dep = child.dep_
        cl = _lemma(child)
        if dep in _OBJ_DEPS:
            out += [f"obj={cl}", f"w+obj={lemma}|{cl}", f"objent={_ent(child)}"]
            for g in child.children:
                if g.dep_ == "prep":
                    out.append(f"objprep={g.lower_}")
        elif dep in _SUBJ_DEPS:
            out.append(f"subjent={_ent(child)}")
            if dep == "nsubjpass":
                passive = True
        elif dep == "prep":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            out += [f"prep={child.lower_}", f"w+prep={lemma}|{child.lower_}"]
            for g in objs[:1]:
                out += [f"pobj={child.lower_}:{_lemma(g)}", f"pobjent={child.lower_}:{_ent(g)}"]
        elif dep == "agent":
            passive = True
            out.append("agent")
        elif dep == "prt":
            out += [f"prt={cl}", f"w+prt={lemma}|{cl}"]
        elif dep == "xcomp":
            out += [f"xcomp={cl}", f"w+xcomp={lemma}|{cl}"]
        elif dep == "neg":
            out.append("neg")
        elif dep in ("aux", "auxpass"):
            if dep == "auxpass":
                passive = True
            if cl in ("will", "would", "could", "may", "might", "shall", "should", "must", "can"):
                out.append(f"aux={cl}")
        elif dep in ("compound", "amod") and pos == "N":
            out.append(f"mod={cl}")
        elif dep == "poss":
            out.append(f"possent={_ent(child)}")
    if passive:
        out.append("passive")
    head = tok.head
    if head.i != tok.i:
        out += [f"head={_lemma(head)}|{tok.dep_}"]
        if head.pos_ == "ADP":
            out.append(f"headprep={head.lower_}")
            if head.head.i != head.i:
                out.append(f"head2={_lemma(head.head)}")
    return out


def object_lemma(tok: Any) -> str | None:
    """The lemma of what the word acts on: its object ("hit positions" -> ``position``), else the object of
    its first preposition ("talks with the rebels" -> ``rebel``); None when it has neither.  The model scores
    it through the word-vector lexicon, so "hit a record" and "hit positions" differ."""
    pobj = None
    for child in tok.children:
        if child.dep_ in _OBJ_DEPS:
            return _lemma(child)
        if pobj is None and child.dep_ in ("prep", "agent"):
            pobj = next((_lemma(g) for g in child.children if g.dep_ == "pobj"), None)
    return pobj


def dense(tok: Any) -> np.ndarray:
    """The parser's contextual vector of the word, scaled to unit length (empty when there is none)."""
    tensor = getattr(tok.doc, "tensor", None)
    if tensor is None or len(tensor) <= tok.i or not getattr(tensor, "size", 0):
        return np.zeros(0, dtype=np.float32)
    v = np.asarray(tensor[tok.i], dtype=np.float32)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def sentence_sparse(toks: Any) -> list[str]:
    """Symbolic features of a sentence (a sequence of spaCy tokens): ``s=<lemma>|V`` / ``|N`` for its verbs and
    nouns, ``root=<lemma>`` for its root, ``ent=<type>`` for the entity types it names."""
    out: list[str] = []
    for tok in toks:
        if tok.pos_ in ("VERB", "NOUN") and tok.is_alpha:
            out.append(f"s={_lemma(tok)}|{'V' if tok.pos_ == 'VERB' else 'N'}")
        if tok.dep_ == "ROOT":
            out.append(f"root={_lemma(tok)}")
        if tok.ent_type_ and tok.ent_iob_ == "B":
            out.append(f"ent={tok.ent_type_}")
    return out


def sentence_dense(toks: Any, unit: np.ndarray | None = None) -> np.ndarray:  # a list of tokens or a spaCy Span
    """The mean of the sentence's words' unit contextual vectors (``dense``), punctuation left out; empty when
    the parse has no tensor.  ``unit``: ``unit_rows`` of the tokens' doc, when already computed (a document's
    sentences then share one scaling of its tensor; the result is the same)."""
    idx = [t.i for t in toks if not t.is_punct]
    tensor = getattr(toks[0].doc, "tensor", None) if idx else None
    if tensor is None or not getattr(tensor, "size", 0) or len(tensor) <= max(idx):
        return np.zeros(0, dtype=np.float32)
    if unit is not None and len(unit) == len(tensor):
        return unit[idx].mean(axis=0).astype(np.float32)  # type: ignore[no-any-return]
    return _unit(np.asarray(tensor[idx], dtype=np.float32)).mean(axis=0).astype(np.float32)  # type: ignore[no-any-return]


def unit_rows(sdoc: Any) -> np.ndarray | None:
    """Every row of a spaCy doc's contextual vectors (``doc.tensor``, tokens x width, float32) scaled to unit
    length as ``sentence_dense`` scales them (a zero row stays zero); None when the parse has no tensor.  Each
    row is scaled on its own, so a sentence's rows taken from it equal the sentence's own scaling, bit for bit."""
    tensor = getattr(sdoc, "tensor", None)
    if tensor is None or not getattr(tensor, "size", 0):
        return None
    return _unit(np.asarray(tensor, dtype=np.float32))


def _unit(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms > 0, norms, 1.0)  # type: ignore[no-any-return]
