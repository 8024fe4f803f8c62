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

from typing import Any

from ...knowledge.countries import resolve_country
from ...model import Actor, Doc, Event, Mention, Span
from ._codes import IN_PERSON, MUTUAL_ROOTS, OWN_AGENT_CODES, SYMMETRIC
from .episodes import FAMILIES
from .modality import condition_of, summoning
from .phrases import _SKIP_DEPS as _SKIP_DEPS  # re-exported: location.py reads it here
from .phrases import ActorIndex, _np_tokens, noun_phrase, owner_of
from .place_targets import (
    clause_tokens,
    country_actor,
    destination,
    is_country,
    mistaken_place,
    place_target,
)
from .sources import (
    MEASURE_NOUNS,
    SUBJECT_DEPS,
    _clause_subject,
    _episode_agent,
    _held_to_account,
    _patients,
    _previous_agent,
    _stranded_subject,
    located_source,
    subject_of,
    subject_token,
)
from .triggers import match_trigger, triggers

__all__ = ["ActorIndex", "event_doer", "find_arguments", "has_own_arguments", "noun_phrase", "owner_of", "subject_of"]

TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "upon")


TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate", "consider", "review", "address", "raise"})
# ... of which those whose object act is only talked about, not done by the talkers ("discussed the bombing")
TALKED_ABOUT = TOPIC_VERBS - {"negotiate", "consider"}


# prepositions that aim an act at its target ("sanctions on", "fired at", "a campaign against")
AIMED_AT = frozenset({"on", "against", "at", "upon", "toward", "towards"})


def _object_country(verb: Any, *, passive: bool = False) -> tuple[str, Span] | None:
    """A country word modifying the verb's object ("an Indian proposal", "Serbia's suppression"), the object
    coordinated verbs share ("arrested and charged two Nigerian traders") or, for a passive, its subject ("a
    Chinese fishing boat was seized")."""
    deps = ("nsubjpass",) if passive else ("dobj", "obj")
    children = list(verb.children)
    if not passive and not any(c.dep_ in deps for c in children):
        children += [c for conj in verb.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
                     and not any(x.dep_ in ("nsubj", "nsubjpass") for x in conj.children)
                     for c in conj.children if c.dep_ in deps]
    if not passive:
        # "imposed sanctions on three Iranian organizations", "fired at Palestinian demonstrators": a country word
        # in the aimed phrase of the verb or of its object
        aimed = [p for h in (verb, *(c for c in children if c.dep_ in deps)) for c in h.children
                 if c.dep_ == "prep" and c.lower_ in AIMED_AT for p in c.children if p.dep_ == "pobj"]
        children += aimed
        deps = (*deps, "pobj")
    for child in children:
        if child.dep_ not in deps:
            continue
        for t in _np_tokens(child):
            if t.i != child.i and t.dep_ in ("amod", "poss", "compound", "nmod") and t.text[:1].isupper():
                iso = resolve_country(t.text)
                if iso:
                    return iso, Span(t.idx, t.idx + len(t))
    return None


# prepositions under a verb's object noun that name the event's target: "filed a lawsuit against X", "opened an
# investigation into X", "issued a warrant for X", "held a meeting with X"
OBJECT_NOUN_PREPS = ("with", "by", "of", "to", "on", "against", "into", "for", "at", "toward", "towards", "from",
                     "between")


CREATION_VERBS = frozenset({"establish", "build", "create", "found", "construct", "form", "inaugurate", "erect",
                            "install"})


# prepositions under an object that name what a mutual act is about, never a party to it: "Turkey and Iraq signed a
# memorandum on the Tigris", "House and Senate negotiators reached an agreement on the budget bill"
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})


def _objects(tok: Any, args: ActorIndex, *, owners: bool = True, topics: bool = True) -> list[str]:
    """Targets of a verb: its object and with/to/against phrases (what is discussed is a topic, not a party).
    A news outlet is a party when it is acted on ("sued the newspaper"), though never as a reporter.  With
    ``topics`` false, what the object's on/about/over phrase names is a topic, not a target."""
    out: list[str] = []
    topic = tok.lemma_.lower() in TOPIC_VERBS
    children = list(tok.children)
    if not any(c.dep_ in ("dobj", "obj") for c in children):
        # "shelled and captured the village": the last of coordinated verbs holds their shared object
        children += [c for conj in tok.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
                     and not any(x.dep_ in ("nsubj", "nsubjpass") for x in conj.children)
                     for c in conj.children if c.dep_ in ("dobj", "obj")]
    # "agreed to set up a research institute in Barcelona": what is made did not exist before, no party to it
    made = tok.lemma_.lower() in CREATION_VERBS or (
        tok.lemma_.lower() == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in children))
    for child in children:
        if child.dep_ in ("dobj", "obj", "dative", "attr", "oprd") and not topic:
            found = [] if made and child.dep_ in ("dobj", "obj") else args.in_tokens(noun_phrase(child), outlets=True)
            # "described the discussions with Evkurov" / "welcomed the decision of X"
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in OBJECT_NOUN_PREPS and (
                        topics or grand.lower_ not in TOPIC_PREPS):
                    found += args.in_tokens((t for p in grand.children for t in noun_phrase(p)), outlets=True)
            if not found and owners and not made and child.pos_ == "NOUN" and child.dep_ in ("dobj", "obj"):
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
        elif child.dep_ == "prep" and child.lower_ == "in" and child.i == tok.i + 1 and summoning(tok):
            # "called in the Chinese ambassador": the parser makes the particle a preposition; the one summoned
            out += args.in_tokens(t for p in child.children if p.dep_ == "pobj" for t in noun_phrase(p))
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


# event nouns whose of-phrase (and possessor) is who undergoes it: "the arrest of X", "Navalny's detention",
# "the recognition of Kosovo"
PATIENT_NOUN_CODES = frozenset({"054", "0841", "166", "172", "173", "174", "175", "181", "186"})
# ... and whose of-phrase does when a possessor or by-phrase names the doer: "Russia's invasion of Ukraine"
PATIENT_OF_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# ... and whose name before the noun is whom it is done to once someone else is its doer ("its Iran sanctions")
NAMED_PATIENT_ROOTS = PATIENT_OF_ROOTS
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
        # "Trump attends a meeting of the North Atlantic Council", "attended an OPEC meeting": whoever attends meets
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
        if verb.pos_ == "VERB" and not _judges(verb) and verb.lemma_.lower() not in TALKED_ABOUT:
            # ("discussed the attack with Iraq": an act talked about is not the talkers')
            src, _ = subject_of(verb, args)
            if not tgt:
                tgt = [a for a in _objects(verb, args) if a not in src]
    return list(dict.fromkeys(src)), list(dict.fromkeys(tgt))


CLAIMED = frozenset({"responsibility", "credit"})
# verbs whose subject takes part in the meeting that is their object
ATTENDING = frozenset({"attend", "join", "address", "chair"})

# roots of verbs that judge an act named as their object, done by someone else: "condemned the sanctions",
# "called the blockade illegal", "praised the ceasefire" (the judge imposed no sanctions)
JUDGED_ROOTS = frozenset({"11", "12"})


COMPLAINED_PREPS = frozenset({"about", "over", "against"})


def _doer_country(noun: Any) -> tuple[str, Span] | None:
    """The country word naming who did the act an event noun of the trigger table names ("Israeli air raids",
    "the Turkish offensive") with the word's offsets (characters into the text); ``None`` when it names none."""
    if noun.pos_ != "NOUN" or not any(r.pos in ("NOUN", "ANY") for r in triggers().get(noun.lemma_.lower(), [])):
        return None
    for t in noun.children:
        if t.dep_ in ("amod", "compound", "nmod") and t.text[:1].isupper() and (iso := resolve_country(t.text)):
            return iso, Span(t.idx, t.idx + len(t))
    return None


def _judges(verb: Any) -> bool:
    trig = match_trigger(verb)
    return trig is not None and (trig.cameo[:2] in JUDGED_ROOTS | PROTESTING_ROOTS or trig.cameo == "051")


# roots of protests: what is protested ("protested the arrests", "to protest the incursion") is another's act
PROTESTING_ROOTS = frozenset({"14"})
# roots whose event, with no party named, is aimed at the country of the place it is done in or for
PLACE_TARGET_ROOTS = frozenset({"03", "06", "07", "08", "13", "14", "15", "16", "17", "18", "20"})
# codes whose object may be a place the actors stage took for a party: force, occupation, visits, withdrawals
PLACE_PARTY_ROOTS = frozenset({"18", "19", "20"})
PLACE_PARTY_CODES = frozenset({"042", "171", "087", "0874", "0871"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})


# codes whose verb's object is the forces the source moves: mobilize (154), de-escalate or withdraw (087)
FORCES_MOVED = frozenset({"154", "087", "0874"})


# verbs that hand something over to a recipient: "returned the statues to Benin", "handed the suspects to Egypt"
TRANSFER_VERBS = frozenset({"return", "hand", "give", "deliver", "transfer", "send", "extradite", "repatriate",
                            "donate", "supply", "provide", "ship", "lend", "restore", "surrender", "turn"})


NOT_RECIPIENT_HEADS = frozenset({"according", "due", "thanks", "next", "close", "prior", "owing", "contrary",
                                 "addition", "date", "back", "up", "ahead"})


def _recipient(verb: Any, args: ActorIndex, src: list[str]) -> list[str]:
    """Actors of the last to-phrase anywhere under a transfer verb ("returned an 18th-century manuscript, missing
    since 1943, to Italy"), not inside a clause with a subject of its own; ``[]`` when none names one."""
    best: list[str] = []
    for t in verb.subtree:
        if t.dep_ != "prep" or t.lower_ not in ("to", "into") or t.i < verb.i:
            continue
        if t.head.lower_ in NOT_RECIPIENT_HEADS:  # "according to US officials", "due to the storm"
            continue
        up, own = t.head, False
        while up.i != verb.i and up.head.i != up.i:
            if up.pos_ in ("VERB", "AUX"):  # "to assist Ethiopia with its response to COVID-19": another act's
                own = True
                break
            up = up.head
        found = [a for a in args.in_tokens((x for p in t.children for x in noun_phrase(p)), outlets=True)
                 if a not in src]
        if found and not own:
            best = found
    return best


OWN_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})


def _without_affiliations(doc: Doc, tok: Any, src: list[str], args: ActorIndex,
                          countries: dict[str, str | None]) -> list[str]:
    """Sources without a country named only as the possessor of another source of that country: "Sudan's
    government lifted a state of emergency in Darfur" is done by the government (SDN), not by Sudan besides, so
    Sudan's own places are its target as for any government (a domestic dyad)."""
    if len(src) < 2:
        return src
    kinds = {a.id: a.kind for a in doc.actors}
    drop: set[str] = set()
    for t in tok.sent:
        if t.dep_ != "poss":
            continue
        owners = [a for a in args.at(t) if a in src and kinds.get(a) == "country"]
        owned = [b for b in args.at(t.head) if b in src and b not in owners]
        drop.update(a for a in owners if any(countries.get(b) == countries.get(a) for b in owned))
    return [s for s in src if s not in drop] or src


def _same_side(doc: Doc, ids: list[str], src: list[str]) -> bool:
    """Is every actor of ``ids`` the country a source acts for ("Turkey" in "Erdogan reiterated Turkey's support
    for ...")?  A person or a body of the same country is a party of its own ("the parliament rejected the prime
    minister's deal")."""
    actors = {a.id: a for a in doc.actors}
    own = {a.country for s in src if (a := actors.get(s)) is not None and a.country}
    return bool(own) and all((a := actors.get(i)) is not None and a.kind == "country" and a.country in own
                             for i in ids)


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


def _purpose_targets(tok: Any, args: ActorIndex, src: list[str], depth: int = 3, *, topics: bool = True) -> list[str]:
    """The target of the act a verb announces, agrees to or serves, down a chain of to-clauses: "agreed to
    allow access of UN aid workers", "offered to send troops to help the Philippine army", "agreed to let
    inspectors visit" (the one let or helped)."""
    level = [tok]
    for _ in range(depth):
        nxt = [x for v in level for x in v.children if x.pos_ in ("VERB", "AUX") and (
            x.dep_ == "xcomp" or (x.dep_ in ("advcl", "ccomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in x.children)))]
        for v in nxt:
            found = [t for t in _objects(v, args, owners=topics, topics=topics) if t not in src]
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


# marks of a clause that an act waits for: "will not lift the embargo until Cuba undertakes reforms"
AWAITING_MARKS = frozenset({"until", "unless", "till"})


def _awaited(verb: Any, args: ActorIndex, src: list[str]) -> list[str]:
    """The actors whose act ``verb`` waits for: the subject of its until/unless clause, or, when that subject is the
    source itself ("until he is satisfied Vietnam is doing all it can"), the subject of the clause it completes;
    ``[]`` when there is none."""
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        if not any(m.dep_ in ("mark", "advmod") and m.lower_ in AWAITING_MARKS for m in clause.children):
            continue
        for holder in (clause, *(c for c in clause.children if c.dep_ in ("ccomp", "xcomp"))):
            found = [a for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")
                     for a in args.in_tokens(noun_phrase(c)) if a not in src]
            if found:
                return found
    return []


# measures a government imposes on its own country: a curfew (1723), a state of emergency or martial law (1724)
DOMESTIC_MEASURES = frozenset({"1723", "1724"})


def _home_country(doc: Doc, tok: Any, src: list[str], countries: dict[str, str | None], extra: list[Actor],
                  mentions: list[Mention]) -> str | None:
    """The actor id of the country the sources belong to, when it is one country: the document's actor for it, or
    one made at a country word in the sentence ("Pakistani President Pervez Musharraf"); ``None`` when the sources
    have no country, several, are the country itself, or the country is named nowhere in the sentence (no actor is
    made without a mention of its own)."""
    home = {countries.get(s) for s in src}
    if len(home) != 1 or None in home:
        return None
    iso = next(iter(home))
    if iso is None or any(is_country(doc, s, extra) for s in src):
        return None  # "Egypt declared a state of emergency": the country acts on itself, one actor
    for a in [*doc.actors, *extra]:
        if a.kind == "country" and a.country == iso and a.id not in src:
            return a.id
    for t in tok.sent:
        if t.text[:1].isupper() and resolve_country(t.text) == iso:
            aid = country_actor(doc, iso, Span(t.idx, t.idx + len(t)), extra, mentions)
            countries[aid] = iso
            return aid
    return None


# codes besides the symmetric ones whose coordinated subjects act with each other: diplomatic cooperation
COORDINATED_MUTUAL = frozenset({"050"})


def _coordinated(tok: Any) -> bool:
    """Is the subject of ``tok`` several parties joined by "and" or "along with" ("Trump and Putin", "UK and EU
    negotiators", "France, together with Germany")?"""
    subj = subject_token(tok)
    if subj is None:
        return False
    return any(t.dep_ == "conj" for t in noun_phrase(subj)) or any(
        c.dep_ == "prep" and (c.lower_ in ("along", "together", "alongside") or any(
            a.dep_ == "advmod" and a.lower_ in ("along", "together") for a in c.children))
        for h in (subj, tok) for c in h.children)


# verbs that get what another gives: their from-phrase does the act coded at them
RECEIVED_ACTS = frozenset({"receive", "obtain", "get", "secure", "win", "gain", "collect"})


def _agent_country(verb: Any) -> tuple[str, Span] | None:
    """The country word of a passive's agent that names no actor ("by Russian missiles", "by Turkish drones"),
    with its offsets (characters into the text); ``None`` when there is none."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for p in (x for x in agent.children if x.dep_ == "pobj"):
            for t in _np_tokens(p):
                if t.dep_ in ("amod", "compound", "nmod", "poss") and t.text[:1].isupper() and (
                        iso := resolve_country(t.text)):
                    return iso, Span(t.idx, t.idx + len(t))
    return None


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
    # a word the parser made the root with a subject is a verb it mistagged ("Germany and UNICEF hand over ...")
    verbal = tok.pos_ == "VERB" or (tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children))
    passive = False
    if verbal:
        src, passive = subject_of(tok, args)
        if not src and not passive:
            src = _stranded_subject(tok, args)
        # coordinated parties to a mutual act are each other's counterparts, before whatever their object holds
        # ("Turkey and Iraq signed a memorandum on the Tigris")
        mutual = len(src) >= 2 and (code in SYMMETRIC | IN_PERSON or code[:2] in MUTUAL_ROOTS)
        tgt = _objects(tok, args, owners=not mutual, topics=not mutual) if not passive else _patients(tok, args)
        if not tgt and not passive and _coordinated(tok) and (
                code in SYMMETRIC | IN_PERSON | COORDINATED_MUTUAL or code[:2] in MUTUAL_ROOTS) and \
                not _purpose_targets(tok, args, src, topics=False):
            # "Trump and Putin agreed to share information on North Korea", "the United States and Sudan are
            # upgrading ties": with no party named, coordinated subjects act with each other, before whatever the
            # act announced or its place would give
            src, tgt = src[:1], src[1:]
        if passive and not src:
            src = [a for a in _episode_agent(tok, args) if a not in tgt] or _previous_agent(doc, tok, code, events, tgt)
        if passive and not src and (found := _agent_country(tok)) is not None:
            # "Kyiv was hit by Russian missiles", "were killed by Israeli airstrikes": the agent's country word
            src = [country_actor(doc, found[0], found[1], extra_actors, extra_mentions)]
            countries[src[0]] = found[0]
        elif not passive and tok.lemma_.lower() in RECEIVED_ACTS and (
                giver := [a for a in args.in_tokens(t for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                                                    for p in c.children for t in noun_phrase(p)) if a not in src]):
            # "Syria received military aid from Russia": the giver acts on the receiver
            src, tgt = giver, src
    else:
        src, tgt = _noun_args(tok, args, code=code)
    if verbal and tok.lemma_.lower() in TRANSFER_VERBS:
        # "returned 12 skulls that date back to A.D. 800 to Peru", "was returned by US officials to Spanish
        # authorities": what is handed over goes to the recipient, the target, however deep its to-phrase hangs
        recipient = _recipient(tok, args, src)
        if recipient:
            tgt = recipient
    if not src and not passive:
        # "a court in Venezuela banned ...", "Israeli officials shared ...": the subject's country acts
        src = located_source(doc, tok, args, extra_actors, extra_mentions)
        for s in src:
            countries.setdefault(s, next((a.country for a in [*doc.actors, *extra_actors] if a.id == s), None))
    src = _without_affiliations(doc, tok, src, args, countries)
    if not src:
        # nothing is created for an event that is not coded ("Missiles struck a market in Aleppo" makes no actor)
        return None
    if verbal and code[:2] in VERBAL_ROOTS:
        # "condemned Russia's invasion of Ukraine", "the detention of X by police was condemned": the target is
        # whoever did the event the verb reacts to, not everyone its phrase names
        judged = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if code[:2] in JUDGED_ROOTS:
            # "complained to the UN about Israeli air raids", "protested to Cairo over the arrest of ...": whoever
            # did the act complained of, not the one complained to
            judged += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in COMPLAINED_PREPS
                       for p in c.children if p.dep_ == "pobj"]
        for obj in judged:
            doer = [a for a in event_doer(obj, args) if a not in src]
            if not doer and obj.dep_ in ("dobj", "obj") and obj.pos_ == "NOUN" and (
                    obj.lower_.endswith(ACT_NOUN_ENDINGS) or triggers().get(obj.lemma_.lower())):
                # "praised the mediation by Qatar": the parser hangs the act's by-phrase on the active verb
                doer = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > obj.i
                        for a in args.in_tokens(t for p in c.children if p.dep_ == "pobj" for t in noun_phrase(p))
                        if a not in src]
            if doer and _same_side(doc, doer, src):
                # "Erdogan reiterated Turkey's support for the GNA": the act is the source's own side's
                tgt = [t for t in tgt if t not in doer]
            elif doer:
                tgt = doer
            elif code[:2] in JUDGED_ROOTS and (found := _doer_country(obj)) is not None and not any(
                    countries.get(s) == found[0] for s in src):
                # "two Israeli air raids": an act named with its doer's country word only
                aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions)
                countries[aid] = found[0]
                tgt = [aid]
    if code[:2] in PLACE_PARTY_ROOTS or code in PLACE_PARTY_CODES:
        # "Russian forces captured Kherson", "shelled Kadugli": a town the actors stage took for a person or a
        # group is a place, its country the target (unless a source is that country itself)
        placed: list[str] = []
        for t in tgt:
            found = mistaken_place(doc, t, tok)
            if found is None:
                placed.append(t)
            elif not _own_country(doc, found[0], src, countries, extra_actors):
                aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions, code=code)
                countries[aid] = found[0]
                placed.append(aid)
        tgt = list(dict.fromkeys(placed))
    dest = destination(doc, tok) if code in ("042", "050", "125", "161", "166") or code[:2] in ("07", "19") else None
    if dest is not None and code == "125" and any(countries.get(s) == dest[0] for s in src):
        dest = None  # a visit called off at home is no act on another country
    if dest is not None:
        iso, span = dest
        # the place's country is a target unless a source is that country or a target already stands in it
        # ("Kenyan police fired at protesters in Nairobi": the Kenyan protesters, not Kenya besides)
        if not _own_country(doc, iso, src, countries, extra_actors) and not any(countries.get(t) == iso for t in tgt):
            aid = country_actor(doc, iso, span, extra_actors, extra_mentions, code=code)
            countries[aid] = iso
            if aid not in tgt:
                tgt.append(aid)
    tgt = [t for t in tgt if t not in src]
    if code in OWN_AGENT_CODES:
        # "recalled its ambassador", "appointed a new envoy": the diplomat is the source's own, not a target
        own_countries = {countries.get(s) for s in src} - {None}  # an actor of no known country is no one's own
        tgt = [t for t in tgt if countries.get(t) not in own_countries or is_country(doc, t, extra_actors)]
    if code in FORCES_MOVED and verbal:
        # "mobilized army reservists", "withdrew the troops": forces moved with no country of their own are the
        # source's, never its target (the target is where or against whom: "for a war against Iraq")
        moved = {a for c in tok.children if c.dep_ in ("dobj", "obj") for a in args.in_tokens(noun_phrase(c))}
        tgt = [t for t in tgt if t not in moved or countries.get(t) is not None]
    if not tgt and code in ("015", "016"):
        # "claimed responsibility for the attack on Israeli soldiers": whoever the claimed event struck
        for t in clause_tokens(tok):
            if t.dep_ == "pobj" and t.head.lower_ in ("for", "in", "of") and t.pos_ == "NOUN" and triggers().get(
                    t.lemma_.lower()):
                tgt = [a for a in _noun_args(t, args, climb=False)[1] if a not in src]
                break
    if not tgt:
        tgt = [t for t in _target_of_event_object(tok, events) if t not in src]
    if not tgt and code[:2] == "13":
        # "threatened to stop negotiations if the United States deploys missiles": whoever the condition names
        # ... or "warned that it would retaliate if Finland joins NATO", "its threat that it would close the border
        # unless Kenya paid": the condition of the act threatened
        said = [x for x in tok.children if x.dep_ in ("xcomp", "ccomp", "acl", "relcl") and x.pos_ in ("VERB", "AUX")]
        for verb in [tok, *said, *(y for x in said for y in x.children if y.dep_ == "xcomp")]:
            cond = condition_of(verb)
            if cond is not None:
                tgt = [t for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")
                       for t in args.in_tokens(noun_phrase(c)) if t not in src]
                if tgt:
                    break
    if not tgt and verbal:
        # "will not lift the embargo until Cuba undertakes reforms", "will not end the strike unless the management is
        # sacked": an act withheld until someone acts is aimed at that someone
        tgt = _awaited(tok, args, src)
    if not tgt and verbal:
        # "agreed to lend $1 billion to Indonesia", "refused to meet Chinese officials": the target of the act
        # announced; "summoned the ambassador to complain": the one summoned
        tgt = _purpose_targets(tok, args, src)
        if not tgt and tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB" and (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                # "called King Salman on Saturday, discussing oil supplies": a participle shares its verb's party
                or (tok.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in tok.children))):
            tgt = [t for t in _objects(tok.head, args) if t not in src]
    if not tgt and verbal and code[:2] in ("02", "10", "11", "12", "13"):
        # "demanded that the US cancel ...", "urged Iran to ...": whoever is asked to act
        tgt = [t for t in _clause_subject(tok, args) if t not in src]
    if not tgt and verbal:
        # "rejected an Indian proposal", "denounced Serbia's suppression": the country the object belongs to
        found = _object_country(tok, passive=passive)
        if found is not None and not any(countries.get(s) == found[0] for s in src):
            aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions, code=code)
            countries[aid] = found[0]
            tgt = [aid]
    if not tgt and code[:2] in ("02", "10"):
        # "demanded an apology from the prime minister": whoever is asked
        tgt = [t for t in args.in_tokens(x for x in clause_tokens(tok) if x.dep_ == "pobj" and x.head.lower_ == "from")
               if t not in src]
    if not tgt and code[:2] in ("15", "17", "18", "19", "20"):
        # "opened fire with small arms on Armenian positions": whoever the force is aimed at
        # ... its whole phrase: "for a battle against the remnants of the Brotherhood", "against Syria's weapons"
        tgt = [t for t in args.in_tokens(y for x in clause_tokens(tok) if x.dep_ == "pobj"
                                         and x.head.lower_ in ("on", "against", "at", "into") for y in noun_phrase(x))
               if t not in src]
    if not tgt and src and dest is None:
        # "airstrikes on Idlib", "troops entered Kharkiv", "visited Beijing", "stormed a camp in Calais"; for the
        # roots acting on what lies in a place also where it is done: "agreed to a ceasefire in eastern Ukraine",
        # "gave 350 million euros for development in Ethiopia": with no party named, the place's country
        found = place_target(doc, tok, code)
        if found is None and code[:2] in PLACE_TARGET_ROOTS:
            found = destination(doc, tok)
        if found is not None and not _own_country(doc, found[0], src, countries, extra_actors):
            aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions, code=code)
            countries[aid] = found[0]
            tgt = [aid] if aid not in src else []
    if not src:
        return None
    if not tgt and code in DOMESTIC_MEASURES and (
            own := _home_country(doc, tok, src, countries, extra_actors, extra_mentions)):
        # "Musharraf imposed martial law", "the Thai army declared a state of emergency": a measure imposed with no
        # place or party named is imposed on the source's own country (the domestic dyad CAMEO and PLOVER code)
        tgt = [own]
    if not tgt and len(src) >= 2 and (code in SYMMETRIC | IN_PERSON or code[:2] in MUTUAL_ROOTS):
        # "Jordan and the United States began joint exercises": the parties act with each other
        src, tgt = src[:1], src[1:]
    if code in ("042",) and tgt and all(countries.get(t) == countries.get(src[0]) for t in tgt) and not dest:
        return None
    return src, tgt
