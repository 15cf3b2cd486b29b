"""The REST API and HTML pages, against the real app over a real store (FastAPI's
TestClient), with hand-annotated Hindi articles and one hostile article."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from helpers import SEED_000, SEED_001, SEED_DATES  # noqa: E402
from web_data import BASE_STAGES, build_article, build_store  # noqa: E402

from ghatna.pipeline import Pipeline  # noqa: E402
from ghatna.settings import Settings  # noqa: E402
from ghatna.store.search import search_latin  # noqa: E402
from ghatna.store.sqlite import LogEntry, Store  # noqa: E402
from ghatna.web.app import CSP, create_app  # noqa: E402

HTML = {"accept": "text/html"}
HOSTILE_MARKERS = ["<script>window.pwned", "<img src=x onerror", 'href="javascript:']


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    ids = build_store(str(path))
    return str(path), ids


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(base_url="http://localhost", app=create_app(store_path[0], Settings.load())) as c:
        yield c


@pytest.fixture(scope="module")
def ids(store_path):
    return store_path[1]


def error_of(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    return body["error"]


# -- search ----------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["लावरोव", "lavrov", "Lavrov", "LAVROV", "lavr", "वांग यी", "wang yi"])
def test_search_finds_the_article_in_either_script(client, ids, query):
    data = client.get("/api/search", params={"q": query}).json()
    assert [r["id"] for r in data["items"]] == [ids["nanning-meeting.txt"]]
    hits = [p["text"] for s in data["items"][0]["snippets"] for p in s if p["match"]]
    assert hits and all(h.startswith(("लावरोव", "वांग", "यी")) for h in hits)


# An article written for this test, full of names in their Hindi spellings.
NAMES_ARTICLE = {
    "doc": "names.txt", "date": "2024-05-02", "source": "test-news",
    "title": "पुतिन और शी जिनपिंग की बीजिंग में बैठक",
    "body": ["रूसी राष्ट्रपति व्लादिमीर पुतिन ने गुरुवार को चीनी राष्ट्रपति शी जिनपिंग से मुलाकात की।",
             "बैठक में विदेश मंत्री सर्गेई लावरोव और वांग यी भी मौजूद थे।",
             "यूक्रेन के राष्ट्रपति ज़ेलेंस्की ने बैठक की आलोचना की।",
             "भारत के विदेश मंत्री एस जयशंकर ने कहा कि राजनाथ सिंह अगले महीने मॉस्को जाएंगे।"],
    "events": [],
}


@pytest.fixture(scope="module")
def names_client(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("names") / "names.db")
    article = build_article(NAMES_ARTICLE, Pipeline(Settings.load(), BASE_STAGES))
    with Store(path) as store:
        store.save([(LogEntry(article.doc, "stored", fingerprint=article.id), article)])
    with TestClient(base_url="http://localhost", app=create_app(path, Settings.load())) as c:
        yield c


@pytest.mark.parametrize("query, hindi", [
    ("putin", "पुतिन"), ("Putin", "पुतिन"), ("vladimir", "व्लादिमीर"), ("xi", "शी"),
    ("jinping", "जिनपिंग"), ("Xi Jinping", "शी जिनपिंग"), ("lavrov", "लावरोव"), ("lavr", "लावरोव"),
    ("wang", "वांग"), ("Wang Yi", "वांग यी"), ("Zelensky", "ज़ेलेंस्की"),
    ("jaishankar", "जयशंकर"), ("singh", "सिंह"), ("rajnath", "राजनाथ"), ("bijing", "बीजिंग"),
])
def test_latin_search_finds_devanagari_names(names_client, query, hindi):
    data = names_client.get("/api/search", params={"q": query}).json()
    assert data["total"] == 1, data
    hits = {p["text"] for s in [data["items"][0]["title_parts"], *data["items"][0]["snippets"]]
            for p in s if p["match"]}
    assert set(hindi.split()) <= hits


@pytest.mark.parametrize("query", ["biden", "modi", "lavrova", "xi biden"])
def test_latin_search_misses_other_names(names_client, query):
    assert names_client.get("/api/search", params={"q": query}).json()["total"] == 0


def test_search_needs_every_word(client):
    assert client.get("/api/search", params={"q": "lavrov tokyo"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "bharat japan"}).json()["total"] == 1


def test_search_without_words_is_a_400(client):
    error_of(client.get("/api/search", params={"q": "!!! ..."}), 400)
    error_of(client.get("/api/search"), 400)


def test_search_page_highlights_matches(client):
    page = client.get("/search", params={"q": "lavrov"}, headers=HTML).text
    assert "<mark>लावरोव</mark>" in page


def test_fts_keeps_vowel_signs_inside_words(store_path):
    """'कि' (that) must not match 'किया' split at its vowel sign, and a word with vowel
    signs is one token: searching 'मुलाकात' finds it whole."""
    with Store(store_path[0], readonly=True) as store:
        rows = store.query("SELECT rowid FROM article_fts WHERE article_fts MATCH ?",
                           ('text : "मुलाकात"',))
        assert len(rows) == 1
        assert not store.query("SELECT rowid FROM article_fts WHERE article_fts MATCH ?",
                               ('text : "मुल"',))


# -- articles --------------------------------------------------------------------------

def test_articles_are_paged_and_filtered(client, ids):
    data = client.get("/api/articles", params={"limit": 2}).json()
    assert data["total"] == 4 and len(data["items"]) == 2
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert {a["id"] for a in data["items"]}.isdisjoint(a["id"] for a in second["items"])
    by_date = client.get("/api/articles", params={"since": "2024-02", "until": "2024-04"}).json()
    assert {a["id"] for a in by_date["items"]} == {ids["india-japan.txt"], ids["bijapur.txt"]}
    by_source = client.get("/api/articles", params={"source": "other-news"}).json()
    assert [a["id"] for a in by_source["items"]] == [ids["bijapur.txt"]]
    assert client.get("/api/articles", params={"q": "lavrov"}).json()["total"] == 1
    assert client.get("/api/articles", params={"language": "en"}).json()["total"] == 0


def test_article_has_text_sentences_mentions_events(client, ids):
    data = client.get(f"/api/articles/{ids['nanning-meeting.txt']}").json()
    assert data["text"].startswith("रूस के विदेश मंत्री")
    assert data["sentences"][0]["part"] == "title"
    assert {m["text"] for m in data["mentions"]} >= {"सर्गेई लावरोव", "वांग यी"}
    consult = next(e for e in data["events"] if e["event"] == "CONSULT")
    sentence = data["sentences"][consult["evidence"]["sentence_index"]]["text"]
    trig = consult["evidence"]["trigger"]
    assert sentence[trig["start"]:trig["end"]] == "मुलाकात"


def test_article_prefix_and_missing(client, ids):
    assert client.get(f"/api/articles/{ids['bijapur.txt'][:6]}").json()["id"] == ids["bijapur.txt"]
    assert error_of(client.get("/api/articles/ffffffffffff"), 404)["code"] == "not_found"


def test_article_page_highlights_triggers_and_entities(client, ids):
    page = client.get(f"/articles/{ids['nanning-meeting.txt']}", headers=HTML).text
    assert '<mark class="trigger t-CONSULT" title="CONSULT">मुलाकात</mark>' in page
    assert 'href="/actors/sergey_lavrov"' in page and "सर्गेई लावरोव</a>" in page
    assert '<a class="ent ent-LOC" href="/actors/RUS"' in page  # a state links to the state
    assert 'id="s1"' in page and "Nanning (CHN)" in page


# -- events ----------------------------------------------------------------------------

def test_events_are_records_newest_first(client):
    data = client.get("/api/events").json()
    assert data["total"] == 10
    dates = [e["date"] for e in data["items"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    for record in data["items"]:
        assert {"id", "event", "actor", "recipient", "evidence", "cameo", "coder"} <= set(record)


@pytest.mark.parametrize("params, expected", [
    ({"type": "CONSULT"}, {"CONSULT"}),
    ({"type": "consult"}, {"CONSULT"}),
    ({"actor": "RUS"}, {"CONSULT", "COOPERATE", "ACCUSE"}),
    ({"actor": "sergey_lavrov"}, {"CONSULT"}),
    ({"actor": "IGO:UN"}, set()),  # the UN is only ever a recipient here
    ({"recipient": "IGO:UN"}, {"SUPPORT"}),
    ({"party": "IGO:UN"}, {"SUPPORT"}),
    ({"actor": "RUS", "recipient": "CHN"}, {"CONSULT"}),
    ({"actor": "CHN", "recipient": "RUS"}, set()),
    ({"actor": "IND", "recipient": "JPN"}, {"AGREE", "AID"}),
    ({"party": "JPN"}, {"AGREE", "AID"}),
    ({"place": "nanning"}, {"SUPPORT", "CONSULT"}),
    ({"place": "JPN"}, {"AGREE"}),
    ({"mode": "arrest"}, {"COERCE"}),
    ({"context": "diplomatic"}, {"AGREE", "CONSULT"}),
    ({"min_confidence": "0.95"}, set()),
    ({"source": "nobody"}, set()),
    ({"actor": "INDCOP"}, {"COERCE"}),
    ({"party": "INDCOP"}, {"ASSAULT", "COERCE"}),
    ({"country": "jpn"}, {"AGREE", "AID"}),
    ({"since": "2024-04-01", "until": "2024-04-30"}, {"ASSAULT", "COERCE"}),
    ({"until": "2021-03"}, {"CONSULT", "ACCUSE", "SUPPORT"}),
    ({"text": "नान्निंग"}, {"CONSULT"}),
    ({"text": "राहत"}, {"AID"}),
    ({"type": "ACCUSE", "country": "IND"}, {"ACCUSE"}),
])
def test_event_filters(client, params, expected):
    items = client.get("/api/events", params=params).json()["items"]
    assert {e["event"] for e in items} == expected


def test_actors_list_each_actor_once(client):
    items = client.get("/api/actors", params={"limit": 200}).json()["items"]
    keys = [a["key"] for a in items]
    assert len(keys) == len(set(keys))  # India is a state, not also an "entity"
    india = next(a for a in items if a["key"] == "IND")
    assert india["kind"] == "country" and india["as_actor"] <= india["events"]
    assert india["events"] == client.get("/api/events", params={"party": "IND"}).json()["total"]


def test_event_filter_errors_name_the_parameter(client):
    body = client.get("/api/events", params={"min_confidence": "high"}).json()
    assert body["error"]["code"] == "bad_parameter" and "min_confidence" in body["error"]["message"]


def test_events_page_shows_place_code_confidence_source_and_sentence(client):
    html = client.get("/events", params={"actor": "RUS", "recipient": "CHN"}).text
    assert html.count('<tr class="event"') == 1
    assert '<td class="place">Nanning <span class="muted">CHN</span></td>' in html
    assert '<td class="cameo"><code>040</code></td>' in html and '<td class="conf">0.90</td>' in html
    assert '<td class="source">test-news</td>' in html
    assert 'name="actor" value="RUS"' in html and 'name="recipient" value="CHN"' in html
    assert '#s1">sentence 1 ›</a>' in html


def test_event_paging(client):
    first = client.get("/api/events", params={"limit": 3}).json()
    rest = client.get("/api/events", params={"limit": 500, "offset": 3}).json()
    ids_ = [e["id"] for e in first["items"]] + [e["id"] for e in rest["items"]]
    assert len(ids_) == len(set(ids_)) == first["total"] == 10


@pytest.mark.parametrize("params", [
    {"type": "PARTY"}, {"since": "yesterday"}, {"until": "2024-13-45x"}, {"country": "RUSSIA"},
    {"limit": "0"}, {"limit": "501"}, {"limit": "ten"}, {"offset": "-1"}, {"format": "xml"},
    {"text": "x" * 201},
])
def test_bad_event_parameters_are_400(client, params):
    assert error_of(client.get("/api/events", params=params), 400)["code"] == "bad_parameter"


def test_events_csv_and_jsonl(client):
    response = client.get("/api/events", params={"format": "csv", "type": "CONSULT"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1 and rows[0]["actor"] == "Sergey Lavrov" and rows[0]["trigger"] == "मुलाकात"
    lines = client.get("/api/events", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 10 and json.loads(lines[0])["evidence"]["sentence"]


def test_csv_cells_cannot_be_formulas(client):
    from ghatna.events.export import csv_row

    row = csv_row({"id": "=HYPERLINK(1)", "actor": [{"name": "+cmd"}], "location": {"lat": -3.5}})
    assert row[0] == "'=HYPERLINK(1)" and row[6] == "'+cmd" and row[12] == -3.5


def test_events_page_lists_the_nanning_meeting(client):
    page = client.get("/events", params={"type": "CONSULT"}, headers=HTML).text
    assert 'data-type="CONSULT"' in page and "नान्निंग शहर" in page
    assert page.count('<tr class="event"') == 1
    assert "format=csv" in page and "type=CONSULT" in page


# -- actors, network, map --------------------------------------------------------------

def test_actors_list(client):
    items = client.get("/api/actors").json()["items"]
    keys = {(a["kind"], a["key"]) for a in items}
    assert {("country", "RUS"), ("country", "CHN"), ("org", "IGO:UN"), ("entity", "sergey_lavrov")} <= keys
    countries = client.get("/api/actors", params={"kind": "country"}).json()["items"]
    assert {a["kind"] for a in countries} == {"country"}
    error_of(client.get("/api/actors", params={"kind": "planet"}), 400)


def test_actor_page_data(client):
    data = client.get("/api/actors/RUS").json()
    assert data["events"] == 3 and data["as_actor"] == 3
    assert data["counts"]["by_month"] == {"2021-03": {"CONSULT": 1}, "2024-02": {"ACCUSE": 1}}
    assert [b["balance"] for b in data["counts"]["balance"]] == [1.0, -1.0]
    partners = {p["key"]: p for p in data["partners"]}
    assert partners["CHN"]["cooperation"] == 1 and partners["IND"]["conflict"] == 1
    assert {e["event"] for e in data["recent"]} == {"CONSULT", "COOPERATE", "ACCUSE"}
    lavrov = client.get("/api/actors/sergey_lavrov").json()
    assert lavrov["name"] == "Sergey Lavrov" and lavrov["acts_for"][0]["key"] == "RUS"
    assert [a["title"] for a in lavrov["mentioned_in"]] == [
        "नान्निंग में लावरोव और वांग यी की मुलाकात, प्रतिबंधों की आलोचना"]
    assert client.get("/api/actors/IGO:UN").json()["as_recipient"] == 1
    error_of(client.get("/api/actors/ATLANTIS"), 404)


def test_network_and_map(client):
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("IND", "JPN")]["events"] == 2 and edges[("RUS", "IND")]["conflict"] == 1
    assert all(-1 <= n["x"] <= 1 and -1 <= n["y"] <= 1 for n in net["nodes"])
    # Maoists attacking Indian police: both Indian, and an actor's edge to itself is not drawn
    assert client.get("/api/network", params={"type": "ASSAULT"}).json()["edges"] == []
    places = {p["name"]: p for p in client.get("/api/map").json()["places"]}
    assert places["Nanning"]["events"] == 2 and places["Nanning"]["lat"] == pytest.approx(22.82)
    assert set(client.get("/api/map", params={"type": "AGREE"}).json()["places"][0]["types"]) == {"AGREE"}


def test_basemap_is_served_locally(client):
    data = client.get("/api/basemap").json()
    assert len(data["lat"]) == len(data["lon"]) > 1000
    assert all(-90 <= v <= 90 for v in data["lat"])


def test_stats(client):
    data = client.get("/api/stats").json()
    assert data["articles"] == 4 and data["events"] == 10
    assert data["event_counts"]["by_type"]["ACCUSE"] == 2
    assert "database" not in data  # no server paths


# -- pages, assets, docs ---------------------------------------------------------------

PAGES = ["/", "/search?q=lavrov", "/events", "/articles", "/actors", "/actors/RUS", "/network",
         "/map", "/articles/{nanning}"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(client, ids, path):
    path = path.format(nanning=ids["nanning-meeting.txt"])
    page = client.get(path, headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == CSP
    twin = page.text.split('rel="alternate" type="application/json" href="', 1)[1].split('"', 1)[0]
    twin = twin.replace("&amp;", "&")
    response = client.get(twin)
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"


def test_assets_are_local(client):
    js = client.get("/assets/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    assert client.get("/assets/swagger/swagger-ui-bundle.js").status_code == 200
    docs = client.get("/docs").text
    assert "/assets/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    for path in PAGES[:8]:
        page = client.get(path, headers=HTML).text
        assert "http://" not in page.replace("http://testserver", "") and "https://" not in page


def test_india_states_asset_covers_every_state_and_the_map_counts_them(client):
    from ghatna.settings import admin1_names

    asset = client.get("/assets/app/india_states.json")
    assert asset.status_code == 200 and asset.headers["content-type"] == "application/json"
    data = asset.json()
    assert "Natural Earth" in data["source"] and "de facto" in data["boundaries"]
    drawn = {code for state in data["states"] for code in state["codes"]}
    assert drawn == set(admin1_names())  # every state and union territory has an outline
    assert client.get("/api/map").json()["by_region"] == {"IN.37": 2}
    assert client.get("/api/events", params={"place": "Chhattisgarh"}).json()["total"] == 2
    assert client.get("/api/events", params={"place": "IN.37"}).json()["total"] == 2


@pytest.mark.parametrize("path", ["/assets/app/..%2F..%2Fstore.py", "/assets/app/../app.py",
                                  "/assets/app/%2e%2e/settings.py", "/assets/swagger/..%2Findex.j2",
                                  "/assets/app/app.py", "/assets/../../etc/passwd"])
def test_no_path_traversal(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "import" not in response.text and "root:" not in response.text


def test_unknown_page_errors(client):
    assert error_of(client.get("/api/nothing"), 404)["code"] == "not_found"
    page = client.get("/nothing", headers=HTML)
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert error_of(client.post("/api/events"), 405)["code"] == "method_not_allowed"


# -- hostile article -------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/events", "/articles", "/articles/{hostile}", "/actors",
                                  "/network", "/map", "/search?q=संयुक्त",
                                  "/events?text=%3Cscript%3E"])
def test_hostile_text_is_escaped(client, ids, path):
    page = client.get(path.format(hostile=ids["hostile.txt"]), headers=HTML).text
    for marker in HOSTILE_MARKERS:
        assert marker not in page
    if path in ("/", "/articles/{hostile}"):
        assert "&lt;script&gt;window.pwned" in page


def test_hostile_url_is_not_a_link(client, ids):
    page = client.get(f"/articles/{ids['hostile.txt']}", headers=HTML).text
    assert "javascript:window.pwned=5" in page  # shown as text
    assert 'href="javascript' not in page


def test_hostile_actor_page(client):
    items = client.get("/api/actors", params={"kind": "entity"}).json()["items"]
    key = next(a["key"] for a in items if "script" in a["key"])
    from urllib.parse import quote

    page = client.get("/actors/" + quote(key, safe=""), headers=HTML)
    assert page.status_code == 200
    assert "<script>window.pwned" not in page.text and "&lt;script&gt;" in page.text


def test_search_with_fts_syntax_is_safe(client):
    for q in ['"', "a OR b", "NEAR(x y)", "title:*", "लावरोव*", "') DROP TABLE articles; --"]:
        response = client.get("/api/search", params={"q": q})
        assert response.status_code in (200, 400), response.text


# -- upload ----------------------------------------------------------------------------

ARTICLE = {"title": "दिल्ली में किसानों का धरना",
           "text": "दिल्ली में सैकड़ों किसानों ने सोमवार को न्यूनतम समर्थन मूल्य की माँग को लेकर धरना दिया।\n"
                   "किसान नेताओं ने सरकार से तुरंत बातचीत शुरू करने की अपील की।",
           "date": "2024-06-03", "source": "upload-test"}


@pytest.fixture
def writable(tmp_path, monkeypatch):
    monkeypatch.delenv("GHATNA_TOKEN", raising=False)
    path = str(tmp_path / "upload.db")
    settings = Settings.load().with_overrides({"web": {"token": "s3cret", "max_upload_bytes": 5000}})
    with TestClient(base_url="http://localhost", app=create_app(path, settings)) as c:
        yield c


def test_upload_json_with_token(writable):
    auth = {"Authorization": "Bearer s3cret"}
    response = writable.post("/api/ingest", json=ARTICLE, headers=auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] == 1 and body["inputs"][0]["article_id"]
    assert body["inputs"][0]["input"].startswith("upload.jsonl")
    found = writable.get("/api/search", params={"q": "kisan"}).json()
    assert found["total"] == 1 and found["items"][0]["title"] == ARTICLE["title"]
    again = writable.post("/api/ingest", json={"articles": [ARTICLE]}, headers=auth).json()
    assert again["stored"] == 0 and again["duplicates"] == 1


def test_upload_files_and_text(writable):
    auth = {"Authorization": "Bearer s3cret"}
    text = ("पटना में बाढ़ राहत\n\nपटना में बाढ़ के बाद राज्य सरकार ने प्रभावित परिवारों को राहत "
            "सामग्री भेजी और नावों से लोगों को सुरक्षित स्थानों पर पहुँचाया।").encode()
    response = writable.post("/api/ingest", headers=auth, params={"date": "2024-07-01"},
                             files={"files": ("../../etc/patna.txt", text, "text/plain")})
    assert response.status_code == 200, response.text
    assert response.json()["inputs"][0]["input"] == "000-patna.txt"
    assert writable.get("/api/articles", params={"q": "patna"}).json()["items"][0]["date"] == "2024-07-01"
    plain = writable.post("/api/ingest", headers=auth | {"content-type": "text/plain; charset=utf-8"},
                          params={"title": "गया में बारिश"},
                          content="गया में तेज बारिश के बाद कई सड़कों पर पानी भर गया और यातायात रुक गया।".encode())
    assert plain.status_code == 200 and plain.json()["stored"] == 1
    bad = writable.post("/api/ingest", headers=auth, files={"files": ("x.exe", b"MZ", "application/octet-stream")})
    assert error_of(bad, 415)["code"] == "unsupported_media_type"


@pytest.mark.parametrize("headers, status", [({}, 401), ({"Authorization": "Bearer wrong"}, 401),
                                              ({"Authorization": "Basic s3cret"}, 401)])
def test_upload_needs_the_token(writable, headers, status):
    error_of(writable.post("/api/ingest", json=ARTICLE, headers=headers), status)
    assert writable.get("/api/stats").json()["articles"] == 0


def test_upload_limits(writable):
    auth = {"Authorization": "Bearer s3cret"}
    big = dict(ARTICLE, text="क" * 6000)
    assert error_of(writable.post("/api/ingest", json=big, headers=auth), 413)["code"] == "too_large"
    assert error_of(writable.post("/api/ingest", content=b"{not json", headers=auth | {
        "content-type": "application/json"}), 400)["code"] == "bad_input"
    assert error_of(writable.post("/api/ingest", json={"title": "x"}, headers=auth), 422)
    assert error_of(writable.post("/api/ingest", json=ARTICLE, headers=auth,
                                  params={"date": "soon"}), 400)


def test_server_without_token_is_read_only(client):
    assert error_of(client.post("/api/ingest", json=ARTICLE,
                                headers={"Authorization": "Bearer anything"}), 403)["code"] == "read_only"


# -- the store's search migration ------------------------------------------------------

def test_migration_fills_search_for_older_databases(tmp_path, store_path):
    """A database made before search existed gets the search table, filled, on open."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(store_path[0])
    conn.execute(f"VACUUM INTO '{path}'")
    conn.close()
    old = sqlite3.connect(path)
    old.executescript("DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_delete; "
                      "DROP TRIGGER articles_fts_update; DROP TABLE article_fts; "
                      "DROP TRIGGER events_fts_insert; DROP TRIGGER events_fts_delete; "
                      "DROP TABLE event_fts; DROP INDEX event_actors_org; "
                      "ALTER TABLE articles DROP COLUMN search_latin; "
                      "DROP INDEX events_report_key; ALTER TABLE events DROP COLUMN report_key; "
                      "DROP INDEX events_review; ALTER TABLE events DROP COLUMN review; DROP TABLE reviews; "
                      "UPDATE events SET record = json_remove(record, '$.review'); "
                      "PRAGMA user_version=2;")
    old.close()
    with pytest.raises(Exception, match="schema 2"):
        Store(path, readonly=True)
    with TestClient(base_url="http://localhost", app=create_app(path)) as c:
        assert c.get("/api/search", params={"q": "lavrov"}).json()["total"] == 1
        assert c.get("/api/events", params={"text": "नान्निंग"}).json()["total"] == 1


def test_migration_recomputes_search_keys(tmp_path, store_path):
    """A database whose search keys came from an older romaniser (schema 4) gets them
    computed again, and its search index rebuilt, on open."""
    path = tmp_path / "keys.db"
    conn = sqlite3.connect(store_path[0])
    conn.execute(f"VACUUM INTO '{path}'")
    conn.close()
    old = sqlite3.connect(path)
    old.executescript("UPDATE articles SET search_latin = 'stale'; DROP INDEX events_report_key; "
                      "ALTER TABLE events DROP COLUMN report_key; "
                      "DROP INDEX events_review; ALTER TABLE events DROP COLUMN review; DROP TABLE reviews; "
                      "UPDATE events SET record = json_remove(record, '$.review'); "
                      "PRAGMA user_version=4;")
    old.commit()
    assert old.execute("SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH "
                       "'search_latin : lavrov*'").fetchone()[0] == 0
    old.close()
    with pytest.raises(Exception, match="schema 4"):
        Store(path, readonly=True)
    with TestClient(base_url="http://localhost", app=create_app(path)) as c:
        assert c.get("/api/search", params={"q": "lavrov"}).json()["total"] == 1
        assert c.get("/api/search", params={"q": "stale"}).json()["total"] == 0
    with Store(path, readonly=True) as store:
        rows = store.query("SELECT title, text, search_latin FROM articles")
        assert rows and all(r["search_latin"] == search_latin(r["title"], r["text"]) for r in rows)
        assert store.query("SELECT rowid FROM article_fts WHERE article_fts MATCH ?",
                           ('search_latin : "vang"*',))
    with Store(path) as store:  # the update trigger is back: new keys reach the index
        with store.transaction() as conn:
            conn.execute("UPDATE articles SET search_latin = 'zzqq'")
        assert len(store.query("SELECT rowid FROM article_fts WHERE article_fts MATCH 'zzqq'")) == 4


# -- the seeds (acceptance) ------------------------------------------------------------

def test_seeds_searchable_in_both_scripts(shared, tmp_path, cli):
    db = str(tmp_path / "seeds.db")
    for seed in (SEED_000, SEED_001):
        cli("ingest", "--db", db, "--date", SEED_DATES[seed.name], "-q", "--workers", "1", str(seed))
    with TestClient(base_url="http://localhost", app=create_app(db)) as c:
        for q in ("लावरोव", "lavrov"):
            assert c.get("/api/search", params={"q": q}).json()["total"] == 2
        for article in c.get("/api/articles").json()["items"]:  # linked mentions have pages
            page = c.get(f"/articles/{article['id']}", headers=HTML).text
            for href in sorted(set(page.split('href="/actors/')[1:]))[:15]:
                key = href.split('"', 1)[0]
                assert c.get(f"/actors/{key}", headers=HTML).status_code == 200, key
        events = c.get("/api/events", params={"limit": 500}).json()
        for record in events["items"]:  # whatever the event stages found, it is verifiable
            article = c.get(f"/api/articles/{record['evidence']['article']}").json()
            sentence = article["sentences"][record["evidence"]["sentence_index"]]["text"]
            assert sentence == record["evidence"]["sentence"]


# -- ghatna serve ----------------------------------------------------------------------

def test_serve_command(store_path, tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    env.pop("GHATNA_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "ghatna", "serve", "--db", store_path[0],
                             "--port", str(port)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.time() < deadline, proc.stderr.read()
                time.sleep(0.2)
        assert response.json()["events"] == 10
        assert response.headers["content-security-policy"] == CSP
        assert httpx.post(f"http://127.0.0.1:{port}/api/ingest", json={}).status_code == 403
    finally:
        proc.terminate()
        proc.wait(10)
    assert "read-only" in proc.stderr.read()
    missing = subprocess.run([sys.executable, "-m", "ghatna", "serve", "--db",
                              str(tmp_path / "none.db")], env=env, capture_output=True, text=True)
    assert missing.returncode == 2 and "ghatna ingest" in missing.stderr
