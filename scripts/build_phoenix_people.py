"""Build ``knowledge/data/phoenix_people.tsv`` from the Phoenix country-actors dictionary in ../shared.

    python scripts/build_phoenix_people.py [../shared/reference/petrarch2/Phoenix.Countries.actors.txt]

Facts only (names, CAMEO-style codes and the dates the codes held), from the Open Event Data Alliance's
Phoenix dictionary (MIT licence, see LICENSE.MIT.txt beside it). The table is a *reference* for the actor
knowledge base: it fills the country (and, on a date the role held, the sector) of people the text names
without a country ("President Abdelaziz Bouteflika"); it never makes an actor of a name by itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from communique.knowledge.petrarch import parse_petrarch_actors

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "reference" / "petrarch2" / "Phoenix.Countries.actors.txt"
OUT = ROOT / "src" / "communique" / "knowledge" / "data" / "phoenix_people.tsv"


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else DEFAULT
    rows = parse_petrarch_actors(src.read_text("utf-8"), source=str(src))
    lines = ["# People from the Phoenix country-actors dictionary (Open Event Data Alliance, MIT licence):",
             "# name, aliases (|), country, sector, kind, valid_from, valid_to, code. Built by",
             "# scripts/build_phoenix_people.py; a reference for filling countries, not a source of actors."]
    for e in rows:
        if e.kind != "person" or not e.country:
            continue
        lines.append("\t".join([e.name, "|".join(e.aliases), e.country or "", e.sector or "", e.kind,
                                e.valid_from.isoformat() if e.valid_from else "",
                                e.valid_to.isoformat() if e.valid_to else "", e.code or ""]))
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{OUT}: {len(lines) - 3} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
