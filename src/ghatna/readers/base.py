"""What readers produce: raw items to process, or problems to report."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

import regex

from ..errors import InputError
from .encoding import HEAD_BYTES, detect_encoding


@dataclass
class RawItem:
    """One article as read: text (or HTML) and whatever metadata came with it.

    ``input`` names the input for the ingest log and messages: a path, ``path:LINE``
    for a JSON Lines record, ``path#N`` for a record of a WARC, feed or CSV file.
    """

    input: str
    doc: str
    content: str
    kind: str = "text"  # text, html (a whole page) or fragment (an HTML snippet)
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    byline: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        h = hashlib.sha256()
        for part in (self.kind, self.content, self.title, self.date, self.url, self.source):
            h.update((part or "").encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()[:20]


@dataclass
class Problem:
    """An input that could not be read, with the reason in words a user can act on."""

    input: str
    reason: str


@dataclass
class Defaults:
    """Metadata given on the command line, used where an input carries none."""

    date: str | None = None
    source: str | None = None
    url: str | None = None


_BINARY_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Dates outside these years are mistakes (a timestamp in the wrong unit, 1e20).
MIN_YEAR, MAX_YEAR = 1800, 2200


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a whole file's bytes; returns (text, encoding). The encoding is decided
    over the head of the file (:func:`~ghatna.readers.encoding.detect_encoding`), the
    rest must follow it; raises InputError for binary, mixed or undecodable data."""
    if not data.strip():
        raise InputError(name, "empty file")
    head = data[:HEAD_BYTES]
    encoding = detect_encoding(head, name, complete=len(data) <= HEAD_BYTES)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"bytes at {exc.start} are not {encoding} like the start of "
                               f"the file; convert it to UTF-8") from None
    check_text(text, name)
    if not text.strip():
        raise InputError(name, "empty file")
    return text, encoding.removesuffix("-sig")


def check_text(text: str, name: str) -> None:
    """Refuse decoded text holding NUL characters or many control characters."""
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(name, f"binary data (NUL character at character {nul}), not text")
    controls = len(_BINARY_CONTROL.findall(text))
    if controls > max(4, len(text) // 100):
        raise InputError(name, "binary file (control characters), not text")


def normalise_date(value: Any) -> str | None:
    """A record's date as YYYY-MM-DD, or None when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        stamp = value / 1000 if abs(value) > 1e11 else value
        try:
            day = datetime.fromtimestamp(stamp, timezone.utc).date()
        except (OverflowError, OSError, ValueError):  # NaN, infinity, 1e20
            return None
        return day.isoformat() if MIN_YEAR <= day.year <= MAX_YEAR else None
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = _ISO_DATE.match(text)
    if m:
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return day.isoformat() if MIN_YEAR <= day.year <= MAX_YEAR else None
    if len(text) > 100:
        return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        import dateparser

        try:
            parsed = dateparser.parse(text, languages=["en", "hi"], settings={
                "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False})
        except (ValueError, OverflowError, TypeError):
            parsed = None
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed.date().isoformat()


def check_date(value: str | None, what: str) -> str | None:
    """Validate a date given by a user (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(what, f"{value!r} is not a date of the form YYYY-MM-DD") from None


class Prefixed(io.RawIOBase):
    """A binary stream that first returns ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
