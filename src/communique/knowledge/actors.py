"""The actor knowledge base: people and organisations we know, with date-bounded roles.

A knowledge file is a tab-separated text file that users can edit::

    # name	aliases (|-separated)	country	sector	kind	valid_from	valid_to	code
    Vladimir Putin	Putin	RUS	GOV	person	2000-05-07
    Antonio Guterres	Guterres		IGO	person	2017-01-01		IGOUNO

The optional ``code`` column holds a full CAMEO-style actor code where country + sector cannot
say it (officials of international organisations).
Dates are ISO; an empty ``valid_to`` means "still holds".  Roles learned from
the text itself (a title before the name) always win over the knowledge base,
which only fills what the text leaves open.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rapidfuzz.fuzz import ratio
from unidecode import unidecode

from ..errors import InputError
from ..model import Actor
from .agents import Agent
from .countries import is_capital
from .sectors import igo_code


@dataclass(frozen=True, slots=True)
class KnownActor:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    kind: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    code: str | None = None  # a full actor code when country + sector cannot say it ("IGOUNO", "AFGELI")
    #: where the entry comes from: "bundled" (our tables), "user" (the user's files, imported rows) or "learned"
    #: (roles the news stated, from the store); see :meth:`ActorKB.find` for which wins
    origin: str = "user"

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s.strip() else None


#: Name particles written as words of their own ("Omar El Bashir") or joined by a hyphen ("al-Bashir").
_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "ul", "ud"})


#: Similarity (rapidfuzz ``ratio``, 0-100) a misspelled surname needs to its reference spelling, and other words.
FUZZY_LAST = 80
FUZZY_OTHER = 85


def _folded_words(name: str) -> list[str]:
    """Words of a name, casefolded without accents, particles or hyphenated particle prefixes ("Omar El Bashir",
    "Omar al-Bashir" -> ["omar", "bashir"])."""
    out = []
    for w in unidecode(name).casefold().replace(".", " ").split():
        if "-" in w and w.split("-", 1)[0] in _PARTICLES:
            w = w.split("-", 1)[1]
        if w and w not in _PARTICLES:
            out.append(w)
    return out


def _reference_names(name: str, title: str | None) -> list[str]:
    """The names a person is looked up under in the reference, in order: the title with the name ("President
    Bush", as Phoenix lists the aliases of one person, when "Bush" alone is several countries' people), the
    title's last word with the name, the name, the name without particles ("Omar El Bashir", "Omar al-Bashir"
    -> "Omar Bashir"), and its first and last words ("Omar Hassan al-Bashir" -> "Omar Bashir")."""
    out = []
    if title:
        out += [f"{title} {name}", f"{title.split()[-1]} {name}"]
    out.append(name)
    if "-" in name:  # "Jean-Bertrand Aristide": PETRARCH dictionaries join a name's words with "_" only
        spaced = " ".join(w if w.split("-", 1)[0].casefold() in _PARTICLES else w.replace("-", " ")
                          for w in name.split())
        if title:
            out += [f"{title} {spaced}"]
        out.append(spaced)
    words = [w.split("-", 1)[1] if "-" in w and w.split("-", 1)[0].casefold() in _PARTICLES else w
             for w in name.split() if w.casefold() not in _PARTICLES]
    if len(words) >= 2:
        out.append(" ".join(words))
    if len(words) >= 3:
        out.append(f"{words[0]} {words[-1]}")
    return list(dict.fromkeys(out))


def parse_kb(text: str, *, source: str = "<kb>", origin: str = "user") -> list[KnownActor]:
    rows: list[KnownActor] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 8)[:8]
        try:
            rows.append(KnownActor(
                name=cols[0].strip(),
                aliases=tuple(a.strip() for a in cols[1].split("|") if a.strip()),
                country=cols[2].strip() or None,
                sector=cols[3].strip() or None,
                kind=cols[4].strip() or "person",
                valid_from=_date(cols[5]),
                valid_to=_date(cols[6]),
                code=cols[7].strip() or None,
                origin=origin,
            ))
        except ValueError as exc:
            raise InputError(f"{source}:{n}", f"bad knowledge row ({exc})") from None
    return rows


@functools.lru_cache(maxsize=1)
def _organisations() -> dict[str, KnownActor]:
    """The bundled organisations of one country (``phoenix_orgs.tsv``, built by ``scripts/build_phoenix_people.py``
    from the Phoenix dictionary, MIT licence): name or alias -> a country-and-sector entry.
    Acronyms are keyed as written ("CIA"), other names casefolded; a name two countries share is no one's."""
    data = resources.files("communique.knowledge").joinpath("data")
    rows = parse_kb(data.joinpath("phoenix_orgs.tsv").read_text("utf-8"), source="phoenix_orgs.tsv", origin="bundled")
    out: dict[str, KnownActor] = {}
    shared: set[str] = set()
    for e in rows:
        # a legislature Phoenix codes GOVLEG is LEG by our sector table (knowledge.sectors: parliament LEG)
        sector = "LEG" if "LEG" in (e.code or "")[3:] else e.sector
        entry = KnownActor(name=e.name, aliases=(), country=e.country, sector=sector, kind="organization",
                           valid_from=None, valid_to=None, origin="bundled")
        for key in (e.name, *e.aliases):
            k = key if key.isupper() else key.casefold()
            if k in out and out[k].country != e.country:
                shared.add(k)
            out.setdefault(k, entry)
    return {k: v for k, v in out.items() if k not in shared}


def _organisation_reference(name: str) -> KnownActor | None:
    """The country and sector of an organisation of one country so named ("CIA", "the Knesset", "Mossad")."""
    bare = name[4:] if name[:4].casefold() == "the " else name
    orgs = _organisations()
    return orgs.get(bare) or orgs.get(bare.casefold())  # ("USAID": the dictionary writes "Usaid")


class ActorKB:
    """Look up actors by name or alias, respecting the dates their roles held.

    ``reference`` entries (the bundled Phoenix people table) only complete actors the text found: they never
    make an actor of a name by themselves, and they give a country only when every entry under the name agrees (or,
    on the article's date, the role then held by the one person so named: :meth:`reference_for`).
    """

    def __init__(self, entries: list[KnownActor], *, reference: list[KnownActor] | None = None,
                 agents: list[Agent] | None = None) -> None:
        self.entries = entries
        self.reference = reference or []
        #: agent phrases from the user's PETRARCH agents dictionaries ("cleric" -> REL beside a country)
        self.agents = agents or []
        self._index: dict[str, list[KnownActor]] = {}
        #: capitals a user's PETRARCH dictionary lists as synonyms of a state (``kind="capital"``): no names of
        #: their own, the code of the capital where the actor stage reads it as its state (:meth:`complete`)
        self._capitals: dict[str, list[KnownActor]] = {}
        for e in entries:
            if e.kind == "capital":
                self._capitals.setdefault(e.name.casefold(), []).append(e)
                continue
            for key in (e.name, *e.aliases):
                self._index.setdefault(key.casefold(), []).append(e)
        self._ref: dict[str, list[KnownActor]] = {}
        partial: dict[str, list[KnownActor]] = {}
        given = {e.name.split()[0].casefold() for e in self.reference if " " in e.name}
        for e in self.reference:
            parts = e.name.split()
            for key in (e.name, *e.aliases) if len(parts) > 1 or e.name.casefold() not in given else e.aliases:
                # a one-word name that other people have as a given name ("Hassan", "Abdullah") is no one's
                # alone; one that is not ("Suharto", "Akihito") is
                self._ref.setdefault(key.casefold(), []).append(e)
            if len(parts) > 1 and len(parts[-1]) > 3:
                partial.setdefault(parts[-1].casefold(), []).append(e)  # "Mugabe", "Bush"
            if len(parts) > 2:
                partial.setdefault(f"{parts[0]} {parts[-1]}".casefold(), []).append(e)  # "Carlos Menem"
        for key, hits in partial.items():
            # a surname or first-and-last name stands for every reference person so named: it gives a country
            # only when they all agree on one (reference_for), so a surname shared across countries gives none
            if key not in self._ref:
                self._ref[key] = hits

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> ActorKB:
        data = resources.files("communique.knowledge").joinpath("data")
        reference = [e for name in ("phoenix_people.tsv", "phoenix_igo_people.tsv")
                     for e in parse_kb(data.joinpath(name).read_text("utf-8"), source=name, origin="bundled")]
        return cls(parse_kb(data.joinpath("actors.tsv").read_text("utf-8"), source="actors.tsv", origin="bundled"),
                   reference=reference)

    def reference_for(self, name: str, *, on: dt.date | None = None, titled: bool = True,
                      sector: str | None = None) -> KnownActor | None:
        """A reference person so named: on a day ``on``, when the name is one person's, the dated entry holding
        that day (its country, sector and code: "Kofi Annan" IGOUNO in 2003), else, when none holds, the person's
        undated entry, PETRARCH's default code (ELI in 2010: a former official; a former leader is ``AFGELI``);
        otherwise, when every entry agrees on one country, a country-only entry.  A one-word name of the reference
        ("Suharto") counts only for a ``titled`` mention ("President Suharto"): alone it may be a word the NER
        took for a name ("Kurd"); with the mention's ``sector`` it counts only for people who held an office of
        that sector ("Senator King" is not the Saint Lucian head of government Stephenson King)."""
        hits = self._ref.get(name.casefold(), [])
        if not titled:
            hits = [e for e in hits if " " in e.name]
        if sector and " " not in name.strip() and hits:
            # a bare surname with a title ("Senator King"): only people who held an office of that sector
            # ("Stephenson King", a head of government, is no senator)
            held_sector = {e.name for e in hits if e.sector == sector}
            hits = [e for e in hits if e.name in held_sector]
        if on is not None and len({e.name for e in hits}) == 1:  # a role only when the name is one person's
            dated = [e for e in hits if e.valid_from is not None or e.valid_to is not None]
            held = [e for e in dated if e.sector and e.holds_on(on)]
            if held:
                return held[-1]
            default = [e for e in hits if e.sector and e not in dated]
            if dated and default:  # dated offices, none held that day: the code for the other days
                return default[-1]
        if not hits or len({e.country for e in hits}) != 1:
            return None
        return KnownActor(name=hits[0].name, aliases=(), country=hits[0].country, sector=None, kind="person",
                          valid_from=None, valid_to=None, origin="bundled")

    def misspelled_reference(self, name: str, *, sector: str | None = None) -> KnownActor | None:
        """The country of the reference person a titled name misspells ("President Laurent Gbago" -> Laurent
        Gbagbo, "President Francois Mitterand" -> François Mitterrand), as a country-only entry, else ``None``.

        Names are compared without accents or particles: the last words must be at least
        :data:`FUZZY_LAST` similar (rapidfuzz ``ratio``, 0-100) and begin alike, with five letters or more; every
        other word of ``name`` must be a word of the reference name or :data:`FUZZY_OTHER` similar to one. Every
        person so matched must be of one country and, with ``sector`` (the title's), have held an office of it;
        and every reference person whose surname is so similar, whatever the given name, of that same country (a
        misspelling of a rare name, not of a common one: "Smyth" may be any of several countries' Smiths)."""
        words = _folded_words(name)
        if len(words) < 2 or len(words[-1]) < 5:
            return None
        last, others = words[-1], words[:-1]
        people: dict[str, list[KnownActor]] = {}
        surnamed: set[str | None] = set()  # the countries of everyone with a surname like it
        for ref_words, entries in self._fuzzy_index.get(last[0], []):
            if ratio(last, ref_words[-1]) < FUZZY_LAST:
                continue
            surnamed.update(e.country for e in entries)
            if all(o in ref_words or any(ratio(o, w) >= FUZZY_OTHER for w in ref_words) for o in others):
                people.setdefault(entries[0].name, []).extend(entries)
        if sector:
            people = {k: v for k, v in people.items() if any(e.sector == sector for e in v)}
        countries = {e.country for v in people.values() for e in v}
        if len(countries) != 1 or None in countries or len(surnamed) != 1:
            # a surname spelt like several countries' people ("Smyth": the Smiths) may be anyone's
            return None
        first = next(iter(people.values()))[0]
        return KnownActor(name=first.name, aliases=(), country=first.country, sector=None, kind="person",
                          valid_from=None, valid_to=None, origin="bundled")

    @functools.cached_property
    def _fuzzy_index(self) -> dict[str, list[tuple[list[str], list[KnownActor]]]]:
        """First letter of the folded last word -> (folded words, entries) of each reference person of two words
        or more."""
        by_name: dict[str, list[KnownActor]] = {}
        for e in self.reference:
            if " " in e.name.strip():
                by_name.setdefault(e.name, []).append(e)
        out: dict[str, list[tuple[list[str], list[KnownActor]]]] = {}
        for nm, entries in by_name.items():
            words = _folded_words(nm)
            if len(words) >= 2:
                out.setdefault(words[-1][0], []).append((words, entries))
        return out

    @classmethod
    def from_files(cls, paths: list[Path], *, include_default: bool = True) -> ActorKB:
        """Our tab-separated files, PETRARCH/TABARI ``.actors`` dictionaries and agents dictionaries, told apart
        by their content (``CLERIC [~REL]`` agents; ``NAME_ [CODE]``, ``+SYNONYM`` actor lines), else by a name
        ending in ``.actors``/``.actors.txt``."""
        from .agents import looks_like_agents, parse_agents
        from .petrarch import looks_like_petrarch, parse_petrarch_actors

        base = cls.default()
        entries = list(base.entries) if include_default else []
        agents: list[Agent] = []
        for p in paths:
            text = p.read_text("utf-8")
            if looks_like_agents(text):  # "CLERIC [~REL]": an agents dictionary
                agents += parse_agents(text, source=str(p))
                continue
            petrarch = looks_like_petrarch(text)
            if petrarch is None:
                petrarch = p.name.casefold().endswith((".actors", ".actors.txt"))
            entries += parse_petrarch_actors(text, source=str(p)) if petrarch else parse_kb(text, source=str(p))
        return cls(entries, reference=base.reference if include_default else None, agents=agents)

    def with_learned(self, learned: list[KnownActor]) -> ActorKB:
        """A knowledge base that also knows ``learned`` entries (roles from the store, ``origin`` "learned" or
        "user" for imported rows); which entry wins on a day is :meth:`find`'s rule."""
        kb = ActorKB(list(self.entries) + list(learned), agents=self.agents)
        kb.reference, kb._ref = self.reference, self._ref  # the reference index is shared, not rebuilt
        # so is the reference's misspelling index (built once here, not once per batch of learned roles)
        kb.__dict__["_fuzzy_index"] = self._fuzzy_index
        return kb

    @staticmethod
    def _state_code(e: KnownActor) -> str | None:
        """The bare three-letter code of a state entry ("ARNOR [ARN]", "KUWAIT [KUW]"), else ``None``."""
        code = e.code or e.country or ""
        if e.kind not in ("person", "capital") and len(code) == 3 and code.isalpha() and code.isupper() \
                and not e.sector:
            return code
        return None

    @functools.cached_property
    def country_words(self) -> dict[str, str]:
        """Casefolded names of the states the knowledge knows by a bare three-letter code ("ARNOR [ARN]" in a
        PETRARCH dictionary): name -> code (the first listed; :meth:`country_word` chooses by date)."""
        out: dict[str, str] = {}
        for e in self.entries:
            if (code := self._state_code(e)) is not None:
                for key in (e.name, *e.aliases):
                    out.setdefault(key.casefold(), code)
        return out

    def country_word(self, word: str, *, on: dt.date | None = None) -> str | None:
        """The code of a state the knowledge names ``word`` ("Arnor", "Kuwait"), or of its demonym ("Arnorian").

        The actor stage asks this before our own country names, so that a dictionary's code for a name it lists
        wins over ours ("KUWAIT [KUW]" against our KWT, "NEW_ZEALAND [NZE]" against NZL).  The entry is the one
        :meth:`find` takes on ``on`` (``None``: still holding): "ZIMBABWE [RHO <790606] [ZBW]" is RHO in 1978 and
        ZBW after; when that entry is no state (a dated office of a name also listed with a bare code:
        "GOLLUM [HOB <950601] [HOBGOV 19950601-19990815]"), or none holds, ``None``, and the name is left to the
        knowledge-base scan."""
        words = self.country_words
        if not words:
            return None
        w = word.casefold().replace("\u2019", "'").removesuffix("'s")
        key: str | None = w if w in words else None
        for suffix in ("ian", "ean", "an", "ese", "i", "ish", "n") if key is None else ():
            if w.endswith(suffix):
                stem = w[: -len(suffix)]
                key = next((k for k in (stem, stem + "e", stem + "a") if k in words), None)
                if key is not None:
                    break
        if key is None:
            return None
        hit = self.find(key, on=on)
        return self._state_code(hit) if hit is not None else None

    @functools.cached_property
    def longest_alias(self) -> int:
        """Words in the longest name or alias (how far a text scan needs to look ahead)."""
        return max((len(k.split()) for k in self._index), default=0)

    def find(self, name: str, *, on: dt.date | None = None) -> KnownActor | None:
        """The entry for ``name`` (a name or alias, case-insensitive) holding on ``on`` (``None``: still holding).

        Where several hold: the user's (files, imported rows) win; else the role that began latest, so that a
        change of office learned from later news supersedes a bundled or older role for the days after it was
        observed (earlier days keep the older role: history is not rewritten); on equal starts a bundled entry
        beats a learned one, and a later row of the same file beats an earlier one."""
        key = name.casefold()
        hits = [e for e in self._index.get(key, []) if e.holds_on(on)]
        if not hits and "_" in key:  # "Dol_Amroth": words joined as PETRARCH dictionaries and texts join them
            hits = [e for e in self._index.get(" ".join(key.replace("_", " ").split()), []) if e.holds_on(on)]
        if not hits:
            return None
        rank = {e_id: i for i, e_id in enumerate(id(e) for e in hits)}
        return max(hits, key=lambda e: (e.origin == "user", e.valid_from or dt.date.min, e.origin != "learned",
                                        rank[id(e)]))

    def _capital(self, name: str, on: dt.date | None) -> KnownActor | None:
        hits = [e for e in self._capitals.get(name.casefold(), []) if e.holds_on(on) and e.code]
        return hits[-1] if hits else None

    def complete(self, actor: Actor, *, on: dt.date | None = None) -> None:
        """Fill country, sector and code the text left open (never overwrite what the text said); a name the text
        gives only in part ("Bekele") takes the knowledge base's full name.  The user's entries beat our own tables:
        an organisation holding our IGO table's code for its name takes the user's code for it, and a capital
        acting as its state takes the code the user's dictionary gives the capital (a ``kind="capital"`` entry)."""
        if actor.kind == "country" and actor.country \
                and (capital := self._capital(actor.name, on)) is not None and is_capital(actor.name) == actor.country:
            # a capital acting as its state ("Pyongyang fired"): the code the user's dictionary gives the capital,
            # not our capital rule's government
            actor.code, actor.sector = capital.code, capital.sector
        if actor.kind not in ("person", "organization"):
            return
        hit = self.find(actor.name, on=on)
        if hit is None and actor.kind == "person":
            hit = next((h for name in _reference_names(actor.name, actor.title)
                        if (h := self.reference_for(name, on=on, titled=bool(actor.title),
                                                           sector=actor.sector)) is not None), None)
        if hit is None and actor.kind == "person" and actor.title and actor.country is None:
            hit = self.misspelled_reference(actor.name, sector=actor.sector)
        if hit is None and actor.kind == "organization" and actor.country is None and self.reference:
            hit = _organisation_reference(actor.name)
        if hit is None:
            return
        if len(hit.name) > len(actor.name) and actor.name.casefold() in (a.casefold() for a in hit.aliases):
            actor.name = hit.name
        if hit.origin == "user" and hit.code and actor.code and actor.code != hit.code \
                and (ours := igo_code(actor.name)) is not None and ours[0] == actor.code:
            # our own table's code for the name ("International Criminal Court" IGOJUDICC) is no word of the text:
            # the user's dictionary, which codes the name itself, wins
            actor.code, actor.country, actor.sector = hit.code, hit.country, hit.sector
            return
        agrees = actor.country in (None, hit.country) and actor.sector in (None, hit.sector)
        actor.country = actor.country or hit.country
        actor.sector = actor.sector or hit.sector
        if actor.code is None and hit.code and agrees:  # a full code only where the text does not contradict it
            actor.code = hit.code
