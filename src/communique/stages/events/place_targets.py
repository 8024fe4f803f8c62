"""Places as targets: a toponym named as what an act is done to or where it is aimed stands for its country.

* ``destination(doc, tok)`` -- the place a trigger moves to or happens in ("to Damascus", "in Damascus");
* ``place_target(doc, tok, code)`` -- the place named as the object or target phrase of any code: "airstrikes on
  Idlib", "troops entered Kharkiv", "visited Beijing", "raided a migrant camp near Dunkirk", "agreed to set up
  field hospitals in Louisiana";
* ``country_actor(...)`` -- the country's actor, created when the document has none, with a mention at the
  place's offsets (characters into ``Article.text``) so every target keeps its provenance.

Places are the place stage's (``doc.places``: geocoded toponyms with an ISO 3166 alpha-3 country).
"""

from __future__ import annotations

from typing import Any

from ...knowledge.countries import country_name, is_capital
from ...knowledge.gazetteer import Gazetteer, normalise
from ...model import Actor, Doc, Mention, Span
from ..towns import FORCE_ROOTS, town_sector

# clauses hanging off a word: what they name is not the word's own phrase
SKIP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "appos", "parataxis"})


def clause_tokens(tok: Any) -> list[Any]:
    """The token's subtree without the clauses hanging off it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in SKIP_DEPS:
            out.extend(clause_tokens(child))
    return out


PLACE_NOUNS = frozenset({"city", "town", "capital", "port", "village", "region", "province", "area", "outskirts"})


def _governed_place(t: Any, trigger: Any, preps: tuple[str, ...]) -> bool:
    """``t`` names where the trigger goes or happens: "to Damascus", "visited Riyadh", "to the city of Derna"."""
    if t.dep_ == "pobj" and t.head.lower_ in preps:
        return True
    if t.dep_ == "dobj" and t.head.i == trigger.i:
        return True
    of = t.head
    return (t.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_ in PLACE_NOUNS
            and of.head.dep_ == "pobj" and of.head.head.lower_ in preps)


def _place_at(doc: Doc, tok: Any) -> tuple[str, Span] | None:
    """The country and offsets of the place a token lies in, when the place stage gave it a country."""
    from .location import _place_index  # (indexed: a scan of every place per token was quadratic)

    for pl in _place_index(doc).holding(tok.idx):
        if pl.country:
            return pl.country, pl.span
    return None


def destination(doc: Doc, tok: Any) -> tuple[str, Span] | None:
    """Country (ISO3) and place offsets of where the trigger moves to or happens ("to Damascus", "in Damascus")."""
    if tok.lemma_ in ("visit", "travel", "arrive"):
        preps: tuple[str, ...] = ("to", "in", "into")
    elif tok.lemma_ in ("recall", "withdraw", "expel"):
        preps = ("from", "to", "in")
    else:
        preps = ("to", "in", "into", "at", "on", "against")
    # aid goes where its convoy goes: "dispatched a convoy of trucks carrying food to the city of Derna"
    scope = list(tok.subtree) if tok.lemma_ in ("send", "dispatch", "deliver", "provide") else clause_tokens(tok)
    for t in scope:
        if _governed_place(t, tok, preps):
            found = _place_at(doc, t)
            if found is not None:
                return found
    return None


# prepositions that aim an act at a place: "airstrikes on Idlib", "marched to Kyiv", "pulled out of Kherson"
AIMED_PREPS = ("on", "against", "at", "into", "to", "toward", "towards", "upon", "onto")
# roots done to what is in a place ("stormed a camp in Calais", "imposed blockades in Darfur", "set up hospitals
# in Louisiana"): the place may lie anywhere in the object, or be where the act happens ("in"); other roots
# (statements, appeals, meetings, accusations) take a place only as their object or aimed phrase itself, as the
# government it stands for ("visited Beijing", "warned Washington"), never where they happen ("met in Geneva")
LOCAL_ROOTS = frozenset({"03", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
# where a local act is done: "imposed a curfew in Basra", "shelled villages near Kobani"
LOCAL_PREPS = frozenset({"in", "inside", "across", "near", "around", "outside", "throughout"})
# verbs whose to-clause is the act itself: "agreed to open a consulate in Erbil", "is ready to send troops to Mali"
ANNOUNCING = frozenset({"agree", "offer", "decide", "plan", "vow", "pledge", "promise", "announce", "begin",
                        "start", "continue", "move", "seek", "try", "intend", "prepare", "threaten", "refuse"})


REFUGE_WORDS = frozenset({"refuge", "asylum", "sanctuary", "shelter"})
# verbs whose from-phrase is the place acted on: "withdrew its troops from Kherson", "expelled from Lebanon"
LEAVING = frozenset({"withdraw", "pull", "retreat", "evacuate", "expel", "recall", "oust", "drive", "push"})


def _name_tokens(head: Any) -> list[Any]:
    """A noun phrase's head with its name-like modifiers ("the rebel-held eastern Ghouta region")."""
    return [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.pos_ == "PROPN")]


def _aimed(holder: Any, *, local: bool) -> list[tuple[Any, bool]]:
    """The phrases a verb or event noun aims at: (head, whether a place deep inside counts)."""
    out: list[tuple[Any, bool]] = []
    children = list(holder.children)
    if holder.pos_ == "VERB" and not any(c.dep_ in ("dobj", "obj") for c in children):
        # "shelled and captured the village of Krasnohorivka": coordinated verbs share the last one's object
        children += [c for conj in holder.children if conj.dep_ == "conj" and conj.pos_ == "VERB"
                     and not any(x.dep_ in ("nsubj", "nsubjpass") for x in conj.children)
                     for c in conj.children if c.dep_ in ("dobj", "obj")]
    for c in children:
        if c.dep_ in ("dobj", "obj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"):
            out.append((c, local))
        elif c.dep_ == "prep" and (c.lower_ in AIMED_PREPS or (local and c.lower_ in LOCAL_PREPS) or (
                c.lower_ in ("from", "of") and holder.lemma_.lower() in LEAVING)):
            out.extend((p, local) for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prt" and c.lower_ == "over" and local:  # "took over Kirkuk"
            out.extend((p, True) for p in holder.children if p.dep_ == "dobj")
    return out


def place_target(doc: Doc, tok: Any, code: str) -> tuple[str, Span] | None:
    """The place named as the object or aimed phrase of the trigger ``tok`` coded ``code`` (CAMEO), as the
    country (ISO3) it stands for and the place's offsets; ``None`` when none is named.

    A verb that announces, agrees to or starts an act passes to the act ("agreed to set up two field hospitals in
    Louisiana", "is ready to pull its soldiers out of ...", up to three to-clauses down).
    """
    # refuge sought in a place is asked of that place's country: "sought refuge in Turkey" (the PLOVER manual codes
    # refugees' demands to be let in with the country as target)
    local = code[:2] in LOCAL_ROOTS or (code[:2] == "02" and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in REFUGE_WORDS for c in tok.children))
    holders = [tok]
    if tok.pos_ != "VERB" and tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB":
        # "carried out airstrikes on Aleppo": the parser hangs the noun's phrase on the light verb
        holders.append(tok.head)
    if tok.pos_ in ("VERB", "AUX"):
        level = [tok]
        for _ in range(3):
            level = [x for v in level if v.lemma_.lower() in ANNOUNCING or v is tok
                     for x in v.children if x.pos_ == "VERB" and x.dep_ in ("xcomp", "ccomp")]
            holders += level
    for holder in holders:
        for head, deep in _aimed(holder, local=local or holder.i > tok.i):
            for t in (clause_tokens(head) if deep else _name_tokens(head)):
                found = _place_at(doc, t)
                if found is not None:
                    return found
    return None


# a name the actors stage made a party but the gazetteer knows as a town: towns this small are too often surnames
MISTAKEN_PLACE_POPULATION = 20_000
NAME_PARTICLES = frozenset({"al", "el", "de", "ez", "es", "as", "ad", "an", "ar", "az", "du", "la", "le"})


def mistaken_place(doc: Doc, actor_id: str, near: Any) -> tuple[str, Span] | None:
    """The country (ISO3) and offsets of a place the actors stage took for a party: a name of up to three words
    with no country, sector or code ("Russian forces captured Kherson", read as a person) that the gazetteer
    knows by that very name as a town of 20,000 or more, a province or a region, not a country (countries are
    actors anyway); the mention used is the one in ``near``'s sentence.  ``None`` for anything else."""
    actor = next((a for a in doc.actors if a.id == actor_id), None)
    if actor is None or actor.kind not in ("person", "organization", "group") or actor.country or actor.sector \
            or actor.code or actor.title or not all(w[:1].isupper() or w in NAME_PARTICLES
                                                    for w in actor.name.split()) or len(actor.name.split()) > 3:
        return None
    sent = near.sent
    spans = [m.span for m in doc.mentions if m.actor_id == actor_id
             and sent.start_char <= m.span.start < sent.end_char]
    if not spans:
        return None
    hit = Gazetteer.default().lookup(actor.name)
    if hit is None or hit.country is None or hit.feature in ("country", "continent", "sea") or \
            normalise(hit.name) != normalise(actor.name):
        return None
    if hit.feature == "city" and hit.population < MISTAKEN_PLACE_POPULATION:
        return None
    return hit.country, spans[0]


def is_country(doc: Doc, actor_id: str, extra: list[Actor]) -> bool:
    return any(a.id == actor_id and a.kind == "country" for a in list(doc.actors) + extra)


#: CAMEO roots of force and its threat (threaten, posture, coerce, assault, fight, mass violence): a town or capital
#: they are aimed at stands for the people in it (the one rule: :mod:`communique.stages.towns`).
CIVIL_TARGET_ROOTS = FORCE_ROOTS
#: Nouns of settlements: "shell Iraqi towns", "villages near the border" are their people's.
SETTLEMENT_NOUNS = frozenset({"town", "towns", "village", "villages", "city", "cities", "neighbourhood",
                              "neighborhood", "neighbourhoods", "neighborhoods", "suburb", "suburbs", "township",
                              "townships", "hamlet", "hamlets"})


#: Prepositions of what lies by a town, not in it: "struck targets near Hodeidah", "a convoy outside Gao".
PROXIMITY_PREPS = frozenset({"near", "outside", "around", "beyond", "off", "by"})
#: Nouns of the area a town's name can qualify: "the Kharkiv region", "Idlib province" are no town.
AREA_NOUNS = frozenset({"region", "regions", "province", "provinces", "oblast", "district", "districts", "governorate",
                        "area", "areas", "county", "state", "prefecture", "territory", "countryside", "outskirts"})


def _settlement(doc: Doc, span: Span, *, whole: bool = False) -> str | None:
    """The name of the town, city, village or site at ``span`` (a city or site the place stage geocoded, or a word
    in a settlement noun's phrase: "Iraqi towns", "a village in Western Cambodia"), else ``None``. What lies near a
    town is not in it ("targets near the port of Hodeidah", "a convoy near Gao": ``None``). A capital under force is
    its people as any town is ("a curfew in Bamako"), except one only aimed at from afar, its state ("fired shells
    at Seoul": KOR, as PETRARCH codes it): :func:`communique.stages.towns.town_sector`."""
    sdoc = doc.nlp
    words = sdoc.char_span(span.start, span.end, alignment_mode="expand") if sdoc is not None else None
    tok = words[0] if words is not None and len(words) else None
    # (a capital is its people only as the act's whole target: "imposed a curfew in Bamako", not beside whoever the
    # act was done to, "arrested a journalist in Tbilisi", nor aimed at from afar, "fired shells at Seoul")
    aimed = not whole or (words is not None and len(words) > 0 and words.root.dep_ == "pobj"
                          and words.root.head.lower_ in AIMED_PREPS and words.root.head.lower_ not in LOCAL_PREPS)
    city = None
    for pl in doc.places:
        if pl.span.start <= span.start < pl.span.end:
            if pl.feature in ("city", "site") and town_sector(capital=bool(is_capital(name := span.text(doc.text))),
                                                             force=True, aimed=aimed) == "CVL":
                city = name
            break
    if sdoc is None:
        return city
    if tok is not None and words is not None and words[-1].dep_ == "compound" and words[-1].head.lower_ in AREA_NOUNS:
        return None  # "facilities in the Kharkiv region": the area, not the town, is acted on
    for _ in range(4):
        if tok is None:
            break
        if tok.dep_ == "prep" and tok.lower_ in PROXIMITY_PREPS:
            return None
        if city is None and tok.lower_ in SETTLEMENT_NOUNS:
            return doc.text[tok.left_edge.idx : tok.idx + len(tok)].removeprefix("the ").removeprefix("a ")
        if city is None and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ in SETTLEMENT_NOUNS:
            nxt = sdoc[tok.i + 1]
            return doc.text[tok.idx : nxt.idx + len(nxt)]
        tok = tok.head if tok.head is not tok else None
    return city


def country_actor(doc: Doc, iso: str, span: Span, extra: list[Actor], mentions: list[Mention], *,
                  code: str | None = None, whole: bool = False) -> str:
    """Id of the country actor for ``iso`` (ISO3), created (and appended to ``extra``) when the document has none;
    a mention at ``span`` (the place's offsets) is added for it unless one is there already.

    With ``code`` (CAMEO) of force or its threat (:data:`CIVIL_TARGET_ROOTS`), a town, city, village or site acted
    on is its civilians (sector CVL): "threatened to shell Iraqi towns", "imposed a curfew in Algiers", "shelled
    Jericho" (the PLOVER GSR's rule: cities go to CVL), a capital too when it is the act's ``whole`` target, no
    party named ("a curfew in Bamako"; the one rule of :mod:`communique.stages.towns`); one actor per place named,
    ``ISOCVL``. Without force, or for a
    capital only aimed at ("fired shells at Seoul"), the place is its state (as PETRARCH codes capitals)."""
    if code is not None and code[:2] in CIVIL_TARGET_ROOTS and (town := _settlement(doc, span, whole=whole)) \
            is not None:
        return _civilians_actor(doc, iso, town, span, extra, mentions)
    for a in list(doc.actors) + extra:
        if a.kind == "country" and a.country == iso:
            if not any(m.actor_id == a.id and m.span.start <= span.start and span.end <= m.span.end
                       for m in (*doc.mentions, *mentions)):
                mentions.append(Mention(span=span, label="GPE", actor_id=a.id))
            return a.id
    a = Actor(id=doc.new_actor_id(extra), name=country_name(iso), kind="country", code=iso, country=iso)
    extra.append(a)
    mentions.append(Mention(span=span, label="GPE", actor_id=a.id))
    return a.id


def _civilians_actor(doc: Doc, iso: str, town: str, span: Span, extra: list[Actor], mentions: list[Mention]) -> str:
    """Id of the civilians of ``town`` (a group, "civilians in Jericho", ``ISOCVL``), created when the document has
    none of that name; with a mention at ``span`` (the place's offsets)."""
    name = f"civilians in {town}"
    for a in list(doc.actors) + extra:
        if a.kind == "group" and a.code == iso + "CVL" and a.name == name:
            if not any(m.actor_id == a.id and m.span.start <= span.start and span.end <= m.span.end
                       for m in (*doc.mentions, *mentions)):
                mentions.append(Mention(span=span, label="GPE", actor_id=a.id))
            return a.id
    a = Actor(id=doc.new_actor_id(extra), name=name, kind="group", code=iso + "CVL", country=iso, sector="CVL")
    extra.append(a)
    mentions.append(Mention(span=span, label="GPE", actor_id=a.id))
    return a.id


def forces_actor(doc: Doc, iso: str, span: Span, extra: list[Actor], mentions: list[Mention]) -> str:
    """Id of the armed forces of ``iso`` (ISO3; a group ``ISOMIL``, "armed forces of Israel"): the doer of an act of
    force a country word names ("Israeli airstrikes", "U.S. military airstrikes"). The document's own actor of
    that code is used when it has one, else one is created (appended to ``extra``); a mention at ``span`` (the
    country word's offsets, characters into ``Article.text``) is added unless one is there already."""
    for a in list(doc.actors) + extra:
        if a.code == iso + "MIL" and a.kind in ("group", "organization"):
            if not any(m.actor_id == a.id and m.span.start <= span.start and span.end <= m.span.end
                       for m in (*doc.mentions, *mentions)):
                mentions.append(Mention(span=span, label="NORP", actor_id=a.id))
            return a.id
    a = Actor(id=doc.new_actor_id(extra), name=f"armed forces of {country_name(iso)}", kind="group",
              code=iso + "MIL", country=iso, sector="MIL")
    extra.append(a)
    mentions.append(Mention(span=span, label="NORP", actor_id=a.id))
    return a.id
