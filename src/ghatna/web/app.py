"""The web application: :func:`create_app` builds it for one database, an SQLite file or
a PostgreSQL database (a ``postgresql://`` URL).

Reads go through one read-only store connection per worker thread; the writes (``POST
/api/ingest`` and reviews) go through a read-write store under a lock. Every
response carries a Content-Security-Policy that allows scripts from ghatna's own
assets only, so text from an article can never run as a script; every error has one
JSON shape, ``{"error": {"code": ..., "message": ...}}``, or an HTML page for pages.
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import GhatnaError, NotFound
from ..settings import Settings
from ..store import is_postgres_url, open_store, unavailable_errors
from ..store.filters import BadParameter
from . import api, assets, pages, review
from .deps import ApiError, Stores
from .render import actor_key, review_key

log = logging.getLogger(__name__)

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

_STATUS_CODES = {400: "bad_parameter", 401: "unauthorized", 403: "read_only", 404: "not_found",
                 405: "method_not_allowed", 411: "length_required", 413: "too_large",
                 415: "unsupported_media_type", 422: "bad_input", 500: "internal_error",
                 503: "database_error"}


def configured_token(settings: Settings) -> str | None:
    """The upload token from $GHATNA_TOKEN or ``[web] token``; None when not set."""
    return os.environ.get("GHATNA_TOKEN") or settings.get("web", "token") or None


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def allowed_hosts(settings: Settings, extra: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Host header values the server answers: loopback names, the bound ``[web] host``
    and ``extra`` (``ghatna serve --allowed-host``). Any other Host gets 400, so a page
    on another site cannot reach the API through DNS rebinding."""
    hosts = list(LOCAL_HOSTS)
    for host in [settings.get("web", "host") or "", *settings.get("web", "allowed_hosts", []), *extra]:
        host = host.strip().lower()
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"  # an IPv6 address, as it appears in a Host header
        if host and host not in ("0.0.0.0", "[::]") and host not in hosts:
            hosts.append(host)
    return hosts


class HeadAsGet:
    """Answers HEAD on every GET route as GET would, without the body (FastAPI's
    routes otherwise answer HEAD with 405)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message):
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, send_headers_only)


def create_app(db_path: str | os.PathLike[str], settings: Settings | None = None,
               extra_hosts: list[str] | tuple[str, ...] = ()) -> FastAPI:
    """The ghatna web application over the database at ``db_path`` (a file path or a
    ``postgresql://`` URL).

    The database is created (empty) or upgraded to the current schema when it can be
    written; a read-only file is served as it is. Requests must name one of
    :func:`allowed_hosts` in their Host header.
    """
    settings = settings or Settings.load()
    db_path = str(db_path)
    if is_postgres_url(db_path) or not Path(db_path).exists() or os.access(db_path, os.W_OK):
        open_store(db_path, settings).close()  # create or migrate
    app = FastAPI(title="ghatna", version=__version__, docs_url=None, redoc_url=None,
                  description="Political events coded from Hindi news (PLOVER/CAMEO), "
                              "each traceable to its sentence. All endpoints are read-only "
                              "except POST /api/ingest, which needs the bearer token.")
    app.state.settings = settings
    app.state.stores = Stores(db_path, settings)
    app.state.token = configured_token(settings)
    templates = Jinja2Templates(directory=str(resources.files("ghatna.web").joinpath("templates")))
    templates.env.filters["pathquote"] = lambda value: quote(str(value), safe=":")
    templates.env.filters["actor_key"] = actor_key
    templates.env.filters["review_key"] = review_key
    templates.env.globals["version"] = __version__
    app.state.templates = templates

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def respond(request: Request, status: int, code: str, message: str,
                headers: dict[str, str] | None = None):
        if request.url.path.startswith(("/api", "/assets")) or \
                "text/html" not in request.headers.get("accept", ""):
            return JSONResponse(error_body(code, message), status_code=status, headers=headers)
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "code": code, "message": message},
            status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter):
        return respond(request, 400, "bad_parameter", str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return respond(request, 404, "not_found", str(exc).split("] ", 1)[-1])

    @app.exception_handler(GhatnaError)
    async def ghatna_error(request: Request, exc: GhatnaError):
        return respond(request, 400, "bad_request", str(exc).split("] ", 1)[-1])

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
                             for e in exc.errors())
        return respond(request, 400, "bad_parameter", problems or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return respond(request, exc.status_code, code, message, getattr(exc, "headers", None))

    async def unavailable_database(request: Request, exc: Exception):
        log.error("database error serving %s: %s", request.url.path, exc)
        return respond(request, 503, "database_error", "the database cannot be read (it may be "
                                                       "damaged or unreachable); see the server's log")

    for error in unavailable_errors(db_path):
        app.add_exception_handler(error, unavailable_database)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        return respond(request, 500, "internal_error", "the server failed; see its log")

    app.include_router(assets.router)
    app.include_router(api.router)
    app.include_router(review.router)
    app.include_router(pages.router)
    app.add_middleware(HeadAsGet)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(settings, extra_hosts),
                       www_redirect=False)
    return app
