"""Analyst reviews of coded events: what a verdict may say, how it changes a record, and
the gold file that reviewed sentences make.

A review is ``correct``, ``wrong`` or ``corrected``; a correction gives new values for
some of the event type, mode, actors, recipients and date. The store keeps every review
(an append-only history, table ``reviews``) and writes the latest one into the event's
record (:func:`apply`), so every reader of events (lists, filters, exports, the web) sees
the reviewed values: the corrected values in the main fields, the coder's in
``review.original``.

Corrected actors and recipients are given as keys, as in the filters and the gold files:
an ISO 3166-1 alpha-3 code (``CHN``), ``IGO:<acronym>`` (``IGO:UN``) or a CAMEO actor code
(``CHNGOV``). A key that one of the coder's actors on that side already has (its country,
``IGO:<org>`` or code) keeps that actor object, with its words and offsets; any other key
becomes a new object without words: ``{"text": null, "start": null, "end": null,
"entity_id": null, "name": null, "country": <the ISO3 code, or the first three letters of
a CAMEO code>, "org": <acronym>, "sector": <the CAMEO code's role>, "code": <the key>}``.
"""

from __future__ import annotations

import json
from datetime import date as Date
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

from .filters import EVENT_TYPES, BadParameter, check_date

VERDICTS = ("correct", "wrong", "corrected")
# the record fields a correction may change (``original`` keeps the coder's values of those it did)
CORRECTABLE = ("event", "cameo", "quad_code", "mode", "actor", "recipient", "date", "date_precision",
               "date_text")
_KEY = regex.compile(r"^(?:[A-Z]{3}(?:[A-Z]{3}){0,3}|IGO:[A-Z0-9]{2,12})$")


@lru_cache(maxsize=1)
def type_codes() -> dict[str, tuple[str, int]]:
    """Each PLOVER type's default CAMEO code and quad class (``patterns/_types.yaml``): what a
    corrected type's record carries."""
    from ..events.patterns import _load_types

    text = resources.files("ghatna").joinpath("data", "patterns", "_types.yaml").read_text("utf-8")
    return {name: (t.cameo, t.quad) for name, t in _load_types(text).items()}


def check(verdict: str, *, event: str | None = None, actor: list[str] | None = None,
          recipient: list[str] | None = None, date: str | None = None, mode: str | None = None
          ) -> dict[str, Any]:
    """The correction of a review (empty unless ``corrected``), validated: raises
    :class:`BadParameter` naming the field and the reason."""
    if verdict not in VERDICTS:
        raise BadParameter("verdict", f"{verdict!r} is not one of {', '.join(VERDICTS)}")
    given = {k: v for k, v in (("event", event), ("actor", actor), ("recipient", recipient),
                               ("date", date), ("mode", mode)) if v is not None}
    if verdict != "corrected":
        if given:
            raise BadParameter(next(iter(given)), f"corrections need the verdict 'corrected', not {verdict!r}")
        return {}
    if not given:
        raise BadParameter("verdict", "'corrected' needs at least one of event, actor, recipient, date, mode")
    out: dict[str, Any] = {}
    if event is not None:
        out["event"] = str(event).strip().upper()
        if out["event"] not in EVENT_TYPES:
            raise BadParameter("event", f"{event!r} is not one of {', '.join(EVENT_TYPES)}")
    for side, keys in (("actor", actor), ("recipient", recipient)):
        if keys is None:
            continue
        if isinstance(keys, str) or not all(isinstance(k, str) for k in keys):
            raise BadParameter(side, "give a list of actor codes")
        out[side] = [k.strip().upper() for k in keys if k.strip()]
        for key in out[side]:
            if not _KEY.match(key):
                raise BadParameter(side, f"{key!r} is not an actor code (ISO3 such as CHN, "
                                         f"IGO:<acronym> such as IGO:UN, or a CAMEO code such as CHNGOV)")
    if date is not None:
        out["date"] = check_date(str(date).strip(), "date")
        if out["date"] is None:
            raise BadParameter("date", "give a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        if len(out["date"]) == 10:
            try:
                Date.fromisoformat(out["date"])
            except ValueError:
                raise BadParameter("date", f"{date!r} is not a calendar date") from None
    if mode is not None:
        out["mode"] = str(mode).strip().lower() or None
    return out


def key_of(ref: dict[str, Any]) -> str | None:
    """An actor's key as the gold files and ``ghatna eval events`` key it: its country,
    else ``IGO:<org>``."""
    if ref.get("country"):
        return ref["country"]
    return f"IGO:{ref['org']}" if ref.get("org") else None


def _actor(key: str, coded: list[dict[str, Any]]) -> dict[str, Any]:
    """The actor object of a corrected key (see the module's documentation)."""
    for ref in coded:
        if key in (key_of(ref), ref.get("code"), f"IGO:{ref.get('org')}"):
            return ref
    igo = key.startswith("IGO:")
    return {"text": None, "start": None, "end": None, "entity_id": None, "name": None,
            "country": None if igo else key[:3], "org": key[4:] if igo else None,
            "sector": key[3:6] if len(key) >= 6 and not igo else None, "code": key}


def coded(record: dict[str, Any]) -> dict[str, Any]:
    """The record as the coder wrote it: without its review, the corrected fields restored."""
    review = record.get("review") or {}
    return {k: v for k, v in record.items() if k != "review"} | (review.get("original") or {})


def apply(record: dict[str, Any], verdict: str, correction: dict[str, Any], *, note: str | None,
          reviewer: str | None, time: str) -> dict[str, Any]:
    """``record`` (the coder's, or one reviewed before) with this review: corrected values
    in the main fields, the coder's values of the fields they changed in ``original``."""
    base = coded(record)
    new = dict(base)
    if "event" in correction and correction["event"] != base["event"]:
        new["event"] = correction["event"]
        new["cameo"], new["quad_code"] = type_codes()[correction["event"]]
    if "mode" in correction:
        new["mode"] = correction["mode"]
    for side in ("actor", "recipient"):
        if side in correction:
            new[side] = [_actor(k, base.get(side) or []) for k in correction[side]]
    if "date" in correction:
        new["date"] = correction["date"]
        new["date_precision"] = {10: "day", 7: "month", 4: "year"}[len(correction["date"])]
        new["date_text"] = None
    original = {k: base.get(k) for k in CORRECTABLE if new.get(k) != base.get(k)}
    new["review"] = {"verdict": verdict, "reviewer": reviewer, "time": time, "note": note,
                     "original": original}
    return new


def history_entry(row: Any) -> dict[str, Any]:
    """One row of the ``reviews`` table as data."""
    return {"verdict": row["verdict"], "corrected": json.loads(row["corrected"] or "{}"),
            "note": row["note"], "reviewer": row["reviewer"], "time": row["time"]}


def gold_events(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The gold events of one sentence from its events' records (reviewed or not): each
    event judged correct or corrected is required, with its (corrected) type and keys; one
    judged wrong is left out, so a coder that produces it again scores a false positive;
    one nobody judged is optional (``required: false``: neither rewarded nor punished)."""
    out = []
    for r in records:
        verdict = (r.get("review") or {}).get("verdict")
        if verdict == "wrong":
            continue
        out.append({"event": r["event"],
                    "actor": sorted({k for k in map(key_of, r.get("actor") or []) if k}),
                    "recipient": sorted({k for k in map(key_of, r.get("recipient") or []) if k}),
                    "required": verdict is not None})
    return sorted(out, key=lambda g: (not g["required"], g["event"], g["actor"], g["recipient"]))


def suggestions(reviews: list[tuple[dict[str, Any], str, dict[str, Any]]],
                min_count: int = 2) -> list[dict[str, Any]]:
    """What recurs among events judged wrong or corrected, as candidate edits for a person
    to make: ``reviews`` holds (the coder's record, verdict, correction) per reviewed event.

    * a trigger of a pattern judged wrong again and again: an exception or a filter phrase
      for that pattern (``kind: pattern-exception``);
    * a trigger whose type analysts correct the same way: the pattern's type
      (``kind: pattern-type``);
    * words of a side the coder left unlinked that analysts code: a knowledge-base alias
      (``kind: kb-alias``).
    Each comes with how often it was seen; those seen fewer than ``min_count`` times are left
    out. Nothing is applied."""
    counts: dict[tuple[str, ...], int] = {}
    for record, verdict, correction in reviews:
        pattern = record["evidence"].get("pattern") or ""
        trigger = record["evidence"]["trigger"]["text"]
        keys: list[tuple[str, ...]] = []
        if verdict == "wrong":
            keys.append(("pattern-exception", pattern, trigger, record["event"]))
        elif verdict == "corrected":
            if correction.get("event") and correction["event"] != record["event"]:
                keys.append(("pattern-type", pattern, trigger, f"{record['event']} -> {correction['event']}"))
            for side in ("actor", "recipient"):
                unlinked = [r["text"] for r in record[side] if r.get("text") and not r.get("entity_id")]
                for code in correction.get(side) or []:
                    keys.extend(("kb-alias", text, code, side) for text in unlinked)
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    out = []
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < min_count:
            continue
        kind = key[0]
        if kind == "kb-alias":
            out.append({"kind": kind, "count": n, "words": key[1], "code": key[2], "side": key[3]})
        else:
            out.append({"kind": kind, "count": n, "pattern": key[1], "trigger": key[2],
                        ("event" if kind == "pattern-exception" else "change"): key[3]})
    return out
