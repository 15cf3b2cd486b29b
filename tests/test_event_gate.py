"""Quality gate: F1 on the project's own event gold set must not drop below the saved minimum."""

from __future__ import annotations

import json
from pathlib import Path

from ghatna.coding import Processor
from ghatna.event_eval import evaluate, read_gold

HERE = Path(__file__).parent


def test_event_gold_f1_gate(settings):
    baseline = json.loads((HERE / "eval_baseline.json").read_text("utf-8"))
    rep = evaluate(read_gold(HERE / "data" / "events_gold.jsonl"), Processor(settings))
    assert rep.overall.f1 >= baseline["events_gold_f1"], (
        f"event F1 {rep.overall.f1:.3f} fell below {baseline['events_gold_f1']}")
