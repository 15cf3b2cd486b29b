"""Read articles from the inputs users have: files, folders, globs and standard input.

The format comes from ``--format`` or the file's extension (a ``.xml`` file is read as
a feed). Readers stream: a JSON Lines, CSV or WARC file of any size is read record by
record. Every input yields :class:`RawItem` objects or :class:`Problem` objects that
name the input and the reason, so one bad file never stops a batch.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from ..settings import Settings
from .archives import read_feed, read_warc
from .base import Defaults, Prefixed, Problem, RawItem
from .records import FieldMap, read_csv, read_json, read_jsonl
from .text import read_text

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
    def __init__(self, settings: Settings, defaults: Defaults, field_map: dict[str, str] | None):
        conf = settings["readers"]
        self.fields = FieldMap(conf, field_map)
        self.defaults = defaults
        self.max_bytes = int(settings["ingest"]["max_record_bytes"])

    def read_stream(self, stream: BinaryIO, name: str, fmt: str) -> Iterator[RawItem | Problem]:
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
                yield from self._html(data, name)
            else:
                yield from read_text(data, name, self.defaults)

    def _html(self, data: bytes, name: str) -> Iterator[RawItem | Problem]:
        from ..errors import InputError
        from .base import decode_bytes

        try:
            html, _ = decode_bytes(data, name)
        except InputError as exc:
            yield Problem(name, exc.reason)
            return
        yield RawItem(input=name, doc=Path(name).name, content=html, kind="html",
                      date=self.defaults.date, source=self.defaults.source, url=self.defaults.url)

    def read_file(self, path: Path, fmt: str | None) -> Iterator[RawItem | Problem]:
        name = str(path)
        fmt = fmt or format_of(name)
        if fmt is None:
            yield Problem(name, f"unknown file type {path.suffix or '(no extension)'}; "
                                f"name the format with --format ({', '.join(FORMATS)})")
            return
        try:
            opener = gzip.open if name.lower().endswith(".gz") and fmt != "warc" else open
            with opener(path, "rb") as stream:
                yield from self.read_stream(stream, name, fmt)
        except PermissionError:
            yield Problem(name, "permission denied")
        except IsADirectoryError:
            yield Problem(name, "is a directory")
        except (OSError, EOFError) as exc:
            yield Problem(name, f"cannot read: {exc.strerror or exc}")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_inputs(paths: list[str], settings: Settings, *, fmt: str | None = None,
                defaults: Defaults | None = None, field_map: dict[str, str] | None = None,
                stdin: BinaryIO | None = None) -> Iterator[RawItem | Problem]:
    """Every article in ``paths`` (files, folders, globs, ``-`` for standard input)."""
    reader = _Reader(settings, defaults or Defaults(), field_map)
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
            for file in _walk(path):
                if fmt is None and format_of(str(file)) is None:
                    continue  # files of other kinds in a folder are not articles
                found = True
                yield from reader.read_file(file, fmt)
            if not found:
                yield Problem(spec, "folder has no article files (.txt, .jsonl, .json, .csv, "
                                    ".html, .warc, .rss, .atom, .xml)")
        elif path.exists():
            yield from reader.read_file(path, fmt)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield Problem(spec, "no file matches this pattern")
            for match in matches:
                yield from read_inputs([match], settings, fmt=fmt, defaults=defaults,
                                       field_map=field_map, stdin=stdin)
        else:
            yield Problem(spec, "no such file or folder")
