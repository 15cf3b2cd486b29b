"""Filters over stored events, shared by the CLI (``ghatna events``), the store and the
web interface, so that a filter means the same everywhere.

:class:`EventFilter` validates what a user typed (a bad value raises
:class:`BadParameter` naming the field) and turns it into one SQL ``WHERE`` clause
over ``events e``. Actors are keyed as in the gold files: an ISO 3166-1 alpha-3 code
for a state (``RUS``), ``IGO:<acronym>`` for an international organisation
(``IGO:UN``), else the knowledge-base entity id, else the CAMEO actor code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from .dialect import SQLITE, SQLiteDialect
from .search import search_words

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
               "COERCE", "ASSAULT")

_DATE = regex.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO3 = regex.compile(r"^[A-Z]{3}$")


class BadParameter(ValueError):
    """A request parameter that cannot be used; the message says which and why."""

    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.reason = message


def check_date(value: str | None, name: str) -> str | None:
    if value in (None, ""):
        return None
    if not _DATE.match(value):
        raise BadParameter(name, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def until_bound(value: str | None) -> str | None:
    """An inclusive upper bound that also admits dates within a month or year."""
    return None if value is None else value + "\uffff"


@dataclass
class EventFilter:
    """Which events to show; every field optional."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    article_id: str | None = None

    def __post_init__(self) -> None:
        if self.type:
            self.type = self.type.strip().upper()
            if self.type not in EVENT_TYPES:
                raise BadParameter("type", f"{self.type!r} is not one of {', '.join(EVENT_TYPES)}")
        if self.country:
            self.country = self.country.strip().upper()
            if not ISO3.match(self.country):
                raise BadParameter("country", "give an ISO 3166-1 alpha-3 code such as RUS")
        self.since = check_date(self.since, "since")
        self.until = check_date(self.until, "until")
        self.actor = (self.actor or "").strip() or None
        self.text = (self.text or "").strip() or None
        if self.text and len(self.text) > 200:
            raise BadParameter("text", "at most 200 characters")

    def sql(self, dialect: SQLiteDialect = SQLITE) -> tuple[str, list[Any]]:
        where, params = [], []
        if self.type:
            where.append("e.event = ?")
            params.append(self.type)
        if self.since:
            where.append("e.date >= ?")
            params.append(self.since)
        if self.until:
            where.append("e.date <= ?")
            params.append(until_bound(self.until))
        if self.article_id:
            where.append("e.article_id = ?")
            params.append(self.article_id)
        if self.actor:
            subquery, value = actor_event_ids(self.actor)
            where.append(f"e.id IN ({subquery})")
            params.extend(value)
        if self.country:
            where.append("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)")
            params.append(self.country)
        if self.text:
            # every word of the text (as a word prefix) in the event's sentence
            where.append(dialect.event_text_condition())
            words = [w for _s, _e, w in search_words(self.text)]
            if not words:
                raise BadParameter("text", "give at least one word")
            params.append(dialect.event_text_query(words))
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def as_params(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def actor_columns(key: str) -> list[tuple[str, str]]:
    """The (column, value) pairs of event_actors (or mentions: same columns) any one of
    which identifies the actor ``key``: only ``org`` for ``IGO:<acronym>``, else the
    entity id, country, organisation or CAMEO code."""
    if key.upper().startswith("IGO:"):
        return [("org", key[4:].upper())]
    return [("entity_id", key)] + [(column, key.upper()) for column in ("country", "org", "code")]


def actor_event_ids(key: str) -> tuple[str, list[str]]:
    """A subquery of the ids of events with this actor, one index lookup per column."""
    columns = actor_columns(key)
    return (" UNION ".join(f"SELECT event_id FROM event_actors WHERE {c} = ?" for c, _v in columns),
            [value for _c, value in columns])
