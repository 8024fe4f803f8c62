"""Quote speakers and the outer source a quote reaches the reporter through, on sentences of our own."""

from __future__ import annotations

from communique import Doc, Pipeline, analyze


def _sources(doc: Doc) -> list[tuple[str, str | None, str | None, str | None]]:
    """(quoted words, speaker span, reported-by span, reported-by actor name) for each quote."""
    return [(q.span.text(doc.text), q.speaker_span.text(doc.text) if q.speaker_span else None,
             q.reported_by_span.text(doc.text) if q.reported_by_span else None,
             doc.actor(q.reported_by).name if q.reported_by else None)  # type: ignore[union-attr]
            for q in doc.quotes]


def test_a_quote_nested_in_another_persons_attribution_is_reported_by_the_outer_source(pipeline: Pipeline) -> None:
    # the words are the inner speaker's; the reporter has them from the outer source (PolNeAR's source)
    cases = [
        ('Senator Ana Ruiz said Tomas Berg had called the merger "a disaster waiting to happen."',
         ("a disaster waiting to happen.", "Tomas Berg", "Ana Ruiz", "Ana Ruiz")),
        ('Governor Tomas Berg told reporters that the union had described the offer as "an insult to every '
         'nurse."', ("an insult to every nurse.", "union", "Tomas Berg", "Tomas Berg")),
        ('Several ministers criticized what Finance Minister Tomas Berg called "reckless and dangerous" spending.',
         ("reckless and dangerous", "Tomas Berg", "Several ministers", "Several ministers")),
        ('According to Reuters, Mayor Lena Holt said the deal was "dead on arrival" after the vote.',
         ("dead on arrival", "Lena Holt", "Reuters", "Reuters")),
    ]
    for text, want in cases:
        doc = analyze(text, published="2024-05-02", pipeline=pipeline)
        assert _sources(doc) == [want], text


def test_the_same_speaker_around_her_own_words_is_no_second_source(pipeline: Pipeline) -> None:
    # the outer clause names the speaker herself: her span is the outer name, and nobody reports her
    doc = analyze('Mayor Lena Holt says she regrets what she calls "a costly mistake" by the council.',
                  published="2024-05-02", pipeline=pipeline)
    assert _sources(doc) == [("a costly mistake", "Lena Holt", None, None)]


def test_a_clause_beside_the_quote_or_in_another_paragraph_does_not_report_it(pipeline: Pipeline) -> None:
    # "and ... replied": a clause of its own coordinated with the reported one, not around the quote
    doc = analyze('Ana Ruiz said new mothers would get six weeks of leave, and when pressed on why fathers were '
                  'left out, the 34-year-old lawyer replied, "It is meant to help the mother who gave birth."',
                  published="2024-05-02", pipeline=pipeline)
    assert _sources(doc) == [("It is meant to help the mother who gave birth.", "34-year-old lawyer", None, None)]
    # a quote that closes its sentence is not inside the next sentence's speech verb
    doc = analyze('"We will not sign this," Tomas Berg said.\nAna Ruiz said the talks would go on.',
                  published="2024-05-02", pipeline=pipeline)
    assert _sources(doc) == [("We will not sign this", "Tomas Berg", None, None)]


def _speakers(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(q.span.text(doc.text), doc.actor(q.speaker).name if q.speaker else None,  # type: ignore[union-attr]
             q.speaker_span.text(doc.text) if q.speaker_span else None) for q in doc.quotes]


def test_as_someone_put_it_is_a_speech_tag(pipeline: Pipeline) -> None:
    doc = analyze('As Ana Ruiz, a lawyer in Lyon, put it last week, "Nobody in the north will pay it."',
                  published="2024-05-02", pipeline=pipeline)
    assert _speakers(doc) == [("Nobody in the north will pay it.", "Ana Ruiz", "Ana Ruiz")]
    doc = analyze('"Nobody in the north will pay it," as one farmer put it.', published="2024-05-02",
                  pipeline=pipeline)
    assert _speakers(doc) == [("Nobody in the north will pay it", "one farmer", "one farmer")]


def test_saying_after_a_preposition_is_said_by_the_main_clauses_subject(pipeline: Pipeline) -> None:
    # "before/after saying ...": the one who said it is the main clause's subject, a passive one too (never the
    # passive's agent)
    for text, want in [
        ('Before saying the plan was "dead on arrival," Ana Ruiz was asked about the vote.',
         ("dead on arrival", "Ana Ruiz", "Ana Ruiz")),
        ('After calling the levy "a tax on every family," Tomas Berg was booed by farmers.',
         ("a tax on every family", "Tomas Berg", "Tomas Berg")),
        ('Ana Ruiz responded by saying the plan was "dead on arrival."', ("dead on arrival.", "Ana Ruiz", "Ana Ruiz")),
    ]:
        assert _speakers(analyze(text, published="2024-05-02", pipeline=pipeline)) == [want], text
