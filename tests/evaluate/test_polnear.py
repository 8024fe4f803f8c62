"""The PolNeAR scorer: its pure scoring on a hand-made pair, and a short run on the real data when present."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from communique import Pipeline, analyze
from communique.evaluate.polnear import (
    GoldAttribution,
    GoldDoc,
    PredAttribution,
    Prediction,
    PredQuote,
    Result,
    figures,
    main,
    parse_ann,
    prediction,
    score,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

TEXT = (
    "Big News Today\n\n"
    '"We will win this race," Smith said on Monday.\n\n'
    'According to a senior aide, the plan was "a total disaster" for all.\n\n'
    '"Nothing is settled yet," he said.\n'
)


def at(s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(s, i + 1)
    return i, i + len(s)


def test_parse_ann() -> None:
    ann = (
        "T1\tSource 10 15\tSmith\nT2\tCue 16 20\tsaid\nT3\tContent 0 5;6 9\tab cd\nT4\tAttribution 16 20\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tDiscard 30 40\tRead more\n"
        "T6\tAttribution-no-source 50 53\tsaw\nT7\tContent 54 60\tx\ncontinued line\n"
        "E2\tAttribution-no-source:T6 Content:T7\n"
    )
    attributions, ignored = parse_ann(ann)
    assert attributions == [
        GoldAttribution("E1", sources=[(10, 15)], cues=[(16, 20)], contents=[(0, 5), (6, 9)]),
        GoldAttribution("E2", contents=[(54, 60)]),
    ]
    assert ignored == [(30, 40)]


def test_score_hand_made_pair() -> None:
    smith, he, aide = at("Smith"), at("he said"), at("a senior aide")
    he = (he[0], he[0] + 2)
    gold = GoldDoc(
        "doc1",
        TEXT,
        attributions=[
            GoldAttribution("E1", sources=[smith], cues=[at("said")], contents=[at('"We will win this race,"')]),
            GoldAttribution("E2", sources=[aide], cues=[at("According to")],
                            contents=[at('the plan was "a total disaster" for all')]),
            GoldAttribution("E3", sources=[he], cues=[at("said", 1)], contents=[at('"Nothing is settled yet,"')]),
        ],
    )
    q1, q2, q3, q4 = at("We will win this race"), at("a total disaster"), at("Nothing is settled yet"), at("News Today")
    pred = Prediction(
        quotes=[
            PredQuote(*q1, has_speaker=True, speaker_span=smith, speaker_mentions=[smith]),
            PredQuote(*q2),
            PredQuote(*q3, has_speaker=True, speaker_span=smith, speaker_mentions=[smith]),  # carried over
            PredQuote(*q4),
        ],
        attributions=[PredAttribution(*aide, anonymous=True), PredAttribution(*at("the plan"))],
        unspanned_attributions=1,
    )
    res = score([(gold, pred)])
    counts = Counter({
        "gold quotes": 3, "gold quotes full": 2, "gold quotes mixed": 1,
        "gold quotes found": 3, "gold quotes full found": 2, "gold quotes mixed found": 1,
        "speaker scored": 3, "speaker scored full": 2, "speaker scored mixed": 1,
        "speaker scored, gold source a pronoun": 1,
        "speaker correct": 1, "speaker correct full": 1, "speaker correct lenient": 1,
        "quote anonymity scored": 3, "quote anonymity agrees": 2, "quote anonymous gold (proxy)": 1,
        "our quotes": 4, "our quotes in a gold content": 3,
        "gold sources": 3, "gold sources cue say/tell": 2, "gold sources cue according to": 1,
        "gold sources found": 1, "gold sources cue according to found": 1,
        "attribution anonymity scored": 1, "attribution anonymity agrees": 1,
        "attribution anonymous gold (proxy)": 1, "attribution anonymous ours": 1, "attribution anonymous both": 1,
        "our attributions unspanned": 1, "our attributions": 2, "our attributions on a gold source": 1,
    })
    e2 = f"doc1: gold content {at('the plan was')[0]}-{at('for all')[1]} source {aide[0]}-{aide[1]}"
    content3 = at('"Nothing is settled yet,"')
    e3 = f"doc1: gold content {content3[0]}-{content3[1]} source {he[0]}-{he[1]}"
    assert res == Result(
        docs=1,
        counts=counts,
        patterns=Counter({
            "speaker missing, quote marks inside a paraphrase (gold source is a name or description)": 1,
            "anonymous source not flagged (proxy)": 1,
            "speaker span off: gold source is a pronoun": 1,
            "false quote: in the headline line": 1,
            "attribution inside a gold content (nested or misread source)": 1,
        }),
        examples={
            "speaker missing, quote marks inside a paraphrase (gold source is a name or description)":
                f"{e2}; our quote {q2[0]}-{q2[1]} speaker -",
            "anonymous source not flagged (proxy)": f"{e2}; our quote {q2[0]}-{q2[1]} speaker -",
            "speaker span off: gold source is a pronoun":
                f"{e3}; our quote {q3[0]}-{q3[1]} speaker {smith[0]}-{smith[1]}",
            "false quote: in the headline line": f"doc1: our quote {q4[0]}-{q4[1]}",
            "attribution inside a gold content (nested or misread source)":
                f"doc1: our attribution {at('the plan')[0]}-{at('the plan')[1]} (source)",
        },
    )
    assert figures(res) == {
        "quote precision": 0.75, "quote recall": 1.0, "quote f1": pytest.approx(6 / 7),
        "speaker accuracy": pytest.approx(1 / 3), "speaker accuracy lenient": pytest.approx(1 / 3),
        "attribution precision": 0.5, "attribution recall": pytest.approx(1 / 3), "attribution f1": 0.4,
    }


def test_main_on_three_articles(capsys: pytest.CaptureFixture[str]) -> None:
    if not (SHARED / "eval" / "polnear" / "dev" / "attributions").is_dir():
        pytest.skip(f"PolNeAR is absent ({SHARED / 'eval' / 'polnear'}); this test needs ../shared beside the project")
    assert main(["--limit", "3", "--shared", str(SHARED)]) == 0
    out = capsys.readouterr().out
    assert "documents: 3" in out and "(a) direct quotes" in out and "failure patterns" in out


def test_prediction_scores_the_outermost_source_of_a_nested_quote(pipeline: Pipeline) -> None:
    # PolNeAR is univocal: the quote Berg's words belong to Ruiz's attribution, so Ruiz is the source scored;
    # a quote nobody reports keeps its speaker
    text = ('Senator Ana Ruiz said Tomas Berg had called the merger "a disaster waiting to happen." '
            '"We will not sign this," Berg said.')
    doc = analyze(text, published="2024-05-02", pipeline=pipeline)
    pred = prediction(doc, text)
    assert [(text[q.start : q.end], q.has_speaker, text[q.speaker_span[0] : q.speaker_span[1]])
            for q in pred.quotes if q.speaker_span] == [
        ("a disaster waiting to happen.", True, "Ana Ruiz"), ("We will not sign this", True, "Berg")]
