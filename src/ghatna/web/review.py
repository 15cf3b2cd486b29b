"""The review queue and summary: ``/review`` and its JSON twins ``/api/review/queue`` and
``/api/review/summary``. Verdicts themselves are posted to ``/api/events/{id}/review``
(:mod:`ghatna.web.api`); ``static/review.js`` does that from the pages."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..store.filters import EventFilter
from ..store.reviews import VERDICTS
from .api import event_filter
from .deps import explorer, page_args
from .pages import event_rows, pager, render
from .queries import Explorer

router = APIRouter()


def review_queue(ex: Explorer, filters: EventFilter, *, limit: int = 50,
                 offset: int = 0) -> dict[str, Any]:
    """A page of the events no analyst has judged yet, lowest confidence first (unknown
    confidence before any), then newest, then by id."""
    clause, params = filters.sql(ex.dialect)
    clause = (clause + " AND" if clause else " WHERE") + " e.review IS NULL"
    total = ex.conn.execute(f"SELECT COUNT(*) FROM events e{clause}", params).fetchone()[0]
    rows = ex.conn.execute(
        f"SELECT e.record FROM events e{clause} "
        "ORDER BY e.confidence IS NOT NULL, e.confidence, e.date DESC NULLS LAST, e.id LIMIT ? OFFSET ?",
        params + [limit, offset])
    return {"total": total, "limit": limit, "offset": offset,
            "items": [json.loads(r[0]) for r in rows]}


def review_summary(ex: Explorer) -> dict[str, Any]:
    """How much has been reviewed and how often the coder was right, by the coder's event
    type: ``precision`` is (correct + corrected) / judged, from each event's latest
    verdict (events that re-coding dropped are left out)."""
    total, reviewed = ex.conn.execute(
        "SELECT COUNT(*), COUNT(review) FROM events").fetchone()
    by_type: dict[str, Counter] = defaultdict(Counter)
    for r in ex.store.reviews():
        if not r["dropped"]:
            by_type[r["event"]][r["verdict"]] += 1

    def row(counts: Counter) -> dict[str, Any]:
        judged = sum(counts.values())
        right = counts["correct"] + counts["corrected"]
        return {"judged": judged, **{v: counts[v] for v in VERDICTS},
                "precision": round(right / judged, 3) if judged else None}

    overall = sum(by_type.values(), Counter())
    return {"events": total, "reviewed": reviewed,
            "share_reviewed": round(reviewed / total, 3) if total else None,
            "all": row(overall),
            "by_type": [{"type": kind} | row(by_type[kind]) for kind in sorted(by_type)]}


@router.get("/api/review/summary", tags=["api"],
            summary="Share of events reviewed, and the coder's precision by event type")
def summary_api(ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    return review_summary(ex)


@router.get("/api/review/queue", tags=["api"],
            summary="Events not yet reviewed, lowest confidence first (the event filters apply)")
def queue_api(request: Request, filters: EventFilter = Depends(event_filter),
              limit: int | None = None, offset: int | None = None,
              ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    limit, offset = page_args(request, limit, offset)
    return review_queue(ex, filters, limit=limit, offset=offset)


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def review_page(request: Request, filters: EventFilter = Depends(event_filter),
                limit: int | None = None, offset: int | None = None,
                ex: Explorer = Depends(explorer)):
    limit, offset = page_args(request, limit, offset)
    queue = review_queue(ex, filters, limit=limit, offset=offset)
    query = request.url.query
    return render(request, "review.html", "/api/review/summary", filters=filters,
                  summary=review_summary(ex), items=event_rows(ex, queue["items"]),
                  page=pager(request, queue["total"], limit, offset),
                  queue_url="/api/review/queue" + (f"?{query}" if query else ""))
