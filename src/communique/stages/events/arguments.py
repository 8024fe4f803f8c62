"""Argument finding over the dependency parse: who is the source and who the target of a trigger.

* verbs: subject -> source (the ``by`` agent for passives, the governing verb's subject for "to"-clauses and
  conjoined verbs); object and ``with/to/against/on`` phrases -> target;
* nouns: possessor, ``of``/``by`` phrase -> source, ``between X and Y`` -> X and Y, ``with``/``to`` phrase ->
  target; a noun that is the object of a verb ("held talks", "made a phone call") takes that verb's subject;
* a place as destination ("to Damascus") makes its country the target.

Actors are ids of ``doc.actors`` (mentions found by the actors stage); offsets are characters into
``Article.text``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from ...knowledge.countries import resolve_country
from ...model import Actor, Doc, Event, Mention, Span
from ._codes import IN_PERSON, OWN_AGENT_CODES, SYMMETRIC
from .episodes import FAMILIES
from .modality import condition_of
from .place_targets import SKIP_DEPS, clause_tokens, country_actor, destination, is_country, place_target
from .triggers import match_trigger, triggers

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "upon")


class ActorIndex:
    """Actor lookup by token for one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_char: list[tuple[Span, str]] = [(m.span, m.actor_id) for m in doc.mentions if m.actor_id]
        self.kinds = {a.id: a.kind for a in doc.actors}
        # mentions sorted by start, with the running maximum of their ends: a token's mentions are found by
        # bisection in O(log n + hits), not by a scan of the document's mentions (no stage quadratic in length)
        self._order = sorted(range(len(self.by_char)), key=lambda i: self.by_char[i][0].start)
        self._starts = [self.by_char[i][0].start for i in self._order]
        self._reach: list[int] = []
        for i in self._order:
            end = self.by_char[i][0].end
            self._reach.append(max(self._reach[-1], end) if self._reach else end)

    def at(self, tok: Any, *, outlets: bool = False) -> list[str]:
        """Actors mentioned at a token (news outlets only when asked: they are never parties)."""
        idx = tok.idx
        first, last = bisect_right(self._reach, idx), bisect_right(self._starts, idx)
        hits = sorted(self._order[j] for j in range(first, last) if self.by_char[self._order[j]][0].end > idx)
        out: list[str] = []
        for i in hits:
            aid = self.by_char[i][1]
            if aid not in out and (outlets or self.kinds.get(aid) != "outlet"):
                out.append(aid)
        return out

    def in_tokens(self, toks: Iterable[Any], *, outlets: bool = False) -> list[str]:
        out: list[str] = []
        for t in toks:
            for aid in self.at(t, outlets=outlets):
                if aid not in out:
                    out.append(aid)
        return out


_SKIP_DEPS = SKIP_DEPS


def _np_tokens(tok: Any) -> list[Any]:
    """The noun phrase headed by ``tok``: its subtree without clauses hanging off it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in _SKIP_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ not in ("of",):
            continue
        out.extend(_np_tokens(child))
    return out


def noun_phrase(tok: Any) -> list[Any]:
    toks = _np_tokens(tok)
    for child in tok.children:
        if child.dep_ == "conj":
            toks.extend(noun_phrase(child))
    return toks


def _reduced_passive(verb: Any) -> bool:
    """A past participle hung on a noun or verb without auxiliary or subject of its own ("the man arrested
    on Monday", "were reported killed")."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "xcomp", "oprd") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "csubj") for c in verb.children)


_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis"})


def owner_of(tok: Any, args: ActorIndex) -> list[str]:
    """The first actor inside an object that names none itself: whose or where the thing acted on is ("an arms
    depot of the Syrian army", "a military base in Borno", "a bus carrying government employees", "a camp
    for Congolese refugees"); clauses of its own are left out."""
    stack = [c for c in reversed(list(tok.children)) if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        t = stack.pop()
        found = args.at(t, outlets=True)
        if found:
            return found[:1]
        stack.extend(c for c in reversed(list(t.children)) if c.dep_ not in _CLAUSE_DEPS)
    return []


def _patients(verb: Any, args: ActorIndex) -> list[str]:
    """Who undergoes a passive verb: its passive subject, the noun a participle hangs on ("the man arrested"),
    or the subject of the verb a participle completes ("two soldiers were reported killed")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    found = args.in_tokens(t for c in subjects for t in noun_phrase(c))
    if not found and subjects and subjects[0].pos_ == "NOUN":
        found = owner_of(subjects[0], args)  # "a camp for Congolese refugees was attacked"
    if found or not _reduced_passive(verb):
        return found
    if verb.dep_ == "acl":
        return args.in_tokens(_np_tokens(verb.head))
    return args.in_tokens(t for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in noun_phrase(c))


def subject_of(verb: Any, args: ActorIndex) -> tuple[list[str], bool]:
    """Source actors of a verb and whether the verb is passive."""
    cur = verb
    if _reduced_passive(verb):
        # "activists detained by police", "two people reported killed": a participle is passive; its agent acts
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        return args.in_tokens(t for p in agents for t in noun_phrase(p)), True
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "The two ministers called on ...": a finite verb the parser hung on its subject as a clause
        return args.in_tokens(noun_phrase(verb.head)), False
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in ("nsubj", "csubj"):
                found = _subject_actors(child, args)
                if not found and child.lower_ in RESUMING_PRONOUNS and cur.dep_ == "ccomp" and cur.head.i != cur.i:
                    # "the government said it would free 1,500 prisoners": "it" is whoever said so
                    found, _ = subject_of(cur.head, args)
                return found, False
            if child.dep_ == "nsubjpass":
                for c2 in cur.children:
                    if c2.dep_ == "agent":
                        return args.in_tokens(t for p in c2.children for t in noun_phrase(p)), True
                return [], True
        if cur.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ == "ADP" and cur.head.i != cur.i:  # "opened the session by appealing ..."
                cur = cur.head
            if cur.pos_ == "ADJ" and cur.dep_ in ("acomp", "amod") and cur.head.i != cur.i:
                cur = cur.head  # "Russia is willing to withdraw", "ready to contribute": the willing one acts
            if cur.pos_ not in ("VERB", "AUX"):
                break
            continue
        break
    return [], False


RESUMING_PRONOUNS = frozenset({"it", "they", "we"})
WEAPON_SUBJECTS = frozenset({"missile", "rocket", "shell", "drone", "bomb", "mortar", "projectile", "munition",
                             "grenade", "bullet", "round", "strike", "airstrike", "shelling", "fire"})


def _subject_actors(subj: Any, args: ActorIndex) -> list[str]:
    """Actors of a subject noun phrase; when it names none, its apposition ("the defence minister, Leonid
    Maltsev, agreed"), the agent of the weapon it names ("missiles fired by the Israeli military struck") or
    the by-phrase of the act it names ("an attack by the militia killed")."""
    if subj.lemma_.lower() in WEAPON_SUBJECTS:
        # "missiles launched by the Houthis hit ...": whoever launched the weapon acts, not the weapon
        launcher = args.in_tokens(t for c in subj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                                  for a in c.children if a.dep_ == "agent" for p in a.children for t in noun_phrase(p))
        if launcher:
            return launcher
    found = args.in_tokens(noun_phrase(subj))
    if found or subj.pos_ not in ("NOUN", "PROPN"):
        return found
    for c in subj.children:
        if c.dep_ == "appos":
            found = args.in_tokens(noun_phrase(c))
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            found = args.in_tokens(t for a in c.children if a.dep_ == "agent" for p in a.children
                                   for t in noun_phrase(p))
        elif c.dep_ in ("prep", "agent") and c.lower_ == "by":
            found = args.in_tokens(t for p in c.children for t in noun_phrase(p))
        if found:
            return found
    return []


TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate", "consider", "review", "address", "raise"})


# pronouns that point back at a passive's patient from the clause that tells who acted on it
PATIENT_PRONOUNS = frozenset({"him", "her", "them", "it", "his", "their", "its"})


def _episode_agent(verb: Any, args: ActorIndex) -> list[str]:
    """Who acts in a passive without agent, from the episode the sentence tells: the subject of the active clause
    it is coordinated with ("Police raided the house and two journalists were arrested"), or of a time clause that
    acts on the same patient ("was released after President Ruto pardoned him", "were killed when Kenyan troops
    attacked their camp"); ``[]`` when neither names one."""
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(
            c.dep_ == "nsubjpass" for c in verb.head.children):
        found = [a for c in verb.head.children if c.dep_ in ("nsubj",) for a in _subject_actors(c, args)]
        if found:
            return found
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB"):
        if not any(m.lower_ in ("after", "when", "as", "once", "before") for m in clause.children
                   if m.dep_ in ("mark", "advmod")):
            continue
        back = any(t.lower_ in PATIENT_PRONOUNS for c in clause.children if c.dep_ in ("dobj", "obj")
                   for t in c.subtree)
        if back:
            found = [a for c in clause.children if c.dep_ == "nsubj" for a in _subject_actors(c, args)]
            if found:
                return found
    return []


def _stranded_subject(verb: Any, args: ActorIndex) -> list[str]:
    """A subject the parser hung elsewhere ("In Baku, the Defence Ministry on Wednesday accused ...": the
    ministry came out as an apposition of Baku): the nearest actor before the verb in an apposition."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    for t in reversed(verb.doc[verb.sent.start : verb.i]):
        if t.dep_ == "appos" and (found := args.at(t)):
            return found
        if t.dep_ in ("nsubj", "nsubjpass") or t.pos_ == "VERB":
            return []
    return []


def _clause_subject(verb: Any, args: ActorIndex) -> list[str]:
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "prep" and child.lower_ in ("from", "on", "upon")):
            for c in ([child] if child.dep_ == "prep" else list(child.children)):
                if c.dep_ in ("nsubj", "nsubjpass") or child.dep_ == "prep":
                    found = args.in_tokens(t for p in ([c] if c.dep_ != "prep" else c.children)
                                           for t in noun_phrase(p))
                    if found:
                        return found
    return []


def _object_country(verb: Any) -> tuple[str, Span] | None:
    """A country word modifying the verb's object ("an Indian proposal", "Serbia's suppression")."""
    for child in verb.children:
        if child.dep_ not in ("dobj", "obj"):
            continue
        for t in _np_tokens(child):
            if t.i != child.i and t.dep_ in ("amod", "poss", "compound", "nmod") and t.text[:1].isupper():
                iso = resolve_country(t.text)
                if iso:
                    return iso, Span(t.idx, t.idx + len(t))
    return None


# prepositions under a verb's object noun that name the event's target: "filed a lawsuit against X", "opened an
# investigation into X", "issued a warrant for X", "held a meeting with X"
OBJECT_NOUN_PREPS = ("with", "by", "of", "to", "on", "against", "into", "for", "at", "toward", "towards", "from")


def _objects(tok: Any, args: ActorIndex, *, owners: bool = True) -> list[str]:
    """Targets of a verb: its object and with/to/against phrases (what is discussed is a topic, not a party).
    A news outlet is a party when it is acted on ("sued the newspaper"), though never as a reporter."""
    out: list[str] = []
    topic = tok.lemma_.lower() in TOPIC_VERBS
    children = list(tok.children)
    if not any(c.dep_ in ("dobj", "obj") for c in children):
        # "shelled and captured the village": the last of coordinated verbs holds their shared object
        children += [c for conj in tok.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
                     and not any(x.dep_ in ("nsubj", "nsubjpass") for x in conj.children)
                     for c in conj.children if c.dep_ in ("dobj", "obj")]
    for child in children:
        if child.dep_ in ("dobj", "obj", "dative", "attr", "oprd") and not topic:
            found = args.in_tokens(noun_phrase(child), outlets=True)
            # "described the discussions with Evkurov" / "welcomed the decision of X"
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in OBJECT_NOUN_PREPS:
                    found += args.in_tokens((t for p in grand.children for t in noun_phrase(p)), outlets=True)
            if not found and owners and child.pos_ == "NOUN" and child.dep_ in ("dobj", "obj"):
                # "struck an arms depot of the Syrian army", "criticised the ruling party's plan": the owner
                found = owner_of(child, args)
            out += found
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            found = args.in_tokens((t for p in child.children for t in noun_phrase(p)), outlets=True)
            if not found:
                # "responded to a request from Haaretz", "agreed to a proposal by Egypt": whose the thing is
                found = args.in_tokens((t for p in child.children for g in p.children if g.dep_ in ("prep", "agent")
                                        and g.lower_ in ("from", "by") for q in g.children for t in noun_phrase(q)),
                                       outlets=True)
            out += found
    return list(dict.fromkeys(out))


def _between(tok: Any, args: ActorIndex) -> tuple[list[str], list[str]]:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            for p in child.children:
                first = args.in_tokens(_np_tokens(p))
                rest = args.in_tokens(t for c in p.children if c.dep_ == "conj" for t in noun_phrase(c))
                if first or rest:
                    return first, rest
    return [], []


# event nouns whose of-phrase (and possessor) is who undergoes it: "the arrest of X", "Navalny's detention"
PATIENT_NOUN_CODES = frozenset({"0841", "166", "172", "173", "174", "175", "181", "186"})
# ... and whose of-phrase does when a possessor or by-phrase names the doer: "Russia's invasion of Ukraine"
PATIENT_OF_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# ... and whose of-phrase is always whom it is about: "an investigation of X", "criticism of X", "a threat of X"
JUDGING_ROOTS = frozenset({"09", "11", "12"})
# "drew criticism from X": the noun is done by the from-phrase to the verb's subject
RECEIVING_VERBS = frozenset({"draw", "attract", "face", "receive", "earn", "win", "prompt", "spark", "provoke",
                             "trigger", "meet", "get", "invite"})


def _noun_args(tok: Any, args: ActorIndex, *, climb: bool = True, code: str = "") -> tuple[list[str], list[str]]:
    """Source and target of an event noun (``code`` its CAMEO code, which decides whose the of-phrase is)."""
    received = _received(tok, args)
    if received is not None:
        return received
    src, tgt = _between(tok, args)
    if not (src or tgt) and tok.dep_ in ("dobj", "pobj", "attr") and tok.head.pos_ == "VERB":
        # "followed a phone call on November 3 between A and B": the parser often hangs "between" on the verb
        src, tgt = _between(tok.head, args)
    if src or tgt:
        return src, tgt
    src, tgt = [], []
    by = any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in tok.children)
    poss = any(c.dep_ == "poss" for c in tok.children)
    patient = code in PATIENT_NOUN_CODES
    of_is_patient = patient or (code[:2] in PATIENT_OF_ROOTS and (by or poss)) or code[:2] in JUDGING_ROOTS
    children = list(tok.children)
    if patient and not by:
        # "the arrest of the opposition leader by police": the parser often hangs the by-phrase on the patient
        for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in of.children:
                late = [c for c in pobj.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
                children += late
                by = by or bool(late)
    for child in children:
        if child.dep_ == "poss":
            # "Navalny's detention" undergoes it; "Iran's release of the sailors" does it
            has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            (tgt if patient and not by and not has_of else src).extend(args.in_tokens(noun_phrase(child)))
        elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
            src += args.in_tokens(t for p in child.children for t in noun_phrase(p))
        elif child.dep_ == "prep" and child.lower_ == "of":
            (tgt if of_is_patient else src).extend(args.in_tokens(t for p in child.children for t in noun_phrase(p)))
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            tgt += args.in_tokens(t for p in child.children for t in noun_phrase(p))
        elif child.dep_ in ("compound", "amod", "nmod"):
            src += args.in_tokens([child])
    if not tgt and code[:2] in ("02", "10"):
        # "reiterated its demand that Israel ease restrictions": whoever is to act
        tgt = [t for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for n in c.children if n.dep_ in ("nsubj", "nsubjpass") for t in args.in_tokens(noun_phrase(n))]
    if climb and not src and tok.dep_ in ("dobj", "obj", "pobj") and tok.head.pos_ in ("VERB", "ADP"):
        verb = tok.head if tok.head.pos_ == "VERB" else tok.head.head
        if verb.lemma_.lower() in CLAIMED and verb.dep_ in ("dobj", "obj"):
            verb = verb.head  # "claimed responsibility for the attack": the claimer did it
        if verb.pos_ == "VERB" and not _judges(verb):
            src, _ = subject_of(verb, args)
            if not tgt:
                tgt = [a for a in _objects(verb, args) if a not in src]
    return list(dict.fromkeys(src)), list(dict.fromkeys(tgt))


CLAIMED = frozenset({"responsibility", "credit"})
# roots of verbs that judge an act named as their object, done by someone else: "condemned the sanctions",
# "called the blockade illegal", "praised the ceasefire" (the judge imposed no sanctions)
JUDGED_ROOTS = frozenset({"11", "12"})


def _judges(verb: Any) -> bool:
    trig = match_trigger(verb)
    return trig is not None and (trig.cameo[:2] in JUDGED_ROOTS or trig.cameo == "051")
# roots whose event, with no party named, is aimed at the country of the place it is done in or for
PLACE_TARGET_ROOTS = frozenset({"03", "06", "07", "08", "13", "14", "15", "16", "17", "18", "20"})
# roots whose coordinated parties act with each other (cooperation), not side by side on someone else
MUTUAL_ROOTS = frozenset({"06"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})


def event_doer(tok: Any, args: ActorIndex) -> list[str]:
    """Who did the event the noun ``tok`` names ("Russia's invasion of Ukraine" -> Russia; "the arrest of X by
    Y" -> Y); ``[]`` when ``tok`` is no event noun of the trigger table or names no doer."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    rows = [r for r in triggers().get(tok.lemma_.lower(), []) if r.pos in ("NOUN", "ANY")]
    if not rows:
        return []
    doer, _ = _noun_args(tok, args, climb=False, code=rows[-1].cameo)
    return doer


def _received(tok: Any, args: ActorIndex) -> tuple[list[str], list[str]] | None:
    """"The plan drew criticism from the EU", "Israel faced condemnation from Turkey": the from-phrase does it
    to the verb's subject, or, when the subject is an event ("the arrest of X by Y drew criticism"), to its doer."""
    verb = tok.head
    if tok.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in RECEIVING_VERBS or verb.pos_ != "VERB":
        return None
    froms = [p for holder in (tok, verb) for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"
             for p in c.children]
    src = args.in_tokens(t for p in froms for t in noun_phrase(p))
    tgt: list[str] = []
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        # an event as subject: whoever did it (its by-phrase or possessor); else the subject, or whose plan it is
        tgt += event_doer(subj, args) or args.in_tokens(noun_phrase(subj))
    return list(dict.fromkeys(src)), [t for t in dict.fromkeys(tgt) if t not in src]


def _target_of_event_object(tok: Any, events: list[Event]) -> list[str]:
    """"criticized the sanctions", "condemned the shooting": the target is whoever did the earlier event."""
    for child in tok.children:
        if child.dep_ not in ("dobj", "obj") or child.pos_ != "NOUN":
            continue
        lemma = child.lemma_.lower()
        family = FAMILIES.get(lemma)
        for ev in reversed(events):
            if (family and ev.cameo in family) or any(t.cameo == ev.cameo for t in triggers().get(lemma, [])):
                return list(ev.source)
    return []



# verbs whose clause names who is let or helped: "allowed aid workers to enter", "let inspectors visit"
LETTING_VERBS = frozenset({"allow", "let", "permit", "enable", "help", "invite", "authorize", "authorise"})


def _purpose_targets(tok: Any, args: ActorIndex, src: list[str], depth: int = 3) -> list[str]:
    """The target of the act a verb announces, agrees to or serves, down a chain of to-clauses: "agreed to
    allow access of UN aid workers", "offered to send troops to help the Philippine army", "agreed to let
    inspectors visit" (the one let or helped)."""
    level = [tok]
    for _ in range(depth):
        nxt = [x for v in level for x in v.children if x.pos_ in ("VERB", "AUX") and (
            x.dep_ == "xcomp" or (x.dep_ in ("advcl", "ccomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in x.children)))]
        for v in nxt:
            found = [t for t in _objects(v, args) if t not in src]
            if not found and v.lemma_.lower() in LETTING_VERBS:
                found = [t for c in v.children if c.dep_ in ("ccomp", "xcomp")
                         for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                         for t in args.in_tokens(noun_phrase(s)) if t not in src]
            if found:
                return found
        level = nxt
    return []


def _own_country(doc: Doc, iso: str, src: list[str], countries: dict[str, str | None],
                 extra: list[Actor]) -> bool:
    """Is a source the country ``iso`` itself? Its government, police or army act on their own country's places
    ("French police stormed a camp in Calais" is FRA police -> FRA, a domestic dyad, as are protesters at home:
    "Palestinians protested in Hebron" is PSE civilians -> PSE, as the PLOVER GSR codes domestic protests)."""
    return any(countries.get(s) == iso and is_country(doc, s, extra) for s in src)


def has_own_arguments(tok: Any, args: ActorIndex) -> bool:
    """Does an event noun name its own source ("Macron's visit", "the visit by X", "talks between X and Y")?"""
    own, _ = _noun_args(tok, args, climb=False)
    return bool(own)


def find_arguments(doc: Doc, tok: Any, code: str, *, args: ActorIndex, events: list[Event],
                   countries: dict[str, str | None], extra_actors: list[Actor],
                   extra_mentions: list[Mention]) -> tuple[list[str], list[str]] | None:
    """Source and target actor ids of the trigger token ``tok`` coded ``code``; ``None`` when it has no source.

    ``events`` are the events coded so far (a criticised "sanctions" points back to whoever imposed them).
    A destination or owner country that is not yet an actor is created: appended to ``extra_actors`` and
    ``extra_mentions`` (and ``countries``, actor id -> ISO3), which the caller attaches to the document.
    """
    if tok.pos_ == "VERB":
        src, passive = subject_of(tok, args)
        if not src and not passive:
            src = _stranded_subject(tok, args)
        # coordinated parties to a mutual act are each other's counterparts, before whatever their object holds
        # ("Turkey and Iraq signed a memorandum on the Tigris")
        mutual = len(src) >= 2 and (code in SYMMETRIC | IN_PERSON or code[:2] in MUTUAL_ROOTS)
        tgt = _objects(tok, args, owners=not mutual) if not passive else _patients(tok, args)
        if passive and not src:
            src = [a for a in _episode_agent(tok, args) if a not in tgt]
    else:
        src, tgt = _noun_args(tok, args, code=code)
    if tok.pos_ == "VERB" and code[:2] in VERBAL_ROOTS:
        # "condemned Russia's invasion of Ukraine", "the detention of X by police was condemned": the target is
        # whoever did the event the verb reacts to, not everyone its phrase names
        for obj in (c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")):
            doer = [a for a in event_doer(obj, args) if a not in src]
            if doer:
                tgt = doer
    dest = destination(doc, tok) if code in ("042", "050", "161", "166") or code[:2] in ("07", "19") else None
    if dest is not None:
        iso, span = dest
        # the place's country is a target unless a source is that country or a target already stands in it
        # ("Kenyan police fired at protesters in Nairobi": the Kenyan protesters, not Kenya besides)
        if not _own_country(doc, iso, src, countries, extra_actors) and not any(countries.get(t) == iso for t in tgt):
            aid = country_actor(doc, iso, span, extra_actors, extra_mentions)
            countries[aid] = iso
            if aid not in tgt:
                tgt.append(aid)
    tgt = [t for t in tgt if t not in src]
    if code in OWN_AGENT_CODES:
        # "recalled its ambassador", "appointed a new envoy": the diplomat is the source's own, not a target
        own_countries = {countries.get(s) for s in src} - {None}  # an actor of no known country is no one's own
        tgt = [t for t in tgt if countries.get(t) not in own_countries or is_country(doc, t, extra_actors)]
    if not tgt and code in ("015", "016"):
        # "claimed responsibility for the attack on Israeli soldiers": whoever the claimed event struck
        for t in clause_tokens(tok):
            if t.dep_ == "pobj" and t.head.lower_ in ("for", "in", "of") and t.pos_ == "NOUN" and triggers().get(
                    t.lemma_.lower()):
                tgt = [a for a in _noun_args(t, args, climb=False)[1] if a not in src]
                break
    if not tgt:
        tgt = [t for t in _target_of_event_object(tok, events) if t not in src]
    if not tgt and tok.pos_ == "VERB" and code[:2] == "13":
        # "threatened to stop negotiations if the United States deploys missiles": whoever the condition names
        for verb in [tok, *(x for x in tok.children if x.dep_ == "xcomp")]:
            cond = condition_of(verb)
            if cond is not None:
                tgt = [t for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")
                       for t in args.in_tokens(noun_phrase(c)) if t not in src]
                if tgt:
                    break
    if not tgt and tok.pos_ == "VERB":
        # "agreed to lend $1 billion to Indonesia", "refused to meet Chinese officials": the target of the act
        # announced; "summoned the ambassador to complain": the one summoned
        tgt = _purpose_targets(tok, args, src)
        if not tgt and tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB" and (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                # "called King Salman on Saturday, discussing oil supplies": a participle shares its verb's party
                or (tok.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in tok.children))):
            tgt = [t for t in _objects(tok.head, args) if t not in src]
    if not tgt and tok.pos_ == "VERB" and code[:2] in ("02", "10", "11", "12", "13"):
        # "demanded that the US cancel ...", "urged Iran to ...": whoever is asked to act
        tgt = [t for t in _clause_subject(tok, args) if t not in src]
    if not tgt and tok.pos_ == "VERB":
        # "rejected an Indian proposal", "denounced Serbia's suppression": the country the object belongs to
        found = _object_country(tok)
        if found is not None and not any(countries.get(s) == found[0] for s in src):
            aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions)
            countries[aid] = found[0]
            tgt = [aid]
    if not tgt and code[:2] in ("02", "10"):
        # "demanded an apology from the prime minister": whoever is asked
        tgt = [t for t in args.in_tokens(x for x in clause_tokens(tok) if x.dep_ == "pobj" and x.head.lower_ == "from")
               if t not in src]
    if not tgt and code[:2] in ("15", "17", "18", "19", "20"):
        # "opened fire with small arms on Armenian positions": whoever the force is aimed at
        tgt = [t for t in args.in_tokens(x for x in clause_tokens(tok) if x.dep_ == "pobj"
                                         and x.head.lower_ in ("on", "against", "at", "into"))
               if t not in src]
    if not tgt and src and dest is None:
        # "airstrikes on Idlib", "troops entered Kharkiv", "visited Beijing", "stormed a camp in Calais"; for the
        # roots acting on what lies in a place also where it is done: "agreed to a ceasefire in eastern Ukraine",
        # "gave 350 million euros for development in Ethiopia": with no party named, the place's country
        found = place_target(doc, tok, code)
        if found is None and code[:2] in PLACE_TARGET_ROOTS:
            found = destination(doc, tok)
        if found is not None and not _own_country(doc, found[0], src, countries, extra_actors):
            aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions)
            countries[aid] = found[0]
            tgt = [aid] if aid not in src else []
    if not src:
        return None
    if not tgt and len(src) >= 2 and (code in SYMMETRIC | IN_PERSON or code[:2] in MUTUAL_ROOTS):
        # "Jordan and the United States began joint exercises": the parties act with each other
        src, tgt = src[:1], src[1:]
    if code in ("042",) and tgt and all(countries.get(t) == countries.get(src[0]) for t in tgt) and not dest:
        return None
    return src, tgt
