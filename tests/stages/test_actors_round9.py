"""Issue 7, ninth round: a state's service members ("American sailors" USAMIL), capitals acted on by force (the
city's people, CVL) against capitals that speak or are spoken to (GOV), "ethnic <Demonyms>" as a people (never
the state of their name), domestic roles placed by the one state their sentence names, a people's homeland named
by a state word, "from <city>", a junta in its capital, civilians "in central Mali". Inputs are ours."""

from __future__ import annotations

import pytest

from communique import Pipeline, analyze
from communique.model import Doc


def _codes(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.name, a.code) for a in doc.actors]


# --- a state's service members: MIL with their country; a merchant crew's sailors are civilians -----------------

@pytest.mark.parametrize(("text", "expected"), [
    ("American sailors rescued two fishermen.", [("American sailors", "USAMIL")]),
    ("Two American sailors were killed in the explosion.", [("American sailors", "USAMIL")]),
    ("Russian paratroopers landed near the airport.", [("Russian paratroopers", "RUSMIL")]),
    ("British airmen bombed the depot.", [("British airmen", "GBRMIL")]),
    ("Ukrainian reservists were called up on Monday.", [("Ukrainian reservists", "UKRMIL")]),
    ("Paratroopers seized the bridge on Friday.", [("Paratroopers", "MIL")]),
    ("Filipino sailors aboard a cargo ship were freed.", [("Filipino sailors", "PHLCVL")]),
])
def test_service_members(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- capitals: acted on by force, the city's people (CVL); speaking or spoken to, the government (GOV) ----------

@pytest.mark.parametrize(("text", "expected"), [
    ("Farmers blockaded Paris on Monday.", ("Paris", "FRACVL")),
    ("Russian missiles struck Kyiv overnight.", ("Kyiv", "UKRCVL")),
    ("Kyiv was shelled on Sunday.", ("Kyiv", "UKRCVL")),
    ("Rebels besieged Khartoum for a week.", ("Khartoum", "SDNCVL")),
])
def test_a_capital_acted_on_by_force_is_its_people(pipeline: Pipeline, text: str,
                                                   expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


def test_a_capital_that_speaks_or_is_spoken_to_is_the_government(pipeline: Pipeline) -> None:
    assert _codes(analyze("Washington urged Moscow to withdraw.", pipeline=pipeline)) == [
        ("Washington", "USAGOV"), ("Moscow", "RUSGOV")]
    assert _codes(analyze("Beijing accused Tokyo of provocation.", pipeline=pipeline)) == [
        ("Beijing", "CHNGOV"), ("Tokyo", "JPNGOV")]


# --- "ethnic <Demonyms>": a people, placed where they are, never the state of their name ------------------------

def test_ethnic_peoples_take_where_they_are(pipeline: Pipeline) -> None:
    doc = analyze("About 300 ethnic Hungarians rallied on Sunday in Romania.", pipeline=pipeline)
    assert ("Hungarians", "ROUCVL") in _codes(doc) and all(c != "HUN" for _, c in _codes(doc))
    doc = analyze("Ethnic Turks held a silent march in Norway.", pipeline=pipeline)
    assert ("Turks", "NORCVL") in _codes(doc) and all(c != "TUR" for _, c in _codes(doc))


def test_ethnic_peoples_placed_nowhere_have_no_country(pipeline: Pipeline) -> None:
    doc = analyze("Ethnic Uzbeks have sworn to fight on until they control the border villages.", pipeline=pipeline)
    assert _codes(doc) == [("Uzbeks", "CVL")]
    assert [(e.cameo, [doc.actor(a).code for a in e.source]) for e in doc.events] == [("193", ["CVL"])]


# --- domestic roles: the one state their sentence names ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Judge Maria Lopez charged 12 Peruvian officials with fraud.", ("Maria Lopez", "PERJUD")),
    ("Leaders of the opposition coalition postponed the rally in Tbilisi.", ("opposition coalition", "GEOOPP")),
    ("A Mumbai Court on Tuesday jailed a Kenyan woman for smuggling gold.", ("Mumbai Court", "INDJUD")),
])
def test_domestic_roles_take_the_sentences_one_state(pipeline: Pipeline, text: str,
                                                    expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


@pytest.mark.parametrize(("text", "expected"), [
    # a meeting's party may be the visitor
    ("Opposition leader Ana Ruiz met Kenyan President William Ruto in Nairobi.", ("Ana Ruiz", "OPP")),
    # two states named: none
    ("Opposition leader Ana Ruiz criticised Kenya and Uganda.", ("Ana Ruiz", "OPP")),
    # armed actors are never placed so: the target's country is not theirs
    ("Houthi rebels fired missiles at Saudi Arabia.", ("Houthis", "YEMREB")),
    ("Rebels fired rockets at Peruvian troops.", ("Rebels", "REB")),
])
def test_domestic_roles_left_empty(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


# --- where a collective is from, what it is in ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Mozambique government accepted demands from Shona rebels.", ("Shona rebels", "MOZREB")),
    ("A Christian missionary from Lyon was detained in Chad.", ("Christian missionary", "FRAREL")),
    ("The junta in Niamey expelled the French ambassador.", ("junta", "NERMIL")),
    ("Mercenaries executed civilians in central Mali, witnesses said.", ("civilians", "MLICVL")),
])
def test_collectives_placed_by_their_words(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    assert expected in _codes(analyze(text, pipeline=pipeline))


# --- "the soldiers" after a state sent its troops: that state's; two states' forces: none ----------------------

def test_definite_forces_refer_to_the_one_state_that_sent_them(pipeline: Pipeline) -> None:
    doc = analyze("Cameroon sent troops to the border. The soldiers clashed with separatists.", pipeline=pipeline)
    assert ("soldiers", "CMRMIL") in _codes(doc) and ("separatists", "REB") in _codes(doc)
    doc = analyze("Chad deployed troops to Niger. The troops arrested two smugglers.", pipeline=pipeline)
    assert ("troops", "TCDMIL") in _codes(doc)
    doc = analyze("Kenyan soldiers clashed with Somali forces. The troops withdrew.", pipeline=pipeline)
    assert ("troops", "MIL") in _codes(doc)


# --- "he" with two candidates: the clause's subject over a known man who is only its object ---------------------

def _pronoun_codes(doc: Doc) -> list[tuple[str, str | None]]:
    by_id = {a.id: a for a in doc.actors}
    return [(m.span.text(doc.text), by_id[m.actor_id].code) for m in doc.mentions
            if m.label == "PRONOUN" and m.actor_id in by_id]


def test_he_with_two_candidates_is_the_subject(pipeline: Pipeline) -> None:
    doc = analyze("Ugandan President Yoweri Museveni hosted Kenyan President William Ruto. He praised the talks.",
                  pipeline=pipeline)
    assert _pronoun_codes(doc) == [("He", "UGAGOV")]
    doc = analyze("Kenyan President William Ruto met Ugandan President Yoweri Museveni. He said the border would "
                  "reopen.", pipeline=pipeline)
    assert _pronoun_codes(doc) == [("He", "KENGOV")]
    # a woman known as such is still preferred for "she" over a subject not known to be one
    doc = analyze("Chinese President Xi Jinping met Italian Prime Minister Giorgia Meloni. She praised the talks.",
                  pipeline=pipeline)
    assert _pronoun_codes(doc) == [("She", "ITAGOV")]


# --- people who work or study at a body with a country are of that country; a faith does not block placing -------

def test_workers_of_a_body_take_its_country(pipeline: Pipeline) -> None:
    doc = analyze("The ministry pressured workers of the Cairo Transport Authority to call off their strike.",
                  pipeline=pipeline)
    assert ("workers", "EGYLAB") in _codes(doc)


def test_a_faith_is_no_people_that_keeps_a_domestic_role_unplaced(pipeline: Pipeline) -> None:
    doc = analyze("Algerian police fired tear gas to break up Muslim fundamentalist protesters on Friday.",
                  pipeline=pipeline)
    assert ("Muslim fundamentalist protesters", "DZAOPP") in _codes(doc)
    assert ("Uighur activists", "OPP") in _codes(analyze("Uighur activists protested in Istanbul.",
                                                         pipeline=pipeline))


# --- a name and the lower-case "party" after it: a party (PTY), placed as a domestic role -----------------------

def test_a_name_and_party_is_a_party(pipeline: Pipeline) -> None:
    doc = analyze("The Umma party said it would boycott Algeria's next parliamentary vote.", pipeline=pipeline)
    assert ("Umma party", "DZAPTY") in _codes(doc)
    doc = analyze("Members of the banned Umma party were arrested in Algiers.", pipeline=pipeline)
    assert ("Umma party", "DZAPTY") in _codes(doc)
