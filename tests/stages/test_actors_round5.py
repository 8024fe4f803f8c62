"""Issue 7, fifth round: trades and services named with their country, words between the country and the noun,
civilians' craft, a city's possessive, a state's body of an international name, national Red Cross societies,
"X's ally", "its" and plural collectives, a past office with a party word between, hyphenated given names and a
name with an article. Each kind with inputs of our own (Sahel, Horn of Africa, South China Sea, Caucasus, Latin
America)."""

from __future__ import annotations

import pytest

from communique import Pipeline, analyze
from communique.model import Doc


def _codes(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.name, a.code) for a in doc.actors]


# --- trades and services the collective lists lacked; a trade between the country and the noun ---------------

@pytest.mark.parametrize(("text", "expected"), [
    # Phoenix.agents BUSINESSMAN [~BUS], INTELLIGENCE [~SPY], MINER [~LAB], LANDOWNER [~CVL], GUERILLA [~REB]
    ("A Somali businessman was kidnapped in Mogadishu.", [("Somali businessman", "SOMBUS")]),
    ("Nigerien intelligence arrested two men.", [("Nigerien intelligence", "NERSPY"), ("two men", "CVL")]),
    ("Burkinabe gold miners protested on Monday.", [("Burkinabe gold miners", "BFALAB")]),
    ("Colombian guerillas kidnapped two Ecuadorian soldiers.",
     [("Colombian guerillas", "COLREB"), ("Ecuadorian soldiers", "ECUMIL")]),
    ("Algerian landowners blocked the road.", [("Algerian landowners", "DZACVL")]),
    # a lower-case trade between the country word and the noun says the sector
    ("Haitian gang leaders attacked the town.", [("Haitian gang leaders", "HTICRM")]),
    ("Russian intelligence officers met the envoy.",
     [("Russian intelligence officers", "RUSSPY"), ("envoy", "GOV")]),
    ("Brazilian oil workers went on strike.", [("Brazilian oil workers", "BRALAB")]),
    # craft in civil use are civilians'; a state's craft stay its forces
    ("Vietnamese fishing boats fled the area.", [("Vietnamese boats", "VNMCVL")]),
    ("Chinese coast guard vessels blocked Philippine fishermen.",
     [("Chinese vessels", "CHNMIL"), ("Philippine fishermen", "PHLCVL")]),
])
def test_trades_and_services(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- bodies named with their country: assemblies, departments, military governments ---------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The Nicaragua Assembly stripped the bishops of citizenship.", [("Nicaragua Assembly", "NICLEG")]),
    ("Venezuela's National Assembly approved the law.", [("Venezuela's National Assembly", "VENLEG")]),
    ("The Philippines' Department of Foreign Affairs summoned the envoy.",
     [("Philippines' Department of Foreign Affairs", "PHLGOV"), ("envoy", "GOV")]),
    # a military government governs: Phoenix MILITARY_GOVERNMENT [~GOVMIL], primary GOV
    ("Niger's military government expelled the charity.", [("Niger government", "NERGOV")]),
    # "Union" alone names parties and federations as often as labour: no sector of its own
    ("The Homeland Union began collecting signatures.", [("Homeland Union", None)]),
])
def test_bodies_named_with_their_country(pipeline: Pipeline, text: str,
                                         expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- a city's possessive: the city's country, one actor ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Kinshasa's governor ordered a curfew.", [("Kinshasa governor", "CODGOV")]),
    ("Moscow's city government banned the rally.", [("Moscow city government", "RUSGOV")]),
])
def test_city_possessive(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- a state's body of an international name; a country's Red Cross society -----------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Armenia's Security Council met on Monday.", [("Armenia's Security Council", "ARMGOV")]),
    ("Iran's Supreme National Security Council approved the plan.",
     [("Iran's Supreme National Security Council", "IRNGOV")]),
    ("The UN Security Council met on Monday.", [("UN Security Council", "IGOUNO")]),
    ("The Kenyan Red Cross sent aid to the flood victims.", [("Kenyan Red Cross", "KENNGO"), ("flood victims", "CVL")]),
    ("The Red Cross sent aid to the flood victims.", [("Red Cross", "NGOHLHIRC"), ("flood victims", "CVL")]),
])
def test_national_bodies_of_international_names(pipeline: Pipeline, text: str,
                                                expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- "X's ally" is not X's; "its" is not a plural collective's --------------------------------------------------

def test_an_ally_is_not_the_owner(pipeline: Pipeline) -> None:
    doc = analyze("Iran's militia ally in eastern Syria shelled the outpost.", pipeline=pipeline)
    assert _codes(doc) == [("militia", "SYRUAF"), ("Syria", "SYR")]  # where the ally is (round 8), not Iran
    doc = analyze("Iran's proxy militias attacked the convoy.", pipeline=pipeline)
    assert [c for _, c in _codes(doc)] == ["UAF"]


def test_its_is_not_a_plural_collective(pipeline: Pipeline) -> None:
    doc = analyze("Azerbaijan's Defence Ministry said Armenian forces shelled its positions.", pipeline=pipeline)
    assert [c for _, c in _codes(doc)] == ["AZEMIL", "ARMMIL", "AZEMIL"]
    doc = analyze("Hamas said its fighters fired rockets at Israel.", pipeline=pipeline)
    assert [c for _, c in _codes(doc)] == ["PSEREBHMS", "PSEREBHMS", "ISR"]


# --- a past office with a party word between; hyphenated given names; a name with its article -------------------

def test_former_with_a_party_word_between(pipeline: Pipeline) -> None:
    doc = analyze("Former Conservative prime minister John Major criticised the plan.", pipeline=pipeline)
    assert _codes(doc) == [("John Major", "GBRELI")]
    assert doc.actors[0].title == "Former prime minister"


def test_hyphenated_given_name_in_the_reference(pipeline: Pipeline) -> None:
    # the Phoenix dictionary writes JEAN_PIERRE_BEMBA; the text "Jean-Pierre"
    doc = analyze("Jean-Pierre Bemba returned to Kinshasa.", pipeline=pipeline)
    assert [(a.name, a.country) for a in doc.actors] == [("Jean-Pierre Bemba", "COD"),
                                                         ("Democratic Republic of the Congo", "COD")]


def test_a_name_with_its_article_is_no_person(pipeline: Pipeline) -> None:
    # "the Sahel": the NER's person is a region (before: a Moroccan minister's surname gave MAR)
    doc = analyze("Russia's allies in the Sahel expelled French troops.", pipeline=pipeline)
    assert _codes(doc) == [("Russia", "RUS"), ("French troops", "FRAMIL")]
    # a name with an article before a noun still qualifies it ("the Smith administration"; round 10: "Bush" is
    # now placed through the reference's name for "Bush Administration", so a surname it lacks shows the kind)
    doc = analyze("The Smith administration rejected the plan.", pipeline=pipeline)
    assert [a.name for a in doc.actors] == ["Smith", "administration"]


# --- a government named after its leader ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # the leader's country from the knowledge base; the leader's name is the body's mention, no party of its own
    ("The Biden administration imposed sanctions on Venezuela.",
     [("Biden administration", "USAGOV"), ("Venezuela", "VEN")]),
    ("Vladimir Putin's government rejected the offer.", [("Putin's government", "RUSGOV")]),
    # a leader we cannot place leaves the body without a country
    # (round 10: "the Bush administration" is now USAGOV, the reference's own name for the phrase; a surname the
    # reference lacks stays unplaced)
    ("The Smith administration rejected the plan.", [("Smith", None), ("administration", "GOV")]),
])
def test_government_named_after_its_leader(pipeline: Pipeline, text: str,
                                           expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- border police, agents, prisoners; outlets of one state; an office of a state we do not know ---------------

@pytest.mark.parametrize(("text", "expected"), [
    # Phoenix.agents BORDER_PATROL [~COP]
    ("U.S. border patrol agents detained Guatemalan migrants.",
     [("U.S. patrol", "USACOP"), ("Guatemalan migrants", "GTMCVL")]),
    ("Mexican border police detained the men.", [("Mexican police", "MEXCOP"), ("men", "CVL")]),
    ("A Palestinian prisoner died in custody.", [("Palestinian prisoner", "PSECVL")]),
    # a state's agency or national paper is that state's outlet; an international wire stands for no state
    ("Reuters reported that TASS and Haaretz had published the letter.",
     [("Reuters", "MED"), ("TASS", "RUSMED"), ("Haaretz", "ISRMED")]),
    # an office of a state we do not know: an actor with no country (a missing country, never a guessed one)
    ("Arnor's foreign minister said the talks had failed.", [("foreign minister", "GOV")]),
    ("Gondor's army crossed the river.", [("army", "MIL")]),
    # a company's or a named group's people are not a state's
    ("Google's executives met the minister.", [("Google", None), ("minister", "GOV")]),
])
def test_services_outlets_and_unknown_states(pipeline: Pipeline, text: str,
                                             expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- organisations of one country the text names without it (the Phoenix dictionary's, as facts) ---------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The CIA said the report was false.", [("CIA", "USASPY")]),
    # round 10: the arrest's whole target is the capital where it is done, its people as for any town (one rule
    # for capitals and towns, ``stages/towns.py``; it was the state, GEO)
    ("The FSB arrested a journalist in Tbilisi.", [("FSB", "RUSCOP"), ("civilians in Tbilisi", "GEOCVL")]),
    # a legislature is LEG by our table (Phoenix writes GOVLEG)
    ("The Knesset voted to dissolve itself.", [("Knesset", "ISRLEG")]),
    # a generic body of any state gives no country ("National Security Council" is not only the US's)
    ("The National Security Council met on Monday.", [("National Security Council", "GOV")]),
])
def test_organisations_of_one_country(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected
