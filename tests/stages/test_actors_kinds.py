"""Issue 7's faults, each quoted input with its right value, then other members of each kind (our own inputs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import Pipeline, analyze
from communique.model import Doc


def _codes(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.name, a.code) for a in doc.actors]


def _dyads(doc: Doc) -> list[tuple[list[str | None], list[str | None]]]:
    by_id = {a.id: a for a in doc.actors}
    return [([by_id[s].code for s in e.source], [by_id[t].code for t in e.target]) for e in doc.events]


# --- country leaking from nearby text -------------------------------------------------------------------------

def test_bank_of_england_is_not_brazilian(pipeline: Pipeline) -> None:
    doc = analyze("Brazil beat Argentina in Sao Paulo. The Bank of England said it would keep interest rates "
                  "unchanged.", pipeline=pipeline)
    assert _codes(doc) == [("Brazil", "BRA"), ("Argentina", "ARG"), ("Bank of England", "GBRGOV")]


def test_un_secretary_general_is_the_uns_not_kenyan_military(pipeline: Pipeline) -> None:
    doc = analyze("Kenyan President William Ruto met UN Secretary-General Antonio Guterres in Nairobi on Monday.",
                  pipeline=pipeline)
    assert _codes(doc) == [("William Ruto", "KENGOV"), ("Antonio Guterres", "IGOUNO")]
    assert _dyads(doc) == [(["KENGOV"], ["IGOUNO"])]


def test_houthi_rebels_are_yemeni_not_the_targets(pipeline: Pipeline) -> None:
    doc = analyze("Houthi rebels fired missiles at Saudi Arabia", pipeline=pipeline)
    assert _codes(doc) == [("Houthis", "YEMREB"), ("Saudi Arabia", "SAU")]
    assert _dyads(doc) == [(["YEMREB"], ["SAU"])]


@pytest.mark.parametrize(("text", "expected"), [
    # a central bank is its country's, whatever country was named before
    ("Germany drew with Spain in Madrid. The European Central Bank said it would raise rates.",
     [("Germany", "DEU"), ("Spain", "ESP"), ("European Central Bank", "IGOEUREEC")]),
    ("France hosted talks in Paris on Tuesday. The Central Bank of Nigeria kept its benchmark rate unchanged.",
     [("France", "FRA"), ("Central Bank of Nigeria", "NGAGOV")]),
    # officials of international organisations: the organisation's code, never a rank or a neighbour's country
    ("Chinese President Xi Jinping met NATO Secretary General Mark Rutte in Beijing on Friday.",
     [("Xi Jinping", "CHNGOV"), ("Mark Rutte", "IGOWSTNAT")]),
    ("Egyptian President Abdel Fattah al-Sisi received IAEA Director-General Rafael Grossi in Cairo.",
     [("Abdel Fattah al-Sisi", "EGYGOV"), ("Rafael Grossi", "IGOUNOIAE")]),
    # "Attorney General" is a lawyer, "General Assembly" a body
    ("US Attorney General Pam Bondi met Mexican Foreign Minister Juan Ramon de la Fuente in Washington.",
     [("Pam Bondi", "USAJUD"), ("Juan Ramon de la Fuente", "MEXGOV")]),
    ("The UN General Assembly condemned Russia on Thursday.",
     [("UN General Assembly", "IGOUNO"), ("Russia", "RUS")]),
    # a body named in no phrase of its own stays without a country
    ("Turkey and Greece held talks in Ankara. Ministry spokesman Omer Celik said the talks went well.",
     [("Turkey", "TUR"), ("Greece", "GRC"), ("Omer Celik", "GOV")]),
    # the rebels' country is theirs, not the target's
    ("Boko Haram militants abducted 40 students in Nigeria's Borno state.",
     [("Boko Haram", "NGAREB"), ("students", "NGAEDU"), ("Nigeria", "NGA")]),
    ("Al-Shabaab fighters attacked Kenyan troops near the border with Somalia on Tuesday.",
     [("al-Shabaab", "SOMREB"), ("Kenyan troops", "KENMIL"), ("Somalia", "SOM")]),
    ("Gunmen killed five villagers in Zamfara, Nigeria on Tuesday.",
     [("Gunmen", "UAF"), ("villagers", "NGACVL"), ("Nigeria", "NGA")]),
])
def test_country_comes_from_the_actors_own_phrase(pipeline: Pipeline, text: str,
                                                  expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- unnamed state forces and collectives are actors, with their events ---------------------------------------

def test_israeli_aircraft_strike_is_an_event(pipeline: Pipeline) -> None:
    doc = analyze("Israeli aircraft struck targets near the Yemeni port of Hodeidah on Sunday.", pipeline=pipeline)
    # the targets struck lie near a Yemeni port: Yemen is the target, named at the place (events' place targets)
    assert _codes(doc) == [("Israeli aircraft", "ISRMIL"), ("Yemen", "YEM")]
    assert [e.cameo[:2] for e in doc.events] == ["19"] and _dyads(doc)[0][:2] == (["ISRMIL"], ["YEM"])


def test_police_in_a_city_of_a_country_arrest(pipeline: Pipeline) -> None:
    doc = analyze("Police in Hyderabad, Pakistan, arrested three men on Sunday.", pipeline=pipeline)
    assert ("Police", "PAKCOP") in _codes(doc)
    assert [e.cameo for e in doc.events] == ["173"] and _dyads(doc)[0][0] == ["PAKCOP"]


@pytest.mark.parametrize(("text", "source"), [
    ("Israeli warplanes struck targets near the Yemeni port of Hodeidah on Sunday.", "ISRMIL"),
    ("Pakistani police arrested three men on Sunday.", "PAKCOP"),
    ("Egyptian drones struck positions in Libya on Monday.", "EGYMIL"),
    ("Police in Lagos, Nigeria, arrested 20 protesters on Sunday.", "NGACOP"),
    ("Karachi police arrested three suspects on Monday.", "PAKCOP"),
    ("Government forces shelled rebel positions near Goma on Sunday.", "MIL"),
    ("Security forces arrested 12 protesters in Tehran on Saturday.", "MIL"),
    ("The army shelled villages in Darfur on Friday.", "MIL"),
    ("Militants attacked a checkpoint in Balochistan on Monday.", "UAF"),
    ("The Saudi-led coalition struck Sanaa on Monday.", "SAUMIL"),
    ("The Syrian regime bombed Idlib on Sunday.", "SYRGOV"),
    ("The African Union said its troops had repelled an attack in Somalia.", "IGOAFRAFU"),
    ("Wagner mercenaries killed civilians in central Mali, witnesses said.", "RUSUAF"),
    ("The PKK attacked Turkish soldiers in northern Iraq.", "TURREB"),
    ("Hezbollah fired rockets at Israel on Monday.", "LBNREB"),
])
def test_unnamed_forces_and_groups_keep_their_events(pipeline: Pipeline, text: str, source: str) -> None:
    doc = analyze(text, pipeline=pipeline)
    assert doc.events, text
    assert _dyads(doc)[0][0] == [source]


def test_state_media_and_a_navy_without_a_country(pipeline: Pipeline) -> None:
    doc = analyze("Iranian state media reported that the navy seized a tanker in the Gulf.", pipeline=pipeline)
    assert _codes(doc) == [("Iranian media", "IRNMED"), ("navy", "MIL")]


def test_its_troops_belong_to_the_organisation_just_named(pipeline: Pipeline) -> None:
    doc = analyze("The African Union said its troops had repelled an attack in Somalia.", pipeline=pipeline)
    assert _codes(doc) == [("African Union", "IGOAFRAFU"), ("African Union troops", "IGOAFRAFU"),
                           ("Somalia", "SOM")]


def test_social_media_is_not_an_actor(pipeline: Pipeline) -> None:
    doc = analyze("Videos on social media showed smoke over Khartoum on Monday.", pipeline=pipeline)
    assert [a.name for a in doc.actors if "media" in a.name] == []


def test_states_a_knowledge_file_names_are_countries_too(tmp_path: Path) -> None:
    """A PETRARCH-style dictionary's own states ("RIVENDALE [RVD]") resolve like real ones, demonyms included."""
    from communique import default_pipeline

    kb = tmp_path / "states.actors"
    kb.write_text("RIVENDALE [RVD]\nLOTHMARK [LTM]\n", "utf-8")
    pipe = default_pipeline(knowledge=(str(kb),))
    doc = analyze("The Rivendalian government accused Lothmark's president of hiding weapons.", pipeline=pipe)
    assert [(a.name, a.code) for a in doc.actors if a.code] == [("Rivendalian government", "RVDGOV"),
                                                               ("Lothmark president", "LTMGOV")]


# --- a person never borrows a named group's code; pronouns resolve to people ---------------------------------

def _mentions(doc: Doc) -> list[tuple[str, str | None]]:
    """(mention text, its actor's code) in text order."""
    by_id = {a.id: a for a in doc.actors}
    return [(m.span.text(doc.text), by_id[m.actor_id].code) for m in doc.mentions if m.actor_id in by_id]


def test_a_speech_naming_a_group_after_people(pipeline: Pipeline) -> None:
    """Issue 7's speech: the senator is no Syrian lawmaker and "He" no Hamas member. (Round 9: the senator, a
    domestic role, is of the one state his sentence names, through "He", Trump: USA.)"""
    doc = analyze("President Donald Trump spoke at a rally in Ohio. He attacked Senator Bernie Sanders, saying "
                  "Sanders had betrayed workers. Hamas said it rejected the proposal. Syrian lawmakers met on "
                  "Monday.", pipeline=pipeline)
    assert _mentions(doc) == [("President Donald Trump", "USAGOV"), ("He", "USAGOV"),
                              ("Senator Bernie Sanders", "USALEG"), ("Sanders", "USALEG"), ("workers", "LAB"),
                              ("Hamas", "PSEREBHMS"),
                              ("Syrian lawmakers", "SYRLEG")]


@pytest.mark.parametrize(("text", "expected"), [
    # a titled person named before a group is not its member (only "Hamas leader X" is)
    ("Foreign Minister Elena Marku condemned the attack. Hezbollah denied any role.",
     [("Elena Marku", "GOV"), ("Hezbollah", "LBNREB")]),
    ("General Idris Kamara said the Islamic State group had regrouped.",
     [("Idris Kamara", "MIL"), ("Islamic State", "IMGMUSISI")]),
    ("Governor Musa Bello met elders after Boko Haram attacked the town.",
     [("Musa Bello", "GOV"), ("Boko Haram", "NGAREB")]),
    ("Hamas leader Khalil Darwish said the talks had stalled.",
     [("Hamas", "PSEREBHMS"), ("Khalil Darwish", "PSEREBHMS")]),
    # the Islamic State under each of its names: the Phoenix code IMGMUSISI, not a Syrian rebel group
    ("The Islamic State group claimed responsibility for the bombing.", [("Islamic State", "IMGMUSISI")]),
    ("ISIS fighters seized two villages on Monday.", [("Islamic State", "IMGMUSISI")]),
    ("Daesh claimed the attack on Friday.", [("Islamic State", "IMGMUSISI")]),
])
def test_people_never_borrow_a_groups_code(pipeline: Pipeline, text: str,
                                           expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # never an organisation, group or country: with no person before it a pronoun stays unresolved
    ("Hamas said the truce had collapsed. He said talks were over.", [("Hamas", "PSEREBHMS")]),
    ("Kenya's Foreign Ministry said the envoy was recalled. He had left on Monday.",
     [("Kenya's Foreign Ministry", "KENGOV")]),
    # the nearest person whose gender the title does not contradict
    ("Queen Astrid met President Tomas Varga. She thanked him for the visit.",
     [("Queen Astrid", "GOV"), ("President Tomas Varga", "GOV"), ("She", "GOV"), ("him", "GOV")]),
])
def test_pronouns_resolve_to_a_compatible_person(pipeline: Pipeline, text: str,
                                                 expected: list[tuple[str, str | None]]) -> None:
    doc = analyze(text, pipeline=pipeline)
    assert _mentions(doc) == expected


def test_she_and_him_take_the_person_the_title_agrees_with(pipeline: Pipeline) -> None:
    doc = analyze("Queen Astrid met President Tomas Varga. She thanked him for the visit.", pipeline=pipeline)
    by_id = {a.id: a.name for a in doc.actors}
    assert [(m.span.text(doc.text), by_id[m.actor_id or ""]) for m in doc.mentions if m.label == "PRONOUN"] == [
        ("She", "Astrid"), ("him", "Tomas Varga")]


# --- collectives where they are; ethnic peoples; capitals; former office-holders ------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels in the Ivory Coast attacked a convoy.", [("Rebels", "CIVREB"), ("Ivory Coast", "CIV")]),
    ("Security forces in Guinea fired tear gas on Monday.", [("forces", "GINMIL"), ("Guinea", "GIN")]),
    ("Opposition parties in Nepal called a general strike.", [("parties", "NPLOPP"), ("Nepal", "NPL")]),
    ("Students throughout Indonesia boycotted classes.", [("Students", "IDNEDU"), ("Indonesia", "IDN")]),
    # a region's government is its country's
    ("The West Bengal government banned the rally.", [("West Bengal government", "INDGOV")]),
    ("The government of Sindh province imposed a curfew.", [("government", "PAKGOV")]),
    # state forces "in" a country may be anyone's: no country
    ("Troops in Iraq came under fire on Sunday.", [("Troops", "MIL"), ("Iraq", "IRQ")]),
    # an ethnic people is not the state of its name
    ("Ethnic Albanians in southern Serbia demanded autonomy.", [("Albanians", "SRBCVL"), ("Serbia", "SRB")]),
    ("Ethnic Albanian guerrillas withdrew from the village.", [("guerrillas", "REB")]),
    ("The ethnic Albanian guerrillas agreed to withdraw.", [("ethnic guerrillas", "REB")]),
    # a people "of"/"in" a country lives there; an adjective in that phrase is not where they live
    ("Albanians of southern Serbia protested.", [("Albanians", "SRBCVL"), ("Serbia", "SRB")]),
    ("Palestinians of Israeli-occupied East Jerusalem protested.", [("Palestinians", "PSECVL")]),
    ("Serbs of the Albanian-majority north of Kosovo protested.", [("Serbs", "XKXCVL"), ("Kosovo", "XKX")]),
    # a plural demonym acting is the country's people
    # (the events stage adds the country protested in, as the protest's target: a domestic dyad)
    ("Palestinians protested in Hebron on Friday.", [("Palestinians", "PSECVL"), ("Palestine", "PSE")]),
    # a capital standing for its state is the government; the country named in full stays the country
    ("Ankara said it would retaliate.", [("Ankara", "TURGOV")]),
    ("Brazil accused Caracas of meddling.", [("Brazil", "BRA"), ("Caracas", "VENGOV")]),
    # the realm after a titled name
    ("King Hassan of Morocco received the envoy.", [("Hassan", "MARGOV"), ("envoy", "GOV")]),
    # a portfolio before the office keeps the country before it
    ("Serbian Labour Minister Dragan Petkovic met strikers.",
     [("Dragan Petkovic", "SRBGOV"), ("strikers", "LAB")]),
    ("Philippine Foreign Undersecretary Elena Basco summoned the envoy.",
     [("Elena Basco", "PHLGOV"), ("envoy", "GOV")]),
    # a one-word name of the people reference only with a title ("President Suharto")
    ("President Suharto resigned.", [("Suharto", "IDNGOV")]),
    # a past office is one of the elites
    ("Former Prime Minister Ivo Kranjc criticised the budget.", [("Ivo Kranjc", "ELI")]),
    ("Ousted President Askar Temir fled to Moscow.", [("Askar Temir", "ELI")]),
    # the opposition's coalition is no army
    ("The opposition coalition rejected the vote.", [("opposition coalition", "OPP")]),
    # a name in the people reference gives its country, a surname only when every namesake agrees
    ("Carlos Menem met the envoy.", [("Carlos Menem", "ARG"), ("envoy", "GOV")]),
])
def test_collectives_peoples_capitals_and_titles(pipeline: Pipeline, text: str,
                                                 expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- a PETRARCH agents dictionary gives the sector (and compound code) beside a country -----------------------

def test_agents_dictionary_codes_agents_beside_a_country(tmp_path: Path) -> None:
    from communique import default_pipeline

    states = tmp_path / "states.actors"
    states.write_text("RIVENDALE [RVD]\nLOTHMARK [LTM]\nHOLLOWAY [HLW]\n", "utf-8")
    agents = tmp_path / "roles.agents"
    agents.write_text("CLERIC [~REL]\nENVOY [~GOV]\nMAIN_OPPOSITION_GROUP [~MOP]\nRELIEF_FUND [NGO~]\n", "utf-8")
    pipe = default_pipeline(knowledge=(str(states), str(agents)))
    doc = analyze("A Rivendale cleric urged the envoys of Lothmark and Holloway to meet Lothmark's main opposition "
                  "group and the Relief Fund Rivendale.", pipeline=pipe)
    assert [(a.name, a.code) for a in doc.actors] == [
        ("Rivendale cleric", "RVDREL"), ("Lothmark envoys", "LTMGOV"), ("Holloway envoys", "HLWGOV"),
        ("Lothmark main opposition group", "LTMMOP"), ("Relief Fund Rivendale", "NGORVD")]
    # an agent with no country beside it that acts is coded with the sector alone (PETRARCH's ---REL, ---GOV)
    bare = analyze("A cleric met the envoys.", pipeline=pipe)
    assert [(a.name, a.code, a.country) for a in bare.actors] == [("cleric", "REL", None), ("envoys", "GOV", None)]
    # "former" makes the office a past one (PETRARCH converts it to ELI); a country said in the phrase still wins
    past = analyze("Former Lothmark envoys met a former cleric. Clerics and envoys in Holloway disagreed.",
                   pipeline=pipe)
    # (clerics belong to where they are, envoys "in" a country may be foreign ones: see PLACE_BOUND_NOUNS)
    assert [(a.name, a.code) for a in past.actors] == [
        ("Lothmark envoys", "LTMELI"), ("cleric", "ELI"), ("Clerics", "HLWREL"), ("envoys", "GOV"),
        ("Holloway", "HLW")]


def test_an_agent_coordinated_with_a_countrys_agent_shares_its_country(tmp_path: Path) -> None:
    """"Rivendale clerics and envoys": the envoys are Rivendale's too (PETRARCH codes both RVD...), not bare agents."""
    from communique import default_pipeline

    states = tmp_path / "states.actors"
    states.write_text("RIVENDALE [RVD]\nLOTHMARK [LTM]\n", "utf-8")
    agents = tmp_path / "roles.agents"
    agents.write_text("CLERIC [~REL]\nENVOY [~GOV]\nMEDIA {} [~MED]\nGOVERNMENT [~GOV]\n", "utf-8")
    pipe = default_pipeline(knowledge=(str(states), str(agents)))
    doc = analyze("Rivendale clerics and envoys criticised Lothmark on Monday.", pipeline=pipe)
    assert [(a.name, a.code) for a in doc.actors][:2] == [("Rivendale clerics", "RVDREL"), ("envoys", "RVDGOV")]
    assert [a.code for a in doc.actors] == ["RVDREL", "RVDGOV", "LTM"]
    doc = analyze("Lothmark clerics and the envoys met Rivendale's main opposition.", pipeline=pipe)
    assert [a.code for a in doc.actors][:2] == ["LTMREL", "LTMGOV"]
