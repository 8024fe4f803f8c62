"""Actors: people, organisations, countries and groups, with country, sector and code.

What is recognised, in order (earlier findings win where spans overlap):

1. Titled people: ``[demonym|country] title-words name`` —
   "Russian Deputy Defense Minister General Army Yunus-Bege Evkurov" is a
   person named "Yunus-Bege Evkurov", country RUS, sector MIL, whatever the
   NER model thought of the name.
2. Named entities: PERSON, ORG (outlets, international organisations,
   ministries with their country), GPE that are countries.
3. Unnamed officials and groups: "a Turkish official", "Russian officials",
   "the Russian, American, and Turkish delegations" (one actor per country).
4. Coreference by rules: a later name that ends a known person's name
   ("Evkurov", "Abu Kasra") is that person; "the leaders", "the two
   ministers" are the people of the most recent sentence naming two or more;
   "he"/"she" is the most recent person named in the previous sentences.

Names are canonical labels built from the text; every mention keeps its
character offsets.  Roles learned from titles are recorded with the
publication date they held on (``Actor.roles``).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable

from ...knowledge.actors import ActorKB
from ...knowledge.gazetteer import Gazetteer
from ...knowledge.sectors import igo_code
from ...model import Actor, Doc, Mention, Role, Span
from ...pipeline import stage
from ...textutil import SpanIndex
from ..nlp import TokenView
from .agents import find_agents
from .coref import _anaphora, _merge_appositions, _name_tokens, _surname_mentions, index_mentions
from .find import (
    Found,
    find_armed_acts,
    find_entities,
    find_ethnic_peoples,
    find_groups,
    find_igos,
    find_known,
    find_titled_people,
    find_unknown_names,
    find_unnamed,
    known_countries,
)
from .gender import honorific_gender, name_gender, title_gender
from .lexicon import ETHNIC_HOMELANDS, ORG_WORDS
from .ministers import place_speaking_ministers

__all__ = ["ActorStage", "attach", "extract"]


def _code(country: str | None, sector: str | None, code: str | None) -> str | None:
    """The CAMEO-style code: a full code as given, else country + sector, else the sector alone (as PETRARCH
    codes an agent with no country: "MIL"), else the country."""
    if code:
        return code
    if country and sector:
        return country + sector
    return country or sector or None


def extract(doc: Doc, *, kb: ActorKB | None = None,
            place_country: Callable[[str], str | None] | None = None) -> tuple[list[Mention], list[Actor]]:
    """Find actor mentions and merge them into actors (no write-back).

    ``kb`` fills what the text leaves open; ``place_country`` (name -> ISO3) places "<city> police".
    Returns (mentions sorted by start character, actors with ``mentions`` as indexes into that list).
    """
    with known_countries(functools.partial(kb.country_word, on=doc.article.published) if kb is not None else None):
        return _extract(doc, kb=kb, place_country=place_country)


def _extract(doc: Doc, *, kb: ActorKB | None,
             place_country: Callable[[str], str | None] | None) -> tuple[list[Mention], list[Actor]]:
    sdoc = TokenView(doc.nlp)  # the finders walk the tokens again and again: each token made once
    groups = find_groups(sdoc, [])
    taken = [f.span for f in groups]
    taken_index = SpanIndex(taken)
    titled = [f for f in find_titled_people(sdoc) if not taken_index.overlaps(f.span)]
    _group_officials(doc.text, titled, groups)
    taken += [f.span for f in titled]
    agents = find_agents(sdoc, taken, kb.agents) if kb is not None and kb.agents else []
    taken += [f.span for f in agents]
    igos = find_igos(sdoc, taken, kb)
    taken += [f.span for f in igos]
    if kb is not None:  # "the Shire": a name the knowledge writes with its article, before the NER's "Shire"
        igos += (articled := find_known(sdoc, taken, kb, on=doc.article.published, articled=True))
        taken += [f.span for f in articled]
    forces = find_armed_acts(sdoc, taken)  # "U.S. military airstrikes": the state's military, before its name
    forces += find_ethnic_peoples(sdoc, taken + [f.span for f in forces], doc.places)  # "ethnic Albanians"
    taken += [f.span for f in forces]
    ents = forces + find_entities(sdoc, taken, doc.places)
    taken += [f.span for f in ents[len(forces):]]
    unnamed = find_unnamed(sdoc, taken, doc.places, place_country=place_country, groups=groups, bodies=ents)
    taken += [f.span for f in unnamed]
    known = find_known(sdoc, taken, kb, on=doc.article.published) if kb is not None else []
    taken += [f.span for f in known]
    if kb is not None and kb.agents:  # "a senior official said": an agent with no country, PETRARCH's ---GOV
        known += (bare := find_agents(sdoc, taken, kb.agents, bare=True, beside=agents))
        taken += [f.span for f in bare]
    unknown = find_unknown_names(sdoc, taken, doc.places)
    found = sorted(groups + titled + agents + igos + ents + unnamed + known + unknown,
                   key=lambda f: (f.span.start, -f.span.end))

    actors: list[Actor] = []
    mentions: list[Mention] = []
    by_key: dict[str, Actor] = {}
    people: list[tuple[list[str], Actor]] = []
    # the people by their names' every ending (the whole name too) and by the first word of names of two words or
    # more: a name is looked up, not compared with every person named before (quadratic in the article's length)
    ends: dict[tuple[str, ...], Actor] = {}
    first_words: dict[str, list[Actor]] = {}

    def add_person(full: list[str], a: Actor) -> None:
        people.append((full, a))
        for k in range(max(1, len(full))):
            ends.setdefault(tuple(full[k:]), a)  # the first person so named wins, as in a scan
        if len(full) > 1:
            first_words.setdefault(full[0], []).append(a)

    def new_actor(f: Found) -> Actor:
        a = Actor(id=f"a{len(actors) + 1}", name=f.name, kind=f.kind, country=f.country,  # type: ignore[arg-type]
                  sector=f.sector, title=f.title, anonymous=f.anonymous, code=f.code)
        actors.append(a)
        return a

    def person_for(name: str) -> Actor | None:
        """A known person this name refers to: the full name, its end ("Abu Kasra"), or a single token that
        begins exactly one known name ("Liu" for "Liu Yanping", family name first)."""
        toks = _name_tokens(name)
        if (a := ends.get(tuple(toks))) is not None:
            return a
        if len(toks) == 1:
            firsts = first_words.get(toks[0], [])
            if len(firsts) == 1:
                return firsts[0]
        return None

    for f in found:
        actor: Actor | None = None
        span = f.span
        if f.kind == "person" and not f.key:
            actor = person_for(f.name)
            if actor is None:
                actor = new_actor(f)
                add_person(_name_tokens(f.name), actor)
            elif f.title and not actor.title:
                actor.title, actor.sector = f.title, f.sector
                actor.country = actor.country or f.country
        elif f.kind == "organization" and not f.key:
            # a later bare surname the NER took for an organisation
            actor = person_for(f.name)
            if actor is None:
                key = f"org:{f.name.lower()}"
                actor = by_key.get(key)
                if actor is None:
                    actor = by_key[key] = new_actor(f)
        else:
            actor = by_key.get(f.key)
            if actor is None and (actor := _definite_person(doc.text, f, people)) is not None:
                # "the Nigerian president": a mention of the person with its determiner, as a title's reference
                det = doc.text[: f.span.start].rstrip()
                span = Span(len(det) - len(det.split()[-1]), f.span.end)
            if actor is None:
                actor = by_key[f.key] = new_actor(f)
        if f.title and f.title_span is not None:
            actor.roles.append(Role(title=f.title, country=f.country, sector=f.sector, as_of=doc.article.published,
                                    evidence=Span(f.span.start, f.title_span.end) if f.country else f.title_span))
        mentions.append(Mention(span=span, label=f.label, actor_id=actor.id, head=f.head))
        actor.mentions.append(len(mentions) - 1)

    _surname_mentions(doc, sdoc, people, mentions, actors)
    _genders(doc.text, mentions, actors)
    _anaphora(doc, sdoc, mentions, actors)
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    index_mentions(mentions, actors)
    _merge_appositions(sdoc, mentions, actors)
    if kb is not None:
        for a in actors:
            kb.complete(a, on=doc.article.published)
    for a in actors:
        if a.kind == "person" and a.gender is None:
            a.gender = title_gender(a.title)  # a title the knowledge base filled
    split_compound(mentions, actors)
    _leaders_governments(doc.text, mentions, actors,
                         (lambda n: (r.country if (r := kb.reference_for(n)) is not None else None))
                         if kb is not None else None)
    _igo_collectives(doc.text, mentions, actors)
    _country_from_chain(mentions, actors)
    _spokespeople(doc, mentions, actors)
    _resolve_possessors(doc, found, mentions, actors)
    _local_officials(doc, mentions, actors)
    _domestic_roles(doc, mentions, actors, place_country)
    place_speaking_ministers(doc, mentions, actors)
    for a in actors:
        a.code = _code(a.country, a.sector, a.code or _igo(a))
    return mentions, actors


def _definite_person(text: str, f: Found, people: list[tuple[list[str], Actor]]) -> Actor | None:
    """"Nigerian President Bola Tinubu ... the Nigerian president said": the one person named before with that
    country and that noun in the title, for a definite singular collective of a person ("the <demonym> <noun>");
    ``None`` when none or several fit (either may be meant: no one rather than a wrong one)."""
    if f.kind != "person" or not f.country or not text[: f.span.start].rstrip().lower().endswith(("the", "this")):
        return None
    noun = f.name.split()[-1].casefold() if f.name.split() else ""
    fits = [a for _, a in people if a.country == f.country and a.title and noun in a.title.casefold().split()]
    return fits[0] if len(fits) == 1 else None


def _genders(text: str, mentions: list[Mention], actors: list[Actor]) -> None:
    """Each person's gender from, in this order: a title word ("spokeswoman", "King"), an honorific before a
    mention ("Mrs Ardern", "Sir Keir Starmer"), the given name of the full name ("Giorgia Meloni"); see
    :mod:`.gender`. The pronoun chain (:func:`.coref._anaphora`) fills what these leave open."""
    for a in actors:
        if a.kind != "person" or a.gender is not None:
            continue
        a.gender = title_gender(a.title) or next(
            (g for i in a.mentions if mentions[i].label != "PRONOUN"
             and (g := _honorific_at(text, mentions[i].span))), None) or name_gender(a.name)


def _honorific_at(text: str, span: Span) -> str | None:
    """The gender an honorific says, written right before the mention or as its first word ("Mr Adeyemi")."""
    head = text[span.start : span.end].split(maxsplit=1)
    return honorific_gender(text[max(0, span.start - 24) : span.start]) or (
        honorific_gender(head[0] + " ") if len(head) == 2 else None)


def split_compound(mentions: list[Mention], actors: list[Actor]) -> None:
    """An actor whose code names several ("FRO/BIL/SAM": a PETRARCH dictionary's phrase for several actors, "the
    Shire") becomes one actor per code, each with a copy of every mention (same offsets, as "the two leaders")."""
    if not any(a.code and "/" in a.code for a in actors):
        return
    top = max((int(a.id[1:]) for a in actors if a.id[1:].isdigit()), default=0)
    for a in list(actors):
        if not a.code or "/" not in a.code:
            continue
        first, *others = a.code.split("/")
        a.code = first
        own = [mentions[i] for i in a.mentions]
        for code in others:
            top += 1
            b = Actor(id=f"a{top}", name=a.name, kind=a.kind, country=None, sector=None, title=a.title,
                      anonymous=a.anonymous, code=code)
            actors.append(b)
            mentions += [Mention(span=m.span, label=m.label, actor_id=b.id, head=m.head) for m in own]
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    index_mentions(mentions, actors)


def _group_officials(text: str, titled: list[Found], groups: list[Found]) -> None:
    """"Hamas leader Yahya X", "al-Shabaab's spokesman Y": a titled person right after a named group
    belongs to it (the group's country; sector REB/UAF as the group's)."""
    ending: dict[int, list[int]] = {}  # where groups end -> their places in ``groups`` (looked up, not scanned)
    for k, g in enumerate(groups):
        ending.setdefault(g.span.end, []).append(k)
    for f in titled:
        near = sorted(k for end in _ends_before(text, f.span.start) for k in ending.get(end, ()))
        for g in (groups[k] for k in near):
            if g.span.end > f.span.start or f.country is not None or f.code is not None:
                continue  # the group must come first: a person named before it is no member of it
            if text[g.span.end : f.span.start].strip() in ("", "'s", "’s"):
                f.country, f.sector, f.code = g.country, g.sector, g.code


def _ends_before(text: str, start: int) -> list[int]:
    """The offsets ``end`` for which ``text[end:start].strip()`` is empty, "'s" or "’s" (what may part a group's
    name from its member's): across the whitespace before ``start``, and across a possessive and the whitespace
    before it."""
    def blank_from(i: int) -> int:
        while i > 0 and text[i - 1].isspace():
            i -= 1
        return i

    a = blank_from(start)
    out = list(range(a, start + 1))
    if text[max(0, a - 2) : a] in ("'s", "’s") and a >= 2:
        out += range(blank_from(a - 2), a - 1)
    return out


def _country_from_chain(mentions: list[Mention], actors: list[Actor]) -> None:
    """A titled person or body whose title names an organisation word ("Ministry spokeswoman Grace Otieno") takes
    the country of the latest organisation named before with that word ("Kenya’s Foreign Ministry"): a
    coreference chain. Nothing else is borrowed from nearby text; with no such chain the country stays empty, and so
    it does when organisations of two states were named before with that word ("the Kenyan government ... the
    Ugandan government. The government said": either may be meant)."""
    by_id = {a.id: a for a in actors}
    orgs: list[tuple[int, Actor]] = sorted(
        ((mentions[a.mentions[0]].span.start, a) for a in actors
         if a.kind == "organization" and a.country and a.mentions), key=lambda x: x[0])
    # per organisation word, the organisations whose name has it, as (first offset, place in ``orgs``): the latest
    # before a mention is found by bisection, not by reading every organisation per actor
    by_word: dict[str, list[tuple[int, int]]] = {}
    for k, (off, o) in enumerate(orgs):
        for w in dict.fromkeys(o.name.lower().split()):
            if w in ORG_WORDS:
                by_word.setdefault(w, []).append((off, k))
    for a in actors:
        if a.country or not a.mentions or a.kind not in ("person", "organization") or a.code:
            continue
        words = {w for w in f"{a.title or ''} {a.name if a.kind == 'organization' else ''}".lower().split()
                 if w in ORG_WORDS}
        if not words:
            continue
        first = mentions[a.mentions[0]].span.start
        latest = [row[i - 1][1] for w in words if (i := bisect_left(row := by_word.get(w, []), (first, -1))) > 0]
        prior = orgs[max(latest)][1] if latest else None  # (an actor with no country is none of ``orgs``)
        states = {orgs[k][1].country for w in words for _, k in by_word.get(w, []) if orgs[k][0] < first}
        if prior is not None and prior.id in by_id and len(states) == 1:
            a.country = prior.country


_SPOKES = ("spokesman", "spokeswoman", "spokesperson")


def _spokespeople(doc: Doc, mentions: list[Mention], actors: list[Actor]) -> None:
    """"China’s Foreign Ministry denied ..., and spokeswoman Liu Yanping said": a spokesperson whose title names
    no body speaks for the organisation or group named last before them in their sentence or the one before
    (bridging coreference): its country, and its code when it is an IGO or a named group."""
    by_id = {a.id: a for a in actors}
    starts = [m.span.start for m in mentions]  # (sorted by start: a sentence's mentions by bisection)
    for a in actors:
        if a.kind != "person" or a.country or a.code or not a.mentions or not a.title:
            continue
        if not any(w in a.title.lower() for w in _SPOKES) or any(w in a.title.lower() for w in ORG_WORDS):
            continue
        first = mentions[a.mentions[0]].span.start
        lo = doc.sentences[max(0, doc.sentence_of(first) - 1)].start
        prior = [by_id[m.actor_id] for m in mentions[bisect_left(starts, lo) : bisect_left(starts, first)]
                 if m.actor_id in by_id and by_id[m.actor_id].kind in ("organization", "group")
                 and m.label != "PRONOUN"]
        if prior:
            body = prior[-1]
            a.country = body.country
            if body.code and (body.kind == "group" or body.code.startswith("IGO")):
                a.code, a.sector = body.code, body.sector


_LOCAL_TITLES = ("governor", "mayor", "regional", "provincial", "local", "district", "police chief", "village")


def _local_officials(doc: Doc, mentions: list[Mention], actors: list[Actor]) -> None:
    """A local official with no country ("Regional governor Oleksandr Voronko") governs where the story is:
    the country of the article's sub-national places (cities, regions), when one country holds all of them."""
    local = {p.country for p in doc.places if p.country and p.feature in ("city", "region", "site")}
    if len(local) != 1:
        return
    (home,) = local
    for a in actors:
        if a.country is None and a.code is None and a.title and any(w in a.title.lower() for w in _LOCAL_TITLES):
            a.country = home


#: Sectors of roles played only at home: the opposition, courts, parliaments, parties, schools, unions. Not the
#: government (ministers travel and speak of other states) nor armed actors ("Houthi rebels fired missiles at
#: Saudi Arabia": the target's country is not theirs).
_DOMESTIC_SECTORS = frozenset({"OPP", "JUD", "LEG", "PTY", "EDU", "LAB"})


#: Verbs of visits and meetings: their parties are often abroad, so the country of the place or of the host is
#: not theirs.
_VISIT_VERBS = frozenset({"meet", "visit", "host", "hold", "talk", "receive", "welcome", "travel", "fly", "arrive",
                          "tour", "join", "attend", "address", "greet"})


#: Verbs that put people out of a state: whoever is deported or expelled from a state is no national of it
_REMOVAL_VERBS = frozenset({"deport", "expel", "extradite", "exile", "banish", "evict", "oust", "kick"})
#: Parties of these are not placed in the state their sentence names (visitors, people deported)
_UNPLACED_VERBS = _VISIT_VERBS | _REMOVAL_VERBS


def _travels(doc: Doc, span: Span, verbs: frozenset[str]) -> bool:
    """Is the mention at ``span`` a party of one of ``verbs`` (its subject, object or "with" party: a visit or
    meeting, :data:`_VISIT_VERBS`; a deportation, :data:`_REMOVAL_VERBS`)?"""
    sdoc = doc.nlp
    words = sdoc.char_span(span.start, span.end, alignment_mode="expand") if sdoc is not None else None
    if words is None or not len(words):
        return False
    t = words.root
    while t.dep_ in ("compound", "appos", "conj", "poss", "amod") and t.head is not t:
        t = t.head
    if t.dep_ == "pobj" and t.head.head is not t.head:
        t = t.head
    verb = t.head
    return verb.lemma_.lower() in verbs or (t.dep_ == "prep" and verb.head.lemma_.lower() in verbs)


def _domestic_roles(doc: Doc, mentions: list[Mention], actors: list[Actor],
                    place_country: Callable[[str], str | None] | None = None) -> None:
    """A domestic role with no country ("opposition leader X", "Judge Y", "the opposition coalition"), not named by a
    people with homelands of its own ("Uighur activists in Istanbul"; a faith is no such people), is of the one
    state its sentence names: every country of the sentence's other actors (an international organisation aside)
    and of its geocoded places is one ("Judge Y opened investigations against 28 Chilean officials": CHL). Two
    states named, or none, leave it empty (a wrong country is worse than none). A body whose name holds a city
    (``place_country``, name -> ISO3: "a Delhi court") is that city's country's, whatever else the sentence names;
    a party to a visit or meeting is left alone (it may be the visitor), and so is one deported or expelled (most
    likely a foreigner)."""
    todo = [a for a in actors if not a.country and not a.code and a.sector in _DOMESTIC_SECTORS and a.mentions
            and not any(w in ETHNIC_HOMELANDS for w in a.name.lower().split())]  # "Uighur activists in Istanbul"
    if not todo:
        return
    by_id = {a.id: a for a in actors}
    starts = [m.span.start for m in mentions]  # (sorted by start: a sentence's mentions by bisection)
    place_starts = sorted((p.span.start, p.country) for p in doc.places if p.country)
    for a in todo:
        if a.kind == "organization" and place_country is not None and (
                home := next((iso for w in a.name.split() if w[:1].isupper() and (iso := place_country(w))), None)):
            a.country = home  # "a Delhi court convicted a Nigerian man": IND, not the man's
            continue
        if _travels(doc, mentions[a.mentions[0]].span, _UNPLACED_VERBS):
            # "Opposition leader X met Kenyan President Ruto in Nairobi": X may be a visitor; "Three activists were
            # deported from Bahrain": foreigners, most likely
            continue
        sent = doc.sentences[doc.sentence_of(mentions[a.mentions[0]].span.start)]
        states = {c for _, c in place_starts[bisect_left(place_starts, (sent.start, "")) :
                                             bisect_left(place_starts, (sent.end, ""))]}
        for m in mentions[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]:
            other = by_id.get(m.actor_id or "")
            if other is not None and other is not a and other.country \
                    and not (other.code or "").startswith(("IGO", "IMG")):
                states.add(other.country)
        if len(states) == 1:
            a.country = states.pop()


def _resolve_possessors(doc: Doc, found: list[Found], mentions: list[Mention], actors: list[Actor]) -> None:
    """"The African Union said its troops ...": an unnamed collective owned by "its"/"their" belongs to the
    organisation, country or group named last before it in its sentence or the one before (its country;
    an IGO's code with the collective's sector)."""
    by_id = {a.id: a for a in actors}
    keys = [(m.span.start, m.span.end) for m in mentions]  # (sorted: a span's mentions by bisection)
    for f in found:
        if not f.extra.get("possessor"):
            continue
        at = bisect_left(keys, (f.span.start, f.span.end))
        own = mentions[at] if at < len(keys) and keys[at] == (f.span.start, f.span.end) else None
        if own is None or own.actor_id not in by_id:
            continue
        actor = by_id[own.actor_id]
        lo = doc.sentences[max(0, doc.sentence_of(f.span.start) - 1)].start
        singular = re.search(r"\bits\s+(?:\w+\s+){0,2}$", doc.text[max(0, f.span.start - 40) : f.span.start],
                             re.I) is not None or doc.text[f.span.start : f.span.start + 4].casefold() == "its "
        near = mentions[bisect_left(keys, (lo, -1)) : bisect_left(keys, (f.span.start + 1, -1))]
        prior = [m for m in near if lo <= m.span.start and m.span.end <= f.span.start and m.actor_id in by_id
                 and by_id[m.actor_id].kind in ("organization", "country", "group") and m.actor_id != actor.id
                 and m.label != "PRONOUN" and not (singular and _plural_collective(doc.text, m))]
        if not prior:
            continue
        owner = by_id[prior[-1].actor_id or ""]
        actor.country = owner.country
        if owner.code and owner.code.startswith(("IGO", "IMG")):
            actor.code = owner.code + (actor.sector or "") if owner.code.startswith("IMG") else owner.code
            actor.sector = actor.sector if owner.code.startswith("IMG") else "IGO"
        elif owner.kind == "group" and owner.code:
            actor.code, actor.sector = owner.code, owner.sector
        actor.name = f"{owner.name} {actor.name.split()[-1]}"


#: Bodies named after the person who leads them ("the Biden administration", "the Maduro government").
_LED_BODIES = frozenset({"government", "administration", "regime", "cabinet", "junta"})


def _leaders_governments(text: str, mentions: list[Mention], actors: list[Actor],
                         named: Callable[[str], str | None] | None = None) -> None:
    """"The Biden administration", "Maduro's government": a government named after its leader is the leader's
    country's (known from a title or the knowledge base; else from ``named``, phrase -> ISO3, the reference's name
    for the whole phrase when the surname alone is several countries' people: "the Vance administration"); the
    leader's name there is a mention of the body, not a party of its own (a person left with no mention is
    dropped)."""
    by_id = {a.id: a for a in actors}
    ends = {m.span.end: m for m in mentions if m.actor_id in by_id and by_id[m.actor_id].kind == "person"
            and m.label != "PRONOUN"}
    moved = False
    for m in mentions:
        body = by_id.get(m.actor_id or "")
        if body is None or body.country or body.code or body.kind not in ("organization", "group") \
                or text[m.span.start : m.span.end].casefold().removeprefix("the ") not in _LED_BODIES:
            continue
        head = text[max(0, m.span.start - 3) : m.span.start]
        lead = next((ends[e] for e in (m.span.start - 1, m.span.start - 3) if e in ends
                     and text[e : m.span.start] in (" ", "'s ", "’s ")), None)
        leader = by_id.get(lead.actor_id or "") if lead is not None else None
        if lead is None or leader is None or not head:
            continue
        country = leader.country or (named(text[lead.span.start : m.span.end]) if named is not None else None)
        if not country:
            continue
        body.country = country
        body.name = f"{text[lead.span.start : lead.span.end].split()[-1]} {body.name}"
        lead.actor_id, moved = body.id, True
    if moved:
        index_mentions(mentions, actors)
        actors[:] = [a for a in actors if a.mentions or a.kind != "person"]


def _igo_collectives(text: str, mentions: list[Mention], actors: list[Actor]) -> None:
    """"NATO peacekeeping troops", "African Union troops", "the UN's peacekeepers": an unnamed collective right
    after an international organisation's name is the organisation's (its code, sector IGO), one actor: the
    organisation's name there is a mention of the collective (an organisation left with no mention is dropped)."""
    by_id = {a.id: a for a in actors}
    ends = {m.span.end: m for m in mentions if m.label != "PRONOUN" and m.actor_id in by_id
            and by_id[m.actor_id].kind == "organization" and (by_id[m.actor_id].code or "").startswith("IGO")}
    moved: set[str] = set()  # the organisations whose name became a mention of a collective
    for m in mentions:
        body = by_id.get(m.actor_id or "")
        if body is None or m.label != "GROUP" or body.country or body.code or body.kind not in ("organization",
                                                                                             "group"):
            continue
        lead = next((ends[e] for e in (m.span.start - 1, m.span.start - 3) if e in ends
                     and text[e : m.span.start] in (" ", "'s ", "’s ")), None)
        igo = by_id.get(lead.actor_id or "") if lead is not None else None
        if lead is None or igo is None:
            continue
        body.code, body.sector = igo.code, "IGO"
        body.name = f"{igo.name} {body.name}"
        moved.add(igo.id)
        lead.actor_id = body.id
    if moved:
        index_mentions(mentions, actors)
        actors[:] = [a for a in actors if a.mentions or a.id not in moved]


def _plural_collective(text: str, m: Mention) -> bool:
    """Is mention ``m`` a collective named by a plural common noun ("Armenian forces", "the rebels")? "its" does
    not refer to one ("Azerbaijan's Defence Ministry said Armenian forces shelled its positions": the ministry's)."""
    if m.label != "GROUP":
        return False
    last = text[m.span.start : m.span.end].split()[-1] if m.span.end > m.span.start else ""
    return last.islower() and last.endswith("s") and not last.endswith("ss") and last not in ("news", "media")


def _igo(a: Actor) -> str | None:
    hit = igo_code(a.name) if a.kind == "organization" else None
    return hit[0] if hit else None


def attach(doc: Doc, mentions: list[Mention], actors: list[Actor]) -> None:
    doc.mentions = mentions
    doc.actors = actors


@stage("communique.actors.v1", requires=["nlp", "sentences", "places"], assigns=["mentions", "actors"])
class ActorStage:
    """Services: ``actor_kb`` (names and dated roles), ``gazetteer`` (places a collective is bound to, "Karachi
    police", when the place stage left the name alone)."""

    def __init__(self, actor_kb: ActorKB | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.kb = actor_kb if actor_kb is not None else ActorKB.default()
        self.gazetteer = gazetteer

    def _place_country(self, name: str) -> str | None:
        """The country of a city of 100,000 people or more, or of a state or province (a first-level division:
        "the Gujarat government", "Sindh police"), so named (a collective's home), else ``None``."""
        gaz = self.gazetteer if self.gazetteer is not None else Gazetteer.default()
        hit = gaz.lookup(name)
        return hit.country if hit is not None and hit.feature in ("city", "state") and hit.population >= 100_000 \
            else None

    def __call__(self, doc: Doc) -> Doc:
        attach(doc, *extract(doc, kb=self.kb, place_country=self._place_country))
        return doc
