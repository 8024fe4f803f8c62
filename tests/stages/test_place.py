"""The place stage: toponyms geocoded with document context, and event locations."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from communique.knowledge.gazetteer import Gazetteer
from communique.model import Article, Doc, Location, Place, Span
from communique.pipeline import StageSpec, registered
from communique.stages.place import PlaceStage, event_location, extract

sys.path.insert(0, str(Path(__file__).parents[1]))
from place_marks import marked_entities  # noqa: E402


def registered_stage(name: str) -> StageSpec:
    return registered()[name]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def ents(text: str, *marked: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Entity offsets for (surface, label) pairs, each the next occurrence after the previous one."""
    return marked_entities(text, *marked)


DAMASCUS = ("Damascus", "SYR", 33.5102, 36.29128, 170654, "city")
SYRIA = ("Syria", "SYR", 35.0, 38.0, 163843, "country")


def test_damascus_syria(gaz: Gazetteer) -> None:
    text = "Russian officials travelled to Damascus, Syria, on Sunday."
    got = extract(text, ents(text, ("Russian", "NORP"), ("Damascus", "GPE"), ("Syria", "GPE")), gaz)
    assert got == [Place(Span(31, 39), *DAMASCUS), Place(Span(41, 46), *SYRIA)]


def test_paris_texas_and_paris_france(gaz: Gazetteer) -> None:
    text = "The rodeo in Paris, Texas drew crowds."
    got = extract(text, ents(text, ("Paris", "GPE"), ("Texas", "GPE")), gaz)
    assert got == [
        Place(Span(13, 18), "Paris", "USA", 33.66094, -95.55551, 4717560, "city"),
        Place(Span(20, 25), "Texas", "USA", 31.25, -99.25, 4736286, "state"),
    ]
    text = "Macron returned to Paris."
    assert extract(text, ents(text, ("Macron", "PERSON"), ("Paris", "GPE")), gaz) == [
        Place(Span(19, 24), "Paris", "FRA", 48.85341, 2.3488, 2988507, "city")
    ]


def test_paris_in_an_american_story(gaz: Gazetteer) -> None:
    text = "Flooding hit Paris on Monday, the United States weather service said."
    got = extract(text, ents(text, ("Paris", "GPE"), ("the United States", "GPE")), gaz)
    assert [(p.name, p.country, p.geonames_id) for p in got] == [
        ("Paris", "USA", 4717560),
        ("United States", "USA", 6252001),
    ]
    assert got[1].span == Span(34, 47)  # 'the' trimmed


def test_tripoli_libya_vs_lebanon(gaz: Gazetteer) -> None:
    text = "Clashes in Tripoli worried Lebanon."
    got = extract(text, ents(text, ("Tripoli", "GPE"), ("Lebanon", "GPE")), gaz)
    assert [(p.name, p.country, p.geonames_id) for p in got] == [
        ("Tripoli", "LBN", 266826),
        ("Lebanon", "LBN", 272103),
    ]
    text = "Clashes in Tripoli, Libyan officials said."
    got = extract(text, ents(text, ("Tripoli", "GPE"), ("Libyan", "NORP")), gaz)
    assert [(p.name, p.country, p.geonames_id) for p in got] == [("Tripoli", "LBY", 2210247)]
    text = "Clashes in Tripoli, the Lebanese army said."
    got = extract(text, ents(text, ("Tripoli", "GPE"), ("Lebanese", "NORP")), gaz)
    assert [(p.name, p.country) for p in got] == [("Tripoli", "LBN")]


def test_georgia_country_and_state(gaz: Gazetteer) -> None:
    text = "Georgia and Armenia met in Tbilisi."
    got = extract(text, ents(text, ("Georgia", "GPE"), ("Armenia", "GPE"), ("Tbilisi", "GPE")), gaz)
    assert [(p.name, p.country, p.feature) for p in got] == [
        ("Georgia", "GEO", "country"),
        ("Armenia", "ARM", "country"),
        ("Tbilisi", "GEO", "city"),
    ]
    text = "Voters in Atlanta, Georgia, queued for hours."
    got = extract(text, ents(text, ("Atlanta", "GPE"), ("Georgia", "GPE")), gaz)
    assert [(p.name, p.country, p.feature, p.geonames_id) for p in got] == [
        ("Atlanta", "USA", "city", 4180439),
        ("Georgia", "USA", "state", 4197000),
    ]
    text = "Georgia's governor said the United States would help."
    got = extract(text, ents(text, ("Georgia", "GPE"), ("the United States", "GPE")), gaz)
    assert [(p.span, p.country, p.feature) for p in got] == [
        (Span(0, 7), "USA", "state"),
        (Span(28, 41), "USA", "country"),
    ]


def test_demonyms_are_not_places(gaz: Gazetteer) -> None:
    text = "Russian and Syrian officials met."
    assert extract(text, ents(text, ("Russian", "NORP"), ("Syrian", "NORP")), gaz) == []


def test_mislabelled_entities_rescued_only_when_safe(gaz: Gazetteer) -> None:
    text = "Troops moved to Aleppo while Aleppo Cotton Ltd and Mr Homs watched Hama."
    marked = ents(text, ("Aleppo", "ORG"), ("Aleppo Cotton Ltd", "ORG"), ("Homs", "PERSON"), ("Hama", "PERSON"))
    assert extract(text, marked, gaz) == [Place(Span(16, 22), "Aleppo", "SYR", 36.20124, 37.16117, 170063, "city")]
    text = "Officials visited the northern city of Aleppo and the Hmeimim air base."
    got = extract(text, ents(text, ("Aleppo", "NORP"), ("Hmeimim", "NORP")), gaz)
    assert got == [
        Place(Span(39, 45), "Aleppo", "SYR", 36.20124, 37.16117, 170063, "city"),
        Place(Span(54, 70), "Hmeimim Air Base", "SYR", 35.4011, 35.9486, None, "site"),
    ]


def test_unknown_names_and_other_labels_are_dropped(gaz: Gazetteer) -> None:
    text = "Qwxzvbnm sent 3 envoys to the UN."
    assert extract(text, ents(text, ("Qwxzvbnm", "GPE"), ("3", "CARDINAL"), ("UN", "ORG")), gaz) == []
    assert extract("", [], gaz) == []


def doc_of(text: str, places: list[Place], sentences: list[Span] | None = None) -> Doc:
    return Doc(Article("t", text), sentences=sentences or [Span(0, len(text))], places=places)


def test_event_location_prefers_the_city(gaz: Gazetteer) -> None:
    text = "Russian officials travelled to Damascus, Syria, on Sunday."
    doc = doc_of(text, extract(text, ents(text, ("Damascus", "GPE"), ("Syria", "GPE")), gaz))
    assert event_location(doc, sentence=0, trigger=Span(18, 27)) == Location(
        "Damascus", "SYR", 33.5102, 36.29128, 170654, evidence=Span(31, 39), basis="the destination 'to Damascus'"
    )


def test_event_location_governed_and_closest(gaz: Gazetteer) -> None:
    text = "Moscow said troops met in Aleppo and later flew to Homs."
    doc = doc_of(text, extract(text, ents(text, ("Moscow", "GPE"), ("Aleppo", "GPE"), ("Homs", "GPE")), gaz))
    met, flew = (
        event_location(doc, sentence=0, trigger=Span(19, 22)),
        event_location(doc, sentence=0, trigger=Span(43, 47)),
    )
    assert (met and met.name, flew and flew.name) == ("Aleppo", "Homs")


def test_event_location_falls_back_and_gives_none(gaz: Gazetteer) -> None:
    text = "Syria denied it. Nobody was hurt."
    doc = doc_of(text, extract(text, ents(text, ("Syria", "GPE")), gaz), [Span(0, 16), Span(17, 33)])
    assert event_location(doc, sentence=0, trigger=Span(6, 12)) == Location(
        *SYRIA[:5], evidence=Span(0, 5), basis="the only place named in the event's sentence"
    )
    assert event_location(doc, sentence=1, trigger=Span(28, 32)) is None
    assert event_location(doc, sentence=7, trigger=Span(28, 32)) is None


def test_stage_with_spacy(gaz: Gazetteer) -> None:
    from communique.stages.nlp import attach, load_nlp

    text = "Russian Deputy Defence Minister Yunus-Bek Yevkurov travelled to Damascus, Syria, on Sunday."
    doc = Doc(Article("t", text))
    attach(doc, load_nlp()(text))
    stage = PlaceStage(gazetteer=gaz)
    assert stage(doc) is doc
    assert doc.places == [Place(Span(64, 72), *DAMASCUS), Place(Span(74, 79), *SYRIA)]
    assert event_location(doc, sentence=0, trigger=Span(51, 60)) == Location(
        "Damascus", "SYR", 33.5102, 36.29128, 170654, evidence=Span(64, 72), basis="the destination 'to Damascus'"
    )
    assert [(m.span, m.country, m.name, m.geonames_id) for m in doc.country_mentions] == [
        (Span(0, 7), "RUS", "Russia", 2017370)
    ]
    spec = registered_stage("communique.place.v1")
    assert (spec.factory, spec.requires, spec.assigns) == (
        PlaceStage, ("nlp", "sentences"), ("places", "country_mentions")
    )


def test_written_index_answers_as_the_whole_text_search() -> None:
    """The places' lower-case check ("a word the story also writes in lower case") looks a key up among the word
    runs of the text; it must answer as the regular expression searched over the whole text did."""
    from communique.stages.place.resolve.again import _Written

    text = ("Delegates from new york-based groups met in the centre of town; the Centre said the new york office "
            "and the co-op's centre-left wing would meet. (georgia) was written in brackets, ‘salah’ in quotes.")
    written = _Written(text)
    keys = ["new york", "new", "york", "centre", "centre-left", "centre-left wing", "co-op", "co", "op", "town",
            "georgia", "salah", "(georgia)", "wing would", "meet", "meet.", "", "york-based", "based", "the centre",
            "centr", "delegates", "egates"]
    assert {k: written.has(k) for k in keys} == {
        k: re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text) is not None for k in keys}


def test_points_near_answers_as_every_distance() -> None:
    """The latitude-sorted points find the places within a distance of a point as measuring every distance does,
    names excluded, near the poles and across the date line too."""
    from communique.stages.place.resolve.neighbours import _km, _Points

    pts = [(lat / 4, lon / 3, name) for lat in range(-360, 361, 7) for lon, name in ((-539, "a"), (0, "b"), (2, "c"),
                                                                                     (538, "d"))]
    story = _Points(pts)
    for lat, lon in ((0.0, 0.0), (0.4, 0.3), (89.9, 10.0), (-45.2, 179.8), (12.1, -179.9), (33.3, 0.7)):
        for km in (1.0, 50.0, 200.0):
            for but in (set(), {"b"}, {"b", "c"}):
                assert story.near(lat, lon, km, but) == any(
                    n not in but and _km(lat, lon, a, b) <= km for a, b, n in pts), (lat, lon, km, but)
    assert story.any_but({"a", "b", "c"}) and not story.any_but({"a", "b", "c", "d"})
