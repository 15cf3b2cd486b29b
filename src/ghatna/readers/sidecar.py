"""Metadata for folders of plain-text files, kept beside them.

A folder may hold ``meta.jsonl`` (one ``{"file": NAME, "date": ..., "source": ...,
"url": ..., "title": ...}`` per line) or ``meta.csv`` (a header row with ``file`` and
any of ``date``, ``source``, ``url``, ``title``). Each line gives the metadata of the
text or HTML file of that name in the same folder; the sidecar files themselves are
not articles. A bad line is reported with its line number and the rest still apply.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .base import decode_bytes

SIDECAR_NAMES = ("meta.jsonl", "meta.csv")
_KEYS = ("date", "source", "url", "title")
_FILE_KEYS = ("file", "filename", "name")


@dataclass
class FolderMeta:
    entries: dict[str, dict[str, str | None]] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)


def _rows(path: Path) -> list[tuple[str, object]]:
    """(where, record) for every line of a sidecar file."""
    text, _ = decode_bytes(path.read_bytes(), str(path))
    if path.suffix == ".jsonl":
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append((f"{path}:{n}", json.loads(line)))
                except (json.JSONDecodeError, RecursionError) as exc:
                    rows.append((f"{path}:{n}", InputError(str(path), f"malformed JSON ({exc})")))
        return rows
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return [(f"{path}:{n}", row) for n, row in enumerate(reader, 2)]


def load_folder_meta(folder: Path) -> FolderMeta:
    """The sidecar metadata of ``folder`` (empty when it has none)."""
    from .records import _date, _string

    meta = FolderMeta()
    for name in SIDECAR_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        try:
            rows = _rows(path)
        except (InputError, OSError, csv.Error) as exc:
            meta.problems.append((str(path), getattr(exc, "reason", None) or str(exc)))
            continue
        for where, row in rows:
            if isinstance(row, InputError):
                meta.problems.append((where, row.reason))
                continue
            if not isinstance(row, dict):
                meta.problems.append((where, "line is not an object"))
                continue
            lowered = {str(k).lower(): v for k, v in row.items()}
            file = next((lowered[k] for k in _FILE_KEYS if isinstance(lowered.get(k), str)), None)
            if not file:
                meta.problems.append((where, 'no "file" naming the text file it describes'))
                continue
            try:
                entry = {k: _string(lowered.get(k) or None, k) for k in ("source", "url", "title")}
                entry["date"] = _date(lowered.get("date") or None)
            except ValueError as exc:
                meta.problems.append((where, str(exc)))
                continue
            if lowered.get("date") and entry["date"] is None:
                meta.problems.append((where, f"date {lowered['date']!r} cannot be read"))
                continue
            meta.entries[Path(file).name] = entry
    return meta


class Sidecars:
    """Sidecar metadata by folder, each folder read once; its problems reported once."""

    def __init__(self) -> None:
        self._folders: dict[Path, FolderMeta] = {}

    def lookup(self, path: Path) -> tuple[dict[str, str | None], list[tuple[str, str]]]:
        """The metadata for ``path`` and the folder's problems (only on its first lookup)."""
        folder = path.parent
        fresh = folder not in self._folders
        if fresh:
            self._folders[folder] = load_folder_meta(folder)
        meta = self._folders[folder]
        return meta.entries.get(path.name, {}), (meta.problems if fresh else [])
