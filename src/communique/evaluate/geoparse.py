"""Score the place stage against GeoWebNews and GeoVirus (Gritta et al.).

Gold data is read from ``../shared/eval/geoparsing`` (never copied into the
project).  For each article the real spaCy model and the gazetteer geocode the
text; predictions are matched one-to-one with gold toponyms by overlapping
character spans.  Reported:

* detection precision / recall / F1 (gold = toponyms with coordinates; GeoWebNews
  annotates common nouns, demonyms and non-toponyms too, which have none);
* over matched toponyms: exact GeoNames id (GeoWebNews, where gold has one),
  within 161 km (100 miles; the gold id, or a predicted country holding the
  gold point, also counts, since our country and state centres are not the
  gold's points) and same country (skipped for continents and seas found).

Gold countries come from the gazetteer when it knows the gold GeoNames id, else
from the point's country polygon (countryinfo's outlines).

Both ways for demonyms ("Russian", which GeoWebNews counts as a toponym of Russia): *places only* (gold
without the toponyms that are demonyms) and *with demonyms* (our country mentions join the predictions,
every gold toponym with coordinates counts); and between them *places and toponyms inside names* (gold without
the demonyms, our places and the toponyms we find inside organisations' names, "the Colorado State University",
which GeoWebNews counts as toponyms and *places only* leaves out of ours but not out of gold).
A continent's or region's adjective ("European", "Central American"; no country's demonym) is reported both
ways on the *places only* line: as a demonym (out of gold) and as a place (our mentions of it added).
Geocoding is also broken down by our predicted feature class,
and the gazetteer's coverage of the gold GeoNames ids is reported.

Reference: Mordecai3 reports 90.1% exact match on GeoWebNews, country 96.8-99.1%.

    python -m communique.evaluate.geoparse [--limit N] [--dataset gwn|geovirus|both]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..knowledge.gazetteer import Gazetteer
from ..model import Place
from ..stages.place import region_adjective

__all__ = ["GoldToponym", "GoldArticle", "Scores", "load_gwn", "load_geovirus", "score", "main"]

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "geoparsing"
KM_161 = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    kind: str
    lat: float
    lon: float
    geonames_id: int | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    spans_without_coordinates: tuple[tuple[int, int], ...] = ()


def _float(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def load_gwn(path: Path) -> list[GoldArticle]:
    """GeoWebNews: ``<article><text/><toponyms><toponym>...`` with offsets, coordinates, GeoNames ids."""
    out = []
    for n, art in enumerate(ET.parse(path).getroot().iter("article")):
        tops, other = [], []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            if lat is None or lon is None:
                other.append((start, end))
                continue
            gid = t.findtext("geonamesID")
            tops.append(
                GoldToponym(
                    start,
                    end,
                    t.findtext("extractedName") or "",
                    t.findtext("type") or "",
                    lat,
                    lon,
                    int(gid) if gid else None,
                )
            )
        out.append(GoldArticle(art.get("file", str(n)), art.findtext("text") or "", tuple(tops), tuple(other)))
    return out


def load_geovirus(path: Path) -> list[GoldArticle]:
    """GeoVirus: ``<article><source/><text/><locations><location>`` with offsets and coordinates."""
    out = []
    for n, art in enumerate(ET.parse(path).getroot().iter("article")):
        tops = []
        for loc in art.iter("location"):
            lat, lon = _float(loc.findtext("lat")), _float(loc.findtext("lon"))
            if lat is None or lon is None:
                continue
            tops.append(
                GoldToponym(
                    int(loc.findtext("start") or 0),
                    int(loc.findtext("end") or 0),
                    loc.findtext("name") or "",
                    "Literal",
                    lat,
                    lon,
                    None,
                )
            )
        out.append(GoldArticle(art.findtext("source") or str(n), art.findtext("text") or "", tuple(tops)))
    return out


# --------------------------------------------------------------------------- geometry


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class CountryFinder:
    """Point -> ISO3 by ray casting over countryinfo's country outlines."""

    def __init__(self) -> None:
        self.shapes: list[tuple[str, tuple[float, float, float, float], list[list[list[float]]]]] = []
        for entry in resources.files("countryinfo").joinpath("data").iterdir():
            if not entry.name.endswith(".json"):
                continue
            with entry.open(encoding="utf-8") as f:
                rec = json.load(f)
            iso3 = rec.get("ISO", {}).get("alpha3")
            for feat in (rec.get("geoJSON") or {}).get("features", []):
                geom = feat.get("geometry") or {}
                polys = [geom["coordinates"]] if geom.get("type") == "Polygon" else geom.get("coordinates", [])
                for poly in polys:
                    ring = poly[0]
                    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
                    self.shapes.append((iso3, (min(xs), min(ys), max(xs), max(ys)), poly))

    def __call__(self, lat: float, lon: float) -> str | None:
        for iso3, (x0, y0, x1, y1), poly in self.shapes:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and _inside(lon, lat, poly[0]):
                if not any(_inside(lon, lat, hole) for hole in poly[1:]):
                    return iso3
        return None


def _inside(x: float, y: float, ring: list[list[float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


# --------------------------------------------------------------------------- scoring


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    with_id: int = 0
    id_correct: int = 0
    within_161: int = 0
    with_country: int = 0
    country_correct: int = 0
    recall_by_kind: Counter[str] = field(default_factory=Counter)
    by_feature: dict[str, list[int]] = field(default_factory=dict)  # feature -> [matched, with id, id correct]
    gold_ids: int = 0
    gold_ids_known: int = 0
    gold_by_kind: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _match(preds: Sequence[Place], gold: Sequence[GoldToponym]) -> list[tuple[Place, GoldToponym]]:
    pairs, used = [], set()
    for g in sorted(gold, key=lambda g: g.start):
        best = None
        for k, p in enumerate(preds):
            if k in used or not (p.span.start < g.end and g.start < p.span.end):
                continue
            overlap = min(p.span.end, g.end) - max(p.span.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, k)
        if best is not None:
            used.add(best[1])
            pairs.append((preds[best[1]], g))
    return pairs


def score(
    articles: Iterable[GoldArticle],
    predictions: Iterable[list[Place]],
    *,
    gazetteer: Gazetteer,
    country_of: Any,
) -> Scores:
    """Compare per-article predictions with gold toponyms."""
    s = Scores()
    gold_country: dict[tuple[float, float, int | None], str | None] = {}
    for art, preds in zip(articles, predictions, strict=True):
        s.gold += len(art.toponyms)
        s.predicted += len(preds)
        for g in art.toponyms:
            s.gold_by_kind[g.kind] += 1
        for p, g in _match(preds, art.toponyms):
            s.matched += 1
            s.recall_by_kind[g.kind] += 1
            tally = s.by_feature.setdefault(p.feature, [0, 0, 0])
            tally[0] += 1
            if g.geonames_id is not None:
                s.with_id += 1
                s.id_correct += p.geonames_id == g.geonames_id
                tally[1] += 1
                tally[2] += p.geonames_id == g.geonames_id
            key = (g.lat, g.lon, g.geonames_id)
            if key not in gold_country:
                entry = gazetteer.by_id(g.geonames_id) if g.geonames_id else None
                # continents and seas have no country; countries the gazetteer knows by id
                gold_country[key] = entry.country if entry else country_of(g.lat, g.lon)
            near = p.lat is not None and p.lon is not None and haversine_km(p.lat, p.lon, g.lat, g.lon) <= KM_161
            if (
                near
                or (g.geonames_id is not None and p.geonames_id == g.geonames_id)
                or (p.feature == "country" and p.country == gold_country[key])
            ):
                s.within_161 += 1
            if p.country is None and near:
                continue  # a continent or sea, found: no country to compare
            if gold_country[key]:
                s.with_country += 1
                s.country_correct += p.country == gold_country[key]
    return s


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "  n/a"


def report(name: str, s: Scores) -> str:
    lines = [
        f"== {name}: {s.gold} gold toponyms with coordinates, {s.predicted} predicted places ({s.seconds:.1f} s)",
        f"detection  P {100 * s.precision:5.1f}%  R {100 * s.recall:5.1f}%  F1 {100 * s.f1:5.1f}%  (span overlap)",
        f"geocoding over {s.matched} matched toponyms:",
        f"  exact GeoNames id  {_pct(s.id_correct, s.with_id)}",
        f"  within 161 km      {_pct(s.within_161, s.matched)}  (or same id / country holding the point)",
        f"  country            {_pct(s.country_correct, s.with_country)}",
        "exact id by our feature class: "
        + ", ".join(f"{f} {_pct(t[2], t[1]).strip()} of {t[0]}" for f, t in sorted(s.by_feature.items())),
        f"gazetteer coverage of gold GeoNames ids: {_pct(s.gold_ids_known, s.gold_ids).strip()}",
        "recall by gold type: "
        + ", ".join(f"{k} {_pct(s.recall_by_kind[k], n).strip()}" for k, n in s.gold_by_kind.most_common()),
    ]
    return "\n".join(lines)


def _start(p: Place) -> int:
    return p.span.start


def run(articles: list[GoldArticle], *, nlp: Any, gazetteer: Gazetteer, country_of: Any) -> dict[str, Scores]:
    """Geoparse the articles once; score "places only" and "with demonyms" (see the module docstring)."""
    from ..stages.place import country_mentions, entities, extract

    start = time.perf_counter()
    places, mentions = [], []
    for sdoc in nlp.pipe(a.text for a in articles):
        ents = entities(sdoc)
        found = extract(sdoc.text, ents, gazetteer)
        places.append(found)
        mentions.append(country_mentions(sdoc.text, ents, gazetteer, found))
    seconds = time.perf_counter() - start
    countries: dict[str, Any] = {}

    def as_place(m: Any) -> Place:
        if m.kind == "organisation":  # a toponym inside an organisation's name: its own point and id
            c = gazetteer.lookup(m.name)
            return Place(m.span, m.name, m.country, m.lat, m.lon, m.geonames_id, c.feature if c else "city")
        key = m.country or m.name
        if key not in countries:
            countries[key] = gazetteer.country(m.country) if m.country else gazetteer.lookup(m.name)
        c = countries[key]
        feature = "country" if m.country else (c.feature if c else "region")
        return Place(m.span, m.name, m.country, c.lat if c else None, c.lon if c else None, m.geonames_id, feature)

    no_demonyms = [
        GoldArticle(a.id, a.text, tuple(g for g in a.toponyms if gazetteer.demonym(g.name) is None)) for a in articles
    ]
    with_demonyms = [
        sorted([*p, *map(as_place, ms)], key=lambda x: x.span.start) for p, ms in zip(places, mentions, strict=True)
    ]
    with_names = [
        sorted([*p, *(as_place(m) for m in ms if m.kind == "organisation")], key=lambda x: x.span.start)
        for p, ms in zip(places, mentions, strict=True)
    ]
    # a continent's or region's adjective ("European", "Central American"), both ways: a demonym (out of gold, as
    # the rule for demonyms says) or a place (our mentions of it join the places)
    no_regions = [
        GoldArticle(a.id, a.text, tuple(g for g in a.toponyms if not region_adjective(g.name))) for a in no_demonyms
    ]
    with_regions = [
        sorted([*p, *(as_place(m) for m in ms if m.kind == "demonym" and m.country is None)], key=_start)
        for p, ms in zip(places, mentions, strict=True)
    ]
    out = {
        "places only (gold without demonym toponyms)": score(
            no_demonyms, places, gazetteer=gazetteer, country_of=country_of
        ),
        "places only, region adjectives as demonyms (gold without them either)": score(
            no_regions, places, gazetteer=gazetteer, country_of=country_of
        ),
        "places only, region adjectives as places (our mentions of them added)": score(
            no_demonyms, with_regions, gazetteer=gazetteer, country_of=country_of
        ),
        "places and toponyms inside names (gold without demonym toponyms)": score(
            no_demonyms, with_names, gazetteer=gazetteer, country_of=country_of
        ),
        "with demonyms (our country mentions added)": score(
            articles, with_demonyms, gazetteer=gazetteer, country_of=country_of
        ),
    }
    known = gazetteer.geonames_ids()
    ids = [g.geonames_id for a in articles for g in a.toponyms if g.geonames_id]
    for s in out.values():
        s.seconds = seconds
        s.gold_ids, s.gold_ids_known = len(ids), sum(i in known for i in ids)
    return out


def evaluate(data: Path, *, datasets: Sequence[str] = ("gwn", "geovirus"), limit: int | None = None) -> list[str]:
    """Report lines for each dataset and both demonym modes.  Raises FileNotFoundError naming a missing gold file."""
    files = {"gwn": data / "GeoWebNews_GWN.xml", "geovirus": data / "GeoVirus.xml"}
    for w in datasets:
        if not files[w].is_file():
            raise FileNotFoundError(
                f"{files[w]}: gold data not found (the geoparsing sets live in ../shared/eval/geoparsing)"
            )
    from ..stages.nlp import load_nlp

    nlp = load_nlp()
    gazetteer = Gazetteer.default()
    country_of = CountryFinder()
    loaders = {"gwn": ("GeoWebNews", load_gwn), "geovirus": ("GeoVirus", load_geovirus)}
    lines = []
    for w in datasets:
        title, load = loaders[w]
        articles = load(files[w])[:limit]
        for mode, s in run(articles, nlp=nlp, gazetteer=gazetteer, country_of=country_of).items():
            lines.append(report(f"{title} ({len(articles)} articles), {mode}", s))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="communique-eval-geoparse", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles of each set")
    parser.add_argument("--dataset", choices=("gwn", "geovirus", "both"), default="both")
    parser.add_argument("--data", type=Path, default=SHARED, help=f"folder of the gold files (default {SHARED})")
    args = parser.parse_args(argv)

    files = {"gwn": args.data / "GeoWebNews_GWN.xml", "geovirus": args.data / "GeoVirus.xml"}
    wanted = ["gwn", "geovirus"] if args.dataset == "both" else [args.dataset]
    missing = [str(files[w]) for w in wanted if not files[w].is_file()]
    if missing:
        print(
            f"error: gold data not found: {', '.join(missing)}; the geoparsing sets live in "
            f"../shared/eval/geoparsing (pass --data to point elsewhere)",
            file=sys.stderr,
        )
        return 2

    for line in evaluate(args.data, datasets=wanted, limit=args.limit):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
