"""Ingestion end to end: the real readers, pipeline and SQLite store."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from helpers import ROOT, SEED_000, SEED_001, synthetic_jsonl

from ghatna.ingest import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, ingest
from ghatna.readers import Defaults
from ghatna.store.sqlite import Store

ARTICLE = ("लद्दाख में सीमा वार्ता का नया दौर\n\n"
           "भारत और चीन के सैन्य कमांडरों ने रविवार को चुशूल में बैठक की। "
           "दोनों पक्षों ने सीमा पर शांति बनाए रखने पर सहमति जताई।")


def counts(db: str) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return (conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0])


def test_reingest_changes_nothing(settings, db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, "utf-8")
    with Store(db) as store:
        first = ingest([str(f)], store, settings, workers=1)
        before = counts(db)
        second = ingest([str(f)], store, settings, workers=1)
        log = store.query("SELECT COUNT(*) FROM ingest_log")[0][0]
    assert first.outcomes["stored"] == 1 and second.outcomes["unchanged"] == 1
    assert counts(db) == before and before[0] == 1 and log == 1
    assert second.exit_code == EXIT_OK


def test_same_article_in_two_files_is_stored_once(settings, db, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "b.txt").write_text("\ufeff" + ARTICLE.replace("। ", "।  ") + "\nTop\n", "utf-8")
    with Store(db) as store:
        summary = ingest([str(tmp_path)], store, settings, workers=1)
        rows = store.query("SELECT input, outcome, reason, article_id FROM ingest_log ORDER BY input")
    assert summary.outcomes["stored"] == 1 and summary.outcomes["duplicate"] == 1
    assert rows[1]["outcome"] == "duplicate" and rows[1]["article_id"] == rows[0]["article_id"]
    assert counts(db)[0] == 1


def test_mixed_batch_stores_good_and_explains_the_rest(settings, db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    (tmp_path / "binary.txt").write_bytes(os.urandom(2048).replace(b"\n", b"\x00"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Réunion à Genève\n\nLes ministres se sont réunis mardi "
                                          "pour discuter du commerce.".encode("latin-1"))
    paths = [str(tmp_path / n) for n in ("binary.txt", "empty.txt", "latin1.txt", "missing.txt")]
    with Store(db) as store:
        summary = ingest(paths + [str(good)], store, settings, workers=1)
        reasons = {r["input"].rsplit("/", 1)[-1]: (r["outcome"], r["reason"])
                   for r in store.query("SELECT * FROM ingest_log")}
    assert reasons["good.txt"] == ("stored", None)
    assert reasons["binary.txt"][0] == "error" and "binary" in reasons["binary.txt"][1]
    assert reasons["empty.txt"] == ("error", "empty file")
    assert reasons["missing.txt"] == ("error", "no such file or folder")
    assert reasons["latin1.txt"][0] == "stored"
    assert "decoded from cp1252" in reasons["latin1.txt"][1] and "not analysed" in reasons["latin1.txt"][1]
    assert summary.exit_code == EXIT_PARTIAL
    assert summary.as_dict()["not_hindi"] == 1


def test_nothing_readable_exit_code(settings, db, tmp_path):
    with Store(db) as store:
        assert ingest([str(tmp_path / "nope.txt")], store, settings, workers=1).exit_code == EXIT_NOTHING


def test_parallel_matches_serial(settings, tmp_path):
    data = synthetic_jsonl(tmp_path / "many.jsonl", 60)
    results = []
    for workers in (1, 2):
        db = str(tmp_path / f"w{workers}.db")
        with Store(db) as store:
            ingest([str(data)], store, settings, workers=workers)
            results.append([tuple(r) for r in store.query(
                "SELECT a.id, COUNT(s.idx) FROM articles a JOIN sentences s ON s.article_id=a.id "
                "GROUP BY a.id ORDER BY a.id")])
    assert len(results[0]) == 60 and results[0] == results[1]


def test_seeds_with_dates(settings, db, shared):
    with Store(db) as store:
        ingest([str(SEED_000)], store, settings, defaults=Defaults(date="2021-03-23"), workers=1)
        ingest([str(SEED_001)], store, settings, defaults=Defaults(date="2020-09-11"), workers=1)
        ingest([str(SEED_000), str(SEED_001)], store, settings, workers=1)
        arts = {a["title"][:10]: a for a in store.articles()}
    assert len(arts) == 2
    assert sorted(a["date"] for a in arts.values()) == ["2020-09-11", "2021-03-23"]
    assert sorted(a["sentences"] for a in arts.values())[0] >= 14
    assert sorted(a["sentences"] for a in arts.values())[1] >= 22


def test_kill_9_leaves_store_consistent_and_rerun_completes(tmp_path):
    data = synthetic_jsonl(tmp_path / "big.jsonl", 400)
    db = str(tmp_path / "k.db")
    cmd = [sys.executable, "-m", "ghatna", "ingest", str(data), "--db", db, "--workers", "1", "-q"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        try:
            if os.path.exists(db) and counts(db)[0] > 0:
                break
        except sqlite3.OperationalError:
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored, _ = counts(db)
    assert 0 < stored < 400, "the run should be interrupted part-way"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                               "(SELECT 1 FROM sentences s WHERE s.article_id=a.id)").fetchone()[0]
        unlogged = conn.execute("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                                "(SELECT 1 FROM ingest_log l WHERE l.article_id=a.id)").fetchone()[0]
    assert orphans == 0 and unlogged == 0
    done = subprocess.run(cmd + ["--json"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert counts(db)[0] == 400


def test_near_duplicate_is_stored_and_noted(settings, db, tmp_path):
    body = ("केंद्रीय मंत्रिमंडल ने बुधवार को नई कृषि निर्यात नीति को मंजूरी दी। "
            "वाणिज्य मंत्री ने कहा कि इससे किसानों की आय बढ़ेगी और निर्यात दोगुना होगा। "
            "विपक्षी दलों ने नीति की आलोचना करते हुए कहा कि छोटे किसानों को इसका लाभ नहीं मिलेगा। "
            "नीति के तहत बंदरगाहों पर नए भंडारण केंद्र बनाए जाएंगे और परिवहन पर सब्सिडी दी जाएगी।")
    (tmp_path / "a.txt").write_text("कृषि निर्यात नीति को मंजूरी\n\n" + body, "utf-8")
    (tmp_path / "b.txt").write_text("मंत्रिमंडल ने दी नई निर्यात नीति को हरी झंडी\n\n"
                                    + body.replace("बुधवार", "गुरुवार"), "utf-8")
    (tmp_path / "c.txt").write_text(ARTICLE, "utf-8")
    with Store.from_settings(db, settings) as store:
        summary = ingest([str(tmp_path)], store, settings, workers=1)
        rows = {r["doc"]: r["near_duplicate_of"] for r in store.query(
            "SELECT doc, near_duplicate_of FROM articles")}
        first = store.query("SELECT id FROM articles WHERE doc='a.txt'")[0]["id"]
    assert summary.outcomes["stored"] == 3
    assert rows == {"a.txt": None, "b.txt": first, "c.txt": None}


def test_html_without_article_text_is_a_problem(settings, db, tmp_path):
    page = tmp_path / "nav.html"
    page.write_text("<html><head><title>होम</title></head><body><nav><a href='/'>होम</a>"
                    "<a href='/desh'>देश</a></nav></body></html>", "utf-8")
    with Store(db) as store:
        summary = ingest([str(page)], store, settings, workers=1)
    assert summary.problems == [(str(page), "no article text found in the page")]
    assert summary.exit_code == EXIT_NOTHING
