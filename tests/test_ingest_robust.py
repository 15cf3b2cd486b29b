"""Ingestion under hostile conditions, end to end with the real CLI, pipeline and SQLite:
bad records cost only themselves, concurrent writers store each article once, damaged
databases and settings are reported in one line, budgets say what they cut."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from helpers import ROOT, synthetic_jsonl

from ghatna.ingest import Processor, ingest
from ghatna.readers import RawItem
from ghatna.store.sqlite import Store
from ghatna.text.dedup import distance, simhash

BODY = ("राज्य सरकार ने मंगलवार को किसानों के लिए नई सिंचाई योजना की घोषणा की। "
        "मुख्यमंत्री ने कहा कि योजना से दो लाख परिवारों को लाभ मिलेगा।")


def record(n: int, **extra) -> str:
    return json.dumps({"title": f"सिंचाई योजना {n}", "text": f"{BODY} यह खबर {n} है।",
                       "date": "2024-05-14"} | extra, ensure_ascii=False, allow_nan=True)


def articles(db: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def test_bad_records_cost_only_themselves_exit_1(cli, db, tmp_path):
    first = tmp_path / "a.jsonl"
    first.write_text("\n".join([
        record(1), record(2, url=["x", "y"]), record(3, source={"id": None, "name": "दैनिक"}),
        record(4, date=float("nan")), record(5, date=1e20), "[" * 50_000 + "]" * 50_000,
        record(6)]), "utf-8")
    second = tmp_path / "b.jsonl"
    second.write_text(record(7), "utf-8")
    result = cli("ingest", "--db", db, "--json", "-q", "--workers", "1", str(first), str(second),
                 code=1)
    summary = json.loads(result.stdout)
    assert summary["stored"] == 4 and summary["errors"] == 4
    assert sorted(p["input"].rsplit("/", 1)[-1] for p in summary["problems"]) == [
        "a.jsonl:2", "a.jsonl:4", "a.jsonl:5", "a.jsonl:6"]
    stats = cli.json("stats", "--db", db, "--json")
    assert len(stats["problems"]) == 4 and stats["inputs"] == {"error": 4, "stored": 4}
    with sqlite3.connect(db) as conn:
        sources = {r[0] for r in conn.execute("SELECT source FROM articles")}
    assert "दैनिक" in sources


def test_stats_show_each_inputs_current_state(cli, db, tmp_path):
    f = tmp_path / "later.txt"
    f.write_bytes(b"\x00\x01\x02" * 100)
    cli("ingest", "--db", db, "-q", "--workers", "1", str(f), code=3)
    assert [p["input"] for p in cli.json("stats", "--db", db, "--json")["problems"]] == [str(f)]
    f.write_text(f"सिंचाई योजना\n\n{BODY}", "utf-8")
    cli("ingest", "--db", db, "-q", "--workers", "1", str(f))
    stats = cli.json("stats", "--db", db, "--json")
    assert stats["problems"] == [] and stats["inputs"] == {"stored": 1}


def test_source_given_for_stored_content_is_reported(cli, db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"सिंचाई योजना\n\n{BODY}", "utf-8")
    cli("ingest", "--db", db, "-q", "--workers", "1", "--source", "पहला", str(f))
    result = cli("ingest", "--db", db, "-q", "--workers", "1", "--source", "दूसरा", str(f))
    assert "note:" in result.stderr and "source 'दूसरा' (stored: 'पहला')" in result.stderr
    assert "not applied" in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT source FROM articles").fetchall() == [("पहला",)]


def test_near_duplicate_chain_points_to_the_original(settings, db, tmp_path):
    words = ("भारत और नेपाल के विदेश मंत्रियों ने मंगलवार को काठमांडू में बैठक की और सीमा पर "
             "व्यापार बढ़ाने बिजली परियोजनाओं को जल्द पूरा करने तथा सड़क संपर्क सुधारने पर "
             "सहमति जताई बैठक के बाद संयुक्त बयान जारी किया गया जिसमें दोनों देशों ने").split()
    # B is within 3 bits of A, C within 3 bits of B but not of A: C's mark must name A.
    texts = [" ".join(words), " ".join(["हवाई"] + words[1:]), " ".join(["रेल"] + words[1:])]
    paths = []
    for n, text in enumerate(texts):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"बैठक {n}\n\n{text}।", "utf-8")
    with Store.from_settings(db, settings) as store:
        ingest([str(p) for p in paths], store, settings, workers=1)
        rows = store.query("SELECT id, near_duplicate_of FROM articles ORDER BY created_at, rowid")
    original = rows[0]["id"]
    assert rows[0]["near_duplicate_of"] is None
    assert distance(simhash(texts[0] + "।"), simhash(texts[2] + "।")) > settings["dedup"]["max_bits"]
    assert [r["near_duplicate_of"] for r in rows[1:]] == [original] * (len(rows) - 1)
    assert len(rows) == 3


def test_two_concurrent_ingests_store_each_article_once(tmp_path):
    inputs = synthetic_jsonl(tmp_path / "many.jsonl", 16)
    db = tmp_path / "shared.db"
    env = os.environ | {"PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    command = [sys.executable, "-m", "ghatna", "ingest", "--db", str(db), "-q", "--json",
               "--workers", "1", str(inputs)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    outs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outs):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    summaries = [json.loads(out) for out, _ in outs]
    assert articles(str(db)) == 16
    assert sum(s["stored"] for s in summaries) == 16
    assert all(s["stored"] + s["unchanged"] + s["duplicates"] == 16 for s in summaries)


def _corrupt(db: str) -> None:
    """Every page after the first (which holds the schema) overwritten with junk."""
    with sqlite3.connect(db) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    size = os.path.getsize(db)
    with open(db, "r+b") as f:
        f.seek(page)
        f.write(b"\xde\xad\xbe\xef" * ((size - page) // 4))


@pytest.fixture(scope="module")
def damaged_template(tmp_path_factory, settings) -> str:
    folder = tmp_path_factory.mktemp("damaged")
    db = str(folder / "damaged.db")
    with Store.from_settings(db, settings) as store:
        ingest([str(synthetic_jsonl(folder / "some.jsonl", 6))], store, settings, workers=1)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _corrupt(db)
    return db


@pytest.fixture
def corrupt_db(damaged_template, tmp_path) -> str:
    db = tmp_path / "damaged.db"
    db.write_bytes(open(damaged_template, "rb").read())
    (tmp_path / "some.jsonl").write_text(record(1), "utf-8")
    return str(db)


@pytest.mark.parametrize("command", [
    ["ingest", "-q", "--workers", "1"], ["articles"], ["stats"], ["events"], ["entities"],
    ["stories"]])
def test_damaged_database_is_reported_in_one_line(cli, corrupt_db, tmp_path, command):
    extra = [str(tmp_path / "some.jsonl")] if command[0] == "ingest" else []
    result = cli(*command, "--db", corrupt_db, *extra, code=2)
    assert "Traceback" not in result.output
    assert "damaged" in result.stderr or "malformed" in result.stderr


def test_not_a_database_is_reported(cli, tmp_path):
    f = tmp_path / "notes.db"
    f.write_text("these are my notes, not a database\n" * 200)
    result = cli("articles", "--db", str(f), code=2)
    assert "not an SQLite database" in result.stderr or "not a database" in result.stderr


@pytest.mark.parametrize("toml, words", [
    ('[ingest]\nworkers = "two"\n', "[ingest] workers = 'two' must be a whole number"),
    ("[web]\nport = 80.5\n", "[web] port = 80.5 must be a whole number"),
    ("[dedup]\nmax_bits = -1\n", "[dedup] max_bits = -1 must not be negative"),
    ("[langid]\nlanguages = 'hi'\n", "[langid] languages = 'hi' must be a list"),
    ("[ingest\n", "is not valid TOML"),
    ("[web]\ncooperation = [1, 2]\n", "[web] cooperation must be a list of strings"),
])
def test_invalid_settings_name_the_setting_and_exit_2(cli, tmp_path, toml, words):
    config = tmp_path / "bad.toml"
    config.write_text(toml, "utf-8")
    result = cli("--config", str(config), "stats", "--db", str(tmp_path / "x.db"), code=2)
    assert words in result.stderr and "Traceback" not in result.output


def test_size_budget_cuts_and_reports(settings):
    processor = Processor(settings.with_overrides({"ingest": {"max_article_chars": 2000}}))
    text = "सिंचाई योजना\n\n" + "\n\n".join(f"{BODY} अनुच्छेद {n}।" for n in range(40))
    entry, article = processor(RawItem(input="long.txt", doc="long.txt", content=text))
    assert entry.outcome == "stored" and entry.notable
    assert "cut to its first" in entry.reason and f"of {len(text):,} characters" in entry.reason
    assert len(article.raw) <= 2000 and article.raw.endswith("।")
    assert article.meta["cut"]["total_chars"] == len(text)


def test_time_budget_skips_the_rest_and_reports(settings):
    processor = Processor(settings.with_overrides({"ingest": {"max_article_seconds": 0.0}}))
    entry, article = processor(RawItem(input="a.txt", doc="a.txt", content=f"योजना\n\n{BODY}"))
    assert entry.outcome == "stored" and "skipped: the article took more than 0 s" in entry.reason
    assert article.done == ["clean"]
