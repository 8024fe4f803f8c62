"""Readers: text, JSONL, HTML, feeds, and bad input that loses nothing else."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.errors import BinaryInput, DateError, EmptyInput, EncodingError, InputMissing, RecordError
from communique.model import Article, Span
from communique.read import make_article, normalise, parse_date, read_path, split_headline
from communique.read.article import content_id

BODY = "Officials met in Cairo on Monday.\n\nThey agreed to meet again."


def test_headline_is_split_from_body() -> None:
    assert split_headline(f"Talks Resume in Cairo\n\n{BODY}") == ("Talks Resume in Cairo", BODY)


def test_first_sentence_is_not_taken_as_headline() -> None:
    assert split_headline(BODY) == (None, BODY)


def test_article_id_ignores_whitespace_and_case_of_layout() -> None:
    a = make_article("Officials  met in Cairo.\r\n\r\n\r\nThey left.", title="Talks")
    b = make_article("Officials met in Cairo.\n\nThey left.  ", title="Talks ")
    assert a.id == b.id
    # the text is kept exactly as given: offsets index the user's own text
    assert a.text == "Officials  met in Cairo.\r\n\r\n\r\nThey left."
    assert b.text == "Officials met in Cairo.\n\nThey left.  "
    assert (a.body_span(), b.body_span()) == (Span(0, 40), Span(0, 35))


def test_text_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    raw = f"Talks Resume in Cairo\n\n{BODY}\n"
    p.write_text(raw, encoding="utf-8")
    [art] = list(read_path(p, published="2024-05-02"))
    assert art == Article(id=content_id("Talks Resume in Cairo", BODY), text=raw, title="Talks Resume in Cairo",
                          published=dt.date(2024, 5, 2), source_path=str(p), body=Span(23, 23 + len(BODY)),
                          title_span=Span(0, 21))


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "w.jsonl"
    good = {"text": BODY, "title": "Talks", "outlet": "Wire", "published": "2024-05-02", "url": "https://x.example/1"}
    p.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    items = list(read_path(p))
    assert isinstance(items[0], Article) and items[0].outlet == "Wire" and items[0].published == dt.date(2024, 5, 2)
    assert [type(i) for i in items[1:]] == [RecordError, RecordError]
    assert str(items[1]).startswith(f"{p}:2: invalid JSON")


def test_bad_inputs_each_named_and_folder_keeps_the_good(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    items = list(read_path(tmp_path))
    kinds = {Path(getattr(i, "path", getattr(i, "source_path", ""))).name: type(i) for i in items}
    assert kinds == {"binary.txt": BinaryInput, "empty.txt": EmptyInput, "good.txt": Article,
                     "latin1.txt": EncodingError}
    assert [type(i) for i in read_path(tmp_path / "nope.txt")] == [InputMissing]


def test_html_main_text(tmp_path: Path) -> None:
    page = ("<html><head><title>Talks Resume in Cairo</title></head><body><nav>Home | World | Sport</nav>"
            "<article><h1>Talks Resume in Cairo</h1><p>Egyptian officials hosted a Libyan delegation in Cairo on "
            "Monday to discuss the border crossing, according to the foreign ministry.</p><p>The two sides agreed "
            "to meet again next month in Tripoli, the ministry said in a statement.</p></article>"
            "<footer>Copyright 2024. All rights reserved.</footer></body></html>")
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    [art] = list(read_path(p))
    assert isinstance(art, Article)
    assert art.title == "Talks Resume in Cairo"
    body = art.body_span().text(art.text)
    assert art.title_span is not None and art.title_span.text(art.text) == "Talks Resume in Cairo"
    assert body.startswith("Egyptian officials hosted") and "Copyright" not in art.text


def test_feed_entries(tmp_path: Path) -> None:
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
           "<item><title>Talks</title><link>https://x.example/1</link><pubDate>Mon, 06 May 2024 10:00:00 GMT"
           "</pubDate><description>&lt;p&gt;Officials met in Cairo.&lt;/p&gt;</description></item>"
           "<item><title>Empty</title><description></description></item></channel></rss>")
    p = tmp_path / "feed.rss"
    p.write_text(rss, encoding="utf-8")
    items = list(read_path(p))
    assert isinstance(items[0], Article)
    assert (items[0].title, items[0].body_span().text(items[0].text), items[0].published, items[0].outlet) == (
        "Talks", "Officials met in Cairo.", dt.date(2024, 5, 6), "Wire")
    assert isinstance(items[1], RecordError)


def test_parse_date() -> None:
    assert parse_date("2025-11-17") == dt.date(2025, 11, 17)
    assert parse_date("2025-11-17T08:00:00Z") == dt.date(2025, 11, 17)
    assert parse_date(None) is None
    with pytest.raises(DateError, match="cannot parse date 'yesterday'"):
        parse_date("yesterday")


@given(st.text())
def test_normalise_is_idempotent(s: str) -> None:
    assert normalise(normalise(s)) == normalise(s)


@given(st.text(min_size=1))
def test_split_headline_never_loses_text(s: str) -> None:
    title, body = split_headline(s)
    joined = normalise((title or "") + "\n" + body)
    assert joined.replace("\n", "").replace(" ", "") == normalise(s).replace("\n", "").replace(" ", "")


@pytest.mark.parametrize(
    ("head", "lead"),
    [
        ("Russia and Syria sign new defence pact.", "Russia and Syria signed a new defence pact on Monday."),
        ("Ceasefire Collapses Along Northern Border.", "Fighting resumed in the north on Sunday."),
        ("Kenya deploys more police to Haiti!", "Kenya sent 400 more police officers to Haiti on Friday."),
        (
            '"We will not retreat," Zelensky tells troops.',
            "Volodymyr Zelensky told troops near Kharkiv that Ukraine would not retreat.",
        ),
    ],
)
def test_headline_ending_like_a_sentence_is_still_a_headline(head: str, lead: str) -> None:
    body = f"{lead} Officials confirmed it.\n\nThey met again on Tuesday."
    assert split_headline(f"{head}\n\n{body}") == (head, body)


@pytest.mark.parametrize(
    "text",
    [
        "Russia attacked Ukraine on Monday.\n\nOfficials met in Cairo the next day to discuss aid.",
        "Officials met.\nThey agreed to talk again in Cairo.",  # no blank line: one paragraph
        "The talks failed.\n\nThe talks failed again, officials in Cairo said.",  # too few words to tell
    ],
)
def test_short_first_paragraph_saying_something_new_stays_body(text: str) -> None:
    assert split_headline(text) == (None, text)


WRAPPED = ("The Kenyan foreign minister met with\nPresident Museveni of Uganda in Kampala on Tuesday\n"
           "and discussed the border dispute, officials said. The two sides\nagreed to resume trade talks next month.")


@pytest.mark.parametrize(("text", "head"), [
    # a hard-wrapped text (lines broken inside sentences): its first line opens the first sentence
    (WRAPPED, None),
    ("Rebels shelled the outskirts of\nthe town overnight and the army\nanswered with artillery, residents said.",
     None),
    # ... unless a blank line sets it apart
    (f"Kenya and Uganda agree\n\n{WRAPPED}", "Kenya and Uganda agree"),
    # a headline over paragraphs of one line each stays a headline
    ("Kenya and Uganda agree to talks\nThe two ministers met in Kampala.\nThey agreed to meet again.",
     "Kenya and Uganda agree to talks"),
])
def test_first_line_of_a_hard_wrapped_text_is_no_headline(text: str, head: str | None) -> None:
    assert split_headline(text)[0] == head
