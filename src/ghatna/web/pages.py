"""HTML pages. Each renders the data of one API endpoint (its JSON twin, linked from the
page) with a Jinja2 template; autoescaping is on for every template."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..settings import admin1_names
from ..store.filters import EVENT_TYPES, BadParameter, EventFilter
from .api import event_filter, unique_events
from .deps import explorer, page_args
from .queries import Explorer, country_name
from .render import article_sentences, evidence_parts

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, json_url: str, **context: Any) -> HTMLResponse:
    context |= {"json_url": json_url, "event_types": EVENT_TYPES,
                "cooperation": request.app.state.settings["web"]["cooperation"],
                # review controls (static/review.js) only where the server takes verdicts
                "review": bool(request.app.state.token)}
    return request.app.state.templates.TemplateResponse(request, template, context)


def _query(request: Request, **changes: Any) -> str:
    params = dict(request.query_params) | {k: v for k, v in changes.items()}
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def pager(request: Request, total: int | None, limit: int, offset: int) -> dict[str, Any]:
    """Links to the previous and next pages, keeping the other parameters."""
    path = request.url.path
    prev_url = (f"{path}?{_query(request, offset=max(0, offset - limit) or None)}"
                if offset > 0 else None)
    next_url = (f"{path}?{_query(request, offset=offset + limit)}"
                if total is not None and offset + limit < total else None)
    return {"total": total, "first": offset + 1, "last": min(offset + limit, total or 0),
            "prev": prev_url, "next": next_url}


def event_rows(ex: Explorer, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records as rows of the events table: with their highlighted sentence and the
    source of their article."""
    sources = ex.article_sources([(r.get("evidence") or {}).get("article") for r in records])
    return [r | {"parts": evidence_parts(r),
                 "source": sources.get((r.get("evidence") or {}).get("article"))} for r in records]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, ex: Explorer = Depends(explorer)):
    stats = ex.stats()
    counts = ex.event_counts()
    recent = ex.events(EventFilter(), limit=10, count=False)["items"]
    latest = ex.articles(limit=8)["items"]
    top = ex.actors(kind="country,org", limit=10)["items"]
    return render(request, "home.html", "/api/stats", stats=stats, counts=counts,
                  recent=event_rows(ex, recent), latest=latest, top=top)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str | None = Query(None, max_length=200),
                limit: int | None = None, offset: int | None = None,
                ex: Explorer = Depends(explorer)):
    limit, offset = page_args(request, limit or 20, offset)
    result, error = None, None
    if q and q.strip():
        try:
            result = ex.search(q, limit=min(limit, 100), offset=offset)
        except BadParameter as exc:
            error = str(exc)
    json_url = "/api/search?" + urlencode({"q": q}) if q else "/api/search?q="
    return render(request, "search.html", json_url, q=q or "", result=result, error=error,
                  page=pager(request, result["total"], limit, offset) if result else None)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, filters: EventFilter = Depends(event_filter),
                limit: int | None = None, offset: int | None = None,
                unique: bool = Depends(unique_events), ex: Explorer = Depends(explorer)):
    limit, offset = page_args(request, limit, offset)
    result = ex.events(filters, limit=limit, offset=offset, unique=unique)
    params = _query(request, limit=None, offset=None)
    return render(request, "events.html", f"/api/events?{_query(request)}",
                  filters=filters, items=event_rows(ex, result["items"]), sources=ex.sources(),
                  page=pager(request, result["total"], limit, offset), unique=unique,
                  counts=ex.event_counts(filters, unique=unique),
                  csv_url=f"/api/events?{params}&format=csv".replace("?&", "?"),
                  jsonl_url=f"/api/events?{params}&format=jsonl".replace("?&", "?"))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, q: str | None = Query(None, max_length=200),
                  since: str | None = None, until: str | None = None,
                  source: str | None = None, language: str | None = None,
                  limit: int | None = None, offset: int | None = None,
                  ex: Explorer = Depends(explorer)):
    limit, offset = page_args(request, limit, offset)
    result = ex.articles(q=q or None, since=since, until=until, source=source or None,
                         language=language or None, limit=limit, offset=offset)
    return render(request, "articles.html", f"/api/articles?{_query(request)}", result=result,
                  form={"q": q or "", "since": since or "", "until": until or "",
                        "source": source or "", "language": language or ""},
                  sources=ex.sources(), page=pager(request, result["total"], limit, offset))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, include_rejected: bool = False,
                 ex: Explorer = Depends(explorer)):
    article = ex.article(article_id)
    url = article.get("url") or ""
    safe_url = url if url.lower().startswith(("http://", "https://")) else None
    # events judged wrong are left out, as everywhere, unless asked for
    article["events"] = [e for e in article["events"]
                         if include_rejected or (e.get("review") or {}).get("verdict") != "wrong"]
    events = [e | {"parts": evidence_parts(e)} for e in article["events"]]
    return render(request, "article.html", f"/api/articles/{quote(article['id'], safe='')}",
                  article=article, safe_url=safe_url, sentences=article_sentences(article),
                  events=events)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, kind: str | None = Query(None, pattern="^(country|org|entity|)$"),
                q: str | None = None, limit: int | None = None, offset: int | None = None,
                ex: Explorer = Depends(explorer)):
    limit, offset = page_args(request, limit, offset)
    result = ex.actors(kind=kind or None, q=q or None, limit=limit, offset=offset)
    return render(request, "actors.html", f"/api/actors?{_query(request)}", result=result,
                  kind=kind or "", q=q or "", page=pager(request, result["total"], limit, offset))


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, key: str, ex: Explorer = Depends(explorer)):
    actor = ex.actor(key)
    actor["recent"] = event_rows(ex, actor["recent"])
    return render(request, "actor.html", f"/api/actors/{quote(key, safe=':')}", actor=actor)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, since: str | None = None, until: str | None = None,
                 limit: int | None = None, offset: int | None = None,
                 ex: Explorer = Depends(explorer)):
    limit, offset = page_args(request, limit, offset)
    result = ex.stories(since=since or None, until=until or None, limit=limit, offset=offset)
    return render(request, "stories.html", f"/api/stories?{_query(request)}", result=result,
                  form={"since": since or "", "until": until or ""},
                  page=pager(request, result["total"], limit, offset))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, filters: EventFilter = Depends(event_filter),
                 ex: Explorer = Depends(explorer)):
    data = ex.network(filters, most_edges=int(request.app.state.settings["web"]["network_edges"]))
    return render(request, "network.html", f"/api/network?{_query(request)}", filters=filters,
                  network=data)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, filters: EventFilter = Depends(event_filter),
             ex: Explorer = Depends(explorer)):
    data = ex.locations(filters, most=int(request.app.state.settings["web"]["map_places"]))
    return render(request, "map.html", f"/api/map?{_query(request)}", filters=filters,
                  data=data, countries={k: country_name(k) for k in data["by_country"]},
                  regions={k: admin1_names().get(k, k) for k in data["by_region"]})
