"""The embedded SQLite store: one class for every read and write.

SQLite in WAL mode lets readers run while one writer writes. All writes go through
:meth:`Store.save_articles`, one transaction a batch, so an interrupted run (even
``kill -9``) leaves only whole articles behind, and the next run completes the rest:
inputs already recorded in the ingest log are not processed again. The schema carries
a version; :data:`~ghatna.store.schema.MIGRATIONS` bring an older database up to date on open.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator

from .. import CODER
from ..errors import NotFound, StoreError
from ..events.reports import report_key
from ..model import Article, OffsetMap
from ..settings import Settings
from ..text.dedup import MASK64, bands, distance
from .dialect import SQLITE, SQLiteDialect
from .filters import EventFilter, search_terms
from .reviewing import Reviewing, now
from .schema import MIGRATIONS, SCHEMA_VERSION
from .search import search_latin

# Events grouped by report key (an event without one is its own group): of the events
# matching "{where}" (an EventFilter's clause over ``events e``), each group's most
# confident report (then the earliest), a page of them ordered by date ("{order}": ASC or
# DESC; parameters LIMIT and OFFSET, the dialect's ``no_limit`` for all), with the counts of all the
# reports of each event, matching or not: how often it was told is the event's, not the filter's.
REPORTS_SQL = """
WITH ranked AS (
    SELECT e.rowid AS rid, e.id, e.date, e.article_id, e.sentence_idx,
           COALESCE(e.report_key, 'id:' || e.id) AS k,
           ROW_NUMBER() OVER (PARTITION BY COALESCE(e.report_key, 'id:' || e.id)
                              ORDER BY e.confidence DESC NULLS LAST, e.date NULLS FIRST,
                                       e.id) AS rank
    FROM events e{where}),
page AS (
    SELECT * FROM ranked WHERE rank = 1
    ORDER BY COALESCE(date, '') {order}, article_id, sentence_idx, id LIMIT ? OFFSET ?),
counts AS (
    SELECT x.report_key AS k, COUNT(*) AS mentions, COUNT(DISTINCT x.article_id) AS articles,
           COUNT(DISTINCT COALESCE(a.source, 'article:' || x.article_id)) AS sources,
           group_concat(x.id, ' ') AS ids
    FROM events x JOIN articles a ON a.id = x.article_id
    WHERE x.report_key IN (SELECT k FROM page) GROUP BY x.report_key)
SELECT ev.record, p.id, COALESCE(c.mentions, 1) AS mentions, COALESCE(c.articles, 1) AS articles,
       COALESCE(c.sources, 1) AS sources, COALESCE(c.ids, p.id) AS ids
FROM page p JOIN events ev ON ev.rowid = p.rid LEFT JOIN counts c ON c.k = p.k
ORDER BY COALESCE(p.date, '') {order}, p.article_id, p.sentence_idx, p.id"""


# The number of distinct events among the rows of ``events e``, grouped as REPORTS_SQL
# groups them: one per report key, and each event without a key on its own.
UNIQUE_COUNT = ("COUNT(DISTINCT e.report_key) + "
                "COALESCE(SUM(CASE WHEN e.report_key IS NULL THEN 1 ELSE 0 END), 0)")


def reports_sql(where: str, order: str, dialect: SQLiteDialect = SQLITE) -> str:
    """:data:`REPORTS_SQL` for a filter clause, an order and a dialect."""
    return REPORTS_SQL.format(where=where, order=order).replace(
        "group_concat(x.id, ' ')", dialect.string_agg("x.id", " "))


def with_reports(row: Any) -> dict[str, Any]:
    """A row of :data:`REPORTS_SQL` as a record with its ``reports``."""
    others = sorted(set(row["ids"].split()) - {row["id"]})
    return json.loads(row["record"]) | {"reports": {
        "mentions": row["mentions"], "articles": row["articles"], "sources": row["sources"],
        "others": others}}


# Each input's current state: its latest ingest-log entry (an input read again after
# a change has one entry per version of its content); within the same second, a success
# before a failure. Written for both SQLite and PostgreSQL (aliases, no rowid).
CURRENT_INPUTS = """
SELECT input, outcome, reason FROM (
    SELECT input, outcome, reason,
           ROW_NUMBER() OVER (PARTITION BY input ORDER BY updated_at DESC,
                              CASE WHEN outcome = 'error' THEN 1 ELSE 0 END, fingerprint) AS n
    FROM ingest_log) AS entries WHERE n = 1"""


def _statements(script: str) -> list[str]:
    """The SQL statements of ``script``, each complete (triggers keep their bodies)."""
    statements, buffer = [], ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \n\t;"):
        statements.append(buffer.strip())
    return statements


@dataclass
class LogEntry:
    """The outcome of one input: stored, duplicate, unchanged, skipped or error."""

    input: str
    outcome: str
    reason: str | None = None
    article_id: str | None = None
    fingerprint: str = ""
    notable: bool = False  # the reason says something the user should see (a cut, a clash)


class Store(Reviewing):
    """An SQLite database of articles and everything found in them.

    :class:`~ghatna.store.postgres.PostgresStore` is the same store over PostgreSQL:
    it shares every query here and replaces only the connection, the schema versioning
    and the writing of search columns (:mod:`ghatna.store.dialect`)."""

    schema_version = SCHEMA_VERSION  # the migrations this ghatna knows

    dialect: SQLiteDialect = SQLITE

    def __init__(self, path: str | Path, *, readonly: bool = False, near_duplicate_bits: int = 3):
        self.path = self.name = str(path)
        self.readonly = readonly
        self.near_duplicate_bits = near_duplicate_bits
        if readonly and self.path != ":memory:" and not Path(self.path).exists():
            raise NotFound(f"database {self.path} does not exist; run `ghatna ingest` first")
        try:
            self.conn = self._connect()
            if not readonly:
                self._migrate()
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}; is it an SQLite "
                             f"database written by ghatna?") from None

    @classmethod
    def from_settings(cls, path: str | Path, settings: Settings, *, readonly: bool = False) -> "Store":
        return cls(path, readonly=readonly, near_duplicate_bits=int(settings["dedup"]["max_bits"]))

    def _connect(self) -> sqlite3.Connection:
        if self.readonly and self.path != ":memory:":
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        return conn

    def close(self) -> None:
        self.conn.close()

    def tune_for_reading(self, cache_mb: int, mmap_mb: int) -> None:
        """A larger page cache and memory-mapped reads, for a long-lived read connection
        such as the web server's."""
        self.conn.execute(f"PRAGMA cache_size = -{int(cache_mb) * 1024}")
        self.conn.execute(f"PRAGMA mmap_size = {int(mmap_mb) * 1048576}")

    def usable(self) -> bool:
        """Whether the connection can still run queries (a database server's can break)."""
        return True

    def check_integrity(self) -> None:
        """Raise StoreError when SQLite finds damaged pages (``PRAGMA quick_check``),
        so that nothing is written into a damaged database."""
        try:
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            rows = [str(exc)]
        if rows != ["ok"]:
            raise StoreError(f"database {self.path} is damaged ({'; '.join(rows)}); restore "
                             f"it from a backup, or try `sqlite3 {self.path} .recover`")

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------

    def _version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _check_version(self) -> None:
        version = self._version()
        if version > self.schema_version:
            raise StoreError(f"database {self.name} has schema {version}, newer than this "
                             f"ghatna ({self.schema_version}); upgrade ghatna")
        if version < self.schema_version:
            raise StoreError(f"database {self.name} has schema {version}; open it once "
                             f"for writing (e.g. `ghatna ingest`) to upgrade it")

    def _migrate(self) -> None:
        """Bring the schema up to date, one step a transaction. Each step takes the write
        lock first and reads the version again under it, so two processes opening a new
        database at once apply each step once."""
        if self._version() > SCHEMA_VERSION:
            self._check_version()
        for number in range(SCHEMA_VERSION):
            step = MIGRATIONS[number]
            with self.transaction() as conn:
                if self._version() > number:
                    continue
                if callable(step):  # a migration that needs Python
                    step(conn)
                else:
                    for statement in _statements(step):
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version={number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything in it lands, or nothing does."""
        if self.readonly:
            raise StoreError(f"database {self.path} is open read-only")
        if not self.conn.in_transaction:
            # take the write lock now, so that what the transaction reads (is this article
            # stored?) cannot change under it: concurrent writers wait for each other
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            if self.conn.in_transaction:
                self.conn.commit()
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise

    # -- writes -------------------------------------------------------------------------

    def known_inputs(self, inputs: list[tuple[str, str]]) -> dict[tuple[str, str], LogEntry]:
        """Log entries for (input, fingerprint) pairs that a previous run completed."""
        found: dict[tuple[str, str], LogEntry] = {}
        for key in inputs:
            row = self.conn.execute(
                "SELECT outcome, reason, article_id FROM ingest_log WHERE input=? AND fingerprint=?",
                key).fetchone()
            if row and row["outcome"] != "error":
                found[key] = LogEntry(key[0], row["outcome"], row["reason"], row["article_id"], key[1])
        return found

    def find_duplicate(self, article: Article) -> str | None:
        """The id of a stored article with the same id or the same text, if any."""
        row = self.conn.execute("SELECT id FROM articles WHERE id=?", (article.id,)).fetchone()
        if row:
            return row["id"]
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash=? LIMIT 1",
                                (article.content_hash,)).fetchone()
        return row["id"] if row else None

    def save(self, results: list[tuple[LogEntry, Article | None]]) -> list[LogEntry]:
        """Store a batch of processed inputs in one transaction.

        Each result is the input's log entry with ``outcome="stored"`` and its article,
        or a problem entry with no article. An article already in the store (same id or
        same text) is not stored again: its entry becomes ``duplicate`` (another input
        had it) or ``unchanged`` (this input, seen before). The transaction takes the
        write lock before the duplicate check (``BEGIN IMMEDIATE``), so two processes
        writing one database each store an article once; an article that fails to
        insert is rolled back alone and reported.
        """
        final: list[LogEntry] = []
        with self.transaction() as conn:
            for entry, article in results:
                if article is not None:
                    conn.execute("SAVEPOINT article")
                    try:
                        self._save_one(conn, entry, article)
                    except sqlite3.DatabaseError as exc:
                        if not isinstance(exc, (sqlite3.IntegrityError, sqlite3.DataError,
                                                sqlite3.InterfaceError)):
                            raise
                        conn.execute("ROLLBACK TO article")
                        entry.outcome, entry.reason = "error", f"could not store: {exc}"
                        entry.article_id = None
                    conn.execute("RELEASE article")
                conn.execute(
                    "INSERT INTO ingest_log(input, fingerprint, outcome, reason, article_id, updated_at) "
                    "VALUES (?,?,?,?,?,?) ON CONFLICT(input, fingerprint) DO UPDATE SET "
                    "outcome=excluded.outcome, reason=excluded.reason, "
                    "article_id=excluded.article_id, updated_at=excluded.updated_at",
                    (entry.input, entry.fingerprint, entry.outcome, entry.reason,
                     entry.article_id, now()))
                final.append(entry)
        return final

    def _save_one(self, conn: sqlite3.Connection, entry: LogEntry, article: Article) -> None:
        existing = self.find_duplicate(article)
        if existing is None:
            near = self._near_duplicate(conn, article)
            if near:
                article.near_duplicate_of, bits, nearest = near
                via = f" from {nearest}, itself a near-duplicate of it" if nearest != near[0] else ""
                note = f"near-duplicate of {near[0]} ({bits} of 64 bits differ{via})"
                entry.reason = f"{entry.reason}; {note}" if entry.reason else note
            if self._insert_article(conn, article):
                entry.article_id = article.id
                return
            existing = article.id  # another writer stored it first
        entry.article_id = existing
        seen_before = conn.execute("SELECT 1 FROM ingest_log WHERE input=? AND article_id=?",
                                   (entry.input, existing)).fetchone()
        if seen_before:
            entry.outcome = "unchanged"
        else:
            entry.outcome = "duplicate"
            entry.reason = f"same article as {existing}"
        clash = self._metadata_clash(conn, existing, article)
        if clash:
            entry.reason = f"{entry.reason}; {clash}" if entry.reason else clash
            entry.notable = True

    @staticmethod
    def _metadata_clash(conn: sqlite3.Connection, article_id: str, article: Article) -> str | None:
        """What this input says about an already stored article that differs from what
        was stored (the stored article is not changed)."""
        row = conn.execute("SELECT source, date, url FROM articles WHERE id=?",
                           (article_id,)).fetchone()
        if row is None:
            return None
        given = {"source": article.source, "date": article.date, "url": article.url}
        differ = [f"{k} {given[k]!r} (stored: {row[k]!r})" for k in ("source", "date", "url")
                  if given[k] is not None and given[k] != row[k]]
        if not differ:
            return None
        return "already stored, so not applied: " + ", ".join(differ)

    def _near_duplicate(self, conn: sqlite3.Connection, a: Article) -> tuple[str, int, str] | None:
        """(original, bits, nearest): the stored article nearest to ``a`` by SimHash
        within the threshold, and the original it is itself a near-duplicate of (or
        itself), so that a near-duplicate's mark points to the first of its chain."""
        if a.simhash is None:
            return None
        found: list[tuple[int, str, str]] = []
        for band, value in enumerate(bands(a.simhash & MASK64)):
            for row in conn.execute(
                    "SELECT b.article_id, a.simhash, a.near_duplicate_of FROM simhash_bands b "
                    "JOIN articles a ON a.id = b.article_id WHERE b.band=? AND b.value=?",
                    (band, value)):
                bits = distance(a.simhash, row["simhash"])
                if bits <= self.near_duplicate_bits:
                    found.append((bits, row["article_id"], row["near_duplicate_of"] or row["article_id"]))
        if not found:
            return None
        bits, nearest, original = min(found)
        return original, bits, nearest

    def _insert_article(self, conn: Any, a: Article) -> bool:
        """Insert an article and everything found in it; False (and nothing written) when
        an article with its id is already stored, by another writer meanwhile."""
        if not self._insert_article_row(conn, a):
            return False
        if a.simhash is not None:
            conn.executemany("INSERT INTO simhash_bands(band, value, article_id) VALUES (?,?,?) "
                             "ON CONFLICT DO NOTHING",
                             [(band, value, a.id) for band, value in enumerate(bands(a.simhash & MASK64))])
        self._insert_findings(conn, a)
        return True

    def _insert_findings(self, conn: Any, a: Article) -> None:
        """The sentences, mentions, events and quotes of an article whose row is stored."""
        conn.executemany(
            'INSERT INTO sentences(article_id, idx, part, start, "end", text) VALUES (?,?,?,?,?,?)',
            [(a.id, s.index, s.part, s.start, s.end, s.text) for s in a.sentences])
        conn.executemany(
            'INSERT INTO mentions(article_id, sentence_idx, start, "end", text, label, source, score, '
            "entity_id, entity_name, entity_type, country, org, sector, code, role) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(a.id, m.sentence_index, m.start, m.end, m.text, m.label, m.source, m.score,
              *((m.entity.id, m.entity.name, m.entity.type, m.entity.country, m.entity.org,
                 m.entity.sector, m.entity.code, m.entity.role) if m.entity else (None,) * 8))
             for m in a.mentions])
        sentences = {s.index: s.text for s in a.sentences}
        for event in a.events:
            sentence = sentences.get(event.sentence_index, "")
            record = event.to_record(a.id, a.doc, sentence, CODER)
            self._insert_event(conn, (
                record["id"], a.id, event.sentence_index, event.event, event.cameo,
                event.quad_code, event.mode, event.aux_mode, event.date, event.confidence,
                json.dumps(record, ensure_ascii=False), report_key(record)), sentence)
            conn.executemany(
                "INSERT INTO event_actors(event_id, role, entity_id, country, org, code) "
                "VALUES (?,?,?,?,?,?)",
                [(record["id"], role, r.entity_id, r.country, r.org, r.code)
                 for role, refs in (("actor", event.actor), ("recipient", event.recipient))
                 for r in refs])
        conn.executemany(
            'INSERT INTO quotes(article_id, sentence_idx, start, "end", text, kind, speaker, '
            "speaker_text) VALUES (?,?,?,?,?,?,?,?)",
            [(a.id, q.sentence_index, q.start, q.end, q.text, q.kind,
              json.dumps(q.speaker, ensure_ascii=False), q.speaker_text) for q in a.quotes])
        return True

    ARTICLE_COLUMNS = ("id, content_hash, doc, source, title, byline, dateline, date, url, "
                       "language, language_confidence, raw_format, raw, text, title_raw_start, "
                       "offsets, meta, stages, created_at, simhash, near_duplicate_of, search_latin")

    @staticmethod
    def _article_values(a: Article) -> tuple[Any, ...]:
        """The values of :data:`ARTICLE_COLUMNS` for an article."""
        return (a.id, a.content_hash, a.doc, a.source, a.title, a.byline, a.dateline, a.date, a.url,
                a.language, a.language_confidence, a.raw_format, a.raw, a.text, a.title_raw_start,
                json.dumps(a.offsets.to_json()), json.dumps(a.meta, ensure_ascii=False),
                json.dumps(a.done), now(), a.simhash, a.near_duplicate_of,
                search_latin(a.title, a.text))

    def _insert_article_row(self, conn: Any, a: Article) -> bool:
        """The article's own row (its search index follows by trigger); False if its id is taken."""
        cursor = conn.execute(
            f"INSERT INTO articles({self.ARTICLE_COLUMNS}) VALUES ({','.join('?' * 22)}) "
            "ON CONFLICT(id) DO NOTHING", self._article_values(a))
        return cursor.rowcount == 1

    EVENT_COLUMNS = ("id, article_id, sentence_idx, event, cameo, quad_code, mode, aux_mode, date, "
                     "confidence, record, report_key")

    def _insert_event(self, conn: Any, values: tuple[Any, ...], sentence: str) -> None:
        """One event row (the words of its ``sentence`` are indexed by trigger)."""
        conn.execute(f"INSERT INTO events({self.EVENT_COLUMNS}) VALUES ({','.join('?' * 12)}) "
                     "ON CONFLICT DO NOTHING", values)

    def replace_findings(self, articles: list[Article]) -> int:
        """Store what the stages found again for articles already stored (``ghatna
        recode``), in one transaction: their sentences, mentions, events and quotes are
        replaced, and the stages that ran are recorded. Reviews stay: an event the new
        coding produces again (same id: same sentence, trigger, type and side) gets its
        latest review applied again. Returns how many reviewed events of these articles
        the new coding no longer produces (their reviews stay, listed as dropped)."""
        dropped = 0
        with self.transaction() as conn:
            for a in articles:
                conn.execute("DELETE FROM event_actors WHERE event_id IN "
                             "(SELECT id FROM events WHERE article_id=?)", (a.id,))
                for table in ("events", "quotes", "mentions", "sentences"):
                    conn.execute(f"DELETE FROM {table} WHERE article_id=?", (a.id,))
                conn.execute("UPDATE articles SET stages=? WHERE id=?", (json.dumps(a.done), a.id))
                self._insert_findings(conn, a)
                for row in self._latest_reviews(conn, "r.article_id = ?", [a.id]):
                    if row["current"] is None:
                        dropped += 1
                    else:
                        self._write_review(conn, row["event_id"], json.loads(row["current"]),
                                           row["verdict"], json.loads(row["corrected"] or "{}"),
                                           row["note"], row["reviewer"], row["time"])
        return dropped

    # -- reads --------------------------------------------------------------------------

    def article_ids(self, *, since: str | None = None, until: str | None = None,
                    article: str | None = None, language: str = "hi") -> list[str]:
        """Ids of stored articles in ``language``, published within the bounds (inclusive;
        articles without a date only when no bound is given), or the one ``article``."""
        if article:
            return [self.resolve_id(article)]
        sql, params = "SELECT id FROM articles WHERE language=?", [language]
        if since:
            sql += " AND date >= ?"
            params.append(since)
        if until:
            sql += " AND date <= ?"
            params.append(until)
        return [r[0] for r in self.conn.execute(sql + " ORDER BY date, id", params)]

    def stored_article(self, article_id: str) -> Article:
        """A stored article as the stages left it after cleaning and language id: its text,
        offsets and metadata, without sentences or findings."""
        row = self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return Article(
            raw=row["raw"], doc=row["doc"], source=row["source"], title=row["title"] or "",
            date=row["date"], url=row["url"], byline=row["byline"], dateline=row["dateline"],
            language=row["language"], language_confidence=row["language_confidence"],
            raw_format=row["raw_format"], text=row["text"], title_raw_start=row["title_raw_start"],
            offsets=OffsetMap.from_json(json.loads(row["offsets"] or "null")),
            meta=json.loads(row["meta"] or "{}"), simhash=row["simhash"],
            near_duplicate_of=row["near_duplicate_of"],
            done=[s for s in json.loads(row["stages"] or "[]") if s in ("clean", "dedup", "langid")])

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run a read-only query (for commands that need their own view of the data)."""
        return self.conn.execute(sql, params).fetchall()

    def articles(self) -> Iterator[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.byline, a.date, a.source, a.language, a.doc, "
            "(SELECT COUNT(*) FROM sentences s WHERE s.article_id = a.id) AS sentences "
            "FROM articles a ORDER BY COALESCE(a.date, ''), a.created_at, a.id")
        for row in rows:
            yield dict(row)

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one article whose id starts with ``prefix``."""
        rows = self.conn.execute("SELECT id FROM articles WHERE id LIKE ? LIMIT 2",
                                 (prefix.replace("%", "").replace("_", "\\_") + "%",)).fetchall()
        if not rows:
            raise NotFound(f"no article with id {prefix!r}; list them with `ghatna articles`")
        if len(rows) > 1:
            raise NotFound(f"id prefix {prefix!r} matches several articles; give more characters")
        return rows[0]["id"]

    def article(self, article_id: str) -> dict[str, Any]:
        """One article with its sentences, mentions, events and quotes, as plain data."""
        article_id = self.resolve_id(article_id)
        row = self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        data = {k: row[k] for k in ("id", "title", "byline", "dateline", "date", "source", "url",
                                     "language", "doc", "near_duplicate_of", "text")}
        data["sentences"] = [dict(r) | {"index": r["idx"]} for r in self.conn.execute(
            'SELECT idx, part, start, "end", text FROM sentences'
            " WHERE article_id=? ORDER BY idx",
            (article_id,))]
        for s in data["sentences"]:
            del s["idx"]
        data["mentions"] = [
            {"sentence_index": r["sentence_idx"], "start": r["start"], "end": r["end"],
             "text": r["text"], "label": r["label"], "source": r["source"],
             "entity": ({"id": r["entity_id"], "name": r["entity_name"], "type": r["entity_type"],
                         "country": r["country"], "org": r["org"], "sector": r["sector"],
                         "code": r["code"], "role": r["role"]} if r["entity_id"] else None)}
            for r in self.conn.execute(
                "SELECT * FROM mentions WHERE article_id=? ORDER BY sentence_idx, start", (article_id,))]
        data["events"] = [json.loads(r["record"]) for r in self.conn.execute(
            "SELECT record FROM events WHERE article_id=? ORDER BY sentence_idx, id", (article_id,))]
        data["quotes"] = [
            {"sentence_index": r["sentence_idx"], "start": r["start"], "end": r["end"],
             "text": r["text"], "kind": r["kind"], "speaker": json.loads(r["speaker"] or "[]"),
             "speaker_text": r["speaker_text"]}
            for r in self.conn.execute(
                "SELECT * FROM quotes WHERE article_id=? ORDER BY sentence_idx, start", (article_id,))]
        data["offsets"] = OffsetMap.from_json(json.loads(row["offsets"] or "null")).to_json()
        return data

    def raw_text(self, article_id: str) -> str:
        row = self.conn.execute("SELECT raw FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        return row["raw"]

    def events(self, filters: EventFilter | None = None, *, limit: int | None = None,
               offset: int = 0, unique: bool = False,
               include_rejected: bool = False) -> list[dict[str, Any]]:
        """Event records matching ``filters`` (all when None), oldest first; events an
        analyst judged wrong only with ``include_rejected`` (or the filter's own). With
        ``unique``, one record per event however often it was reported, with the counts
        of its reports (:mod:`ghatna.events.reports`)."""
        filters = filters or EventFilter()
        if include_rejected:
            filters = replace(filters, include_rejected=True)
        clause, params = filters.sql(self.dialect)
        if unique:
            sql = reports_sql(clause, "ASC", self.dialect)
            rows = self.conn.execute(sql, params + [self.dialect.no_limit if limit is None else limit,
                                                    offset])
            return [with_reports(r) for r in rows]
        order = " ORDER BY COALESCE(e.date, ''), e.article_id, e.sentence_idx, e.id"
        sql = f"SELECT e.record FROM events e{clause}{order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = params + [limit, offset]
        return [json.loads(r["record"]) for r in self.conn.execute(sql, params)]

    def search(self, q: str, *, limit: int = 100) -> list[dict[str, Any]]:
        """Articles holding every word of ``q`` as a word prefix in the headline or body,
        or (for a word in any script) as the prefix of a Latin search key, so ``modi``
        finds मोदी; oldest first. Raises :class:`BadParameter` for a query without words."""
        rows = self.conn.execute(
            f"SELECT a.id, a.title, a.date, a.source FROM articles a "
            f"WHERE {self.dialect.search_condition('articles')} ORDER BY COALESCE(a.date, ''), a.id LIMIT ?",
            (self.dialect.article_search_query(search_terms(q)), limit))
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "database": self.name,
            "schema_version": self._version(),
            "articles": one("SELECT COUNT(*) FROM articles"),
            "hindi_articles": one("SELECT COUNT(*) FROM articles WHERE language='hi'"),
            "near_duplicates": one("SELECT COUNT(*) FROM articles WHERE near_duplicate_of IS NOT NULL"),
            "languages": {r[0] or "unknown": r[1] for r in self.conn.execute(
                "SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY 2 DESC")},
            "sentences": one("SELECT COUNT(*) FROM sentences"),
            "mentions": one("SELECT COUNT(*) FROM mentions"),
            "linked_mentions": one("SELECT COUNT(*) FROM mentions WHERE entity_id IS NOT NULL"),
            "events": one("SELECT COUNT(*) FROM events"),
            "events_by_type": {r[0]: r[1] for r in self.conn.execute(
                "SELECT event, COUNT(*) FROM events GROUP BY event ORDER BY 2 DESC")},
            "quotes": one("SELECT COUNT(*) FROM quotes"),
            "inputs": {r[0]: r[1] for r in self.conn.execute(
                f"SELECT outcome, COUNT(*) FROM ({CURRENT_INPUTS}) AS current GROUP BY outcome ORDER BY 1")},
        }

    def problems(self) -> list[dict[str, Any]]:
        """Inputs whose latest outcome is an error (one stored later is not listed)."""
        return [dict(r) for r in self.conn.execute(
            f"SELECT input, outcome, reason FROM ({CURRENT_INPUTS}) AS current WHERE outcome='error' "
            f"ORDER BY input")]
