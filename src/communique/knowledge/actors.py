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

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s.strip() else None


def parse_kb(text: str, *, source: str = "<kb>") -> list[KnownActor]:
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
            ))
        except ValueError as exc:
            raise InputError(f"{source}:{n}", f"bad knowledge row ({exc})") from None
    return rows


class ActorKB:
    """Look up actors by name or alias, respecting the dates their roles held."""

    def __init__(self, entries: list[KnownActor]) -> None:
        self.entries = entries
        self._index: dict[str, list[KnownActor]] = {}
        for e in entries:
            for key in (e.name, *e.aliases):
                self._index.setdefault(key.casefold(), []).append(e)

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> ActorKB:
        text = resources.files("communique.knowledge").joinpath("data/actors.tsv").read_text("utf-8")
        return cls(parse_kb(text, source="actors.tsv"))

    @classmethod
    def from_files(cls, paths: list[Path], *, include_default: bool = True) -> ActorKB:
        """Our tab-separated files and PETRARCH/TABARI ``.actors`` dictionaries, told apart by their
        content (``NAME_ [CODE]``, ``+SYNONYM`` lines), else by a name ending in ``.actors``/``.actors.txt``."""
        from .petrarch import looks_like_petrarch, parse_petrarch_actors

        entries = list(cls.default().entries) if include_default else []
        for p in paths:
            text = p.read_text("utf-8")
            petrarch = looks_like_petrarch(text)
            if petrarch is None:
                petrarch = p.name.casefold().endswith((".actors", ".actors.txt"))
            entries += parse_petrarch_actors(text, source=str(p)) if petrarch else parse_kb(text, source=str(p))
        return cls(entries)

    @functools.cached_property
    def longest_alias(self) -> int:
        """Words in the longest name or alias (how far a text scan needs to look ahead)."""
        return max((len(k.split()) for k in self._index), default=0)

    def find(self, name: str, *, on: dt.date | None = None) -> KnownActor | None:
        hits = [e for e in self._index.get(name.casefold(), []) if e.holds_on(on)]
        return hits[-1] if hits else None

    def complete(self, actor: Actor, *, on: dt.date | None = None) -> None:
        """Fill country, sector and code the text left open (never overwrite what the text said); a name the text
        gives only in part ("Bekele") takes the knowledge base's full name."""
        if actor.kind not in ("person", "organization"):
            return
        hit = self.find(actor.name, on=on)
        if hit is None:
            return
        if len(hit.name) > len(actor.name) and actor.name.casefold() in (a.casefold() for a in hit.aliases):
            actor.name = hit.name
        agrees = actor.country in (None, hit.country) and actor.sector in (None, hit.sector)
        actor.country = actor.country or hit.country
        actor.sector = actor.sector or hit.sector
        if actor.code is None and hit.code and agrees:  # a full code only where the text does not contradict it
            actor.code = hit.code
