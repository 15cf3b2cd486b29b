"""Crawl archives (WARC) and news feeds (RSS/Atom)."""

from __future__ import annotations

from typing import BinaryIO, Iterator

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from .base import Defaults, Problem, RawItem, decode_bytes, normalise_date


def _charset(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type:
        return content_type.split("charset=", 1)[1].split(";")[0].strip().strip('"') or None
    return None


def read_warc(stream: BinaryIO, name: str, defaults: Defaults,
              max_bytes: int) -> Iterator[RawItem | Problem]:
    """HTML responses of a WARC (or ARC) file, gzipped or not."""
    count = 0
    try:
        for i, record in enumerate(ArchiveIterator(stream, arc2warc=True)):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}#{i}"
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
                yield Problem(where, f"{url}: page larger than {max_bytes} bytes")
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
