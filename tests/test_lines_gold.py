"""The Common Voice headline sets: well-formed references, and a tool that rebuilds them only
from the file they were drawn from (tests/data/events_blind.README.md)."""

from __future__ import annotations

import json
import sys

import pytest
from helpers import DATA, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import lines_gold  # noqa: E402

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


CV_SETS = [("events_cv_blind.refs.jsonl", 320), ("events_cv_dev.refs.jsonl", 200),
           ("events_cv_blind2.refs.jsonl", 320), ("events_cv_blind3.refs.jsonl", 320),
           ("events_cv_blind4.refs.jsonl", 320), ("events_cv_blind5.refs.jsonl", 320),
           ("events_cv_blind6.refs.jsonl", 320), ("events_cv_blind7.refs.jsonl", 320)]


@pytest.mark.parametrize("name, size", CV_SETS)
def test_references_are_line_numbers_with_gold_events(name, size):
    rows = [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines()]
    assert len(rows) == size == len({r["id"] for r in rows}) == len({r["line"] for r in rows})
    for row in rows:
        assert isinstance(row["line"], int) and row["line"] > 400 and "text" not in row
        for ev in row["events"] + row.get("second_annotator", []):
            types = ev["event"] if isinstance(ev["event"], list) else [ev["event"]]
            assert set(types) <= TYPES and isinstance(ev["required"], bool)


def test_the_sets_share_no_line():
    lines = [json.loads(line)["line"] for name, _ in CV_SETS
             for line in (DATA / name).read_text("utf-8").splitlines()]
    assert len(lines) == len(set(lines))


def test_another_file_is_refused(tmp_path, capsys):
    other = tmp_path / "hi.txt"
    other.write_text("पहली पंक्ति\nदूसरी पंक्ति\n", "utf-8")
    code = lines_gold.main([str(DATA / "events_cv_dev.refs.jsonl"), "--source", str(other),
                            "-o", str(tmp_path / "out.jsonl")])
    assert code == 2 and "not the file" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()
