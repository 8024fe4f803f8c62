"""Issue 7, eighth round: extremists and radicals (RAD), political movements, a state's newspaper, a state's
military named by its armed acts ("U.S. military airstrikes"), and abbreviated ranks the tokenizer splits
("Col. X"). Inputs are ours."""

from __future__ import annotations

import pytest

from communique import Pipeline, analyze
from communique.knowledge.sectors import SECTORS, sector_for_title
from communique.model import Doc


def _codes(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.name, a.code) for a in doc.actors]


def _sources(doc: Doc) -> list[tuple[str, list[str | None]]]:
    return [(e.cameo, [doc.actor(a).code for a in e.source]) for e in doc.events]


# --- extremists and radicals: RAD (Phoenix EXTREMIST [~RAD]) --------------------------------------------------

def test_rad_is_a_sector() -> None:
    assert "RAD" in SECTORS
    assert [sector_for_title(w) for w in ("extremists", "radicals", "extremist group", "militants")] == [
        "RAD", "RAD", "RAD", "UAF"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Croatian extremists attacked a Serb village.", [("Croatian extremists", "HRVRAD")]),
    ("Police in Oslo detained two Norwegian extremists on Friday.",
     [("Police", "NORCOP"), ("Norwegian extremists", "NORRAD")]),
    ("Extremists burned a church near Jos on Sunday.", [("Extremists", "RAD")]),
])
def test_extremists_and_radicals_are_rad(pipeline: Pipeline, text: str,
                                         expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


def test_radical_as_a_modifier_is_no_actor(pipeline: Pipeline) -> None:
    # "Radical reforms", "an extremist organization": the adjective or modifier is no party of its own
    assert _codes(analyze("Radical reforms were announced by the Polish government.", pipeline=pipeline)) == [
        ("Polish government", "POLGOV")]
    # (round 10: the banned organisation, the whole phrase, is the ban's target)
    assert _codes(analyze("The ministry banned an extremist organization.", pipeline=pipeline)) == [
        ("ministry", "GOV"), ("extremist organization", "RAD")]


# --- political movements: OPP; separatist movements REB (Phoenix RESISTANCE_MOVEMENT, SEPARATIST_MOVEMENT) ------

@pytest.mark.parametrize(("text", "expected"), [
    ("An Israeli peace movement met Palestinian officials.",
     [("Israeli peace movement", "ISROPP"), ("Palestinian officials", "PSEGOV")]),
    ("The Burmese pro-democracy movement called for talks.", [("Burmese movement", "MMROPP")]),
    ("A Chilean student movement marched through Santiago.", [("Chilean student movement", "CHLOPP")]),
    ("A Philippine separatist movement rejected the peace offer.",
     [("Philippine movement", "PHLREB")]),
])
def test_political_movements(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


def test_a_movement_that_is_no_group(pipeline: Pipeline) -> None:
    assert _codes(analyze("Chinese population movements slowed in March.", pipeline=pipeline)) == []
    assert [c for _, c in _codes(analyze("Russian troop movements worried the Estonian government.",
                                         pipeline=pipeline))] == ["ESTGOV"]


# --- a state's newspaper or broadcaster: MED with its country -------------------------------------------------

def test_a_states_newspaper(pipeline: Pipeline) -> None:
    assert _codes(analyze("A Syrian newspaper accused Israel of aggression.", pipeline=pipeline)) == [
        ("Syrian newspaper", "SYRMED"), ("Israel", "ISR")]
    assert _codes(analyze("An Egyptian broadcaster aired the speech.", pipeline=pipeline)) == [
        ("Egyptian broadcaster", "EGYMED")]


def test_a_newspaper_named_after_it_is_not_doubled(pipeline: Pipeline) -> None:
    # "the Syrian newspaper Tishreen": the outlet is the name; no second actor "Syrian newspaper"
    codes = [c for _, c in _codes(analyze("The Syrian newspaper Tishreen accused Israel of aggression.",
                                          pipeline=pipeline))]
    assert "SYRMED" not in codes


# --- a state's military named by its armed acts ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "actor", "events"), [
    ("U.S. military airstrikes killed 12 fighters in Somalia on Tuesday.", ("U.S. military", "USAMIL"),
     [("195", ["USAMIL"]), ("190", ["USAMIL"])]),
    ("Recent US Predator attacks have killed eight commanders since July.", ("US military", "USAMIL"),
     [("190", ["USAMIL"])]),
    # the verb's act is the noun's when both have the same parties: one event (events stage, round 8)
    ("Israeli airstrikes killed five people in Gaza.", ("Israeli military", "ISRMIL"),
     [("195", ["ISRMIL"])]),
    ("Russian missile strikes hit Kharkiv overnight.", ("Russian military", "RUSMIL"),
     [("195", ["RUSMIL"])]),
    # the words between are the force's: no second, bare "government" actor
    ("Syrian government airstrikes hit Idlib on Monday.", ("Syrian military", "SYRMIL"),
     [("195", ["SYRMIL"]), ("190", ["SYRMIL"])]),
])
def test_armed_acts_name_the_states_military(pipeline: Pipeline, text: str, actor: tuple[str, str],
                                             events: list[tuple[str, list[str]]]) -> None:
    doc = analyze(text, pipeline=pipeline)
    assert _codes(doc)[0] == actor
    assert _sources(doc) == events


@pytest.mark.parametrize("text", [
    "Kenyan attacks on the border were reported.",  # no force word: whose attacks is not said
    "US-led coalition airstrikes hit the town.",  # the coalition's, not the United States' own
    "Workers at the French plant began a strike.",
])
def test_acts_without_a_states_force(pipeline: Pipeline, text: str) -> None:
    assert not [c for _, c in _codes(analyze(text, pipeline=pipeline)) if c and c.endswith("MIL") and len(c) == 6]


def test_armed_act_force_helper(pipeline: Pipeline) -> None:
    from communique.stages.actors.find import armed_act_force

    sdoc = analyze("Israeli airstrikes and Kenyan attacks and army raids continued.", pipeline=pipeline).nlp
    assert [(t.text, armed_act_force(t)) for t in sdoc if armed_act_force(t) or t.lower_ in ("attacks",)] == [
        ("airstrikes", "MIL"), ("attacks", None), ("raids", "MIL")]


# --- abbreviated ranks the tokenizer splits ("Col" ".") ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Col. Ahmed Bashir said the troops had withdrawn.", [("Ahmed Bashir", "MIL"), ("troops", "MIL")]),
    ("The army said it was ready. Col. Ahmed Bashir said the troops had withdrawn.",
     [("army", "MIL"), ("Ahmed Bashir", "MIL"), ("troops", "MIL")]),
    ("Sudanese Col. Omar Idris visited Juba.", [("Omar Idris", "SDNMIL"), ("Juba", "SSDGOV")]),
    ("Lt. Col. Sara Mendes, a Brazilian officer, led the patrol.", [("Sara Mendes", "BRAMIL")]),
])
def test_split_abbreviated_ranks(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- an ally's own place: "X's militia ally in <country>" ------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Iran's militia allies in Iraq attacked the base.", [("militia", "IRQUAF"), ("Iraq", "IRQ")]),
    ("Russia's militia proxies in eastern Ukraine shelled Donetsk.", [("militia", "UKRUAF"), ("Ukraine", "UKR")]),
    ("Iran's proxy militias attacked the convoy.", [("proxy militias", "UAF")]),  # no place: no country
])
def test_an_ally_is_where_it_is(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- a collective placed by where it acts: "operating in", "active in" ----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Ethnic Albanian guerrillas operating in Macedonia handed over their weapons.",
     [("guerrillas", "MKDREB"), ("North Macedonia", "MKD")]),
    ("Rebels operating in northern Uganda attacked a village.", [("Rebels", "UGAREB"), ("Uganda", "UGA")]),
    ("Militants active in northern Mali burned the market.", [("Militants", "MLIUAF"), ("Mali", "MLI")]),
])
def test_a_collective_is_where_it_acts(pipeline: Pipeline, text: str,
                                       expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


def test_based_abroad_is_not_the_hosts(pipeline: Pipeline) -> None:
    # a group based abroad is not of its host country
    doc = analyze("Rebel leaders based in Nairobi rejected the plan.", pipeline=pipeline)
    assert not [c for _, c in _codes(doc) if c == "KENREB"]
