"""PETRARCH/TABARI actor dictionaries, on small dictionaries of our own (invented names and codes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from communique import analyze, default_pipeline
from communique.errors import InputError
from communique.knowledge.actors import ActorKB, KnownActor
from communique.knowledge.petrarch import looks_like_petrarch, parse_petrarch_actors
from communique.model import Actor

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

DICTIONARY = """\
<!-- A SMALL TEST DICTIONARY -->
<!--
# a comment over
several lines -->
# a comment line

KENYA_ [KEN]
+KENYAN_
+NAIROBI_

ZORVAN_HALDEK_  # a person with dated codes
+HALDEK_
+PRESIDENT_HALDEK
\t[KENELI 950101-031231]
\t[KENGOV >040101]
\t[KENELI]

MIRELA_OSTROVA_\t[KENGOV 100101-121231] [KENLEG <091231]   # two codes on one line

COUNCIL_OF_NORTHERN_STATES_ [IGOCNS] # an international organisation
+CNS_

RED_LANTERN_BRIGADE_(RLB)_ [KENREB]
VEIL_SOCIETY_ [---]
"""


def by_code(rows: list[KnownActor]) -> dict[str, KnownActor]:
    return {r.code or "": r for r in rows if r.kind != "capital"}


def test_phrases_synonyms_and_codes() -> None:
    rows = parse_petrarch_actors(DICTIONARY)
    kenya = by_code(rows)["KEN"]
    assert (kenya.name, kenya.aliases, kenya.country, kenya.sector, kenya.kind) == \
        ("Kenya", ("Kenyan",), "KEN", None, "organization")  # a capital is a place, left to the actor stage
    # ... which codes it, where it acts as its state, with the dictionary's code for it
    assert [(r.name, r.code, r.aliases) for r in rows if r.kind == "capital"] == [("Nairobi", "KEN", ())]
    igo = by_code(rows)["IGOCNS"]
    assert (igo.name, igo.aliases, igo.country, igo.sector) == ("Council of Northern States", ("CNS",), None, "IGO")
    rebels = by_code(rows)["KENREB"]
    assert (rebels.name, rebels.aliases, rebels.country, rebels.sector) == \
        ("Red Lantern Brigade", ("RLB",), "KEN", "REB")
    assert not any(r.name == "Veil Society" for r in rows)  # a null code names no actor


def test_dated_codes_become_entries_with_their_dates() -> None:
    haldek = [r for r in parse_petrarch_actors(DICTIONARY) if r.name == "Zorvan Haldek"]
    assert {(r.code, r.valid_from, r.valid_to) for r in haldek} == {
        ("KENELI", dt.date(1995, 1, 1), dt.date(2003, 12, 31)),
        ("KENGOV", dt.date(2004, 1, 1), None),
        ("KENELI", None, None),
    }
    assert all(r.kind == "person" and r.aliases == ("Haldek", "President Haldek") for r in haldek)
    ostrova = [r for r in parse_petrarch_actors(DICTIONARY) if r.name == "Mirela Ostrova"]
    assert {(r.code, r.valid_from, r.valid_to) for r in ostrova} == {
        ("KENGOV", dt.date(2010, 1, 1), dt.date(2012, 12, 31)),
        ("KENLEG", None, dt.date(2009, 12, 31)),
    }


def test_the_kb_picks_the_code_that_held_on_the_day() -> None:
    kb = ActorKB(parse_petrarch_actors(DICTIONARY))
    assert (hit := kb.find("Haldek", on=dt.date(2000, 6, 1))) is not None and hit.code == "KENELI"
    assert (hit := kb.find("haldek", on=dt.date(2010, 6, 1))) is not None and hit.code == "KENGOV"
    assert (hit := kb.find("Haldek")) is not None and hit.code == "KENGOV"  # no date: what holds now
    assert kb.find("Mirela Ostrova", on=dt.date(2015, 1, 1)) is None  # no dated code held, and no default
    assert (hit := kb.find("Mirela Ostrova", on=dt.date(2009, 12, 31))) is not None and hit.code == "KENLEG"


def test_complete_sets_the_code_unless_the_text_contradicts_it() -> None:
    kb = ActorKB(parse_petrarch_actors(DICTIONARY))
    a = Actor(id="a1", name="Haldek", kind="person")
    kb.complete(a, on=dt.date(2000, 6, 1))
    # ELI (elites: a former office-holder) is read as the code's sector, as "former president" is in the text
    assert (a.name, a.country, a.sector, a.code) == ("Zorvan Haldek", "KEN", "ELI", "KENELI")
    b = Actor(id="a2", name="Zorvan Haldek", kind="person", sector="MIL")
    kb.complete(b, on=dt.date(2000, 6, 1))
    assert (b.country, b.sector, b.code) == ("KEN", "MIL", None)  # the stage will build KENMIL
    c = Actor(id="a3", name="CNS", kind="organization")
    kb.complete(c)
    assert (c.name, c.sector, c.code) == ("Council of Northern States", "IGO", "IGOCNS")


@pytest.mark.parametrize("restriction, start, end", [
    ("[ABCGOV 19991231 - 20000102]", dt.date(1999, 12, 31), dt.date(2000, 1, 2)),
    ("[ABCGOV < 300101]", None, dt.date(2030, 1, 1)),  # YY 00-30 is 20YY
    ("[ABCGOV>310101]", dt.date(1931, 1, 1), None),  # the rest 19YY
])
def test_date_forms(restriction: str, start: dt.date | None, end: dt.date | None) -> None:
    (row,) = parse_petrarch_actors(f"ARVO_TENSK_\n\t{restriction}\n")
    assert (row.code, row.valid_from, row.valid_to) == ("ABCGOV", start, end)


def test_malformed_lines_are_skipped_and_reported() -> None:
    problems: list[str] = []
    rows = parse_petrarch_actors(
        "+ORPHAN_SYNONYM\n"
        "\t[ABCGOV]\n"
        "LUNE_ESKAR_ [ABCGOV 120231-130101]\n"  # 31 February
        "\t[ABCGOV 130101-120101]\n"  # ends before it starts
        "\t[ABC950601-990815]\n"  # no blank between code and dates
        "\t[] \n"
        "\tno code here\n"
        "\t[ABCMIL >20150101]\n",
        source="mini.actors", problems=problems)
    assert [(r.name, r.code, r.valid_from) for r in rows] == [("Lune Eskar", "ABCMIL", dt.date(2015, 1, 1))]
    assert len(problems) == 7 and all(p.startswith("mini.actors:") for p in problems)


def test_stop_marker_and_empty_dictionaries() -> None:
    assert [r.name for r in parse_petrarch_actors("ORVALE_ [ABC]\n---STOP---\nTESKAR_ [ABC]\n")] == ["Orvale"]
    assert parse_petrarch_actors("") == []
    assert parse_petrarch_actors("# only a comment\n<!-- and another -->\n") == []


def test_a_text_that_is_no_dictionary_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a PETRARCH actor dictionary"):
        parse_petrarch_actors("Amina Wanjiru\tWanjiru\tKEN\tGOV\tperson\t2023-01-01\t\n", source="people.tsv")


def test_ordinary_words_are_not_names() -> None:
    rows = parse_petrarch_actors("NORTHLAND_ [ABC]\n+COUNTRY_\n+LET\n+NORTHLANDER\n")
    assert [(r.name, r.aliases) for r in rows] == [("Northland", ("Northlander",))]


def test_format_detection() -> None:
    assert looks_like_petrarch(DICTIONARY) is True
    assert looks_like_petrarch("# name\taliases\nAmina Wanjiru\tWanjiru\tKEN\tGOV\tperson\t\t\n") is False
    assert looks_like_petrarch("# nothing but a comment\n") is None


def test_from_files_reads_both_formats(tmp_path: Path) -> None:
    dictionary = tmp_path / "ours.txt"  # told by its content
    dictionary.write_text(DICTIONARY, "utf-8")
    tsv = tmp_path / "people.tsv"
    tsv.write_text("Amina Wanjiru\tWanjiru\tKEN\tGOV\tperson\t2023-01-01\t\n", "utf-8")
    empty = tmp_path / "blank.actors.txt"  # told by its name: no entries, and no error
    empty.write_text("# nothing yet\n", "utf-8")
    kb = ActorKB.from_files([dictionary, tsv, empty], include_default=False)
    assert (hit := kb.find("Haldek", on=dt.date(2010, 1, 1))) is not None and hit.code == "KENGOV"
    assert (hit := kb.find("Wanjiru", on=dt.date(2024, 1, 1))) is not None and hit.code is None


def test_analyze_with_a_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "invented.actors.txt"
    path.write_text(DICTIONARY, "utf-8")
    pipe = default_pipeline(knowledge=(path,))
    doc = analyze("Haldek met the Council of Northern States in Nairobi on Monday.", published="2010-03-02",
                  pipeline=pipe)
    got = {a.name: a.code for a in doc.actors}
    assert got.get("Zorvan Haldek") == "KENGOV"
    assert got.get("Council of Northern States") == "IGOCNS"


REAL = ["reference/petrarch2/Phoenix.Countries.actors.txt", "reference/petrarch2/Phoenix.International.actors.txt",
        "reference/petrarch2/Phoenix.MilNonState.actors.txt",
        "reference/universalpetrarch/PETR_Validate_actors_2_02.txt"]


def test_the_real_phoenix_dictionaries() -> None:
    if not all((SHARED / f).exists() for f in REAL):
        pytest.skip(f"../shared is absent ({SHARED}); the real PETRARCH dictionaries are not there to read")
    counts = {}
    for f in REAL:  # the parse time is a figure of scripts/bench_knowledge.py (bar 20 s)
        text = (SHARED / f).read_text("utf-8")
        assert looks_like_petrarch(text) is True
        problems: list[str] = []
        counts[f] = len(parse_petrarch_actors(text, source=f, problems=problems))
        assert len(problems) < 20, problems
    assert counts[REAL[0]] > 20_000 and counts[REAL[1]] > 5_000 and counts[REAL[2]] > 500 and counts[REAL[3]] > 100
    kb = ActorKB.from_files([SHARED / f for f in REAL[:3]], include_default=False)
    assert (hit := kb.find("Afghanistan")) is not None and (hit.country, hit.code) == ("AFG", "AFG")
    assert (hit := kb.find("Karzai", on=dt.date(2005, 1, 1))) is not None \
        and (hit.name, hit.code, hit.kind) == ("Hamid Karzai", "AFGGOV", "person")


STATES = """\
KENYA_ [KNY]
+KENYAN_
BURKINA_FASO_
\t[UPV <840804]
\t[BFA]
ORVAN_DELKE_
+DELKE_
\t[TAL <950601]
\t[TALGOV 19950601-19990815]
\t[TALREB >19990816]
"""


@pytest.mark.parametrize(("text", "published", "code"), [
    # the dictionary's code for a state it lists wins over ours (KEN), for its demonym too
    ("Kenya expelled the Swedish ambassador on Monday.", "2020-03-02", "KNY"),
    ("The Kenyan government expelled the Swedish ambassador.", "2020-03-02", "KNYGOV"),
    # a dated code for a state: the one that held on the day
    ("Burkina Faso expelled the Swedish ambassador on Monday.", "1983-05-02", "UPV"),
    ("Burkina Faso expelled the Swedish ambassador on Monday.", "2020-05-04", "BFA"),
    # a name listed with a bare code before a date and an office after it: the office on later days
    ("Delke expelled the Swedish ambassador on Monday.", "1994-05-02", "TAL"),
    ("Delke expelled the Swedish ambassador on Monday.", "1997-05-05", "TALGOV"),
    ("Delke expelled the Swedish ambassador on Monday.", "2003-05-05", "TALREB"),
])
def test_a_dictionarys_state_codes_win_over_ours(tmp_path: Path, text: str, published: str, code: str) -> None:
    path = tmp_path / "states.actors.txt"
    path.write_text(STATES, "utf-8")
    doc = analyze(text, published=published, pipeline=default_pipeline(knowledge=(path,)))
    # a state the dictionary does not list keeps our code
    assert sorted(a.code or "" for a in doc.actors) == sorted([code, "SWEGOV"])


OWN_CODES = """\
KENYA_ [KNY]
+NAIROBI_
UGANDA_ [UGA]
UNITED_NATIONS_ [IGOXUN]
+UN_
EUROPEAN_UNION_ [IGOEEU]
LAKE_ALLIANCE_ [KNY/RWA/TZA]   # one phrase naming three states
"""


@pytest.mark.parametrize(("text", "codes"), [
    # a capital acting as its state: the code the dictionary gives the capital (KNY), not our capital rule's KNYGOV
    ("Nairobi on Friday fired two rockets at Uganda.", {"KNY", "UGA"}),
    # an organisation the dictionary codes: its code, not our IGO table's (IGOUNO, IGOEUREEC) ...
    ("The United Nations condemned Uganda on Monday.", {"IGOXUN", "UGA"}),
    ("The European Union criticised Uganda over the vote.", {"IGOEEU", "UGA"}),
    # ... and one it does not list keeps ours
    ("NATO criticised Uganda over the vote.", {"IGOWSTNAT", "UGA"}),
    # a compound code names the phrase's actors at once: one actor per code, the phrase's mention each
    ("The Lake Alliance condemned Uganda on Monday.", {"KNY", "RWA", "TZA", "UGA"}),
])
def test_the_dictionarys_own_codes_win(tmp_path: Path, text: str, codes: set[str]) -> None:
    path = tmp_path / "own.actors.txt"
    path.write_text(OWN_CODES, "utf-8")
    doc = analyze(text, published="2021-06-01", pipeline=default_pipeline(knowledge=(path,)))
    assert {a.code for a in doc.actors} == codes
    assert [(sorted(doc.actor(s).code or "" for s in e.source), [doc.actor(t).code for t in e.target])
            for e in doc.events] == [(sorted(codes - {"UGA"}), ["UGA"])]


def test_a_capital_named_as_a_place_is_no_actor(tmp_path: Path) -> None:
    path = tmp_path / "own.actors.txt"
    path.write_text(OWN_CODES, "utf-8")
    doc = analyze("Uganda condemned the bombing of a market in Nairobi.", published="2021-06-01",
                  pipeline=default_pipeline(knowledge=(path,)))
    assert "KNY" not in {a.code for a in doc.actors}
