"""Provenance on sentences of our own: attribution chains, status, quotes and speakers."""

from __future__ import annotations

from communique import Doc, Pipeline, analyze
from communique.model import Span
from communique.textutil import find_quotations, find_quotes


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


# -- issue 5: quote spans ------------------------------------------------------------------------------------------

def _groups(text: str) -> list[list[str]]:
    return [[text[p.start : p.end] for p in g] for g in find_quotations(text)]


def test_spaces_inside_the_marks_are_not_quoted_words() -> None:
    assert _groups('" These reforms are painful , " the minister said.') == [["These reforms are painful"]]
    assert _groups("“  We will hold the line ;  ” she said.") == [["We will hold the line"]]
    assert _groups("' Prices will fall soon , ' he said.") == [["Prices will fall soon"]]


def test_a_quote_split_by_its_speaker_tag_is_one_quotation() -> None:
    assert _groups('"Not now," the senator said. "We need more time."') == [["Not now", "We need more time."]]
    assert _groups('"We must," he said, "act before the winter."') == [["We must", "act before the winter."]]
    assert _groups("“Not yet”, the mayor told reporters, “the roads are closed.”") == [
        ["Not yet", "the roads are closed."]]
    assert _groups('"Why wait?" asked the governor. "The money is there."') == [
        ["Why wait?", "The money is there."]]
    # two speakers, two quotations: the second quote has a tag of its own
    assert _groups('"We want calm," Dendias said. "Talks are the way," added the Turkish minister.') == [
        ["We want calm"], ["Talks are the way"]]
    # a full stop ends a quotation: what follows is a new one
    assert _groups('"We will win." He left the stage. "Goodbye now," he said.') == [
        ["We will win."], ["Goodbye now"]]


def test_multi_paragraph_newswire_quote_is_one_quotation() -> None:
    text = ("The minister spoke for an hour.\n\n“We will rebuild every road in the north.\n\n"
            "“We will rebuild every school, every clinic,” she said.\n\nThe crowd cheered.")
    assert _groups(text) == [["We will rebuild every road in the north.", "We will rebuild every school, every clinic"]]
    three = '"First part of it.\n"Second part of it.\n"Third and last," he said.'
    assert _groups(three) == [["First part of it.", "Second part of it.", "Third and last"]]


def test_titles_and_scare_quotes_are_not_quotes() -> None:
    assert find_quotes('She told "Face the Nation" on Sunday that taxes would rise.') == []
    assert find_quotes('Obama abandoned the "reset" with Moscow.') == []
    assert find_quotes('His memoir "Dreams from My Father" sold well, as did the book "A Promised Land".') == []
    assert find_quotes('He praised the "peace dividend" and the so-called "grand bargain" of the deal.') == []
    assert find_quotes('The film "The Year of Living Dangerously" opened.') == []
    # a quoted phrase that is speech stays: it ends with punctuation or follows a speech verb
    assert _groups("He called the plan ‘a serious mistake.’") == [["a serious mistake."]]


# -- issue 5: quote speakers ---------------------------------------------------------------------------------------

def test_inverted_speech_verb_gives_the_named_speaker_not_the_previous_one(pipeline: Pipeline) -> None:
    doc = analyze("Greek Foreign Minister Nikos Dendias met Turkish Foreign Minister Hakan Fidan in Athens. "
                  '"We want calm waters," Dendias said. "Dialogue is the only way," added the Turkish minister.',
                  pipeline=pipeline)
    assert _quotes(doc) == [
        ("Nikos Dendias", "Dendias", False, None, "We want calm waters"),
        ("Hakan Fidan", "the Turkish minister", False, None, "Dialogue is the only way"),
    ]
    doc = analyze('"The budget is balanced," said party treasurer Maria Lopez.', pipeline=pipeline)
    assert [(q[0], q[4]) for q in _quotes(doc)] == [("Maria Lopez", "The budget is balanced")]


def test_he_said_goes_to_the_person_not_the_assembly(pipeline: Pipeline) -> None:
    doc = analyze("Kenyan President William Ruto addressed the UN General Assembly on Tuesday. \"Africa will not "
                  "wait any longer,\" he said.", pipeline=pipeline)
    assert _quotes(doc) == [("William Ruto", "he", False, None, "Africa will not wait any longer")]
    doc = analyze("Chilean President Gabriel Boric spoke before the Security Council on Monday. \"We ask for "
                  "nothing more than fairness,\" she said of her colleague, Foreign Minister Ana Reyes.",
                  pipeline=pipeline)
    assert doc.quotes[0].speaker is not None
    assert doc.actor(doc.quotes[0].speaker).name in ("Gabriel Boric", "Ana Reyes")  # type: ignore[union-attr]
    assert all(a.name not in ("Council", "Security Council") or a.kind != "person" for a in doc.actors)


def test_spaces_inside_marks_still_get_their_speaker(pipeline: Pipeline) -> None:
    doc = analyze('" These reforms are painful , " the minister said.', pipeline=pipeline)
    assert _quotes(doc) == [("minister", "minister", False, None, "These reforms are painful")]


def test_trailing_dash_names_the_speaker(pipeline: Pipeline) -> None:
    doc = analyze('"We will not devalue the naira this year."\n—Finance Minister Wale Edun', pipeline=pipeline)
    assert _quotes(doc) == [("Wale Edun", "Wale Edun", False, None, "We will not devalue the naira this year.")]
    doc = analyze("“Peace is a daily choice.” – Kofi Annan", pipeline=pipeline)
    assert [(q[0], q[4]) for q in _quotes(doc)] == [("Kofi Annan", "Peace is a daily choice.")]


def test_descriptive_sources_become_speakers(pipeline: Pipeline) -> None:
    doc = analyze('"The books were balanced every month," party treasurer Maria Lopez said.', pipeline=pipeline)
    assert _quotes(doc) == [("Maria Lopez", "Maria Lopez", False, None, "The books were balanced every month")]
    doc = analyze('"The ministry ignored our requests," the Paris-based newspaper said in an editorial.',
                  pipeline=pipeline)
    [q] = doc.quotes
    speaker = doc.actor(q.speaker)  # type: ignore[arg-type]
    assert speaker is not None and (speaker.name, speaker.kind) == ("Paris-based newspaper", "outlet")
    doc = analyze('"Not now," the senator said. "We need more time."', pipeline=pipeline)
    [q] = doc.quotes
    assert [p.text(doc.text) for p in q.parts] == ["Not now", "We need more time."]
    assert doc.actor(q.speaker).name == "senator"  # type: ignore[arg-type, union-attr]
    assert q.cue is not None and q.cue.text(doc.text) == "said"


def test_anonymous_quote_sources(pipeline: Pipeline) -> None:
    doc = analyze('"The deal is done," a source familiar with the talks said.', pipeline=pipeline)
    [q] = doc.quotes
    assert q.anonymous and q.speaker_span is not None
    assert q.speaker_span.text(doc.text) == "a source familiar with the talks"


# -- issue 5: indirect speech and attribution -----------------------------------------------------------------------

def _atts(doc: Doc) -> list[tuple[str, str | None, str | None, bool, bool]]:
    return [(a.span.text(doc.text) if a.span else a.source, a.cue.text(doc.text) if a.cue else None,
             a.content.text(doc.text) if a.content else None, a.anonymous, a.direct) for a in doc.attributions]


def test_indirect_speech_has_source_cue_and_content(pipeline: Pipeline) -> None:
    doc = analyze("Police said two men were arrested after the clashes in Nairobi. Officials said the talks would "
                  "resume on Monday.", pipeline=pipeline)
    assert _atts(doc) == [
        ("Police", "said", "two men were arrested after the clashes in Nairobi", False, False),
        ("Officials", "said", "the talks would resume on Monday", True, False),
    ]
    doc = analyze("According to the Paris-based newspaper, French troops attacked a convoy near Gao. The army "
                  "believes the convoy carried weapons, and the defence minister told reporters that the operation "
                  "was over.", pipeline=pipeline)
    assert _atts(doc) == [
        ("the Paris-based newspaper", "According to", "French troops attacked a convoy near Gao", False, False),
        ("The army", "believes", "the convoy carried weapons", False, False),
        ("the defence minister", "told reporters", "the operation was over", False, False),
    ]


def test_warned_claimed_and_sentence_final_tags(pipeline: Pipeline) -> None:
    doc = analyze("Ghana's finance minister warned that inflation would rise. Two diplomats claimed the border "
                  "had been closed. The strike will go ahead, union leaders said.", pipeline=pipeline)
    got = _atts(doc)
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("Ghana's finance minister", "warned", False), ("Two diplomats", "claimed", True),
        ("union leaders", "said", False)]
    assert got[2][2] == "The strike will go ahead"


def test_direct_quote_is_a_direct_attribution(pipeline: Pipeline) -> None:
    doc = analyze('Turkish Foreign Minister Hakan Fidan spoke in Ankara. "We want calm waters," Fidan said.',
                  pipeline=pipeline)
    assert _atts(doc) == [("Fidan", "said", "We want calm waters", False, True)]


# -- issue 5: status ------------------------------------------------------------------------------------------------

def _status(doc: Doc) -> list[tuple[str, str, list[str]]]:
    """Status and attribution of the events a denial or confirmation speaks about. The denial itself is an
    event too (CAMEO 016 deny, or a 12x rejection of the claims: the denier's own statement, reported as
    such): it is checked apart."""
    denials = [e for e in doc.events if e.cameo == "016" or e.cameo.startswith("12")]
    assert all(e.status == "reported" and not e.negated for e in denials)
    return [(e.cameo, e.status, [a.source for a in e.attribution]) for e in doc.events if e not in denials]


def test_denied_reports_give_the_event_denied_and_attributed_to_the_denier(pipeline: Pipeline) -> None:
    doc = analyze("The Russian Defence Ministry on Thursday denied reports that its troops had attacked Georgian "
                  "positions near South Ossetia.", published="2008-08-07", pipeline=pipeline)
    assert _status(doc) == [("190", "denied", ["Russian Defence Ministry"])]


def test_a_later_denial_reaches_the_reported_events(pipeline: Pipeline) -> None:
    doc = analyze("Russian troops attacked Georgian positions near South Ossetia on Wednesday, Georgian officials "
                  "said. The Russian Defence Ministry denied the report on Thursday.", published="2008-08-07",
                  pipeline=pipeline)
    assert _status(doc) == [("190", "denied", ["Georgian officials", "Russian Defence Ministry"])]
    doc = analyze("Sudanese soldiers attacked a camp near El Fasher, a local official said. The army dismissed the "
                  "claims as lies.", published="2024-05-02", pipeline=pipeline)
    assert [s for _, s, _ in _status(doc)] == ["denied"]


def test_confirmation_overrides_a_denial_and_independent_sources_confirm(pipeline: Pipeline) -> None:
    doc = analyze("Ethiopian troops attacked Eritrean positions near Badme, Eritrea said. Ethiopia at first denied "
                  "the report. On Friday the Ethiopian army confirmed the attack.", published="2024-05-02",
                  pipeline=pipeline)
    assert [s for _, s, _ in _status(doc)] == ["confirmed"]
    doc = analyze("Indian troops attacked Pakistani posts in Kashmir on Monday, Pakistan's army said, and India's "
                  "defence ministry said the same.", published="2024-05-02", pipeline=pipeline)
    assert [e.status for e in doc.events if e.cameo.startswith("19")] in (["confirmed"], ["reported"])


def test_one_anonymous_chain_is_unconfirmed(pipeline: Pipeline) -> None:
    doc = analyze("Malian troops attacked a rebel base near Kidal, officials said.", published="2024-05-02",
                  pipeline=pipeline)
    assert [(e.status, [a.anonymous for a in e.attribution]) for e in doc.events] == [("unconfirmed", [True])]


def test_resolve_status_rules() -> None:
    from communique.model import Attribution
    from communique.stages.provenance import StatusStatement, resolve_status

    named = [Attribution("Eritrea", False, "official", actor_id="a1"), Attribution("UN", False, "official",
                                                                                   actor_id="a2")]
    anon = [Attribution("officials", True, "source")]
    deny = StatusStatement("deny", Span(0, 1))
    confirm = StatusStatement("confirm", Span(5, 6))
    assert resolve_status(modality="planned", statements=[confirm], attributions=named) == "planned"
    assert resolve_status(modality=None, statements=[deny, confirm], attributions=anon) == "confirmed"
    assert resolve_status(modality=None, statements=[confirm, deny], attributions=anon) == "denied"
    assert resolve_status(modality=None, statements=[], attributions=named) == "confirmed"
    assert resolve_status(modality=None, statements=[], attributions=named[:1]) == "reported"
    assert resolve_status(modality=None, statements=[], attributions=anon) == "unconfirmed"
    outlet = [Attribution("Reuters", False, "outlet", actor_id="o1", cites=1), anon[0]]
    assert resolve_status(modality=None, statements=[], attributions=outlet) == "unconfirmed"
    assert resolve_status(modality=None, statements=[StatusStatement("not_confirmed", Span(0, 1))],
                          attributions=named[:1]) == "unconfirmed"
    # the one resolver is the event coder's: a denied plan is denied, a confirmed one stays a plan
    assert resolve_status(modality="planned", statements=[deny], attributions=named) == "denied"
    from communique.stages.provenance import stated_status

    assert stated_status([confirm, deny], anon) == ("denied", True)
    assert stated_status([], named) == ("confirmed", False)
    assert stated_status([], outlet) == (None, True)
    assert stated_status([], named[:1]) == (None, False)


def test_blank_lines_of_spaces_do_not_open_quotes() -> None:
    text = 'Aid convoys stopped. \n \n"Every week of fighting pushes families out," the minister said.'
    assert _groups(text) == [["Every week of fighting pushes families out"]]
    assert _groups('Line one.\r\n\r\n"We are ready," she said.\r\n') == [["We are ready"]]


def test_relative_clause_speaker_and_other_speech_verbs(pipeline: Pipeline) -> None:
    doc = analyze("Reporters turned to the Lagos Police Command, which reported “forty arrests in one night” on "
                  "Friday.", pipeline=pipeline)
    [q] = doc.quotes
    assert q.speaker_span is not None and "Lagos Police Command" in q.speaker_span.text(doc.text)
    doc = analyze("“We shall overcome the flood,” the choir sang as the mayor arrived.", pipeline=pipeline)
    [q] = doc.quotes
    assert q.speaker_span is not None and q.speaker_span.text(doc.text) == "choir"


def test_a_quote_inside_a_reported_clause_is_an_indirect_attribution(pipeline: Pipeline) -> None:
    doc = analyze("Ghanaian Finance Minister Ama Boateng said the new levy on mobile payments was “a tax on the "
                  "poor” and should be withdrawn.", pipeline=pipeline)
    [att] = [a for a in doc.attributions if a.content is not None]
    source = att.span.text(doc.text) if att.span else None
    assert (source, att.direct) == ("Ghanaian Finance Minister Ama Boateng", False)
    assert att.content is not None and att.content.text(doc.text).startswith("the new levy on mobile payments")


def test_reporting_verbs_inside_a_quote_are_not_the_reports_attributions(pipeline: Pipeline) -> None:
    doc = analyze('"The rebels said they would withdraw, but they lied," Chadian President Idriss Deby said.',
                  pipeline=pipeline)
    assert [(a.span.text(doc.text) if a.span else None, a.direct) for a in doc.attributions] == [
        ("Chadian President Idriss Deby", True)]


def test_phrases_someone_called_something_are_quotes_not_scare_quotes() -> None:
    assert _groups('Mensah called the budget a "grave threat" to farmers.') == [["grave threat"]]
    assert _groups("Critics nicknamed the minister “Mister Promise” after the vote.") == [["Mister Promise"]]
    assert _groups('He described the deal as "the best in decades" yesterday.') == [["the best in decades"]]
    assert find_quotes('He reviewed the "peace dividend" and the film "The Long Road Home".') == []


def test_tag_after_a_question_and_bar_dash(pipeline: Pipeline) -> None:
    doc = analyze("Kenyan President William Ruto met the students. “Are you winning?” he asked them.",
                  pipeline=pipeline)
    assert [(q[0], q[4]) for q in _quotes(doc)] == [("William Ruto", "Are you winning?")]
    doc = analyze("“Prices keep rising and nobody listens to us.” ― Amina Yusuf", pipeline=pipeline)
    [q] = doc.quotes
    assert q.speaker_span is not None and q.speaker_span.text(doc.text) == "Amina Yusuf"


def test_it_and_they_as_quote_speakers_go_to_the_organisation(pipeline: Pipeline) -> None:
    doc = analyze("The Kenya Medical Association issued a statement on Friday. It denounced what it calls “the "
                  "worst funding cut in a decade.”", pipeline=pipeline)
    [q] = doc.quotes
    assert q.speaker is not None and doc.actor(q.speaker).name == "Kenya Medical Association"  # type: ignore
    assert q.speaker_span is not None and q.speaker_span.text(doc.text) == "it"


def _statuses(doc: Doc) -> list[tuple[str, str, str, list[tuple[str, bool]]]]:
    return [(e.trigger.text(doc.text), e.cameo, e.status, [(a.source, a.anonymous) for a in e.attribution])
            for e in doc.events]


def test_an_attribution_reaches_only_the_clause_it_introduces(pipeline: Pipeline) -> None:
    # the Turkey-Iraq kind: a later "officials said the discussions covered ..." must not make the
    # visit and the meeting the article told in its own voice unconfirmed
    doc = analyze("Kenyan Foreign Minister Joseph Mwangi arrived in Kampala on Monday for two days of talks. "
                  "Mwangi met his Ugandan counterpart, Foreign Minister Grace Okello, the same afternoon. "
                  "Officials from both sides said the discussions covered trade and border security.",
                  published="2024-05-06", pipeline=pipeline)
    assert _statuses(doc) == [("arrived", "042", "reported", []), ("met", "040", "reported", [])]


def test_attribution_scope_members_of_the_kind(pipeline: Pipeline) -> None:
    day = "2024-05-06"
    # the same sentence, outside the reported clause
    doc = analyze("Mwangi met Okello in Kampala on Monday, and officials said the talks went well.",
                  published=day, pipeline=pipeline)
    assert _statuses(doc) == [("met", "040", "reported", [])]
    # a later sentence saying something about the meeting, not that it happened
    for later in ("Diplomats said the meeting focused on refugees.",
                  "Diplomats said the meeting took place behind closed doors."):
        doc = analyze(f"Mwangi met Okello in Kampala on Monday. {later}", published=day, pipeline=pipeline)
        assert _statuses(doc) == [("met", "040", "reported", [])], later
    # what the sources do report stays theirs, and only that
    doc = analyze("Mwangi met Okello in Kampala on Monday. Unnamed sources said Kenyan troops shelled a Ugandan "
                  "border post.", published=day, pipeline=pipeline)
    assert _statuses(doc) == [("met", "040", "reported", []),
                              ("shelled", "194", "unconfirmed", [("Unnamed sources", True)])]
    # a contrast clause the reporter adds is not the speaker's
    doc = analyze("Egypt has long argued that its dams help both countries, while Sudanese farmers blame Egypt "
                  "for the shortages.", published=day, pipeline=pipeline)
    assert _statuses(doc) == [("blame", "112", "reported", [])]


def _speakers(doc: Doc) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(q.span.text(doc.text), doc.actor(q.speaker).name if q.speaker else None,  # type: ignore[union-attr]
             q.speaker_span.text(doc.text) if q.speaker_span else None, q.cue.text(doc.text) if q.cue else None)
            for q in doc.quotes]


def test_speakers_inverted_colon_governing_verb_and_acl(pipeline: Pipeline) -> None:
    cases = {
        # inverted verb whose parsed subject sits inside the quote
        '"If the plan fails, it will cost us dearly," said Maria Ortega, an economist who advises the bank.':
            [("If the plan fails, it will cost us dearly", "Maria Ortega", "Maria Ortega", "said")],
        # colon-introduced quotes
        "Senator Ana Ruiz scolded the bankers: “You should be ashamed of yourselves.”":
            [("You should be ashamed of yourselves.", "Ana Ruiz", "Ana Ruiz", "scolded")],
        # a quote inside a paraphrase hanging from a verb that is no speech verb
        "Senator Ana Ruiz likened the proposal to “a house built on sand.”":
            [("a house built on sand.", "Ana Ruiz", "Ana Ruiz", "likened")],
        # a document as the speaker
        "“We are ready to talk to anyone,” the letter reads.":
            [("We are ready to talk to anyone", "letter", "letter", "reads")],
        # a participle on the speaker's name
        "The campaign aired footage of Senator Ana Ruiz asking, “Where is the money?”":
            [("Where is the money?", "Ana Ruiz", "Ana Ruiz", "asking")],
    }
    for text, want in cases.items():
        assert _speakers(analyze(text, pipeline=pipeline)) == want, text


def test_transcript_turns_and_headline_labels(pipeline: Pipeline) -> None:
    doc = analyze("Interior Minister Tomas Reyes spoke to the radio on Monday.\n\nHOST: Why did you vote against "
                  "the budget?\n\nREYES: Because it was a bad bill, and “a gift to the banks.”\n\nQ: Will you "
                  "resign?\n\nA: I will not “walk away from the job.”", pipeline=pipeline)
    assert _speakers(doc) == [("a gift to the banks.", "Tomas Reyes", "REYES", None),
                              ("walk away from the job.", "Tomas Reyes", "A", None)]
    # a weekday or section marker is no label; a quote with a speech verb of its own keeps it
    doc = analyze("UPDATE: Senator Ana Ruiz said “the vote is off.”\n\nREYES: Ruiz told us “never again.”",
                  pipeline=pipeline)
    assert [s[1] for s in _speakers(doc)] == ["Ana Ruiz", "Ana Ruiz"]


def _attributions(doc: Doc) -> list[tuple[str, str, str | None, str, str | None, str | None, bool]]:
    return [(a.source, a.kind, doc.actor(a.actor_id).name if a.actor_id else None,  # type: ignore[union-attr]
             a.span.text(doc.text) if a.span else "", a.cue.text(doc.text) if a.cue else None,
             a.content.text(doc.text) if a.content else None, a.direct) for a in doc.attributions]


def test_documents_and_any_according_to_are_sources(pipeline: Pipeline) -> None:
    doc = analyze("A Gallup poll shows that most voters oppose the new tariffs. About 4 million families rent "
                  "their homes, according to federal statistics.", pipeline=pipeline)
    assert _attributions(doc) == [
        ("A Gallup poll", "document", "Gallup", "A Gallup poll", "shows", "most voters oppose the new tariffs",
         False),
        ("federal statistics", "document", None, "federal statistics", "according to",
         "About 4 million families rent their homes", False)]


def test_a_quoted_phrase_inside_the_reporters_sentence_is_indirect(pipeline: Pipeline) -> None:
    doc = analyze("Senator Ana Ruiz likened the proposal to “a house built on sand.”", pipeline=pipeline)
    assert _attributions(doc) == [("Ana Ruiz", "speaker", "Ana Ruiz", "Ana Ruiz", "likened",
                                   "the proposal to “a house built on sand.", False)]
    doc = analyze("Senator Ana Ruiz spoke on Monday. “We will not back down,” she said.", pipeline=pipeline)
    assert [(a.source, a.content.text(doc.text) if a.content else None, a.direct) for a in doc.attributions] == [
        ("Ana Ruiz", "We will not back down", True)]


def test_transcript_turns_are_direct_attributions_of_their_events(pipeline: Pipeline) -> None:
    doc = analyze("Interior Minister Tomas Reyes spoke to the radio on Monday.\n\nHOST: Why did you vote against "
                  "the budget?\n\nREYES: Because our soldiers never attacked the villages.",
                  published="2024-05-06", pipeline=pipeline)
    assert _attributions(doc) == [
        ("HOST", "speaker", "HOST", "HOST", ":", "Why did you vote against the budget?", True),
        ("Tomas Reyes", "speaker", "Tomas Reyes", "REYES", ":", "Because our soldiers never attacked the villages.",
         True)]
    assert [(e.trigger.text(doc.text), [a.source for a in e.attribution]) for e in doc.events] == [
        ("attacked", ["Tomas Reyes"])]


def test_stated_positions_are_attributions_and_intentions_are_not(pipeline: Pipeline) -> None:
    def atts(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
        doc = analyze(text, pipeline=pipeline)
        return [(a.span.text(doc.text) if a.span else "", doc.actor(a.actor_id).name if a.actor_id else None,  # type: ignore[union-attr]
                 a.cue.text(doc.text) if a.cue else None, a.content.text(doc.text) if a.content else None)
                for a in doc.attributions]

    assert atts("Senator Ana Ruiz has called for the repeal of the fuel tax.") == [
        ("Senator Ana Ruiz", "Ana Ruiz", "called for", "the repeal of the fuel tax")]
    # a name the tagger missed is a party of its own (no country), and the source is that actor
    assert atts("Ana Ruiz called the charges fabricated.") == [
        ("Ana Ruiz", "Ana Ruiz", "called", "the charges fabricated")]
    assert atts("Mayor Tomas Reyes refused to release the budget.") == [
        ("Mayor Tomas Reyes", "Tomas Reyes", "refused", "to release the budget")]
    assert atts("The pipeline was endorsed by the Daily Ledger.")[0][2:] == ("endorsed", "The pipeline")
    assert atts("Critics questioned whether the plan would work.")[0][::2] == ("Critics", "questioned")
    # a telephone call, an intention, and a subject that holds no position are no attributions
    assert atts("Ana Ruiz called Tomas Reyes on Friday to thank him.") == []
    assert atts("Ana Ruiz hopes to double the budget of the clinic.") == []
    assert atts("Ana Ruiz plans to expand the program.") == []
    assert atts("The bill supports farmers in the north.") == []
    # the object of "urged ... to" is asked something, it says nothing
    assert [a[0] for a in atts("Ana Ruiz urged young people to vote.")] == ["Ana Ruiz"]


def test_unresolved_pronoun_subjects_stay_sources_without_an_actor(pipeline: Pipeline) -> None:
    doc = analyze("The storm flooded the valley overnight. They said the dam would hold.", pipeline=pipeline)
    got = [(a.span.text(doc.text) if a.span else "", a.actor_id, a.cue.text(doc.text) if a.cue else None,
            a.content.text(doc.text) if a.content else None) for a in doc.attributions]
    assert got == [("They", None, "said", "the dam would hold")]


def _who(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(q.span.text(doc.text), doc.actor(q.speaker).name if q.speaker else None,  # type: ignore[union-attr]
             q.speaker_span.text(doc.text) if q.speaker_span else None) for q in doc.quotes]


def test_one_word_quotes_a_speaker_used(pipeline: Pipeline) -> None:
    doc = analyze("At a dinner in Boston, Senator Ana Ruiz called half of the governor's backers “deplorables.”",
                  pipeline=pipeline)
    assert _who(doc) == [("deplorables", "Ana Ruiz", "Ana Ruiz")]
    doc = analyze("Tomas Reyes is describing as “unhinged” a post by the governor.", pipeline=pipeline)
    assert _who(doc) == [("unhinged", "Tomas Reyes", "Tomas Reyes")]
    # a single word in the reporter's own voice stays no quote
    assert analyze("The column closes with a remark about the mayor's “head.”", pipeline=pipeline).quotes == []
    assert analyze("The so-called “reset” with Moscow failed.", pipeline=pipeline).quotes == []


def test_speaker_tags_the_parser_misreads(pipeline: Pipeline) -> None:
    # a date after the verb is never the speaker; the name before the verb is
    doc = analyze("“We will see justice done,” Tulsa police Chief Ana Ruiz said Monday.", pipeline=pipeline)
    assert _who(doc)[0][1:] == ("Ana Ruiz", "Ana Ruiz")
    # a quote closing its sentence does not take the next sentence's verb
    doc = analyze("Chile called the border plan a “reckless step backwards for the whole region.” Peru argued that "
                  "the talks should go on.", pipeline=pipeline)
    assert _who(doc)[0][1:] == ("Chile", "Chile")
    # the subject above a chain of subjectless verbs, not the object of "urging"
    doc = analyze("Senator Ana Ruiz is questioning the count again, urging her backers to make sure the vote is "
                  "“clean and fair.”", pipeline=pipeline)
    assert _who(doc)[0][1:] == ("Ana Ruiz", "Ana Ruiz")
    doc = analyze("Professor Tomas Reyes compared the governor to a coach who is “working the referees” before the "
                  "game.", pipeline=pipeline)
    assert _who(doc)[0][1:] == ("Tomas Reyes", "Tomas Reyes")
    # an inverted tag after a quote still works
    doc = analyze("“Why now?” Ruiz asked.", pipeline=pipeline)
    assert _who(doc) == [("Why now?", "Ruiz", "Ruiz")]


def test_pronoun_speakers_agree_in_gender_or_stay_unresolved(pipeline: Pipeline) -> None:
    # "she" never goes to a man the text calls "Mr." or "he"; with nobody else, the speaker stays unknown but
    # the pronoun is kept as the speaker's span
    doc = analyze("Mr. Tomas Reyes met the committee at the market. He greeted them warmly. “It was a good day,” "
                  "she said.", pipeline=pipeline)
    assert _who(doc) == [("It was a good day", None, "she")]
    doc = analyze("Mr. Tomas Reyes met the committee at the market. “It was a good day,” he said.", pipeline=pipeline)
    assert _who(doc) == [("It was a good day", "Tomas Reyes", "he")]


def test_a_relative_clause_source_spans_the_noun_and_its_pronoun(pipeline: Pipeline) -> None:
    doc = analyze("The governor met Ana Ruiz, who said the budget was too small.", pipeline=pipeline)
    assert [(a.span.text(doc.text) if a.span else "", doc.actor(a.actor_id).name if a.actor_id else None,  # type: ignore[union-attr]
             a.content.text(doc.text) if a.content else None) for a in doc.attributions] == [
        ("Ana Ruiz, who", "Ana Ruiz", "the budget was too small")]


def test_saying_after_a_preposition_and_nested_restatements(pipeline: Pipeline) -> None:
    def atts(text: str) -> list[tuple[str, str | None, str | None]]:
        doc = analyze(text, pipeline=pipeline)
        return [(a.span.text(doc.text) if a.span else "", a.cue.text(doc.text) if a.cue else None,
                 a.content.text(doc.text) if a.content else None) for a in doc.attributions]

    assert atts("Mayor Tomas Reyes responded to the protest by saying the budget was final.") == [
        ("Mayor Tomas Reyes", "saying", "the budget was final")]
    # "Ruiz says she believes ...": one attribution, Ruiz saying it, not a second one for the belief
    assert atts("Senator Ana Ruiz says she believes the tax will pass.") == [
        ("Senator Ana Ruiz", "says", "she believes the tax will pass")]
    # the writer's own "I think" outside any quote is an attribution without an actor
    assert atts("I think the tax will pass.") == [("I", "think", "the tax will pass")]


def test_a_transcript_turn_runs_over_its_unlabelled_paragraphs(pipeline: Pipeline) -> None:
    doc = analyze("Interior Minister Tomas Reyes spoke to the radio on Monday.\n\nHOST: Why did you vote against the "
                  "budget?\n\nREYES: Because it was a bad bill.\n\nIt would have cut the pensions of teachers.\n\n"
                  "HOST: Will you resign?\n\nREYES: No.\n\nThe minister left the studio after the interview.",
                  pipeline=pipeline)
    assert [(a.span.text(doc.text) if a.span else "", a.content.text(doc.text) if a.content else None)
            for a in doc.attributions if a.span and a.span.text(doc.text) == "REYES"] == [
        ("REYES", "Because it was a bad bill.\n\nIt would have cut the pensions of teachers."),
        ("REYES", "No.")]  # the last turn ends with its line: the reporter writes again after it


def test_findings_things_said_and_unnamed_groups_as_sources(pipeline: Pipeline) -> None:
    def atts(text: str) -> list[tuple[str, str | None, bool, str]]:
        doc = analyze(text, pipeline=pipeline)
        return [(a.span.text(doc.text) if a.span else "", a.cue.text(doc.text) if a.cue else None, a.anonymous,
                 a.kind) for a in doc.attributions]

    assert atts("A new poll shows the senator ahead by five points.") == [("A new poll", "shows", False, "document")]
    assert atts("Mayor Tomas Reyes offered no proof of the fraud.") == [("Mayor Tomas Reyes", "offered", False,
                                                                         "speaker")]
    assert atts("Mayor Tomas Reyes offered aid to the flooded villages.") == []  # aid is not something said
    assert atts("Those close to the mayor say he will run again.") == [("Those close to the mayor", "say", True,
                                                                        "source")]


def test_a_transcript_quoted_whole_is_split_into_its_turns(pipeline: Pipeline) -> None:
    # each paragraph opens a quote mark and a label; the whole is one quotation in the newswire convention
    doc = analyze('The station aired part of the interview:\n\n"HOLT: Will you sign the bill this week?\n\n"MENDEZ: '
                  'No, not this week. We need more time to read it.\n\n"(CROSSTALK.)\n\n"HOLT: And next week?\n\n'
                  '"MENDEZ: Perhaps, if the numbers add up."\n\nThe governor left soon after.', pipeline=pipeline)
    assert [(q.span.text(doc.text), q.speaker_span.text(doc.text) if q.speaker_span else None,
             [p.text(doc.text) for p in q.parts]) for q in doc.quotes] == [
        ("Will you sign the bill this week?", "HOLT", ["Will you sign the bill this week?"]),
        ("No, not this week. We need more time to read it.\n\n\"(CROSSTALK.)", "MENDEZ",
         ["No, not this week. We need more time to read it.", "(CROSSTALK.)"]),
        ("And next week?", "HOLT", ["And next week?"]),
        ("Perhaps, if the numbers add up.", "MENDEZ", ["Perhaps, if the numbers add up."])]
    assert len({q.speaker for q in doc.quotes}) == 2
    # one label is no transcript: the quotation stays whole
    from communique.stages.provenance.quotes import split_turns

    text = '"NOTE: the figures are provisional.\n\n"They will be revised next month."'
    parts = find_quotations(text)[0]
    assert split_turns(text, parts) == [parts]


def test_a_speaker_restated_inside_her_own_speech_is_named_by_the_outer_clause(pipeline: Pipeline) -> None:
    # the quote hangs from the inner speech verb ("warned", "argue", "told") whose subject is a pronoun for the
    # same person the outer clause names: the speaker span is the outer name
    for text, name in [
        ('Senator Ana Ruiz told reporters on Monday that she had warned the board the merger was "a disaster '
         'waiting to happen."', "Ana Ruiz"),
        ('Finance Minister Tomas Berg said on Friday that he would argue the levy is "a tax on every family in '
         'the north."', "Tomas Berg"),
        ('Mayor Lena Holt said she had told the council that the deal was "dead on arrival" and would stay so.',
         "Lena Holt")]:
        doc = analyze(text, published="2024-05-02", pipeline=pipeline)
        assert [(doc.actor(q.speaker).name if q.speaker else None,  # type: ignore[union-attr]
                 q.speaker_span.text(doc.text) if q.speaker_span else None) for q in doc.quotes] == [(name, name)]
    # another person inside the outer speaker's clause keeps the inner span
    doc = analyze('Senator Ana Ruiz said Tomas Berg had warned the board the merger was "a disaster waiting to '
                  'happen."', published="2024-05-02", pipeline=pipeline)
    assert [q.speaker_span.text(doc.text) for q in doc.quotes if q.speaker_span] == ["Tomas Berg"]


def _first_status(doc: Doc) -> tuple[str, str, list[tuple[str, bool]]]:
    ev = doc.events[0]
    return ev.trigger.text(doc.text), ev.status, [(a.source, a.anonymous) for a in ev.attribution]


def test_denials_in_a_later_sentence_by_noun_by_clause_and_by_calling_it_false(pipeline: Pipeline) -> None:
    def first(text: str) -> tuple[str, str, list[tuple[str, bool]]]:
        return _first_status(analyze(text, published="2024-05-02", pipeline=pipeline))

    # the denial names the event by a noun of the same action, inside a clause of its own
    assert first("Zambian soldiers arrested three opposition lawmakers in Lusaka, their party said. A government "
                 "spokesman denied that any arrests had taken place.")[:2] == ("arrested", "denied")
    # "denied involvement": the latest report's events
    assert first("Militants kidnapped two aid workers near Goma, a humanitarian group said. The M23 rebels denied "
                 "involvement.")[:2] == ("kidnapped", "denied")
    # "called the report false"
    assert first("Serbian police detained a Kosovo official at the border, Pristina said. Belgrade called the "
                 "report false.")[:2] == ("detained", "denied")
    # calling the plan good is no denial
    assert first("Serbian police detained a Kosovo official at the border, Pristina said. Belgrade called the "
                 "report accurate.")[:2] == ("detained", "reported")


def test_independent_named_sources_and_a_party_confirmation_give_confirmed(pipeline: Pipeline) -> None:
    def first(text: str) -> tuple[str, str, list[tuple[str, bool]]]:
        return _first_status(analyze(text, published="2024-05-02", pipeline=pipeline))

    # the same event told again by a second named source in a later sentence
    trig, status, _ = first("Ugandan troops shelled rebel camps in Ituri on Sunday, the Congolese army said. The "
                            "Ugandan military also said its forces had shelled the camps.")
    assert (trig, status) == ("shelled", "confirmed")
    # two sources coordinated after "according to"
    trig, status, sources = first("Police arrested the mayor of Lagos on Friday, according to Nigeria's police chief "
                                  "Kayode Egbetokun and the governor's office.")
    assert (trig, status, len(sources)) == ("arrested", "confirmed", 2)
    # a party to the event confirms it: by a noun of the action, or by telling it again
    assert first("Egyptian troops seized weapons at the Libyan border, a security source said. The Egyptian army "
                 "confirmed the seizure on Saturday.")[:2] == ("seized", "confirmed")
    assert first("Iran seized a tanker in the Gulf of Oman, a maritime security firm said. Iran's Revolutionary "
                 "Guards confirmed that they had seized the vessel.")[:2] == ("seized", "confirmed")
    # two events of one kind against different targets are not one event: one named source each
    doc = analyze("Rwandan troops attacked a Congolese army post on Sunday, the Congolese army said. Rwandan troops "
                  "attacked a Burundian army post on Tuesday, the Burundian army said.", published="2024-05-02",
                  pipeline=pipeline)
    assert [(e.trigger.text(doc.text), e.status) for e in doc.events] == [("attacked", "reported"),
                                                                          ("attacked", "reported")]


def test_one_anonymous_chain_the_parser_misreads_is_unconfirmed(pipeline: Pipeline) -> None:
    # the parser makes the source an apposition of the place before it: "Kismayo, a military official ... said"
    doc = analyze("Somali forces captured an al-Shabaab commander near Kismayo, a military official who asked not to "
                  "be named said.", published="2024-05-02", pipeline=pipeline)
    assert _first_status(doc) == ("captured", "unconfirmed",
                                  [("a military official who asked not to be named", True)])


def test_tellings_of_one_event_count_their_named_sources_once_each() -> None:
    from communique.model import Attribution
    from communique.stages.provenance import stated_status

    # an outlet relaying unnamed sources, with "a report" (a document naming nobody) at its head ...
    first = [Attribution("a report", False, "document"), Attribution("Al-Waseet", False, "outlet", actor_id="o1",
                                                                     cites=2),
             Attribution("unnamed sources", True, "source")]
    # ... and the same outlet again in a later telling: still one named source, not a confirmation
    again = [Attribution("the newspaper", False, "outlet", actor_id="o1")]
    assert stated_status([], first, also=[again]) == (None, False)
    # a second, independent named source in the other telling confirms it
    other = [Attribution("Iran's Revolutionary Guards", False, "official", actor_id="a9")]
    assert stated_status([], again, also=[other]) == ("confirmed", False)
