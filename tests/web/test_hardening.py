"""The web app against hostile requests: foreign Host headers, HEAD, allow-listed assets,
hostile uploads (4xx or partial success, never 500) and a damaged database."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

pytest.importorskip("fastapi")
from fastapi.routing import APIRoute  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from web_data import build_store  # noqa: E402

from ghatna.settings import Settings  # noqa: E402
from ghatna.web import api, assets, pages  # noqa: E402
from ghatna.web.app import create_app  # noqa: E402

TOKEN = "s3cret-token"
BODY = "राज्य सरकार ने मंगलवार को किसानों के लिए नई सिंचाई योजना की घोषणा की।"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("hardening") / "web.db"
    build_store(str(path))
    return str(path)


@pytest.fixture(scope="module")
def app(db):
    settings = Settings.load().with_overrides({"web": {"token": TOKEN}})
    return create_app(db, settings, extra_hosts=["news.example.org"])


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize("host, status", [
    ("localhost", 200), ("localhost:8000", 200), ("127.0.0.1:8000", 200), ("[::1]:8000", 200),
    ("news.example.org", 200), ("evil.example.com", 400), ("127.0.0.1.evil.example.com", 400),
    ("", 400), ("[::1", 400)])
def test_host_header_is_checked(client, host, status):
    assert client.get("/api/stats", headers={"host": host}).status_code == status


def test_default_hosts_are_loopback_and_the_bound_host(db):
    settings = Settings.load().with_overrides({"web": {"host": "192.168.1.5"}})
    with TestClient(create_app(db, settings), base_url="http://192.168.1.5") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"host": "news.example.org"}).status_code == 400


def _get_routes(app) -> list[str]:
    """Every GET route without path parameters, from the routers the app assembles."""
    paths = []
    for router in (api.router, assets.router, pages.router):
        for route in router.routes:
            if isinstance(route, APIRoute) and "GET" in route.methods and "{" not in route.path:
                paths.append(route.path)
    return sorted(paths)


def test_head_answers_every_get_page_like_get(app, client):
    paths = _get_routes(app)
    assert "/" in paths and "/api/events" in paths
    for path in paths:
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code != 405, path
        assert head.content == b""


@pytest.mark.parametrize("name", sorted(assets._OWN))
def test_every_allow_listed_own_asset_is_served(client, name):
    assert client.get(f"/assets/app/{name}").status_code == 200


@pytest.mark.parametrize("name", ["page.js", "../settings.py", "app.css.map", "%2e%2e"])
def test_other_asset_names_are_404_not_500(client, name):
    assert client.get(f"/assets/app/{name}").status_code == 404


HOSTILE_RECORDS = [
    {"text": BODY, "url": ["a", "b"]}, {"text": BODY, "source": {"id": None}},
    {"text": BODY, "date": 1e20}, {"text": BODY, "title": {"x": 1}}, {"text": ["x"]},
    {"text": BODY + "\u0000"}, {"text": BODY, "date": "NaN"}, {"text": BODY, "id": [1]},
]


@pytest.mark.parametrize("bad", HOSTILE_RECORDS, ids=[json.dumps(r)[:40] for r in HOSTILE_RECORDS])
def test_hostile_upload_is_partial_success_not_500(client, bad):
    good = {"title": "सिंचाई योजना", "text": BODY + " " + json.dumps(bad, ensure_ascii=False)}
    response = client.post("/api/ingest", json=[bad, good],
                           headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code in (200, 201, 207), response.text
    outcomes = sorted(i["outcome"] for i in response.json()["inputs"])
    assert "stored" in outcomes or "unchanged" in outcomes or "duplicate" in outcomes


@pytest.mark.parametrize("body, content_type", [
    (b"[" * 100_000 + b"]" * 100_000, "application/json"),
    (b'{"text": NaN}', "application/json"),
    (b"\xff\xfe\x00\x00garbage", "text/plain"),
    (b"\x1f\x8b\x08\x00truncated", "application/x-ndjson"),
])
def test_hostile_upload_bodies_are_4xx(client, body, content_type):
    response = client.post("/api/ingest", content=body, headers={
        "authorization": f"Bearer {TOKEN}", "content-type": content_type})
    assert 400 <= response.status_code < 500, response.text


def test_damaged_database_is_503_not_500(tmp_path):
    db = tmp_path / "web.db"
    build_store(str(db))
    app = create_app(str(db), Settings.load())
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    size = os.path.getsize(db)
    with open(db, "r+b") as f:
        f.seek(page)
        f.write(b"\xde\xad" * ((size - page) // 2))
    with TestClient(app, base_url="http://localhost") as c:
        response = c.get("/api/events")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "database_error"
