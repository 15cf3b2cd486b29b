"""The CLI as a user runs it (click's runner, in-process)."""

from __future__ import annotations

import json

from helpers import SEED_000, SEED_001


def ingest_seeds(cli, db):
    cli("ingest", str(SEED_000), "--db", db, "--date", "2021-03-23", "-q")
    cli("ingest", str(SEED_001), "--db", db, "--date", "2020-09-11", "-q")
    return {a["date"]: a["id"] for a in cli.jsonl("articles", "--db", db, "--json")}


def test_seed_acceptance(cli, db, shared):
    ids = ingest_seeds(cli, db)
    a = cli.json("show", ids["2021-03-23"], "--db", db, "--json")
    assert a["title"] == "पश्चिमी प्रतिबंधों के चलते चीन और रूस ने मिलाया हाथ"
    assert "Khidki Desk" in a["byline"] and "Khidki" not in a["text"]
    assert len(a["sentences"]) >= 14
    b = cli.json("show", ids["2020-09-11"][:8], "--db", db, "--json")
    lines = b["text"].splitlines()
    assert "epmty" not in lines and "Top" not in lines
    assert b["title"] not in b["text"]
    assert "ताकतों" in b["text"] and "सहयोग संगठन" in b["text"]
    assert len(b["sentences"]) >= 22
    for s in b["sentences"]:
        part = b["title"] if s["part"] == "title" else b["text"]
        assert part[s["start"]:s["end"]] == s["text"]
    # twice → still two articles
    ingest_seeds(cli, db)
    assert len(cli.jsonl("articles", "--db", db, "--json")) == 2


def test_ingest_summary_problems_and_exit_codes(cli, db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("बाढ़ राहत पर बैठक\n\nबिहार सरकार ने सोमवार को बाढ़ राहत पर बैठक की और "
                    "प्रभावित जिलों को सहायता भेजने का फैसला किया।", "utf-8")
    (tmp_path / "bad.bin").write_bytes(b"\x00\x01\x02" * 100)
    result = cli("ingest", str(good), str(tmp_path / "bad.bin"), "--format", "text", "--db", db,
                 "-q", code=1)
    assert "1 stored" in result.stdout and "1 problems" in result.stdout
    assert "bad.bin" in result.stderr and "binary" in result.stderr
    data = cli.json("ingest", str(good), "--db", db, "--json", "-q")
    assert data["unchanged"] == 1 and data["stored"] == 0
    assert cli("ingest", str(tmp_path / "none.txt"), "--db", db, "-q", code=3)
    assert cli("ingest", str(good), "--date", "23-03-2021", "--db", db, code=2)


def test_stdin_jsonl(cli, db):
    line = json.dumps({"title": "संसद सत्र", "text": "संसद का शीतकालीन सत्र सोमवार से शुरू होगा "
                       "और सरकार कई विधेयक पेश करेगी।", "date": "2024-11-20"}, ensure_ascii=False)
    cli("ingest", "-", "--db", db, "-q", input=line + "\n")
    [row] = cli.jsonl("articles", "--db", db, "--json")
    assert row["title"] == "संसद सत्र" and row["date"] == "2024-11-20" and row["sentences"] == 2


def test_samples_and_stats(cli, db):
    data = cli.json("ingest", "--samples", "--db", db, "--json", "-q")
    assert data["stored"] >= 8 and data["errors"] == 0
    stats = cli.json("stats", "--db", db, "--json")
    assert stats["articles"] == data["stored"] and stats["hindi_articles"] == stats["articles"]
    shown = cli("show", cli.jsonl("articles", "--db", db, "--json")[0]["id"], "--db", db).stdout
    assert "[0]" in shown


def test_missing_database_and_unknown_id(cli, tmp_path):
    result = cli("articles", "--db", str(tmp_path / "none.db"), code=2)
    assert "does not exist" in result.stderr
    db = str(tmp_path / "x.db")
    cli("ingest", "--samples", "--db", db, "-q")
    assert "no article" in cli("show", "zzzz", "--db", db, code=2).stderr


def test_env_database_and_config(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("GHATNA_DB", str(tmp_path / "env.db"))
    cli("ingest", "--samples", "-q")
    assert (tmp_path / "env.db").exists()
    result = cli("--config", str(tmp_path / "missing.toml"), "articles", code=2)
    assert "does not exist" in result.output
