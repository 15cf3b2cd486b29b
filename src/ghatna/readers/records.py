"""Exports of records: JSON Lines, JSON and CSV, with configurable field names."""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any, BinaryIO, Iterator

from ..errors import InputError
from .base import (MAX_YEAR, MIN_YEAR, Defaults, Prefixed, Problem, RawItem, check_text,
                   decode_bytes, normalise_date)
from .encoding import HEAD_BYTES, detect_encoding


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


def _string(value: Any, kind: str) -> str | None:
    """A metadata field as text; numbers are written out, anything else is refused."""
    if value is None:
        return None
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(f"{kind} field contains a NUL character")
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict) and kind == "source":
        # NewsAPI and similar exports: "source": {"id": "...", "name": "The Hindu"}
        name = value.get("name") if isinstance(value.get("name"), str) else None
        if name is None and isinstance(value.get("id"), str):
            name = value["id"]
        if name and name.strip():
            return name.strip()
        raise ValueError('source field is an object without a "name" string')
    raise ValueError(f"{kind} field is a JSON {_json_type(value)}, expected a string")


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", bool: "boolean", float: "number", int: "number",
            type(None): "null"}.get(type(value), type(value).__name__)


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"date field is a JSON {_json_type(value)}, expected a date")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"date field is {value}, not a date")
    date = normalise_date(value)
    if date is None and not isinstance(value, str):
        raise ValueError(f"date field {value!r} is not a timestamp between "
                         f"{MIN_YEAR} and {MAX_YEAR}")
    return date


def _item(record: Any, where: str, doc: str, fields: FieldMap, defaults: Defaults,
          max_bytes: int) -> RawItem | Problem:
    """A raw item from one record; a record with a field of the wrong type is a problem
    (with the field and the reason), never an exception."""
    if not isinstance(record, dict):
        return Problem(where, f"record is a JSON {_json_type(record)}, not an object")
    text = fields.get(record, "text")
    if text is None:
        return Problem(where, f"no text field (tried {', '.join(fields.fields['text'])}; "
                              f"name yours with --map text=FIELD)")
    if not isinstance(text, str):
        return Problem(where, f"text field is a JSON {_json_type(text)}, expected a string")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return Problem(where, f"text larger than {max_bytes} bytes")
    if not text.strip():
        return Problem(where, "empty text")
    try:
        check_text(text, "text field")
        title = _string(fields.get(record, "title"), "title")
        url = _string(fields.get(record, "url"), "url")
        source = _string(fields.get(record, "source"), "source")
        rid = _string(fields.get(record, "id"), "id")
        date = _date(fields.get(record, "date"))
    except InputError as exc:
        return Problem(where, f"{exc.name} holds {exc.reason}")
    except ValueError as exc:
        return Problem(where, str(exc))
    kind = "fragment" if text.lstrip().startswith("<") else "text"
    return RawItem(
        input=where, doc=f"{doc}#{rid}" if rid is not None else where, content=text, kind=kind,
        title=title, date=date or defaults.date, url=url or defaults.url,
        source=source or defaults.source, meta={"record_id": rid} if rid is not None else {})


def _loads(text: str) -> Any:
    """json.loads that reports nesting too deep for Python as a JSONDecodeError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text[:20], 0) from None


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
            record = _loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            yield Problem(where, f"line is not UTF-8 (byte {exc.start}); JSON Lines must be UTF-8")
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
        payload = _loads(text)
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
    """Rows of a CSV or TSV file in any encoding :func:`detect_encoding` accepts (the
    head decides); a row with bytes of another encoding or a NUL is reported alone."""
    csv.field_size_limit(max_bytes)
    head = stream.read(HEAD_BYTES)
    if not head.strip():
        yield Problem(name, "empty file")
        return
    try:
        encoding = detect_encoding(head, name, complete=len(head) < HEAD_BYTES)
    except InputError as exc:
        yield Problem(name, exc.reason)
        return
    text_stream = io.TextIOWrapper(io.BufferedReader(Prefixed(head, stream)), encoding=encoding,
                                   errors="replace", newline="")
    sample = head[:8192].decode(encoding, "ignore")
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(text_stream, dialect=dialect)
    count = 0
    try:
        for i, row in enumerate(reader, 1):
            count += 1
            where = f"{name}#{i}"
            values = [v for v in row.values() if isinstance(v, str)]
            if any("\ufffd" in v for v in values):
                yield Problem(where, f"row has bytes that are not {encoding} like the head of "
                                     f"the file")
            elif any("\x00" in v for v in values):
                yield Problem(where, "row contains a NUL byte")
            else:
                yield _item(row, where, name, fields, defaults, max_bytes)
    except csv.Error as exc:
        yield Problem(f"{name}#{count + 1}", f"malformed CSV ({exc}); the rows after it "
                                             f"are not read")
    if count == 0:
        yield Problem(name, "no rows after the header")
