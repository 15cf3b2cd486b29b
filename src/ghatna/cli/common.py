"""Options and helpers shared by the CLI commands."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from typing import Any, Iterator

import click

from ..errors import GhatnaError, InputError
from ..settings import Settings


def db_path(db: str | None, settings: Settings) -> str:
    """--db, else $GHATNA_DB, else the settings' default."""
    return db or os.environ.get("GHATNA_DB") or settings["store"]["default_db"]


db_option = click.option("--db", "db", default=None, metavar="FILE|URL",
                         help="SQLite database file or postgresql://user@host:port/db URL "
                              "(default: $GHATNA_DB or ghatna.db).")


def load_settings(ctx: click.Context) -> Settings:
    """The settings of this run; a missing or invalid --config exits with status 2."""
    try:
        return Settings.load(ctx.obj.get("config") if ctx.obj else None)
    except GhatnaError as exc:
        fail(exc)
        raise  # unreachable: fail() exits


class Group(click.Group):
    """The top-level group: a damaged database reported in one line, exit status 2,
    whichever command met it, instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except sqlite3.DatabaseError as exc:
            click.echo(f"error: the database is damaged or not an SQLite database ({exc}); "
                       f"restore it from a backup, or try `sqlite3 FILE .recover`", err=True)
            sys.exit(2)


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def json_lines(path: str) -> Iterator[dict[str, Any] | InputError]:
    """The records of a JSON Lines file (``-`` for standard input), each an object with a
    ``text`` string; a line that is not is yielded as an :class:`InputError` in its
    place, so a command can report it and go on with the rest, in input order."""
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                record = None
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                yield record
            else:
                yield InputError(f"{path} line {n}", 'expected a JSON object with a "text" string')


def fail(exc: GhatnaError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)
