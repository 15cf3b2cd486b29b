"""Stories: the articles, across outlets and days, that tell the same happening.

Two articles belong to one story when

* one is a near-duplicate of the other (the same agency copy with another headline or a
  changed paragraph: :mod:`ghatna.text.dedup`), or
* they report the same event (:mod:`ghatna.events.reports`), and that event is specific:
  it names at least two parties, every one of them a known state, organisation or
  knowledge-base entity. "The government criticised someone" on the same day is not
  evidence that two articles tell one story; "Russia attacked Ukraine" on 27 January is.

A story is a connected group of such links (a follow-up that repeats yesterday's event
and adds today's joins both). Every link says why it exists, so a story can be checked:
each story lists the events its articles share. Articles whose events were not coded,
or were coded without known actors, join a story only through near-duplication; this
is transparent linking, not topic modelling.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .filters import check_date, until_bound
from .sqlite import Store


class _Groups:
    """Union-find over article ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# The report keys of specific events (at least two parties, all of them known), with the
# articles that report them; "{dates}" bounds the articles' dates.
SHARED_EVENTS_SQL = """
SELECT e.report_key AS key, e.article_id
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.report_key IS NOT NULL{dates}
  AND (SELECT COUNT(*) FROM event_actors x WHERE x.event_id = e.id) >= 2
  AND NOT EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id
                  AND x.entity_id IS NULL AND x.country IS NULL AND x.org IS NULL)"""

NEAR_DUPLICATES_SQL = """
SELECT a.id, a.near_duplicate_of FROM articles a WHERE a.near_duplicate_of IS NOT NULL{dates}"""


def _date_bounds(since: str | None, until: str | None) -> tuple[str, tuple[str, ...]]:
    """SQL conditions on ``a.date`` (an article without a date is outside any bound)."""
    clause, params = "", []
    if check_date(since, "since"):
        clause += " AND a.date >= ?"
        params.append(since)
    if check_date(until, "until"):
        clause += " AND a.date <= ?"
        params.append(until_bound(until))
    return clause, tuple(params)


def find_stories(store: Store, *, since: str | None = None, until: str | None = None,
                 min_articles: int = 2) -> list[dict[str, Any]]:
    """Stories of at least ``min_articles`` articles dated between ``since`` and ``until``
    (YYYY[-MM[-DD]], inclusive; at least 2), most sources first, then most articles, then
    newest."""
    dates, bounds = _date_bounds(since, until)
    groups = _Groups()
    reported: dict[str, set[str]] = defaultdict(set)
    for row in store.query(SHARED_EVENTS_SQL.format(dates=dates), bounds):
        reported[row["key"]].add(row["article_id"])
    shared = {key: sorted(articles) for key, articles in reported.items() if len(articles) > 1}
    for first, *rest in shared.values():
        for other in rest:
            groups.join(first, other)
    for row in store.query(NEAR_DUPLICATES_SQL.format(dates=dates), bounds):
        groups.join(row["id"], row["near_duplicate_of"])
    members: dict[str, list[str]] = defaultdict(list)
    for article in list(groups.parent):
        members[groups.find(article)].append(article)
    members = {root: ids for root, ids in members.items() if len(ids) >= max(min_articles, 2)}
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)  # a key's articles are all in one story
    for key, articles in shared.items():
        root = groups.find(articles[0])
        if root in members:
            events[root].append({"key": key, "articles": len(articles)})
    rows = _articles(store, [a for ids in members.values() for a in ids])
    stories = [_story(sorted((rows[a] for a in ids), key=lambda r: (r["date"] or "", r["id"])),
                      sorted(events[root], key=lambda e: (-e["articles"], e["key"])))
               for root, ids in members.items()]
    stories.sort(key=lambda s: s["last_date"] or "", reverse=True)
    stories.sort(key=lambda s: (-s["sources"], -len(s["articles"])))
    return stories


def _articles(store: Store, ids: list[str], chunk: int = 500) -> dict[str, dict[str, Any]]:
    """What a story shows of each article, by id (queried a chunk of ids at a time)."""
    out = {}
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        for r in store.query("SELECT id, date, source, title, doc, near_duplicate_of FROM articles "
                             f"WHERE id IN ({','.join('?' * len(part))})", tuple(part)):
            out[r["id"]] = dict(r)
    return out


def _story(articles: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[str, Any]:
    dates = [a["date"] for a in articles if a["date"]]
    return {"id": articles[0]["id"], "first_date": min(dates, default=None), "last_date": max(dates, default=None),
            "sources": len({a["source"] or f"article:{a['id']}" for a in articles}),
            "articles": articles, "shared_events": events}
