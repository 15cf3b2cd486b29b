"""One event, many reports: grouping the records that report the same event.

The same happening is told by the headline and the body of one article, by the next
day's follow-up and by every outlet that carried the story. Event datasets count it once
and say how often it was reported (ICEWS drops repeats of one source-target-event-date;
GDELT keeps one row with NumMentions, NumSources and NumArticles). ghatna does the same:

* :func:`report_key` reads a record as a key: its date, type, mode and modality, and
  the sets of actors and recipients (a state by its ISO code, an organisation as
  ``IGO:<acronym>``, else the knowledge-base entity id or CAMEO code, else the words).
  For CONSULT and COOPERATE, whose direction means nothing, actors and recipients form
  one set. A record without a date, or with neither actor nor recipient, has no key: it
  cannot be told apart from another and is never merged.
* The store keeps each event's key (``events.report_key``) and, asked for unique events
  (``Store.events(unique=True)``, ``ghatna events --unique``), gives one record per key --
  the most confident of those matching the filters, then the earliest -- with ``reports``:
  how many records (mentions), articles and sources told it in all, and the ids of the
  other records. An article without a known source counts as a source of its own.

A negated or hypothetical statement is not the event itself, so modality is part of
the key; the place is not (one report may name the town and another only the country).
"""

from __future__ import annotations

from typing import Any

UNDIRECTED = frozenset({"CONSULT", "COOPERATE"})


def actor_key(ref: dict[str, Any]) -> str:
    """The key of one actor or recipient, read as the events filter reads actors."""
    if ref.get("org"):
        return f"IGO:{ref['org']}"
    for field in ("country", "entity_id", "code"):
        if ref.get(field):
            return ref[field]
    return "text:" + " ".join(str(ref.get("text") or "").split())


def report_key(record: dict[str, Any]) -> str | None:
    """A readable key that every report of the same event shares; None when the record
    says too little to be matched with another."""
    if not record.get("date"):
        return None
    actors = sorted({actor_key(r) for r in record.get("actor") or []})
    recipients = sorted({actor_key(r) for r in record.get("recipient") or []})
    if not actors and not recipients:
        return None
    if record["event"] in UNDIRECTED:
        sides = "+".join(sorted(set(actors) | set(recipients)))
    else:
        sides = f"{'+'.join(actors) or '-'}>{'+'.join(recipients) or '-'}"
    kind = "/".join(x or "-" for x in (record["event"], record.get("mode"), record.get("aux_mode")))
    precision = record.get("date_precision") or "day"
    return f"{record['date']}:{precision} {kind} {sides}"
