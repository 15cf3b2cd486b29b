"""One event, many reports: keys, grouping, and `ghatna events --unique` over two outlets."""

from __future__ import annotations

import csv
import io

from ghatna.event_export import GDELT_FIELDS
from ghatna.event_reports import group_reports, report_key


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


def test_records_that_say_too_little_are_never_merged():
    assert report_key(record("e1", date=None)) is None
    assert report_key(record("e2", actor=(), recipient=())) is None
    grouped = group_reports([(record("e1", date=None), "A"), (record("e2", date=None), "B")])
    assert [g["id"] for g in grouped] == ["e1", "e2"]
    assert all(g["reports"]["mentions"] == 1 for g in grouped)


def test_grouping_keeps_the_most_confident_report_and_counts_articles_and_sources():
    rows = [(record("e1", article="a1", confidence=0.6), "Akhbar"),
            (record("e2", article="a1", confidence=0.9), "Akhbar"),
            (record("e3", article="a2", confidence=0.7), "Samachar"),
            (record("e4", article="a3", confidence=0.7), None),
            (record("x1", event="AID"), "Akhbar")]
    first, second = group_reports(rows)
    assert first["id"] == "e2" and first["reports"] == {
        "mentions": 4, "articles": 3, "sources": 3, "others": ["e1", "e3", "e4"]}
    assert second["id"] == "x1" and second["reports"]["mentions"] == 1


STORY_A = """मोदी और अल्बनीज ने फोन पर बात की
नई दिल्ली। प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को ऑस्ट्रेलिया के प्रधानमंत्री एंथनी अल्बनीज से फोन पर बात की। दोनों नेताओं ने व्यापार और रक्षा सहयोग पर चर्चा की।
"""
STORY_B = """भारत-ऑस्ट्रेलिया संबंधों पर नई पहल
प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को ऑस्ट्रेलियाई प्रधानमंत्री एंथनी अल्बनीज से फोन पर बात की और दोनों देशों के बीच व्यापार बढ़ाने पर जोर दिया।
"""


def test_two_outlets_reporting_one_call_give_one_unique_event(cli, db, tmp_path):
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
