"""The JSON API under ``/api``: every HTML page's data, plus downloads and upload."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterator

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from ..events.export import CSV_FIELDS, csv_row
from ..store.filters import EventFilter
from .deps import ApiError, explorer, page_args
from .queries import Explorer
from .upload import check_token, ingest_upload, read_body


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """Every error of the API has this shape."""

    error: ErrorDetail


router = APIRouter(prefix="/api", tags=["api"], responses={
    400: {"model": ErrorBody, "description": "A bad parameter (the message names it)"},
    404: {"model": ErrorBody, "description": "Nothing with that id or key"}})


def event_filter(type: str | None = Query(None, description="PLOVER event type, e.g. CONSULT"),
                 actor: str | None = Query(None, description="Who acts: entity id, ISO3 country, "
                                           "IGO:<acronym> or CAMEO actor code; with recipient, a dyad"),
                 recipient: str | None = Query(None, description="To whom: same keys as actor"),
                 party: str | None = Query(None, description="Actor or recipient (either side)"),
                 country: str | None = Query(None, description="ISO3 country of an actor or recipient"),
                 since: str | None = Query(None, description="Earliest event date (YYYY[-MM[-DD]])"),
                 until: str | None = Query(None, description="Latest event date (YYYY[-MM[-DD]])"),
                 text: str | None = Query(None, description="Words in the event's sentence"),
                 article: str | None = Query(None, description="Article id"),
                 place: str | None = Query(None, description="Place: English name, its words in the "
                                           "sentence, ISO3 country, or a state or province by "
                                           "name or admin-1 code (Bihar, IN.34)"),
                 mode: str | None = Query(None, description="PLOVER mode or aux mode, e.g. phone, future"),
                 context: str | None = Query(None, description="PLOVER context, e.g. military"),
                 source: str | None = Query(None, description="Source of the article"),
                 min_confidence: str | None = Query(None, description="Lowest confidence (0-1)"),
                 include_rejected: bool = Query(False, description="Also events an analyst "
                                                "judged wrong")
                 ) -> EventFilter:
    return EventFilter(type=type, actor=actor, recipient=recipient, party=party, country=country,
                       since=since, until=until, text=text, article_id=article, place=place,
                       mode=mode, context=context, source=source, min_confidence=min_confidence,
                       include_rejected=include_rejected)


def unique_events(unique: bool = Query(False, description="Each event once however many sentences, "
                                       "articles and sources report it (records carry those counts "
                                       "in `reports`)")) -> bool:
    return unique


@router.get("/stats", summary="Counts of what the database holds, events by month and type")
def stats(ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    return ex.stats() | {"event_counts": ex.event_counts()}


@router.get("/articles", summary="Articles, newest first, with optional filters")
def articles(request: Request, q: str | None = Query(None, description="Words in the article "
                                                      "(Devanagari or Latin script)"),
             since: str | None = None, until: str | None = None, source: str | None = None,
             language: str | None = Query(None, description="ISO 639-1, e.g. hi"),
             limit: int | None = None, offset: int | None = None,
             ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    limit, offset = page_args(request, limit, offset)
    return ex.articles(q=q or None, since=since, until=until, source=source, language=language,
                       limit=limit, offset=offset)


@router.get("/articles/{article_id}",
            summary="One article: clean text, sentences, mentions, events and quotes")
def article(article_id: str, ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    return ex.article(article_id)


def _csv_lines(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_FIELDS)
    for record in records:
        writer.writerow(csv_row(record))
        if buffer.tell() > 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _export(stores, filters: EventFilter, most: int, unique: bool) -> Iterator[dict[str, Any]]:
    """Records streamed from a connection of their own (a download outlives the request's
    thread), closed when the download ends."""
    ex = Explorer(stores.open(readonly=True), stores.settings["web"])
    try:
        yield from ex.iter_events(filters, most, unique)
    finally:
        ex.store.close()


@router.get("/events", summary="Event records (EVENTS.md), newest first; CSV or JSON Lines "
                               "downloads with format=csv|jsonl")
def events(request: Request, filters: EventFilter = Depends(event_filter),
           limit: int | None = None, offset: int | None = None,
           format: str = Query("json", pattern="^(json|csv|jsonl)$"),
           unique: bool = Depends(unique_events), ex: Explorer = Depends(explorer)):
    if format in ("csv", "jsonl"):
        most = int(request.app.state.settings["web"]["max_export"])
        records = _export(request.app.state.stores, filters, most, unique)
        if format == "csv":
            body: Iterator[str] = _csv_lines(records)
            media, name = "text/csv; charset=utf-8", "ghatna-events.csv"
        else:
            body = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            media, name = "application/x-ndjson; charset=utf-8", "ghatna-events.jsonl"
        return StreamingResponse(body, media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})
    limit, offset = page_args(request, limit, offset)
    return (ex.events(filters, limit=limit, offset=offset, unique=unique)
            | {"filters": filters.as_params() | ({"unique": "true"} if unique else {})})


@router.get("/events/counts", summary="Events by month and type, and the cooperation/conflict balance")
def event_counts(filters: EventFilter = Depends(event_filter), unique: bool = Depends(unique_events),
                 ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    return ex.event_counts(filters, unique=unique)


@router.get("/events/{event_id}", summary="One event record (judged wrong or not) with the "
                                          "history of its reviews")
def event(event_id: str, ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    return ex.store.event(event_id)


class ReviewBody(BaseModel):
    """An analyst's verdict; the corrected fields only with ``corrected``."""

    verdict: str
    event: str | None = None
    actor: list[str] | None = None
    recipient: list[str] | None = None
    date: str | None = None
    mode: str | None = None
    note: str | None = None
    reviewer: str | None = None


def _review(stores, event_id: str, body: ReviewBody) -> dict[str, Any]:
    with stores.write_lock, stores.open() as store:
        store.review(event_id, **body.model_dump())
        return store.event(event_id)


@router.post("/events/{event_id}/review", summary="Judge an event (needs the bearer token; see "
                                                  "[web] token): the updated record and its history",
             dependencies=[Depends(check_token)])  # before the body is read: 401/403 first
async def review(event_id: str, body: ReviewBody, request: Request) -> dict[str, Any]:
    return await run_in_threadpool(_review, request.app.state.stores, event_id, body)


@router.get("/actors", summary="Actors (states, organisations, entities) by number of events")
def actors(request: Request, kind: str | None = Query(None, description="country, org or entity (or several, comma-separated)"),
           q: str | None = None, limit: int | None = None, offset: int | None = None,
           ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    limit, offset = page_args(request, limit, offset)
    return ex.actors(kind=kind, q=q, limit=limit, offset=offset)


@router.get("/actors/{key:path}", summary="One actor: events over time by type, balance, top partners")
def actor(key: str, ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    return ex.actor(key)


@router.get("/search", summary="Full-text search over articles in Devanagari and Latin script")
def search(request: Request, q: str = Query(..., max_length=200), limit: int | None = None,
           offset: int | None = None, ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    limit, offset = page_args(request, limit, offset)
    return ex.search(q, limit=min(limit, 100), offset=offset)


@router.get("/stories", summary="Stories: articles linked by a shared specific event or as "
                                "near-duplicates, most sources first")
def stories(request: Request,
            since: str | None = Query(None, description="Earliest article date (YYYY[-MM[-DD]])"),
            until: str | None = Query(None, description="Latest article date (YYYY[-MM[-DD]])"),
            min_articles: int = Query(2, ge=2, description="Only stories told by this many articles"),
            limit: int | None = None, offset: int | None = None,
            ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    limit, offset = page_args(request, limit, offset)
    return ex.stories(since=since, until=until, min_articles=min_articles, limit=limit, offset=offset)


@router.get("/network", summary="Who acts on whom: actor → recipient edges with a layout")
def network(request: Request, filters: EventFilter = Depends(event_filter),
            ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    return ex.network(filters, most_edges=int(request.app.state.settings["web"]["network_edges"]))


@router.get("/map", summary="Event locations with coordinates, grouped by place")
def event_map(request: Request, filters: EventFilter = Depends(event_filter),
              ex: Explorer = Depends(explorer)) -> dict[str, Any]:
    return ex.locations(filters, most=int(request.app.state.settings["web"]["map_places"]))


@router.post("/ingest", summary="Add articles (needs the bearer token; see [web] token)",
             openapi_extra={"requestBody": {"content": {
                 "application/json": {"schema": {"type": "object"}},
                 "multipart/form-data": {"schema": {"type": "object", "properties": {
                     "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
                 "text/plain": {"schema": {"type": "string"}}}}})
async def ingest(request: Request, date: str | None = None, source: str | None = None,
                 url: str | None = None, title: str | None = None) -> dict[str, Any]:
    """Articles as JSON (one object, a list, or {"articles": [...]}: fields text, title,
    date, source, url, id), as JSON Lines, as plain text (one article; title, date, source
    and url from the query), or as uploaded files of any format `ghatna ingest` reads."""
    check_token(request)
    body = await read_body(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    files: list[tuple[str, bytes]] = []
    if content_type == "multipart/form-data":
        form = await request.form(max_files=100, max_fields=20,
                                  max_part_size=int(request.app.state.settings["web"]["max_upload_bytes"]))
        for value in form.getlist("files") + form.getlist("file"):
            if hasattr(value, "read"):
                files.append((value.filename or "upload.txt", await value.read()))
        if not files:
            raise ApiError(400, "bad_input", "send the files in a form field named files")
    else:
        files.append(("", body))
    summary = await run_in_threadpool(ingest_upload, request.app.state.stores, content_type,
                                      files, date=date, source=source, url=url, title=title)
    return summary
