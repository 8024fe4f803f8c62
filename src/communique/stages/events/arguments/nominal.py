"""Arguments of event nouns: possessor, ``of``/``by`` phrase -> source, ``between X and Y`` -> X and Y,
``with``/``to`` phrase -> target; a noun that is the object of a verb ("held talks") takes that verb's subject;
"drew criticism from X" is done by X to the verb's subject.  Also who did the event a noun names (``event_doer``).

Actors are ids of ``doc.actors``; offsets are characters into ``Article.text``.
"""

from __future__ import annotations

from typing import Any

from ....knowledge.countries import resolve_country
from ....model import Span
from .._codes import FORCES_MOVED
from ..phrases import ActorIndex, _np_tokens, noun_phrase
from ..sources import MEASURE_NOUNS, _held_to_account, subject_of
from ..triggers import triggers
from .objects import TALKED_ABOUT, TARGET_PREPS, _judges, _objects, acts_against


def _between(tok: Any, args: ActorIndex) -> tuple[list[str], list[str]]:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            for p in child.children:
                first = args.in_tokens(_np_tokens(p))
                rest = args.in_tokens(t for c in p.children if c.dep_ == "conj" for t in noun_phrase(c))
                if first or rest:
                    return first, rest
    return [], []


# event nouns whose of-phrase (and possessor) is who undergoes it: "the arrest of X", "Navalny's detention",
# "the recognition of Kosovo"
PATIENT_NOUN_CODES = frozenset({"054", "0841", "166", "172", "173", "174", "175", "181", "186"})
# ... and whose of-phrase does when a possessor or by-phrase names the doer: "Russia's invasion of Ukraine"
PATIENT_OF_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# ... and whose name before the noun is whom it is done to once someone else is its doer ("its Iran sanctions")
NAMED_PATIENT_ROOTS = PATIENT_OF_ROOTS
# ... and whose of-phrase is always whom it is about: "an investigation of X", "criticism of X", "a threat of X"
JUDGING_ROOTS = frozenset({"09", "11", "12"})
# ... and whose from-phrase does it: "an offer from the rebels", "a request from Egypt", "aid from Japan" (not
# withdrawals, releases or expulsions from a place, nor attacks from one)
FROM_DOER_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "10", "11", "12", "13"})
# "drew criticism from X": the noun is done by the from-phrase to the verb's subject
# "an offer of talks from the government": the from-phrase offers; the talks it names are only proposed, not
# done by anyone yet
PROPOSING_NOUNS = frozenset({"offer", "proposal", "invitation", "call", "request", "plan", "bid", "appeal",
                             "suggestion", "idea", "prospect", "possibility", "demand"})
RECEIVING_VERBS = frozenset({"draw", "attract", "face", "receive", "earn", "win", "prompt", "spark", "provoke",
                             "trigger", "meet", "get", "invite"})


def _proposed(tok: Any) -> bool:
    """Is the event noun ``tok`` what a proposing noun names ("an offer of talks", "a call for talks")?"""
    return (tok.dep_ == "pobj" and tok.head.lower_ in ("of", "for") and tok.head.head.pos_ in ("NOUN", "PROPN")
            and tok.head.head.lemma_.lower() in PROPOSING_NOUNS)


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
        # "Egypt's mediation between Israel and Hamas", "talks between X and Y brokered by Qatar": a third party
        # named as the noun's possessor or by-phrase does it, to both sides
        third = [a for a in args.in_tokens(t for c in tok.children
                                           if c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ == "by")
                                           for t in (noun_phrase(c) if c.dep_ == "poss" else
                                                     [x for p in c.children for x in noun_phrase(p)]))
                 if a not in src and a not in tgt]
        if third:
            return third, list(dict.fromkeys(src + tgt))
        return src, tgt
    if climb and tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in ATTENDING:
        # "the Polish premier attends a session of the EU Council", "attended an OPEC meeting": whoever attends meets
        # the body whose meeting it is
        attendees, _ = subject_of(tok.head, args)
        if attendees:
            body = [a for a in args.in_tokens(
                t for c in tok.children if c.dep_ in ("compound", "poss", "prep")
                for t in (noun_phrase(c) if c.dep_ != "prep" else
                          [x for p in c.children if c.lower_ in ("of", "with") for x in noun_phrase(p)]))
                if a not in attendees]
            return list(dict.fromkeys(attendees)), list(dict.fromkeys(body))
    src, tgt = [], []
    by = any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in tok.children)
    poss = any(c.dep_ == "poss" for c in tok.children)
    patient = code in PATIENT_NOUN_CODES
    of_is_patient = patient or (code[:2] in PATIENT_OF_ROOTS and (by or poss)) or code[:2] in JUDGING_ROOTS
    children = list(tok.children)
    moved: list[str] = []
    named: list[str] = []  # "the Iran sanctions", "the Gaza offensive": a name before the noun, doer or done to
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
        elif child.dep_ == "prep" and child.lower_ == "from" and code[:2] in FROM_DOER_ROOTS and not _proposed(tok):
            # "the ceasefire offer from the rebels", "a request from Egypt", "a visit from the Chinese president"
            src += args.in_tokens(t for p in child.children for t in noun_phrase(p))
        elif child.dep_ == "prep" and child.lower_ == "of" and code in FORCES_MOVED:
            # "ended its withdrawal of forces from Chad": the forces moved are the doer's own, the doer only when
            # no one else is ("the withdrawal of Russian troops began")
            moved += args.in_tokens(t for p in child.children for t in noun_phrase(p))
        elif child.dep_ == "prep" and child.lower_ == "of":
            (tgt if of_is_patient else src).extend(args.in_tokens(t for p in child.children for t in noun_phrase(p)))
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            tgt += args.in_tokens(t for p in child.children for t in noun_phrase(p))
        elif child.dep_ == "compound" and child.pos_ == "PROPN" and code[:2] in NAMED_PATIENT_ROOTS:
            named += args.in_tokens([child])
        elif child.dep_ in ("compound", "amod", "nmod"):
            src += args.in_tokens([child])
    if not tgt and code[:2] in ("02", "10"):
        # "reiterated its demand that Israel ease restrictions": whoever is to act
        tgt = [t for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for n in c.children if n.dep_ in ("nsubj", "nsubjpass") for t in args.in_tokens(noun_phrase(n))]
    if named and not src and not (climb and tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB"
                                  and not _judges(tok.head)):
        src = named  # "US sanctions hit Iran's economy": with no other doer, the name does it
    elif named and not tgt and not any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children):
        tgt = [a for a in named if a not in src]  # "the EU extended its Iran sanctions": Iran is sanctioned
        named = []
    if climb and not src and tok.dep_ == "pobj" and (held := _held_to_account(tok.head, args)) is not None:
        # "blamed Hamas for the attack", "held Israel responsible for the strike": the one held did it
        return list(dict.fromkeys(held)), [t for t in dict.fromkeys(tgt) if t not in held]
    if climb and not src and tok.dep_ in ("dobj", "obj", "pobj") and tok.head.pos_ in ("VERB", "ADP"):
        verb = tok.head if tok.head.pos_ == "VERB" else tok.head.head
        if verb.pos_ == "NOUN" and tok.head.lower_ == "of" and verb.dep_ in ("dobj", "obj") and \
                verb.lemma_.lower() in MEASURE_NOUNS:
            verb = verb.head  # "declared a state of siege", "launched a wave of arrests": the measure's verb acts
        if verb.lemma_.lower() in CLAIMED and verb.dep_ in ("dobj", "obj"):
            verb = verb.head  # "claimed responsibility for the attack": the claimer did it
        if verb.pos_ == "VERB" and not acts_against(verb) and verb.lemma_.lower() not in TALKED_ABOUT:
            # ("discussed the attack with Iraq": an act talked about is not the talkers')
            src, _ = subject_of(verb, args)
            if not tgt:
                tgt = [a for a in _objects(verb, args) if a not in src and a not in moved]
    if not src:
        src = moved
    return list(dict.fromkeys(src)), list(dict.fromkeys(tgt))


CLAIMED = frozenset({"responsibility", "credit"})
# verbs whose subject takes part in the meeting that is their object
ATTENDING = frozenset({"attend", "join", "address", "chair"})


def _doer_country(noun: Any) -> tuple[str, Span] | None:
    """The country word naming who did the act an event noun of the trigger table names ("Israeli air raids",
    "the Turkish offensive") with the word's offsets (characters into the text); ``None`` when it names none."""
    if noun.pos_ != "NOUN" or not any(r.pos in ("NOUN", "ANY") for r in triggers().get(noun.lemma_.lower(), [])):
        return None
    for t in noun.children:
        if t.dep_ in ("amod", "compound", "nmod") and t.text[:1].isupper() and (iso := resolve_country(t.text)):
            return iso, Span(t.idx, t.idx + len(t))
    return None


OWN_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})


# endings of nouns that name acts ("expulsion", "treatment", "closure", "refusal", "blockade"): their by-phrase is
# their doer, where a thing's ("a book by X", "a report by X") is its maker
ACT_NOUN_ENDINGS = ("tion", "sion", "ment", "ure", "al", "ade", "ing")


def event_doer(tok: Any, args: ActorIndex) -> list[str]:
    """Who did the event the noun ``tok`` names ("Russia's invasion of Ukraine" -> Russia; "the arrest of X by
    Y" -> Y); ``[]`` when ``tok`` is no event noun of the trigger table or names no doer."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    rows = [r for r in triggers().get(tok.lemma_.lower(), []) if r.pos in ("NOUN", "ANY")]
    if not rows:
        # "Turkey's deployment of troops to Libya", "China's treatment of the Uyghurs": whose act or thing it is,
        # unless the noun is itself a party ("Kenya's president")
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if args.at(tok) or any(t.lower_ in OWN_POSSESSIVES for c in owners for t in c.subtree):
            return []  # "reaffirmed his administration's commitment": the speaker's own side
        if not owners and tok.lower_.endswith(ACT_NOUN_ENDINGS):
            # "condemned the expulsion of its diplomats by Poland": an act noun's by-phrase does it
            return args.in_tokens(t for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                                  for p in c.children for t in noun_phrase(p))
        return args.in_tokens(t for c in owners for t in noun_phrase(c))
    doer, _ = _noun_args(tok, args, climb=False, code=rows[-1].cameo)
    return doer


# verbs of "came under attack", "remained under fire", "is under pressure from"
UNDERGOING_VERBS = frozenset({"come", "be", "remain", "fall", "stay", "go"})


def _received(tok: Any, args: ActorIndex) -> tuple[list[str], list[str]] | None:
    """"The plan drew criticism from the EU", "Israel faced condemnation from Turkey": the from-phrase does it
    to the verb's subject, or, when the subject is an event ("the arrest of X by Y drew criticism"), to its doer."""
    verb = tok.head
    under = tok.dep_ == "pobj" and verb.lower_ == "under" and verb.head.pos_ in ("VERB", "AUX") and \
        verb.head.lemma_.lower() in UNDERGOING_VERBS
    if under:
        # "Ukrainian positions came under attack from Russian forces": the from- or by-phrase does it to the subject
        verb = verb.head
    elif tok.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in RECEIVING_VERBS or verb.pos_ != "VERB":
        return None
    froms = [p for holder in (tok, verb) for c in holder.children if c.dep_ in ("prep", "agent") and (
        c.lower_ == "from" or (under and c.lower_ == "by")) for p in c.children]
    src = args.in_tokens(t for p in froms for t in noun_phrase(p))
    tgt: list[str] = []
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        # an event as subject: whoever did it (its by-phrase or possessor); else the subject, or whose plan it is
        tgt += event_doer(subj, args) or args.in_tokens(noun_phrase(subj))
    return list(dict.fromkeys(src)), [t for t in dict.fromkeys(tgt) if t not in src]


def has_own_arguments(tok: Any, args: ActorIndex) -> bool:
    """Does an event noun name its own source ("Macron's visit", "the visit by X", "talks between X and Y")?"""
    own, _ = _noun_args(tok, args, climb=False)
    return bool(own)
