"""``communique eval places``: the three ways of counting detection (places only, with toponyms inside names,
with demonyms)."""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.evaluate.geoparse import GoldArticle, GoldToponym, run
from communique.knowledge.gazetteer import Gazetteer


@dataclass
class _Ent:
    start_char: int
    end_char: int
    label_: str

    def __iter__(self):  # no tokens: entities() only reads the labels and offsets
        return iter(())


@dataclass
class _Doc:
    text: str
    ents: list[_Ent] = field(default_factory=list)

    def __iter__(self):
        return iter(())


class _NLP:
    """Stands in for spaCy: the entities we mark, nothing else."""

    def __init__(self, marked: dict[str, list[tuple[str, str]]]) -> None:
        self.marked = marked

    def pipe(self, texts):
        for text in texts:
            yield _Doc(text, [_Ent(text.index(s), text.index(s) + len(s), label) for s, label in self.marked[text]])


def test_toponyms_inside_names_count_on_both_sides_in_the_middle_mode() -> None:
    text = "MEMPHIS (AP) - Students at Colorado State University protested. Turkish police watched European visitors."
    at = text.index

    def gold(name: str, kind: str, lat: float, lon: float) -> GoldToponym:
        return GoldToponym(at(name), at(name) + len(name), name, kind, lat, lon, None)

    article = GoldArticle(
        "a",
        text,
        (
            gold("MEMPHIS", "Literal", 35.15, -90.05),
            gold("Colorado", "Embedded_Non_Lit", 39.0, -105.5),
            gold("Turkish", "Non_Literal_Modifier", 39.0, 35.0),
            gold("European", "Non_Literal_Modifier", 48.7, 9.1),
        ),
    )
    nlp = _NLP({text: [("Colorado State University", "ORG"), ("Turkish", "NORP")]})
    scores = run([article], nlp=nlp, gazetteer=Gazetteer.default(), country_of=lambda lat, lon: None)
    got = {mode.split(" (")[0]: (s.gold, s.predicted, s.matched) for mode, s in scores.items()}
    assert got == {
        "places only": (3, 1, 1),
        # a continent's adjective both ways: out of gold like a demonym, or our mention of it as a place
        "places only, region adjectives as demonyms": (2, 1, 1),
        "places only, region adjectives as places": (3, 2, 2),
        "places and toponyms inside names": (3, 2, 2),
        "with demonyms": (4, 4, 4),
    }
