"""Unnamed parties in argument slots: people named only by their role ("the prime minister", "asylum seekers",
"union members", "students", "the protesting truck drivers"), made actors when an event's source or target slot
would otherwise stay empty.

The actors stage makes actors of such nouns only with a country said (or for armed and state collectives,
``actors.lexicon.STANDALONE_NOUNS``). An event still has a party there: "Hungary will not accept asylum seekers"
is a rejection aimed at the asylum seekers, country unknown. :func:`role_parties` reads every role noun of a
sentence that no actor covers; the coder tries the slots again with them (``coder``) and keeps a role party only
where a slot was empty.

* The sector is the role's (our own lexicon below; Phoenix.agents codes the same roles: ASYLUM_SEEKER [~REF],
  LECTURER [~EDU], WORKER [~LAB], FARMER [~AGR], DOCTOR [~HLH], JUDGE [~JUD], PROTESTER [~OPP]); the whole phrase
  wins when the sector table knows it ("the interior minister" GOV, "the defence minister" MIL, "riot police
  officers" COP).
* The country comes only from the phrase itself: a country word before the noun ("Hungarian truck drivers") or
  its own from/of/in phrase ("farmers from Kenya"). Never from the last country named: a wrong country is worse
  than none. Chains and knowledge entries are the actors stage's: a role noun it linked has a mention, and is
  left alone here.

Offsets are characters into ``Article.text``; actor ids of the parties are provisional (``role:<token>``) until
the coder adopts one (``adopt``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ....knowledge.countries import countries, country_name
from ....knowledge.sectors import ROLE_NOUNS, sector_for_title
from ....model import Actor, Doc, Mention, Span
from ...actors.find.base import country_at
from ...actors.find.collectives.phrase import own_phrase_countries
from ...actors.lexicon import GROUP_NOUNS, PERSON_NOUNS
from ..phrases import ActorIndex
from ..place_targets import country_actor
from .objects import acts_against

#: Role nouns and their sectors: the role-noun section of the one sector table
#: (:data:`communique.knowledge.sectors.ROLE_NOUNS`).
ROLE_SECTORS: dict[str, str] = ROLE_NOUNS
#: Role nouns that are a party only with a word saying whose members they are ("union members", "party members",
#: "aid agencies", "rights groups"): the sector the phrase's words give, else none.
NEEDS_SECTOR_WORD = frozenset({"member", "agency", "group", "organization", "organisation", "leader", "official"})
#: Modifier words that say the sector of a role noun of :data:`NEEDS_SECTOR_WORD` or override a role's.
SECTOR_WORDS: dict[str, str] = {
    "union": "LAB", "labour": "LAB", "labor": "LAB", "trade": "LAB", "party": "PTY", "opposition": "OPP",
    "aid": "NGO", "rights": "NGO", "humanitarian": "NGO", "charity": "NGO", "relief": "NGO", "religious": "REL",
    "church": "REL", "muslim": "REL", "christian": "REL", "catholic": "REL", "islamic": "REL", "jewish": "REL",
    "student": "EDU", "university": "EDU", "business": "BUS", "health": "HLH", "asylum": "REF", "tribal": "CVL",
    "community": "CVL", "civic": "CVL", "protesting": "OPP", "striking": "LAB", "displaced": "REF",
}
#: Heads that need one particular word before them ("asylum seekers"; a bare "seeker" is no one).
REQUIRED_WORDS: dict[str, frozenset[str]] = {"seeker": frozenset({"asylum", "refuge", "job"})}
#: Role nouns that also name a stance or a body's standing ("voiced opposition to the plan", "the company of
#: soldiers"): a party only as "the opposition", "the company", with no of/to phrase after.
ABSTRACT_TOO = frozenset({"opposition", "company", "union", "management", "party"})
#: Entity types of a head that names something other than a role.
_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "DATE", "TIME"})
#: Children before the noun that belong to its phrase.
_LEFT_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "quantmod"})


@dataclass(frozen=True, slots=True)
class RoleParty:
    """A role noun no actor covers: the actor it would be (provisional id ``role:<token index>``) and its
    mention (the noun and the words before it that are its phrase)."""

    actor: Actor
    mention: Mention
    token: int


def _left_words(tok: Any) -> list[Any]:
    """The words before the noun that belong to its phrase ("the protesting truck drivers": protesting, truck),
    leftmost first."""
    out: list[Any] = []
    for c in tok.children:
        if c.i < tok.i and c.dep_ in _LEFT_DEPS:
            out += [t for t in c.subtree if t.i < tok.i]
    return sorted(out, key=lambda t: t.i)


def _party_noun(tok: Any) -> bool:
    """Does ``tok`` name people or a body itself (a role noun, or a noun the actors stage makes parties of)?"""
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in ROLE_SECTORS or tok.lower_ in PERSON_NOUNS \
        or tok.lower_ in GROUP_NOUNS


def _party_sense(tok: Any) -> bool:
    """Is a noun of :data:`ABSTRACT_TOO` a party here: with a definite article, a possessive or a modifier before
    it, and no of/to phrase after it ("the opposition", "the main opposition", not "opposition to the plan")?"""
    before = any(c.dep_ in ("det", "poss", "amod", "compound") and c.i < tok.i and c.lower_ not in ("a", "an", "any")
                 for c in tok.children)
    return before and not any(c.dep_ == "prep" and c.lower_ in ("of", "to") and c.i > tok.i for c in tok.children)


def _sector(tok: Any, lemma: str, left: list[Any]) -> str | None:
    """The role's sector: a modifier's (:data:`SECTOR_WORDS`), else the sector table's for the whole phrase when
    it knows a longer one ("interior minister", "riot police officers"), else the noun's own."""
    for t in reversed(left):
        if (s := SECTOR_WORDS.get(t.lower_)) is not None:
            return s
    own = ROLE_SECTORS.get(lemma) if lemma not in NEEDS_SECTOR_WORD else None
    words = " ".join([*(t.lower_ for t in left if t.is_alpha), tok.lower_])
    whole = sector_for_title(words) if left else None
    if whole is not None and whole != sector_for_title(tok.lower_):
        return whole  # "the defence minister" MIL; not "the two leaders" (the noun's own sector: no word says it)
    return own


def _country(tok: Any, left: list[Any], doc: Doc) -> str | None:
    """The country the phrase itself says: a country word before the noun, else its own from/of/in phrase; one
    country or none."""
    sdoc = tok.doc
    for t in left:
        if t.text[:1].isupper() and (cw := country_at(sdoc, t.i)) is not None and cw[1] <= tok.i:
            return cw[0]
    found = own_phrase_countries(tok, list(doc.places))
    return found[0] if len(found) == 1 else None


#: Dependencies of a noun phrase's head that make it a party of the clause (not a modifier: "Ethiopian troops").
_PARTY_DEPS = frozenset({"pobj", "dobj", "obj", "nsubj", "nsubjpass", "conj", "appos", "dative"})


def country_parties(sentence: Any, args: ActorIndex) -> list[RoleParty]:
    """Country names and plural demonyms the actors stage left without an actor (a name the tagger read as a
    people, "aid to Tajikistan"; "borders for South Koreans"), heading a noun phrase of the clause: the country
    (``kind="country"``), or its people (``ISOCVL``) for a demonym. Known names only (the country table)."""
    sdoc = sentence.doc
    out: list[RoleParty] = []
    k = sentence.start
    while k < sentence.end:
        tok = sdoc[k]
        cw = country_at(sdoc, k) if tok.pos_ in ("PROPN", "NOUN") and (
            k == sentence.start or not sdoc[k - 1].text[:1].isupper()) else None
        if cw is None or cw[1] > sentence.end:
            k += 1
            continue
        iso, end = cw
        words = sdoc[k:end]
        k = end
        if words[-1].dep_ not in _PARTY_DEPS or (end < len(sdoc) and sdoc[end].text[:1].isupper()) \
                or args.in_tokens(list(words), outlets=True):
            continue
        text = words.text
        people = text.casefold().endswith("s") and text.casefold()[:-1] in {
            d.casefold() for d in countries()[iso].demonyms}
        span = Span(words[0].idx, words[-1].idx + len(words[-1]))
        actor = Actor(id=f"role:{words[0].i}", name=text if people else country_name(iso),
                      kind="group" if people else "country", code=iso + "CVL" if people else iso, country=iso,
                      sector="CVL" if people else None)
        out.append(RoleParty(actor=actor, mention=Mention(span=span, label="GROUP" if people else "GPE",
                                                          actor_id=actor.id), token=words[-1].i))
    return out


def role_parties(doc: Doc, sentence: Any, args: ActorIndex) -> list[RoleParty]:
    """Every role noun of the spaCy ``sentence`` (a span of ``doc.nlp``) that no actor's mention covers, its phrase
    included, as a provisional actor with one mention. ``[]`` when there is none."""
    out: list[RoleParty] = []
    for tok in sentence:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in _NAMED:
            continue  # (the tagger reads "the prime minister" as a name now and then: a role word all the same)
        lemma = tok.lemma_.lower()
        if lemma not in ROLE_SECTORS and lemma not in NEEDS_SECTOR_WORD:
            continue
        if tok.dep_ == "compound" and _party_noun(tok.head):
            continue  # "union leaders", "student activists": the head is the party ("opposition rallies": the
            # rallies' doer)
        left = _left_words(tok)
        if (need := REQUIRED_WORDS.get(lemma)) is not None and not any(t.lower_ in need for t in left):
            continue
        if lemma in ABSTRACT_TOO and tok.dep_ not in ("compound", "poss") and not _party_sense(tok):
            continue
        if args.in_tokens([*left, tok], outlets=True):
            continue  # an actor is named there already ("Kenyan doctors", "Ssangyong union workers")
        sector = _sector(tok, lemma, left)
        if sector is None:
            continue  # "members", "a group": whose, the phrase does not say
        country = _country(tok, left, doc)
        first = left[0] if left else tok
        plural = tok.tag_ in ("NNS", "NNPS") or lemma in ("staff",)
        name = doc.text[first.idx : tok.idx + len(tok)]
        actor = Actor(id=f"role:{tok.i}", name=name, kind="group" if plural else "person",
                      code=(country or "") + sector, country=country, sector=sector,
                      title=None if plural else name)
        span = Span(first.idx, tok.idx + len(tok))
        out.append(RoleParty(actor=actor, mention=Mention(span=span, label="GROUP" if plural else "TITLE",
                                                          actor_id=actor.id, head=Span(tok.idx, tok.idx + len(tok))),
                             token=tok.i))
    return out


def _not_done(tok: Any) -> bool:
    """Is the act noun ``tok`` one asked for, let or not let, banned or rejected ("called for protests", "denied
    permission for the opposition rally", "Opposition rallies were banned"), so that a role noun naming its doer
    makes no event of it?"""
    if tok.pos_ == "VERB":
        return False
    return (tok.dep_ == "pobj" and tok.head.lower_ == "for") or (
        tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.pos_ == "VERB" and acts_against(tok.head))


class RoleSlots:
    """The role parties of one document, read per sentence when first needed, and the ones adopted so far (one
    actor per role noun, however many events it is a party to)."""

    def __init__(self, doc: Doc, args: ActorIndex) -> None:
        self.doc = doc
        self.args = args
        self._by_sentence: dict[int, tuple[list[RoleParty], ActorIndex | None]] = {}
        self._adopted: dict[str, str] = {}  # provisional id -> the id of the actor made for it

    def _parties(self, tok: Any) -> tuple[list[RoleParty], ActorIndex | None]:
        sent = tok.sent
        got = self._by_sentence.get(sent.start)
        if got is None:
            parties = role_parties(self.doc, sent, self.args) + country_parties(sent, self.args)
            index = ActorIndex(self.doc, [(p.mention, p.actor) for p in parties]) if parties else None
            got = self._by_sentence[sent.start] = (parties, index)
        return got

    def fill(self, tok: Any, code: str, found: tuple[list[str], list[str]] | None, *, events: list[Any],
             countries: dict[str, str | None], extra_actors: list[Actor],
             extra_mentions: list[Mention]) -> tuple[list[str], list[str]] | None:
        """``found`` (source and target ids of trigger ``tok`` coded ``code``, or ``None``) with an empty slot
        filled by a role party of the sentence, when the argument finder, run again with the role parties as
        actors, puts one there: no source found gives the whole new result; a source found keeps it and takes the
        new target when a role party is in it. A slot already filled is never changed. Role parties
        used become actors (appended to ``extra_actors`` with their mention in ``extra_mentions``)."""
        from .core import find_arguments  # (core wires every finder; imported here, once it is loaded)

        if found is not None and found[1]:
            return found
        parties, index = self._parties(tok)
        if index is None:
            return found
        roles = {p.actor.id: p for p in parties}
        trial_actors, trial_mentions = list(extra_actors), list(extra_mentions)
        trial_countries = dict(countries) | {p.actor.id: p.actor.country for p in parties}
        again = find_arguments(self.doc, tok, code, args=index, events=events, countries=trial_countries,
                               extra_actors=trial_actors, extra_mentions=trial_mentions)
        if again is None:
            return found
        src, tgt = again
        if found is None:
            if _not_done(tok) or not any(a in roles for a in [*src, *tgt]):
                return found
            result = (src, tgt)
        else:
            # the source found stays (a place's or a country word's in the subject's own phrase: "a court in
            # Nairobi"); the new target, when a role party is in it
            tgt = [a for a in tgt if a not in found[0]]
            if not any(a in roles for a in tgt):
                return found
            result = (list(found[0]), tgt)
        extra_actors[:] = trial_actors
        extra_mentions[:] = trial_mentions
        for k, v in trial_countries.items():
            if k not in roles:
                countries[k] = v
        return [self._adopt(a, roles, countries, extra_actors, extra_mentions) for a in result[0]], \
            [self._adopt(a, roles, countries, extra_actors, extra_mentions) for a in result[1]]

    def _adopt(self, aid: str, roles: dict[str, RoleParty], countries: dict[str, str | None],
               extra_actors: list[Actor], extra_mentions: list[Mention]) -> str:
        """The actor id for ``aid``: itself, or for a role party the actor made for it (made on first use)."""
        party = roles.get(aid)
        if party is None:
            return aid
        if aid in self._adopted:
            return self._adopted[aid]
        a = party.actor
        if a.kind == "country" and a.country:
            # the document's actor for the country when it has one ("place_targets.country_actor")
            self._adopted[aid] = country_actor(self.doc, a.country, party.mention.span, extra_actors, extra_mentions)
            countries[self._adopted[aid]] = a.country
            return self._adopted[aid]
        new = Actor(id=self.doc.new_actor_id(extra_actors), name=a.name, kind=a.kind, code=a.code,
                    country=a.country, sector=a.sector, title=a.title)
        extra_actors.append(new)
        m = party.mention
        extra_mentions.append(Mention(span=m.span, label=m.label, actor_id=new.id, head=m.head))
        countries[new.id] = new.country
        self._adopted[aid] = new.id
        return new.id
