"""Review in the web interface through the real app: the controls appear only when the
server has a token, the token never travels in a form or URL, the queue is ordered by
confidence, and the summary counts the verdicts (``/review``, ``/api/review/*``)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from helpers import stored_events  # noqa: E402
from web_data import build_store  # noqa: E402

from ghatna.settings import Settings  # noqa: E402
from ghatna.web.app import create_app  # noqa: E402

TOKEN = "s3cret-Review"
AUTH = {"authorization": f"Bearer {TOKEN}"}
# (type, actor, recipient, date, confidence) per event, two articles
EVENTS = [("CONSULT", "IND", "CHN", "2026-01-20", 0.8), ("ACCUSE", "PAK", "IND", "2026-01-21", 0.3),
          ("SUPPORT", "RUS", None, "2026-01-22", 0.55)]
MORE = [("THREATEN", "CHN", "TWN", "2026-01-23", 0.1), ("CONSULT", "JPN", "IND", "2026-01-24", 0.95)]


def _client(db: str, token: str | None) -> TestClient:
    settings = Settings.load().with_overrides({"web": {"token": token or ""}})
    return TestClient(create_app(db, settings), base_url="http://localhost")


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "review.db")
    stored_events(path, [("first", "test-news", EVENTS), ("second", "test-news", MORE)]).close()
    return path


@pytest.fixture
def client(db):
    with _client(db, TOKEN) as c:
        yield c


def _judge(client, event_id, **body):
    r = client.post(f"/api/events/{event_id}/review", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    return r.json()


def test_no_token_no_review_controls(tmp_path):
    path = str(tmp_path / "web.db")
    ids = build_store(path)
    with _client(path, None) as c:
        for url in ("/events", f"/articles/{ids['nanning-meeting.txt']}", "/review"):
            html = c.get(url).text
            assert "review-panel" not in html and "review.js" not in html, url
            assert "data-event-id" not in html and "data-judge" not in html, url
        assert "takes no verdicts" in c.get("/review").text


def test_token_shows_controls_on_events_article_and_queue(tmp_path):
    path = str(tmp_path / "web.db")
    ids = build_store(path)
    with _client(path, TOKEN) as c:
        for url in ("/events", f"/articles/{ids['nanning-meeting.txt']}", "/review"):
            html = c.get(url).text
            assert 'id="review-panel"' in html and '<script src="/assets/app/review.js">' in html, url
            assert html.count('data-judge="correct"') == html.count("data-event-id=") > 0, url
            # the token's input has no name: a form can never send it, nor put it in a URL
            assert '<input id="review-token-input" type="password"' in html
            assert TOKEN not in html
        html = c.get(f"/articles/{ids['nanning-meeting.txt']}").text
        assert 'data-actor="RUSGOV" data-recipient="CHNGOV"' in html  # the keys a correction keeps
        assert c.get("/assets/app/review.js").status_code == 200


def test_queue_is_unreviewed_lowest_confidence_first(client):
    queue = client.get("/api/review/queue").json()
    assert [e["confidence"] for e in queue["items"]] == [0.1, 0.3, 0.55, 0.8, 0.95]
    _judge(client, queue["items"][0]["id"], verdict="wrong")
    _judge(client, queue["items"][2]["id"], verdict="correct")
    after = client.get("/api/review/queue", params={"type": "CONSULT"}).json()
    assert after["total"] == 2 and [e["confidence"] for e in after["items"]] == [0.8, 0.95]
    html = client.get("/review").text
    assert html.index('data-type="ACCUSE"') < html.index('data-type="CONSULT"')
    assert html.count("<tr class=\"event\"") == 3


def test_summary_counts_verdicts_by_the_coders_type(client):
    empty = client.get("/api/review/summary").json()
    assert empty == {"events": 5, "reviewed": 0, "share_reviewed": 0.0,
                     "all": {"judged": 0, "correct": 0, "wrong": 0, "corrected": 0, "precision": None},
                     "by_type": []}
    ids = {e["event"] + e["actor"][0]["country"]: e["id"]
           for e in client.get("/api/events").json()["items"]}
    _judge(client, ids["CONSULTIND"], verdict="correct")
    _judge(client, ids["CONSULTJPN"], verdict="wrong")
    _judge(client, ids["ACCUSEPAK"], verdict="corrected", event="THREATEN")
    _judge(client, ids["ACCUSEPAK"], verdict="corrected", event="COERCE")  # the latest counts
    summary = client.get("/api/review/summary").json()
    assert summary["reviewed"] == 3 and summary["share_reviewed"] == 0.6
    assert summary["all"] == {"judged": 3, "correct": 1, "wrong": 1, "corrected": 1, "precision": 0.667}
    assert summary["by_type"] == [
        {"type": "ACCUSE", "judged": 1, "correct": 0, "wrong": 0, "corrected": 1, "precision": 1.0},
        {"type": "CONSULT", "judged": 2, "correct": 1, "wrong": 1, "corrected": 0, "precision": 0.5}]
    html = client.get("/review").text
    assert "3</b> of 5 events reviewed (60.0%)" in html and "66.7%" in html
    assert '<tr data-type="CONSULT">' in html and "0.50" in html
    assert 'href="/api/review/summary"' in html


def test_rows_show_their_verdict(client):
    ids = [e["id"] for e in client.get("/api/events").json()["items"]]
    _judge(client, ids[0], verdict="correct")
    _judge(client, ids[1], verdict="wrong")
    html = client.get("/events", params={"include_rejected": "true"}).text
    assert f'data-event-id="{ids[0]}" data-verdict="correct"' in html
    assert f'data-event-id="{ids[1]}" data-verdict="wrong"' in html
    assert f'data-event-id="{ids[2]}" data-verdict=""' in html
    assert ids[1] not in client.get("/events").text  # judged wrong: left out by default


def test_the_article_page_leaves_out_events_judged_wrong(tmp_path, settings):
    from helpers import stored_events

    from ghatna.web.app import create_app

    db = str(tmp_path / "a.db")
    store = stored_events(db, [("a1", "s", [("ACCUSE", "CHN", "USA", "2026-01-28", 0.9),
                                            ("SANCTION", "USA", "CHN", "2026-01-28", 0.8)])])
    records = store.events()
    store.review(records[0]["id"], "wrong")
    article = records[0]["evidence"]["article"]
    store.close()
    client = TestClient(create_app(db, settings), base_url="http://localhost")
    shown = client.get(f"/articles/{article}").text
    assert records[1]["id"] in shown and records[0]["id"] not in shown
    assert records[0]["id"] in client.get(f"/articles/{article}", params={"include_rejected": "true"}).text
