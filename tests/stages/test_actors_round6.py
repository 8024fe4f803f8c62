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
    ("Hosni Mubarak appeared in court on a stretcher.", "2013-04-13", [("Hosni Mubarak", "EGYELI"), ("court", "JUD")]),
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


# --- a person introduced with a country keeps it through the article ------------------------------------------

def _mentions(doc: Doc) -> list[tuple[str, str | None, list[str]]]:
    return [(a.name, a.code, [doc.text[doc.mentions[i].span.start:doc.mentions[i].span.end] for i in a.mentions])
            for a in doc.actors if a.kind == "person"]


@pytest.mark.parametrize(("text", "expected"), [
    # the surname, a title with "the", a pronoun: one person, the country of the first mention
    ("Ghana's president John Mahama arrived on Monday. Mahama said the border would reopen.",
     [("John Mahama", "GHAGOV", ["Ghana's president John Mahama", "Mahama"])]),
    ("Kenyan Foreign Minister Musalia Mudavadi flew to Mogadishu on Tuesday. Somali officials greeted him. "
     "The minister said the talks had gone well. Mudavadi later left.",
     [("Musalia Mudavadi", "KENGOV",
       ["Kenyan Foreign Minister Musalia Mudavadi", "him", "The minister", "Mudavadi"])]),
    ("Senegal's prime minister Ousmane Sonko spoke on Friday. In a speech, Sonko said the bases must close. "
     "He added that the decision was final.",
     [("Ousmane Sonko", "SENGOV", ["Senegal's prime minister Ousmane Sonko", "Sonko", "He"])]),
    # a country-and-title word between the possessive and the name ("junta leader")
    ("Mali's junta leader Assimi Goita spoke on Friday. Goita asked for more weapons.",
     [("Assimi Goita", "MLIGOV", ["Mali's junta leader Assimi Goita", "Goita"])]),
    ("Guinea's junta chief Mamadi Doumbouya dissolved the cabinet.",
     [("Mamadi Doumbouya", "GINGOV", ["Guinea's junta chief Mamadi Doumbouya"])]),
])
def test_a_person_keeps_the_country_of_the_first_mention(pipeline: Pipeline, text: str,
                                                          expected: list[tuple[str, str | None, list[str]]]) -> None:
    assert _mentions(analyze(text, published="2025-03-01", pipeline=pipeline)) == expected


def test_the_title_of_two_people_named_together_is_neither(pipeline: Pipeline) -> None:
    # "the president" after two presidents is either of them: no country rather than a wrong one
    doc = analyze("Ghana's president John Mahama met Nigerian President Bola Tinubu on Monday. "
                  "The president said the border would reopen.", published="2025-03-01", pipeline=pipeline)
    assert _mentions(doc) == [
        ("John Mahama", "GHAGOV", ["Ghana's president John Mahama"]),
        ("Bola Tinubu", "NGAGOV", ["Nigerian President Bola Tinubu"]),
        ("president", None, ["president"]),
    ]
    # with the country the title names only one of them
    doc = analyze("Ghana's president John Mahama met Nigerian President Bola Tinubu on Monday. "
                  "The Nigerian president said the border would reopen.", published="2025-03-01", pipeline=pipeline)
    assert _mentions(doc)[1] == ("Bola Tinubu", "NGAGOV",
                                 ["Nigerian President Bola Tinubu", "The Nigerian president"])


# --- an apposition naming an international organisation's office ----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Kofi Annan, the UN secretary-general, said the talks would resume.",
     [("Kofi Annan", "IGOUNO", "UN secretary-general"), ("UN", "IGOUNO", None)]),
    ("Kenya rejected calls by Amina Mohammed, UN deputy secretary-general, to reopen the camps.",
     [("Kenya", "KEN", None), ("Amina Mohammed", "IGOUNO", "UN deputy secretary-general"), ("UN", "IGOUNO", None)]),
    ("Jens Stoltenberg, NATO's secretary general, said the alliance would respond.",
     [("Jens Stoltenberg", "IGOWSTNAT", "NATO's secretary general"), ("NATO", "IGOWSTNAT", None)]),
    ("Moussa Faki, the African Union commission chairman, urged Ethiopia to talk.",
     [("Moussa Faki", "IGOAFRAFU", "African Union commission chairman"), ("African Union", "IGOAFRAFU", None),
      ("Ethiopia", "ETH", None)]),
])
def test_an_apposition_names_the_organisation(pipeline: Pipeline, text: str,
                                              expected: list[tuple[str, str | None, str | None]]) -> None:
    doc = analyze(text, pipeline=pipeline)
    assert [(a.name, a.code, a.title) for a in doc.actors] == expected


def test_an_apposition_does_not_override_the_persons_own_country(pipeline: Pipeline) -> None:
    # "Kenyan diplomat X, a UN envoy": the person's own country stays; the organisation is another actor
    doc = analyze("Kenyan diplomat Martin Kimani, the UN envoy, said the talks would resume.", pipeline=pipeline)
    assert [(a.name, a.code) for a in doc.actors] == [("Martin Kimani", "KENGOV"), ("UN", "IGOUNO")]


# --- a country of several words before an organisation's possessive; an organisation's forces -----------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Ivory Coast's Supreme Court rejected the appeal.", [("Ivory Coast's Supreme Court", "CIVJUD")]),
    ("South Africa's Constitutional Court struck down the law.",
     [("South Africa's Constitutional Court", "ZAFJUD")]),
    ("Sierra Leone's Electoral Commission announced the results.",
     [("Sierra Leone's Electoral Commission", "SLE")]),
    ("Kenya's Supreme Court annulled the vote.", [("Kenya's Supreme Court", "KENJUD")]),
])
def test_a_country_of_several_words_owns_the_organisation(pipeline: Pipeline, text: str,
                                                          expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the organisation's forces are the organisation's (Phoenix codes its peacekeepers with its IGO code)
    ("NATO peacekeeping troops arrived in the town.", [("NATO peacekeeping troops", "IGOWSTNAT")]),
    ("African Union troops attacked the camp.", [("African Union troops", "IGOAFRAFU")]),
    # a state's troops beside it stay the state's
    ("The African Union condemned the coup. Kenyan troops arrived.",
     [("African Union", "IGOAFRAFU"), ("Kenyan troops", "KENMIL")]),
])
def test_an_organisations_forces(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the state after "of" owns the organisation the NER named without it
    ("Workers of the National Oil Company of Libya went on strike.",
     [("Workers", "LBYLAB"), ("National Oil Company of Libya", "LBYBUS")]),
    ("The Electoral Commission of Ghana announced the results.", [("Electoral Commission of Ghana", "GHA")]),
])
def test_the_state_after_of_owns_the_organisation(pipeline: Pipeline, text: str,
                                                  expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- sectors of common nouns: a state's chiefs, security officials; a party ------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # Phoenix.agents SECURITY_OFFICIAL, SECURITY_OFFICER [~COP]; "chief" after a country's possessive is an actor
    # (round 9: protesters, a domestic role, are of the one state their sentence names)
    ("Egypt's security chief warned the protesters.", [("Egypt chief", "EGYCOP"), ("protesters", "EGYOPP")]),
    ("The Kenyan security official said the attack was foiled.", [("Kenyan official", "KENCOP")]),
    ("Sudan's army chief met the envoy.", [("Sudan army chief", "SDNMIL"), ("envoy", "GOV")]),
    # Fatah (Phoenix.Countries: a name of Palestine) is a party
    ("Fatah officials condemned the raid.", [("Fatah", "PSEPTY")]),
])
def test_sectors_of_common_nouns(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an organisation named after a capital is that state's ...
    # (round 9: the doctors and workers of a body with a country are of its country, actors of their own)
    ("Doctors from Baghdad University Medical School treated the wounded.",
     [("Doctors", "IRQHLH"), ("Baghdad University Medical School", "IRQEDU")]),
    ("The Nairobi City Council banned the march.", [("Nairobi City Council", "KENGOV")]),
    ("Police questioned employees of the Cairo Transport Authority.",
     [("Police", "COP"), ("employees", "EGYLAB"), ("Cairo Transport Authority", "EGYGOV")]),
    # ... a forum of states named after the capital where it met is no state's
    ("The Paris Club agreed to restructure the debt.", [("Paris Club", None)]),
    ("The Minsk Group met on Monday.", [("Minsk Group", None)]),
])
def test_an_organisation_named_after_a_capital(pipeline: Pipeline, text: str,
                                               expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected
