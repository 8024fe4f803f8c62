"""Score the time stage against TimeML gold: TimeBank/AQUAINT (TBAQ-cleaned) and, optionally, MEANTIME.

Each gold document gives a document creation time (used as the publication date) and TIMEX3 tags.  We
run :func:`communique.stages.time.extract` on the raw text, with spaCy DATE entities from the real model,
and compare with the gold ``type="DATE"`` timexes:

* detection: precision, recall and F1, a match being any character overlap;
* value accuracy, compared as TimeML value strings: over every matched pair, whether our
  :attr:`~communique.model.Timex.timeml` equals the gold ``value`` (gold's trailing ``X`` placeholders are
  dropped first: ``19XX`` is the century ``19``); by our precision too;
* the older lenient figure: on matched pairs where we give a day, month or year value, whether the gold value
  agrees at that precision (ours ``1998-02`` against gold ``1998-02-05``); ``on_or_before`` values are checked
  for consistency (the gold date or week does not start after ours).

Usage::

    python -m communique.evaluate.timebank [--limit N] [--no-meantime] [--shared PATH]

Exit status 2 when the gold data folder is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Timex
from ..stages.nlp import DEFAULT_MODEL
from ..stages.time import extract

DEFAULT_SHARED = Path(__file__).resolve().parents[4] / "shared"
TIMEBANK = Path("eval/timebank_aquaint")
MEANTIME = Path("eval/meantime_en")
MEANTIME_ANNOTATED_SENTENCES = 6
DATELINE_TOKENS = 20  # a MEANTIME file without a CREATION_TIME: its dateline date starts within these tokens


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    dct: dt.date | None
    timexes: list[GoldTimex] = field(default_factory=list)


# -- readers ----------------------------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s[^>]*?)?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _date(value: str) -> dt.date | None:
    """An ISO date (``1998-02-05``, time of day ignored), or a day-month-year one (``03-02-2009``: one MEANTIME
    creation time is written so; its own relative dates, "last month" = January, read it as 3 February)."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value.strip())
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    except ValueError:
        return None


def read_timeml(path: Path) -> GoldDoc:
    """A TimeML (.tml) file: the text inside ``<TEXT>`` with tags stripped, its TIMEX3s and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"', raw)
    dct = _date(dct_match.group(1)) if dct_match else None
    body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
    pieces: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):  # closing tag
            if open_timex is not None:
                start, attrs = open_timex
                timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
                open_timex = None
        elif not m.group(4):
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
    pieces.append(html.unescape(body[pos:]))
    return GoldDoc(path.stem, "".join(pieces), dct, timexes)


_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "$", "``"}


def read_meantime(path: Path) -> GoldDoc:
    """A MEANTIME (NewsReader) file: tokens joined back into text, minus the headline and dateline.

    Only the headline and first five sentences of a MEANTIME article are annotated for time; the text stops there.
    """
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.get("sentence", ""), t.text or "") for t in root.iter("token")]
    markables = root.find("Markables")
    timex_elems = list(markables.iter("TIMEX3")) if markables is not None else []
    dct: dt.date | None = None
    skip_until = 0  # the headline (sentence 0) and the dateline are not body text
    index = {tid: i for i, (tid, _, _) in enumerate(tokens)}
    for el in timex_elems:
        if el.get("functionInDocument") == "CREATION_TIME":
            dct = _date(el.get("value", ""))
            anchors = [index[a.get("t_id", "")] for a in el.iter("token_anchor") if a.get("t_id") in index]
            if anchors:
                skip_until = max(anchors) + 1
    if dct is None:  # no CREATION_TIME: the dateline's date, the one the other timexes are anchored to
        anchored = {el.get("anchorTimeID") for el in timex_elems}
        for el in timex_elems:
            if el.get("m_id") in anchored and (day := _date(el.get("value", ""))) is not None:
                anchors = [index[a.get("t_id", "")] for a in el.iter("token_anchor") if a.get("t_id") in index]
                if anchors and min(anchors) < DATELINE_TOKENS:
                    dct, skip_until = day, max(anchors) + 1
                    timex_elems.remove(el)
                    break
    if not skip_until:
        skip_until = sum(1 for _, s, _ in tokens if s == "0")
    # time is annotated in the headline and the first five sentences only (sentences 0-5): the text stops there
    tokens = [t for t in tokens if not t[1].isdigit() or int(t[1]) < MEANTIME_ANNOTATED_SENTENCES]
    offsets: dict[str, tuple[int, int]] = {}
    text = ""
    prev_sentence = None
    prev_word = ""
    for tid, sentence, word in tokens[skip_until:]:
        if text:
            if sentence != prev_sentence:
                text += "\n"
            elif word not in _NO_SPACE_BEFORE and prev_word not in _NO_SPACE_AFTER:
                text += " "
        offsets[tid] = (len(text), len(text) + len(word))
        text += word
        prev_sentence, prev_word = sentence, word
    timexes: list[GoldTimex] = []
    for el in timex_elems:
        if el.get("functionInDocument") == "CREATION_TIME":
            continue
        spans = [offsets[a.get("t_id", "")] for a in el.iter("token_anchor") if a.get("t_id") in offsets]
        if spans:
            timexes.append(
                GoldTimex(min(s for s, _ in spans), max(e for _, e in spans), el.get("type", ""), el.get("value", ""))
            )
    return GoldDoc(path.stem, text, dct, timexes)


def timebank_docs(shared: Path) -> list[GoldDoc]:
    return [read_timeml(p) for p in sorted((shared / TIMEBANK).rglob("*.tml"))]


def meantime_docs(shared: Path) -> list[GoldDoc]:
    return [read_meantime(p) for p in sorted((shared / MEANTIME).rglob("*.xml"))]


# -- scoring ----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Scores:
    docs: int = 0
    gold: int = 0  # gold DATE timexes
    predicted: int = 0
    true_pos: int = 0  # predicted timexes overlapping a gold DATE
    any_timex: int = 0  # predicted timexes overlapping any gold TIMEX3 (DATE, TIME, DURATION, SET)
    found: int = 0  # gold DATEs overlapped by a prediction
    timeml_correct: int = 0  # matched predictions whose TimeML value string equals gold's
    timeml_compatible: int = 0  # ... or fills in gold's unknown placeholders (gold 1989-WXX, ours 1989-W43)
    valued: int = 0  # matched predictions with a day/month/year value
    correct: int = 0
    bounded: int = 0  # matched predictions with an on_or_before value
    consistent: int = 0
    undated: int = 0  # matched predictions without a value
    seconds: float = 0.0
    by_precision: dict[str, list[int]] = field(default_factory=dict)  # precision -> [TimeML correct, total]
    value_kinds: Counter[str] = field(default_factory=Counter)  # value misses by kind (see value_miss_kind)
    missed_kinds: Counter[str] = field(default_factory=Counter)  # gold DATEs we did not find, by kind
    extra_kinds: Counter[str] = field(default_factory=Counter)  # ours overlapping no gold DATE, by what they overlap
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_timeml(value: str) -> str:
    """A gold TimeML value with its trailing unknown placeholders dropped: ``19XX`` -> ``19``, ``1998-XX`` ->
    ``1998``; values with an unknown inside (``1989-WXX``, ``XXXX-03``) stay as they are and match nothing of ours."""
    v = re.sub(r"-W(\d)(?=$|-)", r"-W0\1", value.strip())  # "2000-W7" is week 07
    while True:
        trimmed = re.sub(r"(?:-X+|(?<=\d)X+)$", "", v)
        if trimmed == v:
            return v
        v = trimmed


def compatible(ours: str, gold: str) -> bool:
    """Does our value fill in gold's ``X`` placeholders (gold ``1989-WXX``, ours ``1989-W43``; gold
    ``1998-12-XX``, ours ``1998-12-05``)?  Only when gold has a known year and some placeholder."""
    g = gold_timeml(gold)
    if "X" not in gold or not re.match(r"\d{4}", g):
        return False
    if "X" not in g:  # gold 1998-12-XX: ours 1998-12-05 fills it in
        return ours.startswith(g + "-")
    return re.fullmatch(re.escape(g).replace("X", "[0-9]") + r"\d?", ours) is not None


def value_miss_kind(ours: str, gold: str, precision: str) -> str:
    """The kind of a value miss, for the error table: ``gold placeholder`` (gold ``1989-WXX``, ``1998-10-XX``),
    ``gold duration`` (gold ``P1W``), ``part of day`` (gold ``2000-01-05TNI``), ``reference`` (one side a
    ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``), ``week number`` (both ISO weeks, numbered apart), ``year off``
    (the same month, quarter or day of another year), ``day off`` (both days, another day), ``ours finer`` /
    ``ours coarser`` (another precision), else ``other``."""
    g = gold_timeml(gold)
    if "X" in gold:
        return "gold placeholder"
    if gold.startswith("P") and not gold.endswith("_REF"):
        return "gold duration"
    if re.search(r"T(?:MO|AF|EV|NI|\d)", gold):
        return "part of day"
    if gold.endswith("_REF") or ours.endswith("_REF"):
        return "reference"
    if re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", ours) and re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", g):
        return "week number"
    if len(ours) == len(g) and ours[:4] != g[:4] and ours[4:] == g[4:]:
        return "year off"
    if precision == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", g):
        return "day off"
    if len(ours) == len(g):
        return "other"
    return "ours finer" if len(ours) > len(g) else "ours coarser"


_ANAPHOR = re.compile(r"(?:the |that |this |which |its )?(?:\w+ )?(?:day|days|week|weeks|time|period|quarter|year)")


def missed_kind(text: str, gold: GoldTimex) -> str:
    """The kind of a gold DATE we did not find: ``reference word`` (gold ``PAST_REF``/``PRESENT_REF``/
    ``FUTURE_REF``: "soon", "future", "already"), ``duration as date`` (gold ``P...``: "single-day"),
    ``anaphor`` (a bare "day", "week", "the time", "that quarter" the gold dates from the story), else ``other``."""
    quoted = text[gold.start : gold.end].lower()
    if gold.value.endswith("_REF"):
        return "reference word"
    if gold.value.startswith("P"):
        return "duration as date"
    if _ANAPHOR.fullmatch(quoted):
        return "anaphor"
    return "other"


def _fmt(t: Timex) -> str:
    assert t.value is not None
    if t.precision == "year":
        return f"{t.value.year:04d}"
    if t.precision == "month":
        return f"{t.value.year:04d}-{t.value.month:02d}"
    return t.value.isoformat()


def _gold_start(value: str) -> dt.date | None:
    """The first day of a gold value (``1998-02-05``, ``1998-02``, ``1998``, ``1998-W05``), if it names one."""
    if m := re.fullmatch(r"(\d{4})-W(\d{1,2})(?:-WE)?", value):
        try:
            return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
    if m := re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value):
        try:
            return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            return None
    return None


def score(docs: Iterable[GoldDoc], nlp: Any, *, keep_errors: int = 30) -> Scores:
    """Run ``extract`` over the gold documents and compare (``nlp`` gives the DATE entities)."""
    s = Scores()
    for doc in docs:
        s.docs += 1
        sdoc = nlp(doc.text)
        ents = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
        t0 = time.perf_counter()
        ours = extract(doc.text, ents=ents, published=doc.dct)
        s.seconds += time.perf_counter() - t0
        gold_dates = [g for g in doc.timexes if g.type == "DATE"]
        s.gold += len(gold_dates)
        s.predicted += len(ours)
        for g in gold_dates:
            if any(t.span.start < g.end and g.start < t.span.end for t in ours):
                s.found += 1
            else:
                s.missed_kinds[missed_kind(doc.text, g)] += 1
        for t in ours:
            other = next((g for g in doc.timexes if t.span.start < g.end and g.start < t.span.end), None)
            s.any_timex += other is not None
            match = next((g for g in gold_dates if t.span.start < g.end and g.start < t.span.end), None)
            if match is None:
                s.extra_kinds[f"gold {other.type}" if other is not None else "no gold timex"] += 1
                continue
            s.true_pos += 1
            quoted = doc.text[t.span.start : t.span.end]
            exact = t.timeml == gold_timeml(match.value)
            s.timeml_correct += exact
            s.timeml_compatible += exact or compatible(t.timeml, match.value)
            tally = s.by_precision.setdefault(t.precision, [0, 0])
            tally[0] += exact
            tally[1] += 1
            if not exact:
                s.value_kinds[value_miss_kind(t.timeml, match.value, t.precision)] += 1
            if not exact and len(s.errors) < keep_errors:
                s.errors.append(f"{doc.name}: {quoted!r} -> {t.timeml} ({t.precision}), gold {match.value}")
            if t.value is None:
                s.undated += 1
            elif t.precision == "on_or_before":
                s.bounded += 1
                start = _gold_start(match.value)
                s.consistent += start is not None and start <= t.value
            elif t.precision in ("day", "month", "year"):
                s.valued += 1
                s.correct += match.value.startswith(_fmt(t))
    return s


def report(name: str, s: Scores) -> str:
    lines = [
        f"== {name}: {s.docs} documents",
        f"gold DATE timexes:   {s.gold}",
        f"predicted timexes:   {s.predicted} ({s.any_timex} overlap some gold TIMEX3 of any type)",
        f"detection (overlap): P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}",
        f"value accuracy:      {s.timeml_correct}/{s.true_pos} = "
        f"{s.timeml_correct / s.true_pos if s.true_pos else 0:.3f} (TimeML value strings, all matched)",
        f"value compatible:    {s.timeml_compatible}/{s.true_pos} = "
        f"{s.timeml_compatible / s.true_pos if s.true_pos else 0:.3f} (also where ours fills in gold's XX)",
    ]
    for precision, (ok, total) in sorted(s.by_precision.items()):
        lines.append(f"  {precision:<12} {ok}/{total} = {ok / total:.3f}")
    lines.append(
        f"lenient accuracy:    {s.correct}/{s.valued} = {s.correct / s.valued if s.valued else 0:.3f}"
        " on matched day/month/year values (gold agrees at our precision)"
    )
    lines.append(f"on_or_before:        {s.consistent}/{s.bounded} consistent with gold")
    lines.append(f"matched but undated: {s.undated}")
    for title, kinds in (
        ("value misses by kind", s.value_kinds),
        ("gold DATEs missed by kind", s.missed_kinds),
        ("ours not on a gold DATE", s.extra_kinds),
    ):
        lines.append(f"{title + ':':<26}" + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    per_doc = 1000 * s.seconds / s.docs if s.docs else 0.0
    lines.append(f"extract time:        {per_doc:.2f} ms per document (spaCy parse excluded)")
    return "\n".join(lines)


def evaluate(shared: Path, *, limit: int | None = None, meantime: bool = True, errors: int = 0) -> list[str]:
    """Report lines for TimeBank+AQUAINT and (when present and wanted) MEANTIME.  Raises FileNotFoundError when
    ``shared/eval/timebank_aquaint`` is missing."""
    if not (shared / TIMEBANK).is_dir():
        raise FileNotFoundError(f"{shared / TIMEBANK}: gold data not found (pass the folder holding eval/)")
    import spacy

    nlp = spacy.load(DEFAULT_MODEL, exclude=["parser", "lemmatizer", "attribute_ruler"])
    corpora = [("TimeBank+AQUAINT (TBAQ-cleaned)", timebank_docs(shared))]
    if meantime and (shared / MEANTIME).is_dir():
        corpora.append(("MEANTIME English", meantime_docs(shared)))
    lines = []
    for name, docs in corpora:
        s = score(docs[:limit] if limit else docs, nlp, keep_errors=errors)
        lines.append(report(name, s))
        lines += [f"  x {e}" for e in s.errors]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m communique.evaluate.timebank", description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents of each corpus")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder holding eval/ (../shared)")
    parser.add_argument("--no-meantime", action="store_true", help="skip the MEANTIME corpus")
    parser.add_argument("--errors", type=int, default=0, help="show up to N value errors per corpus")
    args = parser.parse_args(argv)

    if not (args.shared / TIMEBANK).is_dir():
        print(f"error: gold data not found at {args.shared / TIMEBANK}; pass --shared PATH", file=sys.stderr)
        return 2
    import spacy

    nlp = spacy.load(DEFAULT_MODEL, exclude=["parser", "lemmatizer", "attribute_ruler"])
    corpora = [("TimeBank+AQUAINT (TBAQ-cleaned)", timebank_docs(args.shared))]
    if not args.no_meantime and (args.shared / MEANTIME).is_dir():
        corpora.append(("MEANTIME English", meantime_docs(args.shared)))
    for name, docs in corpora:
        s = score(docs[: args.limit] if args.limit else docs, nlp, keep_errors=args.errors)
        print(report(name, s))
        for line in s.errors:
            print("  x", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
