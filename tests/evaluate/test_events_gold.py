"""The sentence-level event scorer: its pure scoring function, its PETRARCH reader, and a short real run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from communique.evaluate.events_gold import GoldEvent, GoldSentence, Predicted, Result, main, read_petrarch, score

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _f(*codes: str) -> frozenset[str]:
    return frozenset(codes)


def test_score_whole_result() -> None:
    def gold(i: int, *events: GoldEvent) -> GoldSentence:
        return GoldSentence(f"s{i}", "text", None, events)

    pairs = [
        # a visit coded 042 where gold has 042 and the reciprocal 043 (matched either way round)
        (
            gold(1, GoldEvent("042", None, _f("RUS"), _f("SYR")), GoldEvent("043", None, _f("SYR"), _f("RUS"))),
            [Predicted("042", "CONSULT", _f("RUS"), _f("SYR"))],
        ),
        # wrong root: a miss and a confusion
        (gold(2, GoldEvent("190", None, _f("ISR"))), [Predicted("111", "ACCUSE", _f("ISR"))]),
        # a "no events" record: our event is a false positive
        (gold(3), [Predicted("190", "ASSAULT")]),
        # a test-only code is left out; a gold event without countries and nothing of ours
        (gold(4, GoldEvent("903", None), GoldEvent("064", None)), []),
        # PLOVER-only gold: type and one of two source countries right, the target unchecked
        (
            gold(5, GoldEvent(None, "AGREE", _f("HUN", "ROU"))),
            [Predicted("036", "AGREE", _f("HUN"), _f("AUT")), Predicted("042", "CONSULT")],
        ),
        (gold(6, GoldEvent(None, "PROTEST", _f("FRA"))), [Predicted("042", "CONSULT", _f("FRA"))]),
        (gold(7, GoldEvent(None, "AGREE")), []),
    ]
    result = score(pairs)
    assert result == Result(
        sentences=7,
        gold_events=7,
        predicted=6,
        skipped_codes=1,
        cameo_gold=4,
        root_hits=2,
        full_hits=1,
        country_gold=3,
        country_hits=2,
        plover_gold=3,
        plover_hits=1,
        plover_attempted=2,
        plover_country_hits=1,
        plover_country_gold=2,
        precise=2,
        confusions={("06", "MISSING"): 1, ("19", "11"): 1, ("AGREE", "MISSING"): 1, ("PROTEST", "CONSULT"): 1},
    )
    assert list(result.confusions) == [("06", "MISSING"), ("19", "11"), ("AGREE", "MISSING"), ("PROTEST", "CONSULT")]


def test_read_petrarch_records(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(
        """<Validation><!-- a comment -- with dashes <Sentence id="X"> --><Sentences>
<Sentence category="DEMO" date="19950102" id="T-1" evaluate="true">
<EventCoding eventcode="042" sourcecode="RUSGOV" targetcode="GON" />
<EventCoding sourcecode='""' targetcode="UNK" eventcode="111"></EventCoding>
<Text>
Moscow officials visited
Gondor &amp; London.
</Text></Sentence>
<Sentence id="T-2" date="19950103" evaluate="false"><EventCoding eventcode="010" sourcecode="USA" targetcode="RUS" />
<Text>Left out.</Text></Sentence>
<Sentence id="T-3" date="19950104"><EventCoding error="bad_input_parse" /><Text>Meant to fail.</Text></Sentence>
<Sentence id="T-4" date="19950105"><EventCoding noevents="True" /><Text>Nothing happened.</Text></Sentence>
</Sentences></Validation>""",
        encoding="utf-8",
    )
    sentences = read_petrarch(path, frozenset({"RUS", "GBR", "USA", "ERI"}))
    assert sentences == [
        GoldSentence(
            "T-1",
            "Moscow officials visited Gondor & London.",
            dt.date(1995, 1, 2),
            (GoldEvent("042", None, _f("RUS"), _f()), GoldEvent("111", None, _f(), _f("GBR"))),
        ),
        GoldSentence("T-4", "Nothing happened.", dt.date(1995, 1, 5), ()),
    ]


def test_main_on_five_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    if not (SHARED / "reference" / "universalpetrarch" / "PETR_Validate_records_2_02.xml").is_file():
        pytest.skip(f"../shared is absent ({SHARED}); the gold event sets live there")
    assert main(["--limit", "5", "--dataset", "universalpetrarch", "--shared", str(SHARED)]) == 0
    out = capsys.readouterr().out
    assert "== universalpetrarch: 5 gold sentences" in out
    assert "recall, CAMEO root:" in out and "precision (root):" in out
    assert "68.3% true positives, 23.0% false positives" in out


def test_main_without_shared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--shared", str(tmp_path)]) == 2
    assert "gold data not found" in capsys.readouterr().err
