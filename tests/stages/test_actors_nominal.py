"""Issue 7, second round: actors named by a noun phrase, places and things that are no actors, the person a
possessive pronoun stands for, peoples named by an ethnonym. Each kind with inputs of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import Pipeline, analyze
from communique.model import Doc


def _codes(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.name, a.code) for a in doc.actors]


def _sources(doc: Doc) -> list[list[str | None]]:
    by_id = {a.id: a for a in doc.actors}
    return [[by_id[s].code for s in e.source] for e in doc.events]


@pytest.mark.parametrize(("text", "expected"), [
    # international organisations by name or short form, whatever the NER called them
    ("The EU fined the company on Monday.", [("EU", "IGOEUREEC")]),
    ("The European Union warned Hungary over the law.", [("European Union", "IGOEUREEC"), ("Hungary", "HUN")]),
    ("ECOWAS lifted its sanctions on Niger.", [("ECOWAS", "IGOWAFWAS"), ("Niger", "NER")]),
    ("Ecowas threatened Guinea with sanctions.", [("Ecowas", "IGOWAFWAS"), ("Guinea", "GIN")]),
    # (not "urged Sudan to agree": the agreement asked for is Sudan's own act, object control)
    ("IGAD criticised Sudan.", [("IGAD", "IGODEVIAD"), ("Sudan", "SDN")]),
    # a demonym and a role noun: the country and the role's sector
    ("A Russian court jailed the activist for five years.", [("Russian court", "RUSJUD"), ("activist", "OPP")]),
    ("Kenyan prosecutors charged the governor with fraud.", [("Kenyan prosecutors", "KENJUD"), ("governor", "GOV")]),
    ("German prosecutors accused two men of spying.", [("German prosecutors", "DEUJUD"), ("two men", "CVL")]),
    ("Iranian inspectors visited the site on Tuesday.", [("Iranian inspectors", "IRNGOV")]),
    ("French investigators questioned the pilot.", [("French investigators", "FRAGOV")]),
    ("Afghan pilgrims arrived in Saudi Arabia.", [("Afghan pilgrims", "AFGREL"), ("Saudi Arabia", "SAU")]),
    ("Nigerian pilgrims returned from Mecca.", [("Nigerian pilgrims", "NGAREL")]),
    ("Egypt's highest court rejected the appeal.", [("Egypt court", "EGYJUD")]),
])
def test_nominal_actors_are_found_with_country_and_sector(pipeline: Pipeline, text: str,
                                                          expected: list[tuple[str, str | None]]) -> None:
    doc = analyze(text, published="2025-03-05", pipeline=pipeline)
    assert _codes(doc) == expected
    assert all(s == [expected[0][1]] for s in _sources(doc))


def test_nominal_actors_are_sources_of_their_events(pipeline: Pipeline) -> None:
    for text, source in [("ECOWAS condemned the coup in Mali.", "IGOWAFWAS"),
                         ("German prosecutors charged two men with spying for China.", "DEUJUD"),
                         ("Afghan pilgrims arrived in Mecca.", "AFGREL"),
                         ("The European Union condemned the attack.", "IGOEUREEC")]:
        assert _sources(analyze(text, published="2025-03-05", pipeline=pipeline))[0] == [source], text


@pytest.mark.parametrize(("text", "expected"), [
    # a title word that ends the NER's person name is the surname, not a second title; no partial name
    # ("Julie") takes a reference person's country
    ("Foreign Minister Julie Bishop met her Chinese counterpart in Beijing.",
     [("Julie Bishop", "AUSGOV"), ("Chinese counterpart", "CHNGOV")]),
    ("Senator John King criticised the bill.", [("John King", "LEG")]),
    # rivers and weapons are no actors
    ("Missiles hit the Tigris valley as Iraqi troops advanced along the Tigris.", [("Iraqi troops", "IRQMIL")]),
    ("Rockets hit the Euphrates valley as Syrian troops advanced along the Euphrates.",
     [("Syrian troops", "SYRMIL")]),
    ("Turkish troops crossed the Tigris on Sunday.", [("Turkish troops", "TURMIL")]),
    # Islamic State is its own (Phoenix IMGMUSISI), never Syria's
    ("Islamic State claimed the attack in Kabul.", [("Islamic State", "IMGMUSISI"), ("Afghanistan", "AFG")]),
])
def test_no_wrong_country_and_no_places_or_weapons_as_actors(pipeline: Pipeline, text: str,
                                                             expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, published="2025-03-05", pipeline=pipeline)) == expected


@pytest.mark.parametrize(("text", "person"), [
    ("Iraqi Prime Minister Mahmoud al-Rikabi met Kenyan President William Ruto. Rikabi will visit Nairobi next "
     "week for talks with the Kenyan president, his office said.", "Mahmoud al-Rikabi"),
    ("Egyptian Foreign Minister Hassan Farouk received the Sudanese minister in Cairo. Farouk will travel to "
     "Khartoum to meet the Sudanese president, his spokesman said.", "Hassan Farouk"),
])
def test_his_office_is_the_subjects(pipeline: Pipeline, text: str, person: str) -> None:
    doc = analyze(text, published="2025-03-05", pipeline=pipeline)
    his = next(m for m in doc.mentions if doc.text[m.span.start:m.span.end] == "his")
    assert next(a.name for a in doc.actors if a.id == his.actor_id) == person


@pytest.mark.parametrize(("text", "expected"), [
    # a people after a country word is that country's; a people alone before a collective gives none
    ("Bosnian Serbs shelled the town on Sunday.", [("Bosnian Serbs", "BIHCVL")]),
    ("Iraqi Kurds voted in the referendum.", [("Iraqi Kurds", "IRQCVL")]),
    ("Kurdish fighters attacked the base.", [("Kurdish fighters", "UAF")]),
    ("Hutu rebels attacked a camp.", [("Hutu rebels", "REB")]),
    ("Bosnian Serb forces shelled the town.", [("Bosnian Serb forces", "BIHMIL")]),
    # an ethnonym that is a state's own people stands for it when no country word does (as the PLOVER GSR)
    ("Serb forces shelled the town.", [("Serb forces", "SRBMIL")]),
    ("Croat forces attacked Serb positions.", [("Croat forces", "HRVMIL"), ("Serb positions", "SRBMIL")]),
    ("US servicemen were wounded in the attack.", [("US servicemen", "USAMIL")]),
    ("Iraqi youths threw stones at the police.", [("Iraqi youths", "IRQCVL"), ("police", "COP")]),
    # a sub-national government the place stage did not resolve stays without a country
    ("The Punjab government banned the rally.", [("government", "GOV")]),
])
def test_peoples_and_unresolved_regions(pipeline: Pipeline, text: str,
                                        expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, published="2025-03-05", pipeline=pipeline)) == expected


def test_a_dictionary_phrase_naming_several_actors(tmp_path: Path) -> None:
    """``[RVD/LTM]``: one phrase, one actor per code, each holding the phrase's mention; a dated code holds on the
    article's date."""
    from communique import default_pipeline

    kb = tmp_path / "alliance.actors"
    kb.write_text("RIVENDALE [RVD]\nLOTHMARK [LTM]\nNORTHERN_PACT [RVD/LTM]\nOSRIC_VALE\n\t[RVDCVL <950601]\n"
                  "\t[RVDGOV 19950601 - 19990815]\n", "utf-8")
    pipe = default_pipeline(knowledge=(str(kb),))
    doc = analyze("The Northern Pact protested on Monday.", published="1996-01-01", pipeline=pipe)
    assert sorted((a.name, a.code) for a in doc.actors) == [("Northern Pact", "LTM"), ("Northern Pact", "RVD")]
    assert len({m.span for m in doc.mentions}) == 1 and len(doc.mentions) == 2
    assert [a.code for a in analyze("Osric Vale protested.", published="1996-01-01", pipeline=pipe).actors] \
        == ["RVDGOV"]
    assert [a.code for a in analyze("Osric Vale protested.", published="1990-01-01", pipeline=pipe).actors] \
        == ["RVDCVL"]
