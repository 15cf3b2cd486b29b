"""`ghatna events` and `ghatna eval events --db` over a real database of the samples."""

from __future__ import annotations

import csv
import io
import json

import pytest
from helpers import SEED_000, SEED_001

from ghatna.events.export import CSV_FIELDS
from ghatna.events.gdelt import GDELT_FIELDS

RECORD_KEYS = {"id", "event", "mode", "aux_mode", "negated", "context", "actor", "recipient",
               "date", "date_precision", "date_text", "location", "cameo", "quad_code",
               "confidence", "evidence", "coder"}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    from click.testing import CliRunner

    from ghatna.cli import main

    db = str(tmp_path_factory.mktemp("events") / "samples.db")
    result = CliRunner().invoke(main, ["ingest", "--samples", "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return db


def test_jsonl_records_follow_the_contract_and_cite_stored_sentences(cli, sample_db):
    records = cli.jsonl("events", "--db", sample_db, "--format", "jsonl")
    assert len(records) >= 20
    for r in records:
        assert RECORD_KEYS <= set(r) and r["negated"] == (r["aux_mode"] == "negation")
        article = cli.json("show", r["evidence"]["article"], "--db", sample_db, "--json")
        sentence = article["sentences"][r["evidence"]["sentence_index"]]
        assert sentence["text"] == r["evidence"]["sentence"]
        trig = r["evidence"]["trigger"]
        assert sentence["text"][trig["start"]:trig["end"]] == trig["text"]


def test_filters(cli, sample_db):
    every = cli.jsonl("events", "--db", sample_db, "--format", "jsonl")
    assaults = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--type", "assault")
    assert assaults and {r["event"] for r in assaults} == {"ASSAULT"}
    russia = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--actor", "RUS")
    assert russia and all("RUS" in {a["country"] for a in r["actor"] + r["recipient"]} for r in russia)
    dated = sorted(r["date"] for r in every if r["date"])
    middle = dated[len(dated) // 2]
    later = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--since", middle)
    assert later and all(r["date"] >= middle for r in later) and len(later) < len(every)
    assert "not a date" in cli("events", "--db", sample_db, "--since", "March", code=2).stderr
    # The CLI filters as the web interface does: a month is a valid bound, a type is checked.
    month = middle[:7]
    upto = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--until", month)
    assert upto and all(r["date"][:7] <= month for r in upto)
    assert {r["id"] for r in upto} == {r["id"] for r in every if r["date"] and r["date"][:7] <= month}
    assert "not one of" in cli("events", "--db", sample_db, "--type", "hug", code=2).stderr


def test_cli_and_web_share_the_actor_filter(cli, sample_db):
    every = cli.jsonl("events", "--db", sample_db, "--format", "jsonl")
    orgs = {a["org"] for r in every for a in r["actor"] + r["recipient"] if a.get("org")}
    assert orgs, "the sample articles name an international organisation"
    org = sorted(orgs)[0]
    with_org = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--party", f"IGO:{org}")
    assert with_org and all(org in {a.get("org") for a in r["actor"] + r["recipient"]} for r in with_org)


def test_csv_gdelt_plover_and_table(cli, sample_db):
    n = len(cli.jsonl("events", "--db", sample_db, "--format", "jsonl"))
    rows = list(csv.reader(io.StringIO(cli("events", "--db", sample_db, "--format", "csv").stdout)))
    assert tuple(rows[0]) == CSV_FIELDS and len(rows) == n + 1
    tsv = cli("events", "--db", sample_db, "--format", "gdelt").stdout.splitlines()
    assert tuple(tsv[0].split("\t")) == GDELT_FIELDS and len(tsv) == n + 1
    assert all(len(line.split("\t")) == len(GDELT_FIELDS) for line in tsv)
    plover = [json.loads(line) for line in
              cli("events", "--db", sample_db, "--format", "plover").stdout.splitlines()]
    assert len(plover) == n and {"event_type", "actor_country", "evidence"} <= set(plover[0])
    assert len(cli("events", "--db", sample_db).stdout.splitlines()) == n


def test_eval_events_on_stored_seeds(cli, db, shared):
    cli("ingest", str(SEED_000), "--db", db, "--date", "2021-03-23", "-q")
    cli("ingest", str(SEED_001), "--db", db, "--date", "2020-09-11", "-q")
    report = cli.json("eval", "events", str(shared / "seeds" / "gold-events.jsonl"), "--db", db,
                      "--json")
    assert report["overall"]["f1"] >= 0.8


def test_code_input_reports_a_bad_line_in_place_and_goes_on(cli, tmp_path):
    lines = tmp_path / "in.jsonl"
    lines.write_text("\n".join([
        json.dumps({"id": "a", "text": "चीन ने अमेरिका की कड़ी आलोचना की।", "date": "2021-03-23"},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c", "text": "भारत ने मैच में ऑस्ट्रेलिया को हराया।"}, ensure_ascii=False),
    ]) + "\n", "utf-8")
    result = cli("code", "--input", str(lines), "--json")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c"]
    assert [e["event"] for e in out[0]["events"]] == ["ACCUSE"] and out[2]["events"] == []
    assert "line 2" in out[1]["error"] and "line 2" in result.stderr


def test_parquet_and_output_file(cli, sample_db, tmp_path):
    import pyarrow.parquet as pq

    records = cli.jsonl("events", "--db", sample_db, "--format", "jsonl")
    cli("events", "--db", sample_db, "--format", "parquet", "-o", str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == len(records)
    assert table.column_names == list(CSV_FIELDS) + ["record"]
    assert json.loads(table.column("record")[0].as_py()) == records[0]
    assert str(table.schema.field("confidence").type) == "double"
    assert "-o FILE" in cli("events", "--db", sample_db, "--format", "parquet", code=2).stderr
    cli("events", "--db", sample_db, "--format", "csv", "-o", str(tmp_path / "e.csv"))
    assert (tmp_path / "e.csv").read_text("utf-8").startswith("id,date,event")


def test_dyads_sides_and_either_side(cli, sample_db):
    every = cli.jsonl("events", "--db", sample_db, "--format", "jsonl")
    keys = lambda refs: {a.get("country") for a in refs}  # noqa: E731
    dyads = {(a, b) for r in every for a in keys(r["actor"]) for b in keys(r["recipient"]) if a and b and a != b}
    actor, recipient = sorted(dyads)[0]
    pair = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--actor", actor,
                     "--recipient", recipient)
    assert pair and all(actor in keys(r["actor"]) and recipient in keys(r["recipient"]) for r in pair)
    assert {r["id"] for r in pair} == {r["id"] for r in every
                                       if actor in keys(r["actor"]) and recipient in keys(r["recipient"])}
    acting = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--actor", actor)
    assert all(actor in keys(r["actor"]) for r in acting)
    either = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--party", actor)
    assert {r["id"] for r in either} == {r["id"] for r in every
                                         if actor in keys(r["actor"]) | keys(r["recipient"])}
    assert len(either) > len(acting)  # --actor is one side now; --party is either side


def test_article_place_mode_context_source_and_confidence_filters(cli, sample_db):
    every = cli.jsonl("events", "--db", sample_db, "--format", "jsonl")
    first = every[0]["evidence"]["article"]
    mine = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--article", first[:10])
    assert mine and {r["evidence"]["article"] for r in mine} == {first}
    placed = next(r for r in every if r["location"] and r["location"].get("name"))
    here = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--place",
                     placed["location"]["name"].lower())
    assert placed["id"] in {r["id"] for r in here}
    assert all((r["location"] or {}).get("name") == placed["location"]["name"] for r in here)
    moded = next(r for r in every if r["mode"])
    with_mode = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--mode", moded["mode"])
    assert with_mode and all(moded["mode"] in (r["mode"], r["aux_mode"]) for r in with_mode)
    context = next(c for r in every for c in r["context"])
    in_context = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--context", context)
    assert {r["id"] for r in in_context} == {r["id"] for r in every if context in r["context"]}
    sure = cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--min-confidence", "0.8")
    assert {r["id"] for r in sure} == {r["id"] for r in every if r["confidence"] >= 0.8}
    assert cli.jsonl("events", "--db", sample_db, "--format", "jsonl", "--source", "nobody") == []
    assert "from 0 to 1" in cli("events", "--db", sample_db, "--min-confidence", "2", code=2).stderr


def test_gdelt_table_fills_goldstein_fips_dates_and_sources(cli, sample_db):
    rows = list(csv.DictReader(io.StringIO(cli("events", "--db", sample_db, "--format", "gdelt").stdout),
                               delimiter="\t"))
    assert rows and all(r["SQLDATE"] and r["GoldsteinScale"] and r["SOURCEURL"] for r in rows)
    fips = {r["Actor1Geo_CountryCode"] for r in rows} | {r["ActionGeo_CountryCode"] for r in rows}
    assert "IN" in fips and "IND" not in fips


def test_the_actor_list_names_each_state_once(sample_db, settings):
    from ghatna.store.filters import EventFilter
    from ghatna.store.sqlite import Store
    from ghatna.web.queries import Explorer

    with Store(sample_db, readonly=True) as store:
        ex = Explorer(store, settings["web"])
        items = ex.actors(limit=500)["items"]
        keys = [a["key"] for a in items]
        assert "IND" in keys and len(keys) == len(set(keys))  # not as "country" and "entity"
        india = items[keys.index("IND")]
        assert india["kind"] == "country"
        assert india["events"] == ex.events(EventFilter(party="IND"))["total"]
