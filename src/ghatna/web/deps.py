"""What the routers share: the error they raise, the per-thread store connections and
the request dependencies. Routers import this module, never the app that assembles them."""

from __future__ import annotations

import threading

from fastapi import Request

from ..settings import Settings
from ..store import open_store
from ..store.filters import BadParameter
from .queries import Explorer


class ApiError(Exception):
    """An error with an HTTP status, a short code and a message for the user."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


class Stores:
    """Read-only connections, one per thread, and the lock of the one writer. The
    database is an SQLite file or a ``postgresql://`` URL (:func:`ghatna.store.open_store`)."""

    def __init__(self, db_path: str, settings: Settings):
        self.db_path = db_path
        self.settings = settings
        self.write_lock = threading.Lock()
        self.processor = None  # the uploads' pipeline, built on the first upload (under the lock)
        self._local = threading.local()

    def explorer(self) -> Explorer:
        explorer = getattr(self._local, "explorer", None)
        if explorer is not None and not explorer.store.usable():  # a server's connection broke
            explorer.store.close()
            explorer = None
        if explorer is None:
            explorer = Explorer(self.open(readonly=True), self.settings["web"])
            self._local.explorer = explorer
        return explorer

    def open(self, *, readonly: bool = False):
        """A new connection to the database (the caller closes it): read-only, or for
        writing with the settings' near-duplicate threshold."""
        return open_store(self.db_path, None if readonly else self.settings, readonly=readonly)


def page_args(request: Request, limit: int | None, offset: int | None) -> tuple[int, int]:
    """Validated ``limit`` and ``offset`` within the configured page sizes."""
    conf = request.app.state.settings["web"]
    limit = int(conf["page_size"]) if limit is None else limit
    offset = 0 if offset is None else offset
    if not 1 <= limit <= int(conf["max_page_size"]):
        raise BadParameter("limit", f"between 1 and {conf['max_page_size']}")
    if not 0 <= offset <= 10_000_000:
        raise BadParameter("offset", "between 0 and 10000000")
    return limit, offset


def explorer(request: Request) -> Explorer:
    return request.app.state.stores.explorer()

