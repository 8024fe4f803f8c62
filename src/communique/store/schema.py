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

from ..errors import SchemaVersionError, StoreError, one_line
from .rollups import FILL_ALL
from .transactions import transaction

__all__ = ["DECISIVE_STATUSES", "MIGRATIONS", "SCHEMA_VERSION", "STATUS_ORDER", "migrate", "resolved_status_sql",
           "schema_version"]

#: When reports of one event disagree, the status earliest in this list wins.
STATUS_ORDER: tuple[str, ...] = ("confirmed", "denied", "reported", "unconfirmed", "planned", "hypothetical")

#: The statuses that settle a merged event's status when a report says them: the latest such report wins.
DECISIVE_STATUSES: tuple[str, ...] = ("confirmed", "denied")


def resolved_status_sql(e: str = "e", a: str = "a") -> str:
    """The store's one rule for a merged event's status, as an aggregate over its reports ``e`` (``events``)
    joined with their articles ``a``: the status of the latest report saying ``confirmed`` or ``denied``
    (latest by its article's publication date, undated articles counting as the oldest, then by the time
    the article was stored, then by report uid), else the best status by :data:`STATUS_ORDER`; NULL when
    no report has a known status.  Used by the ``clusters`` view (so ``Store.events``), the merged-event
    tables and :mod:`communique.analysis`."""
    order = "[" + ", ".join(f"'{s}'" for s in STATUS_ORDER) + "]"
    decisive = ", ".join(f"'{s}'" for s in DECISIVE_STATUSES)
    latest = (f"{{'dated': {a}.published IS NOT NULL, 'published': coalesce({a}.published, DATE '0001-01-01'), "
              f"'added': coalesce({a}.added, TIMESTAMP '0001-01-01'), 'uid': {e}.uid}}")
    return (f"coalesce(arg_max({e}.status, {latest}) FILTER (WHERE {e}.status IN ({decisive})), "
            f"{order}[min(coalesce(list_position({order}, {e}.status), 99))])")

_V1: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        title VARCHAR,
        published DATE,
        url VARCHAR,
        outlet VARCHAR,
        source_path VARCHAR,
        text VARCHAR NOT NULL,
        added TIMESTAMP NOT NULL DEFAULT current_timestamp
    )
    """,
    """
    CREATE TABLE actors (
        article_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        code VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        title VARCHAR,
        anonymous BOOLEAN NOT NULL,
        PRIMARY KEY (article_id, id)
    )
    """,
    "CREATE SEQUENCE event_uid START 1",
    """
    CREATE TABLE events (
        uid BIGINT PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        cameo VARCHAR NOT NULL,
        family VARCHAR NOT NULL,
        plover VARCHAR,
        label VARCHAR NOT NULL,
        goldstein DOUBLE,
        quad_class INTEGER,
        status VARCHAR NOT NULL,
        negated BOOLEAN NOT NULL,
        plover_mode VARCHAR,
        plover_context VARCHAR,
        date DATE,
        date_precision VARCHAR,
        date_basis VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        geonames_id BIGINT,
        location_key VARCHAR,
        evidence_sentence INTEGER NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        source_key VARCHAR,
        target_key VARCHAR,
        cluster_id BIGINT NOT NULL,
        UNIQUE (article_id, id)
    )
    """,
    "CREATE INDEX events_cluster ON events (cluster_id)",
    "CREATE INDEX events_match ON events (family, source_key, target_key)",
    """
    CREATE TABLE event_actors (
        event_uid BIGINT NOT NULL,
        article_id VARCHAR NOT NULL,
        actor_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL CHECK (role IN ('source', 'target')),
        position INTEGER NOT NULL,
        code VARCHAR
    )
    """,
    """
    CREATE TABLE attributions (
        article_id VARCHAR NOT NULL,
        event_uid BIGINT,
        seq INTEGER NOT NULL,
        source VARCHAR NOT NULL,
        anonymous BOOLEAN NOT NULL,
        kind VARCHAR NOT NULL,
        span_start INTEGER,
        span_end INTEGER,
        actor_id VARCHAR,
        cites INTEGER
    )
    """,
    """
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        speaker VARCHAR,
        speaker_start INTEGER,
        speaker_end INTEGER,
        anonymous BOOLEAN NOT NULL,
        via VARCHAR,
        PRIMARY KEY (article_id, seq)
    )
    """,
    "CREATE TABLE status_rank (status VARCHAR PRIMARY KEY, rank INTEGER NOT NULL)",
    "INSERT INTO status_rank VALUES " + ", ".join(f"('{status}', {rank})" for rank, status in enumerate(STATUS_ORDER)),
    """
    CREATE VIEW clusters AS
    WITH grouped AS (
        SELECT
            e.cluster_id,
            count(*) AS reports,
            count(DISTINCT e.article_id) AS articles,
            count(DISTINCT a.outlet) AS outlets,
            min(coalesce(s.rank, 99)) AS best_rank,
            min(e.date) AS first_date,
            max(e.date) AS last_date
        FROM events e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN status_rank s ON s.status = e.status
        GROUP BY e.cluster_id
    )
    SELECT g.cluster_id, g.reports, g.articles, g.outlets, r.status, g.first_date, g.last_date
    FROM grouped g LEFT JOIN status_rank r ON r.rank = g.best_rank
    """,
    """
    CREATE VIEW merged_events AS
    WITH ranked AS (
        SELECT
            e.*,
            row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.uid) AS first_rank,
            row_number() OVER (
                PARTITION BY e.cluster_id
                ORDER BY e.date IS NULL,
                         CASE e.date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'year' THEN 2
                                               WHEN 'on_or_before' THEN 3 ELSE 4 END,
                         e.date, e.uid
            ) AS date_rank,
            row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.location_name IS NULL, e.uid) AS place_rank
        FROM events e
    ),
    first_report AS (
        SELECT r.*, substring(a.text, r.evidence_start + 1, r.evidence_end - r.evidence_start) AS evidence
        FROM ranked r JOIN articles a ON a.id = r.article_id
        WHERE r.first_rank = 1
    ),
    sides AS (
        SELECT ea.event_uid, ea.role,
               string_agg(coalesce(ea.code, ac.name, ea.actor_id), ';' ORDER BY ea.position) AS codes
        FROM event_actors ea
        LEFT JOIN actors ac ON ac.article_id = ea.article_id AND ac.id = ea.actor_id
        GROUP BY ea.event_uid, ea.role
    ),
    reporting AS (
        SELECT cluster_id, article_id, min(uid) AS first_uid FROM events GROUP BY cluster_id, article_id
    ),
    cited AS (
        SELECT e.cluster_id, t.source, min(e.uid * 100000 + t.seq) AS first_seen
        FROM attributions t JOIN events e ON e.uid = t.event_uid
        GROUP BY e.cluster_id, t.source
    )
    SELECT
        f.cluster_id,
        f.id AS event_id,
        d.date,
        d.date_precision,
        f.cameo,
        f.label,
        f.plover,
        f.goldstein,
        f.quad_class,
        (SELECT codes FROM sides WHERE event_uid = f.uid AND role = 'source') AS source,
        (SELECT codes FROM sides WHERE event_uid = f.uid AND role = 'target') AS target,
        p.location_name AS location,
        p.location_country AS country,
        p.lat,
        p.lon,
        c.status,
        c.articles AS corroboration,
        c.outlets,
        (SELECT list(article_id ORDER BY first_uid) FROM reporting WHERE cluster_id = f.cluster_id) AS articles,
        f.evidence,
        (SELECT string_agg(source, '; ' ORDER BY first_seen) FROM cited WHERE cluster_id = f.cluster_id)
            AS attribution
    FROM first_report f
    JOIN ranked d ON d.cluster_id = f.cluster_id AND d.date_rank = 1
    JOIN ranked p ON p.cluster_id = f.cluster_id AND p.place_rank = 1
    JOIN clusters c ON c.cluster_id = f.cluster_id
    """,
)

# v2: where the body and the headline lie in ``articles.text``, which since v2 is the user's text exactly as
# read (for plain text the whole decoded file; offsets index it). NULL body = the whole text.
_V2 = (
    "ALTER TABLE articles ADD COLUMN body_start INTEGER",
    "ALTER TABLE articles ADD COLUMN body_end INTEGER",
    "ALTER TABLE articles ADD COLUMN title_start INTEGER",
    "ALTER TABLE articles ADD COLUMN title_end INTEGER",
)

# Versions of one story (reliability): an update or correction of a stored article (same URL, or a
# near-identical body) replaces it; the replaced or older versions are listed here, pointing at the
# article that stands for the story now.  ``articles.simhash`` is the 64-bit SimHash of the body's word
# 3-shingles, ``articles.story_url`` its URL as compared between versions (both NULL for articles stored
# before this migration, which are not matched).
_V3_VERSIONS: tuple[str, ...] = (
    "ALTER TABLE articles ADD COLUMN simhash BIGINT",
    "ALTER TABLE articles ADD COLUMN story_url VARCHAR",
    """
    CREATE TABLE story_versions (
        article_id VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        title VARCHAR,
        published DATE,
        url VARCHAR,
        outlet VARCHAR,
        source_path VARCHAR,
        added TIMESTAMP NOT NULL DEFAULT current_timestamp
    )
    """,
)

# v6 (viz): the actor mentions of each article (character offsets into ``articles.text``).
_V6_MENTIONS: tuple[str, ...] = (
    """
    CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label VARCHAR NOT NULL,
        actor_id VARCHAR,
        PRIMARY KEY (article_id, seq)
    )
    """,
)

# v4 (provenance): the cross-article merge. ``root`` is the CAMEO root (first two digits, the action family),
# ``source_root`` / ``target_root`` the sorted distinct country parts (first three letters) of each side's
# actor codes (NULL when an actor has no code); ``clusters`` takes the status of the latest confirmation or
# denial (by publication date, then insertion), else the best by ``status_rank``; ``reports`` lists every
# report of a merged event with its outlet, date and evidence.
_V4_MERGE = (
    "ALTER TABLE events ADD COLUMN root VARCHAR",
    "ALTER TABLE events ADD COLUMN source_root VARCHAR",
    "ALTER TABLE events ADD COLUMN target_root VARCHAR",
    # the index before the updates: DuckDB cannot create one over rows updated in the same transaction
    "CREATE INDEX events_root ON events (root, source_root, target_root)",
    "UPDATE events SET root = substr(cameo, 1, 2)",
    """
    UPDATE events SET
        source_root = (SELECT CASE WHEN count(*) > 0 AND count(*) = count(ea.code) THEN
                           array_to_string(list_sort(list_distinct(list(substr(ea.code, 1, 3)))), '|') END
                       FROM event_actors ea WHERE ea.event_uid = events.uid AND ea.role = 'source'),
        target_root = (SELECT CASE WHEN count(*) = count(ea.code) THEN
                           array_to_string(list_sort(list_distinct(list(substr(ea.code, 1, 3)))), '|') END
                       FROM event_actors ea WHERE ea.event_uid = events.uid AND ea.role = 'target')
    """,
    """
    CREATE OR REPLACE VIEW clusters AS
    WITH grouped AS (
        SELECT
            e.cluster_id,
            count(*) AS reports,
            count(DISTINCT e.article_id) AS articles,
            count(DISTINCT a.outlet) AS outlets,
            min(coalesce(s.rank, 99)) AS best_rank,
            min(e.date) AS first_date,
            max(e.date) AS last_date
        FROM events e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN status_rank s ON s.status = e.status
        GROUP BY e.cluster_id
    ),
    decisive AS (
        SELECT e.cluster_id, e.status,
               row_number() OVER (PARTITION BY e.cluster_id
                                  ORDER BY a.published DESC NULLS LAST, a.added DESC, e.uid DESC) AS latest
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE e.status IN ('confirmed', 'denied')
    )
    SELECT g.cluster_id, g.reports, g.articles, g.outlets, coalesce(d.status, r.status) AS status,
           g.first_date, g.last_date
    FROM grouped g
    LEFT JOIN status_rank r ON r.rank = g.best_rank
    LEFT JOIN decisive d ON d.cluster_id = g.cluster_id AND d.latest = 1
    """,
    """
    CREATE VIEW reports AS
    SELECT e.cluster_id, e.uid, e.article_id, a.outlet, a.published, a.url, e.id AS event_id, e.cameo, e.label,
           e.status, e.date, e.date_precision, e.location_name AS location, e.location_country AS country,
           e.evidence_start, e.evidence_end,
           substring(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence,
           (SELECT string_agg(t.source, '; ' ORDER BY t.seq) FROM attributions t WHERE t.event_uid = e.uid)
               AS attribution
    FROM events e JOIN articles a ON a.id = e.article_id
    """,
)

# v5: roles of people learned from the news (a title before a name) and roles users import.  A role holds from
# its observation date until a later observation of the same name with a different role (history is never
# rewritten); ``source`` 'user' rows (``communique actors import``) override 'learned' ones.
_V5_ROLES = (
    """
    CREATE TABLE actor_roles (
        name_key VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        title VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        code VARCHAR,
        observed DATE NOT NULL,
        valid_to DATE,
        source VARCHAR NOT NULL DEFAULT 'learned',
        article_id VARCHAR,
        evidence_start INTEGER,
        evidence_end INTEGER,
        evidence VARCHAR,
        added TIMESTAMP NOT NULL DEFAULT current_timestamp
    )
    """,
    "CREATE INDEX actor_roles_name ON actor_roles (name_key, observed)",
)

# v7: the watcher's state (``communique watch``): each polled source with its HTTP validators, and each
# article URL seen (canonical form), so that a restarted watcher neither loses nor repeats an item.
_V7_WATCH = (
    """
    CREATE TABLE watch_sources (
        url VARCHAR PRIMARY KEY,
        etag VARCHAR,
        last_modified VARCHAR,
        last_polled TIMESTAMP,
        last_status INTEGER,
        last_error VARCHAR,
        polls INTEGER NOT NULL DEFAULT 0,
        stored INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE watch_seen (
        url VARCHAR PRIMARY KEY,
        article_id VARCHAR,
        outcome VARCHAR NOT NULL,
        reason VARCHAR,
        source VARCHAR,
        first_seen TIMESTAMP NOT NULL DEFAULT current_timestamp
    )
    """,
)

# v8 (reliability): the merged events kept as tables (``communique.store.merged``), refreshed as articles are
# stored, and the indexes the queries of one event or one page need.  Empty here: the first write (or
# ``merged.rebuild``) fills them; until then readers compute merged events from the reports.
_V8_MERGED = (
    """
    CREATE TABLE merged (
        cluster_id BIGINT NOT NULL,
        first_uid BIGINT NOT NULL,
        cameo VARCHAR,
        label VARCHAR,
        plover VARCHAR,
        goldstein DOUBLE,
        quad_class INTEGER,
        date DATE,
        date_precision VARCHAR,
        location VARCHAR,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        geonames_id BIGINT,
        status VARCHAR,
        negated BOOLEAN,
        corroboration BIGINT NOT NULL,
        reports BIGINT NOT NULL,
        event_id VARCHAR,
        first_article VARCHAR,
        sentence INTEGER,
        evidence_start INTEGER,
        evidence_end INTEGER,
        plover_mode VARCHAR,
        plover_context VARCHAR,
        outlets BIGINT,
        articles VARCHAR[],
        attribution VARCHAR,
        source_actors STRUCT(id VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR)[],
        target_actors STRUCT(id VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR)[]
    )
    """,
    """
    CREATE TABLE merged_actors (
        cluster_id BIGINT NOT NULL,
        event_uid BIGINT NOT NULL,
        role VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        actor_id VARCHAR NOT NULL,
        code VARCHAR,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        code_key VARCHAR,
        name_key VARCHAR,
        country_key VARCHAR,
        is_first BOOLEAN NOT NULL,
        node_actor VARCHAR,
        node_country VARCHAR
    )
    """,
    """
    CREATE TABLE merged_members (
        uid BIGINT NOT NULL, cluster_id BIGINT NOT NULL, article_id VARCHAR NOT NULL, outlet VARCHAR
    )
    """,
    "CREATE TABLE merged_state (reports BIGINT NOT NULL, max_uid BIGINT NOT NULL, cluster_sum HUGEINT NOT NULL)",
    "CREATE INDEX merged_cluster ON merged (cluster_id)",
    "CREATE INDEX merged_actors_cluster ON merged_actors (cluster_id)",
    "CREATE INDEX merged_members_uid ON merged_members (uid)",
    "CREATE INDEX merged_members_cluster ON merged_members (cluster_id)",
    "CREATE INDEX event_actors_event ON event_actors (event_uid)",
    "CREATE INDEX attributions_event ON attributions (event_uid)",
    "CREATE INDEX events_article ON events (article_id)",
)

# v9 (reliability): the network's node pairs and the three-letter dyads of every merged event kept as tables
# (``communique.store.merged``); the merged rows' lists as JSON text (nested columns are slow to read row by
# row); one status rule for every reader: ``clusters`` computes it with
# ``resolved_status_sql`` as the merged tables do.  The merged tables are marked stale (``merged_state``
# emptied): ``Store`` recomputes them right after this upgrade.
_V9_PAIRS = (
    """
    CREATE TABLE merged_pairs (
        cluster_id BIGINT NOT NULL,
        date DATE,
        quad_class INTEGER,
        goldstein DOUBLE,
        level VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        target VARCHAR NOT NULL,
        source_name VARCHAR,
        target_name VARCHAR
    )
    """,
    "CREATE TABLE merged_dyads (cluster_id BIGINT NOT NULL, source3 VARCHAR NOT NULL, target3 VARCHAR NOT NULL)",
    f"""
    CREATE OR REPLACE VIEW clusters AS
    SELECT e.cluster_id, count(*) AS reports, count(DISTINCT e.article_id) AS articles,
           count(DISTINCT a.outlet) AS outlets, {resolved_status_sql()} AS status,
           min(e.date) AS first_date, max(e.date) AS last_date
    FROM events e JOIN articles a ON a.id = e.article_id
    GROUP BY e.cluster_id
    """,
    "ALTER TABLE merged ADD COLUMN articles_json VARCHAR",
    "ALTER TABLE merged ADD COLUMN source_json VARCHAR",
    "ALTER TABLE merged ADD COLUMN target_json VARCHAR",
    "DELETE FROM merged_state",
)

# v10 (reliability): a write counter.  ``store_generation`` holds one number that every writer of the reports
# (``events``, ``event_actors``, ``actors``, ``articles``, ``attributions``) advances in its transaction
# (:func:`communique.store.merged.changed`); ``merged_state.generation`` is the one the merged tables describe,
# so a write the fingerprint of ``events`` cannot see (an UPDATE of a status or a date) still makes them stale.
# ``merged_dirty`` lists the clusters such a write touched (NULL: unknown, recompute all).  Existing stores start
# at generation 0 on both sides: their merged tables stay as fresh as they were.
_V10_GENERATION = (
    "CREATE TABLE store_generation (generation BIGINT NOT NULL)",
    "INSERT INTO store_generation VALUES (0)",
    "ALTER TABLE merged_state ADD COLUMN generation BIGINT DEFAULT 0",
    "CREATE TABLE merged_dirty (cluster_id BIGINT)",
)

# v11 (store): pre-aggregated tables for networks (per month) and dyad time series (per dyad and day), see
# :mod:`communique.store.rollups`; ``merged_dyads`` carries its merged event's date, Goldstein and QuadClass, from
# which the dyad days are summed; ``merged_keys`` lists each merged event under its actors' three-letter code
# prefixes.  Filled here from the merged tables as they stand, so a fresh store stays fresh.
_V11_ROLLUPS = (
    "ALTER TABLE merged_dyads ADD COLUMN date DATE",
    "ALTER TABLE merged_dyads ADD COLUMN goldstein DOUBLE",
    "ALTER TABLE merged_dyads ADD COLUMN quad_class INTEGER",
    "UPDATE merged_dyads SET date = m.date, goldstein = m.goldstein, quad_class = m.quad_class FROM merged m "
    "WHERE m.cluster_id = merged_dyads.cluster_id",
    """
    CREATE TABLE merged_net_edges (
        level VARCHAR NOT NULL, month DATE, source VARCHAR NOT NULL, target VARCHAR NOT NULL,
        events BIGINT NOT NULL, cooperation BIGINT NOT NULL, conflict BIGINT NOT NULL, goldstein_sum DOUBLE,
        goldstein_n BIGINT NOT NULL
    )
    """,
    "CREATE TABLE merged_net_nodes (level VARCHAR NOT NULL, month DATE, node VARCHAR NOT NULL, events BIGINT NOT NULL)",
    "CREATE TABLE merged_net_names (level VARCHAR NOT NULL, month DATE, node VARCHAR NOT NULL, name VARCHAR NOT NULL, "
    "n BIGINT NOT NULL)",
    "CREATE TABLE merged_net_totals (level VARCHAR NOT NULL, month DATE, events BIGINT NOT NULL)",
    """
    CREATE TABLE merged_dyad_days (
        lo VARCHAR NOT NULL, hi VARCHAR NOT NULL, dir VARCHAR NOT NULL, date DATE NOT NULL, events BIGINT NOT NULL,
        goldstein_sum DOUBLE, goldstein_n BIGINT NOT NULL, q1 BIGINT NOT NULL, q2 BIGINT NOT NULL,
        q3 BIGINT NOT NULL, q4 BIGINT NOT NULL, cluster_ids BIGINT[] NOT NULL
    )
    """,
    "CREATE TABLE merged_keys (key3 VARCHAR NOT NULL, cluster_id BIGINT NOT NULL, date DATE, quad_class INTEGER)",
    *FILL_ALL,
)

# v12 (store): ``merged.evidence``, the first report's evidence text (cut from its article's text by the evidence
# offsets), so an event page reads no article: looking 50 articles up by id scanned the whole ``articles`` id
# column (7 ms of CPU per page on the 1M-event benchmark store, a third of the page).  Filled here.
_V12_EVIDENCE = (
    "ALTER TABLE merged ADD COLUMN evidence VARCHAR",
    "UPDATE merged SET evidence = substring(a.text, merged.evidence_start + 1, merged.evidence_end - "
    "merged.evidence_start) FROM articles a WHERE a.id = merged.first_article",
)

# v13 (provenance): who the reporter has a quote from when it sits inside someone else's statement ("Senator Ana
# Ruiz said Tomas Berg had called the merger 'a disaster'": speaker Berg, reported by Ruiz), the actor id and its
# mention's offsets into ``articles.text``, as ``quotes[].reported_by`` in the JSON.  NULL for quotes stored before
# this migration (the store keeps no parse to recompute them from: re-ingest the article to fill them).
_V13_REPORTED_BY = (
    "ALTER TABLE quotes ADD COLUMN reported_by VARCHAR",
    "ALTER TABLE quotes ADD COLUMN reported_by_start INTEGER",
    "ALTER TABLE quotes ADD COLUMN reported_by_end INTEGER",
)

#: ``(version, statements)`` in order.  Append; never edit a released entry.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, _V1), (2, _V2), (3, _V3_VERSIONS), (4, _V4_MERGE), (5, _V5_ROLES), (6, _V6_MENTIONS), (7, _V7_WATCH),
    (8, _V8_MERGED), (9, _V9_PAIRS), (10, _V10_GENERATION), (11, _V11_ROLLUPS), (12, _V12_EVIDENCE),
    (13, _V13_REPORTED_BY))

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

