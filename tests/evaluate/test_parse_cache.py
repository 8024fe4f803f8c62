"""The evaluation's disk cache of spaCy parses: what comes back equals a fresh parse, keys follow the texts, a
damaged file is parsed again, and the cached parse stage attaches what it has."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from communique.evaluate.parse_cache import CachedParse, ParseCache
from communique.model import Doc
from communique.read import make_article
from communique.stages.nlp import NLPStage, load_nlp

TEXTS = ["Lithuanian police detained two protesters outside the embassy in Vilnius on Tuesday.",
         "The foreign ministers of Chile and Peru met in Lima to discuss the maritime border."]


def _view(sdoc: object) -> list[tuple[str, str, str, str, int, str, bool]]:
    return [(t.text, t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_type_, bool(t.is_sent_start))  # type: ignore[attr-defined]
            for t in sdoc]  # type: ignore[attr-defined]


def test_a_cached_parse_equals_a_fresh_one_tensor_included(tmp_path: Path) -> None:
    nlp = load_nlp()
    first = ParseCache(nlp, tmp_path)
    fresh = first.parse(TEXTS, label="news")
    assert (first.hits, first.misses) == (0, 1)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert [Path(f).suffix for f in files] == [".npy", ".spacy"] and files[0].startswith("news-")
    again = ParseCache(nlp, tmp_path)
    cached = again.parse(TEXTS, label="news")
    assert (again.hits, again.misses) == (1, 0)
    for f, c in zip(fresh, cached, strict=True):
        assert _view(f) == _view(c)
        assert [s.start for s in f.sents] == [s.start for s in c.sents]
        assert np.array_equal(f.tensor, c.tensor) and c.tensor.shape == (len(c), 96)
    # asked again in the same run: the same objects, no disk read
    assert again.parse(TEXTS, label="news")[0] is cached[0] and again.hits == 2


def test_the_key_follows_the_texts_and_their_order(tmp_path: Path) -> None:
    cache = ParseCache(load_nlp(), tmp_path)
    assert cache.key(TEXTS) == cache.key(list(TEXTS))
    assert cache.key(TEXTS) != cache.key(TEXTS[::-1])
    assert cache.key(TEXTS) != cache.key([TEXTS[0], TEXTS[1] + " "])
    assert cache.key(["ab", "c"]) != cache.key(["a", "bc"])


def test_a_damaged_or_mismatched_file_is_parsed_again(tmp_path: Path) -> None:
    nlp = load_nlp()
    ParseCache(nlp, tmp_path).parse(TEXTS, label="news")
    (bin_file,) = tmp_path.glob("*.spacy")
    bin_file.write_bytes(b"not a DocBin")
    cache = ParseCache(nlp, tmp_path)
    docs = cache.parse(TEXTS, label="news")
    assert cache.misses == 1 and [t.text for t in docs[0]][:2] == ["Lithuanian", "police"]
    (tensor_file,) = tmp_path.glob("*.npy")
    np.save(tensor_file, np.zeros((3, 96), dtype=np.float32))  # rows that do not match the tokens
    cache = ParseCache(nlp, tmp_path)
    cache.parse(TEXTS, label="news")
    assert cache.misses == 1
    assert ParseCache(nlp, tmp_path).parse(TEXTS, label="news")[1][0].text == "The"


def test_without_a_folder_nothing_is_written(tmp_path: Path) -> None:
    cache = ParseCache(load_nlp(), None)
    assert len(cache.parse(TEXTS[:1], keep=False)) == 1
    assert cache.misses == 1 and not list(tmp_path.iterdir())
    cache.parse(TEXTS[:1], keep=False)
    assert cache.misses == 2  # not kept in memory either


def test_the_cached_stage_attaches_known_parses_and_parses_the_rest(tmp_path: Path) -> None:
    nlp = load_nlp()
    known = ParseCache(nlp, tmp_path).parse(TEXTS[:1])
    stage = CachedParse(NLPStage(nlp), {TEXTS[0]: known[0]})
    docs = list(stage.pipe([Doc(make_article(TEXTS[0])), Doc(make_article(TEXTS[1]))]))
    assert docs[0].nlp is known[0] and docs[1].nlp is not None
    assert [d.text[s.start:s.end] for d in docs for s in d.sentences] == TEXTS


def test_pre_tokenised_sentences_keep_their_tokens_and_come_back_from_disk(tmp_path: Path) -> None:
    # ECB+ mentions are token numbers: the words given are the tokens, whatever the tokenizer would do
    nlp = load_nlp()
    words = [["Police", "arrested", "the", "suspect", "in", "Los", "Angeles", "."],
             ["He", "didn't", "resist", "."]]
    first = ParseCache(nlp, tmp_path)
    fresh = first.parse_tokens(words, label="ecbplus")
    assert [[t.text for t in d] for d in fresh] == words and first.misses == 1
    assert fresh[0][1].lemma_ == "arrest" and fresh[0][1].head.i == 1 and fresh[0][0].dep_ == "nsubj"
    again = ParseCache(nlp, tmp_path)
    cached = again.parse_tokens(words, label="ecbplus")
    assert (again.hits, again.misses) == (1, 0)
    assert [_view(d) for d in cached] == [_view(d) for d in fresh]
