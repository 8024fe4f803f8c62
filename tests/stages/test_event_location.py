"""Event location, kind by kind (issue 8, "Event location"), on sentences of our own: places of the event's own
clause, places inherited from the speaker's whereabouts or the occasion, and places that are not the event's."""

from __future__ import annotations

import pytest

from communique import Doc, Pipeline, analyze


def _places(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(e.cameo, doc.text[e.trigger.start : e.trigger.end], e.location.name if e.location else None)
            for e in doc.events]


def _where(pipeline: Pipeline, text: str) -> list[tuple[str, str, str | None]]:
    return _places(analyze(text, published="2025-06-14", pipeline=pipeline))


@pytest.mark.parametrize(("text", "trigger", "place"), [
    # a settlement noun between the preposition and the name; the tagger calls the name ORG or nothing
    ("Rebels attacked a police station near the town of Gao on Friday.", "attacked", "Gao"),
    ("Militants stormed a checkpoint near the village of Kidal on Friday.", "stormed", "Kidal"),  # NORP
    # a compass word: "north of Goma"
    ("Government troops shelled rebel positions north of Goma on Friday.", "shelled", "Goma"),
    # the place hangs on the opponent of a clash or on the weapons
    ("Kenyan soldiers clashed with militants near Mandera on Friday.", "clashed", "Mandera"),
    # attacks "on" a country still happen there
    ("Israeli jets carried out strikes on Syria overnight.", "strikes", "Syria"),
    ("Troops opened fire with rifles on protesters near the village of Bentiu on Friday.", "opened", "Bentiu"),
    # the object of an attack is where it happened, when it is a town
    ("Rebel artillery shelled the besieged city of Kadugli on Friday.", "shelled", "Kadugli"),
    # a purpose clause takes the place of its verb
    ("Hundreds of Ghanaian students gathered outside the parliament in Accra on Friday to protest against the "
     "government.", "protest", "Accra"),
    # the parser hangs the place on the parties of the talks
    ("Kenya hosted talks between Sudan's warring parties in Nairobi on Monday.", "hosted", "Nairobi"),
    # the place of the statement a claim was made in
    ("In a statement issued in Tbilisi on Friday, Georgia's Foreign Ministry accused Russia of provocations.",
     "accused", "Tbilisi"),
    # carrying to a destination
    ("Jordan sent a convoy of trucks carrying medicine to the northern city of Irbid on Friday.", "sent", "Irbid"),
])
def test_places_of_the_clause(pipeline: Pipeline, text: str, trigger: str, place: str) -> None:
    got = {t: p for _, t, p in _where(pipeline, text)}
    assert got.get(trigger) == place, _where(pipeline, text)


@pytest.mark.parametrize(("text", "trigger"), [
    # a posting, not a place of the event
    ("Chinese Ambassador to Japan Li Ming warned that the visit would damage relations.", "warned"),
    # the recipient of a transfer is a party
    ("China has supplied weapons to Russia, the officials said.", "supplied"),
    # the place of the reported act is not the accusation's
    ("Serbia accused Kosovo of detaining workers in Mitrovica.", "accused"),
    # a country after "on" is whom the act bears on, not where it happens
    ("Somali Foreign Minister Ahmed Fiqi called on Ethiopia to respect the border.", "called"),
    ("The European Union imposed new sanctions on Iran on Monday.", "imposed"),
])
def test_places_that_are_not_the_events(pipeline: Pipeline, text: str, trigger: str) -> None:
    got = {t: p for _, t, p in _where(pipeline, text)}
    assert trigger in got and got[trigger] is None, _where(pipeline, text)


def test_statement_takes_the_speakers_stated_place(pipeline: Pipeline) -> None:
    text = ("Turkey's Foreign Ministry criticized the new tariffs on Thursday. "
            "Spokesman Kemal Oz told reporters in Ankara that the measures were unfair.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    crit = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "criticized")
    assert crit.location is None  # the ministry is not the spokesman: no place is guessed
    text2 = ("Spokesman Kemal Oz criticized the new tariffs on Thursday. "
             "Oz told reporters in Ankara that the measures were unfair.")
    doc2 = analyze(text2, published="2025-06-14", pipeline=pipeline)
    crit2 = next(e for e in doc2.events if doc2.text[e.trigger.start : e.trigger.end] == "criticized")
    assert crit2.location is not None and crit2.location.name == "Ankara"
    assert crit2.location.basis.startswith("where the speaker spoke")
    assert doc2.text[crit2.location.evidence.start : crit2.location.evidence.end] == "Ankara"


def test_statement_inherits_the_occasion_its_country_hosts(pipeline: Pipeline) -> None:
    text = ("Kenya hosted talks between Sudan's warring parties in Nairobi on Monday.\n\n"
            "Kenyan Foreign Minister Otieno Waweru opened the session by urging both sides to accept a truce.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    urge = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "urging")
    assert urge.location is not None and urge.location.name == "Nairobi"
    assert urge.location.basis == "inherited from the occasion 'hosted' in Nairobi"


def test_no_occasion_place_after_a_phone_call(pipeline: Pipeline) -> None:
    text = ("Qatari Prime Minister Hamad al-Thani met Turkish officials in Doha on Monday.\n\n"
            "On Tuesday, al-Thani held a phone call with Egypt's foreign minister. The two ministers urged "
            "Sudan's warring parties to accept a ceasefire.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    urged = [e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "urged"]
    assert urged and all(e.location is None for e in urged), _places(doc)


def test_occasion_abroad_is_not_inherited(pipeline: Pipeline) -> None:
    text = ("Iraqi officials met Turkish ministers in Ankara on Monday.\n\n"
            "Iraqi President Latif Rashid praised Turkey for its help with the water supply.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    praised = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "praised")
    assert praised.location is None


def test_speaker_not_at_the_occasion_inherits_nothing(pipeline: Pipeline) -> None:
    text = ("Turkish Foreign Minister Ali Demir met his Iraqi counterpart in Ankara on Monday.\n\n"
            "Turkish Prime Minister Kemal Oz later praised Iraq for its cooperation.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    praised = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "praised")
    assert praised.location is None


def test_a_toponym_naming_the_event(pipeline: Pipeline) -> None:
    doc = analyze("Russia condemned the Aleppo bombing by Turkish jets.", published="2025-06-14", pipeline=pipeline)
    bombing = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "bombing")
    assert bombing.location is not None and (bombing.location.name, bombing.location.country) == ("Aleppo", "SYR")
    assert bombing.location.basis == "the toponym naming the event: 'Aleppo bombing'"
    condemned = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "condemned")
    assert condemned.location is None  # Russia is the condemner, not a place of the condemnation


def test_spelling_variant_of_a_province_locates_the_event(pipeline: Pipeline) -> None:
    doc = analyze("Gunmen stormed a police post in Middle Shabelle on Friday.", published="2025-06-14",
                  pipeline=pipeline)
    stormed = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "stormed")
    assert stormed.location is not None
    assert (stormed.location.geonames_id, stormed.location.country) == (51967, "SOM")
    assert doc.text[stormed.location.evidence.start : stormed.location.evidence.end] == "Middle Shabelle"


@pytest.mark.parametrize(("text", "trigger", "place"), [
    # a delegation travels; an appointment's posting is where it takes effect
    ("Foreign Minister Ana Ruiz led a delegation to Havana on Monday.", "led", "Havana"),
    ("Spain announced the appointment of an ambassador to Caracas on Monday.", "appointment", "Caracas"),
])
def test_postings_that_are_the_event(pipeline: Pipeline, text: str, trigger: str, place: str) -> None:
    got = {t: p for _, t, p in _where(pipeline, text)}
    assert got.get(trigger) == place, _where(pipeline, text)


def test_a_guest_delegation_speaks_at_the_occasion(pipeline: Pipeline) -> None:
    text = ("Egypt hosted delegations from Sudan in Cairo on Monday.\n\n"
            "Sudanese envoy Omar Idris opened the session by urging Egypt to mediate.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    urging = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "urging")
    assert urging.location is not None and urging.location.name == "Cairo"
    # a third country's official did not take part: no place
    text = ("Japan hosted talks with South Korean officials in Tokyo on Monday.\n\n"
            "Chinese Foreign Minister Wang Li criticized the meeting.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    crit = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "criticized")
    assert crit.location is None


def test_an_unnamed_delegate_speaks_where_both_sides_met(pipeline: Pipeline) -> None:
    text = ("Israeli and Hamas negotiators held indirect talks in Doha on Monday. "
            "An Israeli official accused Hamas of stalling.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    accused = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "accused")
    assert accused.location is not None and (accused.location.name, accused.location.country) == ("Doha", "QAT")
    assert accused.location.basis == ("inherited from the occasion 'talks' in Doha: the speaker's side and the side "
                                      "they speak of took part")
    # the same kind: mediated talks, the speaker's side named as a country
    text = ("Qatar and Egypt mediated talks in Cairo on Monday between Israel and Hamas. "
            "An Israeli official accused Hamas of rejecting the proposal.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    accused = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "accused")
    assert accused.location is not None and accused.location.name == "Cairo"
    # a side that was not at the talks, or talks with no sides named, give nothing
    text = ("Israeli and Hamas negotiators held indirect talks in Doha on Monday. "
            "A Turkish official accused Israel of stalling.")
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    accused = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == "accused")
    assert accused.location is None


@pytest.mark.parametrize(("text", "trigger", "place"), [
    # the venue of talks between two countries is not pulled to either of them (Geneva, Illinois)
    ("The Geneva talks between Iran and the United States resumed on Monday.", "talks", ("Geneva", "CHE")),
    ("Delegations from Iran and the United States met in Geneva on Monday.", "met", ("Geneva", "CHE")),
    # a town shelled, tagged as a person
    ("Sudanese army artillery shelled Kadugli on Friday, residents said.", "shelled", ("Kadugli", "SDN")),
    ("Rebel forces shelled Dilling overnight.", "shelled", ("Dilling", "SDN")),
])
def test_venues_of_parties_and_shelled_towns(pipeline: Pipeline, text: str, trigger: str, place: tuple) -> None:
    doc = analyze(text, published="2025-06-14", pipeline=pipeline)
    ev = next(e for e in doc.events if doc.text[e.trigger.start : e.trigger.end] == trigger)
    assert ev.location is not None and (ev.location.name, ev.location.country) == place, _places(doc)
    assert not any(a.name == place[0] for a in doc.actors)  # a place, not an actor
