"""UniversalPetrarch's validation writes the actors of one compound dictionary phrase as the phrase's code."""

from __future__ import annotations

from pathlib import Path

from communique import analyze, default_pipeline
from communique.evaluate.events import _side_codes

ACTORS = """\
KENYA_ [KEN]
RWANDA_ [RWA]
UGANDA_ [UGA]
LAKE_ALLIANCE_ [KNY/RWA/TZA]
"""


def test_a_compound_phrase_is_written_as_its_code(tmp_path: Path) -> None:
    path = tmp_path / "lake.actors.txt"
    path.write_text(ACTORS, "utf-8")
    pipe = default_pipeline(knowledge=(path,))

    def sides(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        doc = analyze(text, published="2021-06-01", pipeline=pipe)
        return [(_side_codes([doc.actor(a) for a in e.source], doc), _side_codes([doc.actor(a) for a in e.target], doc))
                for e in doc.events]

    # the phrase's three actors (one per code, the same mention) are one coding, as the dictionary writes it
    assert sides("The Lake Alliance condemned Uganda on Monday.") == [(("KNY/RWA/TZA",), ("UGA",))]
    # coordinated states are several actors, each its own code
    assert sides("Kenya and Rwanda condemned Uganda on Monday.") == [(("KEN", "RWA"), ("UGA",))]
