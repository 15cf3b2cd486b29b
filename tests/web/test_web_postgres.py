"""The web interface over PostgreSQL: the same articles stored in an SQLite file and in a
PostgreSQL database on a real server give the same JSON, pages, downloads, reviews and
uploads (FastAPI's TestClient over the real app)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from helpers import new_database  # noqa: E402
from web_data import build_store  # noqa: E402

from ghatna.ingest import samples_dir  # noqa: E402
from ghatna.settings import Settings  # noqa: E402
from ghatna.store import open_store  # noqa: E402
from ghatna.web.app import create_app  # noqa: E402
from ghatna.web.deps import Stores  # noqa: E402

TOKEN = "postgres-test-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def pair(pg_server, tmp_path_factory):
    """Clients of the app over the same articles in SQLite and in PostgreSQL, with ids."""
    sqlite_db = str(tmp_path_factory.mktemp("web-pg") / "web.db")
    settings = Settings.load().with_overrides({"web": {"token": TOKEN}})
    with new_database(pg_server) as url:
        ids = build_store(sqlite_db)
        assert build_store(url) == ids
        with TestClient(base_url="http://localhost", app=create_app(sqlite_db, settings)) as a, \
                TestClient(base_url="http://localhost", app=create_app(url, settings)) as b:
            yield a, b, ids


def same(pair, path, **kwargs):
    """The response of both apps to ``path``, checked to be the same; returns it."""
    a, b, _ids = pair
    ra, rb = a.get(path, **kwargs), b.get(path, **kwargs)
    assert ra.status_code == rb.status_code == 200, (path, ra.text[:300], rb.text[:300])
    assert rb.text == ra.text, path
    return ra


@pytest.mark.parametrize("query", [
    "", "unique=true", "type=CONSULT", "type=accuse&unique=true",
    "actor=RUS&recipient=IND",  # a dyad
    "actor=sergey_lavrov&recipient=wang_yi", "party=IND", "country=CHN", "party=IGO:UN",
    "since=2024-01&until=2024-03", "since=2024", "text=आलोचना", "text=वांग यी",
    "place=Nanning", "place=IND", "place=टोक्यो", "context=diplomatic", "mode=future",
    "source=test-news", "min_confidence=0.5", "limit=3&offset=2", "unique=true&limit=2&offset=1",
])
def test_same_events(pair, query):
    data = same(pair, f"/api/events?{query}").json()
    assert data["items"]
    same(pair, f"/api/events/counts?{query}")
    same(pair, f"/api/network?{query}")
    same(pair, f"/api/map?{query}")
    same(pair, f"/api/review/queue?{query}")


def test_filters_find_what_they_name(pair):
    """The filters compared above are not all empty: each finds what it names."""
    a = pair[0]
    assert {e["event"] for e in a.get("/api/events?type=CONSULT").json()["items"]} == {"CONSULT"}
    assert [e["location"]["name"] for e in a.get("/api/events?place=Nanning").json()["items"]] == \
        ["Nanning", "Nanning"]
    dyad = a.get("/api/events?actor=RUS&recipient=IND").json()["items"]
    assert [(e["actor"][0]["country"], e["recipient"][0]["country"]) for e in dyad] == [("RUS", "IND")]
    assert a.get("/api/events?context=diplomatic").json()["total"] == 2
    assert a.get("/api/map").json()["located"] >= 4


@pytest.mark.parametrize("format", ["csv", "jsonl"])
@pytest.mark.parametrize("query", ["", "unique=true&type=ACCUSE", "actor=IND"])
def test_same_downloads(pair, format, query):
    body = same(pair, f"/api/events?format={format}&{query}").text
    assert len(body.splitlines()) > 1


@pytest.mark.parametrize("query", ["", "q=लावरोव", "q=lavrov", "q=संयुक्त राष्ट्र", "q=japan",
                                   "since=2024-02&until=2024-04", "source=other-news", "limit=2&offset=1"])
def test_same_articles(pair, query):
    assert same(pair, f"/api/articles?{query}").json()["items"]


def test_same_article_and_event(pair):
    article = same(pair, f"/api/articles/{pair[2]['nanning-meeting.txt']}").json()
    same(pair, f"/api/events/{article['events'][0]['id']}")


@pytest.mark.parametrize("query", ["लावरोव", "lavrov", "वांग यी", "wang yi", "संयुक्त", "sanyukt",
                                   "भारत जापान", "bharat"])
def test_same_search(pair, query):
    """Search in Devanagari and in Latin letters: the same articles, totals, highlighted
    headlines and snippets. The order is each database's rank (SQLite's BM25, PostgreSQL's
    ts_rank; a headline word counts four times a body word in both), so it may differ
    between equally good matches."""
    a, b, _ids = pair
    ja, jb = (c.get("/api/search", params={"q": query}).json() for c in (a, b))
    by_id = lambda data: data | {"items": sorted(data["items"], key=lambda i: i["id"])}  # noqa: E731
    assert by_id(ja) == by_id(jb)
    assert ja["items"] and all(any(p["match"] for s in i["snippets"] for p in s) for i in ja["items"])


def test_search_ranks_a_headline_match_first(pair):
    # संयुक्त is in the hostile article's headline and in the body of the Nanning report
    for client in pair[:2]:
        items = client.get("/api/search", params={"q": "संयुक्त"}).json()["items"]
        assert [i["id"] for i in items] == [pair[2]["hostile.txt"], pair[2]["nanning-meeting.txt"]]


@pytest.mark.parametrize("path", ["/api/actors", "/api/actors?kind=country", "/api/actors?kind=entity",
                                  "/api/actors?q=ru", "/api/actors?q=IGO", "/api/actors/RUS",
                                  "/api/actors/IGO:UN", "/api/actors/sergey_lavrov", "/api/actors/IND",
                                  "/api/stories", "/api/stories?since=2024", "/api/review/summary"])
def test_same_actors_stories_and_summary(pair, path):
    same(pair, path)


def test_same_stats_but_the_schema(pair):
    a, b = (c.get("/api/stats").json() for c in pair[:2])
    assert a.pop("schema_version") != b.pop("schema_version")
    assert a == b and a["events"] == 10


@pytest.mark.parametrize("path", ["/", "/events", "/events?type=ASSAULT", "/articles", "/actors",
                                  "/actors/RUS", "/network", "/map", "/search?q=lavrov", "/stories",
                                  "/review", "/articles?q=" + quote("भारत")])
def test_same_pages(pair, path):
    assert "<html" in same(pair, path, headers={"accept": "text/html"}).text


def test_same_article_page(pair):
    same(pair, f"/articles/{pair[2]['hostile.txt']}", headers={"accept": "text/html"})


@pytest.fixture
def review_pair(pg_server):
    """A fresh pair of apps for tests that write (reviews, uploads)."""
    settings = Settings.load().with_overrides({"web": {"token": TOKEN}})
    with tempfile.TemporaryDirectory() as folder, new_database(pg_server) as url:
        ids = build_store(f"{folder}/web.db")
        build_store(url)
        with TestClient(base_url="http://localhost", app=create_app(f"{folder}/web.db", settings)) as a, \
                TestClient(base_url="http://localhost", app=create_app(url, settings)) as b:
            yield a, b, ids


def _without_times(data):
    if isinstance(data, dict):
        return {k: None if k == "time" else _without_times(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_without_times(v) for v in data]
    return data


def test_same_review_round_trips(review_pair):
    a, b, ids = review_pair
    events = a.get("/api/events", params={"article": ids["india-japan.txt"]}).json()["items"]
    accuse = next(e["id"] for e in events if e["event"] == "ACCUSE")
    aid = next(e["id"] for e in events if e["event"] == "AID")
    verdicts = [(accuse, {"verdict": "wrong", "note": "no such criticism"}),
                (aid, {"verdict": "corrected", "event": "COOPERATE", "recipient": ["JPN", "IGO:UN"],
                       "reviewer": "tester"}),
                (aid, {"verdict": "correct"})]
    for event_id, body in verdicts:
        answers = [c.post(f"/api/events/{event_id}/review", json=body, headers=AUTH) for c in (a, b)]
        assert [r.status_code for r in answers] == [200, 200], answers[1].text
        assert _without_times(answers[0].json()) == _without_times(answers[1].json())
    for path in (f"/api/events/{accuse}", f"/api/events/{aid}", "/api/events",
                 "/api/events?include_rejected=true", "/api/review/summary", "/api/review/queue",
                 "/api/events?type=COOPERATE", f"/api/articles/{ids['india-japan.txt']}"):
        ja, jb = (c.get(path).json() for c in (a, b))
        assert _without_times(ja) == _without_times(jb), path
    history = b.get(f"/api/events/{aid}").json()["history"]
    assert [h["verdict"] for h in history] == ["corrected", "correct"]
    assert accuse not in {e["id"] for e in b.get("/api/events").json()["items"]}
    summary = b.get("/api/review/summary").json()
    assert summary["reviewed"] == 2 and summary["all"]["wrong"] == 1


def test_review_of_an_unknown_event_on_postgresql(review_pair):
    response = review_pair[1].post("/api/events/nosuch/review", json={"verdict": "correct"}, headers=AUTH)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_same_upload(review_pair):
    """POST /api/ingest stores into PostgreSQL through the same pipeline as into SQLite."""
    a, b, _ids = review_pair
    text = sorted(Path(samples_dir()).glob("*.txt"))[0].read_text(encoding="utf-8")
    params = {"date": "2026-02-01", "source": "upload-test", "title": "अपलोड"}
    answers = [c.post("/api/ingest", content=text.encode("utf-8"), params=params,
                      headers=AUTH | {"content-type": "text/plain"}) for c in (a, b)]
    assert [r.status_code for r in answers] == [200, 200], answers[1].text
    summaries = [r.json() | {"seconds": None} for r in answers]
    assert summaries[0] == summaries[1] and summaries[1]["stored"] == 1
    for path in ("/api/articles?source=upload-test", "/api/events?source=upload-test", "/api/stats"):
        ja, jb = (c.get(path).json() for c in (a, b))
        ja.pop("schema_version", None), jb.pop("schema_version", None)
        assert ja == jb, path


def test_a_broken_connection_is_opened_again(pg_server):
    """A thread whose connection broke (the server restarted, an administrator ended it)
    gets a new one for its next request."""
    psycopg = pytest.importorskip("psycopg")
    with new_database(pg_server) as url:
        build_store(url)
        stores = Stores(url, Settings.load())
        first = stores.explorer()
        assert first.stats()["events"] == 10
        with open_store(url) as admin:
            admin.conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        with pytest.raises(psycopg.OperationalError):
            first.stats()
        again = stores.explorer()
        assert again is not first and again.stats()["events"] == 10
        again.store.close()


def test_served_through_a_role_that_can_only_read(pg_server):
    """A database whose schema is up to date is served to a role that may only SELECT."""
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    psycopg = pytest.importorskip("psycopg")
    role = f"reader_{uuid.uuid4().hex[:8]}"
    with new_database(pg_server) as url:
        ids = build_store(url)
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"CREATE ROLE {role} LOGIN")
            admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        parts = urlsplit(url)
        reader = urlunsplit(parts._replace(netloc=f"{role}@{parts.hostname}:{parts.port}"))
        try:
            with TestClient(base_url="http://localhost", app=create_app(reader, Settings.load())) as client:
                found = client.get("/api/search", params={"q": "lavrov"}).json()["items"]
                assert [i["id"] for i in found] == [ids["nanning-meeting.txt"]]
                assert client.get("/events").status_code == 200
        finally:
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute(f"DROP OWNED BY {role}")
                admin.execute(f"DROP ROLE {role}")


# A wire report written for this test, long enough to be fingerprinted for near-duplicates.
WIRE = ("नेपाल की राजधानी काठमांडू में बुधवार को भारी बारिश के बाद कई इलाकों में पानी भर गया। "
        "नगर निगम के अधिकारियों ने बताया कि बागमती नदी का जलस्तर खतरे के निशान से ऊपर पहुंच गया है "
        "और किनारे की बस्तियों से सैकड़ों परिवारों को सुरक्षित स्थानों पर ले जाया गया। "
        "मौसम विभाग ने अगले दो दिनों तक और बारिश की चेतावनी दी है तथा लोगों से नदी के पास न जाने "
        "की अपील की है। प्रधानमंत्री कार्यालय ने राहत कार्यों की समीक्षा के लिए आपात बैठक बुलाई, "
        "जिसमें सेना और पुलिस के अधिकारी भी शामिल हुए। स्कूलों को तीन दिन के लिए बंद कर दिया गया है "
        "और हवाई अड्डे पर कई उड़ानें देर से चलीं। व्यापारियों का कहना है कि बाजारों में पानी घुसने से "
        "दुकानों का सामान खराब हो गया और नुकसान का आकलन अभी किया जा रहा है।")
STORY_ARTICLES = [
    ("a1", "Akhbar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.6)]),
    ("a2", "Samachar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.7), ("AID", "DEU", "UKR", "2026-01-28", 0.5)]),
    ("a3", "Patrika", [("AID", "DEU", "UKR", "2026-01-28", 0.5)]),
    ("a4", "Akhbar", [("AID", "FRA", "UKR", "2026-01-28", 0.5)]),
    ("wire", "Akhbar", [], WIRE),
    ("copy", "Dainik", [], WIRE.replace("भारी बारिश", "मूसलाधार बारिश")),
]


def test_same_stories(pg_url, tmp_path):
    """Stories (shared specific events, near-duplicates) and one row per event, the same
    from both databases."""
    from helpers import stored_events

    sqlite_db = str(tmp_path / "stories.db")
    for target in (sqlite_db, pg_url):
        stored_events(target, STORY_ARTICLES).close()
    with TestClient(base_url="http://localhost", app=create_app(sqlite_db, Settings.load())) as a, \
            TestClient(base_url="http://localhost", app=create_app(pg_url, Settings.load())) as b:
        pair = (a, b, {})
        found = same(pair, "/api/stories").json()
        assert found["total"] == 2
        assert sorted(sorted(x["doc"] for x in s["articles"]) for s in found["items"]) == \
            [["a1", "a2", "a3"], ["copy", "wire"]]
        for path in ("/api/stories?since=2026-01-28", "/api/stories?min_articles=3",
                     "/api/events?unique=true", "/api/events?unique=true&type=AID"):
            same(pair, path)
        assert "3 sources, 3 articles" in same(pair, "/stories", headers={"accept": "text/html"}).text
