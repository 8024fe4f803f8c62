"""Provenance on sentences of our own: attribution chains, status, quotes and speakers."""

from __future__ import annotations

from communique import Doc, Pipeline, analyze
from communique.model import Span
from communique.textutil import find_quotes


def _quotes(doc: Doc) -> list[tuple[str | None, str | None, bool, str | None, str]]:
    return [(doc.actor(q.speaker).name if q.speaker else None,  # type: ignore[union-attr]
             q.speaker_span.text(doc.text) if q.speaker_span else None, q.anonymous, q.via,
             q.span.text(doc.text)) for q in doc.quotes]


def test_find_quotes_tells_apostrophes_from_closing_marks() -> None:
    text = "He said ‘Ghana’s patience is not endless’ and added “we will act,” before leaving. 'Not now,' she said."
    assert [text[s.start : s.end] for s in find_quotes(text)] == [
        "Ghana’s patience is not endless", "we will act", "Not now"]
    assert find_quotes("It’s the minister’s view.") == []
    wire = "He said ''we will win the state,'' and left. ``Not now,'' she said. It's O'Brien's car."
    assert [wire[s.start : s.end] for s in find_quotes(wire)] == ["we will win the state", "Not now"]
    assert find_quotes('"a"') == [] and find_quotes('"two words"') == [Span(1, 10)]


def test_outlet_citing_anonymous_sources_and_unconfirmed(pipeline: Pipeline) -> None:
    doc = analyze("Qatari Foreign Minister Khalid al-Thani visited Kabul on Sunday. The visit, first reported by "
                  "Al Jazeera citing unnamed diplomats, has not been confirmed by the Afghan government.",
                  published="2024-09-03", pipeline=pipeline)
    [visit] = doc.events
    assert visit.status == "unconfirmed"
    assert [(a.source, a.anonymous, a.kind) for a in visit.attribution] == [
        ("Al Jazeera", False, "outlet"), ("unnamed diplomats", True, "source")]
    assert visit.attribution[0].cites == 1


def test_confirmed_and_denied(pipeline: Pipeline) -> None:
    doc = analyze("Hungarian Foreign Minister Gabor Nagy met Serbian President Milan Petrovic in Belgrade on "
                  "Monday, the Serbian presidency confirmed. Romania denied that its troops had attacked "
                  "Moldovan border posts.", published="2024-10-09", pipeline=pipeline)
    assert [(e.cameo, e.status) for e in doc.events] == [("040", "confirmed"), ("190", "denied")]


def test_quotes_with_speakers_anonymous_and_via(pipeline: Pipeline) -> None:
    doc = analyze("Chadian Defence Minister Idriss Mahamat said “our soldiers will stay until the job is done,” "
                  "adding that ‘Chad’s borders are not negotiable.’ A Nigerien official, speaking on condition of "
                  "anonymity, said \"the talks are stuck.\" Mahamat, according to people close to the presidency, "
                  "called the plan ‘a serious mistake.’", pipeline=pipeline)
    assert _quotes(doc) == [
        ("Idriss Mahamat", "Idriss Mahamat", False, None, "our soldiers will stay until the job is done"),
        ("Idriss Mahamat", "Idriss Mahamat", False, None, "Chad’s borders are not negotiable."),
        ("Nigerien official", "Nigerien official", True, None, "the talks are stuck."),
        ("Idriss Mahamat", "Mahamat", False, "people close to the presidency", "a serious mistake."),
    ]


def test_speaker_from_the_sentence_before_and_never_inside_the_quote(pipeline: Pipeline) -> None:
    doc = analyze("Peruvian President Rosa Quispe spoke to reporters in Lima on Monday. \"Chile said it will not "
                  "sign, and we will not wait for it,\" she added.", pipeline=pipeline)
    assert _quotes(doc) == [("Rosa Quispe", "she", False, None,
                             "Chile said it will not sign, and we will not wait for it")]


def test_speaker_owns_the_speech_noun(pipeline: Pipeline) -> None:
    doc = analyze("Analysts questioned Finnish Defence Minister Elina Virta’s claim that the border was “fully "
                  "secure” before the winter.", pipeline=pipeline)
    assert _quotes(doc) == [("Elina Virta", "Elina Virta", False, None, "fully secure")]


def test_speaker_attribution_reaches_only_the_clause_spoken(pipeline: Pipeline) -> None:
    doc = analyze("Greek Defence Minister Nikos Pappas argued that Turkish jets had attacked a Greek patrol boat, "
                  "and Greece recalled its ambassador from Ankara.", pipeline=pipeline)
    got = [(e.cameo, [(a.source, a.kind) for a in e.attribution]) for e in doc.events]
    assert got == [("190", [("Nikos Pappas", "speaker")]), ("161", [])]
    assert [(a.source, a.kind, a.anonymous) for a in doc.attributions] == [("Nikos Pappas", "speaker", False)]
