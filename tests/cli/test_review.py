"""``ghatna review``: verdicts through the CLI, honoured by ``ghatna events`` and its
exports, exported as a gold file that ``ghatna eval events`` scores, kept by ``recode``."""

from __future__ import annotations

import csv
import io
import json

STORY = ("राजनयिक हलचल\nनई दिल्ली। भारत और चीन के विदेश मंत्रियों ने सोमवार को बीजिंग में मुलाकात की। "
         "पाकिस्तान ने भारत की कड़ी आलोचना की।\n")


def _ingest(cli, db, tmp_path):
    story = tmp_path / "2025-03-04-story.txt"
    story.write_text(STORY, "utf-8")
    cli("ingest", str(story), "--db", db, "--source", "test")
    events = cli.jsonl("events", "--db", db, "--format", "jsonl")
    assert {e["event"] for e in events} >= {"CONSULT", "ACCUSE"}, events
    return {e["event"]: e for e in events}


def test_review_list_events_exports_and_gold(cli, db, tmp_path):
    ev = _ingest(cli, db, tmp_path)
    consult, accuse = ev["CONSULT"]["id"], ev["ACCUSE"]["id"]
    out = cli.json("review", consult, "--verdict", "corrected", "--recipient", "CHN,IGO:UN",
                   "--reviewer", "asha", "--note", "UN too", "--db", db)
    assert out["review"]["verdict"] == "corrected" and out["review"]["reviewer"] == "asha"
    assert [r["code"] for r in out["recipient"]][-1] == "IGO:UN"
    cli("review", accuse, "--verdict", "wrong", "--db", db)
    # wrong events are left out of every format unless asked for
    listed = cli.jsonl("events", "--db", db, "--format", "jsonl")
    assert accuse not in {e["id"] for e in listed}
    assert accuse in {e["id"] for e in cli.jsonl("events", "--db", db, "--format", "jsonl",
                                                 "--include-rejected")}
    rows = list(csv.DictReader(io.StringIO(cli("events", "--db", db, "--format", "csv",
                                               "--include-rejected").stdout)))
    assert {r["id"]: r["review"] for r in rows}[accuse] == "wrong"
    assert {r["id"]: r["review"] for r in rows}[consult] == "corrected"
    tsv = list(csv.DictReader(io.StringIO(cli("events", "--db", db, "--format", "gdelt").stdout),
                              delimiter="\t"))
    assert {r["GLOBALEVENTID"]: r["Review"] for r in tsv}[consult] == "corrected"
    assert accuse not in {r["GLOBALEVENTID"] for r in tsv}
    # the list
    lines = cli.jsonl("review", "list", "--json", "--db", db)
    assert sorted(r["verdict"] for r in lines) == ["corrected", "wrong"]
    assert [r["event_id"] for r in cli.jsonl("review", "list", "--verdict", "wrong", "--json",
                                             "--db", db)] == [accuse]
    assert "corrected" in cli("review", "list", "--db", db).stdout
    # the gold file, scored by eval events: the coder's ACCUSE is now a false positive
    gold = tmp_path / "gold.jsonl"
    cli("review", "export", "-o", str(gold), "--db", db)
    sentences = [json.loads(line) for line in gold.read_text("utf-8").splitlines()]
    by_text = {s["text"]: s["events"] for s in sentences}
    assert [g for t, g in by_text.items() if "आलोचना" in t] == [[]]  # a negative
    report = cli.json("eval", "events", str(gold), "--json")
    assert report["overall"]["fp"] >= 1


def test_bad_reviews(cli, db, tmp_path):
    ev = _ingest(cli, db, tmp_path)
    some = ev["CONSULT"]["id"]
    result = cli("review", some, "--verdict", "corrected", "--event", "PARTY", "--db", db, code=2)
    assert "--event" in result.output and "PARTY" in result.output
    result = cli("review", some, "--verdict", "maybe", "--db", db, code=2)
    assert "verdict" in result.output
    result = cli("review", "0123456789abcdef", "--verdict", "correct", "--db", db, code=2)
    assert "no event with id" in result.output
    assert cli.jsonl("review", "list", "--json", "--db", db) == []


def test_recode_keeps_reviews_and_lists_dropped_ones(cli, db, tmp_path):
    ev = _ingest(cli, db, tmp_path)
    consult = ev["CONSULT"]["id"]
    cli("review", consult, "--verdict", "corrected", "--event", "COOPERATE", "--db", db)
    # an event the coder never produced again: its review stays and is listed as dropped
    cli("review", ev["ACCUSE"]["id"], "--verdict", "correct", "--db", db)
    from ghatna.store import Store

    with Store(db) as store:
        store.conn.execute("UPDATE reviews SET event_id = 'ffffffffffffffff' WHERE event_id = ?",
                           (ev["ACCUSE"]["id"],))
        store.conn.commit()
    summary = cli.json("recode", "--db", db, "--json")
    assert summary["reviews_dropped"] == 1
    after = {e["id"]: e for e in cli.jsonl("events", "--db", db, "--format", "jsonl")}
    assert after[consult]["event"] == "COOPERATE" and after[consult]["review"]["original"]["event"] == "CONSULT"
    dropped = cli.jsonl("review", "list", "--dropped", "--json", "--db", db)
    assert [r["event_id"] for r in dropped] == ["ffffffffffffffff"]
    assert "dropped by re-coding" in cli("review", "list", "--dropped", "--db", db).stdout


def test_review_suggest_lists_what_recurs(cli, db, tmp_path):
    """Two articles whose ACCUSE the analysts judge wrong, and whose CONSULT they re-type,
    give a pattern exception and a type change; seen once is left out unless --min 1."""
    for n, source in enumerate(("one", "two")):
        story = tmp_path / f"2025-03-0{n + 4}-story.txt"
        story.write_text(STORY.replace("राजनयिक हलचल", f"राजनयिक हलचल {n}"), "utf-8")
        cli("ingest", str(story), "--db", db, "--source", source)
    events = cli.jsonl("events", "--db", db, "--format", "jsonl")
    for e in events:
        if e["event"] == "ACCUSE":
            cli("review", e["id"], "--verdict", "wrong", "--db", db)
        elif e["event"] == "CONSULT":
            cli("review", e["id"], "--verdict", "corrected", "--event", "COOPERATE", "--db", db)
    found = cli.jsonl("review", "suggest", "--json", "--db", db)
    kinds = {(s["kind"], s["count"]) for s in found}
    assert ("pattern-exception", 2) in kinds and ("pattern-type", 2) in kinds
    change = next(s for s in found if s["kind"] == "pattern-type")
    assert change["change"] == "CONSULT -> COOPERATE" and change["trigger"].startswith("मुलाकात")
    assert cli.jsonl("review", "suggest", "--json", "--min", "3", "--db", db) == []
