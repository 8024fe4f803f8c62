"""Score our event coding on sentence-level gold sets: the PLOVER GSR and two PETRARCH validation suites.

    python -m communique.evaluate.events_gold [--limit N] [--dataset NAME] [--shared PATH] [--kb FILE] [--verbs FILE]

Datasets (read from ``../shared`` at run time, never copied into the project):

* ``plover_gsr``: ``eval/plover_gsr/PLOVER_GSR_CAMEO.json``, CAMEO-manual sentences re-coded in PLOVER
  (source/target actors as ISO3 + sector, a PLOVER event type, no CAMEO code).  Its types are PLOVER
  0.5b1's; DEMAND, DISAPPROVE, INVESTIGATE and FIGHT are read as their 2021 successors REQUEST, ACCUSE,
  ACCUSE and ASSAULT, the types we output;
* ``petrarch2``: ``reference/petrarch2/PETR.UnitTest.records.xml``, PETRARCH-2 unit-test records;
* ``universalpetrarch``: ``reference/universalpetrarch/PETR_Validate_records_2_02.xml``, UD-PETRARCH's
  validation records (records marked ``evaluate="false"`` are left out, as UD-PETRARCH does).

Each gold sentence is coded on its own (published on the record's date when it has one).  An event of ours
"matches" a gold event of the same sentence when:

* root: the two-digit CAMEO roots agree (PLOVER type for gold without CAMEO codes);
* full: the whole CAMEO codes agree;
* root + countries: the root agrees, and for each side whose gold actors name a real country, one of
  our actors on that side has that country (either way round for reciprocal codes: 040, 041, 043, 044,
  046, 057, 19).  Reported over gold events with at least one country; old CAMEO/TABARI codes (UAR,
  UNK, JAP, ...) are mapped to ISO3; IGO/NGO/militant-group codes, ``---`` and the validation suites'
  fictional states (Arnor, Gondor, Eriador ...) are not countries.

The PETRARCH-2 unit-test codes are mostly WEIS codes from a KEDS-era test dictionary (that dictionary says so),
not CAMEO: its CAMEO figures are printed but measure little; UD-PETRARCH's records re-code the same sentences.

Recall is over gold events, precision over our events (share matching some gold event of its sentence
at root level; every event we code on a "no events" record is a false positive).  PETRARCH suites use a
few test-only codes (9xx synset codes, 345, 802): gold events whose root is not a CAMEO root (01-20)
are left out and counted.  The confusions list, per missed gold event, its root and the root of our
first event in the sentence (or MISSING).

Exit status 2 when the gold data folder is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_SHARED = Path(__file__).resolve().parents[4] / "shared"
PLOVER_GSR = Path("eval/plover_gsr/PLOVER_GSR_CAMEO.json")
PETRARCH2 = Path("reference/petrarch2/PETR.UnitTest.records.xml")
UNIVERSALPETRARCH = Path("reference/universalpetrarch/PETR_Validate_records_2_02.xml")
REFERENCE = "UniversalPetrarch on its English validation records: 68.3% true positives, 23.0% false positives"

SYMMETRIC_PREFIXES = ("040", "041", "043", "044", "046", "057", "19")
CAMEO_ROOTS = frozenset(f"{i:02d}" for i in range(1, 21))
MISSING = "MISSING"

# Old CAMEO / TABARI country codes that are not ISO 3166 alpha-3.
LEGACY_CODES = {
    "UAR": "EGY", "UNK": "GBR", "JAP": "JPN", "LEB": "LBN", "KUW": "KWT", "IVO": "CIV", "INS": "IDN",
    "BUL": "BGR", "LTH": "LTU", "NZE": "NZL", "GMY": "DEU", "ROM": "ROU", "SUD": "SDN", "TAW": "TWN",
}  # fmt: skip
# The GSR was coded in PLOVER 0.5b1 (2016); we output the 2021 types, which renamed or merged these.
PLOVER_2016_TO_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Codes of the PETRARCH validation suites' invented states that happen to be real ISO3 codes.
PETRARCH_FICTIONAL = frozenset({"ERI", "FRO"})


# -- gold and predictions ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldEvent:
    cameo: str | None  # "064"; None when the gold set has PLOVER types only
    plover: str | None  # "AGREE"
    source_countries: frozenset[str] = frozenset()
    target_countries: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    date: dt.date | None
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    cameo: str
    plover: str | None
    source_countries: frozenset[str] = frozenset()
    target_countries: frozenset[str] = frozenset()


@dataclass(slots=True)
class Result:
    sentences: int = 0
    gold_events: int = 0
    predicted: int = 0
    skipped_codes: int = 0  # gold events with a test-only code (root outside 01-20), left out
    cameo_gold: int = 0  # gold events with a CAMEO code
    root_hits: int = 0
    full_hits: int = 0
    country_gold: int = 0  # gold events (with CAMEO) naming at least one real country
    country_hits: int = 0
    plover_gold: int = 0  # gold events with a PLOVER type
    plover_hits: int = 0  # ... that one of our events in the sentence has
    plover_attempted: int = 0  # ... in sentences where we coded at least one event
    plover_country_hits: int = 0  # PLOVER type + countries, over plover_country_gold
    plover_country_gold: int = 0
    precise: int = 0  # our events matching some gold event of their sentence at root (or PLOVER) level
    confusions: dict[tuple[str, str], int] = field(default_factory=dict)


def _root(code: str | None) -> str | None:
    return code[:2] if code else None


def _countries_ok(g: GoldEvent, p: Predicted) -> bool:
    def side(want: frozenset[str], got: frozenset[str]) -> bool:
        return not want or bool(want & got)

    direct = side(g.source_countries, p.source_countries) and side(g.target_countries, p.target_countries)
    if direct or not (g.cameo or "").startswith(SYMMETRIC_PREFIXES):
        return direct
    return side(g.source_countries, p.target_countries) and side(g.target_countries, p.source_countries)


def _type_match(g: GoldEvent, p: Predicted) -> bool:
    """Root agreement, or PLOVER type agreement when the gold event has no CAMEO code."""
    if g.cameo:
        return _root(g.cameo) == _root(p.cameo)
    return g.plover is not None and g.plover == p.plover


def score(pairs: Iterable[tuple[GoldSentence, Sequence[Predicted]]]) -> Result:
    """Compare our events with the gold events, sentence by sentence (pure: no pipeline, no files)."""
    r = Result()
    confusions: Counter[tuple[str, str]] = Counter()
    for sentence, ours in pairs:
        r.sentences += 1
        r.predicted += len(ours)
        gold: list[GoldEvent] = []
        for g in sentence.events:
            if g.cameo is not None and _root(g.cameo) not in CAMEO_ROOTS:
                r.skipped_codes += 1
            else:
                gold.append(g)
        r.gold_events += len(gold)
        r.precise += sum(1 for p in ours if any(_type_match(g, p) for g in gold))
        for g in gold:
            typed = [p for p in ours if _type_match(g, p)]
            with_countries = any(_countries_ok(g, p) for p in typed)
            has_country = bool(g.source_countries or g.target_countries)
            if g.cameo:
                r.cameo_gold += 1
                r.root_hits += bool(typed)
                r.full_hits += any(p.cameo == g.cameo for p in ours)
                if has_country:
                    r.country_gold += 1
                    r.country_hits += with_countries
            if g.plover:
                r.plover_gold += 1
                hit = any(p.plover == g.plover for p in ours)
                r.plover_hits += hit
                r.plover_attempted += bool(ours)
                if has_country:
                    r.plover_country_gold += 1
                    r.plover_country_hits += hit and any(_countries_ok(g, p) for p in ours if p.plover == g.plover)
            if not typed:
                want = g.cameo[:2] if g.cameo else (g.plover or "?")
                got = (_root(ours[0].cameo) if g.cameo else ours[0].plover) if ours else MISSING
                confusions[(want, got or "None")] += 1
    r.confusions = dict(sorted(confusions.items(), key=lambda kv: (-kv[1], kv[0])))
    return r


# -- readers ----------------------------------------------------------------------------------------------------


def _iso3_set() -> frozenset[str]:
    from ..knowledge.countries import countries

    return frozenset(countries())


def gold_country(code: str | None, iso3: frozenset[str], fictional: frozenset[str] = frozenset()) -> str | None:
    """The ISO3 country a gold actor code begins with ("RUSMIL" -> "RUS"), or None for IGOs, NGOs, ..."""
    if not code:
        return None
    head = code.strip().upper()[:3]
    head = LEGACY_CODES.get(head, head)
    if head in fictional or head not in iso3:
        return None
    return head


def _clean(text: str) -> str:
    return " ".join(html.unescape(text).split())


def read_plover_gsr(path: Path, iso3: frozenset[str]) -> list[GoldSentence]:
    records = json.loads(path.read_text(encoding="utf-8"))

    def side(actors: Any) -> frozenset[str]:  # a list of {"code": "RUS", "sector": "GOV"}, "" or absent
        if not isinstance(actors, list):
            return frozenset()
        found = (gold_country(a.get("code"), iso3) for a in actors if isinstance(a, dict))
        return frozenset(c for c in found if c)

    out: list[GoldSentence] = []
    for rec in records:
        text = rec.get("text")
        if not text or rec.get("event") == "DOCUMENT":
            continue
        plover = PLOVER_2016_TO_2021.get(rec["event"], rec["event"])
        event = GoldEvent(None, plover, side(rec.get("source")), side(rec.get("target")))
        date = _parse_date(rec.get("date", ""))
        out.append(GoldSentence(rec["id"], _clean(text), date, (event,)))
    return out


_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>", re.S)
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _attrs(s: str) -> dict[str, str]:
    return {m.group(1): (m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(s)}


def _parse_date(value: str) -> dt.date | None:
    digits = value.replace("-", "")
    try:
        return dt.datetime.strptime(digits[:8], "%Y%m%d").date()
    except ValueError:
        return None


def read_petrarch(path: Path, iso3: frozenset[str]) -> list[GoldSentence]:
    """PETRARCH validation records (read with regexes: the UD-PETRARCH file is not well-formed XML).

    Records coded ``error=...`` (meant to fail) and ``evaluate="false"`` are left out; ``noevents`` records
    are kept with no gold events.
    """
    raw = _COMMENT.sub("", path.read_text(encoding="utf-8"))

    def country(code: str) -> frozenset[str]:  # '""' is a null actor
        found = gold_country(code.strip('"'), iso3, PETRARCH_FICTIONAL)
        return frozenset([found]) if found else frozenset()

    out: list[GoldSentence] = []
    for m in _SENTENCE.finditer(raw):
        attrs = _attrs(m.group(1))
        if attrs.get("evaluate", "true").lower() == "false":
            continue
        body = m.group(2)
        text_m = _TEXT.search(body)
        if not text_m:
            continue
        codings = [_attrs(c.group(1)) for c in _CODING.finditer(body)]
        if any("error" in c for c in codings):
            continue
        events = []
        for c in codings:
            if "eventcode" not in c:
                continue
            events.append(
                GoldEvent(c["eventcode"], None, country(c.get("sourcecode", "")), country(c.get("targetcode", "")))
            )
        out.append(
            GoldSentence(
                attrs.get("id", "?"), _clean(text_m.group(1)), _parse_date(attrs.get("date", "")), tuple(events)
            )
        )
    return out


NOTES = {
    "petrarch2": "its gold codes come from a KEDS-based test dictionary and are mostly WEIS, not CAMEO (see the header"
    " of PETR.Validate.verbs.txt), so CAMEO agreement is not expected; universalpetrarch holds the same"
    " sentences re-coded",
    "universalpetrarch": "its codes come from the validation dictionary, mostly CAMEO but not always"
    " (arrest = 212, artillery shells = 180)",
    "plover_gsr": "one gold event per sentence, ideal human codings (its readme: no known system would get all)",
}

DATASETS: dict[str, tuple[Path, Callable[[Path, frozenset[str]], list[GoldSentence]]]] = {
    "plover_gsr": (PLOVER_GSR, read_plover_gsr),
    "petrarch2": (PETRARCH2, read_petrarch),
    "universalpetrarch": (UNIVERSALPETRARCH, read_petrarch),
}


# -- running ----------------------------------------------------------------------------------------------------


def predict(sentences: Sequence[GoldSentence], pipeline: Any = None) -> list[list[Predicted]]:
    """Our events for each gold sentence, each sentence analysed as an article of its own."""
    from ..api import analyze_articles, default_pipeline
    from ..knowledge.cameo import lookup
    from ..read import make_article

    pipe = pipeline or default_pipeline()
    articles = [make_article(s.text, published=s.date) for s in sentences]
    out: list[list[Predicted]] = []
    for doc in analyze_articles(articles, pipeline=pipe):

        def countries(ids: list[str], doc: Any = doc) -> frozenset[str]:
            return frozenset(a.country for a in (doc.actor(i) for i in ids) if a is not None and a.country)

        # a planned or hypothetical event is scored by its announcement's code ("will visit" -> 036), as
        # CAMEO-coded gold codes it; an act supposed in a condition ("if Washington imposes sanctions") has no
        # announcement (intent None) and is left out
        out.append([Predicted(e.intent or e.cameo, lookup(e.intent).plover if e.intent else e.plover,
                              countries(e.source), countries(e.target)) for e in doc.events
                    if e.intent or e.status not in ("planned", "hypothetical")])
    return out


def _pct(hit: int, total: int) -> str:
    return f"{hit}/{total} = {hit / total:.1%}" if total else "n/a"


def report(name: str, r: Result, seconds: float, top: int = 10) -> str:
    cameo = r.cameo_gold > 0
    level = "root" if cameo else "PLOVER type"
    rows = [
        ("our events", str(r.predicted)),
        ("recall, CAMEO root", _pct(r.root_hits, r.cameo_gold) if cameo else "n/a (gold has no CAMEO codes)"),
        ("recall, full CAMEO code", _pct(r.full_hits, r.cameo_gold) if cameo else "n/a"),
        (
            "recall, root + countries",
            f"{_pct(r.country_hits, r.country_gold)} (of gold events naming a real country)" if cameo else "n/a",
        ),
    ]
    if r.plover_gold:
        rows += [
            ("recall, PLOVER type", _pct(r.plover_hits, r.plover_gold)),
            (
                "recall, PLOVER + countries",
                f"{_pct(r.plover_country_hits, r.plover_country_gold)} (of gold events naming a real country)",
            ),
            ("PLOVER type accuracy", f"{_pct(r.plover_hits, r.plover_attempted)} (gold events in sentences we coded)"),
        ]
    rows += [
        (f"precision ({level})", _pct(r.precise, r.predicted)),
        ("time", f"{seconds:.1f} s ({1000 * seconds / max(r.sentences, 1):.0f} ms/sentence)"),
    ]
    skipped = f" ({r.skipped_codes} with test-only codes left out)" if r.skipped_codes else ""
    lines = [f"== {name}: {r.sentences} gold sentences, {r.gold_events} gold events{skipped}"]
    lines += [f"{label + ':':<29}{value}" for label, value in rows]
    if r.confusions:
        lines.append(f"top confusions (gold {level} -> ours):")
        for (want, got), n in list(r.confusions.items())[:top]:
            lines.append(f"  {n:4d}  {want} -> {got}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    prog = "python -m communique.evaluate.events_gold"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences of each dataset")
    parser.add_argument("--kb", type=Path, action="append", default=[],
                        help="actor knowledge file (ours or a PETRARCH .actors dictionary); repeatable")
    parser.add_argument("--verbs", type=Path, action="append", default=[],
                        help="PETRARCH/TABARI verb dictionary merged after our trigger table; repeatable")
    parser.add_argument(
        "--dataset", choices=sorted(DATASETS), action="append", help="score only this dataset (repeatable); default all"
    )
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder holding eval/ and reference/")
    args = parser.parse_args(argv)

    names = args.dataset or list(DATASETS)
    missing = [args.shared / DATASETS[n][0] for n in names if not (args.shared / DATASETS[n][0]).is_file()]
    if missing:
        print(f"error: gold data not found: {', '.join(map(str, missing))}; pass --shared PATH", file=sys.stderr)
        return 2
    from ..api import default_pipeline

    iso3 = _iso3_set()
    pipe = default_pipeline(knowledge=tuple(args.kb), verbs=tuple(args.verbs))
    for name in names:
        rel, reader = DATASETS[name]
        sentences = reader(args.shared / rel, iso3)[: args.limit]
        t0 = time.perf_counter()
        predicted = predict(sentences, pipe)
        seconds = time.perf_counter() - t0
        print(report(name, score(zip(sentences, predicted, strict=True)), seconds))
        print(f"note: {NOTES[name]}.")
        print()
    print(f"reference: {REFERENCE}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
