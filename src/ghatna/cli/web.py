"""serve: the web interface and REST API."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import GhatnaError, NotFound
from .common import db_option, db_path, fail, load_settings


@click.command("serve")
@db_option
@click.option("--host", default=None, help="Address to listen on (default: [web] host, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default: [web] port, 8000).")
@click.option("--allowed-host", "allowed", multiple=True, metavar="HOST",
              help="Also answer requests whose Host header names HOST (repeatable); by "
                   "default only localhost, 127.0.0.1, [::1] and the bound host.")
@click.pass_context
def serve_cmd(ctx, db, host, port, allowed):
    """Serve the web interface and REST API (API docs at /docs).

    Serves an SQLite file or a PostgreSQL database (--db postgresql://user@host:port/db,
    or $GHATNA_DB), each worker thread reading through a connection of its own; see the
    README, "Serving from PostgreSQL". Read-only unless an upload token is
    configured ([web] token or $GHATNA_TOKEN), which POST /api/ingest and reviews then
    require as 'Authorization: Bearer TOKEN'. Requests naming another host than the
    allowed ones get 400 (a guard against DNS rebinding).
    """
    try:
        import uvicorn

        from ..store import is_postgres_url
        from ..store.postgres import redact
        from ..web.app import configured_token, create_app
    except ImportError as exc:
        raise click.ClickException(f"the web interface needs its extra packages: "
                                   f"pip install 'ghatna[web]' ({exc})") from None
    settings = load_settings(ctx)
    path = db_path(db, settings)
    if not is_postgres_url(path) and not Path(path).exists() and not configured_token(settings):
        fail(NotFound(f"database {path} does not exist; run `ghatna ingest` first "
                      f"(or configure an upload token to start from an empty database)"))
    host = host or settings["web"]["host"]
    port = port or int(settings["web"]["port"])
    settings = settings.with_overrides({"web": {"host": host}})
    try:
        app = create_app(path, settings, extra_hosts=allowed)
    except GhatnaError as exc:
        fail(exc)
    mode = "uploads allowed with the token" if configured_token(settings) else "read-only"
    click.echo(f"ghatna serving {redact(path)} at http://{host}:{port}/ ({mode}); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:
    main.add_command(serve_cmd)
