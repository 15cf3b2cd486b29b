"""Plain text files: the first non-empty line is the headline."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import regex

from ..errors import InputError
from .base import Defaults, Problem, RawItem, decode_bytes

_DATED_NAME = regex.compile(r"^(\d{4}-\d{2}-\d{2})(?!\d)")


def read_text(data: bytes, name: str, defaults: Defaults) -> Iterator[RawItem | Problem]:
    try:
        text, encoding = decode_bytes(data, name)
    except InputError as exc:
        yield Problem(name, exc.reason)
        return
    # A file named 2024-03-12-something.txt carries its publication date.
    m = _DATED_NAME.match(Path(name).name)
    yield RawItem(input=name, doc=Path(name).name if name != "-" else "stdin", content=text,
                  date=m.group(1) if m else defaults.date, source=defaults.source,
                  url=defaults.url, meta={"encoding": encoding} if encoding != "utf-8" else {})
