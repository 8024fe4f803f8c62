"""Build ``src/communique/knowledge/data/cameo.tsv`` from the shared reference tables.

Usage: ``python scripts/build_knowledge.py [--reference DIR] [--out FILE]``

Reads the GDELT CAMEO code and Goldstein tables, the per-root QuadClass variants
(the GDELT/py-gdelt column is used) and the 2021 CAMEO-to-PLOVER table, and writes
one row per CAMEO code: code, label, goldstein, quad_class, plover_type,
plover_mode, plover_context.  The output is committed; the package never reads
the reference folder at run time.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
DEFAULT_OUT = ROOT / "src" / "communique" / "knowledge" / "data" / "cameo.tsv"
COLUMNS = ("code", "label", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context")
QUAD_COLUMN = "quad_py-gdelt(01-05/06-08/09-13/14-20)"

# A label that swallowed the next line upstream: "...engagement106:[-5.0] Demand withdrawal".
_MERGED = re.compile(r"^(?P<label>.*?)(?P<code>\d{2,4}):\[(?P<goldstein>-?\d+(?:\.\d+)?)\]\s*(?P<rest>.+)$")
_PLOVER_LINE = re.compile(r"^(?P<code>\d{2,4}):(?P<body>[^#]*)")


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str | None
    context: str | None


def _clean(text: str) -> str:
    return " ".join(text.split())


def read_labels(path: Path) -> dict[str, str]:
    """CAMEO code -> label, splitting lines that merged two codes."""
    labels: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            if not line.strip():
                continue
            code, _, label = line.rstrip("\n").partition("\t")
            merged = _MERGED.match(label)
            if merged:
                labels[merged["code"]] = _clean(merged["rest"])
                label = merged["label"]
            labels[code.strip()] = _clean(label)
    return labels


def read_goldstein(path: Path) -> dict[str, float]:
    scores: dict[str, float] = {}
    with path.open(encoding="utf-8") as f:
        next(f)
        for line in f:
            if line.strip():
                code, value = line.split("\t")[:2]
                scores[code.strip()] = float(value)
    return scores


def read_quad_classes(path: Path) -> dict[str, int]:
    """Root code -> QuadClass, from the py-gdelt column of the variants table."""
    with path.open(encoding="utf-8") as f:
        header = f.readline().lstrip("#").strip().split("\t")
        column = header.index(QUAD_COLUMN)
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    return {row[0]: int(row[column]) for row in rows}


def _context(parts: list[str]) -> str | None:
    return ";".join(parts) if parts else None


def read_plover(path: Path, *, contexts: frozenset[str]) -> dict[str, Plover]:
    """CAMEO code -> PLOVER mapping; the first line for a code wins."""
    table: dict[str, Plover] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            match = _PLOVER_LINE.match(line.strip())
            if not match:
                continue
            fields = [field.strip() for field in match["body"].split(",")] + ["", ""]
            kind, mode, context = fields[0], fields[1] or None, fields[2]
            context_parts = [part.strip() for part in context.split(";") if part.strip()]
            if mode in contexts:  # a context written in the mode column (CAMEO 175)
                context_parts.insert(0, mode)
                mode = None
            table.setdefault(match["code"], Plover(kind, mode, _context(context_parts)))
    return table


# The 2021 table starts at root 03.  The PLOVER manual files CAMEO's APPEAL (02) under REQUEST, like
# DEMAND (10), with REQUEST's modes; MAKE PUBLIC STATEMENT (01) has no PLOVER type.  Our reading of
# the manual, applied only where the table is silent:
APPEAL_AS_REQUEST: dict[str, Plover] = {
    "02": Plover("REQUEST", None, None),
    "021": Plover("REQUEST", "assist", None),
    "022": Plover("REQUEST", None, "diplomatic"),
    "023": Plover("REQUEST", "assist", None),
    "024": Plover("REQUEST", "change", None),
    "025": Plover("REQUEST", "yield", None),
    "026": Plover("REQUEST", "meet", None),
    "027": Plover("REQUEST", "meet", None),
    "028": Plover("REQUEST", "meet", None),
}


# Where the 2021 table and the manual disagree, the manual's reading: its THREATEN entry for "threaten to occupy"
# puts an occupation that happened or is under way under ASSAULT, while the table files CAMEO 192 under
# COERCE/seize.  The PLOVER gold standard record set and PLV code carried-out captures of towns as ASSAULT too.
MANUAL_READINGS: dict[str, Plover] = {
    "192": Plover("ASSAULT", None, "military;territory"),
}


def _inherited(code: str, plover: dict[str, Plover]) -> Plover | None:
    for length in range(len(code), 1, -1):
        found = plover.get(code[:length]) or APPEAL_AS_REQUEST.get(code[:length])
        if found is not None:
            return found
    return None


def build_rows(reference: Path) -> list[dict[str, str]]:
    cameo = reference / "cameo"
    labels = read_labels(cameo / "GDELT_CAMEO.eventcodes.txt")
    goldstein = read_goldstein(cameo / "GDELT_CAMEO.goldsteinscale.txt")
    quads = read_quad_classes(cameo / "cameo_roots_quadclass_variants.tsv")
    ontology = json.loads((reference / "plover" / "plover_ontology_extracted.json").read_text(encoding="utf-8"))
    plover = read_plover(reference / "plover" / "CAMEO2PLOVER-2021.txt", contexts=frozenset(ontology["contexts"]))

    missing = sorted(set(labels) ^ set(goldstein))
    if missing:
        raise SystemExit(f"codes without both a label and a Goldstein score: {missing}")
    rows = []
    for code in sorted(labels):
        mapping = MANUAL_READINGS.get(code) or _inherited(code, plover)
        rows.append(
            {
                "code": code,
                "label": labels[code],
                "goldstein": f"{goldstein[code]:.1f}",
                "quad_class": str(quads[code[:2]]),
                "plover_type": mapping.type if mapping else "",
                "plover_mode": (mapping.mode or "") if mapping else "",
                "plover_context": (mapping.context or "") if mapping else "",
            }
        )
    return rows


def write_rows(rows: list[dict[str, str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    rows = build_rows(args.reference)
    write_rows(rows, args.out)
    print(f"wrote {len(rows)} CAMEO codes to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
