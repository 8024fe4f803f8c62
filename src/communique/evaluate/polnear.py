"""Score quote and attribution extraction against PolNeAR (Political News Attribution Relations).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates, in US election news of 2015-2016, every
attribution as a *source*, a *cue* and a *content* span (brat standoff; a content may be discontinuous).
Each article is run through the whole pipeline with its publication date from ``metadata.tsv``; the raw
text keeps its headline line (``title="x"``), and our offsets index the raw file as read.  Articles
annotated by several annotators are scored against the first annotation file (by annotator id).  We report:

* quotes: gold contents that are direct quotes (containing or delimited by quote marks): recall of our
  ``doc.quotes`` (any character overlap), and the precision of our quotes against every gold content;
* speakers: for found quotes whose gold attribution has a source, whether our source span overlaps the gold
  source; "lenient" accepts any mention of our speaker actor.  PolNeAR is univocal (each token belongs to
  one attribution), so a quote nested in another attribution ("Ruiz said Berg had called the plan “a
  disaster”") is annotated with the outermost source only: our source span is the quote's
  ``reported_by_span`` when it has one (Ruiz), else its ``speaker_span`` (else the mention of the speaker
  actor nearest the quote);
* anonymity: PolNeAR does not mark anonymous sources, so a lexical *proxy* on the gold source text ("a
  source", "senior officials", "people familiar with ...") is compared with our ``anonymous`` flags;
* attributions: our ``doc.attributions`` spans against gold source spans (precision and recall by overlap,
  recall also by the kind of cue);

and the most common failure patterns, each with one example given by offsets into the raw file.

Usage::

    python -m communique.evaluate.polnear [--split dev|train] [--limit N] [--patterns N] [--shared PATH]

Exit status 2 when the gold data folder is missing.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_SHARED = Path(__file__).resolve().parents[4] / "shared"
POLNEAR = Path("eval/polnear")

Range = tuple[int, int]


@dataclass(slots=True)
class GoldAttribution:
    id: str
    sources: list[Range] = field(default_factory=list)
    cues: list[Range] = field(default_factory=list)
    contents: list[Range] = field(default_factory=list)  # fragments of one (possibly discontinuous) content


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str  # the raw article file, headline line included: gold offsets index it
    published: dt.date | None = None
    attributions: list[GoldAttribution] = field(default_factory=list)
    ignored: list[Range] = field(default_factory=list)  # Discard / Discuss regions


@dataclass(slots=True)
class PredQuote:
    start: int
    end: int
    has_speaker: bool = False
    speaker_span: Range | None = None  # our speaker_span, else the speaker's mention nearest the quote
    speaker_mentions: list[Range] = field(default_factory=list)  # every mention of the speaker actor
    anonymous: bool = False


@dataclass(slots=True)
class PredAttribution:
    start: int
    end: int
    anonymous: bool = False
    kind: str = "source"


@dataclass(slots=True)
class Prediction:
    quotes: list[PredQuote] = field(default_factory=list)
    attributions: list[PredAttribution] = field(default_factory=list)
    unspanned_attributions: int = 0


@dataclass
class Result:
    docs: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    patterns: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)  # first example of each pattern, offsets only

    def fail(self, pattern: str, example: str) -> None:
        self.patterns[pattern] += 1
        self.examples.setdefault(pattern, example)

    def merge(self, other: Result) -> None:
        self.docs += other.docs
        self.counts.update(other.counts)
        self.patterns.update(other.patterns)
        for k, v in other.examples.items():
            self.examples.setdefault(k, v)


# -- reading ----------------------------------------------------------------------------------------------------

_T_LINE = re.compile(r"^(T\d+)\t([A-Za-z-]+) (\d+ \d+(?:;\d+ \d+)*)\t", re.M)
_E_LINE = re.compile(r"^(E\d+)\t(.*)$", re.M)


def parse_ann(ann: str) -> tuple[list[GoldAttribution], list[Range]]:
    """Attributions (E lines joining Source/Cue/Content text-bound annotations) and Discard/Discuss regions."""
    spans: dict[str, tuple[str, list[Range]]] = {}
    for m in _T_LINE.finditer(ann):
        parts = [(int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))]
        spans[m.group(1)] = (m.group(2), parts)
    ignored = [r for kind, parts in spans.values() if kind in ("Discard", "Discuss") for r in parts]
    out: list[GoldAttribution] = []
    for m in _E_LINE.finditer(ann):
        ga = GoldAttribution(m.group(1))
        for arg in m.group(2).split():
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789")
            if ref not in spans:
                continue
            if role == "Source":
                ga.sources += spans[ref][1]
            elif role == "Cue":
                ga.cues += spans[ref][1]
            elif role == "Content":
                ga.contents += spans[ref][1]
        out.append(ga)
    return out, ignored


def read_metadata(root: Path) -> dict[str, dict[str, str]]:
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def gold_docs(root: Path, split: str, limit: int | None = None) -> list[GoldDoc]:
    """The articles of one split in name order, each with its first annotator's attributions."""
    meta = read_metadata(root)
    anns: dict[str, Path] = {}
    for p in sorted((root / split / "attributions").glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], p)
    docs: list[GoldDoc] = []
    for name in sorted(anns):
        text_path = root / split / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        attributions, ignored = parse_ann(anns[name].read_text(encoding="utf-8"))
        row = meta.get(name, {})
        try:
            published: dt.date | None = dt.date.fromisoformat(row.get("publication_date", ""))
        except ValueError:
            published = None
        docs.append(GoldDoc(name, text_path.read_text(encoding="utf-8"), published, attributions, ignored))
        if limit is not None and len(docs) >= limit:
            break
    return docs


# -- gold categories --------------------------------------------------------------------------------------------

OPEN_MARKS = "“\"‘'"
CLOSE_MARKS = "”\"’'"
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "us", "me", "his",
                      "who", "this", "that", "one"})
ANON_NOUNS = re.compile(
    r"\b(sources?|officials?|aides?|insiders?|advisers?|advisors?|people|person|someone|individuals?|"
    r"operatives?|staffers?|allies|confidants?|strategists?|members?|diplomats?)\b", re.I)
_ANON_STOP = re.compile(r"\b(close|familiar|with|who|in|at|on|from|of|knowledgeable|briefed|involved)\b", re.I)


def _has_mark(s: str) -> bool:
    """Does ``s`` hold a quote mark?  (A ’ or ' after a letter is an apostrophe, not an opening mark.)"""
    return any(c in s for c in "“”\"‘") or bool(re.search(r"(?<![A-Za-z0-9])['’](?=[A-Za-z])", s))


def _among(ch: str, marks: str) -> bool:
    return bool(ch) and ch in marks


def quote_kind(text: str, contents: list[Range]) -> str | None:
    """``"full"`` when the content is delimited by quote marks, ``"mixed"`` when it only holds some, else None."""
    if not contents:
        return None
    start, end = min(s for s, _ in contents), max(e for _, e in contents)
    inner = text[start:end].strip()
    before = text[max(0, start - 3) : start].rstrip(" \t\u00a0")[-1:]  # not across a line break
    after = text[end : end + 4].lstrip(" \t\u00a0,.;:?!")[:1]
    opens = _among(inner[:1], OPEN_MARKS) or _among(before, OPEN_MARKS)
    closes = _among(inner[-1:], CLOSE_MARKS) or _among(inner[-2:-1], CLOSE_MARKS) or _among(after, CLOSE_MARKS)
    if (opens and closes) or _among(inner[:1], "“\"") or _among(before, "“\""):
        return "full"
    if any(_has_mark(text[s:e]) for s, e in contents):
        return "mixed"
    return None


def _words(s: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9’']+", s)


def is_pronoun(text: str) -> bool:
    w = _words(text)
    return len(w) == 1 and w[0].lower() in PRONOUNS


def anonymous_proxy(text: str) -> bool:
    """A lexical stand-in for "anonymous source": an unnamed-people noun and no name before the modifiers."""
    m = ANON_NOUNS.search(text)
    if m is None:
        return False
    if re.search(r"\bspokes(?:man|woman|person)\b", text, re.I):
        return False
    tail = text[m.end() :]
    stop = _ANON_STOP.search(tail)
    tail = tail[: stop.start()] if stop else tail
    return not re.search(r"\b[A-Z][a-z]+", tail)


def cue_class(text: str) -> str:
    t = text.lower()
    if "according" in t:
        return "according to"
    if re.search(r"\b(citing|cited|cites|quoting|quoted)\b", t):
        return "citing/quoting"
    if re.search(r"\breport", t):
        return "report"
    if re.search(r"\b(say|says|said|saying|tell|tells|told|telling)\b", t):
        return "say/tell"
    if t.strip() == ":" or re.search(r"\b(add|wr[io]te|writes|writing|not[ei]|ask|announc|argu|continu|claim|tweet|"
                                     r"stat[ei]|explain|declar|recall|conclud|acknowledg|insist|warn|stress|"
                                     r"respond|repl[iy]|describ|call|criticiz|prais|urg|told|added|adding)", t):
        return "other speech verb"
    return "other (thought, finding, stance)"


# -- scoring ----------------------------------------------------------------------------------------------------


def _ov(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _any_ov(a: Range, bs: Iterable[Range]) -> bool:
    return any(_ov(a, b) for b in bs)


def _overlap_len(a: Range, bs: Iterable[Range]) -> int:
    return sum(max(0, min(a[1], b[1]) - max(a[0], b[0])) for b in bs)


def _r(spans: Sequence[Range]) -> str:
    return ";".join(f"{s}-{e}" for s, e in spans) or "-"


def score_doc(gold: GoldDoc, pred: Prediction) -> Result:
    """Compare one article's predictions with its gold annotation (pure: no spaCy, no files)."""
    res = Result(docs=1)
    c = res.counts
    text = gold.text
    where = gold.name
    all_contents = [r for ga in gold.attributions for r in ga.contents]
    all_sources = [r for ga in gold.attributions for r in ga.sources]

    # (a) direct quotes: recall on quoted gold contents, precision of ours against all gold contents
    for ga in gold.attributions:
        kind = quote_kind(text, ga.contents)
        if kind is None:
            continue
        c["gold quotes"] += 1
        c[f"gold quotes {kind}"] += 1
        ours = [q for q in pred.quotes if _any_ov((q.start, q.end), ga.contents)]
        desc = f"{where}: gold content {_r(ga.contents)} source {_r(ga.sources)}"
        if not ours:
            if kind == "mixed":
                marked = re.findall(r"[“\"‘]([^”\"’]*)[”\"’]", "".join(text[s:e] for s, e in ga.contents))
                short = all(len(_words(m)) < 2 for m in marked) if marked else True
                res.fail("quote missed: quote marks only around one word inside a paraphrase" if short
                         else "quote missed: quoted phrase inside a paraphrase", desc)
            elif "''" in text[max(0, ga.contents[0][0] - 2) : ga.contents[-1][1] + 2]:
                res.fail("quote missed: two apostrophes ('') used as quote marks", desc)
            elif len(_words(" ".join(text[s:e] for s, e in ga.contents))) < 2:
                res.fail("quote missed: fully quoted single word", desc)
            elif any("\n" in text[s:e].strip() for s, e in ga.contents):
                res.fail("quote missed: fully quoted, spans a paragraph break", desc)
            else:
                res.fail("quote missed: fully quoted content", desc)
            continue
        c["gold quotes found"] += 1
        c[f"gold quotes {kind} found"] += 1
        q = max(ours, key=lambda q: _overlap_len((q.start, q.end), ga.contents))
        desc += f"; our quote {q.start}-{q.end} speaker {_r([q.speaker_span] if q.speaker_span else [])}"
        # (b) speaker
        if not ga.sources:
            c["found quotes without gold source"] += 1
            if q.has_speaker:
                res.fail("speaker given where the gold attribution has no source", desc)
            else:
                c["no-source quotes left without speaker"] += 1
            continue
        c["speaker scored"] += 1
        c[f"speaker scored {kind}"] += 1
        pronoun = all(is_pronoun(text[s:e]) for s, e in ga.sources)
        if pronoun:
            c["speaker scored, gold source a pronoun"] += 1
        if not q.has_speaker:
            where_q = "fully quoted" if kind == "full" else "quote marks inside a paraphrase"
            res.fail(f"speaker missing, {where_q} (gold source is a pronoun)" if pronoun
                     else f"speaker missing, {where_q} (gold source is a name or description)", desc)
        elif q.speaker_span is not None and _any_ov(q.speaker_span, ga.sources):
            c["speaker correct"] += 1
            c[f"speaker correct {kind}"] += 1
            c["speaker correct lenient"] += 1
        else:
            lenient = any(_any_ov(m, ga.sources) for m in q.speaker_mentions)
            c["speaker correct lenient"] += lenient
            if pronoun:
                res.fail("speaker span off: gold source is a pronoun" + (" (our actor right)" if lenient else ""),
                         desc)
            elif lenient:
                res.fail("speaker span off: our actor right, another of its mentions", desc)
            elif q.speaker_span is not None and _any_ov(q.speaker_span, ga.contents):
                res.fail("speaker wrong: our speaker is inside the quote", desc)
            elif q.speaker_span is not None and "\n" in text[min(q.speaker_span[1], q.start) :
                                                             max(q.speaker_span[0], q.end)]:
                res.fail("speaker wrong: ours across a paragraph break (carried over?)", desc)
            else:
                res.fail("speaker wrong: another actor in the sentence", desc)
        # (c) anonymity, against the lexical proxy
        gold_anon = any(anonymous_proxy(text[s:e]) for s, e in ga.sources)
        c["quote anonymity scored"] += 1
        c["quote anonymity agrees"] += gold_anon == q.anonymous
        c["quote anonymous gold (proxy)"] += gold_anon
        c["quote anonymous ours"] += q.anonymous
        c["quote anonymous both"] += gold_anon and q.anonymous
        if gold_anon and not q.anonymous:
            res.fail("anonymous source not flagged (proxy)", desc)
        elif q.anonymous and not gold_anon:
            res.fail("quote flagged anonymous, gold source named (proxy)", desc)

    for q in pred.quotes:
        span = (q.start, q.end)
        if _any_ov(span, all_contents):
            c["our quotes"] += 1
            c["our quotes in a gold content"] += 1
        elif _any_ov(span, gold.ignored):
            c["our quotes in discarded regions"] += 1
        else:
            c["our quotes"] += 1
            desc = f"{where}: our quote {q.start}-{q.end}"
            if "\n" not in text[: q.start]:
                res.fail("false quote: in the headline line", desc)
            elif len(_words(text[q.start : q.end])) <= 4:
                res.fail("false quote: a short quoted phrase (title, name, scare quote)", desc)
            else:
                res.fail("false quote: long quote the annotators did not attribute", desc)

    # (d) attributions against gold sources
    for ga in gold.attributions:
        if not ga.sources:
            continue
        cls = cue_class(" ".join(text[s:e] for s, e in ga.cues))
        c["gold sources"] += 1
        c[f"gold sources cue {cls}"] += 1
        hit = [a for a in pred.attributions if _any_ov((a.start, a.end), ga.sources)]
        if hit:
            c["gold sources found"] += 1
            c[f"gold sources cue {cls} found"] += 1
            gold_anon = any(anonymous_proxy(text[s:e]) for s, e in ga.sources)
            c["attribution anonymity scored"] += 1
            c["attribution anonymity agrees"] += gold_anon == hit[0].anonymous
            c["attribution anonymous gold (proxy)"] += gold_anon
            c["attribution anonymous ours"] += hit[0].anonymous
            c["attribution anonymous both"] += gold_anon and hit[0].anonymous
        elif cls in ("according to", "citing/quoting", "report"):
            res.fail(f"gold source missed: cue '{cls}'",
                     f"{where}: gold source {_r(ga.sources)} cue {_r(ga.cues)}")
    c["our attributions unspanned"] += pred.unspanned_attributions
    for a in pred.attributions:
        c["our attributions"] += 1
        span = (a.start, a.end)
        if _any_ov(span, all_sources):
            c["our attributions on a gold source"] += 1
            continue
        desc = f"{where}: our attribution {a.start}-{a.end} ({a.kind})"
        if _any_ov(span, all_contents):
            res.fail("attribution inside a gold content (nested or misread source)", desc)
        else:
            res.fail("attribution with no gold source", desc)
    return res


def score(pairs: Iterable[tuple[GoldDoc, Prediction]]) -> Result:
    total = Result()
    for gold, pred in pairs:
        total.merge(score_doc(gold, pred))
    return total


def _ratio(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.3f}" if d else f"{n}/0 = -"


def figures(res: Result) -> dict[str, float | None]:
    """The headline rates (None where there is nothing to divide by)."""
    c = res.counts

    def rate(n: str, d: str) -> float | None:
        return c[n] / c[d] if c[d] else None

    p, r = rate("our quotes in a gold content", "our quotes"), rate("gold quotes found", "gold quotes")
    ap = rate("our attributions on a gold source", "our attributions")
    ar = rate("gold sources found", "gold sources")
    return {
        "quote precision": p,
        "quote recall": r,
        "quote f1": 2 * p * r / (p + r) if p and r else None,
        "speaker accuracy": rate("speaker correct", "speaker scored"),
        "speaker accuracy lenient": rate("speaker correct lenient", "speaker scored"),
        "attribution precision": ap,
        "attribution recall": ar,
        "attribution f1": 2 * ap * ar / (ap + ar) if ap and ar else None,
    }


def report(res: Result, *, patterns: int = 10) -> str:
    c = res.counts
    f = figures(res)

    def fmt(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    lines = [
        f"documents: {res.docs}",
        "(a) direct quotes (gold contents containing or delimited by quote marks; overlap)",
        f"  recall:    {_ratio(c['gold quotes found'], c['gold quotes'])}"
        f"  [fully quoted {_ratio(c['gold quotes full found'], c['gold quotes full'])};"
        f" marks inside a paraphrase {_ratio(c['gold quotes mixed found'], c['gold quotes mixed'])}]",
        f"  precision: {_ratio(c['our quotes in a gold content'], c['our quotes'])} against all gold contents"
        f" (F1 {fmt(f['quote f1'])}; {c['our quotes in discarded regions']} more in Discard/Discuss regions,"
        " not counted)",
        "(b) speakers of found quotes with a gold source",
        f"  speaker span overlaps gold source: {_ratio(c['speaker correct'], c['speaker scored'])}"
        f"  (lenient, any mention of our speaker: {_ratio(c['speaker correct lenient'], c['speaker scored'])});"
        f" gold source a pronoun in {c['speaker scored, gold source a pronoun']}",
        f"  fully quoted: {_ratio(c['speaker correct full'], c['speaker scored full'])};"
        f" marks inside a paraphrase: {_ratio(c['speaker correct mixed'], c['speaker scored mixed'])}",
        f"  found quotes whose gold attribution has no source: {c['found quotes without gold source']},"
        f" {c['no-source quotes left without speaker']} of them without a speaker from us",
        "(c) anonymity: PolNeAR does not mark it; gold side is a lexical proxy on the source text",
        f"  quotes:       agreement {_ratio(c['quote anonymity agrees'], c['quote anonymity scored'])};"
        f" proxy-anonymous {c['quote anonymous gold (proxy)']}, ours {c['quote anonymous ours']},"
        f" both {c['quote anonymous both']}",
        f"  attributions: agreement {_ratio(c['attribution anonymity agrees'], c['attribution anonymity scored'])};"
        f" proxy-anonymous {c['attribution anonymous gold (proxy)']}, ours {c['attribution anonymous ours']},"
        f" both {c['attribution anonymous both']}",
        "(d) doc.attributions spans against gold source spans (overlap)",
        f"  precision: {_ratio(c['our attributions on a gold source'], c['our attributions'])}"
        f"  ({c['our attributions unspanned']} attributions without a span not scored)",
        f"  recall:    {_ratio(c['gold sources found'], c['gold sources'])}  (F1 {fmt(f['attribution f1'])})",
    ]
    for cls in ("according to", "citing/quoting", "report", "say/tell", "other speech verb",
                "other (thought, finding, stance)"):
        lines.append(f"    cue {cls:<33} {_ratio(c[f'gold sources cue {cls} found'], c[f'gold sources cue {cls}'])}")
    lines.append(f"failure patterns (top {patterns} of {len(res.patterns)}; example offsets into the raw file):")
    for name, n in res.patterns.most_common(patterns):
        lines.append(f"  {n:5d}  {name}")
        lines.append(f"         e.g. {res.examples[name]}")
    return "\n".join(lines)


# -- running the pipeline ---------------------------------------------------------------------------------------


def _nearest(spans: list[Range], q: Range) -> Range | None:
    if not spans:
        return None
    return min(spans, key=lambda s: max(q[0] - s[1], s[0] - q[1], 0))


def prediction(doc: Any, raw: str) -> Prediction:
    """Our quotes and attributions in a Doc, with offsets into the raw text ``raw`` (our offsets index the
    text as given, so ``raw`` must be ``doc.article.text``; ValueError otherwise)."""
    if doc.article.text != raw:
        raise ValueError("the document was analysed from another text than the gold file's")

    pred = Prediction()
    for q in doc.quotes:
        qs = (q.span.start, q.span.end)
        mentions: list[Range] = []
        actor = doc.actor(q.speaker) if q.speaker else None
        if actor is not None:
            mentions = [(doc.mentions[i].span.start, doc.mentions[i].span.end) for i in actor.mentions]
        sp = (q.speaker_span.start, q.speaker_span.end) if q.speaker_span is not None else _nearest(mentions, qs)
        if q.reported_by_span is not None:  # the outermost source: PolNeAR's (see the module docstring)
            sp = (q.reported_by_span.start, q.reported_by_span.end)
            outer = doc.actor(q.reported_by) if q.reported_by else None
            mentions = [(doc.mentions[i].span.start, doc.mentions[i].span.end) for i in outer.mentions] if outer \
                else [sp]
        has = q.speaker is not None or q.reported_by is not None
        pred.quotes.append(PredQuote(qs[0], qs[1], has, sp, mentions, q.anonymous))
    for a in doc.attributions:
        if a.span is None:
            pred.unspanned_attributions += 1
            continue
        s, e = a.span.start, a.span.end
        pred.attributions.append(PredAttribution(s, e, a.anonymous, a.kind))
    return pred


def run(docs: Sequence[GoldDoc], pipeline: Any) -> tuple[Result, float]:
    from ..api import analyze

    total = Result()
    seconds = 0.0
    for g in docs:
        t0 = time.perf_counter()
        doc = analyze(g.text, title="x", published=g.published, pipeline=pipeline)
        seconds += time.perf_counter() - t0
        total.merge(score_doc(g, prediction(doc, g.text)))
    return total, seconds


def main(argv: Sequence[str] | None = None) -> int:
    doc = __doc__ or ""
    parser = argparse.ArgumentParser(prog="python -m communique.evaluate.polnear", description=doc.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles (by name)")
    parser.add_argument("--patterns", type=int, default=10, help="show the N most common failure patterns")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder holding eval/ (../shared)")
    args = parser.parse_args(argv)

    root = args.shared / POLNEAR
    if not (root / args.split / "attributions").is_dir() or not (root / "metadata.tsv").is_file():
        print(f"error: PolNeAR gold data not found at {root}; pass --shared PATH", file=sys.stderr)
        return 2
    from ..api import default_pipeline

    docs = gold_docs(root, args.split, args.limit)
    t0 = time.perf_counter()
    pipe = default_pipeline()
    load = time.perf_counter() - t0
    res, seconds = run(docs, pipe)
    print(f"== PolNeAR {args.split}")
    print(report(res, patterns=args.patterns))
    per = 1000 * seconds / len(docs) if docs else 0.0
    print(f"time: pipeline load {load:.1f} s, analysis {seconds:.1f} s ({per:.0f} ms per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
