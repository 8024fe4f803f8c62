"""Attribution span scores on PolNeAR: source, cue and content, exact and overlap, by kind of attribution.

Gold: every PolNeAR attribution (``E`` line) with its Source, Cue and Content spans (:mod:`.polnear`).
Ours: every :class:`~communique.model.Attribution` of ``doc.attributions`` with its ``span`` (source),
``cue`` and ``content``.

For each role (source, cue, content) spans are matched one to one:

* **exact**: the same span once both are trimmed of surrounding spaces, quote marks and ``.,;:``
  (a discontinuous gold span is taken from its first to its last character);
* **overlap**: any shared character (greedy, largest overlap first).

Precision is matched / our spans of that role, recall is matched / gold spans of that role, F1 their
harmonic mean.  Each figure is given for all attributions and separately for:

* **direct**: gold contents delimited by quote marks (:func:`.polnear.quote_kind` ``"full"``); ours with
  ``direct=True``;
* **indirect**: the others;
* **anonymous**: gold sources that name nobody (PolNeAR does not mark this: the lexical proxy
  :func:`.polnear.anonymous_proxy`); ours with ``anonymous=True``.

The quote figures the targets name (direct-quote recall and precision, quote speaker right) come from
:func:`.polnear.score_doc`, printed beside these.  Offsets are characters into the raw article file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .polnear import GoldDoc, Result, anonymous_proxy, figures, quote_kind

Range = tuple[int, int]
ROLES = ("source", "cue", "content")
SUBSETS = ("all", "direct", "indirect", "anonymous")
_TRIM = " \t\r\n\u00a0\"“”‘’'.,;:—–-"


@dataclass(slots=True)
class SpanAttribution:
    """One attribution as spans into the raw text (None where the role is missing)."""

    source: Range | None
    cue: Range | None
    content: Range | None
    direct: bool = False
    anonymous: bool = False


@dataclass
class SpanScore:
    counts: Counter[str] = field(default_factory=Counter)

    def merge(self, other: SpanScore) -> None:
        self.counts.update(other.counts)

    def prf(self, subset: str, role: str, mode: str) -> tuple[float | None, float | None, float | None]:
        c = self.counts
        tp_p, n_p = c[f"{subset} {role} {mode} pred-hit"], c[f"{subset} {role} pred"]
        tp_r, n_g = c[f"{subset} {role} {mode} gold-hit"], c[f"{subset} {role} gold"]
        p = tp_p / n_p if n_p else None
        r = tp_r / n_g if n_g else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return p, r, f


def _hull(ranges: Sequence[Range]) -> Range | None:
    return (min(s for s, _ in ranges), max(e for _, e in ranges)) if ranges else None


def _trim(text: str, r: Range) -> Range:
    s, e = r
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return (s, e)


def gold_spans(gold: GoldDoc) -> list[SpanAttribution]:
    out: list[SpanAttribution] = []
    for ga in gold.attributions:
        src = _hull(ga.sources)
        out.append(SpanAttribution(
            source=src, cue=_hull(ga.cues), content=_hull(ga.contents),
            direct=quote_kind(gold.text, ga.contents) == "full",
            anonymous=src is not None and any(anonymous_proxy(gold.text[s:e]) for s, e in ga.sources)))
    return out


def predicted_spans(doc: Any) -> list[SpanAttribution]:
    """Our attributions (offsets into ``doc.article.text``, the raw file)."""
    out: list[SpanAttribution] = []
    for a in doc.attributions:
        out.append(SpanAttribution(
            source=(a.span.start, a.span.end) if a.span else None,
            cue=(a.cue.start, a.cue.end) if a.cue else None,
            content=(a.content.start, a.content.end) if a.content else None,
            direct=a.direct, anonymous=a.anonymous))
    return out


def _in_subset(a: SpanAttribution, subset: str) -> bool:
    return subset == "all" or (subset == "direct" and a.direct) or (subset == "indirect" and not a.direct) or (
        subset == "anonymous" and a.anonymous)


def _match_overlap(gold: list[Range], pred: list[Range]) -> int:
    pairs = sorted(((min(g[1], p[1]) - max(g[0], p[0]), i, j) for i, g in enumerate(gold)
                    for j, p in enumerate(pred) if g[0] < p[1] and p[0] < g[1]), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


def _match_exact(text: str, gold: list[Range], pred: list[Range]) -> int:
    g = Counter(_trim(text, r) for r in gold)
    p = Counter(_trim(text, r) for r in pred)
    return sum((g & p).values())


def score_spans(text: str, gold: Iterable[SpanAttribution], pred: Iterable[SpanAttribution],
                ignored: Sequence[Range] = ()) -> SpanScore:
    """Span counts for one article (pure).  Our attributions whose source lies in a Discard/Discuss region
    are not counted."""
    gold = list(gold)
    pred = [p for p in pred if not (p.source and any(p.source[0] < e and s < p.source[1] for s, e in ignored))]
    res = SpanScore()
    c = res.counts
    for subset in SUBSETS:
        gs = [g for g in gold if _in_subset(g, subset)]
        ps = [p for p in pred if _in_subset(p, subset)]
        for role in ROLES:
            gr = [r for g in gs if (r := getattr(g, role)) is not None]
            pr = [r for p in ps if (r := getattr(p, role)) is not None]
            c[f"{subset} {role} gold"] += len(gr)
            c[f"{subset} {role} pred"] += len(pr)
            ov = _match_overlap(gr, pr)
            ex = _match_exact(text, gr, pr)
            c[f"{subset} {role} overlap gold-hit"] += ov
            c[f"{subset} {role} overlap pred-hit"] += ov
            c[f"{subset} {role} exact gold-hit"] += ex
            c[f"{subset} {role} exact pred-hit"] += ex
    return res


def span_table(res: SpanScore) -> str:
    """The P / R / F1 table, one line per subset and role."""

    def f(x: float | None) -> str:
        return "    -" if x is None else f"{x:.3f}"

    lines = [f"{'subset':<10} {'role':<8} {'gold':>5} {'ours':>5}   exact P / R / F1       overlap P / R / F1"]
    c = res.counts
    for subset in SUBSETS:
        for role in ROLES:
            ep, er, ef = res.prf(subset, role, "exact")
            op, orr, of = res.prf(subset, role, "overlap")
            lines.append(f"{subset:<10} {role:<8} {c[f'{subset} {role} gold']:>5} {c[f'{subset} {role} pred']:>5}"
                         f"   {f(ep)} {f(er)} {f(ef)}    {f(op)} {f(orr)} {f(of)}")
    return "\n".join(lines)


def run(docs: Sequence[GoldDoc], pipeline: Any) -> tuple[Result, SpanScore, float]:
    """Analyse each gold article and score it: the quote/speaker figures and the span figures, and the
    seconds spent analysing."""
    import time

    from ..api import analyze
    from .polnear import prediction, score_doc

    quotes = Result()
    spans = SpanScore()
    seconds = 0.0
    for g in docs:
        t0 = time.perf_counter()
        doc = analyze(g.text, title="x", published=g.published, pipeline=pipeline)
        seconds += time.perf_counter() - t0
        quotes.merge(score_doc(g, prediction(doc, g.text)))
        spans.merge(score_spans(g.text, gold_spans(g), predicted_spans(doc), g.ignored))
    return quotes, spans, seconds


#: the issue's quality bars: (figure, threshold)
TARGETS: tuple[tuple[str, float], ...] = (
    ("quote speaker right", 0.85), ("direct-quote recall", 0.92), ("direct-quote precision", 0.92),
    ("source overlap F1, direct", 0.80), ("source overlap F1, all", 0.70))


def target_figures(quotes: Result, spans: SpanScore) -> dict[str, float | None]:
    f = figures(quotes)
    return {
        "quote speaker right": f["speaker accuracy"],
        "direct-quote recall": f["quote recall"],
        "direct-quote precision": f["quote precision"],
        "source overlap F1, direct": spans.prf("direct", "source", "overlap")[2],
        "source overlap F1, all": spans.prf("all", "source", "overlap")[2],
    }
