"""Analysed documents as Parquet: one row per article, what a Dask partition hands back.

A partition's Parquet file has one row per analysed article, in input order, with the columns

    seq            int64   position of the article in its partition
    id             string  ``Article.id``
    title, url, outlet, source_path   string (null when unknown)
    published      date32  (null when unknown)
    text           string  ``Article.text``, exactly as read
    events, actors, quotes   int32   how many of each the analysis found
    analysis       string  JSON of the whole ``Doc`` (article included), every field of the data model except the
                           spaCy parse; offsets are characters into ``text``

so the files can be queried in place (``SELECT id, events FROM 'part-*.parquet'``) and turned back into the very
``Doc`` objects the store takes (:func:`docs_from_table`): a store filled from Parquet is the store filled directly.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Doc

__all__ = ["doc_from_json", "doc_to_json", "docs_from_parquet", "docs_from_table", "docs_to_parquet"]

_SKIP = frozenset({"nlp", "_text"})  # the spaCy parse and the cached parse copy are never written


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in _SKIP}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def doc_to_json(doc: Doc) -> str:
    """The whole ``Doc`` (no spaCy parse) as JSON; dates ISO 8601; :func:`doc_from_json` reverses it."""
    return json.dumps(_plain(doc), ensure_ascii=False, separators=(",", ":"))


def _build(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_build(item, v) for v in value]
    if origin is typing.Literal or tp is Any:
        return value
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    if tp is float:
        return float(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return tp(**{k: _build(hints[k], v) for k, v in value.items()})
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def doc_from_json(text: str) -> Doc:
    """The ``Doc`` :func:`doc_to_json` wrote (``nlp`` is ``None``)."""
    return typing.cast(Doc, _build(Doc, json.loads(text)))


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([
        ("seq", pa.int64()), ("id", pa.string()), ("title", pa.string()), ("published", pa.date32()),
        ("url", pa.string()), ("outlet", pa.string()), ("source_path", pa.string()), ("text", pa.string()),
        ("events", pa.int32()), ("actors", pa.int32()), ("quotes", pa.int32()), ("analysis", pa.string()),
    ])


def docs_to_parquet(docs: Iterable[Doc]) -> bytes:
    """A Parquet file (as bytes, zstd-compressed) with one row per document, in order."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {"seq": i, "id": d.article.id, "title": d.article.title, "published": d.article.published,
         "url": d.article.url, "outlet": d.article.outlet, "source_path": d.article.source_path,
         "text": d.article.text, "events": len(d.events), "actors": len(d.actors), "quotes": len(d.quotes),
         "analysis": doc_to_json(d)}
        for i, d in enumerate(docs)
    ]
    table = pa.Table.from_pylist(rows, schema=_schema())
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def docs_from_table(table: Any) -> list[Doc]:
    """The documents of a table read from one of our Parquet files, in ``seq`` order."""
    seqs: Sequence[int] = table.column("seq").to_pylist()
    blobs: Sequence[str] = table.column("analysis").to_pylist()
    return [doc_from_json(b) for _, b in sorted(zip(seqs, blobs, strict=True))]


def docs_from_parquet(path: Any) -> list[Doc]:
    """The documents of the Parquet file at ``path`` (a path or a file object), in order."""
    import pyarrow.parquet as pq

    return docs_from_table(pq.read_table(path))
