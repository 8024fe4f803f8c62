"""Named non-state groups (rebels, insurgents, militias, mercenaries, cartels) with CAMEO-style codes.

The table is ``data/groups.tsv`` (documented in its header): name, aliases, code and
where the code comes from. Codes marked ``Phoenix.*`` are the codes the Phoenix
dictionaries (Open Event Data Alliance, in ``../shared/reference/petrarch2``) give for
the group; the others are ours, following the same convention. The first three letters
of a code are the country (or a CAMEO region / ``IMG`` for groups working across
borders), the next three the sector.

Names match case-insensitively, except all-capital acronyms ("IS", "RSF", "ELN"),
which match only as written.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from ..errors import InputError
from .countries import countries

__all__ = ["KnownGroup", "group_for", "groups", "parse_groups"]


@dataclass(frozen=True, slots=True)
class KnownGroup:
    """One named group: ``code`` is CAMEO-style ("YEMREB"); ``country`` ISO3 or ``None`` (regional codes)."""

    name: str
    aliases: tuple[str, ...]
    code: str
    source: str
    home: str | None = None

    @property
    def country(self) -> str | None:
        """The code's first three letters when they are a country, else the group's ``home`` state (a CAMEO
        region code such as WAF names no state: the table says which one the group is of), else ``None``."""
        head = self.code[:3]
        return head if head in countries() else self.home

    @property
    def sector(self) -> str | None:
        """The agent sector (REB, UAF, OPP); ``None`` for CAMEO's international militarized groups
        ("IMGMUSISI": IMG is the group's type, MUS its religion, not a sector)."""
        if self.code.startswith("IMG"):
            return None
        return self.code[3:6] or None


def parse_groups(text: str, *, source: str = "groups.tsv") -> list[KnownGroup]:
    """Rows of a groups table; raises :class:`InputError` naming the line when a row lacks a code."""
    rows: list[KnownGroup] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 5)[:5]
        code = cols[2].strip()
        if not cols[0].strip() or len(code) < 6 or not code.isalpha() or not code.isupper():
            raise InputError(f"{source}:{n}", "a group row needs a name and a CAMEO-style code of 6+ capitals")
        home = cols[4].strip() or None
        if home is not None and home not in countries():
            raise InputError(f"{source}:{n}", f"home {home!r} is not an ISO3 country code")
        rows.append(KnownGroup(name=cols[0].strip(), aliases=tuple(a.strip() for a in cols[1].split("|") if a.strip()),
                               code=code, source=cols[3].strip() or "ours", home=home))
    return rows


@functools.lru_cache(maxsize=1)
def groups() -> tuple[KnownGroup, ...]:
    """The bundled table."""
    text = resources.files("communique.knowledge").joinpath("data/groups.tsv").read_text("utf-8")
    return tuple(parse_groups(text))


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict[str, KnownGroup], dict[str, KnownGroup], int]:
    exact: dict[str, KnownGroup] = {}
    folded: dict[str, KnownGroup] = {}
    for g in groups():
        for form in (g.name, *g.aliases):
            form = form.replace("\u2019", "'")
            if form.replace("-", "").replace(".", "").isupper() and len(form) <= 6:
                exact.setdefault(form, g)
            else:
                folded.setdefault(form.casefold(), g)
    longest = max(len(k.replace("-", " - ").split()) for k in (*exact, *folded))
    return exact, folded, longest


def longest_name() -> int:
    """Tokens in the longest name or alias (hyphens counted as tokens, as spaCy splits them)."""
    return _index()[2] + 2


@functools.lru_cache(maxsize=1)
def name_prefixes() -> frozenset[str]:
    """Every casefolded prefix of every name and alias up to its first space ("a", "al", "al-", "al-s", ...):
    a token whose casefolded text is not among them (nor "the") cannot begin a group's name."""
    exact, folded, _ = _index()
    out: set[str] = set()
    for form in (*exact, *folded):
        word = form.casefold().split(" ")[0]
        out.update(word[:k] for k in range(1, len(word) + 1))
    return frozenset(out)


def group_for(text: str) -> KnownGroup | None:
    """The group ``text`` names ("the Houthis", "al-Shabab", "RSF"), else ``None``."""
    text = " ".join(text.replace("\u2019", "'").split())
    if text[:4].casefold() == "the ":
        text = text[4:]
    text = text.replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    exact, folded, _ = _index()
    return exact.get(text) or folded.get(text.casefold())
