"""The knowledge-base index cached beside the user's folder: same answers as a fresh
build, rebuilt when a file changes."""

from __future__ import annotations

import os

from ghatna.actors.kb import KnowledgeBase
from ghatna.actors.kb_cache import NAME, open_knowledge_base
from ghatna.actors.link import Linker, link_text

TEXT = "तेओदोरो ओबियांग ने मलाबो में चीन के राजदूत से मुलाकात की।"


def _folder(tmp_path, code="GNQGOV"):
    folder = tmp_path / "kb"
    folder.mkdir(exist_ok=True)
    (folder / "mine.tsv").write_text(
        "id\ttype\tname\thi\taliases\tcode\n"
        f"per:obiang\tperson\tTeodoro Obiang\tतेओदोरो ओबियांग\tTeodoro Obiang\t{code}\n",
        encoding="utf-8")
    return folder


def _summary(kb):
    linker = Linker(kb)
    mentions = [(m.text, m.entity.id if m.entity else None) for m in link_text(linker, TEXT)]
    search = [(c.entry.id, c.score) for c in kb.search("ओबियांग")]
    return mentions, search, len(kb)


def test_cached_index_answers_as_a_fresh_build(settings, tmp_path):
    folder = _folder(tmp_path)
    fresh = KnowledgeBase.load([folder], world_cities=int(settings.get("kb", "world_cities")),
                               every_town_of=settings.get("kb", "every_town_of", []))
    first = open_knowledge_base(settings, str(folder))  # builds and writes the index
    assert (folder / NAME).is_file()
    cached = open_knowledge_base(settings, str(folder))
    assert type(cached._by_del).__name__ == "SqliteTable"  # read back, not rebuilt
    assert _summary(fresh) == _summary(first) == _summary(cached)
    assert ("तेओदोरो ओबियांग", "per:obiang") in _summary(cached)[0]


def test_index_is_rebuilt_when_a_file_changes(settings, tmp_path):
    folder = _folder(tmp_path)
    assert open_knowledge_base(settings, str(folder)).get("per:obiang").code == "GNQGOV"
    path = _folder(tmp_path, code="GNQMIL") / "mine.tsv"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert open_knowledge_base(settings, str(folder)).get("per:obiang").code == "GNQMIL"


def test_shipped_index_is_kept_in_the_cache_folder(settings, tmp_path, monkeypatch):
    """Without a user folder, the index of the shipped knowledge base is built once and
    kept in [kb] cache_dir: each ingest worker reads it instead of building it."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no ~/.local/share/ghatna/kb
    named = settings.with_overrides({"kb": {"cache_dir": str(tmp_path / "cache")}})
    first = open_knowledge_base(named)
    files = list((tmp_path / "cache").glob("kb-index-*.sqlite"))
    assert len(files) == 1 and type(first._by_del).__name__ == "dict"  # built, then written
    cached = open_knowledge_base(named)
    assert type(cached._by_del).__name__ == "SqliteTable"  # read back, not rebuilt
    assert _summary(first) == _summary(cached)
    assert ("चीन के राजदूत", "agent:CHNGOV:ambassador") in _summary(cached)[0]


def test_many_keys_are_asked_for_at_once():
    import sqlite3

    from ghatna.actors.kb_cache import _SEP, SqliteTable

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
    db.executemany("INSERT INTO t VALUES (?, ?)", [("a", "1" + _SEP + "2"), ("b", "3")])
    table = SqliteTable(db, "t", mapping=True)
    assert sorted(table.get_many(["a", "x", "b", "a"])) == [("1", "2"), ("1", "2"), ("3",)]
    assert table.seen["x"] is None and table.get("b") == ("3",) and "x" not in table
