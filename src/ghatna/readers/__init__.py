"""Read articles from the inputs users have: files, folders, globs and standard input.

The format comes from ``--format`` or the file's extension (a ``.xml`` file is read as
a feed). Readers stream: a JSON Lines, CSV or WARC file of any size is read record by
record. Every input yields :class:`RawItem` objects or :class:`Problem` objects that
name the input and the reason, so one bad file never stops a batch.
"""

from __future__ import annotations

import gzip
import io
import logging
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from ..settings import Settings
from .archives import read_feed, read_warc
from .base import Defaults, Prefixed, Problem, RawItem
from .records import FieldMap, read_csv, read_json, read_jsonl
from .paths import expand_glob, has_magic, walk
from .sidecar import SIDECAR_NAMES, Sidecars
from .text import NameDates, read_text

log = logging.getLogger(__name__)

__all__ = ["Defaults", "FieldMap", "Problem", "RawItem", "FORMATS", "read_inputs", "format_of"]

FORMATS = ("text", "jsonl", "json", "csv", "html", "warc", "feed")
_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc", ".arc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}


def format_of(path: str) -> str | None:
    name = path.lower()
    for suffix in (".warc.gz", ".arc.gz"):
        if name.endswith(suffix):
            return "warc"
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    return _EXTENSIONS.get(Path(name).suffix)


def _sniff(head: bytes) -> str:
    """The format of standard input, from its first bytes."""
    text = head.lstrip()[:512].lower()
    if text.startswith(b"warc/"):
        return "warc"
    if text.startswith(b"{"):
        return "jsonl"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"<"):
        return "feed" if (b"<rss" in text or b"<feed" in text or b"<rdf" in text) else "html"
    return "text"


class _Reader:
    def __init__(self, settings: Settings, defaults: Defaults, field_map: dict[str, str] | None,
                 date_from_name: str | None = None):
        conf = settings["readers"]
        self.fields = FieldMap(conf, field_map)
        self.defaults = defaults
        self.max_bytes = int(settings["ingest"]["max_record_bytes"])
        self.name_dates = NameDates(date_from_name)
        self.sidecars = Sidecars()

    def read_stream(self, stream: BinaryIO, name: str, fmt: str,
                    meta: dict[str, str | None] | None = None) -> Iterator[RawItem | Problem]:
        if fmt == "jsonl":
            yield from read_jsonl(stream, name, self.fields, self.defaults, self.max_bytes)
        elif fmt == "csv":
            yield from read_csv(stream, name, self.fields, self.defaults, self.max_bytes)
        elif fmt == "warc":
            yield from read_warc(stream, name, self.defaults, self.max_bytes)
        else:
            data = stream.read(self.max_bytes + 1)
            if len(data) > self.max_bytes:
                yield Problem(name, f"file larger than {self.max_bytes} bytes "
                                    f"(raise [ingest] max_record_bytes)")
                return
            if fmt == "json":
                yield from read_json(data, name, self.fields, self.defaults, self.max_bytes)
            elif fmt == "feed":
                yield from read_feed(data, name, self.defaults)
            elif fmt == "html":
                yield from self._html(data, name, meta or {})
            else:
                yield from read_text(data, name, self.defaults, meta, self.name_dates)

    def _html(self, data: bytes, name: str, meta: dict[str, str | None]) -> Iterator[RawItem | Problem]:
        from ..errors import InputError
        from .base import decode_bytes

        try:
            html, _ = decode_bytes(data, name)
        except InputError as exc:
            yield Problem(name, exc.reason)
            return
        yield RawItem(input=name, doc=Path(name).name, content=html, kind="html",
                      title=meta.get("title"), date=meta.get("date") or self.defaults.date,
                      source=meta.get("source") or self.defaults.source,
                      url=meta.get("url") or self.defaults.url)

    def read_file(self, path: Path, fmt: str | None) -> Iterator[RawItem | Problem]:
        name = str(path)
        fmt = fmt or format_of(name)
        if fmt is None:
            yield Problem(name, f"unknown file type {path.suffix or '(no extension)'}; "
                                f"name the format with --format ({', '.join(FORMATS)})")
            return
        meta = None
        if fmt in ("text", "html"):
            meta, problems = self.sidecars.lookup(path)
            yield from (Problem(where, reason) for where, reason in problems)
        count = 0
        try:
            opener = gzip.open if name.lower().endswith(".gz") and fmt != "warc" else open
            with opener(path, "rb") as stream:
                for result in self.read_stream(stream, name, fmt, meta):
                    count += isinstance(result, RawItem)
                    yield result
        except PermissionError:
            yield Problem(name, "permission denied")
        except IsADirectoryError:
            yield Problem(name, "is a directory")
        except EOFError:
            yield Problem(name, f"truncated: the compressed file ends early (after {count} "
                                f"records, which were read)")
        except gzip.BadGzipFile as exc:
            yield Problem(name, f"not a readable gzip file ({exc}; after {count} records)")
        except OSError as exc:
            yield Problem(name, f"cannot read: {exc.strerror or exc}")
        except Exception as exc:  # a reader's bug must cost this file's rest, no more
            log.debug("reader failed on %s", name, exc_info=True)
            yield Problem(name, f"reader failed after {count} records: "
                                f"{type(exc).__name__}: {exc}")


def read_inputs(paths: list[str], settings: Settings, *, fmt: str | None = None,
                defaults: Defaults | None = None, field_map: dict[str, str] | None = None,
                stdin: BinaryIO | None = None,
                date_from_name: str | None = None) -> Iterator[RawItem | Problem]:
    """Every article in ``paths`` (files, folders, globs, ``-`` for standard input).

    ``date_from_name`` is a pattern for :class:`~ghatna.readers.text.NameDates`; an
    invalid one raises :class:`~ghatna.errors.InputError` before anything is read."""
    reader = _Reader(settings, defaults or Defaults(), field_map, date_from_name)
    return _read_all(reader, paths, fmt, stdin)


def _read_all(reader: _Reader, paths: list[str], fmt: str | None,
              stdin: BinaryIO | None) -> Iterator[RawItem | Problem]:
    for spec in paths:
        if spec == "-":
            stream = stdin or sys.stdin.buffer
            head = stream.read(4096)
            rejoined = io.BufferedReader(Prefixed(head, stream))
            yield from reader.read_stream(rejoined, "-", fmt or _sniff(head))
            continue
        path = Path(spec)
        if path.is_dir():
            found = False
            for file in walk(path):
                if file.name in SIDECAR_NAMES or fmt is None and format_of(str(file)) is None:
                    continue  # sidecar metadata and files of other kinds are not articles
                found = True
                yield from reader.read_file(file, fmt)
            if not found:
                yield Problem(spec, "folder has no article files (.txt, .jsonl, .json, .csv, "
                                    ".html, .warc, .rss, .atom, .xml)")
        elif path.exists():
            yield from reader.read_file(path, fmt)
        elif has_magic(spec):
            matches = expand_glob(spec)
            if not matches:
                yield Problem(spec, "no file matches this pattern")
            for match in matches:
                if Path(match).is_dir():
                    yield from _read_all(reader, [match], fmt, stdin)
                else:
                    yield from reader.read_file(Path(match), fmt)
        else:
            yield Problem(spec, "no such file or folder")
