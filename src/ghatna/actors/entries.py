"""A knowledge-base entry and its dated roles: what an entry stands for on a date.

:class:`Entry` holds one actor's names, spellings, state, sector and codes; a
:class:`Role` is a position held between two dates. :meth:`Entry.entity` decides what a
mention of the entry means on an article's date (the office held then, a former office
holder, or no known role yet); :meth:`Entry.merge` decides how two entries with the same
id combine.

A role is written ``"CHN GOV foreign minister 2013-03-16..2022-12-30"``: the state (ISO3)
or ``IGO:<acronym>``, the sector, the title, then a date range (either end may be empty;
a bare year or year-month is allowed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

import regex

from ..errors import ConfigError
from ..model import Entity

TYPES = ("country", "igo", "person", "organisation", "party", "armed_group", "place", "agent",
         "media")
LIST_FIELDS = ("hi", "adj", "aliases")
FIELDS = ("id", "type", "name", "hi", "adj", "aliases", "country", "org", "sector", "code",
          "qid", "roles", "lat", "lon", "prior", "short", "admin1", "population")

_ROLE = regex.compile(
    r"^\s*(?P<actor>IGO:[A-Za-z0-9]+|[A-Z]{3}|-)\s+(?P<sector>[A-Z]{3}|-)\s+(?P<title>.*?)\s*"
    r"(?P<start>\d{4}(?:-\d\d){0,2})?\s*\.\.\s*(?P<end>\d{4}(?:-\d\d){0,2})?\s*$")


def _full_date(value: str | None, end: bool) -> str | None:
    if not value:
        return None
    value = str(value)
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-12-31" if end else f"{value}-01-01"
    if len(parts) == 2:
        return f"{value}-28" if end else f"{value}-01"
    return value


@dataclass
class Role:
    """A position held between two dates (inclusive; ``None`` = open)."""

    title: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    start: str | None = None
    end: str | None = None

    @classmethod
    def parse(cls, text: str) -> "Role":
        match = _ROLE.match(text)
        if not match:
            raise ConfigError(f"cannot read role {text!r}; write it as "
                              f"'CHN GOV foreign minister 2013-03-16..2022-12-30'")
        actor = match["actor"]
        country = None if actor.startswith("IGO:") or actor == "-" else actor
        org = actor[4:] if actor.startswith("IGO:") else None
        sector = None if match["sector"] == "-" else match["sector"]
        return cls(match["title"], country, org, sector,
                   _full_date(match["start"], False), _full_date(match["end"], True))

    def active(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    @property
    def code(self) -> str | None:
        if self.org:
            return "IGO" + self.org.upper()
        if self.country:
            return self.country + (self.sector or "")
        return self.sector

    def __str__(self) -> str:
        actor = self.country or (f"IGO:{self.org}" if self.org else "-")
        return (f"{actor} {self.sector or '-'} {self.title} "
                f"{(self.start or '')}..{(self.end or '')}")


@dataclass
class Entry:
    """One knowledge-base entry."""

    id: str
    type: str
    name: str
    hi: list[str] = field(default_factory=list)
    adj: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None
    qid: str | None = None
    roles: list[Role] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    prior: float = 1.0
    short: list[str] = field(default_factory=list)
    source: str = ""
    admin1: str | None = None  # a place's GeoNames admin-1 region ("IN.37" = Chhattisgarh)
    population: int | None = None  # a place's population (GeoNames)

    def role_on(self, date: str | None) -> Role | None:
        """The role held on ``date``, else the last one before it; ``None`` when ``date``
        comes before every known role. Without a date, the latest role."""
        if not self.roles:
            return None
        if date:
            active = [r for r in self.roles if r.active(date)]
            if active:
                return max(active, key=lambda r: (r.start or "", str(r)))
            before = [r for r in self.roles if r.start and r.start <= date]
            if before:
                return max(before, key=lambda r: (r.start or "", str(r)))
            return None
        return max(self.roles, key=lambda r: (r.end is None, r.end or "", r.start or "", str(r)))

    def first_role_date(self) -> str | None:
        """The earliest known start of a role."""
        return min((r.start for r in self.roles if r.start), default=None)

    def entity(self, date: str | None = None) -> Entity:
        """What a mention of this entry stands for on ``date``.

        A person with no role on that date but one before it is a former office holder:
        sector ELI (CAMEO's elites), role "former <title>". Before the first known role
        there is none: the entity keeps only its state, and its role says so ("no known
        role on 2010-06-01")."""
        role = self.role_on(date) if self.roles else None
        country, org, sector, code = self.country, self.org, self.sector, self.code
        title = role.title if role else None
        if role is None and date and self.roles:
            countries = sorted({r.country for r in self.roles if r.country})
            country = country or (countries[0] if len(countries) == 1 else None)
            sector = code = None
            title = f"no known role on {date}"
        if role is not None:
            country = role.country or country
            org = role.org or org
            sector = role.sector or sector
            code = role.code or code
            if date and not role.active(date) and role.end and role.end < date:
                sector = "ELI"
                code = ("IGO" + org.upper()) if role.org else (country or "") + "ELI"
                title = f"former {role.title}".strip()
        if code is None:
            if self.type == "igo" and org:
                code = "IGO" + org.upper()
            elif country:
                code = country + (sector or "")
        return Entity(id=self.id, name=self.name, type=self.type, country=country, org=org,
                      sector=sector, code=code, role=title or None,
                      lat=self.lat, lon=self.lon, admin1=self.admin1)

    def forms(self) -> Iterator[tuple[str, str]]:
        """(text, kind) for every way of writing this entry; kind is name, adj or short."""
        yield self.name, "name"
        for text in self.hi + self.aliases:
            yield text, "name"
        for text in self.adj:
            yield text, "adj"
        for text in self.short:
            yield text, "short"

    def merge(self, other: "Entry") -> None:
        for name in LIST_FIELDS + ("short",):
            mine = getattr(self, name)
            for item in getattr(other, name):
                if item not in mine:
                    mine.append(item)
        for name in ("country", "org", "sector", "code", "qid", "lat", "lon", "admin1",
                     "population"):
            value = getattr(other, name)
            if value is not None:
                setattr(self, name, value)
        if other.roles:
            known = {str(r) for r in self.roles}
            self.roles.extend(r for r in other.roles if str(r) not in known)
        if other.name and other.source.startswith("user"):
            self.name = other.name

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        for name in ("hi", "adj", "aliases", "short"):
            if getattr(self, name):
                data[name] = list(getattr(self, name))
        for name in ("country", "org", "sector", "code", "qid", "lat", "lon", "admin1",
                     "population"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name)
        if self.roles:
            data["roles"] = [str(r) for r in self.roles]
        return data
