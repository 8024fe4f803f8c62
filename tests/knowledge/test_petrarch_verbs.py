"""PETRARCH/TABARI verb dictionaries as trigger tables, on small dictionaries of our own (invented patterns)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from communique import analyze, default_pipeline
from communique.errors import InputError
from communique.knowledge.petrarch import parse_petrarch_verbs
from communique.knowledge.triggers import Trigger, default_triggers

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

DICTIONARY = """\
# A SMALL TEST VERB DICTIONARY (invented patterns, real CAMEO codes)
<!-- an XML comment
over two lines -->
####### SYNONYM SETS #######

&ENVOY
+AMBASSADOR
+SPECIAL_ENVOY
+CHARGES_D'AFFAIRES_

&AUXVERB1_
+WAS

####### VERB PATTERNS #######

--- SUMMON  [---]  ---
SUMMON
CONVOKE {CONVOKES CONVOKED CONVOKING SUMMON}  # a form that is a verb of its own is no key of this one
- * &ENVOY  [111]   # SUMMON <ab 01 Jan 2005>
- $ * {FOREIGN MINISTERS} +  [040]
- * (OF TALKS)  [036:036]
- * AWAY  [---]
- * (TO BORDER)  [154]
- &ENVOY *  [111]
- % *  [040]
- * PEACE (FOR TALKS)  [036]
- * PLAN  [:173]
- * PLAN  [0999]
- * &UNDEFINED  [111]
- * MINISTER  [050]
- * (IN)  [040]

---  REBUKE   [111]  ---
REBUKE
SCOLD {SCOLDS SCOLDED SCOLDING}  [1123]
+TELL_OFF {+TOLD_OFF}
+TAKE_TO_TASK
- * &ENVOY  [112]
- * FORWARD  [0256]
- (DESPITE) *  [122]

--- REBUKE [111] ---
SUMMON [030]          # listed again: the first block keeps it
- * &ENVOY  [112]     # the same condition again: the first pattern of the block wins

~ a (a b REBUKE) SAY = a b 111
"""

ENVOY = "obj:ambassador|envoy|d'affaires"


def rows(verb: str, *spec: tuple[str, str | None] | tuple[str, str | None, str | None, bool]) -> list[Trigger]:
    """Rows of a dictionary verb: (code, condition) or (code, condition, reverse code, mutual)."""
    return [Trigger(verb, "VERB", *(s if len(s) == 2 else s[:2]), "petrarch",  # type: ignore[misc]
                    *(s[2:] if len(s) == 4 else ())) for s in spec]


def _pairs(text: str, pipe: Any) -> list[tuple[str, str | None, str | None, bool]]:
    """Each event of ``text`` (published 2024-05-01) as (CAMEO code, source country, target country, negated), one
    row per source x target pair, sorted."""
    doc = analyze(text, published="2024-05-01", pipeline=pipe)
    country = {a.id: a.country for a in doc.actors}
    return sorted((e.cameo, country.get(s) if s else None, country.get(t) if t else None, e.negated)
                  for e in doc.events for s in (e.source or [""]) for t in (e.target or [""]))


def test_blocks_verbs_and_patterns() -> None:
    # patterns of more words first (an object word and a phrase after it; a noun phrase's words before its head);
    # [036:036]: the other side's act too; a phrase with another preposition than of/for/on, or a preposition
    # alone, holds it
    # ([---], and a number that is no CAMEO code, [0999]: a row coding nothing, "---")
    summon = [("036", "obj:peace;pp:for:talks|talk"), ("040", "obj:ministers|minister;obj:foreign"),
              ("111", ENVOY), ("---", "near:away"), ("---", "obj:plan"), ("050", "obj:minister"),
              ("036", "obj:talks|talk", "036", False), ("154", "pp:to:border"),
              ("111", "pre:ambassador|envoy|d'affaires"), ("040", "pp:in")]  # "&ENVOY *": a word before the verb
    scold = [("112", ENVOY), ("0256", "near:forward")]
    assert parse_petrarch_verbs(DICTIONARY) == {
        # [---]: its patterns, and a row coding nothing (ours do not code it); a single word before the head of a
        # phrase
        "summon": rows("summon", *summon, ("---", None)),
        "convoke": rows("convoke", *summon, ("---", None)),
        # irregular forms share the rows of their verb, except one that is a verb of its own (SUMMON)
        "convokes": rows("convoke", *summon, ("---", None)),
        "convoked": rows("convoke", *summon, ("---", None)),
        "convoking": rows("convoke", *summon, ("---", None)),
        # conditional rows first; a verb's own code beats its block's
        "rebuke": rows("rebuke", *scold, ("111", None)),
        "scold": rows("scold", *scold, ("1123", None)),
        "scolds": rows("scold", *scold, ("1123", None)),
        "scolded": rows("scold", *scold, ("1123", None)),
        "scolding": rows("scold", *scold, ("1123", None)),
        # a two-word verb: its particle as a condition, no patterns
        "tell": rows("tell", ("111", "near:off")),
    }


def test_what_is_skipped_is_counted_and_reported() -> None:
    stats: Counter[str] = Counter()
    problems: list[str] = []
    parse_petrarch_verbs(DICTIONARY, source="test.verbs", problems=problems, stats=stats)
    assert stats == Counter({
        "patterns": 17, "patterns converted": 14, "verbs": 5, "irregular forms": 6, "rows": 71,
        "patterns that veto their verb ([---])": 2,
        "skipped: a prepositional phrase before the verb": 1,
        "skipped: compound actor (%) with another code than the block's": 1,
        "skipped: passive-only code [:xxx]": 1, "skipped: undefined synset": 1,
        "skipped: multi-word verb": 1, "skipped: verb listed again": 1, "skipped: transformation": 1,
        "skipped: condition given before": 1,
    })
    assert "test.verbs: 1 skipped: a prepositional phrase before the verb" in problems
    assert all(p.startswith("test.verbs: 1 skipped: ") for p in problems)


def test_codes_synsets_plurals_and_multiword_verbs() -> None:
    text = """\
&ARMS
+RIFLE
+TANKS_
+FIGHTER JETS

&PLACES_
+CAMPS

--- SUPPLY [070] ---
SUPPLY
+HAND_OVER {+HANDED_OVER}
RE_+ARM
+CALL_ON_TO
LASH OUT [111]
SNUB [111] {SNUBS SNUBBED}
- * &ARMS  [043:042]
- $ * (ON &PLACES) +  [0234]
- * DIPLOMATIC_RELATIONS  [051]
- * ON &UNKNOWN_SET  [051]
- * ON TALKS  [036]
- * (WITH PARTIES)  [051]
"""
    stats: Counter[str] = Counter()
    table = parse_petrarch_verbs(text, stats=stats)
    patterns = [("043", "obj:rifle|tanks|jets|jet", "042", False), ("0234", "obj:camps"),
                ("051", "obj:relations|relation"), ("036", "obj:talks|talk"), ("051", "pp:with:parties|party")]
    assert table == {
        "supply": rows("supply", *patterns, ("070", None)),
        "hand": rows("hand", ("070", "near:over")),
        "arm": rows("arm", ("070", "near:re")),
        "lash": rows("lash", ("111", "near:out")),
        "snub": rows("snub", *patterns, ("111", None)),
        "snubs": rows("snub", *patterns, ("111", None)),
        "snubbed": rows("snub", *patterns, ("111", None)),
    }
    assert stats["skipped: multi-word verb"] == 1 and stats["skipped: undefined synset"] == 1
    assert stats["patterns converted"] == 5


def test_comments_stop_and_errors() -> None:
    assert parse_petrarch_verbs("") == {}
    assert parse_petrarch_verbs("# only a comment\n<!-- and another -->\n") == {}
    text = "--- HALT [---] ---\nHALT  ; a TABARI comment\n- * TALKS [164]\n---STOP---\n--- GO [042] ---\nGO\n"
    assert parse_petrarch_verbs(text) == {"halt": rows("halt", ("164", "obj:talks|talk"), ("---", None))}
    problems: list[str] = []
    table = parse_petrarch_verbs("HALT\n- * TALKS [164]\n--- HALT [---] ---\nHALT {HALTS\n- * TALKS\n",
                                 problems=problems)
    assert table == {}
    assert problems == ["<petrarch verbs>:1: verb before any verb block",
                        "<petrarch verbs>:2: pattern before any verb block",
                        "<petrarch verbs>:4: unreadable verb line 'HALT {HALTS'",
                        "<petrarch verbs>:5: pattern without a [code]",
                        "<petrarch verbs>: 1 skipped: no [code]"]
    with pytest.raises(InputError, match="not a PETRARCH verb dictionary"):
        parse_petrarch_verbs("just some text\nand more\n", source="notes.txt")


def test_analyze_with_a_verb_dictionary(tmp_path: Path) -> None:
    assert not {"summon", "rebuke", "scold"} & set(default_triggers())  # verbs our own table lacks
    path = tmp_path / "test.verbs.txt"
    path.write_text(DICTIONARY, "utf-8")
    pipe = default_pipeline(verbs=(path,))

    def coded(text: str) -> list[tuple[str, str | None, str | None]]:
        doc = analyze(text, published="2024-05-01", pipeline=pipe)
        country = {a.id: a.country for a in doc.actors}
        return [(e.cameo, country.get(e.source[0]) if e.source else None,
                 country.get(e.target[0]) if e.target else None) for e in doc.events]

    assert coded("Norway rebuked Sweden over the border dispute.") == [("111", "NOR", "SWE")]
    assert coded("Norway summoned the Swedish ambassador.") == [("111", "NOR", "SWE")]
    assert coded("The Norwegian foreign ministry scolded Sweden on Monday.") == [("1123", "NOR", "SWE")]
    assert coded("Norway summoned its parliament.") == []  # SUMMON codes nothing by itself
    ours = analyze("Norway expelled two Swedish diplomats.", published="2024-05-01").events
    # a verb the dictionary does not list is ours
    assert [e.cameo for e in ours] == [c for c, _, _ in coded("Norway expelled two Swedish diplomats.")]
    assert analyze("Norway rebuked Sweden over the border dispute.").events == []  # the default pipeline: no event


REAL = ["reference/petrarch2/CAMEO.2.0.txt", "reference/petrarch2/CAMEO.verbpatterns.150430.txt",
        "reference/universalpetrarch/PETR_Validate_verbs_2_02.txt"]


def test_the_real_verb_dictionaries() -> None:
    if not all((SHARED / f).exists() for f in REAL):
        pytest.skip(f"../shared is absent ({SHARED}); the real PETRARCH verb dictionaries are not there to read")
    counts = {}
    for f in REAL:
        text = (SHARED / f).read_text("utf-8")
        problems: list[str] = []
        stats: Counter[str] = Counter()
        # the parse time is a figure of scripts/bench_knowledge.py (bar 20 s), not asserted here
        table = parse_petrarch_verbs(text, source=f, problems=problems, stats=stats)
        assert len([p for p in problems if " skipped: " not in p]) < 5, problems
        counts[f] = stats
        for lemma, found in table.items():  # conditional rows before the plain one
            plain = [i for i, t in enumerate(found) if t.condition is None]
            assert plain in ([], [len(found) - 1]), lemma
    cameo = counts[REAL[0]]
    assert cameo["verbs"] > 1500 and cameo["patterns converted"] > 3000 and cameo["patterns"] > 4500
    assert counts[REAL[2]]["verbs"] > 100 and counts[REAL[2]]["patterns converted"] > 200
    table = parse_petrarch_verbs((SHARED / REAL[0]).read_text("utf-8"))
    assert Trigger("appoint", "VERB", "050", "obj:ambassador", "petrarch") in table["appoint"]
    assert table["say"][-1] == Trigger("say", "VERB", "010", None, "petrarch")


CONVENTIONS = """\
--- SAY [010] ---
SAY {SAYS SAID SAYING}
--- ARRIVE [042:043] ---
ARRIVE
--- MEET [040:040] ---
MEET
--- POSTPONE [120] ---
POSTPONE
DEFER
- % * [120]
--- ACT [100] ---
ACT
- * (ON RESOLUTION) [057]
--- RESTORE [050] ---
RESTORE
--- LEAVE [012] ---
LEAVE
--- LEFT [042:043] ---
LEFT
--- ABANDON [1121] ---
ABANDON
- * {MILITARY TIES} [161]
- * {CULTURAL TIES} [---]
- * TIES [080]
--- CONDEMN [111] ---
CONDEMN
- * ATTACK (BY) [112]
- * ATTACK [113]
- * (OVER FISHING) [112]
"""


def test_a_verb_dictionarys_conventions(tmp_path: Path) -> None:
    """Reports of a coded event are not events; [active:passive] codes both sides; "% *" coordinated subjects act
    on each other; the target is the first actor after the verb in its phrase (``stages.events.dictionary``)."""
    path = tmp_path / "conventions.verbs.txt"
    path.write_text(CONVENTIONS, "utf-8")
    pipe = default_pipeline(verbs=(path,))

    def coded(text: str) -> list[tuple[str, str | None, str | None]]:
        return [row[:3] for row in _pairs(text, pipe)]

    # the saying of an event coded in what is said is no event of its own; a bare statement is one
    assert coded("Norway postponed its talks with Sweden, a senior official said on Monday.") == [
        ("120", "NOR", "SWE")]
    assert coded("The Danish foreign minister said that Norway had postponed the talks with Sweden.") == [
        ("120", "NOR", "SWE")]
    # no dyad, no event (PETRARCH's require_dyad)
    assert coded("Denmark said on Monday that the weather was fine.") == []
    # [042:043]: the visitor's visit and the host's hosting; [040:040]: a meeting each way
    assert coded("The Norwegian prime minister arrived in Sweden on Monday.") == [
        ("042", "NOR", "SWE"), ("043", "SWE", "NOR")]
    assert coded("Finland met Estonia in Helsinki on Tuesday.") == [("040", "EST", "FIN"), ("040", "FIN", "EST")]
    # "% *": coordinated subjects with no target act on each other
    assert coded("Norway and Sweden postponed their meeting.") == [("120", "NOR", "SWE"), ("120", "SWE", "NOR")]
    assert coded("Chile, Peru and Bolivia deferred the decision.") == [
        ("120", "BOL", "CHL"), ("120", "BOL", "PER"), ("120", "CHL", "BOL"), ("120", "CHL", "PER"),
        ("120", "PER", "BOL"), ("120", "PER", "CHL")]
    # a form listed as a verb of its own is coded as that verb, not as its lemma's
    assert coded("The Estonian prime minister left for Finland on Monday.") == [
        ("042", "EST", "FIN"), ("043", "FIN", "EST")]
    assert coded("Estonia will leave Latvia, the minister said.") == [("012", "EST", "LVA")]
    # a noun phrase's words before its head must be in the object too
    assert coded("Norway abandoned its military ties with Sweden.") == [("161", "NOR", "SWE")]
    assert coded("Norway abandoned its trade ties with Sweden.") == [("080", "NOR", "SWE")]
    # [---] vetoes the verb where it holds (nor does a less specific pattern code it)
    assert coded("Norway abandoned its cultural ties with Sweden.") == []
    # a coordinated target is each of its conjuncts
    assert coded("Kenya restored diplomatic ties with Uganda, Rwanda and Burundi on Friday.") == [
        ("050", "KEN", "BDI"), ("050", "KEN", "RWA"), ("050", "KEN", "UGA")]
    assert [e for e in coded("Austria deferred the talks between Hungary and Slovakia.") if e[0] == "120"] == [
        ("120", "AUT", "HUN"), ("120", "AUT", "SVK")]  # the talks themselves are ours: 040 HUN-SVK
    # an object and a phrase after it beat the object alone; a phrase with another preposition than of/for/on
    assert [e for e in coded("Norway condemned an attack by Swedish soldiers.") if e[0][:2] == "11"] == [
        ("112", "NOR", "SWE")]
    assert [e for e in coded("Norway condemned the attack on Sweden.") if e[0][:2] == "11"] == [
        ("113", "NOR", "SWE")]
    assert coded("Norway condemned Sweden over fishing in the Barents Sea.") == [("112", "NOR", "SWE")]
    # a listed subject is each of the list's actors, however the parser joins the list
    assert [e for e in coded("Chile, the Republic of Peru, Bolivia and Ecuador condemned Sweden.")
            if e[0] == "111"] == [("111", "BOL", "SWE"), ("111", "CHL", "SWE"), ("111", "ECU", "SWE"),
                                  ("111", "PER", "SWE")]
    assert coded("Kenya and the proud old Uganda condemned Sweden.") == [("111", "KEN", "SWE"), ("111", "UGA", "SWE")]
    # an apposition alone renames: no list
    assert coded("Norway, the old ally of Denmark, condemned Sweden.") == [("111", "NOR", "SWE")]
    # the first actor after the verb in its phrase is the target
    assert coded("Kenya acted on the resolution together with Uganda.") == [("057", "KEN", "UGA")]
    assert coded("Ghana acted swiftly on the resolution with Togo, a Nigerian official said.") == [
        ("057", "GHA", "TGO")]


NEGATION = """\
--- CLASH [190] ---
CLASH
- * (OVER PLANS) [110]
--- CONFISCATE [170] ---
CONFISCATE
--- COOPERATE [060] ---
COOPERATE
--- URGE [023] ---
URGE
--- RESPOND [010] ---
RESPOND
--- CONDEMN [111] ---
CONDEMN
--- TRY [---] ---
TRY
"""


def test_negation_phrases_and_one_coding_per_verb(tmp_path: Path) -> None:
    """A negated verb takes its negated code; a preposition the parser reads as a particle still opens its phrase;
    a coded verb codes its open complement and the nouns of its phrase (``stages.events.dictionary``)."""
    path = tmp_path / "negation.verbs.txt"
    path.write_text(NEGATION, "utf-8")
    pipe = default_pipeline(verbs=(path,))

    def coded(text: str) -> list[tuple[str, str | None, str | None, bool]]:
        return _pairs(text, pipe)

    # "clashed over the plans": the parser's particle "over" with the object "the plans" is the pattern's phrase
    assert coded("Norway clashed over the plans of Sweden.") == [("110", "NOR", "SWE", False)]
    # the verb's own negation: the code whose internal value is the verb's less 0xFFFF, an event that happened
    assert coded("Norway didn't clash over the plans of Sweden.") == [("050", "NOR", "SWE", False)]
    assert coded("Norway will never clash over the plans of Sweden.") == [("050", "NOR", "SWE", False)]
    assert coded("Norway did not really ever clash over the plans of Sweden.") == [("050", "NOR", "SWE", False)]
    assert coded("The Danish police did not confiscate the boats of Sweden.") == [("057", "DNK", "SWE", False)]
    assert coded("Finland did not cooperate with Estonia.") == [("121", "FIN", "EST", False)]
    # a code with no negated code in the ontology stays negated; the negation of another verb is not the verb's
    assert coded("Norway did not clash with Sweden.") == [("190", "NOR", "SWE", True)]
    assert [e[:3] for e in coded("Norway won't try to clash over Sweden's plans.")] == [("110", "NOR", "SWE")]
    # the open complement of a coded verb is not an event of its own
    assert coded("Norway urged Sweden to respond to the proposals of Finland.") == [("023", "NOR", "SWE", False)]
    # nor is a noun of ours in a coded verb's phrase
    assert coded("Denmark condemned the arrest of Finnish journalists.") == [("111", "DNK", "FIN", False)]


ONE_CODING = """\
--- TORCH [---] ---
TORCH
- * FLAGS [181]
--- DETAIN [999] ---
DETAIN
--- RESTORE [050] ---
RESTORE
- * {FULL TIES} [777]
--- HONOUR [051] ---
HONOUR
- * VETERANS (AT ^) (WITH +) [017]
--- DEPART [012] ---
DEPART
--- SAY [010] ---
SAY
--- VOW [170] ---
VOW
- * WAR [190]
"""


def test_null_and_foreign_codes_roles_and_dyads(tmp_path: Path) -> None:
    """A verb listed with a null code, or with a number that is no CAMEO code, codes nothing, not even by our rows;
    phrases of placeholders say the target; an event needs a coded source and target (``require_dyad``)."""
    path = tmp_path / "one.verbs.txt"
    path.write_text(ONE_CODING, "utf-8")
    table = parse_petrarch_verbs(ONE_CODING)
    assert table["torch"][-1] == Trigger("torch", "VERB", "---", None, "petrarch")
    assert table["detain"] == [Trigger("detain", "VERB", "---", None, "petrarch")]
    assert Trigger("restore", "VERB", "---", "obj:ties|tie;obj:full", "petrarch") in table["restore"]
    assert Trigger("honour", "VERB", "017", "obj:veterans|veteran", "petrarch", roles="^at;+with") \
        in table["honour"]
    pipe = default_pipeline(verbs=(path,))

    def coded(text: str) -> list[tuple[str, str | None, str | None]]:
        return [row[:3] for row in _pairs(text, pipe)]

    # "--- TORCH [---]": our rows do not code the verb; its pattern does
    assert coded("Protesters from Chile torched the embassy of Peru.") == []
    assert coded("Chilean protesters torched the flags of Peru.") == [("181", "CHL", "PER")]
    # "[999]", "[777]": an event we cannot code is no event, not another code in its place
    assert coded("The Danish police detained Swedish fishermen.") == []
    assert coded("Norway restored full ties with Sweden.") == []
    assert coded("Norway restored diplomatic ties with Sweden.") == [("050", "NOR", "SWE")]
    # "(AT ^) (WITH +)": the with-phrase's actor is the target, the at-phrase's is none
    assert coded("Norway honoured the veterans at Finland with Sweden.") == [("017", "NOR", "SWE")]
    # a verb with no subject after a preposition of a coded verb is part of its phrase
    assert coded("Norway honoured the veterans with Sweden after departing from Finland.") == [
        ("017", "NOR", "SWE")]
    # a pattern's object may be the object of the verb's open complement, as PETRARCH reads the words after the verb
    assert coded("Norway vowed on Monday to wage war on Sweden.") == [("190", "NOR", "SWE")]
    assert coded("Norway vowed on Monday to punish Sweden.") == [("170", "NOR", "SWE")]
    # no dyad, no event: "a senior official said" alone
    assert coded("Estonia departed from Latvia, a senior official said.") == [("012", "EST", "LVA")]
    assert coded("The army departed on Monday, a senior official said.") == []


BEFORE_THE_VERB = """\
--- SURGE [---] ---
SURGE
- {CASUALTY COUNT} * [190]
--- PRAISE [051] ---
PRAISE
- HEAVILY * [122]
"""


def test_words_before_the_verb_are_read_in_its_subject(tmp_path: Path) -> None:
    """"- {CASUALTY COUNT} * [190]": the words before the verb are words of its subject; an adverb before the verb
    ("- HEAVILY *") is no word of a subject, and the verb keeps its own code."""
    path = tmp_path / "before.verbs.txt"
    path.write_text(BEFORE_THE_VERB, "utf-8")
    pipe = default_pipeline(verbs=(path,))

    def coded(text: str) -> list[tuple[str, str | None, str | None]]:
        return [row[:3] for row in _pairs(text, pipe)]

    assert coded("Kenya's casualty count has surged in the border war with Uganda.") == [("190", "KEN", "UGA")]
    # the null verb alone, or with other words in its subject, codes nothing
    assert coded("Kenya's export count has surged in the trade with Uganda.") == []
    assert coded("Kenya heavily praised Uganda on Monday.") == [("051", "KEN", "UGA")]
