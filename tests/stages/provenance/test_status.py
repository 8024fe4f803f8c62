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


def _status(text: str, pipeline: Pipeline, cameo: str) -> tuple[str, list[tuple[str, str | None]]]:
    doc = analyze(text, published="2024-05-02", pipeline=pipeline)
    [ev] = [e for e in doc.events if e.cameo == cameo]
    return ev.status, [(a.source, a.cue.text(doc.text) if a.cue else None) for a in ev.attribution]


def test_a_denial_set_beside_the_report_in_the_same_sentence(pipeline: Pipeline) -> None:
    # a concessive or contrasting clause, a "but" clause or a claim noun: the denial reaches the rest of the sentence
    residents = ("residents", "said")
    assert _status("Rwandan troops shelled a village near Goma on Monday, residents said, but the Rwandan army denied "
                   "it.", pipeline, "194") == ("denied", [residents, ("Rwandan army", "denied")])
    assert _status("Even as the Rwandan army denied it, residents said Rwandan troops shelled a village near Goma on "
                   "Monday.", pipeline, "194") == ("denied", [residents, ("Rwandan army", "denied")])
    assert _status("Police arrested twelve protesters in Nairobi on Monday, witnesses said, though the police "
                   "spokesman denied any arrests.", pipeline, "173") == (
        "denied", [("witnesses", "said"), ("police spokesman", "denied")])
    assert _status("Police arrested twelve protesters in Nairobi on Monday, witnesses said, although the police denied "
                   "that anyone had been arrested.", pipeline, "173") == (
        "denied", [("witnesses", "said"), ("police", "denied")])
    assert _status("Kenyan police arrested twelve protesters in Nairobi, the ministry said, a claim the police "
                   "denied.", pipeline, "173") == ("denied", [("ministry", "said"), ("Kenyan police", "denied")])
    assert _status("Kenyan police arrested twelve protesters in Nairobi, the ministry said, a claim denied by the "
                   "police.", pipeline, "173") == ("denied", [("ministry", "said"), ("Kenyan police", "denied")])
    assert _status("Kenyan police arrested twelve protesters in Nairobi, the ministry said, a claim the police "
                   "confirmed.", pipeline, "173") == (
        "confirmed", [("ministry", "said"), ("Kenyan police", "confirmed")])
    # a charge denied reaches what a source told, never what the reporter tells in their own voice
    assert _status("Rwandan troops shelled a village near Goma on Monday, residents said, but Kigali denied any "
                   "involvement.", pipeline, "194") == ("denied", [residents, ("Kigali", "denied")])
    assert _status("The Kenyan minister met the Ugandan ambassador in Nairobi and denied any wrongdoing.",
                   pipeline, "040") == ("reported", [])
    # a denial of something else the sentence does not tell leaves the report alone
    assert _status("Police arrested twelve protesters in Nairobi, although the police denied that they had used "
                   "force.", pipeline, "173") == ("reported", [])
    assert _status("Rwandan troops shelled a village near Goma, residents said, and the army denied that civilians "
                   "were killed.", pipeline, "194") == ("reported", [residents])
    # "did not deny" is no denial
    assert _status("Rwandan troops shelled a village near Goma on Monday, residents said, although the army did not "
                   "deny it.", pipeline, "194") == ("reported", [residents])


def test_a_denial_without_a_subject_of_its_own_is_its_clauses_subjects(pipeline: Pipeline) -> None:
    assert _status("The army, while denying that its soldiers had shelled the village, said it was investigating.",
                   pipeline, "194") == ("denied", [("army", "denying")])


def test_reports_dismissed_as_false(pipeline: Pipeline) -> None:
    assert _status("The ministry dismissed as baseless reports that its troops had attacked Georgian positions.",
                   pipeline, "190") == ("denied", [("ministry", "dismissed")])


def test_what_nobody_could_verify_is_unconfirmed(pipeline: Pipeline) -> None:
    governor = ("governor", "said")
    assert _status("The Rwandan army shelled a village near Goma, the governor said. The claim could not be "
                   "independently verified.", pipeline, "194") == ("unconfirmed", [governor])
    # "unable to verify" is no confirmation (it was one)
    assert _status("The Rwandan army shelled a village near Goma, the governor said. Reuters was unable to verify "
                   "the report.", pipeline, "194") == ("unconfirmed", [governor])
    assert _status("The Rwandan army shelled a village near Goma, the governor said. The Rwandan army later confirmed "
                   "the shelling.", pipeline, "194") == ("confirmed", [governor, ("Rwandan army", "confirmed")])


def test_hearsay_the_reporter_does_not_vouch_for_is_unconfirmed(pipeline: Pipeline) -> None:
    assert _status("The Rwandan army reportedly shelled a village near Goma on Monday.", pipeline, "194") == (
        "unconfirmed", [])
    assert _status("Rwandan troops allegedly shelled a village near Goma on Monday.", pipeline, "194") == (
        "unconfirmed", [])
    assert _status("Rwandan troops shelled a village near Goma on Monday.", pipeline, "194") == ("reported", [])


def test_an_act_denied_or_confirmed_as_a_gerund(pipeline: Pipeline) -> None:
    # "denied shelling": the act the denial's open complement states is denied, by the denier (was "reported")
    assert _status("Ukraine denied shelling the Russian town of Belgorod on Monday.", pipeline, "194") == (
        "denied", [("Ukraine", "denied")])
    assert _status("The police denied having arrested twelve protesters in Nairobi.", pipeline, "173") == (
        "denied", [("police", "denied")])
    assert _status("The army denied carrying out air strikes on the village.", pipeline, "195") == (
        "denied", [("army", "denied")])
    assert _status("Ukraine, denying shelling the Russian town of Belgorod, said it had hit only military targets.",
                   pipeline, "194") == ("denied", [("Ukraine", "denying")])
    assert _status("Ukraine denied being behind the shelling of the Russian town of Belgorod.", pipeline,
                   "194") == ("denied", [("Ukraine", "denied")])
    # a confirmation the same way confirms; "did not deny" and "refused to confirm" stay no denial
    assert _status("Ukraine confirmed shelling the Russian town of Belgorod.", pipeline, "194") == (
        "confirmed", [("Ukraine", "confirmed")])
    assert _status("Ukraine did not deny shelling the Russian town of Belgorod.", pipeline, "194") == (
        "reported", [("Ukraine", "deny")])
    assert _status("Ukraine refused to confirm shelling the Russian town of Belgorod.", pipeline, "194")[0] == \
        "unconfirmed"
    # the nouns that name such an act ("accusations of shelling", "responsibility for shelling") already did
    assert _status("Ukraine rejected accusations of shelling the Russian town of Belgorod.", pipeline, "194") == (
        "denied", [("Ukraine", "rejected")])
    assert _status("Ukraine denied responsibility for shelling the Russian town of Belgorod.", pipeline, "194") == (
        "denied", [("Ukraine", "denied")])


def test_reports_disputed_or_rebuffed_are_denied(pipeline: Pipeline) -> None:
    # "disputed"/"rebuffed" deny a report they take as object, like "rejected"/"dismissed" (was "reported")
    assert _status("Ukraine disputed reports that its forces had shelled the town of Belgorod.", pipeline,
                   "194") == ("denied", [("Ukraine", "disputed")])
    assert _status("Ukraine rebuffed accusations of shelling the Russian town of Belgorod.", pipeline, "194") == (
        "denied", [("Ukraine", "rebuffed")])
    # the accusation itself is the telling, not what is denied
    doc = analyze("Ukraine dismissed accusations of shelling the Russian town of Belgorod.", published="2024-05-02",
                  pipeline=pipeline)
    assert [e.status for e in doc.events if e.cameo == "112"] == ["reported"]
    # "rebuffed" is a rejection (120) like "rejected": the rebuff happened, the shelling is denied
    doc = analyze("Ukraine rebuffed accusations of shelling the Russian town of Belgorod.", published="2024-05-02",
                  pipeline=pipeline)
    assert sorted((e.cameo, e.status) for e in doc.events) == [("120", "reported"), ("194", "denied")]
    # with any other object they deny nothing
    assert _status("The Kenyan minister disputed the figures and met the Ugandan ambassador in Nairobi.", pipeline,
                   "040") == ("reported", [])


def _doer(text: str, pipeline: Pipeline, cameo: str) -> tuple[str, list[str], list[tuple[str, str | None]]]:
    doc = analyze(text, published="2024-05-02", pipeline=pipeline)
    [ev] = [e for e in doc.events if e.cameo == cameo]
    names = {a.id: a.name for a in doc.actors}
    return ev.status, [names[s] for s in ev.source], [
        (a.source, a.cue.text(doc.text) if a.cue else None) for a in ev.attribution]


def test_an_act_in_the_simple_past_inside_a_denied_claim(pipeline: Pipeline) -> None:
    # the that-clause of a claim noun with a subject of its own is that subject's act, not the claim's: with a
    # simple past the parser hangs it on the noun ("claims that its troops shelled") and the act had been lost
    assert _doer("Kigali denied claims that its troops shelled a village near Goma.", pipeline, "194") == (
        "denied", ["Kigali troops"], [("Kigali", "denied")])
    assert _doer("The Russian Defence Ministry on Thursday denied reports that its troops attacked Georgian "
                 "positions near South Ossetia.", pipeline, "190")[0::2] == (
        "denied", [("Russian Defence Ministry", "denied")])
    assert _status("The army refuted allegations that soldiers killed civilians in the village.", pipeline,
                   "190") == ("denied", [("army", "refuted")])
    # "it"/"they" in the clause is whoever takes up the claim
    assert _doer("Ukraine rejected the accusation that it shelled the Russian town of Belgorod.", pipeline,
                 "194") == ("denied", ["Ukraine"], [("Ukraine", "rejected")])
    assert _doer("Russia dismissed reports that it bombed a hospital in Aleppo.", pipeline, "195") == (
        "denied", ["Russia"], [("Russia", "dismissed")])
    # and a confirmed one is confirmed
    assert _status("Israel confirmed reports that its jets struck a convoy in Syria.", pipeline, "190") == (
        "confirmed", [("Israel", "confirmed")])
