"""The pipeline on Apache Spark (local[2]): the same events as ``ghatna ingest`` on the
same input, and ``ghatna load`` storing them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

from ghatna.ingest import samples_dir
from ghatna.spark import DATASETS, SCHEMAS

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'ghatna[spark]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (Debian's default-jre-headless)", allow_module_level=True)


def ghatna(*args: str, codes: tuple[int, ...] = (0,)) -> str:
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-m", "ghatna", *args], env=env, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode in codes, result.stderr[-3000:]
    return result.stdout


def parquet(folder: Path) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(str(folder), format="parquet").to_table().to_pylist()


def spark_events(out: Path) -> str:
    """The events dataset as ``ghatna events --format jsonl`` orders and prints them."""
    records = sorted((json.loads(r["record"]) for r in parquet(out / "events")),
                     key=lambda r: (r["date"] or "", r["evidence"]["article"],
                                    r["evidence"]["sentence_index"], r["id"]))
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def check_same_as_ingest(inputs: list[str], tmp_path: Path, partitions: str) -> Path:
    out = tmp_path / "out"
    counts = json.loads(ghatna("spark", *inputs, "--out", str(out), "--master", "local[2]",
                               "--partitions", partitions, "--json"))
    for name in DATASETS:
        rows = parquet(out / name)
        assert len(rows) == counts[name]
        assert not rows or list(rows[0]) == list(SCHEMAS[name])
    ingested, loaded = str(tmp_path / "ingest.db"), str(tmp_path / "load.db")
    ghatna("ingest", *inputs, "--db", ingested, "--workers", "1", "-q", codes=(0, 1))
    expected = ghatna("events", "--db", ingested, "--format", "jsonl")
    assert expected.strip() and spark_events(out) == expected
    assert all(r["article_id"] == json.loads(r["record"])["evidence"]["article"]
               for r in parquet(out / "events"))
    outcomes = json.loads(ghatna("load", str(out), "--db", loaded, "--json"))
    assert outcomes == {"stored": counts["articles"]} | ({"error": counts["errors"]} if counts["errors"] else {})
    assert ghatna("events", "--db", loaded, "--format", "jsonl") == expected
    return out


def test_spark_gives_the_events_of_ingest(tmp_path):
    files = sorted(Path(samples_dir()).glob("*.txt"))[:2]
    check_same_as_ingest([str(f) for f in files], tmp_path, "2")


@pytest.mark.slow
def test_spark_on_all_samples_with_errors_and_rerun(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(samples_dir(), folder)
    (folder / "broken.jsonl").write_text('{"text": "कुछ"}\nnot json\n', "utf-8")
    out = check_same_as_ingest([str(folder)], tmp_path, "3")
    errors = parquet(out / "errors")
    assert any("broken.jsonl" in e["input"] for e in errors)
    before = {name: len(parquet(out / name)) for name in DATASETS}
    ghatna("spark", str(folder), "--out", str(out), "--master", "local[2]")
    assert {name: len(parquet(out / name)) for name in DATASETS} == before  # replaced, not added
