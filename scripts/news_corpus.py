"""Build a dated JSONL news corpus from the real texts in ../shared, for trying monitoring on real news.

    python scripts/news_corpus.py [--shared ../shared] [--out build/news.jsonl]
    communique ingest build/news.jsonl --db build/news.duckdb
    communique signals --db build/news.duckdb

Sources (read in place, never copied into the project):

* **M2E2** (``eval/m2e2_voa/m2e2_annotations.zip``): VOA news articles annotated sentence by sentence.
  The sentences of both annotation files are grouped by document (the sentence id without its final
  ``_N``), de-duplicated by sentence id, put in the order of their index and joined with spaces; the
  publication date is the one in the document id (``VOA_EN_NW_2016.04.19.3291980`` -> 2016-04-19). The
  archive holds annotated sentences only, so an article may lack the sentences no annotator kept.
* **PolNeAR** (``eval/polnear/{train,dev}/text``): US election coverage of 2015-2016 by seven outlets,
  whole texts; the publication date, outlet and title come from ``eval/polnear/metadata.tsv``.

Each output line is ``{"text", "title", "outlet", "published", "url"}`` (``url`` is a ``corpus:`` name
that says where the text came from, so that re-ingesting adds nothing).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import zipfile
from collections import defaultdict
from pathlib import Path

M2E2 = "eval/m2e2_voa/m2e2_annotations.zip"
M2E2_FILES = ("m2e2_annotations/text_only_event.json", "m2e2_annotations/text_multimedia_event.json")
VOA_ID = re.compile(r"^VOA_EN_NW_(\d{4})\.(\d{2})\.(\d{2})\.\d+$")


def m2e2_articles(shared: Path) -> list[dict[str, str | None]]:
    """VOA articles rebuilt from the M2E2 sentences (see the module docstring), by document id."""
    sentences: dict[str, dict[int, str]] = defaultdict(dict)
    with zipfile.ZipFile(shared / M2E2) as z:
        for name in M2E2_FILES:
            for rec in json.load(io.TextIOWrapper(z.open(name), encoding="utf-8")):
                doc, _, n = rec["sentence_id"].rpartition("_")
                sentences[doc][int(n)] = rec["sentence"].strip()
    out = []
    for doc in sorted(sentences):
        m = VOA_ID.match(doc)
        published = f"{m[1]}-{m[2]}-{m[3]}" if m else None
        text = " ".join(s for _, s in sorted(sentences[doc].items()) if s)
        out.append({"text": text, "title": None, "outlet": "VOA", "published": published, "url": f"corpus:m2e2/{doc}"})
    return out


def polnear_articles(shared: Path) -> list[dict[str, str | None]]:
    """PolNeAR texts of the train and dev splits with their metadata, by file name."""
    root = shared / "eval" / "polnear"
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        meta = {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}
    out = []
    for split in ("train", "dev"):
        for path in sorted((root / split / "text").glob("*.txt")):
            row = meta.get(path.stem, {})
            published = row.get("publication_date") or None
            out.append({"text": path.read_text(encoding="utf-8"), "title": row.get("title") or None,
                        "outlet": row.get("publisher") or path.stem.split("_", 1)[0], "published": published,
                        "url": f"corpus:polnear/{split}/{path.stem}"})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("build/news.jsonl"))
    args = ap.parse_args(argv)
    if not (args.shared / M2E2).exists():
        ap.error(f"{args.shared}: no {M2E2} here (give --shared)")
    articles = m2e2_articles(args.shared) + polnear_articles(args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    dates = sorted(a["published"] for a in articles if a["published"])
    print(f"{args.out}: {len(articles)} articles ({sum(a['outlet'] == 'VOA' for a in articles)} VOA), "
          f"published {dates[0]} .. {dates[-1]}, {len(articles) - len(dates)} undated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
