"""The event coder: candidates -> (optional learned coder) -> arguments, modality, place, date, episodes.

The seam for a learned layer
----------------------------
For each sentence the coder takes the trigger table's candidates (``triggers.candidates``), hands them to
the ``Coder`` if one is given, and codes whatever comes back.  A ``Coder`` is any object with:

* ``name: str`` -- its name and version (``"communique.event_model/1"``);
* ``label(doc, sentence, candidates) -> list[Candidate]`` -- ``doc`` is the ``Doc`` after the nlp, actors,
  time and place stages (``doc.nlp`` is the spaCy Doc of ``Article.text``), ``sentence`` indexes
  ``doc.sentences``, ``candidates`` are the rule candidates of that sentence in token order (possibly
  empty).  It returns the candidates to code, in any order: it may keep a rule candidate as it is, drop it
  (a wrong sense), relabel its ``cameo`` or add candidates for tokens no rule lists.  Candidates it makes
  or relabels carry ``model=<name>`` and ``confidence`` in [0, 1] (and ``require_target=True`` when a
  guess without a target should not be coded); the event records them (``Event.found_by == "model"``,
  ``Event.model``, ``Event.confidence``; a rule's row is ``Event.rule``).  It must not change ``doc``
  and must be deterministic.  Every ``token`` must lie in ``sentence``; one candidate per token.

The rule layer then finds, for every returned candidate, its source and target (``arguments``), its
modality (``modality``), drops wrong senses (``senses``: sports, markets), place (``location``), date
(``stages/time.event_date``) and episode
(``episodes``); a candidate whose source cannot be found is not coded.  With no ``Coder`` (the default) the
events are exactly the trigger table's.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from ...knowledge.cameo import intent_code, lookup
from ...knowledge.triggers import TriggerTable
from ...model import Actor, Doc, Event, Evidence, Mention
from ...textutil import find_quotes
from ..time import event_date
from ._codes import IN_PERSON
from .arguments import ActorIndex, find_arguments, has_own_arguments, noun_phrase
from .arguments.roles import RoleSlots
from .episodes import (
    _duplicate,
    _episode_id,
    _inherit_places,
    _is_anaphor,
    _link_reference,
    _merge_restatements,
    _refer,
    _restates,
    _told_before,
)
from .genericity import occasionless
from .location import _location, inherit_locations
from .modality import (
    asked_of_another,
    condition_of,
    conditional_intent,
    in_condition,
    modality,
    obliged_by,
    prevented,
    resolve_status,
)
from .senses import wrong_sense
from .sources import held_to_account
from .triggers import Candidate, candidates


@runtime_checkable
class Coder(Protocol):
    """A learned candidate classifier plugged into the event coder (the contract is in the module docstring)."""

    name: str

    def label(self, doc: Doc, sentence: int, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates of one sentence to code: kept, relabelled, dropped or added."""
        ...


def extract(doc: Doc, *, table: TriggerTable | None = None,
            model: Coder | None = None) -> tuple[list[Event], list[Actor], list[Mention]]:
    """Coded events, plus country actors and mentions added for destinations.

    ``table`` replaces the bundled trigger table; ``model`` is an optional learned :class:`Coder`.
    """
    sdoc = doc.nlp
    args = ActorIndex(doc)
    roles = RoleSlots(doc, args)
    events: list[Event] = []
    extra_actors: list[Actor] = []
    extra_mentions: list[Mention] = []
    episode: dict[str, int] = {}
    # (token of "the visit", id of the event it refers to), by the first token of the anaphor's spaCy sentence;
    # the events so far by their sentence: what a new
    # event is compared with is in its own sentence, so each is found without reading every earlier one
    # (scans of the whole lists made this stage quadratic in the article's length)
    anaphors_at: dict[int, list[tuple[Any, str]]] = {}
    by_sentence: dict[int, list[Event]] = {}
    countries = {a.id: a.country for a in doc.actors}
    quotes = find_quotes(doc.text)
    for sent in range(len(doc.sentences)):
        cands = candidates(doc, sent, table=table)
        if model is not None:
            cands = sorted(model.label(doc, sent, cands), key=lambda c: c.token)
        absorbed = _absorbed(sdoc, cands)
        taken = {c.token for c in cands}
        # the act words of the sentence: rule candidates and the model's confident ones
        acts = {c.token for c in cands if c.model is None or (c.confidence or 0.0) >= UNNAMED_DOER_MODEL_AT}
        for cand in cands:
            if cand.token in absorbed or wrong_sense(sdoc[cand.token], cand.cameo) or occasionless(sdoc[cand.token]):
                continue
            tok = sdoc[cand.token]
            if tok.dep_ == "amod" and tok.pos_ == "VERB":
                continue  # a participle describing a state: "the occupied territories", "the besieged town"
            trigger = cand.trigger
            if tok.pos_ != "VERB" and not has_own_arguments(tok, args) and _is_anaphor(tok):
                ref = _link_reference(events, tok, trigger, episode)
                if ref is not None:
                    anaphors_at.setdefault(tok.sent.start, []).append((tok, ref))
                    continue
            if tok.pos_ != "VERB" and _time_anchor(tok) and not args.in_tokens(t for t in tok.subtree if t.i != tok.i):
                # "removed several commanders following the attack", "arrested 20 people after the riots": an earlier
                # act named only as the time of this one, with no party in its own phrase (the clause's subject is
                # not its doer): background, not an event reported here
                continue
            code = cand.cameo
            found = find_arguments(doc, tok, code, args=args, events=events, countries=countries,
                                   extra_actors=extra_actors, extra_mentions=extra_mentions)
            # "Hungary will not accept asylum seekers": an empty slot a role noun holds ("arguments.roles")
            found = roles.fill(tok, code, found, events=events, countries=countries, extra_actors=extra_actors,
                               extra_mentions=extra_mentions)
            confidence = cand.confidence
            if found is None and _unnamed_doer(tok, code, cand) and not _operand(tok, code, taken):
                # "Besigye was arrested in Kampala", "protests erupted", "an airstrike hit the town": the act is
                # seen done though no one is named doing it; coded with no source, and ranked below named acts
                found = ([], _patients_named(tok, args))
                confidence = round(UNNAMED_DOER_CONFIDENCE * (cand.confidence or 1.0), 3)
                told = _told_before(events, code, found[1])
                if told is not None:
                    # "..., their party said. A spokesman denied that any arrests had taken place.": the arrest
                    # told again with no doer is the earlier arrest, not a second one (a denial then reaches it)
                    anaphors_at.setdefault(tok.sent.start, []).append((tok, _refer(told, trigger, episode)))
                    continue
            if found is None or (cand.require_target and not found[1] and code[:2] != "14"
                                 and not held_to_account(tok, args) and not _force_done(tok, code, cand, acts)):
                continue
            src, tgt = found
            try:
                entry = lookup(code)
            except KeyError:
                continue
            s = doc.sentences[sent]
            mood = modality(tok)
            ev = Event(
                id=f"e{len(events) + 1}", cameo=code, plover=entry.plover, label=entry.label,
                goldstein=entry.goldstein, quad_class=entry.quad_class, source=src, target=tgt,
                evidence=Evidence(sent, s.start, s.end), trigger=trigger, plover_mode=entry.plover_mode,
                plover_context=entry.plover_context, negated=mood.negated,
                found_by=cand.found_by, rule=cand.rule, model=cand.model, confidence=confidence,
            )
            ev.status = resolve_status(mood.status)  # type: ignore[assignment]
            if mood.status and not in_condition(tok) and not asked_of_another(tok) and not prevented(tok):
                # what announcing the act is ("will visit" -> 036); an act supposed in a condition ("if Washington
                # imposes sanctions") or asked of someone ("urged Iran to halt the tests": the asker's appeal is the
                # event) or kept from happening ("banned the rally") is announced by no one: its intent stays None
                ev.intent = intent_code(code)
            coordinated = frozenset(t.idx for t in _conjoined(tok))
            here = by_sentence.get(sent, [])  # _duplicate and _restates compare events of one sentence only
            if _duplicate(here, ev, coordinated=coordinated) or (tok.pos_ != "VERB" and _restates(here, ev)):
                continue
            ev.location = _location(doc, tok, sent, trigger, quotes)
            refusal = _refusal(ev, mood.status, len(events) + 1) if src else None
            if refusal is not None and not _duplicate(events, refusal):
                # the refusal is what happened; it comes first, the negated act keeps its flag after it
                refusal.location = ev.location
                events.append(refusal)
                ev.id = f"e{len(events) + 1}"
            # "The visit marked ..., as Evkurov met ...": an in-person event in a clause governed by the verb
            # whose subject refers to an earlier in-person event is part of that event's occasion
            if tok.pos_ != "VERB" and ev.cameo in IN_PERSON:
                # "visited Riyadh last Tuesday for talks with ...": the talks are part of the visit
                for other in here:
                    if other.evidence.sentence == sent and other.cameo in IN_PERSON and any(
                            a.idx == other.trigger.start for a in tok.ancestors):
                        episode[ev.id] = _episode_id(episode, other.id)
            for ana, ref_id in anaphors_at.get(tok.sent.start, []):
                if ana.sent == tok.sent and ana.dep_ in ("nsubj", "nsubjpass") and ana.head in tok.ancestors \
                        and ev.cameo in IN_PERSON and any(o.id == ref_id and o.cameo in IN_PERSON for o in events):
                    episode[ev.id] = _episode_id(episode, ref_id)
            events.append(ev)
            by_sentence.setdefault(ev.evidence.sentence, []).append(ev)
            threat = ((_conditional_threat(tok, ev, args, len(events) + 1) or _demand(tok, ev, args, len(events) + 1))
                      if src else None)
            if threat is not None and threat.cameo == "100" and ev.status in ("planned", "hypothetical"):
                # "Russia says Israel must end its attacks": what announces the obliged act is the sayer's demand,
                # no intent of the one obliged
                ev.intent = threat.cameo
            if threat is not None and not _duplicate(by_sentence.get(threat.evidence.sentence, []), threat):
                events.append(threat)
                by_sentence.setdefault(threat.evidence.sentence, []).append(threat)
    for ev in events:
        ev.episode = episode.get(ev.id)
    events = _merge_restatements(events)
    episodes: dict[int, list[Event]] = {}
    for ev in events:
        if ev.episode is not None:
            episodes.setdefault(ev.episode, []).append(ev)
    for ev in events:
        refs = [r for o in (episodes[ev.episode] if ev.episode is not None else [ev])
                for r in [o.trigger, *o.references]]
        ev.date = event_date(doc, sentence=ev.evidence.sentence, trigger=ev.trigger, refs=refs)
    _inherit_places(events)
    inherit_locations(doc, events)
    return events, extra_actors, extra_mentions


# CAMEO roots of acts seen done whoever does them (protests, force, arrests, attacks): with no doer named ("was
# arrested", "the airstrike", "protests erupted") they are still coded, with an empty source.  Verbal acts
# (statements, appeals, intents, demands, disapproval, rejections, threats) and exchanges (cooperation, aid,
# concessions, sanctions) are what someone does, and a consultation is between parties: with no one named they are
# not coded.
UNNAMED_DOER_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
# words that with no doer named report no act: a death ("three people were killed": floods and accidents kill too),
# and the ongoing situation the report is set in ("the fighting", "clashes continued", "the war")
UNNAMED_DOER_NOT = frozenset({"kill", "die", "murder", "fighting", "fight", "war", "clash", "violence", "conflict",
                              "battle", "combat", "unrest", "hostility"})
# ... but not decrees (172x: bans, restrictions, curfews, states of emergency): "opposition newspapers are banned in
# the province", "martial law was declared" tell of a rule in force, an act of an authority the report does not name
# (like sanctions)
DECREES = frozenset({"172"})
# the confidence of an act with no doer named, times its candidate's (1.0 for a row): a named event of the sentence
# outranks it
UNNAMED_DOER_CONFIDENCE = 0.5
# the least confidence of a model's candidate coded with no doer named
UNNAMED_DOER_MODEL_AT = 0.6


# roots of acts of force (assault, fight, mass violence): seen done though no one is named harmed ("the IRA
# detonated 20 bombs across the city", "the shooting incident", "numerous bombings targeted the base")
FORCE_ROOTS = frozenset({"18", "19", "20"})
# words that are acts of force by themselves; any other word of force needs a weapon in its sentence ("a blast",
# "an explosion" may be a gas leak's; "fired tear gas" is no armed act)
FORCE_ACTS = frozenset({"bomb", "bombing", "shoot", "shooting", "detonate", "assassinate", "assassination", "shell",
                        "shelling", "airstrike", "gunfire", "stab", "stabbing", "ambush", "behead", "snipe"})
WEAPONS = frozenset({"bomb", "bomber", "device", "ied", "explosive", "explosives", "grenade", "mine", "landmine",
                     "rocket", "missile", "mortar", "gun", "gunman", "gunmen", "rifle", "firearm"})


def _force_done(tok: Any, code: str, cand: Candidate, acts: set[int]) -> bool:
    """May a learned act of force with no target named be coded all the same?  A model's guess must otherwise
    name whom it harms (``Candidate.require_target``): an assault with no one assaulted is mostly a situation
    ("the war", "the fighting", "the conflict": :data:`UNNAMED_DOER_NOT`, left out).  An act of force by its word
    (:data:`FORCE_ACTS`: a bombing, a shooting, "detonated") or with a weapon in its sentence
    (:data:`WEAPONS`) is an act seen done whatever its target (a bakery, a street, "the city"), when it is known
    to be an occasion (not generic), has the model's confidence an act with no doer named needs
    (:data:`UNNAMED_DOER_MODEL_AT`) and does not tell what another act word of its sentence did ("a car bomb
    exploded", "the explosion destroyed": the bomb's, the explosion's event; ``acts``: the token indices of the
    sentence's rule candidates and confident model candidates)."""
    lemma = tok.lemma_.lower()
    if code[:2] not in FORCE_ROOTS or lemma in UNNAMED_DOER_NOT or tok.lower_ in UNNAMED_DOER_NOT \
            or (cand.confidence or 0.0) < UNNAMED_DOER_MODEL_AT:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i in acts for c in tok.children) or (
            tok.dep_ == "relcl" and tok.head.i in acts):
        return False
    return lemma in FORCE_ACTS or tok.lower_ in FORCE_ACTS or any(
        t.lemma_.lower() in WEAPONS or t.lower_ in WEAPONS for t in tok.sent if t.i != tok.i)


# prepositions whose object is the time of another act ("after the riots", "following the attack", "since the
# invasion"), and nouns whose of-phrase is ("in the wake of the bombing", "in the aftermath of the attacks")
_AFTER = frozenset({"after", "following", "since"})
_WAKE = frozenset({"wake", "aftermath"})


def _time_anchor(tok: Any) -> bool:
    """Is the event noun the time of another act: "after the riots", "following the attack and the fire", "in the
    aftermath of the bombing"?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("pobj", "dobj"):
        return False
    prep = tok.head
    if prep.lower_ in _AFTER and prep.dep_ in ("prep", "advcl", "acl") and prep.head.i != prep.i:
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _WAKE


def _unnamed_doer(tok: Any, code: str, cand: Candidate) -> bool:
    """May the candidate, whose parse names no source actor, be coded with an empty source?"""
    if code[:2] not in UNNAMED_DOER_ROOTS or code[:3] in DECREES or tok.lemma_.lower() in UNNAMED_DOER_NOT \
            or tok.lower_ in UNNAMED_DOER_NOT:
        return False
    return cand.model is None or (cand.confidence or 0.0) >= UNNAMED_DOER_MODEL_AT


# prepositions whose object is what the head word's act is about ("an offer of mediation", "calls for talks")
_ABOUT = frozenset({"of", "for", "on", "to", "about"})
# prepositions placing someone in detention ("began a hunger strike in Israeli jails", "died in custody"): a state,
# not an arrest seen done
_OPERAND_DEPS = frozenset({"dobj", "obj", "pobj", "compound", "conj", "appos", "xcomp", "acl", "amod"})
_HELD_IN = frozenset({"in", "into", "from", "out", "inside", "at"})


def _operand(tok: Any, code: str, taken: set[int]) -> bool:
    """Is the word what another candidate of its sentence acts on: its object, or in its object's phrase
    ("accepted Brazil's offer of mediation", "called for protests", "release the detained journalists")?  Then it
    is no act seen done by itself.  A detention noun placing someone ("in Israeli jails") is a state, not an act."""
    if (code[:2] == "17" and tok.pos_ != "VERB" and tok.dep_ == "pobj" and tok.head.lower_ in _HELD_IN):
        return True
    cur = tok
    for _ in range(6):
        dep = cur.dep_
        if cur.head.i == cur.i or not (dep in _OPERAND_DEPS or (dep == "prep" and cur.lower_ in _ABOUT)):
            return False
        cur = cur.head
        if cur.i in taken:
            return True
    return False


def _patients_named(tok: Any, args: ActorIndex) -> list[str]:
    """The actors an act with no doer named is done to: a passive's subject ("Besigye was arrested"), a verb's
    object ("shot two police officers") or a noun's of/against/on-phrase ("the arrest of Navalny")."""
    if tok.pos_ == "VERB":
        deps = ("nsubjpass", "dobj", "obj")
        heads = [c for c in tok.children if c.dep_ in deps]
    else:
        heads = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "on")
                 for g in c.children if g.dep_ == "pobj"]
    return [a for h in heads for a in args.in_tokens(noun_phrase(h))]


def _conjoined(tok: Any) -> list[Any]:
    """Verbs coordinated with ``tok`` ("shelled and captured"), either way."""
    out = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        out.append(tok.head)
    return out


# verbs that act on an event named as their object: "suspended talks", "called off the meeting" (no talks)
OPERATORS = frozenset({"suspend", "halt", "cancel", "postpone", "end", "abandon", "boycott", "reject", "refuse",
                       "freeze", "stop", "delay", "scrap", "quit", "launch", "resume"})


def _absorbed(sdoc: Any, cands: list[Candidate]) -> set[int]:
    """Tokens of noun candidates that are what a verb candidate acts on, so part of the verb's event, not
    events of their own: "suspend talks" (a halt of negotiations, no talks), "launched an attack", "demanded an
    apology" (what is asked for)."""
    verbs = {c.token: c for c in cands if sdoc[c.token].pos_ == "VERB"}
    by_token = {c.token: c for c in cands}
    out: set[int] = set()
    for c in cands:
        tok = sdoc[c.token]
        if c.cameo[:2] in ("02", "10") and _protest_purpose(tok, by_token):
            out.add(c.token)
            continue
        if _theme_of(tok, by_token):
            out.add(c.token)
            continue
        if tok.pos_ == "VERB":
            continue
        obj = tok
        while obj.dep_ == "conj" and obj.head.i != obj.i:  # "suspended talks and cooperation"
            obj = obj.head
        # "called for sanctions against Belarus": what a row naming it in its obj: condition calls for is part of
        # that row's event (rallying opposition, 113), no hypothetical sanctions of the caller's own
        caller = obj.head.head if obj.dep_ == "pobj" and obj.head.lower_ == "for" else None
        if caller is not None and caller.i in by_token and tok.lemma_.lower() in _obj_words(by_token[caller.i]):
            out.add(c.token)
            continue
        if obj.dep_ not in ("dobj", "obj", "nsubjpass") or obj.head.i not in verbs:
            continue
        verb = verbs[obj.head.i]
        words = _obj_words(verb)
        # what an appeal or demand (02, 10) asks for, naming no doer of its own, is not done by the asker: "demanded an
        # apology from Japan" ("demanded the release of its citizens by Kosovo police" keeps the police's release)
        if (obj.head.lemma_.lower() in OPERATORS or tok.lemma_.lower() in words or tok.lower_ in words
                or (verb.cameo[:2] in ("02", "10") and not _names_its_doer(tok))):
            out.add(c.token)
    return out


# prepositions naming what a verbal or cooperative act is about ("agreed to talks", "conceded to the strikers'
# demands", "threatened Kenya over its raids", "defended Syria against the charges"); not
# those of place and time ("talks in Cairo", "after the fighting")
THEME_PREPS = frozenset({"to", "over", "against", "for", "about", "of", "on", "with", "into"})
# roots of acts whose prepositional object is what they are about, not an act reported with them: statements,
# appeals, intents, consultations, cooperation, aid, yielding, investigations, demands, rejections, threats (01-10,
# 12, 13).  Not accusations and complaints (11: "accused the army of killing civilians", "complained over the raids":
# the act alleged is the accused's, coded as such, ``sources``), nor force and coercion ("retook the town after fierce
# fighting", "arrested for the bombing")
THEME_ROOTS = frozenset(f"{n:02d}" for n in (*range(1, 11), 12, 13))


def _theme_of(tok: Any, by_token: dict[int, Candidate]) -> bool:
    """Is the candidate word (an event noun, or a verb after a preposition: "for shelling") what another candidate
    of its sentence, of a verbal or cooperative root (:data:`THEME_ROOTS`), is about, by one of :data:`THEME_PREPS`
    ("agreed to Kenyan mediation", "conceded to the strikers' demands", "defended Syria against the charges")?  Then
    it is part of that event (what is agreed, conceded, asked or threatened over), not an event of its own."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "agreed to talks and a truce"
        tok = tok.head
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.dep_ != "prep" or tok.head.lower_ not in THEME_PREPS:
        return False
    gov = by_token.get(tok.head.head.i)
    return gov is not None and gov.token != tok.i and gov.cameo[:2] in THEME_ROOTS


# how a protest's purpose hangs on it: "staged demonstrations to demand reforms", "blocked roads demanding that ...",
# "blocked roads to press their demands"
_PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "dobj", "obj", "pobj", "prep"})


def _protest_purpose(tok: Any, by_token: dict[int, Candidate]) -> bool:
    """Is the appeal or demand ``tok`` the purpose of a protest candidate of its sentence ("Students
    demonstrated in Jakarta, demanding reforms")?  Then it is what the protest (14) asks, part of its event."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in _PURPOSE_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
        # the protest word, or the object of a light verb ("began a hunger strike to demand ...")
        for word in (cur, *(c for c in cur.children if c.dep_ in ("dobj", "obj"))):
            other = by_token.get(word.i)
            if other is not None and other.cameo[:2] == "14":
                return True
    return False


def _obj_words(cand: Candidate) -> set[str]:
    """The words the candidate's row names in its obj: condition
    ("call<TAB>VERB<TAB>082<TAB>prt:off;obj:strike|boycott")."""
    return {w for part in (cand.rule or "").split("\t")[3:4] for c in part.split(";") if c.startswith("obj:")
            for w in c[4:].split("|")}


def _names_its_doer(tok: Any) -> bool:
    """Does an act noun name its doer: a possessor ("Japan's apology") or a by-phrase, also one the parser hung on
    its of-phrase ("the release of its citizens by Kosovo police")?"""
    if any(c.dep_ == "poss" for c in tok.children):
        return True
    # the of-phrase's own possessor is whose the patients are, no doer: "the release of their leaders"
    heads = [tok, *(p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)]
    return any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for h in heads for c in h.children)


# the rejection (CAMEO 12) that a cooperative act not done is: "will not release the prisoners" (1243), "failed to
# reach agreement" (127), "did not meet" (125); by code prefix, the longest that fits wins
REFUSALS = {
    "03": "120", "04": "125", "05": "120", "057": "127", "06": "121", "07": "122", "08": "124", "081": "1241",
    "083": "123", "0841": "1243", "085": "1244", "086": "1245", "087": "1246",
}  # fmt: skip


def _refusal(ev: Event, status: str | None, number: int) -> Event | None:
    """"Israel will not release the prisoners", "the two sides failed to reach agreement", "did not give
    permission": a cooperative act (CAMEO 03-08) said not to be done or not to be going to be done is a rejection
    (12x) by its source of its target, reported now (the act itself stays, negated).  ``None`` for anything else,
    and for a negation only supposed ("would not release them if ...")."""
    if not ev.negated or status == "hypothetical":
        return None
    code = next((REFUSALS[ev.cameo[:n]] for n in (4, 3, 2) if ev.cameo[:n] in REFUSALS), None)
    if code is None:
        return None
    entry = lookup(code)
    return Event(
        id=f"e{number}", cameo=code, plover=entry.plover, label=entry.label, goldstein=entry.goldstein,
        quad_class=entry.quad_class, source=list(ev.source), target=list(ev.target), evidence=ev.evidence,
        trigger=ev.trigger, plover_mode=entry.plover_mode, plover_context=entry.plover_context,
        found_by=ev.found_by, rule=f"refusal\t{ev.rule}" if ev.rule else "refusal", model=ev.model,
        confidence=ev.confidence, status="reported",
    )


def _demand(tok: Any, ev: Event, args: ActorIndex, number: int) -> Event | None:
    """"Iran says Azerbaijan must halt its attacks on Armenia": the attacks are not reported as done (hypothetical);
    the sayer demands the act of the one obliged (CAMEO 10)."""
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("dobj", "obj") else None
    if verb is None or verb.pos_ != "VERB":
        return None
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and obliged_by(verb) is None:
        verb = verb.head  # "must stop shelling ...", "must cease bombing ...": the obligation is on the verb above
    sayer = obliged_by(verb)
    if sayer is None:
        return None
    src = [a for c in sayer.children if c.dep_ in ("nsubj", "nsubjpass") for a in args.in_tokens(noun_phrase(c))]
    tgt = [a for a in ev.source if a not in src]
    if not src or not tgt:
        return None
    entry = lookup("100")
    return Event(
        id=f"e{number}", cameo="100", plover=entry.plover, label=entry.label, goldstein=entry.goldstein,
        quad_class=entry.quad_class, source=src, target=tgt, evidence=ev.evidence, trigger=ev.trigger,
        plover_mode=entry.plover_mode, plover_context=entry.plover_context, found_by=ev.found_by,
        rule=f"obligation\t{ev.rule}" if ev.rule else "obligation", model=ev.model, confidence=ev.confidence,
    )


def _conditional_threat(tok: Any, ev: Event, args: ActorIndex, number: int) -> Event | None:
    """"Tehran would suspend talks should Washington impose sanctions": besides the two hypothetical events,
    a threat (13x) -- or for an offer a promise (03x) -- by the consequence's source to the condition's."""
    if ev.status != "hypothetical" or tok.pos_ != "VERB" or ev.negated:
        return None
    cond = condition_of(tok)
    code = conditional_intent(ev.cameo, ev.goldstein) if cond is not None else None
    if cond is None or code is None:
        return None
    target = [a for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")
              for a in args.in_tokens(noun_phrase(c)) if a not in ev.source] or list(ev.target)
    try:
        entry = lookup(code)
    except KeyError:
        return None
    return Event(
        id=f"e{number}", cameo=code, plover=entry.plover, label=entry.label, goldstein=entry.goldstein,
        quad_class=entry.quad_class, source=list(ev.source), target=target, evidence=ev.evidence,
        trigger=ev.trigger, plover_mode=entry.plover_mode, plover_context=entry.plover_context,
        found_by=ev.found_by, rule=f"conditional\t{ev.rule}" if ev.rule else "conditional", model=ev.model,
        confidence=ev.confidence,
    )


__all__ = ["Candidate", "Coder", "extract"]
