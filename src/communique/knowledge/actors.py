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

from ..errors import InputError
from ..model import Actor
from .agents import Agent


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


class ActorKB:
    """Look up actors by name or alias, respecting the dates their roles held.

    ``reference`` entries (the bundled Phoenix people table) only complete actors the text found: they never
    make an actor of a name by themselves, and they give a country only when every entry under the name agrees.
    """

    def __init__(self, entries: list[KnownActor], *, reference: list[KnownActor] | None = None,
                 agents: list[Agent] | None = None) -> None:
        self.entries = entries
        self.reference = reference or []
        #: agent phrases from the user's PETRARCH agents dictionaries ("cleric" -> REL beside a country)
        self.agents = agents or []
        self._index: dict[str, list[KnownActor]] = {}
        for e in entries:
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
        return cls(parse_kb(data.joinpath("actors.tsv").read_text("utf-8"), source="actors.tsv", origin="bundled"),
                   reference=parse_kb(data.joinpath("phoenix_people.tsv").read_text("utf-8"),
                                      source="phoenix_people.tsv", origin="bundled"))

    def reference_for(self, name: str, *, on: dt.date | None = None) -> KnownActor | None:
        """A reference person so named whose country all entries agree on; the entry holding on ``on`` when
        there is one (its sector and code), else a country-only entry."""
        hits = self._ref.get(name.casefold(), [])
        if not hits or len({e.country for e in hits}) != 1:
            return None
        held = [e for e in hits if e.sector and on is not None and e.valid_from is not None and e.holds_on(on)]
        if held and len({e.name for e in hits}) == 1:  # a role only when the name is one person's
            return held[-1]
        return KnownActor(name=hits[0].name, aliases=(), country=hits[0].country, sector=None, kind="person",
                          valid_from=None, valid_to=None, origin="bundled")

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
        return kb

    @functools.cached_property
    def country_words(self) -> dict[str, str]:
        """Casefolded names of the states the knowledge knows by a bare three-letter code ("ARNOR [ARN]" in a
        PETRARCH dictionary): name -> code. Real countries are resolved by :mod:`communique.knowledge.countries`."""
        out: dict[str, str] = {}
        for e in self.entries:
            code = e.code or e.country or ""
            if e.kind != "person" and len(code) == 3 and code.isalpha() and code.isupper() and not e.sector:
                for key in (e.name, *e.aliases):
                    out.setdefault(key.casefold(), code)
        return out

    def country_word(self, word: str) -> str | None:
        """The code of a state the knowledge names ``word`` ("Arnor"), or of its demonym ("Arnorian")."""
        words = self.country_words
        if not words:
            return None
        w = word.casefold().replace("\u2019", "'").removesuffix("'s")
        if w in words:
            return words[w]
        for suffix in ("ian", "ean", "an", "ese", "i", "ish", "n"):
            stem = w[: -len(suffix)]
            if w.endswith(suffix) and (hit := words.get(stem) or words.get(stem + "e") or words.get(stem + "a")):
                return hit
        return None

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
        hits = [e for e in self._index.get(name.casefold(), []) if e.holds_on(on)]
        if not hits:
            return None
        rank = {e_id: i for i, e_id in enumerate(id(e) for e in hits)}
        return max(hits, key=lambda e: (e.origin == "user", e.valid_from or dt.date.min, e.origin != "learned",
                                        rank[id(e)]))

    def complete(self, actor: Actor, *, on: dt.date | None = None) -> None:
        """Fill country, sector and code the text left open (never overwrite what the text said); a name the text
        gives only in part ("Bekele") takes the knowledge base's full name."""
        if actor.kind not in ("person", "organization"):
            return
        hit = self.find(actor.name, on=on)
        if hit is None and actor.kind == "person":
            hit = self.reference_for(actor.name, on=on)
        if hit is None:
            return
        if len(hit.name) > len(actor.name) and actor.name.casefold() in (a.casefold() for a in hit.aliases):
            actor.name = hit.name
        agrees = actor.country in (None, hit.country) and actor.sector in (None, hit.sector)
        actor.country = actor.country or hit.country
        actor.sector = actor.sector or hit.sector
        if actor.code is None and hit.code and agrees:  # a full code only where the text does not contradict it
            actor.code = hit.code
