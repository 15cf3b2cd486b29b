"""Analysts' reviews in the store (SQLite and PostgreSQL): verdicts, corrections written
into the records, the history, events judged wrong left out, the gold lines, migration."""

from __future__ import annotations

import json
import sqlite3

import pytest
from helpers import stored_events

from ghatna.errors import NotFound
from ghatna.store import Store
from ghatna.store.filters import BadParameter, EventFilter

ARTICLES = [("a", "src", [("CONSULT", "IND", "CHN", "2026-01-27", 0.9),
                          ("ACCUSE", "PAK", "IND", "2026-01-26", 0.4)]),
            ("b", "src", [("AID", "USA", "UKR", "2026-01-20", 0.7)], "अमेरिका ने मदद दी।")]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        target = str(tmp_path / "r.db")
        s = stored_events(target, ARTICLES)
        yield s
        s.close()
        return
    request.getfixturevalue("pg_server")
    url = request.getfixturevalue("pg_url")
    s = stored_events(url, ARTICLES)
    yield s
    s.close()


def _by_type(store, **kw):
    return {e["event"]: e for e in store.events(**kw)}


def test_unreviewed_records_carry_review_null(store):
    assert [e["review"] for e in store.events()] == [None, None, None]


def test_correct_and_history(store):
    ev = _by_type(store)["CONSULT"]
    new = store.review(ev["id"], "correct", note="ठीक", reviewer="asha")
    assert new["review"]["verdict"] == "correct" and new["review"]["original"] == {}
    assert new["review"]["reviewer"] == "asha" and new["review"]["note"] == "ठीक"
    assert {k: v for k, v in new.items() if k != "review"} == {k: v for k, v in ev.items() if k != "review"}
    assert _by_type(store)["CONSULT"]["review"]["verdict"] == "correct"
    got = store.event(ev["id"])
    assert [h["verdict"] for h in got["history"]] == ["correct"]


def test_correction_shows_in_main_fields_filters_and_original(store):
    ev = _by_type(store)["ACCUSE"]
    store.review(ev["id"], "corrected", event="threaten", actor=["PAK", "IGO:UN"],
                 recipient=["AFGGOV"], date="2026-01-25", reviewer="ravi")
    rec = _by_type(store)["THREATEN"]
    assert rec["id"] == ev["id"] and rec["cameo"] == "130" and rec["quad_code"] == 3
    assert rec["date"] == "2026-01-25" and rec["date_precision"] == "day"
    # a key the coder had keeps its actor object; others are new objects keyed by the code
    assert rec["actor"][0] == ev["actor"][0]
    assert rec["actor"][1]["org"] == "UN" and rec["actor"][1]["text"] is None
    assert rec["recipient"] == [{"text": None, "start": None, "end": None, "entity_id": None,
                                 "name": None, "country": "AFG", "org": None, "sector": "GOV",
                                 "code": "AFGGOV"}]
    original = rec["review"]["original"]
    assert original["event"] == "ACCUSE" and original["recipient"] == ev["recipient"]
    assert original["date"] == "2026-01-26" and "mode" not in original
    assert [e["id"] for e in store.events(EventFilter(type="THREATEN", recipient="AFG"))] == [ev["id"]]
    assert store.events(EventFilter(type="ACCUSE")) == []
    # a second correction is measured against the coder, not against the first one
    again = store.review(ev["id"], "corrected", event="REJECT")
    assert again["review"]["original"]["event"] == "ACCUSE" and again["recipient"] == ev["recipient"]
    assert again["date"] == ev["date"]
    assert [h["verdict"] for h in store.review_history(ev["id"])] == ["corrected", "corrected"]
    assert store.review_history(ev["id"])[0]["corrected"]["recipient"] == ["AFGGOV"]


def test_wrong_events_are_left_out_unless_asked_for(store):
    ev = _by_type(store)["AID"]
    store.review(ev["id"], "wrong")
    assert "AID" not in _by_type(store)
    assert "AID" not in _by_type(store, unique=True)
    assert _by_type(store, include_rejected=True)["AID"]["review"]["verdict"] == "wrong"
    assert store.events(EventFilter(type="AID", include_rejected=True))[0]["id"] == ev["id"]
    # the article still shows it, with its verdict
    article = store.article(ev["evidence"]["article"])
    assert [e["review"]["verdict"] for e in article["events"]] == ["wrong"]
    # and judged again, it is back
    store.review(ev["id"], "correct")
    assert "AID" in _by_type(store)


@pytest.mark.parametrize("args, kwargs, field", [
    (("maybe",), {}, "verdict"),
    (("corrected",), {"event": "PARTY"}, "event"),
    (("corrected",), {}, "verdict"),
    (("correct",), {"event": "AID"}, "event"),
    (("corrected",), {"actor": ["china"]}, "actor"),
    (("corrected",), {"actor": ["CH1"]}, "actor"),
    (("corrected",), {"date": "2026-02-30"}, "date"),
    (("corrected",), {"date": "yesterday"}, "date"),
])
def test_bad_reviews_name_the_field(store, args, kwargs, field):
    ev = store.events()[0]
    with pytest.raises(BadParameter) as err:
        store.review(ev["id"], *args, **kwargs)
    assert err.value.name == field
    assert store.review_history(ev["id"]) == [] and store.events()[0] == ev


def test_unknown_event(store):
    with pytest.raises(NotFound):
        store.review("0123456789abcdef", "correct")
    with pytest.raises(NotFound):
        store.event("0123456789abcdef")


def test_review_list_and_gold(store):
    ev = _by_type(store)
    store.review(ev["CONSULT"]["id"], "corrected", recipient=["RUS"])
    store.review(ev["AID"]["id"], "wrong")
    listed = store.reviews()
    assert sorted((r["event"], r["verdict"], r["dropped"]) for r in listed) == [
        ("AID", "wrong", False), ("CONSULT", "corrected", False)]
    assert listed == sorted(listed, key=lambda r: (r["article"], r["sentence_index"], r["event_id"]))
    assert [r["event"] for r in store.reviews(verdict="wrong")] == ["AID"]
    with pytest.raises(BadParameter):
        store.reviews(verdict="maybe")
    gold = {g["text"]: g for g in store.review_gold()}
    assert gold["अमेरिका ने मदद दी।"]["events"] == []  # every event judged wrong: a negative
    events = gold["भारत ने बात की।"]["events"]
    assert events == [
        {"event": "CONSULT", "actor": ["IND"], "recipient": ["RUS"], "required": True},
        {"event": "ACCUSE", "actor": ["PAK"], "recipient": ["IND"], "required": False}]


def test_migration_adds_reviews_to_an_older_store(tmp_path):
    db = str(tmp_path / "old.db")
    stored_events(db, ARTICLES).close()
    conn = sqlite3.connect(db)
    conn.executescript("""
        DROP INDEX events_review; ALTER TABLE events DROP COLUMN review; DROP TABLE reviews;
        UPDATE events SET record = json_remove(record, '$.review'); PRAGMA user_version=6;""")
    conn.close()
    with pytest.raises(Exception, match="schema 6"):
        Store(db, readonly=True)
    with Store(db) as store:
        records = store.events()
        assert [r["review"] for r in records] == [None, None, None]
        assert all(json.dumps(r, ensure_ascii=False) for r in records)
        assert store.review(records[0]["id"], "wrong")["review"]["verdict"] == "wrong"
        assert len(store.events()) == 2
