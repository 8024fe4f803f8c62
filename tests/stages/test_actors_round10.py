"""Issue 7, tenth round: one rule for capitals and towns in both stages (``stages/towns.py``), times never actors,
misspelt country names read only where no other name fits, domestic ministers placed by the state they speak of
(with a guard for where they speak). Inputs are ours."""

from __future__ import annotations

import pytest

from communique import Pipeline, analyze
from communique.knowledge.countries import misspelt_country
from communique.model import Doc
from communique.stages.actors.find.base import _misspelt, misspelt_capital
from communique.stages.towns import town_sector


def _codes(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.name, a.code) for a in doc.actors]


def _targets(doc: Doc) -> list[tuple[str, str | None]]:
    by_id = {a.id: a for a in doc.actors}
    return [(by_id[t].name, by_id[t].code) for e in doc.events for t in e.target if t in by_id]


# --- one rule for capitals and towns: force makes any of them its people; a capital that is a party, its
# government; a place only gone to, its state ---------------------------------------------------------------

def test_the_rule() -> None:
    assert town_sector(capital=True, force=True) == "CVL"
    assert town_sector(capital=True, force=True, aimed=True) is None
    assert town_sector(capital=False, force=True, aimed=True) == "CVL"
    assert town_sector(capital=False, force=True) == "CVL"
    assert town_sector(capital=True, force=False) == "GOV"
    assert town_sector(capital=True, force=False, party=False) is None
    assert town_sector(capital=False, force=False) is None


@pytest.mark.parametrize(("text", "expected"), [
    # the events stage, where a coercive act is done: a capital is its people, as a town is
    ("The army imposed a curfew in Bamako after the riots.", [("civilians in Bamako", "MLICVL")]),
    ("Soldiers imposed a curfew in Gao after the riots.", [("civilians in Gao", "MLICVL")]),
    # force only aimed at a capital from afar is aimed at its state (PETRARCH's convention); at a town, its people
    ("Insurgents fired rockets at Baghdad on Friday.", [("Iraq", "IRQ")]),
    ("Insurgents fired rockets at Gao on Friday.", [("civilians in Gao", "MLICVL")]),
    # the actors stage (the object of a verb of force)
    ("Rebels shelled Kabul on Monday.", [("Kabul", "AFGCVL")]),
])
def test_a_capital_under_force_is_its_people_in_both_stages(pipeline: Pipeline, text: str,
                                                            expected: list[tuple[str, str | None]]) -> None:
    assert _targets(analyze(text, pipeline=pipeline)) == expected


def test_a_capital_spoken_to_or_visited_is_not_its_people(pipeline: Pipeline) -> None:
    assert _codes(analyze("Ankara warned Athens over the islands.", pipeline=pipeline)) == [
        ("Ankara", "TURGOV"), ("Athens", "GRCGOV")]
    doc = analyze("The Chinese premier visited Nairobi on Monday.", pipeline=pipeline)
    assert all(not (a.code or "").endswith("CVL") for a in doc.actors)


# --- times are never actors ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Fighting resumed at 0600 GMT, the ministry said.",
    "The ceasefire took effect at midnight UTC on Sunday.",
    "Negotiators met in Doha at 1400 GMT on Thursday.",
])
def test_times_are_no_actors(pipeline: Pipeline, text: str) -> None:
    names = [a.name for a in analyze(text, pipeline=pipeline).actors]
    assert not any(n in ("GMT", "UTC", "Thursday", "Sunday") for n in names)


# --- misspelt country names: the one country one edit away, only where no other name fits --------------------

@pytest.mark.parametrize(("word", "iso"), [
    ("Austira", "AUT"), ("Ukranian", "UKR"), ("Pakistn", "PAK"), ("Brazill", "BRA"), ("Belgiun", "BEL"),
    ("Ethiopia", None),  # a country word itself
    ("Slovania", None),  # one edit from Slovakia and from Slovenia
    ("Kenia", None),  # too short to tell from other words
    ("Gondor", None),
])
def test_misspelt_country(word: str, iso: str | None) -> None:
    assert misspelt_country(word) == iso


@pytest.mark.parametrize(("text", "expected"), [
    ("Austira and Hungary signed a trade accord.", ("Austria", "AUT")),
    ("Pakistn's foreign minister met the Saudi king.", ("Pakistn minister", "PAKGOV")),
    ("Troops of the Ukranian army clashed with rebels.", ("Ukranian army", "UKRMIL")),
])
def test_misspelt_countries_are_read(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


def test_a_name_that_fits_otherwise_is_not_a_misspelt_country() -> None:
    # one edit from a country name, but a given name, a people or a place the gazetteer knows by its own spellings
    assert misspelt_country("Jordon") == "JOR" and _misspelt("Jordon") is None  # a given name, or a place
    assert _misspelt("Teheran") is None  # the gazetteer's Tehran, a city: not a country
    assert _misspelt("Austira") == "AUT"
    assert _misspelt("Pakistn") == "PAK"


# --- domestic ministers placed by the state they speak of; never by where they speak -------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Planning and Investment Minister Tran Van Binh said Vietnam will open more sectors to foreign banks.",
     ("Tran Van Binh", "VNMGOV")),
    ("The Interior Minister Ali Hassan said Iraq would hold elections next year.", ("Ali Hassan", "IRQGOV")),
    ("Agriculture Minister Joao Pereira said Brazil would raise its soybean exports.", ("Joao Pereira", "BRAGOV")),
    # foreign affairs, trade and finance deal with other states by office: no country from what they speak of
    ("Foreign Minister Li Wei said Kenya was a trusted partner.", ("Li Wei", "GOV")),
    ("Trade Minister Sara Lind said China was dumping steel.", ("Sara Lind", "GOV")),
    ("Finance Minister Hans Weber said Greece must repay its debts.", ("Hans Weber", "GOV")),
    # the guard: where they speak, a meeting, or two states leave it empty
    ("Health Minister Amina Yusuf said in Accra that Nigeria had enough vaccines.", ("Amina Yusuf", "GOV")),
    ("Education Minister Pavel Orlov met Kazakh officials and said Kazakhstan would build schools.",
     ("Pavel Orlov", "GOV")),
    ("Health Minister Amina Yusuf said Nigeria would send vaccines to Ghana.", ("Amina Yusuf", "GOV")),
])
def test_domestic_ministers_placed_by_the_state_they_speak_of(pipeline: Pipeline, text: str,
                                                              expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


# --- a capital spelt another way (the gazetteer's own spelling variants) stands for its state as the capital does

@pytest.mark.parametrize(("word", "iso"), [
    ("Teheran", "IRN"), ("Hanoy", "VNM"), ("Moskow", "RUS"),
    ("Nairobi", None),  # the capital's own name: is_capital reads it
    ("Victoria", None),  # a given name
])
def test_misspelt_capital(word: str, iso: str | None) -> None:
    assert misspelt_capital(word) == iso


def test_a_capital_spelt_another_way_acts_as_the_capital(pipeline: Pipeline) -> None:
    assert ("Hanoy", "VNMGOV") in _codes(analyze("Hanoy accused Beijing of provocation.", pipeline=pipeline))
    assert ("Teheran", "IRNGOV") in _codes(analyze("Teheran warned Baku on Sunday.", pipeline=pipeline))


# --- two states' governments are never merged: "the government" after both is neither's -----------------------

@pytest.mark.parametrize("text", [
    "Officials from the Kenyan government met officials from the Ugandan government. The government said talks "
    "went well.",
    "The Peruvian army clashed with the Bolivian army on Monday. The army said two soldiers died.",
])
def test_a_bare_body_after_two_states_bodies_has_no_country(pipeline: Pipeline, text: str) -> None:
    doc = analyze(text, pipeline=pipeline)
    last = doc.text.rindex(". ") + 2
    later = {m.actor_id for m in doc.mentions if m.span.start >= last}
    bodies = [a for a in doc.actors if a.id in later and a.sector in ("GOV", "MIL")]
    assert bodies and all(a.country is None for a in bodies)


def test_a_bare_body_after_one_states_body_is_that_states(pipeline: Pipeline) -> None:
    doc = analyze("The Kenyan government met rebel leaders. The government said talks went well.", pipeline=pipeline)
    assert {a.code for a in doc.actors if a.sector == "GOV"} == {"KENGOV"}


# --- "<Surname> administration" when the surname alone is several countries' people: the reference's name for
# the whole phrase -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Bush administration warned Cuba on Tuesday.", ("Bush administration", "USAGOV")),
    ("The Clinton administration praised the accord.", ("Clinton administration", "USAGOV")),
])
def test_an_administration_named_after_its_leader(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


def test_a_government_named_after_an_unknown_surname_has_no_country(pipeline: Pipeline) -> None:
    doc = analyze("The Smith government fell on Monday.", pipeline=pipeline)
    assert all(a.country is None for a in doc.actors)
