"""The PostgreSQL schema, as migrations that bring any older database up to date.

The tables and columns are those of the SQLite store (:mod:`ghatna.store.schema`) at its
current version, written for PostgreSQL: ``rowid`` is an identity column where the
shared queries use it, and full-text search is a ``tsvector`` column of each article
(:func:`ghatna.store.dialect.article_vector`: the words of its headline with weight A,
of its body with weight B, their Latin search keys with weight C) and of each event (the
words of its sentence, :func:`ghatna.store.dialect.lexemes`), filled by the store.
The number of migrations applied is kept in ``ghatna_schema``; each entry of
:data:`PG_MIGRATIONS` is a list of statements, or a function of the connection.
"""

from __future__ import annotations

from typing import Any, Callable

from .dialect import article_vector


def _weigh_article_search(conn: Any, chunk: int = 500) -> None:
    """Article search columns written again with positions and weights (headline, body,
    Latin keys): those of migration 1 had neither, and PostgreSQL keeps weights only on
    positions."""
    last = 0
    while True:
        rows = conn.execute("SELECT rowid, title, text, search_latin FROM articles WHERE rowid > ? "
                            "ORDER BY rowid LIMIT ?", (last, chunk)).fetchall()
        if not rows:
            return
        conn.executemany("UPDATE articles SET search = ?::tsvector WHERE rowid = ?",
                         [(article_vector(r[1] or "", r[2] or "", r[3] or ""), r[0]) for r in rows])
        last = rows[-1][0]


PG_MIGRATIONS: list[list[str] | Callable[[Any], None]] = [
    # 1: everything of SQLite schema 6
    [
        """CREATE TABLE articles (
            rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            doc TEXT, source TEXT, title TEXT, byline TEXT, dateline TEXT, date TEXT, url TEXT,
            language TEXT, language_confidence DOUBLE PRECISION, raw_format TEXT,
            raw TEXT NOT NULL, text TEXT NOT NULL, title_raw_start INTEGER, offsets TEXT,
            meta TEXT, stages TEXT, created_at TEXT NOT NULL,
            simhash BIGINT, near_duplicate_of TEXT, search_latin TEXT, search TSVECTOR)""",
        "CREATE INDEX articles_content_hash ON articles(content_hash)",
        "CREATE INDEX articles_date ON articles(date)",
        "CREATE INDEX articles_search ON articles USING GIN (search)",
        """CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, part TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence_idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, label TEXT, source TEXT, score DOUBLE PRECISION,
            entity_id TEXT, entity_name TEXT, entity_type TEXT, country TEXT, org TEXT,
            sector TEXT, code TEXT, role TEXT)""",
        "CREATE INDEX mentions_article ON mentions(article_id, sentence_idx)",
        "CREATE INDEX mentions_entity ON mentions(entity_id)",
        """CREATE TABLE events (
            rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence_idx INTEGER NOT NULL, event TEXT NOT NULL, cameo TEXT, quad_code INTEGER,
            mode TEXT, aux_mode TEXT, date TEXT, confidence DOUBLE PRECISION, record TEXT NOT NULL,
            report_key TEXT, sentence_search TSVECTOR)""",
        "CREATE INDEX events_article ON events(article_id)",
        "CREATE INDEX events_type_date ON events(event, date)",
        "CREATE INDEX events_date ON events(date)",
        "CREATE INDEX events_report_key ON events(report_key)",
        "CREATE INDEX events_search ON events USING GIN (sentence_search)",
        """CREATE TABLE event_actors (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            role TEXT NOT NULL, entity_id TEXT, country TEXT, org TEXT, code TEXT)""",
        "CREATE INDEX event_actors_event ON event_actors(event_id)",
        "CREATE INDEX event_actors_entity ON event_actors(entity_id)",
        "CREATE INDEX event_actors_country ON event_actors(country)",
        "CREATE INDEX event_actors_code ON event_actors(code)",
        "CREATE INDEX event_actors_org ON event_actors(org)",
        """CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence_idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, kind TEXT, speaker TEXT, speaker_text TEXT)""",
        "CREATE INDEX quotes_article ON quotes(article_id)",
        """CREATE TABLE ingest_log (
            input TEXT NOT NULL, fingerprint TEXT NOT NULL, outcome TEXT NOT NULL,
            reason TEXT, article_id TEXT, updated_at TEXT NOT NULL,
            PRIMARY KEY (input, fingerprint))""",
        "CREATE INDEX ingest_log_article ON ingest_log(article_id)",
        """CREATE TABLE simhash_bands (
            band INTEGER NOT NULL, value INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (band, value, article_id))""",
    ],
    # 2: analysts' reviews (SQLite schema 7)
    [
        """CREATE TABLE reviews (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_id TEXT NOT NULL, article_id TEXT NOT NULL, sentence_idx INTEGER NOT NULL,
            verdict TEXT NOT NULL, corrected TEXT, note TEXT, reviewer TEXT, time TEXT NOT NULL,
            record TEXT NOT NULL)""",
        "CREATE INDEX reviews_event ON reviews(event_id, id)",
        "CREATE INDEX reviews_article ON reviews(article_id, sentence_idx)",
        "ALTER TABLE events ADD COLUMN review TEXT",
        "CREATE INDEX events_review ON events(review)",
        """UPDATE events SET record = left(record, -1) || ', "review": null}'
            WHERE record NOT LIKE '%"review": null}'""",
    ],
    # 3: the web interface's newest-first lists (undated last) read these indexes in order
    [
        "CREATE INDEX events_date_desc ON events(date DESC NULLS LAST)",
        "CREATE INDEX articles_date_desc ON articles(date DESC NULLS LAST)",
    ],
    # 4: article search with positions and weights (headline, body, Latin keys)
    _weigh_article_search,
]

PG_SCHEMA_VERSION = len(PG_MIGRATIONS)
