"""Memory flat in corpus size: the readers alone on 100,000 JSONL lines, and (slow) a whole ingest of a
few thousand articles."""

from __future__ import annotations

import json
import random
import resource
import tracemalloc
from pathlib import Path

import pytest

from communique import api
from communique.model import Article
from communique.read import read_path


def _jsonl(path: Path, n: int, seed: int = 5) -> Path:
    rng = random.Random(seed)
    words = ["officials", "met", "in", "Cairo", "Nairobi", "talks", "border", "agreed", "ministers", "on", "Monday",
             "sanctions", "troops", "said", "the", "government", "protesters", "police", "visited", "trade"]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(rng.choice(words) for _ in range(40)) + f". Report {i}."
            f.write(json.dumps({"text": text, "title": f"Report {i}", "published": "2024-05-02"}) + "\n")
    return path


@pytest.mark.parametrize("lines", [
    10_000, pytest.param(100_000, marks=pytest.mark.slow)])
def test_readers_stream_jsonl(tmp_path: Path, lines: int) -> None:
    p = _jsonl(tmp_path / "big.jsonl", lines)
    size = p.stat().st_size
    tracemalloc.start()
    n = 0
    for item in read_path(p):
        assert isinstance(item, Article)
        n += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == lines
    print(f"{lines:,} lines, {size / 1e6:.1f} MB file: peak {peak / 1e6:.2f} MB traced while reading")
    assert peak < 2_000_000 and peak < size / 2, (peak, size)  # a few records' worth, not the file


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.slow
def test_ingest_memory_is_flat(tmp_path: Path) -> None:
    """1,200 articles: resident memory after the last is within 60 MB of after the first 300."""
    p = _jsonl(tmp_path / "corpus.jsonl", 1_200)
    samples: list[float] = []
    done = 0

    def seen(_: api.Outcome) -> None:
        nonlocal done
        done += 1
        if done in (300, 600, 900, 1200):
            samples.append(_rss_mb())

    report = api.ingest([p], store=tmp_path / "s.duckdb", on_outcome=seen)
    assert report.added + report.replaced + report.superseded == 1_200 and not report.errors
    print("RSS MB at 300/600/900/1200 articles:", [round(s) for s in samples])
    assert samples[-1] - samples[0] < 60, samples


def test_bench_cycles_its_corpus_without_holding_it() -> None:
    """``communique bench --articles N``'s corpus: N articles, the same ones at every reading, made as they are
    read (the k-th reuse of an article is a new article closing with "Copy k."), never a list of N."""
    from communique.bench import Cycled
    from communique.read import make_article

    base = [make_article(f"Ministers met in Cairo on Monday to discuss trade, report {i} said.\n") for i in range(3)]
    corpus = Cycled(base, 7)
    first = [(a.id, a.text) for a in corpus]
    assert len(corpus) == 7 and [(a.id, a.text) for a in corpus] == first
    assert [t.rsplit("\n", 2)[-2] for _, t in first[3:]] == ["Copy 2."] * 3 + ["Copy 3."]
    assert first[:3] == [(a.id, a.text) for a in base] and len({i for i, _ in first}) == 7
    assert not isinstance(corpus, list) and iter(corpus) is not iter(corpus)
    tracemalloc.start()
    big = Cycled(base, 20_000)
    assert sum(1 for _ in big) == 20_000
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1_000_000, peak  # a few articles' worth, not 20,000
