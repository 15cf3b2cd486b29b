"""Read queries behind the web interface: pages of articles and events, search, actors.

Everything here reads through the connection of a store, SQLite or PostgreSQL, with
parameterised SQL written once for both (what differs comes from the store's
:mod:`~ghatna.store.dialect`); nothing writes. Results are plain dicts and lists, the same data
the JSON API returns and the HTML templates render.

Actors are keyed as in the gold files: an ISO 3166-1 alpha-3 code for a state
(``RUS``), ``IGO:<acronym>`` for an international organisation (``IGO:UN``), else the
knowledge-base entity id, else the CAMEO actor code.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from typing import Any, Iterator

from ..actors.translit import search_key
from ..errors import NotFound
from ..store.filters import (
    ISO3,
    BadParameter,
    EventFilter,
    actor_columns,
    check_date,
    search_terms,
    until_bound,
)
from ..store.search import search_words
from ..store.sqlite import UNIQUE_COUNT, Store, reports_sql, with_reports
from ..store.stories import find_stories
from .render import actor_key

# The actor key of one event_actors row (see the module docstring).
ACTOR_KEY = "COALESCE(country, 'IGO:' || org, entity_id, code)"


def actor_condition(key: str, table: str = "") -> tuple[str, list[str]]:
    """SQL over event_actors (or mentions: same columns) matching an actor key (or any
    id, code or country); ``table`` is an optional alias to qualify the columns with."""
    t = f"{table}." if table else ""
    columns = actor_columns(key)
    return "(" + " OR ".join(f"{t}{c} = ?" for c, _v in columns) + ")", [value for _c, value in columns]


def country_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return getattr(found, "common_name", None) or (found.name if found else code)


class Explorer:
    """The web interface's view of one store."""

    def __init__(self, store: Store, settings_web: dict[str, Any]):
        self.store = store
        self.conn = store.conn
        self.dialect = store.dialect
        store.tune_for_reading(settings_web.get("cache_mb", 64), settings_web.get("mmap_mb", 256))
        self.cooperation = set(settings_web.get("cooperation", ()))
        self.conflict = set(settings_web.get("conflict", ()))

    # -- articles -----------------------------------------------------------------------

    def articles(self, *, q: str | None = None, since: str | None = None,
                 until: str | None = None, source: str | None = None,
                 language: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        since, until = check_date(since, "since"), check_date(until, "until")
        where, params = [], []
        if q:
            where.append(self.dialect.search_condition("articles"))
            params.append(self.dialect.article_search_query(search_terms(q)))
        if since:
            where.append("a.date >= ?")
            params.append(since)
        if until:
            where.append("a.date <= ?")
            params.append(until_bound(until))
        if source:
            where.append("a.source = ?")
            params.append(source)
        if language:
            where.append("a.language = ?")
            params.append(language)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.conn.execute(f"SELECT COUNT(*) FROM articles a{clause}", params).fetchone()[0]
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.date, a.source, a.language, a.doc, a.url, "
            "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events, "
            "(SELECT COUNT(*) FROM sentences s WHERE s.article_id = a.id) AS sentences "
            f"FROM articles a{clause} ORDER BY a.date DESC NULLS LAST, a.created_at DESC, a.id "
            "LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
        return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}

    def article(self, article_id: str) -> dict[str, Any]:
        data = self.store.article(article_id)
        data.pop("offsets", None)
        return data

    def article_sources(self, article_ids: list[str]) -> dict[str, str | None]:
        """The source of each of these articles."""
        ids = sorted(set(article_ids))
        out: dict[str, str | None] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out |= {r[0]: r[1] for r in self.conn.execute(
                f"SELECT id, source FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
        return out

    def sources(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source")]

    # -- search -------------------------------------------------------------------------

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        """Articles matching every word of ``q`` (either script), best first, each with
        the sentences that contain a matching word."""
        match = self.dialect.article_search_query(search_terms(q))
        total = self.conn.execute(
            f"SELECT COUNT(*) FROM articles a WHERE {self.dialect.search_condition('articles')}",
            (match,)).fetchone()[0]
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.date, a.source, a.language, a.text "
            f"FROM ({self.dialect.ranked_articles()}) f JOIN articles a ON a.rowid = f.rowid "
            "ORDER BY f.rank, a.id LIMIT ? OFFSET ?", (match, limit, offset)).fetchall()
        wanted = [(w.lower(), search_key(w)) for _s, _e, w in search_words(q)]
        items = []
        for row in rows:
            item = {k: row[k] for k in ("id", "title", "date", "source", "language")}
            item["title_parts"] = highlight(row["title"] or "", wanted)
            item["snippets"] = self._snippets(row["id"], row["text"] or "", wanted)
            items.append(item)
        return {"query": q, "total": total, "limit": limit, "offset": offset, "items": items}

    def _snippets(self, article_id: str, text: str, wanted, most: int = 3) -> list[list[dict]]:
        sentences = [r[0] for r in self.conn.execute(
            "SELECT text FROM sentences WHERE article_id = ? AND part = 'body' ORDER BY idx",
            (article_id,))] or [line for line in text.splitlines() if line.strip()]
        found = []
        for sentence in sentences:
            parts = highlight(sentence, wanted)
            if any(p["match"] for p in parts):
                found.append(parts)
                if len(found) == most:
                    break
        return found

    # -- events -------------------------------------------------------------------------

    def events(self, filters: EventFilter, *, limit: int = 50, offset: int = 0,
               count: bool = True, unique: bool = False) -> dict[str, Any]:
        """A page of event records, newest first; with ``unique``, one record per event
        with the counts of its reports (:mod:`ghatna.events.reports`)."""
        clause, params = filters.sql(self.dialect)
        counted = UNIQUE_COUNT if unique else "COUNT(*)"
        total = (self.conn.execute(f"SELECT {counted} FROM events e{clause}", params).fetchone()[0]
                 if count else None)
        return {"total": total, "limit": limit, "offset": offset,
                "items": list(self._records(clause, params, limit, offset, unique))}

    def iter_events(self, filters: EventFilter, most: int, unique: bool = False) -> Iterator[dict[str, Any]]:
        clause, params = filters.sql(self.dialect)
        yield from self._records(clause, params, most, 0, unique)

    def _records(self, clause: str, params: list[Any], limit: int, offset: int,
                 unique: bool) -> Iterator[dict[str, Any]]:
        if unique:
            sql = reports_sql(clause, "DESC", self.dialect)
            return (with_reports(r) for r in self.conn.execute(sql, params + [limit, offset]))
        sql = (f"SELECT e.record FROM events e{clause} "
               "ORDER BY e.date DESC NULLS LAST, e.article_id, e.sentence_idx, e.id LIMIT ? OFFSET ?")
        return (json.loads(r[0]) for r in self.conn.execute(sql, params + [limit, offset]))

    def stories(self, *, since: str | None = None, until: str | None = None, min_articles: int = 2,
                limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """A page of stories (:func:`ghatna.store.stories.find_stories`), most sources first."""
        found = find_stories(self.store, since=since, until=until, min_articles=min_articles)
        items = found[offset:offset + limit]
        shown = self.report_examples([e["key"] for s in items for e in s["shared_events"]])
        for story in items:
            story["shared_events"] = [e | {"event": shown.get(e["key"])} for e in story["shared_events"]]
        return {"total": len(found), "limit": limit, "offset": offset, "items": items}

    def report_examples(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """For each report key, its most confident record in brief: type, mode, date,
        parties (names and actor keys) and where its sentence is."""
        out: dict[str, dict[str, Any]] = {}
        keys = sorted(set(keys))
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            for key, record in self.conn.execute(
                    f"SELECT report_key, record FROM events WHERE report_key IN ({','.join('?' * len(chunk))}) "
                    "ORDER BY report_key, confidence DESC NULLS LAST, id", chunk):
                if key in out:
                    continue
                r = json.loads(record)
                side = lambda refs: [{"name": x.get("name") or x.get("text"), "key": actor_key(x)}  # noqa: E731
                                     for x in refs]
                out[key] = {"id": r["id"], "event": r["event"], "mode": r.get("mode"),
                            "aux_mode": r.get("aux_mode"), "date": r.get("date"),
                            "actor": side(r.get("actor") or []), "recipient": side(r.get("recipient") or []),
                            "article": r["evidence"]["article"],
                            "sentence_index": r["evidence"]["sentence_index"]}
        return out

    def event_counts(self, filters: EventFilter | None = None, unique: bool = False) -> dict[str, Any]:
        """Events by month and type (months without a date are left out), and by type;
        with ``unique``, each event once however many records report it (the reports of
        one event share its date and type)."""
        clause, params = (filters or EventFilter()).sql(self.dialect)
        by_month: dict[str, dict[str, int]] = defaultdict(dict)
        by_type: Counter = Counter()
        counted = UNIQUE_COUNT if unique else "COUNT(*)"
        for month, kind, n in self.conn.execute(
                f"SELECT substr(e.date, 1, 7), e.event, {counted} FROM events e{clause} "
                "GROUP BY 1, 2 ORDER BY 1", params):
            by_type[kind] += n
            if month:
                by_month[month][kind] = n
        return {"by_month": dict(by_month), "by_type": by_count(by_type),
                "balance": self.balance(by_month)}

    def balance(self, by_month: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
        """Cooperation minus conflict over their sum, month by month (-1 … 1)."""
        out = []
        for month in sorted(by_month):
            coop = sum(n for k, n in by_month[month].items() if k in self.cooperation)
            conf = sum(n for k, n in by_month[month].items() if k in self.conflict)
            if coop + conf:
                out.append({"month": month, "cooperation": coop, "conflict": conf,
                            "balance": round((coop - conf) / (coop + conf), 3)})
        return out

    # -- actors -------------------------------------------------------------------------

    def actor_name(self, key: str) -> str:
        if key.startswith("IGO:"):
            return key[4:]
        if ISO3.match(key) and self.conn.execute(
                "SELECT 1 FROM event_actors WHERE country = ? LIMIT 1", (key,)).fetchone():
            return country_name(key)
        row = self.conn.execute("SELECT entity_name FROM mentions WHERE entity_id = ? "
                                "AND entity_name IS NOT NULL LIMIT 1", (key,)).fetchone()
        if row:
            return row[0]
        row = self.conn.execute(
            "SELECT e.record FROM events e JOIN event_actors a ON a.event_id = e.id "
            "WHERE a.entity_id = ? OR a.code = ? LIMIT 1", (key, key)).fetchone()
        if row:
            record = json.loads(row[0])
            for ref in record["actor"] + record["recipient"]:
                if key in (ref.get("entity_id"), ref.get("code")):
                    return ref.get("name") or ref.get("text") or key
        return key

    def actors(self, *, kind: str | None = None, q: str | None = None,
               limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Actors by number of events: states, organisations and knowledge-base entities,
        one row each (a state counts the events of everyone acting for it; an entity that
        is a state or organisation itself is that state's or organisation's row)."""
        parts = {
            "country": "SELECT 'country' AS kind, country AS key, event_id, role FROM event_actors "
                       "WHERE country IS NOT NULL",
            "org": "SELECT 'org' AS kind, 'IGO:' || org AS key, event_id, role FROM event_actors "
                   "WHERE org IS NOT NULL",
            # an entity that is a state or an organisation itself is listed once, under that kind
            "entity": "SELECT 'entity' AS kind, entity_id AS key, event_id, role FROM event_actors "
                      "WHERE entity_id IS NOT NULL AND (country IS NULL OR entity_id <> country) "
                      "AND (org IS NULL OR entity_id <> 'IGO:' || org)",
        }
        kinds = [k.strip() for k in (kind or "").split(",") if k.strip()] or list(parts)
        if any(k not in parts for k in kinds):
            raise BadParameter("kind", "one or more of country, org, entity (comma-separated)")
        union = " UNION ALL ".join(v for k, v in parts.items() if k in kinds)
        where, params = "", []
        if q:
            where = " WHERE lower(key) LIKE lower(?) ESCAPE '\\'"
            params.append("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        sql = (f"SELECT kind, key, COUNT(DISTINCT event_id) AS events, "
               f"COUNT(DISTINCT CASE WHEN role = 'actor' THEN event_id END) AS as_actor, "
               f"COUNT(DISTINCT CASE WHEN role = 'recipient' THEN event_id END) AS as_recipient "
               f"FROM ({union}) AS sides{where} GROUP BY kind, key")
        total = self.conn.execute(f"SELECT COUNT(*) FROM ({sql}) AS found", params).fetchone()[0]
        rows = self.conn.execute(sql + " ORDER BY events DESC, key LIMIT ? OFFSET ?",
                                 params + [limit, offset]).fetchall()
        items = [dict(r) | {"name": self.actor_name(r["key"])} for r in rows]
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def actor(self, key: str, *, recent: int = 50) -> dict[str, Any]:
        """One actor: its events over time by type, the cooperation/conflict balance,
        its top partners and its latest events."""
        condition, params = actor_condition(key)
        counts = self.conn.execute(
            f"SELECT COUNT(DISTINCT event_id), COUNT(DISTINCT CASE WHEN role = 'actor' THEN event_id END), "
            f"COUNT(DISTINCT CASE WHEN role = 'recipient' THEN event_id END) "
            f"FROM event_actors WHERE {condition}", params).fetchone()
        mentioned = self.mentioned_in(key)
        if not counts[0] and not mentioned:
            raise NotFound(f"no events or mentions of {key!r}; see /actors for the actors found")
        filters = EventFilter(party=key)
        partners = []
        for row in self.conn.execute(
                # each partner's events once each, whatever number of its people took part
                f"SELECT key, COUNT(*) AS n, {self.dialect.string_agg('event', ',')} AS kinds FROM ("
                f"SELECT DISTINCT p.key, p.event_id, e.event FROM "
                f"(SELECT DISTINCT event_id, role FROM event_actors WHERE {condition}) me "
                f"JOIN (SELECT event_id, role, {ACTOR_KEY} AS key FROM event_actors) p "
                f"ON p.event_id = me.event_id AND p.role != me.role "
                f"JOIN events e ON e.id = p.event_id WHERE p.key IS NOT NULL) AS partners "
                f"GROUP BY key ORDER BY n DESC, key LIMIT 15", params):
            if row["key"] in (key, key.upper()):
                continue
            kinds = Counter((row["kinds"] or "").split(","))
            partners.append({
                "key": row["key"], "name": self.actor_name(row["key"]), "events": row["n"],
                "cooperation": sum(n for k, n in kinds.items() if k in self.cooperation),
                "conflict": sum(n for k, n in kinds.items() if k in self.conflict)})
        acts_for = self.conn.execute(
            "SELECT country, org FROM mentions WHERE entity_id = ? AND (country IS NOT NULL "
            "OR org IS NOT NULL) LIMIT 1", (key,)).fetchone()
        links = []
        if acts_for and acts_for["country"] and acts_for["country"] != key:
            links.append({"key": acts_for["country"], "name": self.actor_name(acts_for["country"])})
        if acts_for and acts_for["org"]:
            links.append({"key": "IGO:" + acts_for["org"], "name": acts_for["org"]})
        return {"key": key, "name": self.actor_name(key), "events": counts[0],
                "acts_for": links, "mentioned_in": mentioned,
                "as_actor": counts[1] or 0, "as_recipient": counts[2] or 0,
                "counts": self.event_counts(filters), "partners": partners[:10],
                "recent": self.events(filters, limit=recent, count=False)["items"]}

    def mentioned_in(self, key: str, most: int = 20) -> list[dict[str, Any]]:
        """Latest articles that mention this actor (linked mentions)."""
        condition, params = actor_condition(key, "m")
        return [dict(r) for r in self.conn.execute(
            f"SELECT a.id, a.title, a.date, COUNT(*) AS mentions FROM mentions m "
            f"JOIN articles a ON a.id = m.article_id WHERE {condition} "
            f"GROUP BY a.id ORDER BY a.date DESC NULLS LAST, a.id LIMIT ?", params + [most])]

    # -- network and map ----------------------------------------------------------------

    def network(self, filters: EventFilter, *, most_edges: int = 80) -> dict[str, Any]:
        """Who acts on whom: edges actor → recipient with counts, and a layout."""
        clause, params = filters.sql(self.dialect)
        rows = self.conn.execute(
            f"SELECT a.key AS source, r.key AS target, COUNT(DISTINCT a.event_id) AS n, "
            f"{self.dialect.string_agg('e.event', ',')} AS kinds FROM "
            f"(SELECT event_id, {ACTOR_KEY} AS key FROM event_actors WHERE role = 'actor') a "
            f"JOIN (SELECT event_id, {ACTOR_KEY} AS key FROM event_actors WHERE role = 'recipient') r "
            f"ON r.event_id = a.event_id JOIN events e ON e.id = a.event_id"
            f"{clause}{' AND' if clause else ' WHERE'} a.key IS NOT NULL AND r.key IS NOT NULL "
            f"AND a.key != r.key GROUP BY a.key, r.key ORDER BY n DESC, a.key, r.key LIMIT ?",
            params + [most_edges]).fetchall()
        edges = []
        for row in rows:
            kinds = Counter((row["kinds"] or "").split(","))
            coop = sum(n for k, n in kinds.items() if k in self.cooperation)
            conf = sum(n for k, n in kinds.items() if k in self.conflict)
            edges.append({"source": row["source"], "target": row["target"], "events": row["n"],
                          "cooperation": coop, "conflict": conf,
                          "types": by_count(kinds)})
        keys = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        weight = Counter()
        for e in edges:
            weight[e["source"]] += e["events"]
            weight[e["target"]] += e["events"]
        positions = spring_layout(keys, [(e["source"], e["target"]) for e in edges])
        nodes = [{"key": k, "name": self.actor_name(k), "events": weight[k],
                  "x": positions[k][0], "y": positions[k][1]} for k in keys]
        return {"nodes": nodes, "edges": edges}

    def locations(self, filters: EventFilter, *, most: int = 2000) -> dict[str, Any]:
        """Event locations with coordinates, grouped by place; events by the state they
        happened in (the location's country) and by admin-1 region (``IN.37``); and how
        many matching events have no coordinates, so a map can say what it leaves out."""
        clause, params = filters.sql(self.dialect)
        joined, loc = self.dialect.json_object("e.record", "location", {
            "name": "text", "country": "text", "lat": "number", "lon": "number",
            "admin1": "text"})
        source = f"events e{joined}{clause}"
        rows = self.conn.execute(
            f"SELECT {loc['name']} AS name, {loc['country']} AS country, {loc['lat']} AS lat, "
            f"{loc['lon']} AS lon, COUNT(*) AS n, {self.dialect.string_agg('e.event', ',')} AS kinds "
            f"FROM {source}{' AND' if clause else ' WHERE'} {loc['lat']} IS NOT NULL "
            "GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 1 NULLS FIRST, 2 NULLS FIRST, 3, 4 LIMIT ?",
            params + [most]).fetchall()
        places = []
        for row in rows:
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (TypeError, ValueError):
                continue
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                continue
            places.append({"name": row["name"], "country": row["country"], "lat": lat, "lon": lon,
                           "events": row["n"],
                           "types": by_count(Counter((row["kinds"] or "").split(",")))})
        total, located, by_country = 0, 0, {}
        for country, n, with_coordinates in self.conn.execute(
                f"SELECT {loc['country']}, COUNT(*), SUM(CASE WHEN {loc['lat']} BETWEEN -90 AND 90 "
                f"AND {loc['lon']} BETWEEN -180 AND 180 THEN 1 ELSE 0 END) FROM {source} "
                "GROUP BY 1 ORDER BY 2 DESC, 1", params):
            total, located = total + n, located + with_coordinates
            if country:
                by_country[country] = n
        by_region = {region: n for region, n in self.conn.execute(
            f"SELECT {loc['admin1']}, COUNT(*) FROM {source} GROUP BY 1 ORDER BY 2 DESC, 1",
            params) if region}
        return {"places": places, "by_country": by_country, "by_region": by_region, "events": total,
                "located": located, "without_coordinates": total - located}

    def stats(self) -> dict[str, Any]:
        data = self.store.stats()
        data.pop("database", None)
        return data


def by_count(counts: Counter) -> dict[str, int]:
    """Counts most first, then by key: the same order whatever order they were counted in."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def highlight(text: str, wanted: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """``text`` cut into parts, ``match`` true for words that match a query word
    (same prefix in either script, or the same Latin search key prefix)."""
    parts: list[dict[str, Any]] = []
    pos = 0
    for start, end, word in search_words(text):
        low = word.lower()
        key = None
        hit = False
        for q_word, q_key in wanted:
            if low.startswith(q_word):
                hit = True
                break
            if q_key:
                if key is None:
                    key = search_key(word)
                if key.startswith(q_key):
                    hit = True
                    break
        if hit:
            if start > pos:
                parts.append({"text": text[pos:start], "match": False})
            parts.append({"text": word, "match": True})
            pos = end
    if pos < len(text):
        parts.append({"text": text[pos:], "match": False})
    return parts


def spring_layout(keys: list[str], edges: list[tuple[str, str]],
                  iterations: int = 60) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions in [-1, 1]², deterministic (starts on a circle)."""
    n = len(keys)
    if n == 0:
        return {}
    pos = {k: [math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)]
           for i, k in enumerate(keys)}
    k_opt = math.sqrt(4.0 / n)
    temp = 0.2
    for _ in range(iterations):
        disp = {k: [0.0, 0.0] for k in keys}
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = math.hypot(dx, dy) or 1e-6
                f = k_opt * k_opt / d
                disp[a][0] += dx / d * f
                disp[a][1] += dy / d * f
                disp[b][0] -= dx / d * f
                disp[b][1] -= dy / d * f
        for a, b in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.hypot(dx, dy) or 1e-6
            f = d * d / k_opt
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for k in keys:
            dx, dy = disp[k]
            d = math.hypot(dx, dy) or 1e-6
            step = min(d, temp)
            pos[k][0] += dx / d * step
            pos[k][1] += dy / d * step
        temp *= 0.95
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {k: (round(2 * (p[0] - cx) / span, 4), round(2 * (p[1] - cy) / span, 4))
            for k, p in pos.items()}
