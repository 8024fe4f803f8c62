"""Events: CAMEO-coded actions with source and target actors, over the dependency parse.

Triggers are readable data (``knowledge/data/triggers.tsv``: lemma, part of
speech, CAMEO code, condition).  For each trigger the arguments come from the
parse:

* verbs: subject -> source (the ``by`` agent for passives, the governing
  verb's subject for "to"-clauses and conjoined verbs); object and
  ``with/to/against/on`` phrases -> target;
* nouns: possessor, ``of``/``by`` phrase -> source, ``between X and Y`` ->
  X and Y, ``with``/``to`` phrase -> target; a noun that is the object of a
  verb ("held talks", "made a phone call") takes that verb's subject;
* a place as destination ("to Damascus") makes its country the target.

A definite event noun with no participants of its own ("the visit", "the
meeting") is a reference to an earlier event, not a new one: it is recorded
in ``Event.references`` and links the events of one episode, so what a later
sentence says about "the visit" (who reported it, whether it is confirmed)
reaches every event of that visit.  An in-person encounter inherits the place
of its episode; a phone call never does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...knowledge.cameo import intent_code, lookup
from ...knowledge.countries import country_name, resolve_country
from ...knowledge.triggers import Trigger, TriggerTable, default_triggers
from ...model import Actor, Doc, Event, Evidence, Location, Mention, Span
from ...pipeline import stage
from ...textutil import find_quotes
from ..place import event_location
from ..time import event_date
from .model import EventModel, Prediction

SYMMETRIC = frozenset({"040", "041", "044", "046", "036", "057", "193"})
IN_PERSON = frozenset({"040", "042", "043", "044", "045", "046"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "upon")
ANAPHOR_DETS = frozenset({"the", "this", "that", "these", "those", "such"})
# event nouns, by family, that a definite reference can point back to
FAMILIES: dict[str, frozenset[str]] = {
    "visit": frozenset({"042", "043"}),
    "trip": frozenset({"042", "043"}),
    "meeting": frozenset({"040", "042", "043", "044", "046"}),
    "talk": frozenset({"040", "042", "043", "044", "046"}),
    "talks": frozenset({"040", "042", "043", "044", "046"}),
    "discussion": frozenset({"040", "042", "043", "044", "046", "041"}),
    "summit": frozenset({"040", "043", "044"}),
    "call": frozenset({"041"}),
    "conversation": frozenset({"041", "040"}),
    "negotiation": frozenset({"046", "040"}),
    "move": frozenset({"050", "054", "161", "163"}),
    "step": frozenset({"050", "054", "161", "163"}),
    "appointment": frozenset({"050"}),
    "sanction": frozenset({"163"}),
    "sanctions": frozenset({"163"}),
    "reappointment": frozenset({"050"}),
    "attack": frozenset({"190", "193", "194", "195"}),
    "shooting": frozenset({"190", "193"}),
    "shelling": frozenset({"194", "190"}),
    "bombing": frozenset({"195", "183", "190"}),
    "incident": frozenset({"190", "193", "194", "195", "171", "173"}),
    "strike": frozenset({"190", "195"}),
}
OWN_AGENT_CODES = frozenset({"050", "161", "054"})
SPOKEN_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
PLANNED_AUX = frozenset({"will", "shall"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would"})


def triggers() -> TriggerTable:
    """The bundled trigger table."""
    return default_triggers()


def _condition_holds(tok: Any, cond: str | None) -> bool:
    if cond is None:
        return True
    kind, _, words = cond.partition(":")
    wanted = set(words.split("|"))
    if kind == "sub":
        return any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in tok.subtree)
    if kind == "near":
        doc = tok.doc
        window = doc[max(tok.sent.start, tok.i - 4) : min(tok.sent.end, tok.i + 5)]
        return any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in list(tok.children) + list(window))
    if kind == "obj":
        for child in tok.children:
            if child.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd") or (
                    child.dep_ == "prep" and child.lower_ in ("of", "for", "on")):
                if any(t.lemma_.lower() in wanted or t.lower_ in wanted for t in child.subtree):
                    return True
        return False
    return False


def match_trigger(tok: Any, table: TriggerTable | None = None) -> Trigger | None:
    """The first row of the table whose word, part of speech and condition fit the token."""
    if tok.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN"
    rows = table if table is not None else default_triggers()
    for key in dict.fromkeys((tok.lemma_.lower(), tok.lower_)):
        for trig in rows.get(key, []):
            if trig.pos in (pos, "ANY") and _condition_holds(tok, trig.condition):
                return trig
    return None


class ActorIndex:
    """Actor lookup by token for one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_char: list[tuple[Span, str]] = [(m.span, m.actor_id) for m in doc.mentions if m.actor_id]
        self.kinds = {a.id: a.kind for a in doc.actors}

    def at(self, tok: Any, *, outlets: bool = False) -> list[str]:
        """Actors mentioned at a token (news outlets only when asked: they are never parties)."""
        out: list[str] = []
        for span, aid in self.by_char:
            if span.start <= tok.idx < span.end and aid not in out and (outlets or self.kinds.get(aid) != "outlet"):
                out.append(aid)
        return out

    def in_tokens(self, toks: Iterable[Any], *, outlets: bool = False) -> list[str]:
        out: list[str] = []
        for t in toks:
            for aid in self.at(t, outlets=outlets):
                if aid not in out:
                    out.append(aid)
        return out


_SKIP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "appos", "parataxis"})


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


def subject_of(verb: Any, args: ActorIndex) -> tuple[list[str], bool]:
    """Source actors of a verb and whether the verb is passive."""
    cur = verb
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "The two ministers called on ...": a finite verb the parser hung on its subject as a clause
        return args.in_tokens(noun_phrase(verb.head)), False
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in ("nsubj", "csubj"):
                return args.in_tokens(noun_phrase(child)), False
            if child.dep_ == "nsubjpass":
                for c2 in cur.children:
                    if c2.dep_ == "agent":
                        return args.in_tokens(t for p in c2.children for t in noun_phrase(p)), True
                return [], True
        if cur.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
            if cur.pos_ == "ADP" and cur.head.i != cur.i:  # "opened the session by appealing ..."
                cur = cur.head
            if cur.pos_ not in ("VERB", "AUX"):
                break
            continue
        break
    return [], False


TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate", "consider", "review", "address", "raise"})


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


def _objects(tok: Any, args: ActorIndex) -> list[str]:
    """Targets of a verb: its object and with/to/against phrases (what is discussed is a topic, not a party)."""
    out: list[str] = []
    topic = tok.lemma_.lower() in TOPIC_VERBS
    for child in tok.children:
        if child.dep_ in ("dobj", "obj", "dative", "attr") and not topic:
            out += args.in_tokens(noun_phrase(child))
            # "described the discussions with Evkurov" / "welcomed the decision of X"
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in ("with", "by", "of", "to", "on", "against"):
                    out += args.in_tokens(t for p in grand.children for t in noun_phrase(p))
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            out += args.in_tokens(t for p in child.children for t in noun_phrase(p))
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


def _noun_args(tok: Any, args: ActorIndex, *, climb: bool = True) -> tuple[list[str], list[str]]:
    src, tgt = _between(tok, args)
    if not (src or tgt) and tok.dep_ in ("dobj", "pobj", "attr") and tok.head.pos_ == "VERB":
        # "followed a phone call on November 3 between A and B": the parser often hangs "between" on the verb
        src, tgt = _between(tok.head, args)
    if src or tgt:
        return src, tgt
    src, tgt = [], []
    for child in tok.children:
        if child.dep_ == "poss":
            src += args.in_tokens(noun_phrase(child))
        elif child.dep_ == "prep" and child.lower_ in ("of", "by"):
            src += args.in_tokens(t for p in child.children for t in noun_phrase(p))
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            tgt += args.in_tokens(t for p in child.children for t in noun_phrase(p))
        elif child.dep_ in ("compound", "amod", "nmod"):
            src += args.in_tokens([child])
    if climb and not src and tok.dep_ in ("dobj", "obj", "pobj") and tok.head.pos_ in ("VERB", "ADP"):
        verb = tok.head if tok.head.pos_ == "VERB" else tok.head.head
        if verb.pos_ == "VERB":
            src, _ = subject_of(verb, args)
            if not tgt:
                tgt = [a for a in _objects(verb, args) if a not in src]
    return list(dict.fromkeys(src)), list(dict.fromkeys(tgt))


def _destination(doc: Doc, tok: Any) -> tuple[str, Span] | None:
    """Country (ISO3) of a place the trigger moves to or happens in ("to Damascus", "in Damascus")."""
    if tok.lemma_ in ("visit", "travel", "arrive"):
        preps: tuple[str, ...] = ("to", "in", "into")
    elif tok.lemma_ in ("recall", "withdraw", "expel"):
        preps = ("from", "to", "in")
    else:
        preps = ("to", "in", "into", "at", "on", "against")
    # aid goes where its convoy goes: "dispatched a convoy of trucks carrying food to the city of Derna"
    scope = list(tok.subtree) if tok.lemma_ in ("send", "dispatch", "deliver", "provide") else _clause_tokens(tok)
    for t in scope:
        if _governed_place(t, tok, preps):
            for pl in doc.places:
                if pl.span.start <= t.idx < pl.span.end and pl.country:
                    return pl.country, pl.span
    return None


_PLACE_NOUNS = frozenset({"city", "town", "capital", "port", "village", "region", "province", "area", "outskirts"})


def _governed_place(t: Any, trigger: Any, preps: tuple[str, ...]) -> bool:
    """``t`` names where the trigger goes or happens: "to Damascus", "visited Riyadh", "to the city of Derna"."""
    if t.dep_ == "pobj" and t.head.lower_ in preps:
        return True
    if t.dep_ == "dobj" and t.head.i == trigger.i:
        return True
    of = t.head
    return (t.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_ in _PLACE_NOUNS
            and of.head.dep_ == "pobj" and of.head.head.lower_ in preps)


def _clause_tokens(tok: Any) -> list[Any]:
    """The trigger's subtree without the clauses hanging off it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in _SKIP_DEPS:
            out.extend(_clause_tokens(child))
    return out


def _is_country(doc: Doc, actor_id: str, extra: list[Actor]) -> bool:
    return any(a.id == actor_id and a.kind == "country" for a in list(doc.actors) + extra)


def _country_actor(doc: Doc, iso: str, span: Span, extra: list[Actor], mentions: list[Mention]) -> str:
    for a in list(doc.actors) + extra:
        if a.kind == "country" and a.country == iso:
            return a.id
    a = Actor(id=f"a{len(doc.actors) + len(extra) + 1}", name=country_name(iso), kind="country", code=iso, country=iso)
    extra.append(a)
    mentions.append(Mention(span=span, label="GPE", actor_id=a.id))
    return a.id


def _is_anaphor(tok: Any) -> bool:
    if tok.pos_ != "NOUN":
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    return any(d in ANAPHOR_DETS or d in ("their", "its", "his", "her") for d in dets)


def _mood(tok: Any) -> str | None:
    """planned / hypothetical from the auxiliaries and governing verbs of a trigger."""
    chain = [tok]
    if tok.dep_ in ("xcomp", "dobj", "pobj", "advcl") and tok.head.i != tok.i:
        chain.append(tok.head)
        if tok.head.pos_ == "ADP" and tok.head.head.i != tok.head.i:  # "will visit Ankara for talks"
            chain.append(tok.head.head)
    for t in chain:
        conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children) or any(
            c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in t.children)
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ == "would" and not conditional and _reported(t):
                return "planned"  # "announced that Japan would send ...": the future seen from the past
            if c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical"
            if c.dep_ in ("aux",) and c.lower_ in PLANNED_AUX:
                return "planned"
            if c.dep_ == "mark" and c.lower_ == "if":
                return "hypothetical"
        if t.lemma_ in ("plan", "intend", "expect", "schedule", "prepare") or (
                t.lemma_ == "be" and any(c.lower_ == "to" for c in t.children)):
            return "planned"
    if any(c.lower_ in ("next", "upcoming") for c in tok.children) or any(
            c.dep_ == "amod" and c.lower_ in ("planned", "upcoming", "proposed", "expected", "scheduled")
            for c in tok.children):
        return "planned"
    return None


def _reported(verb: Any) -> bool:
    """Is the verb the complement of a reporting verb ("said that ...", "announced that ...")?"""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_LEMMAS


REPORTING_LEMMAS = frozenset({"say", "announce", "tell", "state", "declare", "confirm", "add", "report", "note",
                              "insist", "stress", "indicate", "reveal", "promise", "pledge", "vow"})


def _negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def learned_triggers(sdoc: Any, event_model: EventModel, table: TriggerTable | None = None) -> dict[int, Prediction]:
    """What the learned coder adds, by token index: words the trigger table does not list at all (a listed
    word whose conditions fail codes nothing: the table has decided), and not a light verb whose object the
    table codes ("held a phone call": the call is the event)."""
    rows = table if table is not None else default_triggers()
    out: dict[int, Prediction] = {}
    cands = [t for t in event_model.candidates(sdoc) if not _listed(t, rows)]
    for p in event_model.predict(cands, table=rows):
        tok = sdoc[p.token]
        objects = [c for c in tok.children if c.dep_ in ("dobj", "obj", "attr")]
        objects += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if any(match_trigger(o, rows) is not None for o in objects):
            continue
        out[p.token] = p
    return out


def _listed(tok: Any, rows: TriggerTable) -> bool:
    return any(k in rows for k in (tok.lemma_.lower(), tok.lower_))


def extract(doc: Doc, *, table: TriggerTable | None = None, event_model: EventModel | None = None,
            ) -> tuple[list[Event], list[Actor], list[Mention]]:
    """Coded events, plus country actors and mentions added for destinations.

    The trigger table decides first; a word it does not code is coded by ``event_model`` (the learned coder)
    when the model finds an event there, and the event then needs a target (or is a protest).
    """
    sdoc = doc.nlp
    learned = {} if event_model is None else learned_triggers(sdoc, event_model, table)
    args = ActorIndex(doc)
    events: list[Event] = []
    extra_actors: list[Actor] = []
    extra_mentions: list[Mention] = []
    episode: dict[str, int] = {}
    anaphors: list[tuple[Any, str]] = []  # (token of "the visit", id of the event it refers to)
    countries = {a.id: a.country for a in doc.actors}
    quotes = find_quotes(doc.text)
    for tok in sdoc:
        trig = match_trigger(tok, table)
        pred = None
        if trig is None:
            pred = learned.get(tok.i)
            if pred is None:
                continue
            trig = Trigger(tok.lemma_.lower(), "VERB" if tok.pos_ == "VERB" else "NOUN", pred.cameo, None)
        trigger = Span(tok.idx, tok.idx + len(tok))
        sent = doc.sentence_of(tok.idx)
        if tok.pos_ == "VERB":
            src, passive = subject_of(tok, args)
            if not src and not passive:
                src = _stranded_subject(tok, args)
            tgt = _objects(tok, args) if not passive else args.in_tokens(
                t for c in tok.children if c.dep_ == "nsubjpass" for t in noun_phrase(c))
        else:
            own, _ = _noun_args(tok, args, climb=False)
            if not own and _is_anaphor(tok):
                ref = _link_reference(events, tok, trigger, episode)
                if ref is not None:
                    anaphors.append((tok, ref))
                    continue
            src, tgt = _noun_args(tok, args)
        code = trig.cameo
        dest = _destination(doc, tok) if code in ("042", "050", "161", "166") or code[:2] in ("07", "19") else None
        if dest is not None:
            iso, span = dest
            if not any(countries.get(s) == iso for s in src):
                aid = _country_actor(doc, iso, span, extra_actors, extra_mentions)
                countries[aid] = iso
                if aid not in tgt:
                    tgt.append(aid)
        tgt = [t for t in tgt if t not in src]
        if code in OWN_AGENT_CODES:
            # "recalled its ambassador", "appointed a new envoy": the diplomat is the source's own, not a target
            own_countries = {countries.get(s) for s in src}
            tgt = [t for t in tgt if countries.get(t) not in own_countries or _is_country(doc, t, extra_actors)]
        if not tgt:
            tgt = [t for t in _target_of_event_object(tok, events) if t not in src]
        if not tgt and tok.pos_ == "VERB" and code[:2] in ("02", "10", "11", "12", "13"):
            # "demanded that the US cancel ...", "urged Iran to ...": whoever is asked to act
            tgt = [t for t in _clause_subject(tok, args) if t not in src]
        if not tgt and tok.pos_ == "VERB":
            # "rejected an Indian proposal", "denounced Serbia's suppression": the country the object belongs to
            found = _object_country(tok)
            if found is not None and not any(countries.get(s) == found[0] for s in src):
                aid = _country_actor(doc, found[0], found[1], extra_actors, extra_mentions)
                countries[aid] = found[0]
                tgt = [aid]
        if not tgt and code[:2] in ("17", "18", "19", "20"):
            # "opened fire with small arms on Armenian positions": whoever the force is aimed at
            tgt = [t for t in args.in_tokens(x for x in _clause_tokens(tok) if x.dep_ == "pobj"
                                             and x.head.lower_ in ("on", "against", "at", "into"))
                   if t not in src]
        if not src:
            continue
        if pred is not None and not tgt and not (len(src) >= 2 and code in SYMMETRIC | IN_PERSON) \
                and code[:2] != "14":
            continue
        if not tgt and len(src) >= 2 and code in SYMMETRIC | IN_PERSON:
            src, tgt = src[:1], src[1:]
        if code in ("042",) and tgt and all(countries.get(t) == countries.get(src[0]) for t in tgt) and not dest:
            continue
        try:
            entry = lookup(code)
        except KeyError:
            continue
        s = doc.sentences[sent]
        ev = Event(
            id=f"e{len(events) + 1}", cameo=code, plover=entry.plover, label=entry.label, goldstein=entry.goldstein,
            quad_class=entry.quad_class, source=src, target=tgt, evidence=Evidence(sent, s.start, s.end),
            trigger=trigger, plover_mode=entry.plover_mode, plover_context=entry.plover_context,
            negated=_negated(tok),
        )
        if pred is None:
            ev.rule = "\t".join([trig.lemma, trig.pos, trig.cameo] + ([trig.condition] if trig.condition else []))
        else:
            ev.found_by, ev.confidence = "model", pred.confidence
            ev.model = f"{event_model.name}/{event_model.version}" if event_model is not None else None
        mood = _mood(tok)
        if mood:
            ev.status = mood  # type: ignore[assignment]
            ev.intent = intent_code(code)
        if _duplicate(events, ev) or (tok.pos_ != "VERB" and _restates(events, ev)):
            continue
        ev.location = _location(doc, tok, sent, trigger, quotes)
        # "The visit marked ..., as Evkurov met ...": an in-person event in a clause governed by the verb whose
        # subject refers to an earlier in-person event is part of that event's occasion
        if tok.pos_ != "VERB" and ev.cameo in IN_PERSON:
            # "visited Riyadh last Tuesday for talks with ...": the talks are part of the visit
            for other in events:
                if other.evidence.sentence == sent and other.cameo in IN_PERSON and any(
                        a.idx == other.trigger.start for a in tok.ancestors):
                    episode[ev.id] = _episode_id(episode, other.id)
        for ana, ref_id in anaphors:
            if ana.sent == tok.sent and ana.dep_ in ("nsubj", "nsubjpass") and ana.head in tok.ancestors \
                    and ev.cameo in IN_PERSON and any(o.id == ref_id and o.cameo in IN_PERSON for o in events):
                episode[ev.id] = _episode_id(episode, ref_id)
        events.append(ev)
    for ev in events:
        ev.episode = episode.get(ev.id)
    events = _merge_restatements(events)
    for ev in events:
        refs = [r for o in events if o is ev or (ev.episode is not None and o.episode == ev.episode)
                for r in [o.trigger, *o.references]]
        ev.date = event_date(doc, sentence=ev.evidence.sentence, trigger=ev.trigger, refs=refs)
    _inherit_places(events)
    return events, extra_actors, extra_mentions


def _episode_id(episode: dict[str, int], event_id: str) -> int:
    if event_id not in episode:
        episode[event_id] = len(set(episode.values())) + 1
    return episode[event_id]


def _link_reference(events: list[Event], tok: Any, span: Span, episode: dict[str, int]) -> str | None:
    """Record a definite event noun as a reference to the latest earlier event of its family; its id."""
    family = FAMILIES.get(tok.lemma_.lower()) or FAMILIES.get(tok.lower_) or frozenset(
        t.cameo for t in triggers().get(tok.lemma_.lower(), []))
    if not family:
        return None
    for ev in reversed(events):
        if ev.cameo in family:
            ev.references.append(span)
            _episode_id(episode, ev.id)
            return ev.id
    return None


def _duplicate(events: list[Event], ev: Event) -> bool:
    """Same sentence, same CAMEO root, and no participant the earlier event lacks
    ("met X in Nairobi to discuss ..." is one consultation, not two)."""
    mine = set(ev.source) | set(ev.target)
    for other in events:
        if other.evidence.sentence == ev.evidence.sentence and other.cameo[:2] == ev.cameo[:2] and (
                mine <= set(other.source) | set(other.target)):
            return True
    return False


def _location(doc: Doc, tok: Any, sent: int, trigger: Span, quotes: list[Span]) -> Location | None:
    """The event's place: a place named as where the trigger happens ("met ... in Nairobi", "visited Riyadh",
    "led a delegation to Damascus, Syria"), never one inside a quote or a place that is a party to it."""
    loc = event_location(doc, sentence=sent, trigger=trigger)
    if loc is None or loc.evidence is None or any(q.contains(loc.evidence) for q in quotes):
        return None
    anchors = _anchors(tok)
    if tok.pos_ != "VERB" and tok.head.pos_ in ("VERB", "ADP"):
        anchors.add(tok.head.i if tok.head.pos_ == "VERB" else tok.head.head.i)
    visit = tok.lemma_.lower() in ("visit", "tour", "host")
    sdoc = tok.doc
    for t in sdoc[tok.sent.start : tok.sent.end]:
        if loc.evidence.start <= t.idx < loc.evidence.end and _locative(t, anchors, visit=visit):
            return loc
    return None


_NON_LOCAL_PREPS = frozenset({"for", "about", "over", "with", "by", "despite", "after", "before", "since", "like",
                              "than", "between", "among", "against", "toward", "towards", "around"})


def _anchors(tok: Any) -> set[int]:
    """Tokens a locative phrase of the event may hang on (the parser often attaches "in Cairo" to the object):
    the trigger's own phrase, without clauses and without phrases that say why, with whom or about what."""
    out = {tok.i}
    topic = tok.lemma_.lower() in TOPIC_VERBS  # "discussed patrols in the South China Sea": a topic, not a place
    for child in tok.children:
        if child.dep_ in _SKIP_DEPS or child.dep_ in ("xcomp", "conj", "cc") or (
                child.dep_ == "prep" and child.lower_ in _NON_LOCAL_PREPS) or (topic and child.dep_ in ("dobj", "obj")):
            continue
        out |= _anchors(child)
    return out


LOCATIVE_PREPS = frozenset({"in", "at", "to", "near", "outside", "inside", "into", "across", "around", "within",
                            "throughout", "on", "over", "off"})


def _locative(tok: Any, anchors: set[int], *, visit: bool) -> bool:
    """A place named as where something happens, attached to one of the ``anchors`` (the trigger, its object,
    its verb), not a party to it ("praised Kenya")."""
    for _ in range(3):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in LOCATIVE_PREPS and tok.head.head.i in anchors
        if tok.dep_ in ("dobj", "obj"):
            return visit and tok.head.i in anchors
        if tok.dep_ in ("appos", "compound", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return False
    return False


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


def _merge_restatements(events: list[Event]) -> list[Event]:
    """Within one report, a later sentence with the same kind of event between the same parties, in the same
    mood and not placed elsewhere, is the same event told again ("The ministers also discussed ...")."""
    kept: list[Event] = []
    for ev in events:
        parties = set(ev.source) | set(ev.target)
        same = next((k for k in kept if k.cameo[:2] == ev.cameo[:2] and set(k.source) | set(k.target) == parties
                     and k.status == ev.status and k.negated == ev.negated
                     and (k.location is None or ev.location is None or k.location.name == ev.location.name)), None)
        if same is None:
            kept.append(ev)
            continue
        same.references.append(ev.trigger)
        same.location = same.location or ev.location
    for n, ev in enumerate(kept, 1):
        ev.id = f"e{n}"
    return kept


def _restates(events: list[Event], ev: Event) -> bool:
    """An event noun in the sentence of an earlier event with the same code restates it
    ("X arrived in Baghdad, the first visit by a Turkish minister in two years")."""
    return any(o.evidence.sentence == ev.evidence.sentence and o.cameo == ev.cameo for o in events)


def _inherit_places(events: list[Event], *, window: int = 3) -> None:
    """In-person events with no place of their own take the place of their episode, else where one of their
    participants was last placed by an in-person event in the few sentences before; statements, appeals and
    signatures take their source's last such place.  Phone calls never do."""
    by_episode: dict[int, Location] = {}
    for ev in events:
        if ev.episode is not None and ev.location is not None and ev.cameo in IN_PERSON:
            by_episode.setdefault(ev.episode, ev.location)
    last_seen: dict[str, Event] = {}
    for ev in events:
        if ev.cameo not in IN_PERSON:
            # what a person says or signs happens where they are: inherit, but never place anything
            if ev.location is None and ev.cameo != "041" and ev.cameo[:2] in SPOKEN_ROOTS \
                    and ev.status not in ("planned", "hypothetical"):
                seen = [last_seen[a] for a in ev.source if a in last_seen]
                if seen and ev.evidence.sentence - seen[0].evidence.sentence <= window:
                    ev.location = seen[0].location
            continue
        if ev.location is None and ev.episode is not None:
            ev.location = by_episode.get(ev.episode)
        if ev.location is None and ev.status not in ("planned", "hypothetical"):
            for aid in ev.source + ev.target:
                seen_ev = last_seen.get(aid)
                if seen_ev is not None and ev.evidence.sentence - seen_ev.evidence.sentence <= window:
                    # the same people, together again, in the next sentences: one occasion
                    ev.location = seen_ev.location
                    if seen_ev.episode is None:
                        seen_ev.episode = max((e.episode or 0 for e in events), default=0) + 1
                    ev.episode = seen_ev.episode
                    if _undated(ev) and not _undated(seen_ev):
                        ev.date = seen_ev.date
                    break
        if ev.location is not None and ev.status not in ("planned", "hypothetical"):
            for aid in ev.source + ev.target:
                last_seen[aid] = ev


def _undated(ev: Event) -> bool:
    return ev.date is None or ev.date.evidence is None


def attach(doc: Doc, events: list[Event], actors: list[Actor], mentions: list[Mention]) -> None:
    doc.events = events
    if actors:
        doc.actors.extend(actors)
        for m in mentions:
            doc.mentions.append(m)
        doc.mentions.sort(key=lambda m: (m.span.start, m.span.end))
        for a in doc.actors:
            a.mentions = [i for i, m in enumerate(doc.mentions) if m.actor_id == a.id]


@stage("communique.events.v1", requires=["nlp", "sentences", "actors", "timexes", "places"], assigns=["events"])
class EventStage:
    def __init__(self, trigger_table: TriggerTable | None = None, event_model: EventModel | None = None) -> None:
        self.table = trigger_table
        self.event_model = event_model

    def __call__(self, doc: Doc) -> Doc:
        attach(doc, *extract(doc, table=self.table, event_model=self.event_model))
        return doc
