"""Folders and globs expanded to files, safely: symbolic links are followed, but a
folder already visited (by its device and inode) is never entered again, so a link
loop (``d/loop -> d``) costs nothing and a recursive glob (``d/**/*.txt``) ends."""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterator

import regex

has_magic = glob.has_magic


def walk(folder: Path) -> Iterator[Path]:
    """Every file under ``folder`` (hidden names skipped), in sorted order, each real
    folder visited once."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _component(part: str) -> str:
    out, i = [], 0
    while i < len(part):
        ch = part[i]
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and "]" in part[i + 2:]:
            end = part.index("]", i + 2)
            body = part[i + 1:end]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(regex.escape(ch))
        i += 1
    return "".join(out)


def _pattern(rest: str) -> "regex.Pattern[str]":
    """A regex for a glob relative to its root, ``**`` matching any number of folders."""
    parts = rest.split("/")
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append("(?:[^/]+/)*" if not last else ".*")
        else:
            out.append(_component(part) + ("" if last else "/"))
    return regex.compile("".join(out))


def expand_glob(spec: str) -> list[str]:
    """Paths matching ``spec``, sorted; a ``**`` pattern walks its folders once each and
    matches files only."""
    if "**" not in spec:
        return sorted(glob.glob(spec))
    parts = spec.split("/")
    fixed = []
    for part in parts:
        if has_magic(part):
            break
        fixed.append(part)
    root = "/".join(fixed) or ("/" if spec.startswith("/") else ".")
    if spec.startswith("/") and not fixed[1:]:
        root = "/"
    rest = "/".join(parts[len(fixed):])
    pattern = _pattern(rest)
    matches = []
    for path in walk(Path(root)):
        relative = os.path.relpath(path, root).replace(os.sep, "/")
        if pattern.fullmatch(relative):
            matches.append(str(path) if fixed else relative)
    return sorted(matches)
