"""PETRARCH agents dictionaries: phrases, plurals, substitution sets, code order, bad rows."""

from __future__ import annotations

import pytest

from communique.errors import InputError
from communique.knowledge.agents import Agent, looks_like_agents, parse_agents

AGENTS = """<!-- a test agents dictionary -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
CLERIC [~REL] # clerics too
MAIN_OPPOSITION_GROUP [~MOP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
MEDIA {} [~MED]
RELIEF_FUND [NGO~]
CONGRESS!PERSON! {} [~LEG]
"""


def test_agents_are_expanded_with_plurals_and_substitutions() -> None:
    assert parse_agents(AGENTS) == [
        Agent(("cleric",), "REL"), Agent(("clerics",), "REL"),
        Agent(("main", "opposition", "group"), "MOP"), Agent(("main", "opposition", "groups"), "MOP"),
        Agent(("golden", "goose"), "GGS"), Agent(("golden", "geese"), "GGS"),
        Agent(("media",), "MED"),
        Agent(("relief", "fund"), "NGO", before=True), Agent(("relief", "funds"), "NGO", before=True),
        Agent(("congressman",), "LEG"), Agent(("congressmen",), "LEG"), Agent(("congresswoman",), "LEG"),
        Agent(("congresswomen",), "LEG"),
    ]
    assert Agent(("cleric",), "REL").with_country("ARN") == "ARNREL"
    assert Agent(("relief", "fund"), "NGO", before=True).with_country("ARN") == "NGOARN"
    assert Agent(("cleric",), "REL").with_country(None) == "REL"


def test_agents_files_are_told_from_actor_files() -> None:
    assert looks_like_agents(AGENTS)
    assert not looks_like_agents("NORTHLAND_ [NRL]\n+NORTHLANDER\nODA_VELLANOR_ [NRLGOV]\n")


@pytest.mark.parametrize(("text", "message"), [
    ("CLERIC [REL]\n", "x.txt:1: agent code 'REL' has no '~'"),
    ("\nPOET!PERSON! [~ART]\n", "x.txt:2: substitution set !PERSON! is not defined"),
])
def test_bad_agent_rows_name_their_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_agents(text, source="x.txt")
