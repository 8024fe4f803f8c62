"""The finder of collectives named by a common noun: its walk over the words before the noun (country words,
possessives, places, trades, peoples), the country read from the phrase, clause or article, and the sector."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .....knowledge.countries import regional_demonym
from .....knowledge.sectors import TITLE_WORDS, role_sector, sector_for_title
from .....model import Span
from .....textutil import SpanIndex
from ...lexicon import (
    ANONYMOUS_NOUNS,
    ARMED_NOUNS,
    CIVIL_GROUPS,
    ETHNIC_PLURALS,
    ETHNIC_STATES,
    ETHNONYMS,
    GROUP_NOUNS,
    MODIFIERS,
    MOVEMENT_WORDS,
    ORGANIZATION_NOUNS,
    PERSON_NOUNS,
    PLACE_BOUND_NOUNS,
    STANDALONE_NOUNS,
)
from ..base import Found, country_at, resolve_country
from ..peoples import ETHNIC_WORDS, _ethnic
from .context import (
    _FLEEING_NOUNS,
    CLAUSE_PLACE_NOUNS,
    _clause_place_country,
    _fled_country,
    _is_anonymous_context,
    homeland_in_context,
)
from .forces import (
    _CIVIL_USES,
    _CRAFT,
    _NOT_ARMOUR,
    _SECTOR_MODIFIERS,
    CIVIL_CREWS,
    WEAPON_NOUNS,
    _as_instrument,
    _own_forces,
    civil_crew,
)
from .owners import (
    _ALLY_WORDS,
    STATE_NOUNS,
    _demonym_before_and,
    _ethnonym_at,
    _owner_before_possessive,
    _unknown_state_owner,
)
from .phrase import _own_phrase_body, _own_phrase_group, _place_around, _place_country, own_phrase_countries

#: A people's leading figures (named by the people, no state word): elites (ELI), as the PLOVER GSR codes "Yoruba
#: leaders" and "Hausa politicians"; a state's ("Nigerian politicians") keep their sector.
_PEOPLES_ELITES = frozenset({"leaders", "leader", "politicians", "elders", "chiefs", "notables"})

#: Offices held one to a state: named for several states at once ("the Kenyan and Ugandan presidents") they are one
#: person per state, not a group.
_ONE_PER_STATE = frozenset({"presidents", "premiers", "kings", "emirs", "monarchs", "chancellors"})


def _head_of_state(sdoc: Any, i: int) -> int:
    """Tokens the office "head(s) of state" or "head(s) of government" takes from token ``i``: 3, else 0."""
    if sdoc[i].lower_ in ("head", "heads") and i + 2 < len(sdoc) and sdoc[i + 1].lower_ == "of" \
            and sdoc[i + 2].lower_ in ("state", "government"):
        return 3
    return 0


def tspan_text(sdoc: Any, tok: Any, office: int) -> str:
    """The noun as written, or the office's words from it ("head of state")."""
    return sdoc[tok.i : tok.i + office].text if office else str(tok.text)


@dataclass(slots=True)
class _Left:
    """What the words before a collective's noun say: the countries named (ISO3, first token), the end token of a
    place of several words by its first token, the phrase's first token, the words that say the sector (the noun
    last), the modifiers read (right to left), a people's state ("Serb forces": (ISO3 or None, token)), and the
    first tokens of owners read from a possessive."""

    first: int
    sector_words: list[str]
    countries: list[tuple[str, int]] = field(default_factory=list)
    place_ends: dict[int, int] = field(default_factory=dict)
    modifiers: list[str] = field(default_factory=list)
    ethnic_home: tuple[str | None, int] | None = None
    possessed: set[int] = field(default_factory=set)


def _walk_left(sdoc: Any, tok: Any, office: int, people: bool, taken_index: SpanIndex, doc_places: list[Any],
               place_country: Callable[[str], str | None] | None) -> _Left:
    """Read the modifiers left of the noun ``tok`` in its sentence: country words, commas, "and", adjectives like
    "senior", possessives, trades, places, peoples, titles; stop at a word another finder took or any other."""
    low = tok.lower_
    left = _Left(first=tok.i, sector_words=[sdoc[tok.i : tok.i + office].text.lower() if office else low])
    countries, modifiers, sector_words = left.countries, left.modifiers, left.sector_words
    k = tok.i - 1
    while k >= 0 and sdoc[k].sent == tok.sent:
        t = sdoc[k]
        if taken_index.overlaps(Span(t.idx, t.idx + len(t))):
            break
        if k > 0 and (cw := country_at(sdoc, k - 1)) is not None and cw[1] == k + 1:
            countries.append((cw[0], k - 1))  # "South Korean"
            left.first = k - 1
            k -= 1
        elif _demonym_before_and(sdoc, k):
            modifiers.append("and")  # "Japanese and the Australian armies": the demonym before is the noun's too
        elif t.text[:1].isupper() and resolve_country(t.text) and k >= 2 and sdoc[k - 1].text in ("-", "‐") \
                and sdoc[k - 2].lower_ in ("anti", "pro"):
            modifiers += [t.text, "-", sdoc[k - 2].lower_]  # "anti-Syria journalist": against it, not of it
            left.first = k - 2
            k -= 2
        elif t.text[:1].isupper() and (iso := resolve_country(t.text)):
            countries.append((iso, k))
            left.first = k
        elif t.tag_ == "POS" and k > 0 and (poss := _owner_before_possessive(
                sdoc, k, doc_places, place_country)) is not None:
            countries.append(poss)  # "Kenya's government", "South Africa's government", "Kinshasa's governor"
            left.possessed.add(poss[1])
            left.first = poss[1]
            k = poss[1]
        elif t.text[:1].isupper() and t.dep_ in ("amod", "compound") and k >= 2 and sdoc[k - 1].tag_ == "POS" \
                and _owner_before_possessive(sdoc, k - 1, doc_places, place_country) is not None:
            modifiers.append(t.text)  # "Nicaragua's Sandinista government": a name between owner and noun
            left.first = k
        elif t.is_lower and t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.i > t.i and k < tok.i \
                and t.lower_ not in MODIFIERS:
            # "French paper workers", "Haitian gang leaders", "Moscow's city government": a trade or service
            # between the country word and the noun says the sector, not another actor
            sector_words.insert(0, t.lower_)
            modifiers.append(t.lower_)
            left.first = k
        elif low in PLACE_BOUND_NOUNS and k == tok.i - 1 and t.text[:1].isupper() and (
                iso := regional_demonym(t.text)):
            countries.append((iso, k))  # "the Catalan government", "Bavarian police": a region's, of its state
            left.first = k
        elif low in PLACE_BOUND_NOUNS and k == tok.i - 1 and t.text[:1].isupper() and t.pos_ == "PROPN" and (
                iso := _place_country(doc_places, t.idx, t.idx + len(t))
                or (place_country(t.text) if place_country else None)):
            countries.append((iso, k))  # "Karachi police"
            left.first = k
        elif low in PLACE_BOUND_NOUNS and k == tok.i - 1 and t.text[:1].isupper() and (
                (whole := _place_around(doc_places, t.idx)) is not None):
            # "The West Bengal government": a region of several words the place stage resolved
            end_k = k + 1
            while k > 0 and sdoc[k - 1].idx >= whole.span.start:
                k -= 1
            countries.append((str(whole.country), k))
            left.place_ends[k] = end_k
            left.first = k
        elif t.text[:1].isupper() and t.lower_ in ETHNONYMS and not people:
            modifiers.append(t.text)  # "Kurdish fighters", "Bosnian Serb forces": a people, no state
            left.ethnic_home = left.ethnic_home or (ETHNIC_STATES.get(t.lower_), k)
            left.first = k
        elif t.lower_ in MODIFIERS or t.like_num or (t.dep_ == "amod" and t.head.i > t.i and t.is_lower):
            modifiers.append(t.lower_)
            if t.lower_ not in ("and", ",", "-") and not t.like_num:
                left.first = k
        elif t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ in TITLE_WORDS and t.i < t.head.i <= tok.i:
            # "deputy foreign minister"; not a collective of its own joined by "and" ("Peruvian police and
            # Bolivian soldiers": the police are no sector word of the soldiers)
            sector_words.insert(0, t.lower_)
            modifiers.append(t.lower_)
            left.first = k
        else:
            break
        k -= 1
    return left


#: Plural forces a definite article refers back to ("the soldiers", "the troops").
_DEFINITE_FORCES = frozenset({"troops", "soldiers", "forces", "marines", "commandos", "paratroopers", "sailors"})


def _deployer(tok: Any) -> str | None:
    """The state that sends or deploys the forces at ``tok``: the country word subject of the verb of deployment
    ("Cameroon sent troops", "Chad deployed soldiers"), else ``None``."""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    if subj is None or not subj.text[:1].isupper():
        return None
    words = [w for w in subj.subtree if w.dep_ != "det"]
    return resolve_country(" ".join(w.text for w in words)) if words else None


def _one_armed_state(armed: list[tuple[int, str]], sent: int) -> str | None:
    """The one state whose forces were named or deployed in sentence ``sent`` or the one before, else ``None``
    (two states' forces: either may be meant)."""
    states = {iso for k, iso in armed if sent - 1 <= k <= sent}
    return states.pop() if len(states) == 1 else None


def _no_party(sdoc: Any, tok: Any, low: str, taken_index: SpanIndex, tspan: Span) -> bool:
    """Is the noun, before its modifiers are read, no party of its own: "oil tanks", the last word of "head of
    government", a span another finder took, "artillery shells", weapons launched, forces sent, "army jets"?"""
    if low == "tanks" and tok.i > 0 and sdoc[tok.i - 1].lower_ in _NOT_ARMOUR:
        return True
    if tok.i >= 2 and _head_of_state(sdoc, tok.i - 2):
        return True  # "head of government": the office's last word, not the government
    if taken_index.overlaps(tspan):
        return True
    if low in WEAPON_NOUNS and tok.dep_ == "compound" and tok.head.i > tok.i:
        return True  # "artillery shells", "artillery fire": what the weapon fires, no party
    if low in WEAPON_NOUNS and _as_instrument(tok):
        return True  # "launched forty drones at Kharkiv": what is launched or fired is no party to the event
    if low in ARMED_NOUNS and _own_forces(tok):
        return True  # "Japan offered to send troops": forces sent or mobilised are the subject's own, no target
    # "army jets": the actor is the phrase's head
    return tok.dep_ == "compound" and (tok.head.lower_ in PERSON_NOUNS or tok.head.lower_ in GROUP_NOUNS)


def _role_after_country(sdoc: Any, tok: Any) -> bool:
    """Is ``tok`` a role noun of the sector table's role-noun section (:data:`~communique.knowledge.sectors.ROLE_NOUNS`)
    heading its phrase, with a country word before it, over trade words only ("Kenyan truck drivers", "Peruvian
    nurses", "a Chilean dock worker")? Such a role is an actor of that country; without one it is the events
    stage's role party (no country)."""
    if tok.pos_ != "NOUN" or role_sector(tok.lemma_) is None or tok.dep_ == "compound":
        return False
    k = tok.i - 1
    while k >= 0 and sdoc[k].is_lower and sdoc[k].pos_ == "NOUN" and sdoc[k].dep_ == "compound":
        k -= 1  # "truck", "dock": the trade
    if k < 0 or not sdoc[k].text[:1].isupper():
        return False
    for j in (k, k - 1):  # "Kenyan", "South Korean"
        if j >= 0 and (cw := country_at(sdoc, j)) is not None and cw[1] == k + 1:
            return True
    return False


def _modifier_only(sdoc: Any, tok: Any, low: str, left: _Left) -> bool:
    """Is the noun, its modifiers read, no party: "troop movements", "Radical French farmers", "the Syrian
    newspaper Tishreen" (the outlet is the name that follows)?"""
    if low in ("movement", "movements") and not MOVEMENT_WORDS & {*left.modifiers, *left.sector_words}:
        return True  # "Russian troop movements": no political movement, no actor
    nxt = sdoc[tok.i + 1].pos_ if tok.i + 1 < len(sdoc) else ""
    if low in ("radical", "extremist") and nxt in ("NOUN", "PROPN", "ADJ"):
        return True  # "Radical French farmers", "an extremist organization": a modifier, not the actor
    return low in ("newspaper", "broadcaster") and nxt == "PROPN"


def _sector(sdoc: Any, tok: Any, low: str, people: bool, left: _Left, countries: list[tuple[str, int]]) -> str:
    """The collective's sector: a people's civilians (CVL); else the civil group's, the title's of the words read,
    armed nouns MIL, business nouns BUS, else GOV; then the whole phrase's, a people's elites, civil craft, security
    forces, suicide bombers."""
    sector_words, modifiers = left.sector_words, left.modifiers
    sector = "CVL" if people else (
        CIVIL_GROUPS.get(low)
        or (sector_for_title(" ".join(sector_words)) if len(sector_words) > 1 else None)
        or ("MIL" if low in ARMED_NOUNS else None)
        or sector_for_title(" ".join(sector_words))
        or role_sector(tok.lemma_)  # "Kenyan truck drivers" LAB: the role-noun section
        or ("BUS" if low in ("companies", "firms", "businesses") else "GOV"))
    phrase = " ".join([*reversed([m for m in modifiers if m not in ("and", ",", "-")]), low])
    if (low not in CIVIL_GROUPS or _SECTOR_MODIFIERS & set(modifiers)) and (
            whole := sector_for_title(phrase)) and whole != sector_for_title(low):
        sector = whole  # "defence ministry" MIL, "military official" MIL, "coast guard ships" MIL
    named = [ki for _, ki in countries if 0 <= ki < tok.i]  # the words before the noun that gave a country
    if low in _PEOPLES_ELITES and (left.ethnic_home is not None or named) and all(_ethnonym_at(sdoc, ki)
                                                                                  for ki in named):
        sector = "ELI"  # "Yoruba leaders", "Hausa politicians", "Ibo elders": a people's elites, no government
    if low in CIVIL_CREWS and civil_crew(tok, modifiers):
        sector = "CVL"  # "Filipino sailors aboard a cargo ship": a merchant crew, not a navy
    if low in _CRAFT and _CIVIL_USES & set(modifiers):
        sector = "CVL"  # "Vietnamese fishing boats", "Ukrainian cargo ships": civilians' craft
    if low in ("forces", "force") and "security" in modifiers and "military" not in modifiers:
        sector = "MIL"  # Phoenix.agents: SECURITY_FORCE [~MIL] (also [~COP])
    if low in ("militant", "militants") and {"alleged", "suspected"} & set(modifiers):
        sector = "REB"  # Phoenix.agents: ALLEGED_MILITANTS [~REB] (a militant is UAF, MILITIA [~UAF])
    if low == "bombers" and tok.i > 0 and sdoc[tok.i - 1].lower_ == "suicide":
        sector = "REB"  # Phoenix.agents: SUICIDE_BOMBER [~REB]; BOMBER (the aircraft) [~MIL]
    return sector


def _context_countries(sdoc: Any, tok: Any, low: str, people: bool, left: _Left, doc_places: list[Any],
                       named: frozenset[str]) -> tuple[list[tuple[str, int]], bool]:
    """The countries of the words before the noun, else of a people's state or homeland in the article (read only
    when the noun's own phrase names none); and whether the phrase itself names a country (read by the caller)."""
    countries = left.countries
    said_in_phrase = bool(own_phrase_countries(tok, doc_places)) if not countries else True
    if not countries and left.ethnic_home is not None and left.ethnic_home[0] is not None:
        countries = [(left.ethnic_home[0], left.ethnic_home[1])]
    elif said_in_phrase:
        pass  # "Druze residents of the Golan Heights in Syria": the phrase says where (read below)
    elif not countries and left.ethnic_home is not None and (
            home := homeland_in_context(sdoc[left.ethnic_home[1]].lower_, doc_places, named)) is not None:
        countries = [(home, left.ethnic_home[1])]  # "Hausa politicians" in an article placed in Nigeria
    elif not countries and people and (home := homeland_in_context(low, doc_places, named)) is not None:
        countries = [(home, tok.i)]  # "Kurds protested" in an article placed in Iraq
    return countries, said_in_phrase


def find_unnamed(sdoc: Any, taken: list[Span], doc_places: list[Any] | None = None, *,
                 place_country: Callable[[str], str | None] | None = None,
                 groups: list[Found] | None = None, bodies: list[Found] | None = None) -> list[Found]:
    """Officials and groups named by a common noun: "Greek officials", "Israeli aircraft", "police in Hyderabad,
    Pakistan", "Karachi police", "its troops", "the army", "gunmen".

    The country comes only from the phrase itself (a country word, a possessive, a place the collective is
    bound to) or from an earlier phrase with the same noun ("the demonstrators"); "its"/"their" phrases are
    marked (``extra["possessor"]``) for the caller to resolve against the actor just named. Collectives in
    :data:`STANDALONE_NOUNS` are actors with no country when none is said; other nouns need one.
    ``place_country(name)`` (a gazetteer look-up, ISO3 or ``None``) places "Karachi police" when the place
    stage did not geocode the name; ``bodies`` (organisations found, with their country) place the people who
    work or study at one ("drivers at the state railway company of Ghana").
    """
    out: list[Found] = []
    doc_places = doc_places or []
    last_group: dict[str, str] = {}  # noun lemma -> country of the latest group so named
    last_key: dict[str, str] = {}  # noun lemma -> key of the latest group so named ("Karachi police" ... "the police")
    group_states: dict[str, set[str]] = {}  # noun lemma -> every country a group so named had
    armed: list[tuple[int, str]] = []  # (sentence index, country) of every state force named or deployed
    sent_of = {s.start: k for k, s in enumerate(sdoc.sents)}
    shared: dict[int, list[tuple[str, int]]] = {}  # noun token -> the country words before it ("Danish media")
    taken_index = SpanIndex(taken)
    # the states the article names by a word ("the Mozambique government"): where a people's homeland may be
    named = frozenset(iso for e in sdoc.ents if e.label_ in ("GPE", "NORP")
                      and (iso := resolve_country(re.sub(r"^the\s+|[’']s$", "", e.text, flags=re.I))))
    for tok in sdoc:
        low = tok.lower_
        people = low in ETHNIC_PLURALS and tok.text[:1].isupper()  # "Bosnian Serbs": a state's people
        office = _head_of_state(sdoc, tok.i)  # "the Polish head of state": the office's three words
        if tok.pos_ not in ("NOUN", "PROPN") or (low not in PERSON_NOUNS and low not in GROUP_NOUNS and not people
                                                 and not office and not _role_after_country(sdoc, tok)):
            continue
        last_tok = sdoc[tok.i + office - 1] if office else tok  # the phrase's last word
        tail = last_tok.idx + len(last_tok)
        tspan = Span(tok.idx, tail)
        if low in ARMED_NOUNS and _own_forces(tok) and (iso := _deployer(tok)) is not None:
            armed.append((sent_of[tok.sent.start], iso))  # "Cameroon sent troops": Cameroon's, for "the soldiers"
        if _no_party(sdoc, tok, low, taken_index, tspan):
            continue
        left = _walk_left(sdoc, tok, office, people, taken_index, doc_places, place_country)
        if _modifier_only(sdoc, tok, low, left):
            continue
        modifiers, first = left.modifiers, left.first
        if left.possessed and (_ALLY_WORDS & set(modifiers) or (tok.dep_ == "compound"
                                                                and tok.head.lower_ in _ALLY_WORDS)):
            # "Iran's militia ally in eastern Syria": an ally of the owner, not the owner's own
            left.countries = [c for c in left.countries if c[1] not in left.possessed]
            pos = next((j for j in range(max(left.possessed), tok.i) if sdoc[j].tag_ == "POS"), tok.i - 1)
            first = max(first, pos + 1)  # the owner and its "'s" are no part of the ally's name
        countries, _said = _context_countries(sdoc, tok, low, people, left, doc_places, named)
        if countries:
            first = min(first, min(ki for _, ki in countries))
            if any(_ethnic(sdoc, ki) for _, ki in countries):
                countries = []  # "ethnic Albanian guerrillas": no state's forces
                first = min([first, *(ki for ki in range(first, tok.i) if sdoc[ki].lower_ in ETHNIC_WORDS)])
        owner = _own_phrase_group(tok, groups or [])
        if owner is not None and not countries:
            # "fighters from JNIM", "members of the Taliban": the named group itself
            out.append(Found(span=Span(sdoc[first].idx, tok.idx + len(tok)), label="GROUP", kind=owner.kind,
                             name=owner.name, country=owner.country, sector=owner.sector, code=owner.code,
                             key=owner.key, head=owner.head))
            continue
        ally = tok.head if tok.dep_ == "compound" and tok.head.lower_ in _ALLY_WORDS else None
        if not countries and (isos := own_phrase_countries(
                ally or tok, doc_places, located=ally is not None or low in ("forces", "force") and "security" in
                modifiers)):
            # "... militia ally in southern Lebanon" is where the ally is (not its owner's)
            countries = [(iso, -1) for iso in isos]  # "security forces in Guinea" are Guinea's; "troops in Iraq"
            # may be anyone's; "lawmakers in Kenya and Uganda" are two countries' lawmakers, one actor each
        if not countries and (body := _own_phrase_body(tok, bodies or [])) is not None and body.country:
            countries = [(body.country, -1)]  # "drivers at the state railway company of Ghana": GHA
        if not countries and low in _FLEEING_NOUNS and (iso := _fled_country(tok, doc_places)):
            countries = [(iso, -1)]  # "civilians fleeing the fighting in Mali": where they flee from
        if not countries and tok.dep_ == "conj" and tok.head.i in shared and low not in CIVIL_GROUPS and not any(
                c.dep_ in ("det", "poss") for c in tok.children):
            # "Danish media and government": the country word is both nouns'; not across a determiner of the
            # second noun's own ("the Congolese army and the governor of North Kivu": the governor's is unsaid)
            countries = shared[tok.head.i]
        if not countries and low in CLAUSE_PLACE_NOUNS and (iso := _clause_place_country(tok, doc_places)):
            countries = [(iso, -1)]  # "demonstrators gathered outside the embassy in Tripoli"
        if countries and all(0 <= ki < tok.i for _, ki in countries):
            shared[tok.i] = countries
        possessor = not countries and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children)
        prev = sdoc[tok.i - 1].lower_ if tok.i > 0 else ""
        same_as: str | None = None
        if not countries and not possessor and prev in ("the", "these", "those") and tok.lemma_ in last_group \
                and len(group_states[tok.lemma_]) == 1:
            # "The demonstrators accuse ...": the ones named before; after two states' groups so named ("the Kenyan
            # government ... the Ugandan government. The government said"), either may be meant: no country
            countries = [(last_group[tok.lemma_], -1)]
            same_as = last_key.get(tok.lemma_)
        if not countries and not possessor and prev in ("the", "these", "those") and low in _DEFINITE_FORCES and (
                iso := _one_armed_state(armed, sent_of[tok.sent.start])) is not None:
            countries = [(iso, -1)]  # "Cameroon sent troops to the border. The soldiers clashed ...": CMR
        if low in ("media", "television") and "state" not in modifiers and not countries:
            continue  # "social media", "television footage": not an actor
        unknown_owner = not countries and low in STATE_NOUNS and _unknown_state_owner(sdoc, first, taken_index)
        if unknown_owner:
            first -= 2  # "Arnor's foreign minister": a state we do not know owns the noun; no country, an actor
        if not countries and not possessor and low not in STANDALONE_NOUNS and not people and not unknown_owner:
            # "officials", "people" alone carry no country and no identity: not an actor of their own here
            continue
        plural = low.endswith("s") and low not in ("forces", "news", "media")
        kind = "organization" if low in ORGANIZATION_NOUNS else ("group" if plural or low in GROUP_NOUNS else "person")
        if office and low == "head" or (low in _ONE_PER_STATE and len(countries) > 1):
            kind = "person"  # "the Polish head of state"; "the Kenyan and Ugandan presidents": one each
        lemma = sdoc[tok.i : tok.i + office].lemma_.lower() if office else tok.lemma_
        sector = _sector(sdoc, tok, low, people, left, countries)
        det = sdoc[first - 1].lower_ if first > 0 else ""
        anonymous = low in ANONYMOUS_NOUNS and (det in ("a", "an", "one", "two", "three", "several")
                                                or _is_anonymous_context(sdoc, tok.i + 1))
        if low in ("sources", "source"):
            anonymous = True
        span = Span(sdoc[first].idx, tail)
        if not countries:
            words = " ".join([*reversed([m for m in modifiers if m not in ("and", ",", "-")]),
                              tspan_text(sdoc, tok, office)])
            out.append(Found(span=span, label="GROUP" if kind != "person" else "TITLE", kind=kind, name=words,
                             country=None, sector=sector, anonymous=anonymous,
                             key=f"unnamed::{sector}:{lemma}:{tok.i if possessor else ''}",
                             head=tspan,
                             extra={"possessor": possessor}))
            continue
        mine = _per_country(sdoc, tok, office, left, countries, plural, lemma, kind, sector, anonymous, span)
        if same_as is not None and len(mine) == 1 and mine[0].key != same_as and mine[0].key.startswith(
                same_as.rsplit(":", 1)[0]):
            mine[0] = replace(mine[0], key=same_as)  # "the police" after "Karachi police": the same police
        out += mine
        if len(mine) == 1:
            last_key[tok.lemma_] = mine[0].key
        last_group[tok.lemma_] = sorted(countries, key=lambda c: c[1])[-1][0]
        group_states.setdefault(tok.lemma_, set()).update(iso for iso, _ in countries)
        if low in ARMED_NOUNS or sector == "MIL":
            armed += [(sent_of[tok.sent.start], iso) for iso, _ in countries]
    return out


def _per_country(sdoc: Any, tok: Any, office: int, left: _Left, countries: list[tuple[str, int]], plural: bool,
                 lemma: str, kind: str, sector: str, anonymous: bool, span: Span) -> list[Found]:
    """One actor per country the phrase names ("the Russian, American, and Turkish delegations": three), each
    named by its own country word, the peoples and trade words read, and the noun."""
    out: list[Found] = []
    noun = lemma if len(countries) > 1 or plural else tspan_text(sdoc, tok, office)
    for iso, ki in sorted(countries, key=lambda c: c[1]):
        demonym_tok = sdoc[ki] if ki >= 0 else tok
        label_noun = noun if len(countries) > 1 else tspan_text(sdoc, tok, office)
        cw = country_at(sdoc, ki) if ki >= 0 else None
        own = 0 <= ki < tok.i  # a word before the noun names the country (not "Kurds" placed by context)
        lead = sdoc[ki : cw[1]].text if cw else (sdoc[ki : left.place_ends.get(ki, ki + 1)].text if own else "")
        peoples = " ".join(reversed([m for m in left.modifiers if m.lower() in ETHNONYMS and m != lead]))
        name = f"{lead} {peoples} {' '.join(w for w in left.sector_words[:-1])} {label_noun}"
        name = " ".join(name.split())
        # a place that is no country ("the Gujarat government", "Karachi police") is part of who they are: the
        # Gujarat and the Maharashtra governments are two actors of one country
        seat = lead.lower() if own and cw is None and lead else ""
        out.append(Found(span=span, label="GROUP" if kind != "person" else "TITLE", kind=kind, name=name,
                         country=iso, sector=sector, anonymous=anonymous,
                         key=f"unnamed:{iso}:{sector}:{lemma}:{'' if not anonymous else tok.i}"
                             + (f":{seat}" if seat else ""),
                         head=Span(demonym_tok.idx, demonym_tok.idx + len(demonym_tok))))
    return out
