"""The same input gives byte-identical mentions and events whatever the hash seed and the
number of workers: two real ingests (subprocesses) compared."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from helpers import ROOT

MENTIONS = ('SELECT article_id, sentence_idx, start, "end", text, label, source, score, entity_id, '
            "entity_name, entity_type, country, org, sector, code, role FROM mentions "
            'ORDER BY article_id, sentence_idx, start, "end", entity_id')


def run(*args: str, seed: str) -> str:
    env = os.environ | {"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-m", "ghatna", *args], env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_same_output_whatever_seed_and_workers(tmp_path):
    outputs = []
    for seed, workers in (("1", "1"), ("4242", "2")):
        db = str(tmp_path / f"seed{seed}.db")
        run("ingest", "--samples", "--db", db, "--workers", workers, "-q", seed=seed)
        events = run("events", "--db", db, "--format", "jsonl", seed=seed)
        with sqlite3.connect(db) as conn:
            mentions = conn.execute(MENTIONS).fetchall()
        outputs.append((events, mentions))
    (events_a, mentions_a), (events_b, mentions_b) = outputs
    assert events_a.count("\n") > 50 and len(mentions_a) > 150
    assert events_a == events_b
    assert mentions_a == mentions_b
