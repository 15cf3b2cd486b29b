"""The store over PostgreSQL: the same :class:`~ghatna.store.sqlite.Store`, another database.

Every query of the SQLite store runs here unchanged through a connection that turns its
``?`` placeholders into psycopg's; what differs (schema versioning, the search columns
written with each article and event) is overridden below, and the rest of the SQL that
differs lives in :mod:`ghatna.store.dialect`.

Several writers may share one database: each batch is one transaction, and an article
that another writer stored meanwhile is not stored twice (``ON CONFLICT DO NOTHING`` on
its id; the entry is logged as a duplicate). Migrations run under an advisory lock, so
two processes opening a new database at once create its tables once.

Needs psycopg 3 (``pip install 'ghatna[postgres]'``).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from ..errors import StoreError
from ..model import Article
from .dialect import POSTGRES, article_vector, lexemes
from .pg_schema import PG_MIGRATIONS, PG_SCHEMA_VERSION
from .sqlite import Store

# pg_advisory_xact_lock key held while migrating ("ghatna" in ASCII)
_MIGRATION_LOCK = 0x676861746E61


def redact(url: str) -> str:
    """The URL without its password, for messages and ``stats``."""
    return re.sub(r"^(postgres(?:ql)?://[^:/@]*):[^@]*@", r"\1:***@", url)


class Row:
    """A result row read by position or by column name, like :class:`sqlite3.Row`."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: tuple[Any, ...]):
        self._index, self._values = index, values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[key if isinstance(key, int) else self._index[key]]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values))!r})"


def _row_factory(cursor: Any):
    index = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(index, values)


class _Connection:
    """A psycopg connection that takes the SQLite store's SQL (``?`` placeholders)."""

    def __init__(self, raw: Any):
        self.raw = raw

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        params = list(params)
        if not params:  # psycopg leaves a query without parameters as it is
            return self.raw.execute(sql)
        return self.raw.execute(POSTGRES.sql(sql), params)

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        rows = [list(r) for r in rows]
        if rows:
            with self.raw.cursor() as cursor:
                cursor.executemany(POSTGRES.sql(sql), rows)

    def close(self) -> None:
        self.raw.close()


class PostgresStore(Store):
    """The store in a PostgreSQL database named by a ``postgresql://`` URL."""

    schema_version = PG_SCHEMA_VERSION

    dialect = POSTGRES

    def __init__(self, url: str, *, readonly: bool = False, near_duplicate_bits: int = 3):
        try:
            import psycopg
        except ImportError:
            raise StoreError("a postgresql:// database needs psycopg: "
                             "pip install 'ghatna[postgres]'") from None
        self.path = self.name = redact(url)
        self.readonly = readonly
        self.near_duplicate_bits = near_duplicate_bits
        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {self.name}: {exc}") from None
        self.conn = _Connection(raw)
        if readonly:
            raw.read_only = True
            self._check_version()
        else:
            self._migrate()

    def tune_for_reading(self, cache_mb: int, mmap_mb: int) -> None:
        """Nothing to tune: the server's own settings size its caches, for every client."""

    def usable(self) -> bool:
        return not (self.conn.raw.closed or self.conn.raw.broken)

    # -- schema -------------------------------------------------------------------------

    def _version(self) -> int:
        if self.conn.execute("SELECT to_regclass('ghatna_schema')").fetchone()[0] is None:
            return 0
        return self.conn.execute("SELECT version FROM ghatna_schema").fetchone()[0]

    def check_integrity(self) -> None:
        """PostgreSQL checks its pages itself (checksums, WAL); nothing to do here."""

    def _migrate(self) -> None:
        with self.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            version = self._version()
            if version > PG_SCHEMA_VERSION:
                self._check_version()
            if version == 0:
                conn.execute("CREATE TABLE ghatna_schema (version INTEGER NOT NULL)")
                conn.execute("INSERT INTO ghatna_schema VALUES (0)")
            for number in range(version, PG_SCHEMA_VERSION):
                step = PG_MIGRATIONS[number]
                if callable(step):  # a migration that needs Python
                    step(conn)
                else:
                    for statement in step:
                        conn.execute(statement)
                conn.execute("UPDATE ghatna_schema SET version = ?", (number + 1,))

    @contextmanager
    def transaction(self) -> Iterator[_Connection]:
        """One write transaction: everything in it lands, or nothing does."""
        if self.readonly:
            raise StoreError(f"database {self.name} is open read-only")
        with self.conn.raw.transaction():
            yield self.conn

    # -- writes: the search columns -----------------------------------------------------

    def _insert_article_row(self, conn: Any, a: Article) -> bool:
        values = self._article_values(a)
        cursor = conn.execute(
            f"INSERT INTO articles({self.ARTICLE_COLUMNS}, search) VALUES ({','.join('?' * 22)}, "
            "?::tsvector) ON CONFLICT(id) DO NOTHING",
            (*values, article_vector(a.title or "", a.text or "", values[-1])))
        return cursor.rowcount == 1

    def _insert_event(self, conn: Any, values: tuple[Any, ...], sentence: str) -> None:
        conn.execute(f"INSERT INTO events({self.EVENT_COLUMNS}, sentence_search) "
                     f"VALUES ({','.join('?' * 12)}, array_to_tsvector(?::text[])) "
                     "ON CONFLICT DO NOTHING", (*values, lexemes(sentence)))
