"""DuckDB schema of the communique store, and its migrations.

Every change to the schema is a new entry at the end of :data:`MIGRATIONS`; an
entry, once released, is never edited.  :func:`migrate` applies the entries a
database has not seen yet, each in its own transaction, and records them in
``schema_version``.

Tables (schema version 1)::

    schema_version   version, applied (timestamp)
    articles         id (PK), title, published, url, outlet, source_path, text, added
    actors           (article_id, id) PK; name, kind, code, country, sector, title, anonymous
    events           uid (PK, global), (article_id, id) unique, seq, cameo, family (first 3 digits),
                     plover, label, goldstein, quad_class, status, negated, plover_mode,
                     plover_context, date, date_precision, date_basis, location_name,
                     location_country, lat, lon, geonames_id, location_key, evidence_sentence,
                     evidence_start, evidence_end, trigger_start, trigger_end, source_key,
                     target_key, cluster_id
    event_actors     event_uid, article_id, actor_id, role ('source' | 'target'), position,
                     code (actor code, else country; NULL when neither is known)
    attributions     article_id, event_uid (NULL for the article's own attributions), seq,
                     source, anonymous, kind, span_start, span_end, actor_id, cites
    quotes           article_id, seq, start, end, speaker, speaker_start, speaker_end, anonymous, via;
                     (v13) reported_by, reported_by_start, reported_by_end (the outer source of a quote
                     inside someone else's statement: actor id and its mention)
    mentions         (version 3) article_id, seq, start, end, label (PERSON, ORG, GPE, ...), actor_id
    status_rank      status, rank: which report status wins when reports are merged
    story_versions   (version 3) article_id (PK), story_id, reason ('same URL' | 'near-identical text'),
                     title, published, url, outlet, source_path, added: versions of a story that a
                     newer one replaced (or older ones seen after it); ``articles.simhash`` and
                     ``articles.story_url`` added
    actor_roles      (v5) name_key, name, title, country, sector, code, observed, valid_to, source
                     ('learned' | 'user'), article_id, evidence_start, evidence_end, evidence (the title text)

Views::

    clusters         one row per merged event: cluster_id, reports, articles, outlets,
                     status, first_date, last_date
    merged_events    one row per merged event with the fields :meth:`Store.events` returns

Offsets (``*_start``, ``*_end``) are Python string indexes (code points) into
``articles.text``; DuckDB's ``substring`` counts code points too, so
``substring(text, start + 1, end - start)`` is the annotated text.
"""

from __future__ import annotations

import duckdb

from ...errors import SchemaVersionError, StoreError, one_line
from ..transactions import transaction
from .status import DECISIVE_STATUSES, STATUS_ORDER, resolved_status_sql
from .v01 import V1
from .v02_v07 import V2, V3_VERSIONS, V4_MERGE, V5_ROLES, V6_MENTIONS, V7_WATCH
from .v08_v13 import V8_MERGED, V9_PAIRS, V10_GENERATION, V11_ROLLUPS, V12_EVIDENCE, V13_REPORTED_BY

__all__ = ["DECISIVE_STATUSES", "MIGRATIONS", "SCHEMA_VERSION", "STATUS_ORDER", "migrate", "resolved_status_sql",
           "schema_version"]

#: ``(version, statements)`` in order.  Append; never edit a released entry.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, V1), (2, V2), (3, V3_VERSIONS), (4, V4_MERGE), (5, V5_ROLES), (6, V6_MENTIONS), (7, V7_WATCH),
    (8, V8_MERGED), (9, V9_PAIRS), (10, V10_GENERATION), (11, V11_ROLLUPS), (12, V12_EVIDENCE),
    (13, V13_REPORTED_BY))

SCHEMA_VERSION: int = MIGRATIONS[-1][0]


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the database behind ``conn``; 0 for a database communique never touched."""
    try:
        exists = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
            "AND table_schema = current_schema()"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.Error as exc:
        raise StoreError(f"cannot read the store's schema version: {one_line(exc)}") from exc
    return int(row[0]) if row and row[0] is not None else 0


def migrate(conn: duckdb.DuckDBPyConnection) -> int:
    """Bring the database behind ``conn`` up to :data:`SCHEMA_VERSION`; return the version it is now at.

    Each migration runs in its own transaction, so an interrupted upgrade leaves
    the database at the last complete version.  A database written by a newer
    communique raises :class:`~communique.errors.SchemaVersionError`.
    """
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise SchemaVersionError(current, SCHEMA_VERSION)
    for version, statements in MIGRATIONS:
        if version <= current:
            continue
        with transaction(conn, f"cannot upgrade the store to schema version {version}"):
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, applied TIMESTAMP NOT NULL DEFAULT current_timestamp)"
            )
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
        current = version
    return current

