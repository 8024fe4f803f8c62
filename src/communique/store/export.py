"""Render query rows (lists of dicts, as :meth:`Store.events` returns) as CSV or JSON.

Dates become ISO 8601 strings.  In CSV, ``None`` is an empty cell and a list
is its items joined by ``;``; JSON keeps lists as arrays and ``None`` as null.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

__all__ = ["to_csv", "to_json"]


def to_csv(rows: Iterable[Mapping[str, Any]], fp: IO[str], *, columns: Sequence[str] | None = None) -> int:
    """Write ``rows`` to the text stream ``fp`` as CSV with a header; return the number of rows.

    The columns are ``columns`` if given, else the keys of the rows in the
    order first seen.  With no rows and no ``columns`` nothing is written.
    Open ``fp`` with ``newline=""``.
    """
    rows = list(rows)
    names: list[str] = list(columns) if columns is not None else []
    if columns is None:
        seen: set[str] = set()
        for row in rows:
            for key in row:
                if key not in seen:
                    seen.add(key)
                    names.append(key)
    if not names:
        return 0
    writer = csv.writer(fp)
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in names])
    return len(rows)


def to_json(rows: Iterable[Mapping[str, Any]], *, indent: int | None = None) -> str:
    """``rows`` as a JSON array of objects (non-ASCII kept as is)."""
    return json.dumps([dict(row) for row in rows], default=_json_default, ensure_ascii=False, indent=indent)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(_cell(v) for v in value)
    return str(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
