"""Roles of people learned from the news, kept in the store's ``actor_roles`` table (schema v3).

Each row is one observation: "Russian President Vladimir Putin" in an article published 2025-11-17 is
(name "Vladimir Putin", title "Russian President", RUS, GOV, observed 2025-11-17, the article and the
character offsets of the title in its text).  Which role holds on a day:

* a ``user`` row (``communique actors import``) holding on that day wins over anything learned;
* else the latest ``learned`` observation on or before that day: a change of office observed later
  supersedes the older role for later days only; earlier days keep the older role (history is never
  rewritten);
* the article's own text always wins for that article: these roles only fill an actor the text left
  without a country (:func:`complete_doc`).

Rows are exchanged as JSON Lines (one object per row, the table's columns, dates ISO).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

import duckdb

from ..errors import InputError
from ..knowledge.actors import KnownActor
from ..model import Doc

__all__ = ["COLUMNS", "LearnedRoles", "any_roles", "complete_doc", "export_rows", "import_rows", "known_actors",
           "list_actors", "record_doc", "role_on", "roles_of", "roles_of_many"]

COLUMNS = ("name", "title", "country", "sector", "code", "observed", "valid_to", "source", "article_id",
           "evidence_start", "evidence_end", "evidence")


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def record_doc(conn: duckdb.DuckDBPyConnection, doc: Doc) -> int:
    """Store the roles the article states (titles before names); return how many rows were added.
    Articles without a publication date teach nothing (a role needs the day it was observed)."""
    day = doc.article.published
    if day is None:
        return 0
    rows = []
    for a in doc.actors:
        if a.kind != "person":
            continue
        for r in a.roles:
            if not (r.country or r.sector):
                continue
            rows.append([_key(a.name), a.name, r.title, r.country, r.sector, a.code if a.code and a.code.startswith(
                "IGO") else None, day, None, "learned", doc.article.id, r.evidence.start, r.evidence.end,
                doc.text[r.evidence.start:r.evidence.end]])
    return _insert_rows(conn, rows)


def any_roles(conn: duckdb.DuckDBPyConnection) -> bool:
    """Does the store hold any role row (learned or the user's)?  Without one, :func:`complete_doc` fills nothing."""
    return bool(conn.execute("SELECT 1 FROM actor_roles LIMIT 1").fetchall())


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def roles_of(conn: duckdb.DuckDBPyConnection, name: str) -> list[dict[str, Any]]:
    """Every role row for ``name`` (case-insensitive; a surname matches when it ends exactly one stored name),
    oldest first, each with ``held_until`` (the day before a later, different learned role was observed)."""
    key = _key(name)
    rows = _dicts(conn.execute(f"SELECT {', '.join(COLUMNS)} FROM actor_roles WHERE name_key = ? "
                               "ORDER BY observed, source", [key]))
    if not rows:
        names = [r[0] for r in conn.execute(
            "SELECT DISTINCT name_key FROM actor_roles WHERE name_key LIKE ?", [f"% {key}"]).fetchall()]
        if len(names) == 1:
            return roles_of(conn, names[0])
    return _held_until(rows)


def _held_until(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One name's rows (oldest first) with ``held_until``: a learned role holds until the day before a later,
    different learned role was observed; a user row until its ``valid_to``."""
    learned = [r for r in rows if r["source"] == "learned"]
    for i, r in enumerate(learned):
        later = [x for x in learned[i + 1:] if (x["country"], x["sector"], x["code"])
                 != (r["country"], r["sector"], r["code"])]
        r["held_until"] = later[0]["observed"] - dt.timedelta(days=1) if later else None
    for r in rows:
        r.setdefault("held_until", r["valid_to"])
    return rows


def role_on(conn: duckdb.DuckDBPyConnection, name: str, day: dt.date | None) -> dict[str, Any] | None:
    """The role holding for ``name`` on ``day`` (``None``: the latest), by the rules in the module docstring."""
    return _holding(roles_of(conn, name), day)


def _holding(rows: list[dict[str, Any]], day: dt.date | None) -> dict[str, Any] | None:
    """Of one name's rows (:func:`roles_of`), the role holding on ``day`` (``None``: the latest)."""
    user = [r for r in rows if r["source"] == "user" and (day is None or (
        r["observed"] <= day and (r["valid_to"] is None or day <= r["valid_to"])))]
    if user:
        return user[-1]
    learned = [r for r in rows if r["source"] == "learned" and (day is None or r["observed"] <= day)]
    return learned[-1] if learned else None


def roles_of_many(conn: duckdb.DuckDBPyConnection, names: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """:func:`roles_of` for each of ``names`` (keyed by the name as given), in at most three queries whatever
    their number: the exact keys at once, then the surname patterns of the keys without rows at once."""
    keys = {name: _key(name) for name in names}
    wanted = sorted(set(keys.values()))
    out: dict[str, list[dict[str, Any]]] = {}
    if not wanted:
        return out
    by_key = _rows_by_key(conn, wanted)
    missing = [k for k in wanted if k not in by_key]
    alias: dict[str, str] = {}
    if missing:  # a surname: the one stored name it ends (the same LIKE pattern as roles_of)
        found: dict[str, set[str]] = {}
        # a stored name that ends with " " + key ends with the key's last word: joined on it (a hash join), not
        # every stored name tried against every key; a key holding a LIKE wildcard keeps the pattern alone
        plain = [k for k in missing if "_" not in k and "%" not in k]
        wild = [k for k in missing if "_" in k or "%" in k]
        for keys_, on in ((plain, "string_split(a.name_key, ' ')[-1] = string_split(k.key, ' ')[-1] AND "), (wild, "")):
            if not keys_:
                continue
            for key, stored in conn.execute(
                "SELECT k.key, a.name_key FROM (SELECT unnest(?::VARCHAR[]) AS key) k "
                f"JOIN (SELECT DISTINCT name_key FROM actor_roles) a ON {on}a.name_key LIKE '% ' || k.key", [keys_]
            ).fetchall():
                found.setdefault(str(key), set()).add(str(stored))
        alias = {k: _key(next(iter(v))) for k, v in found.items() if len(v) == 1}
        by_key.update(_rows_by_key(conn, sorted(set(alias.values()) - set(by_key))))
    for name, key in keys.items():
        target = key if key in by_key else alias.get(key)
        rows = [dict(r) for r in by_key.get(target, [])] if target is not None else []
        out[name] = _held_until(rows)
    return out


def _rows_by_key(conn: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The rows of each of ``keys`` (name keys), oldest first (as :func:`roles_of` orders them)."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not keys:
        return out
    for r in _dicts(conn.execute(f"SELECT name_key, {', '.join(COLUMNS)} FROM actor_roles "
                                 "WHERE name_key IN (SELECT unnest(?::VARCHAR[])) ORDER BY name_key, observed, source",
                                 [keys])):
        out.setdefault(r.pop("name_key"), []).append(r)
    return out


def complete_doc(conn: duckdb.DuckDBPyConnection, doc: Doc) -> int:
    """Fill people the article left without a country from the stored role holding on its publication day
    (country, sector, code); what the text said is never overwritten. Returns how many actors were filled."""
    filled = 0
    people = [a for a in doc.actors if not (a.kind != "person" or a.country or (a.code and a.code.startswith("IGO")))]
    known = roles_of_many(conn, [a.name for a in people])
    for a in people:
        role = _holding(known[a.name], doc.article.published)
        if role is None or not (role["country"] or role["code"]):
            continue
        a.country = role["country"]
        a.sector = a.sector or role["sector"]
        a.code = role["code"] or (a.country + a.sector if a.country and a.sector else a.country)
        filled += 1
    return filled


def known_actors(conn: duckdb.DuckDBPyConnection) -> list[KnownActor]:
    """The stored roles as knowledge-base entries (surname as an alias), each valid from its observation to the
    day before the next different role: what the actor stage uses to find and code names in later articles."""
    out: list[KnownActor] = []
    for rows in _rows_by_name(conn, None).values():
        out.extend(_entries(rows))
    return out


def _rows_by_name(conn: duckdb.DuckDBPyConnection, keys: list[str] | None) -> dict[str, list[dict[str, Any]]]:
    """The role rows of each name key (of ``keys``; every one when None), in name-key order, each name's oldest
    first: one query, however many names."""
    where = "" if keys is None else "WHERE name_key IN (SELECT unnest(?::VARCHAR[])) "
    by_key: dict[str, list[dict[str, Any]]] = {}
    for r in _dicts(conn.execute(f"SELECT name_key, {', '.join(COLUMNS)} FROM actor_roles {where}"
                                 "ORDER BY name_key, observed, source", [] if keys is None else [keys])):
        by_key.setdefault(r.pop("name_key"), []).append(r)
    return by_key


def _entries(rows: list[dict[str, Any]]) -> list[KnownActor]:
    """The knowledge-base entries of one name's role rows (oldest first): its learned roles, then the user's."""
    out: list[KnownActor] = []
    rows = _held_until(rows)
    for r in rows:
        if r["source"] != "learned" or not (r["country"] or r["code"]):
            continue
        parts = r["name"].split()
        out.append(KnownActor(name=r["name"], aliases=(parts[-1],) if len(parts) > 1 else (),
                              country=r["country"], sector=r["sector"], kind="person",
                              valid_from=r["observed"], valid_to=r["held_until"], code=r["code"],
                              origin="learned"))
    for r in (r for r in rows if r["source"] == "user"):  # user rows: they win over learned and bundled ones
        parts = r["name"].split()
        out.append(KnownActor(name=r["name"], aliases=(parts[-1],) if len(parts) > 1 else (),
                              country=r["country"], sector=r["sector"], kind="person",
                              valid_from=r["observed"], valid_to=r["valid_to"], code=r["code"], origin="user"))
    return out


class LearnedRoles:
    """:func:`known_actors` kept up to date from one call to the next, reading only what changed: the names of
    the rows added since the last call (``actor_roles`` is only ever appended to), not every row.

    :meth:`update` returns whether the entries changed; :attr:`entries` is then what :func:`known_actors` returns
    now, in the same order.  When the rows it holds do not add up to the table's count (rows written with an
    earlier time than it saw, or removed), it reads every row again."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[KnownActor]] = {}
        self._rows: dict[str, int] = {}  # name key -> number of its rows
        self._mark: tuple[int, Any] | None = None  # (rows, latest ``added``) when last read
        self.entries: list[KnownActor] = []

    def update(self, conn: duckdb.DuckDBPyConnection) -> bool:
        """Read what was added since the last call; True when the entries changed."""
        count, newest = conn.execute("SELECT count(*), max(added) FROM actor_roles").fetchall()[0]
        mark = (int(count), newest)
        if mark == self._mark:
            return False
        keys: list[str] | None = None
        if self._mark is not None and self._mark[1] is not None:
            keys = [str(r[0]) for r in conn.execute(
                "SELECT DISTINCT name_key FROM actor_roles WHERE added >= ?", [self._mark[1]]).fetchall()]
        for _ in range(2):
            if keys is None:
                self._by_key, self._rows = {}, {}
            for key, rows in _rows_by_name(conn, sorted(keys) if keys is not None else None).items():
                self._rows[key] = len(rows)
                self._by_key[key] = _entries(rows)
            if sum(self._rows.values()) == mark[0]:
                break
            keys = None  # rows the added-time did not show: read them all
        self._mark = mark
        self.entries = [e for key in sorted(self._by_key) for e in self._by_key[key]]
        return True


def list_actors(conn: duckdb.DuckDBPyConnection, *, country: str | None = None,
                sector: str | None = None) -> list[dict[str, Any]]:
    """One row per name with its latest role (user rows first), filtered by that role's country/sector."""
    rows = _dicts(conn.execute(
        "SELECT name_key, arg_max(name, observed) AS name, count(*) AS observations, min(observed) AS first_seen, "
        "max(observed) AS last_seen FROM actor_roles GROUP BY name_key ORDER BY name_key"))
    out = []
    for r in rows:
        role = role_on(conn, r["name_key"], None)
        if role is None:
            continue
        if country and role["country"] != country.upper():
            continue
        if sector and role["sector"] != sector.upper():
            continue
        out.append({"name": r["name"], "country": role["country"], "sector": role["sector"], "code": role["code"],
                    "title": role["title"], "since": role["observed"], "observations": r["observations"],
                    "first_seen": r["first_seen"], "last_seen": r["last_seen"]})
    return out


def export_rows(conn: duckdb.DuckDBPyConnection) -> Iterator[str]:
    """Every role row as one JSON line (dates ISO)."""
    for r in _dicts(conn.execute(f"SELECT {', '.join(COLUMNS)} FROM actor_roles ORDER BY name_key, observed")):
        yield json.dumps({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in r.items()},
                         ensure_ascii=False)


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(where, f"bad date {value!r} (want YYYY-MM-DD)") from None


def import_rows(conn: duckdb.DuckDBPyConnection, lines: Iterable[str], *, source: str = "<import>",
                as_user: bool = True) -> int:
    """Add JSON-lines role rows (as written by :func:`export_rows`; ``name`` and ``observed`` required).
    ``as_user`` marks them ``user`` rows, which override learned roles. Raises :class:`InputError` naming the
    line of the first bad row, adding nothing."""
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not obj.get("name") or not obj.get("observed"):
            raise InputError(where, "a role row needs at least 'name' and 'observed'")
        rows.append([_key(obj["name"]), obj["name"], obj.get("title"), obj.get("country"), obj.get("sector"),
                     obj.get("code"), _date(obj["observed"], where), _date(obj.get("valid_to"), where),
                     "user" if as_user else (obj.get("source") or "learned"), obj.get("article_id"),
                     obj.get("evidence_start"), obj.get("evidence_end"), obj.get("evidence")])
    return _insert_rows(conn, rows)


def _insert_rows(conn: Any, rows: list[list[Any]]) -> int:
    """Write role rows (the ``actor_roles`` columns in table order, ``added`` aside); return how many."""
    if rows:
        conn.executemany(
            "INSERT INTO actor_roles (name_key, name, title, country, sector, code, observed, valid_to, source, "
            "article_id, evidence_start, evidence_end, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows)
    return len(rows)
