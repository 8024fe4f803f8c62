"""The actor scorer: PLOVER sector codes read as CAMEO's, misses counted by kind. Inputs are ours."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from communique.evaluate.actors import PLOVER_SECTORS, Tally, gsr_actors, score_spans
from communique.model import Span


@dataclass
class _Actor:
    country: str | None
    sector: str | None
    code: str | None


@dataclass
class _Mention:
    span: Span
    head: Span | None
    actor_id: str


class _Doc:
    def __init__(self, mentions: list[_Mention], actors: dict[str, _Actor]) -> None:
        self.mentions, self._actors = mentions, actors

    def actor(self, actor_id: str) -> _Actor:
        return self._actors[actor_id]


def test_plover_sectors_are_read_as_cameo(tmp_path: Path) -> None:
    assert PLOVER_SECTORS == {"JRN": "MED", "MED": "HLH", "CIV": "CVL"}
    gold = [{"id": "X-1", "text": "Nepali nurses thanked a Danish weekly.",
             "source": [{"actorText": "Nepali nurses", "code": "NPL", "sector": "MED"}],
             "target": [{"actorText": "Danish weekly", "code": "DNK", "sector": "JRN"}]}]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(gold), "utf-8")
    (_, actors), = gsr_actors(path, frozenset({"NPL", "DNK"}))
    assert [(a.country, a.sector) for a in actors] == [("NPL", "HLH"), ("DNK", "MED")]


def test_misses_are_counted_by_kind(tmp_path: Path) -> None:
    gold = [{"id": "X-2", "text": "Chilean miners met Bolivian police and Peruvian farmers and a Swiss envoy.",
             "source": [{"actorText": "Chilean miners", "code": "CHL", "sector": "LAB"},
                        {"actorText": "Bolivian police", "code": "BOL", "sector": "COP"}],
             "target": [{"actorText": "Peruvian farmers", "code": "PER", "sector": "AGR"},
                        {"actorText": "Swiss envoy", "code": "CHE", "sector": "GOV"}]}]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(gold), "utf-8")
    (text, golds), = gsr_actors(path, frozenset({"CHL", "BOL", "PER", "CHE", "ARG"}))
    spans = {g.text: Span(g.start, g.end) for g in golds}
    ours = {"a": _Actor("CHL", "LAB", "CHLLAB"), "b": _Actor("ARG", "COP", "ARGCOP"),
            "c": _Actor("PER", None, "PER"), "d": _Actor(None, "GOV", "GOV")}
    doc = _Doc([_Mention(spans[t], spans[t], k) for t, k in
                (("Chilean miners", "a"), ("Bolivian police", "b"), ("Peruvian farmers", "c"), ("Swiss envoy", "d"))],
               ours)
    tally = score_spans([doc], [golds], Tally())
    assert (tally.country_hits, tally.sector_hits) == (2, 1)
    assert tally.kinds == {"country wrong": 1, "sector missing": 1, "country missing": 1}
    assert tally.kind_lines("x")[0].startswith("x: ")
