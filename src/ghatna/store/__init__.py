"""Storage: the SQLite store with its migrations, the same store over PostgreSQL, the
event filter that the CLI, the store and the web share, and the stories read from a store.

:func:`open_store` opens either from what a user gives ``--db``: a file path (SQLite) or
a ``postgresql://user@host:port/db`` URL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .sqlite import Store


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def open_store(target: str | Path, settings: Any = None, *, readonly: bool = False) -> Store:
    """The store at ``target``: a ``postgresql://`` URL or an SQLite file path. With
    ``settings``, the near-duplicate threshold is taken from them."""
    bits = {"near_duplicate_bits": int(settings["dedup"]["max_bits"])} if settings is not None else {}
    if is_postgres_url(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target), readonly=readonly, **bits)
    return Store(target, readonly=readonly, **bits)


def unavailable_errors(target: str | Path) -> tuple[type[Exception], ...]:
    """The exceptions by which the database at ``target`` says it cannot be read: a
    damaged SQLite file, or a PostgreSQL server that cannot be reached."""
    if is_postgres_url(target):
        import psycopg

        return (psycopg.OperationalError,)
    import sqlite3

    return (sqlite3.DatabaseError,)


__all__ = ["Store", "is_postgres_url", "open_store", "unavailable_errors"]
