from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from communique.knowledge.cameo import CameoEntry, cameo_table, lookup, root

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared" / "reference"
PACKAGED = ROOT / "src" / "communique" / "knowledge" / "data" / "cameo.tsv"


def test_lookup_visit() -> None:
    assert lookup("042") == CameoEntry(
        code="042",
        label="Make a visit",
        goldstein=1.9,
        quad_class=1,
        plover="CONSULT",
        plover_mode="visit",
        plover_context=None,
    )


def test_lookup_with_several_contexts() -> None:
    assert lookup("094") == CameoEntry(
        code="094",
        label="Investigate war crimes",
        goldstein=-2.0,
        quad_class=3,
        plover="ACCUSE",
        plover_mode="investigate",
        plover_context="military;legal",
    )


def test_root_with_two_plover_lines_takes_the_first() -> None:
    assert lookup("08") == CameoEntry("08", "YIELD", 5.0, 2, "CONCEDE", None, None)
    assert lookup("1056") == CameoEntry(
        "1056", "Demand de-escalation of military engagement", -5.0, 3, "REQUEST", "yield", "military"
    )


def test_statements_have_no_plover_type_appeals_are_requests() -> None:
    assert lookup("010") == CameoEntry("010", "Make statement, not specified below", 0.0, 1, None, None, None)
    assert (lookup("0233").plover, lookup("0233").plover_mode) == ("REQUEST", "assist")
    assert (lookup("026").plover, lookup("026").plover_mode) == ("REQUEST", "meet")


def test_merged_upstream_line_gives_106_its_own_row() -> None:
    assert lookup("106") == CameoEntry("106", "Demand withdrawal", -5.0, 3, "REQUEST", "meet", "diplomatic")


def test_context_written_in_mode_column_is_moved() -> None:
    assert lookup("175") == CameoEntry(
        "175", "Use tactics of violent repression", -9.0, 4, "ASSAULT", None, "pro_autocracy;military"
    )


def test_quad_class_follows_gdelt_roots() -> None:
    table = cameo_table()
    expected = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2)}
    expected |= {**dict.fromkeys(range(9, 14), 3), **dict.fromkeys(range(14, 21), 4)}
    assert {int(code[:2]): entry.quad_class for code, entry in table.items()} == expected
    assert len(table) == 311


def test_unknown_code_raises_key_error_with_hint() -> None:
    with pytest.raises(KeyError, match="unknown CAMEO code '99'"):
        lookup("99")
    with pytest.raises(KeyError, match="leading zero"):
        lookup("42")


def test_root() -> None:
    assert [root("0831"), root("19"), root("204")] == ["08", "19", "20"]
    with pytest.raises(KeyError):
        root("9")


def test_table_is_cached() -> None:
    assert cameo_table() is cameo_table()


def test_packaged_table_matches_a_fresh_build(tmp_path: Path) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"reference data not found at {SHARED.resolve()}; cannot cross-check cameo.tsv")
    out = tmp_path / "cameo.tsv"
    script = ROOT / "scripts" / "build_knowledge.py"
    subprocess.run([sys.executable, str(script), "--reference", str(SHARED), "--out", str(out)], check=True)
    assert out.read_text(encoding="utf-8") == PACKAGED.read_text(encoding="utf-8")


def test_goldstein_matches_gdelt_table() -> None:
    path = SHARED / "cameo" / "GDELT_CAMEO.goldsteinscale.txt"
    if not path.is_file():
        pytest.skip(f"reference data not found at {path.resolve()}; cannot cross-check Goldstein scores")
    with path.open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    assert {code: entry.goldstein for code, entry in cameo_table().items()} == {c: float(g) for c, g in rows}
