"""Long texts are parsed in pieces cut at paragraph (else line, sentence, space) breaks and joined back into one
document: the pieces spell the text exactly, every offset indexes the user's text across the cuts, and what
later stages find across a cut (a pronoun's antecedent, a relative date's anchor) is still found."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import communique
from communique.serialize import doc_to_dict
from communique.stages.nlp import CHUNK_CHARS, NLPStage, batches, chunk_spans, load_nlp


def _offsets_module():  # tests/test_offsets.py: the offset checker and the layout garbler, shared
    import importlib.util

    spec = importlib.util.spec_from_file_location("_offsets", Path(__file__).resolve().parents[1] / "test_offsets.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_OFFSETS = _offsets_module()
ARTICLE, check, garble = _OFFSETS.ARTICLE, _OFFSETS.check, _OFFSETS.garble
WS = re.compile(r"\s")


def _valid(text: str, spans: list[tuple[int, int]], limit: int) -> None:
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b for a, b in spans) or text == ""
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))
    for a, b in spans:
        body = text[a:b].rstrip()
        assert len(body) <= limit or b - a <= limit, (a, b)  # only the whitespace that ends a piece runs over


def test_short_text_is_one_piece() -> None:
    assert chunk_spans("Talks resumed.", 100) == [(0, 14)]
    assert chunk_spans("", 100) == [(0, 0)]
    assert chunk_spans("x" * 100, 100) == [(0, 100)]


def test_cuts_prefer_paragraphs_then_lines_then_sentences_then_spaces() -> None:
    para = "One two three. Four five six.\nSeven eight.\n\nNine ten eleven. Twelve."
    assert chunk_spans(para, 60) == [(0, 44), (44, len(para))]  # after the blank line, not the line break
    lines = "One two three. Four five six.\nSeven eight. Nine ten eleven. Twelve."
    assert chunk_spans(lines, 50) == [(0, 30), (30, len(lines))]
    sents = "One two three. Four five six. Seven eight nine ten."
    assert chunk_spans(sents, 35) == [(0, 30), (30, len(sents))]
    words = "one two three four five six seven"
    assert chunk_spans(words, 12) == [(0, 8), (8, 19), (19, 28), (28, len(words))]  # "one two ", "three four "
    assert chunk_spans("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]  # no break at all: cut at the limit
    quoted = 'He said: "We will go." Then he left the room quietly.'
    assert chunk_spans(quoted, 30)[0] == (0, 23)  # a closing quote stays with its sentence


def test_whitespace_at_a_cut_stays_with_the_piece_before() -> None:
    text = "Alpha beta.\n\n\n   Gamma delta epsilon."
    [(a, b), (c, d)] = chunk_spans(text, 20)
    assert text[a:b] == "Alpha beta.\n\n\n   " and text[c:d] == "Gamma delta epsilon."


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .!?\"'\n\t\u00a0\u2019"), max_size=400),
       limit=st.integers(1, 60))
def test_pieces_cover_the_text_exactly(text: str, limit: int) -> None:
    spans = chunk_spans(text, limit)
    assert "".join(text[a:b] for a, b in spans) == text
    _valid(text, spans, limit)
    for a, b in spans[:-1]:  # a cut is at a break when the piece has one
        if WS.search(text, a + 1, a + limit):
            assert text[b - 1].isspace(), (text, a, b)


def test_the_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="must be positive"):
        chunk_spans("abc", 0)


@pytest.fixture(scope="module")
def small_chunks(pipeline: communique.Pipeline) -> communique.Pipeline:
    """The session pipeline with pieces of 500 characters (restored afterwards)."""
    stage: NLPStage = pipeline.stages[0]
    old = stage.chunk_chars
    stage.chunk_chars = 500
    yield pipeline
    stage.chunk_chars = old


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_span_indexes_the_text_across_cuts(small_chunks: communique.Pipeline, data: st.DataObject) -> None:
    raw = garble(ARTICLE, data.draw)
    assert len(chunk_spans(raw, 500)) >= 3  # the parse copy is cut the same way (same length)
    doc = communique.analyze(raw, published="2025-02-24", pipeline=small_chunks)
    out = doc_to_dict(doc)
    assert check(out, raw) > 20
    assert doc.nlp.text == doc.text and len(doc.text) == len(raw)
    starts = {s.start for s in doc.sentences}
    for a, _ in chunk_spans(doc.text, 500)[1:]:  # a cut always begins a sentence
        assert a in starts or doc.text[a:].strip() == ""


REPORT = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi on Monday.\n\n"
          "The next day, he accused Tanzania of blocking trucks at the border, officials said.\n")


def test_antecedent_and_date_anchor_across_a_cut(pipeline: communique.Pipeline) -> None:
    """The pronoun of the second paragraph finds Ruto in the first, and "the next day" is anchored on the
    first paragraph's Monday, though the two paragraphs are parsed as two pieces: the same analysis as the
    text parsed whole."""
    stage: NLPStage = pipeline.stages[0]
    assert len(chunk_spans(REPORT, 120)) == 2
    whole = doc_to_dict(communique.analyze(REPORT, title="Talks", published="2025-03-12", pipeline=pipeline))
    stage.chunk_chars = 120
    try:
        chunked = doc_to_dict(communique.analyze(REPORT, title="Talks", published="2025-03-12", pipeline=pipeline))
    finally:
        stage.chunk_chars = CHUNK_CHARS
    assert chunked == whole
    names = {a["id"]: a["name"] for a in chunked["actors"]}
    found = [(e["cameo"], [names[i] for i in e["source"]], [names[i] for i in e["target"]], e["date"]["value"])
             for e in chunked["events"]]
    assert found == [("040", ["William Ruto"], ["Samia Suluhu Hassan"], "2025-03-10"),
                     ("112", ["William Ruto"], ["Tanzania"], "2025-03-11")]


@pytest.mark.slow  # minutes on 2 busy cores: run apart (./run test -m slow)
def test_text_over_spacys_limit_is_analysed() -> None:
    """A text over spaCy's own 1,000,000-character limit is parsed in pieces, not rejected."""
    nlp = load_nlp()
    para = "Officials met in Cairo on Monday. They agreed to meet again soon.\n\n"
    text = para * (nlp.max_length // len(para) + 10)
    stage = NLPStage(nlp)
    [doc] = stage.pipe([communique.Doc(communique.Article(id="long", text=text))])
    assert len(text) > nlp.max_length and doc.nlp.text == doc.text and len(doc.text) == len(text)
    assert len(doc.sentences) == 2 * (nlp.max_length // len(para) + 10)
    assert doc.sentences[-1].end == len(text.rstrip())


COUNTRIES = ("Kenya", "Uganda", "Ethiopia", "Somalia", "Egypt", "Nigeria", "Ghana", "Senegal", "Mali", "Chad",
             "Sudan", "Libya", "Algeria", "Morocco", "Tunisia", "Angola", "Zambia", "Malawi", "Rwanda", "Burundi")


def long_report(chars: int) -> str:
    """About ``chars`` characters of paragraphs: REPORT (one meeting, told again and again: one event) and an
    accusation between a pair of countries of its own (380 pairs in turn)."""
    pairs = itertools.cycle(itertools.permutations(COUNTRIES, 2))
    para = [f"{REPORT.strip()} Round {i} of the talks ended. {a} accused {b} of blocking trucks."
            for i, (a, b) in zip(range(chars // (len(REPORT) + 60)), pairs, strict=False)]
    return "\n\n".join(para)


def test_a_long_report_has_an_event_per_pair() -> None:
    """The long article of the slow test below, 30 paragraphs: the meeting once, REPORT's accusation of Tanzania
    once, and an accusation per ordered pair (the 20th, Uganda accusing Kenya, is not the first, Kenya accusing
    Uganda, told again)."""
    doc = communique.analyze(long_report(30 * (len(REPORT) + 60)), published="2025-03-12")
    assert len(doc.events) == 32
    assert [e.cameo for e in doc.events].count("040") == 1


def test_batches_hold_a_count_and_a_length() -> None:
    words = ["aaaa", "bb", "cccccccc", "d", "ee", "f"]
    assert list(batches(words, 3, None, len)) == [["aaaa", "bb", "cccccccc"], ["d", "ee", "f"]]
    assert list(batches(words, 10, 6, len)) == [["aaaa", "bb"], ["cccccccc"], ["d", "ee", "f"]]
    assert list(batches(words, 2, 6, len)) == [["aaaa", "bb"], ["cccccccc"], ["d", "ee"], ["f"]]
    assert list(batches([], 2, 6, len)) == []


def test_batches_by_length_parse_as_one_batch(pipeline: communique.Pipeline) -> None:
    """Texts parsed in batches cut at 300 characters get the parses they get in one batch of 32."""
    nlp = pipeline.stages[0].nlp
    texts = [f"{a} accused {b} of blocking trucks at the border on Monday, officials said."
             for a, b in itertools.islice(itertools.permutations(COUNTRIES, 2), 12)]
    whole = [d.nlp.to_bytes() for d in NLPStage(nlp).pipe([communique.Doc(communique.Article(id=str(i), text=t))
                                                      for i, t in enumerate(texts)])]
    small = NLPStage(nlp, batch_chars=300)
    cut = [d.nlp.to_bytes() for d in small.pipe([communique.Doc(communique.Article(id=str(i), text=t))
                                            for i, t in enumerate(texts)])]
    assert cut == whole


@pytest.mark.slow
def test_two_megabyte_article_is_analysed(tmp_path: Path) -> None:
    """A generated 2 MB article goes through ingest whole: stored, with its events, in minutes (every stage is
    linear in length; parsed in batches of at most BATCH_CHARS characters, so in bounded memory)."""
    from communique import ingest
    from communique.store import Store

    body = long_report(2_000_000)
    assert len(body) > 1_900_000
    path = tmp_path / "long.txt"
    path.write_text(body, encoding="utf-8")
    with Store.open(tmp_path / "s.duckdb") as store:
        report = ingest([path], store=store, published="2025-03-12")
        assert (report.added, report.errors) == (1, [])
        assert store.count()["events"] > 300  # 380 pairs, REPORT's meeting and accusation
