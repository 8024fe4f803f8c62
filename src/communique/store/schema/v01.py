"""Schema version 1 of the store: the report tables, ``status_rank`` and the ``clusters`` / ``merged_events``
views (described in :mod:`communique.store.schema`).  Released: never edit."""

from __future__ import annotations

from .status import STATUS_ORDER

__all__ = ["V1"]

V1: tuple[str, ...] = (
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
