"""Issue 7, sixth round: dated roles of the reference (officials of international organisations, former leaders
ELI after their term), roles from an apposition, and a person's country kept through an article. Inputs are ours."""

from __future__ import annotations

import datetime as dt

import pytest

from communique import Pipeline, analyze
from communique.knowledge.actors import ActorKB, KnownActor
from communique.model import Doc


def _codes(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.name, a.code) for a in doc.actors]


# --- the reference's dated roles: the role that held on the article's date -----------------------------------

@pytest.mark.parametrize(("text", "published", "expected"), [
    # Phoenix.International.actors: KOFI_ANNAN_ [IGOUNO 970101-061231] [ELI]
    ("Kofi Annan called for an immediate ceasefire.", "2004-08-02", [("Kofi Annan", "IGOUNO")]),
    ("Kofi Annan called for an immediate ceasefire.", "2012-03-01", [("Kofi Annan", "ELI")]),
    ("Boutros Boutros-Ghali called for an immediate ceasefire.", "1993-06-10", [("Boutros Boutros-Ghali", "IGOUNO")]),
    # Phoenix.Countries.actors: a former leader is ELI after the end of his term ([EGYELI] when no dated code holds)
    ("Hosni Mubarak received the Jordanian envoy.", "2005-05-01",
     [("Hosni Mubarak", "EGYGOV"), ("Jordanian envoy", "JORGOV")]),
    ("Hosni Mubarak appeared in court on a stretcher.", "2013-04-13", [("Hosni Mubarak", "EGYELI")]),
    ("Jacques Chirac criticised the plan.", "2003-02-10", [("Jacques Chirac", "FRAGOV")]),
    ("Jacques Chirac criticised the plan.", "2009-02-10", [("Jacques Chirac", "FRAELI")]),
])
def test_the_role_that_held_on_the_day(pipeline: Pipeline, text: str, published: str,
                                       expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, published=published, pipeline=pipeline)) == expected


def test_a_title_in_the_text_beats_the_reference(pipeline: Pipeline) -> None:
    # the text's own title wins for that article, whatever the reference says of the day
    doc = analyze("Former President Jacques Chirac criticised the plan.", published="2003-02-10", pipeline=pipeline)
    assert _codes(doc) == [("Jacques Chirac", "FRAELI")]


def test_undated_articles_get_only_the_country() -> None:
    kb = ActorKB.default()
    assert kb.reference_for("Hosni Mubarak") == KnownActor(
        name="Hosni Mubarak", aliases=(), country="EGY", sector=None, kind="person", valid_from=None,
        valid_to=None, origin="bundled")
    hit = kb.reference_for("Kofi Annan")
    assert hit is not None and (hit.country, hit.sector, hit.code) == (None, None, None)


def test_an_office_of_a_state_then_of_an_organisation() -> None:
    # Phoenix: ANN_VENEMAN_ [USAGOV 20010120-20050120] [IGOUNOKID >20050501]: two countries, one person
    kb = ActorKB.default()
    held = [kb.reference_for("Ann Veneman", on=dt.date(y, 6, 1)) for y in (2003, 2007)]
    assert [(h.country, h.sector, h.code) if h else None for h in held] == [
        ("USA", "GOV", "USAGOV"), (None, "IGO", "IGOUNOKID")]
    assert kb.reference_for("Ann Veneman") is None  # undated: the countries disagree

