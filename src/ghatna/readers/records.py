"""Exports of records: JSON Lines, JSON and CSV, with configurable field names."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO, Iterator

from ..errors import InputError
from .base import Defaults, Prefixed, Problem, RawItem, decode_bytes, normalise_date


class FieldMap:
    """Which record fields hold the text, title, date, url, source and id."""

    KINDS = ("text", "title", "date", "url", "source", "id")

    def __init__(self, settings_readers: dict[str, Any], overrides: dict[str, str] | None = None):
        self.fields = {kind: list(settings_readers.get(f"{kind}_fields", [])) for kind in self.KINDS}
        for kind, name in (overrides or {}).items():
            if kind not in self.KINDS:
                raise InputError(f"--map {kind}={name}", f"the kinds are {', '.join(self.KINDS)}")
            self.fields[kind] = [name]

    def get(self, record: dict[str, Any], kind: str) -> Any:
        lowered = {str(k).lower(): v for k, v in record.items()}
        for name in self.fields[kind]:
            value = record.get(name, lowered.get(name.lower()))
            if value not in (None, ""):
                return value
        return None


def _item(record: Any, where: str, doc: str, fields: FieldMap, defaults: Defaults,
          max_bytes: int) -> RawItem | Problem:
    if not isinstance(record, dict):
        return Problem(where, f"record is a JSON {type(record).__name__}, not an object")
    text = fields.get(record, "text")
    if text is None:
        return Problem(where, f"no text field (tried {', '.join(fields.fields['text'])}; "
                              f"name yours with --map text=FIELD)")
    if not isinstance(text, str):
        return Problem(where, "text field is not a string")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return Problem(where, f"text larger than {max_bytes} bytes")
    if not text.strip():
        return Problem(where, "empty text")
    kind = "fragment" if text.lstrip().startswith("<") else "text"
    title = fields.get(record, "title")
    rid = fields.get(record, "id")
    return RawItem(
        input=where, doc=f"{doc}#{rid}" if rid is not None else where, content=text, kind=kind,
        title=str(title) if title is not None else None,
        date=normalise_date(fields.get(record, "date")) or defaults.date,
        url=fields.get(record, "url") or defaults.url,
        source=fields.get(record, "source") or defaults.source,
        meta={"record_id": str(rid)} if rid is not None else {})


def read_jsonl(stream: BinaryIO, name: str, fields: FieldMap, defaults: Defaults,
               max_bytes: int) -> Iterator[RawItem | Problem]:
    """One record per line, read as a stream: memory stays flat on any file size."""
    seen = False
    for lineno, line in enumerate(stream, 1):
        where = f"{name}:{lineno}"
        if not line.strip():
            continue
        seen = True
        if len(line) > max_bytes:
            yield Problem(where, f"line longer than {max_bytes} bytes")
            continue
        try:
            record = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield Problem(where, "line is not UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield Problem(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _item(record, where, name, fields, defaults, max_bytes)
    if not seen:
        yield Problem(name, "empty file")


def read_json(data: bytes, name: str, fields: FieldMap, defaults: Defaults,
              max_bytes: int) -> Iterator[RawItem | Problem]:
    """A JSON array of records, an object with a list of records, or one record."""
    try:
        text, _ = decode_bytes(data, name)
        payload = json.loads(text)
    except InputError as exc:
        yield Problem(name, exc.reason)
        return
    except json.JSONDecodeError as exc:
        yield Problem(name, f"malformed JSON ({exc.msg} at line {exc.lineno})")
        return
    if isinstance(payload, dict):
        lists = [v for v in payload.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        records = lists[0] if lists and fields.get(payload, "text") is None else [payload]
    elif isinstance(payload, list):
        records = payload
    else:
        yield Problem(name, "JSON is neither a record nor a list of records")
        return
    if not records:
        yield Problem(name, "no records")
    for i, record in enumerate(records):
        yield _item(record, f"{name}#{i}", name, fields, defaults, max_bytes)


def read_csv(stream: BinaryIO, name: str, fields: FieldMap, defaults: Defaults,
             max_bytes: int) -> Iterator[RawItem | Problem]:
    csv.field_size_limit(max_bytes)
    head = stream.read(65536)
    try:
        decode_bytes(head, name)
    except InputError as exc:
        yield Problem(name, exc.reason)
        return
    text_stream = io.TextIOWrapper(Prefixed(head, stream), encoding="utf-8-sig", errors="replace",
                                   newline="")
    try:
        dialect = csv.Sniffer().sniff(head.decode("utf-8", "ignore")[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(text_stream, dialect=dialect)
    count = 0
    try:
        for i, row in enumerate(reader, 1):
            count += 1
            yield _item(row, f"{name}#{i}", name, fields, defaults, max_bytes)
    except csv.Error as exc:
        yield Problem(f"{name}#{count + 1}", f"malformed CSV ({exc})")
    if count == 0:
        yield Problem(name, "no rows after the header")
