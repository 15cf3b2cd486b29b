"""``POST /api/events/{id}/review`` and ``GET /api/events/{id}`` through the real app:
the token, verdicts, corrections, errors in the API's shape, ``include_rejected``."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from web_data import build_store  # noqa: E402

from ghatna.settings import Settings  # noqa: E402
from ghatna.web.app import create_app  # noqa: E402

TOKEN = "review-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "web.db")
    build_store(path)
    return path


@pytest.fixture
def client(db):
    settings = Settings.load().with_overrides({"web": {"token": TOKEN}})
    with TestClient(create_app(db, settings), base_url="http://localhost") as c:
        yield c


def _error(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]


def _ids(client, **params):
    return [e["id"] for e in client.get("/api/events", params={"limit": 500, **params}).json()["items"]]


def test_review_needs_the_token(client, db):
    some = _ids(client)[0]
    _error(client.post(f"/api/events/{some}/review", json={"verdict": "wrong"}), 401)
    _error(client.post(f"/api/events/{some}/review", json={"verdict": "wrong"},
                       headers={"authorization": "Bearer nope"}), 401)
    with TestClient(create_app(db, Settings.load()), base_url="http://localhost") as readonly:
        _error(readonly.post(f"/api/events/{some}/review", json={"verdict": "wrong"}, headers=AUTH), 403)
    assert client.get(f"/api/events/{some}").json()["history"] == []


def test_verdicts_corrections_history_and_rejected(client):
    items = client.get("/api/events", params={"limit": 500}).json()["items"]
    first = next(e["id"] for e in items if e["event"] != "THREATEN")
    second = next(e["id"] for e in items if e["id"] != first)
    r = client.post(f"/api/events/{first}/review", headers=AUTH,
                    json={"verdict": "corrected", "event": "THREATEN", "actor": ["PAK"],
                          "note": "धमकी", "reviewer": "asha"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["event"] == "THREATEN" and body["review"]["verdict"] == "corrected"
    assert body["review"]["original"]["event"] != "THREATEN" and body["actor"][-1]["code"] == "PAK"
    assert [h["verdict"] for h in body["history"]] == ["corrected"]
    got = client.get(f"/api/events/{first}").json()
    assert got["event"] == "THREATEN" and got["history"][0]["reviewer"] == "asha"
    assert first in _ids(client, type="THREATEN")
    assert client.post(f"/api/events/{second}/review", headers=AUTH,
                       json={"verdict": "wrong"}).status_code == 200
    assert second not in _ids(client) and second in _ids(client, include_rejected="true")
    assert client.get(f"/api/events/{second}").json()["review"]["verdict"] == "wrong"


@pytest.mark.parametrize("body, status", [
    ({"verdict": "maybe"}, 400), ({"verdict": "corrected", "event": "PARTY"}, 400),
    ({"verdict": "corrected", "actor": ["not a code"]}, 400), ({}, 400)])
def test_bad_reviews_are_4xx_in_the_error_shape(client, body, status):
    some = _ids(client)[0]
    _error(client.post(f"/api/events/{some}/review", json=body, headers=AUTH), status)
    assert client.get(f"/api/events/{some}").json()["history"] == []


def test_unknown_event(client):
    _error(client.get("/api/events/0123456789abcdef"), 404)
    _error(client.post("/api/events/0123456789abcdef/review", json={"verdict": "correct"},
                       headers=AUTH), 404)
