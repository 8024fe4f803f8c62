"""Schema versions 8 to 13 of the store: the merged-event tables and their rollups, the write counter, the
merged evidence and who reported a quote.  Released: never edit; a new migration is appended here (or in a new
module once this one is long) and listed in :data:`communique.store.schema.MIGRATIONS`."""

from __future__ import annotations

from ..rollups import FILL_ALL
from .status import resolved_status_sql

__all__ = ["V8_MERGED", "V9_PAIRS", "V10_GENERATION", "V11_ROLLUPS", "V12_EVIDENCE", "V13_REPORTED_BY"]

# v8 (reliability): the merged events kept as tables (``communique.store.merged``), refreshed as articles are
# stored, and the indexes the queries of one event or one page need.  Empty here: the first write (or
# ``merged.rebuild``) fills them; until then readers compute merged events from the reports.
V8_MERGED = (
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
V9_PAIRS = (
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
V10_GENERATION = (
    "CREATE TABLE store_generation (generation BIGINT NOT NULL)",
    "INSERT INTO store_generation VALUES (0)",
    "ALTER TABLE merged_state ADD COLUMN generation BIGINT DEFAULT 0",
    "CREATE TABLE merged_dirty (cluster_id BIGINT)",
)

# v11 (store): pre-aggregated tables for networks (per month) and dyad time series (per dyad and day), see
# :mod:`communique.store.rollups`; ``merged_dyads`` carries its merged event's date, Goldstein and QuadClass, from
# which the dyad days are summed; ``merged_keys`` lists each merged event under its actors' three-letter code
# prefixes.  Filled here from the merged tables as they stand, so a fresh store stays fresh.
V11_ROLLUPS = (
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
V12_EVIDENCE = (
    "ALTER TABLE merged ADD COLUMN evidence VARCHAR",
    "UPDATE merged SET evidence = substring(a.text, merged.evidence_start + 1, merged.evidence_end - "
    "merged.evidence_start) FROM articles a WHERE a.id = merged.first_article",
)

# v13 (provenance): who the reporter has a quote from when it sits inside someone else's statement ("Senator Ana
# Ruiz said Tomas Berg had called the merger 'a disaster'": speaker Berg, reported by Ruiz), the actor id and its
# mention's offsets into ``articles.text``, as ``quotes[].reported_by`` in the JSON.  NULL for quotes stored before
# this migration (the store keeps no parse to recompute them from: re-ingest the article to fill them).
V13_REPORTED_BY = (
    "ALTER TABLE quotes ADD COLUMN reported_by VARCHAR",
    "ALTER TABLE quotes ADD COLUMN reported_by_start INTEGER",
    "ALTER TABLE quotes ADD COLUMN reported_by_end INTEGER",
)
