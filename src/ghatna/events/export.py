"""Event records (EVENTS.md) written as a table, JSON Lines, CSV, the GDELT 2.0 event table
(:mod:`ghatna.events.gdelt`), PLOVER JSON or Parquet."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from . import gdelt

CSV_FIELDS = ("id", "date", "event", "mode", "aux_mode", "negated", "actor", "actor_codes",
              "recipient", "recipient_codes", "location", "location_country", "lat", "lon",
              "location_admin1", "location_admin1_name", "cameo", "quad_code", "confidence", "article", "doc", "sentence_index",
              "trigger", "sentence", "mentions", "articles", "sources", "review")
def _names(refs: list[dict[str, Any]]) -> str:
    return "; ".join(r.get("name") or r.get("text") or "" for r in refs)


def _codes(refs: list[dict[str, Any]]) -> str:
    return "; ".join(r.get("code") or r.get("country") or (r.get("org") or "") for r in refs)


def review_verdict(r: dict[str, Any]) -> str:
    """The analyst's verdict on a record (``correct``, ``wrong``, ``corrected``), or ""."""
    return (r.get("review") or {}).get("verdict") or ""


def _reports(r: dict[str, Any]) -> tuple[int, int, int]:
    """Mentions, articles and sources of a record: 1, 1, 1 unless it stands for several
    reports (``ghatna events --unique``, :mod:`ghatna.events.reports`)."""
    rep = r.get("reports") or {}
    return rep.get("mentions", 1), rep.get("articles", 1), rep.get("sources", 1)


def _cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_row(r: dict[str, Any]) -> list[Any]:
    """One record as CSV cells in the order of :data:`CSV_FIELDS`."""
    return [_cell(v) for v in _flat(r)]


def _flat(r: dict[str, Any]) -> list[Any]:
    """The CSV columns of a record, unguarded (Parquet cells are never formulas)."""
    loc = r.get("location") or {}
    ev = r.get("evidence") or {}
    return [r.get("id"), r.get("date"), r.get("event"), r.get("mode"), r.get("aux_mode"),
            r.get("negated"), _names(r.get("actor", [])), _codes(r.get("actor", [])),
            _names(r.get("recipient", [])), _codes(r.get("recipient", [])),
            loc.get("name") or loc.get("text"), loc.get("country"), loc.get("lat"), loc.get("lon"),
            loc.get("admin1"), loc.get("admin1_name"), r.get("cameo"), r.get("quad_code"), r.get("confidence"), ev.get("article"),
            ev.get("doc"), ev.get("sentence_index"), (ev.get("trigger") or {}).get("text"),
            ev.get("sentence"), *_reports(r), review_verdict(r)]


def write_parquet(records: list[dict[str, Any]], path: str) -> None:
    """A Parquet table: the CSV columns, typed, and the full record as JSON in ``record``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"negated": pa.bool_(), "lat": pa.float64(), "lon": pa.float64(),
             "quad_code": pa.int8(), "confidence": pa.float64(), "sentence_index": pa.int32(),
             "mentions": pa.int32(), "articles": pa.int32(), "sources": pa.int32()}
    rows = [_flat(r) for r in records]
    columns = {name: pa.array([row[i] for row in rows], type=types.get(name, pa.string()))
               for i, name in enumerate(CSV_FIELDS)}
    columns["record"] = pa.array([json.dumps(r, ensure_ascii=False) for r in records], pa.string())
    pq.write_table(pa.table(columns), path)


def export(records: list[dict[str, Any]], fmt: str,
           articles: dict[str, dict[str, Any]] | None = None) -> str:
    """``records`` in format ``fmt``; ``gdelt`` also uses their ``articles``
    (:func:`ghatna.events.gdelt.article_info`) for dates, URLs and the lead."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "plover":
        return "".join(json.dumps(_plover(r), ensure_ascii=False) + "\n" for r in records)
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.writer(buf)
        w.writerow(CSV_FIELDS)
        for r in records:
            w.writerow(csv_row(r))
        return buf.getvalue()
    if fmt == "gdelt":
        return gdelt.table(records, articles or {})
    # table
    lines = []
    for r in records:
        mentions, _articles, sources = _reports(r)
        told = f"  ({mentions} reports, {sources} source{'s' if sources > 1 else ''})" if mentions > 1 else ""
        lines.append(f"{r.get('date') or '----------'}  {r['event']:<9} "
                     f"{_codes(r['actor']) or '-':<14} -> {_codes(r['recipient']) or '-':<14} "
                     f"{r['evidence']['trigger']['text']}{told}")
    return "\n".join(lines) + ("\n" if lines else "")


def _plover(r: dict[str, Any]) -> dict[str, Any]:
    """A POLECAT-like record: PLOVER field names, one line per event."""
    return {"event_id": r["id"], "event_date": r.get("date"), "event_type": r["event"],
            "event_mode": r.get("mode"), "event_aux_mode": r.get("aux_mode"),
            "event_context": r.get("context", []),
            "actor": [a.get("name") or a["text"] for a in r["actor"]],
            "actor_country": [a.get("country") for a in r["actor"]],
            "actor_sector": [a.get("sector") for a in r["actor"]],
            "recipient": [a.get("name") or a["text"] for a in r["recipient"]],
            "recipient_country": [a.get("country") for a in r["recipient"]],
            "recipient_sector": [a.get("sector") for a in r["recipient"]],
            "location": r.get("location"), "cameo": r.get("cameo"), "quad_code": r.get("quad_code"),
            "confidence": r["confidence"], "evidence": r["evidence"], "coder": r["coder"],
            **({"reports": r["reports"]} if "reports" in r else {})}
