"""``POST /api/ingest``: the bearer token, the size limit, and ingestion of what was sent.

Uploads go through :func:`ghatna.ingest.ingest`, the same readers, pipeline and store
as ``ghatna ingest``: what was sent is written to a private temporary folder under a
safe name and ingested from there, in this process, by the one writer.
"""

from __future__ import annotations

import hmac
import json
import tempfile
from pathlib import Path
from typing import Any

import regex
from fastapi import Request

from ..errors import GhatnaError
from ..ingest import EXIT_NOTHING, Processor, ingest
from ..readers import Defaults, format_of
from ..readers.base import check_date
from .deps import ApiError, Stores

_UNSAFE = regex.compile(r"[^\p{L}\p{M}\p{N}._-]+")


def check_token(request: Request) -> None:
    """Refuse the request unless the server has a token and the request carries it."""
    token = request.app.state.token
    if not token:
        raise ApiError(403, "read_only", "this server is read-only: set [web] token in the "
                                         "settings or $GHATNA_TOKEN to accept uploads")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "unauthorized", "send the upload token as 'Authorization: Bearer TOKEN'",
                       {"WWW-Authenticate": "Bearer"})


async def read_body(request: Request) -> bytes:
    """The request body, refused when larger than ``[web] max_upload_bytes``."""
    most = int(request.app.state.settings["web"]["max_upload_bytes"])
    length = request.headers.get("content-length")
    if length is None:
        raise ApiError(411, "length_required", "send a Content-Length header")
    if not length.isdigit():
        raise ApiError(400, "bad_input", "Content-Length is not a number")
    if int(length) > most:
        raise ApiError(413, "too_large", f"uploads are limited to {most} bytes "
                                         f"(raise [web] max_upload_bytes)")
    body = await request.body()
    if len(body) > most:
        raise ApiError(413, "too_large", f"uploads are limited to {most} bytes")
    return body


def safe_name(name: str, default: str) -> str:
    """A file name without folders or odd characters, keeping its extension."""
    name = Path(name.replace("\\", "/")).name
    name = _UNSAFE.sub("_", name).strip("._")[:100]
    return name or default


def _records(body: bytes) -> list[dict[str, Any]]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, "bad_input", f"the body is not valid UTF-8 JSON: {exc}") from None
    except RecursionError:
        raise ApiError(400, "bad_input", "the body is JSON nested too deeply") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ApiError(400, "bad_input", 'send an article object, a list of them, or {"articles": [...]}')
    if not data:
        raise ApiError(400, "bad_input", "no articles in the body")
    return data


def ingest_upload(stores: Stores, content_type: str, files: list[tuple[str, bytes]], *,
                  date: str | None = None, source: str | None = None, url: str | None = None,
                  title: str | None = None) -> dict[str, Any]:
    """Ingest what was sent; returns the ingest summary with each input's outcome."""
    try:
        defaults = Defaults(check_date(date, "date"), source, url)
    except GhatnaError as exc:
        raise ApiError(400, "bad_parameter", str(exc).split("] ", 1)[-1]) from None
    with tempfile.TemporaryDirectory(prefix="ghatna-upload-") as folder:
        paths = []
        if content_type == "multipart/form-data":
            for n, (name, data) in enumerate(files):
                name = safe_name(name, f"upload-{n}.txt")
                if format_of(name) is None:
                    raise ApiError(415, "unsupported_media_type",
                                   f"{name}: unknown file type; send .txt, .jsonl, .json, .csv, "
                                   f".html, .warc, .rss, .atom or .xml files")
                path = Path(folder) / f"{n:03d}-{name}"
                path.write_bytes(data)
                paths.append(path)
        elif content_type in ("application/json", ""):
            path = Path(folder) / "upload.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                    for r in _records(files[0][1])), "utf-8")
            paths.append(path)
        elif content_type in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
            path = Path(folder) / "upload.jsonl"
            path.write_bytes(files[0][1])
            paths.append(path)
        elif content_type == "text/plain":
            path = Path(folder) / "upload.txt"
            text = files[0][1]
            if title:
                text = title.encode("utf-8") + b"\n\n" + text
            path.write_bytes(text)
            paths.append(path)
        else:
            raise ApiError(415, "unsupported_media_type",
                           "send application/json, application/x-ndjson, text/plain or "
                           "multipart/form-data")
        settings = stores.settings
        with stores.write_lock:
            if stores.processor is None:
                stores.processor = Processor(settings)
            with stores.open() as store:
                summary = ingest([str(p) for p in paths], store, settings, defaults=defaults,
                                 workers=1, processor=stores.processor)
                rows = store.query(
                    "SELECT input, outcome, reason, article_id FROM ingest_log "
                    "WHERE input LIKE ? ESCAPE '\\' ORDER BY input",
                    (folder.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",))
    result = summary.as_dict()
    prefix = folder.rstrip("/") + "/"
    result["inputs"] = [{"input": r["input"].removeprefix(prefix), "outcome": r["outcome"],
                         "reason": r["reason"], "article_id": r["article_id"]} for r in rows]
    for problem in result["problems"]:
        problem["input"] = problem["input"].removeprefix(prefix)
    if summary.exit_code == EXIT_NOTHING:
        raise ApiError(422, "bad_input", "nothing could be ingested: " + "; ".join(
            f"{p['input']}: {p['reason']}" for p in result["problems"]) or "no articles found")
    return result
