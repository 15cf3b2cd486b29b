"""Analysts' reviews of stored events: the store's methods that record a verdict, read
the history and build gold lines, over the rules of :mod:`ghatna.store.reviews`. The
:class:`~ghatna.store.sqlite.Store` (and so the PostgreSQL store) is a :class:`Reviewing`."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from ..errors import NotFound
from ..events.reports import report_key
from .filters import BadParameter
from .reviews import VERDICTS, apply, check, coded, gold_events, history_entry, suggestions


def now() -> str:
    """The time, as stored with reviews and log entries."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Reviewing:
    """Reviews of events, for a store with ``conn`` and ``transaction()``."""

    def review(self, event_id: str, verdict: str, *, event: str | None = None,
               actor: list[str] | None = None, recipient: list[str] | None = None,
               date: str | None = None, mode: str | None = None, note: str | None = None,
               reviewer: str | None = None) -> dict[str, Any]:
        """Record an analyst's verdict on a stored event (``correct``, ``wrong`` or
        ``corrected`` with new values) and return the event's record as it now reads.
        Raises :class:`BadParameter` for a bad verdict or value, :class:`NotFound` for an
        unknown event id."""
        correction = check(verdict, event=event, actor=actor, recipient=recipient, date=date,
                              mode=mode)
        with self.transaction() as conn:
            row = conn.execute("SELECT record, article_id, sentence_idx FROM events WHERE id=?",
                               (event_id,)).fetchone()
            if row is None:
                raise NotFound(f"no event with id {event_id!r}; list them with `ghatna events`")
            record = json.loads(row["record"])
            time = now()
            conn.execute(
                "INSERT INTO reviews(event_id, article_id, sentence_idx, verdict, corrected, note, "
                "reviewer, time, record) VALUES (?,?,?,?,?,?,?,?,?)",
                (event_id, row["article_id"], row["sentence_idx"], verdict,
                 json.dumps(correction, ensure_ascii=False) if correction else None, note, reviewer,
                 time, json.dumps(coded(record), ensure_ascii=False)))
            return self._write_review(conn, event_id, record, verdict, correction, note, reviewer, time)

    def _write_review(self, conn: Any, event_id: str, record: dict[str, Any], verdict: str,
                      correction: dict[str, Any], note: str | None, reviewer: str | None,
                      time: str) -> dict[str, Any]:
        """The event's row, its actors and its record as this review makes them."""
        new = apply(record, verdict, correction, note=note, reviewer=reviewer, time=time)
        conn.execute(
            "UPDATE events SET event=?, cameo=?, quad_code=?, mode=?, date=?, record=?, "
            "report_key=?, review=? WHERE id=?",
            (new["event"], new["cameo"], new["quad_code"], new["mode"], new["date"],
             json.dumps(new, ensure_ascii=False), report_key(new), verdict, event_id))
        conn.execute("DELETE FROM event_actors WHERE event_id=?", (event_id,))
        conn.executemany(
            "INSERT INTO event_actors(event_id, role, entity_id, country, org, code) VALUES (?,?,?,?,?,?)",
            [(event_id, role, r.get("entity_id"), r.get("country"), r.get("org"), r.get("code"))
             for role in ("actor", "recipient") for r in new[role]])
        return new

    def _latest_reviews(self, conn: Any, where: str = "", params: list[Any] | None = None) -> list[Any]:
        """The latest review of each reviewed event (matching ``where`` over ``reviews r``),
        with the event's current record (``current``: null when re-coding dropped it)."""
        return conn.execute(
            "SELECT r.*, e.record AS current FROM reviews r LEFT JOIN events e ON e.id = r.event_id "
            "WHERE r.id IN (SELECT MAX(id) FROM reviews GROUP BY event_id)"
            + (f" AND {where}" if where else "") + " ORDER BY r.article_id, r.sentence_idx, r.event_id",
            params or []).fetchall()

    def event(self, event_id: str) -> dict[str, Any]:
        """One event's record (judged wrong or not) with the ``history`` of its reviews,
        oldest first."""
        row = self.conn.execute("SELECT record FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            raise NotFound(f"no event with id {event_id!r}; list them with `ghatna events`")
        return json.loads(row["record"]) | {"history": self.review_history(event_id)}

    def review_history(self, event_id: str) -> list[dict[str, Any]]:
        """Every review of an event, oldest first."""
        return [history_entry(r) for r in self.conn.execute(
            "SELECT * FROM reviews WHERE event_id=? ORDER BY id", (event_id,))]

    def reviews(self, *, verdict: str | None = None, dropped: bool = False) -> list[dict[str, Any]]:
        """The latest review of each reviewed event, by article and sentence: its verdict,
        correction, note, reviewer and time, the coder's type and trigger, and whether
        re-coding dropped the event (``dropped``; with ``dropped=True`` only those)."""
        if verdict is not None and verdict not in VERDICTS:
            raise BadParameter("verdict", f"{verdict!r} is not one of {', '.join(VERDICTS)}")
        out = []
        for r in self._latest_reviews(self.conn, "r.verdict = ?" if verdict else "",
                                      [verdict] if verdict else []):
            if dropped and r["current"] is not None:
                continue
            original = json.loads(r["record"])
            out.append({"event_id": r["event_id"], "article": r["article_id"],
                        "sentence_index": r["sentence_idx"], "verdict": r["verdict"],
                        "corrected": json.loads(r["corrected"] or "{}"), "note": r["note"],
                        "reviewer": r["reviewer"], "time": r["time"], "event": original["event"],
                        "trigger": original["evidence"]["trigger"]["text"],
                        "dropped": r["current"] is None})
        return out

    def review_suggestions(self, min_count: int = 2) -> list[dict[str, Any]]:
        """Candidate pattern and knowledge-base edits from what recurs among the latest
        reviews (:func:`ghatna.store.reviews.suggestions`)."""
        return suggestions([(json.loads(r["record"]), r["verdict"], json.loads(r["corrected"] or "{}"))
                            for r in self._latest_reviews(self.conn)], min_count)

    def review_gold(self) -> list[dict[str, Any]]:
        """One free-sentence gold line (EVENTS.md) per sentence with a reviewed event, by
        article and sentence (:func:`ghatna.store.reviews.gold_events`). A reviewed event
        that re-coding dropped counts with its review; the other events of the sentence
        count as stored now."""
        by_sentence: dict[tuple[str, int], dict[str, dict[str, Any]]] = {}
        for r in self._latest_reviews(self.conn):
            original = json.loads(r["record"])
            reviewed = apply(original, r["verdict"], json.loads(r["corrected"] or "{}"),
                                note=r["note"], reviewer=r["reviewer"], time=r["time"])
            by_sentence.setdefault((r["article_id"], r["sentence_idx"]), {})[r["event_id"]] = reviewed
        lines = []
        for (article_id, index), records in sorted(by_sentence.items()):
            for row in self.conn.execute("SELECT id, record FROM events WHERE article_id=? AND "
                                         "sentence_idx=?", (article_id, index)):
                records.setdefault(row["id"], json.loads(row["record"]))
            text = next(iter(records.values()))["evidence"]["sentence"]
            lines.append({"id": f"{article_id}:{index}", "text": text,
                          "events": gold_events(list(records.values()))})
        return lines
