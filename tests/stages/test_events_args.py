"""Who is the source and who the target (issue 6, section 2), round 5: kinds of fault on sentences of our own."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from communique import Pipeline, analyze

sys.path.insert(0, str(Path(__file__).parent))
from test_events_kinds import _check  # noqa: E402  (one view of an event: code, sources' and targets' countries)


@pytest.mark.parametrize(("text", "expected"), [
    # the thing acted on says whose it is by a country word: a passive's subject as an active's object
    ("A Chinese fishing boat was seized by the Indonesian navy.", [("171", ["IDN"], ["CHN"])]),
    ("The Indonesian navy seized a Chinese fishing boat.", [("171", ["IDN"], ["CHN"])]),
    # ... and coordinated verbs share their object
    ("Ghanaian police arrested and charged two Nigerian traders.",
     [("173", ["GHA"], ["NGA"]), ("1121", ["GHA"], ["NGA"])]),  # "charge" beside an arrest: round 6's row
])
def test_things_with_a_country_word(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("France, along with Germany, condemned the coup.", [("111", ["FRA", "DEU"], [])]),
    ("France, together with Germany, imposed sanctions on Belarus.", [("163", ["FRA", "DEU"], ["BLR"])]),
    ("Britain imposed sanctions on Iran together with Canada.", [("163", ["GBR", "CAN"], ["IRN"])]),
    ("Kenya joined Uganda in condemning Rwanda.", [("111", ["KEN", "UGA"], ["RWA"])]),
])
def test_parties_acting_beside_the_subject(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a third party named as the possessor of a noun with "between": it acts, on both sides
    ("Egypt's mediation between Israel and Hamas resumed on Monday.", [("045", ["EGY"], ["ISR", "PSE"])]),
    ("Mediation by Qatar between Sudan and Chad resumed on Monday.", [("045", ["QAT"], ["SDN", "TCD"])]),
    # with no third party the sides are each other's
    ("Talks between Serbia and Kosovo resumed on Monday.", [("040", ["SRB"], ["XKX"])]),
])
def test_third_parties_between_two_sides(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # "X will do Y if Z does W": the threat's target is Z, also when the threat is told in a that-clause
    ("Moscow warned that it would retaliate if Finland joins NATO.", [("130", ["RUS"], ["FIN"])]),
    # ... also when the threat is a noun
    ("Uganda repeated its threat that it would close the border unless Kenya paid its debts.",
     [("130", ["UGA"], ["KEN"])]),
])
def test_threat_targets_from_the_condition(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # coordinated subjects of a mutual act with no party named act with each other (a topic is no party) ...
    ("Kenya and Uganda agreed to share intelligence on al-Shabaab.",
     [("030", ["KEN"], ["UGA"]), ("064", ["KEN"], ["UGA"])]),
    ("Portugal and Angola are upgrading diplomatic ties.", [("050", ["PRT"], ["AGO"])]),
    # ... but a party the act announced names stays theirs
    ("Kenya and Uganda agreed to hold talks with Tanzania.",
     [("030", ["KEN", "UGA"], ["TZA"]), ("040", ["KEN", "UGA"], ["TZA"])]),
])
def test_coordinated_subjects_of_mutual_acts(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a complaint's target is whoever did the act complained of, not the one complained to
    ("Syria complained to the UN about three Turkish air raids.", [("114", ["SYR"], ["TUR"])]),
    # an act talked about is not done by the talkers
    ("Iran discussed the bombing with Iraq.", [("040", ["IRN"], [])]),
])
def test_acts_complained_of_and_talked_about(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a raising passive's subject does its to-clause
    ("Russia is expected to withdraw its troops from Syria.", [("087", ["RUS"], ["SYR"])]),
    ("Kenya is reported to have arrested two Ugandan activists.", [("173", ["KEN"], ["UGA"])]),
    ("Tanzania is scheduled to host the summit.", [("043", ["TZA"], [])]),
])
def test_raising_passives(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


def _moods(pipeline: Pipeline, text: str) -> list[tuple[str, str, bool]]:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    return [(e.cameo, e.status, e.negated) for e in doc.events]


@pytest.mark.parametrize(("text", "expected"), [
    # what is hoped, likely, scheduled, weighed or asked for has not happened
    ("Mexico hopes to sign a trade deal with Canada.", [("057", "planned", False)]),
    ("The United States is unlikely to impose new sanctions on Cuba.", [("163", "hypothetical", False)]),
    ("Ghana is considering sanctions against Mali.", [("163", "hypothetical", False)]),
    ("Tanzania is scheduled to host the summit.", [("043", "planned", False)]),
    ("Serbia demanded the release of its citizens by Kosovo police.",
     [("100", "reported", False), ("0841", "hypothetical", False)]),
    # what is yet to happen, or could not be done, did not happen
    ("Sudan's army has yet to attack the city.", [("190", "reported", True)]),
    ("The Indian army was unable to capture the town.", [("192", "reported", True)]),
    # done
    ("Russia imposed sanctions on Ukraine.", [("163", "reported", False)]),
])
def test_modality_of_heads(pipeline: Pipeline, text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert _moods(pipeline, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the aimed phrase names its target by a country word only
    ("The United States imposed sanctions on three Iranian organizations.", [("163", ["USA"], ["IRN"])]),
    ("Chad imposed sanctions on Sudanese traders.", [("163", ["TCD"], ["SDN"])]),
    # a visit called off targets the country it was to go to
    ("The Turkish president cancelled a planned visit to Berlin.", [("125", ["TUR"], ["DEU"])]),
    ("The Kenyan president called off his visit to Kampala.", [("125", ["KEN"], ["UGA"])]),
])
def test_targets_named_by_country_words_and_destinations(pipeline: Pipeline, text: str,
                                                         expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # whoever did the act judged is the target: the act noun's by-phrase, wherever the parser hangs it
    ("Russia condemned the expulsion of its diplomats by Poland.",
     [("111", ["RUS"], ["POL"]), ("166", ["POL"], ["RUS"])]),  # the expulsion noun: round 6's row
    ("Ghana criticised the closure of the border by Togo.", [("111", ["GHA"], ["TGO"])]),
    ("Egypt praised the mediation by Qatar.", [("051", ["EGY"], ["QAT"])]),
])
def test_doers_of_acts_judged(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # "came under attack from": the subject undergoes it, the from-phrase does it
    ("Ukrainian positions came under attack from Russian forces.", [("190", ["RUS"], ["UKR"])]),
    # a passive's agent named by its country word only ("by Russian missiles")
    ("Kyiv was hit by Russian missiles overnight.", [("190", ["RUS"], ["UKR"])]),
    # a receiver is the target of what the giver does
    ("Syria received military aid from Russia.", [("071", ["RUS"], ["SYR"])]),
])
def test_undergoers_and_receivers(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a to-clause after the object of a verb that does not control its object is the subject's purpose
    ("Norway summoned the Iranian envoy in Oslo on Monday to complain about the threats.",
     [("114", ["NOR"], ["IRN"])]),
    ("Kenya summoned the Ugandan envoy to complain about the arrests.", [("114", ["KEN"], ["UGA"])]),
    # ... also "called in" (the parser makes the particle a preposition); what is protested is no one's act here
    ("Japan called in the Chinese ambassador to protest the incursion.", [("141", ["JPN"], ["CHN"])]),
    # ... while the one urged, asked or allowed does the to-clause
    ("Turkey urged Sweden to extradite the suspects.", [("020", ["TUR"], ["SWE"])]),
])
def test_purpose_clauses_and_object_control(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a curfew or martial law with no place or party named is imposed on the source's own country
    ("Pakistani President Pervez Musharraf imposed martial law.", [("1724", ["PAK"], ["PAK"])]),
    ("The Thai army declared martial law on Tuesday.", [("1724", ["THA"], ["THA"])]),
    # ... a place named is the target as before
    ("The Nigerian government imposed a curfew in Jos.", [("1723", ["NGA"], ["NGA"])]),
    # ... and a country acting on itself is one actor, no target
    ("Egypt declared a state of emergency after the bombings.", [("1724", ["EGY"], [])]),
])
def test_domestic_measures(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # an act withheld until someone acts is aimed at that someone (and so is the refusal)
    ("Canada will not lift the sanctions until Iran releases the detained students.",
     [("1244", ["CAN"], ["IRN"]), ("085", ["CAN"], ["IRN"]), ("0841", ["IRN"], ["detained students"])]),
    # force is aimed at the whole phrase of its against-phrase, however deep
    ("The Egyptian army mobilized troops for a possible strike against Libya's militias.",
     [("154", ["EGY"], ["LBY"]), ("190", ["EGY"], ["LBY"])]),
    # whoever attends a meeting meets the body whose meeting it is
    ("President Ruto attends a meeting of the African Union Commission in Addis Ababa.",
     [("040", ["KEN"], ["African Union"])]),
    ("Chinese Foreign Minister Wang Yi attended an ASEAN meeting in Jakarta on Monday.", [("040", ["CHN"], ["ASEAN"])]),
])
def test_targets_awaited_aimed_and_attended(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # what is handed over goes to the last to-phrase, also past a relative clause that took a to-phrase of its own
    ("Kenyan customs officials returned 40 stone statues that date back to the 9th century to Cambodia on Monday.",
     [("0842", ["KEN"], ["KHM"])]),
    ("Britain returned twelve bronze heads that date back to the 16th century to Nigeria.",
     [("0842", ["GBR"], ["NGA"])]),
    # ... and a place it goes to stands for its country
    ("German police returned a 17th-century painting, stolen in 1944, to Lucca, Italy.", [("0842", ["DEU"], ["ITA"])]),
    # ... while "according to" names no recipient
    ("The museum returned the manuscript, according to Italian officials.", []),
])
def test_transfers_to_recipients_and_places(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a thing seized, retaken or let go from someone was theirs: the from-phrase is the target
    ("Malian rebels seized weapons from the army.", [("171", ["MLI"], ["army"])]),
    ("Indian police confiscated rifles from Maoist rebels on Sunday.", [("171", ["IND"], ["rebels"])]),
    ("Ukraine recaptured the village from Russian forces.", [("192", ["UKR"], ["RUS"])]),
    ("The town was recaptured from al-Shabaab by Somali troops.", [("192", ["SOM"], ["SOM"])]),
    # ... a from-phrase that names no party is nobody's
    ("Malian soldiers released the hostages from captivity.", [("0841", ["MLI"], ["hostages"])]),
])
def test_what_was_taken_from_someone(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # an arrest, detention or deportation with no agent named is the state's where it is done
    ("The opposition leader Kizza Besigye was arrested on Monday in Uganda for treason.",
     [("173", ["UGA"], ["UGA"])]),
    ("Two British tourists were detained in Dubai.", [("173", ["ARE"], ["GBR"])]),
    ("Hundreds of protesters were arrested in Nairobi after the vote.", [("173", ["KEN"], ["KEN"])]),
    ("Three activists were deported from Bahrain on Sunday.", [("174", ["BHR"], ["three activists"])]),
    # ... with no place named, nobody is made its doer
    ("The editor was arrested for sedition.", [("173", [], [])]),
    # ... and people deported or expelled from a state are not made its nationals
    ("Two opposition activists were expelled from Ethiopia.", [("174", ["ETH"], ["two opposition activists"])]),
])
def test_state_measures_with_no_agent(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a strike is aimed at whoever its purpose clause aims at, on the noun or on the verb that holds it
    ("Dock workers in Mombasa went on strike to protest the government's privatisation plan.",
     [("143", ["KEN"], ["government"])]),
    ("Kenyan doctors began a strike on Monday to protest against the government's refusal to raise pay.",
     [("143", ["KEN"], ["government"])]),
    # ... or its "in protest" phrase: whoever did the act protested, or the party protested against
    ("The Kenyan activist Boniface Mwangi staged a hunger strike in prison in protest against abuses by Kenyan police.",
     [("142", ["KEN"], ["KEN"])]),
    ("Algerian lawyers went on a hunger strike on Sunday in protest against the arrests of journalists by the "
     "security forces.", [("142", ["DZA"], ["security forces"]), ("173", ["security forces"], ["journalists"])]),
])
def test_protests_aimed_by_their_purpose(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


# round 8 ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # an act of force named by a noun, with no doer named: the country where it was done (the GSR's coders infer
    # the actor from the location), and whom it harmed is its target
    ("A roadside bomb killed three Kenyan soldiers near Garissa on Tuesday.", [("1833", ["KEN"], ["KEN"])]),
    ("Two Turkish police officers were killed in a car bombing in Diyarbakir.", [("1832", ["TUR"], ["TUR"])]),
    ("A car bomb exploded in a market in Mosul.", [("1832", ["IRQ"], [])]),
    # ... a doer named keeps it ("Rebels detonated"), and with no place nobody is made its doer
    ("Rebels detonated a car bomb in Kabul.", [("1832", ["Rebels"], ["AFG"])]),
    ("A roadside bomb killed three soldiers on Tuesday.", [("1833", [], [])]),
])
def test_unattributed_attacks(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a country word before an act of force names the state's armed forces as its doer, for the noun's event and
    # for the verb it is the subject of
    ("U.S. military airstrikes killed 20 militants in Somalia.",
     [("195", ["USAMIL"], ["UAF"]), ("190", ["USAMIL"], ["UAF", "SOM"])]),
    ("Israeli airstrikes killed five people in Gaza.", [("195", ["ISRMIL"], ["PSECVL"])]),
    # ... "-led" still names the doer; "strike" may be a walkout, so the doer is the state, not its forces
    ("A Russian-led strike on a Syrian hospital killed 15 patients.", [("190", ["RUS"], [])]),
])
def test_force_nouns_with_a_country_word(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    code = {a.id: a.code for a in doc.actors}
    assert [(e.cameo, [code[s] for s in e.source], [code[t] for t in e.target]) for e in doc.events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a meeting with no other party named, held abroad, is with its hosts; at home it has no target
    ("The Kenyan president attended a summit in Ethiopia on Friday.", [("040", ["KEN"], ["ETH"])]),
    ("Iranian officials held talks in Baghdad on Monday.", [("040", ["IRN"], ["IRQ"])]),
    ("Kenyan officials held talks in Nairobi on Monday.", [("040", ["KEN"], [])]),
    # ... a party named stays the only one
    ("German Chancellor Friedrich Merz met French President Emmanuel Macron in Wuppertal on Friday.",
     [("040", ["DEU"], ["FRA"])]),
])
def test_meetings_abroad(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a call for a measure against someone is aimed at them
    ("The Ukrainian foreign minister called for sanctions against Belarus.", [("113", ["UKR"], ["BLR"])]),
    ("Human Rights Watch called for an arms embargo on Myanmar.", [("113", ["Human Rights Watch"], ["MMR"])]),
    # a concession after a deal is made to the deal's other party
    ("The Nigerian teachers' union called off the strike after an agreement with the Nigerian government.",
     [("082", ["NGA"], ["NGA"])]),
    ("Ghanaian nurses ended their strike after reaching a deal with the Ghanaian government.",
     [("082", ["GHA"], ["GHA"]), ("057", ["GHA"], ["GHA"])]),
])
def test_calls_and_concessions(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # the forces a withdrawal or deployment moves are the doer's own: the doer is whoever withdraws them ...
    ("Britain finished its withdrawal of forces from Afghanistan in August.", [("087", ["GBR"], ["AFG"])]),
    # ... unless no one else is named
    ("The withdrawal of Russian troops from Kherson was completed on Friday.", [("087", ["RUS"], [])]),
])
def test_forces_moved_by_a_noun(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # people named by where they work, in a place: that place's country acts
    ("Staff at a lithium mine in Chile went on strike on Tuesday.", [("143", ["CHL"], [])]),
    ("Nurses at a hospital in Kisumu went on strike over unpaid wages.", [("143", ["KEN"], [])]),
])
def test_workers_at_a_place(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # an acronym opening a sentence, unknown to the tagger, is the subject (round 9) ...
    ("ECOWAS imposed sanctions on Mali.", [("163", ["ECOWAS"], ["MLI"])]),
    ("IGAD condemned the attack on Somali troops.", [("111", ["IGAD"], ["SOM"])]),
    # ... also when the tagger made it a common noun that no entity holds
    ("MONUSCO accused Rwanda of backing the rebels.", [("112", ["MONUSCO"], ["RWA"])]),
])
def test_sentence_initial_acronyms(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # the one called on, appealed to or urged is asked, and does the act asked for (round 9)
    ("Kenya called on Uganda to release the journalists.",
     [("020", ["KEN"], ["UGA"]), ("0841", ["UGA"], ["journalists"])]),
    ("The African Union appealed to Ethiopia to withdraw its troops from Somalia.",
     [("020", ["African Union"], ["ETH"]), ("087", ["ETH"], ["SOM"])]),
    # ... and is the target even when no actor names it: never a party of the act asked for
    ("Poland urged its allies to impose sanctions on Iran.", [("020", ["POL"], [])]),
    ("Kenya called on its neighbours to close their borders with Somalia.", [("020", ["KEN"], [])]),
])
def test_parties_asked_to_act(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # an act that the subject bans or rejects is not the subject's: its own by- or of-phrase does it (round 9)
    ("The government banned rallies after violent protests by the Muslim Brotherhood.",
     [("172", ["government"], []), ("141", ["Muslim Brotherhood"], [])]),
    ("Thailand banned the rallies of the Red Shirts.", [("172", ["THA"], ["Red Shirts"]), ("141", ["Red Shirts"], [])]),
    # ... and with no doer named it is no event of its own
    ("Bahrain banned the protests.", [("172", ["BHR"], [])]),
    # a noun's from-phrase is its doer
    ("Uganda welcomed a visit from the Chinese foreign minister.", [("051", ["UGA"], ["CHN"])]),
])
def test_acts_banned_or_rejected(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a body with a source's own code is the source's side, not the target (round 9)
    ("Kenyan Foreign Minister Raychelle Omamo reiterated the Kenyan government's support for Somalia.",
     [("051", ["KEN"], ["SOM"])]),
    # what is made names no party in its own phrases: the place it is made in is the target
    ("The Kenyan government agreed to set up the Wangari Maathai Institute against Malaria in Kisumu.",
     [("030", ["KEN"], ["KEN"])]),
    # a time ("at 4pm (1300 GMT)") names no one acted on
    ("Syrian officials imposed a curfew on Aleppo from 9pm (1800 GMT) on Thursday.",
     [("1723", ["SYR"], ["SYR"])]),
    ("Nigerian police imposed a curfew on Jos from 6pm (1700 GMT).", [("1723", ["NGA"], ["NGA"])]),
    # ... but a body of the source's own code is a target when its act is judged, not restated
    ("The White House defended President Trump's decision.", [("052", ["USA"], ["USA"])]),
    # ... and a made thing's partner is one ("established ties with X")
    ("The UAE established diplomatic ties with Liberia.", [("054", ["ARE"], ["LBR"])]),
])
def test_parties_that_are_no_targets(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # where a fight with a party named happens is no target when it is the doer's own country (round 9)
    ("Indian troops clashed with Chinese soldiers in Ladakh.", [("193", ["IND"], ["CHN"])]),
    ("Russian troops fought Ukrainian forces in the Kursk region.", [("193", ["RUS"], ["UKR"])]),
    # ... a place abroad is, as before
    ("Russian forces attacked Ukrainian positions near Kharkiv.", [("190", ["RUS"], ["UKR"])]),
])
def test_fights_at_home(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # the state a source acts for, or its forces, named in the act threatened or announced, is its own (round 9):
    # the target is whoever else the act or its participle's verb aims at
    ("Macron sent a letter to the director of UNESCO threatening to withhold French funding.",
     [("130", ["FRA"], ["UNESCO"])]),
    ("Kenya sent a letter to the African Union threatening to withdraw Kenyan troops.",
     [("130", ["KEN"], ["African Union"]), ("087", ["KEN"], [])]),
    ("The Kenyan president threatened to withdraw Kenyan troops from Somalia.",
     [("130", ["KEN"], ["SOM"]), ("087", ["KEN"], ["SOM"])]),
    # ... but people of a country acting on their own state are a domestic dyad
    ("Young Algerians blocked roads to press their demands for jobs from President Bouteflika's government.",
     [("144", ["DZA"], ["DZA"])]),
])
def test_own_state_in_the_act_announced(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # talks an offer, proposal or call names are not held, whoever's the from-phrase is
    ("The Taliban spurned an offer of talks from the Afghan government.", [("120", ["AFG"], ["AFG"])]),
    ("The rebels rejected a proposal for talks from the government.", [("120", ["rebels"], ["government"])]),
    ("Iran welcomed an offer of talks from France.", [("051", ["IRN"], ["FRA"])]),
    # ... while a visit from someone is theirs
    ("A visit from the Chinese foreign minister angered India.", [("042", ["CHN"], [])]),
])
def test_acts_only_proposed_have_no_doer(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)
