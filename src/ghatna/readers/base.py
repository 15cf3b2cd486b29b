"""What readers produce: raw items to process, or problems to report."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

import charset_normalizer
import regex

from ..errors import InputError


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
_LATIN_CODEPAGE = regex.compile(r"^(cp125[0-8]|iso8859_\d+|latin_1|mac_(roman|latin2|iceland))$")
_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a file's bytes; returns (text, encoding). Raises InputError for binary
    or undecodable data."""
    if not data.strip():
        raise InputError(name, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(name, "UTF-16 byte-order mark but undecodable content") from None
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None or best.encoding is None:
            raise InputError(name, "not UTF-8 and no known text encoding fits; "
                                   "convert it to UTF-8") from None
        encoding = best.encoding
        # Short Western texts fool the detector between the Latin code pages; files
        # from Windows are cp1252 far more often than any other of them.
        if _LATIN_CODEPAGE.match(encoding):
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text = str(best)
        else:
            text = str(best)
    sample = text[:8192]
    if sample and len(_BINARY_CONTROL.findall(sample)) > max(4, len(sample) // 100):
        raise InputError(name, "binary file (control characters), not text")
    if not text.strip():
        raise InputError(name, "empty file")
    return text, encoding


def normalise_date(value: Any) -> str | None:
    """A record's date as YYYY-MM-DD, or None when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        stamp = value / 1000 if value > 1e11 else value
        return datetime.utcfromtimestamp(stamp).date().isoformat()
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = _ISO_DATE.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en", "hi"],
                              settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False})
    return parsed.date().isoformat() if parsed else None


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
