"""Crawl archives (WARC) and news feeds (RSS/Atom)."""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO, Iterator

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from ..errors import InputError
from .base import Defaults, Prefixed, Problem, RawItem, decode_bytes, normalise_date


def _charset(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type:
        return content_type.split("charset=", 1)[1].split(";")[0].strip().strip('"') or None
    return None


class _GzipCheck(io.RawIOBase):
    """Passes a gzipped stream through unchanged, decompressing it alongside to tell
    whether it ended inside a gzip member: warcio stops quietly at a truncated one."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.inflate = zlib.decompressobj(wbits=31)
        self.started = False
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self.stream.read(len(buffer))
        if not data:
            self.truncated = self.started and not self.inflate.eof
            return 0
        buffer[:len(data)] = data
        pending = data
        while pending:
            self.started = True
            try:
                self.inflate.decompress(pending, 1)
                pending = self.inflate.unconsumed_tail
                while pending and not self.inflate.eof:
                    self.inflate.decompress(pending, 1 << 16)
                    pending = self.inflate.unconsumed_tail
            except zlib.error:
                return len(data)  # not gzip after all: warcio reports it
            if self.inflate.eof:
                pending = self.inflate.unused_data
                self.inflate = zlib.decompressobj(wbits=31)
                self.started = bool(pending)
        return len(data)


class _Loader(ArcWarcRecordLoader):
    """warcio's record loader, made to read a record without WARC-Target-URI (which
    it would fail on) so that the reader can report that record and go on."""

    def load_http_headers(self, rec_type, uri, stream, length):  # type: ignore[override]
        return super().load_http_headers(rec_type, uri or "http://", stream, length)


def read_warc(stream: BinaryIO, name: str, defaults: Defaults,
              max_bytes: int) -> Iterator[RawItem | Problem]:
    """HTML responses of a WARC (or ARC) file, gzipped or not. A record cut short, or
    a gzipped archive that ends inside a member, is reported as truncated."""
    count = 0
    cut_record = False
    head = stream.read(2)
    gzipped = head == b"\x1f\x8b"
    check = _GzipCheck(Prefixed(head, stream)) if gzipped else None
    source = io.BufferedReader(check) if check else io.BufferedReader(Prefixed(head, stream))
    records = ArchiveIterator(source, arc2warc=True)
    records.loader = _Loader(verify_http=False, arc2warc=True)
    try:
        for i, record in enumerate(records):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            where = f"{name}#{i}"
            if url is None or not url.strip():
                record.content_stream().read()
                yield Problem(where, "response record has no WARC-Target-URI; skipped")
                continue
            http = record.http_headers
            ctype = http.get_header("Content-Type") if http else None
            if http is None or (ctype and "html" not in ctype.lower()):
                continue
            status = http.get_statuscode()
            if status and not status.startswith("2"):
                continue
            count += 1
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield Problem(where, f"{url or 'record'}: page larger than {max_bytes} bytes")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                cut_record = True
                yield Problem(where, f"{url or 'record'}: truncated (the archive ends "
                                     f"{record.raw_stream.limit} bytes before the record does)")
                continue
            charset = _charset(ctype)
            try:
                html = body.decode(charset) if charset else decode_bytes(body, url or where)[0]
            except (InputError, LookupError, UnicodeDecodeError):
                try:
                    html = decode_bytes(body, url or where)[0]
                except InputError as exc:
                    yield Problem(where, exc.reason)
                    continue
            crawl_date = normalise_date(record.rec_headers.get_header("WARC-Date"))
            yield RawItem(input=where, doc=url or where, content=html, kind="html", url=url,
                          date=defaults.date, source=defaults.source,
                          meta={"crawl_date": crawl_date} if crawl_date else {})
    except ArchiveLoadFailed as exc:
        yield Problem(name, f"not a readable WARC/ARC archive ({exc})")
        return
    if check is not None and check.truncated and not cut_record:
        yield Problem(name, f"truncated: the gzipped archive ends inside a record (after "
                            f"{count} HTML responses, which were read)")
        return
    if count == 0:
        yield Problem(name, "no HTML responses in the archive")


def read_feed(data: bytes, name: str, defaults: Defaults) -> Iterator[RawItem | Problem]:
    """Entries of an RSS or Atom file; each entry's content (or summary) is the text."""
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = "no entries"
        if feed.bozo:
            reason = f"not a readable feed ({feed.bozo_exception})"
        yield Problem(name, reason)
        return
    source = defaults.source or feed.feed.get("title")
    for i, entry in enumerate(feed.entries):
        where = f"{name}#{i}"
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry.content), key=len)
        content = content or entry.get("summary", "") or entry.get("description", "")
        if not content.strip():
            yield Problem(where, "entry has no content or summary")
            continue
        date = None
        for key in ("published", "updated", "created"):
            if entry.get(key):
                date = normalise_date(entry.get(key))
                if date:
                    break
        yield RawItem(input=where, doc=entry.get("link") or where, content=content,
                      kind="fragment", title=entry.get("title"), date=date or defaults.date,
                      url=entry.get("link") or defaults.url, source=source,
                      byline=entry.get("author"))
