"""One event, many reports: keys, grouping, and `ghatna events --unique` over two outlets."""

from __future__ import annotations

import csv
import io

from helpers import stored_events as stored

from ghatna.events.gdelt import GDELT_FIELDS
from ghatna.events.reports import report_key
from ghatna.store.filters import EventFilter
from ghatna.store.sqlite import Store


def record(id, event="ASSAULT", actor=("RUS",), recipient=("UKR",), date="2026-01-27", article="a1",
           confidence=0.8, **extra):
    return {"id": id, "event": event, "mode": None, "aux_mode": None, "date": date,
            "date_precision": "day", "actor": [{"text": k, "country": k} for k in actor],
            "recipient": [{"text": k, "country": k} for k in recipient], "confidence": confidence,
            "evidence": {"article": article}} | extra


def test_the_key_reads_date_type_modality_and_sides():
    base = report_key(record("e1"))
    assert base == report_key(record("e2", article="a2", confidence=0.3))
    assert base != report_key(record("e3", date="2026-01-28"))
    assert base != report_key(record("e4", aux_mode="negation"))
    assert base != report_key(record("e5", actor=("UKR",), recipient=("RUS",)))
    # Direction means nothing for CONSULT: the two sides form one set.
    assert report_key(record("c1", event="CONSULT", actor=("IND",), recipient=("AUS",))) == \
        report_key(record("c2", event="CONSULT", actor=("AUS",), recipient=("IND",)))
    # An organisation is keyed by its acronym, as the events filter keys it.
    un = record("u1", actor=())
    un["actor"] = [{"text": "संयुक्त राष्ट्र", "org": "UN", "entity_id": "un"}]
    assert "IGO:UN>UKR" in report_key(un)


def test_records_that_say_too_little_are_never_merged(db):
    with stored(db, [("a1", "Akhbar", [("AID", "IND", "MMR", None, 0.5), ("AID", "IND", "MMR", None, 0.5)])]) as store:
        unique = store.events(unique=True)
    assert len(unique) == 2 and all(r["reports"]["mentions"] == 1 for r in unique)


def test_the_most_confident_report_stands_for_the_event_with_counts_of_articles_and_sources(db):
    articles = [("a1", "Akhbar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.6),
                                  ("ASSAULT", "RUS", "UKR", "2026-01-27", 0.9)]),
                ("a2", "Samachar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.7),
                                    ("AID", "DEU", "UKR", "2026-01-27", 0.5)]),
                ("a3", None, [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.7)])]
    with stored(db, articles) as store:
        every = store.events()
        unique = store.events(unique=True)
        first_page = store.events(unique=True, limit=1)
        aid_only = store.events(EventFilter(type="AID"), unique=True)
        # A filter chooses the events; how often each was reported counts all its reports.
        second = next(r for r in every if r["confidence"] == 0.7 and r["event"] == "ASSAULT")
        in_one_article = store.events(EventFilter(article_id=second["evidence"]["article"]), unique=True)
    assault = next(r for r in unique if r["event"] == "ASSAULT")
    best = max((r for r in every if r["event"] == "ASSAULT"), key=lambda r: r["confidence"])
    assert assault["id"] == best["id"] and assault["confidence"] == 0.9
    # Three articles; the one without a known source counts as a source of its own.
    assert {k: v for k, v in assault["reports"].items() if k != "others"} == {
        "mentions": 4, "articles": 3, "sources": 3}
    assert sorted(assault["reports"]["others"]) == sorted(
        r["id"] for r in every if r["event"] == "ASSAULT" and r["id"] != best["id"])
    assert len(unique) == 2 and len(first_page) == 1
    assert [r["event"] for r in aid_only] == ["AID"] and aid_only[0]["reports"]["mentions"] == 1
    shown = next(r for r in in_one_article if r["event"] == "ASSAULT")
    assert shown["evidence"]["article"] == second["evidence"]["article"]
    assert shown["reports"]["mentions"] == 4 and shown["reports"]["sources"] == 3


def test_a_store_written_before_report_keys_is_upgraded(db):
    import sqlite3

    with stored(db, [("a1", "Akhbar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.6)]),
                     ("a2", "Samachar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.7)])]):
        pass
    conn = sqlite3.connect(db)  # back to schema 5: no report keys
    conn.executescript("DROP INDEX events_report_key; ALTER TABLE events DROP COLUMN report_key; "
                       "DROP INDEX events_review; ALTER TABLE events DROP COLUMN review; "
                       "DROP TABLE reviews; UPDATE events SET record = json_remove(record, '$.review'); "
                       "PRAGMA user_version=5;")
    conn.close()
    with Store(db) as store:
        unique = store.events(unique=True)
        keys = sorted(r[0] for r in store.query("SELECT report_key FROM events"))
        assert keys == sorted(report_key(r) for r in store.events()) and None not in keys
    assert len(unique) == 1 and unique[0]["reports"]["sources"] == 2


STORY_A = """मोदी और अल्बनीज ने फोन पर बात की
नई दिल्ली। प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को ऑस्ट्रेलिया के प्रधानमंत्री एंथनी अल्बनीज से फोन पर बात की। दोनों नेताओं ने व्यापार और रक्षा सहयोग पर चर्चा की।
"""
STORY_B = """भारत-ऑस्ट्रेलिया संबंधों पर नई पहल
प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को ऑस्ट्रेलियाई प्रधानमंत्री एंथनी अल्बनीज से फोन पर बात की और दोनों देशों के बीच व्यापार बढ़ाने पर जोर दिया।
"""


def test_two_outlets_reporting_one_call_give_one_unique_event_and_one_story(cli, db, tmp_path):
    for name, text, source in (("a", STORY_A, "Akhbar A"), ("b", STORY_B, "Samachar B")):
        path = tmp_path / f"2026-02-10-{name}.txt"
        path.write_text(text, encoding="utf-8")
        cli("ingest", str(path), "--source", source, "--db", db, "-q")
    every = cli.jsonl("events", "--db", db, "--format", "jsonl")
    unique = cli.jsonl("events", "--db", db, "--format", "jsonl", "--unique")
    calls = [r for r in unique if r["event"] == "CONSULT" and r["mode"] == "phone"]
    assert len(calls) == 1, unique
    reports = calls[0]["reports"]
    assert reports["articles"] == 2 and reports["sources"] == 2 and reports["mentions"] >= 2
    assert sum(r["reports"]["mentions"] for r in unique) == len(every) > len(unique)
    assert {calls[0]["id"], *reports["others"]} <= {r["id"] for r in every}
    tsv = list(csv.DictReader(io.StringIO(cli("events", "--db", db, "--format", "gdelt", "--unique").stdout),
                              delimiter="\t"))
    assert list(tsv[0]) == list(GDELT_FIELDS)
    row = next(r for r in tsv if r["GLOBALEVENTID"] == calls[0]["id"])
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (str(reports["mentions"]), "2", "2")
    assert "2 sources" in cli("events", "--db", db, "--unique").stdout
    stories = cli.jsonl("stories", "--db", db, "--json")
    assert len(stories) == 1 and stories[0]["sources"] == 2
    assert {a["source"] for a in stories[0]["articles"]} == {"Akhbar A", "Samachar B"}
    assert any(e["key"] == report_key(calls[0]) for e in stories[0]["shared_events"])
    table = cli("stories", "--db", db).stdout
    assert "2 sources, 2 articles" in table and "shared: " in table
    assert "not a date" in cli("stories", "--db", db, "--since", "March", code=2).stderr


def test_the_web_lists_one_row_per_event_on_request(db):
    from fastapi.testclient import TestClient

    from ghatna.settings import Settings
    from ghatna.web.app import create_app

    articles = [("a1", "Akhbar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.6), ("AID", "DEU", "UKR", "2026-01-27", 0.5)]),
                ("a2", "Samachar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.7)])]
    stored(db, articles).close()
    with TestClient(base_url="http://localhost", app=create_app(db, Settings.load())) as client:
        every = client.get("/api/events").json()
        unique = client.get("/api/events", params={"unique": "true"}).json()
        assert every["total"] == 3 and unique["total"] == 2
        assault = next(r for r in unique["items"] if r["event"] == "ASSAULT")
        assert assault["reports"]["sources"] == 2 and assault["confidence"] == 0.7
        assert unique["filters"] == {"unique": "true"}
        lines = client.get("/api/events", params={"unique": "true", "format": "jsonl"}).text.splitlines()
        assert len(lines) == 2
        page = client.get("/events", params={"unique": "true"}).text
        assert "2 reports in 2 articles, 2 sources" in page and 'name="unique" value="true" checked' in page
        assert "reports in" not in client.get("/events").text
        counts = client.get("/api/events/counts", params={"unique": "true"}).json()
        assert counts["by_type"] == {"ASSAULT": 1, "AID": 1}
        assert client.get("/api/events/counts").json()["by_type"]["ASSAULT"] == 2
