"""The store over a real PostgreSQL server: the same results as SQLite, migrations,
and concurrent writers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, new_database

from ghatna.errors import StoreError
from ghatna.ingest import ingest, samples_dir
from ghatna.store import Store, open_store
from ghatna.store.filters import BadParameter, EventFilter
from ghatna.store.pg_schema import PG_SCHEMA_VERSION
from ghatna.store.postgres import PostgresStore, redact


@pytest.fixture(scope="module")
def both(pg_server, settings, tmp_path_factory):
    """The bundled samples ingested into an SQLite file and into a PostgreSQL database."""
    sqlite_db = str(tmp_path_factory.mktemp("sqlite") / "samples.db")
    with new_database(pg_server) as url:
        for target in (sqlite_db, url):
            with open_store(target, settings) as store:
                summary = ingest([samples_dir()], store, settings, workers=1)
                assert summary.outcomes["stored"] == 10, summary.as_dict()
        yield sqlite_db, url


def test_open_store_picks_the_database(both):
    sqlite_db, url = both
    with open_store(sqlite_db, readonly=True) as a, open_store(url, readonly=True) as b:
        assert type(a) is Store and isinstance(b, PostgresStore)
        assert b.stats()["database"] == url and b.stats()["schema_version"] == PG_SCHEMA_VERSION


@pytest.mark.parametrize("args", [(), ("--unique",), ("--type", "ASSAULT"), ("--actor", "IND"),
                                  ("--since", "2026-03", "--until", "2026-05")])
def test_same_events_as_sqlite(both, cli, args):
    sqlite_db, url = both
    from_sqlite = cli("events", "--db", sqlite_db, "--format", "jsonl", *args).stdout
    from_pg = cli("events", "--db", url, "--format", "jsonl", *args).stdout
    assert from_sqlite.strip() and from_pg == from_sqlite


def test_same_articles_entities_stories_and_stats(both, cli):
    sqlite_db, url = both
    for command in (["articles", "--json"], ["entities", "--json"], ["stories", "--json"]):
        assert cli(*command, "--db", url).stdout == cli(*command, "--db", sqlite_db).stdout, command
    first = cli.jsonl("articles", "--json", "--db", url)[0]["id"]
    assert cli.json("show", first, "--json", "--db", url) == cli.json("show", first, "--json", "--db", sqlite_db)
    ignore = {"database", "schema_version"}
    a, b = (cli.json("stats", "--json", "--db", db) for db in both)
    assert {k: v for k, v in a.items() if k not in ignore} == {k: v for k, v in b.items() if k not in ignore}


def test_ghatna_db_names_a_postgresql_url(both, cli, monkeypatch):
    monkeypatch.setenv("GHATNA_DB", both[1])
    assert cli.json("stats", "--json")["database"] == both[1]


@pytest.mark.parametrize("query", ["भारत", "रूस हमला", "modi", "japan samjh", "xyzqw"])
def test_same_article_search(both, query):
    found = []
    for target in both:
        with open_store(target, readonly=True) as store:
            found.append([r["id"] for r in store.search(query)])
    assert found[0] == found[1]
    assert bool(found[0]) == (query != "xyzqw")


@pytest.mark.parametrize("text", ["हमला", "भारत जापान", "प्रधानमंत्री"])
def test_same_event_text_filter(both, text):
    found = []
    for target in both:
        with open_store(target, readonly=True) as store:
            found.append([e["id"] for e in store.events(EventFilter(text=text))])
    assert found[0] and found[0] == found[1]


def test_search_needs_a_word(both):
    with open_store(both[1], readonly=True) as store, pytest.raises(BadParameter):
        store.search("!!")


def test_migrations_and_versions(pg_url):
    with pytest.raises(StoreError, match="schema 0; open it once for writing"):
        open_store(pg_url, readonly=True)
    with open_store(pg_url) as store:
        assert store.stats()["schema_version"] == PG_SCHEMA_VERSION
        store.conn.execute("UPDATE ghatna_schema SET version = ?", (PG_SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer than this ghatna"):
        open_store(pg_url)
    with pytest.raises(StoreError, match="cannot open database .*nosuchdb_"):
        open_store(pg_url.replace("ghatna_", "nosuchdb_"), readonly=True)


def test_bad_url_names_the_database_without_its_password():
    with pytest.raises(StoreError, match=r"cannot open database postgresql://me:\*\*\*@127.0.0.1:1/x"):
        open_store("postgresql://me:secret@127.0.0.1:1/x")
    assert redact("postgresql://me:secret@h:5/x") == "postgresql://me:***@h:5/x"


def test_two_ingests_at_once_store_each_article_once(pg_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(Path(samples_dir()).glob("*.txt"))[:4]:
        shutil.copy(f, folder / f.name)
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "ghatna", "ingest", str(folder), "--db", pg_url,
               "--workers", "1", "--json", "-q"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outs
    summaries = [json.loads(out) for out, _err in outs]
    assert sum(s["stored"] for s in summaries) == 4
    assert sum(s["stored"] + s["duplicates"] + s["unchanged"] for s in summaries) == 8
    with open_store(pg_url, readonly=True) as store:
        stats = store.stats()
        assert stats["articles"] == 4
        assert store.query("SELECT COUNT(*) FROM (SELECT DISTINCT * FROM events) e")[0][0] == stats["events"]


def test_serve_names_an_unreachable_database_without_its_password(cli):
    result = cli("serve", "--db", "postgresql://me:secret@127.0.0.1:1/x", code=2)
    assert "cannot open database postgresql://me:***@127.0.0.1:1/x" in result.output
    assert "secret" not in result.output


def test_recode_on_postgresql(pg_server, settings, cli):
    """`ghatna recode` runs on a PostgreSQL store as on SQLite: the same events again."""
    with new_database(pg_server) as url:
        with open_store(url, settings) as store:
            ingest([samples_dir()], store, settings, workers=1)
        before = cli("events", "--db", url, "--format", "jsonl").stdout
        summary = cli.json("recode", "--db", url, "--json")
        assert summary["articles"] == 10 and summary["events_before"] == summary["events_after"]
        assert cli("events", "--db", url, "--format", "jsonl").stdout == before


def test_migration_writes_article_search_with_positions_and_weights(pg_url):
    """A database from before migration 4 (search columns without positions, which lose
    their weights) gets each article's search column written again."""
    from web_data import build_store

    ids = build_store(pg_url)
    with open_store(pg_url) as store:
        store.conn.execute("UPDATE articles SET search = array_to_tsvector('{}'::text[])")
        store.conn.execute("UPDATE ghatna_schema SET version = 3")
        assert store.search("lavrov") == []
    with open_store(pg_url) as store:
        assert [r["id"] for r in store.search("lavrov")] == [ids["nanning-meeting.txt"]]
        vector = store.query("SELECT search::text FROM articles WHERE id = ?", (ids["nanning-meeting.txt"],))[0][0]
    # लावरोव: once in the headline (A), twice in the body (B); its key thrice (C)
    lexemes = dict(entry.split(":", 1) for entry in vector.split(" "))
    assert [p[-1] for p in lexemes["'लावरोव'"].split(",")] == ["A", "B", "B"]
    assert [p[-1] for p in lexemes["'lavrov'"].split(",")] == ["C", "C", "C"]
