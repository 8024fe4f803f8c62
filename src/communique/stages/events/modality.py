"""Modality of a trigger: the event's own mood (planned, hypothetical) and negation, from the parse.

``modality(tok)`` is the pure entry point: ``status`` planned or hypothetical (conditions included: "if ...",
"unless ...", "Should Washington impose ..."), ``negated`` ("did not", "never", "no talks", "without warning",
"refused to meet").  A conditional's consequence is also a threat or a promise by its subject to whoever the
condition names (``condition_of``, ``conditional_intent``; the coder adds that event).

The event's own modality comes first; the report-level layer (denials and confirmations by the people the
report cites) is ``stages/provenance.py``'s and runs after this one.  ``negated`` is a flag beside the six
statuses: a negated event keeps its status and is never counted as having happened (``store``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...knowledge.cameo import intent_code

PLANNED_AUX = frozenset({"will", "shall"})
PURPOSED_FORCE = frozenset({"attack", "assault", "offensive", "invasion", "raid", "strike", "operation", "war"})
OBLIGATION_AUX = frozenset({"must", "should"})  # "Israel must end attacks": demanded, not done
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would"})


LIABLE = frozenset({"responsible", "accountable", "guilty", "liable", "culpable"})
# nouns that answer an act already done: "claimed responsibility for the attack", "vowed revenge for the raid"
ANSWERING_NOUNS = frozenset({"responsibility", "credit", "blame", "revenge", "retaliation", "retribution", "reprisal",
                             "apology", "compensation", "reparation", "reparations", "punishment", "justice",
                             "condolence", "condolences", "sympathy", "trial", "warrant", "culprit", "perpetrator",
                             "perpetrators", "victim", "victims", "investigation", "inquiry", "probe"})
# verbs that hold their object to an act, as its doer: blame, charge, judgement, thanks
HOLDING_VERBS = frozenset({
    "accuse", "blame", "charge", "suspect", "convict", "indict", "condemn", "criticize", "criticise", "denounce",
    "fault", "slam", "blast", "rebuke", "reprimand", "censure", "punish", "sanction", "penalize", "penalise",
    "arrest", "detain", "jail", "imprison", "sentence", "fine", "sue", "prosecute", "try", "investigate",
    "hold", "praise", "thank", "commend", "congratulate", "credit", "reward", "honor", "honour", "hail", "laud",
    "applaud", "salute", "acquit", "clear", "pardon", "forgive", "excuse", "exonerate",
})


CONDITION_MARKS = frozenset({"if", "unless"})
INVERTED_AUX = frozenset({"should", "had", "were"})  # "Should Washington impose ...", "Had they known ..."
NEGATING_HEADS = frozenset({"fail", "refuse", "decline", "unable"})  # "refused to meet": no meeting
# heads whose clause is an act asked of someone: "its demand that Israel release ...", "urged Iran to stop"
DEMAND_HEADS = frozenset({"demand", "urge", "call", "ask", "request", "insist", "appeal", "press", "order",
                          "pressure", "persuade", "encourage", "invite", "advise", "tell", "instruct", "warn",
                          "require", "plead", "petition", "beg", "implore", "exhort"})
# heads whose to-clause is an act agreed, offered or intended, not done: "agreed to hold exercises"
INTENT_HEADS = frozenset({"agree", "offer", "promise", "pledge", "vow", "swear", "plan", "intend", "decide", "threaten",
                          "want", "seek", "aim", "hope", "propose", "prepare", "willing", "ready", "eager",
                          "prepared", "determined", "expect", "undertake", "commit"})


# adjectives and participles whose to-clause may not happen: "is unlikely to impose", "is likely to meet"
LIKELIHOOD_HEADS = frozenset({"likely", "unlikely", "possible", "able", "free"})
# ... and whose to-clause is scheduled: "is set to visit", "is poised to sign", "is due to meet"
SCHEDULE_HEADS = frozenset({"set", "poised", "due", "about", "scheduled", "slated", "bound"})
# verbs whose object, an event noun, is weighed, sought or asked for, not done: "is considering sanctions",
# "sought talks", "proposed a ceasefire", "demanded the release of ..."
WEIGHING_HEADS = frozenset({"consider", "weigh", "mull", "contemplate", "propose", "suggest", "seek", "want",
                            "demand", "request", "urge"})
PLANNING_HEADS = frozenset({"plan", "prepare", "schedule", "announce", "set"})
# verbs whose object (or passive subject), an event noun, is kept from happening: "banned the rally", "the march was
# cancelled", "to avert a border war", "postponed the march"
PREVENTING_HEADS = frozenset({"ban", "prohibit", "forbid", "outlaw", "prevent", "avert", "postpone", "cancel",
                              "block", "thwart", "foil", "forestall", "preclude", "bar"})
# mandative verbs, whose that-clause takes the plain form ("demanded that the partners refuse ...")
MANDATIVE_HEADS = frozenset({"demand", "insist", "request", "ask", "urge", "require", "order", "recommend"})
# prepositions after which an event noun is asked for: "called for a ceasefire", "pushed for talks"
ASKING_VERBS = frozenset({"call", "push", "press", "appeal", "ask", "plead", "lobby", "campaign", "pray", "wait",
                          "hope"})


def lemma_in(tok: Any, words: frozenset[str]) -> bool:
    """Is ``tok`` one of ``words``, by its lemma or, when the lemmatizer missed ("hopes" -> "hop"), by its
    inflected form (-s, -es, -ed, -d, -ing)?"""
    w = tok.lower_
    if tok.lemma_.lower() in words or w in words:
        return True
    for end, add in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""),
                     ("ing", "e")):
        if w.endswith(end) and w[: len(w) - len(end)] + add in words:
            return True
    return False


def is_condition(verb: Any) -> bool:
    """Is ``verb`` the head of a condition clause: "if the US holds drills", "unless Iran stops",
    "Should Washington impose sanctions" (an inverted auxiliary before the subject)?"""
    if verb.dep_ not in ("advcl", "ccomp", "conj") and verb.head.i != verb.i:
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.head.i != verb.i:  # "if the US holds drills and sends ships"
        return is_condition(verb.head)
    subj = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in INVERTED_AUX and subj and c.i < min(subj)
               and c.i == verb.left_edge.i for c in verb.children)


def in_condition(tok: Any) -> bool:
    """Is the trigger ``tok`` inside a condition clause ("if the United States attacked its sites", "unless Athens
    withdraws its troops", "Should Washington impose sanctions", "if Seoul decided to hold drills")?  Such an act
    is only supposed: no one announces it (the threat or promise is the consequence's, ``conditional_intent``)."""
    for a in (tok, *tok.ancestors):
        if a.pos_ in ("VERB", "AUX") and is_condition(a):
            return True
        if a.dep_ in ("ROOT", "relcl", "acl", "ccomp", "advcl", "parataxis"):  # the top of the trigger's clause
            return False
    return False


def condition_of(verb: Any) -> Any | None:
    """The condition clause's head verb hanging on ``verb`` ("would suspend talks [if / should] ..."), if any."""
    for c in verb.children:
        if c.dep_ in ("advcl", "ccomp") and c.i != verb.i and is_condition(c):
            return c
    return None


def _mood(tok: Any) -> str | None:
    """planned / hypothetical from the auxiliaries, condition clauses and governing verbs of a trigger."""
    if any(c.dep_ == "amod" and c.lower_ in ("possible", "potential", "hypothetical", "eventual")
           for c in tok.children):
        return "hypothetical"  # "mobilized for a possible ground assault"
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.lemma_.lower() in PURPOSED_FORCE and \
            tok.head.head.lemma_.lower() not in HOLDING_VERBS | LIABLE | ANSWERING_NOUNS:
        # "mobilized troops for an assault": what the force is for has not happened yet (but "blamed Hamas for the
        # attack", "held Iran responsible for the strike": done)
        return "planned"
    chain = [tok]
    if tok.dep_ in ("xcomp", "dobj", "pobj", "advcl") and tok.head.i != tok.i and not is_condition(tok):
        chain.append(tok.head)
        if tok.head.pos_ == "ADP" and tok.head.head.i != tok.head.i:  # "will visit Ankara for talks"
            chain.append(tok.head.head)
    for t in chain:
        # "have sworn to fight": the parser may make the to-clause an advcl
        to_clause = t.dep_ == "xcomp" or (t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                     for c in t.children))
        if to_clause and lemma_in(t.head, LIKELIHOOD_HEADS):
            return "hypothetical"  # "is unlikely to impose sanctions"
        if to_clause and lemma_in(t.head, SCHEDULE_HEADS) and t.head.pos_ in ("ADJ", "VERB", "ADV"):
            return "planned"  # "is set to visit", "is due to meet"
        if to_clause and lemma_in(t.head, INTENT_HEADS):
            # "agreed to hold joint exercises", "is willing to withdraw": not done yet; "threatened to halt talks
            # if Australia bans Huawei": only on a condition
            return "hypothetical" if condition_of(t) is not None or condition_of(t.head) is not None else "planned"
        if _asked_clause(t):
            return "hypothetical"  # "demanded that Israel release the prisoners", "urged Iran to stop": asked for
        if is_condition(t):
            return "hypothetical"  # the condition itself: "if the talks fail", "Should Washington impose ..."
        conditional = condition_of(t) is not None
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and conditional and c.lower_ in PLANNED_AUX | HYPOTHETICAL_AUX:
                return "hypothetical"  # "would suspend talks if ...", "will attack if ...": only on a condition
            if c.dep_ in ("aux", "auxpass") and c.lower_ == "would" and _reported(t):
                return "planned"  # "announced that Japan would send ...": the future seen from the past
            if c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_AUX | OBLIGATION_AUX:
                return "hypothetical"
            if c.dep_ in ("aux",) and c.lower_ in PLANNED_AUX:
                return "planned"
        if t.lemma_ in ("plan", "intend", "expect", "schedule", "prepare") or (
                t.lemma_ == "be" and any(c.lower_ == "to" for c in t.children)):
            return "planned"
    if prevented(tok):
        return "hypothetical"  # "banned the rally", "rallies were banned", "to avert a border war": not held
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB" and not _negated(tok.head):
        # "is considering sanctions", "proposed talks", "plans an offensive": the act weighed or planned
        if lemma_in(tok.head, WEIGHING_HEADS):
            return "hypothetical"
        if lemma_in(tok.head, PLANNING_HEADS) and tok.head.lemma_.lower() != "announce":
            return "planned"
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and \
            lemma_in(tok.head.head, ASKING_VERBS):
        return "hypothetical"  # "called for a ceasefire", "pushed for talks"
    if any(c.lower_ in ("next", "upcoming") for c in tok.children) or any(
            c.dep_ == "amod" and c.lower_ in ("planned", "upcoming", "proposed", "expected", "scheduled")
            for c in tok.children):
        return "planned"
    return None


def _asked_clause(t: Any) -> bool:
    """Is the verb ``t`` an act asked of someone: the to-clause or that-clause of a demand ("urged Iran to stop",
    "demanded that Israel release the prisoners", "insisted that its partners refuse": a that-clause of a mandative
    verb takes the plain form, which the tagger may read as a present tense)?"""
    if t.dep_ not in ("xcomp", "ccomp", "acl", "advcl") or t.head.i == t.i or not lemma_in(t.head, DEMAND_HEADS):
        return False
    plain = t.tag_ == "VB" or (t.tag_ == "VBP" and t.dep_ == "ccomp" and lemma_in(t.head, MANDATIVE_HEADS)
                               and not any(c.dep_ in ("aux", "auxpass") for c in t.children))
    return plain and not summoning(t.head)


def asked_of_another(tok: Any) -> bool:
    """Is the trigger ``tok`` an act asked of someone, so announced by no one ("urged Iran to stop the tests",
    "demanded that Ankara free the journalists", "urged Egypt to stop the raids and withdraw")?  The asker's appeal or
    demand (02, 10) is the event; the act asked keeps its own code as a hypothetical, with no intent of the one asked
    (who has said nothing)."""
    verb = tok.head if tok.dep_ in ("dobj", "obj", "nsubjpass") else tok  # "urged Russia to halt its attacks"
    for t in (verb, *_coordinated_heads(verb)):
        if _asked_clause(t):
            return True
    return False


def prevented(tok: Any) -> bool:
    """Is the event noun ``tok`` what a verb keeps from happening ("banned the rally", "rallies were banned",
    "to avert a border war", "postponed the march"; :data:`PREVENTING_HEADS`, not negated)?  It is
    announced by no one: the ban is the event."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.pos_ == "VERB" \
        and lemma_in(tok.head, PREVENTING_HEADS) and not _negated(tok.head)


def _coordinated_heads(tok: Any) -> list[Any]:
    """The verbs a verb is coordinated under ("to stop the raids and withdraw": "stop"), nearest first (at most 3)."""
    out: list[Any] = []
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX") and len(out) < 3:
        cur = cur.head
        out.append(cur)
    return out


def summoning(verb: Any) -> bool:
    """"called in the ambassador to lodge a protest", "called up reservists to defend the border": a verb with the
    particle in or up summons someone; its to-clause is its subject's purpose, not an act asked of the one called."""
    return any(c.lower_ in ("in", "up") and (c.dep_ == "prt" or (c.dep_ == "prep" and c.i == verb.i + 1))
               for c in verb.children)  # the parser may make the particle a preposition: "called [in the envoy]"


def _reported(verb: Any) -> bool:
    """Is the verb the complement of a reporting verb ("said that ...", "announced that ...")?"""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_LEMMAS


REPORTING_LEMMAS = frozenset({"say", "announce", "tell", "state", "declare", "confirm", "add", "report", "note",
                              "insist", "stress", "indicate", "reveal", "promise", "pledge", "vow"})


def _negated(tok: Any) -> bool:
    """"did not attack", "never met", "no talks were held", "exploded without warning", "refused to meet"."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in tok.children):
        return True
    if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ in ("pobj", "pcomp") and head.lower_ == "without":
        return True
    if tok.dep_ == "xcomp" and head.lemma_.lower() in ("have", "be") and any(
            c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children):
        return True  # "has yet to attack", "is yet to sign": not done
    return tok.dep_ == "xcomp" and lemma_in(head, NEGATING_HEADS)



@dataclass(frozen=True, slots=True)
class Modality:
    """The event's own modality: ``status`` is ``"planned"``, ``"hypothetical"`` or ``None`` (as the report
    states it); ``negated`` is true for "did not attack"."""

    status: str | None
    negated: bool


def modality(tok: Any) -> Modality:
    """The modality of the trigger token ``tok`` (a spaCy Token) from its own clause; a verb coordinated with no
    subject or auxiliary of its own shares the mood of the verb it is coordinated with ("will meet and sign": planned;
    "urged Israel to stop the raids and withdraw": hypothetical)."""
    status = _mood(tok)
    if status is None and tok.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in tok.children):
        status = next((m for h in _coordinated_heads(tok) if (m := _mood(h)) is not None), None)
    return Modality(status, _negated(tok))


def obliged_by(verb: Any) -> Any | None:
    """The reporting verb of an obligation laid on someone else: "Iran says Azerbaijan must halt its attacks" ->
    "says" (its subject demands the act of the obligated); ``None`` otherwise."""
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ == "ccomp" and head.i != verb.i and head.lemma_.lower() in REPORTING_LEMMAS | {"insist", "argue"}:
        return head
    return None


def conditional_intent(code: str, goldstein: float | None) -> str | None:
    """The CAMEO code of the threat or promise a conditional makes ("would suspend talks if ..." is a threat to
    halt negotiations, 134; "would lift sanctions if ..." a promise to ease them, 0354); ``None`` when the
    action is neither hostile nor an offer."""
    intent = intent_code(code)
    if intent[:2] in ("13", "03") and intent != code:
        return intent
    if code[:2] in ("10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20") or (goldstein or 0) < 0:
        return "130"
    return None


def resolve_status(own: str | None, stated: str | None = None, *, anonymous_only: bool = False) -> str:
    """The one rule that sets an event's status (one of ``model.STATUSES``), the event's own modality first.

    ``own`` is :func:`modality`'s status (``"planned"``, ``"hypothetical"`` or ``None``); ``stated`` what the
    report says of the event (``"confirmed"``, ``"denied"``, ``"unconfirmed"``, ``"reported"`` or ``None``:
    the provenance layer's denials and confirmations); ``anonymous_only`` is true when every source the report
    cites for it is unnamed.  A plan or a hypothesis stays one when confirmed ("confirmed that X will visit")
    and becomes ``denied`` when denied; an event's ``negated`` flag is kept beside the status, never in it.
    """
    if own in ("planned", "hypothetical"):
        return "denied" if stated == "denied" else own
    if stated is not None:
        return stated
    return "unconfirmed" if anonymous_only else "reported"
