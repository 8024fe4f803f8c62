"""Who acts: the source of a trigger over the dependency parse.

* ``subject_of(verb, args)`` -- the subject, climbing through to-clauses, conjoined verbs and "willing to"; the
  ``by`` agent of a passive; the accused of an act inside an accusation ("accused the army of killing");
* ``_patients`` -- who undergoes a passive; ``_episode_agent`` / ``_previous_agent`` -- the doer of a passive
  without agent from the same sentence's episode or the act of force told just before;
* ``_stranded_subject``, ``_clause_subject`` -- subjects the parser hung elsewhere, and who is asked to act;
* ``located_source`` -- a subject naming no actor stands for the country it is of or in ("Israeli intelligence
  officials", "a court in Venezuela", "a delegation from the African Union").

Actors are ids of ``doc.actors``; offsets are characters into ``Article.text``.
"""

from __future__ import annotations

from typing import Any

from ...knowledge.countries import resolve_country
from ...model import Actor, Doc, Event, Mention, Span
from .force import FORCE_ROOTS as ARMED_ROOTS
from .force import force_doer_word
from .modality import HOLDING_VERBS, LIABLE, lemma_in
from .phrases import ActorIndex, _np_tokens, _reduced_passive, noun_phrase, owner_of
from .place_targets import country_actor, forces_actor
from .triggers import triggers

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


def _patients(verb: Any, args: ActorIndex) -> list[str]:
    """Who undergoes a passive verb: its passive subject, the noun a participle hangs on ("the man arrested"),
    or the subject of the verb a participle completes ("two soldiers were reported killed")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    found = args.in_tokens(t for c in subjects for t in noun_phrase(c))
    if not found and subjects and subjects[0].pos_ == "NOUN":
        found = owner_of(subjects[0], args)  # "a shelter for Sudanese refugees was shelled"
    if found or not _reduced_passive(verb):
        return found
    if verb.dep_ == "acl":
        return args.in_tokens(_np_tokens(verb.head))
    return args.in_tokens(t for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in noun_phrase(c))


#: nouns whose that-clause tells what someone says happened: "denied claims that ...", "rejected the report that ..."
CLAIM_NOUNS = frozenset({"claim", "report", "allegation", "accusation", "charge", "rumour", "rumor", "assertion",
                         "suggestion", "story", "account"})


def _content_clause(verb: Any) -> bool:
    """Is ``verb`` the head of a that-clause giving the content of a claim noun (:data:`CLAIM_NOUNS`) that is a
    verb's object ("denied claims that its troops shelled ...", "rejected the accusation that it shelled ...")?
    A threat's or a plan's clause is not one: what is threatened is no act told."""
    noun = verb.head
    return verb.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and (
        noun.pos_ == "NOUN" and noun.lemma_.lower() in CLAIM_NOUNS and noun.dep_ in ("dobj", "obj")
        and noun.head.pos_ == "VERB" and noun.head.i != noun.i)


def subject_of(verb: Any, args: ActorIndex) -> tuple[list[str], bool]:
    """Source actors of a verb and whether the verb is passive."""
    cur = verb
    if _reduced_passive(verb):
        # "activists detained by police", "two people reported killed": a participle is passive; its agent acts
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        return args.in_tokens(t for p in agents for t in noun_phrase(p)), True
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        # (a clause with a subject or a "that" of its own is no such misparse: "denied claims that its troops
        # shelled ..." is the troops' shelling, not the claims')
        # "The two ministers called on ...": a finite verb the parser hung on its subject as a clause
        return args.in_tokens(noun_phrase(verb.head)), False
    for _ in range(4):
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        for child in subjects:
            found = _subject_actors(child, args)
            if not found and child.lower_ in RESUMING_PRONOUNS and cur.dep_ == "ccomp" and cur.head.i != cur.i:
                # "the government said it would free 1,500 prisoners": "it" is whoever said so
                found, _ = subject_of(cur.head, args)
            elif not found and child.lower_ in RESUMING_PRONOUNS and _content_clause(cur):
                # "Ukraine rejected the accusation that it shelled ...": "it" is whoever takes up the claim
                found, _ = subject_of(cur.head.head, args)
            if found or child is subjects[-1]:
                # "The rebel Free Syrian Army threatened": the parser may split one subject in two
                return list(dict.fromkeys(found + _companions(child, cur, verb, args))) if found else found, False
        for child in cur.children:
            if child.dep_ == "nsubjpass" and cur.i != verb.i and lemma_in(cur, RAISING_PASSIVES) and not any(
                    c2.dep_ == "agent" for c2 in cur.children):
                # "Russia is expected to withdraw", "Kenya is reported to have arrested": the one said to act
                return list(dict.fromkeys(_subject_actors(child, args))), False
            if child.dep_ == "nsubjpass":
                for c2 in cur.children:
                    if c2.dep_ == "agent":
                        return args.in_tokens(t for p in c2.children for t in noun_phrase(p)), True
                return [], True
        if cur.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp") and cur.head.i != cur.i:
            if cur.dep_ == "pcomp" and (held := _held_to_account(cur.head, args)) is not None:
                return held, False  # "accused the army of killing civilians": the army is said to have killed
            controller = controller_of(cur)
            if cur.dep_ == "xcomp" and controller and cur.head.pos_ == "VERB" and lemma_in(cur.head, OBJECT_CONTROL):
                # "urged Iran to release the sailors", "pressed the workers to call off the strike": the one urged
                # is to act, not the urger (but "summoned the ambassador to complain": a purpose, the summoner's)
                return args.in_tokens(t for c in controller for t in noun_phrase(c)), False
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


# adverbs that make a with-phrase a party acting beside the subject: "France, along with Germany, condemned ..."
COMPANION_ADVERBS = frozenset({"along", "together"})


def _companions(subj: Any, verb: Any, act: Any, args: ActorIndex) -> list[str]:
    """Parties acting beside the subject ``subj`` of ``verb`` (``act`` the trigger, ``verb`` or below it):
    "France, together with Germany, imposed ...", "France condemned the coup along with Germany" (the parser hangs
    "along with" on the subject or on the verb), "Kenya joined Uganda in condemning the attack"."""
    out: list[str] = []
    for holder in (subj, verb):
        for c in holder.children:
            if c.dep_ != "prep":
                continue
            if c.lower_ == "with" and any(a.dep_ == "advmod" and a.lower_ in COMPANION_ADVERBS for a in c.children):
                out += args.in_tokens(t for p in c.children if p.dep_ == "pobj" for t in noun_phrase(p))
            elif c.lower_ in COMPANION_ADVERBS | {"alongside"}:
                withs = [w for w in c.children if w.dep_ == "prep" and w.lower_ == "with"] or [c]
                out += args.in_tokens(t for w in withs for p in w.children if p.dep_ == "pobj" for t in noun_phrase(p))
    if verb.lemma_.lower() == "join" and act.i != verb.i:
        # "joined Uganda in condemning": the one joined does it too
        clause = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < act.i]
        if clause and any(t.i == act.i for t in clause[0].subtree):
            out += args.in_tokens(t for c in verb.children if c.dep_ in ("dobj", "obj") for t in noun_phrase(c))
    return out


# passives whose subject does their to-clause: "is expected to withdraw", "is reported to have arrested"
RAISING_PASSIVES = frozenset({"expect", "report", "believe", "say", "schedule", "set", "slate", "think",
                              "understand", "know", "rumour", "rumor", "suppose", "allege", "claim", "see", "poise",
                              "fear", "suspect", "plan", "due", "tip", "consider"})


# verbs whose object does their to-clause: "urged Iran to release", "allowed inspectors to visit", "asked the UN to
# send"; any other verb's to-clause after an object is a purpose, done by the subject: "summoned the ambassador to
# complain", "sent troops to fight", "promised Iran to lift sanctions", "used drones to attack"
OBJECT_CONTROL = frozenset({
    "ask", "urge", "tell", "order", "force", "compel", "oblige", "obligate", "persuade", "convince", "encourage",
    "allow", "permit", "enable", "let", "invite", "press", "pressure", "push", "require", "request", "advise",
    "instruct", "warn", "remind", "expect", "want", "need", "help", "assist", "get", "lead", "prompt", "cause",
    "authorize", "authorise", "beg", "implore", "exhort", "call", "appeal", "petition", "plead", "challenge", "dare",
    "direct", "command", "mandate", "empower", "entitle", "commission", "recruit", "hire", "train", "teach",
    "forbid", "prohibit", "lobby", "inspire", "incite", "induce", "provoke", "coerce", "bribe", "pay", "appoint",
    "elect", "choose", "select", "designate", "nominate", "assign", "employ", "trust", "spur", "drive", "prod",
    "nudge", "motivate", "galvanize", "galvanise", "like", "prefer", "wish", "leave",
})


# verbs of :data:`OBJECT_CONTROL` whose to-clause is done by their prepositional object, and those prepositions:
# "called on Uganda to release ...", "appealed to Ethiopia to withdraw ...", "pleaded with Israel to allow ..."
CONTROL_PREPS: dict[str, tuple[str, ...]] = {
    "call": ("on", "upon"), "appeal": ("to",), "plead": ("with",), "petition": ("to",),
}


def controller_of(clause: Any) -> list[Any]:
    """The words naming who is to do the to-clause ``clause`` of the verb above it: its object ("urged Iran to
    release ...") or, for verbs of :data:`CONTROL_PREPS`, its prepositional object ("called on Uganda to release
    ..."), when either comes before the clause; ``[]`` otherwise (the head's control is not checked here)."""
    head = clause.head
    return [c for c in head.children if c.dep_ in ("dobj", "obj") and c.i < clause.i] or [
        p for c in head.children if c.dep_ == "prep" and c.i < clause.i
        and c.lower_ in CONTROL_PREPS.get(head.lemma_.lower(), ()) for p in c.children if p.dep_ == "pobj"]


def asks_another(verb: Any) -> list[Any]:
    """The words naming the one ``verb`` asks, orders or lets do its to-clause ("urged its allies to impose ...",
    "called on the West to ..."); ``[]`` when the verb controls no such clause."""
    if verb.pos_ != "VERB" or not lemma_in(verb, OBJECT_CONTROL):
        return []
    for clause in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")):
        if any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children) and (found := controller_of(clause)):
            return found
    return []


# prepositions whose gerund or event noun is done by the verb's object: "accused the army of killing civilians",
# "blamed Hamas for the attack", "charged two men with smuggling", "thanked Japan for sending aid"
HELD_PREPS = frozenset({"of", "for", "with"})


def held_to_account(tok: Any, args: ActorIndex) -> bool:
    """Is the event word ``tok`` an act someone named is held to ("blamed Ethiopian troops for the massacre",
    "accused the army of killing")?  Such an act has its doer even when it names no target."""
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.i == tok.i:
        return False
    return bool(_held_to_account(tok.head, args))


def _held_to_account(prep: Any, args: ActorIndex) -> list[str] | None:
    """Who does the act named under ``prep`` ("of killing", "for the attack") when the verb it hangs on holds
    someone to it: the verb's object, or its passive subject ("the army was accused of killing"); ``[]`` when
    that party names no actor (never the accuser); ``None`` when the verb holds no one to the act."""
    verb = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in HELD_PREPS or verb.i == prep.i:
        return None
    if verb.pos_ == "ADJ" and verb.lemma_.lower() in LIABLE and verb.head.i != verb.i:
        # "held Hamas responsible for the attack", "was found guilty of smuggling", "is responsible for the attack"
        verb = verb.head
        if verb.pos_ in ("NOUN", "PROPN", "PRON"):  # "held [Somalia responsible] for the attack"
            return args.in_tokens(noun_phrase(verb))
        held = [c for c in verb.children if c.dep_ in ("dobj", "obj")] or [
            c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return args.in_tokens(t for c in held for t in noun_phrase(c)) if held else None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in HOLDING_VERBS:
        return None
    held = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not held and not any(c.dep_ == "agent" for c in verb.children):
        held = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not held or held[0].i > prep.i:
        return None
    return args.in_tokens(t for c in held for t in noun_phrase(c))


RESUMING_PRONOUNS = frozenset({"it", "they", "we"})
WEAPON_SUBJECTS = frozenset({"missile", "rocket", "shell", "drone", "bomb", "mortar", "projectile", "munition",
                             "grenade", "bullet", "round", "strike", "airstrike", "shelling", "fire"})


def _subject_actors(subj: Any, args: ActorIndex) -> list[str]:
    """Actors of a subject noun phrase; when it names none, its apposition ("the defence minister, Leonid
    Maltsev, agreed"), the agent of the weapon it names ("rockets launched by the Sudanese army hit") or
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


# roots of force: a passive act of force without agent continues the force just told ("Police raided a house on
# Monday. Two men were arrested."), never a statement or a protest
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})


def _previous_agent(doc: Doc, tok: Any, code: str, events: list[Event], patients: list[str]) -> list[str]:
    """The doer of a passive act of force without agent, from the episode told just before: the source of the
    latest act of force coded in the same or the previous sentence ("Police raided a house on Monday. Two men
    were arrested." -> the police), unless a patient is one of that act's doers or of their country and sector
    ("Rebels attacked the town. Two rebels were killed." names no doer); ``[]`` otherwise."""
    if code[:2] not in FORCE_ROOTS:
        return []
    sent = doc.sentence_of(tok.idx)
    kinds = {a.id: (a.country, a.sector) for a in doc.actors}
    for ev in reversed(events):
        if ev.evidence.sentence < sent - 1:
            break
        if ev.evidence.sentence > sent or ev.cameo[:2] not in FORCE_ROOTS or ev.negated or not ev.source:
            continue
        doers = {kinds.get(s) for s in ev.source} - {None, (None, None)}
        if any(p in ev.source or kinds.get(p) in doers for p in patients):
            return []
        return [s for s in ev.source if s not in patients]
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


# nouns that measure or frame the act named in their of-phrase: "a state of siege", "a wave of arrests"
MEASURE_NOUNS = frozenset({"state", "wave", "series", "campaign", "round", "spate", "string", "number", "policy",
                           "programme", "program", "act", "process", "period", "day", "week", "month", "season"})


def subject_token(verb: Any) -> Any | None:
    """The subject word of an active verb, climbing as ``subject_of`` does (to-clauses, conjoined verbs, "ready
    to"); an event noun that is a verb's object or prepositional object takes that verb's ("held a protest", "went
    on strike"); ``None`` for passives and when there is none."""
    cur = verb
    if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ == "pobj" and cur.head.lower_ == "of" and \
            cur.head.head.pos_ == "NOUN" and cur.head.head.dep_ in ("dobj", "obj") and \
            cur.head.head.lemma_.lower() in MEASURE_NOUNS:
        cur = cur.head.head  # "declared a state of siege", "launched a wave of arrests": the measure's verb
    if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "obj", "pobj") and not any(
            c.dep_ in SUBJECT_DEPS for c in cur.children):
        cur = cur.head.head if cur.dep_ == "pobj" else cur.head
        if cur.pos_ != "VERB":
            return None
    if _reduced_passive(cur):
        return None
    for _ in range(4):
        for child in cur.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ in ("nsubjpass", "csubj"):
                return None
        if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ == "ADJ" and cur.dep_ in ("acomp", "amod") and cur.head.i != cur.i:
                cur = cur.head
            if cur.pos_ not in ("VERB", "AUX"):
                return None
            continue
        break
    return None


def _names_force(noun: Any) -> bool:
    """Is ``noun`` a word the trigger table codes only as force ("airstrikes", "shelling", "a raid"; not "strike",
    which may be a walkout)?"""
    rows = [r for r in triggers().get(noun.lemma_.lower(), []) if r.pos in ("NOUN", "ANY")]
    return noun.pos_ == "NOUN" and bool(rows) and all(r.cameo[:2] in ARMED_ROOTS for r in rows)


def located_source(doc: Doc, verb: Any, args: ActorIndex, extra: list[Actor],
                   mentions: list[Mention]) -> list[str]:
    """Who acts when the subject names no actor of its own but says whose or where it is: a from-phrase naming an
    actor ("a delegation from the African Union"), an in-phrase naming a place ("a court in Bishkek", "people in
    Pakistan": that place's country), or a country word inside it ("Israeli intelligence officials", "a group of
    Saudi hackers", "the Czech Republic's prime minister": that country).  The country's actor is created when the
    document has none (appended to ``extra`` and ``mentions``, with a mention at the country word or place, offsets
    characters into ``Article.text``).  ``[]`` when the subject is a pronoun or names none of these."""
    subj = subject_token(verb)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or args.in_tokens(noun_phrase(subj)):
        return []
    # "thousands of people in Pakistan": the in-phrase may hang on the of-phrase's noun
    heads = [subj, *(p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj")]
    # ... or on where they work: "workers at a copper mine in Peru", "staff at a hospital in Gaza"
    heads += [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "at" for p in c.children
              if p.dep_ == "pobj" and not args.at(p)]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "in")):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            found = args.in_tokens(_np_tokens(pobj))
            if found and (prep.lower_ == "from" or all(args.kinds.get(a) == "country" for a in found)):
                return found
            place = next((pl for pl in doc.places if pl.country and pl.span.start <= pobj.idx < pl.span.end), None)
            if place is not None and place.country and prep.lower_ == "in":
                return [country_actor(doc, place.country, place.span, extra, mentions)]
    if _names_force(subj) and (word := force_doer_word(subj)) is not None:
        # "U.S. military airstrikes killed 20 militants": the forces of the country named did it (USAMIL), as for
        # the airstrikes' own event
        return [forces_actor(doc, word[0], word[1], extra, mentions)]
    if subj.text[:1].isupper() and (iso := resolve_country(subj.text)) is not None:
        # "Ethnic Albanians vowed to fight": a people named by its country
        return [country_actor(doc, iso, Span(subj.idx, subj.idx + len(subj)), extra, mentions)]
    for t in noun_phrase(subj):
        if t.dep_ == "poss":
            words = [w for w in t.subtree if w.dep_ not in ("case", "det")]
            iso = resolve_country(" ".join(w.text for w in words)) if words else None
            if iso is not None:
                return [country_actor(doc, iso, Span(words[0].idx, words[-1].idx + len(words[-1])), extra, mentions)]
        elif t.dep_ in ("amod", "compound", "nmod") and t.text[:1].isupper():
            iso = resolve_country(t.text)
            if iso is not None:
                return [country_actor(doc, iso, Span(t.idx, t.idx + len(t)), extra, mentions)]
    return []
