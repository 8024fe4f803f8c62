"""JSONL: one article per line with ``text`` and optional ``title``, ``url``, ``outlet``, ``published``.

Every field is checked for its type: ``text`` a non-empty string; ``title``, ``url``, ``outlet`` and
``published`` strings or null (``published`` a whole date, see :func:`~communique.read.article.parse_date`).
Other fields are ignored.  A line nested deeper than :data:`MAX_DEPTH` or longer than
:data:`MAX_LINE` characters is rejected before it is parsed.  Each bad line is one
:class:`~communique.errors.RecordError` naming ``file:line``; the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..errors import CommuniqueError, EmptyInput, InputError, RecordError
from ..model import Article
from .article import make_article
from .validate import MAX_CHARS, bad_chars

#: Deepest nesting of arrays and objects accepted in one line (an article record needs 2).
MAX_DEPTH = 32
#: Longest line accepted, in characters: an article at the length limit plus room for its fields.
MAX_LINE = 2 * MAX_CHARS + 100_000

_OPTIONAL = ("title", "url", "outlet", "published")


def _depth(line: str) -> int:
    """Deepest nesting of brackets outside strings (a cheap upper bound, checked before parsing)."""
    depth = top = 0
    in_string = escaped = False
    for c in line:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            top = max(top, depth)
        elif c in "]}":
            depth -= 1
    return top


def _type_name(value: object) -> str:
    return {bool: "boolean", int: "number", float: "number", list: "array", dict: "object"}.get(
        type(value), type(value).__name__)


def read_jsonl(raw: str | Iterable[tuple[int, str | InputError]], *, source_path: str | None = None,
               **defaults: object) -> Iterator[Article | InputError]:
    """Articles of a JSONL text, or of ``(line number, line or error)`` pairs read lazily from a file."""
    src = source_path or "<jsonl>"
    lines: Iterable[tuple[int, str | InputError]] = (
        enumerate(raw.splitlines(), 1) if isinstance(raw, str) else raw)
    anything = False
    for n, line in lines:
        if isinstance(line, InputError):
            anything = True
            yield line
            continue
        if not line.strip():
            continue
        anything = True
        where = f"{src}:{n}"
        if len(line) > MAX_LINE:
            yield RecordError(where, f"line is {len(line):,} characters, over the limit of {MAX_LINE:,}")
            continue
        if "[" in line[:1] or line.count("[") + line.count("{") > MAX_DEPTH:
            if _depth(line) > MAX_DEPTH:
                yield RecordError(where, f"JSON nested deeper than {MAX_DEPTH} levels")
                continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except (RecursionError, ValueError) as exc:
            yield RecordError(where, f"invalid JSON ({type(exc).__name__})")
            continue
        if not isinstance(rec, dict):
            yield RecordError(where, f"each line must be a JSON object, not {_type_name(rec)}")
            continue
        if not isinstance(rec.get("text"), str):
            got = "missing" if "text" not in rec else f"a {_type_name(rec['text'])}"
            yield RecordError(where, f"each line must be an object with a string 'text' field ('text' is {got})")
            continue
        bad = next((k for k in _OPTIONAL if rec.get(k) is not None and not isinstance(rec[k], str)), None)
        if bad is not None:
            yield RecordError(where, f"{bad!r} must be a string or null, not {_type_name(rec[bad])}")
            continue
        problem = next(((k, why) for k in ("text", *_OPTIONAL) if isinstance(rec.get(k), str)
                        and (why := bad_chars(rec[k])) is not None), None)
        if problem is not None:
            yield RecordError(where, f"{problem[0]!r} {problem[1]}")
            continue
        title = rec.get("title")
        try:
            yield make_article(
                rec["text"],
                title=title,
                split_title=not title,
                published=rec.get("published") or defaults.get("published"),  # type: ignore[arg-type]
                url=rec.get("url") or None,
                outlet=rec.get("outlet") or defaults.get("outlet"),  # type: ignore[arg-type]
                source_path=where,
            )
        except CommuniqueError as exc:
            yield RecordError(where, str(exc).split(": ", 1)[-1])
    if not anything:
        yield EmptyInput(src)
