"""``ghatna recode``: stored articles coded again in place, after a pattern change."""

from __future__ import annotations


def _events(cli, db):
    return cli.jsonl("events", "--db", db, "--format", "jsonl")


def test_recode_without_changes_gives_the_same_events(cli, db):
    cli("ingest", "--samples", "--db", db)
    before = _events(cli, db)
    summary = cli.json("recode", "--db", db, "--json")
    assert summary["articles"] == 10 and summary["failed"] == []
    assert summary["events_before"] == summary["events_after"] == len(before)
    assert _events(cli, db) == before


def test_recode_applies_a_new_pattern_to_stored_articles(cli, db, tmp_path):
    text = "पड़ोसी देश के राजदूत ने विदेश मंत्री से शिष्टाचार भेंटवार्ता की और फिर घुड़की दी।"
    story = tmp_path / "2025-03-04-story.txt"
    story.write_text("राजनयिक हलचल\n" + text + "\n", "utf-8")
    cli("ingest", str(story), "--db", db, "--source", "test")
    assert not any(e["evidence"]["trigger"]["text"].startswith("घुड़की") for e in _events(cli, db))
    patterns = tmp_path / "mine.yaml"
    patterns.write_text('patterns:\n- {id: threaten.ghudki, type: THREATEN, words: ["घुड़की @DE"]}\n', "utf-8")
    config = tmp_path / "ghatna.toml"
    config.write_text(f'[events]\npatterns_file = "{patterns}"\n', "utf-8")
    article = cli.jsonl("articles", "--db", db, "--json")[0]["id"]
    summary = cli.json("--config", str(config), "recode", "--db", db, "--article", article[:8], "--json")
    assert summary["articles"] == 1
    after = _events(cli, db)
    assert [e["evidence"]["pattern"] for e in after if e["event"] == "THREATEN"] == ["threaten.ghudki"]
    # the article itself, its id and its text, are as they were
    assert [a["id"] for a in cli.jsonl("articles", "--db", db, "--json")] == [article]


def test_recode_bounds_and_bad_dates(cli, db):
    cli("ingest", "--samples", "--db", db)
    assert cli.json("recode", "--db", db, "--since", "2099", "--json")["articles"] == 0
    result = cli("recode", "--db", db, "--since", "yesterday", code=2)
    assert "since" in result.output
