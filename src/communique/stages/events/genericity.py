"""Genericity of a trigger: does the word name an occasion that happened, or a kind of act or a habit?

``generic(tok)`` is the pure entry point (``tok`` a spaCy Token of an event trigger); ``occasionless(tok)`` is what
the coder asks: generic, and neither planned nor hypothetical (those keep their status: "vowed to carry out
strikes" is a plan, coded as one).  ``generic`` is true for:

* **kinds of act**, named by a bare plural or mass noun in a clause that tells no occasion: "Pakistan believes
  terrorist attacks will help it", "groups rarely claim credit for attacks", "Attacks on journalists are rising";
  a noun that a quantifier or a kind word makes a kind: "any attack on a member", "such protests", "every arrest";
* **habits**: an act done regularly, often, usually or every year: "The two leaders regularly meet", "Police
  routinely arrest activists", "The ministers meet every year", "Rebels used to attack convoys".

Such mentions are no event: an event is one occasion (CAMEO and ACE code occasions; a habit or a kind of act has
no date, place or participants of its own).  A mention is an occasion when something anchors it:

* a determiner, possessor or number: "the attacks", "Russia's attacks", "two attacks";
* a date or time in its phrase or on its verb: "mass protests in 2013", "attacks on Monday";
* a clause telling one occasion: its verb in the past ("Protests erupted", "carried out airstrikes on Gaza"), the
  perfect ("attacks have killed"), the progressive ("are holding talks"), or a passive of either ("were dispersed").

Plans, hypotheses and negations are :mod:`.modality`'s; this module does not look at them.
"""

from __future__ import annotations

from typing import Any

from .modality import modality

# adverbs of habit: "regularly meet", "often clash", "usually arrest"
HABITUAL_ADVERBS = frozenset({
    "regularly", "routinely", "often", "frequently", "usually", "typically", "generally", "normally", "sometimes",
    "occasionally", "habitually", "customarily", "traditionally", "periodically", "seldom", "rarely", "always",
    "commonly", "ordinarily",
})
# words before a time noun that make it a repetition: "every year", "each month"
EVERY = frozenset({"every", "each"})
# determiners that make a noun a kind, not an occasion: "any attack", "such protests", "every arrest"
KIND_DETERMINERS = frozenset({"any", "every", "each", "such"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
ORDINALS = frozenset({"first", "second", "third", "last", "latest", "next", "previous", "recent"})
# determiners, numbers and quantities that single out occasions: "the attacks", "two attacks", "several protests"
ANCHORING_DEPS = frozenset({"det", "poss", "nummod", "predet"})
# clause verbs whose tense tells no occasion: the base form (after a modal or "to") and the simple present
UNANCHORED_TAGS = frozenset({"VB", "VBZ", "VBP"})
# nouns that count occasions in their of-phrase: "scores of attacks", "a wave of arrests"
COUNTED = frozenset({"scores", "score", "dozens", "dozen", "hundreds", "thousands", "series", "wave", "spate",
                     "string", "round", "rash", "flurry", "couple", "handful", "days", "weeks", "months"})
# nouns whose of-phrase is a kind measured, feared or compared: "the number of attacks", "the threat of strikes"
MEASURES = frozenset({"number", "rate", "level", "share", "percentage", "proportion", "frequency", "count", "total",
                      "threat", "risk", "fear", "danger", "possibility", "prospect", "spectre", "specter", "use",
                      "kind", "type", "form", "sort", "history", "pattern", "campaign", "policy", "practice"})
# verbs whose to-clause happens when they do: "began to carry out raids", "continued to hold talks"
ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "keep", "proceed", "manage", "go", "come", "stop",
                       "cease"})
ENTITY_TIMES = frozenset({"DATE", "TIME"})
# nouns naming the occasion of the act noun compounded with them: "assassination attempt", "shooting incident"
OCCURRENCES = frozenset({"attempt", "incident", "attack", "operation", "spree", "raid", "episode", "event"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                      "today", "tonight", "overnight"})


def occasionless(tok: Any) -> bool:
    """Is the trigger ``tok`` a kind of act or a habit told as a fact, so no event at all ("terrorist attacks
    will help it", "the leaders regularly meet")?  Planned and hypothetical mentions are coded with their status."""
    return generic(tok) and modality(tok).status is None


def generic(tok: Any) -> bool:
    """Is the trigger ``tok`` (a spaCy Token) a kind of act or a habit, not an occasion (module docstring)?"""
    if tok.pos_ in ("VERB", "AUX"):
        # "agents who target dissidents", "groups that mount attacks": a relative clause in the simple present
        # tells what its noun's people do, a habit
        return _habitual(tok) or (tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in tok.children) and not _timed(tok))
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE or c.tag_ == "JJS" or c.lower_ in ORDINALS
               for c in tok.children) and (
            any(c.dep_ == "det" and c.lower_ in KIND_DETERMINERS for c in tok.children) or any(
            c.dep_ in ("amod", "predet") and c.lower_ == "such" for c in tok.children)):
        return True  # "any attack on a member", "such protests" (but "the first such incursion" is one)
    if tok.dep_ == "attr" and tok.head.lemma_ == "be" and tok.head.tag_ in ("VBZ", "VBP"):
        return True  # "an attack on one is an attack on all": what something is called, not an occasion
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
        if tok.head.lemma_.lower() in OCCURRENCES:
            # "the assassination attempt", "the shooting incidents", "a bomb attack": the head noun is the act's
            # occasion, so the act is one when its head is
            return generic(tok.head)
        return True  # "protest leaders", "the attack helicopter", "an arrest warrant": a kind naming another thing
    if tok.tag_ not in ("NNS", "NN") or any(c.dep_ in ANCHORING_DEPS for c in tok.children):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in COUNTED:
        return False  # "scores of attacks", "a wave of arrests": occasions counted
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "of Russian, American, and Turkish delegations": the of-phrase's first conjunct
    if first.dep_ == "pobj" and first.head.lower_ == "of" and _anchored(first.head.head):
        return False  # "the presence of Turkish delegations", "Monday's arrival of troops": the noun's occasion
    if tok.tag_ == "NN" and tok.dep_ not in ("pobj", "dobj", "nsubj", "conj"):
        return False
    verb = _clause_verb(tok)
    if verb is not None and _habitual(verb):
        return True  # "hold talks every year": the habit's "every year" is no date
    if verb is None or _timed(tok):
        return False  # a caption or heading with no verb ("Protests in Paris") tells its occasion by its picture
    return not _episodic(verb)


def _anchored(noun: Any) -> bool:
    """Is ``noun`` one occasion by its own words: a definite determiner, a possessor or a number ("the presence",
    "Monday's arrival", "two visits")?  Its of-phrase then names the occasion's parties, not a kind.  Nouns that
    measure or fear a kind ("the number of attacks", "the threat of strikes") single out no occasion."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in MEASURES and any(
        c.dep_ == "det" and c.lower_ in DEFINITE or c.dep_ in ("poss", "nummod") for c in noun.children)


def _habitual(verb: Any) -> bool:
    """"regularly meet", "often clashed", "meet every year", "used to attack"."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS:
            return True
        if c.dep_ in ("npadvmod", "advmod") and any(d.dep_ == "det" and d.lower_ in EVERY for d in c.children):
            return True
    return verb.dep_ == "xcomp" and verb.head.lower_ == "used" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _timed(tok: Any) -> bool:
    """Does a date or time lie in the noun's phrase or in its clause ("protests in 2013", "on Monday", a caption's
    "..., in Lahore, Feb. 29, 2016"), not counting the clauses hanging off it?"""
    verb = _clause_verb(tok)
    return any(t.ent_type_ in ENTITY_TIMES or t.lower_ in WEEKDAYS
               for t in _own_clause(verb if verb is not None else tok))


# clauses of their own inside a clause: their dates are theirs
OWN_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis", "csubj"})


def _own_clause(head: Any) -> list[Any]:
    out = [head]
    for c in head.children:
        if c.dep_ not in OWN_CLAUSE_DEPS and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
            out += _own_clause(c)
    return out


def _clause_verb(tok: Any) -> Any | None:
    """The verb of the clause a noun is in (climbing through prepositions and nouns); ``None`` when it has none."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _episodic(verb: Any) -> bool:
    """Does the clause of ``verb`` tell one occasion: the past, the perfect, the progressive, or a passive of
    them ("erupted", "have killed", "are holding", "were dispersed")?  A to-clause or a participle tells the
    occasion of the verb it completes ("began to protest", "killed in attacks")."""
    cur = verb
    for _ in range(4):
        auxes = [c for c in cur.children if c.dep_ in ("aux", "auxpass")]
        if cur.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return True
        if cur.tag_ in ("VBN", "VBG") and any(a.lemma_ in ("have", "be") and a.tag_ != "VB" for a in auxes):
            return True  # "have killed", "are holding", "is being held" (not "will be held")
        if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes) or cur.tag_ in UNANCHORED_TAGS:
            if cur.tag_ == "VB" and cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i and \
                    cur.head.lemma_.lower() in ASPECTUAL and not any(a.tag_ == "MD" for a in auxes):
                cur = cur.head  # "began to carry out raids": the occasion of "began"
                continue
            return False
        if cur.tag_ in ("VBN", "VBG") and cur.dep_ in ("acl", "advcl", "relcl", "xcomp", "conj", "pcomp") and \
                cur.head.i != cur.i:
            cur = cur.head
            while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
                cur = cur.head
            continue
        return cur.tag_ in ("VBN", "VBG")  # a participle heading its sentence (a caption): its picture's occasion
    return False
