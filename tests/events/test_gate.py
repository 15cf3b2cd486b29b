"""Quality gates: event F1 on the project's gold sets must not drop below the saved minimums."""

from __future__ import annotations

import json

import pytest
from helpers import TESTS

from ghatna.events.coding import Processor
from ghatna.events.evaluate import evaluate, read_gold

HERE = TESTS


@pytest.fixture(scope="module")
def proc(settings):
    return Processor(settings)


@pytest.mark.parametrize("gold, key", [
    ("events_gold.jsonl", "events_gold_f1"),
    ("events_dev.jsonl", "events_dev_f1"),
    ("events_heldout.jsonl", "events_heldout_f1"),
])
def test_event_f1_gate(proc, gold, key):
    minimum = json.loads((HERE / "eval_baseline.json").read_text("utf-8"))[key]
    rep = evaluate(read_gold(HERE / "data" / gold), proc)
    assert rep.overall.f1 >= minimum, f"{gold}: event F1 {rep.overall.f1:.3f} fell below {minimum}"
