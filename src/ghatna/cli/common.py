"""Options and helpers shared by the CLI commands."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click

from ..errors import GhatnaError
from ..settings import Settings


def db_path(db: str | None, settings: Settings) -> str:
    """--db, else $GHATNA_DB, else the settings' default."""
    return db or os.environ.get("GHATNA_DB") or settings["store"]["default_db"]


db_option = click.option("--db", "db", default=None, metavar="FILE",
                         help="SQLite database (default: $GHATNA_DB or ghatna.db).")


def load_settings(ctx: click.Context) -> Settings:
    try:
        return Settings.load(ctx.obj.get("config") if ctx.obj else None)
    except GhatnaError as exc:
        raise click.ClickException(str(exc)) from None


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def fail(exc: GhatnaError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)
