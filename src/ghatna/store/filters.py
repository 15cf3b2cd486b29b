"""Filters over stored events, shared by the CLI (``ghatna events``), the store and the
web interface, so that a filter means the same everywhere.

:class:`EventFilter` validates what a user typed (a bad value raises
:class:`BadParameter` naming the field) and turns it into one SQL ``WHERE`` clause
over ``events e``. ``actor`` and ``recipient`` each match one side of an event, so both
together ask for a dyad (who did what to whom); ``party`` matches either side. Actors are keyed as in the gold files: an ISO 3166-1 alpha-3 code
for a state (``RUS``), ``IGO:<acronym>`` for an international organisation
(``IGO:UN``), else the knowledge-base entity id, else the CAMEO actor code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from ..actors.translit import search_key
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
    recipient: str | None = None
    party: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    article_id: str | None = None
    place: str | None = None
    mode: str | None = None
    context: str | None = None
    source: str | None = None
    min_confidence: float | str | None = None
    include_rejected: bool = False  # also the events an analyst judged wrong

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
        for name in ("actor", "recipient", "party", "article_id", "place", "source"):
            setattr(self, name, (getattr(self, name) or "").strip() or None)
        self.mode = (self.mode or "").strip().lower() or None
        self.context = (self.context or "").strip().lower() or None
        if self.min_confidence in ("", None):
            self.min_confidence = None
        else:
            try:
                self.min_confidence = float(self.min_confidence)
            except (TypeError, ValueError):
                raise BadParameter("min_confidence", f"{self.min_confidence!r} is not a number") from None
            if not 0 <= self.min_confidence <= 1:
                raise BadParameter("min_confidence", "give a number from 0 to 1")
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
        for key, role in ((self.actor, "actor"), (self.recipient, "recipient"), (self.party, None)):
            if key:
                subquery, value = actor_event_ids(key, role)
                where.append(f"e.id IN ({subquery})")
                params.extend(value)
        if self.place:
            # the place's English name or its words in the sentence (any case), its state
            # (ISO3), or its admin-1 region by name or code (Bihar, IN.34: its towns too)
            location = lambda field: dialect.json_field("e.record", "location", field)  # noqa: E731
            where.append(f"(lower({location('name')}) = lower(?) OR {location('text')} = ? "
                         f"OR {location('country')} = ? "
                         f"OR lower({location('admin1_name')}) = lower(?) "
                         f"OR {location('admin1')} = ?)")
            params.extend([self.place, self.place, self.place.upper(), self.place,
                           self.place.upper()])
        if self.mode:
            where.append("(e.mode = ? OR e.aux_mode = ?)")
            params.extend([self.mode, self.mode])
        if self.context:
            where.append(dialect.json_array_has("e.record", "context"))
            params.append(self.context)
        if self.source:
            where.append("e.article_id IN (SELECT id FROM articles WHERE source = ?)")
            params.append(self.source)
        if self.min_confidence is not None:
            where.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.country:
            where.append("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)")
            params.append(self.country)
        if not self.include_rejected:
            where.append("(e.review IS NULL OR e.review <> 'wrong')")
        if self.text:
            # every word of the text (as a word prefix) in the event's sentence
            where.append(dialect.search_condition("events"))
            words = [w for _s, _e, w in search_words(self.text)]
            if not words:
                raise BadParameter("text", "give at least one word")
            params.append(dialect.event_text_query(words))
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def as_params(self) -> dict[str, str]:
        """The filter as request parameters (``article_id`` is ``article``)."""
        return {("article" if k == "article_id" else k): "true" if v is True else str(v)
                for k, v in vars(self).items() if v is not False and v not in (None, "")}


def search_terms(q: str) -> list[tuple[str, str | None]]:
    """(word, Latin search key or None) for each word of an article search ``q``; raises
    :class:`BadParameter` when it has no words."""
    terms = [(word, search_key(word) or None) for _s, _e, word in search_words(q)]
    if not terms:
        raise BadParameter("q", "give at least one word to search for")
    return terms


def actor_columns(key: str) -> list[tuple[str, str]]:
    """The (column, value) pairs of event_actors (or mentions: same columns) any one of
    which identifies the actor ``key``: only ``org`` for ``IGO:<acronym>``, else the
    entity id, country, organisation or CAMEO code."""
    if key.upper().startswith("IGO:"):
        return [("org", key[4:].upper())]
    return [("entity_id", key)] + [(column, key.upper()) for column in ("country", "org", "code")]


def actor_event_ids(key: str, role: str | None = None) -> tuple[str, list[str]]:
    """A subquery of the ids of events with this actor in ``role`` (``actor`` or
    ``recipient``; either when None), one index lookup per column."""
    columns = actor_columns(key)
    side = " AND role = ?" if role else ""
    params: list[str] = []
    for _c, value in columns:
        params.extend([value, role] if role else [value])
    return (" UNION ".join(f"SELECT event_id FROM event_actors WHERE {c} = ?{side}" for c, _v in columns),
            params)
