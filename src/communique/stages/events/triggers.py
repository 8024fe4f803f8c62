"""Trigger matching: the readable, user-editable, high-precision layer of the event coder.

``candidates(doc, sentence)`` walks the tokens of one sentence and returns, for every token the trigger
table codes, a :class:`Candidate` (token index, trigger offsets, CAMEO code, the rule row that found it).
This list is what a learned :class:`~communique.stages.events.coder.Coder` receives and may relabel,
drop or add to; see that module for the contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...knowledge.gazetteer import Gazetteer, normalise
from ...knowledge.triggers import Trigger, TriggerTable, default_triggers
from ...model import Doc, Span


@dataclass(frozen=True, slots=True)
class Candidate:
    """A token that may trigger an event.

    ``token`` indexes ``doc.nlp`` (the spaCy Doc of ``Article.text``); ``trigger`` is the token's character
    offsets into ``Article.text``; ``cameo`` a CAMEO 1.1b3 code (``"042"``, ``"0841"``).  How it was found:
    ``rule``, the trigger table row (``"lemma<TAB>POS<TAB>CAMEO[<TAB>condition]"``), or ``model``, the learned
    coder's name and version (``"communique.event_model/1"``) with ``confidence``, its probability in [0, 1].
    ``require_target``: code the event only when a target is found (a learned guess with no target is left
    out, unless the code is a protest or coordinated parties give one).
    """

    token: int
    trigger: Span
    cameo: str
    rule: str | None = None
    model: str | None = None
    confidence: float | None = None
    require_target: bool = False

    @property
    def found_by(self) -> str:
        """``"model"`` or ``"rule"`` (``Event.found_by``)."""
        return "model" if self.model is not None else "rule"


def triggers() -> TriggerTable:
    """The bundled trigger table (``knowledge/data/triggers.tsv``)."""
    return default_triggers()


def rule_name(trig: Trigger) -> str:
    """A trigger row as ``Event.rule`` shows it: ``lemma<TAB>POS<TAB>CAMEO[<TAB>condition]``."""
    return "\t".join([trig.lemma, trig.pos, trig.cameo] + ([trig.condition] if trig.condition else []))


def candidates(doc: Doc, sentence: int, *, table: TriggerTable | None = None) -> list[Candidate]:
    """Rule candidates of sentence ``sentence`` (index into ``doc.sentences``), in token order.

    Needs ``doc.nlp``; a sentence with no matching token gives ``[]``.  A token between two sentences belongs
    to the earlier one (as ``Doc.sentence_of`` has it).
    """
    start = doc.sentences[sentence].start if sentence > 0 else -1
    end = doc.sentences[sentence + 1].start if sentence + 1 < len(doc.sentences) else len(doc.text) + 1
    out: list[Candidate] = []
    sdoc = doc.nlp
    lo, hi = 0, len(sdoc)
    while lo < hi:  # first token at or after ``start`` (binary search: sentences are coded one by one)
        mid = (lo + hi) // 2
        if sdoc[mid].idx < start:
            lo = mid + 1
        else:
            hi = mid
    for tok in sdoc[lo:]:
        if tok.idx >= end:
            break
        trig = match_trigger(tok, table)
        if trig is not None:
            out.append(Candidate(tok.i, Span(tok.idx, tok.idx + len(tok)), trig.cameo, rule=rule_name(trig)))
    return out


def _condition_holds(tok: Any, cond: str | None, *, reach: bool = False) -> bool:
    """Does a row's condition hold at ``tok``?  ``a;b`` holds when both do, ``!a`` when ``a`` does not.  With
    ``reach`` (a PETRARCH dictionary's row), ``obj:`` also looks into the object of the verb's open complement,
    as PETRARCH's patterns read the words after the verb: "vowed to wage war" holds ``- * WAR``."""
    if cond is None:
        return True
    if ";" in cond:
        return all(_condition_holds(tok, part, reach=reach) for part in cond.split(";"))
    if cond.startswith("!"):
        return not _condition_holds(tok, cond[1:], reach=reach)
    kind, _, words = cond.partition(":")
    wanted = set(words.split("|"))
    if kind == "noobj":
        return not any(c.dep_ in ("dobj", "obj") for c in tok.children)
    if kind == "prt":
        return any(c.dep_ == "prt" and c.lower_ in wanted for c in tok.children)
    if kind == "prep":  # "called on Iran to ...", not "called ... on Tuesday"
        return any(c.dep_ in ("prt", "prep") and c.lower_ in wanted and not any(
            g.ent_type_ in ("DATE", "TIME") for g in c.children) for c in tok.children)
    if kind == "place":  # "captured Kherson", "took over the town", "seized control of the airport"
        # police take people, not towns: "police captured Santos" is an arrest
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in POLICE_WORDS for c in tok.children):
            return False
        return any(is_place_word(t) for t in _object_heads(tok))
    if kind == "clause":  # "protested that the authorities are failing": a verb reporting what is said
        return any(c.dep_ == "ccomp" for c in tok.children)
    if kind == "partner":  # "joint drills", "drills with India", "Seoul and Washington began drills"
        return with_partner(tok)
    if kind == "pred":  # "called Putin a killer", "branded the plan illegal", "described X as a liar"
        return any(f" {w} " in f" {phrase} " for phrase in predicates(tok) for w in wanted)
    if kind == "sub":
        return any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in tok.subtree)
    if kind == "pre":  # a PETRARCH pattern's word before the verb ("- {DEATH TOLL} * [190]"): a word of its subject
        return any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in _subject_words(tok))
    if kind == "near":
        doc = tok.doc
        window = doc[max(tok.sent.start, tok.i - 4) : min(tok.sent.end, tok.i + 5)]
        return any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in list(tok.children) + list(window))
    if kind == "pp":  # "pp:over:plans": "clashed over the plans"; of the object too: "an attack by ..."
        prep, _, heads = words.partition(":")
        wanted = set(heads.split("|")) - {""}
        holders = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass"))]
        if any(c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep
               and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
               and (not wanted or any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in c.subtree))
               for h in holders for c in h.children):
            return True
        # the parser's particle with the object after it, when that object is the phrase's word: "clashed over the
        # efforts" read as "clashed over" + object "the efforts" (a preposition alone is no particle: "- * (DOWN)"
        # does not hold on "burned down the embassy")
        return bool(wanted) and any(c.dep_ == "prt" and c.lower_ == prep and any(
            o.dep_ in ("dobj", "obj") and o.i > c.i and o.ent_type_ not in ("DATE", "TIME")
            and any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in o.subtree)
            for o in tok.children) for c in tok.children)
    if kind == "obj":
        verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp" and not any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children))] if reach else [tok]
        for child in (c for v in verbs for c in v.children):
            if child.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd") or (
                    child.dep_ == "prep" and child.lower_ in ("of", "for", "on")):
                if any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in child.subtree):
                    return True
        return False
    return False


_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def _subject_words(tok: Any) -> list[Any]:
    """The nominal words (nouns, names, adjectives, numbers) of the subject before a verb, where a PETRARCH
    pattern's words before the verb are read ("Eriador's death toll has risen": death, toll); a coordinated verb
    without a subject of its own shares its head's ("... and has risen")."""
    holder = tok
    if not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children) and tok.dep_ == "conj":
        holder = tok.head
    return [t for c in holder.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i < tok.i
            for t in c.subtree if t.pos_ in _NOMINAL]


# words that make an exercise, a patrol or an operation a joint one (062, cooperate militarily), not a show of one's
# own force (150)
JOINT_WORDS = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral", "multinational", "allied",
                         "alliance", "coalition", "together"})
_WITH = frozenset({"with", "alongside", "involving", "between", "among"})


def with_partner(tok: Any) -> bool:
    """Is the act named by ``tok`` done with a partner: a joint word beside it ("joint drills", "a multinational
    exercise"), a with-phrase on it or on the verb that governs it ("held naval drills with India", "exercises
    between the two navies"), or coordinated doers ("Seoul and Washington began drills", "carried out by Greek
    sailors and Cypriot troops")?"""
    window = tok.doc[max(tok.sent.start, tok.i - 4) : min(tok.sent.end, tok.i + 5)]
    if any(t.lemma_.lower() in JOINT_WORDS or t.lower_ in JOINT_WORDS for t in [*tok.children, *window]):
        return True
    heads = [tok]
    h = tok
    while h.dep_ in ("dobj", "obj", "pobj", "nsubjpass", "prep", "compound", "conj") and h.head.i != h.i:
        h = h.head
        heads.append(h)
        if h.pos_ in ("VERB", "AUX"):
            break
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _WITH and any(
                    g.dep_ == "pobj" and _party(g) for g in c.children):
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "conj" for g in c.children):
                return True
            if c.dep_ == "agent" and any(g.dep_ == "conj" for p in c.children for g in p.children):
                return True
    return False


_PARTNERS = frozenset({"ally", "allies", "partner", "partners", "counterpart", "counterparts", "neighbour",
                       "neighbours", "neighbor", "neighbors"})


def _party(tok: Any) -> bool:
    """Does ``tok`` name another party ("India", "the Indian navy", "its allies"), not what the act uses ("with
    10,000 troops", "with live ammunition")?"""
    if tok.ent_type_ in ("GPE", "NORP", "ORG") or tok.pos_ == "PROPN" or tok.lemma_.lower() in _PARTNERS:
        return True
    return any(c.ent_type_ in ("GPE", "NORP", "ORG") and c.dep_ in ("amod", "compound", "poss") for c in tok.children)


# common nouns of places held, taken or lost ("captured the town", "seized the airport", "overran positions")
PLACE_WORDS = frozenset({
    "town", "village", "city", "capital", "territory", "region", "province", "district", "area", "airport",
    "airbase", "base", "port", "harbour", "harbor", "hill", "height", "heights", "position", "settlement",
    "bridge", "border", "crossing", "stronghold", "neighbourhood", "neighborhood", "suburb", "outskirts", "island",
    "county", "state", "valley", "mountain", "peninsula", "coast", "enclave", "zone", "hamlet",
    # facilities held or taken ("captured the mosque", "seized the oil fields", "took over the refinery")
    "mosque", "church", "building", "compound", "headquarters", "refinery", "oilfield", "field", "dam", "palace",
    "parliament", "barracks", "checkpoint", "outpost", "garrison", "fort", "fortress", "camp", "embassy",
    "facility", "plant", "highway", "pass",
})
POLICE_WORDS = frozenset({"police", "policeman", "policemen", "officer", "officers", "detective", "detectives",
                          "agent", "agents", "sheriff", "deputy", "deputies", "marshal", "marshals", "authority",
                          "authorities", "investigator", "investigators", "prosecutor", "prosecutors", "fbi"})
# a town this small that is no entity the parser calls a place is too often a surname ("captured Garcia")
PLACE_NAME_POPULATION = 20_000


def is_place_word(tok: Any) -> bool:
    """Does ``tok`` name a place: a place noun ("the town"), a name the parser tags GPE, LOC or FAC, or a name the
    gazetteer knows exactly as a country, province, region or a town of 20,000 or more people (the parser often
    reads a town as a person: "captured Kherson")?"""
    if tok.lemma_.lower() in PLACE_WORDS or tok.lower_ in PLACE_WORDS:
        return True
    if tok.pos_ != "PROPN":
        return False
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if tok.ent_type_ not in ("PERSON", "ORG", "NORP", ""):
        return False
    # the whole name: "El Fasher" (compounds before the head); "Andres Lopez" is no place
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN"]
    name = tok.doc[words[0].i : tok.i + 1].text if words else tok.text
    hit = Gazetteer.default().lookup(name)
    return hit is not None and normalise(hit.name) == normalise(name) and (
        hit.feature not in ("city",) or hit.population >= PLACE_NAME_POPULATION)


def _object_heads(tok: Any) -> list[Any]:
    """The trigger's objects and what their of-phrases name ("control of the airport", "the town of Bakhmut"),
    a noun trigger's own of-phrase, coordinated ones included."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if tok.pos_ != "VERB":  # a noun's own of-phrase: "the recognition of Kosovo", "the capture of the town"
        heads += [p for g in tok.children if g.dep_ == "prep" and g.lower_ == "of" for p in g.children
                  if p.dep_ == "pobj"]
    heads += [p for h in list(heads) for g in h.children if g.dep_ == "prep" and g.lower_ == "of"
              for p in g.children if p.dep_ == "pobj"]
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "conj"]
    return heads


def predicates(verb: Any) -> list[str]:
    """What a verb calls its object, as lower-case lemmas joined by spaces: the object complement ("called Putin a
    killer", "called the sanctions illegal"), an apposition the parser hung on the object ("branded the minister
    a terrorist"), an as-phrase ("described the president as a liar") or a small clause ("called it a mistake")."""
    heads: list[Any] = []
    for c in verb.children:
        if c.dep_ in ("oprd", "acomp") or (c.dep_ == "xcomp" and c.pos_ in ("NOUN", "ADJ")):
            heads.append(c)
        elif c.dep_ in ("dobj", "obj"):
            heads += [g for g in c.children if g.dep_ == "appos"]
            heads += [p for g in c.children if g.dep_ == "prep" and g.lower_ == "as" for p in g.children]
        elif c.dep_ == "prep" and c.lower_ == "as":
            heads += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("AUX", "VERB"):
            heads += [g for g in c.children if g.dep_ in ("attr", "acomp", "oprd")]
    return [" ".join(t.lemma_.lower() for t in h.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")) for h in heads]


def match_trigger(tok: Any, table: TriggerTable | None = None) -> Trigger | None:
    """The first row of the table whose word, part of speech and condition fit the token: rows of its lemma, then of
    its form as written, or the other way round when a verb dictionary lists the form as a verb of its own."""
    if tok.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN"
    rows = table if table is not None else default_triggers()
    keys = (tok.lemma_.lower(), tok.lower_)
    if keys[0] != keys[1] and any(t.source is not None and t.lemma == keys[1] for t in rows.get(keys[1], ())):
        keys = (keys[1], keys[0])  # a form a verb dictionary lists as a verb of its own ("LEFT [042:043]")
    for key in dict.fromkeys(keys):
        for trig in rows.get(key, []):
            if trig.pos in (pos, "ANY") and _condition_holds(tok, trig.condition, reach=trig.source is not None):
                return trig
    if pos != "VERB" or not tok.lower_.startswith("re") or any(k in rows for k in keys):
        return None
    # "reimposed the curfew", "redeployed troops", "rearrested": the act again, coded as the act (the lemmatizer
    # may not know the re- verb: "rearrested" -> "rearreste"; its form's stem is tried too)
    for stem in dict.fromkeys(s for k in keys if (s := _repeated(k)) is not None):
        for base in dict.fromkeys((stem, *_uninflected(stem))):
            for trig in rows.get(base, []):
                if trig.pos in (pos, "ANY") and _condition_holds(tok, trig.condition, reach=trig.source is not None):
                    return trig
    return None


def _uninflected(form: str) -> list[str]:
    """Plain forms an inflected verb form may have ("arrested" -> "arrest", "arrest"+"e"; "deploys" -> "deploy")."""
    out: list[str] = []
    for end, add in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
                     ("es", ""), ("s", "")):
        if form.endswith(end) and len(form) - len(end) >= 3:
            out.append(form[: len(form) - len(end)] + add)
    return out


# verbs of re- + a listed verb that are no repetition of it ("represent" is no second presenting, "resign" no signing)
NOT_REPEATED = frozenset({
    "recommend", "redeem", "relay", "relet", "represent", "resign", "rebrand", "redub", "retour", "rewound", "rename",
    "reset", "remediate", "reorder", "reuse", "reroll", "recharge", "relabel", "reclaim", "regain", "rebuild",
    "reform", "reserve", "research", "remark", "recover", "regard", "replace", "request", "restrain", "retire",
    "resort", "resolve", "record", "recount", "reward", "release", "remain", "reprove", "restore", "revolt",
    "recall", "repose", "refine", "relate", "repeal", "reside", "reveal", "revise", "repair", "respect", "recite",
    "retort", "refuse", "reply", "react", "retract", "repress", "reassure", "rejoin", "remove", "restrict", "recede",
    "redress", "retreat", "resent", "resound", "resist", "receive", "reflect", "retain", "reject", "report",
    "return", "reach", "reduce", "refer", "relieve", "remind", "render", "repel", "require", "rescue", "resume",
    "retaliate", "revoke", "reinforce", "recognize", "recognise", "recruit", "reconcile", "renounce", "renege",
})


def _repeated(lemma: str) -> str | None:
    """The verb a re- verb (a lemma or a form) repeats ("reimpose" -> "impose", "re-open" -> "open", "rearrested" ->
    "arrested"), or None: at least four letters after the prefix, and not one of :data:`NOT_REPEATED`."""
    if not lemma.startswith("re") or lemma in NOT_REPEATED:
        return None
    stem = lemma[3:] if lemma.startswith("re-") else lemma[2:]
    if not NOT_REPEATED.isdisjoint(_uninflected(lemma)):  # a form: "recommending", "represented"
        return None
    return stem if len(stem) >= 4 and stem.isalpha() else None

