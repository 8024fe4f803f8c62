"""JSONL: one article per line with ``text`` and optional ``title``, ``url``, ``outlet``, ``published``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import CommuniqueError, InputError, RecordError
from ..model import Article
from .article import make_article


def read_jsonl(raw: str, *, source_path: str | None = None, **defaults: object) -> Iterator[Article | InputError]:
    src = source_path or "<jsonl>"
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{src}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield RecordError(where, "each line must be an object with a string 'text' field")
            continue
        title = rec.get("title")
        try:
            yield make_article(
                rec["text"],
                title=title,
                split_title=not title,
                published=rec.get("published") or defaults.get("published"),  # type: ignore[arg-type]
                url=rec.get("url"),
                outlet=rec.get("outlet") or defaults.get("outlet"),  # type: ignore[arg-type]
                source_path=where,
            )
        except CommuniqueError as exc:
            yield RecordError(where, str(exc).split(": ", 1)[-1])
