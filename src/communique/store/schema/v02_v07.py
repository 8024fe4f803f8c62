"""Schema versions 2 to 7 of the store: article offsets, story versions, the merge keys, learned roles, mentions
and the watcher's state.  Released: never edit."""

from __future__ import annotations

__all__ = ["V2", "V3_VERSIONS", "V4_MERGE", "V5_ROLES", "V6_MENTIONS", "V7_WATCH"]

# v2: where the body and the headline lie in ``articles.text``, which since v2 is the user's text exactly as
# read (for plain text the whole decoded file; offsets index it). NULL body = the whole text.
V2 = (
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
V3_VERSIONS: tuple[str, ...] = (
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
V6_MENTIONS: tuple[str, ...] = (
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
V4_MERGE = (
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
V5_ROLES = (
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
V7_WATCH = (
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
