"""Build ``knowledge/data/phoenix_people.tsv`` and ``phoenix_orgs.tsv`` (its organisations of one country) from the
Phoenix country-actors dictionary in ../shared, and ``phoenix_igo_people.tsv`` (the officials of international
and non-governmental organisations, with their dated offices) from the Phoenix international-actors dictionary
beside it.

    python scripts/build_phoenix_people.py [../shared/reference/petrarch2/Phoenix.Countries.actors.txt]

Facts only (names, CAMEO-style codes and the dates the codes held), from the Open Event Data Alliance's
Phoenix dictionary (MIT licence, see LICENSE.MIT.txt beside it). The table is a *reference* for the actor
knowledge base: it fills the country (and, on a date the role held, the sector) of people the text names
without a country ("President Abdelaziz Bouteflika"); it never makes an actor of a name by itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from communique.knowledge.actors import KnownActor
from communique.knowledge.petrarch import parse_petrarch_actors

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "reference" / "petrarch2" / "Phoenix.Countries.actors.txt"
OUT = ROOT / "src" / "communique" / "knowledge" / "data" / "phoenix_people.tsv"
ORGS = ROOT / "src" / "communique" / "knowledge" / "data" / "phoenix_orgs.tsv"
IGO_PEOPLE = ROOT / "src" / "communique" / "knowledge" / "data" / "phoenix_igo_people.tsv"


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else DEFAULT
    rows = parse_petrarch_actors(src.read_text("utf-8"), source=str(src))
    lines = ["# People from the Phoenix country-actors dictionary (Open Event Data Alliance, MIT licence):",
             "# name, aliases (|), country, sector, kind, valid_from, valid_to, code. Built by",
             "# scripts/build_phoenix_people.py; a reference for filling countries, not a source of actors."]
    lines += [_row(e) for e in rows if e.kind == "person" and e.country]
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{OUT}: {len(lines) - 3} rows")
    intl = src.with_name("Phoenix.International.actors.txt")
    officials = parse_petrarch_actors(intl.read_text("utf-8"), source=str(intl))
    igo = ["# Officials of international and non-governmental organisations from the Phoenix international-actors",
           "# dictionary (Open Event Data Alliance, MIT licence): name, aliases (|), country, sector, kind,",
           "# valid_from, valid_to, code. People only (organisations are our groups table's), with every dated",
           "# office they held, an organisation's (IGOUNO 1997-01-01..2006-12-31) or a state's (USAGOV), and the",
           "# undated code PETRARCH gives when no dated one holds (ELI: a former official). Built by",
           "# scripts/build_phoenix_people.py; a reference that completes people the text names, by the article's",
           "# date, never a source of actors."]
    held = {e.name for e in officials if e.kind == "person" and (e.code or "")[:3] in ("IGO", "NGO")}
    igo += [_row(e) for e in officials if e.kind == "person" and e.name in held]
    IGO_PEOPLE.write_text("\n".join(igo) + "\n", "utf-8")
    print(f"{IGO_PEOPLE}: {len(igo) - 7} rows")
    surnames = {e.name.split()[-1].casefold() for e in rows if e.kind == "person" and " " in e.name}
    orgs = ["# Organisations of one country from the Phoenix country-actors dictionary (Open Event Data Alliance, MIT",
            "# licence): name, aliases (|), country, sector, kind, valid_from, valid_to, code. Built by",
            "# scripts/build_phoenix_people.py; completes the country of an organisation the text names (\"the CIA\").",
            "# Kept: names of two words or more (generic offices only with a country word), acronyms of three",
            "# capitals or more, one-word names that are no person's surname and no word of our sector lexicon",
            "# (\"Knesset\", not \"Senate\")."]
    for e in rows:
        if e.kind == "person" or not e.country or not e.sector:
            continue
        names = [n for n in (e.name, *e.aliases) if _org_name(n, surnames)]
        if not names:
            continue
        orgs.append("\t".join([names[0], "|".join(names[1:]), e.country, e.sector, "organization",
                                e.valid_from.isoformat() if e.valid_from else "",
                                e.valid_to.isoformat() if e.valid_to else "", e.code or ""]))
    ORGS.write_text("\n".join(orgs) + "\n", "utf-8")
    print(f"{ORGS}: {len(orgs) - 6} rows")
    return 0


def _row(e: KnownActor) -> str:
    """One knowledge-file row (the columns of :func:`communique.knowledge.actors.parse_kb`)."""
    return "\t".join([e.name, "|".join(e.aliases), e.country or "", e.sector or "", e.kind,
                      e.valid_from.isoformat() if e.valid_from else "", e.valid_to.isoformat() if e.valid_to else "",
                      e.code or ""])


def _org_name(name: str, surnames: set[str]) -> bool:
    """A name of an organisation specific enough to give its country wherever it is written (see the header)."""
    from communique.knowledge.countries import resolve_country
    from communique.knowledge.sectors import sector_for_title

    words = name.split()
    if len(words) >= 2:
        # a generic office or body ("Secretary of State", "National Security Council") is any state's; with a
        # country word in it ("US State Department") or no word of our sector lexicon ("Federal Reserve") it is one's
        return sector_for_title(name) is None or any(resolve_country(w.strip("'s")) for w in words)
    word = words[0] if words else ""
    if word.isupper():
        return len(word) >= 3 and word.isalpha()
    return word[:1].isupper() and word.casefold() not in surnames and sector_for_title(word) is None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
