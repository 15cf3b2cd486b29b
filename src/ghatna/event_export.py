"""Event records (EVENTS.md) written as a table, JSON Lines, CSV, GDELT-style TSV or PLOVER JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable

CSV_FIELDS = ("id", "date", "event", "mode", "aux_mode", "actor", "actor_code", "recipient",
              "recipient_code", "cameo", "quad_code", "location", "lat", "lon", "confidence",
              "trigger", "sentence", "doc")
# GDELT 1.0 event-table column subset, in GDELT's order.
GDELT_FIELDS = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode",
                "Actor2Code", "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode",
                "EventBaseCode", "EventRootCode", "QuadClass", "ActionGeo_FullName",
                "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL")


def _keys(refs: list[dict[str, Any]]) -> set[str]:
    return {f"IGO:{r['org']}" if r.get("org") else r.get("country") for r in refs} - {None}


def filter_records(records: Iterable[dict[str, Any]], *, etype: str | None = None,
                   actor: str | None = None, since: str | None = None,
                   until: str | None = None) -> list[dict[str, Any]]:
    out = []
    for r in records:
        if etype and r["event"] != etype.upper():
            continue
        if actor and actor not in _keys(r["actor"]) | _keys(r["recipient"]) and \
                actor not in {a.get("code") for a in r["actor"] + r["recipient"]}:
            continue
        if since and (not r.get("date") or r["date"] < since):
            continue
        if until and (not r.get("date") or r["date"] > until):
            continue
        out.append(r)
    return out


def _names(refs: list[dict[str, Any]]) -> str:
    return "; ".join(r.get("name") or r["text"] for r in refs)


def _codes(refs: list[dict[str, Any]]) -> str:
    return "; ".join(r.get("code") or r.get("country") or (r.get("org") or "") for r in refs)


def _row(r: dict[str, Any]) -> dict[str, Any]:
    loc = r.get("location") or {}
    return {"id": r["id"], "date": r.get("date") or "", "event": r["event"], "mode": r.get("mode") or "",
            "aux_mode": r.get("aux_mode") or "", "actor": _names(r["actor"]),
            "actor_code": _codes(r["actor"]), "recipient": _names(r["recipient"]),
            "recipient_code": _codes(r["recipient"]), "cameo": r.get("cameo") or "",
            "quad_code": r.get("quad_code") or "", "location": loc.get("name") or loc.get("text") or "",
            "lat": loc.get("lat") or "", "lon": loc.get("lon") or "", "confidence": r["confidence"],
            "trigger": r["evidence"]["trigger"]["text"], "sentence": r["evidence"]["sentence"],
            "doc": r["evidence"].get("doc") or ""}


def export(records: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "plover":
        return "".join(json.dumps(_plover(r), ensure_ascii=False) + "\n" for r in records)
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.DictWriter(buf, CSV_FIELDS)
        w.writeheader()
        for r in records:
            w.writerow(_row(r))
        return buf.getvalue()
    if fmt == "gdelt":
        w = csv.writer(buf, delimiter="\t", lineterminator="\n")
        w.writerow(GDELT_FIELDS)
        for r in records:
            a1 = r["actor"][0] if r["actor"] else {}
            a2 = r["recipient"][0] if r["recipient"] else {}
            loc = r.get("location") or {}
            cameo = r.get("cameo") or ""
            w.writerow([r["id"], (r.get("date") or "").replace("-", ""), a1.get("code") or "",
                        a1.get("name") or a1.get("text") or "", a1.get("country") or "",
                        a2.get("code") or "", a2.get("name") or a2.get("text") or "",
                        a2.get("country") or "", 1, cameo, cameo[:3], cameo[:2],
                        r.get("quad_code") or "", loc.get("name") or "", loc.get("country") or "",
                        loc.get("lat") or "", loc.get("lon") or "", r["evidence"].get("doc") or ""])
        return buf.getvalue()
    # table
    lines = []
    for r in records:
        row = _row(r)
        lines.append(f"{row['date'] or '----------'}  {row['event']:<9} {row['actor_code'] or '-':<14} -> "
                     f"{row['recipient_code'] or '-':<14} {row['trigger']}")
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
            "confidence": r["confidence"], "evidence": r["evidence"], "coder": r["coder"]}
