"""The store's schema: numbered migrations that bring any older database up to date.

Each entry of :data:`MIGRATIONS` is SQL or a function of a connection; a database holds
the number of migrations applied (``PRAGMA user_version``) and :class:`~ghatna.store.sqlite.Store`
applies the missing ones on open, each in its own transaction.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata

from ..events.reports import report_key
from .search import search_latin

MIGRATIONS: list[str] = [
    # 1: articles, sentences, mentions, events, quotes, the ingest log
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        doc TEXT, source TEXT, title TEXT, byline TEXT, dateline TEXT, date TEXT, url TEXT,
        language TEXT, language_confidence REAL, raw_format TEXT,
        raw TEXT NOT NULL, text TEXT NOT NULL, title_raw_start INTEGER, offsets TEXT,
        meta TEXT, stages TEXT, created_at TEXT NOT NULL
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_date ON articles(date);
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, part TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence_idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL, label TEXT, source TEXT, score REAL,
        entity_id TEXT, entity_name TEXT, entity_type TEXT, country TEXT, org TEXT,
        sector TEXT, code TEXT, role TEXT
    );
    CREATE INDEX mentions_article ON mentions(article_id, sentence_idx);
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence_idx INTEGER NOT NULL, event TEXT NOT NULL, cameo TEXT, quad_code INTEGER,
        mode TEXT, aux_mode TEXT, date TEXT, confidence REAL, record TEXT NOT NULL
    );
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_type_date ON events(event, date);
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL, entity_id TEXT, country TEXT, org TEXT, code TEXT
    );
    CREATE INDEX event_actors_event ON event_actors(event_id);
    CREATE INDEX event_actors_entity ON event_actors(entity_id);
    CREATE INDEX event_actors_country ON event_actors(country);
    CREATE INDEX event_actors_code ON event_actors(code);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence_idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL, kind TEXT, speaker TEXT, speaker_text TEXT
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE TABLE ingest_log (
        input TEXT NOT NULL, fingerprint TEXT NOT NULL, outcome TEXT NOT NULL,
        reason TEXT, article_id TEXT, updated_at TEXT NOT NULL,
        PRIMARY KEY (input, fingerprint)
    );
    CREATE INDEX ingest_log_article ON ingest_log(article_id);
    """,
    # 2: near-duplicate fingerprints (SimHash, indexed by four 16-bit bands)
    """
    ALTER TABLE articles ADD COLUMN simhash INTEGER;
    ALTER TABLE articles ADD COLUMN near_duplicate_of TEXT;
    CREATE TABLE simhash_bands (
        band INTEGER NOT NULL, value INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band, value, article_id)
    ) WITHOUT ROWID;
    """,
    # 3: full-text search over headline, body and the Latin search keys of their words
    lambda conn: _add_search(conn),
    # 4: events by the words of their sentence (web filter), and by organisation
    lambda conn: _add_event_search(conn),
    # 5: search keys from ghatna.actors.translit (one romaniser for the knowledge base and search)
    lambda conn: _refresh_search_keys(conn),
    # 6: each event's report key (ghatna.events.reports), for one record per reported event
    lambda conn: _add_report_keys(conn),
    # 7: analysts' reviews of events (ghatna.store.reviews): an append-only history, and
    # each event's latest verdict beside its record, which gains "review" (null until judged)
    """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL, article_id TEXT NOT NULL, sentence_idx INTEGER NOT NULL,
        verdict TEXT NOT NULL, corrected TEXT, note TEXT, reviewer TEXT, time TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX reviews_event ON reviews(event_id, id);
    CREATE INDEX reviews_article ON reviews(article_id, sentence_idx);
    ALTER TABLE events ADD COLUMN review TEXT;
    CREATE INDEX events_review ON events(review);
    UPDATE events SET record = substr(record, 1, length(record) - 1) || ', "review": null}'
        WHERE record NOT LIKE '%"review": null}';
    """,
]

# Devanagari vowel signs, virama, nukta and other combining marks, plus ZWNJ/ZWJ: FTS5's
# unicode61 tokenizer would split words at them unless they are token characters.
_DEVANAGARI_MARKS = "".join(chr(c) for c in range(0x0900, 0x0980)
                            if unicodedata.category(chr(c)) in ("Mn", "Mc")) + "\u200c\u200d"

SEARCH_SCHEMA = [
    "ALTER TABLE articles ADD COLUMN search_latin TEXT",
    f"""CREATE VIRTUAL TABLE article_fts USING fts5(
        title, text, search_latin, content='articles', content_rowid='rowid',
        tokenize="unicode61 remove_diacritics 2 tokenchars '{_DEVANAGARI_MARKS}'")""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_fts(rowid, title, text, search_latin)
        VALUES (new.rowid, new.title, new.text, new.search_latin);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text, search_latin)
        VALUES ('delete', old.rowid, old.title, old.text, old.search_latin);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, search_latin ON articles
    BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text, search_latin)
        VALUES ('delete', old.rowid, old.title, old.text, old.search_latin);
        INSERT INTO article_fts(rowid, title, text, search_latin)
        VALUES (new.rowid, new.title, new.text, new.search_latin);
    END""",
]


EVENT_SEARCH_SCHEMA = [
    "CREATE INDEX IF NOT EXISTS event_actors_org ON event_actors(org)",
    # the words of each event's sentence, for filtering events by text
    f"""CREATE VIRTUAL TABLE event_fts USING fts5(
        text, tokenize="unicode61 remove_diacritics 2 tokenchars '{_DEVANAGARI_MARKS}'")""",
    """INSERT INTO event_fts(rowid, text) SELECT e.rowid, s.text FROM events e
        JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx""",
    """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO event_fts(rowid, text) SELECT new.rowid, s.text FROM sentences s
        WHERE s.article_id = new.article_id AND s.idx = new.sentence_idx;
    END""",
    """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        DELETE FROM event_fts WHERE rowid = old.rowid;
    END""",
]


def _add_event_search(conn: sqlite3.Connection) -> None:
    """Migration 4: the event sentence index, filled for the events already stored."""
    for statement in EVENT_SEARCH_SCHEMA:
        conn.execute(statement)


def _add_search(conn: sqlite3.Connection) -> None:
    """Migration 3: the search table, filled for the articles already stored."""
    conn.execute(SEARCH_SCHEMA[0])  # the column first, filled before any trigger exists
    rows = conn.execute("SELECT rowid, title, text FROM articles").fetchall()
    conn.executemany("UPDATE articles SET search_latin=? WHERE rowid=?",
                     [(search_latin(r[1] or "", r[2] or ""), r[0]) for r in rows])
    conn.execute(SEARCH_SCHEMA[1])
    conn.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    for statement in SEARCH_SCHEMA[2:]:
        conn.execute(statement)


def _refresh_search_keys(conn: sqlite3.Connection) -> None:
    """Migration 5: every article's search keys computed again, and the index rebuilt.

    The update trigger is dropped meanwhile (the rebuild replaces its work) and made again."""
    conn.execute("DROP TRIGGER articles_fts_update")
    last = -1 << 63
    while rows := conn.execute("SELECT rowid, title, text FROM articles WHERE rowid > ? "
                               "ORDER BY rowid LIMIT 1000", (last,)).fetchall():
        conn.executemany("UPDATE articles SET search_latin=? WHERE rowid=?",
                         [(search_latin(r[1] or "", r[2] or ""), r[0]) for r in rows])
        last = rows[-1][0]
    conn.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    conn.execute(SEARCH_SCHEMA[4])


def _add_report_keys(conn: sqlite3.Connection) -> None:
    """Migration 6: the report key column, filled for the events already stored."""
    conn.execute("ALTER TABLE events ADD COLUMN report_key TEXT")
    last = -1 << 63
    while rows := conn.execute("SELECT rowid, record FROM events WHERE rowid > ? ORDER BY rowid LIMIT 5000",
                               (last,)).fetchall():
        conn.executemany("UPDATE events SET report_key=? WHERE rowid=?",
                         [(report_key(json.loads(r[1])), r[0]) for r in rows])
        last = rows[-1][0]
    conn.execute("CREATE INDEX events_report_key ON events(report_key)")


SCHEMA_VERSION = len(MIGRATIONS)
