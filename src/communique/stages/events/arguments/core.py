"""``find_arguments``: the source and target actor ids of one trigger, wiring the verbal (``objects``,
``clauses``, ``..sources``) and nominal (``nominal``) finders with the place and country fallbacks.

Actors are ids of ``doc.actors``; offsets are characters into ``Article.text``.
"""

from __future__ import annotations

from typing import Any

from ....knowledge.countries import resolve_country
from ....model import Actor, Doc, Event, Mention, Span
from .._codes import FORCES_MOVED, IN_PERSON, MUTUAL_ROOTS, OWN_AGENT_CODES, SYMMETRIC
from ..episodes import FAMILIES
from ..force import FORCE_ROOTS, attack_place, done_by_itself, force_doer_word, is_force_noun, victims
from ..modality import condition_of
from ..phrases import ActorIndex, noun_phrase
from ..place_targets import (
    _place_at,
    clause_tokens,
    country_actor,
    destination,
    forces_actor,
    is_country,
    mistaken_place,
    place_target,
)
from ..sources import (
    SUBJECT_DEPS,
    _clause_subject,
    _episode_agent,
    _patients,
    _previous_agent,
    _stranded_subject,
    asks_another,
    located_source,
    subject_of,
)
from ..triggers import triggers
from .clauses import (
    COORDINATED_MUTUAL,
    HELD_ROOTS,
    RECEIVED_ACTS,
    TRANSFER_VERBS,
    _agent_country,
    _awaited,
    _coordinated,
    _purpose_targets,
    _recipient,
    _recipient_phrases,
    _taken_from,
)
from .nominal import ACT_NOUN_ENDINGS, _doer_country, _noun_args, event_doer
from .objects import JUDGED_ROOTS, PROTESTING_ROOTS, _object_country, _objects, acts_against
from .suppressed import SUPPRESSING_ROOTS, suppressed_doers

COMPLAINED_PREPS = frozenset({"about", "over", "against"})


# roots whose event, with no party named, is aimed at the country of the place it is done in or for
PLACE_TARGET_ROOTS = frozenset({"03", "06", "07", "08", "13", "14", "15", "16", "17", "18", "20"})
# codes whose object may be a place the actors stage took for a party: force, occupation, visits, withdrawals
PLACE_PARTY_ROOTS = frozenset({"18", "19", "20"})
PLACE_PARTY_CODES = frozenset({"042", "171", "087", "0874", "0871"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
# entity types of times: "at 4pm (1300 GMT)" is no one aimed at
TIMES = frozenset({"TIME", "DATE"})
# roots of asking, demanding and warning someone to act ("urged X to ...", "called on X to ...")
ASKING_ROOTS = frozenset({"01", "02", "10", "13"})




def _without_affiliations(doc: Doc, tok: Any, src: list[str], args: ActorIndex,
                          countries: dict[str, str | None]) -> list[str]:
    """Sources without a country named only as the possessor of another source of that country: "Sudan's
    government ended the emergency rule in Darfur" is done by the government (SDN), not by Sudan besides, so
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


# verbs restating one's own side's stance: "reiterated the government's support", "reaffirmed its commitment"
RESTATING = frozenset({"reiterate", "reaffirm", "restate", "renew", "repeat", "express", "voice", "pledge",
                       "underline", "underscore", "stress", "emphasize", "emphasise"})


def _same_side(doc: Doc, ids: list[str], src: list[str], *, restated: bool = False) -> bool:
    """Is every actor of ``ids`` the country a source acts for ("Turkey" in "Erdogan reiterated Turkey's support
    for ...")?  A person or a body of the same country is a party of its own ("the parliament rejected the prime
    minister's deal")."""
    actors = {a.id: a for a in doc.actors}
    own = {a.country for s in src if (a := actors.get(s)) is not None and a.country}
    # ... or, for a stance restated, a body coded as a source is ("Kenya's foreign minister reiterated the Kenyan
    # government's support": both KENGOV; "the White House defended the president's decision" keeps its target)
    codes = {a.code for s in src if (a := actors.get(s)) is not None and a.code} if restated else set()
    return bool(own or codes) and all((a := actors.get(i)) is not None and (
        (a.kind == "country" and a.country in own) or (a.code is not None and a.code in codes)) for i in ids)


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


def _own_country(doc: Doc, iso: str, src: list[str], countries: dict[str, str | None],
                 extra: list[Actor]) -> bool:
    """Is a source the country ``iso`` itself? Its government, police or army act on their own country's places
    ("French police stormed a camp in Calais" is FRA police -> FRA, a domestic dyad, as are protesters at home:
    "Palestinians protested in Hebron" is PSE civilians -> PSE, as the PLOVER GSR codes domestic protests)."""
    return any(countries.get(s) == iso and is_country(doc, s, extra) for s in src)


def _own_state(doc: Doc, aid: str, src: list[str], countries: dict[str, str | None], extra: list[Actor]) -> bool:
    """Is the actor ``aid`` the state of a source's country, its government or its forces ("US funding", "Kenyan
    troops"), a source being that state, government or forces too (Trump, Kenya)?  People of the country acting on
    their state are a domestic dyad."""
    iso = countries.get(aid)
    if iso is None:
        return False
    actors = {a.id: a for a in [*doc.actors, *extra]}
    state = (iso, iso + "GOV", iso + "MIL")
    if not any((a := actors.get(s)) is not None and (a.kind == "country" or a.code in state)
               for s in src if countries.get(s) == iso):
        return False  # "Young Algerians blocked roads to press demands from the government": a domestic dyad
    actor = actors.get(aid)
    return actor is not None and (actor.kind == "country" or actor.code in state)


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


# measures only a state takes: administrative sanctions and bans (172), arrests and detentions (173), expulsions and
# deportations of persons (174)
STATE_MEASURES = frozenset({"172", "173", "174"})


def _state_place(doc: Doc, verb: Any, code: str) -> tuple[str, Span] | None:
    """Country (ISO3) and offsets of the place a state measure coded ``code`` is taken in ("arrested in Niger") or,
    for an expulsion (174), from ("deported from Bahrain"); ``None`` when no place is named."""
    found = destination(doc, verb)
    if found is None and code.startswith("174"):
        found = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                      for t in c.children if t.dep_ == "pobj" if (p := _place_at(doc, t)) is not None), None)
    return found


# prepositions of what a protest is "in protest" of: "in protest against the violations by the security forces"
PROTESTED_PREPS = frozenset({"against", "of", "at", "over"})


def _protested(holder: Any, args: ActorIndex, src: list[str]) -> list[str]:
    """Whom an "in protest against/of/at X" phrase under ``holder`` aims at: whoever did the act X names ("in
    protest of the government's refusal", "against violations by the police"), or X itself when it is no act
    ("in protest against the government"); ``[]`` when it names no one."""
    out: list[str] = []
    for c in holder.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for protest in (p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() == "protest"):
            for what in (w for q in protest.children if q.dep_ == "prep" and q.lower_ in PROTESTED_PREPS
                         for w in q.children if w.dep_ == "pobj"):
                doer = event_doer(what, args) or args.in_tokens(
                    t for b in what.children if b.dep_ in ("prep", "agent") and b.lower_ == "by"
                    for x in b.children for t in noun_phrase(x))  # "abuses by the police"
                if not doer and not triggers().get(what.lemma_.lower()) and not what.lower_.endswith(ACT_NOUN_ENDINGS):
                    doer = args.in_tokens(noun_phrase(what))
                out += [a for a in doer if a not in src]
    return list(dict.fromkeys(out))


def _recipient_place(doc: Doc, verb: Any) -> tuple[str, Span] | None:
    """Country (ISO3) and offsets of the place named by the last to-phrase of a transfer verb that names one
    (``_recipient_phrases``); ``None`` when none does."""
    for prep in reversed(_recipient_phrases(verb)):
        for t in (x for p in prep.children if p.dep_ == "pobj" for x in noun_phrase(p)):
            if (found := _place_at(doc, t)) is not None:
                return found
    return None


# nouns of a deal or of the talks that led to it, and the prepositions placing a concession after them
DEAL_NOUNS = frozenset({"agreement", "deal", "accord", "talks", "deliberation", "negotiation", "consultation",
                        "meeting", "compromise", "settlement", "understanding"})
AFTER_PREPS = frozenset({"after", "following"})


def _agreed_with(verb: Any, args: ActorIndex, src: list[str]) -> list[str]:
    """The other party of the deal a concession follows: "ended the walkout after its deal with the
    government", "after reaching agreement with the government", "following talks with the union"; ``[]`` when
    the verb follows no deal or it names no party."""
    found: list[str] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in AFTER_PREPS):
        deals = [p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in DEAL_NOUNS]
        for reach in (p for p in prep.children if p.dep_ == "pcomp" and p.pos_ == "VERB"):
            # "after reaching agreement with X": the with-phrase on the verb or on its object
            deals += [reach] + [o for o in reach.children if o.dep_ in ("dobj", "obj")
                                and o.lemma_.lower() in DEAL_NOUNS]
        found += args.in_tokens(x for d in deals for w in d.children if w.dep_ == "prep" and w.lower_ == "with"
                                for p in w.children if p.dep_ == "pobj" for x in noun_phrase(p))
    return [a for a in dict.fromkeys(found) if a not in src]


def _announced(verb: Any, depth: int = 2) -> list[Any]:
    """The verbs of the acts ``verb`` announces, agrees to or offers, down a chain of to-clauses ("agreed to lift
    its ban", "is ready to start talks")."""
    out: list[Any] = []
    level = [verb]
    for _ in range(depth):
        level = [x for v in level for x in v.children if x.pos_ == "VERB" and x.dep_ == "xcomp"
                 and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)]
        out += level
    return out


# roots of a call for a measure ("called for sanctions against X"), and the prepositions aiming the measure at X
CALLED_FOR_ROOTS = frozenset({"02", "10", "11"})
AIMED_AT = frozenset({"against", "on"})


def _foreign_meeting_place(doc: Doc, tok: Any, src: list[str],
                           countries: dict[str, str | None]) -> tuple[str, Span] | None:
    """Country (ISO3) and offsets of the foreign place a meeting with no other party named is held in ("attended a
    summit in the United Kingdom", "Iranian officials held talks in Baghdad"): its hosts, as PLV and CAMEO coders
    code it. A place in a source's own country gives ``None`` (a meeting at home is no dyad with one's own state),
    as does a place where an actor of no known country meets (its home is unknown)."""
    holders = [tok]
    if tok.pos_ != "VERB" and tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB":
        holders.append(tok.head)  # "held talks in Baghdad": the parser hangs the place on the light verb
    own = {countries.get(s) for s in src}
    if not own or None in own or len(src) >= 2:
        return None  # several parties named meet each other ("talks between Israel and Hamas in Cairo")
    for holder in holders:
        found = destination(doc, holder)
        if found is not None:
            return None if found[0] in own else found
    return None


def _force_noun_args(doc: Doc, tok: Any, src: list[str], tgt: list[str], args: ActorIndex,
                     countries: dict[str, str | None], extra: list[Actor],
                     mentions: list[Mention]) -> tuple[list[str], list[str]]:
    """Source and target of an act of force named by a noun, past what its own phrase names (``_noun_args``): a
    country word before it is its doer's forces ("U.S. military airstrikes" USAMIL); whom it harmed is its target
    ("a roadside bomb killed three Kenyan soldiers"); with no doer named at all, the country where it was done
    ("a car bombing in Diyarbakir" TUR, as the PLOVER GSR codes it and ``located_source`` does for a verb)."""
    if not src and (word := force_doer_word(tok)) is not None:
        # ... its forces when the noun names force only; "a Chilean strike" may be a walkout: the country
        armed = all(r.cameo[:2] in FORCE_ROOTS for r in triggers().get(tok.lemma_.lower(), []))
        src = [(forces_actor if armed else country_actor)(doc, word[0], word[1], extra, mentions)]
        countries[src[0]] = word[0]
    if not tgt:
        tgt = [t for t in victims(tok, args) if t not in src]
    if not src and (place := attack_place(doc, tok)) is not None:
        src = [country_actor(doc, place[0], place[1], extra, mentions)]
        countries[src[0]] = place[0]
    return src, [t for t in tgt if t not in src]


def find_arguments(doc: Doc, tok: Any, code: str, *, args: ActorIndex, events: list[Event],
                   countries: dict[str, str | None], extra_actors: list[Actor],
                   extra_mentions: list[Mention]) -> tuple[list[str], list[str]] | None:
    """Source and target actor ids of the trigger token ``tok`` coded ``code``; ``None`` when it has no source.

    ``events`` are the events coded so far (a criticised "sanctions" points back to whoever imposed them).
    A destination or owner country that is not yet an actor is created: appended to ``extra_actors`` and
    ``extra_mentions`` (and ``countries``, actor id -> ISO3), which the caller attaches to the document.
    """
    # a word the parser made the root with a subject is a verb it mistagged ("Norway and UNICEF hand over ...")
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
            # "Macron and Modi agreed to exchange intelligence about piracy", "Kenya and Ethiopia are
            # upgrading ties": with no party named, coordinated subjects act with each other, before whatever the
            # act announced or its place would give
            src, tgt = src[:1], src[1:]
        if passive and not src:
            src = [a for a in _episode_agent(tok, args) if a not in tgt] or _previous_agent(doc, tok, code, events, tgt)
        if passive and not src and (found := _agent_country(tok)) is not None:
            # "Kyiv was hit by Russian missiles", "were killed by Israeli airstrikes": the agent's country word
            src = [country_actor(doc, found[0], found[1], extra_actors, extra_mentions)]
            countries[src[0]] = found[0]
        elif passive and not src and code[:3] in STATE_MEASURES and (found := _state_place(doc, tok, code)) is not None:
            # "the journalist was arrested in Niger", "two Britons were deported from ...": with no agent named, an
            # arrest, a deportation or a ban is the state's where it is done (as CAMEO and PLOVER coders code it)
            src = [country_actor(doc, found[0], found[1], extra_actors, extra_mentions)]
            countries[src[0]] = found[0]
            tgt = [t for t in tgt if t not in src]
        elif not passive and tok.lemma_.lower() in RECEIVED_ACTS and (
                giver := [a for a in args.in_tokens(t for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                                                    for p in c.children for t in noun_phrase(p)) if a not in src]):
            # "Syria received military aid from Russia": the giver acts on the receiver
            src, tgt = giver, src
    else:
        src, tgt = _noun_args(tok, args, code=code)
        if is_force_noun(tok, code) and done_by_itself(tok):
            src, tgt = _force_noun_args(doc, tok, src, tgt, args, countries, extra_actors, extra_mentions)
    # "urged its allies to impose sanctions on Iran": the one asked is the target even when it is no actor, never a
    # party of the act asked for
    asked = asks_another(tok) if verbal and not passive and code[:2] in ASKING_ROOTS else []
    asked_nobody = bool(asked) and not args.in_tokens(t for c in asked for t in noun_phrase(c))
    direct = list(tgt)
    transfer = verbal and tok.lemma_.lower() in TRANSFER_VERBS
    recipient: list[str] = []
    if transfer:
        # "returned 40 clay figures dating from the 9th century to Mexico", "was handed back by Italian police to
        # Greek authorities": what is handed over goes to the recipient, the target, however deep its to-phrase hangs
        recipient = _recipient(tok, args, src)
        if recipient:
            tgt = recipient
    if not src and not passive and (verbal or tok.dep_ not in ("dobj", "obj") or not acts_against(tok.head)):
        # "a court in Venezuela banned ...", "Israeli officials shared ...": the subject's country acts (not for an
        # act the subject bans or rejects: "Bahrain banned the protests")
        src = located_source(doc, tok, args, extra_actors, extra_mentions)
        for s in src:
            countries.setdefault(s, next((a.country for a in [*doc.actors, *extra_actors] if a.id == s), None))
    src = _without_affiliations(doc, tok, src, args, countries)
    if not src:
        # nothing is created for an event that is not coded ("Missiles struck a market in Aleppo" makes no actor)
        return None
    if transfer and not recipient and (found := _recipient_place(doc, tok)) is not None and \
            not _own_country(doc, found[0], src, countries, extra_actors):
        # "handed back a painting, lost for decades, to Cuneo, Italy": the place it goes to stands for its country
        aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions)
        countries[aid] = found[0]
        tgt = [aid]
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
            if doer and _same_side(doc, doer, src, restated=tok.lemma_.lower() in RESTATING):
                # "Macron reiterated France's support for the Lebanese army": the act is the source's own side's
                tgt = [t for t in tgt if t not in doer]
            elif doer:
                tgt = doer
            elif code[:2] in JUDGED_ROOTS and (found := _doer_country(obj)) is not None and not any(
                    countries.get(s) == found[0] for s in src):
                # "two Israeli air raids": an act named with its doer's country word only
                aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions)
                countries[aid] = found[0]
                tgt = [aid]
    if not tgt and verbal and code[:2] in SUPPRESSING_ROOTS:
        # "banned the protests by the opposition", "Opposition rallies were banned": whoever did the act banned
        tgt = suppressed_doers(tok, args, src, passive=passive)
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
        # ... nor, beside a party named, when it is a source's own country ("Indian troops clashed with Chinese
        # soldiers in Ladakh": with China, not with India besides)
        if not _own_country(doc, iso, src, countries, extra_actors) and not any(countries.get(t) == iso for t in tgt) \
                and not (tgt and any(countries.get(s) == iso for s in src)):
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
        # "won't ease the sanctions until Venezuela holds elections", "will not end the strike unless the management is
        # sacked": an act withheld until someone acts is aimed at that someone
        tgt = _awaited(tok, args, src)
    if not tgt and verbal:
        # "agreed to lend $1 billion to Indonesia", "refused to meet Chinese officials": the target of the act
        # announced; "summoned the ambassador to complain": the one summoned
        tgt = _purpose_targets(tok, args, src)
        # "threatening to pull US funding", "threatened to withdraw Kenyan troops": the state a source acts for, or
        # its forces, named in the act announced, are its own, no target
        tgt = [t for t in tgt if not _own_state(doc, t, src, countries, extra_actors)]
        if not tgt and tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB" and (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                # "called King Salman on Saturday, discussing oil supplies": a participle shares its verb's party
                or (tok.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in tok.children))):
            tgt = [t for t in _objects(tok.head, args) if t not in src]
    if not tgt and not verbal and code[:2] in PROTESTING_ROOTS:
        # "started a fast to protest against Sweden's ruling", "went on strike to protest the closure": a
        # protest is aimed at whoever its purpose clause aims at (on the noun, or on the verb that holds it)
        holders = [tok]
        if tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB":
            holders.append(tok.head)
        elif tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
            holders.append(tok.head.head)
        tgt = next((aimed for h in holders if (aimed := _purpose_targets(h, args, src) or _protested(h, args, src))),
                   [])
    if not tgt and verbal and code[:2] == "08":
        # "called off the strike after an agreement with the government": a concession made on a deal is made to
        # the other party of the deal
        tgt = _agreed_with(tok, args, src)
    if not tgt and verbal and code[:2] in HELD_ROOTS:
        # "seized weapons from the rebels", "freed the jailed organisers from the opposition party": whose it was
        tgt = _taken_from(tok, args, src)
    if not tgt and verbal and code[:2] in CALLED_FOR_ROOTS:
        # "called for sanctions against Belarus", "appealed for an arms embargo on Myanmar": whom the measure asked
        # for is aimed at
        tgt = [a for a in args.in_tokens(x for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                                         for m in c.children if m.dep_ == "pobj" and m.pos_ == "NOUN"
                                         for q in m.children if q.dep_ == "prep" and q.lower_ in AIMED_AT
                                         for p in q.children if p.dep_ == "pobj" for x in noun_phrase(p))
               if a not in src]
    if not tgt and verbal and code[:2] in ("02", "10", "11", "12", "13"):
        # "demanded that the US cancel ...", "urged Iran to ...": whoever is asked to act
        tgt = [t for t in _clause_subject(tok, args) if t not in src]
    if not tgt and verbal:
        # "rejected an Indian proposal", "denounced Serbia's suppression": the country the object belongs to
        found = _object_country(tok, passive=passive)
        if found is None and not passive:
            # "agreed to lift its ban on British beef", "offered to buy German goods": the act announced's object
            found = next((f for v in _announced(tok) if (f := _object_country(v)) is not None), None)
        if found is not None and not any(countries.get(s) == found[0] for s in src):
            aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions, code=code)
            countries[aid] = found[0]
            tgt = [aid]
    if not tgt and code[:2] in ("02", "10"):
        # "demanded an apology from the prime minister": whoever is asked
        tgt = [t for t in args.in_tokens(x for x in clause_tokens(tok) if x.dep_ == "pobj" and x.head.lower_ == "from")
               if t not in src]
    if not tgt and (code[:2] in ("15", "17", "18", "19", "20") or code == "113"):
        # "opened fire with small arms on Armenian positions": whoever the force is aimed at
        # ... its whole phrase: "for an offensive against what is left of the militia", "against Syria's weapons";
        # "called for sanctions against Belarus" (113): whoever the opposition rallied is aimed at
        tgt = [t for t in args.in_tokens(y for x in clause_tokens(tok) if x.dep_ == "pobj" and x.ent_type_ not in TIMES
                                         and x.head.lower_ in ("on", "against", "at", "into") for y in noun_phrase(x))
               if t not in src]
    if not tgt and src and dest is None:
        # "airstrikes on Idlib", "troops entered Kharkiv", "visited Beijing", "raided a camp near Dunkirk"; for the
        # roots acting on what lies in a place also where it is done: "agreed to a truce in northern Mozambique",
        # "gave 350 million euros for development in Ethiopia": with no party named, the place's country
        found = place_target(doc, tok, code)
        if found is None and code[:2] in PLACE_TARGET_ROOTS:
            found = destination(doc, tok)
        if found is None and code[:2] == "04":
            found = _foreign_meeting_place(doc, tok, src, countries)
        if found is not None and not _own_country(doc, found[0], src, countries, extra_actors):
            aid = country_actor(doc, found[0], found[1], extra_actors, extra_mentions, code=code, whole=True)
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
        # "Chile and Peru began joint naval drills": the parties act with each other
        src, tgt = src[:1], src[1:]
    if asked_nobody:
        tgt = [t for t in tgt if t in direct]
    if code in ("042",) and tgt and all(countries.get(t) == countries.get(src[0]) for t in tgt) and not dest:
        return None
    return src, tgt
