"""Issue 7, round 11: role nouns after a country word, sub-national governments named by one word, bodies placed
by "based in", hyphenated adjectives in a people's of-phrase, groups with a regional Phoenix code, and a user's
knowledge code for an international organisation. Inputs are ours."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import Pipeline, analyze
from communique.api import default_pipeline
from communique.knowledge.groups import group_for, parse_groups
from communique.knowledge.sectors import ROLE_NOUNS, TITLE_WORDS, is_title, role_sector, sector_for_title
from communique.model import Doc
from communique.stages.events.arguments.roles import ROLE_SECTORS


def _codes(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.name, a.code) for a in doc.actors]


# --- a country word + a role noun of the role-noun section: that country's, the role's sector -----------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Kenyan truck drivers blocked the border crossing.", [("Kenyan truck drivers", "KENLAB")]),
    ("Peruvian nurses went on strike on Monday.", [("Peruvian nurses", "PERHLH")]),
    ("A South Korean dock worker was injured at the port.", [("South Korean dock worker", "KORLAB")]),
    ("Guatemalan migrants crossed the river at dawn.", [("Guatemalan migrants", "GTMCVL")]),
])
def test_country_word_and_role_noun(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- the one sector table: the role-noun section ---------------------------------------------------------------

def test_role_nouns_are_one_table_with_the_events_stage() -> None:
    assert ROLE_SECTORS is ROLE_NOUNS
    assert role_sector("driver") == "LAB" and role_sector("Hostage") == "CVL"


def test_migrants_are_civilians_as_cameo_codes_them() -> None:
    # Phoenix.agents MIGRANT [~CVL]; refugees and asylum seekers REF
    assert role_sector("migrant") == "CVL" and role_sector("refugee") == "REF"
    assert sector_for_title("migrants") == "CVL"


@pytest.mark.parametrize("word", ["man", "woman", "child", "family", "hostage"])
def test_role_nouns_are_no_titles(word: str) -> None:
    assert word not in TITLE_WORDS and not is_title(word.title())


def test_role_noun_sectors_agree_with_the_title_section() -> None:
    for noun, sector in ROLE_NOUNS.items():
        title = sector_for_title(noun)
        assert title in (None, sector), noun


# --- sub-national governments named by one word: one actor each, of their country ----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Gujarat government and the Maharashtra government signed a water deal.",
     [("Gujarat government", "INDGOV"), ("Maharashtra government", "INDGOV")]),
    ("The Bavaria government rejected the plan of the Texas government.",
     [("Bavaria government", "DEUGOV"), ("Texas government", "USAGOV")]),
])
def test_sub_national_governments_are_distinct(pipeline: Pipeline, text: str,
                                               expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


def test_the_police_after_a_city_police_is_the_same_actor(pipeline: Pipeline) -> None:
    doc = analyze("Karachi police arrested two men. The police said they were armed.", pipeline=pipeline)
    police = [a for a in doc.actors if a.sector == "COP"]
    assert [(a.name, a.code) for a in police] == [("Karachi police", "PAKCOP")]
    assert len([m for m in doc.mentions if m.actor_id == police[0].id]) == 2


# --- an unnamed body is of the state it is based in; people based abroad are not -----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("A weekly newspaper based in Tbilisi criticised the minister.", ("newspaper", "GEOMED")),
    ("An armed group based in Guyana threatened the oil platforms.", ("armed group", "GUYUAF")),
])
def test_a_body_based_in_a_place(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


def test_officials_based_abroad_are_not_of_their_host(pipeline: Pipeline) -> None:
    codes = _codes(analyze("Hamas officials based in Qatar rejected the plan.", pipeline=pipeline))
    assert not any(code and code.startswith("QAT") and code != "QAT" for _, code in codes)


def test_the_place_of_the_object_not_of_a_word_before_it(pipeline: Pipeline) -> None:
    # "Christian" is also a place name in the gazetteer; the phrase's object is Beirut
    for text in ("One newspaper based in Christian east Beirut ignored the order.",
                 "The newspaper, based in Christian east Beirut, ignored the order."):
        assert ("newspaper", "LBNMED") in _codes(analyze(text, pipeline=pipeline)), text


# --- a hyphenated adjective in a people's of-phrase is not where they live ------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Serbs of the Albanian-majority north of Kosovo protested.", ("Serbs", "XKXCVL")),
    ("Croats of the Serb-majority districts of Bosnia protested.", ("Croats", "BIHCVL")),
])
def test_hyphenated_adjective_in_the_of_phrase(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


# --- a group whose Phoenix code is a region's: the state it is of ----------------------------------------------

def test_regional_code_keeps_the_code_and_gives_the_home_state() -> None:
    fis = group_for("Islamic Salvation Front")
    assert fis is not None and fis.code == "INTREB" and fis.country == "DZA" and fis.sector == "REB"
    npfl = group_for("NPFL")
    assert npfl is not None and npfl.country == "LBR"


def test_a_home_must_be_a_country() -> None:
    from communique.errors import InputError
    with pytest.raises(InputError):
        parse_groups("Some Front\tSF\tWAFREB\tours\tXXQ\n")


def test_group_home_in_a_sentence(pipeline: Pipeline) -> None:
    assert ("Revolutionary United Front", "WAFREB") in _codes(
        analyze("The Revolutionary United Front freed forty hostages.", pipeline=pipeline))
    doc = analyze("The Revolutionary United Front freed forty hostages.", pipeline=pipeline)
    assert [a.country for a in doc.actors if a.code == "WAFREB"] == ["SLE"]


# --- a user's knowledge code for an international organisation wins over the built-in one ---------------------

def test_user_kb_igo_code_wins(tmp_path: Path) -> None:
    kb = tmp_path / "kb.tsv"
    kb.write_text("African Union\tAU\t\tIGO\torganization\t\t\tIGOAFRXAU\n"
                  "World Bank\t\t\tIGO\torganization\t\t\tIGOXWBANK\n", "utf-8")
    pipe = default_pipeline(knowledge=(str(kb),))
    for text, code in [("The African Union suspended Mali on Friday.", "IGOAFRXAU"),
                       ("The AU condemned the coup in Niamey.", "IGOAFRXAU"),
                       ("The World Bank lent Kenya money.", "IGOXWBANK")]:
        doc = analyze(text, pipeline=pipe)
        assert code in [a.code for a in doc.actors], text


# --- a region's adjective before a body bound to it: the region's, of its state; apart from the state's own ------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Catalan government called a referendum. The Spanish government rejected it.",
     [("Catalan government", "ESPGOV"), ("Spanish government", "ESPGOV")]),
    ("Bavarian police closed the motorway on Sunday.", [("Bavarian police", "DEUCOP")]),
])
def test_regional_adjective_before_a_bound_body(pipeline: Pipeline, text: str,
                                                expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


def test_a_people_of_many_states_gives_no_region() -> None:
    from communique.knowledge.countries import regional_demonym
    assert regional_demonym("Catalan") == "ESP" and regional_demonym("Kurdish") is None


# --- a suspected or alleged militant is a rebel (Phoenix ALLEGED_MILITANTS [~REB]); a militant is UAF -----------

@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya deported a suspected Somali militant on Sunday.", ("Somali militant", "SOMREB")),
    ("Police arrested three alleged Pakistani militants.", ("Pakistani militants", "PAKREB")),
    ("Somali militants attacked the base.", ("Somali militants", "SOMUAF")),
])
def test_suspected_militants(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


# --- a past-office word before the country word still makes the office a past one (ELI) ----------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Former Kenyan president Uhuru Kenyatta met the envoy.", ("Uhuru Kenyatta", "KENELI")),
    ("The ousted Malian prime minister Choguel Maiga left for Dakar.", ("Choguel Maiga", "MLIELI")),
    ("Ex-Peruvian president Pedro Castillo was jailed.", ("Pedro Castillo", "PERELI")),
    ("Kenyan President William Ruto met the envoy.", ("William Ruto", "KENGOV")),
])
def test_past_word_before_the_country_word(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Chile and the European Union (EU) agreed to settle the dispute by arbitration.", "European Union", "IGOEEU"),
    ("The International Criminal Court (ICC) summoned two Kenyan ministers.", "International Criminal Court",
     "IGOJUDXCC"),
    ("The African Union (AU) suspended Mali on Friday.", "African Union", "IGOAFRXAU"),
])
def test_an_acronym_beside_a_name_the_user_codes_stays_one_actor(tmp_path: Path, text: str, name: str,
                                                                  code: str) -> None:
    # the user's code replaces ours for the name; the acronym in brackets is the same actor, not a second one
    # holding our own table's code
    kb = tmp_path / "kb.actors.txt"
    kb.write_text("EUROPEAN_UNION  [IGOEEU]\nINTERNATIONAL_CRIMINAL_COURT  [IGOJUDXCC]\nAFRICAN_UNION  [IGOAFRXAU]\n",
                  "utf-8")
    doc = analyze(text, pipeline=default_pipeline(knowledge=(str(kb),)))
    igos = [(a.name, a.code) for a in doc.actors if (a.code or "").startswith("IGO")]
    assert igos == [(name, code)]
