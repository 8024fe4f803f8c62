"""Event status from the sources the article names, on sentences of our own."""

from __future__ import annotations

from communique import Pipeline, analyze


def test_sources_joined_by_and_are_independent_named_sources(pipeline: Pipeline) -> None:
    # each subject joined by "and" to a reporting or speech verb is a source of its own: two named ones confirm
    def shelling(text: str) -> tuple[str, list[tuple[str, bool]]]:
        doc = analyze(text, published="2024-05-02", pipeline=pipeline)
        [ev] = [e for e in doc.events if e.cameo == "194"]
        return ev.status, [(a.source, a.anonymous) for a in ev.attribution]

    assert shelling("Rwandan troops shelled villages near Goma on Monday, the Congolese army and the governor of "
                    "North Kivu said.") == (
        "confirmed", [("Congolese army", False), ("governor of North Kivu", False)])
    assert shelling("The Congolese army and the governor of North Kivu warned that Rwandan troops had shelled "
                    "villages near Goma.") == (
        "confirmed", [("Congolese army", False), ("governor of North Kivu", False)])
    # an anonymous group and one named source: one named source, no confirmation
    assert shelling("Rwandan troops shelled villages near Goma on Monday, Congolese officials and a local priest "
                    "said.") == (
        "reported", [("Congolese officials and a local priest", True), ("local priest", False)])
    # actors joined inside the event are not sources
    assert shelling("Rwandan troops and Ugandan soldiers shelled villages near Goma on Monday, the Congolese army "
                    "said.") == ("reported", [("Congolese army", False)])


def test_joined_sources_are_one_attribution_of_the_document(pipeline: Pipeline) -> None:
    # the article states one attribution with a joined source (its span covers both); the event counts each
    doc = analyze("Rwandan troops shelled villages near Goma on Monday, the Congolese army and the governor of North "
                  "Kivu said.", published="2024-05-02", pipeline=pipeline)
    assert [(a.source, a.span.text(doc.text) if a.span else None) for a in doc.attributions] == [
        ("Congolese army", "the Congolese army and the governor of North Kivu")]
