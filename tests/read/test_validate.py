"""Every field of every input format: type, encoding, range, depth; one error per bad item, others kept."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest

from communique.errors import EncodingError, RecordError, TooLong, UnsupportedLanguage
from communique.model import Article
from communique.read import MAX_CHARS, read_path
from communique.read.language import check_language, detect_language

BODY = "Officials met in Cairo on Monday.\n\nThey agreed to meet again."
GOOD = {"text": BODY, "title": "Talks", "outlet": "Wire", "published": "2024-05-02", "url": "https://x.example/1"}


def _jsonl(tmp_path: Path, *records: object) -> Path:
    p = tmp_path / "w.jsonl"
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(("change", "problem"), [
    ({"title": 12}, "'title' must be a string or null, not number"),
    ({"outlet": ["a", "b"]}, "'outlet' must be a string or null, not array"),
    ({"url": {"href": "x"}}, "'url' must be a string or null, not object"),
    ({"published": 20251117}, "'published' must be a string or null, not number"),
    ({"published": True}, "'published' must be a string or null, not boolean"),
    ({"published": "2025-11-17 garbage"}, "cannot parse date '2025-11-17 garbage'; use YYYY-MM-DD"),
    ({"published": "2025-02-30"}, "cannot parse date '2025-02-30'; use YYYY-MM-DD"),
    ({"published": "3025-01-01"}, "'published' 3025-01-01 is out of range"),
    ({"published": "1200-01-01"}, "'published' 1200-01-01 is out of range"),
    ({"text": 5}, "each line must be an object with a string 'text' field ('text' is a number)"),
    ({"text": None}, "each line must be an object with a string 'text' field ('text' is a NoneType)"),
    ({"url": "https://x.example/a b"}, "'url' must not contain spaces"),
    ({"outlet": "Wire\nService"}, "'outlet' must be one line"),
    ({"title": "x" * 1001}, "'title' is 1,001 characters, over the limit of 1,000"),
    ({"text": "Officials met\u0000 in Cairo on Monday."}, "'text' contains NUL characters"),
    ({"text": "Officials met \ud800 in Cairo on Monday."}, "'text' contains an unpaired surrogate"),
])
def test_jsonl_field_is_checked_and_the_next_line_still_read(tmp_path: Path, change: dict[str, object],
                                                             problem: str) -> None:
    p = _jsonl(tmp_path, {**GOOD, **change}, GOOD | {"title": "Next"})
    bad, good = list(read_path(p))
    assert isinstance(bad, RecordError) and str(bad).startswith(f"{p}:1: {problem}"), str(bad)
    assert isinstance(good, Article) and good.title == "Next" and good.published == dt.date(2024, 5, 2)


@pytest.mark.parametrize(("line", "problem"), [
    ("[" * 100_000 + "]" * 100_000, "JSON nested deeper than 32 levels"),
    ('{"text": ' + "[" * 40 + "]" * 40 + "}", "JSON nested deeper than 32 levels"),
    ("[1, 2]", "each line must be a JSON object, not array"),
    ('"just a string"', "each line must be a JSON object, not str"),
    ("NaN", "each line must be a JSON object, not number"),
])
def test_jsonl_shapes(tmp_path: Path, line: str, problem: str) -> None:
    p = _jsonl(tmp_path, line, GOOD)
    bad, good = list(read_path(p))
    assert str(bad) == f"{p}:1: {problem}" and isinstance(good, Article)


def test_jsonl_bad_utf8_costs_only_its_line(tmp_path: Path) -> None:
    p = tmp_path / "w.jsonl"
    p.write_bytes(json.dumps(GOOD).encode() + b'\n{"text": "caf\xe9"}\n' + json.dumps(GOOD | {"title": "B"}).encode())
    a, bad, b = list(read_path(p))
    assert isinstance(bad, EncodingError) and str(bad).startswith(f"{p}:2: not valid UTF-8")
    assert (a.title, b.title) == ("Talks", "B")  # type: ignore[union-attr]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-8"])
def test_text_with_byte_order_mark_is_decoded(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
           "utf-8": codecs.BOM_UTF8}[codec]
    p = tmp_path / "a.txt"
    p.write_bytes(bom + f"Talks in Cairo\n\n{BODY}\n".encode(codec))
    [art] = list(read_path(p))
    assert isinstance(art, Article) and art.body is not None
    assert (art.title, art.body.text(art.text)) == ("Talks in Cairo", BODY)
    j = tmp_path / "b.jsonl"
    j.write_bytes(bom + (json.dumps(GOOD) + "\n" + json.dumps(GOOD | {"title": "B"}) + "\n").encode(codec))
    assert [a.title for a in read_path(j)] == ["Talks", "B"]  # type: ignore[union-attr]


def test_utf16_without_bom_is_named_as_such(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(f"Talks in Cairo\n\n{BODY}\n".encode("utf-16-le"))
    [err] = list(read_path(p))
    assert str(err) == f"{p}: looks like UTF-16 without a byte-order mark; re-save it as UTF-8"


def test_text_over_the_limit_is_rejected_with_the_limit(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    para = "Officials met in Cairo on Monday and agreed to meet again soon. " * 20
    long.write_text("\n\n".join([para] * (MAX_CHARS // len(para) + 2)), encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(BODY, encoding="utf-8")
    items = list(read_path(tmp_path))
    assert isinstance(items[0], TooLong) and isinstance(items[1], Article)
    assert str(items[0]).startswith(f"{long}: article is 5,0") and "over the limit of 5,000,000" in str(items[0])


def test_language_is_detected_and_english_kept() -> None:
    german = Article(id="x", text="Der Außenminister traf sich am Montag in Berlin mit seinem Amtskollegen, um über "
                                  "die Lage an der Grenze zu sprechen.", source_path="de.txt")
    err = check_language(german)
    assert isinstance(err, UnsupportedLanguage) and str(err) == (
        "de.txt: language de not supported (only English articles are analysed)")
    assert check_language(Article(id="y", text=BODY)) is None  # short English is never turned away
    assert detect_language("Le ministre a rencontré son homologue à Paris lundi pour discuter de la crise.")[0] == "fr"


def test_analyze_refuses_text_over_the_limit() -> None:
    from communique import api

    with pytest.raises(TooLong, match="over the limit of 5,000,000"):
        api.analyze("word " * (MAX_CHARS // 5 + 1))
